#!/usr/bin/env bash
# A streaming replica (hot standby) of the shared local PostgreSQL cluster (127.0.0.1:5432), for the
# read-replica tests (PostgresReplicaIT). Made with `pg_basebackup -R` from the shared cluster.
#
#   scripts/pg-replica.sh ensure   set up what replication needs on 5432, create the standby if
#                                  missing, start it (waits until it accepts connections) and
#                                  resume its WAL replay if a test left it paused
#   scripts/pg-replica.sh start    start the standby
#   scripts/pg-replica.sh stop     stop the standby (fast shutdown: sessions are terminated)
#   scripts/pg-replica.sh status   exit 0 if the standby accepts connections
#   scripts/pg-replica.sh remove   stop and delete the standby, drop its slot on 5432 (the pg_hba.conf
#                                  line is left)
#
# What it changes on the shared cluster (5432), and nothing else; it is never restarted:
#   - one line in its pg_hba.conf, `host replication postgres 127.0.0.1/32 trust` (marked with the
#     comment `# sluice-replica`), added once, followed by pg_reload_conf();
#   - one physical replication slot, `sluice_replica` (so the standby never misses WAL). While the
#     standby is stopped the slot keeps the WAL it has not received: `remove` drops it.
# wal_level=replica and max_wal_senders=10 are PostgreSQL 15's defaults; if wal_level is lower, the
# script stops and says so (raising it needs a restart, which it does not do).
#
# The standby: port SLUICE_PG_REPLICA_PORT (default 5434), data in /var/lib/postgresql/<v>/sluice_replica,
# run by the postgres user with pg_ctl (its own postgresql.conf and pg_hba.conf: trust, 127.0.0.1 only).
# Idempotent: ensure and start leave a running standby alone, stop leaves a stopped one alone.
set -u

PORT=${SLUICE_PG_REPLICA_PORT:-5434}
PRIMARY_PORT=${SLUICE_PG_PRIMARY_PORT:-5432}
SLOT=sluice_replica
MARK='# sluice-replica'

version() {
  if [ -n "${SLUICE_PG_VERSION:-}" ]; then echo "$SLUICE_PG_VERSION"; return; fi
  ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1
}

VERSION=$(version)
BIN=/usr/lib/postgresql/$VERSION/bin
DATA=/var/lib/postgresql/$VERSION/sluice_replica
LOG=/var/lib/postgresql/$VERSION/sluice_replica.log
if [ -z "$VERSION" ] || [ ! -x "$BIN/pg_ctl" ]; then
  echo "pg-replica: no PostgreSQL server installation found" >&2
  exit 2
fi

as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
primary_sql() { psql -X -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -tAqc "$1"; }
ready() { pg_isready -q -h 127.0.0.1 -p "$PORT"; }

wait_until() { # up|down
  for _ in $(seq 1 300); do
    if [ "$1" = up ] && ready; then return 0; fi
    if [ "$1" = down ] && ! ready; then return 0; fi
    sleep 0.1
  done
  echo "pg-replica: the standby on port $PORT did not come $1 (log: $LOG)" >&2
  return 1
}

prepare_primary() {
  local level hba
  level=$(primary_sql "SHOW wal_level") || { echo "pg-replica: cannot reach the primary on $PRIMARY_PORT" >&2; return 1; }
  if [ "$level" = minimal ]; then
    echo "pg-replica: wal_level=minimal on the primary: set it to replica and restart it first" >&2
    return 1
  fi
  hba=$(primary_sql "SHOW hba_file")
  if ! grep -q "$MARK" "$hba"; then
    printf 'host replication postgres 127.0.0.1/32 trust %s\n' "$MARK" >> "$hba"
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
}

slot_exists() {
  [ "$(primary_sql "SELECT count(*) FROM pg_replication_slots WHERE slot_name = '$SLOT'")" = 1 ]
}

create() {
  # a standby whose slot is gone cannot be sure to get the WAL it needs: made again
  if [ -f "$DATA/standby.signal" ] && slot_exists; then return 0; fi
  if [ -f "$DATA/PG_VERSION" ]; then stop; fi
  rm -rf "$DATA"
  mkdir -p "$DATA" && chown postgres:postgres "$DATA" && chmod 700 "$DATA" \
    && touch "$LOG" && chown postgres:postgres "$LOG" || return 1
  # a slot left by a standby that no longer exists would hold WAL from its old position
  primary_sql "SELECT pg_drop_replication_slot('$SLOT') FROM pg_replication_slots WHERE slot_name = '$SLOT'" >/dev/null
  as_postgres "$BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -C -S "$SLOT" \
    -X stream -c fast \
    || { echo "pg-replica: pg_basebackup from $PRIMARY_PORT failed" >&2; rm -rf "$DATA"; return 1; }
  local max
  max=$(primary_sql "SHOW max_connections")   # a hot standby needs at least the primary's
  as_postgres tee "$DATA/postgresql.conf" >/dev/null <<EOF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
max_connections = $max
shared_buffers = 16MB
hot_standby = on
EOF
  as_postgres tee "$DATA/pg_hba.conf" >/dev/null <<EOF
local all all trust
host all all 127.0.0.1/32 trust
EOF
}

start() {
  if ready; then return 0; fi
  # 9>&-: the server must not inherit the script's lock (below), or it would hold it for as long as
  # it runs, and every later run of this script would wait for it forever
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null 9>&- \
    || { echo "pg-replica: could not start the standby (log: $LOG)" >&2; return 1; }
  wait_until up
}

stop() {
  if ! ready; then return 0; fi
  as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null \
    || { echo "pg-replica: could not stop the standby" >&2; return 1; }
  wait_until down
}

# a test that paused WAL replay (to make lag) and died before resuming it must not leave the standby behind
resume() {
  psql -X -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAqc \
    "SELECT pg_wal_replay_resume() WHERE pg_get_wal_replay_pause_state() <> 'not paused'" >/dev/null
}

remove() {
  stop
  rm -rf "$DATA"
  primary_sql "SELECT pg_drop_replication_slot('$SLOT') FROM pg_replication_slots WHERE slot_name = '$SLOT'" >/dev/null
}

# two runs at once (two worktrees' services.sh) would make the standby twice into one directory
if command -v flock >/dev/null; then
  exec 9>"${TMPDIR:-/tmp}/sluice-pg-replica.script.lock"
  flock -w 300 9 || { echo "pg-replica: another run of this script held its lock for 5 minutes" >&2; exit 1; }
fi

case "${1:-}" in
  ensure) prepare_primary && create && start && resume ;;
  start) start ;;
  stop) stop ;;
  status) ready ;;
  remove) remove ;;
  *) echo "usage: $0 ensure|start|stop|status|remove" >&2; exit 64 ;;
esac
