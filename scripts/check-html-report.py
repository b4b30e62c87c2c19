#!/usr/bin/env python3
"""Opens pages in headless Chromium and fails on any console error, uncaught exception or failed load.

Usage: check-html-report.py CHROMIUM SITE_DIR [SCREENSHOT_DIR]

Talks the DevTools protocol over --remote-debugging-pipe (standard library only): Chromium's stderr
logging does not tell console.error from console.log and does not report failed resource loads, the
protocol's events do. Opens index.html, warnings.html and every page under files/, clicks every
sortable table header (the only script), and writes screenshots when SCREENSHOT_DIR is given:
index.png and file.png (the first file page) at 1400x1000, the same pages whole (-full.png), and the
index whole at 800 pixels wide (index-narrow.png).
"""
import base64
import json
import os
import select
import subprocess
import sys
import tempfile
import time

LOAD_TIMEOUT = 30.0


class Browser:
    def __init__(self, binary, profile):
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def wire():
            # Chromium reads commands on fd 3 and writes replies on fd 4. os.pipe's descriptors close
            # on exec; dup2 makes inheritable copies at 3 and 4 (via fresh numbers, in case a pipe is 3 or 4).
            a, b = os.dup(to_child_r), os.dup(from_child_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--user-data-dir=" + profile, "--window-size=1400,1000", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=wire, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        want = self.next_id
        deadline = time.time() + LOAD_TIMEOUT
        while True:
            reply = self.read(deadline)
            if reply is None:
                raise RuntimeError("no reply to " + method)
            if reply.get("id") == want:
                if "error" in reply:
                    raise RuntimeError(method + ": " + json.dumps(reply["error"]))
                return reply.get("result", {})
            self.events.append(reply)

    def read(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.time()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.from_child], [], [], left)
            if not ready:
                return None
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                return None
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait_for(self, method, session, seconds):
        """Collects events until `method` arrives for `session` (True) or the time is up (False)."""
        deadline = time.time() + seconds
        for i, e in enumerate(self.events):
            if e.get("method") == method and e.get("sessionId") == session:
                del self.events[i]
                return True
        while True:
            e = self.read(deadline)
            if e is None:
                return False
            if e.get("method") == method and e.get("sessionId") == session:
                return True
            self.events.append(e)

    def settle(self, seconds):
        """Collects the events that arrive within `seconds` (late errors: timers, handlers)."""
        self.wait_for(None, None, seconds)

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def problems_in(events, session):
    """The errors among the collected events of a page."""
    found = []
    for e in events:
        if e.get("sessionId") != session:
            continue
        method, p = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            text = d.get("exception", {}).get("description") or d.get("text", "exception")
            found.append("uncaught exception: %s (%s:%s)" % (text.splitlines()[0], d.get("url", ""), d.get("lineNumber", -1) + 1))
        elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            args = " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))
            found.append("console.%s: %s" % (p.get("type"), args))
        elif method == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            entry = p["entry"]
            found.append("%s error: %s %s" % (entry.get("source", ""), entry.get("text", ""), entry.get("url", "")))
    return found


# Clicks each sortable header twice and checks that the table's rows are still all there and the
# header says how it is sorted; returns what went wrong.
SORT_CHECK = """(() => {
  const bad = [];
  document.querySelectorAll("table.sortable").forEach(t => {
    const n = t.tBodies[0].rows.length;
    t.tHead.rows[0].querySelectorAll("th:not(.nosort)").forEach((th, i) => {
      const b = th.querySelector("button");
      if (!b) { bad.push(t.id + ": header " + i + " has no sort button"); return; }
      b.click(); const first = th.getAttribute("aria-sort");
      b.click(); const second = th.getAttribute("aria-sort");
      if (!first || !second || first === second) bad.push(t.id + ": header " + i + " sorts " + first + " then " + second);
      if (t.tBodies[0].rows.length !== n) bad.push(t.id + ": rows lost sorting by header " + i);
    });
  });
  return bad.join("\\n");
})()"""


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, site = sys.argv[1], os.path.abspath(sys.argv[2])
    shots = os.path.abspath(sys.argv[3]) if len(sys.argv) == 4 else None
    pages = [p for p in ("index.html", "warnings.html") if os.path.exists(os.path.join(site, p))]
    files_dir = os.path.join(site, "files")
    for d, _, names in sorted(os.walk(files_dir)):
        pages += sorted(os.path.relpath(os.path.join(d, n), site) for n in names if n.endswith(".html"))
    if "index.html" not in pages:
        print("check-html-report: no index.html in " + site, file=sys.stderr)
        return 1
    failures = []
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(binary, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                browser.send(domain + ".enable", session=session)
            resize(browser, session, 1400)
            browser.send("Emulation.setScrollbarsHidden", {"hidden": True}, session)
            first_file = next((p for p in pages if p.startswith("files/")), None)
            for page in pages:
                browser.events = [e for e in browser.events if e.get("sessionId") != session]
                url = "file://" + os.path.join(site, page)
                browser.send("Page.navigate", {"url": url}, session)
                if not browser.wait_for("Page.loadEventFired", session, LOAD_TIMEOUT):
                    failures.append("%s: did not finish loading" % page)
                    continue
                browser.settle(0.15)
                if shots and page in ("index.html", first_file):
                    name = "index" if page == "index.html" else "file"
                    os.makedirs(shots, exist_ok=True)
                    capture(browser, session, os.path.join(shots, name + ".png"), full=False)
                    capture(browser, session, os.path.join(shots, name + "-full.png"), full=True)
                    if page == "index.html":
                        resize(browser, session, 800)
                        capture(browser, session, os.path.join(shots, "index-narrow.png"), full=True)
                        resize(browser, session, 1400)
                if page == "index.html":
                    result = browser.send("Runtime.evaluate", {"expression": SORT_CHECK, "returnByValue": True}, session)
                    if "exceptionDetails" in result:
                        failures.append("%s: sort check threw %s" % (page, json.dumps(result["exceptionDetails"])[:300]))
                    elif result.get("result", {}).get("value"):
                        failures.extend("%s: %s" % (page, line) for line in result["result"]["value"].splitlines())
                    browser.settle(0.2)
                failures.extend("%s: %s" % (page, p) for p in problems_in(browser.events, session))
        finally:
            browser.close()
    for f in failures:
        print("check-html-report: " + f)
    print("check-html-report: %d page%s opened, %d problem%s" % (len(pages), "" if len(pages) == 1 else "s", len(failures), "" if len(failures) == 1 else "s"))
    return 1 if failures else 0


def resize(browser, session, width, height=1000):
    browser.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session)


def capture(browser, session, path, full):
    width = browser.send("Runtime.evaluate", {"expression": "window.innerWidth", "returnByValue": True}, session)["result"]["value"]
    if full:
        # The whole page (up to a height that keeps the image readable): a viewport that tall, so the
        # layout is the one a reader at this width sees.
        metrics = browser.send("Page.getLayoutMetrics", {}, session)
        height = (metrics.get("cssContentSize") or metrics["contentSize"])["height"]
        resize(browser, session, width, min(int(height) + 1, 6000))
    data = browser.send("Page.captureScreenshot", {"format": "png"}, session)["data"]
    if full:
        resize(browser, session, width)
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, OSError) as e:
        # Chromium did not start or stopped answering: a failure of the check, said plainly.
        print("check-html-report: the browser failed: %s" % e)
        sys.exit(1)
