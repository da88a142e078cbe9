"""Pattern rules (over the dependency parse) and metric rules (over readability figures).

The YAML under ``rules/patterns/`` names a matcher (``match: passive_without_agent``) and
gives it parameters, a message, a fix and examples; the matchers below are the code. A
matcher yields ``(start, end, message)`` character spans; an empty message means the
rule's own message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from drafting.doccache import sents, tokens
from drafting.doccache import text as doc_text
from drafting.readability import analyse, sentence_words
from drafting.report import Finding
from drafting.rules.base import RuleError, RuleSpec, finding, rule_kind
from drafting.syntax import has_agent, is_modal_future

if TYPE_CHECKING:
    from spacy.tokens import Doc

Hit = tuple[int, int, str]
Matcher = Callable[["Doc", dict[str, Any]], Iterator[Hit]]
MATCHERS: dict[str, Matcher] = {}


def matcher(name: str) -> Callable[[Matcher], Matcher]:
    def register(fn: Matcher) -> Matcher:
        MATCHERS[name] = fn
        return fn

    return register


def _span(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Character span of tokens i..j inclusive."""
    return doc[i].idx, doc[j].idx + len(doc[j].text)


@matcher("passive_without_agent")
def passive_without_agent(doc: Doc, params: dict[str, Any]) -> Iterator[Hit]:
    """A passive verb with no "by ..." agent hides who did it ("Amy was left alone")."""
    ignore = set(params.get("ignore_verbs", ()))
    for tok in tokens(doc):
        if tok.dep_ != "auxpass":
            continue
        verb = tok.head
        if verb.lemma_.lower() in ignore or has_agent(verb) or is_modal_future(verb):
            continue  # "could be hurt" is an outcome, not a hidden doer
        subj = [c for c in verb.children if c.dep_ in ("nsubjpass", "csubjpass")]
        first = min([tok.i, verb.i] + [s.left_edge.i for s in subj])
        last = max([tok.i, verb.i] + [s.i for s in subj])  # "Left alone Amy was"
        start, end = _span(doc, first, last)
        yield start, end, ""


@matcher("expletive_worry")
def expletive_worry(doc: Doc, params: dict[str, Any]) -> Iterator[Hit]:
    """"There are concerns/worries/risks ..." says a worry exists but not whose it is."""
    nouns = set(params.get("nouns", ()))
    for tok in tokens(doc):
        if tok.dep_ != "expl" or tok.lower_ != "there":
            continue
        verb = tok.head
        for c in verb.children:
            if c.dep_ in ("attr", "nsubj", "dobj") and c.lemma_.lower() in nouns:
                start, end = _span(doc, tok.i, c.i)
                yield start, end, ""
                break


@matcher("impersonal_it")
def impersonal_it(doc: Doc, params: dict[str, Any]) -> Iterator[Hit]:
    """"It is believed / felt / reported that ..." hides who holds the view."""
    verbs = set(params.get("verbs", ()))
    for tok in tokens(doc):
        if tok.lower_ != "it" or tok.dep_ not in ("nsubjpass", "nsubj"):
            continue
        verb = tok.head
        if verb.lemma_.lower() not in verbs or verb.tag_ != "VBN":
            continue
        if any(c.dep_ == "agent" for c in verb.children):
            continue
        start, end = _span(doc, tok.i, verb.i)
        yield start, end, ""


_ACRONYM_TOKEN = re.compile(r"^(?:[A-Z][A-Z0-9&]+|(?:[A-Z]\.){2,})s?$")


