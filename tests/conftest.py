"""Shared fixtures: the pipeline loads once per session; span checks used by many tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "examples" / "statements.jsonl"

CLEAR_FAIL = "There are concerns about DV."
CLEAR_PASS = (
    "Nan and the school are worried that Dad hits Amy, who is 4, when he has been drinking. "
    "If nothing changes, Amy could be badly hurt."
)


@pytest.fixture(scope="session", autouse=True)
def nlp():
    """Load the spaCy pipeline and the built-in rules once for the whole session."""
    from drafting.models.nlp import load_pipeline
    from drafting.rules.loader import load_rules

    pipeline = load_pipeline()
    load_rules()
    return pipeline


@pytest.fixture(scope="session")
def corpus_rows() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def assert_report_spans(report, text: str) -> None:
    """Every offset in a report slices ``text`` to the quoted text, within bounds."""
    n = len(text)
    assert report.text_length == n
    for c in report.criteria:
        for e in c.evidence:
            assert 0 <= e.start <= e.end <= n, (c.name, e)
            assert text[e.start:e.end] == e.text, (c.name, e)
    for f in report.findings:
        assert 0 <= f.start <= f.end <= n, f
        assert text[f.start:f.end] == f.text, f
    r = report.readability
    for s in r.sentence_stats:
        assert 0 <= s.start <= s.end <= n, s
    for h in r.hard_words:
        assert 0 <= h.start <= h.end <= n, h
        assert text[h.start:h.end] == h.text, h


@pytest.fixture(scope="session")
def spans_ok():
    return assert_report_spans


def docx_bytes(text: str) -> bytes:
    """A minimal Word file holding ``text`` (for upload and reader tests)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                   f'2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body>'
                   "</w:document>")
    return buf.getvalue()
