"""Assign each labelled statement to the tuning or held-out split by a stable hash of its id.

Run once when statements are added: ``python corpus/assign_split.py corpus/examples/parts/*.jsonl``
writes ``corpus/examples/statements.jsonl``. The split depends only on the id, so it never
changes when rules change, and nobody chooses which statements are held out.

Files named ``tune_*.jsonl`` hold statements written later as extra tuning data only, after
the held-out set was frozen: they all go to ``tune``, so the held-out set stays the same
452 statements and figures over time compare like with like.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HELD_OUT_PERCENT = 40
OUT = Path(__file__).parent / "examples" / "statements.jsonl"


def split_of(statement_id: str) -> str:
    h = int(hashlib.sha256(statement_id.encode("utf-8")).hexdigest(), 16)
    return "heldout" if h % 100 < HELD_OUT_PERCENT else "tune"


def main(paths: list[str]) -> None:
    rows = []
    for p in paths:
        tune_only = Path(p).name.startswith("tune_")
        for line in Path(p).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row["split"] = "tune" if tune_only else split_of(row["id"])
                rows.append(row)
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        raise SystemExit("duplicate ids")
    with OUT.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_held = sum(r["split"] == "heldout" for r in rows)
    print(f"{len(rows)} statements: {len(rows) - n_held} tune, {n_held} held out -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
