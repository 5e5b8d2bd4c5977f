#!/usr/bin/env bash
# Outbox benchmark of the packaged server: reply throughput to ONE thread when nobody watches it and when WATCHERS
# members do (each reply then fans out WATCHERS alerts through the outbox consumer "alerts"), and the lag of that
# consumer while replies run, sampled from GET /api/v1/admin/outbox every 100 ms (bench/lag_sampler.py): the age of
# the oldest event whose alerts do not exist yet. Builds the jar, generates two data sets once (the same forum,
# with and without the watchers; kept under bench/data), runs every row on a fresh copy, prints a table and appends
# it to docs/benchmarks.md with the machine, commit, date and load average. Settings by environment:
#   WATCHERS=10000   watchers of the thread        POSTS=20000     posts in each data set
#   DURATION=10s     each wrk run                  CONNECTIONS=16  wrk connections (16 signed-in members)
#   ROUNDS=2         rounds of (0 watchers, WATCHERS watchers), alternated so both see the same neighbours
#   SKIP_BUILD=1     reuse the jar                               DATA=bench/data
#   JAR=...          the jar to run (default forum-app/target/forumkit.jar)
#   RESULTS=file     where the table is appended (default docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WATCHERS=${WATCHERS:-10000}
POSTS=${POSTS:-20000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
ROUNDS=${ROUNDS:-2}
DATA=${DATA:-$ROOT/bench/data}
OUT=$ROOT/bench/out/outbox
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar} # JAR=/copy.jar: a build may replace the target's jar meanwhile
mkdir -p "$DATA" "$OUT"
rm -f "$OUT"/server-*.log # the 503 count at the end is of this run
. "$ROOT/bench/lib.sh"
build_jar
MEMBERS=$((WATCHERS + 100)) # the same members in both sets; the benchmark's 16 members are never watchers

# generate WATCHERS -> data dir (once); only --watchers differs between the two sets
generate() {
  generate_once "$DATA/outbox-$POSTS-m$MEMBERS-w$1" -- --posts "$POSTS" --members "$MEMBERS" --threads $((POSTS / 25)) \
    --reactions 0 --boards 4 --seed 1 --watchers "$1"
}

start_copy() { # data dir: the server on a fresh copy, so every row starts from the generated state
  local copy=$OUT/run-data
  rm -rf "$copy"; cp -r "$1" "$copy"; rm -f "$copy/generate.txt"
  start_server "$OUT/server" "$copy" -Dforumkit.guest.cache=false
}

alerts_lag() { # events the alerts consumer has not handled yet
  curl -fs -H "Cookie: $ADMIN_COOKIE" "$BASE/api/v1/admin/outbox" | python3 -c \
    'import json,sys; print(next(c["lag"] for c in json.load(sys.stdin)["outbox"]["consumers"] if c["name"]=="alerts"))'
}

