#!/usr/bin/env python3
"""How the built site looks on a phone and on a desktop, measured in headless Chromium.

usage: check_layout.py SITE_DIR [WIDTHxHEIGHT ...] [--only SUBSTRING]   (default 360x800 1280x900)
Opens every page of SITE_DIR from file:// at each viewport (adapted from ../shared/tools/
layout_scan.py, kept here so the repository checks itself) and measures:
  cells_off_screen  table cells wholly outside their scrolling container when the page loads
  h1_top            how far down the page's <h1> starts (px); goal: within 400 px
  chart_text_min    the smallest rendered text inside an inline <svg> chart (px); goal: >= 12
  page_overflow     pages wider than the viewport
Prints, per viewport, the totals, the worst pages and a line with the figures; exits 1 when a
goal is missed at any viewport. Needs chromium, chromedriver and selenium.
"""
import os, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

args = sys.argv[1:]
only = None
if "--only" in args:
    i = args.index("--only"); only = args[i + 1]; del args[i:i + 2]
root = os.path.abspath(args[0])
sizes = [tuple(int(n) for n in a.split("x")) for a in args[1:]] or [(360, 800), (1280, 900)]
pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(root) for f in fs if f.endswith(".html"))
if only:
    pages = [p for p in pages if only in os.path.relpath(p, root)]

MEASURE = """
const cells = [...document.querySelectorAll('th, td')];
let off = 0;
for (const c of cells) {
  const r = c.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  let box = {left: 0, right: window.innerWidth};
  for (let e = c.parentElement; e; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (/(auto|scroll|hidden|clip)/.test(s.overflowX) && e.scrollWidth > e.clientWidth + 1) {
      const b = e.getBoundingClientRect(); box = {left: b.left, right: b.left + e.clientWidth}; break;
    }
  }
  if (r.left >= box.right - 2 || r.right <= box.left + 2) off++;
}
const h1 = document.querySelector('h1');
let chartMin = null;
for (const t of document.querySelectorAll('svg text')) {
  const r = t.getBoundingClientRect();
  if (r.height > 0 && (chartMin === null || r.height < chartMin)) chartMin = r.height;
}
return {off: off, h1: h1 ? Math.round(h1.getBoundingClientRect().top + scrollY) : null,
        chart: chartMin === null ? null : Math.round(chartMin * 10) / 10,
        overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
        height: document.documentElement.scrollHeight};
"""

failed = False
for W, H in sizes:
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={W},{H}"]:
        o.add_argument(a)
    drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    drv.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                        {"width": W, "height": H, "deviceScaleFactor": 1, "mobile": W < 600})
    res = {}
    for p in pages:
        drv.get("file://" + p)
        res[os.path.relpath(p, root)] = drv.execute_script(MEASURE)
    drv.quit()
    off = sum(r["off"] for r in res.values())
    off_pages = sorted(((r["off"], p) for p, r in res.items() if r["off"]), reverse=True)
    h1s = [(r["h1"], p) for p, r in res.items() if r["h1"] is not None]
    late = sorted((h for h in h1s if h[0] > 400), reverse=True)
    charts = [(r["chart"], p) for p, r in res.items() if r["chart"] is not None]
    small = sorted(c for c in charts if c[0] < 12)
    overflow = [p for p, r in res.items() if r["overflow"]]
    print(f"pages {len(res)} at {W}x{H}")
    print(f"  cells off screen at load: {off} on {len(off_pages)} pages; worst {off_pages[:5]}")
    print(f"  h1 below 400 px: {len(late)} pages; worst {late[:5]}")
    print(f"  charts with text under 12 px: {len(small)} pages; smallest {small[:5]}")
    print(f"  pages wider than the viewport: {overflow[:5]}")
    print("  tallest pages:", sorted(((r['height'], p) for p, r in res.items()), reverse=True)[:3])
    print(f"  layout {W}x{H} cells_off_screen={off} h1_top_max={max((h[0] for h in h1s), default=0)} "
          f"chart_text_min={min((c[0] for c in charts), default=None)} page_overflow={len(overflow)}")
    failed |= bool(off or late or small or overflow)
sys.exit(1 if failed else 0)
