#!/bin/bash
# bench/fresh-newfs.sh N PAIRS CONGKHAI [BENCH_DIR]: fresh builds of the N-procedure bench trees
# (made by bench/run.sh under BENCH_DIR), each pair into a new, empty ext4 file system (no
# journal, like this machine's root), CongKhai and Hugo in alternating order; prints
# "ck|hugo USER SYS WALL PEAK_KB" a line.
#
# Why: ext4 without a journal skips inodes freed in the last minutes when it allocates new ones,
# so on a shared disk a "fresh" build's system time swings 2-6x with what anything on the
# machine deleted before (run.sh's SETTLE only waits for its own removal). A new file system is
# what a CI runner's new clone sees, and it is the same for both tools. Needs root (mkfs, mount -o loop).
set -euo pipefail
n=$1; pairs=$2; ck=$3; bench="${4:-/tmp/congkhai-bench}"
tree="$bench/ck-$n"; hugo_tree="$bench/hugo-$n"
image="${IMAGE:-/tmp/congkhai-bench-ext4.img}"; mnt="${MNT:-/mnt/congkhai-bench}"
mkdir -p "$mnt"
truncate -s "${SIZE:-8G}" "$image"
run_ck() { /usr/bin/time -f "ck %U %S %e %M" "$ck" build --source "$tree" --as-of 2026-11-23 --output "$mnt/ck" 2>&1 >/dev/null | tail -1; }
run_hugo() { /usr/bin/time -f "hugo %U %S %e %M" hugo --source "$hugo_tree" --destination "$mnt/hugo" --quiet 2>&1 >/dev/null | tail -1; }
for i in $(seq "$pairs"); do
  umount "$mnt" 2>/dev/null || true
  mkfs.ext4 -q -F -O ^has_journal "$image"
  mount -o loop "$image" "$mnt"
  sync; sleep 3
  if [ $((i % 2)) = 1 ]; then run_ck; run_hugo; else run_hugo; run_ck; fi
done
umount "$mnt"
rm -f "$image"
