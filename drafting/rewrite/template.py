"""The whole-statement rewrite, per kind, in the practice template's order.

Built from the draft's own sentences, with every edit applied, re-ordered into the
template (for a danger statement: who is worried, what the adult does, what could happen
to the child). What the draft does not say becomes a placeholder question, never a guess.
One function per kind, looked up in a registry.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from drafting.rewrite.edits import Slotted, apply_edits

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from drafting.analysis import Analysis
    from drafting.report import Report
    from drafting.rewrite.records import Edit


@dataclass
class Sentence:
    text: str  # with edits applied
    span: Span
    tags: set[str] = field(default_factory=set)


@dataclass
class Plan:
    """What a kind's template function works with and fills in."""

    a: Analysis
    report: Report
    sentences: list[Sentence]
    slots: dict[str, Slotted]
    edits: Sequence[Edit]
    child: str
    adult: str

    def failed(self, criterion: str) -> bool:
        return not self.report.criterion(criterion).passed

    def missing(self, criterion: str) -> bool:
        """Failed, and nothing asks for it yet: the template must add a question."""
        return self.failed(criterion) and not self.addressed(criterion)

    def addressed(self, criterion: str) -> bool:
        """Does an edit already ask for this in a gap a whole answer can fill (a name, a
        clause, a sentence), or does the draft still hold such a question, left by an
        accepted suggestion? Questions about a single label do not count: the template
        still asks for the behaviour as a sentence of its own."""
        if any(ph in e.replacement and sl.criterion == criterion
               and sl.fits in ("name", "verb", "sentence", "clause")
               for e in self.edits for ph, sl in self.slots.items()):
            return True
        cues = OPEN_QUESTION_CUES.get(criterion, ())
        return any(cue in q.lower() for q in self.open_questions for cue in cues)

    @property
    def open_questions(self) -> list[str]:
        return re.findall(r"\[([^\[\]]*)\]", self.a.text)

    def ask(self, question: str, slot: str, criterion: str | None,
            fits: str = "sentence") -> str:
        ph = f"[{question}]"
        self.slots[ph] = Slotted(slot, criterion, fits)
        return ph

    def tagged(self, tag: str) -> list[Sentence]:
        return [s for s in self.sentences if tag in s.tags]


# Words by which a question already in the draft shows what it asks for.
OPEN_QUESTION_CUES = {
    "worried_person_attribution": ("who is worried", "who exactly", "which people",
                                   "holds this view"),
    "behavioural_specificity": ("what exactly does", "what exactly did", "who does what",
                                "what will", "do differently"),
    "consequences": ("could happen",),
    "positive_framing": ("instead of", "what will"),
    "who_needs_to_see": ("who will see",),
    "timeframe": ("how long",),
    "impact_on_child": ("what happened to",),
}

TemplateFn = Callable[[Plan], list[str]]
TEMPLATES: dict[str, TemplateFn] = {}


def template(kind: str) -> Callable[[TemplateFn], TemplateFn]:
    def register(fn: TemplateFn) -> TemplateFn:
        TEMPLATES[kind] = fn
        return fn
    return register


def _tag(plan: Plan, criterion: str, tag: str) -> None:
    res = plan.report.criterion(criterion)
    if not res.passed:
        return
    for ev in res.evidence:
        for s in plan.sentences:
            if s.span.start_char <= ev.start < s.span.end_char:
                s.tags.add(tag)


def _decap(s: Sentence) -> str:
    first = s.span[0]
    if first.pos_ == "PROPN" or first.text == "I" or first.text.isupper() or \
            s.text.startswith("["):
        return s.text
    return s.text[:1].lower() + s.text[1:]


def _in_order(plan: Plan, first: list[Sentence], last: list[Sentence]) -> list[Sentence]:
    middle = [s for s in plan.sentences if s not in first and s not in last]
    return first + middle + [s for s in last if s not in first]


def _end(text: str) -> str:
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "]", "”", "\"", "'")) else text + "."


@template("danger")
def danger(plan: Plan) -> list[str]:
    _tag(plan, "worried_person_attribution", "worry")
    _tag(plan, "consequences", "consequence")
    _tag(plan, "behavioural_specificity", "behaviour")
    worry = [s for s in plan.sentences
             if "worry" in s.tags or any(ph in s.text for ph, sl in plan.slots.items()
                                         if sl.slot == "worried")]
    conseq = [s for s in plan.tagged("consequence") if s not in worry]
    order = _in_order(plan, worry, conseq)
    out = [_end(s.text) for s in order]
    if plan.missing("worried_person_attribution"):
        who = plan.ask("Who is worried? Name the people and agencies",
                       "worried", "worried_person_attribution", "name")
        lead = next((s for s in order if "behaviour" in s.tags and s not in conseq),
                    next((s for s in order if s not in conseq), None))
        if lead is not None and order.index(lead) == 0 and any(ch.isalpha() for ch in lead.text):
            out[0] = _end(f"{who} are worried that {_decap(lead)}")
        else:
            # moving a later sentence first could part a pronoun from its person: the
            # holders get a sentence of their own, and the draft keeps its order
            out.insert(0, f"{who} are worried.")
    if plan.missing("behavioural_specificity"):
        n = len(worry) if worry else 1
        out.insert(min(n, len(out)), plan.ask(
            f"What exactly does {plan.adult} do that worries people, and when?",
            "behaviour", "behavioural_specificity"))
    if plan.missing("consequences"):
        out.append("If nothing changes, " + plan.ask(
            f"what could happen to {plan.child}, soon and later on?",
            "consequence", "consequences", "clause"))
    return out


