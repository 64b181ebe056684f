#!/usr/bin/env python3
"""score.py - how well listlint reads the labelled lists (tests/labels/).

For each labelled list, runs `listlint --dump-entries` on the corpus copy
and compares its entries with the hand-made labels (format in
tests/labels/README.md).  An entry read matches a label when its first
line lies within the label's lines and its primary URL is the label's
(an entry without links matches a label without one); each label and
each entry matches at most once.  Only entries starting in the labelled
range count.  Prints precision, recall and F1 per list, and, over the
matched entries, how often the description and access flags agree.

  score.py [--bin BIN] [--corpus DIR] [--check FLOORS] [--write FLOORS]
           [--verbose LIST]

--check fails (exit 1) when a list's F1 falls below its floor in FLOORS
(tab-separated: list, F1); --write records today's figures as floors.
"""
import argparse
import html
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_labels(path):
    meta, rows = {}, []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                k, _, v = line[1:].partition(":")
                meta.setdefault(k.strip(), v.strip())
                continue
            if not line.strip():
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                continue
            if len(cols) != 6:
                raise SystemExit(f"{path}: bad row: {line!r}")
            rows.append({
                "start": int(cols[0]), "end": int(cols[1]),
                "primary": None if cols[2] == "-" else cols[2],
                "desc": cols[3] == "y", "access": cols[4] == "y",
                "name": cols[5]})
    a, _, b = meta["lines"].partition("-")
    return meta["list"], (int(a), int(b)), rows


def same_url(a, b):
    if a is None or b is None:
        return a is None and b is None
    a, b = html.unescape(a.strip()), html.unescape(b.strip())
    return a == b or a.rstrip("/") == b.rstrip("/")


def score(binary, corpus, label_path, verbose=False):
    name, (lo, hi), labels = read_labels(label_path)
    path = os.path.join(corpus, name)
    out = subprocess.run([binary, "--no-config", "--dump-entries", path],
                         capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"{name}: listlint exited {out.returncode}: "
                         f"{out.stderr[:500]}")
    # a mirror row repeats an entry of its section: it is no entry
    entries = [e for e in json.loads(out.stdout)
               if lo <= e["line"] <= hi and not e.get("mirror")]
    used = set()
    matched = []
    for e in entries:
        links = e.get("links") or []
        prim = next((l["url"] for l in links if l.get("primary")), None)
        hit = None
        for i, lab in enumerate(labels):
            if i in used or not lab["start"] <= e["line"] <= lab["end"]:
                continue
            if same_url(prim, lab["primary"]):
                hit = i
                break
        if hit is None:
            if verbose:
                print(f"  extra  {e['line']}: {e.get('name')!r} {prim}")
            continue
        used.add(hit)
        matched.append((e, labels[hit]))
    if verbose:
        for i, lab in enumerate(labels):
            if i not in used:
                print(f"  missed {lab['start']}-{lab['end']}: "
                      f"{lab['name']!r} {lab['primary']}")
    tp = len(matched)
    p = tp / len(entries) if entries else (1.0 if not labels else 0.0)
    r = tp / len(labels) if labels else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    desc = sum((e.get("description") is not None) == lab["desc"]
               for e, lab in matched)
    acc = sum((e.get("access") is not None) == lab["access"]
              for e, lab in matched)
    return {"list": os.path.basename(label_path)[:-4], "labels": len(labels),
            "read": len(entries), "matched": tp, "p": p, "r": r, "f1": f1,
            "desc": desc / tp if tp else 0.0,
            "access": acc / tp if tp else 0.0}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get(
        "LL_BIN", os.path.join(ROOT, "listlint")))
    ap.add_argument("--corpus", default=os.path.join(
        ROOT, "..", "shared", "corpus", "lists"))
    ap.add_argument("--labels", default=os.path.join(ROOT, "tests", "labels"))
    ap.add_argument("--check")
    ap.add_argument("--write")
    ap.add_argument("--verbose")
    a = ap.parse_args()
    if not os.path.isdir(a.corpus):
        print(f"labels: corpus {a.corpus} not found: nothing scored")
        return 0
    files = sorted(f for f in os.listdir(a.labels) if f.endswith(".tsv")
                   and f != "floors.tsv")
    results = []
    print(f"{'list':52} {'labels':>6} {'read':>5} {'P':>6} {'R':>6} "
          f"{'F1':>6} {'desc':>5} {'acc':>5}")
    for f in files:
        v = a.verbose is not None and a.verbose in f
        s = score(a.bin, a.corpus, os.path.join(a.labels, f), v)
        results.append(s)
        print(f"{s['list'][:52]:52} {s['labels']:6} {s['read']:5} "
              f"{s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} "
              f"{s['desc']:5.2f} {s['access']:5.2f}")
    tl = sum(s["labels"] for s in results)
    tr = sum(s["read"] for s in results)
    tm = sum(s["matched"] for s in results)
    P = tm / tr if tr else 0.0
    R = tm / tl if tl else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    print(f"{'all (micro)':52} {tl:6} {tr:5} {P:6.3f} {R:6.3f} {F:6.3f}")
    if a.write:
        with open(a.write, "w") as fp:
            fp.write("# list\tF1 floor: tests/score.py --check fails below\n")
            for s in results:
                # rounded down, so that today's figure passes
                fp.write(f"{s['list']}\t{int(s['f1'] * 1000) / 1000:.3f}\n")
    if a.check:
        floors = {}
        with open(a.check) as fp:
            for line in fp:
                if line.startswith("#") or not line.strip():
                    continue
                k, v = line.split("\t")
                floors[k] = float(v)
        passed = failed = 0
        for s in results:
            fl = floors.get(s["list"])
            if fl is None:
                print(f"FAIL: {s['list']}: no floor recorded")
                failed += 1
            elif s["f1"] + 1e-9 < fl:
                print(f"FAIL: {s['list']}: F1 {s['f1']:.3f} below its "
                      f"floor {fl:.3f}")
                failed += 1
            else:
                passed += 1
        for k in floors:
            if k not in {s["list"] for s in results}:
                print(f"FAIL: {k}: a floor but no labels")
                failed += 1
        print(f"labels: {passed} passed, {failed} failed")
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
