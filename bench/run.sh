#!/usr/bin/env bash
# bench/run.sh [SIZES...]: CongKhai against Hugo on the same generated procedure catalogue.
#
#   bench/run.sh 1000 10000      # the table in BENCHMARKS.md
#   bench/run.sh 1000            # the smoke test CI may run
#
# For each size N: gen-corpus.py writes the tree (deterministic: same N, same bytes); CongKhai
# builds it with the repository's templates; hugo-site.sh makes a copy buildable by Hugo (Debian
# `hugo`) and Hugo builds it. Each tool is timed by /usr/bin/time -v in the same run (wall, user
# and system CPU, peak memory) in these conditions: "fresh", into an output folder removed SETTLE
# seconds before (CongKhai's kept previous edition and records, `.public.ban-*`, removed too;
# see below why the wait), "fresh, just removed", the same right after the removal, and
# "rebuild", into the existing output of an earlier build of the same tree (for CongKhai the second rebuild with --dung-lai, when the kept edition exists). Two more CongKhai rows:
# "unchanged", the same command again with nothing changed (the build record finds nothing to do),
# and "one file changed", after appending a line to one procedure file (the whole pipeline runs
# again: only the writing is limited to what changed; the file is restored afterwards). Hugo has
# no such shortcut: those rows repeat its rebuild figures. On a shared machine wall time swings
# 3x: compare CPU (user + sys).
# Then, unless SERVE=0, `congkhai serve` runs on each tree and bench/serve-edits.py edits one
# procedure's title EDITS times and its body EDITS times, reading the time of each update from
# serve's report, then measures serve's idle CPU and its memory across the edits.
# Output: Markdown tables on stdout and in $BENCH_DIR/results.md.
# Environment: BENCH_DIR (default /tmp/congkhai-bench), CONGKHAI (default: release build of this
# repository), EDITS (default 25 of each kind, so 50 edits), SERVE (default 1), SETTLE (default
# 65 seconds; 0 skips the settled "fresh" row).
# Needs python3, hugo, /usr/bin/time (Debian `time`).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/congkhai-bench}"
EDITS="${EDITS:-25}"
SERVE="${SERVE:-1}"
SETTLE="${SETTLE:-65}"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000)
command -v hugo >/dev/null || { echo "hugo not found: apt-get install hugo" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 2; }
if [ -z "${CONGKHAI:-}" ]; then
  (cd "$ROOT" && swift build -c release >/dev/null)
  CONGKHAI="$(cd "$ROOT" && swift build -c release --show-bin-path)/congkhai"
fi
mkdir -p "$BENCH_DIR"

