#!/usr/bin/env python3
"""fix_corpus.py - --fix over every real list, each copied to a temporary
directory ($LL_BIN the binary; the lists: ../shared/corpus/lists/*.md, or
the arguments).  For each list:

- each pass of --fix (LL_TEST_FIX_PASSES=1, repeated) makes exactly the
  edits its JSON findings report (their fix objects, taken in the
  engine's order): no byte outside them changes;
- the passes end where one --fix ends, and a second --fix changes
  nothing;
- the fixed file's findings are some of the original's (same rule and
  line: fixes add and remove no lines), none of them with a fix left;
- the fixed file reads as the same entries (--dump-entries): the same
  lines, styles, sections and number of links, and names, descriptions
  and URLs equal apart from what the fixes change;
- --diff, applied with patch -p1, gives the bytes --fix wrote.

FIX_CORPUS_ARGS adds options to every run (make test runs it again with
--profile awesome, whose fixes include the Contents list's, which add
and delete lines: lines are mapped through a diff of the two texts).

With --table, prints per list the findings --fix resolved and those that
remain.  Exit status 1 when a check fails.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

BIN = os.environ.get("LL_BIN", "./listlint")
FAILS = []


def run(args, cwd, env=None, check_status=(0, 1)):
    e = dict(os.environ)
    e.update(env or {})
    extra = os.environ.get("FIX_CORPUS_ARGS", "").split()
    p = subprocess.run([BIN] + extra + args, cwd=cwd, env=e, capture_output=True)
    if p.returncode not in check_status:
        FAILS.append("%s: exit %d: %s" % (" ".join(args), p.returncode,
                                          p.stderr[:500].decode("utf-8", "replace")))
    return p


def rule_order():
    out = subprocess.run([BIN, "--list-rules"], capture_output=True).stdout
    return {l.split()[0]: i for i, l in enumerate(out.decode().splitlines())}


ORDER = {}


def expected(data, findings):
    """The bytes the engine makes of data from the findings' fixes."""
    edits = []
    for f in findings:
        x = f.get("fix")
        if x is None:
            continue
        text = x["replacement"].encode("utf-8")
        edits.append((x["offset"], x["end_offset"], ORDER[f["rule"]], text))
    edits.sort()
    out, at, last = [], 0, None
    for e in edits:
        if last and e[0] == last[0] and e[1] == last[1] and e[3] == last[3]:
            continue
        if last and (e[0] < last[1] or e[0] == last[0]):
            continue
        out.append(data[at:e[0]])
        out.append(e[3])
        at = e[1]
        last = e
    out.append(data[at:])
    return b"".join(out)


def replacement_safe(findings):
    """JSON replacements are exact unless the text was not valid UTF-8."""
    for f in findings:
        if "fix" in f and "\ufffd" in f["fix"]["replacement"]:
            return False
    return True


ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def norm_text(s):
    if s is None:
        return None
    s = ZW.sub("", s).replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"https://(?=www\.)", "", s)  # missing-scheme
    s = s.strip().rstrip(".")
    s = "".join(c for c in s if ord(c) < 128)  # mojibake repairs
    return s.lower()


def norm_url(u):
    u = ZW.sub("", u).strip("\u00a0")
    u = re.sub(r"^https?://", "", u)
    u = u.split("?")[0].split("#")[0]
    return u


