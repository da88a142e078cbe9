"""Case notes: upload files, get per-note readability and jargon figures, the distribution
of reading grades, the worst sentences and the commonest jargon; download the table as CSV.

Uploads are read from memory (``drafting.readers.read_upload``) and never written to disk.
A file that cannot be read is reported by name and the other files are still checked.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ui import render, state
from ui.render import label_escape

RESULT = "_notes_result"
TYPES = ["txt", "docx", "csv", "jsonl"]
TABLE_COLUMNS = {
    "id": "Note", "source": "File", "words": "Words", "sentences": "Sentences",
    "avg_sentence_length": "Average sentence (words)",
    "longest_sentence_length": "Longest sentence (words)",
    "hard_sentences": "Sentences over 25 words", "hard_words": "Hard words",
    "flesch_kincaid_grade": "Reading grade", "flesch_reading_ease": "Reading ease",
    "n_acronym": "Acronyms", "n_jargon": "Jargon", "n_vague_label": "Vague labels",
    "n_blaming_label": "Blaming labels", "n_hedged": "Hedges", "n_agentless": "No one named",
    "n_passive": "Passives", "findings_per_100_words": "Findings per 100 words",
}


@dataclass
class Outcome:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[Any] = field(default_factory=list)  # NoteError
    files: int = 0


def _columns_of(name: str, data: bytes) -> list[str]:
    """The header of a CSV, or the keys of a JSONL file's first object (for the choice of
    column); an unreadable file gives none and is reported when it is read."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    if name.lower().endswith(".csv"):
        try:
            return next(csv.reader(io.StringIO(text, newline="")), [])
        except csv.Error:
            return []
    for line in text.splitlines():
        if line.strip():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                return []
            return [k for k, v in obj.items() if isinstance(v, str | int | float)] \
                if isinstance(obj, dict) else []
    return []


def _check(files: list[Any], cols: Any, progress: Any) -> Outcome:
    from drafting.notes import NOTE_MAX_CHARS, note_row
    from drafting.readers import NoteError, read_upload
    from drafting.textinput import InputError, validate

    eng = state.engine()
    out = Outcome(files=len(files))
    notes = []
    for f in files:
        try:
            for item in read_upload(f.name, f.getvalue(), cols):
                if isinstance(item, NoteError):
                    out.errors.append(item)
                    continue
                try:
                    validate(item.text, max_chars=NOTE_MAX_CHARS)
                except InputError as exc:
                    out.errors.append(NoteError(item.source, exc.message, item.id))
                    continue
                notes.append(item)
        except Exception as exc:  # one bad file never stops the others
            out.errors.append(NoteError(f.name, f"could not be read ({type(exc).__name__})"))
    total = max(1, len(notes))
    for n, (doc, note) in enumerate(eng.nlp.pipe(((x.text, x) for x in notes),
                                                 as_tuples=True, batch_size=64), 1):
        try:
            out.rows.append(note_row(note, doc, eng.rules, include_text=True))
        except Exception as exc:
            out.errors.append(NoteError(note.source, f"could not be checked "
                                                     f"({type(exc).__name__})", note.id))
        if n % 10 == 0 or n == total:
            progress.progress(n / total, text=f"Checked {n} of {len(notes)} notes")
    return out


def csv_bytes(rows: list[dict[str, Any]], include_text: bool) -> bytes:
    """The results table as CSV: ids and figures, and the quoted text only if asked."""
    from drafting.notes import FIELDS

    fields = FIELDS + (["hardest_sentence", "terms"] if include_text else [])
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=fields, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (";".join(v) if isinstance(v, list) else v)
                         for k, v in row.items() if k in fields})
    return buf.getvalue().encode("utf-8")


def _charts(rows: list[dict[str, Any]]) -> str:
    from drafting.notes import CATEGORIES
    from drafting.notes_report import GRADE_LABELS, Aggregates

    agg = Aggregates()
    for row in rows:
        agg.add(row)
    return (render.bar_chart("Reading grade (Flesch-Kincaid) of each note", GRADE_LABELS,
                             [float(v) for v in agg.grade_bins], "notes")
            + render.bar_chart("Wording findings by category",
                               [c.replace("_", " ") for c in CATEGORIES],
                               [float(agg.categories[c]) for c in CATEGORIES], "found"))


