#!/usr/bin/env bash
# bench/run.sh [SIZES...]: CongKhai against Hugo on the same generated procedure catalogue.
#
#   bench/run.sh                 # 1000 10000 50000 procedures (the table in BENCHMARKS.md)
#   bench/run.sh 1000            # the smoke test CI may run
#
# For each size N: gen-corpus.py writes the tree (deterministic: same N, same bytes); CongKhai
# builds it with the repository's templates; hugo-site.sh makes a copy buildable by Hugo (Debian
# `hugo`) and Hugo builds it. Both are timed by /usr/bin/time -v in the same run (wall time, peak
# memory). For the 10000 tree (or the largest one asked for when below), `congkhai serve` is started
# on it and one procedure file is edited RUNS times; the rebuild time is what serve reports for
# each edit. Output: a Markdown table on stdout and in $BENCH_DIR/results.md.
# Environment: BENCH_DIR (default /tmp/congkhai-bench), CONGKHAI (default: release build of this
# repository), RUNS (default 5). Needs python3, hugo, /usr/bin/time (Debian `time`).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/congkhai-bench}"
RUNS="${RUNS:-5}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 50000)
command -v hugo >/dev/null || { echo "hugo not found: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 2; }
if [ -z "${CONGKHAI:-}" ]; then
  (cd "$ROOT" && swift build -c release >/dev/null)
  CONGKHAI="$(cd "$ROOT" && swift build -c release --show-bin-path)/congkhai"
fi
mkdir -p "$BENCH_DIR"

# timed LOG CMD...: runs CMD under /usr/bin/time -v; prints "seconds kilobytes".
timed() {
  local log="$1"; shift
  /usr/bin/time -v "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  python3 -c "import sys; p=sys.argv[1].split(':'); s=sum(float(x)*60**i for i,x in enumerate(reversed(p))); print(f'{s:.2f} {sys.argv[2]}')" "$wall" "$rss"
}

rows=()
for n in "${SIZES[@]}"; do
  tree="$BENCH_DIR/ck-$n"; hugo_tree="$BENCH_DIR/hugo-$n"
  if [ ! -f "$tree/.done" ]; then
    rm -rf "$tree" "$hugo_tree"
    python3 "$HERE/gen-corpus.py" "$n" "$tree" >/dev/null
    cp -r "$tree" "$hugo_tree"
    cp -r "$ROOT/templates" "$tree/templates"
    bash "$HERE/hugo-site.sh" "$hugo_tree" >/dev/null
    touch "$tree/.done"
  fi
  rm -rf "$tree/public" "$hugo_tree/public"
  read -r ck_s ck_kb < <(timed "$BENCH_DIR/ck-$n.log" "$CONGKHAI" build --source "$tree" --as-of 2026-11-23)
  read -r hu_s hu_kb < <(timed "$BENCH_DIR/hugo-$n.log" hugo --source "$hugo_tree" --quiet)
  ck_pages=$(find "$tree/public" -name '*.html' | wc -l)
  hu_pages=$(find "$hugo_tree/public" -name '*.html' | wc -l)
  rows+=("$(python3 -c "
import sys
n, cs, ck, cp, hs, hk, hp = sys.argv[1:]
cs, hs, ck, hk, cp, hp = float(cs), float(hs), int(ck), int(hk), int(cp), int(hp)
cps, hps = cp / cs, hp / hs
print(f'| {int(n):,} | {cp:,} | {cs:.2f} s | {cps:,.0f} | {ck/1024:,.0f} MB | {hp:,} | {hs:.2f} s | {hps:,.0f} | {hk/1024:,.0f} MB | {cps/hps:.2f}× | {ck/hk:.2f} |'.replace(',', '.'))
" "$n" "$ck_s" "$ck_kb" "$ck_pages" "$hu_s" "$hu_kb" "$hu_pages")")
  echo "${rows[-1]}" >&2
done

# One-file rebuilds in serve, on the 10000 tree when it was built (else the largest).
serve_n=""
for n in "${SIZES[@]}"; do if [ "$n" = 10000 ]; then serve_n=10000; fi; done
[ -n "$serve_n" ] || serve_n="${SIZES[-1]}"
serve_line=$(python3 - "$CONGKHAI" "$BENCH_DIR/ck-$serve_n" "$RUNS" <<'PY'
import glob, re, statistics, subprocess, sys, threading, time
binary, tree, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
port = 18900
server = subprocess.Popen([binary, "serve", "--source", tree, "--port", str(port), "--as-of", "2026-11-23"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
lines, ready = [], threading.Event()
def pump():
    for line in server.stdout:
        lines.append(line)
        if "Xem trang tại" in line: ready.set()
threading.Thread(target=pump, daemon=True).start()
ready.wait(600)
target = sorted(glob.glob(tree + "/content/thu-tuc/ho-tich/*.md"))[0]
original = open(target, encoding="utf-8").read()
times, pages = [], []
try:
    for i in range(runs):
        seen = len(lines)
        open(target, "w", encoding="utf-8").write(original.replace('ten: "', f'ten: "(sửa {i}) ', 1))
        deadline = time.time() + 120
        while time.time() < deadline and not any(l.startswith("Đã sửa") for l in lines[seen:]):
            time.sleep(0.02)
        done = [l for l in lines[seen:] if l.startswith("Đã sửa")]
        m = re.search(r"dựng lại (\d+) trang trong (\d+) ms", done[-1]) if done else None
        if m:
            pages.append(int(m.group(1))); times.append(int(m.group(2)))
        time.sleep(0.5)
finally:
    open(target, "w", encoding="utf-8").write(original)
    server.terminate(); server.wait(10)
print(f"{statistics.median(times)} {min(times)} {max(times)} {pages[-1]}" if times else "- - - -")
PY
)
read -r med lo hi pages <<<"$serve_line"

{
  echo "| Thủ tục | CongKhai: trang | thời gian | trang/giây | bộ nhớ đỉnh | Hugo: trang | thời gian | trang/giây | bộ nhớ đỉnh | Thông lượng so với Hugo | Bộ nhớ so với Hugo |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Dựng lại sau khi sửa một tệp thủ tục trong \`congkhai serve\` (cây $serve_n thủ tục, $RUNS lần): trung vị $med ms (nhỏ nhất $lo, lớn nhất $hi), $pages trang được dựng lại mỗi lần."
  echo
  echo "Máy: $(nproc) nhân, $(uname -m); $(hugo version | cut -d' ' -f1-2); $("$CONGKHAI" --help >/dev/null 2>&1 && echo CongKhai $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?')); tải máy lúc đo: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$BENCH_DIR/results.md"
