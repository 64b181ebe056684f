#!/usr/bin/env python3
"""audit_browser.py - the audit's pages in a real browser (Debian's chromium).

    python3 tests/audit_browser.py --report DIR [--screenshot PNG]

opens DIR/index.html and every DIR/lists/<slug>.html from disk and checks
them against DIR/audit.json: the counts in the DOM equal the summary's, a
finding's link points to its line (and the local source view has that
line), filtering by rule shows exactly that rule's rows, sorting orders a
numeric column (by mouse and by keyboard), nothing was requested but the
file:// documents themselves, no script ran but the page's own, nothing
in the data became an element or a live javascript:/data: link, and the
Content-Security-Policy blocks a script and an event handler injected
after the fact.  A screenshot of the first list page is saved and must
not be blank.

Chromium is driven through the DevTools protocol over a pipe
(--remote-debugging-pipe: commands on fd 3, replies on fd 4, JSON
messages ended by NUL), with the standard library only.  Without chromium
the test says so loudly and exits 0 (LL_REQUIRE_BROWSER=1 makes that a
failure); every step has a timeout, so a hang fails instead of hanging.
"""

import argparse
import json
import os
import queue
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import zlib

STEP_TIMEOUT = 30.0  # seconds for one protocol command
PAGE_TIMEOUT = 60.0  # seconds for everything done with one page


class Fail(Exception):
    pass


# ---- the DevTools protocol over a pipe ----------------------------------


class Browser:
    def __init__(self, exe, profile):
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def fds():  # in the child, before exec: the pipe ends become 3, 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        args = [exe, "--headless=new", "--remote-debugging-pipe",
                "--no-sandbox", "--user-data-dir=" + profile,
                "--no-first-run", "--no-default-browser-check",
                "--disable-gpu", "--disable-extensions",
                "--disable-background-networking", "--disable-sync",
                "--disable-component-update", "--disable-default-apps",
                "--metrics-recording-only", "--mute-audio",
                "--window-size=1280,1600", "about:blank"]
        self.log = open(os.path.join(profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=self.log,
            stderr=subprocess.STDOUT, pass_fds=(3, 4), preexec_fn=fds)
        os.close(to_child_r)
        os.close(from_child_w)
        self._next = 0
        self._replies = {}
        self._cond = threading.Condition()
        self.events = queue.Queue()
        self._eof = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self._from_child, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._eof = True
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._cond:
                        self._replies[msg["id"]] = msg
                        self._cond.notify_all()
                else:
                    self.events.put(msg)

    def send(self, method, params=None, session=None, timeout=STEP_TIMEOUT):
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self._to_child, json.dumps(msg).encode() + b"\0")
        end = time.monotonic() + timeout
        with self._cond:
            while self._next not in self._replies:
                left = end - time.monotonic()
                if left <= 0:
                    raise Fail("%s: no answer within %.0f s" % (method, timeout))
                if self._eof:
                    raise Fail("%s: chromium went away" % method)
                self._cond.wait(left)
            reply = self._replies.pop(self._next)
        if "error" in reply:
            raise Fail("%s: %s" % (method, reply["error"]))
        return reply.get("result", {})

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Fail:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_child)
        self.log.close()