def _results(out: Outcome) -> None:
    rows = out.rows
    st.subheader("Results", anchor=False)
    st.markdown(f"**{len(rows)}** note{'s' if len(rows) != 1 else ''} checked from "
                f"**{out.files}** file{'s' if out.files != 1 else ''}; "
                f"**{len(out.errors)}** could not be checked.")
    if out.errors:
        st.html(render.table("Could not be checked (the other notes were)", ["Where", "Why"],
                             [(e.source, e.reason) for e in out.errors]))
    if not rows:
        return
    st.html(render.table("Each note", list(TABLE_COLUMNS.values()),
                         [[r[k] for k in TABLE_COLUMNS] for r in rows]))
    st.html(_charts(rows))
    worst = sorted(rows, key=lambda r: -r["longest_sentence_length"])[:10]
    st.subheader("Longest sentences", anchor=False)
    st.html(render.table("Longest sentences", ["Note", "Words", "Sentence"],
                         [(r["id"], r["longest_sentence_length"], r.get("hardest_sentence", ""))
                          for r in worst]))
    terms = Counter(t for r in rows for t in r.get("terms", ()))
    st.subheader("Most frequent jargon and labels", anchor=False)
    if terms:
        st.html(render.table("Most frequent jargon and labels", ["Words", "Notes using them"],
                             terms.most_common(20)))
    else:
        st.caption("No jargon, acronyms or labels found.")
    include = st.checkbox("Include each note's longest sentence and flagged words in the "
                          "download (they quote the notes)", key="notes_include_text")
    st.download_button("Download the results (CSV)", data=csv_bytes(rows, include),
                       file_name="case-notes-results.csv", mime="text/csv", on_click="ignore",
                       key="dl_notes_csv", type="primary", icon=":material/download:")


def main() -> None:
    from drafting.readers import Columns

    st.title("Case notes", anchor=False)
    st.caption("Upload case notes as text, Word (.docx), CSV or JSONL files. They are read "
               "in memory for this session only: never saved, never sent anywhere.")
    state.init()
    files = st.file_uploader("Case notes files", type=TYPES, accept_multiple_files=True,
                             key="notes_files")
    if not files:
        st.info("Choose one or more files. In CSV and JSONL files each row is one note.")
        return
    tabular = [f for f in files if f.name.lower().endswith((".csv", ".jsonl"))]
    columns: list[str] = []
    for f in tabular:
        for c in _columns_of(f.name, f.getvalue()):
            if c not in columns:
                columns.append(c)
    text_col, id_col = "text", None
    if tabular:
        if columns:
            c1, c2 = st.columns(2)
            with c1:
                default = columns.index("text") if "text" in columns else 0
                text_col = st.selectbox("Column with the note text", columns, index=default,
                                        key="notes_text_col")
            with c2:
                choice = st.selectbox("Column with the note id (optional)",
                                      ["(row number)", *columns], key="notes_id_col",
                                      index=(columns.index("id") + 1) if "id" in columns
                                      else 0)
                id_col = None if choice == "(row number)" else choice
        else:
            st.caption("No column names could be read from the CSV or JSONL files; the "
                       "text is looked for in a column called “text”.")
    cols = Columns(text=text_col, id=id_col)
    key = (tuple((f.file_id, f.name, f.size) for f in files), cols)
    held = st.session_state.get(RESULT)
    if held is None or held[0] != key:
        progress = st.progress(0.0, text="Reading the files…")
        outcome = _check(list(files), cols, progress)
        progress.empty()
        st.session_state[RESULT] = (key, outcome)
    else:
        outcome = held[1]
    if outcome.errors and not outcome.rows:
        st.warning(label_escape("None of the notes could be checked: see the reasons below."))
    _results(outcome)


with state.guard("the Case notes page"):
    main()
