"""Reading case notes from folders of .txt and .docx files, and from CSV and JSONL exports.

Readers stream: they yield one note (or one error) at a time, so a large export is never
held in memory. A note that cannot be read becomes a :class:`NoteError` naming the file or
row and the reason, and reading goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".docx", ".csv", ".jsonl")
_W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    source: str
    date: str = ""
    group: str = ""


@dataclass(frozen=True)
class NoteError:
    source: str
    reason: str
    id: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {"source": self.source, "reason": self.reason}
        if self.id:
            out["id"] = self.id
        return out


@dataclass(frozen=True)
class Columns:
    """Which columns of a CSV or keys of a JSONL line hold what."""

    text: str = "text"
    id: str | None = None
    date: str | None = None
    group: str | None = None


def _decode(data: bytes, where: str) -> str | NoteError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return NoteError(where, f"not UTF-8 text (byte 0x{data[exc.start]:02x} at position "
                                f"{exc.start}); save it as UTF-8")


def docx_text(data: bytes) -> str:
    """The paragraphs of a .docx file, one per line (no library needed: it is zipped XML)."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        xml = zf.read("word/document.xml")
    root = ElementTree.fromstring(xml)
    paras = []
    for p in root.iter(f"{_W_NS}p"):
        paras.append("".join(t.text or "" for t in p.iter(f"{_W_NS}t")))
    return "\n".join(p for p in paras if p.strip())


def _read_bytes(path: Path) -> bytes | NoteError:
    try:
        return path.read_bytes()
    except OSError as exc:
        return NoteError(str(path), f"cannot read: {exc.strerror or exc}")


def _read_text_file(path: Path) -> Iterator[Note | NoteError]:
    data = _read_bytes(path)
    if isinstance(data, NoteError):
        yield data
        return
    yield from _text_note(data, str(path), path.stem, path.suffix.lower())


def _text_note(data: bytes, where: str, stem: str, suffix: str) -> Iterator[Note | NoteError]:
    if suffix == ".docx":
        try:
            text = docx_text(data)
        except Exception as exc:  # not a zip, no document.xml, or malformed XML inside
            yield NoteError(where, f"not a readable Word file ({type(exc).__name__})")
            return
    else:
        decoded = _decode(data, where)
        if isinstance(decoded, NoteError):
            yield decoded
            return
        text = decoded
    yield Note(id=stem, text=text, source=where)


def _read_csv(path: Path, cols: Columns) -> Iterator[Note | NoteError]:
    data = _read_bytes(path)
    if isinstance(data, NoteError):
        yield data
        return
    yield from _csv_notes(data, str(path), path.stem, cols)


def _csv_notes(data: bytes, where: str, stem: str, cols: Columns) -> Iterator[Note | NoteError]:
    decoded = _decode(data, where)
    if isinstance(decoded, NoteError):
        yield decoded
        return
    reader = csv.DictReader(io.StringIO(decoded, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in (cols.text, cols.id, cols.date, cols.group) if c and c not in header]
    if missing:
        yield NoteError(where, f"no column named {', '.join(map(repr, missing))} "
                               f"(columns: {', '.join(header) or 'none'})")
        return
    for n, row in enumerate(reader, 2):
        rid = (row.get(cols.id) or "").strip() if cols.id else ""
        rid = rid or f"{stem}:{n}"
        text = row.get(cols.text)
        if text is None:
            yield NoteError(f"{where}:{n}", "the row has fewer columns than the header", rid)
            continue
        yield Note(rid, text, f"{where}:{n}", (row.get(cols.date) or "") if cols.date else "",
                   (row.get(cols.group) or "") if cols.group else "")


def _read_jsonl(path: Path, cols: Columns) -> Iterator[Note | NoteError]:
    where = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield NoteError(where, f"cannot read: {exc.strerror or exc}")
        return
    with fh:
        yield from _jsonl_notes(fh, where, path.stem, cols)


def _jsonl_notes(lines: Iterable[bytes], where: str, stem: str,
                 cols: Columns) -> Iterator[Note | NoteError]:
    for n, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        line = _decode(raw, f"{where}:{n}")
        if isinstance(line, NoteError):
            yield line
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield NoteError(f"{where}:{n}", f"not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get(cols.text), str):
            yield NoteError(f"{where}:{n}", f"no {cols.text!r} string")
            continue
        rid = str(obj.get(cols.id or "id") or f"{stem}:{n}")
        yield Note(rid, obj[cols.text], f"{where}:{n}",
                   str(obj.get(cols.date, "") or "") if cols.date else "",
                   str(obj.get(cols.group, "") or "") if cols.group else "")


def _files(paths: Iterable[str]) -> Iterator[Path | NoteError]:
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for sub in sorted(p for p in path.rglob("*") if p.is_file()):
                if sub.suffix.lower() in SUFFIXES:
                    yield sub
        elif path.is_file():
            yield path
        else:
            yield NoteError(name, "no such file or folder")


def read_notes(paths: Iterable[str], cols: Columns = Columns()) -> Iterator[Note | NoteError]:
    """Every note in the given files and folders, in a stable order."""
    for item in _files(paths):
        if isinstance(item, NoteError):
            yield item
            continue
        suffix = item.suffix.lower()
        if suffix == ".csv":
            yield from _read_csv(item, cols)
        elif suffix == ".jsonl":
            yield from _read_jsonl(item, cols)
        elif suffix in (".txt", ".docx"):
            yield from _read_text_file(item)
        else:
            yield NoteError(str(item), f"unsupported file type {suffix or '(none)'}; use "
                                       f"{', '.join(SUFFIXES)}")


def read_upload(name: str, data: bytes, cols: Columns = Columns()) -> Iterator[Note | NoteError]:
    """The notes in one file held in memory, named as uploaded (the editor's uploads are
    never written to disk). Errors name the file, and its row or line."""
    suffix = Path(name).suffix.lower()
    stem = Path(name).stem
    if suffix == ".csv":
        yield from _csv_notes(data, name, stem, cols)
    elif suffix == ".jsonl":
        yield from _jsonl_notes(io.BytesIO(data), name, stem, cols)
    elif suffix in (".txt", ".docx"):
        yield from _text_note(data, name, stem, suffix)
    else:
        yield NoteError(name, f"unsupported file type {suffix or '(none)'}; use "
                              f"{', '.join(SUFFIXES)}")


_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_of(date: str) -> str:
    """"2024-03-17" -> "2024-03"; anything else -> "" (undated)."""
    m = _MONTH.match(date.strip())
    return f"{m.group(1)}-{m.group(2)}" if m else ""
