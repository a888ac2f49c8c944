#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through Playwright; never download a browser.
# Idempotent and quiet: does nothing when /usr/bin/chromium is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
