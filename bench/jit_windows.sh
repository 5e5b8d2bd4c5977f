#!/usr/bin/env bash
# How a long-running server settles: one server (the packaged jar, -Xmx256m, with -XX:+PrintCompilation), one kind of
# traffic for WINDOWS windows of 20 s each, and per window the requests, the JIT's compilations (PrintCompilation lines,
# and those saying "made not entrant": a tier-up or a deoptimisation), and the server's CPU per request in all and for
# the C2 compiler, the request threads and the GC threads (bench/thread_cpu.sh). Shows when the JIT has settled, so
# that a benchmark row measures the server rather than its first minute.
#   DATA=dir (a generated data set, e.g. bench/data/h2-100000 from bench/run.sh)   JAR=... (default forum-app/target/forumkit.jar)
#   KIND=reply (16 signed-in members replying, bench/reply.lua, 16 connections) | thread_json (guest thread pages, 64)
#   WINDOWS=9
#   JDBC_URL=jdbc:postgresql://... (optional: the server on that database; DATA is then the directory holding the
#   generate.txt of the set generated into it, e.g. bench/data/pg-<db> of bench/run.sh PG=1); with PG_DB=<its name>
#   too, each window also reports the CPU of that database's backends per request (/proc, the pool's connections)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
DATA=${DATA:?DATA=a generated data set}
KIND=${KIND:-reply}
WINDOWS=${WINDOWS:-9}
. "$ROOT/bench/lib.sh"
OUT=${OUT:-$ROOT/bench/out/jit-$KIND}; mkdir -p "$OUT"
start_server "$OUT/server" "$DATA" -XX:+PrintCompilation ${JDBC_URL:+-Dforumkit.jdbc.url="$JDBC_URL"} ${SERVER_FLAGS:-}
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$DATA/generate.txt")
SESSIONS=$(sign_in 16 "$OUT/sessions.txt")
pg_cpu() { # ticks of PG_DB's backends (they live as long as the pool's connections), 0 without PG_DB
  local t=0 p
  [ -n "${PG_DB:-}" ] || { echo 0; return; }
  for p in $(runuser -u postgres -- psql -d postgres -qtAX -c "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB'"); do
    t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo "$t"
}
for w in $(seq 1 "$WINDOWS"); do
  g0=$(pg_cpu)
  c0=$(wc -l <"$SERVER_LOG"); n0=$(grep -c "made not entrant" "$SERVER_LOG" || true)
  bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/a.txt"
  if [ "$KIND" = reply ]; then
    r=$(FIRST=$FIRST LAST=$LAST SESSIONS=$SESSIONS wrk -t2 -c16 -d20s -s bench/reply.lua "$BASE" | awk '/requests in/ {print $1}')
  else
    r=$(FIRST=$FIRST LAST=$LAST MEGA=1 BOARDS=24 KIND=$KIND wrk -t2 -c64 -d20s -s bench/get.lua "$BASE" | awk '/requests in/ {print $1}')
  fi
  bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/b.txt"
  g1=$(pg_cpu)
  c1=$(wc -l <"$SERVER_LOG"); n1=$(grep -c "made not entrant" "$SERVER_LOG" || true)
  bench/thread_cpu.sh diff "$OUT/a.txt" "$OUT/b.txt" "$r" >"$OUT/window-$w.txt"
  col() { awk -F'|' -v g="$1" '$2 ~ g {gsub(/ /, "", $6); print $6; exit}' "$OUT/window-$w.txt"; }
  echo "window $w (20 s): $r requests, $((c1 - c0)) compilations ($((n1 - n0)) made not entrant);" \
    "CPU ms/request: all $(col '\*\*all'), C2 $(col C2_Compiler), request threads $(col JettyServer), GC $(col GC_Thread)${PG_DB:+, backends $(awk -v a="$g0" -v b="$g1" -v n="$r" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", (b - a) * 1000 / t / n }')};" \
    "load $(cut -d' ' -f1 /proc/loadavg)"
done
stop_server
