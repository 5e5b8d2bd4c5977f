#!/usr/bin/env bash
# Load benchmark of the packaged server against a bare Javalin 7 hello-world (bench/BareJavalin.java, same JVM flags,
# same wrk settings, measured first in the same run): builds the jar, generates each data set once (kept under bench/data),
# starts the server (-Xmx256m, 127.0.0.1, a free port), drives it with wrk -t2 -c64 from bench/*.lua, prints a
# table and appends it to docs/benchmarks.md. Settings by environment:
#   POSTS=1000000       the main data set        SCALING="10000 100000"  smaller sets for the scaling rows
#   DURATION=10s        each wrk run             CONNECTIONS=64          SKIP_BUILD=1 reuses the jar
#   DATA=bench/data     where data sets live     JDBC_URL=...            PostgreSQL instead of H2 (main set only)
#   THREADS=1           per row: server CPU per request by thread group, user and system apart (bench/thread_cpu.sh),
#                       H2's durable commits and the bytes written per request (bench/out/threads-rows.txt)
#   WARMUP=60s          how long each warm-up row runs (default DURATION); with it the HTML thread pages get a
#                       warm-up row of their own too: a long-running server's steady state, not the JIT's first minute
#   REPLY_WARMUP=1      a row of replies before the measured one (the rows before it are GETs: without it the reply
#                       row pays the JIT and H2's cold write path, which on a loaded machine is most of its CPU),
#                       then 20 s rows more until the C2 compiler takes under 5 % of the server's CPU (REPLY_SETTLE=6 at most,
#                       REPLY_SETTLE_MIN=1 at least: equal values run that many, so two runs' reply rows start alike)
#   PROFILE=1           a JFR recording per row (bench/out/jfr/<row>.jfr, profiling settings; summarise with
#                       bench/jfr_top.py); CPU figures of a profiled run are a little higher: profile and measure apart
#   ONLY=regex          only the rows whose label matches (the bare Javalin row and warm-ups always run): for iterating
#   RESULTS=file        where the table is appended (default docs/benchmarks.md)
#   JAR=...             the server jar (default forum-app/target/forumkit.jar)
#   JVM_FLAGS="..."     more JVM options for both the server and the bare Javalin (e.g. -XX:+UseParallelGC); named in
#                       the table's heading
#   PG=1                the PostgreSQL rows on this machine by themselves: installs Debian's postgresql if missing,
#                       starts its cluster, creates user forumkit and database forumkit_bench_<POSTS>, generates into it
#                       once (marker: DATA/pg-<database>/generate.txt) and runs the main rows with JDBC_URL set to it.
#                       PG_DB=name another database of the cluster (so two people's runs never share one). Each row
#                       then also reports the database's side: the CPU of this database's backends per request, the
#                       commits per request, and what its backends were doing (pg_stat_activity, sampled every 0.1 s:
#                       running, waiting for a lock, idle in a transaction = waiting on the server's next statement).
# With PostgreSQL (PG=1 or JDBC_URL) the guest page cache rows and the H2 scaling rows are left out: that cache is
# for the embedded H2 database only (one process owns the data), and the scaling rows are an H2 series.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
POSTS=${POSTS:-1000000}
SCALING=${SCALING:-10000 100000}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
DATA=${DATA:-$ROOT/bench/data}
OUT=$ROOT/bench/out
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
PG_PORT=5432
mkdir -p "$DATA" "$OUT"
. "$ROOT/bench/lib.sh"
build_jar
rm -rf "$OUT/bare" && mkdir -p "$OUT/bare" && javac -d "$OUT/bare" -cp "$JAR" bench/BareJavalin.java

