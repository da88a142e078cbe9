"""Case notes in bulk: readers, rows, errors that do not stop the run, resume, workers."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from drafting.cli import main
from drafting.notes import FIELDS, Writer, check_notes
from drafting.readers import Columns, Note, NoteError, docx_text, month_of, read_notes

JARGON_NOTE = "Mum presents as hostile. DV is ongoing. It is felt that the children are at risk."
PLAIN_NOTE = "Nan visited on Tuesday. The children had eaten and were playing in the garden."


def make_docx(path: Path, paragraphs: list[str]) -> None:
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    path.write_bytes(buf.getvalue())


@pytest.fixture()
def export(tmp_path: Path) -> Path:
    d = tmp_path / "export"
    d.mkdir()
    (d / "a.txt").write_text(JARGON_NOTE, encoding="utf-8")
    (d / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (d / "empty.txt").write_text("   ", encoding="utf-8")
    make_docx(d / "visit.docx", ["Home visit.", PLAIN_NOTE])
    (d / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (d / "notes.csv").write_text(
        "id,text,date,team\n"
        f'c1,"{PLAIN_NOTE}",2024-03-02,North\n'
        f'c2,"{JARGON_NOTE}",2024-04-10,South\n'
        "c3\n",
        encoding="utf-8")
    (d / "notes.jsonl").write_text(
        json.dumps({"id": "j1", "text": "Dad shouted at the school gate."}) + "\n"
        "not json\n" + json.dumps({"id": "j3"}) + "\n", encoding="utf-8")
    return d


def test_docx_text_reads_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "n.docx"
    make_docx(path, ["First paragraph.", "", "Second one."])
    assert docx_text(path.read_bytes()) == "First paragraph.\nSecond one."


def test_readers_yield_notes_and_named_errors(export: Path) -> None:
    items = list(read_notes([str(export)], Columns(id="id", date="date", group="team")))
    notes = [i for i in items if isinstance(i, Note)]
    errors = [i for i in items if isinstance(i, NoteError)]
    assert {n.id for n in notes} == {"a", "empty", "visit", "c1", "c2", "j1"}
    c1 = next(n for n in notes if n.id == "c1")
    assert (c1.date, c1.group, c1.source.endswith("notes.csv:2")) == ("2024-03-02", "North", True)
    reasons = {Path(e.source.split(":")[0]).name: e.reason for e in errors}
    assert reasons["latin1.txt"].startswith("not UTF-8")
    assert reasons["broken.docx"].startswith("not a readable Word file")
    assert any(e.source.endswith("notes.csv:4") for e in errors)
    assert any(e.source.endswith("notes.jsonl:2") and "not JSON" in e.reason for e in errors)
    assert any(e.source.endswith("notes.jsonl:3") for e in errors)


def test_missing_csv_column_is_one_error_for_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("id,body\n1,hello\n", encoding="utf-8")
    items = list(read_notes([str(path)], Columns(text="text")))
    assert len(items) == 1 and isinstance(items[0], NoteError)
    assert "'text'" in items[0].reason and "body" in items[0].reason


def test_missing_path_is_reported(tmp_path: Path) -> None:
    items = list(read_notes([str(tmp_path / "nope")]))
    assert isinstance(items[0], NoteError) and "no such file" in items[0].reason


def test_month_of() -> None:
    assert month_of("2024-03-17") == "2024-03"
    assert month_of("17/03/2024") == ""


def _run(export: Path, out: Path, **kw) -> object:
    writer = Writer(out, resume=kw.pop("resume", False), include_text=kw.get("include_text",
                                                                         False))
    try:
        return check_notes(read_notes([str(export)], Columns(id="id", date="date",
                                                              group="team")), writer, **kw)
    finally:
        writer.close()


def test_rows_errors_and_summary(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    summary = _run(export, out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["a", "c1", "c2", "j1", "visit"]  # files in name order
    assert list(rows[0]) == FIELDS  # ids and figures only: no note text by default
    a = rows[0]
    assert int(a["n_acronym"]) >= 1 and int(a["n_agentless"]) >= 1
    c1 = next(r for r in rows if r["id"] == "c1")
    assert (c1["month"], c1["group"]) == ("2024-03", "North")
    assert int(c1["n_jargon"]) == 0
    errors = [json.loads(line) for line in (tmp_path / "out.csv.errors.jsonl").open()]
    assert len(errors) == summary.failed == 6
    assert summary.checked == 5
    assert "notes most in need of attention" in summary.text()
    worst = summary.worst[0][1]
    assert worst in ("a", "c2")


def test_include_text_adds_quotes(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    _run(export, out, include_text=True)
    rows = [json.loads(line) for line in out.open(encoding="utf-8")]
    a = next(r for r in rows if r["id"] == "a")
    assert "DV" in a["terms"] and a["hardest_sentence"]


def test_resume_does_not_redo_finished_notes(export: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = _run(export, out)
    lines = out.read_text(encoding="utf-8").splitlines()
    # an interrupted run: drop the last two rows and cut the next one short
    out.write_text("\n".join(lines[:2]) + "\n" + lines[2][:10], encoding="utf-8")
    second = _run(export, out, resume=True)
    assert second.skipped == 2 and second.checked == first.checked - 2
    ids = []
    for line in out.read_text(encoding="utf-8").splitlines():
        try:
            ids.append(json.loads(line)["id"])
        except json.JSONDecodeError:
            continue
    assert sorted(ids) == ["a", "c1", "c2", "j1", "visit"]  # each once, none lost
    # the notes that failed the first time fail again, and are recorded once, not twice
    errors = (tmp_path / "out.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert second.failed == first.failed and len(errors) == len(set(errors)) == first.failed


def test_two_workers_give_the_same_rows(export: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    _run(export, one)
    _run(export, two, workers=2)
    def read(p: Path) -> list[tuple]:
        rows = [json.loads(x) for x in p.read_text().splitlines()]
        return sorted((r["id"], r["words"], r["n_jargon"], r["flesch_kincaid_grade"])
                      for r in rows)

    assert read(one) == read(two)


def test_cli_notes(export: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "r.csv"
    code = main(["notes", str(export), "--out", str(out), "--id-column", "id"])
    text = capsys.readouterr().out
    assert code == 1  # some notes could not be read; the others were checked
    assert "5 notes checked, 6 could not be read" in text
    assert out.exists()
    assert main(["notes", str(export), "--out", str(tmp_path / "r.txt")]) == 2


def test_anonymise_replaces_names_in_quotes(tmp_path: Path) -> None:
    d = tmp_path / "n"
    d.mkdir()
    (d / "x.txt").write_text("Yesterday Kayleigh Morrison told the worker that Darren Price "
                             "had shouted at her in the kitchen for an hour.", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    writer = Writer(out, resume=False, include_text=True)
    check_notes(read_notes([str(d)]), writer, include_text=True, anonymise=True)
    writer.close()
    row = json.loads(out.read_text().splitlines()[0])
    assert "Darren" not in row["hardest_sentence"] and "[name]" in row["hardest_sentence"]


def test_html_report_is_self_contained_and_quotes_no_text(export: Path, tmp_path: Path,
                                                          capsys) -> None:
    (export / "xss.txt").write_text("<script>alert(1)</script> Dad hit Mum.", encoding="utf-8")
    report = tmp_path / "report.html"
    code = main(["notes", str(export), "--out", str(tmp_path / "r.csv"), "--id-column", "id",
                 "--date-column", "date", "--group-column", "team", "--report", str(report)])
    assert code == 1
    html = report.read_text(encoding="utf-8")
    assert html.count("<svg") >= 4  # grade, categories, month, group
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in html and "<script" not in html
    assert "Dad hit Mum" not in html and PLAIN_NOTE not in html
    assert main(["notes", str(export), "--out", str(tmp_path / "r2.csv"),
                 "--report", str(tmp_path / "r.pdf")]) == 2


def test_local_dask_cluster_gives_the_same_rows(export: Path, tmp_path: Path) -> None:
    from drafting.notes_cluster import check_notes_dask, connect

    single, dask = tmp_path / "single.jsonl", tmp_path / "dask.jsonl"
    _run(export, single)
    writer = Writer(dask, resume=False, include_text=False)
    with connect(None, 2) as client:
        summary = check_notes_dask(read_notes([str(export)], Columns(id="id", date="date",
                                                                      group="team")),
                                   writer, client, chunk_size=2)
    writer.close()
    assert summary.checked == 5 and summary.failed == 6
    assert single.read_text().splitlines() == dask.read_text().splitlines()
