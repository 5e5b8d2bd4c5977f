#!/usr/bin/env python3
"""Medians (and ranges) of bench/pagecost_ab.sh's rounds, per side and kind. Usage: bench/pagecost_summary.py OUTDIR"""
import glob, re, statistics as st, sys

d = sys.argv[1]
pat = re.compile(r'round \d (\S+)\s+([\d,]+) B/page, request threads ([\d.]+) ms.*gc ([\d.]+) g1conc ([\d.]+) c2 ([\d.]+)'
                 r'.*\| ([\d.]+) GCs/page, ([\d.]+) ms pause/page, old gen (\d+) MB')
for side in 'AB':
    rows = {}
    for f in sorted(glob.glob(f'{d}/{side}-*.txt')):
        for line in open(f):
            m = pat.match(line)
            if m:
                rows.setdefault(m.group(1), []).append([int(m.group(2).replace(',', ''))] + [float(m.group(i)) for i in (3, 4, 5, 7, 8, 9)])
    for k, v in rows.items():
        med = [st.median(x[i] for x in v) for i in range(7)]
        print(f"{side} {k:<11} {med[0]:>9,.0f} B/page ({min(x[0] for x in v):,.0f}-{max(x[0] for x in v):,.0f}), request CPU "
              f"{med[1]:.3f} ms ({min(x[1] for x in v):.3f}-{max(x[1] for x in v):.3f}), GC workers {med[2]:.3f}, "
              f"G1 conc {med[3]:.3f}, {med[4]:.4f} GCs/page, pause {med[5]:.3f} ms/page, old gen {med[6]:.0f} MB ({len(v)} rounds)")