# PG=1: a local PostgreSQL cluster, user and database; sets JDBC_URL and PG_DB
pg_setup() {
  if ! command -v pg_ctlcluster >/dev/null; then
    echo "installing postgresql ..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  if [ -z "$(pg_lsclusters -h)" ]; then
    pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
  fi
  local ver name port status
  read -r ver name port status _ < <(pg_lsclusters -h | head -1)
  [ "$status" = online ] || pg_ctlcluster "$ver" "$name" start
  PG_PORT=$port
  PG_DB=${PG_DB:-forumkit_bench_$POSTS}
  [ "$(pg_sql postgres "SELECT 1 FROM pg_roles WHERE rolname = 'forumkit'")" = 1 ] \
    || pg_sql postgres "CREATE ROLE forumkit LOGIN PASSWORD 'forumkit-bench'" >/dev/null
  JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_DB?user=forumkit&password=forumkit-bench&sslmode=disable"
}
pg_sql() { # database sql -> unaligned rows
  runuser -u postgres -- psql -p "$PG_PORT" -d "$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"
}
# generate POSTS into the PostgreSQL database once; the marker file is dropped with the database
generate_pg() {
  local posts=$1 dir="$DATA/pg-$PG_DB"
  local exists; exists=$(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")
  if [ ! -f "$dir/generate.txt" ] || [ "$exists" != 1 ]; then
    rm -rf "$dir"
    pg_sql postgres "DROP DATABASE IF EXISTS $PG_DB" >/dev/null
    pg_sql postgres "CREATE DATABASE $PG_DB OWNER forumkit" >/dev/null
  fi
  # shellcheck disable=SC2046 # the options are words
  generate_once "$dir" -Dforumkit.jdbc.url="$JDBC_URL" -- $(scaled_sizes "$posts")
}

# pg_side -> "backend CPU ticks, commits" of PG_DB's current backends (the pool keeps its connections for the run)
pg_side() {
  local pids commits t=0 p
  pids=$(pg_sql postgres "SELECT pid FROM pg_stat_activity WHERE datname = '$PG_DB'")
  commits=$(pg_sql postgres "SELECT xact_commit FROM pg_stat_database WHERE datname = '$PG_DB'")
  for p in $pids; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  echo "$t $commits"
}
# pg_sample file: one psql session samples PG_DB's backends every 0.1 s until OUT/pg-sample.stop appears
pg_sample() {
  while [ ! -f "$OUT/pg-sample.stop" ]; do
    echo "SELECT coalesce(wait_event_type, '-') || ' ' || state || ' ' || coalesce(wait_event, '-') FROM pg_stat_activity WHERE datname = '$PG_DB' AND pid <> pg_backend_pid() AND state <> 'idle';"
    sleep 0.1
  done | runuser -u postgres -- psql -p "$PG_PORT" -d postgres -qtAX 2>/dev/null | grep -v '^$' >"$1" || true
}
# pg_report before after wrk-log activity-file -> one line: PostgreSQL CPU and commits per request, backend states
pg_report() {
  local n; n=$(awk '/requests in/ {print $1}' "$3")
  read -r c0 x0 <<<"$1"; read -r c1 x1 <<<"$2"
  echo "PostgreSQL side of '$(basename "$3" .txt)': $n requests; backend CPU $(awk -v a="$c0" -v b="$c1" -v n="${n:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 10 / n; else print "?" }') ms/request; commits/request $(awk -v a="$x0" -v b="$x1" -v n="${n:-0}" 'BEGIN { if (n > 0) printf "%.2f", (b - a) / n; else print "?" }'); backend states sampled every 0.1 s (count of backend-samples): $(sort "$4" | uniq -c | sort -rn | awk '{c=$1; $1=""; printf "%s%s x%d", s, $0, c; s=";"}')"
}

# generate POSTS -> data dir with generate.txt; sizes scale with the post count
# shellcheck disable=SC2046 # the options are words
generate() { generate_once "$DATA/h2-$1" -- $(scaled_sizes "$1"); }

start_forum() { # data dir [guest cache true|false]; a server that finds its database too slow at start is tried again
  local attempt
  for attempt in 1 2 3; do
    start_server "$OUT/server" "$1" ${JDBC_URL:+-Dforumkit.jdbc.url="$JDBC_URL"} -Dforumkit.guest.cache="${2:-false}" && return 0
    grep -q StorageUnavailableException "$SERVER_LOG" || return 1
    echo "server found the database unavailable (attempt $attempt), starting it again ..." >&2
  done
  return 1
}
start_bare() { # the yardstick: bare Javalin, same JVM flags
  PORT=$(free_port)
  java -Xmx256m ${JVM_FLAGS:-} -cp "$JAR:$OUT/bare" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" BareJavalin 127.0.0.1 "$PORT" \
    >"$OUT/bare-$PORT.log" 2>&1 &
  SERVER_PID=$!
  wait_for_server "$OUT/bare-$PORT.log"
}

ROWS=()     # "label|req/s|p50|p99|cpu ms|non-2xx|load", formatted with the ratios at the end
CACHE_LINES=() # the guest page cache's hits and misses per cache-on row
BARE_RPS= BARE_CPU=
# wrk_row label lua [env...]: runs wrk and records req/s, p50, p99, server CPU ms/request, non-2xx, load average;
# with PROFILE=1 a JFR recording of the row goes to bench/out/jfr
wrk_row() {
  local label=$1 script=$2; shift 2
  if [ -n "${ONLY:-}" ] && ! [[ "$label" =~ $ONLY|bare|warm-up ]]; then return 0; fi
  local load; load=$(loadavg)
  local slug; slug=$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_')
  [ "${PROFILE:-}" = 1 ] && jcmd "$SERVER_PID" JFR.start name=row settings=profile >/dev/null 2>&1
  local cache0; cache0=$(curl -fs "$BASE/bench/guest-cache" 2>/dev/null || true)
  local cpu0; cpu0=$(cpu_ticks "$SERVER_PID")
  local commits0 io0
  if [ "${THREADS:-}" = 1 ]; then
    bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/threads0.txt"
    commits0=$(curl -fs "$BASE/bench/commits" 2>/dev/null || echo 0); io0=$(awk '/^write_bytes/ {print $2}' "/proc/$SERVER_PID/io")
  fi
  local log=$OUT/wrk-$slug.txt pg0 sampler=
  if [ "${PG:-}" = 1 ]; then
    pg0=$(pg_side); rm -f "$OUT/pg-sample.stop"; pg_sample "$OUT/pg-activity-$slug.txt" & sampler=$!
  fi
  local duration=$DURATION
  [[ "$label" == warm-up* ]] && duration=${WARMUP:-$DURATION}
  env "$@" wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency -s "$ROOT/bench/$script" "$BASE" >"$log" 2>&1 || true
  local cpu1; cpu1=$(cpu_ticks "$SERVER_PID")
  if [ "${THREADS:-}" = 1 ]; then # per thread group, durable H2 commits and bytes written per request (wrk's count)
    local n; n=$(awk '/requests in/ {print $1}' "$log")
    bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/threads1.txt"
    { echo "$label: $n requests; durable commits/request $(awk -v a="$commits0" -v b="$(curl -fs "$BASE/bench/commits" 2>/dev/null || echo 0)" -v n="${n:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) / n; else print "?" }')," \
        "KB written/request $(awk -v a="$io0" -v b="$(awk '/^write_bytes/ {print $2}' "/proc/$SERVER_PID/io")" -v n="${n:-0}" 'BEGIN { if (n > 0) printf "%.1f", (b - a) / 1024 / n; else print "?" }')"
      bench/thread_cpu.sh diff "$OUT/threads0.txt" "$OUT/threads1.txt" "${n:-1}"; } | tee -a "$OUT/threads-rows.txt" >&2
  fi
  if [ -n "$sampler" ]; then
    touch "$OUT/pg-sample.stop"; wait "$sampler" 2>/dev/null || true
    pg_report "$pg0" "$(pg_side)" "$log" "$OUT/pg-activity-$slug.txt" | tee -a "$OUT/pg-rows.txt" >&2
  fi
  if [ -n "$cache0" ]; then # the guest page cache's own count of the row: hits, misses, what it holds at the end
    CACHE_LINES+=("$label: $(awk -v a="$cache0" -v b="$(curl -fs "$BASE/bench/guest-cache")" 'BEGIN { split(a, x, " "); split(b, y, " ")
      h = y[1] - x[1]; m = y[2] - x[2]; printf "%d hits, %d misses (hit rate %.1f %%), %d stored, %d pushed out or turned away; %d entries, %.1f MB held at the end", h, m, (h + m > 0 ? 100 * h / (h + m) : 0), y[3] - x[3], y[4] - x[4], y[5], y[6] / 1e6 }')")
    echo "${CACHE_LINES[-1]}" >&2
  fi
  if [ "${PROFILE:-}" = 1 ]; then
    mkdir -p "$OUT/jfr"; jcmd "$SERVER_PID" JFR.stop name=row filename="$OUT/jfr/$slug.jfr" >/dev/null 2>&1 || true
  fi
  local rps p50 p99 bad errors
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log"); p99=$(awk '$1=="99%" {print $2}' "$log")
  bad=$(awk '/Non-2xx/ {print $NF}' "$log"); errors=$(awk '/Socket errors/ {print $3 $4 $5 $6 $7 $8 $9 $10}' "$log")
  local total; total=$(awk '/requests in/ {print $1}' "$log")
  local cpu; cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v n="${total:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / 100 / n; else print "?" }')
  ROWS+=("$label|${rps:-?}|${p50:-?}|${p99:-?}|$cpu|${bad:-0} of ${total:-?}${errors:+; $errors}|$load")
  echo "${ROWS[-1]}" >&2
}
# table_row "label|rps|..." -> markdown row with req/s and CPU per request as ratios to the bare Javalin row
table_row() {
  IFS='|' read -r label rps p50 p99 cpu bad load <<<"$1"
  awk -v l="$label" -v r="$rps" -v p50="$p50" -v p99="$p99" -v c="$cpu" -v b="$bad" -v ld="$load" -v br="$BARE_RPS" -v bc="$BARE_CPU" 'BEGIN {
    rr = (r + 0 > 0 && br + 0 > 0) ? sprintf("%.3f", r / br) : "?"
    cr = (c + 0 > 0 && bc + 0 > 0) ? sprintf("%.3f", bc / c) : "?"
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", l, r, p50, p99, c, rr, cr, b, ld }'
}

