#!/usr/bin/env python3
"""Samples the outbox lag of one consumer from GET /api/v1/admin/outbox every INTERVAL seconds until STOP_FILE exists.

usage: lag_sampler.py BASE COOKIE OUT_FILE STOP_FILE [CONSUMER=alerts] [INTERVAL=0.1]
Each line of OUT_FILE: seconds since start, lag in events, age in ms of the oldest event not yet handled (0 when
caught up). The age is the figure the goal is about: how long an event waits before its alerts exist.
"""
import json
import os
import sys
import time
import urllib.request

base, cookie, out_file, stop_file = sys.argv[1:5]
consumer = sys.argv[5] if len(sys.argv) > 5 else "alerts"
interval = float(sys.argv[6]) if len(sys.argv) > 6 else 0.1
started = time.monotonic()
with open(out_file, "w") as out:
    while not os.path.exists(stop_file):
        t = time.monotonic()
        try:
            req = urllib.request.Request(base + "/api/v1/admin/outbox", headers={"Cookie": cookie, "Accept": "application/json"})
            body = json.load(urllib.request.urlopen(req, timeout=10))
            c = next(c for c in body["outbox"]["consumers"] if c["name"] == consumer)
            out.write("%.3f %d %d\n" % (t - started, c["lag"], c["oldest_undelivered_ms"] or 0))
        except Exception as e:  # a sample that failed is reported, not silently dropped
            out.write("%.3f error %s\n" % (t - started, str(e).replace("\n", " ")))
        out.flush()
        time.sleep(max(0.0, interval - (time.monotonic() - t)))
