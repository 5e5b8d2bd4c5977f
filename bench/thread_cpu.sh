#!/usr/bin/env bash
# Per-thread CPU of a running JVM (or any process), split into user and system time, to see where CPU goes that a
# Java profiler does not sample (fsyncs, page cache, futexes, the JIT, GC). Two subcommands:
#   bench/thread_cpu.sh snap PID >FILE        every thread's tid, name (/proc/PID/task/TID/comm), utime, stime (ticks)
#                                             and, last line, the process's own utime and stime (dead threads included)
#   bench/thread_cpu.sh diff BEFORE AFTER [N] CPU per thread group between two snapshots, in ms, or ms per unit if N
#                                             (e.g. the replies of the row) is given, dearest first. Threads are grouped
#                                             by name without a trailing number ("GC_Thread#0" and "GC_Thread#1" are "GC_Thread"); the
#                                             threads that ended between the snapshots (Lucene merge threads do) are the
#                                             row "(ended threads)": the process's total less the live threads' sum.
# Used by bench/reply-indexing.sh (THREADS=1); reusable for any bench row.
set -euo pipefail
TICK_MS=$(awk -v h="$(getconf CLK_TCK)" 'BEGIN { print 1000 / h }')

snap() {
  local pid=$1 t
  for t in /proc/"$pid"/task/*; do
    # comm may hold spaces; stat's fields after the ")" are fixed (utime is 14, stime 15 of the whole line)
    local name stat
    name=$(tr ' ' '_' 2>/dev/null <"$t/comm") || continue # a thread may end meanwhile
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    awk -v tid="${t##*/}" -v name="$name" '{ sub(/^.*\) /, ""); print "T", tid, name, $12, $13 }' <<<"$stat"
  done
  awk '{ sub(/^.*\) /, ""); print "P", 0, "process", $12, $13 }' "/proc/$pid/stat"
}

diff_snaps() {
  local unit=${3:+ per unit}
  echo "| threads | count | user ms$unit | system ms$unit | total ms$unit |"
  echo "|---|---:|---:|---:|---:|"
  awk -v n="${3:-1}" -v ms="$TICK_MS" '
    FNR == NR { if ($1 == "T") { bu[$2] = $4; bs[$2] = $5 } else { pu = $4; ps = $5 }; next }
    $1 == "T" {
      g = $3; sub(/[-#_]?[0-9]+$/, "", g)
      u[g] += $4 - bu[$2]; s[g] += $5 - bs[$2]; lu += $4 - bu[$2]; ls += $5 - bs[$2]; k[g]++
      next
    }
    { tu = $4 - pu; ts = $5 - ps }
    END {
      u["(ended threads)"] = tu - lu; s["(ended threads)"] = ts - ls; k["(ended threads)"] = "?"
      for (g in u) if (u[g] + s[g] != 0) printf "%s\t| %s | %s | %.3f | %.3f | %.3f |\n", (u[g] + s[g]) * 1e6, g, k[g], u[g] * ms / n, s[g] * ms / n, (u[g] + s[g]) * ms / n
      printf "%s\t| **all** | | %.3f | %.3f | %.3f |\n", 1e15, tu * ms / n, ts * ms / n, (tu + ts) * ms / n
    }' "$1" "$2" | sort -t"$(printf '\t')" -k1,1gr | cut -f2-
}

case "${1:-}" in
  snap) snap "$2" ;;
  diff) diff_snaps "$2" "$3" "${4:-}" ;;
  *) echo "usage: $0 snap PID | diff BEFORE AFTER [N]" >&2; exit 2 ;;
esac
