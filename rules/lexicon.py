"""Existence and substitution rules: lexicon entries matched on lemmas and spellings.

An entry lists terms in base form ("fail to engage"). A term matches consecutive tokens
whose lower-case text or lower-case lemma equals each term token, so "failed to engage"
and "failing to engage" match too. Terms written as acronyms (no lower-case letters, two
or more capitals) match case-sensitively with dots ignored, so "DV" matches "D.V." but not
the "dv" inside a URL. Entries with ``replacements`` are substitution rules (a plainer word
can be dropped in); the rest are existence rules (advice only).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafting.doccache import memo
from drafting.doccache import text as doc_text
from drafting.report import Finding
from drafting.rules.base import RuleError, RuleSpec, finding, rule_kind

if TYPE_CHECKING:
    from spacy.tokens import Doc

_ACRONYM = re.compile(r"^[^a-z]*[A-Z][^a-z]*[A-Z][^a-z]*$")


def is_acronym(term: str) -> bool:
    return bool(_ACRONYM.match(term))


def _dotless(text: str) -> str:
    return text.replace(".", "")


@dataclass(frozen=True)
class _Pattern:
    spec: RuleSpec
    term: str
    tokens: tuple[str, ...]
    exact: bool
    pos: frozenset[str]
    replacements: tuple[str, ...]
    not_before: frozenset[str]


def _doc_keys(doc: Doc) -> tuple[list[tuple[tuple[str, str], ...]], list[tuple[str, str, str]],
                                   list[str]]:
    """Per token, once per parse: its index keys, the forms a word term may match (lower
    case, lemma, and "CiC." without the full stop spaCy leaves on at a sentence end) and the
    text without dots an acronym term must equal. Both the built-in and a local lexicon use
    them, and reading them from spaCy's Tokens again per pattern was most of a check."""
    keys, words, dotless = [], [], []
    for tok in doc:
        low = tok.lower_
        form = (low, tok.lemma_.lower(), low.rstrip("."))
        bare = _dotless(tok.text)
        keys.append(tuple(dict.fromkeys(("i", f) for f in form)) + (("a", bare),))
        words.append(form)
        dotless.append(bare)
    return keys, words, dotless


_PLAIN_TERM = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def term_tokens(tokenizer, term: str, special: frozenset[str] | None = None) -> list[str]:
    """The token texts spaCy's tokenizer makes of ``term``.

    Why a shortcut: tokenizing the 1,700 built-in terms costs about 0.1 s of every cold
    start. Words of letters alone, one space apart, come out of the tokenizer unchanged
    unless a word is one of its special cases ("cannot" is "can" + "not");
    ``tests/test_rules_lexicon_tokens.py`` checks the shortcut against the tokenizer on
    every built-in term and on thousands of dictionary words.
    """
    if _PLAIN_TERM.fullmatch(term):
        words = term.split(" ")
        if special is None:
            special = frozenset(tokenizer.rules)
        if not any(w in special for w in words):
            return words
    return [t.text for t in tokenizer(term)]


class LexiconRules:
    """All lexicon entries compiled into one index keyed on the first term token."""

    def __init__(self, specs: list[RuleSpec]) -> None:
        from drafting.models.nlp import load_pipeline

        tokenizer = load_pipeline().tokenizer
        special = frozenset(tokenizer.rules)
        self.specs = specs
        self._index: dict[tuple[str, str], list[_Pattern]] = defaultdict(list)
        self._exceptions: dict[str, tuple[re.Pattern[str], ...]] = {}
        for spec in specs:
            terms = spec.params.get("terms")
            if not isinstance(terms, list) or not terms or not all(
                isinstance(t, str) and t.strip() for t in terms
            ):
                raise RuleError(f"{spec.source}: rule {spec.id!r} needs a non-empty 'terms' list")
            pos = frozenset(spec.params.get("pos") or ())
            # "concerns were raised by the school" names who is worried: not agentless
            not_before = frozenset(w.lower() for w in spec.params.get("not_before") or ())
            repl = tuple(spec.params.get("replacements") or ())
            for term in terms:
                exact = is_acronym(term)
                toks = term_tokens(tokenizer, _dotless(term) if exact else term, special)
                toks = [t if exact else t.lower() for t in toks if t.strip()]
                if not toks:
                    continue
                pat = _Pattern(spec, term, tuple(toks), exact, pos, repl, not_before)
                self._index[("a" if exact else "i", toks[0])].append(pat)
            exc = spec.params.get("exceptions") or []
            self._exceptions[spec.id] = tuple(
                re.compile(r"\b" + re.escape(e) + r"\b", re.IGNORECASE) for e in exc
            )

    def _candidates(self, doc: Doc) -> list[tuple[int, int, _Pattern]]:
        found = []
        keys, words, dotless = memo(doc, "lexicon_keys", _doc_keys)
        n = len(keys)
        for i, tok_keys in enumerate(keys):
            for key in tok_keys:  # distinct keys, and a pattern sits under one key only
                for pat in self._index.get(key, ()):
                    k = len(pat.tokens)
                    if i + k > n:
                        continue
                    if all((dotless[i + j] == term if pat.exact else term in words[i + j])
                           for j, term in enumerate(pat.tokens)):
                        if pat.pos and doc[i + k - 1].pos_ not in pat.pos:
                            continue
                        if pat.not_before and i + k < n and words[i + k][0] in pat.not_before:
                            continue
                        found.append((i, i + k, pat))
        return found

    def _excepted(self, text: str, rule_id: str, start: int, end: int) -> bool:
        for rx in self._exceptions.get(rule_id, ()):
            for m in rx.finditer(text):
                if m.start() <= start and end <= m.end():
                    return True
        return False

    def run(self, doc: Doc) -> Iterable[Finding]:
        cands = self._candidates(doc)
        # Longest match wins; then the earliest; a token belongs to one finding at most.
        cands.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
        taken = [False] * len(doc)
        out: list[Finding] = []
        text = doc_text(doc)
        for i, j, pat in cands:
            if any(taken[i:j]):
                continue
            start = doc[i].idx
            end = doc[j - 1].idx + len(doc[j - 1].text)
            if self._excepted(text, pat.spec.id, start, end):
                continue
            for k in range(i, j):
                taken[k] = True
            quoted = text[start:end]
            out.append(
                finding(
                    pat.spec,
                    text,
                    start,
                    end,
                    message=f"“{quoted}”: {pat.spec.message}",
                    replacements=pat.replacements,
                )
            )
        out.sort(key=lambda f: f.start)
        return out


def _build(specs: list[RuleSpec]) -> list[LexiconRules]:
    return [LexiconRules(specs)] if specs else []


# One matcher per kind: existence entries only advise, substitution entries also offer
# words that can replace the match in place.
rule_kind("existence")(_build)
rule_kind("substitution")(_build)
