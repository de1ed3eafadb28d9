#!/usr/bin/env bash
# Installs what the console's browser tests need, from Debian only (no browser download):
# Chromium and its matching chromedriver. Safe to run when they are already there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "chromium and chromedriver present: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver > /dev/null
echo "installed: $(/usr/bin/chromium --version 2>/dev/null | head -1)"
