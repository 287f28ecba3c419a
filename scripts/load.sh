#!/usr/bin/env bash
# A bounded load test on loopback, not part of the test suite (timings are not tests): the example
# service (examples/webflux-service) on a fresh PostgreSQL database, the same reads on Sluice and on
# Spring's DatabaseClient (/dc/...) in the same run, each for DURATION seconds with CONNECTIONS
# connections. Prints requests/s, p50, p99 (ms), non-2xx responses, socket errors and the pool's
# acquired connections afterwards (actuator's r2dbc.pool.acquired), as a Markdown table.
#   scripts/load.sh [DURATION=10] [CONNECTIONS=32]
set -eu
cd "$(dirname "$0")/.."
DURATION=${1:-10}
CONNECTIONS=${2:-32}
USERS=100000
DB=sluice_load_$$
PG="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

scripts/wrk.sh
scripts/services.sh >/dev/null || true
./mvnw -q -B -ntp package -DskipTests -DskipITs -pl examples/webflux-service -am
JAR=examples/webflux-service/target/webflux-service.jar

$PG -d postgres -c "CREATE DATABASE $DB"
LOG=$(mktemp)
java -Xmx512m -jar "$JAR" --spring.r2dbc.url="r2dbc:postgresql://postgres@127.0.0.1:5432/$DB" \
  --server.address=127.0.0.1 --server.port=0 --logging.level.root=WARN \
  --logging.level.org.springframework.boot.reactor.netty=INFO >"$LOG" 2>&1 &
APP=$!
cleanup() {
  kill "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  $PG -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" || true
  rm -f "$LOG"
}
trap cleanup EXIT

PORT=
for _ in $(seq 1 120); do
  PORT=$(sed -n 's/.*Netty started on port \([0-9]*\).*/\1/p' "$LOG" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$APP" 2>/dev/null || { cat "$LOG" >&2; echo "load: the service did not start" >&2; exit 1; }
  sleep 1
done
[ -n "$PORT" ] || { cat "$LOG" >&2; echo "load: the service did not start in 120 s" >&2; exit 1; }
BASE=http://127.0.0.1:$PORT

# The migration made the tables at start-up; seed them: USERS users, 3 posts for each of the first 10,000.
$PG -d "$DB" -c "INSERT INTO users (email, name, version, created_at)
  SELECT 'u' || g || '@example.com', 'User ' || g, 1, now() FROM generate_series(1, $USERS) g;
  INSERT INTO posts (author_id, title) SELECT u, 'post ' || p FROM generate_series(1, 10000) u, generate_series(1, 3) p;
  ANALYZE users; ANALYZE posts;"

acquired() {
  curl -s "$BASE/actuator/metrics/r2dbc.pool.acquired" | sed -n 's/.*"value":\([0-9]*\).*/\1/p'
}

# The pool's acquired connections once the connections wrk left open have closed (waits up to 15 s for 0).
settled() {
  local n
  for _ in $(seq 1 30); do
    n=$(acquired)
    [ "$n" = 0 ] && break
    sleep 0.5
  done
  echo "$n"
}

warm() { # path prefix, max random number
  PREFIX=$1 MAX=$2 wrk -t2 -c"$CONNECTIONS" -d5s --timeout 10s -s scripts/load/random-path.lua "$BASE" >/dev/null
}

run() { # label, path prefix, max random number, suffix
  local label=$1 prefix=$2 max=$3 suffix=${4:-}
  local out
  out=$(PREFIX=$prefix MAX=$max SUFFIX=$suffix wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s \
    -s scripts/load/random-path.lua "$BASE" | grep '^RESULT')
  local rps p50 p99 non2xx errors
  rps=$(sed -n 's/.*rps=\([^ ]*\).*/\1/p' <<<"$out"); p50=$(sed -n 's/.*p50=\([^ ]*\).*/\1/p' <<<"$out")
  p99=$(sed -n 's/.*p99=\([^ ]*\).*/\1/p' <<<"$out"); non2xx=$(sed -n 's/.*non2xx=\([^ ]*\).*/\1/p' <<<"$out")
  errors=$(sed -n 's/.*errors=\([^ ]*\).*/\1/p' <<<"$out")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$label" "$rps" "$p50" "$p99" "$non2xx" "$errors" "$(settled)"
}

ROUTES=("GET /users/{id}|/users/|$USERS"
  "GET /users?size=20&after=|/users?size=20&after=|$((USERS - 20))"
  "GET /users/with-posts?size=20|/users/with-posts?size=20&after=|9980")
# Last, and without a warm-up: streams cancelled when wrk stops have left connections acquired
# (on both clients), which would starve the routes measured after them.
STREAMS=("GET /users/stream?limit=1000 (NDJSON)|/users/stream?limit=1000&v=|1000")

echo "load: warming up (5 s per route and client)" >&2
for r in "${ROUTES[@]}"; do
  IFS='|' read -r _ path max <<<"$r"
  warm "$path" "$max"
  warm "/dc$path" "$max"
done

echo
echo "wrk -t2 -c$CONNECTIONS -d${DURATION}s on $BASE, $USERS users; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Two rounds; the order of Sluice and DatabaseClient is swapped in the second."
echo
echo "| route | round | requests/s | p50 ms | p99 ms | non-2xx | socket errors | acquired after |"
echo "|---|---|---|---|---|---|---|---|"
measure() { # routes...
  for round in 1 2; do
    for r in "$@"; do
      IFS='|' read -r label path max <<<"$r"
      if [ $round = 1 ]; then order=("" /dc); else order=(/dc ""); fi
      for impl in "${order[@]}"; do
        name=$([ -z "$impl" ] && echo Sluice || echo DatabaseClient)
        run "$name: $label | $round" "$impl$path" "$max"
      done
    done
  done
}
measure "${ROUTES[@]}"
measure "${STREAMS[@]}"
echo
echo "load: acquired connections at the end: $(settled) (load average $(cut -d' ' -f1-3 /proc/loadavg))"
