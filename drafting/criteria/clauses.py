"""Clause-level readings shared by the criteria: behaviours, outcomes, worry frames.

A *behaviour* is a clause whose verb names something a person does that someone else could
see or hear, with context (to whom, with what, where, when, how often). An *outcome* is a
future or modal clause about what could happen to someone. A *worry frame* is the
"X is worried / fears / has concerns" construction and who, if anyone, holds it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafting.analysis import Analysis
from drafting.doccache import tokens
from drafting.report import Finding, Span
from drafting.syntax import (
    CHILD_WORDS,
    COLLECTIVE,
    NAMEABLE_COLLECTIVES,
    agent_of,
    clause_verbs,
    conjuncts,
    is_modal_future,
    is_negated,
    is_passive,
    phrase_span,
    subjects,
    tok_span,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

# Verbs that name a state, a judgement, a service or a feeling rather than an act.
NON_BEHAVIOUR = {
    "be", "have", "worry", "fear", "concern", "think", "believe", "know", "report",
    "raise", "share", "express", "seem", "appear", "present", "engage", "attend", "comply",
    "cooperate", "co-operate", "struggle", "cope", "manage", "experience", "suffer", "impact",
    "affect", "expose", "neglect", "misuse", "need", "want", "lack", "become", "remain",
    "display", "demonstrate", "exhibit", "evidence", "involve", "relate", "include",
    "understand", "accept", "deny", "minimise", "minimize", "prioritise", "prioritize",
    "provide", "ensure", "protect", "support", "improve", "happen", "occur", "mean",
    "risk", "place", "feel", "hope", "wish", "like", "love", "worsen",
    "continue", "develop", "increase", "decrease", "reduce", "escalate", "deteriorate",
    "fail", "disengage", "address", "complete", "undertake", "participate",
    "access", "receive", "maintain", "sustain", "identify", "assess",
    "recognise", "recognize", "acknowledge", "harm", "abuse", "endanger", "jeopardise",
    "compromise", "undermine", "lead", "result", "cause", "contribute",
    "try", "start", "begin", "seek", "require", "expect", "agree", "plan", "decide",
    "choose", "intend", "will", "would", "could", "may", "might", "can", "must", "shall",
    "should", "deal", "handle", "exist", "see", "notice", "monitor", "observe", "witness",
    "hear", "inform", "describe", "disclose", "suggest", "indicate", "consider", "allege",
    "state", "explain", "learn", "parent", "behave", "act", "function",
    "interact", "respond", "react", "benefit", "thrive", "flourish", "grow",
    "progress", "achieve", "adjust", "follow", "work", "do", "bond",
    "help", "lose", "find", "spend", "wonder", "enjoy", "carry", "slip", "substantiate",
    "pose", "coerce", "rush", "live", "associate", "hang", "move", "split", "separate",
    "jump",
}
MONEY = {"money", "wages", "pay", "benefits", "benefit", "savings", "rent", "cash", "salary",
         "allowance", "payment", "payments"}
# Concrete acts: enough on their own under a modal or a negation, and used to recover
# verbs the small model tags as plural nouns ("Gloria locks Sofia in...").
ACTS = {
    "hit", "punch", "kick", "slap", "push", "shove", "shake", "grab", "choke", "strangle",
    "bite", "burn", "scald", "throw", "smash", "break", "lock", "leave", "abandon", "drive",
    "shout", "scream", "swear", "threaten", "drink", "smoke", "inject", "snort", "sell",
    "give", "feed", "forget", "sleep", "pass", "collapse", "hurt", "beat", "whip", "belt",
    "drag", "pull", "pinch", "stab", "cut", "lash", "attack", "assault", "rape", "touch",
    "film", "photograph", "send", "post", "message", "text", "meet", "pick", "collect",
    "take", "bring", "carry", "hide", "steal", "trap", "tie", "starve", "ignore", "blame",
    "call", "mock", "humiliate", "isolate", "stop", "keep", "refuse", "miss", "wander",
    "fall", "crash", "walk", "storm", "slam", "kill", "follow", "stalk", "watch", "groom",
    "pay", "buy", "let", "allow", "put", "bath", "bathe", "wash", "change", "dress",
    "cook", "store", "spend", "gamble", "use", "party", "fight", "argue", "row",
    "ring", "phone", "check", "clean", "cover", "squeeze", "smother", "drop", "bet",
    "chase", "force", "make", "hold", "restrain", "punish", "smack", "tap", "spank",
    "swallow", "overdose", "fill", "show", "tell", "say",
}
REPORTING = {"tell", "say", "show"}
STRICT_EXTRA = {"come"}  # in danger statements "comes round" alone is not the worry
# "look after Finn every Friday night" is specific in a goal; "doesn't look after the
# children properly" in a worry is not: care phrases are vague only in danger statements
CARE_PHRASES = {("look", "after"), ("care", "for"), ("keep", "eye")}
PHRASAL_VAGUE = {("get", "on"), ("keep", "up"),
                 ("cope", "with"), ("put", "first"), ("carry", "on"), ("go", "on"),
                 ("go", "through"), ("keep", "top"), ("stay", "top"), ("get", "top"),
                 ("give", "up"),
                 ("keep", "going"), ("carry", "going")}
TIME_UNITS = {"day", "week", "month", "year", "term", "fortnight", "weekend", "holiday",
              "review", "hearing", "summer", "christmas", "easter", "semester"}
LABEL_CATEGORIES = {"jargon", "vague_label", "blaming_label", "acronym"}
TRYING = {"struggle", "try", "hope", "wish", "find", "seem", "appear", "like", "love",
          "plan", "intend"}
ABSTRACT_HEADS = {"ability", "capacity", "failure", "inability", "willingness", "way",
                  "need", "needs", "motivation", "attempt", "effort", "struggle"}
# Verbs whose object or complement must be concrete for the clause to be specific.
VAGUE_STATES = {"safe", "well", "happy", "healthy", "clean", "calm", "stable", "settled",
                "happier", "safer", "calmer", "healthier", "better", "loved", "content", "nice",
                "lovely", "proper", "decent", "ok", "okay", "fine",
                "secure", "appropriate", "good", "positive",
                "tidy", "cared", "supported", "protected", "appropriately"}
# Acts that are observable in themselves but need context to be specific ("Mum drinks").
GENERIC = {
    "drink", "use", "take", "smoke", "gamble", "argue", "fight", "drug", "party", "shout",
    "row", "inject", "sniff", "self-harm", "swear", "cry", "sleep",
}
# Objects that are categories, not things ("meet her needs", "provide care").
ABSTRACT_OBJECTS = {
    "need", "needs", "care", "supervision", "boundary", "boundaries", "issue", "issues",
    "problem", "problems", "concern", "concerns", "behaviour", "behavior", "lifestyle",
    "relationship", "parenting", "wellbeing", "well-being", "safety", "risk", "harm",
    "neglect", "abuse", "substance", "substances", "difficulty", "difficulties", "way",
    "ways", "thing", "things", "choice", "choices", "decision", "decisions", "capacity",
    "environment", "situation", "situations", "stuff", "violence", "conflict", "incident",
    "incidents", "support", "service", "services", "change", "changes", "progress",
    "standard", "standards", "routine", "routines", "responsibility", "role", "life",
    "health", "time", "condition", "conditions", "level", "levels", "home", "it", "this",
    "that", "something", "anything", "everything", "nothing", "lot", "lots", "deal",
    "amount", "eye", "one", "more", "less", "much", "too", "insight", "sign", "signs",
    "improvement", "understanding", "interest", "remorse", "commitment", "willingness",
    "motivation", "top", "best", "part", "place", "track", "control", "trouble", "work",
    "childhood", "hoops", "chance", "check", "temper", "tempers", "herself", "himself",
}
ASPECTUAL = {"keep", "continue", "start", "begin", "carry", "go", "stop"}
CONTEXT_DEPS = {
    "dobj", "prep", "advcl", "npadvmod", "prt", "dative", "xcomp", "ccomp", "acomp",
    "oprd", "advmod", "agent", "pobj", "attr",
}
WEAK_ADVERBS = {"lately", "much", "where", "how", "what", "why", "easily", "badly",
                "also", "just", "then", "still", "now", "so", "too", "really", "very",
                "even", "already", "probably", "possibly", "not", "n't", "never", "again",
                "sometimes", "generally", "usually", "often", "always", "frequently",
                "regularly", "occasionally", "repeatedly", "constantly", "continually",
                "recently", "previously", "historically", "currently", "consistently",
                "appropriately", "inappropriately", "excessively", "heavily", "properly",
                "adequately", "effectively", "positively", "negatively", "safely"}


@dataclass(frozen=True)
class Behaviour:
    verb: Token
    actor: Token | None
    span: Span
    specific: bool
    reason: str


VAGUE_GIFTS = {"love", "attention", "praise", "stability", "structure", "consistency"}


def _bare_abstract_or_vague(tok: Token) -> bool:
    return tok.lemma_.lower() in ABSTRACT_OBJECTS or tok.lemma_.lower() in VAGUE_GIFTS


def _bare_abstract(tok: Token) -> bool:
    return tok.lemma_.lower() in ABSTRACT_OBJECTS and not any(
        gc.dep_ in ("prep", "relcl", "acl", "nummod", "compound") for gc in tok.children
    )


def _context(verb: Token) -> list[Token]:
    out = []
    lemma = verb.lemma_.lower()
    if lemma in ("keep", "make", "get") and any(
        c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lemma_.lower() in VAGUE_STATES
        for c in verb.children
    ):
        return []
    if lemma in ("give", "provide", "offer", "have", "show", "make") and any(
        c.dep_ == "dobj" and _bare_abstract_or_vague(c) for c in verb.children
    ):
        return []  # "giving them a happy home", "show them love"
    for c in verb.children:
        if c.dep_ not in CONTEXT_DEPS:
            continue
        if c.dep_ == "advmod" and c.lower_ in WEAK_ADVERBS:
            continue
        if c.dep_ in ("npadvmod", "pobj") and _bare_abstract(c):
            continue
        if c.dep_ == "prep" and c.lower_ in ("for", "over", "until", "within", "during") and any(
            g.dep_ == "pobj" and g.lemma_.lower() in TIME_UNITS for g in c.children
        ):
            continue  # "for the next 14 weeks" says how long, not what is done
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and all(_bare_abstract(o) for o in objs):
                continue
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and (
            c.lemma_.lower() in NON_BEHAVIOUR
        ) and not any(g.dep_ in ("ccomp", "xcomp") for g in c.children):
            continue
        if c.dep_ == "xcomp" and lemma in ASPECTUAL:
            continue  # "keep making good choices": the complement is judged on its own
        if c.dep_ in ("dobj", "attr") and c.lemma_.lower() in ABSTRACT_OBJECTS and not any(
            gc.dep_ in ("prep", "relcl", "acl", "nummod") for gc in c.children
        ):
            continue
        if c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lemma_.lower() in VAGUE_STATES:
            continue
        if c.dep_ == "dobj" and any(
            gc.dep_ in ("acomp", "oprd", "amod", "ccomp") and gc.lower_ in VAGUE_STATES
            for gc in c.children
        ) and verb.lemma_.lower() in ("keep", "make", "get"):
            continue
        out.append(c)
    return out


def _is_behaviour_verb(verb: Token, strict: bool = False) -> bool:
    lemma = verb.lemma_.lower()
    if lemma == "have" and not strict and verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.lemma_.lower() in CHILD_WORDS)
        for c in verb.children
    ) and any(c.dep_ in ("prep", "npadvmod") for c in verb.children):
        return True  # "Stacey will have Lacey-Mae at nursery by 9.15"
    # "will do her physio twice a day", "has spent the food money on betting": acts
    light = (lemma == "do" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower()
                                   not in ("thing", "stuff", "best", "work", "job", "lot")
                                   for c in verb.children)
             ) or (lemma == "spend" and any(c.dep_ == "dobj" and c.lemma_.lower() in MONEY
                                           for t in [verb] for c in t.subtree))
    if (verb.pos_ != "VERB" and not light) or (lemma in NON_BEHAVIOUR and not light) or (
            strict and lemma in STRICT_EXTRA):
        return False
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in ABSTRACT_HEADS:
        return False  # "her ability to bond with the baby" is a judgement, not an act
    parts = {c.lower_ for c in verb.children
             if c.dep_ in ("prt", "prep", "dobj", "advmod", "xcomp")}
    parts |= {g.lower_ for c in verb.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj"}
    vague = PHRASAL_VAGUE | CARE_PHRASES if strict or is_negated(verb) else PHRASAL_VAGUE
    return not any(v == lemma and p in parts for v, p in vague)


def _misparsed_verbs(a: Analysis) -> Iterator[tuple[Token, Token]]:
    """(noun, actor) for verbs tagged as plural nouns after a name: "Gloria locks Sofia"."""
    for tok in tokens(a.doc):
        # "Lee bets online" (bets as a noun); "Tariq smokes heroin" (smokes as the subject of
        # "heroin", which the parser took for the verb)
        misread = tok.tag_ == "NNS" or (tok.tag_ == "VBZ" and tok.dep_ in ("nsubj", "compound"))
        if not misread or tok.i == 0 or not tok.lower_.endswith("s"):
            continue
        base = tok.lower_[:-2] if tok.lower_.endswith(("shes", "ches", "sses")) else tok.lower_[:-1]
        if base not in ACTS:
            continue
        prev = a.doc[tok.i - 1]
        if prev.text == "," and tok.i > 1 and tok.tag_ == "VBZ":
            prev = a.doc[tok.i - 2]  # "Chidi's stepmum, Lara, locks Chidi in..."
            if prev.pos_ == "PROPN" and prev.dep_ not in ("poss",):
                yield tok, prev
                continue
        if (prev.pos_ == "PROPN" or a.people.is_person(prev)) and prev.dep_ in (
            "compound", "nsubj", "poss"
        ) or (prev.pos_ == "PROPN" and prev.head.i == tok.i):
            yield tok, prev


def wording_only(f: Finding) -> bool:
    """A finding about the word alone ("administer", "reside"): the clause still says what
    someone does, only in formal words. Labels that stand in for an act affect more
    criteria than plain language."""
    return bool(f.affects) and set(f.affects) <= {"plain_language"}


def behaviours(a: Analysis, *, exclude: set[int] | None = None,
               allow_passive: bool = True, strict_modal: bool = False) -> Iterator[Behaviour]:
    """Clauses that name an act, each marked specific or not with the reason."""
    key = ("behaviours", frozenset(exclude or ()), allow_passive, strict_modal)
    return iter(a.memo(key, lambda: tuple(_behaviours(a, exclude or set(), allow_passive,
                                                      strict_modal))))


def _behaviours(a: Analysis, exclude: set[int], allow_passive: bool,
                strict_modal: bool) -> Iterator[Behaviour]:
    for noun, actor in _misparsed_verbs(a):
        # "Tariq smokes heroin in the flat": the context hangs on the word taken for the verb
        holder = noun.head if noun.dep_ in ("nsubj", "compound") and noun.tag_ == "VBZ" \
            else noun
        ctx = [c for c in holder.children if c.dep_ in ("prep", "appos", "advcl", "npadvmod")]
        yield Behaviour(noun, actor, tok_span(a.doc, actor.i, max(noun.right_edge.i,
                                                                  holder.i)), bool(ctx),
                        "" if ctx else f"“{noun.text}” says what, but not when or where")
    for verb in clause_verbs(a.doc):
        if verb.i in exclude or not _is_behaviour_verb(verb, strict_modal):
            continue
        start, end = verb.idx, verb.idx + len(verb.text)
        if a.overlaps(start, end, "behavioural_specificity") or any(
            f.start < end and start < f.end and f.category in LABEL_CATEGORIES
            and not wording_only(f) for f in a.findings
        ):
            continue  # the verb is part of a label ("failed to engage", "safeguarding")
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in TRYING:
            continue  # "struggles to keep on top of things"
        if verb.lemma_.lower() in ("get", "become", "go", "turn", "fall") and any(
            c.dep_ == "acomp" for c in verb.children
        ) and not any(c.dep_ == "dobj" for c in verb.children):
            continue  # "gets upset", "goes missing": a state ("get Mia up, dressed" is an act)
        subj = _seen_doer(a, verb) or subjects(verb)
        actor = next((s for s in subj if a.people.is_person(s) or s.pos_ == "PROPN"
                      or _named_collective(s)), None)  # "staff at the respite unit left..."
        if actor is not None and not a.people.is_person(actor) and not _named_collective(actor):
            # "Since Easter, Faisal's dad has kept him home": the parser makes the time the
            # subject and the person its apposition
            actor = next((c for c in actor.children
                          if c.dep_ == "appos" and a.people.is_person(c)), actor)
        passive = is_passive(verb) or any(c.dep_ == "agent" for c in verb.children)
        if passive:
            agents = agent_of(verb)
            actor = agents[0] if agents else None
            if actor is None and (not allow_passive or (strict_modal and is_modal_future(verb))):
                continue
        elif actor is None:
            if subj and all(s.lower_ in ("it", "this", "that", "there", "which") for s in subj):
                continue
            if not subj:
                continue
            # inanimate subject ("the home smells") is not a person's act
            if not any(a.people.is_person(s) for s in subj):
                continue
        if strict_modal and actor is not None and is_modal_future(verb) and \
                a.people.is_child(actor):
            continue  # "Seren could be left to cook for herself": what could happen to her
        ctx = [c for c in _context(verb) if not any(
            f.category in LABEL_CATEGORIES and f.start < c.right_edge.idx + len(c.right_edge.text)
            and c.left_edge.idx < f.end for f in a.findings)]
        lemma = verb.lemma_.lower()
        if lemma in REPORTING:
            # "Mum tells Oliver it is his fault" is an act; "They say..." only reports one
            told = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
            told += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                     for g in c.children if g.dep_ == "pobj"]
            if lemma == "show":
                if not any(a.people.is_child(t) for t in told):
                    continue
            elif not (actor is not None and a.people.is_adult(actor)
                      and any(a.people.is_child(t) for t in told)):
                continue
        if lemma in GENERIC:
            ctx = [c for c in ctx if c.dep_ not in ("dobj", "attr")]
        # an object that is itself a label ("uses physical chastisement") makes a label clause
        if any(c.dep_ in ("dobj", "attr") and a.overlaps(
            c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text),
            "behavioural_specificity") for c in verb.children):
            ctx = []
        if strict_modal and is_modal_future(verb) and lemma not in ACTS:
            # "is not coping", "could go into a coma": not an act someone could see
            ctx = []
        if is_negated(verb):
            ctx = [c for c in ctx if not (c.dep_ == "dobj" and a.people.is_person(c))]
            if not any(c.dep_ == "dobj" for c in ctx) and lemma not in ACTS:
                ctx = []
        span = tok_span(a.doc, min(verb.i, *(s.i for s in subj)) if subj else verb.i,
                        max([verb.i] + [c.right_edge.i for c in ctx]) if ctx else verb.i)
        if len(span.text) > 200:
            span = tok_span(a.doc, verb.i, verb.i)
        specific = bool(ctx)
        yield Behaviour(verb, actor, span, specific,
                        "" if specific else f"“{verb.text}” says what, but not when, where, "
                        "how often or to whom")


# --- outcomes -------------------------------------------------------------------------

VAGUE_OUTCOME_VERBS = {
    "impact", "affect", "harm", "risk", "suffer", "experience", "endanger", "jeopardise",
    "compromise", "undermine", "influence", "deteriorate", "worsen", "continue", "be",
    "have", "develop", "struggle", "come", "become", "remain", "place", "put", "leave",
    "face", "expose", "damage", "lead", "result", "cause", "mean", "happen", "occur",
    "get", "go", "end", "grow", "feel", "do",
}
VAGUE_OUTCOME_WORDS = {
    "harm", "risk", "outcome", "outcomes", "wellbeing", "well-being", "development",
    "impact", "consequence", "consequences", "danger", "unsafe", "affected", "impacted",
    "harmed", "negative", "negatively", "significant", "emotional", "emotionally",
    "physical", "psychological", "detrimental", "adverse", "adversely", "effect",
    "effects", "vulnerable", "safe", "safety", "issues", "problems", "difficulties",
    "needs", "abuse", "neglect", "trauma", "traumatised", "damaged", "damage", "way",
    "situation", "at", "exploitation", "exploited", "mental", "health", "bad", "worse",
    "badly", "things", "thing", "something", "anything", "lot", "future",
    "life", "lives", "progress", "behaviour", "behavior", "education",
    "relationship", "relationships", "self-esteem", "confidence", "unsettled",
    "unsettle", "difficult", "hard", "happen", "stuff", "ways", "term", "long",
    "longer", "short", "serious", "likely", "further", "more", "very", "any", "some",
}
HARM_VERBS = {"hurt", "hit", "kill", "injure", "abuse", "rape", "stab", "shoot", "burn",
              "beat", "assault", "exploit", "groom", "traffic", "shake", "drown", "poison",
              "punch", "kick", "strangle", "choke", "attack", "scald", "bite", "smother",
              "batter", "slap", "touch", "film", "sell", "take", "snatch", "abduct"}
SPEECH_VERBS = {"tell", "say", "ask", "promise", "text", "message", "write", "shout",
                "scream", "threaten", "claim", "think", "believe", "wonder"}
CONCRETE_COMPLEMENTS = {
    "hurt", "injured", "killed", "dead", "die", "burned", "burnt", "scalded", "hungry",
    "scared", "frightened", "afraid", "ill", "sick", "poorly", "cold", "lonely", "sad",
    "alone", "missing", "lost", "bruised", "cut", "beaten", "hit", "raped", "stabbed",
    "drowned", "poisoned", "unloved", "worthless", "stupid", "anxious", "worried",
    "confused", "upset", "ashamed", "dehydrated", "malnourished", "underweight", "tired",
    "behind", "unwell", "blamed", "trapped", "groomed", "abused", "assaulted", "taken",
    "arrested", "excluded", "bullied", "homeless", "pregnant", "addicted", "unconscious",
    "seriously", "badly", "overdose", "fits", "seizure", "seizures", "fracture",
    "fractures", "bones", "teeth", "infection", "infections",
}


@dataclass(frozen=True)
class Outcome:
    verb: Token
    who: Token | None
    span: Span
    concrete: bool
    for_child: bool
    reason: str


def _outcome_words(verb: Token) -> list[str]:
    words = [verb.lemma_.lower(), verb.lower_]
    for c in verb.children:
        if c.dep_ in ("acomp", "attr", "dobj", "oprd", "prep", "xcomp", "advmod", "prt",
                      "npadvmod", "ccomp", "conj", "advcl"):
            words.extend(t.lower_ for t in c.subtree)
    return words


def _content_words(verb: Token) -> list[Token]:
    out = []
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "when", "unless")
                                     for m in c.children):
            continue  # "if nothing changes" is the condition, not the outcome
        if c.dep_ in ("acomp", "attr", "dobj", "oprd", "prep", "xcomp", "prt", "npadvmod",
                      "ccomp", "advcl"):
            for t in c.subtree:
                if t.pos_ in ("NOUN", "VERB", "ADJ") and t.lower_ not in VAGUE_OUTCOME_WORDS \
                        and t.lemma_.lower() not in VAGUE_OUTCOME_VERBS \
                        and t.lemma_.lower() not in CHILD_WORDS:
                    out.append(t)
    return out


def _is_concrete_outcome(a: Analysis, verb: Token) -> tuple[bool, str]:
    lemma = verb.lemma_.lower()
    words = _outcome_words(verb)
    start, end = verb.idx, verb.right_edge.idx + len(verb.right_edge.text)
    if any(w in CONCRETE_COMPLEMENTS for w in words):
        return True, ""
    if a.overlaps(start, end, "consequences"):
        return False, "stock risk or impact wording names no concrete harm"
    if lemma not in VAGUE_OUTCOME_VERBS:
        return True, ""
    if _content_words(verb):
        return True, ""
    return False, f"“{verb.text}” does not say what would actually happen"


PERCEIVING = {"see", "watch", "hear", "notice", "witness", "observe", "find"}


def _seen_doer(a: Analysis, verb: Token) -> list[Token]:
    """"I saw Aaron's cousin, Dean, slap Aaron and take his phone": the one seen did it,
    not the one who saw (the parser hangs the doer on "saw" as its object)."""
    v = verb
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.dep_ not in ("ccomp", "xcomp") or v.head.lemma_.lower() not in PERCEIVING or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in v.children):
        return []
    return [c for c in v.head.children if c.dep_ == "dobj" and a.people.is_person(c)]


def _actors(a: Analysis) -> list[Behaviour]:
    """Behaviours outside modal clauses: their actors are the adults of the statement."""
    return a.memo("actors", lambda: [
        b for b in behaviours(a) if not is_modal_future(b.verb) and not any(
            is_modal_future(h) for h in b.verb.ancestors)])  # "could ... stop breathing"


# what belongs to a body: "his blood sugar could go so high", "her weight could drop"
BODILY = {"sugar", "sugars", "weight", "health", "teeth", "tooth", "skin", "chest", "breathing",
          "heart", "growth", "eyesight", "hearing", "head", "body", "temperature", "level",
          "levels"}


HABITUAL = {"keep", "continue", "carry"}
# what a child does as a reaction or outcome ("keep missing school"), not an act on others
CHILD_DOINGS = {"miss", "sleep", "fall", "wander", "hide", "stop", "refuse", "walk", "run",
                "cry", "wet"}


def _goes_on_doing(verb: Token) -> bool:
    """"will keep leaving his methadone on the table": someone going on with an act done to
    a thing or a person (not "will keep missing school", which is the child's outcome)."""
    if verb.lemma_.lower() in HABITUAL:
        acts = [c for c in verb.children if c.dep_ == "xcomp"]
    elif verb.dep_ == "xcomp" and verb.head.lemma_.lower() in HABITUAL:
        acts = [verb]
    else:
        return False
    return any(v.lemma_.lower() in ACTS - CHILD_DOINGS
               and any(c.dep_ == "dobj" for c in v.children) for v in acts)


def _could_be_child(a: Analysis, tok: Token) -> bool:
    """A child, or someone we know nothing about who does nothing to anyone in the
    statement: in a danger statement, the one things could happen to is the child."""
    people = a.people
    return people.is_child(tok) or (people.resolve(tok).role == "unknown" and not any(
        b.actor is not None and b.actor.text == tok.text for b in _actors(a)))


def outcomes(a: Analysis) -> Iterator[Outcome]:
    """Future or modal clauses, with who they fall on and whether they are concrete."""
    return iter(a.memo("outcomes", lambda: tuple(_outcomes(a))))


def _outcomes(a: Analysis) -> Iterator[Outcome]:
    people = a.people
    for verb in clause_verbs(a.doc):
        if not is_modal_future(verb):
            continue
        if (verb.dep_ == "relcl" and verb.lemma_.lower() not in HARM_VERBS) or (
                verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_.lower() in SPEECH_VERBS):
            continue  # "the people she might be talking to", "tells her she will come"
        if is_negated(verb) and verb.lemma_ not in ("sleep", "eat", "go", "get", "have"):
            continue
        subj = subjects(verb)
        who = None
        # "Patrick will keep leaving his methadone out": going on doing it is the behaviour,
        # so only a known child is the one it happens to
        habitual = _goes_on_doing(verb)
        for s in subj:
            if a.people.is_child(s) if habitual else _could_be_child(a, s):
                who = s
                break
        if who is None:
            # the child as object or owner: "Dad could hurt Amy", "Amy's teeth could rot"
            for t in verb.subtree:
                if t.i == verb.i:
                    continue
                if t.dep_ in ("dobj", "poss", "pobj", "nsubjpass", "dative") and (
                        people.is_child(t) or (verb.lemma_.lower() in HARM_VERBS
                                               and t.dep_ in ("dobj", "nsubjpass")
                                               and _could_be_child(a, t))):
                    if t.dep_ == "poss" and t.head.dep_ in ("nsubj", "nsubjpass"):
                        who = t  # "Amy's teeth could rot"
                        break
                    thing_subject = subj and not any(people.is_person(x) for x in subj)
                    deep = thing_subject or verb.lemma_.lower() in (
                        "lead", "result", "cause", "end", "mean")
                    if (deep or t.head.i == verb.i or t.head.head.i == verb.i) and (
                        verb.lemma_.lower() in HARM_VERBS or is_passive(verb) or deep
                    ):
                        who = t  # "Dad could hurt Amy", "the TV could land on Leon"
                        break
        if who is None:
            for s in subj:
                if s.dep_ in ("nsubj", "nsubjpass") and not people.is_person(s):
                    for p in s.children:
                        if p.dep_ == "poss" and (people.is_child(p) or (
                                s.lemma_.lower() in BODILY and _could_be_child(a, p))):
                            who = p  # "Amy's teeth could rot", not "his mates will laugh"
        concrete, why = _is_concrete_outcome(a, verb)
        first = min([verb.i] + [s.left_edge.i for s in subj if s.i < verb.i])
        span = tok_span(a.doc, first, verb.right_edge.i)
        if len(span.text) > 200:
            span = tok_span(a.doc, first, verb.i)
        yield Outcome(verb, who, span, concrete, who is not None, why)


# --- worry frames ---------------------------------------------------------------------

WORRY_ADJ = {"worried", "concerned", "scared", "afraid", "frightened", "anxious", "fearful",
             "uneasy", "alarmed", "troubled", "nervous", "terrified", "petrified",
             "apprehensive", "distressed"}
WORRY_VERB = {"worry", "fear", "concern", "dread"}
WORRY_NOUN = {"worry", "concern", "fear", "worries", "concerns", "fears", "anxiety",
              "anxieties"}
FEARFUL = {"scared", "afraid", "frightened", "anxious", "terrified", "petrified", "nervous",
           "distressed", "fearful"}
DISMISSING = {"minimise", "minimize", "deny", "dismiss", "downplay", "reject", "ignore",
              "dispute", "challenge"}
HOLDING_VERBS = {"have", "share", "raise", "express", "hold", "voice", "report", "flag",
                 "identify", "highlight", "note", "record", "bring", "pass", "log", "make"}


@dataclass(frozen=True)
class WorryFrame:
    trigger: Token
    holders: tuple[Token, ...]
    status: str  # "named", "collective", "agentless", "none"
    span: Span


def _named_collective(h: Token) -> bool:
    """An agency or staff group with its name on it: "Children's Services", "Social
    Services", "the staff at Little Acorns nursery" (not "services", "the staff")."""
    lemma = h.lemma_.lower()
    if lemma in ("service", "services"):
        return any(c.dep_ in ("compound", "poss") and c.text[:1].isupper() for c in h.children)
    if lemma in ("staff", "team"):
        return any(c.dep_ == "prep" and c.lower_ in ("at", "from", "of") and any(
            g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN") and g.lemma_.lower() not in (
                "home", "house", "time", "moment")
            for g in c.children) for c in h.children)
    return False


