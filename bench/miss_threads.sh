#!/usr/bin/env bash
# A guest page cache miss against an uncached page under bench/run.sh's load (wrk -t2 -c64, random guest thread pages,
# nearly all misses), with the server's CPU split by thread group (bench/thread_cpu.sh): for each setting of the cache
# in turn (CACHES="false true"), a server on its own data copy, a warm-up of WARM, then ROUNDS rows of DURATION.
#   DATA_OFF=<copy> DATA_ON=<copy> JAR=<jar> [KIND=thread_json] [WARM=60s] [ROUNDS=2] [DURATION=10s] bench/miss_threads.sh
# ON_FLAGS: more JVM options for the cache-on server only (e.g. -Dforumkit.guest.cache.mb=64).
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd); JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}; KIND=${KIND:-thread_json}
OUT=$ROOT/bench/out/miss-$(date +%H%M%S); mkdir -p "$OUT"
for cache in ${CACHES:-false true}; do
  if [ "$cache" = true ]; then DATA=$DATA_ON; FLAGS=${ON_FLAGS:-}; else DATA=$DATA_OFF; FLAGS=; fi
  read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$DATA/generate.txt" | head -1)
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -Xmx256m ${JVM_FLAGS:-} $FLAGS -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DATA" \
    -Dforumkit.bench.routes=true -Dforumkit.rate.limits=false -Dforumkit.guest.cache=$cache \
    -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$OUT/server-$cache.log" 2>&1 &
  PID=$!; BASE=http://127.0.0.1:$PORT
  for _ in $(seq 1 240); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
  KIND=$KIND FIRST=$FIRST LAST=$LAST wrk -t2 -c64 -d"${WARM:-60s}" -s "$ROOT/bench/get.lua" "$BASE" >/dev/null 2>&1
  for round in $(seq 1 "${ROUNDS:-2}"); do
    k0=$(curl -fs "$BASE/bench/guest-cache" 2>/dev/null || true)
    bench/thread_cpu.sh snap "$PID" >"$OUT/snap0"
    KIND=$KIND FIRST=$FIRST LAST=$LAST wrk -t2 -c64 -d"${DURATION:-10s}" -s "$ROOT/bench/get.lua" "$BASE" >"$OUT/wrk.txt" 2>&1
    bench/thread_cpu.sh snap "$PID" >"$OUT/snap1"
    k1=$(curl -fs "$BASE/bench/guest-cache" 2>/dev/null || true)
    n=$(awk '/requests in/ {print $1}' "$OUT/wrk.txt")
    echo "== cache $cache, $KIND, round $round: $n requests, load $(cut -d' ' -f1-3 /proc/loadavg)${k1:+, cache before/after: $k0 / $k1}"
    bench/thread_cpu.sh diff "$OUT/snap0" "$OUT/snap1" "$n" | head -12
  done
  echo "heap: $(jcmd "$PID" GC.heap_info 2>/dev/null | grep -E 'garbage-first|region size' | tr -s ' ' | head -2 | tr '\n' ' ')"
  kill "$PID"; wait "$PID" 2>/dev/null
done
