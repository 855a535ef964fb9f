#!/usr/bin/env bash
# Real services for the tests, from Debian's packages (no downloads from elsewhere):
# chromium for the web app's browser test (driven by playwright-core), redis-server for the distributed strategy.
# Installs whatever is missing; needs root and Debian's package mirror, as on this project's machines.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (the browser and Redis tests need them)." >&2
  exit 1
fi
echo "Installing Debian's ${missing[*]} for the tests..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
