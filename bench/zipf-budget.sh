#!/usr/bin/env bash
# The Zipf rows of bench/run.sh at several guest page cache budgets (guest.cache.mb), servers interleaved:
#   JAR=forum-app/target/forumkit.jar MBS="128 192" ROUNDS=2 WARMUP=60s DURATION=10s bench/zipf-budget.sh
# Per budget one copy of the pristine 1M-post set (DATA_ROOT/zipf-MB); per round and budget a fresh server that gets
# bench/run.sh's two Zipf warm-ups (plain, then gzip), then the gzip row (as browsers ask) and the plain row. Printed
# per row: requests, server CPU ms/request (user+system over the row / wrk's requests), the cache's own hits and
# misses, pages stored and pushed out; per server at the end: the store's bytes, the slabs' direct memory, all direct
# and mapped memory by NMT ("Other": direct buffers), heap after a full collection, RSS and peak RSS. A bare Javalin
# yardstick at the start and at the end (the CPU ratio = bare CPU / row CPU). Results appended to OUT/zipf-budget.txt.
# PREFILL=120s: first every thread page in turn (bench/walk.lua), so that a loaded machine's slow server still fills
# its store before the Zipf rows; EXTRA_FLAGS: more server JVM options.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
OUT=${OUT:-$ROOT/bench/out/zipf-budget}
DATA_ROOT=${DATA_ROOT:-$ROOT/bench/data}
PRISTINE=${PRISTINE:-/work/bench-data/pristine/h2-1000000}
MBS=${MBS:-128 192}
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-60s}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
mkdir -p "$OUT" "$DATA_ROOT"
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
RESULT=$OUT/zipf-budget.txt
say() { echo "$*" | tee -a "$RESULT"; }
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$PRISTINE/generate.txt")
T="FIRST=$FIRST LAST=$LAST"

# row LABEL LUA [env...]: wrk against BASE, CPU of SERVER_PID; prints one line
row() {
  local label=$1 script=$2; shift 2
  local load c0 c1 s0 s1 n log=$OUT/wrk.txt
  load=$(loadavg); s0=$(curl -fs "$BASE/bench/guest-cache" 2>/dev/null || echo "0 0 0 0 0 0 0 0"); c0=$(cpu_ticks "$SERVER_PID")
  env "$@" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/$script" "$BASE" >"$log" 2>&1 || true
  c1=$(cpu_ticks "$SERVER_PID"); s1=$(curl -fs "$BASE/bench/guest-cache" 2>/dev/null || echo "0 0 0 0 0 0 0 0")
  n=$(awk '/requests in/ {print $1}' "$log")
  say "$(awk -v l="$label" -v a="$c0" -v b="$c1" -v n="${n:-0}" -v x="$s0" -v y="$s1" -v ld="$load" 'BEGIN {
    split(x, p, " "); split(y, q, " "); h = q[1] - p[1]; m = q[2] - p[2]
    printf "%s: %d requests, server CPU %.4f ms/request; cache %d hits %d misses (%.2f %%), %d stored, %d pushed out or turned away; load %s",
      l, n, (n > 0 ? (b - a) * 10 / n : 0), h, m, (h + m > 0 ? 100 * h / (h + m) : 0), q[3] - p[3], q[4] - p[4], ld }')"
}

rm -rf "$OUT/bare" && mkdir -p "$OUT/bare" && javac -d "$OUT/bare" -cp "$JAR" bench/BareJavalin.java
bare() {
  PORT=$(free_port)
  java -Xmx256m -cp "$JAR:$OUT/bare" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" BareJavalin 127.0.0.1 "$PORT" \
    >"$OUT/bare.log" 2>&1 &
  SERVER_PID=$!
  wait_for_server "$OUT/bare.log"
  DURATION=$DURATION row "bare warm-up" get.lua KIND=ping >/dev/null
  row "bare Javalin ($1)" get.lua KIND=ping
  stop_server
}

say "## zipf-budget $(date -u '+%F %H:%M') UTC; jar $JAR; MBS=$MBS ROUNDS=$ROUNDS WARMUP=$WARMUP DURATION=$DURATION; $MACHINE"
for mb in $MBS; do
  [ -f "$DATA_ROOT/zipf-$mb/generate.txt" ] || { rm -rf "$DATA_ROOT/zipf-$mb"; cp -r "$PRISTINE" "$DATA_ROOT/zipf-$mb"; }
done
bare start
for round in $(seq 1 "$ROUNDS"); do
  for mb in $MBS; do
    start_server "$OUT/server-$mb" "$DATA_ROOT/zipf-$mb" -XX:NativeMemoryTracking=summary -Dforumkit.guest.cache=true \
      -Dforumkit.guest.cache.mb="$mb" ${EXTRA_FLAGS:-}
    say "### round $round, guest.cache.mb=$mb (pid $SERVER_PID)"
    [ "${PREFILL:-}" ] && DURATION=$PREFILL row "prefill: every thread page in turn, gzip" walk.lua $T
    DURATION=$WARMUP row "warm-up plain" zipf.lua $T
    DURATION=$WARMUP row "warm-up gzip" zipf.lua $T GZIP=1
    row "Zipf gzip as browsers ask" zipf.lua $T GZIP=1
    row "Zipf plain" zipf.lua $T
    row "Zipf gzip as browsers ask, again" zipf.lua $T GZIP=1
    stats=$(curl -fs "$BASE/bench/guest-cache")
    jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
    heap=$(jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $5, $6, "of", $4}' | tr -d ,)
    other=$(jcmd "$SERVER_PID" VM.native_memory summary 2>/dev/null | awk '/- +Other \(reserved/ {print $3, $4}' | tr -d ')')
    nmt=$(jcmd "$SERVER_PID" VM.native_memory summary 2>/dev/null | awk '/^Total:/ {print $2, $3}')
    rss=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$SERVER_PID/status")
    say "end of server: cache stats '$stats' (hits misses stored pushed-out entries bytes slab-bytes-in-use slab-bytes-reserved); direct buffers (NMT Other) $other; NMT $nmt; heap after full GC $heap; RSS $rss"
    stop_server
    say "peak RSS $PEAK_RSS"
  done
done
bare end
