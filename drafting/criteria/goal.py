"""Safety goal criteria: what will be happening, by whom, seen by whom, for how long."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.analysis import Analysis
from drafting.criteria import criterion, quote, spans_of
from drafting.criteria.clauses import (
    ABSTRACT_OBJECTS,
    LABEL_CATEGORIES,
    VAGUE_STATES,
    Behaviour,
    _holder_status,
    behaviours,
    wording_only,
)
from drafting.doccache import sents, tokens
from drafting.report import CriterionResult, Span
from drafting.syntax import (
    PROFESSIONAL,
    SIBLINGS,
    agent_of,
    clause_verbs,
    is_modal_future,
    is_negated,
    is_passive,
    subjects,
    tok_span,
)
from drafting.timex import anchors, durations, vague_times

if TYPE_CHECKING:
    from spacy.tokens import Token

STOP_VERBS = {"stop", "quit", "cease", "refrain", "abstain", "avoid", "end", "prevent",
              "halt", "discontinue", "desist", "eliminate", "reduce", "cut", "disengage",
              "ban", "forbid", "prohibit", "withdraw"}
ALWAYS_COMPLIANCE = {"engage", "comply", "cooperate", "co-operate", "participate", "undertake",
                     "enrol", "enroll", "register", "submit", "consent", "demonstrate",
                     "evidence", "evidenced", "adhere", "refer", "safeguard", "maintain",
                     "utilise", "utilize", "test", "screen", "assess", "monitor", "review"}
# "attend school" is what a goal hopes for; "attend the course" is a service
ATTENDABLE = {"school", "nursery", "college", "kindy", "kindergarten", "lessons", "class",
              "work", "church", "mosque", "temple", "club", "practice", "training_session"}
COMPLIANCE_VERBS = {"attend", "access", "accept", "follow", "complete", "agree", "finish",
                    "provide", "give", "submit", "bring",
                    "go", "keep", "work", "take", "use", "make", "allow", "let", "continue",
                    "respond", "answer", "meet", "sign", "get", "start", "book", "arrange",
                    "see", "do"}
COMPLIANCE_OBJECTS = {"appointment", "appointments", "course", "programme", "program",
                      "service", "services", "assessment", "assessments", "session",
                      "sessions", "meeting", "meetings", "recommendation",
                      "recommendations", "plan", "agreement", "test", "tests", "group",
                      "groups", "therapy", "counselling", "counseling", "treatment",
                      "class", "classes", "support", "visit", "visits", "worker", "workers",
                      "team", "professional", "professionals", "intervention", "referral",
                      "screening", "screen", "checks", "review", "conference", "advice",
                      "instructions", "camhs",
                      "cmht", "rehab", "detox", "aa", "na", "hearing", "order", "orders",
                      "condition", "conditions", "contract", "agency", "practitioner",
                      "caseworker", "keyworker", "curfew", "bail", "rules", "probation", "module",
                      "modules", "drug-test", "testing", "department", "training", "help",
                      "responsibility", "risk", "management", "counsellor", "counselor", "case",
                      "sobriety", "abstinence", "respite", "clinic", "changes", "change",
                      "improvements", "breath", "gp", "doctor", "therapist", "courses"}
# "take her tablets" is treatment compliance; "keep the tablets in a locked tin" is care
MEDICATION = {"medication", "meds", "medicine", "medicines", "tablets", "pills",
              "antidepressants", "methadone", "prescription", "injection", "injections"}
COMPLIANT_STATES = {"compliant", "engaged", "cooperative", "co-operative", "abstinent",
                    "adherent", "concordant", "receptive", "open"}
WRAPPERS = {"make", "ensure", "let", "allow", "want", "need", "help", "see", "expect",
            "like", "wish", "hope", "try"}
OBSERVE_VERBS = {"see", "check", "notice", "know", "monitor", "observe", "confirm", "hear",
                 "watch", "witness", "visit", "review", "look", "tell", "report", "ask",
                 "record", "evidence", "verify", "keep",
                 "talk", "speak", "document", "ring", "call", "phone", "contact", "text",
                 "write", "go", "liaise", "pass", "weigh", "measure", "examine", "inspect",
                 "count", "note"}
# Verbs that observe only when someone in the network does them, about the goal.
NETWORK_ONLY = {"check", "tell", "say", "know", "agree", "share", "report", "record",
                "look", "ask", "talk", "speak", "keep", "ring", "call", "phone", "contact",
                "text", "visit", "write", "go", "evidence", "verify", "count", "note"}
# Passive "evidenced by hair strand testing": a test is not someone who sees
TEST_WORDS = {"test", "testing", "tests", "toxicology", "screening", "screen", "sample",
              "samples", "result", "results", "analysis", "assessment", "assessments"}
NOT_GOAL_VERBS = {"need", "want", "like", "hope", "wish", "close", "step", "include"}
# "this needs to last for three months": the timeframe, not the goal
META_VERBS = {"last", "continue", "happen", "go", "carry", "keep", "stay", "remain", "be",
              "hold"}
AVOIDING = {("stay", "away"), ("keep", "away"), ("stay", "off"), ("keep", "off"),
            ("stay", "out"), ("keep", "out"), ("stay", "clear"), ("keep", "clear")}
WH_MARKS = {"where", "how", "what", "whether", "if", "who", "when", "why", "which"}
VAGUE_NOUNS = {"stability", "consistency", "warmth", "role", "model", "structure", "love",
               "attention", "boundaries", "patience", "respect", "trust", "wellbeing"}
PLACES = {"outside", "inside", "upstairs", "downstairs", "home", "indoors", "nearby"}
# "Dad will be sober when he looks after Kayden on Saturdays": a state someone can check
CHECKABLE_STATES = {"sober", "awake", "up", "dressed", "home", "present", "in", "there",
                    "ready", "clean", "fed", "dry", "warm", "asleep", "back"}
TIME_PREPS = {"until", "till", "by", "before", "after", "for", "over", "within", "during",
              "throughout", "from", "since", "pending"}
# done to the family by services: "Layla will be weighed", "her weight will be plotted"
SERVICE_ACTS = {"weigh", "plot", "refer", "assess", "monitor", "test", "screen", "review",
                "visit", "check", "measure", "examine", "support", "stop", "prevent"}
# "go to school more often", "try harder": aims, not acts
COMPARATIVES = {"more", "harder", "better", "less", "often", "properly", "enough"}
FAMILY_TIME = {"boys", "girls", "kids", "children", "baby", "twins", "grandchildren", "you"}
SHARING_VERBS = {"share", "send", "email", "forward", "message", "copy"}
OBSERVATION_NOUNS = {"visit", "visits", "walk-through", "walk-throughs", "check", "checks",
                     "spot-check", "spot-checks", "inspection", "inspections", "home-visit"}
# a service keeping watch, which says nothing about what the family will be doing
MONITORING = {"monitor", "review", "report", "track", "assess", "record", "evidence", "liaise",
              "share", "document"}
# who is only ever a service: "agencies will share information", "everyone involved"
SERVICE_GROUPS = {"agencies", "services", "professionals", "practitioners", "everyone",
                  "everybody", "partners"}
KIN = {"nan", "nana", "gran", "granny", "grandma", "grandmother", "grandad", "grandpa",
       "grandfather", "aunt", "auntie", "aunty", "uncle", "neighbour", "neighbor", "friend",
       "network", "family", "godmother", "godfather", "cousin", "grandparents"}
RECORDS = {"diary", "chart", "log", "logbook", "book", "messages", "texts", "statement",
           "statements", "record", "records", "notes", "register", "rota", "timetable"}
# calling in is seeing, not doing the goal: "Nan will drop in and check"
VISITING = {("drop", "in"), ("drop", "by"), ("pop", "in"), ("pop", "round"), ("stop", "by"),
            ("call", "in"), ("call", "round"), ("come", "round"), ("come", "over"),
            ("look", "in"), ("swing", "by")}
EMERGENCY = {"police", "ambulance", "911", "999", "000", "112", "emergency"}


def _no_det(tok: Token) -> bool:
    """"no rubbish", "no more rubbish", "no further incidents"."""
    for c in tok.children:
        if c.lower_ == "no" and c.dep_ in ("det", "neg"):
            return True
        if c.dep_ == "amod" and c.lower_ in ("more", "further") and any(
            g.lower_ == "no" for g in c.children
        ):
            return True
    return False


def _is_compliance(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if lemma in ALWAYS_COMPLIANCE:
        return True
    if lemma in ("be", "remain", "stay", "become") and any(
        c.dep_ in ("acomp", "attr") and c.lower_ in COMPLIANT_STATES for c in verb.children
    ):
        return True
    if lemma == "attend":
        objs = [t for c in verb.children if c.dep_ in ("dobj", "prep") for t in c.subtree
                if t.pos_ in ("NOUN", "PROPN")]
        return not any(t.lemma_.lower() in ATTENDABLE for t in objs)
    if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ in MEDICATION
                               for c in verb.children):
        return True
    if lemma == "do" and any(t.lemma_.lower() in ("tell", "say", "ask", "recommend", "advise")
                             for t in verb.subtree if t.i != verb.i):
        return True  # "do what the doctors tell them"
    if lemma in COMPLIANCE_VERBS | {"manage"}:
        for c in verb.children:
            if c.dep_ not in ("dobj", "prep", "xcomp", "dative", "attr", "nsubjpass", "npadvmod",
                              "advmod"):
                continue
            if c.dep_ == "prep" and c.lower_ in TIME_PREPS:
                continue  # "until the next court review" says when, not what
            if any(t.lemma_.lower() in COMPLIANCE_OBJECTS or t.lower_ in COMPLIANCE_OBJECTS
                   for t in c.subtree):
                return True
    return False


def _is_stop(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    if is_negated(verb):
        return True
    parts = {c.lower_ for c in verb.children if c.dep_ in ("advmod", "prt", "prep", "acomp")}
    if any(v == lemma and p in parts for v, p in AVOIDING):
        return True  # "stay away from", "keep off the drink"
    if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "no-one", "none")
           or (c.lower_ == "one" and any(g.lower_ == "no" for g in c.children))
           for c in verb.children):
        return True  # "nobody will smoke in the house"
    if any(c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(
            g.lower_ == "no" for g in c.children) for c in verb.children):
        return True  # "will no longer give", "no more shouting"
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "attr", "dobj") and _no_det(c) and lemma in (
            "be", "have", "pile", "leave", "happen", "occur", "see", "want",
        ):
            return True
    if lemma in STOP_VERBS:
        if any(c.dep_ == "prt" and c.lower_ in ("by", "round", "in", "over")
               for c in verb.children):
            return False  # "Nan will stop by every evening"
        if lemma in ("end", "cut", "reduce") and not any(
            c.dep_ in ("dobj", "prt", "xcomp") for c in verb.children
        ):
            return False
        return True
    if lemma == "give" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return True
    return False


def _under_negation(verb: Token) -> bool:
    """"won't let him get rides": the complement of a negated or stopping verb.

    A conjoined verb shares its head's negation only when it has no subject or auxiliary of
    its own ("will not drink or go out"), and never a plain "stop" ("stop what she is doing
    and give her a cuddle").
    """
    v = verb
    for _ in range(3):
        if v.dep_ not in ("xcomp", "ccomp", "conj", "acomp", "oprd") or v.head.i == v.i:
            return False
        if v.dep_ == "conj":
            own = any(c.dep_ in ("nsubj", "aux") for c in v.children)
            head = v.head
            if not own and (is_negated(head) or _is_stop(head)
                            and head.lemma_.lower() not in STOP_VERBS):
                return True  # "no more shouting and fighting"
            v = head
            continue
        v = v.head
        if (_is_stop(v) or v.lemma_.lower() in STOP_VERBS) and not any(
                c.lower_ in ("by", "in", "round", "over") and (
                    c.dep_ in ("prt", "advmod") or not list(c.children))
                for c in v.children):
            return True  # not "will stop by on Sundays to check"
    return False


def _serves_a_service(verb: Token) -> bool:
    """Complements and purposes of a stopping or service verb are not goals of their own:
    "stop drinking", "do the course so he can be a better dad and show Kai he loves him"."""
    t = verb
    through_clause = False
    for _ in range(3):
        if t.head.i == t.i:
            return False
        through_clause = through_clause or t.dep_ in ("xcomp", "ccomp", "advcl")
        t = t.head
        if through_clause and (_is_stop(t) or _is_compliance(t)
                               or t.lemma_.lower() in STOP_VERBS):
            return True
        if t.dep_ not in ("conj", "xcomp", "ccomp", "advcl"):
            return False
    return False


def _hands_on_check(a: Analysis, o: _Observer) -> bool:
    """A family member checking a concrete thing: it is also what they will do."""
    return o.verb.lemma_.lower() in ("check", "look", "count", "inspect", "weigh", "measure") \
        and any(c.dep_ == "dobj" and c.lower_ not in ("this", "that", "it", "these", "those")
                for c in o.verb.children) \
        and not any(a.people.resolve(h).role == "professional" for h in o.holders)


def goal_clauses(a: Analysis) -> list[tuple[Token, str]]:
    """Each main goal clause with its framing: positive, stop, or compliance."""
    return list(a.memo("goal_clauses", lambda: _goal_clauses(a)))


def _goal_clauses(a: Analysis) -> list[tuple[Token, str]]:
    out = []
    observed = observers(a)
    # "Nan will check Leah's blood sugar diary": seeing it, and a protective act in itself
    obs = {o.verb.i for o in observed if not _hands_on_check(a, o)}
    # "will tell the social worker if Curtis turns up drunk": the condition is not the goal
    under_obs = {t.i for o in observed for c in o.verb.children
                 if c.dep_ in ("advcl",) for t in c.subtree}
    for verb in clause_verbs(a.doc):
        lemma = verb.lemma_.lower()
        if verb.i in obs or lemma in NOT_GOAL_VERBS:
            continue
        memo = verb.dep_ in ("advcl", "acl", "relcl") and verb.head.dep_ == "ROOT" and \
            verb.head.pos_ in ("NOUN", "PROPN") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
        if not memo and verb.dep_ in ("advcl", "relcl", "acl", "pcomp", "csubj", "amod",
                                      "compound", "npadvmod", "nmod") and not _is_stop(verb):
            continue  # triggers and descriptions, not the goal itself ("Mum to ensure" is)
        if _serves_a_service(verb):
            continue  # "stop drinking", "do the course so he can be a better dad"
        if lemma in WRAPPERS and not _is_stop(verb) and any(
            c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "acomp" and c.lower_ == "sure")
            for c in verb.children
        ):
            continue  # "make sure X", "let him Y": the complement carries the framing
        if lemma == "be" and not any(
            c.dep_ in ("acomp", "attr", "prep", "expl", "advmod") for c in verb.children
        ):
            continue
        if lemma in META_VERBS and any(
            s.lower_ in ("this", "that", "it", "these") for s in subjects(verb)
        ):
            continue
        if lemma == "know" and verb.head.lemma_.lower() == "let":
            continue  # "let us know if...": reporting, not the goal
        if verb.dep_ in ("ccomp", "xcomp") and any(
            c.lower_ in WH_MARKS and c.dep_ in ("advmod", "mark", "nsubj", "dobj", "attr")
            for c in verb.children
        ):
            continue  # "see how Lola is", "knowing where he is"
        if verb.i in under_obs:
            continue
        if any(f.start <= verb.idx < f.end and f.category in ("jargon", "vague_label",
                                                                "blaming_label")
               and not wording_only(f) for f in a.findings):
            out.append((verb, "compliance"))  # "YP to be safeguarded": a label, not a goal
            continue
        subj = subjects(verb)
        if any(a.people.resolve(x).role == "professional" for x in subj) or (
                subj and all(x.pos_ != "PRON" and x.lower_ in SERVICE_GROUPS for x in subj)):
            continue  # "HV to continue the offer", "agencies will share information": what
            # services do is not the family's goal
        if _is_stop(verb) or _under_negation(verb):
            out.append((verb, "stop"))
        elif _is_compliance(verb):
            out.append((verb, "compliance"))
        else:
            out.append((verb, "positive"))
    return out


def _list_items(a: Analysis) -> list[Span]:
    """Checkable items of a memo list: "uniform washed by Sunday night; stairgate shut"."""
    out = []
    if ";" not in a.text:
        return out
    start = 0
    for part in [*a.text.split(";")]:
        end = start + len(part)
        chunk = a.doc.char_span(start, end, alignment_mode="contract")
        start = end + 1
        if chunk is None or len(chunk) < 2:
            continue
        if any(t.lower_ in ("no", "never", "not", "n't", "nobody") for t in chunk):
            continue
        if any(f.category in LABEL_CATEGORIES and chunk.start_char <= f.start < chunk.end_char
               for f in a.findings):
            continue
        if any(t.lemma_.lower() in ALWAYS_COMPLIANCE | {"attend", "complete"}
               or t.lower_ in COMPLIANCE_OBJECTS for t in chunk):
            continue  # "complete 12 sessions", "go to baby clinic": services
        concrete = [t for t in chunk if t.pos_ == "NOUN" and t.lemma_.lower() not in
                    ABSTRACT_OBJECTS | VAGUE_NOUNS and not a.people.is_person(t)
                    and t.lemma_.lower() not in PROFESSIONAL]
        state = [t for t in chunk if (t.tag_ == "VBN" or t.pos_ == "ADJ"
                                      or t.lower_ in ("on", "off", "shut", "in", "at"))
                 and t.lemma_.lower() not in VAGUE_STATES]
        if concrete and state:
            out.append(Span(chunk.start_char, chunk.end_char, chunk.text))
    return out


def _fragments(a: Analysis) -> list[Token]:
    """Verbless notes ("Mum sober at bedtime, seen by Nan"): the root word is the goal."""
    out = []
    for sent in sents(a.doc):
        root = sent.root
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in sent):
            continue  # "Parents to ensure...": memo style with a verb, judged as a clause
        if is_negated(root) or any(c.lower_ == "no" for c in root.children):
            continue
        if root.pos_ == "ADJ" or any(c.pos_ == "ADJ" and c.dep_ in ("amod", "appos", "acomp")
                                     for c in root.children):
            out.append(root)
    return out


@criterion("positive_framing", "safety_goal")
def positive_framing(a: Analysis) -> CriterionResult:
    clauses = goal_clauses(a)
    if not any(kind == "positive" for _, kind in clauses):
        clauses += [(t, "positive") for t in _fragments(a)
                    if t.lower_ not in COMPLIANT_STATES]
    if not any(kind == "positive" for _, kind in clauses) and _list_items(a):
        items = _list_items(a)
        return CriterionResult(
            "positive_framing", True,
            "Describes what will be in place: " + quote(items, 3) + ".", tuple(items))
    if not clauses:
        # only people seeing or calling in: "Nan will see the boys after school", "Uncle Jim
        # will call in twice a week" still describe something that will be happening
        clauses = [(o.verb, "positive") for o in observers(a) if not is_negated(o.verb)
                   and (_sees_doing(o.verb) or (o.status != "collective"
                                                and o.verb.lemma_.lower() not in MONITORING))
                   and any(c.dep_ in ("dobj", "ccomp", "prt", "xcomp", "oprd")
                           and c.lower_ not in ("this", "it", "that") for c in o.verb.children)]
    positive = [v for v, kind in clauses if kind == "positive"]
    if positive:
        spans = tuple(tok_span(a.doc, v.left_edge.i if v.left_edge.i > v.i - 6 else v.i, v.i)
                      for v in positive)
        return CriterionResult(
            "positive_framing",
            True,
            "Describes what will be happening: " + quote(spans, 3)
            + ".",
            spans,
        )
    stops = [v for v, kind in clauses if kind == "stop"]
    comp = [v for v, kind in clauses if kind == "compliance"]
    evidence = tuple(tok_span(a.doc, v.i, v.right_edge.i) for v in stops + comp)
    if comp and not stops:
        msg = "This is a service or compliance step, not a safety goal: it does not say what " \
              "will be different for the child."
    elif stops:
        msg = "Says only what will stop or be absent, not what will be happening instead."
    else:
        msg = "Does not describe anything that will be happening."
    return CriterionResult(
        "positive_framing",
        False,
        msg,
        evidence,
        "Say what the adults will be doing instead, and what the child will notice: “When Dad "
        "feels angry he goes out to the garden, and Amy is in bed by 8 on school nights.”",
    )


@criterion("behavioural_specificity", "safety_goal")
def goal_behaviour(a: Analysis) -> CriterionResult:
    obs = observers(a)
    exclude = {o.verb.i for o in obs if not _hands_on_check(a, o)}
    # what observers do or watch for ("when she visits", "notice if Noor starts saying...")
    # is not the family's behaviour
    for o in obs:
        for c in o.verb.children:
            marked = any(g.dep_ in ("mark", "advmod") and g.lower_ in WH_MARKS | {
                "while", "whenever", "after", "before", "until", "once", "if"}
                for g in c.children)  # not "see Dad making her packed lunch" (the goal)
            if (c.dep_ == "advcl" and marked) or (c.dep_ == "ccomp" and any(
                    g.lower_ in WH_MARKS for g in c.children)):
                exclude |= {t.i for t in c.subtree}
    framing = dict((v.i, kind) for v, kind in goal_clauses(a))
    # an adult's family time with a place ("Dad will see the children at Nan's on Sundays"),
    # not the child's ("Leo will see his dad every Saturday") or a bare "every week"
    family = [b for b in _family_time(a, exclude)
              if not a.people.is_childlike(b.actor) and any(
                  c.dep_ == "prep" for c in b.verb.children)]
    found = [b for b in [*behaviours(a, exclude=exclude), *_family_time(a, exclude)]
             if framing.get(b.verb.i, "positive") == "positive"
             and (b.verb.dep_ not in ("relcl", "acl")
                  or (b.verb.dep_ == "acl" and a.people.is_person(b.verb.head) and not any(
                      c.dep_ == "nsubj" for c in b.verb.children))  # "Mum cooks..." as a noun
                  or b.verb.head.lemma_.lower() in ("one", "person", "adult"))
             and not (b.verb.dep_ == "advcl" and any(
                 c.dep_ in ("mark", "advmod") and c.lower_ in (
                     "after", "before", "if", "once", "until", "since", "whenever", "when",
                     "while") for c in b.verb.children))
             and not (b.actor is None and b.verb.lemma_.lower() in SERVICE_ACTS)
             and not any(c.dep_ in ("advmod", "acomp") and c.lower_ in COMPARATIVES
                         for c in b.verb.children)
             and not (b.actor is not None and a.people.resolve(b.actor).role == "professional")
             and not (b.verb.lemma_.lower() in ("show", "tell") and any(
                 c.dep_ == "ccomp" for c in b.verb.children))]
    specific = [b for b in found if b.specific and not _is_compliance(b.verb)
                and not _is_stop(b.verb) and not _under_negation(b.verb)
                and (b.verb.lemma_.lower() not in WRAPPERS or _makes_a_thing(a, b.verb)
                     or b in family)  # "Dad will see the children at Nan's on Sundays"
                and not any(_no_det(s) for s in subjects(b.verb))
                and not (b.verb.dep_ in ("acl",) and _no_det(b.verb.head))]
    if not specific:
        specific = _concrete_states(a, framing)
    if not specific:
        specific = [Behaviour(a.doc[a.doc.char_span(s.start, s.end, alignment_mode="expand")
                                    .root.i], None, s, True, "") for s in _list_items(a)]
    if not specific:
        # verbless notes: "Mum sober at bedtime, seen by Nan nightly"
        frags = [t for t in _fragments(a) if any(c.dep_ == "prep" for c in t.children)
                 or any(c.dep_ == "prep" for g in t.children for c in g.children)]
        specific = [Behaviour(t, None, tok_span(a.doc, t.left_edge.i, t.right_edge.i), True, "")
                    for t in frags]
    if specific:
        return CriterionResult(
            "behavioural_specificity",
            True,
            "Names what people will do: " + quote(specific, 3)
            + ".",
            tuple(b.span for b in specific),
        )
    labels = a.findings_affecting("behavioural_specificity")
    evidence = spans_of(labels) + tuple(b.span for b in found)
    msg = ("Vague aims stand in for behaviour: " + quote(labels, 4, ", ")
           + ".") if labels else "Does not name specific things people will do."
    return CriterionResult(
        "behavioural_specificity",
        False,
        msg,
        evidence,
        "Name the things people will do, in the situations where the danger arises: “When Mum "
        "has been drinking, she rings Nan, who collects Kai before 6pm.”",
    )


def _makes_a_thing(a: Analysis, verb: Token) -> bool:
    """"make her a hot tea" is cooking; "make sure", "make Kai go" wrap another goal."""
    return verb.lemma_.lower() == "make" and not any(
        c.dep_ in ("ccomp", "xcomp", "acomp", "oprd") or c.lower_ == "sure"
        for c in verb.children) and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and not a.people.is_person(c)
        for c in verb.children)


def _family_time(a: Analysis, exclude: set[int]) -> list[Behaviour]:
    """"Dad sees Kai and Lily every Saturday at the family centre": when, where, with whom."""
    out = []
    for verb in clause_verbs(a.doc):
        if verb.lemma_.lower() != "see" or verb.i in exclude or is_negated(verb):
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj" and a.people.is_person(c)]
        ctx = [c for c in verb.children if c.dep_ in ("prep", "npadvmod")]
        subj = subjects(verb)
        if objs and ctx and subj:
            span = tok_span(a.doc, min(s.i for s in subj), max(c.right_edge.i for c in ctx))
            out.append(Behaviour(verb, subj[0], span, True, ""))
    return out


def _concrete_states(a: Analysis, framing: dict[int, str]) -> list[Behaviour]:
    """States a visitor could check: "the pool gate will be shut", "there will be milk and
    food in the fridge", "Nan will be outside with him" (not "the home will be safe")."""
    out = []
    for verb, kind in framing.items():
        tok = a.doc[verb]
        if kind != "positive" or tok.lemma_.lower() not in ("be", "have", "keep", "shut", "lock"):
            continue
        if any(_is_stop(c) or _no_det(c) for c in tok.children):
            continue  # "there will be no more shouting in front of the kids"
        for c in tok.children:
            if c.dep_ not in ("acomp", "attr", "dobj", "prep", "advmod", "oprd"):
                continue
            words = [t for t in c.subtree if not any(
                f.category in LABEL_CATEGORIES and f.start <= t.idx < f.end for f in a.findings)]
            if any(x.dep_ in ("acomp", "oprd") and x.lemma_.lower() in VAGUE_STATES
                   for x in tok.children):
                break  # "Leo being happier and more settled in class"
            concrete = [t for t in words if t.pos_ == "NOUN"
                        and t.lemma_.lower() not in ABSTRACT_OBJECTS
                        and a.people.mention(t).role not in ("child", "adult", "unknown")]
            timed = any(x.dep_ in ("advcl", "npadvmod", "prep") for x in tok.children)
            if concrete or any(t.lower_ in PLACES for t in words) or (
                    timed and c.lower_ in CHECKABLE_STATES):
                span = tok_span(a.doc, min(tok.i, c.left_edge.i), c.right_edge.i)
                out.append(Behaviour(tok, None, span, True, ""))
                break
    return out


class _Observer:
    def __init__(self, verb: Token, holders: list[Token], status: str) -> None:
        self.verb, self.holders, self.status = verb, holders, status


def _observes_something(verb: Token) -> bool:
    """"see her dad at weekends" is family time; "see Mum doing X" / "see this" observes."""
    lemma = verb.lemma_.lower()
    if lemma not in ("see", "visit", "hear", "watch"):
        return True
    kids = list(verb.children)
    if any(c.dep_ == "agent" for c in kids):
        return True  # "will be seen by the health visitor at every visit"
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "it" for g in c.children)
           for c in kids):
        return False  # "Nan will see to it that..." is making sure, not seeing
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in kids):
        return True
    if lemma == "hear" and any(c.dep_ == "prep" and c.lower_ == "from" for c in kids):
        return True  # "will hear from Saoirse how home has been"
    if lemma == "watch" and any(c.lower_ in ("for", "out") for c in kids):
        return True  # "the family network will watch for this"
    for c in kids:
        if c.dep_ == "dobj":
            if c.lower_ in ("this", "that", "it", "these", "those", "change", "changes",
                            "progress", "evidence", "improvement", "improvements"):
                return True
            if any(g.dep_ in ("acl", "ccomp") for g in c.children):
                return True  # "see Mum collecting her", not "see the people who..."
            if c.lemma_.lower() in PROFESSIONAL | {"sponsor", "counselor", "therapist",
                                                    "psychiatrist", "mentor", "keyworker"}:
                return False  # "Mum will go to see her social worker": an appointment
            return lemma == "see" and c.pos_ not in ("PROPN",) and c.lower_ not in FAMILY_TIME \
                and c.lemma_.lower() not in (
                "dad", "mum", "mom", "father", "mother", "nan", "family", "parent", "parents",
                "friend", "friends", "grandparent", "grandparents", "sibling", "siblings",
                "brother", "sister", "doctor", "gp", "nurse", "dentist", "counsellor",
                "child", "children", "kids", "boys", "girls", "baby", "son", "daughter",
                "people", "him", "her", "them", "he", "she", "they",
            )
    return lemma == "see" and not kids


