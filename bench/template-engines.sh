#!/usr/bin/env bash
# bench/template-engines.sh [RUNS]: what FastTemplate earns end to end (issue #14: keep it only
# at 1.3x or more). Builds the 1,000-procedure tree with the release binary RUNS times (default 5)
# per engine, interleaved and alternating which goes first: the default (FastTemplate) and
# `build --reference-templates` (swift-mustache alone). Prints user+sys CPU seconds per run and
# the ratio of the means. OUT_DIR (default /dev/shm: output on tmpfs, so that disk writes under
# a busy machine do not swamp the kernel time) holds the two outputs; both must be identical.
# Environment: CONGKHAI (default: release build of this repository), TREE (default: a tree made
# by gen-corpus.py 1000 in $BENCH_DIR), AS_OF (default 2026-11-23).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
RUNS="${1:-5}"
OUT_DIR="${OUT_DIR:-/dev/shm}"
BENCH_DIR="${BENCH_DIR:-/tmp/congkhai-bench}"
AS_OF="${AS_OF:-2026-11-23}"
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 2; }
if [ -z "${CONGKHAI:-}" ]; then
  (cd "$ROOT" && swift build -c release >/dev/null)
  CONGKHAI="$(cd "$ROOT" && swift build -c release --show-bin-path)/congkhai"
fi
if [ -z "${TREE:-}" ]; then
  TREE="$BENCH_DIR/ck-1000"
  if [ ! -d "$TREE" ]; then
    mkdir -p "$BENCH_DIR"
    python3 "$HERE/gen-corpus.py" 1000 "$TREE" >/dev/null
    cp -r "$ROOT/templates" "$TREE/templates"
  fi
fi
times="$(mktemp)"
for i in $(seq 1 "$RUNS"); do
  order=(fast reference)
  [ $((i % 2)) -eq 0 ] && order=(reference fast)
  for engine in "${order[@]}"; do
    flag=()
    [ "$engine" = reference ] && flag=(--reference-templates)
    rm -rf "$OUT_DIR/ck-engine-$engine"
    /usr/bin/time -f "$engine %U %S" -a -o "$times" \
      "$CONGKHAI" build --source "$TREE" --as-of "$AS_OF" --output "$OUT_DIR/ck-engine-$engine" "${flag[@]}" >/dev/null 2>&1
  done
done
diff -r "$OUT_DIR/ck-engine-fast" "$OUT_DIR/ck-engine-reference" >/dev/null || { echo "the two engines' outputs differ" >&2; exit 1; }
awk '{ cpu[$1] += $2 + $3; n[$1]++; printf "%-9s user %s s  sys %s s\n", $1, $2, $3 }
     END { f = cpu["fast"] / n["fast"]; r = cpu["reference"] / n["reference"];
           printf "mean user+sys: FastTemplate %.2f s, swift-mustache %.2f s, ratio %.2fx\n", f, r, r / f }' "$times"
rm -f "$times"
rm -rf "$OUT_DIR/ck-engine-fast" "$OUT_DIR/ck-engine-reference"
