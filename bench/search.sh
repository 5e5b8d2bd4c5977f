#!/usr/bin/env bash
# Search benchmark (issue 13): Lucene and PostgreSQL full-text search side by side on the same generated posts, with
# a LIKE '%word%' scan of the same rows as the baseline (dev.forumkit.app.bench.SearchBenchmark): index build rate,
# then query p50/p99 for common, rare and filtered queries. Appends the table, with command, machine, commit, date
# and load average, to docs/benchmarks.md. Settings by environment:
#   POSTS=1000000     posts to generate (use 200000 on a loaded machine, and say so)
#   SKIP_BUILD=1      reuse the compiled classes and bench/out/search-cp.txt
#   ENGINES=lucene    the Lucene rows only (same posts, queries and page; snippets from the generated texts held in
#                     memory), without PostgreSQL or the LIKE baseline, which are then not touched at all; default
#                     ENGINES=all, the side-by-side run
#   INDEX_DIR=path    with ENGINES=lucene: keep the Lucene index there and reuse it when it holds POSTS posts (for
#                     repeated measurements; it is then not deleted); default a fresh temporary directory
# PostgreSQL: the local Debian cluster (started if down); user forumkit, database forumkit_search_bench (dropped
# and made again each run).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
POSTS=${POSTS:-1000000}
OUT=$ROOT/bench/out
mkdir -p "$OUT"
CP_FILE=$OUT/search-cp.txt

if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f "$CP_FILE" ]; then
  mvn -B -ntp -q -pl forum-app -am test-compile dependency:build-classpath \
      -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >"$OUT/search-build.log" 2>&1
fi

ENGINES=${ENGINES:-all}
case "$ENGINES" in
  all|lucene) ;;
  *) echo "ENGINES must be all or lucene, not '$ENGINES'" >&2; exit 2 ;;
esac
if [ "$ENGINES" = lucene ] && [ -n "${INDEX_DIR:-}" ]; then
  LUCENE_DIR=$INDEX_DIR
else
  LUCENE_DIR=$(mktemp -d /tmp/forumkit-search-bench.XXXXXX)
  trap 'rm -rf "$LUCENE_DIR"' EXIT
fi
CP="forum-app/target/test-classes:forum-app/target/classes:$(cat "$CP_FILE")"

if [ "$ENGINES" = lucene ]; then
  LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
  STARTED=$(date -u '+%Y-%m-%d %H:%M')
  java -Xmx2g -cp "$CP" dev.forumkit.app.bench.SearchBenchmark lucene "$POSTS" "$LUCENE_DIR" | tee "$OUT/search-lucene-$POSTS.md"
  LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
  {
    echo
    echo "### Search benchmark, Lucene only (bench/search.sh), $STARTED UTC, $POSTS posts"
    echo
    echo "Command: \`POSTS=$POSTS ENGINES=lucene bench/search.sh\`. Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)');" \
         "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB;" \
         "$(java -version 2>&1 | head -1); the JVM -Xmx2g (it also holds the posts' texts for the snippets). No PostgreSQL." \
         "Load average (1/5/15 min) $LOAD_BEFORE at the start, $LOAD_AFTER at the end."
    echo
    cat "$OUT/search-lucene-$POSTS.md"
  } >> docs/benchmarks.md
  echo "appended to docs/benchmarks.md" >&2
  exit 0
fi

read -r ver name port status _ < <(pg_lsclusters -h | head -1)
[ "$status" = online ] || pg_ctlcluster "$ver" "$name" start
pg_sql() { runuser -u postgres -- psql -p "$port" -d "$1" -qtAX -v ON_ERROR_STOP=1 -c "$2"; }
[ "$(pg_sql postgres "SELECT 1 FROM pg_roles WHERE rolname = 'forumkit'")" = 1 ] \
  || pg_sql postgres "CREATE ROLE forumkit LOGIN PASSWORD 'forumkit-bench'" >/dev/null
pg_sql postgres "DROP DATABASE IF EXISTS forumkit_search_bench" >/dev/null
pg_sql postgres "CREATE DATABASE forumkit_search_bench OWNER forumkit" >/dev/null
JDBC="jdbc:postgresql://127.0.0.1:$port/forumkit_search_bench?sslmode=disable"

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$(date -u '+%Y-%m-%d %H:%M')
java -Xmx1g -cp "$CP" \
    dev.forumkit.app.bench.SearchBenchmark "$JDBC" forumkit forumkit-bench "$POSTS" "$LUCENE_DIR" | tee "$OUT/search-$POSTS.md"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo
  echo "### Search benchmark (bench/search.sh), $STARTED UTC, $POSTS posts"
  echo
  echo "Command: \`POSTS=$POSTS bench/search.sh\`. Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)');" \
       "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem:/{print $2}') GiB;" \
       "$(java -version 2>&1 | head -1); PostgreSQL $(pg_sql postgres 'SHOW server_version'), default settings, same machine;" \
       "the JVM -Xmx1g. Load average (1/5/15 min) $LOAD_BEFORE at the start, $LOAD_AFTER at the end."
  echo
  cat "$OUT/search-$POSTS.md"
} >> docs/benchmarks.md
echo "appended to docs/benchmarks.md" >&2
