#!/bin/sh
# Chromium for the browser tests (tests/site, marked `browser`), which drive the system's Chromium where there is one.
# Missing, it comes from the system's packages when we are root, otherwise from Playwright's own download.
set -eu

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
else
  "$(dirname "$0")/../.venv/bin/python" -m playwright install chromium
fi
