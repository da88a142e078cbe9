"""The no-invention check: a rewrite may not state a person, number, date, place or event
that the draft does not contain.

Facts are read from the parse: named entities, proper nouns, numbers (digits and number
words) and the lemmas of content verbs. A rewrite's fact is "in the draft" when each of its
words is among the draft's words or lemmas; words our own substitutes and templates bring
(listed by the caller) are allowed. Text inside placeholders is the writer's to fill, so it
is left out of the "added" side, and counted on the "dropped" side (a question that quotes
the draft keeps that fact in front of the writer).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from drafting.rewrite.records import FactCheck

if TYPE_CHECKING:
    from spacy.tokens import Doc

ENTITY_TYPES = {"PERSON", "GPE", "LOC", "FAC", "ORG", "DATE", "TIME", "EVENT", "NORP",
                "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "hundred", "thousand",
    "first", "second", "third", "fourth", "fifth", "once", "twice", "half", "dozen",
}
_BRACKETS = re.compile(r"\[[^\[\]]*\]")
# Verbs of the templates themselves ("are worried that", "need to see", "could happen")
TEMPLATE_LEMMAS = {"be", "worry", "need", "see", "happen", "change", "keep", "check",
                   "say", "do", "think", "tell", "know", "notice", "result", "will", "could",
                   "have", "go", "make", "feel", "get"}


def strip_placeholders(text: str) -> str:
    return _BRACKETS.sub(" ", text)


def _words(doc: Doc) -> set[str]:
    out: set[str] = set()
    for t in doc:
        out.add(t.lower_)
        out.add(t.lemma_.lower())
        out.add(t.lower_.rstrip("."))
    return out


def facts_of(doc: Doc) -> list[tuple[str, tuple[str, ...]]]:
    """(label, words) for every fact-bearing stretch of a parsed text."""
    out: list[tuple[str, tuple[str, ...]]] = []
    seen: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            words = tuple(t.lower_ for t in ent if not t.is_punct and not t.is_space)
            if words:
                out.append((ent.text, words))
            seen.update(t.i for t in ent)
    for t in doc:
        if t.i in seen or t.is_punct or t.is_space:
            continue
        low = t.lower_
        if t.like_num or low in NUMBER_WORDS or any(ch.isdigit() for ch in low):
            out.append((t.text, (low,)))
        elif t.pos_ == "PROPN" and not t.is_sent_start:
            out.append((t.text, (low,)))
        elif t.pos_ == "VERB" and t.lemma_.lower() not in TEMPLATE_LEMMAS:
            out.append((t.text, (t.lemma_.lower(),)))  # the label is the surface form
    return out


def compare(draft: Doc, rewrite_text: str, nlp, allowed: Iterable[str] = ()) -> FactCheck:
    """What the rewrite adds to, and drops from, the draft's facts."""
    allow = {w.lower() for w in allowed}
    draft_words = _words(draft) | allow
    bare = nlp(strip_placeholders(rewrite_text))
    added = []
    for label, words in facts_of(bare):
        if label.lower() in draft_words:
            continue  # the same word, tagged differently in its new sentence
        if not all(w in draft_words or w.strip("'’.") in draft_words for w in words):
            added.append(label)
    # words quoted inside placeholders count as kept: read them without another parse
    quoted = {w.strip(".,;:!?“”\"'()").lower()
              for ph in _BRACKETS.findall(rewrite_text) for w in ph.strip("[]").split()}
    rewrite_words = _words(bare) | quoted
    dropped = [label for label, words in facts_of(draft)
               if label.lower() not in rewrite_words
               and not all(w in rewrite_words for w in words)]
    return FactCheck(tuple(dict.fromkeys(added)), tuple(dict.fromkeys(dropped)))
