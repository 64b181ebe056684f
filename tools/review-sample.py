#!/usr/bin/env python3
"""Draw a reproducible sample of listlint findings over a corpus, for review.

Usage:
  python3 tools/review-sample.py [--bin BINARY] [--seed N] [--per-rule 10]
                                 [--corpus DIR] [--rule ID]... [--counts] > sample.md

Runs `BINARY --no-config --format=json FILE` on every *.md of the corpus
directory (default: ../shared/corpus/lists relative to the repository root),
collects every finding, sorts them by rule, file, line and column, and for
each rule draws up to --per-rule findings with random.Random(seed) (a fresh
generator per rule, so one rule's sample does not depend on the others).
Prints Markdown: per rule a heading `### rule-id (K of TOTAL)`, then one
numbered item per sampled finding with `file:line:col`, the message, the
source line with the lines before and after it, and a `Verdict:` line.

--counts prints tables of findings per rule, per list, and per rule and list
instead of a sample.

Standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter, defaultdict

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CORPUS = os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "corpus", "lists"))
DEFAULT_BIN = os.path.join(REPO_ROOT, "listlint")
CONTEXT_MAX = 300  # characters shown of a context line (the line before / after)
LINE_MAX = 1200  # characters shown of the finding's own line (a window around the column)


def die(msg):
    sys.stderr.write(f"review-sample: {msg}\n")
    sys.exit(2)


def parse_args(argv):
    p = argparse.ArgumentParser(description="Sample listlint findings over a corpus for review.")
    p.add_argument("--bin", default=DEFAULT_BIN, help="listlint binary (default: REPO/listlint)")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--per-rule", type=int, default=10, help="findings sampled per rule (default 10)")
    p.add_argument("--corpus", default=DEFAULT_CORPUS, help="directory of *.md lists (default %(default)s)")
    p.add_argument("--rule", action="append", default=[], help="only this rule (repeatable)")
    p.add_argument("--counts", action="store_true", help="print counts per rule and per list instead of a sample")
    return p.parse_args(argv)


def corpus_files(corpus):
    try:
        names = sorted(n for n in os.listdir(corpus) if n.endswith(".md"))
    except OSError as e:
        die(f"cannot read corpus directory {corpus}: {e}")
    if not names:
        die(f"no *.md in {corpus}")
    return [os.path.join(corpus, n) for n in names]


def run_listlint(binary, path):
    try:
        proc = subprocess.run([binary, "--no-config", "--format=json", path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        die(f"cannot run {binary}: {e}")
    if proc.returncode not in (0, 1):
        die(f"{binary} exited {proc.returncode} on {path}:\n"
                 + proc.stderr.decode("utf-8", "replace"))
    try:
        data = json.loads(proc.stdout.decode("utf-8", "replace") or "[]")
    except ValueError as e:
        die(f"{binary} printed invalid JSON for {path}: {e}")
    if not isinstance(data, list):
        die(f"{binary} printed JSON that is not an array for {path}")
    return data


def collect(binary, files):
    """All findings, each with 'file' replaced by the list's name (basename)."""
    findings = []
    for path in files:
        name = os.path.basename(path)
        for f in run_listlint(binary, path):
            f = dict(f)
            f["path"] = path
            f["file"] = name
            f["line"] = int(f.get("line") or 0)
            f["column"] = int(f.get("column") or 0)
            findings.append(f)
    findings.sort(key=lambda f: (f.get("rule", ""), f["file"], f["line"], f["column"],
                                 f.get("message", "")))
    return findings


_lines_cache = {}


def source_lines(path):
    if path not in _lines_cache:
        with open(path, "rb") as fh:
            data = fh.read()
        text = data.decode("utf-8", "replace")
        # split on \n only (as listlint counts lines), drop a trailing \r
        _lines_cache[path] = [l[:-1] if l.endswith("\r") else l for l in text.split("\n")]
    return _lines_cache[path]


def clip(s, limit):
    if len(s) <= limit:
        return s
    return s[:limit] + f" …[+{len(s) - limit} chars]"


