#!/usr/bin/env python3
"""Summarises a lag_sampler.py file: samples, p50 / p99 / max of the oldest undelivered event's age, max lag in events."""
import sys

ages, lags, errors = [], [], 0
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 3 and f[1] != "error":
        lags.append(int(f[1]))
        ages.append(int(f[2]))
    else:
        errors += 1


def q(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(p * len(s)))] if s else float("nan")


def ms(v):
    return "?" if v != v else ("%.0f ms" % v if v < 10_000 else "%.1f s" % (v / 1000))


print("%d samples%s; oldest waiting event p50 %s, p99 %s, max %s; lag max %s events"
      % (len(ages), (", %d failed" % errors) if errors else "", ms(q(ages, 0.5)), ms(q(ages, 0.99)),
         ms(max(ages) if ages else float("nan")), max(lags) if lags else "?"))
