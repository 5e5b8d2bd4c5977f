#!/usr/bin/env bash
# One node vs two nodes on one PostgreSQL, and the guest page cache on vs off (issue 17). Uses Debian's PostgreSQL
# cluster on this machine (as bench/run.sh PG=1: installs and starts it if needed), generates POSTS into the database
# forumkit_nodes_<POSTS> once, then for each row starts the server jar (-Xmx256m, 127.0.0.1, rate limits off) once or
# twice and drives guest thread reads (bench/get.lua, KIND=thread_json by default) with wrk: one node gets
# wrk -t2 -cCONNECTIONS; two nodes get one wrk -t1 -c(CONNECTIONS/2) each, run at the same time, and the row sums their
# requests (the client side of a round-robin balancer, without a balancer process taking CPU of its own).
# Prints a markdown table and appends it to RESULTS (default docs/benchmarks.md). Settings by environment:
#   POSTS=100000  DURATION=15s  CONNECTIONS=64  KIND=thread_json  SKIP_BUILD=1 (reuse JAR)  JAR=forum-app/target/forumkit.jar
#   HOT=n         reads rotate over n popular threads only (what the guest page cache is for; unset: every thread)
#   ONLY=regex    only the rows whose label matches
#   ATTEMPTS=12   starts of a node that finds the database too slow (a loaded machine) before giving up
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
POSTS=${POSTS:-100000}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
KIND=${KIND:-thread_json}
DATA=${DATA:-$ROOT/bench/data}
OUT=$ROOT/bench/out/nodes
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
RESULTS=${RESULTS:-$ROOT/docs/benchmarks.md}
mkdir -p "$DATA" "$OUT"
[ -z "${HOT:-}" ] || export HOT # get.lua reads it; exported empty it would fail there
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ] || mvn -B -ntp -pl forum-app -am package -DskipTests >"$OUT/build.log"

if ! command -v pg_ctlcluster >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
[ -n "$(pg_lsclusters -h)" ] || pg_createcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main >/dev/null
read -r PG_VER PG_NAME PG_PORT PG_STATUS _ < <(pg_lsclusters -h | head -1)
[ "$PG_STATUS" = online ] || pg_ctlcluster "$PG_VER" "$PG_NAME" start
pg_sql() { runuser -u postgres -- psql -p "$PG_PORT" -d "$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"; }
[ "$(pg_sql postgres "SELECT 1 FROM pg_roles WHERE rolname = 'forumkit'")" = 1 ] \
  || pg_sql postgres "CREATE ROLE forumkit LOGIN PASSWORD 'forumkit-bench'" >/dev/null
