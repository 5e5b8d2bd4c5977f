#!/usr/bin/env bash
# Reply throughput and server CPU per reply with search indexing on and off (issue 13: "within 10 %"). One generated
# H2 data set (bench/data/h2-POSTS, as bench/run.sh makes it), then ROUNDS rounds of: server with indexing on, reply
# row; server with indexing off (search.indexing=off: no `search` consumer), reply row. The order alternates each
# round, so a drifting load hurts neither side more. CPU is the server's user+system over the wrk run and SETTLE
# seconds after it, so the search consumer's work on the row's replies is counted even when it lags behind.
# Prints a table (appended to RESULTS, default bench/out/reply-indexing.md). Settings by environment:
#   POSTS=100000  ROUNDS=3  DURATION=15s  CONNECTIONS=16  SETTLE=5  SKIP_BUILD=1 reuses the jar
#   WARMUP=5s     the uncounted reply row before each measured one (longer: less of the JIT's compiling in the row)
#   PROFILE=1     a JFR recording of each measured row (bench/out/jfr/reply-indexing-<on|off>-<round>.jfr; summarise
#                 with bench/jfr_top.py); CPU figures of a profiled run are a little higher: profile and measure apart
#   THREADS=1     the row's CPU per reply by thread group, user and system apart (bench/thread_cpu.sh), and the bytes
#                 and write calls per reply from /proc/PID/io, in bench/out/reply-indexing-threads-<on|off>-<round>.md
#   STRACE=1      counts the row's file syscalls (fsync, fdatasync, pwrite64, ...) with strace -f -c into
#                 bench/out/reply-indexing-strace-<on|off>-<round>.txt; strace slows the server: not for CPU figures
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
. "$ROOT/bench/lib.sh"
build_jar

# shellcheck disable=SC2046 # the options are words
DIR=$(generate_once "$DATA/h2-$POSTS" -- $(scaled_sizes "$POSTS")) # the data set of bench/run.sh POSTS=...
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$DIR/generate.txt")

ROWS=()
row() { # indexing on|off, round
  start_server "$OUT/reply-indexing-server" "$DIR" -Dforumkit.search.indexing="$1"
  local sessions; sessions=$(sign_in 16 "$OUT/reply-indexing-sessions.txt")
  # warm-up: the JIT and the connection pool, not counted
  FIRST=$FIRST LAST=$LAST SESSIONS=$sessions wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-5s}" -s "$ROOT/bench/reply.lua" "$BASE" >/dev/null 2>&1 || true
  sleep "$SETTLE"
  local load; load=$(loadavg)
  local log=$OUT/reply-indexing-$1-$2.txt
  [ "${THREADS:-}" = 1 ] && { bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/threads-before.txt"; cat "/proc/$SERVER_PID/io" >"$OUT/io-before.txt"; }
  local tracer=
  if [ "${STRACE:-}" = 1 ]; then
    strace -f -c -e trace=fsync,fdatasync,pwrite64,write,pread64,read,openat,unlink,rename,ftruncate,fallocate \
      -o "$OUT/reply-indexing-strace-$1-$2.txt" -p "$SERVER_PID" 2>/dev/null & tracer=$!
    sleep 1
  fi
  local c0; c0=$(cpu_ticks "$SERVER_PID")
  [ "${PROFILE:-}" = 1 ] && jcmd "$SERVER_PID" JFR.start name=row settings=profile >/dev/null 2>&1
  FIRST=$FIRST LAST=$LAST SESSIONS=$sessions wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/reply.lua" "$BASE" >"$log" 2>&1 || true
  sleep "$SETTLE"
  local c1; c1=$(cpu_ticks "$SERVER_PID")
  [ -n "$tracer" ] && { kill -INT "$tracer"; wait "$tracer" 2>/dev/null || true; }
  [ "${THREADS:-}" = 1 ] && { bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/threads-after.txt"; cat "/proc/$SERVER_PID/io" >"$OUT/io-after.txt"; }
  if [ "${PROFILE:-}" = 1 ]; then
    mkdir -p "$OUT/jfr"; jcmd "$SERVER_PID" JFR.stop name=row filename="$OUT/jfr/reply-indexing-$1-$2.jfr" >/dev/null 2>&1 || true
  fi
  stop_server
  local n bad rps p50 p99
  n=$(awk '/requests in/ {print $1}' "$log"); bad=$(awk '/Non-2xx/ {print $NF}' "$log"); bad=${bad:-0}
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log"); p99=$(awk '$1=="99%" {print $2}' "$log")
  local ok=$(( n - bad ))
  if [ "${THREADS:-}" = 1 ]; then
    {
      echo "Indexing $1, round $2: $ok replies; CPU ms per reply by thread group (user, system), row and ${SETTLE} s after it"
      echo
      bench/thread_cpu.sh diff "$OUT/threads-before.txt" "$OUT/threads-after.txt" "$ok"
      echo
      paste "$OUT/io-before.txt" "$OUT/io-after.txt" | awk -v n="$ok" '{ printf "%s %.1f per reply\n", $1, ($4 - $2) / n }'
    } >"$OUT/reply-indexing-threads-$1-$2.md"
    cat "$OUT/reply-indexing-threads-$1-$2.md" >&2
  fi
  local cpu; cpu=$(awk -v a="$c0" -v b="$c1" -v n="$ok" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 10 / n; else print "?" }')
  ROWS+=("| $2 | $1 | $rps | $p50 | $p99 | $cpu | $ok of $n | $load |")
  echo "${ROWS[-1]}" >&2
}

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then row on "$r"; row off "$r"; else row off "$r"; row on "$r"; fi
done
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
