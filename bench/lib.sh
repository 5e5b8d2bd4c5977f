# Shared by bench/run.sh, bench/outbox.sh and bench/reply-indexing.sh (sourced, not run): the tools, the jar, data
# sets generated once, a server on a free port, signed-in members and the CPU a process used. The caller sets ROOT
# (the repository), JAR and OUT before sourcing it, and `set -euo pipefail`.

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || apt-get install -y -qq curl >/dev/null

# build_jar: the server jar, unless SKIP_BUILD=1 and it is there (the build's log in OUT/build.log)
build_jar() {
  [ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ] || mvn -B -ntp -pl forum-app -am package -DskipTests >"$OUT/build.log"
}

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# cpu_ticks PID: the user + system CPU the process used so far, in clock ticks (1/100 s on Linux)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

COMMIT=$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench/out' ':!bench/data' || echo "+dirty")
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"

# scaled_sizes POSTS: the generate options of the main data sets, members, threads and reactions growing with the posts
scaled_sizes() {
  local posts=$1
  echo "--posts $posts --members $(( posts / 50 > 100 ? posts / 50 : 100 )) --threads $(( posts / 25 > 10 ? posts / 25 : 10 ))" \
    "--reactions $(( posts / 2 )) --boards 24 --seed 1"
}

# generate_once DIR [-Dsetting=value ...] -- GENERATE-OPTIONS...: fills the data directory DIR by `generate` unless
# DIR/generate.txt (its output, the marker of a complete set) is there already; echoes DIR
generate_once() {
  local dir=$1; shift
  local props=()
  while [ "$1" != -- ]; do props+=("$1"); shift; done
  shift
  if [ ! -f "$dir/generate.txt" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    echo "generating into $dir: $* ..." >&2
    java -Xmx1g -Dforumkit.data.dir="$dir" "${props[@]}" -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" \
      -jar "$JAR" generate "$@" | tee "$dir/generate.txt.tmp" >&2
    mv "$dir/generate.txt.tmp" "$dir/generate.txt"
  fi
  echo "$dir"
}

# start_server LOG_PREFIX DATA_DIR [-Dsetting=value ...]: the packaged server (-Xmx256m, 127.0.0.1, a free port, bench
# routes on, rate limits off) with its log in LOG_PREFIX-PORT.log; sets PORT, SERVER_PID and BASE once /health answers.
# Returns 1 (the log's tail on stderr) if it stops or does not answer within 2 minutes. JFR_OPTS: more JVM flags.
SERVER_PID=
start_server() {
  local prefix=$1 dir=$2; shift 2
  PORT=$(free_port)
  SERVER_LOG=$prefix-$PORT.log
  java -Xmx256m ${JVM_FLAGS:-} ${JFR_OPTS:-} -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$dir" \
    -Dforumkit.bench.routes=true -Dforumkit.rate.limits=false "$@" \
    -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  wait_for_server "$SERVER_LOG"
}
# wait_for_server LOG: until BASE/health answers (2 minutes at the most) or SERVER_PID stops
wait_for_server() {
  BASE=http://127.0.0.1:$PORT
  for _ in $(seq 1 240); do
    curl -fs "$BASE/health" >/dev/null 2>&1 && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$1" >&2; SERVER_PID=; return 1; }
    sleep 0.5
  done
  echo "server did not start (log: $1)" >&2; return 1
}
# stop_server: stops SERVER_PID, its peak RSS (VmHWM) in PEAK_RSS
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  PEAK_RSS=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?")
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}
trap stop_server EXIT

# sign_in N FILE: signs in member1..memberN (the generated password) and writes "cookie csrf" lines to FILE; echoes FILE
sign_in() {
  local file=$2; : >"$file"
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
