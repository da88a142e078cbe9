"""The sentence encoder: pinned weights, offline load, unit-length 384-d embeddings."""

from __future__ import annotations

import json
import textwrap

import numpy as np
import pytest
from test_offline import _run

from drafting.models import encoder


@pytest.fixture(scope="module")
def embed():
    """The encoder loads once per process (it is cached), so this costs one load per run."""
    return encoder.encode


def test_weights_are_the_pinned_file():
    assert encoder.weights_sha256() == encoder.WEIGHTS_SHA256


def test_embeddings_shape_norm_and_order(embed):
    texts = ["Nan is worried that Dad hits Amy when he drinks.",
             "Grandma fears that Dad hits Amy after drinking.",
             "Mum will make sure Amy has breakfast before school for the next six months.",
             "x"]
    e = embed(texts)
    assert e.shape == (4, encoder.DIM) and e.dtype == np.float32
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-5)
    sims = e @ e.T
    assert sims[0, 1] > sims[0, 2]  # the paraphrase is nearer than the goal
    # batching by length must not change what each text gets
    one = embed([texts[2]])
    assert np.allclose(one[0], e[2], atol=1e-5)
    assert embed([]).shape == (0, encoder.DIM)


def test_numpy_forward_matches_transformers():
    """The numpy pass is the model: same word pieces and the same pooled vectors as torch."""
    import torch

    texts = ["Nan and the school are worried that Dad shouts at Mum when he has been drinking.",
             "Hi",
             "The social worker will check on Saturdays, for the next six months, that Amy "
             "has had lunch; Grandpa will see it too. " * 4,
             "Aujourd'hui, l'école s'inquiète 🙂 — ДВ"]
    tokenizer, model = encoder.load()
    batch = tokenizer(texts, padding=True, truncation=True, max_length=256, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    want = ((hidden * mask).sum(1) / mask.sum(1)).numpy()
    mine = encoder.minilm()
    got = mine.pooled(texts)
    assert np.abs(got - want).max() < 1e-4
    for text, ids in zip(texts, batch["input_ids"].tolist(), strict=True):
        assert mine.tokenizer.encode(text).ids == [i for i in ids if i != 0]


def test_offline_load_with_sockets_blocked():
    code = textwrap.dedent("""\
        import json, sys
        from drafting.models.nlp import load_pipeline
        load_pipeline()  # spaCy first, as in a real check: its torch guard must not stick
        from drafting.models.encoder import encode
        e = encode(["Nan is worried that Dad hits Amy."])
        print(json.dumps({"shape": list(e.shape), "norm": float((e ** 2).sum()),
                          "torch": "torch" in sys.modules}))
        """)
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["shape"] == [1, 384] and out["norm"] == pytest.approx(1.0, abs=1e-5)
    assert not out["torch"]  # the numpy forward pass: torch is for training only
    assert "network access attempted" not in proc.stderr


def test_word_piece_vectors_shape_norm_order_and_meaning():
    """The light scorer's word-piece feature: unit length, one row per text in input order,
    zeros for a text with no word pieces, and nearer for statements about the same thing."""
    from drafting.models import wordpiece

    texts = ["Nan is worried that Dad hits Amy when he drinks.",
             "Grandma fears that Dad hits Amy after drinking.",
             "Mum will make sure Amy has breakfast before school for the next six months.",
             "   "]
    v = wordpiece.vectors(texts)
    assert v.shape == (4, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v[:3], axis=1), 1.0, atol=1e-5)
    assert not v[3].any()
    assert np.array_equal(wordpiece.vectors(texts[2:3])[0], v[2])  # batch order kept
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1
    assert wordpiece.vectors([]).shape == (0, 384)
