#!/usr/bin/env python3
"""bench/ratios.py PAGES_A PAGES_B HUGO_PAGES FILE: pages per CPU second (user + sys) against
Hugo's in the same round, from the lines of bench/fresh-rotate.sh or bench/rebuild-pairs.sh,
and peak memory against Hugo's; then the median of each binary's ratios. PAGES_A and PAGES_B are
the pages each CongKhai build writes (its summary line: "Đã dựng N trang"), HUGO_PAGES Hugo's."""
import statistics, sys

pages = {"A": int(sys.argv[1]), "B": int(sys.argv[2])}
hugo_pages = int(sys.argv[3])
rounds, current = [], {}
for line in open(sys.argv[4]):
    fields = line.split()
    if fields[:1] == ["round"]:
        rounds.append(current)
        current = {}
    elif len(fields) == 5 and fields[0] in ("A", "B", "H"):
        user, system, wall = map(float, fields[1:4])
        current[fields[0]] = (user, system, wall, int(fields[4]))
ratios = {"A": [], "B": []}
for number, found in enumerate(rounds, 1):
    hugo = found["H"]
    hugo_cpu = hugo[0] + hugo[1]
    row = [f"round {number}: Hugo {hugo_cpu:.2f} s ({hugo[0]:.2f} + {hugo[1]:.2f}), {hugo[3] // 1024} MB"]
    for name in ("A", "B"):
        if name in found:
            user, system, _, peak = found[name]
            ratio = (pages[name] / (user + system)) / (hugo_pages / hugo_cpu)
            ratios[name].append(ratio)
            row.append(f"{name} {user + system:.2f} s ({user:.2f} + {system:.2f}), {peak // 1024} MB: "
                       f"{ratio:.2f}x, memory {peak / hugo[3]:.2f}")
    print(" | ".join(row))
for name in ("A", "B"):
    if ratios[name]:
        print(f"{name}: median {statistics.median(ratios[name]):.2f}x of", " ".join(f"{r:.2f}" for r in ratios[name]))