def _sees_doing(verb: Token) -> bool:
    """"need to see Craig cooking her tea", "will see improved home conditions": what is
    seen is something happening, whoever sees it."""
    return verb.lemma_.lower() in ("see", "watch", "notice", "observe", "hear") and any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and any(
            g.dep_ in ("acl", "amod", "relcl") for g in c.children))
        for c in verb.children)


def _network_sees_family(a: Analysis, verb: Token) -> bool:
    """"Nanny Pat will see Arlo every Sunday", "the school will see Maryam in clean uniform":
    someone outside the family seeing the child or parent sees how things are. A parent or
    child seeing the other ("Kai will see his dad at weekends") is family time."""
    if verb.lemma_.lower() != "see" or is_passive(verb):
        return False
    seen = [c for c in verb.children if c.dep_ == "dobj" and (
        a.people.is_childlike(c) or c.lemma_.lower() in PARENT_WORDS
        or c.lower_ in ("him", "her", "them")
        or c.text in a.people.parent_names)]  # not "Gemma will see her GP"
    who = subjects(verb)
    if not (seen and who and all(_is_network(a, s) and s.lemma_.lower() not in PARENT_WORDS
                                 for s in who)):
        return False
    # the seeing must be of something: a goal beside it ("Seb will bring Arlo to Nanny Pat's
    # ..., and Nanny Pat will see Arlo every Sunday"), what they see ("in clean uniform"), or
    # a need to see; "Nan will see the boys on Wednesdays" alone is family time
    own = {t.i for t in verb.subtree}
    beside = any(v.i not in own and v.lemma_.lower() not in OBSERVE_VERBS | META_VERBS
                 for v in clause_verbs(a.doc))
    described = any(c.dep_ in ("prep", "acomp", "oprd") and c.lower_ in ("in", "with", "without")
                    for c in verb.children)
    needed = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("need", "want", "expect")
    if not (beside or described or needed):
        return False
    if any(t.lemma_.lower() in PARENT_WORDS or t.text in a.people.parent_names for t in seen):
        # "Kai will see his dad": a bare name seeing a parent is most likely the child
        return all(s.pos_ == "NOUN" or any(c.dep_ in ("compound", "appos") and c.pos_ == "NOUN"
                                           for c in s.children) for s in who)
    return True


