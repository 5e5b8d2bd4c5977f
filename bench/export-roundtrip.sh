#!/usr/bin/env bash
# The export/import round trip of issue 19 on a generated data set: export it, import the dump into a fresh H2 and a
# fresh PostgreSQL, recount both, export both again and compare with the first dump (all but the header line).
# Every step gets its wall time, the Java process's CPU (user + system), peak RSS and the load average before it, as
# a Markdown table in OUT/steps.md. The source data directory is only read (export); never point SRC at a data set
# other runs use at the same time.
#
#   SRC=bench/data/h2-1000000   the source forum (an embedded H2 data directory)
#   JAR=forum-app/target/forumkit.jar   (copy it aside if you build while this runs)
#   OUT=bench/out/roundtrip     dumps, logs, the fresh H2 data directory, steps.md
#   PG=1                        also the PostgreSQL leg (Debian's cluster, as bench/run.sh PG=1 starts it)
#   H2=0                        without the H2 leg
#   REUSE=1                     take OUT/dump.jsonl as it is (no export): to run the PostgreSQL leg beside a running H2 one
#   PG_DB=forumkit_roundtrip    the database the PostgreSQL leg drops and creates
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC=${SRC:-$ROOT/bench/data/h2-1000000}
JAR=${JAR:-$ROOT/forum-app/target/forumkit.jar}
OUT=${OUT:-$ROOT/bench/out/roundtrip}
PG_DB=${PG_DB:-forumkit_roundtrip}
J=(java -Xmx1g -Dlogback.configurationFile="$ROOT/bench/logback-bench.xml")
mkdir -p "$OUT"
STEPS=$OUT/steps.md
[ -f "$STEPS" ] || { echo "| step | exit | wall s | Java CPU s | PostgreSQL CPU s | peak RSS MB | load average before |"; echo "|---|---:|---:|---:|---:|---:|---|"; } > "$STEPS"

# pgcpu: CPU seconds the PostgreSQL cluster has used so far (the postmaster, its live children, and the children it
# reaped); empty without PG=1. A step's PostgreSQL CPU is the difference around it.
PGPID=
pgcpu() {
  [ -n "$PGPID" ] || { echo 0; return; }
  local t=0 pid
  for pid in $PGPID $(pgrep -P "$PGPID"); do
    t=$(( t + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0) ))
  done
  echo "scale=1; $t / $(getconf CLK_TCK)" | bc
}

# step NAME command...: runs it under /usr/bin/time, output to OUT/NAME.out and .err, one row in steps.md
step() {
  local name=$1; shift
  local load; load=$(cut -d' ' -f1-3 /proc/loadavg)
  local pg0; pg0=$(pgcpu)
  echo "$(date -u +%H:%M:%S) $name ..." >&2
  /usr/bin/time -f "%e %U %S %M" -o "$OUT/$name.time" "$@" > "$OUT/$name.out" 2> "$OUT/$name.err"
  local rc=$?
  read -r wall user sys rss < "$OUT/$name.time"
  local pg=; [ -z "$PGPID" ] || pg=$(echo "$(pgcpu) - $pg0" | bc)
  printf '| %s | %s | %s | %.1f | %s | %d | %s |\n' "$name" "$rc" "$wall" "$(echo "$user + $sys" | bc)" "$pg" $((rss / 1024)) "$load" >> "$STEPS"
  return $rc
}
# same NAME DUMP: the two dumps are the same apart from the header line
same() {
  if cmp -s <(tail -n +2 "$OUT/dump.jsonl") <(tail -n +2 "$2"); then
    echo "| $1 | identical to the first dump apart from the header line | | | | | |" >> "$STEPS"
  else
    echo "| $1 | **DIFFERENT** from the first dump (beyond the header) | | | | | |" >> "$STEPS"
  fi
}

echo "round trip of $SRC with $JAR, $(date -u +%FT%TZ), $(nproc) cores" >> "$STEPS"
if [ "${REUSE:-}" != 1 ]; then
  step export-source "${J[@]}" -Dforumkit.data.dir="$SRC" -jar "$JAR" export --out "$OUT/dump.jsonl"
  echo "| dump | $(wc -l < "$OUT/dump.jsonl") lines, $(( $(stat -c %s "$OUT/dump.jsonl") / 1000000 )) MB | | | | | |" >> "$STEPS"
fi

if [ "${H2:-1}" != 0 ]; then
  rm -rf "$OUT/h2-dst"
  step import-h2 "${J[@]}" -Dforumkit.data.dir="$OUT/h2-dst" -jar "$JAR" import "$OUT/dump.jsonl"
  step recount-h2 "${J[@]}" -Dforumkit.data.dir="$OUT/h2-dst" -jar "$JAR" recount
  step export-h2 "${J[@]}" -Dforumkit.data.dir="$OUT/h2-dst" -jar "$JAR" export --out "$OUT/again-h2.jsonl"
  same "export of the H2 import" "$OUT/again-h2.jsonl"
  step import-h2-again "${J[@]}" -Dforumkit.data.dir="$OUT/h2-dst" -jar "$JAR" import "$OUT/dump.jsonl"
fi

if [ "${PG:-}" = 1 ]; then
  read -r ver name port status _ < <(pg_lsclusters -h | head -1)
  [ "$status" = online ] || pg_ctlcluster "$ver" "$name" start
  psql_() { runuser -u postgres -- psql -p "$port" -d postgres -qtAX -v ON_ERROR_STOP=1 -c "$1"; }
  [ "$(psql_ "SELECT 1 FROM pg_roles WHERE rolname = 'forumkit'")" = 1 ] || psql_ "CREATE ROLE forumkit LOGIN PASSWORD 'forumkit-bench'"
  psql_ "DROP DATABASE IF EXISTS $PG_DB"
  psql_ "CREATE DATABASE $PG_DB OWNER forumkit"
  URL="jdbc:postgresql://127.0.0.1:$port/$PG_DB?user=forumkit&password=forumkit-bench&sslmode=disable"
  echo "| PostgreSQL | $(psql_ 'SHOW server_version') on the same machine | | | | | |" >> "$STEPS"
  PGPID=$(head -1 "$(runuser -u postgres -- psql -p "$port" -d postgres -qtAX -c 'SHOW data_directory')/postmaster.pid")
  rm -rf "$OUT/pg-dst"
  PGJ=("${J[@]}" -Dforumkit.data.dir="$OUT/pg-dst" -Dforumkit.jdbc.url="$URL")
  step import-pg "${PGJ[@]}" -jar "$JAR" import "$OUT/dump.jsonl"
  step recount-pg "${PGJ[@]}" -jar "$JAR" recount
  step export-pg "${PGJ[@]}" -jar "$JAR" export --out "$OUT/again-pg.jsonl"
  same "export of the PostgreSQL import" "$OUT/again-pg.jsonl"
  step import-pg-again "${PGJ[@]}" -jar "$JAR" import "$OUT/dump.jsonl"
fi
echo "$(date -u +%H:%M:%S) done: $STEPS" >&2
