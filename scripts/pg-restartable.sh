#!/usr/bin/env bash
# A second, throw-away local PostgreSQL cluster for the tests that restart a server
# (PostgresRestartIT), so the shared cluster on 5432 is never stopped or changed.
#
#   scripts/pg-restartable.sh ensure   create it if missing (trust auth, 127.0.0.1 only) and start it
#   scripts/pg-restartable.sh start    start it (waits until it accepts connections)
#   scripts/pg-restartable.sh stop     stop it (fast shutdown: sessions are terminated)
#   scripts/pg-restartable.sh status   exit 0 if it accepts connections
#
# Port: SLUICE_PG_RESTART_PORT (default 5433). Owned by the postgres user, as the main cluster.
# Idempotent: ensure and start leave a running cluster alone, stop leaves a stopped one alone.
set -u

PORT=${SLUICE_PG_RESTART_PORT:-5433}
NAME=sluice_restart

version() {
  if [ -n "${SLUICE_PG_VERSION:-}" ]; then echo "$SLUICE_PG_VERSION"; return; fi
  ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1
}

ready() { pg_isready -q -h 127.0.0.1 -p "$PORT"; }

wait_until() { # up|down
  for _ in $(seq 1 100); do
    if [ "$1" = up ] && ready; then return 0; fi
    if [ "$1" = down ] && ! ready; then return 0; fi
    sleep 0.1
  done
  echo "pg-restartable: the cluster on port $PORT did not come $1" >&2
  return 1
}

VERSION=$(version)
if [ -z "$VERSION" ] || ! command -v pg_ctlcluster >/dev/null; then
  echo "pg-restartable: no PostgreSQL server installation (postgresql-common) found" >&2
  exit 2
fi

create() {
  if [ -d "/etc/postgresql/$VERSION/$NAME" ]; then return 0; fi
  pg_createcluster -q "$VERSION" "$NAME" -p "$PORT" -- --auth-local=trust --auth-host=trust >/dev/null \
    || { echo "pg-restartable: could not create cluster $VERSION/$NAME" >&2; return 1; }
  printf "listen_addresses = '127.0.0.1'\nmax_connections = 30\nshared_buffers = 16MB\n" \
    >> "/etc/postgresql/$VERSION/$NAME/postgresql.conf"
}

start() {
  if ready; then return 0; fi
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" start \
    || { echo "pg-restartable: could not start cluster $VERSION/$NAME" >&2; return 1; }
  wait_until up
}

stop() {
  if ! ready; then return 0; fi
  pg_ctlcluster --skip-systemctl-redirect "$VERSION" "$NAME" stop -m fast \
    || { echo "pg-restartable: could not stop cluster $VERSION/$NAME" >&2; return 1; }
  wait_until down
}

case "${1:-}" in
  ensure) create && start ;;
  start) start ;;
  stop) stop ;;
  status) ready ;;
  *) echo "usage: $0 ensure|start|stop|status" >&2; exit 64 ;;
esac
