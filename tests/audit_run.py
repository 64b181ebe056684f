#!/usr/bin/env python3
"""audit_run.py - `listlint audit` on real lists in real git repositories.

    LL_BIN=./listlint python3 tests/audit_run.py [--keep DIR]

Each case builds what it needs in a temporary directory: git repositories
with a corpus list committed (a GitHub remote is only a URL: nothing is
fetched), a link server on 127.0.0.1 (tests/httpd.py) for link health.
It checks the summary against listlint's own lint of the same files, the
links to lines, the comparison with the previous audit (--since), the
link verdicts from a check and then from the cache alone, many lists at
once, and the errors.  --keep DIR leaves a hostile list's report there
for the browser test (tests/audit_browser.py --report DIR).
"""
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("LL_BIN", os.path.join(ROOT, "listlint"))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "lists")
LIST = "kakoni__awesome-healthcare__README.md"  # 36 findings, some fixable
FAILED = []
PASSED = [0]


def check(cond, what):
    if cond:
        PASSED[0] += 1
    else:
        FAILED.append(what)
        print(f"FAIL: {what}", file=sys.stderr)


def run(args, cwd, check_rc=None):
    env = dict(os.environ, NO_COLOR="1")
    p = subprocess.run([BIN] + args, cwd=cwd, env=env, text=True,
                       capture_output=True, timeout=300)
    if check_rc is not None and p.returncode != check_rc:
        FAILED.append(f"{args}: exit {p.returncode}, wanted {check_rc}: "
                      f"{p.stderr.strip()[:300]}")
        print(f"FAIL: {FAILED[-1]}", file=sys.stderr)
    return p


def git(repo, *args):
    subprocess.run(["git", "-C", repo, "-c", "user.name=t",
                    "-c", "user.email=t@example.org", *args], check=True,
                   capture_output=True)


