#!/usr/bin/env bash
# The whole test suite: unit tests (surefire) and integration tests on the live databases (failsafe).
set -eu
cd "$(dirname "$0")/.."
if ! scripts/services.sh; then
  if [ "${CI:-}" = "true" ]; then echo "test: a database service is down and CI=true" >&2; exit 1; fi
  echo "test: some services are down; their integration tests will fail" >&2
fi
# sluice-studio's browser tests drive Debian's chromium through chromedriver; under CI=true they fail without them.
if ! scripts/chromium.sh; then
  if [ "${CI:-}" = "true" ]; then echo "test: chromium could not be installed and CI=true" >&2; exit 1; fi
  echo "test: chromium is missing; sluice-studio's browser tests will be skipped" >&2
fi
# The reactor includes sluice-spring-boot-starter-boot41-it, which reruns the starter's tests on Boot 4.1.
exec ./mvnw -B -ntp verify "$@"
