"""Harm statement criteria: what happened, who did it and when, and what it did to the child."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.analysis import Analysis
from drafting.criteria import criterion
from drafting.criteria.clauses import behaviours
from drafting.report import CriterionResult, Span
from drafting.syntax import subjects, tok_span
from drafting.timex import anchors, vague_times

if TYPE_CHECKING:
    from spacy.tokens import Token

IMPACT_WORDS = {
    "bruise", "bruised", "bruises", "bruising", "mark", "marks", "marked", "cut", "cuts",
    "burn", "burns", "burned", "burnt", "scald", "scalded", "bleed", "bled", "bleeding",
    "blood", "bloody", "broken", "broke", "fracture", "fractured", "fractures", "swollen",
    "swelling", "injury", "injuries", "injured", "hurt", "hospital", "a&e", "er",
    "stitches", "scar", "scars", "sore", "sores", "rash", "cry", "cried", "crying",
    "scared", "frightened", "afraid", "terrified", "upset", "distressed", "hid", "hide",
    "hiding", "shake", "shaking", "shook", "tremble", "hungry", "starving", "thin",
    "underweight", "weight", "wet", "soiled", "nightmares", "nightmare", "bedwetting",
    "vomit", "vomited", "vomiting", "unconscious", "overdose", "seizure", "seizures",
    "fit", "dehydrated", "lice", "decay", "rotten", "pain", "painful", "ache", "aching",
    "scream", "screamed", "screaming", "flinch", "flinched", "withdrawn", "quiet",
    "silent", "sad", "anxious", "worried", "nervous", "panic", "ambulance", "paramedics",
    "doctor", "treatment", "treated", "cold", "freezing", "filthy", "dirty", "smelly",
    "smelled", "ill", "sick", "poorly", "infection", "infected", "tired", "exhausted",
    "lost", "missed", "absent", "late", "behind", "bitten", "bite", "welt", "welts",
    "lump", "graze", "grazed", "sprain", "sprained", "concussion", "unwell", "wound",
    "wounds", "lonely", "ashamed", "blamed", "stopped", "refused", "asked", "begged",
    "told", "said", "says", "disclosed", "wetting", "nappy", "urine", "faeces", "ran",
    "run", "wandering", "wandered", "found", "alone", "died", "dead", "death", "killed",
    "drank", "swallowed", "ate", "eaten", "hunger", "fed", "pregnant", "pregnancy",
    "self-harm", "harmed", "drunk", "high", "sleep", "slept", "sleeping", "awake",
}
SAYING = {"tell", "say", "disclose", "ask", "beg", "describe", "explain", "report", "write",
          "draw", "cry", "scream", "shout"}


def _child_anchor(a: Analysis, tok: Token) -> bool | None:
    """Does the impact word attach to a child (True), an adult (False) or nobody (None)?"""
    people = a.people
    # owners and objects inside the word's own phrase: "Amy's arm", "on her face"
    for t in list(tok.subtree) + list(tok.children):
        if t.i == tok.i:
            continue
        if t.dep_ in ("poss", "pobj", "nsubj", "dobj", "appos") and people.is_person(t):
            if people.is_child(t) or (people.resolve(t).role == "unknown"):
                return True
            if people.is_adult(t):
                return False
    verb = tok
    hops = 0
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb and hops < 4:
        if verb.dep_ in ("nsubj", "nsubjpass"):
            break
        verb = verb.head
        hops += 1
    if verb.pos_ in ("VERB", "AUX"):
        subj = subjects(verb)
        for s in subj:
            if people.is_child(s):
                return True
        for s in subj:
            if people.is_adult(s):
                lemma = verb.lemma_.lower()
                # "Dad left a bruise on Amy" / "Dad hit Amy, leaving marks"
                for t in verb.subtree:
                    if t.dep_ in ("dobj", "pobj", "dative") and people.is_child(t):
                        return True
                if lemma in ("leave", "cause", "give"):
                    return None
                return False
        for s in subj:
            if people.resolve(s).role == "unknown":
                return True
    return None


def _impacts(a: Analysis) -> list[tuple[Token, bool | None]]:
    out = []
    for tok in a.doc:
        low, lemma = tok.lower_, tok.lemma_.lower()
        if low not in IMPACT_WORDS and lemma not in IMPACT_WORDS:
            continue
        if lemma in SAYING or low in ("told", "said", "says", "asked", "begged", "disclosed"):
            # what the child said counts as impact when the child is the speaker
            subj = subjects(tok) if tok.pos_ == "VERB" else []
            if not any(a.people.is_child(s) for s in subj):
                continue
            out.append((tok, True))
            continue
        if a.overlaps(tok.idx, tok.idx + len(tok.text), "consequences"):
            continue
        out.append((tok, _child_anchor(a, tok)))
    return out


@criterion("impact_on_child", "harm")
def impact_on_child(a: Analysis) -> CriterionResult:
    found = _impacts(a)
    child = [t for t, who in found if who is True]
    unclear = [t for t, who in found if who is None]
    has_child = any(a.people.is_child(t) for t in a.doc)
    if not child and unclear and has_child:
        child = unclear
    if child:
        spans = tuple(tok_span(a.doc, t.i, t.i) for t in child)
        return CriterionResult(
            "impact_on_child",
            True,
            "Says what it did to the child: " + ", ".join(f"“{s.text}”" for s in spans[:4]) + ".",
            spans,
        )
    cats = a.findings_affecting("consequences") + a.findings_affecting("behavioural_specificity")
    evidence = tuple(Span(f.start, f.end, f.text) for f in cats) + tuple(
        tok_span(a.doc, t.i, t.i) for t, _ in found)
    if found:
        msg = "The effect described falls on an adult, not on the child."
    elif cats:
        msg = "Names a category of harm, not what it did to the child."
    else:
        msg = "Stops at what the adult did: it does not say what it did to the child."
    return CriterionResult(
        "impact_on_child",
        False,
        msg,
        evidence,
        "Say what it did to the child: injuries, hospital, fear, hunger, missed school, what "
        "the child said or showed.",
    )


@criterion("behavioural_specificity", "harm")
def harm_behaviour(a: Analysis) -> CriterionResult:
    acts = [b for b in behaviours(a, allow_passive=False) if b.actor is not None]
    specific = [b for b in acts if b.specific and not a.people.is_child(b.actor)] or [
        b for b in acts if b.specific]
    when = [s for s in anchors(a.text) if not _is_age(a.text, s)]
    missing = []
    if not specific:
        missing.append("what was done and by whom")
    if not when:
        missing.append("when or how often")
    if not missing:
        return CriterionResult(
            "behavioural_specificity",
            True,
            "Says what happened, who did it and when: "
            + "; ".join(f"“{b.span.text}”" for b in specific[:2])
            + f"; “{when[0].text}”.",
            tuple(b.span for b in specific) + tuple(when),
        )
    labels = a.findings_affecting("behavioural_specificity")
    evidence = tuple(Span(f.start, f.end, f.text) for f in labels) + tuple(
        b.span for b in acts) + tuple(vague_times(a.text))
    msg = "Missing " + " and ".join(missing) + "."
    if labels and not specific:
        msg += " Labels stand in for the act: " + ", ".join(f"“{f.text}”" for f in labels[:3]) \
            + "."
    return CriterionResult(
        "behavioural_specificity",
        False,
        msg,
        evidence,
        "Say what happened, who did it and when: “Last Tuesday, Dad left Remy in the locked car "
        "for two hours.”",
    )


def _is_age(text: str, span: Span) -> bool:
    after = text[span.end: span.end + 12].lower()
    return "old" in after and "year" in span.text.lower()
