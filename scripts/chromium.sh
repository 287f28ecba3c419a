#!/usr/bin/env bash
# Makes sure Debian's chromium and chromedriver, used by sluice-studio's browser tests, are installed.
# Idempotent: does nothing when /usr/bin/chromedriver is already there. Uses sudo only when not root.
set -eu
if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ]; then
  echo "chromium: already installed"
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "chromium: apt-get not found; install chromium and chromium-driver by hand" >&2
  exit 1
fi
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
as_root apt-get update -qq || true
as_root apt-get install -y -qq --no-install-recommends chromium chromium-driver
echo "chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