PARENT_WORDS = {"mum", "mom", "mam", "mother", "mummy", "mommy", "dad", "father", "daddy",
                "stepdad", "stepmum", "stepmom", "stepfather", "stepmother"}
_SAME = {"mom": "mum", "mam": "mum", "mother": "mum", "mummy": "mum", "mommy": "mum",
         "father": "dad", "daddy": "dad"}


def _person_key(a: Analysis, tok: Token) -> str:
    """Who a subject is, as one word: "he" -> the man it points back to, "his dad" -> dad."""
    m = a.people.resolve(tok) if tok.pos_ == "PRON" else None
    base = m.tok if m is not None else tok
    word = base.text.lower() if base.pos_ == "PROPN" else base.lemma_.lower()
    return _SAME.get(word, word)


def _goal_actors(a: Analysis, skip: Token) -> set[str]:
    """The people whose own doing is the goal (subjects of its goal clauses)."""
    own = {t.i for t in skip.subtree}  # "which his mum will check when she collects him"
    for c in skip.children:  # but "If Noreen feels unwell, she will ring": Noreen acts
        if c.dep_ == "advcl" and c.i < skip.i:
            own -= {t.i for t in c.subtree}
    return {_person_key(a, s) for v in clause_verbs(a.doc)
            if v.i not in own and v.lemma_.lower() not in OBSERVE_VERBS | NETWORK_ONLY
            and not any((v.lemma_.lower(), c.lower_) in VISITING for c in v.children)
            for s in subjects(v)}


