"""Property tests: whatever the text, every offset in a report slices the original text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from drafting import KINDS, InputError, check, check_many
from drafting.engine import Item, ItemError, _dedupe
from drafting.report import Finding, Report

WORDS = [
    "Dad", "Mum", "Nan", "Amy", "(4)", "hits", "shouts", "worried", "concerns", "DV", "CSC",
    "could", "will", "be", "hurt", "if", "nothing", "changes", "every", "week", "for",
    "3 months", "was", "left", "alone", "the", "school", "is", "not", "safe", "Mr.", "e.g.",
    "don't", "Amy's", "12/03/2024", "at 9pm", "substance misuse", "engage", "presents as",
]
PUNCT = list(".,;:!?…'\"’“”()[]-–—/&%") + ["...", " - ", "\n", "\n\n", "\t", "  "]
EMOJI = ["😡", "👧🏽", "👨‍👩‍👧", "🎉", "❤️", "🇬🇧", "\u2764\ufe0f"]
CONTROL = ["\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u200b", "\u200e", "\u202e", "\ufeff",
           "\r", "\r\n", "\u2028", "\x85"]
OTHER = ["папа бьёт", "مرحبا بكم", "父亲", "Αθήνα", "שלום", "नमस्ते", "ğüş", "ﬁne", "e\u0301",
         "<script>alert(1)</script>", "<b>", "[link](http://x.y)", "**bold**", "`code`"]

piece = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(PUNCT), st.sampled_from(EMOJI),
    st.sampled_from(CONTROL), st.sampled_from(OTHER), st.sampled_from([" "] * 3),
    st.text(max_size=3),
)
mixed = st.lists(piece, max_size=60).map(lambda parts: "".join(parts)[:400])
any_text = st.one_of(st.text(max_size=400), mixed)

# derandomize: the same examples every run, so a red run is reproducible and CI is not
# flaky. Exploring further (``--hypothesis-seed``, or derandomize=False locally) found the
# inverted passive span below.
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def _check_or_binary(s: str, kind: str, spans_ok) -> None:
    try:
        report = check(s, kind=kind)
    except InputError as exc:
        assert exc.code == "binary", (exc.code, s)
        assert "\x00" in s or sum(ch < " " or "\x7f" <= ch <= "\x9f" for ch in s) > 0
        return
    assert report.kind == kind
    spans_ok(report, s)


@pytest.mark.parametrize("kind", list(KINDS))
@SETTINGS
@given(s=any_text)
def test_offsets_slice_the_text(kind, s, spans_ok):
    assume(s.strip())
    _check_or_binary(s, kind, spans_ok)


@SETTINGS
@given(s=mixed)
def test_auto_kind_offsets(s, spans_ok):
    assume(s.strip())
    try:
        report = check(s, kind="auto")
    except InputError as exc:
        assert exc.code == "binary"
        return
    assert report.kind in KINDS and report.kind_requested == "auto"
    spans_ok(report, s)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(st.tuples(st.sampled_from(list(KINDS)), any_text), min_size=1,
                      max_size=8))
def test_check_many_offsets_and_order(batch, spans_ok):
    items = [Item(f"id-{i}", kind, s) for i, (kind, s) in enumerate(batch)]
    out = list(check_many(items))
    assert [o.id for o in out] == [it.id for it in items]
    for item, o in zip(items, out, strict=True):
        if isinstance(o, ItemError):
            assert o.error.code in ("empty", "binary"), o.error.code
            assert o.error.code != "empty" or not item.text.strip()
        else:
            assert isinstance(o, Report) and o.kind == item.kind
            spans_ok(o, item.text)


@pytest.mark.parametrize("text", ["Left alone Amy was, again.", "1\x7f❤️behts"])
def test_passive_span_is_never_inverted(text, spans_ok):
    spans_ok(check(text, kind="danger"), text)


def _dedupe_reference(findings):
    """The original quadratic rule: drop a finding inside a kept one of the same category."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    kept = []
    for f in ordered:
        if any(k.category == f.category and k.start <= f.start and f.end <= k.end
               and k.category != "readability" for k in kept):
            continue
        kept.append(f)
    return tuple(kept)


@st.composite
def findings(draw):
    out = []
    for i in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, 20))
        end = start + draw(st.integers(0, 6))
        cat = draw(st.sampled_from(["acronym", "jargon", "readability", "input"]))
        out.append(Finding(f"r{i}", cat, "warning", start, end, "x", "m"))
    return out


@settings(max_examples=300, deadline=None, derandomize=True)
@given(fs=findings())
def test_dedupe_matches_the_reference(fs):
    assert _dedupe(fs) == _dedupe_reference(fs)
