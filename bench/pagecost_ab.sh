#!/usr/bin/env bash
# A/B of two forumkit jars with bench/PageCost.java (one JVM each, in-process server, -Xmx256m): the two run side by
# side (so the machine's load falls on both alike) on two copies of the data set, then again with the copies swapped.
#   bench/pagecost_ab.sh A.jar B.jar DATA_A DATA_B [warm-up pages] [pages] [rounds]
# AFLAGS / BFLAGS: JVM options of one side only (e.g. BFLAGS=-Dpc.h2cache=16384: H2's page cache in KB).
set -u
cd "$(dirname "$0")/.."
A=$1; B=$2; DA=$3; DB=$4; WARM=${5:-4000}; PAGES=${6:-2000}; ROUNDS=${7:-2}
OUT=bench/out/pagecost-$(date +%H%M%S); mkdir -p "$OUT" bench/out/pc
javac -cp "$A" -d bench/out/pc bench/PageCost.java || exit 1
run() { java -Xmx256m $4 -Dlogback.configurationFile=bench/logback-bench.xml -cp "$1:bench/out/pc" PageCost "$2" "$WARM" "$PAGES" "$ROUNDS" 2>&1 | grep -E "^(round|[0-9]+ threads|H2|thread ticks)" >"$3"; }
for pass in 1 2; do
  if [ $pass = 1 ]; then da=$DA; db=$DB; else da=$DB; db=$DA; fi
  run "$A" "$da" "$OUT/A-$pass.txt" "${AFLAGS:-}" & pa=$!
  run "$B" "$db" "$OUT/B-$pass.txt" "${BFLAGS:-}" & pb=$!
  wait $pa $pb
done
for f in "$OUT"/*.txt; do echo "== $(basename "$f")"; cut -c1-460 "$f"; done
