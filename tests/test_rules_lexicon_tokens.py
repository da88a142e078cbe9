"""The lexicon's tokenizing shortcut gives exactly what spaCy's tokenizer gives."""

from __future__ import annotations

import pytest

from drafting.models.nlp import load_pipeline
from drafting.readability import _Pronunciations, cmudict_path
from drafting.rules.lexicon import term_tokens
from drafting.rules.loader import load_rules


def _tokens(tokenizer, text: str) -> list[str]:
    return [t.text for t in tokenizer(text)]


def _built_in_terms() -> list[str]:
    terms: list[str] = []
    for spec in load_rules().specs:
        terms.extend(t for t in spec.params.get("terms") or () if isinstance(t, str))
    return terms


def test_every_built_in_term_tokenizes_as_spacy_does():
    tokenizer = load_pipeline().tokenizer
    terms = _built_in_terms()
    assert len(terms) > 1000
    for term in terms:
        assert term_tokens(tokenizer, term) == _tokens(tokenizer, term), term


def test_dictionary_words_and_special_cases_tokenize_as_spacy_does():
    tokenizer = load_pipeline().tokenizer
    words = sorted(_Pronunciations(cmudict_path().read_text(encoding="utf-8"))._build())
    words = [w for w in words[::25] if w.isalpha() and w.isascii()]
    cases = [w for w in tokenizer.rules if w.isalpha() and w.isascii()]
    assert len(words) > 3000 and "cannot" in cases
    for word in words + cases + [w.upper() for w in words[::7]] + [w.title() for w in cases]:
        assert term_tokens(tokenizer, word) == _tokens(tokenizer, word), word
    for phrase in ("cannot be ruled out", "fail to engage", "Gonna leave", "lets go"):
        assert term_tokens(tokenizer, phrase) == _tokens(tokenizer, phrase), phrase


@pytest.mark.parametrize("term", ["A&E", "e.g.", "child's", "non-engagement", "x  y", " a"])
def test_anything_else_goes_through_the_tokenizer(term):
    tokenizer = load_pipeline().tokenizer
    assert term_tokens(tokenizer, term) == _tokens(tokenizer, term)
