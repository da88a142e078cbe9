#!/usr/bin/env bash
# One command: set everything up and start the main job (today: the checker's demo on a
# sample statement; pass a statement to check it instead).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ $# -gt 0 ]; then
    exec .venv/bin/drafting check "$@"
fi
exec .venv/bin/drafting demo
