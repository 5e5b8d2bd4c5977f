#!/usr/bin/env python3
"""Where the CPU went in a JFR recording of one benchmark row: the share of execution samples per top frame (self)
and per method anywhere on the stack (inclusive), plus the same by package for forumkit's own code.
Usage: bench/jfr_top.py FILE.jfr [N]   (needs the JDK's `jfr` tool on PATH)"""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "128", "--events", "jdk.ExecutionSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
self_counts, incl, ours_first, pkg_incl, chains = (collections.Counter() for _ in range(5))
for e in events:
    frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    if not names:
        continue
    self_counts[names[0]] += 1
    chains[" <- ".join(n.rsplit(".", 2)[-2] + "." + n.rsplit(".", 1)[-1] for n in names[:4])] += 1
    for n in set(names):
        incl[n] += 1
    for n in names:  # the innermost forumkit frame: which of our code asked for the work on top
        if n.startswith("dev.forumkit."):
            ours_first[n] += 1
            break
    for p in {n.rsplit(".", 2)[0] for n in names}:
        pkg_incl[p] += 1
n = len(events)
print(f"{path}: {n} execution samples")
for title, c in (("self (top frame)", self_counts), ("inclusive (anywhere on the stack)", incl),
                 ("innermost forumkit frame", ours_first), ("inclusive by package", pkg_incl),
                 ("top four frames (self with callers)", chains)):
    print(f"\n{title}:")
    for name, k in c.most_common(top):
        print(f"  {100 * k / n:5.1f}%  {name}")
