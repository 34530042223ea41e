#!/usr/bin/env bash
# Installs the headless browser the report's browser test drives (test/browser/), when absent:
# Debian's `chromium` package at /usr/bin/chromium. Called by .ci/run before `npm test`.
# Set CHROMIUM_PATH to use a browser installed elsewhere (the test reads it too).
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "chromium: found $browser"
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends chromium
if [ ! -x "$browser" ]; then
  echo "chromium: still missing at $browser after apt-get install" >&2
  exit 1
fi
echo "chromium: installed $browser"
