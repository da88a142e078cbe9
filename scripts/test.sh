#!/usr/bin/env bash
# One command: set everything up and run the full test suite (lint, then pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# Browser tests drive Debian's Chromium through Playwright; Playwright's own browser download
# cannot reach its servers here and is never used.
if ! command -v chromium >/dev/null 2>&1; then
    echo "test: installing Debian's chromium for the browser tests"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
