"""Danger statement criteria: who is worried, about what behaviour, and what could happen."""

from __future__ import annotations

from drafting.analysis import Analysis
from drafting.criteria import criterion, quote, spans_of
from drafting.criteria.clauses import behaviours, outcomes, worry_frames
from drafting.doccache import tokens
from drafting.report import CriterionResult
from drafting.syntax import is_modal_future, subjects, tok_span

ATTRIBUTION_FIX = (
    "Start with the people and agencies who hold the worry, by name or role: "
    "“Amy's teacher and her Nan are worried that…”."
)


@criterion("worried_person_attribution", "danger")
def worried_person_attribution(a: Analysis) -> CriterionResult:
    frames = list(worry_frames(a))
    named = [f for f in frames if f.status == "named"]
    if named:
        return CriterionResult(
            "worried_person_attribution",
            True,
            "Says who holds the worry: " + quote(named, 3) + ".",
            tuple(f.span for f in named),
        )
    agentless = a.findings_affecting("worried_person_attribution", "warning")
    evidence = tuple(f.span for f in frames) + spans_of(agentless)
    if any(f.status == "collective" for f in frames):
        msg = ("The worry is held by an unnamed group (“we”, “professionals”): "
               "a family will ask who.")
    elif agentless:
        msg = f"The worry is stated without anyone holding it: {quote(agentless, 2, ', ')}."
    elif frames:
        msg = f"The worry is stated without anyone holding it: {quote(frames, 2, ', ')}."
    else:
        msg = "No one is said to be worried: the statement does not say whose worry this is."
    return CriterionResult("worried_person_attribution", False, msg, evidence, ATTRIBUTION_FIX)


def _worry_triggers(a: Analysis) -> set[int]:
    return {f.trigger.i for f in worry_frames(a)}


@criterion("behavioural_specificity", "danger")
def danger_behaviour(a: Analysis) -> CriterionResult:
    exclude = _worry_triggers(a)
    # what could happen to the child, and everything said inside it ("Jack could grow up
    # thinking it is normal for men to hit women"), is the consequence, not the behaviour
    for o in outcomes(a):
        if o.who is not None and not _adult_actor(a, o):
            exclude.add(o.verb.i)
            exclude |= {t.i for c in o.verb.children
                        if c.dep_ in ("ccomp", "xcomp", "acl") and c.i > o.verb.i
                        for t in c.subtree}
    found = [b for b in behaviours(a, exclude=exclude, strict_modal=True)
             if not _childs_own(a, b)]
    found += _adult_states(a)
    specific = [b for b in found if b.specific]
    if specific:
        return CriterionResult(
            "behavioural_specificity",
            True,
            "Says what a person does: " + quote(specific, 3)
            + ".",
            tuple(b.span for b in specific),
        )
    labels = a.findings_affecting("behavioural_specificity")
    evidence = spans_of(labels) + tuple(
        b.span for b in found
    )
    if labels:
        msg = ("Labels stand in for behaviour: " + quote(labels, 4, ", ")
               + ". Say what the adult actually does.")
    elif found:
        msg = "Names an act but not enough to picture it: " + found[0].reason + "."
    else:
        msg = "Does not say what any adult does that worries people."
    return CriterionResult(
        "behavioural_specificity",
        False,
        msg,
        evidence,
        "Describe what the adult does, as someone watching would see it, with when, how often "
        "or to whom: “Dad shouts at Mum and throws plates when he has been drinking.”",
    )


def _childs_own(a: Analysis, b) -> bool:
    """What the child does ("Ellie has started crying", "Finn could miss school") shows the
    harm; the danger statement's behaviour is what an adult does."""
    if b.actor is None or not a.people.is_child(b.actor):
        return False
    # a young carer's jobs ("Bethan washes her mum") are the behaviour; reactions, outcomes
    # and looking after themselves ("getting himself up and dressed") are not
    others = [c for c in b.verb.children if c.dep_ in ("dobj", "dative")
              and not c.lower_.endswith(("self", "selves"))]
    return b.verb.lemma_.lower() in REACTIONS or is_modal_future(b.verb) or not others


REACTIONS = {"cry", "hide", "wet", "miss", "scream", "shake", "refuse", "start", "stop",
             "run", "sleep", "eat", "wake", "soil", "tremble", "freeze", "fall"}


ADULT_STATES = {"asleep", "drunk", "high", "unconscious", "intoxicated", "stoned", "out"}


def _adult_states(a: Analysis) -> list:
    """"Mum was asleep at 2pm with the baby beside her": a state someone could see."""
    from drafting.criteria.clauses import Behaviour

    out = []
    for tok in tokens(a.doc):
        if tok.lower_ in ADULT_STATES and tok.dep_ in ("acomp", "amod", "oprd"):
            verb = tok.head
            subj = subjects(verb)
            if subj and all(a.people.is_adult(s) for s in subj) and any(
                c.dep_ in ("prep", "npadvmod", "advcl") for c in list(verb.children)
                + list(tok.children)
            ):
                out.append(Behaviour(verb, subj[0], tok_span(a.doc, subj[0].i, tok.right_edge.i
                                                             if tok.right_edge.i > verb.i
                                                             else verb.right_edge.i), True, ""))
    return out


def _adult_actor(a: Analysis, o) -> bool:
    """"Dad could hit Amy": the adult's act, which is behaviour as well as an outcome."""
    return any(a.people.is_adult(s) for s in subjects(o.verb))


@criterion("consequences", "danger")
def consequences(a: Analysis) -> CriterionResult:
    found = list(outcomes(a))
    good = list({(o.span.start, o.span.end): o for o in found
                 if o.for_child and o.concrete}.values())  # one quote per span
    if good:
        return CriterionResult(
            "consequences",
            True,
            "Says what could happen to the child: "
            + quote(good, 3) + ".",
            tuple(o.span for o in good),
        )
    stock = a.findings_affecting("consequences")
    evidence = spans_of(stock) + tuple(o.span for o in found)
    child_vague = [o for o in found if o.for_child]
    if child_vague:
        msg = "The outcome for the child is vague: " + child_vague[0].reason + "."
    elif stock:
        msg = "Stock risk wording (" + quote(stock, 3, ", ") + \
              ") names no concrete harm to the child."
    elif any(_adult_actor(a, o) for o in found):
        msg = "The future outcome falls on an adult, not on the child."
    elif found:
        msg = "It does not say who this would happen to: name the child."
    else:
        msg = "Does not say what could happen to the child if nothing changes."
    return CriterionResult(
        "consequences",
        False,
        msg,
        evidence,
        "Add what could happen to the child if nothing changes, concretely: "
        "“If nothing changes, Amy could be badly hurt or keep feeling scared at home.”",
    )