# A watcher added before each document's own script: it records dialogs
# and CSP violations (DevTools' scripts are not subject to the policy).
WATCHER = """
window.__ll = {calls: [], violations: []};
for (const f of ['alert', 'confirm', 'prompt', 'print', 'open'])
  window[f] = function () { window.__ll.calls.push(f); };
document.addEventListener('securitypolicyviolation', function (e) {
  window.__ll.violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


class Tab:
    """One page target, attached with a flat session."""

    def __init__(self, browser):
        self.b = browser
        t = browser.send("Target.createTarget", {"url": "about:blank"})
        self.sid = browser.send("Target.attachToTarget",
                                {"targetId": t["targetId"],
                                 "flatten": True})["sessionId"]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.cmd(domain + ".enable")
        self.cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCHER})
        self.cmd("Emulation.setDeviceMetricsOverride",
                 {"width": 1280, "height": 1600, "deviceScaleFactor": 1,
                  "mobile": False})
        self.seen = []

    def cmd(self, method, params=None, timeout=STEP_TIMEOUT):
        return self.b.send(method, params, self.sid, timeout)

    def drain(self):
        while True:
            try:
                ev = self.b.events.get_nowait()
            except queue.Empty:
                return
            if ev.get("sessionId") == self.sid:
                self.seen.append(ev)
                if ev["method"] == "Page.javascriptDialogOpening":
                    self.cmd("Page.handleJavaScriptDialog", {"accept": False})

    def wait_event(self, method, deadline):
        while True:
            for i, ev in enumerate(self.seen):
                if ev["method"] == method:
                    del self.seen[i]
                    return ev
            left = deadline - time.monotonic()
            if left <= 0:
                raise Fail("no %s in time" % method)
            try:
                ev = self.b.events.get(timeout=min(left, 1.0))
            except queue.Empty:
                continue
            self.b.events.put(ev)
            self.drain()

    def open(self, url, deadline):
        self.drain()
        self.seen = []
        self.cmd("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", deadline)
        self.js("new Promise(r => setTimeout(r, 100))")
        self.drain()

    def js(self, expr):
        r = self.cmd("Runtime.evaluate", {"expression": expr,
                                          "returnByValue": True,
                                          "awaitPromise": True})
        if "exceptionDetails" in r:
            raise Fail("script failed: %s\n%s" % (
                r["exceptionDetails"].get("exception", {}).get(
                    "description", r["exceptionDetails"]), expr))
        return r["result"].get("value")

    def events_of(self, method):
        self.drain()
        return [e["params"] for e in self.seen if e["method"] == method]


# ---- the checks ------------------------------------------------------------


class Checker:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def eq(self, what, got, want):
        self.checks += 1
        if got != want:
            self.failures.append("%s: got %r, want %r" % (what, got, want))

    def true(self, what, cond, detail=""):
        self.checks += 1
        if not cond:
            self.failures.append(what + (": " + str(detail) if detail else ""))


def is_live(href, report_dir):
    """The writer's rule (src/audit/html.c): http(s), or a source view
    that exists."""
    if any(ord(c) <= 0x20 or c in "\x7f\\" for c in href):
        return False
    low = href.lower()
    if (low.startswith("https://") and len(href) > 8) or \
       (low.startswith("http://") and len(href) > 7):
        return True
    if href.startswith("../source/"):
        name = href[len("../source/"):].split("#", 1)[0]
        slug = name[:-5] if name.endswith(".html") else ""
        ok = slug and all(c.isalnum() and c.isascii() or c in "-_"
                          for c in slug)
        frag = href.split("#", 1)[1] if "#" in href else None
        if frag is not None and not (frag.startswith("L") and
                                     frag[1:].isdigit()):
            return False
        return bool(ok) and os.path.exists(
            os.path.join(report_dir, "source", slug + ".html"))
    return False


def check_safety(c, tab, where, scripts):
    """Nothing from the data became markup, ran, or was fetched."""
    s = tab.js("""(() => {
      const bad = [];
      for (const el of document.querySelectorAll('*')) {
        for (const a of el.attributes)
          if (a.name.toLowerCase().startsWith('on'))
            bad.push(el.tagName + '[' + a.name + ']');
      }
      const hrefs = [...document.querySelectorAll('[href]')].map(
          a => [a.tagName, a.getAttribute('href'), a.protocol || '']);
      return {
        bad,
        scripts: document.scripts.length,
        img: document.querySelectorAll('img,iframe,object,embed,form,base,'
                                      + 'link,video,audio,source').length,
        svg: [...document.querySelectorAll('svg')].filter(
            x => !x.classList.contains('chart')).length,
        svgKids: document.querySelectorAll(
            'svg.chart *:not(rect):not(text):not(title)').length,
        metas: [...document.querySelectorAll('meta[http-equiv]')].map(
            m => m.httpEquiv.toLowerCase()),
        hrefs,
        watch: window.__ll || null,
        ready: document.documentElement.getAttribute('data-js'),
      };
    })()""")
    c.eq(where + ": scripts in the document", s["scripts"], scripts)
    c.eq(where + ": event-handler attributes", s["bad"], [])
    c.eq(where + ": img/iframe/object/form/base/link elements", s["img"], 0)
    c.eq(where + ": svg elements other than charts", s["svg"], 0)
    c.eq(where + ": chart elements other than rect/text/title", s["svgKids"],
         0)
    c.eq(where + ": http-equiv metas", s["metas"],
         ["content-security-policy"])
    for tag, href, proto in s["hrefs"]:
        c.true(where + ": link is http(s) or local: " + repr(href),
               tag == "A" and proto in ("http:", "https:", "file:")
               and not href.lower().lstrip().startswith(
                   ("javascript:", "data:", "vbscript:", "//")))
    if scripts:
        c.eq(where + ": the page's own script ran (its hash is allowed)",
             s["ready"], "ready")
    c.true(where + ": the watcher was installed", s["watch"] is not None)
    if s["watch"]:
        c.eq(where + ": dialogs and window.open called", s["watch"]["calls"],
             [])
        c.eq(where + ": CSP violations", s["watch"]["violations"], [])
    c.eq(where + ": dialogs opened",
         tab.events_of("Page.javascriptDialogOpening"), [])
    c.eq(where + ": console calls", [
        [a.get("value") for a in e.get("args", [])]
        for e in tab.events_of("Runtime.consoleAPICalled")], [])
    c.eq(where + ": exceptions", [
        e["exceptionDetails"].get("text")
        for e in tab.events_of("Runtime.exceptionThrown")], [])
    logs = [e["entry"]["text"] for e in tab.events_of("Log.entryAdded")
            if e["entry"].get("level") in ("error", "warning")]
    c.eq(where + ": error and warning log entries", logs, [])


def check_requests(c, tab, where, documents):
    """Only the file:// documents themselves were requested."""
    urls = [e["request"]["url"]
            for e in tab.events_of("Network.requestWillBeSent")]
    for u in urls:
        c.true(where + ": only its own document requested", u in documents, u)
    c.true(where + ": the document itself was requested",
           any(u in documents for u in urls), urls)


