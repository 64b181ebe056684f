#!/usr/bin/env python3
"""awesome_compat.py - the awesome profile against awesome-lint's own tests.

    LL_BIN=./listlint python3 tests/awesome_compat.py [AWESOME_LINT_DIR]

AWESOME_LINT_DIR (default ../shared/peers/awesome-lint) holds awesome-lint
2.3.0's test/ folder.  Its expectations are read from the test files
themselves, never written down here:

- `assert.deepEqual(messages, [...])`: the messages (rule, line) listed;
  `[]` means none;
- a test that logs its messages for a snapshot: the messages of its
  snapshot in test/rules/snapshots/<rule>.js.md;
- `assert.equal(messages.length, N)` over inline Markdown: N messages, on
  every list item when N is their number, else on the items its
  `includes('"Name"')` assertions name;
- `errors.length > 0`: at least one message, on any line.

A test counts when it runs the rule as awesome-lint ships it (the
plugin without options, or with the options rules/index.js gives it);
a test with other options (a custom ignore list, custom pairs) checks
an option, not the default, and is left out; so is a plain-plugin test
of a fixture that another test runs with the shipped options.

Each counted test's fixture is linted with `listlint --no-config
--profile=awesome`, and its findings on the listlint rules mapped to the
test's awesome-lint rule (rules/awesome-lint.def) are compared by line
with the expected messages.  Every expected message listlint does not
make (missed) and every finding it makes that awesome-lint does not
(extra) must be a row of the table in rules/awesome-lint-compat.md, and
every row must still be needed: otherwise the test fails.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LL = os.environ.get("LL_BIN", os.path.join(ROOT, "listlint"))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# ---- the mapping ---------------------------------------------------------

def mapping():
    text = re.sub(r"/\*.*?\*/", "", read(os.path.join(ROOT, "rules",
                                                      "awesome-lint.def")),
                  flags=re.S)
    out = {}
    for m in re.finditer(r'LL_AWESOME\(\s*"([^"]+)"\s*,((?:\s*"[^"]*")+)\s*\)',
                         text):
        ours = "".join(re.findall(r'"([^"]*)"', m.group(2)))
        out[m.group(1)] = set(ours.split())
    return out


# ---- awesome-lint's expectations -----------------------------------------

def js_string(s):
    return s.replace("\\'", "'").replace('\\"', '"').replace("\\\\", "\\")


def messages_of(array_text):
    """[{line, ruleId, message}, ...] of a JS array literal."""
    out = []
    for obj in re.finditer(r"\{(.*?)\}", array_text, flags=re.S):
        body = obj.group(1)
        line = re.search(r"line:\s*(\d+|undefined)", body)
        rule = re.search(r"ruleId:\s*'((?:[^'\\]|\\.)*)'", body)
        if not line or not rule:
            raise ValueError("unreadable message: " + body)
        out.append((None if line.group(1) == "undefined"
                    else int(line.group(1)), js_string(rule.group(1))))
    return out


def snapshots(testdir, module):
    path = os.path.join(testdir, "rules", "snapshots", module + ".js.md")
    if not os.path.exists(path):
        return {}
    out = {}
    for part in re.split(r"^## ", read(path), flags=re.M)[1:]:
        title, _, body = part.partition("\n")
        arr = re.search(r"\[(.*)\]", body, flags=re.S)
        out[title.strip()] = messages_of(arr.group(1)) if arr else []
    return out


def shipped_options(peer):
    """awesome-lint rule module -> the options rules/index.js gives it."""
    index = read(os.path.join(peer, "rules", "index.js"))
    imports = dict((v, m) for v, m in re.findall(
        r"import (\w+)(?:, \{[^}]*\})? from '\./([\w-]+)\.js'", index))
    out = {}
    for var, opts in re.findall(r"\[(\w+), \['(?:error|warn)'(.*?)\]\]",
                                index, flags=re.S):
        if var in imports:
            # without a repository URL the ignore list is empty
            o = re.sub(r"ignore: ignoreUrls,?", "", opts)
            out[imports[var]] = norm(o.lstrip(", "))
    return out


def norm(s):
    return re.sub(r"[\s,]+", "", s)


def list_items(markdown):
    """(line, name) of each list item's main link (badges skipped)."""
    out = []
    for i, line in enumerate(markdown.split("\n"), 1):
        if not re.match(r"\s*[-*+] ", line):
            continue
        names = [n for n in re.findall(r"(?<!!)\[([^\]!][^\]]*)\]\(", line)]
        if names:
            out.append((i, names[0]))
    return out


def rule_of_module(peer, module):
    path = os.path.join(peer, "rules", module + ".js")
    if not os.path.exists(path):
        return None
    m = re.search(r"lintRule\(\s*(?:\{\s*origin:\s*)?'(?:remark-lint:)?([\w-]+)",
                  read(path))
    return m.group(1) if m else None