def _holder_status(a: Analysis, holders: list[Token]) -> str:
    if not holders:
        return "agentless"
    for h in holders:
        low = h.lower_
        if low in ("i", "me", "my"):
            return "named"
        if low in ("we", "us") and any(c.dep_ in ("appos", "parataxis", "dep")
                                       and c.pos_ in ("PROPN", "NOUN") for c in h.children):
            return "named"  # "We (Nan, Uncle Ravi and Jo the social worker) need to see"
        if h.lemma_.lower() == "network" and any(
                c.lower_ in ("professional", "professionals", "multi-agency")
                for c in h.children):
            continue  # "the professional network" names no one
        if _named_collective(h):
            return "named"  # "Children's Services", "the staff at Little Acorns nursery"
        if (low in COLLECTIVE or h.lemma_.lower() in COLLECTIVE) and not (
                h.lemma_.lower() in NAMEABLE_COLLECTIVES
                and any(c.dep_ in ("compound", "amod", "poss") for c in h.children)):
            # "the professionals involved", "we": a reviewer asks who
            if low == "they" and a.people.resolve(h).role in ("adult", "professional", "child"):
                return "named"
            continue
        if h.pos_ == "PRON":
            m = a.people.resolve(h)
            if low in ("he", "she", "him", "her") or m.role not in ("unknown", ""):
                return "named"
            continue
        if h.pos_ in ("PROPN", "NOUN") or h.ent_type_ in ("PERSON", "ORG"):
            # a role or agency noun, or a name; generic heads fail
            lemma = h.lemma_.lower()
            if lemma in NAMEABLE_COLLECTIVES and not any(
                    c.dep_ in ("compound", "amod", "poss", "nmod") for c in h.children):
                continue  # "the team" on its own: which team?
            if lemma in ("people", "professional", "agency", "service", "practitioner",
                         "other", "partner", "colleague", "person", "body", "organisation",
                         "organization"):
                if h.tag_ in ("NNS", "NNPS") or lemma in ("other",):
                    continue
            return "named"
    return "collective"


