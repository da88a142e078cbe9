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


def test_offline_load_with_sockets_blocked():
    code = textwrap.dedent("""\
        import json, os
        from drafting.models.nlp import load_pipeline
        load_pipeline()  # spaCy first, as in a real check: its torch guard must not stick
        from drafting.models.encoder import encode
        e = encode(["Nan is worried that Dad hits Amy."])
        print(json.dumps({"shape": list(e.shape), "norm": float((e ** 2).sum()),
                          "offline": os.environ.get("HF_HUB_OFFLINE"),
                          "torch": "torch" in sys.modules}))
        """)
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["shape"] == [1, 384] and out["norm"] == pytest.approx(1.0, abs=1e-5)
    assert out["offline"] == "1" and out["torch"]
    assert "network access attempted" not in proc.stderr