class Case:
    def __init__(self, source, title, rule, fixture=None, markdown=None,
                 expect=None, at_least=0):
        self.source, self.title, self.rule = source, title, rule
        self.fixture, self.markdown = fixture, markdown
        self.expect = expect or []   # [(line or None, rule)]
        self.at_least = at_least     # "errors.length > 0"


def cases(peer, mapped):
    """The test cases of mapped rules, and the tests left out (why)."""
    testdir = os.path.join(peer, "test")
    shipped = shipped_options(peer)
    files = sorted(os.path.join(testdir, "rules", f)
                   for f in os.listdir(os.path.join(testdir, "rules"))
                   if f.endswith(".test.js"))
    files += sorted(os.path.join(testdir, f) for f in os.listdir(testdir)
                    if f.endswith(".test.js"))
    out, skipped = [], []
    for path in files:
        text = read(path)
        imp = re.search(r"import (\w+)(?:, \{[^}]*\})? from "
                        r"'\.\./\.\./rules/([\w-]+)\.js'", text)
        module = imp.group(2) if imp else None
        plugin = imp.group(1) if imp else None
        snaps = snapshots(testdir, module) if module else {}
        blocks = re.split(r"\n\s*it\(", text)[1:]
        for block in blocks:
            title = js_string(re.match(r"'((?:[^'\\]|\\.)*)'", block).group(1))
            where = "%s: %s" % (os.path.relpath(path, testdir), title)
            filt = re.search(r"ruleId === '([\w-]+)'", block)
            rule = (filt.group(1) if filt else
                    rule_of_module(peer, module) if module else None)
            if rule not in mapped:
                continue
            fx = re.search(r"filename: '(test/fixtures/[^']+)'", block)
            md = re.search(r"const markdown = `((?:[^`\\]|\\.)*)`", block,
                           flags=re.S)
            # the configuration the test runs
            custom = re.search(r"const (\w+) = \{\s*plugins: \[(.*?)\],\s*\};",
                               block, flags=re.S)
            if custom:
                opts = re.search(r"\[%s, (.*)\]" % re.escape(plugin or "@"),
                                 custom.group(2), flags=re.S)
                bare = re.search(r"(?<!\[)\b%s\b" % re.escape(plugin or "@"),
                                 custom.group(2))
                given = norm(opts.group(1)) if opts else "" if bare else None
                if given != shipped.get(module, ""):
                    skipped.append((where, "runs a non-default option"))
                    continue
                shipped_run = True
            else:
                shipped_run = not shipped.get(module)
            if "repoURL" in block:
                skipped.append((where, "needs the GitHub API"))
                continue
            c = Case(where, title, rule)
            c.shipped = shipped_run
            if fx:
                c.fixture = fx.group(1)
            elif md:
                c.markdown = md.group(1).replace("\\`", "`")
            else:
                raise SystemExit("%s: no fixture or Markdown found" % where)
            deq = re.search(r"assert\.deepEqual\((?:messages|\w+Errors), "
                            r"\[(.*?)\]\);", block, flags=re.S)
            count = re.search(r"assert\.equal\((?:messages|\w+Errors)\.length,"
                              r" (\d+)", block)
            if deq:
                c.expect = messages_of(deq.group(1))
            elif "t.snapshot(messages)" in block:
                if title not in snaps:
                    raise SystemExit("%s: no snapshot" % where)
                c.expect = snaps[title]
            elif re.search(r"errors\.length > 0", block):
                c.at_least = 1
            elif count and c.markdown is not None:
                n = int(count.group(1))
                items = list_items(c.markdown)
                named = re.findall(r"message\.includes\('\"?([^'\"]+)\"?'\)",
                                   block)
                if n == 0:
                    lines = []
                elif n == len(items):
                    lines = [l for l, _ in items]
                else:
                    lines = [l for l, name in items if name in named]
                    if len(lines) != n:
                        raise SystemExit("%s: cannot tell which %d items"
                                         % (where, n))
                c.expect = [(l, rule) for l in lines]
            elif count:
                c.expect = [] if count.group(1) == "0" else None
                if c.expect is None:
                    raise SystemExit("%s: unreadable expectation" % where)
            else:
                raise SystemExit("%s: unreadable expectation" % where)
            out.append(c)
    # a plain-plugin run of a fixture that is also run as shipped
    shipped_fx = {(c.rule, c.fixture) for c in out if c.shipped and c.fixture}
    kept = []
    for c in out:
        if not c.shipped and (c.rule, c.fixture) in shipped_fx:
            skipped.append((c.source, "superseded by the shipped options"))
        else:
            kept.append(c)
    return kept, skipped


