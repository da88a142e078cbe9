#!/usr/bin/env bash
# One command: set everything up and run the full test suite (lint, then pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