def check_csp_blocks(c, tab, where):
    """What escaping would have let through still could not run."""
    tab.js("""(() => {
      document.body.insertAdjacentHTML('beforeend',
          '<img id="ll-inj" src="x" onerror="console.log(\\'csp-bypass\\')">'
          + '<b id="ll-inj2" onclick="console.log(\\'csp-bypass\\')">b</b>');
      const s = document.createElement('script');
      s.textContent = "console.log('csp-bypass')";
      document.body.appendChild(s);
      document.getElementById('ll-inj2').click();
      return new Promise(r => setTimeout(r, 400));
    })()""")
    ran = [e for e in tab.events_of("Runtime.consoleAPICalled")
           if any("csp-bypass" in str(a.get("value")) for a in e["args"])]
    c.eq(where + ": injected script and handlers that ran", len(ran), 0)
    v = tab.js("window.__ll ? window.__ll.violations : null") or []
    c.true(where + ": the policy reported blocking the injected script",
           any(x.startswith("script-src") for x in v), v)


def rows_of(tab, table):
    return tab.js("""[...document.querySelectorAll('#%s tbody tr')].map(tr =>
        ({hidden: tr.hidden, rule: tr.getAttribute('data-rule'),
          cells: [...tr.cells].map(td => ({v: td.getAttribute('data-v'),
                                           t: td.textContent,
                                           a: td.querySelector('a') ?
                                              td.querySelector('a')
                                                .getAttribute('href') :
                                              null}))}))""" % table)


def count(tab, key):
    v = tab.js("(e => e ? e.textContent : null)(document.querySelector("
               "'[data-count=\"%s\"]'))" % key)
    return int(v) if v is not None else None


def check_sorting(c, tab, where, table, col):
    """A click on a numeric header orders the column one way, a second
    (by keyboard: Enter on the focused button) the other way."""
    btn = "document.querySelectorAll('#%s thead th')[%d].querySelector(" \
          "'button')" % (table, col)
    tab.js(btn + ".click()")
    vals = [float(r["cells"][col]["v"]) for r in rows_of(tab, table)]
    c.eq(where + ": #%s sorted up by column %d" % (table, col), vals,
         sorted(vals))
    tab.js(btn + ".focus()")
    for kind in ("keyDown", "keyUp"):
        tab.cmd("Input.dispatchKeyEvent", {
            "type": kind, "key": "Enter", "code": "Enter",
            "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown"
            else ""})
    tab.js("new Promise(r => setTimeout(r, 50))")
    vals = [float(r["cells"][col]["v"]) for r in rows_of(tab, table)]
    c.eq(where + ": #%s sorted down by keyboard" % table, vals,
         sorted(vals, reverse=True))
    c.eq(where + ": aria-sort", tab.js(
        "document.querySelectorAll('#%s thead th')[%d]"
        ".getAttribute('aria-sort')" % (table, col)), "descending")


