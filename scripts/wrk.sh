#!/usr/bin/env bash
# Installs wrk (Debian's package) if it is missing; idempotent. Used by scripts/load.sh.
set -eu
command -v wrk >/dev/null 2>&1 && exit 0
if [ "$(id -u)" != 0 ]; then echo "wrk.sh: wrk is missing and this is not root: apt-get install wrk" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
command -v wrk >/dev/null