# post_count: the posts counted on the boards. Right after the reply row the server may still hold wrk's requests in
# flight and refuse more with 503 (admission control): ask again for up to 30 s; "?" if it never answers.
post_count() {
  local body= _
  for _ in $(seq 1 30); do body=$(curl -fs "$BASE/api/v1/boards") && break; sleep 1; done
  [ -n "$body" ] || { echo "?"; return 0; }
  grep -o '"post_count":[0-9]*' <<<"$body" | awk -F: '{s+=$2} END {print s+0}'
}

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')

# main data set: every row
if [ "${PG:-}" = 1 ]; then
  pg_setup
  MAIN=$(generate_pg "$POSTS")
else
  MAIN=$(generate "$POSTS")
fi
read -r FIRST LAST MEGA < <(sed -n 's/.*mega-thread: id \([0-9]*\).*threads \([0-9]*\)\.\.\([0-9]*\).*/\2 \3 \1/p' "$MAIN/generate.txt")
MEGA_PAGES=$(sed -n 's/.*(\([0-9,]*\) pages of 20).*/\1/p' "$MAIN/generate.txt" | tr -d ,)
PAGE_DEEP=$(( MEGA_PAGES < 5000 ? MEGA_PAGES : 5000 ))
start_bare
wrk_row "warm-up (not a figure)" get.lua KIND=ping >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "bare Javalin 7 hello-world (yardstick, at the start)" get.lua KIND=ping
IFS='|' read -r _ BARE_RPS _ _ BARE_CPU _ <<<"${ROWS[-1]}"
stop_server
BARE_RSS=$PEAK_RSS
start_forum "$MAIN"
# thread_paths FIRST LAST -> file of canonical thread page paths (/threads/{slug}.{id}/): /threads/t.{id}/ answers 301
# to them, and a row of redirects would measure the redirect, not the page. 2,000 random threads, one curl process.
# thread_paths FIRST LAST other -> 2,000 other random threads, none of the first list's: the cache-on server's HTML
# warm-up, which must not put the measured row's pages in the cache
thread_paths() {
  local file=$OUT/paths-$1-$2${3:+-$3}.txt
  python3 -c "import random,sys; f,l=int(sys.argv[1]),int(sys.argv[2]); random.seed(1); ids=[random.randint(min(f+1,l),l) for _ in range(2000)]
if len(sys.argv) > 3: random.seed(2); taken=set(ids); ids=[i for i in (random.randint(min(f+1,l),l) for _ in range(40000)) if i not in taken][:2000]
[print('url = \"$BASE/threads/t.%d/\"\noutput = \"/dev/null\"' % i) for i in ids]" "$@" \
    | curl -s -K - -w '%{redirect_url}\n' | sed "s#^$BASE##" | grep '^/threads/' >"$file" || true
  echo "$file"
}
HTML=no; [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/threads/t.$((FIRST + 1))/")" = 301 ] && HTML=yes
if [ $HTML = yes ]; then
  PATHS_FILE=$(thread_paths "$FIRST" "$LAST")
  WARMUP_PATHS_FILE=$(thread_paths "$FIRST" "$LAST" other)
  MEGA_PATH=$(curl -s -o /dev/null -w '%{redirect_url}' "$BASE/threads/t.$MEGA/" | sed "s#^$BASE##")
  [ -s "$PATHS_FILE" ] && [ -n "$MEGA_PATH" ] || HTML=no
