"""Case notes in bulk: readability and wording figures per note, streamed to CSV or JSONL.

Notes go through ``nlp.pipe`` in batches and each row is written as soon as it is ready,
so memory stays flat however large the export. Output rows carry ids and figures only;
quoting sentences is opt-in (``include_text``), because the notes are about real children.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from drafting.readers import Note, NoteError, month_of
from drafting.textinput import InputError, validate

CATEGORIES = ("acronym", "jargon", "vague_label", "blaming_label", "hedged", "agentless",
              "passive")
HARD_SENTENCE_WORDS = 25
NOTE_MAX_CHARS = 200_000
FIELDS = ["id", "source", "date", "month", "group", "words", "sentences",
          "avg_sentence_length", "longest_sentence_length", "hard_sentences", "hard_words",
          "flesch_reading_ease", "flesch_kincaid_grade", "reliable",
          *[f"n_{c}" for c in CATEGORIES], "findings_per_100_words"]


def _name_spans(doc: Any) -> list[tuple[int, int]]:
    """Names to hide: NER's people, and runs of capitalised proper nouns that are not roles,
    agencies or dates (the small model calls some names ORG or GPE)."""
    from drafting.syntax import CALENDAR, PROFESSIONAL, is_adult_word

    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    run: list[Any] = []
    for tok in [*doc, None]:
        ok = tok is not None and tok.pos_ == "PROPN" and tok.text[:1].isupper() \
            and tok.text[1:2].islower() and tok.lower_ not in PROFESSIONAL \
            and tok.lower_ not in CALENDAR and not is_adult_word(tok.lower_) \
            and tok.ent_type_ not in ("DATE", "TIME")
        if ok:
            run.append(tok)
            continue
        if run:
            spans.append((run[0].idx, run[-1].idx + len(run[-1].text)))
            run = []
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _anonymised(doc: Any, start: int, end: int) -> str:
    """The text between start and end with people's names replaced by [name]."""
    text = doc.text
    out, pos = [], start
    for a, b in _name_spans(doc):
        if start <= a and b <= end:
            out.append(text[pos:a])
            out.append("[name]")
            pos = b
    out.append(text[pos:end])
    return "".join(out)


def note_row(note: Note, doc: Any, ruleset: Any, include_text: bool = False,
             anonymise: bool = False) -> dict[str, Any]:
    """The figures for one note (and, if asked, its hardest sentence and its terms)."""
    from drafting.engine import run_rules
    from drafting.readability import analyse

    read = analyse(doc)
    findings = run_rules(doc, ruleset)
    counts = Counter(f.category for f in findings)
    row: dict[str, Any] = {
        "id": note.id,
        "source": note.source,
        "date": note.date,
        "month": month_of(note.date),
        "group": note.group,
        "words": read.words,
        "sentences": read.sentences,
        "avg_sentence_length": read.avg_sentence_length,
        "longest_sentence_length": read.longest_sentence_length,
        "hard_sentences": sum(s.words > HARD_SENTENCE_WORDS for s in read.sentence_stats),
        "hard_words": len(read.hard_words),
        "flesch_reading_ease": read.flesch_reading_ease,
        "flesch_kincaid_grade": read.flesch_kincaid_grade,
        "reliable": read.reliable,
    }
    for c in CATEGORIES:
        row[f"n_{c}"] = counts.get(c, 0)
    wording = sum(counts.get(c, 0) for c in CATEGORIES if c != "passive")
    row["findings_per_100_words"] = round(100 * wording / read.words, 2) if read.words else 0.0
    if include_text:
        longest = max(read.sentence_stats, key=lambda s: s.words, default=None)
        if longest is None:
            row["hardest_sentence"] = ""
        elif anonymise:
            row["hardest_sentence"] = _anonymised(doc, longest.start, longest.end)
        else:
            row["hardest_sentence"] = doc.text[longest.start:longest.end]
        row["hardest_sentence"] = row["hardest_sentence"].strip()
        row["terms"] = sorted({f.text for f in findings if f.category in CATEGORIES[:6]})
    return row


@dataclass
class Summary:
    """What a run did: counts, failures by reason, and the notes most in need of attention."""

    checked: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    reasons: Counter[str] = field(default_factory=Counter)
    categories: Counter[str] = field(default_factory=Counter)
    worst: list[tuple[float, str]] = field(default_factory=list)

    def add(self, row: dict[str, Any]) -> None:
        self.checked += 1
        self.words += row["words"]
        for c in CATEGORIES:
            self.categories[c] += row[f"n_{c}"]
        score = row["findings_per_100_words"] + max(0.0, row["flesch_kincaid_grade"] - 8)
        self.worst.append((score, row["id"]))
        self.worst = sorted(self.worst, reverse=True)[:10]

    def text(self) -> str:
        rate = f"{self.words / self.seconds:,.0f} words/s" if self.seconds else ""
        lines = [f"{self.checked} notes checked, {self.failed} could not be read"
                 + (f", {self.skipped} already done (resumed)" if self.skipped else "")
                 + (f"; {self.words:,} words in {self.seconds:.1f} s ({rate})" if rate else "")]
        for reason, n in self.reasons.most_common():
            lines.append(f"  {n} x {reason}")
        if self.categories:
            lines.append("wording findings: " + ", ".join(
                f"{c.replace('_', ' ')} {n}" for c, n in self.categories.most_common() if n))
        if self.worst:
            lines.append("notes most in need of attention: "
                         + ", ".join(i for _, i in self.worst))
        return "\n".join(lines)


