# pg_statements_curve.py DIR [step 1] [unused] [how many 25]: per statement (IN lists and VALUES rows folded), between
# snapshots of bench/pg_statements_snap.sh: calls, rows and shared blocks (hit + read) per call and per reply, the
# replies being the growth of max(posts.id); statements ordered by their largest blocks per reply (task pgage).
import csv, sys, glob, os, re
d = sys.argv[1]; step = int(sys.argv[2]) if len(sys.argv) > 2 else 1
minc = float(sys.argv[3]) if len(sys.argv) > 3 else 0.3
snaps = sorted(set(os.path.basename(f)[:3] for f in glob.glob(d + '/*-stmts.csv')))
def load(n):
    head = list(csv.reader(open(f'{d}/{n}-head.csv')))[0]
    st = {}
    for r in csv.reader(open(f'{d}/{n}-stmts.csv')):
        k = re.sub(r'\(\$\d+(,\$\d+)*\)', '(...)', r[7])
        k = re.sub(r'(\(\$\d+, \$\d+, \$\d+, \$\d+\),?)+', '(VALUES...)', k)
        k = re.sub(r'\$\d+', '$', k)
        o = st.get(k, (0, 0, 0, 0.0, k))
        st[k] = (o[0] + int(r[1]), o[1] + int(r[2]), o[2] + int(r[3]) + int(r[4]), o[3] + float(r[6]), k)
    return int(head[0]), st
data = [load(n) for n in snaps]
pairs = []
for i in range(0, len(data) - step, step):
    (p0, a), (p1, b) = data[i], data[i + step]
    replies = p1 - p0
    if replies <= 0: continue
    if any(b[q][0] < a[q][0] for q in a if q in b): continue  # reset between
    pairs.append((p0, p1, a, b))
qs = {}
for p0, p1, a, b in pairs:
    for q, v in b.items():
        c0 = a.get(q, (0, 0, 0, 0.0, ''))
        dc = v[0] - c0[0]
        qs.setdefault(q, {'text': v[4], 'pts': []})['pts'].append((p0, p1, dc, v[1] - c0[1], v[2] - c0[2], v[3] - c0[3]))
print('intervals (posts at start -> end):', ' '.join(f'{p0}-{p1}' for p0, p1, _, _ in pairs))
tot = [0.0] * len(pairs)
rows = []
for q, e in qs.items():
    pts = e['pts']
    calls = sum(p[2] for p in pts); replies = sum(p[1] - p[0] for p in pts)
    if calls / max(replies, 1) < 0.01: continue
    bpr = [(p[4] / (p[1] - p[0])) for p in pts]  # blocks per reply
    bpc = [(p[4] / p[2]) if p[2] else 0 for p in pts]
    rpc = [(p[3] / p[2]) if p[2] else 0 for p in pts]
    upr = [(p[5] * 1000 / (p[1] - p[0])) for p in pts]
    for i, x in enumerate(bpr):
        if i < len(tot): tot[i] += x
    rows.append((bpr[-1] - bpr[0], e['text'], calls / replies, bpc, rpc, upr, bpr))
rows.sort(key=lambda r: -max(r[6]))
print('total blocks per reply per interval:', ' '.join(f'{x:.0f}' for x in tot))
for r in rows[:int(sys.argv[4]) if len(sys.argv) > 4 else 25]:
    print(f'\n{r[1][:150]}\n  calls/reply {r[2]:.2f}; blocks/call: ' + ' '.join(f'{x:.1f}' for x in r[3]))
    print('  rows/call: ' + ' '.join(f'{x:.1f}' for x in r[4]))
    print('  blocks/reply: ' + ' '.join(f'{x:.1f}' for x in r[6]))
    print('  exec us/reply: ' + ' '.join(f'{x:.0f}' for x in r[5]))