fi
SESSIONS=$(sign_in 16 "$OUT/sessions.txt")
T="FIRST=$FIRST LAST=$LAST MEGA=$MEGA BOARDS=24"
wrk_row "warm-up (not a figure)" get.lua KIND=thread_json $T >/dev/null 2>&1; unset 'ROWS[-1]'
# the trivial route twice: its first DURATION of traffic (the JIT still compiling the route's path, which the thread
# page warm-up did not take: 0.06-1.4 ms per request while it does), then the row the issue's ratio is about, warmed up
# by the first just as the bare Javalin's row is by its own ping warm-up (docs/performance.md, "The trivial route")
wrk_row "trivial route /bench/ping, cold (its first ${DURATION}, right after the thread page warm-up)" get.lua KIND=ping
wrk_row "trivial route /bench/ping" get.lua KIND=ping
wrk_row "guest thread page JSON, $POSTS posts" get.lua KIND=thread_json $T
wrk_row "signed-in thread page JSON" get.lua KIND=thread_json $T SESSIONS="$SESSIONS"
if [ $HTML = yes ]; then
  if [ -n "${WARMUP:-}" ]; then
    wrk_row "warm-up HTML (not a figure)" get.lua KIND=thread_html $T PATHS="$PATHS_FILE" SESSIONS="$SESSIONS" >/dev/null 2>&1; unset 'ROWS[-1]'
  fi
  wrk_row "guest thread page HTML, $POSTS posts" get.lua KIND=thread_html $T PATHS="$PATHS_FILE"
  wrk_row "signed-in thread page HTML" get.lua KIND=thread_html $T PATHS="$PATHS_FILE" SESSIONS="$SESSIONS"
  wrk_row "mega-thread page 1 HTML" get.lua KIND=mega_html $T MEGA_PATH="$MEGA_PATH" PAGE=1
  wrk_row "mega-thread page $PAGE_DEEP HTML" get.lua KIND=mega_html $T MEGA_PATH="$MEGA_PATH" PAGE=$PAGE_DEEP
