"""The fresh evaluation batch is well-formed and kept apart from the training corpus."""

from __future__ import annotations

import json
from pathlib import Path

from drafting.kinds import KINDS

EXAMPLES = Path(__file__).resolve().parents[1] / "corpus" / "examples"


def _rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (EXAMPLES / name).read_text(encoding="utf-8")
            .splitlines() if line.strip()]


def test_fresh_batch_is_well_formed_and_separate():
    fresh = _rows("fresh_heldout.jsonl")
    assert len(fresh) == 240
    ids = [r["id"] for r in fresh]
    assert len(set(ids)) == len(ids)
    for r in fresh:
        assert r["split"] == "fresh"
        assert set(r["labels"]) == set(KINDS[r["kind"]])
        assert all(v in (True, False, None) for v in r["labels"].values())
    corpus = _rows("statements.jsonl")
    assert not set(ids) & {r["id"] for r in corpus}
    assert not {r["text"] for r in fresh} & {r["text"] for r in corpus}
