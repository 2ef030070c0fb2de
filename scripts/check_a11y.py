#!/usr/bin/env python3
"""Check the accessibility and narrow-screen layout of a built CongKhai site.

Serves DIR on 127.0.0.1 (a free port) from a thread, opens pages in headless Chromium
through Selenium, and for each page:

  axe     injects axe-core (axe.min.js) and runs the WCAG 2.0/2.1 A and AA rules
          (tags wcag2a, wcag2aa, wcag21a, wcag21aa); every violation is reported with
          rule id, impact, page, target selector and help text.
  reflow  at a 360 CSS px wide viewport the page must not scroll sideways:
          document.documentElement.scrollWidth <= window.innerWidth.

Which pages: every .html page when there are at most --max-pages (200) of them. A larger
site has many pages per layout (a 10,000-procedure catalogue), so it is grouped by folder
pattern (the top folder plus the depth: thu-tuc/*/*/index.html, ngan-sach/*/index.html,
...) and the first, middle and last page of each group are checked (--per-group). --all
checks every page whatever the count.

Needs: selenium (pip), chromium and chromedriver (Debian: chromium chromium-driver), and
axe.min.js: --axe PATH, else $AXE_JS, else the copy inside the axe-playwright-python
wheel (pip install --no-deps axe-playwright-python).
Exit status: 0 when no violation and no sideways scroll was found, 1 otherwise.
"""
import argparse
import functools
import http.server
import importlib.util
import json
import os
import sys
import threading

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
""" % json.dumps(TAGS)
MEASURE = """return {scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth, clientWidth: document.documentElement.clientWidth};"""


def find_axe(explicit):
    for path in (explicit, os.environ.get("AXE_JS")):
        if path:
            return path
    spec = importlib.util.find_spec("axe_playwright_python")  # no import: playwright not needed
    if spec and spec.submodule_search_locations:
        path = os.path.join(list(spec.submodule_search_locations)[0], "axe.min.js")
        if os.path.isfile(path):
            return path
    return None


def pick_pages(root, max_pages, per_group, check_all):
    pages = sorted(os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                   for folder, _, names in os.walk(root) for name in names
                   if name.endswith(".html"))
    if check_all or len(pages) <= max_pages:
        return pages, f"all {len(pages)} pages"
    groups = {}
    for page in pages:
        parts = page.split("/")
        pattern = "/".join(parts[:1] + ["*"] * (len(parts) - 2) + parts[-1:]) if len(parts) > 1 else page
        groups.setdefault(pattern, []).append(page)
    chosen = []
    for members in groups.values():
        picks = [members[0], members[len(members) // 2], members[-1]][:per_group]
        chosen += sorted(set(picks))
    return sorted(chosen), (f"{len(chosen)} of {len(pages)} pages: up to {per_group} from each of "
                            f"{len(groups)} folder patterns ({', '.join(sorted(groups))})")


def serve(root):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: a free one
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def start_browser(chromium, chromedriver):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--hide-scrollbars", "--lang=vi"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=chromedriver), options=options)
    driver.set_script_timeout(120)
    driver.set_page_load_timeout(60)
    return driver


def set_width(driver, width):
    """Emulates a viewport of the given CSS width (desktop mode: no meta-viewport zoom-out)."""
    if width is None:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    else:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})


def check_page(driver, url, axe_source, width, axe_width=None):
    """Returns (axe violations, reflow measures or None when the page fits). axe runs on the
    desktop viewport, or at axe_width (the phone layout has its own markup states: the folded
    menu, the stacked tables)."""
    set_width(driver, axe_width)
    driver.get(url)
    driver.execute_script(axe_source)
    result = driver.execute_async_script(RUN_AXE)
    if "error" in result:
        raise RuntimeError(f"axe.run failed: {result['error']}")
    set_width(driver, width)
    m = driver.execute_script(MEASURE)
    overflow = m["scrollWidth"] > m["innerWidth"] or m["scrollWidth"] > m["clientWidth"]
    return result["violations"], (m if overflow else None)


def first_line(error):
    text = str(error).strip()
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"


def report(ok, label, problems):
    print(("OK: " if ok else "LỖI/FAIL: ") + label)
    for problem in problems:
        print(problem)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", help="the built site (e.g. public/)")
    parser.add_argument("--width", type=int, default=360, help="narrow viewport (default 360)")
    parser.add_argument("--max-pages", type=int, default=200,
                        help="check every page up to this many (default 200)")
    parser.add_argument("--per-group", type=int, default=3, choices=(1, 2, 3),
                        help="pages per folder pattern above --max-pages (default 3)")
    parser.add_argument("--all", action="store_true", help="check every page, however many")
    parser.add_argument("--axe", help="path to axe.min.js")
    parser.add_argument("--axe-width", type=int,
                        help="run axe at this viewport width instead of the desktop one (e.g. 360)")
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                        help="browser binary (default $CHROMIUM or /usr/bin/chromium)")
    parser.add_argument("--chromedriver",
                        default=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"),
                        help="driver binary (default $CHROMEDRIVER or /usr/bin/chromedriver)")
    args = parser.parse_args()
    root = os.path.realpath(args.dir)
    if not os.path.isdir(root):
        parser.error(f"{args.dir} is not a folder")
    axe_path = find_axe(args.axe)
    if not axe_path:
        print("LỖI/FAIL: axe.min.js not found: pip install --no-deps axe-playwright-python, "
              "or pass --axe PATH")
        return 1
    with open(axe_path, encoding="utf-8") as f:
        axe_source = f.read()
    pages, scope = pick_pages(root, args.max_pages, args.per_group, args.all)
    if not pages:
        print(f"LỖI/FAIL: no .html pages in {args.dir}")
        return 1
    at = f" at {args.axe_width} px" if args.axe_width else ""
    print(f"Checking {scope} with axe-core ({', '.join(TAGS)}){at} and at {args.width} px.")
    for path in (args.chromium, args.chromedriver):
        if not os.access(path, os.X_OK):  # checked first: Selenium would try to download one
            print(f"LỖI/FAIL: {path} not found (Debian: apt-get install chromium chromium-driver)")
            return 1
    try:
        driver = start_browser(args.chromium, args.chromedriver)
    except Exception as e:  # selenium missing, no chromium/chromedriver, version mismatch...
        print(f"LỖI/FAIL: could not start headless Chromium ({args.chromium}, {args.chromedriver}):"
              f" {first_line(e)}")
        return 1
    server = serve(root)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    violations, too_wide, errors = [], [], []
    try:
        for page in pages:
            try:
                found, overflow = check_page(driver, base + page, axe_source, args.width, args.axe_width)
            except Exception as e:  # one broken page must not hide the others
                errors.append(f"  {page}: {first_line(e)}")
                continue
            for v in found:
                for node in v["nodes"]:
                    why = "; ".join(line.strip() for line in (node["summary"] or "").splitlines()[1:])
                    violations.append(f"  [{v['id']}] ({v['impact']}) {page} {node['target']}\n"
                                      f"      {v['help']} ({v['helpUrl']})\n      {why[:300]}")
            if overflow:
                too_wide.append(f"  {page}: scrollWidth {overflow['scrollWidth']} > innerWidth "
                                f"{overflow['innerWidth']} (clientWidth {overflow['clientWidth']})")
    finally:
        driver.quit()
        server.shutdown()
    checked = len(pages) - len(errors)
    report(not violations, f"axe: {len(violations)} violations (rule x element) in {checked} "
           "pages", violations)
    report(not too_wide, f"reflow: {len(too_wide)} of {checked} pages scroll sideways at "
           f"{args.width} px", too_wide)
    if errors:
        report(False, f"{len(errors)} pages could not be checked", errors)
    return 1 if violations or too_wide or errors else 0


if __name__ == "__main__":
    sys.exit(main())
