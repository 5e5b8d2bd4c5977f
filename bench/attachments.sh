#!/usr/bin/env bash
# Attachment benchmark of the packaged server (issue 16), in one run on a fresh temporary data directory: a ceiling
# (wrk on the trivial route /bench/ping), uploads of a ~2 MB noise JPEG (2000x1500; re-encoded by the server) with 1
# and 2 concurrent clients, each client its own member, and serving the stored full image and its thumbnail to a
# signed-in member. Server -Xmx256m on 127.0.0.1 and a free port, rate limits off, the per-member quota and the files a
# draft may hold raised so no upload is refused. Prints a table and appends it to docs/benchmarks.md with the machine,
# commit, date and load average. Settings by environment:
#   DURATION=10s     each wrk run              CONNECTIONS=16   wrk connections of the ceiling and serving rows
#   SKIP_BUILD=1     reuse the jar             JAR=...          the jar to run (default forum-app/target/forumkit.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-16}
OUT=$ROOT/bench/out/attachments
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
PASSWORD="bench password 1"
BOUNDARY=----forumkitBenchBoundary
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v curl >/dev/null || apt-get install -y -qq curl >/dev/null
[ "${SKIP_BUILD:-}" = 1 ] && [ -f "$JAR" ] || mvn -B -ntp -pl forum-app -am package -DskipTests >"$OUT/build.log"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; } # expression over d
TICKS=$(getconf CLK_TCK)

# the photo (once) and the multipart body wrapping it
PHOTO=$OUT/photo-2000x1500.jpg
[ -f "$PHOTO" ] || java "$ROOT/bench/NoisePhoto.java" "$PHOTO" 2000 1500 2000000 >&2
BODY=$OUT/upload-body.bin
{ printf -- '--%s\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n' "$BOUNDARY"
  cat "$PHOTO"; printf -- '\r\n--%s--\r\n' "$BOUNDARY"; } >"$BODY"
PHOTO_BYTES=$(stat -c %s "$PHOTO")
PHOTO_MB=$(awk -v b="$PHOTO_BYTES" 'BEGIN {printf "%.2f", b / 1e6}')

DATA_DIR=$(mktemp -d /tmp/forumkit-attbench.XXXXXX)
SERVER_PID=
stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  PEAK_RSS=$(awk '/VmHWM/ {print $2 " " $3}' "/proc/$SERVER_PID/status" 2>/dev/null || echo "?")
  kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=
}
cleanup() { stop_server; rm -rf "$DATA_DIR"; }
trap cleanup EXIT
PORT=$(free_port)
java -Xmx256m -XX:+ExitOnOutOfMemoryError -Dforumkit.host=127.0.0.1 -Dforumkit.port="$PORT" -Dforumkit.data.dir="$DATA_DIR" \
  -Dforumkit.admin.username=admin -Dforumkit.admin.password="$PASSWORD" \
  -Dforumkit.bench.routes=true -Dforumkit.rate.limits=false -Dforumkit.guest.cache=false \
  -Dforumkit.attachment.bytes.per.member=1000000000000 -Dforumkit.attachment.files.per.post=1000000 \
  -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml" -jar "$JAR" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
BASE=http://127.0.0.1:$PORT
for _ in $(seq 1 240); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start" >&2; exit 1; }