def window(s, col, limit):
    """The part of line s around byte column col (1-based), at most limit characters."""
    if len(s) <= limit:
        return s
    # columns count bytes: convert to a character index
    b = s.encode("utf-8", "replace")
    ci = len(b[:max(col - 1, 0)].decode("utf-8", "ignore"))
    start = max(0, ci - limit // 3)
    end = min(len(s), start + limit)
    out = s[start:end]
    if start > 0:
        out = f"[{start} chars]… " + out
    if end < len(s):
        out = out + f" …[+{len(s) - end} chars]"
    return out


def fence_for(text):
    run = best = 0
    for ch in text:
        if ch == "`":
            run += 1
            best = max(best, run)
        else:
            run = 0
    return "`" * max(3, best + 1)


def excerpt(f):
    lines = source_lines(f["path"])
    n = f["line"]
    out = []
    for i in (n - 1, n, n + 1):
        if 1 <= i <= len(lines):
            text = lines[i - 1]
            text = window(text, f["column"], LINE_MAX) if i == n else clip(text, CONTEXT_MAX)
            mark = ">" if i == n else " "
            out.append(f"{mark}{i:5d} | {text}")
    return "\n".join(out)


def md_escape_cell(s):
    return str(s).replace("|", "\\|")


def print_counts(findings, files, out):
    by_rule = Counter(f["rule"] for f in findings)
    lists_per_rule = defaultdict(set)
    for f in findings:
        lists_per_rule[f["rule"]].add(f["file"])
    by_list = Counter(f["file"] for f in findings)
    by_pair = Counter((f["rule"], f["file"]) for f in findings)

    out.write(f"## Findings per rule ({len(findings)} findings, {len(files)} lists)\n\n")
    out.write("| rule | findings | lists | top list (findings) |\n|---|---:|---:|---|\n")
    for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        top = max(lists_per_rule[rule], key=lambda l: (by_pair[(rule, l)], l))
        out.write(f"| {rule} | {n} | {len(lists_per_rule[rule])} | {top} ({by_pair[(rule, top)]}) |\n")

    out.write("\n## Findings per list\n\n| list | findings | rules (findings) |\n|---|---:|---|\n")
    for path in files:
        name = os.path.basename(path)
        rules = sorted(((r, c) for (r, l), c in by_pair.items() if l == name), key=lambda rc: (-rc[1], rc[0]))
        detail = ", ".join(f"{r} {c}" for r, c in rules)
        out.write(f"| {name} | {by_list.get(name, 0)} | {md_escape_cell(detail)} |\n")

    out.write("\n## Findings per rule and list\n\n| rule | list | findings |\n|---|---|---:|\n")
    for (rule, name), c in sorted(by_pair.items(), key=lambda kv: (kv[0][0], -kv[1], kv[0][1])):
        out.write(f"| {rule} | {name} | {c} |\n")


def print_sample(findings, args, out):
    by_rule = defaultdict(list)
    for f in findings:
        by_rule[f["rule"]].append(f)
    out.write(f"# listlint findings sample\n\n"
              f"binary `{args.bin}`, corpus `{args.corpus}`, seed {args.seed}, "
              f"up to {args.per_rule} findings per rule; {len(findings)} findings in all.\n")
    for rule in sorted(by_rule):
        pool = by_rule[rule]  # already sorted by rule, file, line, column
        rng = random.Random(args.seed)
        k = min(args.per_rule, len(pool))
        picked = sorted(rng.sample(range(len(pool)), k))
        out.write(f"\n### {rule} ({k} of {len(pool)})\n\n")
        for num, idx in enumerate(picked, 1):
            f = pool[idx]
            src = excerpt(f)
            fence = fence_for(src)
            ind = " " * len(f"{num}. ")  # keep the block inside the list item
            out.write(f"{num}. `{f['file']}:{f['line']}:{f['column']}` {f.get('severity', '')}: "
                      f"{f.get('message', '')}\n\n")
            out.write(ind + fence + "text\n")
            for l in src.split("\n"):
                out.write(ind + l + "\n")
            out.write(ind + fence + "\n\n")
            out.write(ind + "Verdict: \n\n")


def main(argv):
    args = parse_args(argv)
    args.corpus = os.path.abspath(args.corpus)
    files = corpus_files(args.corpus)
    findings = collect(args.bin, files)
    if args.rule:
        wanted = set(args.rule)
        findings = [f for f in findings if f.get("rule") in wanted]
    out = sys.stdout
    if args.counts:
        print_counts(findings, files, out)
    else:
        print_sample(findings, args, out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
