"""The guided builder: a few questions per kind, answered in plain words, put together in
the practice template's order. The same function backs ``drafting build`` and the
editor's form. An unanswered question stays in the statement as a visible placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from drafting.rewrite.records import Placeholder, Rewrite


@dataclass(frozen=True)
class Question:
    slot: str
    prompt: str
    hint: str  # an invented example answer
    required: bool = True


QUESTIONS: dict[str, tuple[Question, ...]] = {
    "danger": (
        Question("worried", "Who is worried? Name the people and agencies.",
                 "Amy's teacher, her Nan and the social worker"),
        Question("adult", "Whose behaviour worries them?", "Dad"),
        Question("behaviour", "What does that adult do, and when? Say what someone "
                 "watching would see.", "shouts at Mum and throws things when he has been "
                 "drinking"),
        Question("child", "Which child, and how old?", "Amy, who is 4"),
        Question("consequence", "If nothing changes, what could happen to the child?",
                 "be hit by something thrown, and grow up feeling scared at home"),
        Question("family_view", "Does the family see it differently? What do they say?",
                 "Dad says he has never thrown anything at Mum", required=False),
    ),
    "safety_goal": (
        Question("child", "Which child is this goal for?", "Amy"),
        Question("observers", "Who needs to see the change? Name them.",
                 "Nan, Amy's teacher and the social worker"),
        Question("adult", "Which adult will be doing things differently?", "Dad"),
        Question("behaviour", "What will that adult be doing, that people can see?",
                 "go to his brother's house to calm down when he and Mum argue"),
        Question("trigger", "Including in which hard moments?", "after he has been drinking",
                 required=False),
        Question("child_experience", "What will the child notice or say?",
                 "home feels calm and she sleeps in her own bed", required=False),
        Question("duration", "For how long do people need to see it?", "six months"),
    ),
    "harm": (
        Question("when", "When did it happen, or over what time?", "on Friday 3 May"),
        Question("adult", "Who did it, or did not do it?", "Dad"),
        Question("act", "What exactly did they do or not do?",
                 "hit Leo on the back of the legs with a belt"),
        Question("child", "Which child?", "Leo"),
        Question("impact", "What happened to the child as a result?",
                 "had two red marks that the school nurse saw the next morning"),
        Question("source", "How is this known, and is it agreed?",
                 "The school nurse saw the marks; Dad says he only tapped Leo",
                 required=False),
    ),
}


class _Writer:
    """Joins answers and placeholders, recording where each placeholder lands."""

    def __init__(self, kind: str, answers: Mapping[str, str]) -> None:
        self.kind = kind
        self.answers = {k: _clean(v) for k, v in answers.items() if v and _clean(v)}
        self.text = ""
        self.placeholders: list[Placeholder] = []
        self.questions = {q.slot: q for q in QUESTIONS[kind]}

    def has(self, slot: str) -> bool:
        return slot in self.answers

    def put(self, s: str) -> None:
        self.text += s

    def slot(self, slot: str, transform: Callable[[str], str] = lambda s: s) -> None:
        if slot in self.answers:
            self.text += transform(self.answers[slot])
            return
        q = self.questions[slot]
        ph = f"[{q.prompt}]"
        self.placeholders.append(Placeholder(len(self.text), len(self.text) + len(ph), slot,
                                             q.prompt, None, "words"))
        self.text += ph


def _clean(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().rstrip(".")


def _drop(prefix: str) -> Callable[[str], str]:
    """"could be hurt" after "could": the template already says it."""
    def f(s: str) -> str:
        return s[len(prefix):].lstrip() if s.lower().startswith(prefix) else s
    return f


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


PLURAL_NOUNS = {"police", "staff", "people", "children", "parents", "grandparents"}


def _are(who: str) -> str:
    """"Nan is", "Nan and the school are", "the police are"."""
    low = who.lower().strip()
    last = low.split()[-1] if low else ""
    plural = (" and " in low or "," in low or last in PLURAL_NOUNS
              or (last.endswith("s") and not last.endswith(("ss", "'s", "’s"))))
    return "are" if plural or not low else "is"


def _danger(w: _Writer) -> None:
    w.slot("worried", _cap)
    w.put(f" {_are(w.answers.get('worried', 'they'))} worried that ")
    w.slot("adult")
    w.put(" ")
    w.slot("behaviour")
    w.put(". If nothing changes, ")
    w.slot("child")
    w.put(", could " if "," in w.answers.get("child", "") else " could ")
    w.slot("consequence", _drop("could"))
    w.put(".")
    if w.has("family_view"):
        w.put(" ")
        w.slot("family_view", _cap)
        w.put(".")


def _goal(w: _Writer) -> None:
    w.put("For ")
    w.slot("child")
    w.put(" to be safe, ")
    w.slot("observers")
    w.put(" need to see ")
    w.slot("adult")
    w.put(" ")
    w.slot("behaviour", _drop("will"))
    w.put(".")
    if w.has("trigger"):
        w.put(" This includes ")
        w.slot("trigger", _drop("including"))
        w.put(".")
    w.put(" They need to keep seeing it for ")
    w.slot("duration", _drop("for"))
    w.put(".")
    if w.has("child_experience"):
        w.put(" ")
        w.slot("child")
        w.put(" will say that ")
        w.slot("child_experience", _drop("that"))
        w.put(".")


def _harm(w: _Writer) -> None:
    w.slot("when", _cap)
    w.put(", ")
    w.slot("adult")
    w.put(" ")
    w.slot("act")
    w.put(". As a result, ")
    w.slot("child")
    w.put(" ")
    w.slot("impact")
    w.put(".")
    if w.has("source"):
        w.put(" ")
        w.slot("source", _cap)
        w.put(".")


BUILDERS: dict[str, Callable[[_Writer], None]] = {
    "danger": _danger, "safety_goal": _goal, "harm": _harm,
}


def build(kind: str, answers: Mapping[str, str]) -> Rewrite:
    """A statement of ``kind`` from answers keyed by question slot; gaps stay visible."""
    if kind not in BUILDERS:
        raise ValueError(f"Unknown kind {kind!r}: choose danger, safety_goal or harm.")
    unknown = set(answers) - {q.slot for q in QUESTIONS[kind]}
    if unknown:
        raise ValueError(f"Unknown question(s) for {kind}: {', '.join(sorted(unknown))}")
    w = _Writer(kind, answers)
    BUILDERS[kind](w)
    return Rewrite(kind, w.text, tuple(w.placeholders))