def check_filter(c, tab, where, lst):
    """Filtering by each rule shows all its rows and only those."""
    want = {}
    for f in lst["findings"]:
        want[f["rule"]] = want.get(f["rule"], 0) + 1
    for rule, n in sorted(want.items()):
        tab.js("""(() => {const s = document.getElementById('filter-rule');
                   s.value = %s; s.dispatchEvent(new Event('change',
                   {bubbles: true}));})()""" % json.dumps(rule))
        rows = rows_of(tab, "findings")
        shown = [r for r in rows if not r["hidden"]]
        c.eq(where + ": rows shown for rule %r" % rule, len(shown), n)
        c.true(where + ": only rule %r shown" % rule,
               all(r["rule"] == rule for r in shown))
    tab.js("document.querySelector('.filters button[data-reset]').click()")
    c.eq(where + ": every row shown after Clear",
         sum(not r["hidden"] for r in rows_of(tab, "findings")),
         len(lst["findings"]))
    # free text: a word of the first message
    if lst["findings"]:
        word = lst["findings"][0]["message"][:12].strip()
        tab.js("""(() => {const q = document.getElementById('filter-text');
                   q.value = %s; q.dispatchEvent(new Event('input',
                   {bubbles: true}));})()""" % json.dumps(word))
        shown = [r for r in rows_of(tab, "findings") if not r["hidden"]]
        text = ["%d%d%s%s%s%s%s" % (f["line"], f["column"], f["severity"],
                                    f["rule"], f["section"], f["message"],
                                    "yes" if f["fixable"] else "")
                for f in lst["findings"]]
        c.eq(where + ": rows shown for text %r" % word, len(shown),
             sum(word.lower() in t.lower() for t in text))
        c.true(where + ": text filter keeps the matching row", shown)
        tab.js("document.querySelector('.filters button[data-reset]')"
               ".click()")


def check_list_page(c, tab, where, summary, lst, report):
    sev = lst["by_severity"]
    fs = lst["findings"]
    c.eq(where + ": entries", count(tab, "entries"), lst["entries"])
    c.eq(where + ": findings", count(tab, "findings"), len(fs))
    for k in ("error", "warning", "info"):
        c.eq(where + ": " + k, count(tab, k), sev.get(k, 0))
    c.eq(where + ": fixable", count(tab, "fixable"), lst["fixable"])
    if lst["by_rule"]:
        rules = {r["rule"]: (int(r["cells"][2]["v"]), int(r["cells"][3]["v"]))
                 for r in rows_of(tab, "rules")}
        c.eq(where + ": counts by rule", rules,
             {r["rule"]: (r["count"], r["fixable"]) for r in lst["by_rule"]})
    rows = rows_of(tab, "findings") if fs else []
    c.eq(where + ": finding rows", len(rows), len(fs))
    if fs:
        c.eq(where + ": finding rows counted", count(tab, "rows"), len(fs))
    repo = lst.get("repository") or {}
    for f, r in zip(fs, rows):
        what = "%s: finding at line %d" % (where, f["line"])
        c.eq(what + ": message shown as text", r["cells"][5]["t"],
             f["message"])
        c.eq(what + ": rule shown as text", r["cells"][3]["t"], f["rule"])
        href = r["cells"][0]["a"]
        want = lst["line_url"].replace("{line}", str(f["line"]))
        if not is_live(want, report):  # then only the href itself counts
            c.eq(what + ": link", href,
                 f["href"] if is_live(f["href"], report) else None)
            continue
        c.eq(what + ": href is the line_url's", f["href"], want)
        c.eq(what + ": link", href, want)
        c.true(what + ": link ends with #L<line>",
               href and href.endswith("#L%d" % f["line"]), href)
        if want.startswith("https://github.com/") and repo.get("commit"):
            c.true(what + ": link is the blob at the commit", href.startswith(
                "%s/blob/%s/%s#" % (repo["github"], repo["commit"],
                                    repo["path"])), href)
        elif not want.startswith("http"):
            c.true(what + ": link is the source view",
                   href.startswith("../source/%s.html#" % lst["slug"]), href)
    secs = tab.js("document.querySelectorAll('#sections-table tbody tr')"
                  ".length")
    c.eq(where + ": section rows", secs, len(lst["sections"]))
    if summary["links_known"]:
        c.eq(where + ": host rows", tab.js(
            "document.querySelectorAll('#hosts tbody tr').length"),
            len(lst["links"]["hosts"]))
    else:
        c.true(where + ": says links were not checked", tab.js(
            "!!document.getElementById('links-unchecked')"))
    dups = [d for d in summary["duplicates"]
            if any(p["file"] == lst["file"] for p in d["places"])]
    c.eq(where + ": duplicates", tab.js(
        "document.querySelectorAll('#dup-list .dup').length"), len(dups))
    ch = summary.get("changes")
    if ch:
        for key in ("new_findings", "fixed_findings", "links_died",
                    "links_revived"):
            c.eq(where + ": " + key, count(tab, key),
                 sum(x["file"] == lst["file"] for x in ch[key]))
    c.true(where + ": three charts", tab.js(
        "document.querySelectorAll('svg.chart').length") >= 3)
    if len(fs) > 1:
        check_filter(c, tab, where, lst)
        check_sorting(c, tab, where, "findings", 0)