fi
wrk_row "mega-thread page 1 JSON" get.lua KIND=mega_json $T PAGE=1
wrk_row "mega-thread page $PAGE_DEEP JSON" get.lua KIND=mega_json $T PAGE=$PAGE_DEEP
wrk_row "board page JSON (24 boards)" get.lua KIND=board $T
wrk_row "board index JSON" get.lua KIND=index $T
wrk_row "What's new JSON, guest" get.lua KIND=whats_new $T
wrk_row "guest thread page JSON, 200 popular threads" get.lua KIND=thread_json $T HOT=200
JIT_NOTE=
if [ "${REPLY_WARMUP:-}" = 1 ]; then # the reply path compiled and H2's write pages cached before the measured row
  wrk_row "warm-up replies (not a figure)" reply.lua $T SESSIONS="$SESSIONS" >/dev/null 2>&1; unset 'ROWS[-1]'
  # then 20 s rows of replies until the JIT has settled: the C2 compiler under 5 % of the server's CPU in the last one
  # (task pgcpu: on a busy machine the reply path compiles for about two minutes; rows measured 30-60 s after one
  # minute of replies had the C2 thread at 0.4-0.6 ms of 1.9-2.2 ms a reply, and the request threads in code not yet
  # compiled, against about 0.05 ms in a settled server). At most REPLY_SETTLE rows (default 6).
  for i in $(seq 1 "${REPLY_SETTLE:-6}"); do
    bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/settle0.txt"
    WARMUP=20s wrk_row "warm-up replies, JIT settling (not a figure)" reply.lua $T SESSIONS="$SESSIONS" >/dev/null 2>&1; unset 'ROWS[-1]'
    bench/thread_cpu.sh snap "$SERVER_PID" >"$OUT/settle1.txt"
    share=$(bench/thread_cpu.sh diff "$OUT/settle0.txt" "$OUT/settle1.txt" \
      | awk -F'|' '/\*\*all/ {a = $6 + 0} /C2_Compiler/ {c = $6 + 0} END {printf "%.1f", (a > 0 ? 100 * c / a : 0)}')
    JIT_NOTE="the reply warm-up ran $i more 20 s rows for the JIT to settle; the C2 compiler's share of the server's CPU in the last: $share %"
    echo "$JIT_NOTE" >&2
    [ "$i" -ge "${REPLY_SETTLE_MIN:-1}" ] && awk -v s="$share" 'BEGIN { exit !(s < 5) }' && break
    [ "$i" = "${REPLY_SETTLE:-6}" ] && JIT_NOTE="$JIT_NOTE (not settled: the row below still pays the JIT)"
  done
