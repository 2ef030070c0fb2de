#!/usr/bin/env bash
# Whole-site fuzzing (issue 12): mutates the example site (content/ + templates/) seed by seed
# and builds each mutated copy in memory with congkhai-fuzz-site, for a bounded time:
#   bash scripts/fuzz-site.sh [SECONDS] [FIRST_SEED]     (default 120 s from seed 1)
#   FUZZ_SITE_CONFIG=debug bash scripts/fuzz-site.sh 120  (CI: reuses the debug build)
# Mutations: numbers to extremes (negative, Int.max, 1e19, inf, nan), impossible dates, huge or
# control-laden strings, YAML anchors/aliases/merge keys ("billion laughs"), budget year folders
# renamed (202, 20266, 2090), extreme budget figures, rule deadlines, lines deleted or cut.
# Oracle: no crash, no site over 30 s, every finding a Diagnostic naming a file of the site.
# Sites run in batches in a child process, so a crash loses one batch, not the run: the seed
# and mutations of the site that crashed are printed; replay one with
#   .build/release/congkhai-fuzz-site --site . --seed SEED --count 1
# and keep it as a regression test (Tests/CongKhaiTests/Fuzz/SiteFuzzRegressionTests.swift).
# Exit status 1 when any site failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
seconds=${1:-120}
seed=${2:-1}
batch=${FUZZ_SITE_BATCH:-50}

# FUZZ_SITE_CONFIG=debug reuses the debug build (CI has just made it with `swift build`):
# no release compile, at the price of slower sites.
config=${FUZZ_SITE_CONFIG:-release}
echo "== building congkhai-fuzz-site ($config)"
swift build -c "$config" --product congkhai-fuzz-site 2>&1 | grep -E "error|Compiling|Build" || true
binary="$(swift build -c "$config" --show-bin-path)/congkhai-fuzz-site"
[ -x "$binary" ] || { echo "fuzz-site: congkhai-fuzz-site was not built" >&2; exit 1; }

log="$(mktemp "${TMPDIR:-/tmp}/congkhai-fuzz-site.XXXXXX")"
trap 'rm -f "$log"' EXIT
end=$((SECONDS + seconds))
sites=0
failures=()
while [ "$SECONDS" -lt "$end" ]; do
  # A batch starts no site after the deadline, and is killed if one hangs past the watchdog.
  left=$((end - SECONDS))
  status=0
  timeout --kill-after=5 $((left + 40)) "$binary" --site . --seed "$seed" --count "$batch" --timeout 30 \
    --seconds "$left" >"$log" 2>&1 || status=$?
  done_in_batch=$(grep -c '^site [0-9]*:' "$log" || true)
  last=$(grep '^site [0-9]*:' "$log" | tail -1)
  grep -E '^(FAIL|HANG|cannot)' "$log" | while IFS= read -r line; do echo "$line"; done
  while IFS= read -r line; do failures+=("$line"); done < <(grep -E '^(FAIL|HANG|cannot)' "$log")
  if [ "$status" -gt 2 ]; then
    failures+=("CRASH (exit $status) $last")
    echo "CRASH (exit $status) $last"
    tail -5 "$log" | sed 's/^/    /'
  fi
  sites=$((sites + done_in_batch))
  if [ "$done_in_batch" -eq 0 ]; then seed=$((seed + 1)); else
    last_seed=$(echo "$last" | sed -n 's/^site \([0-9]*\):.*/\1/p')
    seed=$((last_seed + 1))
  fi
done
echo
echo "== fuzz-site summary: $sites mutated sites in $seconds s (next seed $seed), ${#failures[@]} failures"
if [ ${#failures[@]} -gt 0 ]; then
  printf '%s\n' "${failures[@]}" >&2
  exit 1
fi
