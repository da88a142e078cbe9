"""Reading the dependency parse: who is who, clauses, modals, negation, time expressions.

Criteria are judged from these structures rather than from keyword counts: the subject of
"worried", the child as subject of a future modal clause, the actor of a past act, and so on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from drafting.doccache import text as doc_text
from drafting.doccache import tokens
from drafting.report import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# --- vocabulary -------------------------------------------------------------------------

FEMALE_ADULT = {
    "mum", "mom", "mummy", "mommy", "mother", "stepmum", "stepmom", "stepmother", "nan",
    "nana", "nanna", "gran", "granny", "grandma", "grandmother", "aunt", "auntie", "aunty",
    "girlfriend", "wife", "woman", "lady", "grandmum", "godmother", "mam", "ma",
}
MALE_ADULT = {
    "dad", "daddy", "father", "stepdad", "stepfather", "grandad", "granddad", "grandpa",
    "grandfather", "uncle", "boyfriend", "husband", "man", "gentleman", "pop", "papa",
    "godfather", "da",
}
NEUTRAL_ADULT = {
    "parent", "parents", "carer", "caregiver", "partner", "adult", "adults", "grandparent",
    "grandparents", "neighbour", "neighbor", "lodger", "friend", "relative", "guardian",
    "stepparent", "foster", "landlord", "stranger", "men", "women", "people", "family",
    "mums", "dads", "cousin", "couple", "ex", "ex-partner", "fiance", "fiancé", "fiancee",
    "housemate", "flatmate", "babysitter", "sitter", "victim", "suspect", "perpetrator",
    "mates", "mate", "peers", "lads", "friends", "others",
}
CHILD_WORDS = {
    "child", "children", "baby", "babies", "son", "daughter", "kid", "kids", "boy", "girl",
    "toddler", "infant", "teenager", "teen", "newborn", "twins", "twin", "sons", "daughters",
    "boys", "girls", "sibling", "siblings", "youngster", "pupil", "student", "grandchild",
    "grandson", "granddaughter", "brother", "sister", "brothers", "sisters", "youngsters",
    "teenagers", "stepson", "stepdaughter", "newborns", "minor", "minors", "young", "yp",
    "cyp", "baby's", "youth", "juvenile",
}
NOT_PEOPLE_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}
CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "christmas", "easter"}
# "Amy's mum", "Amy's teacher": the owner of these is a child ("Chloe's neighbour" says
# nothing about Chloe's age)
CARERS_OF_CHILD = {
    "mum", "mom", "mummy", "mommy", "mother", "dad", "daddy", "father", "stepdad", "stepmum",
    "stepmom", "stepfather", "stepmother", "parent", "parents", "nan", "nana", "nanna", "gran",
    "granny", "grandma", "grandmother", "grandad", "granddad", "grandpa", "grandfather",
    "grandparents", "aunt", "auntie", "aunty", "uncle", "carer", "carers", "teacher",
    "nursery", "school", "childminder", "caseworker", "worker", "visitor", "tutor",
    "headteacher", "paediatrician", "pediatrician", "midwife", "coach", "mentor",
}
PARENT_WORDS = {"mum", "mom", "mother", "dad", "father", "stepdad", "stepmum", "stepmom",
                "stepfather", "stepmother", "parent", "mummy", "daddy", "mommy"}
PARENT_OF = {"son", "daughter", "child", "children", "baby", "kids", "kid", "sons",
             "daughters", "boy", "girl", "boys", "girls", "toddler", "twins"}
SIBLINGS = {"sister", "brother"}
FEMALE_CHILD = {"daughter", "girl", "sister", "granddaughter", "stepdaughter"}
MALE_CHILD = {"son", "boy", "brother", "grandson", "stepson"}
PROFESSIONAL = {
    "school", "nursery", "teacher", "headteacher", "head", "worker", "visitor", "police",
    "gp", "doctor", "nurse", "midwife", "council", "childminder", "caseworker", "agency",
    "hospital", "paediatrician", "pediatrician", "officer", "team", "department", "service",
    "cps", "therapist", "counsellor", "counselor", "coach", "leader", "manager", "practitioner",
    "consultant", "psychiatrist", "psychologist", "dentist", "pharmacist", "housing",
    "authority", "court", "judge", "guardian", "clinic", "surgery", "staff", "college",
    "academy", "club", "church", "mosque", "temple", "charity", "support", "advocate",
    "mentor", "tutor", "principal", "paramedic", "ambulance", "network",
    "children's", "services", "chair", "dcfs", "dcf", "childcare", "keyworker",
    "coordinator", "co-ordinator", "specialist", "detective", "constable",
    "sergeant", "warden", "supervisor", "assistant", "senco", "sw", "hv", "social",
}
COLLECTIVE = {
    "we", "us", "everyone", "everybody", "professionals", "people", "services", "agencies",
    "practitioners", "others", "all", "someone", "somebody", "anyone", "anybody", "many",
    "some", "they", "them", "partners", "colleagues", "staff", "those", "involved",
    "professional", "multi", "agency's", "folks", "folk", "one", "nobody", "everyone's",
}
# a collective with a name on it is a named group: "the daycare staff", "the youth team"
NAMEABLE_COLLECTIVES = {"staff", "team"}
# "won't eat" is a refusal now, not a future outcome
FUTURE_MODALS = {"could", "might", "may", "will", "would", "'ll", "can", "shall"}

PERSON_PRONOUNS = {"i", "me", "he", "him", "she", "her", "they", "them", "you", "we", "us"}


def is_adult_word(lemma: str) -> bool:
    return lemma in FEMALE_ADULT or lemma in MALE_ADULT or lemma in NEUTRAL_ADULT


# --- spans ------------------------------------------------------------------------------


def tok_span(doc: Doc, first: int, last: int) -> Span:
    """Tokens first..last as a Span record (never through ``doc.text``: spaCy rebuilds it on
    every access, which made long texts quadratic; nor through a spaCy Span, which builds
    a Token per word to join its text)."""
    toks = tokens(doc)
    if not 0 <= first <= last < len(toks):
        chunk = doc[first: last + 1]
        return Span(chunk.start_char, chunk.end_char, chunk.text)
    start, end = toks[first].idx, toks[last].idx + len(toks[last].text)
    return Span(start, end, doc_text(doc)[start:end])


def phrase_span(tok: Token) -> Span:
    """The token with its left modifiers (determiners, compounds, possessors)."""
    first = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in
                           ("det", "compound", "poss", "amod", "nmod", "nummod", "case")])
    return tok_span(tok.doc, first, tok.i)


# --- clause structure -------------------------------------------------------------------


def conjuncts(tok: Token) -> list[Token]:
    """The token and everything coordinated with it ("Nan and the school")."""
    out = [tok]
    out.extend(c for c in tok.conjuncts if c.i != tok.i)
    return out


def subjects(verb: Token) -> list[Token]:
    """Grammatical subjects of a verb, inherited through xcomp/conj/relcl when missing."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
        if subj and v.dep_ == "relcl" and all(
            s.lower_ in ("who", "that", "which", "whom") for s in subj
        ):
            return conjuncts(v.head)
        if subj:
            out: list[Token] = []
            for s in subj:
                out.extend(conjuncts(s))
            return out
        if v.dep_ == "relcl":
            return [v.head]
        if v.dep_ in ("xcomp", "conj", "advcl", "acl", "pcomp", "ccomp", "dep") and \
                v.head.i != v.i:
            if v.dep_ == "acl" and v.head.pos_ in ("NOUN", "PROPN", "PRON"):
                owners = [c for c in v.head.children if c.dep_ == "poss"]
                return owners or [v.head]
            if v.dep_ == "pcomp" and v.head.lower_ == "on" and v.head.dep_ in ("prep", "prt") \
                    and v.head.head.lemma_.lower() in ("carry", "keep", "go"):
                v = v.head  # "carries on losing his temper": the verb "on" hangs from
            v = v.head
            seen += 1
            continue
        break
    if v is not None and v.dep_ == "ROOT":
        # the parser hung the subject elsewhere ("On the night of 21 October Mum's partner
        # Jake came home"): take the nearest name or role before the verb
        for t in reversed(v.doc[v.sent.start: v.i]):
            if t.pos_ in ("VERB", "AUX"):
                break
            if t.pos_ == "PROPN" and t.ent_type_ not in ("DATE", "TIME", "GPE", "LOC"):
                return [t]
            if t.pos_ == "NOUN" and is_adult_word(t.lemma_.lower()):
                return [t]  # "On 6 May Kylie's stepdad locked her out"
    return []


