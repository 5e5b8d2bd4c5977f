#!/usr/bin/env bash
# Live-update fan-out benchmark of the packaged server (issue 17): CLIENTS guest event streams (default 1,000, raw
# sockets on loopback, bench/SseFanout.java) on one thread of a fresh H2 forum, then REPLIES replies posted one after
# another by a member; for each reply, the time from just before its POST to its event's arrival on every stream
# (delivery p50 / p99 / max). Server -Xmx256m on 127.0.0.1 and a free port, rate limits off, live.max.connections above
# CLIENTS. Client and server share this machine's cores (and other work on it: the load average is recorded). Appends
# the figures to docs/benchmarks.md with the machine, commit, date and load.
#   CLIENTS=1000   REPLIES=10   SKIP_BUILD=1 reuses the jar   JAR=... the jar (default forum-app/target/forumkit.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CLIENTS=${CLIENTS:-1000}
REPLIES=${REPLIES:-10}
OUT=$ROOT/bench/out/sse
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
PASSWORD="bench password 1"
mkdir -p "$OUT"
[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ] || mvn -B -ntp -pl forum-app -am package -DskipTests >"$OUT/build.log"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

DATA_DIR=$(mktemp -d /tmp/forumkit-ssebench.XXXXXX)
SERVER_PID=
cleanup() { [ -n "$SERVER_PID" ] && { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; }; rm -rf "$DATA_DIR"; }
trap cleanup EXIT
PORT=$(free_port)
java -Xmx256m -XX:+ExitOnOutOfMemoryError -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DATA_DIR" \
  -Dforumkit.admin.username=admin -Dforumkit.admin.password="$PASSWORD" -Dforumkit.rate.limits=false \
  -Dforumkit.live.max.connections=$((CLIENTS + 100)) \
  -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 240); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
HEADERS=$(mktemp)
BODY=$(curl -fsS -D "$HEADERS" -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session")
COOKIE=$(grep -i '^set-cookie: forumkit_session=' "$HEADERS" | head -1 | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
CSRF=$(json 'd["session"]["csrf_token"]' <<<"$BODY")
as() { curl -fsS -X "$1" -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' -d "$3" "$BASE$2"; }
CATEGORY=$(as POST /api/v1/categories '{"title":"Live","description":""}' | json 'd["category"]["id"]')
BOARD=$(as POST "/api/v1/categories/$CATEGORY/boards" '{"title":"Fan-out","description":""}' | json 'd["board"]["id"]')
THREAD=$(as POST "/api/v1/boards/$BOARD/threads" '{"title":"Watched by many","body":"Hello"}' | json 'd["thread"]["id"]')

LOAD_BEFORE=$(loadavg)
java -Xss256k "$ROOT/bench/SseFanout.java" "$BASE" "$THREAD" "$COOKIE" "$CSRF" "$CLIENTS" "$REPLIES" | tee "$OUT/result.txt"
LOAD_AFTER=$(loadavg)
RSS=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?")
TOTAL=$(grep '^TOTAL' "$OUT/result.txt")

{
  echo
  echo "### SSE fan-out: $CLIENTS streams, $REPLIES replies ($(date -u +%Y-%m-%d))"
  echo
  echo "\`CLIENTS=$CLIENTS REPLIES=$REPLIES bench/sse.sh\` at commit $(git rev-parse --short HEAD) on $(nproc) cores"
  echo "($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)); load average before $LOAD_BEFORE, after $LOAD_AFTER."
  echo "Server -Xmx256m (peak RSS $RSS), embedded H2, guests' streams on one thread; the client (one JVM, a thread per"
  echo "stream) shares the machine with the server and with other work on it. Delivery = from just before the reply's"
  echo "POST to the event's arrival on a stream."
  echo
  echo '```'
  cat "$OUT/result.txt"
  echo '```'
} >>"$ROOT/docs/benchmarks.md"
echo "$TOTAL"