def line_map(a, b):
    """1-based lines of a to those of b, through a diff of the two (the
    Contents fix adds and deletes lines): a changed line maps to the
    start of its replacement."""
    import difflib
    la, lb = a.split(b"\n"), b.split(b"\n")
    m = {}
    sm = difflib.SequenceMatcher(None, la, lb, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        for k in range(i1, i2):
            # a line replaced in place keeps its place; in a block that
            # grew or shrank, as far as the block reaches
            off = min(k - i1, max(j2 - j1 - 1, 0))
            m[k + 1] = j1 + off + 1
    m[len(la) + 1] = len(lb) + 1
    return m


def same_entries(name, before, after, lmap):
    if len(before) != len(after):
        FAILS.append("%s: %d entries before the fix, %d after" %
                     (name, len(before), len(after)))
        return
    for a, b in zip(before, after):
        where = "%s:%d" % (name, a["line"])
        for k in ("line", "end_line", "style", "section"):
            want = lmap.get(a[k], a[k]) if k in ("line", "end_line") else a[k]
            if want != b[k]:
                FAILS.append("%s: entry's %s changed: %r -> %r" %
                             (where, k, a[k], b[k]))
        for k in ("name", "description"):
            if a[k] != b[k] and norm_text(a[k]) != norm_text(b[k]):
                FAILS.append("%s: entry's %s changed: %r -> %r" %
                             (where, k, a[k], b[k]))
        if len(a["links"]) != len(b["links"]):
            FAILS.append("%s: links changed in number" % where)
            continue
        for la, lb in zip(a["links"], b["links"]):
            if la["url"] != lb["url"] and norm_url(la["url"]) != norm_url(lb["url"]):
                FAILS.append("%s: link changed: %r -> %r" %
                             (where, la["url"], lb["url"]))


def check(path, tmp, table):
    name = os.path.basename(path)
    work = os.path.join(tmp, "w")
    os.makedirs(work, exist_ok=True)
    f = os.path.join(work, name)
    shutil.copyfile(path, f)
    orig = open(f, "rb").read()
    before = json.loads(run(["--no-config", "-f", "json", name], work).stdout)
    dump_before = json.loads(run(["--no-config", "--dump-entries", name],
                                 work, check_status=(0,)).stdout)
    # pass by pass, each against its own findings
    cur = orig
    for _ in range(12):
        found = json.loads(run(["--no-config", "-f", "json", name], work).stdout)
        want = expected(cur, found)
        run(["--no-config", "-q", "--fix", name], work,
            env={"LL_TEST_FIX_PASSES": "1"})
        nxt = open(f, "rb").read()
        if replacement_safe(found) and nxt != want:
            FAILS.append("%s: a pass changed bytes outside its findings' "
                         "fixes" % name)
            break
        if nxt == cur:
            break
        cur = nxt
    by_passes = cur
    # one --fix from the original
    open(f, "wb").write(orig)
    run(["--no-config", "-q", "--fix", name], work)
    fixed = open(f, "rb").read()
    if fixed != by_passes:
        FAILS.append("%s: --fix differs from its passes one by one" % name)
    run(["--no-config", "-q", "--fix", name], work)
    if open(f, "rb").read() != fixed:
        FAILS.append("%s: a second --fix changed the file" % name)
    after = json.loads(run(["--no-config", "-f", "json", name], work).stdout)
    lmap = line_map(orig, fixed)
    left = {}
    for g in before:
        k = (g["rule"], lmap.get(g["line"], g["line"]))
        left[k] = left.get(k, 0) + 1
    for g in after:
        k = (g["rule"], g["line"])
        if left.get(k, 0) == 0:
            FAILS.append("%s:%d: a new finding after the fix: %s" %
                         (name, g["line"], g["message"]))
        else:
            left[k] -= 1
        if "fix" in g:
            FAILS.append("%s:%d: a fix left after --fix: %s [%s]" %
                         (name, g["line"], g["message"], g["rule"]))
    dump_after = json.loads(run(["--no-config", "--dump-entries", name],
                                work, check_status=(0,)).stdout)
    same_entries(name, dump_before, dump_after, lmap)
    # --diff and patch
    open(f, "wb").write(orig)
    d = run(["--no-config", "-q", "--diff", name], work)
    if open(f, "rb").read() != orig:
        FAILS.append("%s: --diff wrote the file" % name)
    if d.stdout:
        p = subprocess.run(["patch", "-p1", "-s", "--no-backup-if-mismatch"],
                           cwd=work, input=d.stdout, capture_output=True)
        if p.returncode != 0:
            FAILS.append("%s: patch failed: %s" % (name, p.stdout[:300]))
    if open(f, "rb").read() != fixed:
        FAILS.append("%s: --diff applied with patch differs from --fix" % name)
    os.unlink(f)
    if table:
        fixable = sum(1 for g in before if "fix" in g)
        print("| %s | %d | %d | %d | %d |" % (name, len(before), fixable,
                                              len(before) - len(after),
                                              len(after)))


def main():
    args = sys.argv[1:]
    table = "--table" in args
    args = [a for a in args if a != "--table"]
    ORDER.update(rule_order())
    lists = args or sorted(glob.glob("../shared/corpus/lists/*.md"))
    if not lists:
        lists = sorted(glob.glob("tests/golden/*.md"))
    if table:
        print("| list | findings | with a fix | resolved by --fix | remaining |")
        print("|---|---|---|---|---|")
    tmp = tempfile.mkdtemp(prefix="listlint-fix-")
    try:
        for path in lists:
            check(os.path.abspath(path), tmp, table)
    finally:
        shutil.rmtree(tmp)
    for m in FAILS[:int(os.environ.get("FIX_CORPUS_SHOW", "50"))]:
        print("FAIL:", m)
    print("fix corpus: %d lists, %d failures" % (len(lists), len(FAILS)))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
