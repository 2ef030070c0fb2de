#!/usr/bin/env bash
# Measures memory and time of `congkhai build` (release) on inputs far larger than a commune
# will ever have: a content tree of 100,000 files and single files of 50 MB. Not part of
# `swift test` (too slow); run by hand: `bash scripts/limits.sh [ROOT]` (default /tmp/congkhai-limits).
#
# Prints one line per scenario: wall time, peak memory (max RSS), exit code, errors/warnings.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-/tmp/congkhai-limits}"
pages="${PAGES:-100000}"         # files in the big tree; 0 measures only the 50 MB files
folders="${FOLDERS:-100}"

command -v /usr/bin/time >/dev/null || { echo "cần /usr/bin/time (apt-get install time)"; exit 2; }
(cd "$repo" && swift build -c release --product congkhai >/dev/null)
bin="$(cd "$repo" && swift build -c release --show-bin-path)/congkhai"

site_skeleton() {  # $1: site folder
    mkdir -p "$1/content"
    ln -sfn "$repo/templates" "$1/templates"
    printf 'ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\n' > "$1/content/site.yaml"
    printf -- '---\ntieu_de: Trang chủ\n---\nChào mừng.\n' > "$1/content/_index.md"
}

measure() {  # $1: label, $2: site folder
    local log="$root/$1.time"
    set +e
    /usr/bin/time -v "$bin" build --source "$2" --output "$root/$1-public" --as-of 2026-11-23 --verbose > "$root/$1.out" 2>&1
    local code=$?
    set -e
    mv "$root/$1.out" "$log.out" 2>/dev/null || true
    local wall rss summary
    wall=$(grep -E 'Elapsed \(wall clock\)' "$log.out" | awk '{print $NF}')
    rss=$(grep -E 'Maximum resident set size' "$log.out" | awk '{print $NF}')
    summary=$(grep -E '^(Đã dựng|Không dựng)' "$log.out" | head -1)
    printf '%-22s thời gian %-9s bộ nhớ tối đa %6d MB  mã thoát %d  %s\n' "$1" "$wall" "$((rss / 1024))" "$code" "$summary"
    grep -E '^  .*: [0-9]+ ms$' "$log.out" | sed 's/^/    /' || true
}

rm -rf "$root"; mkdir -p "$root"

# 1. A tree of $pages small Markdown pages in $folders sections (PAGES=0 skips it).
if [ "$pages" -gt 0 ]; then
tree="$root/tree"; site_skeleton "$tree"
python3 - "$tree/content" "$pages" "$folders" <<'PY'
import os, sys
content, pages, folders = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = pages // folders
for f in range(folders):
    d = os.path.join(content, f"muc-{f:03d}")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "_index.md"), "w") as out:
        out.write(f"---\ntieu_de: Mục {f}\n---\n")
    for p in range(per - 1):
        with open(os.path.join(d, f"trang-{p:05d}.md"), "w") as out:
            out.write(f"---\ntieu_de: Trang {f}.{p}\nngay: 2025-09-05\n---\nNội dung ngắn của trang {p}, có **chữ đậm** và [liên kết](_index.md).\n")
PY
echo "cây nội dung: $(find "$tree/content" -type f | wc -l) tệp"
measure "cay-$pages-tep" "$tree"
fi

# 2. One 50 MB Markdown page: refused with its size, never read whole.
big="$root/md50"; site_skeleton "$big"
python3 -c "
import sys
line = 'Một dòng văn bản tiếng Việt khá dài.\n'.encode()
body = '---\ntieu_de: Lớn\n---\n'.encode() + line * (50 * 1024 * 1024 // len(line) + 1)
open(sys.argv[1], 'wb').write(body[:50 * 1024 * 1024])
" "$big/content/lon.md"
ls -l "$big/content/lon.md" | awk '{print "tệp .md: " $5 " byte"}'
measure "md-50MB" "$big"

# 3. One 50 MB budget table (CSV): refused the same way.
csv="$root/csv50"; site_skeleton "$csv"
mkdir -p "$csv/content/ngan-sach/2026"
printf -- '---\ntieu_de: Ngân sách\n---\n' > "$csv/content/ngan-sach/_index.md"
cp "$repo/content/ngan-sach/2026/du-toan.yaml" "$csv/content/ngan-sach/2026/du-toan.yaml"
python3 -c "
import sys
with open(sys.argv[1], 'w') as f:
    f.write('stt,noi_dung,du_toan\n')
    i = 0
    while f.tell() < 50 * 1024 * 1024:
        f.write(f'{i % 9 + 1},Dòng chi tiết số {i},1.000.000\n'); i += 1
" "$csv/content/ngan-sach/2026/du-toan.csv"
measure "csv-50MB" "$csv"

# 4. One 50 MB attachment (a scanned PDF): published with a warning, copied not loaded.
pdf="$root/pdf50"; site_skeleton "$pdf"
head -c $((50 * 1024 * 1024)) /dev/urandom > "$pdf/content/ban-quet.pdf"
measure "pdf-50MB" "$pdf"

echo "chi tiết: $root/*.time.out"