def aux_words(verb: Token) -> set[str]:
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.dep_ == "xcomp":
        # "may stop going", "could end up living": the complement shares the modal
        words |= {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
        if verb.head.lower_ == "going" or verb.head.lemma_ == "likely":
            words.add("will")
    if verb.dep_ in ("ccomp", "xcomp") and verb.head.lemma_ in ("make", "cause", "force", "let",
                                                              "lead", "leave", "get", "help"):
        words |= {c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")}
    head = verb
    # a conjoined verb shares the first verb's modal: "could fall and hit her head"
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
        words |= {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
    return words


def is_modal_future(verb: Token) -> bool:
    return bool(aux_words(verb) & FUTURE_MODALS)


def is_negated(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return True
    return False


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _by_phrase(verb: Token) -> Token | None:
    """The "by ..." of a passive, even when the parser hung it on a nearby noun."""
    for c in verb.children:
        if c.dep_ == "agent":
            return c
    for t in verb.subtree:
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.i > verb.i:
            # not inside another clause: every head up to the verb is a noun or preposition
            h = t.head
            while h.i != verb.i and h.pos_ in ("NOUN", "PROPN", "ADP", "PRON", "NUM", "ADJ"):
                h = h.head
            if h.i == verb.i:
                return t
    return None


def has_agent(verb: Token) -> bool:
    return _by_phrase(verb) is not None


def agent_of(verb: Token) -> list[Token]:
    by = _by_phrase(verb)
    if by is None:
        return []
    out: list[Token] = []
    for o in (p for p in by.children if p.dep_ == "pobj"):
        out.extend(conjuncts(o))
    return out


def clause_verbs(doc: Doc) -> Iterator[Token]:
    for tok in tokens(doc):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            yield tok


# --- people -----------------------------------------------------------------------------

MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"}
_AGE_AFTER = re.compile(
    r"^(?:'s|’s)?\s*(?:,|\()\s*(?:aged?\s+|who\s+is\s+|now\s+|age\s+)?\d{1,2}\b"
    r"(?:\s*(?:months?|mos?|mths?|weeks?|wks?|years?|yrs?))?",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b\d{1,2}[- ](?:year|month|week)s?[- ]old\s*$|\b(?:baby|little|toddler|newborn)\s*$",
    re.IGNORECASE,
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen"
)
_AGE_WORDS_AFTER = re.compile(
    rf"^\s*(?:,|\()\s*(?:aged?\s+|who\s+is\s+)?(?:{_NUMBER_WORDS})\b(?!\s+(?:times|days|"
    r"weeks|hours|nights|minutes)\b)",
    re.IGNORECASE,
)
_AGE_WORDS_BEFORE = re.compile(
    rf"\b(?:{_NUMBER_WORDS})[- ](?:year|month|week)s?[- ]old\s*$", re.IGNORECASE
)


PARTNERS = {"partner", "boyfriend", "girlfriend", "husband", "wife", "fiance", "fiancé", "ex"}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx", "sir", "rev"}
MOTION = {"go", "take", "drive", "travel", "move", "run", "bring", "send", "walk", "fly",
          "come", "return", "get", "live", "stay", "ship", "carry"}


def _is_place(tok: Token) -> bool:
    """"to Carlisle", "in Fenton": a capitalised word after a place preposition."""
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    if prep.lower_ in ("in", "at", "near", "from", "towards", "around", "outside", "inside"):
        return True
    return prep.lower_ == "to" and prep.head.lemma_.lower() in MOTION


@dataclass(frozen=True)
class Mention:
    tok: Token
    role: str  # "child", "adult", "professional", "unknown", "collective", "writer"
    gender: str  # "f", "m", "" (unknown)


# words that open case notes and are not names ("Advice given", "Concerns re: ...")
NOT_NAMES = {"advice", "concern", "concerns", "worry", "worries", "contact", "attendance",
             "nappy", "risk", "evidence", "referral", "incident", "history", "support",
             "things", "nothing", "something", "everything", "police", "drugs", "alcohol",
             "drink", "cannabis", "heroin", "cocaine", "plan", "update", "visit", "note",
             "outcome", "action", "actions", "agreed", "bruising", "injuries", "weight",
             "growth", "hygiene", "housing", "money", "debt", "food", "sleep", "bedtime"}
NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ism", "ing")


HYPHENATED_NAME = re.compile(r"[A-Z][a-z]+-[A-Z][a-z]+(?:'s|’s)?")


def _hyphenated_name(tok: Token) -> bool:
    """"Lily-Mae's weight": a double-barrelled first name the entity tagger calls an
    organisation."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and bool(HYPHENATED_NAME.fullmatch(ent.text))


def _subject_follows(tok: Token) -> bool:
    """What follows a child's name as subject: a verb, or an age ("Gracie, 2, presented")."""
    doc = tok.doc
    nxt = doc[tok.i + 1: tok.i + 3]
    return bool(nxt) and (nxt[0].pos_ in ("VERB", "AUX") or (
        len(nxt) == 2 and nxt[0].text in (",", "(") and nxt[1].like_num))


def _may_name(tok: Token) -> bool:
    """Tokens worth asking who they are: nouns, names, and a sentence's opening word the
    tagger read as an adjective or adverb ("Precious was slapped", "Holly flinches")."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.ent_type_ == "PERSON" or (
        tok.pos_ in ("ADJ", "ADV") and tok.is_sent_start)


def name_at_start(tok: Token) -> bool:
    """A name the tagger missed because it opens the sentence ("Harvey, 7, missed 20 days",
    "Tyrell has lost 6 pounds"): capitalised, not an everyday word or a role, and followed by
    what follows a subject (a verb, a comma, a bracket or "'s")."""
    from drafting.readability import easy_words

    text, low = tok.text, tok.lower_
    # "Precious was slapped": a name the tagger read as an adjective, yet it is the subject
    # and "Holly flinches", "Gracie, 2, presented", read as adverbs
    tagged = tok.pos_ in ("NOUN", "PROPN") or (
        tok.pos_ == "ADJ" and tok.dep_ in ("nsubj", "nsubjpass")) or (
        tok.pos_ == "ADV" and not low.endswith("ly") and _subject_follows(tok))
    if not (tok.is_sent_start and text[:1].isupper() and text[1:].islower() and len(text) > 2):
        return False
    if _aged(tok) and low not in CALENDAR and low not in CHILD_WORDS and low not in PROFESSIONAL \
            and not is_adult_word(low):
        return True  # "Willow, aged 2, ...", "Lily, who is seven, ran": an everyday word, aged
    if not tagged:
        return False
    if low in easy_words() or low in PROFESSIONAL or low in CHILD_WORDS or low in CALENDAR \
            or low in NOT_NAMES or low.endswith(NOUN_ENDINGS) or tok.tag_ in ("NNS", "NNPS") \
            or is_adult_word(low) or is_adult_word(tok.lemma_.lower()) \
            or any(c.dep_ == "det" for c in tok.children):
        return False
    if tok.i + 1 >= len(tok.doc):
        return False
    nxt = tok.doc[tok.i + 1]
    return nxt.pos_ in ("AUX", "VERB") or nxt.text in (",", "(") or nxt.tag_ == "POS"


def _aged(tok: Token) -> bool:
    """An age right after the word: "Willow, aged 2", "Storm (3)", "Lily, who is seven"."""
    after = doc_text(tok.doc)[tok.idx + len(tok.text): tok.idx + len(tok.text) + 24]
    return bool(_AGE_AFTER.match(after) or _AGE_WORDS_AFTER.match(after))


class People:
    """Who in the statement is a child, an adult carer or a professional.

    Names are classified from their context: an age after or before the name ("Amy, 4",
    "6-year-old Remy"), "Amy's mum" (Amy is the child), "Mum, Kayla," (Kayla is the adult),
    "his son Tom". Pronouns are resolved to the nearest earlier person of a fitting gender.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.child_names: set[str] = set()
        self.adult_names: set[str] = set()
        self.genders: dict[str, str] = {}
        self.parent_names: set[str] = set()
        self._classify_names()

    def _name_tokens(self) -> Iterable[Token]:
        for tok in tokens(self.doc):
            if _may_name(tok):
                if tok.text[:1].isupper() and tok.lower_ not in PROFESSIONAL and (
                    tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or not tok.is_sent_start
                    or name_at_start(tok)
                ):
                    yield tok

    def _classify_names(self) -> None:
        text = doc_text(self.doc)
        for tok in self._name_tokens():
            low = tok.lower_
            if is_adult_word(low) or low in CHILD_WORDS:
                continue
            if low in MONTHS and (tok.ent_type_ == "DATE" or (
                    tok.i > 0 and tok.nbor(-1).like_num)):
                continue  # "on 3 March, 17 March": a date, not a child called March aged 17
            name = tok.text
            after = text[tok.idx + len(tok.text): tok.idx + len(tok.text) + 24]
            before = text[max(0, tok.idx - 24): tok.idx]
            nxt = tok.nbor(1) if tok.i + 1 < len(self.doc) else None
            age = _AGE_AFTER.match(after)
            older = age or re.search(r"\b(\d{2})-year-old\s+\w*\s*,?\s*$", before)
            if older and int(re.findall(r"\d+", older.group(0))[0]) >= 18 and not re.search(
                    r"mo|mth|w(?:ee)?k", older.group(0), re.IGNORECASE):  # "(18 mos)"
                self.adult_names.add(name)  # "Jordan, who is 24", "his 19-year-old son, Arjun"
                continue
            if age or _AGE_BEFORE.search(before) or \
                    _AGE_WORDS_AFTER.match(after) or _AGE_WORDS_BEFORE.search(before):
                self.child_names.add(name)
                continue
            prev = tok.nbor(-1) if tok.i > 0 else None
            if prev is not None and prev.lower_.rstrip(".") in TITLES:
                self.adult_names.add(name)  # "Mr Nguyen", "Mrs Cobb"
                title = prev.lower_.rstrip(".")
                if title in ("mr", "sir"):
                    self.genders[name] = "m"
                elif title in ("mrs", "ms", "miss"):
                    self.genders[name] = "f"
                continue
            if prev is not None and prev.text == "(" and tok.i > 1 and self._bracketed_adult(
                    self.doc[tok.i - 2], name):
                continue
            # "Amy's mum": the possessor of an adult role is a child
            if nxt is not None and nxt.tag_ == "POS":
                owned = nxt.head if nxt.head.i != tok.i else None
                if owned is None:
                    owned = tok.head
                owned_words = {owned.lemma_.lower()} | {
                    c.lemma_.lower() for c in owned.children if c.dep_ in ("compound", "appos")
                }
                if owned_words & CARERS_OF_CHILD:
                    self.child_names.add(name)  # "Amy's mum", "Yaw's aunt Abena"
                    continue
                if owned is not None and owned.lemma_.lower() in PARENT_OF:
                    self.adult_names.add(name)
                    continue
            # "Mum, Kayla," / "Kayla (mum)" / "his son Tom" / "Tom, his son,"
            for other in (tok.head, *tok.children):
                if other.i == tok.i:
                    continue
                if tok.dep_ in ("appos", "compound") or other.dep_ in ("appos", "compound"):
                    lemma = other.lemma_.lower()
                    if is_adult_word(lemma):
                        self.adult_names.add(name)
                        owner = [c for c in other.children if c.dep_ == "poss"] \
                            if other.i != tok.i else []
                        # "Mum, Kayla," or "Harvey's mum, Jess" is the child's parent; "her mum
                        # Julie" may be a grandparent when "her" is an adult
                        if lemma in PARENT_WORDS and (
                                not owner or owner[0].pos_ == "PROPN"
                                or self._nearest_name(owner[0]) in self.child_names):
                            self.parent_names.add(name)
                        if lemma in FEMALE_ADULT:
                            self.genders[name] = "f"
                        elif lemma in MALE_ADULT:
                            self.genders[name] = "m"
                    elif lemma in SIBLINGS and self.adult_sibling(other):
                        self.adult_names.add(name)  # "Mum's sister Jade", "your brother Dev"
                        self.genders[name] = "f" if lemma in FEMALE_CHILD else "m"
                    elif lemma in CHILD_WORDS and other.text.islower():
                        self.child_names.add(name)  # "his daughter Esme" ("Child Safety" no)
                        if lemma in FEMALE_CHILD:
                            self.genders[name] = "f"
                        elif lemma in MALE_CHILD:
                            self.genders[name] = "m"
        # "her partner, Kwame, has hit her": whoever has a partner is an adult
        for tok in tokens(self.doc):
            if tok.lemma_.lower() in PARTNERS:
                for c in tok.children:
                    if c.dep_ == "poss" and c.pos_ == "PRON":
                        owner = self._nearest_name(c)
                        if owner is not None and owner not in self.child_names:
                            self.adult_names.add(owner)
        # "Chloe Watts, 14": the age lands on the surname; the first name is the same child
        for tok in tokens(self.doc):
            if tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.pos_ == "PROPN":
                if tok.head.text in self.child_names:
                    self.child_names.add(tok.text)
                elif tok.head.text in self.adult_names:
                    self.adult_names.add(tok.text)
        self.adult_names -= self.child_names

    def _bracketed_adult(self, role: Token, name: str) -> bool:
        """"Mom (Brittany)", "Dad (Tomasz)", and the case-note shorthand "M (Grace)" and
        "F (Hamish)": a name in brackets after an adult's role is that adult."""
        words = {role.lemma_.lower(), role.lower_}
        shorthand = {"M": "f", "F": "m"}.get(role.text)
        if not shorthand and not any(is_adult_word(w) for w in words):
            return False
        self.adult_names.add(name)
        if shorthand or words & PARENT_WORDS:
            self.parent_names.add(name)
        gender = shorthand or ("f" if words & FEMALE_ADULT else "m" if words & MALE_ADULT else "")
        if gender:
            self.genders[name] = gender
        return True

    def adult_sibling(self, tok: Token) -> bool:
        """"her sister" is an adult when "her" is one: "Mum will ring her sister", "your
        brother", "Dad's sister"; "Amy's sister" and "his sister" after a child are children."""
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None:
            return False
        low = owner.lower_
        if low in ("your", "my", "our"):
            return True  # a goal or plan spoken to, or by, the adults
        if owner.pos_ != "PRON":
            word = owner.lemma_.lower()
            return is_adult_word(word) or owner.text in self.adult_names
        for t in reversed(self.doc[: owner.i]):
            word = t.lemma_.lower()
            if is_adult_word(word) or t.text in self.adult_names or t.text in self.parent_names:
                return True
            if word in CHILD_WORDS or t.text in self.child_names:
                return False
            if t.pos_ == "PROPN" and t.text[:1].isupper() and t.ent_type_ not in NOT_PEOPLE_ENTS:
                return False  # a name we know nothing about: keep the old reading
        return False

    def _nearest_name(self, tok: Token) -> str | None:
        for t in reversed(self.doc[: tok.i]):
            if t.pos_ == "PROPN" and t.text[:1].isupper() and t.text[1:2].islower():
                return t.text
        return None

    def mention(self, tok: Token) -> Mention:
        low = tok.lower_
        lemma = tok.lemma_.lower()
        if low in ("i", "me", "my"):
            return Mention(tok, "writer", "")
        if low in COLLECTIVE:
            return Mention(tok, "collective", "")
        if lemma in FEMALE_ADULT or low in FEMALE_ADULT:
            return Mention(tok, "adult", "f")
        if lemma in MALE_ADULT or low in MALE_ADULT:
            return Mention(tok, "adult", "m")
        if lemma in NEUTRAL_ADULT:
            return Mention(tok, "adult", "")
        if lemma in CHILD_WORDS or low in CHILD_WORDS:
            g = "f" if lemma in FEMALE_CHILD else "m" if lemma in MALE_CHILD else ""
            return Mention(tok, "child", g)
        # a name placed by its context ("Lani (6)") beats the entity tagger, which reads
        # "On Friday 7 March Lani" as one date
        if tok.text in self.child_names and low not in CALENDAR:
            return Mention(tok, "child", self.genders.get(tok.text, ""))
        if tok.text in self.adult_names and low not in CALENDAR:
            return Mention(tok, "adult", self.genders.get(tok.text, ""))
        if tok.ent_type_ in NOT_PEOPLE_ENTS or low in CALENDAR:
            return Mention(tok, "", "")
        if lemma in PROFESSIONAL or low in PROFESSIONAL:
            return Mention(tok, "professional", "")
        if name_at_start(tok):
            return Mention(tok, "unknown", "")  # "Tyrell has lost 6 pounds"
        if tok.ent_type_ in ("ORG", "NORP") and not (
            tok.pos_ == "PROPN" and tok.ent_iob_ == "B" and (
                tok.i + 1 >= len(self.doc) or self.doc[tok.i + 1].ent_iob_ != "I")
        ) and not _hyphenated_name(tok):
            return Mention(tok, "professional", "")
        looks_like_name = tok.text[:1].isupper() and tok.text[1:2].islower()
        if looks_like_name and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or (
            tok.pos_ == "NOUN" and (
                not tok.is_sent_start or tok.text in self._midsentence_capitals)
        )):
            return Mention(tok, "unknown", "")
        return Mention(tok, "", "")

    @cached_property
    def _midsentence_capitals(self) -> set[str]:
        """Capitalised words seen inside a sentence: names, even when one starts a sentence."""
        return {t.text for t in tokens(self.doc) if t.text[:1].isupper() and not t.is_sent_start
                and t.pos_ in ("NOUN", "PROPN")}

    @cached_property
    def mentions(self) -> list[Mention]:
        out = []
        for tok in tokens(self.doc):
            if _may_name(tok):
                m = self.mention(tok)
                if m.role in ("child", "adult", "professional", "unknown"):
                    out.append(m)
        return out

    def resolve(self, tok: Token) -> Mention:
        """A pronoun's likely referent (nearest earlier person of a fitting gender)."""
        low = tok.lower_
        if low not in ("he", "him", "his", "she", "her", "hers", "they", "them", "their",
                       "himself", "herself", "themselves"):
            return self.mention(tok)
        want = "m" if low in ("he", "him", "his", "himself") else (
            "f" if low in ("she", "her", "hers", "herself") else "")
        # the subject of the same clause is rarely the referent of its object pronoun
        own_subjects = {s.i for s in subjects(tok.head)} if tok.dep_ != "nsubj" else set()
        for m in reversed(self.mentions):
            if m.tok.i >= tok.i or m.tok.i in own_subjects:
                continue
            if m.role == "professional":
                continue
            if m.role == "unknown" and (m.tok.ent_type_ in ("GPE", "LOC", "FAC")
                                        or _is_place(m.tok)):
                continue  # a place, most likely
            if want and m.gender and m.gender != want:
                continue
            if not want and low in ("they", "them", "their", "themselves"):
                if m.tok.tag_ not in ("NNS", "NNPS") and not m.tok.conjuncts:
                    continue
            return Mention(m.tok, m.role, m.gender or want)
        return Mention(tok, "unknown", want)

    def is_child(self, tok: Token) -> bool:
        m = self.resolve(tok)
        return m.role == "child"

    def is_childlike(self, tok: Token) -> bool:
        """Child, or a named person who is not known to be an adult."""
        m = self.resolve(tok)
        return m.role in ("child", "unknown")

    def is_adult(self, tok: Token) -> bool:
        return self.resolve(tok).role == "adult"

    def is_person(self, tok: Token) -> bool:
        return self.resolve(tok).role in ("child", "adult", "professional", "unknown",
                                          "writer") or tok.lower_ in PERSON_PRONOUNS