def _other_parent(a: Analysis, tok: Token, actors: set[str]) -> bool:
    """A parent who checks on the other one ("Callum's mum will ask him about it" when his
    dad keeps the gun locked): someone else sees it, so the goal names an observer."""
    if tok.pos_ == "PRON":
        m = a.people.resolve(tok)
        if m.tok.i == tok.i:
            return False
        tok = m.tok
    parentish = tok.lemma_.lower() in PARENT_WORDS or tok.text in a.people.parent_names
    return parentish and bool(actors) and _person_key(a, tok) not in actors


def _bare_name(a: Analysis, tok: Token) -> bool:
    """A name with no kin word or role beside it ("Keisha", not "Grandma Val" or "Marlene,
    her kokum"): when that person also does the goal, it is most likely the parent."""
    if tok.pos_ == "PRON":
        tok = a.people.resolve(tok).tok
    if tok.pos_ != "PROPN" or tok.lemma_.lower() in KIN | PROFESSIONAL:
        return False
    return not any(  # any mention: "Grandad Mick will hold the keys ... Mick will tell"
        t.dep_ in ("appos", "compound")
        or (t.i > 0 and a.doc[t.i - 1].lemma_.lower() in KIN | SIBLINGS)  # "her sister Sinead"
        or any(c.dep_ in ("compound", "appos", "nmod")
               and (c.pos_ == "NOUN" or c.lemma_.lower() in KIN) for c in t.children)
        for t in tokens(a.doc) if t.text == tok.text)