@matcher("unknown_acronym")
def unknown_acronym(doc: Doc, params: dict[str, Any]) -> Iterator[Hit]:
    """Capitals that are not a widely known abbreviation (GP, A&E) are probably jargon."""
    allow = {a.replace(".", "") for a in params.get("allow", ())}
    for sent in sents(doc):
        words = sentence_words(sent)
        caps = [t for t in words if t.text.isupper() and len(t.text) > 1]
        if len(words) >= 4 and len(caps) > len(words) / 2:
            continue  # a shouted sentence, not acronyms
        for tok in caps:
            text = tok.text.replace(".", "")
            if not _ACRONYM_TOKEN.match(tok.text) or sum(c.isalpha() for c in text) < 2:
                continue
            bare = text[:-1] if text.endswith("s") and text[:-1].isupper() else text
            if bare in allow or text in allow:
                continue
            yield tok.idx, tok.idx + len(tok.text), (
                f"“{tok.text}”: letters many parents will not know. Write the words out, "
                "or say what it means for the family."
            )


@matcher("hedge_stack")
def hedge_stack(doc: Doc, params: dict[str, Any]) -> Iterator[Hit]:
    """Two or more hedges on one verb water the worry down ("may potentially")."""
    hedges = set(params.get("hedges", ()))
    for tok in tokens(doc):
        if tok.pos_ not in ("VERB", "AUX", "ADJ"):
            continue
        # a hedge is a lower-case word: "Lily-May could" has one hedge, not two
        marks = [c for c in tok.children if c.lower_ in hedges and c.text.islower()]
        if tok.lower_ in hedges and tok.text.islower():
            marks.append(tok)
        if len(marks) >= 2:
            marks.sort(key=lambda t: t.i)
            start, end = _span(doc, marks[0].i, marks[-1].i)
            yield start, end, ""


class PatternRules:
    """Runs every pattern spec through its named matcher."""

    def __init__(self, specs: list[RuleSpec]) -> None:
        self.specs = specs
        for spec in specs:
            name = spec.params.get("match")
            if name not in MATCHERS:
                raise RuleError(
                    f"{spec.source}: rule {spec.id!r}: 'match' must be one of "
                    f"{', '.join(sorted(MATCHERS))}"
                )

    def run(self, doc: Doc) -> Iterable[Finding]:
        text = doc_text(doc)
        for spec in self.specs:
            fn = MATCHERS[spec.params["match"]]
            for start, end, message in fn(doc, spec.params):
                yield finding(spec, text, start, end, message=message)


@rule_kind("pattern")
def build_patterns(specs: list[RuleSpec]) -> list[PatternRules]:
    return [PatternRules(specs)] if specs else []


METRICS = ("sentence_words", "statement_grade")


class MetricRules:
    """Thresholds over readability figures: per sentence or per statement."""

    def __init__(self, specs: list[RuleSpec]) -> None:
        self.specs = specs
        for spec in specs:
            if spec.params.get("metric") not in METRICS:
                raise RuleError(
                    f"{spec.source}: rule {spec.id!r}: 'metric' must be one of {METRICS}"
                )
            if not isinstance(spec.params.get("above"), (int, float)):
                raise RuleError(f"{spec.source}: rule {spec.id!r}: 'above' must be a number")

    def run(self, doc: Doc) -> Iterable[Finding]:
        read = None
        text = doc_text(doc)
        for spec in self.specs:
            above = spec.params["above"]
            below = spec.params.get("up_to", float("inf"))
            if spec.params["metric"] == "sentence_words":
                for sent in sents(doc):
                    n = len(sentence_words(sent))
                    if above < n <= below:
                        msg = spec.message.replace("{value}", str(n))
                        yield finding(spec, text, sent.start_char, sent.end_char, message=msg)
            else:
                read = read or analyse(doc)
                if read.reliable and read.flesch_kincaid_grade > above and read.words:
                    msg = spec.message.replace("{value}", f"{read.flesch_kincaid_grade:.1f}")
                    start = len(text) - len(text.lstrip())
                    yield finding(spec, text, start, len(text.rstrip()), message=msg)


@rule_kind("metric")
def build_metrics(specs: list[RuleSpec]) -> list[MetricRules]:
    return [MetricRules(specs)] if specs else []
