"""The fresh evaluation batches are well-formed, and each is kept apart from the training
corpus until it has been measured once.

``fresh``, ``fresh2`` and ``fresh3`` were each measured once (README, "Accuracy"), then added
to the tuning split as training data (``parts/tune_fresh1.jsonl`` to ``tune_fresh3.jsonl``).
``fresh4`` is the batch still unseen by training.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.kinds import KINDS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EXAMPLES = CORPUS / "examples"
BATCHES = [("fresh", 240, True), ("fresh2", 360, True), ("fresh3", 360, True),
           ("fresh4", 359, False)]


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


@pytest.mark.parametrize("name, n, trained_on", BATCHES)
def test_fresh_batch_is_well_formed(name, n, trained_on):
    path = EXAMPLES / f"{name}_heldout.jsonl"
    if not path.exists():
        pytest.skip(f"{path.name} not written yet")
    fresh = _rows(path)
    assert len(fresh) == n
    ids = [r["id"] for r in fresh]
    assert len(set(ids)) == len(ids)
    for r in fresh:
        assert r["split"] == name
        assert set(r["labels"]) == set(KINDS[r["kind"]])
        assert all(v in (True, False, None) for v in r["labels"].values())
    corpus = {r["id"]: r for r in _rows(EXAMPLES / "statements.jsonl")}
    if trained_on:
        # measured once, then training data: same texts and labels, all in the tuning split
        for r in fresh:
            row = corpus[r["id"]]
            assert row["split"] == "tune"
            assert (row["text"], row["labels"]) == (r["text"], r["labels"])
    else:
        earlier = [row for other, _, _ in BATCHES if other != name
                   for row in _rows(EXAMPLES / f"{other}_heldout.jsonl")]
        assert not set(ids) & set(corpus)
        assert not {r["text"] for r in fresh} & (
            {r["text"] for r in corpus.values()} | {r["text"] for r in earlier})
    # a second annotator labelled every statement of the batch, with the same keys
    second_path = CORPUS / "agreement" / f"{name}_second_annotator.jsonl"
    if second_path.exists() or trained_on:
        second = {r["id"]: r for r in _rows(second_path)}
        assert set(second) == set(ids)
        assert all(set(second[r["id"]]["labels"]) == set(r["labels"]) for r in fresh)
