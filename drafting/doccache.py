"""Per-parse memo: work that several rules and criteria repeat on one parse, done once.

A check reads the text and the sentences in half a dozen places, counts the words of each
sentence for readability, the sentence-length rule and the acronym rule, and computes
readability for the report and again for the grade rule. spaCy rebuilds the text, the Span
and the Token objects on each such pass, which made the checks cost more than half a parse
again on top of the parse. The
values live in ``doc.user_data`` under one private key, so they go when the Doc goes; a Doc
is never changed after parsing here, so they never go stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
_KEY = ("drafting", "memo")


def memo(doc: Doc, name: str, make: Callable[[Doc], T]) -> T:
    """``make(doc)``, computed once per Doc and name."""
    store: dict[str, Any] = doc.user_data.setdefault(_KEY, {})
    try:
        return store[name]
    except KeyError:
        value = store[name] = make(doc)
        return value


def text(doc: Doc) -> str:
    """The parsed text (spaCy joins it from the tokens again on every ``doc.text``)."""
    return memo(doc, "text", lambda d: d.text)


def sents(doc: Doc) -> list[Span]:
    """The sentences of the parse, built once."""
    return memo(doc, "sents", lambda d: list(d.sents))


def tokens(doc: Doc) -> list[Token]:
    """The tokens of the parse, built once (``doc[i]`` makes a new Token object each time)."""
    return memo(doc, "tokens", list)
