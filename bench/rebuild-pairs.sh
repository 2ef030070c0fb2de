#!/bin/bash
# bench/rebuild-pairs.sh N PAIRS CONGKHAI [BENCH_DIR]: rebuilds into the existing output, CongKhai
# (--dung-lai, after one fresh build and one --dung-lai build, so its kept edition exists) and
# Hugo (after one build), PAIRS pairs; then one unchanged CongKhai build. Prints lines for
# bench/ratios.py ("B ..." for CongKhai, "H ..." for Hugo) and "unchanged USER SYS WALL PEAK_KB".
set -euo pipefail
n=$1; pairs=$2; ck=$3; bench="${4:-/tmp/congkhai-bench}"
tree="${TREE:-$bench/ck-$n}"; hugo_tree="$bench/hugo-$n"
"$ck" build --source "$tree" --as-of 2026-11-23 >/dev/null 2>&1 || true
"$ck" build --source "$tree" --as-of 2026-11-23 --dung-lai >/dev/null 2>&1 || true
hugo --source "$hugo_tree" --quiet >/dev/null
for i in $(seq "$pairs"); do
  /usr/bin/time -f "B %U %S %e %M" "$ck" build --source "$tree" --as-of 2026-11-23 --dung-lai 2>&1 >/dev/null | tail -1
  /usr/bin/time -f "H %U %S %e %M" hugo --source "$hugo_tree" --quiet 2>&1 >/dev/null | tail -1
  echo "round $i"
done
/usr/bin/time -f "unchanged %U %S %e %M" "$ck" build --source "$tree" --as-of 2026-11-23 2>&1 >/dev/null | tail -1
