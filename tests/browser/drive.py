#!/usr/bin/env python3
"""Drive the phone page of `shebao serve` in headless Chromium over the DevTools protocol (docs/serve.md).

    python3 tests/browser/drive.py CHROMIUM URL INPUT.json PREFIX > page.json
    python3 tests/browser/drive.py --svg-signature FILE.svg

Chromium is started with --remote-debugging-pipe (the protocol on file descriptors 3 and 4, NUL-terminated JSON
messages) and a fresh profile; only the Python standard library is used. On a phone-size viewport (390x844, touch,
device scale 2) the page at URL is loaded, the form is filled from INPUT.json (the members birth, sex, start, paid,
years and region: the names of the form's fields) and sent with a click on its button; once the result is shown,
the page is read: the heading, the labels, the table's headers and rows, the sentences and the lines of the
grade-table path, the chart's SVG (its size on the page and its signature), the region list (each option's value
and text), the page's width against the viewport's. Then the language button is clicked, and the English page is read
the same way. The two readings are printed as one JSON object {"zh": READING, "en": READING}; a screenshot of each
is written to PREFIX-zh.png and PREFIX-en.png. When the page shows a refusal instead of a result, the reading is
{"err": MESSAGE}. Any failure (no answer within the time limit, a JavaScript exception) ends the script with a
one-line message and exit code 1.

The signature of an SVG is its number of elements and the SHA-256 of its elements in document order, each its
local name and its attributes sorted (local names and values; namespace declarations and cairo's surface numbers,
which count the charts drawn by the process, taken out): the same for the chart shown by the page (parsed into the
HTML document) and for the chart file that `shebao compare --chart FILE.svg` or /v1/compare/chart.svg gives.
--svg-signature prints the signature of a file.
"""
import base64
import fcntl
import hashlib
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree

LIMIT = 60  # seconds for any one wait
WIDTH, HEIGHT = 390, 844
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
         "--remote-debugging-pipe"]


class Failure(Exception):
    pass


class Browser:
    """Chromium on a DevTools pipe: send() a command and wait for its answer; events are kept in order."""

    def __init__(self, exe):
        self.profile = tempfile.mkdtemp(prefix="shebao-chromium.")
        to_r, self.to_w = os.pipe()      # we write, Chromium reads on fd 3
        self.from_r, from_w = os.pipe()  # Chromium writes on fd 4, we read
        # Chromium's ends above 9, so that the shell's redirections cannot close one another
        for fd in (to_r, from_w):
            high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
            os.close(fd)
            if fd == to_r:
                to_r = high
            else:
                from_w = high
        # bash (dash takes no fd above 9) puts the two ends on 3 and 4, closes the originals and becomes Chromium
        wrap = 'exec "$0" "$@" 3<&%d 4>&%d %d<&- %d>&-' % (to_r, from_w, to_r, from_w)
        self.log = open(os.path.join(self.profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(["bash", "-c", wrap, exe] + FLAGS + ["--user-data-dir=" + self.profile],
                                     stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT,
                                     pass_fds=(to_r, from_w))
        os.close(to_r)
        os.close(from_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            os.close(self.to_w)
        except OSError:
            pass
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        os.close(self.from_r)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read(self, deadline):
        """One message, or Failure at the deadline or when Chromium has gone."""
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise Failure("no answer from Chromium within %d s" % LIMIT)
            ready, _, _ = select.select([self.from_r], [], [], left)
            if ready:
                chunk = os.read(self.from_r, 1 << 20)
                if not chunk:
                    with open(self.log.name, "rb") as f:
                        tail = f.read()[-400:].decode("utf-8", "replace").strip().replace("\n", " | ")
                    raise Failure("Chromium closed the DevTools pipe (exit %s): %s" % (self.proc.poll(), tail))
                self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        cmd = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            cmd["sessionId"] = session
        os.write(self.to_w, json.dumps(cmd).encode() + b"\0")
        deadline = time.monotonic() + LIMIT
        while True:
            msg = self._read(deadline)
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise Failure("%s: %s" % (method, msg["error"].get("message")))
                return msg["result"]
            if "method" in msg:
                self.events.append(msg)

    def wait_event(self, method, session):
        deadline = time.monotonic() + LIMIT
        while True:
            for i, e in enumerate(self.events):
                if e["method"] == method and e.get("sessionId") == session:
                    del self.events[i]
                    return e
            msg = self._read(deadline)
            if "method" in msg:
                self.events.append(msg)


class Page:
    def __init__(self, browser):
        self.b = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.s = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Page.enable")
        self.send("Runtime.enable")
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 2, "mobile": True})
        self.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})

    def send(self, method, params=None):
        return self.b.send(method, params, self.s)

    def load(self, url):
        self.send("Page.navigate", {"url": url})
        self.b.wait_event("Page.loadEventFired", self.s)
        self.exceptions()

    def exceptions(self):
        for e in self.b.events:
            if e["method"] == "Runtime.exceptionThrown" and e.get("sessionId") == self.s:
                d = e["params"]["exceptionDetails"]
                raise Failure("JavaScript exception: %s" % d.get("exception", {}).get("description", d.get("text")))

    def js(self, expr):
        """The value of a JavaScript expression (a promise is awaited)."""
        r = self.send("Runtime.evaluate", {"expression": expr, "awaitPromise": True, "returnByValue": True,
                                           "timeout": LIMIT * 1000})
        if "exceptionDetails" in r:
            d = r["exceptionDetails"]
            raise Failure("JavaScript: %s" % d.get("exception", {}).get("description", d.get("text")))
        return r["result"].get("value")

    def tap(self, selector):
        """A touch on the middle of the element, as a finger on the phone would give."""
        box = self.js("(() => { const e = document.querySelector(%s); e.scrollIntoView({block: 'center'});"
                      " const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
                      % json.dumps(selector))
        point = [{"x": box[0], "y": box[1]}]
        self.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        self.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