ROWS=()
# row label lua sample(yes|no) [env...]: wrk, then (sample=yes) the lag while it ran and how long the fan-out needed
# afterwards to catch up
row() {
  local label=$1 script=$2 sample=$3; shift 3
  local load; load=$(loadavg)
  local cpu0; cpu0=$(cpu_ticks "$SERVER_PID")
  local slug; slug=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_')
  local log=$OUT/wrk-$slug.txt lagfile=$OUT/lag-$slug.txt stopfile=$OUT/stop-$slug
  local sampler=
  if [ "$sample" = yes ]; then
    rm -f "$stopfile"
    python3 "$ROOT/bench/lag_sampler.py" "$BASE" "$ADMIN_COOKIE" "$lagfile" "$stopfile" alerts 0.1 &
    sampler=$!
  fi
  env "$@" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/$script" "$BASE" >"$log" 2>&1 || true
  local after; after=$(date +%s.%N)
  local rps p50 p99 bad total cpu errors
  rps=$(awk '/^Requests\/sec/ {printf "%\047.0f", $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log"); p99=$(awk '$1=="99%" {print $2}' "$log")
  bad=$(awk '/Non-2xx/ {print $NF}' "$log"); total=$(awk '/requests in/ {print $1}' "$log")
  errors=$(awk '/Socket errors/ {print $3 $4 $5 $6 $7 $8 $9 $10}' "$log") # timeouts: wrk gave up after 2 s
  cpu=$(awk -v a="$cpu0" -v n="${total:-0}" '{ if (n > 0) printf "%.3f", ($14 + $15 - a) * 1000 / 100 / n; else print "?" }' "/proc/$SERVER_PID/stat")
  local lag="-" drained="-"
  if [ -n "$sampler" ]; then
    touch "$stopfile"; wait "$sampler" || true
    lag=$(python3 "$ROOT/bench/lag_summary.py" "$lagfile")
    local waited=0
    until [ "$(alerts_lag)" = 0 ] || [ "$waited" -ge 600 ]; do sleep 0.2; waited=$((waited + 1)); done
    drained=$(python3 -c "import time,sys; print('%.1f s' % (time.time() - float(sys.argv[1])))" "$after")
    [ "$waited" -ge 600 ] && drained="not within 120 s"
  fi
  ROWS+=("| $label | ${rps:-?} | ${p50:-?} | ${p99:-?} | $cpu | ${bad:-0} of ${total:-?}${errors:+; $errors} | $lag | $drained | $load |")
  echo "${ROWS[-1]}" >&2
}

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(loadavg)

UNWATCHED=$(generate 0)
WATCHED=$(generate "$WATCHERS")
read -r FIRST LAST MEGA < <(sed -n 's/.*mega-thread: id \([0-9]*\).*threads \([0-9]*\)\.\.\([0-9]*\).*/\2 \3 \1/p' "$UNWATCHED/generate.txt")
ONE="FIRST=$((MEGA - 1)) LAST=$MEGA" # reply.lua picks a thread in FIRST+1..LAST: here always the mega-thread
ALL="FIRST=$FIRST LAST=$LAST"

for round in $(seq 1 "$ROUNDS"); do
  for set in 0 "$WATCHERS"; do
    if [ "$set" = 0 ]; then dir=$UNWATCHED; else dir=$WATCHED; fi
    start_copy "$dir"
    SESSIONS=$(sign_in 16 "$OUT/sessions.txt")
    ADMIN_COOKIE=$(head -1 "$SESSIONS" | cut -d' ' -f1)
    row "warm-up (not a figure)" get.lua no KIND=thread_json $ALL >/dev/null 2>&1; unset 'ROWS[-1]'
    row "round $round: trivial route /bench/ping (ceiling)" get.lua no KIND=ping
    row "round $round: replies to one thread, $set watchers" reply.lua yes $ONE SESSIONS="$SESSIONS"
    if [ "$set" = 0 ]; then
      row "round $round: replies to random threads (the reply row of bench/run.sh)" reply.lua yes $ALL SESSIONS="$SESSIONS"
    fi
    stop_server
  done
done
LOAD_END=$(loadavg)

{
  echo
  echo "### Outbox benchmark, $STARTED (bench/outbox.sh)"
  echo
  echo "Commit $COMMIT; $MACHINE; wrk -t2 -c$CONNECTIONS -d$DURATION on the same machine, 16 signed-in members replying; server -Xmx256m, H2 file database, rate limits off; every row on a fresh copy of its data set. Load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Data: $(head -1 "$UNWATCHED/generate.txt" | sed 's/ into .*//'); thread $MEGA watched by none, or by the last $WATCHERS members (\`generate --watchers\`). Lag: the age of the oldest event the alerts consumer has not handled, sampled every 100 ms from \`GET /api/v1/admin/outbox\` while wrk ran; caught up: from the end of the wrk run until its lag was 0."
  echo
  echo "| row | req/s | p50 | p99 | server CPU ms/request | non-2xx of all; socket errors | alerts lag while replying | caught up after | load average (1/5/15 min) before the row |"
  echo "|---|---:|---:|---:|---:|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "503s the server logged (a write waited over 10 s for the H2 write gate): $(cat "$OUT"/server-*.log 2>/dev/null | grep -c 'the database is busy' || true)."
} | tee -a "${RESULTS:-docs/benchmarks.md}"
