#!/usr/bin/env bash
# The guest page cache's hit rate under Zipf reads with a fixed share of replies (bench/zipf_writes.lua: one request
# in EVERY is a reply by one of 16 signed-in members to a random thread), on one server with the cache on. The hit rate
# is counted by the cache itself (/bench/guest-cache) and the share of writes by request count, so neither moves with
# the machine's load, unlike bench/run.sh's "while members reply about 5 times a second" row (a curl loop, which on a
# loaded machine sends 2-8 replies in 10 s). Settings: DATA=dir of a generated H2 set (it is written to: use a copy),
# JAR=server jar, EVERY=600 (about 5 replies a second at 3,000 requests a second), DURATION=20s, ROUNDS=2.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=$ROOT/bench/out
mkdir -p "$OUT"
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
DATA=${DATA:?DATA=a generated data set (a copy: replies are written to it)}
EVERY=${EVERY:-600} DURATION=${DURATION:-20s} ROUNDS=${ROUNDS:-2}
. "$ROOT/bench/lib.sh"
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$DATA/generate.txt")
start_server "$OUT/zipf-writes" "$DATA" -Dforumkit.guest.cache=true
SESSIONS=$(sign_in 16 "$OUT/zipf-writes-sessions.txt")
# the warm-up: the cache filled by Zipf reads without writes, as bench/run.sh's rows before its row with writes
FIRST=$FIRST LAST=$LAST GZIP=1 wrk -t2 -c64 -d"$DURATION" -s "$ROOT/bench/zipf.lua" "$BASE" >/dev/null 2>&1 || true
for round in $(seq 1 "$ROUNDS"); do
  s0=$(curl -fs "$BASE/bench/guest-cache")
  FIRST=$FIRST LAST=$LAST EVERY=$EVERY SESSIONS=$SESSIONS wrk -t2 -c64 -d"$DURATION" -s "$ROOT/bench/zipf_writes.lua" "$BASE" \
    >"$OUT/zipf-writes-$round.txt" 2>&1 || true
  s1=$(curl -fs "$BASE/bench/guest-cache")
  requests=$(awk '/requests in/ {print $1}' "$OUT/zipf-writes-$round.txt")
  awk -v a="$s0" -v b="$s1" -v n="${requests:-0}" -v e="$EVERY" -v r="$round" -v ld="$(loadavg)" 'BEGIN {
    split(a, x, " "); split(b, y, " "); h = y[1] - x[1]; m = y[2] - x[2]
    printf "round %d: %d requests, about %d replies (1 in %d); reads: %d hits, %d misses, hit rate %.1f %%; %d entries at the end; load %s\n",
      r, n, n / e, e, h, m, (h + m > 0 ? 100 * h / (h + m) : 0), y[5], ld }'
done
stop_server
