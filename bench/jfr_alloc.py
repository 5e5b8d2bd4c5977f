#!/usr/bin/env python3
"""Where the allocation went in a JFR recording: jdk.ObjectAllocationInNewTLAB (by TLAB size) and OutsideTLAB (by
object size) events, or else jdk.ObjectAllocationSample weights, of the request threads by
allocated class, by top frame, by the innermost forumkit frame and by method anywhere on the stack (inclusive). A
sample's weight is what its thread allocated since its previous sample, so shares are a rough guide (issue 18).
Usage: bench/jfr_alloc.py FILE.jfr [N]   (needs the JDK's `jfr` tool on PATH)"""
import collections, json, subprocess, sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "96", "--events", "jdk.ObjectAllocationInNewTLAB,jdk.ObjectAllocationOutsideTLAB,jdk.ObjectAllocationSample", path],
                     check=True, capture_output=True, text=True).stdout
events = json.loads(out)["recording"]["events"]
by_class, self_w, ours, incl = (collections.Counter() for _ in range(4))
total = 0
for e in events:
    v = e["values"]
    if not ((v.get("eventThread") or {}).get("javaName") or "").startswith("JettyServerThreadPool"):
        continue
    w = v.get("tlabSize") or v.get("weight") or v.get("allocationSize") or 0
    total += w
    by_class[(v.get("objectClass") or {}).get("name", "?")] += w
    frames = v["stackTrace"]["frames"] if v.get("stackTrace") else []
    names = [(f["method"]["type"]["name"] + "." + f["method"]["name"]).replace("/", ".") for f in frames]
    if names:
        self_w[" <- ".join(n.rsplit(".", 2)[-2] + "." + n.rsplit(".", 1)[-1] for n in names[:3])] += w
    for n in names:
        if n.startswith("dev.forumkit."):
            ours[n] += w
            break
    for n in set(names):
        incl[n] += w
print(f"{path}: {len(events)} samples, request threads {total:,} B")
for title, c in (("by class", by_class), ("top 3 frames", self_w), ("innermost forumkit frame", ours), ("inclusive", incl)):
    print(f"\n## {title}")
    for k, w in c.most_common(top):
        print(f"{w * 100 / max(total, 1):5.1f} %  {k}")
