#!/usr/bin/env bash
# One command: set everything up and start the editor (Draft, Train and Case notes pages) at
# http://127.0.0.1:8501: local only, no usage statistics, nothing written to disk.
#   bash scripts/run.sh                  the editor (PORT=8600 bash scripts/run.sh for another port)
#   bash scripts/run.sh --demo           the checker's demo on a sample statement
#   bash scripts/run.sh "your statement" check one statement in the terminal
#   bash scripts/run.sh check|notes|eval|rules|train|similar ...   any drafting command
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
case "${1:-}" in
    "") ;;
    --demo) exec .venv/bin/drafting demo ;;
    check|notes|eval|rules|train|similar|demo|-h|--help) exec .venv/bin/drafting "$@" ;;
    *) exec .venv/bin/drafting check "$@" ;;
esac
# Run from the repository root so Streamlit reads .streamlit/config.toml; the privacy
# settings are passed again on the command line in case that file is missing.
exec .venv/bin/streamlit run ui/app.py \
    --server.address 127.0.0.1 --server.port "${PORT:-8501}" --server.headless true \
    --browser.gatherUsageStats false --server.fileWatcherType none
