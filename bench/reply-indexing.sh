#!/usr/bin/env bash
# Reply throughput and server CPU per reply with search indexing on and off (issue 13: "within 10 %"). One generated
# H2 data set (bench/data/h2-POSTS, as bench/run.sh makes it), then ROUNDS rounds of: server with indexing on, reply
# row; server with indexing off (search.indexing=off: no `search` consumer), reply row. The order alternates each
# round, so a drifting load hurts neither side more. CPU is the server's user+system over the wrk run and SETTLE
# seconds after it, so the search consumer's work on the row's replies is counted even when it lags behind.
# Prints a table (appended to RESULTS, default bench/out/reply-indexing.md). Settings by environment:
#   POSTS=100000  ROUNDS=3  DURATION=15s  CONNECTIONS=16  SETTLE=5  SKIP_BUILD=1 reuses the jar
#   PROFILE=1     a JFR recording of each measured row (bench/out/jfr/reply-indexing-<on|off>-<round>.jfr; summarise
#                 with bench/jfr_top.py); CPU figures of a profiled run are a little higher: profile and measure apart
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
POSTS=${POSTS:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-16}
SETTLE=${SETTLE:-5}
DATA=${DATA:-$ROOT/bench/data}
OUT=$ROOT/bench/out
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
RESULTS=${RESULTS:-$OUT/reply-indexing.md}
mkdir -p "$DATA" "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ] || mvn -B -ntp -q -pl forum-app -am package -DskipTests >"$OUT/build.log"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

DIR=$DATA/h2-$POSTS
if [ ! -f "$DIR/generate.txt" ]; then
  rm -rf "$DIR"; mkdir -p "$DIR"
  echo "generating $POSTS posts into $DIR ..." >&2
  java -Xmx1g -Dforumkit.data.dir="$DIR" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" generate \
    --posts "$POSTS" --members $(( POSTS / 50 > 100 ? POSTS / 50 : 100 )) --threads $(( POSTS / 25 > 10 ? POSTS / 25 : 10 )) \
    --reactions $(( POSTS / 2 )) --boards 24 --seed 1 | tee "$DIR/generate.txt.tmp" >&2
  mv "$DIR/generate.txt.tmp" "$DIR/generate.txt"
fi
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$DIR/generate.txt")

SERVER_PID=
stop_server() { [ -n "$SERVER_PID" ] || return 0; kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap stop_server EXIT
start_server() { # indexing on|off
  PORT=$(free_port)
  java -Xmx256m -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DIR" \
    -Dforumkit.bench.routes=true -Dforumkit.rate.limits=false -Dforumkit.search.indexing="$1" \
    -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$OUT/reply-indexing-server.log" 2>&1 &
  SERVER_PID=$!
  BASE=http://127.0.0.1:$PORT
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/reply-indexing-server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "server did not start" >&2; exit 1
}
sign_in() { # n members -> sessions file ("cookie csrf" lines)
  local file=$OUT/reply-indexing-sessions.txt; : >"$file"
  for i in $(seq 1 "$1"); do
    local headers body cookie csrf
    headers=$(mktemp)
    body=$(curl -fs -D "$headers" -H 'Content-Type: application/json' \
      -d "{\"login\":\"member$i@example.com\",\"password\":\"bench-password\"}" "$BASE/api/v1/session")
    cookie=$(grep -i '^set-cookie: forumkit_session=' "$headers" | head -1 | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
    csrf=$(sed 's/.*"csrf_token":"\([^"]*\)".*/\1/' <<<"$body")
    echo "$cookie $csrf" >>"$file"; rm -f "$headers"
  done
  echo "$file"
}
ROWS=()
row() { # indexing on|off, round
  start_server "$1"
  local sessions; sessions=$(sign_in 16)
  # warm-up: the JIT and the connection pool, not counted
  FIRST=$FIRST LAST=$LAST SESSIONS=$sessions wrk -t2 -c"$CONNECTIONS" -d5s -s "$ROOT/bench/reply.lua" "$BASE" >/dev/null 2>&1 || true
  sleep "$SETTLE"
  local load; load=$(loadavg)
  local c0; c0=$(cpu_ticks "$SERVER_PID")
  local log=$OUT/reply-indexing-$1-$2.txt
  [ "${PROFILE:-}" = 1 ] && jcmd "$SERVER_PID" JFR.start name=row settings=profile >/dev/null 2>&1
  FIRST=$FIRST LAST=$LAST SESSIONS=$sessions wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/reply.lua" "$BASE" >"$log" 2>&1 || true
  sleep "$SETTLE"
  local c1; c1=$(cpu_ticks "$SERVER_PID")
  if [ "${PROFILE:-}" = 1 ]; then
    mkdir -p "$OUT/jfr"; jcmd "$SERVER_PID" JFR.stop name=row filename="$OUT/jfr/reply-indexing-$1-$2.jfr" >/dev/null 2>&1 || true
  fi
  stop_server
  local n bad rps p50 p99
  n=$(awk '/requests in/ {print $1}' "$log"); bad=$(awk '/Non-2xx/ {print $NF}' "$log"); bad=${bad:-0}
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log"); p99=$(awk '$1=="99%" {print $2}' "$log")
  local ok=$(( n - bad ))
  local cpu; cpu=$(awk -v a="$c0" -v b="$c1" -v n="$ok" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 10 / n; else print "?" }')
  ROWS+=("| $2 | $1 | $rps | $p50 | $p99 | $cpu | $ok of $n | $load |")
  echo "${ROWS[-1]}" >&2
}

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then row on "$r"; row off "$r"; else row off "$r"; row on "$r"; fi
done
COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/out' ':!bench/data' || echo "+dirty")
{
  echo
  echo "### Replies with search indexing on and off, $STARTED (bench/reply-indexing.sh)"
  echo
  echo "Command: \`POSTS=$POSTS ROUNDS=$ROUNDS DURATION=$DURATION CONNECTIONS=$CONNECTIONS bench/reply-indexing.sh\`. Commit $COMMIT;" \
       "$(nproc) cores, $(java -version 2>&1 | head -1); server -Xmx256m, H2 file database, rate limits off; wrk -t2 on the same machine." \
       "Server CPU ms/reply = the server's user+system CPU over the row and ${SETTLE} s after it (the search consumer's lag), divided by the 2xx replies."
  echo "Data: $(head -1 "$DIR/generate.txt")"
  echo
  echo "| round | indexing | replies/s | p50 | p99 | server CPU ms/reply | 2xx of all | load average before the row |"
  echo "|---:|---|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
  for mode in on off; do
    printf '%s\n' "${ROWS[@]}" | awk -F'|' -v m=" $mode " '$3 == m { c += $7; r += $4; k++ } END { if (k) printf "\nMean, indexing%s: %.0f replies/s, %.3f ms CPU per reply (%d rows).", m, r / k, c / k, k }'
  done
  echo
} | tee -a "$RESULTS"
