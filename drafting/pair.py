"""A danger statement and its safety goal, checked as a pair.

Each safety goal answers one danger statement: the same people, the same behaviour and the
same trigger (the situation in which the danger arises). ``compare`` reads both statements
with the engine's parse and says, for each of the three, whether the goal answers the worry,
with the words on each side behind the verdict and a plain message:

    >>> from drafting.pair import compare
    >>> result = compare("Nan is worried that Dad hits Amy, 4, when he has been drinking.",
    ...                  "Dad will be sober and speak calmly to Amy whenever he looks after "
    ...                  "her, which Nan will see every weekend for six months.")
    >>> [(a.name, a.status) for a in result.aspects]
    [('people', 'match'), ('behaviour', 'match'), ('trigger', 'match')]

Behaviour is compared by family (drinking, violence, supervision, food, school...): a goal
seldom repeats the danger's words ("hits" becomes "speaks calmly"), but it stays within the
same family. The families are listed below as data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drafting.report import Report, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from drafting.analysis import Analysis

# --- behaviour families ----------------------------------------------------------------
# A word (lemma or lower-cased form) may belong to more than one family: "calm" answers
# both shouting and hitting. Two-word entries match adjacent words ("home alone").
FAMILIES: dict[str, frozenset[str]] = {
    "drinking": frozenset({
        "drink", "drinking", "drunk", "alcohol", "alcoholic", "beer", "wine", "vodka",
        "cider", "lager", "spirits", "sober", "sobriety", "pub", "booze", "hungover",
        "intoxicated", "pint", "pints", "cans", "bottle of wine",
    }),
    "drugs": frozenset({
        "drug", "drugs", "cannabis", "heroin", "cocaine", "crack", "weed", "spice", "meth",
        "methadone", "needle", "needles", "substance", "substances", "dealer", "dealing",
        "inject", "snort", "pills", "clean", "high", "stoned", "joint", "joints",
    }),
    "violence": frozenset({
        "hit", "punch", "kick", "slap", "push", "shove", "grab", "choke", "strangle",
        "throw", "beat", "hurt", "smash", "violence", "violent", "fight", "assault",
        "attack", "dv", "strike", "bruise", "bruises", "shake", "bite", "belt", "smack",
        "threaten", "weapon", "knife", "harm", "injure", "injury", "calm", "calmly",
        "angry", "anger", "temper", "walk away", "gentle", "gently", "safe", "hands",
    }),
    "shouting and arguments": frozenset({
        "shout", "scream", "swear", "argue", "argument", "arguments", "row", "rows", "yell",
        "calm", "calmly", "disagreement", "disagree", "conflict", "temper", "angry", "anger",
        "rage", "quiet", "quietly", "talk", "voice", "voices", "walk away", "settle",
    }),
    "supervision": frozenset({
        "alone", "leave", "supervise", "supervision", "unsupervised", "watch", "babysit",
        "babysitter", "sitter", "minder", "childminder", "unattended", "look after",
        "home alone", "care for", "collect", "pick up", "wander", "lock", "locked", "out",
        "with him", "with her", "present", "there",
    }),
    "food and care": frozenset({
        "eat", "food", "meal", "meals", "hungry", "feed", "fed", "breakfast", "lunch",
        "dinner", "tea", "snack", "snacks", "fridge", "cook", "bottle", "bottles",
        "formula", "nappy", "nappies", "wash", "washed", "clothes", "bath", "hygiene",
        "dressed", "shower", "clean clothes", "weight",
    }),
    "home conditions": frozenset({
        "dirty", "mess", "messy", "rubbish", "tidy", "clean", "mould", "heating", "bedding",
        "faeces", "smell", "smells", "bin", "bins", "hoover", "washing up", "dishes",
    }),
    "school": frozenset({
        "school", "nursery", "attend", "attendance", "late", "lesson", "lessons", "teacher",
        "class", "uniform", "homework", "college", "term", "absent", "truant",
    }),
    "health": frozenset({
        "medicine", "medication", "doctor", "gp", "hospital", "appointment", "appointments",
        "insulin", "inhaler", "dentist", "teeth", "nurse", "ill", "sick", "injection",
        "diabetes", "asthma", "seizure", "seizures", "prescription", "tablets", "health",
        "check-up", "clinic", "blood", "sugar",
    }),
    "sleep and night-time": frozenset({
        "sleep", "bed", "bedtime", "night", "nights", "nap", "awake", "overnight",
        "evening", "evenings",
    }),
    "online contact": frozenset({
        "online", "internet", "phone", "tablet", "app", "apps", "snapchat", "instagram",
        "tiktok", "message", "messages", "text", "texts", "photo", "photos", "picture",
        "pictures", "video", "videos", "social media", "chat", "laptop", "screen",
    }),
    "sexual harm": frozenset({
        "sexual", "sex", "touch", "naked", "porn", "pornography", "groom", "rape",
        "sexually", "private parts", "body",
    }),
    "going missing and exploitation": frozenset({
        "missing", "exploit", "exploitation", "county lines", "gang", "gangs", "run away",
        "runs away", "older men", "car", "cars", "curfew", "whereabouts", "where she is",
        "where he is",
    }),
    "low mood and self-harm": frozenset({
        "depressed", "depression", "low", "mood", "self-harm", "suicide", "suicidal",
        "overdose", "crisis", "mental", "tearful", "hopeless", "bed all day",
    }),
    "gambling": frozenset({
        "gamble", "gambling", "bet", "betting", "bookies", "bookmaker", "casino", "slot",
        "slots", "money", "debt", "debts", "rent", "wages",
    }),
    "harsh words and blame": frozenset({
        "blame", "call", "names", "humiliate", "belittle", "mock", "criticise", "criticize",
        "stupid", "worthless", "useless", "praise", "kind", "kindly", "encourage", "listen",
        "tell",
    }),
}
# Words that say nothing about the family on their own: not used to match behaviours.
WEAK = frozenset({"be", "have", "do", "get", "go", "make", "take", "come", "say", "see",
                  "keep", "let", "put", "will", "would", "could", "can", "may", "might",
                  "need", "want", "happen", "thing", "things", "time", "times", "way",
                  "child", "children", "he", "she", "they", "it", "this", "that", "when",
                  "whenever", "if", "after", "while", "before", "until", "all", "every",
                  "week", "day", "month", "year", "weekend", "also", "then", "there"})
TRIGGER_MARKS = frozenset({"when", "whenever", "after", "if", "while", "once", "before",
                           "until", "each", "every"})
# Prepositional circumstances that work as triggers: "at night", "after school", "on payday".
TRIGGER_PREPS = frozenset({"at", "after", "during", "on", "before", "around"})
CIRCUMSTANCES = frozenset({
    "night", "nights", "weekend", "weekends", "evening", "evenings", "payday", "bedtime",
    "contact", "visit", "visits", "argument", "arguments", "row", "rows", "party",
    "parties", "pub", "school", "weekday", "morning", "mornings", "christmas", "holiday",
    "holidays", "work", "home", "drink", "drinking",
})
# The danger's own "if nothing changes" is a condition of the outcome, not a trigger.
NOT_TRIGGERS = frozenset({"change", "continue", "carry", "happen"})
CARER_ROLES: dict[str, str] = {
    "mum": "mum", "mom": "mum", "mummy": "mum", "mommy": "mum", "mother": "mum",
    "mam": "mum", "dad": "dad", "daddy": "dad", "father": "dad", "stepdad": "stepdad",
    "stepfather": "stepdad", "stepmum": "stepmum", "stepmom": "stepmum",
    "stepmother": "stepmum", "nan": "nan", "nana": "nan", "nanna": "nan", "gran": "nan",
    "granny": "nan", "grandma": "nan", "grandmother": "nan", "grandad": "grandad",
    "granddad": "grandad", "grandpa": "grandad", "grandfather": "grandad",
    "parents": "parents", "parent": "parents", "partner": "partner",
    "boyfriend": "partner", "girlfriend": "partner",
}

PEOPLE, BEHAVIOUR, TRIGGER = "people", "behaviour", "trigger"
MATCH, PARTIAL, MISMATCH, NOT_NAMED = "match", "partial", "mismatch", "not_named"


@dataclass(frozen=True)
class Aspect:
    """One thing the goal should share with the danger statement, and whether it does."""

    name: str  # people | behaviour | trigger
    status: str  # match | partial | mismatch | not_named (the danger names none)
    message: str
    danger_spans: tuple[Span, ...] = ()
    goal_spans: tuple[Span, ...] = ()
    missing: tuple[str, ...] = ()  # what the danger names and the goal does not
    extra: tuple[str, ...] = ()  # what the goal names and the danger does not

    @property
    def matched(self) -> bool:
        return self.status in (MATCH, NOT_NAMED)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "matched": self.matched,
            "message": self.message,
            "danger_spans": [s.to_dict() for s in self.danger_spans],
            "goal_spans": [s.to_dict() for s in self.goal_spans],
            "missing": list(self.missing),
            "extra": list(self.extra),
        }


@dataclass(frozen=True)
class PairResult:
    """The pair's verdict: three aspects, plus each statement's own report."""

    aspects: tuple[Aspect, ...]
    danger: Report
    goal: Report

    @property
    def matched(self) -> bool:
        return all(a.matched for a in self.aspects)

    def aspect(self, name: str) -> Aspect:
        for a in self.aspects:
            if a.name == name:
                return a
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "aspects": {a.name: a.to_dict() for a in self.aspects},
            "danger": self.danger.to_dict(),
            "goal": self.goal.to_dict(),
        }


# --- reading one side ------------------------------------------------------------------


@dataclass
class _Person:
    keys: set[str]
    label: str
    role: str  # child | adult
    spans: list[Span]


@dataclass
class _Side:
    text: str
    analysis: Analysis
    report: Report


def _read(text: str, kind: str, which: str) -> _Side:
    from drafting.analysis import Analysis
    from drafting.criteria import judge
    from drafting.engine import _nlp, _rules, run_rules
    from drafting.readability import analyse
    from drafting.textinput import InputError, validate

    try:
        validate(text)
    except InputError as exc:
        raise InputError(exc.code, f"{which}: {exc.message}") from None
    doc = _nlp()(text)
    findings = run_rules(doc, _rules(()))
    read = analyse(doc)
    a = Analysis(text=text, doc=doc, kind=kind, findings=findings, readability=read)
    report = Report(kind=kind, kind_requested=kind, kind_reason="Checked as a pair.",
                    text_length=len(text), criteria=judge(a), findings=findings,
                    readability=read)
    return _Side(text, a, report)


def _span(doc: Doc, first: int, last: int) -> Span:
    from drafting.syntax import tok_span

    return tok_span(doc, first, last)


def _aliases(doc: Doc) -> dict[str, str]:
    """Name -> carer role for "Mum, Kayla," / "Kayla (Mum)" / "Amy's dad Kwame"."""
    out: dict[str, str] = {}
    for tok in doc:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        for other in (tok.head, *tok.children):
            if other.i == tok.i:
                continue
            if tok.dep_ in ("appos", "compound") or other.dep_ in ("appos", "compound"):
                role = CARER_ROLES.get(other.lower_) or CARER_ROLES.get(other.lemma_.lower())
                if role:
                    out[tok.text.lower()] = role
    return out


def _keys(tok: Token, aliases: dict[str, str]) -> set[str]:
    low, lemma = tok.lower_, tok.lemma_.lower()
    role = CARER_ROLES.get(low) or CARER_ROLES.get(lemma)
    if role:
        return {f"role:{role}"}
    keys = {f"name:{low}"}
    if low in aliases:
        keys.add(f"role:{aliases[low]}")
    return keys


def _people(side: _Side, aliases: dict[str, str], names: Iterable[str] = ()) -> list[_Person]:
    """Children and carers mentioned, merged by name or role, in order of first mention.

    ``names`` are names known from the other statement: found even where the small model
    misses them (a name opening a sentence is often tagged as a common noun)."""
    from drafting.syntax import CHILD_WORDS

    known = {n.lower() for n in names}
    people = side.analysis.people
    found: list[_Person] = []
    seen: set[int] = set()
    mentions = [(m.tok, m.role) for m in people.mentions]
    mentions += [(t, "unknown") for t in side.analysis.doc
                 if t.lower_ in known and t.text[:1].isupper()]
    for tok, kind in sorted(mentions, key=lambda x: x[0].i):
        if tok.i in seen:
            continue
        seen.add(tok.i)
        role = "child" if kind == "child" else "adult" if kind in ("adult", "unknown") else ""
        if not role or (kind == "unknown" and tok.lower_ not in known and (
                tok.ent_type_ in ("LOC", "FAC") or tok.dep_ == "pobj" and tok.head.lower_ in (
                    "in", "at", "to", "from", "near"))):
            continue  # a place, most likely
        if tok.lemma_.lower() in CHILD_WORDS or tok.lower_ in CHILD_WORDS:
            keys = {"child:any"}
        else:
            keys = _keys(tok, aliases)
        if role == "adult" and tok.text in people.child_names:
            role = "child"
        span = _span(side.analysis.doc, tok.i, tok.i)
        merged = next((p for p in found if p.keys & keys), None)
        if merged is not None:
            merged.keys |= keys
            merged.spans.append(span)
            if role == "child":
                merged.role = "child"
            continue
        found.append(_Person(keys, tok.text, role, [span]))
    return found


def _worry_holders(a: Analysis) -> set[int]:
    from drafting.criteria.clauses import worry_frames

    out: set[int] = set()
    for f in worry_frames(a):
        for h in f.holders:
            out.add(h.i)
            out |= {c.i for c in h.conjuncts}
            out |= {c.i for c in h.children if c.dep_ == "compound"}
    return out


def _danger_people(side: _Side, aliases: dict[str, str]) -> list[_Person]:
    """The children, and the adults in the worrying behaviour (not who holds the worry)."""
    a = side.analysis
    holders = _worry_holders(a)
    inside: set[int] = set()
    for _s, toks in _danger_behaviours(a):
        inside |= {t.i for t in toks}
    out = []
    for p in _people(side, aliases):
        idx = {a.doc.char_span(s.start, s.end, alignment_mode="expand").start
               for s in p.spans}
        if idx <= holders:
            continue
        if p.role == "child" or idx & inside:
            out.append(p)
    return out


def _words(tokens: Iterable[Token]) -> list[tuple[str, Token]]:
    """(word, token) pairs: lemmas, forms and adjacent pairs, for family look-ups."""
    toks = [t for t in tokens if not t.is_punct and not t.is_space]
    out: list[tuple[str, Token]] = []
    for i, t in enumerate(toks):
        out.append((t.lemma_.lower(), t))
        out.append((t.lower_, t))
        if i + 1 < len(toks):
            out.append((f"{t.lemma_.lower()} {toks[i + 1].lower_}", t))
            out.append((f"{t.lower_} {toks[i + 1].lower_}", t))
    return out


def _families(tokens: Iterable[Token]) -> dict[str, list[Token]]:
    out: dict[str, list[Token]] = {}
    for word, tok in _words(tokens):
        if word in WEAK:
            continue
        for family, words in FAMILIES.items():
            if word in words:
                hits = out.setdefault(family, [])
                if tok not in hits:
                    hits.append(tok)
    return out


def _content(tokens: Iterable[Token]) -> set[str]:
    return {t.lemma_.lower() for t in tokens
            if t.pos_ in ("VERB", "NOUN", "ADJ") and not t.is_stop
            and t.lemma_.lower() not in WEAK}


def _danger_behaviours(a: Analysis) -> list[tuple[Span, list[Token]]]:
    """The acts behind the worry: behaviour clauses that are not the future outcome."""
    from drafting.criteria.clauses import behaviours
    from drafting.syntax import is_modal_future

    holders = _worry_holders(a)
    out = []
    for b in behaviours(a):
        if is_modal_future(b.verb) or (b.actor is not None and (
                b.actor.i in holders or a.people.is_child(b.actor))):
            continue
        chunk = a.doc.char_span(b.span.start, b.span.end, alignment_mode="expand")
        out.append((b.span, list(chunk) if chunk is not None else [b.verb]))
    if not out:
        # labels ("DV", "substance misuse") stand in for behaviour: their words still say
        # which family the worry is in
        for f in a.findings:
            if f.category in ("acronym", "jargon", "vague_label", "blaming_label"):
                span = a.doc.char_span(f.start, f.end, alignment_mode="expand")
                if span is not None:
                    out.append((Span(f.start, f.end, f.text), list(span)))
    return out


def _triggers(a: Analysis) -> list[tuple[Span, list[Token]]]:
    """When the danger arises: "when he has been drinking", "at night", "after contact"."""
    from drafting.syntax import is_modal_future

    doc = a.doc
    out: list[tuple[Span, list[Token]]] = []
    seen: set[int] = set()
    for tok in doc:
        if tok.dep_ == "advcl" and not is_modal_future(tok.head):
            marks = [c for c in tok.children if c.dep_ in ("mark", "advmod")
                     and c.lower_ in TRIGGER_MARKS]
            if not marks or tok.lemma_.lower() in NOT_TRIGGERS:
                continue
            if tok.head.lemma_.lower() in ("worry", "fear", "concern") or \
                    tok.head.lower_ in ("worried", "concerned", "scared", "afraid"):
                continue
            first, last = tok.left_edge.i, tok.right_edge.i
            if any(i in seen for i in range(first, last + 1)):
                continue
            seen |= set(range(first, last + 1))
            out.append((_span(doc, first, last), list(doc[first:last + 1])))
        elif tok.dep_ == "prep" and tok.lower_ in TRIGGER_PREPS \
                and not is_modal_future(tok.head):
            objs = [c for c in tok.children if c.dep_ == "pobj"
                    and c.lemma_.lower() in CIRCUMSTANCES]
            if objs and tok.i not in seen:
                last = tok.right_edge.i
                seen |= set(range(tok.i, last + 1))
                out.append((_span(doc, tok.i, last), list(doc[tok.i:last + 1])))
        elif tok.dep_ == "npadvmod" and tok.lemma_.lower() in CIRCUMSTANCES and any(
                c.lower_ in ("every", "each") for c in tok.children):
            first = tok.left_edge.i
            if tok.i not in seen:
                seen |= set(range(first, tok.i + 1))
                out.append((_span(doc, first, tok.i), list(doc[first:tok.i + 1])))
    return out


def _uniq(spans: Iterable[Span]) -> tuple[Span, ...]:
    """Spans in text order, without repeats or spans inside another."""
    ordered = sorted(set(spans), key=lambda x: (x.start, -x.end))
    out: list[Span] = []
    for sp in ordered:
        if out and out[-1].start <= sp.start and sp.end <= out[-1].end:
            continue
        out.append(sp)
    return tuple(out)


def _join(items: list[str]) -> str:
    items = [f"“{i}”" for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plain_join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# --- the three aspects -----------------------------------------------------------------


def _compare_people(danger: _Side, goal: _Side, aliases: dict[str, str]) -> Aspect:
    wanted = _danger_people(danger, aliases)
    names = [k.split(":", 1)[1] for p in wanted for k in p.keys if k.startswith("name:")]
    present = _people(goal, aliases, names)
    goal_keys = set().union(*(p.keys for p in present)) if present else set()
    if not wanted:
        return Aspect(PEOPLE, NOT_NAMED, "The danger statement names no child or carer, so "
                      "there is no one for the goal to match.")
    found, missing = [], []
    for p in wanted:
        hit = p.keys & goal_keys or (p.role == "child" and "child:any" in goal_keys)
        (found if hit else missing).append(p)
    danger_children = {k for p in wanted if p.role == "child" for k in p.keys}
    extra = [p for p in present if p.role == "child" and "child:any" not in p.keys
             and not p.keys & danger_children]
    goal_spans = _uniq(s for p in present if p.keys & {k for w in found for k in w.keys}
                       or (p.role == "child" and "child:any" in p.keys
                           and any(w.role == "child" for w in found))
                       for s in p.spans)
    danger_spans = _uniq(s for p in wanted for s in p.spans)
    if not missing and not extra:
        return Aspect(PEOPLE, MATCH, f"The goal is about the same people: "
                      f"{_plain_join([p.label for p in wanted])}.", danger_spans, goal_spans)
    parts = []
    if missing:
        parts.append(f"the danger statement is about {_plain_join([p.label for p in missing])}"
                     f", and the goal does not mention "
                     f"{'them' if len(missing) > 1 else missing[0].label}")
    if extra:
        parts.append(f"the goal names {_plain_join([p.label for p in extra])}, who "
                     f"{'are' if len(extra) > 1 else 'is'} not in the danger statement")
    message = "; ".join(parts)
    message = message[0].upper() + message[1:] + "."
    status = PARTIAL if found else MISMATCH
    return Aspect(PEOPLE, status, message, danger_spans, goal_spans,
                  tuple(p.label for p in missing), tuple(p.label for p in extra))


def _compare_behaviour(danger: _Side, goal: _Side) -> Aspect:
    acts = _danger_behaviours(danger.analysis)
    danger_spans = _uniq(s for s, _ in acts)
    # the trigger inside a behaviour clause ("hits Amy when he has been drinking") is
    # compared on its own
    in_trigger = {t.i for _, toks in _triggers(danger.analysis) for t in toks}
    acts = [(s, [t for t in toks if t.i not in in_trigger]) for s, toks in acts]
    families: dict[str, list[Token]] = {}
    for _, toks in acts:
        for fam, hits in _families(toks).items():
            families.setdefault(fam, []).extend(hits)
    goal_families = _families(goal.analysis.doc)
    if not acts:
        return Aspect(BEHAVIOUR, NOT_NAMED, "The danger statement names no behaviour, so "
                      "there is nothing for the goal to answer. Say what the adult does first.")
    if not families:
        # no known family: fall back to shared words
        shared = _content(t for _, toks in acts for t in toks) & _content(goal.analysis.doc)
        goal_spans = tuple(_span(goal.analysis.doc, t.i, t.i) for t in goal.analysis.doc
                           if t.lemma_.lower() in shared)
        if shared:
            return Aspect(BEHAVIOUR, MATCH, f"The goal answers the same behaviour (both "
                          f"speak of {_join(sorted(shared)[:3])}).", danger_spans, goal_spans)
        return Aspect(BEHAVIOUR, MISMATCH, f"The danger statement is about "
                      f"{_join([s.text for s in danger_spans[:2]])}; the goal does not say "
                      "what will be happening instead.", danger_spans, (),
                      tuple(s.text for s in danger_spans[:2]))
    answered = [f for f in families if f in goal_families]
    missing = [f for f in families if f not in goal_families]
    goal_spans = _uniq(_span(goal.analysis.doc, t.i, t.i)
                       for f in answered for t in goal_families[f])
    if not missing:
        return Aspect(BEHAVIOUR, MATCH, f"The goal answers the same behaviour "
                      f"({_plain_join(answered)}).", danger_spans, goal_spans)
    about = {f: sorted({t.text for t in families[f]}, key=str.lower)[:2] for f in missing}
    described = "; ".join(f"{f} ({_join(w)})" for f, w in about.items())
    if answered:
        message = (f"The goal answers {_plain_join(answered)}, but not {described}: say what "
                   "will be happening instead there too.")
        status = PARTIAL
    else:
        other = [f for f in goal_families if f not in families]
        message = (f"The danger statement is about {described}; the goal "
                   + (f"is about {_plain_join(other[:2])} instead"
                      if other else "does not say what will be happening instead")
                   + ". A goal should answer the same worry.")
        status = MISMATCH
    return Aspect(BEHAVIOUR, status, message, danger_spans, goal_spans, tuple(missing),
                  tuple(f for f in goal_families if f not in families))


def _compare_trigger(danger: _Side, goal: _Side) -> Aspect:
    triggers = _triggers(danger.analysis)
    if not triggers:
        return Aspect(TRIGGER, NOT_NAMED, "The danger statement does not say when the danger "
                      "arises (“when he has been drinking”, “at night”), so there is no "
                      "trigger for the goal to match.")
    gdoc = goal.analysis.doc
    goal_families = _families(gdoc)
    goal_words = _content(gdoc)
    answered, missing, goal_spans = [], [], []
    for span, toks in triggers:
        fams = _families(toks)
        words = _content(toks)
        shared_fams = [f for f in fams if f in goal_families]
        shared_words = words & goal_words
        if shared_fams or shared_words:
            answered.append(span)
            for f in shared_fams:
                goal_spans.extend(_span(gdoc, t.i, t.i) for t in goal_families[f])
            goal_spans.extend(_span(gdoc, t.i, t.i) for t in gdoc
                              if t.lemma_.lower() in shared_words)
        else:
            missing.append(span)
    danger_spans = _uniq(s for s, _ in triggers)
    uniq = _uniq(goal_spans)
    if not missing:
        return Aspect(TRIGGER, MATCH, "The goal covers the situation in which the danger "
                      f"arises: {_join([s.text for s in answered])}.", danger_spans, uniq)
    message = (f"The danger arises {_join([s.text for s in missing])}; the goal does not say "
               "what will happen at those times. Name the same situation in the goal, so it "
               "holds when things are hardest.")
    return Aspect(TRIGGER, PARTIAL if answered else MISMATCH, message, _uniq(danger_spans), uniq,
                  tuple(s.text for s in missing))


def compare(danger_text: str, goal_text: str) -> PairResult:
    """Does the safety goal answer the same worry as the danger statement?

    Raises :class:`~drafting.textinput.InputError` (naming which statement) for text that
    cannot be checked.
    """
    danger = _read(danger_text, "danger", "Danger statement")
    goal = _read(goal_text, "safety_goal", "Safety goal")
    aliases = {**_aliases(goal.analysis.doc), **_aliases(danger.analysis.doc)}
    aspects = (
        _compare_people(danger, goal, aliases),
        _compare_behaviour(danger, goal),
        _compare_trigger(danger, goal),
    )
    return PairResult(aspects, danger.report, goal.report)