fi
BEFORE=$(post_count)
wrk_row "replies, 16 signed-in members (CSRF)" reply.lua $T SESSIONS="$SESSIONS"
AFTER=$(post_count)
ACKED=$(awk '/requests in/ {n=$1} /Non-2xx/ {b=$NF} END {print n-b}' "$OUT/wrk-replies__16_signed_in_members__CSRF_.txt" 2>/dev/null || echo "?")
stop_server
MAIN_RSS=$PEAK_RSS
# the same guest rows with the guest page cache on (a write empties it at once); H2 only
CACHE_RSS="not run (PostgreSQL)" CACHE_HEAP="?"
if [ -z "${JDBC_URL:-}" ]; then
start_forum "$MAIN" true
# two warm-up rows, not one: a new server's first rows cost several times the steady figure (JIT, H2's page cache),
# and the cache-off server got thousands of requests before its rows (bench/cache-miss-ab.sh, docs/performance.md)
wrk_row "warm-up" get.lua KIND=thread_json $T >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "warm-up" get.lua KIND=thread_json $T >/dev/null 2>&1; unset 'ROWS[-1]'
# the hit path compiled before the rows that hit (task hitpath: a fresh server's first 5 s of hits cost 0.067 ms a hit,
# warmed 0.033-0.040): hits on one page (mega-thread page 1, a row of its own below), plain then gzip, one page added
wrk_row "warm-up hits" get.lua KIND=mega_json $T PAGE=1 >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "warm-up hits, gzip" get.lua KIND=mega_json $T PAGE=1 GZIP=1 >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "guest thread page JSON, cache on" get.lua KIND=thread_json $T
if [ $HTML = yes ]; then # the HTML path compiled (misses and hits) on 2,000 other threads than the row's
  wrk_row "warm-up HTML" get.lua KIND=thread_html $T PATHS="$WARMUP_PATHS_FILE" >/dev/null 2>&1; unset 'ROWS[-1]'
  wrk_row "guest thread page HTML, cache on" get.lua KIND=thread_html $T PATHS="$PATHS_FILE"
