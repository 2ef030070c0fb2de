#!/usr/bin/env python3
"""Check the notice-board PDFs of a built CongKhai site (congkhai build --pdf).

For every print page in/<name>.html (a quarter sheet's in/<name>/index.html) there must be in/<name>.pdf, and every PDF must:
  format   have only A4 pages, portrait or landscape (pdfinfo: 595.x x 841.x pts or 841.x x 595.x)
  fonts    embed every font it uses (pdffonts: emb = yes), so it prints the same anywhere
  text     give back its text (pdftotext) in NFC, without U+FFFD or a combining mark on its own,
           with the national motto, the posting line ("Niêm yết") and the online address line
  size     stay under --max-kb (default 200) kilobytes
  headers  (budget tables) every page after the first that shows amounts also shows the table
           header (STT, Nội dung): a table longer than a page repeats its header
Needs poppler-utils (pdfinfo, pdffonts, pdftotext). Exit status 0 when all PDFs pass.
"""
import argparse
import os
import re
import subprocess
import sys
import unicodedata

EXPECTED = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Niêm yết", "Bản điện tử:"]
AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
PAGE_SIZE = re.compile(r"Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts")


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def is_a4(width, height):
    short, long = sorted((width, height))
    return 594 < short < 597 and 841 < long < 843


def check(path, max_kb):
    problems = []
    size = os.path.getsize(path)
    if size > max_kb * 1024:
        problems.append(f"{size // 1024} KB, over {max_kb} KB")
    info = run("pdfinfo", path)
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    sizes = PAGE_SIZE.findall(run("pdfinfo", "-f", "1", "-l", str(pages), path))
    wrong = [f"{w} x {h}" for w, h in sizes if not is_a4(float(w), float(h))]
    if len(sizes) != pages or wrong:
        problems.append(f"pages not A4: {wrong or 'sizes unreadable'}")
    fonts = run("pdffonts", path).splitlines()[2:]
    if not fonts:
        problems.append("no fonts (text missing?)")
    for line in fonts:
        columns = line.split()
        # name type... encoding emb sub uni id gen: emb is the 5th column from the end
        if len(columns) >= 6 and columns[-5] != "yes":
            problems.append(f"font not embedded: {columns[0]}")
    text = run("pdftotext", "-enc", "UTF-8", path, "-")
    if not unicodedata.is_normalized("NFC", text):
        problems.append("text is not NFC")
    if "\ufffd" in text:
        problems.append("text has U+FFFD (a glyph without Unicode)")
    if re.search(r"(^|\s)[\u0300-\u036f]", text):
        problems.append("a combining diacritic stands alone (broken diacritics)")
    flat = " ".join(text.split())
    for expected in EXPECTED:
        if expected not in flat:
            problems.append(f"text lacks “{expected}”")
    if os.path.basename(path).startswith("ngan-sach-") and pages > 1:
        for number, page in enumerate(text.split("\f")[1:], start=2):
            if AMOUNT.search(page) and not ("STT" in page and "Nội dung" in page):
                problems.append(f"page {number} shows amounts without the table header")
    return pages, size, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site")
    parser.add_argument("--max-kb", type=int, default=200)
    args = parser.parse_args()
    folder = os.path.join(args.site, "in")
    if not os.path.isdir(folder):
        print("no in/ folder in the site")
        return 1
    # Editions are in/<name>.html; the quarter sheets keep their folders, in/<name>/index.html.
    names = sorted([n[:-len(".html")] for n in os.listdir(folder)
                    if n.endswith(".html") and n != "index.html" and os.path.isfile(os.path.join(folder, n))]
                   + [n for n in os.listdir(folder) if os.path.isfile(os.path.join(folder, n, "index.html"))])
    pdfs = sorted(n for n in os.listdir(folder) if n.endswith(".pdf"))
    failed = 0
    missing = [n for n in names if n + ".pdf" not in pdfs]
    for name in missing:
        print(f"LỖI/FAIL: the edition in/{name} has no in/{name}.pdf")
        failed += 1
    total_pages = total_size = landscape = 0
    for name in pdfs:
        pages, size, problems = check(os.path.join(folder, name), args.max_kb)
        total_pages += pages
        total_size += size
        for problem in problems:
            print(f"LỖI/FAIL: in/{name}: {problem}")
        failed += bool(problems)
    largest = max((os.path.getsize(os.path.join(folder, n)), n) for n in pdfs) if pdfs else (0, "-")
    print(f"{len(pdfs)} PDFs for {len(names)} print pages, {total_pages} A4 pages, {total_size // 1024} KB in all, "
          f"largest {largest[1]} {largest[0] // 1024} KB (limit {args.max_kb} KB each)")
    if not pdfs:
        print("LỖI/FAIL: no PDF at all (was the site built with --pdf?)")
        return 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
