#!/usr/bin/env bash
# The scale-out set-up on one machine, for the test and for trying it by hand: a PostgreSQL primary,
# a streaming replica of it (pg_basebackup -R, its own replication slot) and PgBouncer in transaction
# pooling in front of the primary. Clusters of their own on their own ports: the machine's main
# cluster (5432, which the tests use) is not touched. Idempotent: what exists is started, not made
# again. Runs as root (CI); the clusters and PgBouncer run as postgres. Prints the app's environment.
#
#   deploy/scale-out/up.sh            then   deploy/scale-out/down.sh [--purge]
set -euo pipefail

PG_VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -1)}
PRIMARY_PORT=${THEODOI_PRIMARY_PORT:-5442}
REPLICA_PORT=${THEODOI_REPLICA_PORT:-5443}
BOUNCER_PORT=${THEODOI_BOUNCER_PORT:-6442}
DB=theodoi
PRIMARY=theodoi_primary
REPLICA=theodoi_replica
RUN_DIR=/var/lib/postgresql/theodoi-scale-out
BIN=/usr/lib/postgresql/$PG_VERSION/bin

as_pg() { runuser -u postgres -- "$@"; }
exists() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$1" '$1 == v && $2 == n { found = 1 } END { exit !found }'; }
online() { pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$1" '$1 == v && $2 == n && $4 ~ /online/ { found = 1 } END { exit !found }'; }
psql_at() { as_pg psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres "${@:2}"; }
wait_ready() { for _ in $(seq 1 100); do as_pg "$BIN/pg_isready" -q -h 127.0.0.1 -p "$1" && return 0; sleep 0.1; done; echo "port $1 not ready" >&2; return 1; }

for p in "$PRIMARY_PORT" "$REPLICA_PORT" "$BOUNCER_PORT"; do
  if ! exists "$PRIMARY" && ! exists "$REPLICA" && (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "port $p is taken by something else" >&2; exit 1; fi
done

# Trust on the loopback only, as the machine's test cluster: this set-up is a test bench. A real deployment
# uses scram-sha-256 and TLS between hosts (docs/deploy.md).
configure() {
  cat > "/etc/postgresql/$PG_VERSION/$1/conf.d/theodoi.conf" <<CONF
listen_addresses = '127.0.0.1'
shared_buffers = 64MB
max_connections = 100
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
hot_standby = on
hot_standby_feedback = on
timezone = 'UTC'
CONF
}

if ! exists "$PRIMARY"; then
  pg_createcluster "$PG_VERSION" "$PRIMARY" -p "$PRIMARY_PORT" -- --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  configure "$PRIMARY"
fi
online "$PRIMARY" || pg_ctlcluster "$PG_VERSION" "$PRIMARY" start
wait_ready "$PRIMARY_PORT"
psql_at "$PRIMARY_PORT" -tAc "select 1 from pg_database where datname = '$DB'" | grep -q 1 || psql_at "$PRIMARY_PORT" -c "create database $DB"
# Every session in UTC, whichever way it comes: PgBouncer 1.18 cannot pass the app's "-c TimeZone=UTC" startup option.
psql_at "$PRIMARY_PORT" -c "alter database $DB set timezone to 'UTC'"
psql_at "$PRIMARY_PORT" -c "alter database $DB set jit to off"
psql_at "$PRIMARY_PORT" -c "alter database $DB set max_parallel_workers_per_gather to 0"

if ! exists "$REPLICA"; then
  pg_createcluster "$PG_VERSION" "$REPLICA" -p "$REPLICA_PORT" -- --auth=trust >/dev/null
  configure "$REPLICA"
  data=$(pg_lsclusters -h | awk -v v="$PG_VERSION" -v n="$REPLICA" '$1 == v && $2 == n { print $6 }')
  rm -rf "${data:?}"/*
  # -R: standby.signal and primary_conninfo; -C -S: a slot, so the primary keeps the WAL a stopped replica still needs.
  psql_at "$PRIMARY_PORT" -tAc "select 1 from pg_replication_slots where slot_name = '$REPLICA'" | grep -q 1 && psql_at "$PRIMARY_PORT" -c "select pg_drop_replication_slot('$REPLICA')" >/dev/null
  as_pg "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$data" -R -X stream -C -S "$REPLICA" -c fast
fi
online "$REPLICA" || pg_ctlcluster "$PG_VERSION" "$REPLICA" start
wait_ready "$REPLICA_PORT"
[ "$(psql_at "$REPLICA_PORT" -tAc 'select pg_is_in_recovery()')" = t ] || { echo "$REPLICA is not a standby" >&2; exit 1; }

install -d -o postgres -g postgres -m 700 "$RUN_DIR"
cat > "$RUN_DIR/pgbouncer.ini" <<INI
[databases]
$DB = host=127.0.0.1 port=$PRIMARY_PORT dbname=$DB

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $BOUNCER_PORT
unix_socket_dir =
auth_type = trust
; The console (SHOW POOLS) for the test and the operator.
admin_users = postgres
auth_file = $RUN_DIR/userlist.txt
pool_mode = transaction
default_pool_size = 20
max_client_conn = 500
; The app asks for "-c TimeZone=UTC" at start-up, which 1.18 refuses: the database sets it instead (above).
ignore_startup_parameters = options,extra_float_digits
logfile = $RUN_DIR/pgbouncer.log
pidfile = $RUN_DIR/pgbouncer.pid
INI
echo '"postgres" ""' > "$RUN_DIR/userlist.txt"
chown postgres:postgres "$RUN_DIR/pgbouncer.ini" "$RUN_DIR/userlist.txt"
if ! { [ -f "$RUN_DIR/pgbouncer.pid" ] && kill -0 "$(cat "$RUN_DIR/pgbouncer.pid")" 2>/dev/null; }; then
  as_pg pgbouncer -d -q "$RUN_DIR/pgbouncer.ini"
fi
wait_ready "$BOUNCER_PORT"

# The app's environment: writes through PgBouncer, migrations straight to the primary (session advisory lock), reads to the replica.
echo "DATABASE_URL=postgres://postgres@127.0.0.1:$BOUNCER_PORT/$DB"
echo "DATABASE_MIGRATE_URL=postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB"
echo "DATABASE_READ_URL=postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB"
