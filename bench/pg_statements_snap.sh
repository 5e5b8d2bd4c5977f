#!/bin/bash
# pg_statements_snap.sh DIR INTERVAL: every INTERVAL s until DIR/stop exists, snapshots of pg_stat_statements (the
# database DB's statements: calls, rows, shared blocks), pg_stat_user_tables and pg_stat_user_indexes into DIR/NNN-*.csv
# (task pgage, docs/performance.md). Needs pg_stat_statements loaded. Env: PGHOST (127.0.0.1), PGPORT, PGUSER, DB.
# Then: python3 bench/pg_statements_curve.py DIR [step] [min calls] [how many].
dir=$1; iv=$2; i=0; mkdir -p $dir
P="psql -h ${PGHOST:-127.0.0.1} -p ${PGPORT:-5432} -U ${PGUSER:-postgres} -d ${DB:?DB} -qtAX"
while [ ! -f $dir/stop ]; do
  n=$(printf %03d $i)
  $P -c "\copy (SELECT (SELECT max(id) FROM posts), extract(epoch from now())) TO '$dir/$n-head.csv' CSV"
  $P -c "\copy (SELECT queryid, calls, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, total_exec_time, left(regexp_replace(query, '\s+', ' ', 'g'), 160) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = current_database() AND query NOT LIKE '%pg_stat%') TO '$dir/$n-stmts.csv' CSV"
  $P -c "\copy (SELECT relname, n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd, n_tup_ins, n_tup_del, autovacuum_count, autoanalyze_count, pg_relation_size(relid), pg_indexes_size(relid) FROM pg_stat_user_tables) TO '$dir/$n-tables.csv' CSV"
  $P -c "\copy (SELECT indexrelname, idx_scan, idx_tup_read, idx_tup_fetch, pg_relation_size(indexrelid) FROM pg_stat_user_indexes) TO '$dir/$n-indexes.csv' CSV"
  i=$((i+1)); sleep $iv
done
