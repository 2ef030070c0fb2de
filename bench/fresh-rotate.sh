#!/bin/bash
# bench/fresh-rotate.sh N ROUNDS CONGKHAI_A CONGKHAI_B [BENCH_DIR]: two CongKhai builds and Hugo,
# fresh, each round into a new, empty ext4 file system (no journal), in rotating order
# (A B H, B H A, H A B). Prints "A|B|H USER SYS WALL PEAK_KB" a line and "round I" after each
# round; bench/ratios.py turns that into pages per CPU second against Hugo.
#
# Why three in one round: on a shared 2-core machine the CPU a build takes swings 20-40% from
# one minute to the next (Hugo's system time at 50,000 went from 9 to 30 s); an old and a new
# binary measured in the same rounds, in every order, can be told apart where separate runs
# cannot. Why a new file system: see bench/fresh-newfs.sh.
# The trees are bench/run.sh's ($BENCH_DIR/ck-N, $BENCH_DIR/hugo-N); TREE_A or TREE_B gives one
# binary a tree of its own (an old binary with the templates of its day). Needs root.
set -euo pipefail
n=$1; rounds=$2; A=$3; B=$4; bench="${5:-/tmp/congkhai-bench}"
tree_a="${TREE_A:-$bench/ck-$n}"; tree_b="${TREE_B:-$bench/ck-$n}"; hugo_tree="$bench/hugo-$n"
image="${IMAGE:-/tmp/congkhai-rotate-ext4.img}"; mnt="${MNT:-/mnt/congkhai-rotate}"
mkdir -p "$mnt"; truncate -s "${SIZE:-12G}" "$image"
run() {
  case $1 in
    A) /usr/bin/time -f "A %U %S %e %M" "$A" build --source "$tree_a" --as-of 2026-11-23 --output "$mnt/a" 2>&1 >/dev/null | tail -1 ;;
    B) /usr/bin/time -f "B %U %S %e %M" "$B" build --source "$tree_b" --as-of 2026-11-23 --output "$mnt/b" 2>&1 >/dev/null | tail -1 ;;
    H) /usr/bin/time -f "H %U %S %e %M" hugo --source "$hugo_tree" --destination "$mnt/h" --quiet 2>&1 >/dev/null | tail -1 ;;
  esac
}
orders=("A B H" "B H A" "H A B")
for i in $(seq "$rounds"); do
  umount "$mnt" 2>/dev/null || true
  mkfs.ext4 -q -F -O ^has_journal "$image"
  mount -o loop "$image" "$mnt"
  sync; sleep 3
  for tool in ${orders[$(( (i - 1) % 3 ))]}; do run "$tool"; done
  echo "round $i"
done
umount "$mnt"
rm -f "$image"
