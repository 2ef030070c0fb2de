#!/usr/bin/env python3
"""The notice-board editions on A4: column widths, the "Số:" line, no tool's words.

usage: check_print.py SITE_DIR
For every page under SITE_DIR/in/, emulates print media in headless Chromium at A4 width (after
../shared/tools/print_scan.py) and measures each table: a text column whose cells wrap must be at
least as wide as every number column (digits, dots, commas, % or dashes), and no text column may
be squeezed past three lines per cell while a number column has over 60 px to spare. The page
must not print an empty "Số:" line. Then, for each PDF beside the pages (congkhai build --pdf),
pdftotext must find no empty "Số:" line and no remark of the tool ("do hệ thống cộng").
Exits 1 on any defect. Needs chromium, chromedriver, selenium; pdftotext for the PDFs.
"""
import os, re, subprocess, sys
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

root = os.path.abspath(sys.argv[1])
base = os.path.join(root, "in")
pages = sorted(os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs if f.endswith(".html"))
pdfs = sorted(os.path.join(d, f) for d, _, fs in os.walk(base) for f in fs if f.endswith(".pdf"))
o = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=794,1123"]:
    o.add_argument(a)
drv = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
drv.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
MEASURE = r"""
const out = [];
const textWidth = c => { const r = document.createRange(); r.selectNodeContents(c); return r.getBoundingClientRect().width; };
for (const t of document.querySelectorAll('table')) {
  const rows = [...t.querySelectorAll('tbody tr')].filter(r => r.children.length > 1);
  if (rows.length === 0) continue;
  const n = Math.max(...rows.map(r => r.children.length));
  let squeezed = 0, slack = 0, widestNumber = 0, narrowWrapped = Infinity;
  for (let i = 0; i < n; i++) {
    let num = 0, txt = 0, wrapLines = 0, spare = Infinity, width = 0;
    for (const r of rows) {
      const c = r.children[i]; if (!c || c.colSpan > 1) continue;
      const s = c.textContent.trim(); if (!s) continue;
      const st = getComputedStyle(c), lh = parseFloat(st.lineHeight) || parseFloat(st.fontSize) * 1.3;
      const pad = parseFloat(st.paddingTop) + parseFloat(st.paddingBottom);
      width = Math.max(width, c.getBoundingClientRect().width);
      if (/^[\d.,%\s\u2013\u2014()+\/-]+$/.test(s)) { num++; spare = Math.min(spare, c.clientWidth - textWidth(c)); }
      else if (/\p{L}{3,}/u.test(s)) { txt++; wrapLines = Math.max(wrapLines, (c.clientHeight - pad) / lh); }
    }
    if (txt > num && wrapLines > 3.5) squeezed = Math.max(squeezed, Math.round(wrapLines));
    if (num > txt && spare !== Infinity) { slack = Math.max(slack, Math.round(spare)); widestNumber = Math.max(widestNumber, width); }
    if (txt > num && wrapLines > 1.5) narrowWrapped = Math.min(narrowWrapped, width);
  }
  const caption = (t.caption ? t.caption.textContent : t.className).trim().slice(0, 60);
  if (squeezed && slack > 60) out.push(`${caption}: text squeezed to ${squeezed} lines beside ${slack} px spare in a number column`);
  if (narrowWrapped !== Infinity && narrowWrapped + 1 < widestNumber)
    out.push(`${caption}: a wrapping text column (${Math.round(narrowWrapped)} px) narrower than a number column (${Math.round(widestNumber)} px)`);
}
return out;
"""
defects = []
for p in pages:
    rel = os.path.relpath(p, root)
    flat = re.sub(r"<(?!/p)[^>]+>", "", open(p, encoding="utf-8").read())
    if re.search(r"Số:(\s|&nbsp;|\u00a0|…|\.)*</p>", flat):
        defects.append(f"{rel}: empty 'Số:' line")
    drv.get("file://" + p)
    defects += [f"{rel}: {d}" for d in drv.execute_script(MEASURE)]
drv.quit()
for pdf in pdfs:
    rel = os.path.relpath(pdf, root)
    try:
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        defects.append(f"{rel}: pdftotext failed ({e})"); continue
    if re.search(r"Số:[ .…\u00a0]*$", text, re.M):
        defects.append(f"{rel}: empty 'Số:' line")
    if "do hệ thống cộng" in text:
        defects.append(f"{rel}: the tool's remark on an official posting")
for d in defects[:40]:
    print("  " + d)
print(f"print editions={len(pages)} pdfs={len(pdfs)} defects={len(defects)}")
sys.exit(1 if defects else 0)
