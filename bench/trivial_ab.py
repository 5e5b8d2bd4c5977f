#!/usr/bin/env python3
"""Server CPU per request of one route on several servers running at the same time, in interleaved rounds, split by
thread (issue 18: what forumkit adds to a trivial request, and whether the extra is in the request threads or in
background ones). The servers are started by the caller and named on the command line as LABEL=PID=URL; each round
runs `wrk -t2 -cC -dD URL` against each server in turn (the order rotates each round) and reads /proc/PID/task/*/stat
before and after. Besides, each server's CPU while idle (no requests, IDLE seconds) is measured once per round: that is
the background work a benchmark row charges to its requests.

Usage: bench/trivial_ab.py [--rounds 4] [--duration 5] [--connections 64] [--warmup 8] [--idle 3]
       [--header 'Name: value' ...] LABEL=PID=URL ...
Prints per round and server: req/s, CPU ms/request, and the CPU by thread group (thread names with the digits taken
out) in microseconds per request; at the end the medians.
"""
import argparse
import os
import re
import statistics
import subprocess
import time

TICK = os.sysconf("SC_CLK_TCK")


def threads(pid):
    """{tid: (name, ticks)} of the process's threads now."""
    out = {}
    base = f"/proc/{pid}/task"
    for tid in os.listdir(base):
        try:
            with open(f"{base}/{tid}/stat") as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        fields = s[s.rindex(")") + 2:].split()
        out[tid] = (name, int(fields[11]) + int(fields[12]))
    return out


def group(name):
    return re.sub(r"\d+", "#", name)


def delta(before, after):
    """CPU ticks by thread group between two snapshots (threads born in between count from zero)."""
    by = {}
    for tid, (name, t) in after.items():
        t0 = before.get(tid, (name, 0))[1]
        by[group(name)] = by.get(group(name), 0) + t - t0
    return by


HEADERS = []


def wrk(url, duration, connections):
    extra = [x for h in HEADERS for x in ("-H", h)]
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", *extra, url], capture_output=True,
                         text=True).stdout
    m = re.search(r"(\d+) requests in", out)
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return int(m.group(1)) if m else 0, int(bad.group(1)) if bad else 0


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=4)
    p.add_argument("--duration", type=int, default=5)
    p.add_argument("--connections", type=int, default=64)
    p.add_argument("--warmup", type=int, default=8)
    p.add_argument("--idle", type=float, default=3)
    p.add_argument("--top", type=int, default=8)
    p.add_argument("--header", action="append", default=[], help="a request header for every request, e.g. "
                   "'Accept-Encoding: gzip' (a browser's guest page cache hit)")
    p.add_argument("servers", nargs="+")
    a = p.parse_args()
    HEADERS.extend(a.header)
    servers = [s.split("=", 2) for s in a.servers]
    for label, pid, url in servers:
        if a.warmup > 0:
            wrk(url, a.warmup, a.connections)
    results = {label: [] for label, _, _ in servers}
    for r in range(a.rounds):
        order = servers[r % len(servers):] + servers[:r % len(servers)]
        for label, pid, url in order:
            i0 = threads(pid)
            time.sleep(a.idle)
            i1 = threads(pid)
            idle_ms_per_s = sum(delta(i0, i1).values()) * 1000 / TICK / a.idle
            load = open("/proc/loadavg").read().split()[0]
            t0 = threads(pid)
            n, bad = wrk(url, a.duration, a.connections)
            t1 = threads(pid)
            d = delta(t0, t1)
            cpu = sum(d.values()) * 1000 / TICK / max(n, 1)
            results[label].append((n / a.duration, cpu, d, n, idle_ms_per_s))
            top = sorted(d.items(), key=lambda kv: -kv[1])[:a.top]
            print(f"round {r + 1} {label:10s} {n / a.duration:8.0f} req/s  {cpu:.4f} ms/req  non-2xx {bad}  "
                  f"idle {idle_ms_per_s:.1f} ms CPU/s  load {load}  | "
                  + ", ".join(f"{g} {v * 1e6 / TICK / max(n, 1):.1f}" for g, v in top), flush=True)
    print("\nmedians (CPU ms/request; us/request by thread group; idle CPU ms per second):")
    for label, rows in results.items():
        groups = {}
        for _, _, d, n, _ in rows:
            for g, v in d.items():
                groups.setdefault(g, []).append(v * 1e6 / TICK / max(n, 1))
        med = sorted(((statistics.median(v + [0] * (len(rows) - len(v))), g) for g, v in groups.items()), reverse=True)
        print(f"{label:10s} {statistics.median(r[0] for r in rows):8.0f} req/s  "
              f"{statistics.median(r[1] for r in rows):.4f} ms/req  idle {statistics.median(r[4] for r in rows):.1f} ms/s | "
              + ", ".join(f"{g} {v:.1f}" for v, g in med[:a.top]))


if __name__ == "__main__":
    main()