fi
wrk_row "mega-thread page 1 JSON, cache on" get.lua KIND=mega_json $T PAGE=1
wrk_row "guest thread page JSON, 200 popular threads, cache on" get.lua KIND=thread_json $T HOT=200
# a Zipf warm-up first, in both encodings: 40,000 threads take more than one 10 s row to settle in the cache
# (bench/ZipfCacheSim.java: a row from an empty cache measures mostly first requests, 72 % hits at best, against 85 %
# settled), and each encoding's hit path is compiled before its row
wrk_row "warm-up" zipf.lua $T >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "warm-up" zipf.lua $T GZIP=1 >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "guest thread page JSON, Zipf (s=1) over all threads, cache on" zipf.lua $T
wrk_row "guest thread page JSON, Zipf (s=1) over all threads, cache on, gzip as browsers ask" zipf.lua $T GZIP=1
# the same with writes: members reply about 5 times a second (one curl at a time, 0.2 s apart, to random threads) while
# the Zipf reads run; today every write empties the whole cache, so this row shows what writes cost the hit rate
reply_loop() { # until OUT/reply-loop.stop appears; the status of each reply, one a line, in OUT/reply-loop.codes
  local n=0 cookie csrf
  mapfile -t sessions <"$SESSIONS"
  while [ ! -f "$OUT/reply-loop.stop" ]; do
    read -r cookie csrf <<<"${sessions[$(( n % ${#sessions[@]} ))]}"; n=$(( n + 1 ))
    curl -s -o /dev/null -w '%{http_code}\n' -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
      -d "{\"body\":\"Zipf row reply $n $RANDOM: the hot threads stay hot.\"}" \
      "$BASE/api/v1/threads/$(( FIRST + 1 + (RANDOM * 32768 + RANDOM) % (LAST - FIRST) ))/posts" >>"$OUT/reply-loop.codes"
    sleep 0.2
  done
}
ZIPF_WRITES_LABEL="guest thread page JSON, Zipf (s=1), cache on, gzip, while members reply about 5 times a second"
if [ -z "${ONLY:-}" ] || [[ "$ZIPF_WRITES_LABEL" =~ $ONLY ]]; then
  rm -f "$OUT/reply-loop.stop" "$OUT/reply-loop.codes"; touch "$OUT/reply-loop.codes"; reply_loop & LOOP=$!
  wrk_row "$ZIPF_WRITES_LABEL" zipf.lua $T GZIP=1
  touch "$OUT/reply-loop.stop"; wait "$LOOP" 2>/dev/null || true
  CACHE_LINES+=("replies sent during the Zipf row with writes, by HTTP status: $(sort "$OUT/reply-loop.codes" | uniq -c | awk '{printf "%s%d x %s", s, $1, $2; s=", "}')")
  echo "${CACHE_LINES[-1]}" >&2
