"""The per-parse memo gives what spaCy gives, once: same spans, same words, same report."""

from __future__ import annotations

from drafting import check, doccache
from drafting.readability import analyse, sentence_words
from drafting.syntax import tok_span

TEXT = ("Mum's friend (Tess)  said: “DV is ongoing.”\n\nKai, aged 4, hid under the bed "
        "— he couldn't sleep. A.B.C. and CiC.")


def test_tok_span_matches_spacy_spans(nlp):
    doc = nlp(TEXT)
    for first in range(len(doc)):
        for last in range(first, len(doc)):
            want = doc[first: last + 1]
            got = tok_span(doc, first, last)
            assert (got.start, got.end, got.text) == (want.start_char, want.end_char, want.text)


def test_tok_span_out_of_range_falls_back_to_spacy(nlp):
    doc = nlp(TEXT)
    for first, last in ((3, 1), (-2, -1), (len(doc) - 1, len(doc) + 3)):
        want = doc[first: last + 1]
        got = tok_span(doc, first, last)
        assert (got.start, got.end, got.text) == (want.start_char, want.end_char, want.text)


def test_memo_matches_fresh_reads(nlp):
    doc = nlp(TEXT)
    assert doccache.text(doc) == doc.text
    assert [(s.start, s.end) for s in doccache.sents(doc)] == [(s.start, s.end) for s in doc.sents]
    assert [t.i for t in doccache.tokens(doc)] == list(range(len(doc)))
    for sent in doc.sents:
        assert [t.i for t in sentence_words(sent)] == [
            t.i for t in sent if not (t.is_punct or t.is_space) and any(c.isalnum() for c in t.text)
            and t.lower_ not in ("n't", "n’t") and t.text[:1] not in ("'", "’")]
    assert analyse(doc) is analyse(doc)  # computed once, shared by the report and the rules


def test_memo_is_per_parse(nlp):
    """Two parses of different texts never see each other's values."""
    a, b = nlp("Dad hit Kai."), nlp("Nan will collect Kai from school every day for six months.")
    assert doccache.text(a) != doccache.text(b)
    assert analyse(a).words == 3 and analyse(b).words == 11


def test_report_is_the_same_checked_twice():
    assert check(TEXT, kind="harm").to_dict() == check(TEXT, kind="harm").to_dict()
