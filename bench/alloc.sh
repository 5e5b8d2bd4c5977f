#!/usr/bin/env bash
# Bytes allocated per request, a figure the load of a shared machine does not move (unlike CPU per request): starts the
# server jar on a data set made by bench/run.sh, with JFR on, drives each row with ONE wrk connection for 10 s after a
# 10 s warm-up (no timeouts, reconnects or thread churn in the figure), and divides what the request threads allocated
# (exactly, by their allocation counters; and the sampled figure with its largest sites: bench/alloc_per_request.py)
# by the row's requests. Compare two jars one after the other:
#   JAR=a.jar bench/alloc.sh; JAR=b.jar bench/alloc.sh
# Settings: POSTS=100000 (the data set bench/data/h2-$POSTS), CACHE=true (guest page cache on), ROWS=regex (row names:
# ping guest_json guest_html signed_html). Never two at once: they would share one H2 database.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd); POSTS=${POSTS:-100000}; DATA=$ROOT/bench/data/h2-$POSTS; JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
OUT=$ROOT/bench/out/alloc-$(date +%H%M%S); mkdir -p "$OUT"
[ -f "$DATA/generate.txt" ] || { echo "no data set in $DATA: run POSTS=$POSTS bench/run.sh once" >&2; exit 1; }
read -r FIRST LAST MEGA < <(sed -n 's/.*mega-thread: id \([0-9]*\).*threads \([0-9]*\)\.\.\([0-9]*\).*/\2 \3 \1/p' "$DATA/generate.txt")
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -Xmx256m -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DATA" -Dforumkit.bench.routes=true \
  -Dforumkit.rate.limits=false -Dforumkit.guest.cache="${CACHE:-false}" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" \
  -jar "$JAR" >"$OUT/server.log" 2>&1 &
PID=$!; BASE=http://127.0.0.1:$PORT
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for _ in $(seq 1 240); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
python3 -c "import random; random.seed(1); [print('url = \"$BASE/threads/t.%d/\"\noutput = \"/dev/null\"' % random.randint($FIRST + 1, $LAST)) for _ in range(500)]" \
  | curl -s -K - -w '%{redirect_url}\n' | sed "s#^$BASE##" | grep '^/threads/' >"$OUT/paths.txt"
cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' -d '{"login":"member1@example.com","password":"bench-password"}' \
  "$BASE/api/v1/session" | grep -i '^set-cookie: forumkit_session=' | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
echo "$cookie x" >"$OUT/sessions.txt"
T="FIRST=$FIRST LAST=$LAST MEGA=$MEGA BOARDS=24"
row() { # name env...
  [ -n "${ROWS:-}" ] && ! [[ "$1" =~ $ROWS ]] && return 0
  local name=$1; shift
  env "$@" wrk -t1 -c1 -d10s -s "$ROOT/bench/get.lua" "$BASE" >"$OUT/warm-$name.txt" 2>&1
  jcmd "$PID" JFR.start name=alloc settings=profile >/dev/null
  env "$@" wrk -t1 -c1 -d10s -s "$ROOT/bench/get.lua" "$BASE" >"$OUT/wrk-$name.txt" 2>&1
  jcmd "$PID" JFR.stop name=alloc filename="$OUT/$name.jfr" >/dev/null
  local n; n=$(awk '/requests in/ {print $1}' "$OUT/wrk-$name.txt")
  echo "$name: $n requests, $(python3 "$ROOT/bench/alloc_per_request.py" "$OUT/$name.jfr" "$n")"
}
echo "$(basename "$JAR") $(sha1sum "$JAR" | cut -c1-8), cache ${CACHE:-false}, load $(cut -d' ' -f1-3 /proc/loadavg)"
row ping KIND=ping
row guest_json KIND=thread_json $T
row guest_html KIND=thread_html $T PATHS="$OUT/paths.txt"
row signed_html KIND=thread_html $T PATHS="$OUT/paths.txt" SESSIONS="$OUT/sessions.txt"
