#!/usr/bin/env bash
# The quick start: builds what it needs and runs the tour on an embedded SQLite file.
# Pass an R2DBC URL to run it elsewhere, e.g. scripts/quickstart.sh r2dbc:postgresql://postgres@127.0.0.1/test
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp install -DskipTests -DskipITs -pl examples -am
exec ./mvnw -q -B -ntp -pl examples exec:java ${1:+-Dexec.args="$1"}