def _denied(tok: Token) -> bool:
    """"not worried", "isn't concerned", "never feared": the worry is denied."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    return tok.dep_ in ("acomp", "oprd", "xcomp") and any(
        c.dep_ == "neg" for c in tok.head.children)


def _holders_of(tok: Token) -> list[Token]:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and tok.dep_ in ("acomp", "oprd", "xcomp", "attr", "amod", "conj") \
            and tok.head.i != tok.i:
        subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and tok.head.dep_ in ("conj", "xcomp", "ccomp", "relcl"):
            return subjects(tok.head)
    out: list[Token] = []
    for s in subj:
        out.extend(conjuncts(s))
    if not out:
        out = subjects(tok)
    return out


def worry_frames(a: Analysis) -> Iterator[WorryFrame]:
    doc = a.doc
    for tok in tokens(doc):
        low, lemma = tok.lower_, tok.lemma_.lower()
        holders: list[Token] | None = None
        if (low in WORRY_ADJ or lemma in WORRY_VERB) and _denied(tok):
            continue  # "Grandma is not worried at all": no one holds a worry
        if low in WORRY_ADJ and tok.pos_ in ("ADJ", "VERB"):
            head = tok.head if tok.dep_ in ("acomp", "oprd", "xcomp", "advcl", "conj") else tok
            if is_modal_future(head) or is_modal_future(tok) or (
                tok.dep_ in ("advcl", "conj", "oprd", "xcomp")
                and head.lemma_.lower() not in ("be", "feel", "get", "seem", "remain", "become")
            ):
                continue  # "Owen will be left at the gate, scared": a feeling, not a worry
            if tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN"):
                holders = [tok.head]  # "a worried neighbour rang"
            else:
                holders = _holders_of(tok)
                if any(c.dep_ == "agent" for c in tok.children):
                    holders = agent_of(tok) or holders
                if low in FEARFUL and holders and all(a.people.is_child(h) for h in holders) \
                        and not any(c.dep_ == "ccomp" for c in tok.children):
                    continue  # "Noah, 8, is scared to go home": a feeling, not a worry
        elif lemma in WORRY_VERB and tok.pos_ == "VERB" and low not in ("worrying", "concerning"):
            obj = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ not in
                   ("me", "us", "them", "it", "that", "this")]
            if is_passive(tok):
                holders = agent_of(tok)
            elif lemma in ("worry", "concern") and obj:
                holders = conjuncts(obj[0])  # "What worries her teacher is that..."
            else:
                holders = _holders_of(tok)
        elif lemma in WORRY_NOUN and tok.pos_ == "NOUN":
            poss = [c for c in tok.children if c.dep_ == "poss"]
            head = tok.head
            if poss:
                holders = conjuncts(poss[0])
            elif tok.dep_ == "dobj" and head.lemma_.lower() in DISMISSING:
                continue  # "Mum and Dad minimise the concerns": they do not hold them
            elif tok.dep_ in ("dobj",) and head.pos_ in ("VERB", "AUX"):
                holders = _holders_of(head)  # "The council has concerns", "CPS substantiated"
            elif tok.dep_ in ("nsubjpass",) and head.lemma_.lower() in HOLDING_VERBS | {"raise"}:
                holders = agent_of(head)
            elif tok.dep_ == "pobj" and head.dep_ == "agent":
                continue
            elif any(c.dep_ == "acl" and agent_of(c) for c in tok.children):
                acl = next(c for c in tok.children if c.dep_ == "acl" and agent_of(c))
                holders = agent_of(acl)
            elif any(c.dep_ == "prep" and c.lower_ in ("from", "for") for c in tok.children):
                # "concerns from the school", "a concern for the school"
                prep = next(c for c in tok.children
                            if c.dep_ == "prep" and c.lower_ in ("from", "for"))
                holders = [p for p in prep.children if p.dep_ == "pobj"]
            elif tok.dep_ in ("attr", "nsubj", "dobj", "pobj", "ROOT", "appos"):
                holders = []
            else:
                continue
        else:
            continue
        status = _holder_status(a, holders)
        if holders:
            first = min(h.left_edge.i if h.left_edge.i >= tok.i - 12 else h.i for h in holders)
            span = tok_span(doc, min(first, tok.i), max(tok.i, *(h.i for h in holders)))
        else:
            span = phrase_span(tok)
        yield WorryFrame(tok, tuple(holders), status, span)
