#!/usr/bin/env bash
# The web app's browser test drives Debian's Chromium through playwright-core (no browser download).
# Installs it when missing; needs root and Debian's package mirror, as on this project's machines.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run 'sudo apt-get install -y chromium' (the web app's browser test needs /usr/bin/chromium)." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser test..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
