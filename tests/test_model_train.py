"""``drafting train`` on a small corpus: it writes a loadable, reproducible artefact that the
model-backed check, ``eval --model on`` and ``similar`` can use."""

from __future__ import annotations

import json

import pytest
from conftest import CORPUS

from drafting import learned, train
from drafting.kinds import KINDS
from drafting.models.scorer import Bundle


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory):
    """30 tuning and 6 held-out statements of each kind, from the project corpus: hard cases,
    so that the rules make mistakes for the scorer to learn from."""
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    picked = []
    for kind in KINDS:
        for split, n in (("tune", 30), ("heldout", 6)):
            picked += [r for r in rows
                       if r["kind"] == kind and r["split"] == split and r["hard"]][:n]
    path = tmp_path_factory.mktemp("corpus") / "tiny.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in picked), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(tiny_corpus, tmp_path_factory):
    """Train twice into two folders with a one-point grid (the full grid is for real runs)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(train, "FEATURE_SETS", (("rules", "tensor"),))  # small: fast Newton steps
    mp.setattr(train, "L2S", (30.0,))
    mp.setattr(train, "REPEATS", 1)
    mp.setattr(train, "MIN_GAIN", -1.0)  # use the model wherever CV allows, to exercise it
    outs = []
    for name in ("a", "b"):
        out = tmp_path_factory.mktemp(name) / "learned.npz"
        outs.append(train.train(tiny_corpus, out, log=lambda _: None))
    mp.undo()
    return outs


def test_writes_a_loadable_artefact(trained, tiny_corpus):
    summary = trained[0]
    bundle = Bundle.load(summary["path"])
    assert set(bundle.criteria) == {f"{k}.{c}" for k, names in KINDS.items() for c in names}
    assert any(cm.model is not None and cm.weight > 0 for cm in bundle.criteria.values())
    meta = bundle.meta
    assert meta["corpus_sha256"] == train.sha256_file(tiny_corpus)
    assert meta["encoder_weights_sha256"] == meta["encoder_weights_sha256"].lower() != ""
    assert meta["seed"] == train.SEED and meta["tune_statements"] == 90
    assert set(meta["cv_overall"]) == {"rules", "rules+model"}
    assert meta["heldout"]["statements"] == 18
    # the default is a tuning-split decision; the held-out figures only report
    assert meta["default_on"] == (meta["cv_overall"]["rules+model"]
                                  > meta["cv_overall"]["rules"])
    assert set(bundle.neighbours) == set(KINDS)
    for rows, vecs in bundle.neighbours.values():
        assert len(rows) == len(vecs) and vecs.shape[1:] == (384,)


def test_training_is_reproducible(trained):
    from pathlib import Path

    a, b = (Path(t["path"]) for t in trained)
    assert a.read_bytes() == b.read_bytes()
    assert a.with_suffix(".json").read_bytes() == b.with_suffix(".json").read_bytes()


def test_held_out_figures_match_eval_with_model(trained, tiny_corpus, monkeypatch):
    from drafting.evaluate import read_labelled

    monkeypatch.setenv("DRAFTING_SCORER", trained[0]["path"])
    rows = read_labelled(tiny_corpus, split="heldout")
    res = train.compare(rows)
    figures = trained[0]["meta"]["heldout"]["overall"]
    assert round(res.overall("rules").accuracy, 4) == figures["rules"]
    assert round(res.overall("model").accuracy, 4) == figures["rules+model"]


def test_model_check_uses_the_artefact(trained, monkeypatch):
    from drafting import check

    monkeypatch.setenv("DRAFTING_SCORER", trained[0]["path"])
    text = "Dad shouts at Mum and throws plates when he has been drinking."
    plain = check(text, kind="danger")
    with_model = learned.check(text, kind="danger", model=True)
    assert [c.name for c in with_model.criteria] == [c.name for c in plain.criteria]
    assert with_model.findings == plain.findings
    for a, b in zip(plain.criteria, with_model.criteria, strict=True):
        assert a == b or "overruled the rules" in b.message
    off = learned.check(text, kind="danger", model=False)
    assert off == plain


def test_train_needs_a_tuning_split(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "1", "kind": "harm", "text": "x", "split": "heldout",
                                "labels": {"plain_language": True}}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="tune"):
        train.train(path, tmp_path / "out.npz", log=lambda _: None)
