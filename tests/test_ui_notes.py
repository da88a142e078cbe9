"""The Case notes page under AppTest: uploads of every type, a bad file among good ones,
the choice of column, the results and the CSV. Uploads are read in memory only."""

from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pytest
from conftest import docx_bytes

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = ROOT / "ui" / "app.py"
CSV = (b"note_id,body,team\n"
       b'n1,"Mum presents as hostile. DV is ongoing and it is felt the children are at risk.",N\n'
       b'n2,"Nan visited on Tuesday. The children had eaten and were playing.",S\n'
       b'n3,"<script>alert(1)</script> Concerns were raised by school.",S\n')


def table(at: AppTest, caption: str) -> list[dict[str, str]]:
    """A results table on the page, read back from its HTML as {column: text} rows."""
    from html import unescape

    found = [h.value for h in at.html if f"<caption>{caption}</caption>" in h.value]
    assert len(found) == 1, caption
    head = re.findall(r'<th scope="col">(.*?)</th>', found[0])
    body = found[0].split("<tbody>", 1)[1]
    return [dict(zip(head, (unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row)),
                     strict=True))
            for row in re.findall(r"<tr>(.*?)</tr>", body)]


@pytest.fixture()
def at() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    app.switch_page("views/notes.py").run()
    assert not app.exception
    return app


def test_no_files_yet(at: AppTest) -> None:
    assert any("Choose one or more files" in i.value for i in at.info)
    assert at.file_uploader[0].accept_multiple_files
    assert sorted(at.file_uploader[0].allowed_type) == [".csv", ".docx", ".jsonl", ".txt"]


def test_mixed_upload_reports_the_bad_files_by_name_and_checks_the_rest(at: AppTest) -> None:
    at.file_uploader[0].set_value([
        ("notes.csv", CSV, "text/csv"),
        ("broken.docx", b"this is not a zip file", "application/octet-stream"),
        ("visit.docx", docx_bytes("The children were seen at school. CSC have safeguarding "
                            "concerns."), "application/octet-stream"),
        ("latin1.txt", "Caf\xe9 visit notes.".encode("latin-1"), "text/plain"),
        ("plain.txt", b"Dad shouted at the children. They hid upstairs.", "text/plain"),
        ("lines.jsonl", b'{"note_id": "j1", "body": "Dad shouted at the kids."}\nnot json\n',
         "application/json"),
    ]).run()
    assert not at.exception
    # the text column is chosen from the headers (no column is called "text" here)
    text_col = at.selectbox(key="notes_text_col")
    assert text_col.options == ["note_id", "body", "team"]
    text_col.set_value("body")
    at.selectbox(key="notes_id_col").set_value("note_id")
    at.run()
    assert not at.exception
    errors = table(at, "Could not be checked (the other notes were)")
    assert [e["Where"] for e in errors] == ["broken.docx", "latin1.txt", "lines.jsonl:2"]
    assert "not a readable Word file" in errors[0]["Why"]
    assert "not UTF-8" in errors[1]["Why"]
    results = table(at, "Each note")
    assert [r["Note"] for r in results] == ["n1", "n2", "n3", "visit", "plain", "j1"]
    assert int(results[0]["Acronyms"]) >= 1 and int(results[0]["Jargon"]) >= 1
    # the uploaded markup is text in the table
    assert all("<script" not in h.value for h in at.html)
    assert "6** notes checked from **6** files; **3** could not" in at.markdown[0].value
    charts = [h.value for h in at.html if 'class="chart"' in h.value]
    assert charts and 'aria-label="Reading grade (Flesch-Kincaid) of each note"' in charts[0]
    assert "Wording findings by category" in charts[0]
    worst = table(at, "Longest sentences")
    assert list(worst[0]) == ["Note", "Words", "Sentence"] and len(worst) == 6
    terms = table(at, "Most frequent jargon and labels")
    assert "DV" in {t["Words"] for t in terms}
    assert [b.label for b in at.download_button] == ["Download the results (CSV)"]


def test_a_file_without_the_chosen_column_is_reported_by_name(at: AppTest) -> None:
    at.file_uploader[0].set_value([
        ("notes.csv", CSV, "text/csv"),
        ("other.jsonl", b'{"text": "Nan visited."}\n', "application/json")]).run()
    assert at.selectbox(key="notes_text_col").options == ["note_id", "body", "team", "text"]
    at.selectbox(key="notes_text_col").set_value("body").run()
    assert not at.exception
    errors = table(at, "Could not be checked (the other notes were)")
    assert [e["Where"] for e in errors] == ["other.jsonl:1"] and "'body'" in errors[0]["Why"]
    assert len(table(at, "Each note")) == 3


def test_nothing_readable(at: AppTest) -> None:
    at.file_uploader[0].set_value([("bad.docx", b"nope", "application/octet-stream")]).run()
    assert any("None of the notes" in w.value for w in at.warning)
    assert [e["Where"] for e in table(at, "Could not be checked (the other notes were)")] \
        == ["bad.docx"]


def test_csv_download_holds_figures_only_unless_asked() -> None:
    from ui.views.notes import csv_bytes

    rows = [{"id": "n1", "source": "a.csv:2", "words": 5, "hardest_sentence": "Mum hit.",
             "terms": ["DV", "hostile"]}]
    plain = list(csv.DictReader(io.StringIO(csv_bytes(rows, False).decode())))
    assert plain[0]["id"] == "n1" and "hardest_sentence" not in plain[0]
    quoted = list(csv.DictReader(io.StringIO(csv_bytes(rows, True).decode())))
    assert quoted[0]["hardest_sentence"] == "Mum hit." and quoted[0]["terms"] == "DV;hostile"


def test_uploads_are_read_without_touching_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins
    import tempfile

    from drafting.readers import Columns, Note, NoteError, read_upload

    def no_disk(*args, **kwargs):
        raise AssertionError("an upload touched the disk")

    monkeypatch.setattr(builtins, "open", no_disk)
    monkeypatch.setattr(Path, "open", no_disk)
    monkeypatch.setattr(Path, "read_bytes", no_disk)
    monkeypatch.setattr(tempfile, "mkstemp", no_disk)
    monkeypatch.setattr(tempfile, "NamedTemporaryFile", no_disk)
    got = []
    for name, data in [("a.csv", CSV), ("b.docx", docx_bytes("Visit went well.")),
                       ("c.jsonl", b'{"body": "x"}\n'), ("d.txt", b"Hello."),
                       ("e.pdf", b"%PDF")]:
        got.extend(read_upload(name, data, Columns(text="body", id="note_id")))
    notes = [g for g in got if isinstance(g, Note)]
    errors = [g for g in got if isinstance(g, NoteError)]
    assert [n.id for n in notes] == ["n1", "n2", "n3", "b", "c:1", "d"]
    assert [n.source for n in notes][:2] == ["a.csv:2", "a.csv:3"]
    assert [e.source for e in errors] == ["e.pdf"] and "unsupported" in errors[0].reason