fi
# the heap the cache-on server keeps after a full collection (the cache must fit in -Xmx256m with H2's own caches)
jcmd "$SERVER_PID" GC.run >/dev/null 2>&1 || true
CACHE_HEAP=$(jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | awk '/garbage-first heap/ {print $5, $6, "of", $4}' | tr -d ,)
stop_server
CACHE_RSS=$PEAK_RSS
fi
# the yardstick again at the end: the load of a shared machine drifts over a run; ratios are to the mean of the two
start_bare
wrk_row "warm-up" get.lua KIND=ping >/dev/null 2>&1; unset 'ROWS[-1]'
wrk_row "bare Javalin 7 hello-world (yardstick, at the end)" get.lua KIND=ping
IFS='|' read -r _ rps2 _ _ cpu2 _ <<<"${ROWS[-1]}"
stop_server
read -r BARE_RPS BARE_CPU < <(awk -v a="$BARE_RPS" -v b="$rps2" -v c="$BARE_CPU" -v d="$cpu2" 'BEGIN { printf "%.0f %.4f\n", (a + b) / 2, (c + d) / 2 }')
RECOUNT=$(java -Dforumkit.data.dir="$MAIN" ${JDBC_URL:+-Dforumkit.jdbc.url="$JDBC_URL"} \
  -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" recount 2>&1 | grep '^recount' | sed 's/\.$//' | paste -sd ';' - || true)

# scaling rows: guest thread page on the smaller sets
[ -n "${JDBC_URL:-}" ] && SCALING=""
for n in $SCALING; do
  dir=$(generate "$n")
  read -r F L M < <(sed -n 's/.*mega-thread: id \([0-9]*\).*threads \([0-9]*\)\.\.\([0-9]*\).*/\2 \3 \1/p' "$dir/generate.txt")
  start_forum "$dir"
  wrk_row "warm-up" get.lua KIND=thread_json FIRST=$F LAST=$L >/dev/null 2>&1; unset 'ROWS[-1]'
  wrk_row "guest thread page JSON, $n posts" get.lua KIND=thread_json FIRST=$F LAST=$L
  [ $HTML = yes ] && wrk_row "guest thread page HTML, $n posts" get.lua KIND=thread_html FIRST=$F LAST=$L PATHS="$(thread_paths "$F" "$L")"
  stop_server
done

WARMUP_NOTE=
[ -n "${WARMUP:-}" ] && WARMUP_NOTE="; warm-up rows of $WARMUP each (JSON thread pages, HTML thread pages${REPLY_WARMUP:+, replies})"
[ -z "${WARMUP:-}" ] && [ -n "${REPLY_WARMUP:-}" ] && WARMUP_NOTE="; a warm-up row of replies before the replies row"
if [ -n "${JDBC_URL:-}" ]; then
  DATABASE="PostgreSQL $(pg_sql postgres 'SHOW server_version' 2>/dev/null || echo '?') at ${JDBC_URL%%\?*} (same machine)"
else
  DATABASE="H2 file database"
fi
{
  echo
  echo "### Load benchmark, $STARTED (bench/run.sh${JDBC_URL:+, PostgreSQL})"
  echo
  echo "Commit $COMMIT; $MACHINE; wrk -t2 -c$CONNECTIONS -d$DURATION on the same machine; server -Xmx256m${JVM_FLAGS:+ $JVM_FLAGS (bare Javalin too)}, $DATABASE, access log off, rate limits off, guest page cache off except in the rows that say on${PROFILE:+; PROFILED (JFR on: CPU figures a little high)}$WARMUP_NOTE. Server CPU ms/request = the server's user+system CPU time over the row divided by its requests (steadier than req/s on a shared machine). Ratios are to the bare Javalin 7 hello-world of this run (bench/BareJavalin.java, same JVM flags and wrk settings; the mean of its two rows, at the start and at the end: $BARE_RPS req/s, $BARE_CPU ms/request): req/s over its req/s, and its CPU ms/request over the row's (1 = as cheap as bare Javalin)."
  echo "Data: $(head -1 "$MAIN/generate.txt")"
  echo
  echo "| row | req/s | p50 | p99 | server CPU ms/request | req/s ratio to bare Javalin | CPU ratio (bare CPU / row CPU) | non-2xx of all; socket errors | load average (1/5/15 min) before the row |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---|"
  for r in "${ROWS[@]}"; do table_row "$r"; done
  echo
  echo "Replies: $ACKED acknowledged (2xx) by wrk, posts counted on the boards went from $BEFORE to $AFTER (+$( [ "$AFTER" = "?" ] || [ "$BEFORE" = "?" ] && echo "?" || echo $((AFTER - BEFORE)) ); requests still in flight when wrk stops may add a few)${JIT_NOTE:+; $JIT_NOTE}."
  for c in "${CACHE_LINES[@]}"; do echo "Guest page cache, $c."; done
  echo "Heap used after a full collection at the end of the cache-on rows: $CACHE_HEAP."
  echo "Recount after the run: $RECOUNT. Peak RSS of the server (VmHWM): $MAIN_RSS (cache off), $CACHE_RSS (cache on), $BARE_RSS (bare Javalin). HTML pages on this build: $HTML."
} | tee -a "${RESULTS:-docs/benchmarks.md}"