DB=forumkit_nodes_$POSTS
JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB?user=forumkit&password=forumkit-bench&sslmode=disable"
GEN=$DATA/pg-nodes-$POSTS
if [ ! -f "$GEN/generate.txt" ] || [ "$(pg_sql postgres "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
  rm -rf "$GEN"; mkdir -p "$GEN"
  pg_sql postgres "DROP DATABASE IF EXISTS $DB" >/dev/null
  pg_sql postgres "CREATE DATABASE $DB OWNER forumkit" >/dev/null
  echo "generating $POSTS posts into $DB ..." >&2
  java -Xmx1g -Dforumkit.data.dir="$GEN" -Dforumkit.jdbc.url="$JDBC_URL" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" \
    -jar "$JAR" generate --posts "$POSTS" --members $(( POSTS / 50 )) --threads $(( POSTS / 25 )) --reactions $(( POSTS / 2 )) \
    --boards 24 --seed 1 | tee "$GEN/generate.txt.tmp" >&2
  mv "$GEN/generate.txt.tmp" "$GEN/generate.txt"
fi
read -r FIRST LAST < <(sed -n 's/.*threads \([0-9]*\)\.\.\([0-9]*\).*/\1 \2/p' "$GEN/generate.txt")

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PIDS=() PORTS=()
start_node() { # guest cache true|false; a node that finds the database too slow at start (a loaded machine) is tried again
  local attempt
  for attempt in $(seq 1 "${ATTEMPTS:-12}"); do
    start_node_once "$1" && return 0
    grep -q StorageUnavailableException "$OUT/server-${PORTS[-1]}.log" || return 1
    unset 'PIDS[-1]' 'PORTS[-1]'
    echo "node found the database unavailable (attempt $attempt), starting it again ..." >&2
  done
  return 1
}
start_node_once() {
  local port; port=$(free_port)
  java -Xmx256m -Dforumkit.host=127.0.0.1 -Dforumkit.port="$port" -Dforumkit.data.dir="$GEN" -Dforumkit.jdbc.url="$JDBC_URL" \
    -Dforumkit.rate.limits=false -Dforumkit.guest.cache="$1" -Dforumkit.search.indexing=off \
    -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$OUT/server-$port.log" 2>&1 &
  PIDS+=($!); PORTS+=("$port")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/ready" >/dev/null 2>&1 && return 0
    kill -0 "${PIDS[-1]}" 2>/dev/null || return 1
    sleep 0.5
  done
  echo "node on $port did not start" >&2; tail -20 "$OUT/server-$port.log" >&2; return 1
}
stop_nodes() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; PIDS=() PORTS=(); }
trap stop_nodes EXIT
cpu_of() { local s=0; for p in "${PIDS[@]}"; do s=$(( s + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done; echo "$s"; }

ROWS=()
row() { # label nodes cache
  local label=$1 nodes=$2 cache=$3
  if [ -n "${ONLY:-}" ] && ! [[ "$label" =~ $ONLY ]]; then return 0; fi
  start_node "$cache"; [ "$nodes" = 2 ] && start_node "$cache"
  for port in "${PORTS[@]}"; do # warm-up
    KIND=$KIND FIRST=$FIRST LAST=$LAST wrk -t1 -c8 -d5s -s "$ROOT/bench/get.lua" "http://127.0.0.1:$port" >/dev/null 2>&1 || true
  done
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local cpu0; cpu0=$(cpu_of)
  local logs=()
  if [ "$nodes" = 1 ]; then
    KIND=$KIND FIRST=$FIRST LAST=$LAST wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$ROOT/bench/get.lua" \
      "http://127.0.0.1:${PORTS[0]}" >"$OUT/wrk-$label-0.txt" 2>&1 || true
    logs=("$OUT/wrk-$label-0.txt")
  else
    local w=()
    for i in 0 1; do
      KIND=$KIND FIRST=$FIRST LAST=$LAST wrk -t1 -c$(( CONNECTIONS / 2 )) -d"$DURATION" --latency -s "$ROOT/bench/get.lua" \
        "http://127.0.0.1:${PORTS[$i]}" >"$OUT/wrk-$label-$i.txt" 2>&1 &
      w+=($!); logs+=("$OUT/wrk-$label-$i.txt")
    done
    wait "${w[@]}" || true
  fi
  local cpu1; cpu1=$(cpu_of)
  local rps total bad p50 p99
  rps=$(cat "${logs[@]}" | awk '/^Requests\/sec/ {s += $2} END {printf "%.0f", s}')
  total=$(cat "${logs[@]}" | awk '/requests in/ {s += $1} END {print s}')
  bad=$(cat "${logs[@]}" | awk '/Non-2xx/ {s += $NF} END {print s + 0}')
  p50=$(awk '$1=="50%" {print $2}' "${logs[@]}" | paste -sd/); p99=$(awk '$1=="99%" {print $2}' "${logs[@]}" | paste -sd/)
  local cpu; cpu=$(awk -v a="$cpu0" -v b="$cpu1" -v n="${total:-0}" 'BEGIN { if (n > 0) printf "%.3f", (b - a) * 1000 / 100 / n; else print "?" }')
  ROWS+=("| $label | $nodes | $cache | $rps | $p50 | $p99 | $cpu | $bad of $total | $load |")
  echo "${ROWS[-1]}" >&2
  stop_nodes
}

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/out' ':!bench/data' || echo "+dirty")
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
row one-node-cache-off 1 false
row two-nodes-cache-off 2 false
row one-node-cache-on 1 true
row two-nodes-cache-on 2 true
{
  echo
  echo "### Nodes benchmark, $STARTED (bench/nodes.sh, PostgreSQL $PG_VER)"
  echo
  echo "Commit $COMMIT; $POSTS posts ($(sed -n 's/.*\(threads [0-9]*\.\.[0-9]*\).*/\1/p' "$GEN/generate.txt")); guest $KIND reads over"
  echo "${HOT:+the $HOT most popular threads of }every thread; $(nproc) cores shared with the database and wrk; DURATION=$DURATION, $CONNECTIONS connections in all;"
  echo "each node -Xmx256m, rate limits off. p50/p99 per wrk process (one per node). CPU: ms of server CPU per request, all nodes."
  echo
  echo "| row | nodes | guest cache | req/s | p50 | p99 | server CPU ms/req | non-2xx | load before |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
} | tee -a "$RESULTS"