def check_index(c, tab, summary):
    t = summary["totals"]
    for key in ("lists", "entries", "findings", "fixable"):
        c.eq("index: " + key, count(tab, key), t[key])
    for k in ("error", "warning", "info"):
        c.eq("index: " + k, count(tab, k), t["by_severity"].get(k, 0))
    rows = rows_of(tab, "lists-table")
    c.eq("index: list rows", len(rows), len(summary["lists"]))
    for lst, r in zip(summary["lists"], rows):
        c.eq("index: link to %s" % lst["slug"], r["cells"][0]["a"],
             "lists/%s.html" % lst["slug"])
        c.eq("index: findings of %s" % lst["slug"], int(r["cells"][2]["v"]),
             len(lst["findings"]))
    c.eq("index: duplicates", tab.js(
        "document.querySelectorAll('#dup-list .dup').length"),
        len(summary["duplicates"]))
    if len(rows) > 1:
        check_sorting(c, tab, "index", "lists-table", 2)


def check_hash_state(c, tab, where, url, lst, deadline):
    """A filter kept in the URL's hash is applied when the page opens."""
    if len(lst["findings"]) < 2:
        return
    rule = lst["findings"][-1]["rule"]
    tab.open("about:blank", deadline)
    tab.open(url + "#rule=" + urllib.parse.quote(rule, safe=""), deadline)
    shown = [r for r in rows_of(tab, "findings") if not r["hidden"]]
    c.eq(where + ": rows shown for #rule=%s" % rule, len(shown),
         sum(f["rule"] == rule for f in lst["findings"]))
    c.eq(where + ": the select shows the hash's rule",
         tab.js("document.getElementById('filter-rule').value"), rule)


def check_source_link(c, tab, where, lst, report, deadline):
    """Follow one finding's link into the local source view."""
    f = next((f for f in lst["findings"] if is_live(f["href"], report)
              and f["href"].startswith("../source/")), None)
    if not f:
        return
    url = "file://" + os.path.abspath(os.path.join(
        report, "source", lst["slug"] + ".html")) + "#L%d" % f["line"]
    tab.open(url, deadline)
    got = tab.js("(e => e ? [e.id, e.cells[1].textContent] : null)("
                 "document.querySelector(':target'))")
    c.true(where + ": the source view has line %d as target" % f["line"],
           got and got[0] == "L%d" % f["line"], got)
    check_safety(c, tab, where + " (source view)", 0)