# until(PREDICATE): a promise that resolves when PREDICATE() is true, polled every 50 ms, rejected after LIMIT s
UNTIL = """
const until = (p, what) => new Promise((ok, no) => {
  const t0 = Date.now();
  const tick = () => { let v; try { v = p(); } catch (e) { v = false; }
    if (v) ok(v); else if (Date.now() - t0 > %d) no(new Error("waited too long for " + what)); else setTimeout(tick, 50); };
  tick();
});
""" % (LIMIT * 1000)

# the result is there: the table and the chart's SVG are shown and the message line is empty; or an error is shown
SHOWN = """(async () => {
%s
  await until(() => (document.querySelector("#out table") && document.querySelector("#chart svg") &&
                     document.querySelector("#err").textContent === "") ||
                    (document.querySelector("#err").textContent !== "" &&
                     document.querySelector("#err").textContent !== T[lang].wait), "the result");
  return document.querySelector("#err").textContent;
})()""" % UNTIL

READ = """(() => {
  const svg = document.querySelector("#chart svg"), r = svg.getBoundingClientRect(), de = document.documentElement;
  const text = (e) => e.textContent.trim();
  return {
    lang: de.lang, title: text(document.querySelector("h1")), button: text(document.querySelector("#lang")),
    labels: [...document.querySelectorAll("#f label > span")].map(text),
    headers: [...document.querySelectorAll("#out table th")].map(text),
    rows: [...document.querySelectorAll("#out table tr")].slice(1).map((tr) => [...tr.cells].map(text)),
    sentences: [...document.querySelectorAll("#out p.s")].map(text),
    path: [...document.querySelectorAll("#out p.path")].map((p) => p.innerText.split("\\n")),
    svg: {width: r.width, height: r.height, left: r.left, right: r.right,
          elements: [svg, ...svg.querySelectorAll("*")].map((e) =>
            [e.localName, [...e.attributes].filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
                                         .map((a) => [a.localName, a.value])])},
    width: {scroll: de.scrollWidth, client: de.clientWidth, inner: window.innerWidth, body: document.body.scrollWidth},
    regions: [...document.querySelectorAll("#region option")].map((o) => [o.value, text(o)]),
    err: text(document.querySelector("#err"))
  };
})()"""


def read(page, shot):
    err = page.js(SHOWN)
    page.exceptions()
    page.screenshot(shot)
    if err:
        return {"err": err}
    got = page.js(READ)
    got["svg"]["signature"] = signature(got["svg"].pop("elements"))
    return got


def signature(elements):
    """"N elements, sha256 HEX" of [[local name, [[attribute, value], ...]], ...]"""
    h = hashlib.sha256()
    for name, attrs in elements:
        attrs = sorted([k, re.sub(r"surface[0-9]+", "surface", v)] for k, v in attrs)
        h.update(json.dumps([name, attrs], ensure_ascii=False).encode())
    return "%d elements, sha256 %s" % (len(elements), h.hexdigest())


def file_signature(path):
    local = lambda n: n.rsplit("}", 1)[-1]
    return signature([[local(e.tag), [[local(k), v] for k, v in e.attrib.items()]]
                      for e in xml.etree.ElementTree.parse(path).getroot().iter()])


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--svg-signature":
        print(file_signature(sys.argv[2]))
        return
    if len(sys.argv) != 5:
        sys.exit("usage: python3 %s CHROMIUM URL INPUT.json PREFIX | --svg-signature FILE.svg" % sys.argv[0])
    exe, url, infile, prefix = sys.argv[1:]
    with open(infile, encoding="utf-8") as f:
        form = json.load(f)
    browser = Browser(exe)
    try:
        page = Page(browser)
        page.load(url)
        got = page.js("""(async () => {
%s
  const f = document.querySelector("#f"), form = %s;
  await until(() => document.querySelector("#region").options.length > 0, "the list of policies");
  for (const [k, v] of Object.entries(form)) {
    const e = f.elements[k];
    if (!e) throw new Error("the form has no field " + k);
    e.focus(); e.value = String(v);
    e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true}));
  }
  return Object.fromEntries(Object.keys(form).map((k) => [k, f.elements[k].value]));
})()""" % (UNTIL, json.dumps(form)))
        for k, v in form.items():
            if got.get(k) != str(v):
                raise Failure("the field %s took %r, not %r" % (k, got.get(k), str(v)))
        page.tap("#f button[type=submit]")
        out = {"zh": read(page, prefix + "-zh.png")}
        # the English switch (which sends the form again): the shown result or refusal is cleared, so that what is
        # read next is the English answer
        page.js('document.querySelector("#out").innerHTML = ""; document.querySelector("#chart").innerHTML = "";'
                ' document.querySelector("#err").textContent = ""')
        page.tap("#lang")
        out["en"] = read(page, prefix + "-en.png")
        json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
        print()
    except Failure as e:
        sys.exit("drive.py: %s" % e)
    finally:
        browser.close()


if __name__ == "__main__":
    main()
