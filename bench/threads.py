#!/usr/bin/env python3
"""Per-thread CPU of the Loa server and simulator, for finding who holds the cores during an event.

  bench/threads.py sample FILE SECONDS      every 50 ms, one line per thread: time, process, tid, name, ticks
  bench/threads.py window FILE HH:MM:SS.mmm [BIN_S] [BINS_BEFORE] [BINS_AFTER]
                                            CPU ms per process and busiest thread groups, in bins around
                                            that instant (UTC, as in the server log)

Start `sample` beside a bench script (e.g. with LOA_BENCH_KEEP=DIR to keep the server log), then run
`window` on the instant the server logged, e.g. the EMERGENCY session line.
"""
import collections
import datetime
import os
import re
import sys
import time

TICK_MS = 1000 // os.sysconf("SC_CLK_TCK")


def sample(path, seconds):
    end = time.time() + seconds
    with open(path, "w") as out:
        while time.time() < end:
            now = time.time()
            for pid in filter(str.isdigit, os.listdir("/proc")):
                try:
                    cmd = open(f"/proc/{pid}/cmdline", "rb").read()
                    who = "server" if b"loa-server.jar" in cmd else "sim" if b"loa-sim.jar" in cmd else None
                    if who is None:
                        continue
                    for tid in os.listdir(f"/proc/{pid}/task"):
                        stat = open(f"/proc/{pid}/task/{tid}/stat").read()
                        name = stat[stat.index("(") + 1:stat.rindex(")")].replace(" ", "_")
                        fields = stat[stat.rindex(")") + 2:].split()
                        out.write(f"{now:.3f} {who} {tid} {name} {int(fields[11]) + int(fields[12])}\n")
                except OSError:
                    continue  # the process or thread ended while being read
            time.sleep(0.05)


def window(path, at, bin_s=0.2, before=4, after=10):
    h, m, s = at.split(":")
    today = datetime.datetime.now(datetime.timezone.utc).date()
    base = datetime.datetime(today.year, today.month, today.day, int(h), int(m),
                             tzinfo=datetime.timezone.utc).timestamp() + float(s)
    series = collections.defaultdict(list)
    for line in open(path):
        t, who, tid, name, ticks = line.split()
        series[(who, tid, name)].append((float(t), int(ticks)))
    bins = collections.defaultdict(collections.Counter)
    for (who, _, name), points in series.items():
        group = who + ":" + re.sub(r"-\d+(-\d+)?$", "", name)
        for (_, a), (t1, b) in zip(points, points[1:]):
            k = round((t1 - base) / bin_s)
            if b > a and -before <= k <= after:
                bins[k][group] += b - a
    for k in sorted(bins):
        per = bins[k]
        total = collections.Counter()
        for group, ticks in per.items():
            total[group.split(":")[0]] += ticks
        busiest = ", ".join(f"{g}={t * TICK_MS}" for g, t in per.most_common(6))
        print(f"{k * bin_s:+.1f}s server={total['server'] * TICK_MS}ms sim={total['sim'] * TICK_MS}ms  {busiest}")


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] == "sample":
        sample(sys.argv[2], float(sys.argv[3]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "window":
        extra = [float(sys.argv[4])] + [int(a) for a in sys.argv[5:7]] if len(sys.argv) > 4 else []
        window(sys.argv[2], sys.argv[3], *extra)
    else:
        sys.exit(__doc__)