def new_repo(path, remote="https://github.com/example/health-list.git"):
    os.makedirs(path, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    if remote:
        git(path, "remote", "add", "origin", remote)


def commit(repo, msg):
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", msg)
    return subprocess.run(["git", "-C", repo, "rev-parse", "HEAD"],
                          capture_output=True, text=True).stdout.strip()


def load(out):
    with open(os.path.join(out, "audit.json"), encoding="utf-8") as f:
        return json.load(f)


def lint_json(path, cwd):
    p = run(["--no-config", "--format=json", path], cwd)
    return json.loads(p.stdout)


def case_summary_equals_lint_and_links_lines(tmp):
    repo = os.path.join(tmp, "health")
    new_repo(repo)
    shutil.copy(os.path.join(CORPUS, LIST), os.path.join(repo, "README.md"))
    head = commit(repo, "the list")
    run(["audit", "--no-config", "--output", "out", "README.md"], repo, 0)
    s = load(os.path.join(repo, "out"))
    check(s["format"] == "listlint-audit" and s["version"] == 1, "format")
    lst = s["lists"][0]
    want = lint_json("README.md", repo)
    check(len(lst["findings"]) == len(want),
          f"findings {len(lst['findings'])} == lint's {len(want)}")
    got = sorted((f["rule"], f["line"], f["column"]) for f in lst["findings"])
    check(got == sorted((f["rule"], f["line"], f["column"]) for f in want),
          "the same findings as the lint, rule by rule and line by line")
    check(lst["fixable"] == sum(1 for f in want if "fix" in f),
          "fixable = findings with a fix")
    check(s["totals"]["findings"] == len(want), "totals")
    for sev in ("error", "warning", "info"):
        n = sum(1 for f in want if f["severity"] == sev)
        check(lst["by_severity"][sev] == n == s["totals"]["by_severity"][sev],
              f"{sev}: {lst['by_severity'][sev]} == lint's {n}")
    check(sorted((r["rule"], r["count"]) for r in lst["by_rule"]) ==
          sorted((r, sum(1 for f in want if f["rule"] == r))
                 for r in {f["rule"] for f in want}), "by_rule counts")
    dump = json.loads(run(["--no-config", "--dump-entries", "README.md"],
                          repo).stdout)
    entries = [e for e in dump if not e.get("mirror")]
    check(lst["entries"] == len(entries), "entries = --dump-entries'")
    check(lst["with_description"] ==
          sum(1 for e in entries if e["description"]), "with_description")
    check(sum(x["entries"] for x in lst["sections"]) == lst["entries"],
          "sections add up to the entries")
    check(sum(x["findings"] for x in lst["sections"]) == len(want),
          "sections add up to the findings")
    base = f"https://github.com/example/health-list/blob/{head}/README.md#L"
    check(lst["line_url"] == base + "{line}", f"line_url {lst['line_url']}")
    check(all(f["href"] == f"{base}{f['line']}" for f in lst["findings"]),
          "every finding links to its line at the commit")
    check(s["changes"] is None, "no previous audit: no changes")
    check(not s["links_known"] and
          lst["links"]["by_verdict"]["unknown"] == lst["links"]["total"],
          "links unknown without a check or a cache")
    for page in ("index.html", lst["page"]):
        check(os.path.exists(os.path.join(repo, "out", page)), page)

    # an edit not committed: GitHub's lines are not the file's any more
    with open(os.path.join(repo, "README.md"), "a") as f:
        f.write("\n- [Late](https://late.example.org) - Added later\n")
    run(["audit", "--no-config", "--output", "out2", "README.md"], repo, 0)
    lst = load(os.path.join(repo, "out2"))["lists"][0]
    check(lst["line_url"] == f"../source/{lst['slug']}.html#L{{line}}",
          "a changed file links to the local source view")
    src = os.path.join(repo, "out2", "source", lst["slug"] + ".html")
    check(os.path.exists(src), "the source view is written")
    with open(src, encoding="utf-8") as f:
        html = f.read()
    check(f'id="L{lst["findings"][0]["line"]}"' in html,
          "the source view has the line's anchor")


def case_since_two_versions(tmp):
    repo = os.path.join(tmp, "since")
    new_repo(repo)
    with open(os.path.join(CORPUS, LIST), encoding="utf-8") as f:
        lines = f.read().split("\n")
    with open(os.path.join(repo, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    commit(repo, "v1")
    run(["audit", "--no-config", "--output", "out"], repo, 0)
    v1 = load(os.path.join(repo, "out"))["lists"][0]["findings"]
    # v2: the line of one finding removed, one new entry with a bad link
    gone = next(f for f in v1 if f["rule"] != "insecure-http")
    del lines[gone["line"] - 1]
    at = max(i for i, l in enumerate(lines) if l.startswith("- ["))
    lines.insert(at + 1, "- [Broken](htps://broken.example.org) - A tool.")
    with open(os.path.join(repo, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    commit(repo, "v2")
    old = os.path.join(tmp, "v1.json")
    shutil.copy(os.path.join(repo, "out", "audit.json"), old)
    # the previous audit.json in the output folder is the default
    run(["audit", "--no-config", "--output", "out"], repo, 0)
    s = load(os.path.join(repo, "out"))
    ch = s["changes"]
    check(ch is not None, "changes against the folder's audit.json")
    if not ch:
        return
    check(ch["since"] == json.load(open(old))["generated"], "since")
    new = {(f["rule"], f["line"]) for f in ch["new_findings"]}
    check(any(line == at + 2 for _, line in new),
          f"the new entry's finding is new: {sorted(new)[:5]}")
    check(any(f["rule"] == gone["rule"] and f["line"] == gone["line"]
              for f in ch["fixed_findings"]),
          f"the removed line's {gone['rule']} is fixed")
    # findings that only moved are neither new nor fixed
    moved = len(v1) - 1
    check(len(ch["fixed_findings"]) <= 3 and len(ch["new_findings"]) <= 3,
          f"moved findings stay (of {moved}): new {len(ch['new_findings'])}"
          f", fixed {len(ch['fixed_findings'])}")
    # --since names the file; the same answer
    run(["audit", "--no-config", "--output", "out3", "--since", old], repo, 0)
    ch3 = load(os.path.join(repo, "out3"))["changes"]
    check(ch3 and len(ch3["new_findings"]) == len(ch["new_findings"]) and
          len(ch3["fixed_findings"]) == len(ch["fixed_findings"]),
          "--since FILE compares the same")


def start_httpd(tmp, port=0):
    pf = os.path.join(tmp, "port")
    if os.path.exists(pf):
        os.unlink(pf)
    p = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests",
                                                      "httpd.py"),
                          "--port-file", pf, "--lifetime", "120",
                          "--port", str(port)])
    for _ in range(200):
        if os.path.exists(pf) and open(pf).read().strip():
            return p, int(open(pf).read().split()[0])
        time.sleep(0.05)
    p.kill()
    raise RuntimeError("tests/httpd.py did not start")


def case_link_health(tmp):
    repo = os.path.join(tmp, "links")
    new_repo(repo)
    srv, port = start_httpd(tmp)
    u = f"http://127.0.0.1:{port}"
    with open(os.path.join(repo, "README.md"), "w") as f:
        f.write("# Links\n\n## Tools\n\n"
                f"- [Alive]({u}/ok) - Is there.\n"
                f"- [Gone]({u}/404) - Is not.\n"
                f"- [Moved]({u}/301) - Went elsewhere.\n")
    commit(repo, "links")
    cache = os.path.join(tmp, "cache.json")
    flags = ["--no-config", "--allow-private", "--cache=" + cache,
             "--link-timeout=5"]
    try:
        run(["audit", "--check-links", "--output", "out"] + flags, repo, 0)
    finally:
        srv.terminate()
        srv.wait()
    s = load(os.path.join(repo, "out"))
    lk = s["lists"][0]["links"]
    check(s["links_known"], "links known after --check-links")
    bv = lk["by_verdict"]
    check(bv["alive"] == 1 and bv["dead"] == 1 and bv["redirected"] == 1,
          f"verdicts {bv}")
    check(lk["hosts"][0]["host"] == "127.0.0.1" and
          lk["hosts"][0]["total"] == 3, f"hosts {lk['hosts']}")
    tools = [x for x in s["lists"][0]["sections"] if x["title"] == "Tools"]
    check(tools and tools[0]["dead_links"] == 1 and tools[0]["links"] == 3,
          "the section's dead links")
    check(any(f["rule"] == "dead-link" for f in s["lists"][0]["findings"]),
          "a dead link is a finding")
    # the server is gone: the cache alone gives the same health
    run(["audit", "--output", "out2"] + flags, repo, 0)
    lk2 = load(os.path.join(repo, "out2"))["lists"][0]["links"]
    check(lk2["by_verdict"] == bv, f"from the cache: {lk2['by_verdict']}")
    # checked again (not taken from the cache: --cache-age=0) with the
    # server down: the alive link died
    run(["audit", "--check-links", "--link-retries=1", "--cache-age=0",
         "--output", "out"]
        + flags, repo, 0)
    ch = load(os.path.join(repo, "out"))["changes"]
    died = {d["url"] for d in ch["links_died"]} if ch else set()
    check(f"{u}/ok" in died, f"a link that died: {died}")
    # and back, on the same port
    srv, _ = start_httpd(tmp, port)
    try:
        run(["audit", "--check-links", "--cache-age=0", "--output", "out"]
            + flags, repo, 0)
        ch = load(os.path.join(repo, "out"))["changes"]
        back = {d["url"] for d in ch["links_revived"]} if ch else set()
        check(f"{u}/ok" in back, f"a link that came back: {back}")
    finally:
        srv.terminate()
        srv.wait()


def case_many_lists(tmp):
    top = os.path.join(tmp, "many")
    a, b = os.path.join(top, "a"), os.path.join(top, "b")
    new_repo(a, "git@github.com:example/a.git")
    new_repo(b, None)
    shared = "- [Same](https://same.example.org/x) - The same tool.\n"
    with open(os.path.join(a, "README.md"), "w") as f:
        f.write("# A\n\n## One\n\n" + shared +
                "- [Other](https://other.example.org) - Another tool.\n")
    os.makedirs(os.path.join(a, "docs"))
    with open(os.path.join(a, "docs", "more.md"), "w") as f:
        f.write("# More\n\n## Two\n\n" + shared)
    with open(os.path.join(a, "CONTRIBUTING.md"), "w") as f:
        f.write("# Contributing\n\nOpen a pull request.\n")
    with open(os.path.join(b, "README.md"), "w") as f:
        f.write("# B\n\n## Three\n\n" + shared)
    commit(a, "a")
    commit(b, "b")
    p = run(["audit", "--no-config", "--jobs", "2", "--output",
             os.path.join(tmp, "many-out"), top], tmp, 0)
    s = load(os.path.join(tmp, "many-out"))
    files = sorted(l["file"] for l in s["lists"])
    check(len(files) == 3 and not any("CONTRIBUTING" in f for f in files),
          f"three lists, no contributing guide: {files}")
    check(s["totals"]["lists"] == 3, "totals.lists")
    slugs = [l["slug"] for l in s["lists"]]
    check(len(set(slugs)) == 3 and all(re.fullmatch(r"[A-Za-z0-9_-]+", x)
                                       for x in slugs), f"slugs {slugs}")
    dups = [d for d in s["duplicates"] if "same.example.org" in d["key"]]
    places = sorted(x["file"] for d in dups for x in d["places"])
    check(len(dups) == 1 and len(places) == 2 and
          all(f.startswith(os.path.join(top, "a")) or f.startswith("a/")
              or "/a/" in f for f in places),
          f"one duplicate across the files of repository a only: {places}")
    gh = [l for l in s["lists"] if l["repository"] and
          l["repository"]["github"]]
    check(len(gh) == 2 and all(l["repository"]["github"] ==
                               "https://github.com/example/a" for l in gh),
          "scp-like remote read as GitHub")
    check("3 lists" in p.stdout, f"says what it wrote: {p.stdout.strip()}")
    # a file naming the paths
    with open(os.path.join(tmp, "lists.txt"), "w") as f:
        f.write(f"# the lists\n{a}/README.md\n\n{b}/README.md\n")
    run(["audit", "--no-config", "--output", os.path.join(tmp, "l-out"),
         os.path.join(tmp, "lists.txt")], tmp, 0)
    check(load(os.path.join(tmp, "l-out"))["totals"]["lists"] == 2,
          "a file of paths")


def case_hostile(tmp, keep):
    repo = os.path.join(tmp, "hostile")
    new_repo(repo, None)
    with open(os.path.join(repo, "README.md"), "w") as f:
        f.write("# Hostile <script>alert('h1')</script>\n\n"
                "## <img src=x onerror=alert('section')>\n\n"
                "- [<script>alert(1)</script>](javascript:alert(2)) - "
                "Runs <img src=x onerror=alert(3)> nothing.\n"
                "- [Data](data:text/html,<script>alert(4)</script>) - "
                "\"><svg onload=alert(5)>.\n"
                "- [Quote\"'](https://ok.example.org/?a=\"><script>alert(6)"
                "</script>) - </script><script>alert(7)</script>\n"
                "- [Twice](javascript:alert(8)) - Twice.\n"
                "- [Twice](javascript:alert(8)) - Twice.\n")
    out = keep or os.path.join(tmp, "hostile-out")
    run(["audit", "--no-config", "--output", out, "README.md"], repo, 0)
    for name in os.listdir(os.path.join(out, "lists")) + ["../index.html"]:
        with open(os.path.join(out, "lists", name), encoding="utf-8") as f:
            html = f.read()
        raw = [t for t in ("<script>alert", "<img src=x", "<svg onload")
               if t in html]
        shown = name == "../index.html" or \
            "&lt;img src=x onerror=alert(" in html  # the section's title
        check(not raw and shown,
              f"{name}: the list's markup is text, escaped: {raw}")
        check(not re.search(r'href="\s*(javascript|data):', html, re.I),
              f"{name}: no javascript: or data: link")
        check(re.search(r"Content-Security-Policy", html) is not None,
              f"{name}: a Content-Security-Policy")


def case_errors(tmp):
    p = run(["audit", "--output", os.path.join(tmp, "x"),
             os.path.join(tmp, "missing.md")], tmp, 2)
    check("missing.md" in p.stderr, f"names the missing file: {p.stderr}")
    with open(os.path.join(tmp, "plain-file"), "w") as f:
        f.write("x")
    with open(os.path.join(tmp, "ok.md"), "w") as f:
        f.write("- [A](https://a.example.org) - A.\n")
    p = run(["audit", "--no-config", "--output",
             os.path.join(tmp, "plain-file", "sub"),
             os.path.join(tmp, "ok.md")], tmp, 3)
    check("plain-file" in p.stderr, f"names the output it cannot write: "
          f"{p.stderr.strip()}")
    with open(os.path.join(tmp, "bad.json"), "w") as f:
        f.write('{"format": "something else"}')
    p = run(["audit", "--no-config", "--since", os.path.join(tmp, "bad.json"),
             "--output", os.path.join(tmp, "o"), os.path.join(tmp, "ok.md")],
            tmp, 2)
    check("bad.json" in p.stderr, "names a --since that is no audit")
    p = run(["audit", "--format=json", "ok.md"], tmp, 2)
    check("audit" in p.stderr, "--format does not go with audit")
    p = run(["--output", "x", "ok.md"], tmp, 2)
    check("audit" in p.stderr, "--output goes with audit only")


def main():
    keep = None
    if len(sys.argv) == 3 and sys.argv[1] == "--keep":
        keep = os.path.abspath(sys.argv[2])
        shutil.rmtree(keep, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        for case in (case_summary_equals_lint_and_links_lines,
                     case_since_two_versions, case_link_health,
                     case_many_lists, case_errors):
            try:
                case(tmp)
            except Exception as e:  # a crash of one case is its failure
                FAILED.append(f"{case.__name__}: {e!r}")
                print(f"FAIL: {FAILED[-1]}", file=sys.stderr)
        try:
            case_hostile(tmp, keep)
        except Exception as e:
            FAILED.append(f"case_hostile: {e!r}")
    print(f"audit_run: {PASSED[0]} passed, {len(FAILED)} failed")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