# timed LOG CMD...: runs CMD under /usr/bin/time -v; prints "wall_seconds cpu_seconds kilobytes".
timed() {
  local log="$1"; shift
  /usr/bin/time -v "$@" >"$log" 2>&1 || { tail -20 "$log" >&2; return 1; }
  python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
def field(name): return re.search(re.escape(name) + r": (\S+)", text).group(1)
parts = field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
wall = sum(float(x) * 60 ** i for i, x in enumerate(reversed(parts)))
cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
print(f"{wall:.2f} {cpu:.2f} {field('Maximum resident set size (kbytes)')}")
PY
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
  ck=("$CONGKHAI" build --source "$tree" --as-of 2026-11-23)
  hu=(hugo --source "$hugo_tree" --quiet)
  remove_outputs() { rm -rf "$tree/public" "$tree"/.public.ban-* "$hugo_tree/public"; }
  # Fresh: both outputs removed, then (unless SETTLE=0) synced and left SETTLE seconds, so the
  # file system has forgotten the deletion, as on a CI runner building a new clone. ext4 without
  # a journal (this machine's) skips inodes freed in the last 60 s (300 s while their block is
  # dirty) when it allocates new ones, scanning past each: right after removing 100,000 inodes
  # every create costs several times more, whichever tool runs.
  remove_outputs
  if [ "$SETTLE" != 0 ]; then
    sync; sleep "$SETTLE"
    read -r ckf_w ckf_c ckf_kb < <(timed "$BENCH_DIR/ck-$n-fresh.log" "${ck[@]}")
    read -r huf_w huf_c huf_kb < <(timed "$BENCH_DIR/hugo-$n-fresh.log" "${hu[@]}")
    remove_outputs
  fi
  # Fresh, just removed: the same right after the removal (the condition of earlier tables).
  read -r ckj_w ckj_c ckj_kb < <(timed "$BENCH_DIR/ck-$n-fresh-just-removed.log" "${ck[@]}")
  read -r huj_w huj_c huj_kb < <(timed "$BENCH_DIR/hugo-$n-fresh-just-removed.log" "${hu[@]}")
  # Rebuild: CongKhai's first rebuild makes the kept edition (hard links); the second is timed.
  # --dung-lai: without it nothing changed and the build record would skip the work.
  timed "$BENCH_DIR/ck-$n-rebuild1.log" "${ck[@]}" --dung-lai >/dev/null
  read -r ckr_w ckr_c ckr_kb < <(timed "$BENCH_DIR/ck-$n-rebuild.log" "${ck[@]}" --dung-lai)
  read -r hur_w hur_c hur_kb < <(timed "$BENCH_DIR/hugo-$n-rebuild.log" "${hu[@]}")
  # Unchanged: the same command again.
  read -r cku_w cku_c cku_kb < <(timed "$BENCH_DIR/ck-$n-unchanged.log" "${ck[@]}")
  grep -q "Không có gì thay đổi" "$BENCH_DIR/ck-$n-unchanged.log" || { echo "ck-$n: the unchanged rebuild built" >&2; exit 1; }
  # One procedure file changed (a line appended), then put back as generated.
  one=$(find "$tree/content/thu-tuc" -name '*.md' | LC_ALL=C sort | awk 'NR == 1')  # awk reads all: no SIGPIPE under pipefail
  cp "$one" "$BENCH_DIR/one-file.orig"
  printf '\nĐoạn thêm để đo một lần dựng lại sau khi sửa một tệp.\n' >> "$one"
  read -r ck1_w ck1_c ck1_kb < <(timed "$BENCH_DIR/ck-$n-one-file.log" "${ck[@]}")
  cp "$BENCH_DIR/one-file.orig" "$one"
  ck_pages=$(find "$tree/public" -name '*.html' | wc -l)
  hu_pages=$(find "$hugo_tree/public" -name '*.html' | wc -l)
  conditions=(fresh "fresh, just removed" rebuild unchanged "one file changed")
  [ "$SETTLE" != 0 ] || conditions=("${conditions[@]:1}")
  for condition in "${conditions[@]}"; do
    case "$condition" in
      fresh) set -- "$ckf_w" "$ckf_c" "$ckf_kb" "$huf_w" "$huf_c" "$huf_kb" ;;
      "fresh, just removed") set -- "$ckj_w" "$ckj_c" "$ckj_kb" "$huj_w" "$huj_c" "$huj_kb" ;;
      rebuild) set -- "$ckr_w" "$ckr_c" "$ckr_kb" "$hur_w" "$hur_c" "$hur_kb" ;;
      unchanged) set -- "$cku_w" "$cku_c" "$cku_kb" "$hur_w" "$hur_c" "$hur_kb" ;;
      *) set -- "$ck1_w" "$ck1_c" "$ck1_kb" "$hur_w" "$hur_c" "$hur_kb" ;;
    esac
    rows+=("$(python3 -c "
import sys
n, cond, cw, cc, ck, hw, hc, hk, cp, hp = sys.argv[1:]
n, cp, hp = int(n), int(cp), int(hp)
cw, cc, hw, hc, ck, hk = map(float, (cw, cc, hw, hc, ck, hk))
cc = max(cc, 0.01)  # an unchanged rebuild of a small tree rounds to 0.00 s
cps, hps = cp / cc, hp / hc
cpp, hpp = cc / n * 1000, hc / n * 1000
print(f'| {n:,} | {cond} | {cp:,} | {cw:.2f} s | {cc:.2f} s | {cps:,.0f} | {cpp:.2f} ms | {ck/1024:,.0f} MB | {hp:,} | {hw:.2f} s | {hc:.2f} s | {hps:,.0f} | {hpp:.2f} ms | {hk/1024:,.0f} MB | {cps/hps:.2f}× | {hpp/cpp:.2f}× | {ck/hk:.2f} |')
" "$n" "$condition" "$@" "$ck_pages" "$hu_pages")")
    echo "${rows[-1]}" >&2
  done
done

serve_rows=()
if [ "$SERVE" != 0 ]; then
  for n in "${SIZES[@]}"; do
    json=$(python3 "$HERE/serve-edits.py" "$CONGKHAI" "$BENCH_DIR/ck-$n" "$EDITS")
    echo "$json" > "$BENCH_DIR/serve-$n.json"
    serve_rows+=("$(python3 -c "
import json, sys
r = json.loads(sys.argv[1]); t, b = r['title'], r['body']
series = ' → '.join(str(x) for x in [r['rss_start_mb']] + r['rss_series_mb'])
print(f\"| {r['procedures']:,} | {t['median_ms']} ms ({t['min_ms']}–{t['max_ms']}), {t['pages']} pages | {b['median_ms']} ms ({b['min_ms']}–{b['max_ms']}), {b['pages']} pages | {t['edits'] + b['edits']} | {series} MB | {r['idle_cpu_percent']}% |\")
" "$json")")
    echo "${serve_rows[-1]}" >&2
  done
fi

{
  echo "Builds (CPU = user + sys; pages/s and ms per procedure from CPU; ratios: CongKhai over Hugo, higher is better for CongKhai):"
  echo
  echo "| Procedures | Output | CongKhai pages | wall | CPU | pages/s | CPU per procedure | peak memory | Hugo pages | wall | CPU | pages/s | CPU per procedure | peak memory | pages/s vs Hugo | per procedure vs Hugo | memory vs Hugo |"
  echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${rows[@]}"
  if [ ${#serve_rows[@]} -gt 0 ]; then
    echo
    echo "\`congkhai serve\` updates (median, range) after editing one procedure's title, then its body:"
    echo
    echo "| Procedures | title edit | body edit | edits | resident memory: start, then every 20 edits | idle CPU (10 s) |"
    echo "|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${serve_rows[@]}"
  fi
  echo
  echo "Machine: $(nproc) cores, $(uname -m); $(hugo version | cut -d' ' -f1-2); CongKhai $(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo '?'); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$BENCH_DIR/results.md"
