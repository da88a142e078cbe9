"""The fresh evaluation batches are well-formed and kept apart from the training corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.kinds import KINDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXAMPLES = CORPUS / "examples"


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("name, split, n", [("fresh", "fresh", 240), ("fresh2", "fresh2", 360)])
def test_fresh_batch_is_well_formed_and_separate(name, split, n):
    fresh = _rows(EXAMPLES / f"{name}_heldout.jsonl")
    assert len(fresh) == n
    ids = [r["id"] for r in fresh]
    assert len(set(ids)) == len(ids)
    for r in fresh:
        assert r["split"] == split
        assert set(r["labels"]) == set(KINDS[r["kind"]])
        assert all(v in (True, False, None) for v in r["labels"].values())
    others = _rows(EXAMPLES / "statements.jsonl")
    if name == "fresh2":
        others += _rows(EXAMPLES / "fresh_heldout.jsonl")
    assert not set(ids) & {r["id"] for r in others}
    assert not {r["text"] for r in fresh} & {r["text"] for r in others}
    # the second annotator labelled every statement of the batch, with the same keys
    second = {r["id"]: r for r in _rows(CORPUS / "agreement" / f"{name}_second_annotator.jsonl")}
    assert set(second) == set(ids)
    assert all(set(second[r["id"]]["labels"]) == set(r["labels"]) for r in fresh)
