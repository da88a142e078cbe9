"""The short report the editor downloads (Markdown and PDF), and the editor's HTML pieces:
user text escaped, nothing written to disk."""

from __future__ import annotations

import re
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from drafting import check  # noqa: E402
from drafting.export import markdown_report, md_escape, pair_markdown, pdf_report  # noqa: E402

HOSTILE = ('There are concerns about DV. <script>alert(1)</script> <img src=x onerror=alert(2)>'
           " [link](http://example.com) ![pic](http://example.com/p.png) **bold** # heading\n"
           "Żaneta and Amara’s nan are worried 😀")


def test_markdown_report_escapes_the_statement() -> None:
    report = check(HOSTILE, "danger")
    md = markdown_report(HOSTILE, report, today=date(2026, 1, 2))
    assert md.startswith("# Danger statement: 0 of 4 criteria met\n")
    assert "Checked on 2026-01-02" in md
    assert not re.search(r"(?<!\\)<", md)  # every tag opener is escaped: no HTML
    assert not re.search(r"(?<!\\)\]\(http", md)  # no live link or image
    assert "\\[link\\](http://example.com)" in md and "\\!\\[pic\\]" in md
    assert "\\*\\*bold\\*\\*" in md and "\\# heading" in md
    statement = md.split("## Statement\n\n", 1)[1].split("\n\n", 1)[0]
    assert all(line.startswith(">") for line in statement.splitlines())
    assert "- ✗ Not yet **Says who is worried**:" in md
    assert "## Wording (" in md and "## Readability" in md


def test_md_escape_round_trip_keeps_the_words() -> None:
    text = "Mum's *friend* [Jo] <b>hit</b> #2 | ~ $5 & more_things `x` !"
    escaped = md_escape(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == text


def test_pdf_report_is_built_in_memory_with_unicode(monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    def no_disk(*args, **kwargs):
        raise AssertionError("the PDF touched the disk")

    monkeypatch.setattr(tempfile, "mkstemp", no_disk)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_disk)
    report = check(HOSTILE, "danger")
    pdf = pdf_report(HOSTILE, report, today=date(2026, 1, 2))
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    assert len(pdf) > 1000
    fallback = pdf_report(HOSTILE, report, font_file=None)  # no font on the machine
    assert fallback.startswith(b"%PDF-")


def test_pair_markdown() -> None:
    from drafting.pair import compare

    danger = "Nan is worried that Dad hits Amy, 4, when he has been drinking."
    goal = "Amy will go to school every day, which her teacher will see, for a term."
    md = pair_markdown(compare(danger, goal), danger, goal)
    assert md.startswith("# Safety goal does not yet answer the worry")
    assert "- ✗ Same behaviour:" in md and "> Nan is worried" in md


def test_render_escapes_everything_and_keeps_the_text() -> None:
    from html import unescape

    from ui import render

    report = check(HOSTILE, "danger")
    html = render.highlight(HOSTILE, report.findings)
    assert "<script" not in html and "<img" not in html
    visible = re.sub(r'<span class="tip" role="tooltip">.*?</span>(?=</mark>|</span>)', "",
                     html)
    visible = unescape(re.sub(r"<[^>]+>", "", re.sub(r"<sup[^>]*>.*?</sup>", "", visible)))
    assert visible == HOSTILE
    for piece in (render.findings_list(report.findings), render.checklist(report),
                  render.readability(report.readability, HOSTILE),
                  render.diff(HOSTILE, HOSTILE.replace("DV", "<b>x</b>")),
                  render.rewrite(HOSTILE, [(0, 5)]),
                  render.statement_card("t", HOSTILE, [("plain_language", False)])):
        assert "<script" not in piece and "<img" not in piece and "<b>x" not in piece
    assert render.label_escape("[a](http://x) :red[b] ![i](y)") == \
        "\\[a\\]\\(http\\:\\/\\/x\\) \\:red\\[b\\] \\!\\[i\\]\\(y\\)".replace("\\/", "/")


def test_diff_marks_removed_and_added_words() -> None:
    from ui import render

    out = render.diff("There are concerns about DV.", "Nan is worried about DV.")
    assert '<del><span class="sr">removed: </span>There are concerns </del>' in out
    assert '<ins><span class="sr">added: </span>Nan is worried </ins>about DV.' in out