def _network(a: Analysis, toks: list[Token]) -> list[Token]:
    """The people or roles among ``toks`` who are in the network: who is shown, told or
    sent something, and so sees it."""
    return [t for t in toks if t.pos_ in ("PROPN", "NOUN") and _is_network(a, t)]


def observers(a: Analysis) -> list[_Observer]:
    """Who will see or check, by the verb they do it with, and how they are named."""
    return list(a.memo("observers", lambda: _observers(a)))


def _observers(a: Analysis) -> list[_Observer]:
    out = []
    for tok in tokens(a.doc):
        # "with Grandma Efua watching": the one watching sees it
        if tok.lemma_.lower() in ("watch", "supervise", "present") and tok.dep_ == "pobj" \
                and tok.head.lower_ == "with":
            who = [c for c in tok.children if c.dep_ == "nsubj" and _is_network(a, c)]
            if who:
                out.append(_Observer(tok, who, _holder_status(a, who)))
    for verb in clause_verbs(a.doc):
        lemma = verb.lemma_.lower()
        if lemma == "make" and any(c.lower_ == "sure" for c in verb.children):
            # "Mei will make sure he goes": someone plainly in the network checks; a parent
            # or a bare name making sure is doing the goal ("Jenny will make sure...")
            if not any(_is_network(a, h) and not _bare_name(a, h)
                       and h.lemma_.lower() not in PARENT_WORDS for h in subjects(verb)):
                continue
            lemma = "check"
        if lemma == "read" and any(c.lower_ == "through" or c.lemma_.lower() in RECORDS
                                   for c in verb.children):
            lemma = "check"  # "Grandad will read through her seizure diary"
        if lemma in ("do", "make", "carry", "conduct", "undertake") and any(
            c.dep_ == "dobj" and c.lower_ in OBSERVATION_NOUNS for c in verb.children
        ):
            holders = subjects(verb)  # "the caseworker will do unannounced walk-throughs"
            out.append(_Observer(verb, holders, _holder_status(a, holders)))
            continue
        visits = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in OBSERVATION_NOUNS]
        if lemma in ("show", "see") and visits and not is_negated(verb):
            # "the caseworker's visits will show": whoever visits sees it
            visitors = _network(a, [t for v in visits for t in v.children
                                    if t.dep_ in ("poss", "compound")])
            if visitors:
                out.append(_Observer(verb, visitors, _holder_status(a, visitors)))
                continue
        if lemma == "show":
            # "show it to Lacey's grandma each Sunday": the one shown sees it
            shown = _network(a, [t for c in verb.children if c.dep_ in ("dative", "prep")
                                 for t in c.subtree])
            shown += [c for c in verb.children if c.dep_ == "dobj" and _is_network(a, c) and (
                c.pos_ == "NOUN" or a.people.resolve(c).role not in ("unknown", "child"))]
            # "show the health visitor she can...", not "show Kai that he loves him"
            if shown and not is_negated(verb):
                out.append(_Observer(verb, shown, _holder_status(a, shown)))
            continue
        if lemma in ("message", "email", "update", "inform") and not is_negated(verb):
            # "message the social worker", "update Nan": the person addressed learns of it
            told = _network(a, [c for c in verb.children if c.dep_ in ("dobj", "dative")])
            if told:
                out.append(_Observer(verb, told, _holder_status(a, told)))
                continue
        if lemma == "keep" and any(c.lower_ in ("informed", "updated") for c in verb.children):
            # "the family network will be kept informed", "keep Nan updated"
            kept = _network(a, [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")])
            if kept and not is_negated(verb):
                out.append(_Observer(verb, kept, _holder_status(a, kept)))
            continue
        if lemma in SHARING_VERBS:
            # "share it with the health visitor", "results shared with SW", "send the
            # screenshots to Claire": whoever receives it sees it
            sent_to = _network(a, [t for c in verb.children if c.dep_ == "dative"
                                   or (c.dep_ == "prep" and c.lower_ in ("to", "with"))
                                   for t in ([c] if c.dep_ == "dative" else c.children)])
            child_sent = any(c.dep_ == "dobj" and (a.people.is_person(c) or c.pos_ == "PROPN")
                             for c in verb.children)  # "send Amy to school" is not showing
            if sent_to and not child_sent and not is_negated(verb):
                out.append(_Observer(verb, sent_to, _holder_status(a, sent_to)))
            continue
        if lemma not in OBSERVE_VERBS:
            continue
        if not (_observes_something(verb) or _network_sees_family(a, verb)) or (
            is_negated(verb) or _under_negation(verb)) or (
            verb.dep_ == "xcomp" and _is_stop(verb.head)
        ):
            continue
        by = agent_of(verb)  # "seen by Nan", not "will see it by the next review"
        participle = verb.tag_ == "VBN" and not any(c.lemma_ == "have" for c in verb.children)
        holders = by if is_passive(verb) or participle or any(
            a.people.is_person(t) or t.pos_ == "PROPN" for t in by) else subjects(verb)
        if not holders and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("able", "sure"):
            holders = subjects(verb.head.head)  # "Ms Obi will be able to tell that..."
        if holders and all(h.lemma_.lower() in TEST_WORDS for h in holders):
            out.append(_Observer(verb, [], "agentless"))  # "evidenced by drug testing"
            continue
        if lemma == "know" and verb.head.lemma_.lower() == "let":
            holders = subjects(verb.head)  # "Pat and the nursery will let us know"
            told = _network(a, [c for c in [*verb.children, *verb.head.children]
                                if c.dep_ in ("nsubj", "dobj") and c.i != verb.head.i])
            if told and not is_negated(verb.head):
                # "Jo will let the social worker know each time": the social worker knows
                out.append(_Observer(verb, told, _holder_status(a, told)))
                continue
        if lemma == "look" and any(c.lower_ == "after" for c in verb.children):
            continue  # "look after Lily" is care
        addressees = [t for c in verb.children if c.dep_ in ("dobj", "dative", "prep")
                      for t in c.subtree]
        if lemma in ("ring", "call", "phone", "contact", "text", "tell", "report") and (
            any(t.lower_ in EMERGENCY for t in addressees)
            or any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") for c in verb.children)
            or (verb.dep_ == "relcl" and verb.head.lower_ in ("what", "whatever"))
        ):
            continue  # "call 911", "do what the doctors tell them"
        if lemma in ("talk", "speak") and not (
            any(a.people.is_child(t) for t in addressees)
            or any(c.dep_ in ("ccomp", "prt") or c.lower_ in ("about", "through")
                   for c in verb.children)
        ):
            continue  # "stop talking to adults online" is not checking in with the child
        if lemma == "write" and not any(c.lower_ == "down" or c.dep_ == "ccomp"
                                        for c in verb.children):
            continue  # "write down how he speaks to them" records; "write a letter" does not
        if lemma == "go" and not any(c.lower_ == "through" for c in verb.children):
            continue  # "go through the bank statement together"
        if lemma in ("tell", "report", "ring", "text", "phone") and any(
            _is_network(a, t) for t in addressees if t.pos_ in ("PROPN", "NOUN")
        ) and not any(_is_network(a, h) for h in holders):
            # "the kids will tell Nan on Sundays what they had": Nan is the one who knows
            named = [t for t in addressees if _is_network(a, t)]
            out.append(_Observer(verb, named, _holder_status(a, named)))
            continue
        if lemma in NETWORK_ONLY:
            # these observe only when the goal says so: "Nan will check", "tell the social
            # worker", "which Grandpa checks" — not "Mum will check Kai's blood sugar"
            if lemma == "keep" and not any(c.lower_ == "eye" for c in verb.children):
                continue
            actors = _goal_actors(a, verb)
            if not any((_is_network(a, h) and not (_bare_name(a, h)
                                                    and _person_key(a, h) in actors))
                       or _other_parent(a, h, actors) for h in holders):
                continue  # "If Keisha gets unwell, she will ring her sister": Keisha acts
            named = {h.text for h in holders}
            if lemma in ("check", "look") and not any(_is_network(a, h) for h in holders) \
                    and any(t.dep_ == "poss" and t.text not in named
                            and a.people.resolve(t).role in ("child", "unknown")
                            for c in verb.children if c.dep_ == "dobj" for t in c.subtree):
                continue  # a parent checking the child's blood sugar is care, not observing;
                # Grandpa checking Maya's lunchbox sees the goal
        if lemma in ("know", "agree", "say", "share") and not any(
            c.dep_ in ("ccomp",) for c in verb.children
        ) and not (lemma == "know" and verb.head.lemma_.lower() == "let" and any(
            c.dep_ == "advcl" for c in [*verb.children, *verb.head.children]
        )):
            continue  # "will let us know if Ruby says he has" reports what they hear
        status = _holder_status(a, holders) if holders else "agentless"
        out.append(_Observer(verb, holders, status))
    return out


def _is_network(a: Analysis, tok: Token) -> bool:
    """Someone other than the parent whose care is the goal: professionals and network."""
    if tok.pos_ == "PRON":
        m = a.people.resolve(tok)  # "she will take them for a walk" -> Aunt Mel
        if m.tok.i == tok.i:
            return False
        tok = m.tok
    if tok.dep_ in ("appos", "compound") and tok.head.lemma_.lower() in SIBLINGS:
        tok = tok.head  # "her sister Niamh": whose sister decides
    elif any(c.dep_ == "appos" and c.lemma_.lower() in SIBLINGS for c in tok.children):
        tok = next(c for c in tok.children if c.dep_ == "appos")  # "Debbie, his sister,"
    lemma = tok.lemma_.lower()
    if lemma in SIBLINGS:
        return _adults_sibling(a, tok)
    if lemma in ("mother", "father", "mum", "mom", "dad") and any(
        c.dep_ == "poss" and not a.people.is_child(c) and c.lower_ not in ("his", "her", "their")
        for c in tok.children
    ):
        return True  # "Yusuf's mother": a grandparent
    if tok.text in a.people.parent_names:
        return False
    if lemma in PROFESSIONAL or tok.ent_type_ == "ORG":
        return True
    if lemma in KIN:
        return True
    return tok.pos_ == "PROPN" and not a.people.is_child(tok) and lemma not in (
        "mum", "dad", "mom")


def _adults_sibling(a: Analysis, tok: Token) -> bool:
    """In a goal, "her sister will check" is almost always the parent's sister: the
    network. Only a child's own sibling ("Amy's brother", "his sister" after Tom, 6) is not."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is None:
        return False
    if owner.pos_ != "PRON":
        return not a.people.is_child(owner)
    if owner.lower_ in ("your", "my", "our") or a.people.resolve(owner).role != "child":
        return True
    # "Mum will keep Baby Ivy in her room, and her sister Jade will check": a goal is about
    # an adult's care, so an adult of the same gender earlier on is the likelier owner
    want = {"his": "m", "her": "f"}.get(owner.lower_, "")
    return any(m.role == "adult" and m.tok.i < owner.i and (not want or m.gender in ("", want))
               for m in a.people.mentions)


@criterion("who_needs_to_see", "safety_goal")
def who_needs_to_see(a: Analysis) -> CriterionResult:
    obs = observers(a)
    named = [o for o in obs if o.status == "named"]
    if named:
        spans = tuple(
            tok_span(a.doc, min([o.verb.i] + [h.left_edge.i for h in o.holders
                                             if h.i > o.verb.i - 15]),
                     max([o.verb.i] + [h.i for h in o.holders]))
            for o in named
        )
        return CriterionResult(
            "who_needs_to_see",
            True,
            "Names who will see it: " + quote(spans, 3) + ".",
            spans,
        )
    evidence = tuple(tok_span(a.doc, o.verb.i, o.verb.i) for o in obs)
    if any(o.status == "collective" for o in obs):
        msg = "Says “we” or “professionals” need to see it, without naming who."
    elif obs:
        msg = "Says it will be seen, but not by whom."
    else:
        msg = "Does not say who needs to see this happening."
    return CriterionResult(
        "who_needs_to_see",
        False,
        msg,
        evidence,
        "Name who will see it: “Nan, Kai's teacher and the social worker need to see…”.",
    )


def _looks_back(a: Analysis, span: Span) -> bool:
    """"has been sober for three months" tells the past, not how long the goal must last."""
    chunk = a.doc.char_span(span.start, span.end, alignment_mode="expand")
    if chunk is None or len(chunk) == 0:
        return False
    verb = chunk[0]
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or is_modal_future(verb) or any(
            is_modal_future(h) for h in verb.ancestors):
        return False  # "will check that Dad has signed the book, until half term"
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & {"to", "will", "'ll", "shall", "must", "should"}:
        return False
    return verb.tag_ == "VBD" or bool(auxes & {"has", "have", "had", "'s", "'ve"})


@criterion("timeframe", "safety_goal")
def timeframe(a: Analysis) -> CriterionResult:
    found = [s for s in durations(a.text) if not _looks_back(a, s)]
    if found:
        return CriterionResult(
            "timeframe",
            True,
            "Says for how long or by when: " + quote(found, 3) + ".",
            tuple(found),
        )
    near = anchors(a.text) + vague_times(a.text)
    msg = ("Says how often (" + quote(near, 3, ", ") +
           ") but not for how long or by when.") if near else \
        "Does not say for how long, or by when, this needs to be seen."
    return CriterionResult(
        "timeframe",
        False,
        msg,
        tuple(near),
        "Add how long it must keep happening, or by when: “for at least six months”, "
        "“until the review in May”.",
    )
