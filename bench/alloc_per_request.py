#!/usr/bin/env python3
"""Bytes allocated per request by the request threads (Jetty's pool, named JettyServerThreadPool-N by Javalin) in a JFR
recording, two ways:
- exact: the growth of each request thread's allocation counter (jdk.ThreadAllocationStatistics, written by JFR at the
  start and the end of a recording) summed and divided by N. A thread started during the recording is left out.
- sampled: the sum of the jdk.ObjectAllocationSample weights, with the four largest allocation sites. A sample's weight
  is what the thread allocated since its previous sample, so large objects (a copy buffer) take the weight of the small
  ones around them: the sites are a rough guide and the sampled total ran 1.5-3 times the exact one (issue 18).
Usage: bench/alloc_per_request.py FILE.jfr N   (needs the JDK's `jfr` tool on PATH)"""
import collections, json, subprocess, sys

path, n = sys.argv[1], int(sys.argv[2])


def events(kind, depth=8):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", str(depth), "--events", kind, path],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)["recording"]["events"]


def request_thread(v, key):
    return ((v.get(key) or {}).get("javaName") or "").startswith("JettyServerThreadPool")


first, last = {}, {}
for e in events("jdk.ThreadAllocationStatistics"):
    v = e["values"]
    if request_thread(v, "thread"):
        tid, at = v["thread"]["javaThreadId"], v["startTime"]
        if tid not in first or at < first[tid][0]:
            first[tid] = (at, v["allocated"])
        if tid not in last or at > last[tid][0]:
            last[tid] = (at, v["allocated"])
exact = sum(last[t][1] - first[t][1] for t in last)

total, sites = 0, collections.Counter()
for e in events("jdk.ObjectAllocationSample"):
    v = e["values"]
    if not request_thread(v, "eventThread"):
        continue
    total += v["weight"]
    frames = v["stackTrace"]["frames"] if v.get("stackTrace") else []
    sites[" <- ".join(f["method"]["type"]["name"].rsplit("/", 1)[-1] + "." + f["method"]["name"] for f in frames[:3])] += v["weight"]
print(f"{exact / max(n, 1):,.0f} B/request exact; sampled {total / max(n, 1):,.0f} B/request, largest: "
      + "; ".join(f"{k} {w * 100 / max(total, 1):.0f} %" for k, w in sites.most_common(4)))