# session_of curl-args... -> "cookie csrf" from a sign-in or sign-up answer
session_of() {
  local headers body cookie csrf
  headers=$(mktemp)
  body=$(curl -fsS -D "$headers" -H 'Content-Type: application/json' "$@")
  cookie=$(grep -i '^set-cookie: forumkit_session=' "$headers" | head -1 | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
  csrf=$(json 'd["session"]["csrf_token"]' <<<"$body")
  rm -f "$headers"
  echo "$cookie $csrf"
}
# as "cookie csrf" method path json -> answer body (fails on a non-2xx)
as() {
  local cookie=${1% *} csrf=${1#* }
  curl -fsS -X "$2" -H "Cookie: $cookie" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' -d "$4" "$BASE$3"
}
ADMIN=$(session_of -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/session")
CATEGORY=$(as "$ADMIN" POST /api/v1/categories '{"title":"Photos","description":""}' | json 'd["category"]["id"]')
BOARD=$(as "$ADMIN" POST "/api/v1/categories/$CATEGORY/boards" '{"title":"Holidays","description":""}' | json 'd["board"]["id"]')
# members sign up over HTTP: two uploaders (one per concurrent client) and a reader who is served the files
UPLOADERS=$OUT/uploaders.txt; : >"$UPLOADERS"
for name in uploader1 uploader2; do
  session_of -d "{\"username\":\"$name\",\"email\":\"$name@example.com\",\"password\":\"$PASSWORD\"}" \
    "$BASE/api/v1/members" >>"$UPLOADERS"
done
READER=$OUT/reader.txt
session_of -d "{\"username\":\"reader\",\"email\":\"reader@example.com\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/members" >"$READER"

# one upload posted in a thread: what the serving rows fetch (a draft would be its owner's only)
FIRST=$(head -1 "$UPLOADERS")
UPLOADED=$(curl -fsS -H "Cookie: ${FIRST% *}" -H "X-CSRF-Token: ${FIRST#* }" \
  -H "Content-Type: multipart/form-data; boundary=$BOUNDARY" --data-binary @"$BODY" "$BASE/api/v1/boards/$BOARD/attachments")
read -r ATT_ID FULL_PATH THUMB_PATH STORED_W STORED_H STORED_SIZE < <(json \
  '" ".join(str(d["attachment"][k]) for k in ("id", "url", "thumbnail_url", "width", "height", "size"))' <<<"$UPLOADED")
as "$FIRST" POST "/api/v1/boards/$BOARD/threads" \
  "{\"title\":\"Benchmark photo\",\"body\":\"[attach=$ATT_ID]\",\"attachment_ids\":[$ATT_ID]}" >/dev/null
READER_SESSION=$(cat "$READER")
FULL_BYTES=$(curl -fsS -o /dev/null -w '%{size_download}' -H "Cookie: ${READER_SESSION% *}" "$BASE$FULL_PATH")
THUMB_BYTES=$(curl -fsS -o /dev/null -w '%{size_download}' -H "Cookie: ${READER_SESSION% *}" "$BASE$THUMB_PATH")

ROWS=()
# row label threads connections timeout lua [env...]: wrk, then req/s, MB/s of request or response bodies, p50,
# p99, server CPU ms per request (utime+stime of the server process over the row), non-2xx, load average
row() {
  local label=$1 threads=$2 conns=$3 timeout=$4 script=$5 mb_each=$6; shift 6
  local load; load=$(loadavg)
  local cpu0; cpu0=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat")
  local log=$OUT/wrk-$(echo "$label" | tr -c 'a-zA-Z0-9\n' '_').txt
  env "$@" wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout "$timeout" --latency -s "$ROOT/bench/$script" "$BASE" >"$log" 2>&1 || true
  local rps p50 p99 bad errors total cpu mbs
  rps=$(awk '/^Requests\/sec/ {print $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log"); p99=$(awk '$1=="99%" {print $2}' "$log")
  bad=$(awk '/Non-2xx/ {print $NF}' "$log"); errors=$(awk '/Socket errors/ {print $3 $4 $5 $6 $7 $8 $9 $10}' "$log")
  total=$(awk '/requests in/ {print $1}' "$log")
  cpu=$(awk -v a="$cpu0" -v n="${total:-0}" -v t="$TICKS" '{ if (n > 0) printf "%.2f", ($14 + $15 - a) * 1000 / t / n; else print "?" }' "/proc/$SERVER_PID/stat")
  mbs=$(awk -v r="${rps:-0}" -v m="$mb_each" 'BEGIN { if (m == "-") print "-"; else printf "%.1f", r * m }')
  rps=$(awk -v r="${rps:-0}" 'BEGIN { if (r >= 100) printf "%\047.0f", r; else printf "%.2f", r }')
  ROWS+=("| $label | $rps | $mbs | ${p50:-?} | ${p99:-?} | $cpu | ${bad:-0} of ${total:-?}${errors:+; $errors} | $load |")
  echo "${ROWS[-1]}" >&2
}

COMMIT=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/out' ':!bench/data' || echo "+dirty")
MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(loadavg)
FULL_MB=$(awk -v b="$FULL_BYTES" 'BEGIN {printf "%.4f", b / 1e6}')
THUMB_MB=$(awk -v b="$THUMB_BYTES" 'BEGIN {printf "%.4f", b / 1e6}')
UP="BODY=$BODY BOUNDARY=$BOUNDARY BOARD=$BOARD SESSIONS=$UPLOADERS"

# warm-ups, not figures: the JIT compiles the decoder, encoder and the serving path first
DURATION=5s row "warm-up" 2 2 60s attachments.lua - KIND=upload $UP >/dev/null 2>&1; unset 'ROWS[-1]'
DURATION=5s row "warm-up" 2 "$CONNECTIONS" 10s attachments.lua - KIND=get URL_PATH="$FULL_PATH" SESSIONS="$READER" >/dev/null 2>&1; unset 'ROWS[-1]'
row "ceiling: trivial route /bench/ping, $CONNECTIONS connections" 2 "$CONNECTIONS" 2s get.lua - KIND=ping
row "upload ${PHOTO_MB} MB JPEG, 1 client" 1 1 60s attachments.lua "$PHOTO_MB" KIND=upload $UP
row "upload ${PHOTO_MB} MB JPEG, 2 clients" 2 2 60s attachments.lua "$PHOTO_MB" KIND=upload $UP
row "serve full image (${STORED_W}x${STORED_H}, $FULL_BYTES bytes), $CONNECTIONS connections" 2 "$CONNECTIONS" 10s attachments.lua "$FULL_MB" KIND=get URL_PATH="$FULL_PATH" SESSIONS="$READER"
row "serve thumbnail ($THUMB_BYTES bytes), $CONNECTIONS connections" 2 "$CONNECTIONS" 10s attachments.lua "$THUMB_MB" KIND=get URL_PATH="$THUMB_PATH" SESSIONS="$READER"
LOAD_END=$(loadavg)
DRAFTS=$(as "$FIRST" GET /api/v1/attachments/drafts '' | json 'len(d["attachments"])')
stop_server
OOM=$(grep -c OutOfMemoryError "$OUT/server.log" || true)

{
  echo
  echo "### Attachment benchmark, $STARTED (bench/attachments.sh)"
  echo
  echo "Commit $COMMIT; $MACHINE; wrk -d$DURATION on the same machine; server -Xmx256m, H2 file database, rate limits off, a fresh data directory. Load average $LOAD_START at the start, $LOAD_END at the end."
  echo "Upload: \`POST /api/v1/boards/$BOARD/attachments\`, multipart field \`file\`, a ${PHOTO_BYTES}-byte 2000x1500 JPEG of noise over a gradient (bench/NoisePhoto.java, quality 0.9), stored re-encoded as ${STORED_W}x${STORED_H}, $STORED_SIZE bytes, plus a $THUMB_BYTES-byte thumbnail; each client (wrk thread, one connection) uploads as its own member, with its CSRF token. Serving: the attachment posted in a thread, fetched by another signed-in member. MB/s: request bodies for uploads, response bodies for serving (10^6 bytes). Server CPU ms/request = the server's user+system CPU time over the row divided by its requests."
  echo
  echo "| row | req/s | MB/s | p50 | p99 | server CPU ms/request | non-2xx of all; socket errors | load average (1/5/15 min) before the row |"
  echo "|---|---:|---:|---:|---:|---:|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Drafts of the first uploader after the run (its warm-up and both upload rows; every 201 is a stored draft): $DRAFTS. Peak RSS of the server (VmHWM): $PEAK_RSS. OutOfMemoryError in the server log: $OOM."
} | tee -a docs/benchmarks.md