@template("safety_goal")
def safety_goal(plan: Plan) -> list[str]:
    _tag(plan, "who_needs_to_see", "observer")
    _tag(plan, "timeframe", "time")
    observers = plan.tagged("observer")
    timed = [s for s in plan.tagged("time") if s not in observers]
    order = _in_order(plan, [], observers + timed)
    out = [_end(s.text) for s in order]
    if plan.missing("positive_framing"):
        out.insert(0, plan.ask(
            f"What will {plan.adult} be doing, when things are safe enough for {plan.child}?",
            "new_behaviour", "positive_framing"))
    if plan.missing("behavioural_specificity"):
        out.insert(1 if out else 0, plan.ask(
            f"What will {plan.adult} do, that people can see, to keep {plan.child} safe?",
            "behaviour", "behavioural_specificity"))
    if plan.missing("who_needs_to_see"):
        out.append(plan.ask("Who will see this happening? Name them", "observers",
                            "who_needs_to_see", "name") + " will check this and see it happening.")
    if plan.missing("timeframe"):
        out.append("This needs to keep happening for " + plan.ask(
            "how long?", "timeframe", "timeframe", "length of time") + ".")
    return out


@template("harm")
def harm(plan: Plan) -> list[str]:
    _tag(plan, "impact_on_child", "impact")
    impact = plan.tagged("impact")
    order = _in_order(plan, [], impact)
    out = [_end(s.text) for s in order]
    if plan.missing("behavioural_specificity"):
        out.insert(0, plan.ask(f"What exactly did {plan.adult} do or not do, and when?",
                               "behaviour", "behavioural_specificity"))
    if plan.missing("impact_on_child"):
        out.append("As a result, " + plan.ask(
            f"what happened to {plan.child}: what did it do to them?",
            "impact", "impact_on_child", "clause"))
    return out


def _whole_sentences(doc: Doc) -> list[Span]:
    """The parser's sentences, re-joined where one ends inside a "[question?]" or stops
    short just before one ("Leo" + "[Who did this?] hit him")."""
    groups: list[list[Span]] = []
    for sent in doc.sents:
        if groups:
            prev = doc[groups[-1][0].start:groups[-1][-1].end].text.rstrip()
            open_bracket = prev.count("[") > prev.count("]")
            cut_short = sent.text.lstrip().startswith("[") and not prev.endswith(
                (".", "!", "?", "]", ":", ";"))
            if open_bracket or cut_short:
                groups[-1].append(sent)
                continue
        groups.append([sent])
    return [doc[g[0].start:g[-1].end] for g in groups]


def _first_name(doc: Doc, names: set[str], default: str) -> str:
    for t in doc:
        if t.text in names:
            return t.text
    return default


def people_names(a: Analysis) -> tuple[str, str]:
    """The first named child and adult, for the questions (never invented: else generic)."""
    people = a.people
    child = _first_name(a.doc, people.child_names, "the child")
    adult = _first_name(a.doc, people.adult_names, "")
    if not adult:
        adult = next((t.text for t in a.doc if t.lower_ in ("mum", "dad", "mother", "father",
                                                              "stepdad", "stepmum")
                      and a.people.is_adult(t)), "the adult")
    return child, adult


def assemble(a: Analysis, report: Report, edits: Sequence[Edit],
             slots: dict[str, Slotted]) -> tuple[str, dict[str, Slotted]]:
    """The rewrite's text, and every placeholder it contains."""
    doc = a.doc
    sentences = []
    for sent in _whole_sentences(doc):
        inside = [e for e in edits if sent.start_char <= e.start and e.end <= sent.end_char]
        local = [type(e)(e.start - sent.start_char, e.end - sent.start_char, e.replacement,
                         e.rule_id, e.criterion, e.reason, e.text) for e in inside]
        text = apply_edits(sent.text, local).strip()
        if text:
            sentences.append(Sentence(text, sent))
    child, adult = people_names(a)
    plan = Plan(a, report, sentences, dict(slots), edits, child, adult)
    parts = TEMPLATES[report.kind](plan)
    return " ".join(p.strip() for p in parts if p.strip()), plan.slots
