#!/usr/bin/env bash
# Fuzzes the loaders and the Markdown wrapper with libFuzzer and AddressSanitizer:
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]   (default 600 s for each of the four targets)
#   bash scripts/fuzz.sh --build                 (only build the fuzz package: a compile check)
# Targets run one after another, each on one core, seeded with the example site's content/ and
# the inputs it found before (fuzz/.build-fuzz/corpus, git-ignored). A crash, leak, timeout or
# broken invariant leaves its input in fuzz/.build-fuzz/artifacts/ and makes the script fail:
# minimise it (`fuzz/.build-fuzz/release/TARGET -minimize_crash=1 -runs=10000 FILE`), fix the
# cause and keep the input as a regression test in Tests/CongKhaiTests/Fuzz/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

ALL_TARGETS=(fuzz-frontmatter fuzz-yaml fuzz-csv fuzz-markdown)
SCRATCH=fuzz/.build-fuzz
build_only=0
seconds=600
if [ "${1:-}" = "--build" ]; then build_only=1; shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then seconds=$1; shift
fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${ALL_TARGETS[@]}")

echo "== building the fuzz package (release, -sanitize=fuzzer,address)"
# -enable-testing: the targets reach the internal loaders through @testable import.
# -Xcc -fsanitize=fuzzer-no-link,address: libyaml's C code (inside Yams) gets coverage too.
swift build --package-path fuzz --scratch-path "$SCRATCH" -c release \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -enable-testing \
  -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -v "__asan_extra_spill_area" || true
for target in "${targets[@]}"; do
  [ -x "$SCRATCH/release/$target" ] || { echo "fuzz: $target was not built" >&2; exit 1; }
done
[ "$build_only" = 0 ] || exit 0

# Seeds: the example site's files of the kind each target reads, copied flat (libFuzzer adds
# what it finds to the first folder, which must not be content/).
seed() {  # seed TARGET FIND-ARGS...
  local dir="$SCRATCH/corpus/$1"; shift
  mkdir -p "$dir"
  find content "$@" -type f -print0 | while IFS= read -r -d '' file; do
    cp "$file" "$dir/seed-$(echo "$file" | tr '/' '_')"
  done
}
dictionary() {
  case "$1" in
    fuzz-frontmatter|fuzz-yaml) echo fuzz/dict/yaml.dict ;;
    fuzz-csv) echo fuzz/dict/csv.dict ;;
    fuzz-markdown) echo fuzz/dict/markdown.dict ;;
  esac
}
seed fuzz-frontmatter -name '*.md'
seed fuzz-yaml -name '*.yaml'
seed fuzz-csv -name '*.csv'
seed fuzz-markdown -name '*.md'

mkdir -p "$SCRATCH/artifacts" "$SCRATCH/logs"
failed=()
summary=()
for target in "${targets[@]}"; do
  log="$SCRATCH/logs/$target.log"
  echo "== $target for $seconds s (log: $log)"
  status=0
  "$SCRATCH/release/$target" "$SCRATCH/corpus/$target" \
    -dict="$(dictionary "$target")" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$SCRATCH/artifacts/$target-" >"$log" 2>&1 || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*(cov|ft):' "$log" | tail -1 || true)
  cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  line="$target: ${runs:-?} inputs, cov ${cov:-?}, ft ${ft:-?}, exit $status"
  echo "$line"
  summary+=("$line")
  if [ "$status" != 0 ]; then
    failed+=("$target")
    grep -E "ERROR|fuzz oracle|Fatal error|artifact" "$log" | head -5 || true
  fi
done
echo
echo "== fuzz summary ($seconds s each)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: crashes in ${failed[*]} (inputs in $SCRATCH/artifacts/)" >&2
  exit 1
fi
