#!/usr/bin/env bash
# Does a guest page cache miss cost more than an uncached page? The random guest thread page JSON row (nearly all
# misses) three times in a row on one server, cache off, then on a new server with the cache on, one after the other,
# so a cold server's first rows (JIT, H2's page cache) show apart from the cache's own cost. Server CPU ms/request per
# row, as bench/run.sh counts it. Settings: POSTS=1000000 (bench/data/h2-$POSTS), JAR, DURATION=10s, ROUNDS=3.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd); POSTS=${POSTS:-1000000}; DATA=$ROOT/bench/data/h2-$POSTS; JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
OUT=$ROOT/bench/out; mkdir -p "$OUT"
read -r FIRST LAST MEGA < <(sed -n 's/.*mega-thread: id \([0-9]*\).*threads \([0-9]*\)\.\.\([0-9]*\).*/\2 \3 \1/p' "$DATA/generate.txt")
for cache in false true; do
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -Xmx256m -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DATA" -Dforumkit.bench.routes=true \
    -Dforumkit.rate.limits=false -Dforumkit.guest.cache=$cache -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" \
    -jar "$JAR" >"$OUT/miss-ab-server.log" 2>&1 &
  PID=$!; BASE=http://127.0.0.1:$PORT
  for _ in $(seq 1 240); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
  for round in $(seq 1 "${ROUNDS:-3}"); do
    c0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    KIND=thread_json FIRST=$FIRST LAST=$LAST wrk -t2 -c64 -d"${DURATION:-10s}" -s "$ROOT/bench/get.lua" "$BASE" >"$OUT/miss-ab.txt" 2>&1
    c1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
    n=$(awk '/requests in/ {print $1}' "$OUT/miss-ab.txt")
    echo "cache $cache, round $round: $n requests, $(awk -v a="$c0" -v b="$c1" -v n="$n" 'BEGIN { printf "%.3f", (b - a) * 10 / n }') ms CPU/request, load $(cut -d' ' -f1 /proc/loadavg)"
    [ $cache = true ] && echo "  cache counters (hits misses stored evicted entries bytes turned-away): $(curl -fs "$BASE/bench/guest-cache")"
  done
  kill "$PID"; wait "$PID" 2>/dev/null
done
