#!/usr/bin/env bash
# Makes sure the local PostgreSQL, MariaDB and Redis used by the integration tests are up.
# Idempotent: a running service is left alone. Exits non-zero if one cannot be reached.
set -u

wait_for() { # name, check command...
  local name=$1; shift
  for _ in $(seq 1 30); do
    if "$@" >/dev/null 2>&1; then echo "services: $name is up"; return 0; fi
    sleep 1
  done
  echo "services: $name did not come up" >&2
  return 1
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if ! port_open 5432 && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
fi
if ! port_open 3306 && [ -x /usr/sbin/mariadbd ]; then
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
if ! port_open 6379 && command -v redis-server >/dev/null; then
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no || true
fi

rc=0
wait_for postgresql port_open 5432 || rc=1
wait_for mariadb port_open 3306 || rc=1
wait_for redis port_open 6379 || rc=1
if [ $rc -eq 0 ] && command -v psql >/dev/null; then
  psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" | grep -q 1 \
    || psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE test" >/dev/null
fi
# The integration tests create (and drop) databases of their own per run, named after the run;
# they connect through `test` to do it.
if [ $rc -eq 0 ] && command -v mysql >/dev/null; then
  mysql -h 127.0.0.1 -u root -e "CREATE DATABASE IF NOT EXISTS test" >/dev/null 2>&1 \
    || echo "services: could not create the MariaDB database test" >&2
fi
# A second PostgreSQL cluster (port 5433) that PostgresRestartIT stops and starts; the shared one
# above is never restarted. Not fatal here: under CI=true the test itself fails if it is missing.
if [ $rc -eq 0 ]; then
  "$(dirname "$0")/pg-restartable.sh" ensure && echo "services: restartable postgresql is up (5433)" \
    || echo "services: the restartable PostgreSQL cluster could not be started" >&2
fi
# A streaming replica of the shared cluster (port 5434) for the read-replica tests; changes on 5432
# only a replication line in pg_hba.conf (reloaded) and a slot (see pg-replica.sh). Not fatal here:
# under CI=true the replica tests fail if it is missing.
if [ $rc -eq 0 ]; then
  "$(dirname "$0")/pg-replica.sh" ensure && echo "services: postgresql replica is up (5434)" \
    || echo "services: the PostgreSQL replica could not be started" >&2
fi
exit $rc
