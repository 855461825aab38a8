#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (never a browser Playwright downloads): installs it when missing.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != 0 ]; then
  echo "chromium is missing: install it (apt-get install chromium)." >&2
  exit 1
fi
echo "== installing chromium"
(apt-get install -y -qq chromium >/dev/null 2>&1) || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
command -v chromium >/dev/null
