#!/usr/bin/env bash
# Stops what up.sh started: PgBouncer, the replica, the primary. With --purge, drops both clusters
# and PgBouncer's files too (the next up.sh starts from an empty database). Idempotent.
set -euo pipefail

PG_VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -1)}
RUN_DIR=/var/lib/postgresql/theodoi-scale-out
purge=${1:-}

if [ -f "$RUN_DIR/pgbouncer.pid" ]; then
  pid=$(cat "$RUN_DIR/pgbouncer.pid")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$RUN_DIR/pgbouncer.pid"
fi
for cluster in theodoi_replica theodoi_primary; do
  pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$cluster" '$1 == v && $2 == n { found = 1 } END { exit !found }' || continue
  if [ "$purge" = --purge ]; then pg_dropcluster --stop "$PG_VERSION" "$cluster"
  else pg_ctlcluster "$PG_VERSION" "$cluster" stop -m fast 2>/dev/null || true
  fi
done
[ "$purge" = --purge ] && rm -rf "$RUN_DIR"
exit 0