def _reason(error: NoteError) -> str:
    return error.reason.split(" (", 1)[0]


class Writer:
    """Rows to CSV or JSONL, appending when resuming; errors to a JSONL file beside it."""

    def __init__(self, path: Path, resume: bool, include_text: bool) -> None:
        self.path = path
        self.jsonl = path.suffix.lower() == ".jsonl"
        self.done: set[str] = set()
        exists = path.exists() and path.stat().st_size > 0
        if resume and exists:
            self._drop_partial_line()
            self.done = set(self._ids())
        mode = "a" if resume and exists else "w"
        self.fh: IO[str] = path.open(mode, encoding="utf-8", newline="")
        fields = FIELDS + (["hardest_sentence", "terms"] if include_text else [])
        self.csv = None if self.jsonl else csv.DictWriter(self.fh, fieldnames=fields)
        if self.csv is not None and mode == "w":
            self.csv.writeheader()
        err_path = path.with_name(path.name + ".errors.jsonl")
        # a resumed run meets the same bad notes again: record each problem once
        self._logged: set[str] = set()
        if mode == "a" and err_path.exists():
            self._logged = {line.rstrip("\n") for line in
                            err_path.read_text(encoding="utf-8", errors="replace").splitlines()}
        self.errors: IO[str] = err_path.open("a" if mode == "a" else "w", encoding="utf-8")
        self.error_path = err_path

    def _drop_partial_line(self) -> None:
        """An interrupted run can leave half a row at the end: cut it, it will be redone."""
        data = self.path.read_bytes()
        if data and not data.endswith(b"\n"):
            keep = data.rfind(b"\n") + 1
            with self.path.open("r+b") as fh:
                fh.truncate(keep)

    def _ids(self) -> Iterator[str]:
        with self.path.open(encoding="utf-8", newline="") as fh:
            if self.jsonl:
                for line in fh:
                    try:
                        yield str(json.loads(line)["id"])
                    except (json.JSONDecodeError, KeyError, TypeError):
                        continue  # a line cut short by an interruption is redone
            else:
                for row in csv.DictReader(fh):
                    if row.get("id"):
                        yield row["id"]

    def row(self, row: dict[str, Any]) -> None:
        if self.csv is not None:
            self.csv.writerow({k: (";".join(v) if isinstance(v, list) else v)
                               for k, v in row.items()})
        else:
            self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def error(self, error: NoteError) -> None:
        line = json.dumps(error.to_dict(), ensure_ascii=False)
        if line not in self._logged:
            self._logged.add(line)
            self.errors.write(line + "\n")

    def close(self) -> None:
        self.fh.close()
        self.errors.close()


def usable_notes(items: Iterable[Note | NoteError], writer: Writer,
                 summary: Summary) -> Iterator[Note]:
    """The notes to check: read errors, empty or oversized notes go to the errors file and
    the summary, and notes already done in a resumed run are skipped."""
    for item in items:
        if isinstance(item, NoteError):
            writer.error(item)
            summary.failed += 1
            summary.reasons[_reason(item)] += 1
            continue
        if item.id in writer.done:
            summary.skipped += 1
            continue
        try:
            validate(item.text, max_chars=NOTE_MAX_CHARS)
        except InputError as exc:
            err = NoteError(item.source, exc.message, item.id)
            writer.error(err)
            summary.failed += 1
            summary.reasons[_reason(err)] += 1
            continue
        yield item


def check_notes(items: Iterable[Note | NoteError], writer: Writer, *, rules: Iterable[str] = (),
                workers: int = 1, include_text: bool = False, anonymise: bool = False,
                batch_size: int = 128, progress: IO[str] | None = None,
                total_chars: int = 0, aggregates: Any = None) -> Summary:
    """Check every note, writing a row (or an error) for each; returns the run's summary."""
    from drafting.engine import _nlp, _rules

    nlp = _nlp()
    ruleset = _rules(rules)
    summary = Summary()
    started = time.perf_counter()
    done_chars = 0

    def usable() -> Iterator[tuple[str, Note]]:
        for note in usable_notes(items, writer, summary):
            yield note.text, note

    for doc, note in nlp.pipe(usable(), as_tuples=True, batch_size=batch_size,
                              n_process=max(1, workers)):
        row = note_row(note, doc, ruleset, include_text, anonymise)
        writer.row(row)
        summary.add(row)
        done_chars += len(note.text)
        if aggregates is not None:
            aggregates.add(row)
        if progress is not None and summary.checked % 50 == 0:
            elapsed = time.perf_counter() - started
            left = ""
            if total_chars > done_chars > 0:
                secs = elapsed * (total_chars - done_chars) / done_chars
                left = f", about {secs / 60:.0f} min left" if secs > 90 else \
                    f", about {secs:.0f} s left"
            progress.write(f"\r{summary.checked:,} notes, "
                           f"{summary.words / max(elapsed, 1e-9):,.0f} words/s{left}   ")
            progress.flush()
    summary.seconds = time.perf_counter() - started
    if progress is not None:
        progress.write("\r" + " " * 40 + "\r")
    return summary


def default_progress() -> IO[str] | None:
    """A progress line on a terminal; nothing when output is piped or redirected."""
    return sys.stderr if sys.stderr.isatty() else None
