"""A JSON copy of the built-in rule files, made at set-up, so a cold start skips YAML.

Why: parsing the built-in YAML (about 200 kB of entries with their examples) costs about
0.1 s of every cold start, a twentieth of the one-sentence budget; the same data as JSON
loads in 2 ms. The copy is keyed by the SHA-256 of each YAML file's bytes, so an edited
file no longer matches its copy and is read from the YAML again: the YAML stays the only
source, and a stale or missing copy costs time, never correctness.

The copy is written only by ``python -m drafting.rules.compiled`` (``scripts/setup.sh``
runs it); checking never writes anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent
COMPILED = RULES_DIR / "compiled.jsonl"  # not in git: scripts/setup.sh builds it


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


@lru_cache(maxsize=1)
def _copies() -> dict[str, str]:
    """sha256 of a YAML file -> its data as JSON text (empty when there is no copy)."""
    try:
        lines = COMPILED.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    copies = {}
    for line in lines:
        key, _, data = line.partition(" ")
        if len(key) == 64 and data:
            copies[key] = data
    return copies


def lookup(raw: bytes) -> Any | None:
    """The data of a YAML file with these bytes, from the copy; None when not copied."""
    text = _copies().get(digest(raw))
    if text is None:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError:  # a damaged copy: fall back to the YAML
        return None


def build(target: Path = COMPILED) -> int:
    """Write the JSON copy of every built-in rule file whose data JSON keeps exactly."""
    from drafting.rules.loader import built_in_files, parse_yaml

    lines = []
    for path in built_in_files():
        raw = path.read_bytes()
        data = parse_yaml(raw, path)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if json.loads(text) == data:  # dates or other YAML-only types stay in YAML
            lines.append(f"{digest(raw)} {text}\n")
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".compiled-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.writelines(lines)
    os.replace(tmp, target)
    _copies.cache_clear()
    return len(lines)


if __name__ == "__main__":
    n = build()
    print(f"rules: {n} built-in rule files copied to {COMPILED.name}", file=sys.stderr)
