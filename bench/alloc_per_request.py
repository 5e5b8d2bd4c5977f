#!/usr/bin/env python3
"""Bytes allocated per request by the request threads (Jetty's pool, named JettyServerThreadPool-N by Javalin) in a JFR
recording: the sum of jdk.ObjectAllocationSample weights over N requests, and the four largest allocation sites.
Usage: bench/alloc_per_request.py FILE.jfr N   (needs the JDK's `jfr` tool on PATH)"""
import collections, json, subprocess, sys

path, n = sys.argv[1], int(sys.argv[2])
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "8", "--events", "jdk.ObjectAllocationSample", path],
                     check=True, capture_output=True, text=True).stdout
total, sites = 0, collections.Counter()
for e in json.loads(out)["recording"]["events"]:
    v = e["values"]
    if not ((v.get("eventThread") or {}).get("javaName") or "").startswith("JettyServerThreadPool"):
        continue
    total += v["weight"]
    frames = v["stackTrace"]["frames"] if v.get("stackTrace") else []
    sites[" <- ".join(f["method"]["type"]["name"].rsplit("/", 1)[-1] + "." + f["method"]["name"] for f in frames[:3])] += v["weight"]
print(f"{total / max(n, 1):,.0f} B/request; largest: "
      + "; ".join(f"{k} {w * 100 / max(total, 1):.0f} %" for k, w in sites.most_common(4)))