def png_colours(data):
    """The number of distinct colours of a PNG (8-bit RGB or RGBA), with
    zlib only."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise Fail("screenshot is not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise Fail("screenshot: PNG colour type %d depth %d" %
                           (ctype, depth))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = set()
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            cc = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - cc
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - cc)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else cc
                line[i] = (line[i] + pr) & 255
        if y % 4 == 0:
            for x in range(0, stride, bpp * 3):
                colours.add(bytes(line[x:x + 3]))
        prev = line
    return len(colours), w, h


def check_screenshot(c, tab, path):
    shot = tab.cmd("Page.captureScreenshot", {"format": "png"})
    import base64
    data = base64.b64decode(shot["data"])
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    n, w, h = png_colours(data)
    c.true("screenshot %s (%dx%d) is not blank: %d colours" % (path, w, h, n),
           n > 8, n)
    light = tab.js("getComputedStyle(document.body).backgroundColor")
    tab.cmd("Emulation.setEmulatedMedia", {"features": [
        {"name": "prefers-color-scheme", "value": "dark"}]})
    dark = tab.js("getComputedStyle(document.body).backgroundColor")
    tab.cmd("Emulation.setEmulatedMedia", {"features": []})
    c.true("dark scheme changes the background", light != dark,
           (light, dark))


def attempt(c, tab, where, step):
    """Run step(); a step that fails outright is one failure, and the
    next step is tried (unless the browser is gone)."""
    try:
        step()
    except Fail as e:
        c.true(where + ": " + str(e).split("\n")[0], False)
        if tab.b.proc.poll() is not None:
            raise


def check_page(c, tab, url, where, body, deadline):
    """Open url, then run body(); the safety and request checks first."""
    def steps():
        tab.open(url, deadline)
        check_requests(c, tab, where, {url})
        check_safety(c, tab, where, 1)
        body()
        check_csp_blocks(c, tab, where)
    attempt(c, tab, where, steps)
    if time.monotonic() > deadline:
        raise Fail(where + ": over %.0f s" % PAGE_TIMEOUT)


def run(report, screenshot, exe):
    with open(os.path.join(report, "audit.json"), encoding="utf-8") as f:
        summary = json.load(f)
    c = Checker()
    profile = tempfile.mkdtemp(prefix="listlint-chromium-")
    browser = Browser(exe, profile)
    try:
        browser.send("Browser.getVersion", timeout=STEP_TIMEOUT)
        tab = Tab(browser)
        index = "file://" + os.path.abspath(os.path.join(report,
                                                         "index.html"))
        check_page(c, tab, index, "index",
                   lambda: check_index(c, tab, summary),
                   time.monotonic() + PAGE_TIMEOUT)
        for i, lst in enumerate(summary["lists"]):
            where = "lists/%s.html" % lst["slug"]
            url = "file://" + os.path.abspath(os.path.join(report, where))
            deadline = time.monotonic() + PAGE_TIMEOUT
            check_page(c, tab, url, where, lambda: check_list_page(
                c, tab, where, summary, lst, report), deadline)
            if i == 0 and screenshot:
                attempt(c, tab, where, lambda: (
                    tab.open(url, deadline),
                    check_screenshot(c, tab, screenshot)))
            attempt(c, tab, where, lambda: check_hash_state(
                c, tab, where, url, lst, deadline))
            attempt(c, tab, where, lambda: check_source_link(
                c, tab, where, lst, report, deadline))
            if time.monotonic() > deadline:
                raise Fail(where + ": over %.0f s" % PAGE_TIMEOUT)
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    return c


def find_chromium():
    exe = os.environ.get("CHROMIUM")
    if exe:
        return exe if shutil.which(exe) else None
    for name in ("chromium", "chromium-browser"):
        if shutil.which(name):
            return shutil.which(name)
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", required=True,
                    help="a directory with audit.json, index.html, lists/")
    ap.add_argument("--screenshot", help="where to save a PNG of the first "
                    "list page (default: no screenshot)")
    a = ap.parse_args()
    exe = find_chromium()
    if not exe:
        bar = "!" * 72
        sys.stderr.write("%s\n!! audit_browser.py: SKIPPED: chromium not "
                         "found (apt-get install chromium,\n!! or make deps)."
                         " The audit pages were NOT tested in a browser.\n"
                         "%s\n" % (bar, bar))
        return 1 if os.environ.get("LL_REQUIRE_BROWSER") == "1" else 0
    t0 = time.monotonic()

    def too_long(signum, frame):
        raise Fail("the whole run took over its %d s" % budget)
    with open(os.path.join(a.report, "audit.json"), encoding="utf-8") as f:
        budget = int(PAGE_TIMEOUT * (2 + len(json.load(f)["lists"])))
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(budget)
    try:
        c = run(a.report, a.screenshot, exe)
    except Fail as e:
        print("audit_browser.py: %s: FAILED: %s" % (a.report, e))
        return 1
    for f in c.failures:
        print("FAIL " + f)
    print("audit_browser.py: %s: %d checks, %d failed (%.1f s)" % (
        a.report, c.checks, len(c.failures), time.monotonic() - t0))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
