#!/usr/bin/env python3
"""bench/serve-edits.py BINARY TREE EDITS: times `congkhai serve` updates on a generated tree.

Starts `serve` on TREE, then edits one procedure file EDITS times changing its title and EDITS
times changing a line of its body, and reads the time of each update from what serve prints
("Đã sửa …: dựng lại N trang trong M ms"). Then measures serve's CPU while idle (10 s, from
/proc/PID/stat) and its resident memory before the first edit and after the last.
Prints one JSON object. The file is restored at the end.
"""
import glob, json, os, re, statistics, subprocess, sys, threading, time

binary, tree, edits = sys.argv[1], sys.argv[2], int(sys.argv[3])
port = 18900 + os.getpid() % 500
server = subprocess.Popen([binary, "serve", "--source", tree, "--port", str(port), "--as-of", "2026-11-23"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
lines, ready = [], threading.Event()


def pump():
    for line in server.stdout:
        lines.append(line)
        if "Xem trang tại" in line:
            ready.set()


threading.Thread(target=pump, daemon=True).start()
ticks = os.sysconf("SC_CLK_TCK")


def cpu_seconds():
    fields = open(f"/proc/{server.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def rss_mb():
    for line in open(f"/proc/{server.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


if not ready.wait(900):
    server.kill()
    sys.exit("serve did not start")
target = sorted(glob.glob(tree + "/content/thu-tuc/*/*.md"))[0]
original = open(target, encoding="utf-8").read()
body_at = original.index("\n---\n", 4) + 5


def edit(text):
    """Writes TEXT and returns (pages, ms) from serve's report of the update."""
    seen = len(lines)
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(text)
    deadline = time.time() + 300
    while time.time() < deadline:
        done = [l for l in lines[seen:] if l.startswith("Đã sửa")]
        if done:
            m = re.search(r"dựng lại (\d+) trang trong (\d+) ms", done[-1])
            time.sleep(0.3)
            return (int(m.group(1)), int(m.group(2))) if m else None
        time.sleep(0.01)
    return None


result = {"procedures": len(glob.glob(tree + "/content/thu-tuc/*/*.md"))}
try:
    time.sleep(2)
    result["rss_start_mb"] = round(rss_mb())
    title, body, rss = [], [], []
    for i in range(edits):
        # Each edit changes one thing against the file as it stands: the title edit keeps the
        # last body note, the body edit keeps this title (before, each body edit also put the
        # original title back, so it was a title edit too).
        front = original[:body_at].replace('ten: "', f'ten: "(sửa {i}) ', 1)
        last_note = f"Ghi chú sửa lần {i - 1}.\n\n" if i else ""
        title.append(edit(front + last_note + original[body_at:]))
        body.append(edit(front + f"Ghi chú sửa lần {i}.\n\n" + original[body_at:]))
        rss.append(round(rss_mb()))
    # Resident memory after every 10th pair of edits: flat, or growing with each edit?
    result["rss_series_mb"] = rss[9::10] if len(rss) >= 10 else rss
    for name, runs in (("title", title), ("body", body)):
        times = [r[1] for r in runs if r]
        pages = [r[0] for r in runs if r]
        result[name] = {"median_ms": statistics.median(times) if times else None, "min_ms": min(times, default=None),
                        "max_ms": max(times, default=None), "pages": pages[-1] if pages else None, "edits": len(times)}
    result["rss_after_edits_mb"] = round(rss_mb())
    edit(original)
    time.sleep(1)
    before = cpu_seconds()
    time.sleep(10)
    result["idle_cpu_percent"] = round((cpu_seconds() - before) / 10 * 100, 2)
    result["rss_end_mb"] = round(rss_mb())
finally:
    with open(target, "w", encoding="utf-8") as handle:
        handle.write(original)
    server.terminate()
    server.wait(20)
print(json.dumps(result))
