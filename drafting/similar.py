"""“Well-written examples like yours”: the nearest good corpus statements of the same kind.

Why from the corpus: every statement there is invented and labelled, and the ones that meet
every criterion of their kind are worked examples a practitioner can borrow a shape from.
Their embeddings ship in the trained artefact, so only the draft is encoded here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from drafting.kinds import KINDS


def similar(text: str, kind: str, k: int = 3, *, path: str | Path | None = None,
            embedding: Any = None) -> list[dict[str, Any]]:
    """Up to ``k`` good statements of ``kind`` nearest in meaning to ``text``, best first:
    ``[{"id", "text", "score"}]`` with cosine similarity as the score. The draft itself, if it
    is one of the examples, is left out."""
    import numpy as np

    from drafting.learned import load_scorer

    if kind not in KINDS:
        raise ValueError(f"Unknown kind {kind!r}: choose one of {', '.join(KINDS)}.")
    if k < 1 or not text.strip():
        return []
    rows, vectors = load_scorer(path).neighbours.get(kind, ([], np.zeros((0, 0))))
    if not rows:
        return []
    if embedding is None:
        from drafting.models.encoder import encode

        embedding = encode([text])[0]
    scores = vectors @ np.asarray(embedding, dtype=np.float32)
    same = " ".join(text.split())
    out: list[dict[str, Any]] = []
    for i in np.argsort(-scores, kind="stable"):
        if " ".join(rows[i]["text"].split()) == same:
            continue
        out.append({"id": rows[i]["id"], "text": rows[i]["text"],
                    "score": round(float(scores[i]), 4)})
        if len(out) == k:
            break
    return out
