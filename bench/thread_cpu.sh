#!/usr/bin/env bash
# CPU of a JVM's threads over a benchmark row, grouped by thread name (numbers stripped: "qtp123-45" -> "qtp-"),
# user and system apart, from /proc/<pid>/task/*/stat (utime, stime in clock ticks of 1/100 s). Threads that ended
# during the row are lost (their ticks move to no group); a row's total is also in /proc/<pid>/stat.
#   bench/thread_cpu.sh snap PID >before.txt          one line per thread: tid user system name
#   bench/thread_cpu.sh diff before.txt after.txt N   ms of user and system CPU per request (N requests) by group
set -euo pipefail
case "${1:-}" in
  snap)
    for t in /proc/"$2"/task/*; do
      # the name sits in parentheses and may hold spaces: take what lies between the first "(" and the last ")"
      line=$(cat "$t/stat" 2>/dev/null) || continue
      name=${line#*(}; name=${name%)*}; rest=${line##*) }
      read -r _ _ _ _ _ _ _ _ _ _ _ ut st _ <<<"$rest"
      echo "${t##*/} $ut $st $name"
    done ;;
  diff)
    awk -v n="$4" '
      FNR == NR { u0[$1] = $2; s0[$1] = $3; next }
      { name = $0; sub(/^[0-9]+ [0-9]+ [0-9]+ /, "", name); gsub(/[0-9]+/, "", name)
        du = $2 - u0[$1]; ds = $3 - s0[$1]; U[name] += du; S[name] += ds; TU += du; TS += ds }
      END {
        printf "%-20s %10s %10s %10s\n", "thread group", "user ms", "sys ms", "per request"
        for (g in U) if (U[g] + S[g] > 0) printf "%-20s %10.3f %10.3f %10.3f\n", g, U[g] * 10 / n, S[g] * 10 / n, (U[g] + S[g]) * 10 / n | "sort -k4 -rn"
        close("sort -k4 -rn")
        printf "%-20s %10.3f %10.3f %10.3f\n", "all threads", TU * 10 / n, TS * 10 / n, (TU + TS) * 10 / n
      }' "$2" "$3" ;;
  *) echo "usage: $0 snap PID | diff BEFORE AFTER REQUESTS" >&2; exit 2 ;;
esac
