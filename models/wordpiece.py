"""A statement as a bag of word pieces: the mean of the sentence encoder's input embeddings.

Why: the light scorer needs some sense of what words mean, and the transformer pass that
gives the full sentence embedding costs about as much as the parse itself. The encoder's own
input table (one 384-number vector per word piece, in the weights already installed) costs
a tokeniser pass and a lookup: about 0.05 ms a statement. Cross-validation on the tuning
split chose it for the light scorer (see ``drafting.train``).

Nothing is downloaded or written: the table is read from the installed model folder, once
per process.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DIM = 384
TABLE = "embeddings.word_embeddings.weight"

_lock = threading.Lock()
_loaded: tuple[Any, Any] | None = None


def _load() -> tuple[Any, Any]:
    """The tokeniser (no padding, no truncation) and the input embedding table."""
    global _loaded
    if _loaded is None:
        with _lock:
            if _loaded is None:
                from safetensors import safe_open
                from tokenizers import Tokenizer

                from drafting.models.encoder import model_path

                path = model_path()
                tok = Tokenizer.from_file(str(path / "tokenizer.json"))
                tok.no_truncation()
                tok.no_padding()
                with safe_open(str(path / "model.safetensors"), "np") as fh:
                    table = fh.get_tensor(TABLE)
                _loaded = (tok, table)
    return _loaded


def vectors(texts: Sequence[str]) -> np.ndarray:
    """Unit-length mean word-piece vectors, shape (len(texts), 384), float32, in input order;
    a text with no word pieces gets zeros."""
    import numpy as np

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    if not len(texts):
        return out
    tok, table = _load()
    for i, enc in enumerate(tok.encode_batch(list(texts), add_special_tokens=False)):
        if enc.ids:
            v = table[enc.ids].mean(0)
            out[i] = v / max(float(np.linalg.norm(v)), 1e-12)
    return out