# ---- listlint --------------------------------------------------------------

def lint(peer, c):
    if c.fixture:
        path = os.path.join(peer, c.fixture)
        p = subprocess.run([LL, "--no-config", "--profile=awesome",
                            "--format=json", path], capture_output=True,
                           text=True)
    else:
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "readme.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(c.markdown)
            p = subprocess.run([LL, "--no-config", "--profile=awesome",
                                "--format=json", path], capture_output=True,
                               text=True)
    if p.returncode not in (0, 1):
        raise SystemExit("%s: listlint exited %d: %s"
                         % (c.source, p.returncode, p.stderr))
    return json.loads(p.stdout)


# ---- rules/awesome-lint-compat.md ------------------------------------------

def lines_of(spec):
    if spec.strip() == "*":
        return None
    out = []
    for part in spec.split(","):
        a, _, b = part.strip().partition("-")
        out += list(range(int(a), int(b or a) + 1))
    return out


def documented():
    """Rows of the differences table: (rule, fixture, line, kind, ours)."""
    rows = []
    text = read(os.path.join(ROOT, "rules", "awesome-lint-compat.md"))
    for n, line in enumerate(text.split("\n"), 1):
        cells = [x.strip() for x in line.strip().strip("|").split("|")]
        if len(cells) != 6 or cells[3] not in ("missed", "extra"):
            continue
        rule, where, spec, kind, ours, why = cells
        if not why:
            raise SystemExit("awesome-lint-compat.md:%d: no reason" % n)
        where = where.strip("`")
        rows.append({"n": n, "rule": rule.strip("`"), "where": where,
                     "lines": lines_of(spec.strip("`")), "kind": kind,
                     "ours": ours.strip("`"), "used": 0})
    return rows


def covers(row, rule, where, line, kind, ours):
    return (row["rule"] == rule and row["where"] == where
            and row["kind"] == kind
            and (row["lines"] is None or line in row["lines"])
            and (kind == "missed" or row["ours"] == ours))


def main():
    peer = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        ROOT, "..", "shared", "peers", "awesome-lint")
    if not os.path.isdir(os.path.join(peer, "test")):
        print("note: %s not found; awesome-lint comparison skipped" % peer)
        return 0
    mapped = mapping()
    todo, skipped = cases(peer, mapped)
    rows = documented()
    stats = {}
    bad = []
    for c in todo:
        where = c.fixture[len("test/fixtures/"):] if c.fixture else c.source
        ours = [(d["line"], d["rule"]) for d in lint(peer, c)
                if d["rule"] in mapped[c.rule]]
        s = stats.setdefault(c.rule, Counter())
        s["expected"] += len(c.expect) + c.at_least
        exp = Counter(l for l, _ in c.expect)
        got = Counter(l for l, _ in ours)
        # a message without a line (a missing file) matches any line
        for _ in range(exp.pop(None, 0)):
            if sum(got.values()):
                got[next(iter(+got))] -= 1
                s["matched"] += 1
            else:
                exp[None] += 1
        missed = exp - got
        matched = sum((exp & got).values())
        if c.at_least:
            matched += min(1, sum(got.values()))
            missed += Counter() if got else Counter({None: 1})
            got = Counter()
        s["matched"] += matched
        extra_lines = got - Counter(l for l, _ in c.expect)
        extras = []
        for line, r in ours:
            if extra_lines[line] > 0:
                extra_lines[line] -= 1
                extras.append((line, r))
        for line in missed.elements():
            row = next((r for r in rows if covers(r, c.rule, where, line,
                                                    "missed", None)), None)
            if row:
                row["used"] += 1
                s["documented"] += 1
            else:
                s["missed"] += 1
                bad.append("%s: %s line %s expected, not reported"
                           % (c.rule, where, line))
        for line, r in extras:
            row = next((x for x in rows if covers(x, c.rule, where, line,
                                                  "extra", r)), None)
            if row:
                row["used"] += 1
                s["documented extra"] += 1
            else:
                s["extra"] += 1
                bad.append("%s: %s line %s: extra %s" % (c.rule, where, line,
                                                          r))
    cols = ["expected", "matched", "documented", "missed",
            "documented extra", "extra"]
    print("| awesome-lint rule | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    total = Counter()
    for rule in sorted(stats):
        total += stats[rule]
        print("| %s | " % rule + " | ".join(str(stats[rule][k])
                                            for k in cols) + " |")
    print("| total | " + " | ".join(str(total[k]) for k in cols) + " |")
    for where, why in skipped:
        print("left out: %s (%s)" % (where, why))
    for row in rows:
        if not row["used"]:
            bad.append("awesome-lint-compat.md:%d: documents a difference "
                       "that no longer occurs" % row["n"])
    for b in bad:
        print("FAIL " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
