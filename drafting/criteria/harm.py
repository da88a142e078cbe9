"""Harm statement criteria: what happened, who did it and when, and what it did to the child."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from drafting.analysis import Analysis
from drafting.criteria import criterion, quote, spans_of
from drafting.criteria.clauses import _named_collective, behaviours
from drafting.doccache import tokens
from drafting.report import CriterionResult, Span
from drafting.syntax import CHILD_WORDS, agent_of, is_negated, is_passive, subjects, tok_span
from drafting.timex import anchors, vague_times

if TYPE_CHECKING:
    from spacy.tokens import Span as Sentence
    from spacy.tokens import Token

IMPACT_WORDS = {
    "bruise", "bruised", "bruises", "bruising", "mark", "marks", "marked", "cut", "cuts",
    "burn", "burns", "burned", "burnt", "scald", "scalded", "bleed", "bled", "bleeding",
    "blood", "bloody", "broken", "broke", "fracture", "fractured", "fractures", "swollen",
    "swelling", "injury", "injuries", "injured", "hurt", "hospital", "a&e", "er",
    "stitches", "scar", "scars", "sore", "sores", "rash", "cry", "cried", "crying",
    "scared", "frightened", "afraid", "terrified", "upset", "distressed", "hid", "hide",
    "hiding", "shake", "shaking", "shook", "tremble", "hungry", "starving", "thin",
    "underweight", "wet", "soiled", "nightmares", "nightmare", "bedwetting",
    "vomit", "vomited", "vomiting", "unconscious", "overdose", "seizure", "seizures",
    "dehydrated", "lice", "decay", "rotten", "pain", "painful", "ache", "aching",
    "scream", "screamed", "screaming", "flinch", "flinched", "withdrawn", "silent", "sad",
    "anxious", "worried", "nervous", "panic", "ambulance", "paramedics", "treatment",
    "treated", "cold", "freezing", "filthy", "dirty", "smelly", "smelled", "ill", "sick",
    "infection", "infected", "exhausted", "lost", "missed", "absent", "behind",
    "bitten", "welt", "welts", "lump", "graze", "grazed", "sprain", "sprained",
    "concussion", "unwell", "wound", "wounds", "lonely", "ashamed", "blamed", "stopped",
    "begged", "wetting", "urine", "faeces", "ran", "died", "dead", "death", "killed",
    "swallowed", "hunger", "aches", "stomach", "thumb", "sucking", "cracked", "pregnant",
    "pregnancy", "self-harm", "awake", "surgery",
    "operation", "stabbed", "black", "blister", "blisters", "blistered", "cowered",
    "cowering", "stammer", "stutter", "nappy", "soaked", "shivering", "teeth", "choking",
    "blue", "centile", "centiles", "gasping", "limping", "limp", "sob", "sobbed", "admitted",
    "bump", "anxiety", "disturbance", "extraction", "extractions", "drew",
    "flinches", "popped", "dislocated", "dislocation", "lighter", "belly", "tummy",
    "readmitted", "admission", "admissions", "surgical", "contracture", "contractures",
    "sobbing", "wept", "weep", "weeping", "screams", "laceration", "lacerations",
    "abrasion", "abrasions", "contusion", "contusions", "bites", "cough", "coughing",
    "wheezing", "squint", "handprint", "handprints", "fingermarks", "fingertip",
    "tears", "tearful", "tired", "sleepy", "drowned", "hypothermia", "hypervigilant",
    "sti", "regressed", "perforated", "eardrum", "fearful", "frostbite", "ulcer", "ulcers",
    "awol", "withdrawal", "withdrawing", "absences", "diarrhoea", "diarrhea", "hysterical",
    "inconsolable", "homeless", "chipped", "fits", "bite", "smells", "sting", "stings",
    "stung", "headache", "headaches", "toothache", "earache", "migraine", "migraines",
    "nits", "abscess", "enuresis", "hypervigilance", "aspirated", "hoarding", "hoards",
    "hoarded", "hospitalized", "hospitalised", "hospitalisation", "hospitalization", "drowsy",
    "drowning", "mute", "jumpy", "drawn", "floppy", "self-harming", "absconded",
    "grazes", "sweating", "sweaty", "glued",
}
# Effects that are phrases rather than words: missed school, wanting to die.
IMPACT_PHRASES = re.compile(
    r"\b(?:off school|lost weight|weight loss|"
    r"(?:miss(?:ed|es|ing)?|lost)\b[^.;]{0,30}\b(?:school|nursery|lessons?|days|meals?|"
    r"education|classes)|"
    r"want(?:s|ed)? to die|want(?:ed|s)? to kill (?:him|her)self|"
    r"stop(?:ped|s)? (?:eating|talking|speaking|sleeping|going|playing|coming)|could not sleep|"
    r"asthma attack|intensive care|(?:fell|fallen|falls|falling) asleep (?:in|during|at) "
    r"(?:class|lessons?|school|maths|english|assembly)|"
    r"lost \d+(?:\.\d+)?\s?(?:g|kg|grams|kilos?|pounds|lbs?)\b|"
    r"(?:has|had) ?(?:not|n't) (?:slept|eaten|left the house|been (?:able|allowed) to)|"
    r"too (?:tired|scared|frightened|hungry) to|can(?:not|'t) (?:follow|concentrate|sleep)|"
    r"attendance (?:has |had )?(?:dropped|fallen|gone down)|"
    r"(?:did|does|would|will|wo)\s*(?:not|n't) (?:eat|sleep|speak|talk)|low mood|"
    r"(?:sight|eyesight|vision|hearing)\b[^.;]{0,30}\b(?:worse|deteriorat\w*|damaged|lost)|"
    r"(?:can|could)\s+no\s+longer|(?:cannot|can't|could\s+not|couldn't)\s+(?:see\s+(?:the\s+board|"
    r"properly|clearly|well|out\s+of)|hear|read|straighten|move|use)|(?:could|can)\s*(?:not|n't)\s+wake\s+(?:him|her|them)|"
    r"went\s+(?:white|blue|grey|gray|numb|floppy|limp)|(?:delayed|delay\s+in\s+(?:his|her|"
    r"their))\s+(?:speech|talking|walking|development)|speech\s+(?:and\s+language\s+)?delay|"
    r"(?:run|ran|runs|running)\s+away|(?:went|gone)\s+missing|jump(?:s|ed|ing)?\s+at\s+"
    r"(?:loud|every|sudden|the\s+slightest)|hands?\s+over\s+(?:\w+\s+){0,3}ears|"
    r"locked\s+(?:herself|himself|themselves)|hard\s+to\s+wake|weigh(?:s|ed)?\s+less|"
    r"(?:says|speaks|uses|knows)\s+(?:only\s+)?(?:a\s+few|\d+|two|three|four|five|ten)\s+words|"
    r"chew(?:s|ed|ing)?\s+(?:his|her|their)\s+(?:sleeves?|nails|clothes|hair|cuffs|collar)|"
    r"wish(?:es|ed)?\s+(?:she|he|they)\s+(?:lived|could\s+live|was\s+dead|were\s+dead)|"
    r"self[- ]harm\w*|(?:become|became|got|getting|grown|grew)\s+(?:\w+\s+)?(?:stiffer|weaker|"
    r"worse|thinner)|red[- ]faced|red\s+(?:lines?|marks?|patch(?:es)?|welts?)|"
    r"(?:cheek|face|skin|bottom|legs?|arms?|ears?|neck|back)\s+(?:is|was|were|are)\s+"
    r"(?:still\s+)?(?:red|swollen|sore)|(?:been|started|keeps?|kept)\s+(?:hitting|kicking|biting|"
    r"punching|hurting)\s+(?:her|his|their|other|the\s+other)|"
    r"(?:asks?|asked|asking)\s+(?:\w+\s+){0,6}(?:if|whether)\s+(?:\w+(?:'s)?\s+){1,3}(?:is|was|"
    r"would|will)\s+(?:going\s+to\s+die|get\s+better|come\s+back|be\s+(?:ok|okay|safe|alright))|"
    # a child who phones for help: "Yusuf, 10, rang 999"
    r"(?:rang|called|phoned|dialled|dialed|rung)\s+(?:999|911|000|the\s+police)|"
    r"(?:asks?|asked|asking)\s+(?:\w+\s+){0,4}(?:if|whether)\s+(?:she|he|they)\s+(?:can|could|"
    r"will|would|has\s+to|must)\s+(?:still\s+)?(?:live|stay|go\s+home|sleep)|"
    # what the child does since: won't sleep at home, sleeps with a knife, hits others
    r"(?:has|had|have|does|did|would|will|wo)\s*(?:not|n't)\s+(?:wanted\s+to\s+|want\s+to\s+|"
    r"been\s+(?:back\s+)?to\s+)?(?:sleep\s+at\s+home|(?:go|gone)\s+(?:back\s+)?to\s+school|"
    r"walk\s+to\s+school|"
    r"school|go\s+out)|"
    r"sle(?:eps|pt|eping)\s+with\s+a\s+knife|(?:started|starting|begun|began)\s+(?:hitting|punching|"
    r"kicking|biting|hurting|chewing|wetting|soiling|self-harming|stealing|hoarding|hiding|"
    r"stammering)|positive\s+for\s+\w+|hearing\s+loss|covered\s+(?:his|her|their)\s+"
    r"ears|knows?\s+(?:only\s+)?(?:about\s+)?\w+\s+words|dropped\s+\w+\s+centile|"
    r"nearly\s+(?:drowned|died|choked)|ears?\s+rang|(?:could|can)(?:not|n't)\s+breathe|"
    r"(?:did|does|do)(?:\s+not|n't)\s+want\s+to\s+(?:go|come|see|be)|"
    r"(?:put|gained?)\s+on\s+(?:very\s+)?little\s+weight|not\s+put\s+on\s+(?:any\s+)?weight|"
    r"attendance\s+(?:is|was|of|at|has\s+been)\s+(?:currently\s+|now\s+|only\s+)?\d+(?=\s?%)|"
    r"out\s+of\s+the\s+(?:bin|bins|trash|garbage)|sle(?:eps?|pt|eping)\s+through\s+"
    r"(?:lessons|class|the\s+morning)|repeating\s+(?:the\s+)?(?:year|kindergarten|grade|class)|"
    r"went\s+red|"
    # missing school, and what a frightened or neglected child does since
    r"not\s+(?:been\s+)?(?:taken|sent|send|take)\s+(?:\w+,?\s+){0,2}(?:\d+,?\s+)?to\s+"
    r"(?:school|nursery)(?!\s+(?:with|without)\b)|(?:kept|keeping|keeps|keep)\s+\w+\s+(?:at\s+)?home\s+from\s+"
    r"(?:school|nursery)|out\s+of\s+school\s+for|(?:taking|took|takes|steal\w*|stole)\s+"
    r"food\s+(?:from|out)|sle(?:eps?|pt|eping)\s+(?:with|in)\s+(?:the\s+light|"
    r"(?:his|her|their)\s+(?:school\s+)?(?:shoes|clothes|uniform|coat))|pull(?:s|ed|ing)?\s+out\s+"
    r"(?:his|her|their)\s+hair|barely\s+(?:spoken|eaten|slept|speaks|eats|sleeps)|"
    r"eye\s+contact|(?:hit|knocked\s+down|run\s+over)\s+by\s+a\s+(?:car|van|bus)|"
    r"heat\s+exhaustion|could\s+not\s+be\s+woken|unable\s+to\s+(?:sit|stand|walk|crawl)|"
    r"(?:would|will|does|did)\s*(?:not|n't)\s+come\s+home|stayed\s+in\s+(?:his|her|their)\s+"
    r"room|tried\s+to\s+take\s+(?:his|her|their)\s+(?:own\s+)?life|attempted\s+suicide|"
    r"faltering\s+growth|turned\s+(?:grey|gray|blue)|"
    r"(?:asking|begging|asked|begged|asks|begs)\s+(?:\w+\s+)?for\s+food|eating\s+(?:scraps|"
    r"leftovers|other\s+(?:kids|children))|(?:cannot|can't|could\s+not|couldn't)\s+(?:walk|"
    r"bend|stand|sit)|sle(?:eps?|pt|eping)\s+through\s+(?:first|morning|his|her)\s+lessons|"
    r"dropped\s+from\s+the\s+\d+\w*\s+(?:centile\s+)?to\s+(?:below\s+)?the\s+\d+\w*\s+"
    r"centile|(?:will\s+not|won't|would\s+not|wouldn't)\s+go\s+(?:outside|out|into|in|"
    r"to\s+sleep|to\s+bed|to\s+(?:school|nursery|kindy|kindergarten|daycare|preschool))|refus(?:ed|es|ing)\s+to\s+(?:go|come)\s+(?:back\s+)?home|"
    r"nothing\s+to\s+eat|(?:wants?|wanted|asked|asks)\s+(?:if\s+(?:she|he)\s+can\s+|to\s+)"
    r"(?:come\s+and\s+)?(?:live|stay)\s+with|arriv(?:es|ed|ing)\s+late|late\s+(?:for|to|into)\s+school)\b",
    re.IGNORECASE,
)
# what anyone may do, an effect only when a known child does it: "Yusuf, 10, rang 999"
CHILD_ONLY = re.compile(r"(?:rang|called|phoned|dial|rung|locked)\b", re.IGNORECASE)
BODY = {"hand", "hands", "arm", "arms", "leg", "legs", "head", "face", "wrist", "nose",
        "finger", "fingers", "foot", "feet", "back", "rib", "ribs", "skull", "collarbone",
        "tooth", "teeth", "jaw", "neck", "ankle", "knee", "elbow", "lip", "lips", "eye",
        "eyes", "cheek", "thigh", "shoulder", "toe", "toes", "skin", "bottom", "chest",
        "forehead", "temple", "scalp", "ear", "ears", "mouth", "chin", "hip", "spine",
        "stomach", "tummy", "buttock", "buttocks", "forearm", "palm", "shin", "nail", "nails",
        "fingernails", "bone", "bones", "hips"}
# whoever sees, finds or notes an effect is not the one it happened to
OBSERVING = {"observe", "see", "notice", "find", "note", "spot", "witness", "record",
             "document", "report", "photograph", "examine", "check", "hear"}
DOING_TO = {"cut", "burn", "break", "smash", "damage", "bite", "scald", "hurt", "shake", "stab"}
# acts that are themselves the injury of whoever they are done to
WOUNDING = {"stab", "scald", "burn"}
CAUSING = {"leave", "cause", "give", "result", "make"}
# "kept Sami home from school", "did not send Harjeet to school": the effect is the object's
HOLDING = {"keep", "send", "take"}
COMMUNICATING = {"send", "message", "text", "tell", "say", "show", "give", "call", "ask",
                 "ring", "phone", "email", "write", "meet", "follow", "add", "like"}
# looking after a child is not doing something to them ("while looking after Jordan")
CARING = {"look", "care", "mind", "babysit", "collect", "watch", "feed", "bath", "bathe"}
INJURIES = {"rash", "lump", "bruise", "bruises", "bruising", "injury", "injuries", "mark",
            "marks", "fracture",
            "fractures", "burn", "burns", "cut", "cuts", "scar", "scars", "blister",
            "blisters", "welt", "welts", "graze", "wound", "wounds", "bleeding", "swelling",
            "laceration", "lacerations", "abrasion", "abrasions", "contusion", "contusions"}
SAYING = {"tell", "say", "disclose", "ask", "beg", "describe", "explain", "report", "write",
          "draw"}
SAID = {"told", "said", "says", "asked", "begged", "disclosed", "tells", "explained",
        "described", "wrote", "drew"}


def _has_known_child(a: Analysis) -> bool:
    # a named child ("Maisie, 4", "Amy's mum"), or children spoken of only as such
    # ("while the twins were in the bath"): then a bare name may be an adult's
    return a.memo("known_child", lambda: bool(a.people.child_names) or any(
        t.lower_ in ("children", "kids", "twins", "baby", "babies") and t.dep_ in (
            "nsubj", "nsubjpass", "pobj", "dobj") and any(
            c.dep_ in ("det", "poss") for c in t.children) for t in tokens(a.doc)))


def _is_topic(tok: Token) -> bool:
    """The subject of its sentence's main verb, in apposition to it or owning it
    ("Tasha's forehead was cut and she needed stitches")."""
    head = tok.head if tok.dep_ in ("appos", "poss") else tok
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
        return True
    # the parser lost the subject ("On 14 February Jordan's mum, Hayley, took an overdose")
    root = tok.sent.root
    return root.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in root.children) and any(
        s.i == tok.i for s in subjects(root))


def _classify(a: Analysis, person: Token, actors: set[str]) -> bool | None:
    """True for a child, False for an adult, None when it is not a person at all.

    A name we know nothing about counts as the child only when the statement names no
    child otherwise: "Ryan pushed Kerry down the stairs... Maisie, 4, was asleep" is about
    an adult Kerry.
    """
    people = a.people
    low = person.lower_
    if low in ("it", "its"):
        # "hit Mummy's face and made it bleed": "it" is the body part, and its owner bears it
        part = next((t for t in reversed(person.doc[person.sent.start: person.i])
                     if t.lower_ in BODY), None)
        owner = [c for c in part.children if c.dep_ == "poss"] if part is not None else []
        return _classify(a, owner[0], actors) if owner and owner[0].lower_ not in (
            "it", "its") else None
    if low in ("this", "that", "which"):
        return None
    if low in ("who", "whom") and person.head.dep_ == "relcl" and person.head.head.i != person.i:
        return _classify(a, person.head.head, actors)  # "Yasmin, 6, who was seen ... tearful"
    bound = _bound_subject(a, person) or _quoted_speaker(person)
    if bound is not None:
        return _classify(a, bound, actors)
    if low in ("he", "him", "his", "she", "her"):
        want = "m" if low in ("he", "him", "his") else "f"
        if person.i == person.sent.start and person.i > 0:
            # a sentence that opens with "She" goes on about the last one's subject, when
            # that adult did nothing to anyone ("...Hayley, took an overdose... She was in
            # hospital"); "Dad hit Kit. He has a bruise" is about Kit
            before = person.doc[person.i - 1].sent
            for m in people.mentions:
                if before.start <= m.tok.i < before.end and m.role == "adult" \
                        and m.gender == want and _is_topic(m.tok) and m.tok.dep_ != "poss" \
                        and m.tok.text not in actors and not _acts_on_person(a, m.tok):
                    return False
            if _victim_before(a, before, want, actors):
                return False
        for m in reversed(people.mentions):
            if m.tok.i >= person.i or m.role == "professional":
                continue
            if m.role == "adult" and m.gender == want and _is_topic(m.tok) \
                    and m.tok.text not in actors:  # "Dad hit him and he has a bruise"
                return False  # "Jordan's mum, Hayley, took an overdose... She was in hospital"
            if m.role == "child" or (m.role == "unknown" and m.tok.text not in actors
                                     and not _has_known_child(a)):
                if not m.gender or m.gender == want:
                    return True  # harm statements are about the child: prefer them
    if low in ("he", "him", "his", "she", "her", "they", "them", "their"):
        m = people.resolve(person)
        return None if m.role in ("", "professional") else m.role == "child"
    m = people.mention(person)
    if m.role == "child":
        return True
    if m.role in ("professional", "writer"):
        return None  # "the GP saw a lump": the one who saw is not the one hurt
    if m.role in ("adult", "collective"):
        return False
    if m.role == "unknown":
        if person.text in actors:
            return False
        return None if _has_known_child(a) else True
    return None


def _acts_on_person(a: Analysis, subject: Token) -> bool:
    """"Dad (Travis) left Chase, 6, alone...": the subject's verb has a person as object."""
    verb = subject.head.head if subject.dep_ == "appos" else subject.head
    return verb.lemma_.lower() not in COMMUNICATING | SAYING | CARING and any(
        c.dep_ in ("dobj", "dative") and a.people.is_person(c) and c.pos_ != "PRON"
        for c in verb.children)


def _victim_before(a: Analysis, before: Sentence, want: str, actors: set[str]) -> bool:
    """"Marcus dragged Chantelle by her hair while Kiara was in the house. She had clumps
    missing": "She" is the one hurt, when the only child of that gender was just there."""
    hurt = [m for m in a.people.mentions if before.start <= m.tok.i < before.end
            and (m.role, m.gender) in (("adult", want), ("unknown", want), ("unknown", ""))
            and m.tok.dep_ in ("dobj", "pobj")
            and m.tok.head.i != m.tok.i and any(
                s.text in actors for s in subjects(_clause_verb(m.tok)))]
    kids = [m for m in a.people.mentions if before.start <= m.tok.i < before.end
            and m.role in ("child", "unknown") and m.gender in ("", want)
            and m.tok.text not in actors and all(h.tok.i != m.tok.i for h in hurt)]
    if not hurt:
        return False
    if kids:
        return all(_only_present(m.tok) for m in kids)
    # "Dad punched Mum in front of Leo. She needed stitches": no girl there but Mum
    return any(m.role == "adult" for m in hurt)


def _only_present(tok: Token) -> bool:
    """"while Kiara was in the house", "in front of Zofia": there, and nothing more."""
    t = tok.head if tok.dep_ == "appos" else tok
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "front":
        return True
    verb = _clause_verb(t)
    return t.dep_ == "nsubj" and verb.lemma_ in PRESENT and not any(
        c.dep_ in ("acomp", "attr") for c in verb.children)


# being there, and nothing more: "while Sky watched from the doorway"
PRESENT = {"be", "sleep", "watch", "stand", "sit", "listen", "play"}
QUOTES = {"'", '"', "“", "”", "‘", "’"}


def _quoted_speaker(pronoun: Token) -> Token | None:
    """Who "I" is inside a quotation: the subject of the saying verb just before the
    innermost open quote ("Callum (6) disclosed: 'Daddy pulled Mummy's hair and I hid'")."""
    if pronoun.lower_ not in ("i", "me", "my", "myself"):
        return None
    opened: list[int] = []
    for t in pronoun.doc[: pronoun.i]:
        if t.text in QUOTES and t.pos_ == "PUNCT":
            if t.text in ("”", "’") or (opened and t.text == pronoun.doc[opened[-1]].text):
                if opened:
                    opened.pop()
            else:
                opened.append(t.i)
    if not opened:
        return None
    start = opened[-1]
    for t in reversed(pronoun.doc[max(0, start - 25): start]):
        if t.pos_ == "VERB" and t.lemma_.lower() in SAYING | {"shout", "scream"}:
            subj = [c for c in t.children if c.dep_ == "nsubj" and c.lower_ not in ("i", "me")]
            # "Mum (Gemma) seen with a black eye... 2 August: Mila (9) told school, 'I hide...'":
            # the parser may hang an earlier subject on the verb; the name just before it speaks
            near = [p for p in pronoun.doc[max(0, t.i - 6): t.i]
                    if p.pos_ == "PROPN" and p.dep_ in ("appos", "nsubj")]
            if near and (not subj or near[-1].i > subj[0].i):
                return near[-1]
            return subj[0] if subj else None
    return None


def _bound_subject(a: Analysis, pronoun: Token) -> Token | None:
    """The named subject a pronoun refers to when nobody else is in reach: "Kerry broke her
    wrist", "Nadia was so frightened she did not sleep". Not when the clause has a person as
    its object ("Mum hit Amy on her arm", "shouted at Amy until she cried")."""
    low = pronoun.lower_
    if low not in ("he", "his", "she", "her") or (low == "her" and pronoun.dep_ != "poss"):
        return None
    want = "m" if low in ("he", "his") else "f"
    verb = _clause_verb(pronoun)
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        objects = [t for t in verb.subtree if t.dep_ in ("dobj", "pobj", "dative")
                   and t.i < pronoun.i and a.people.is_person(t)]
        if objects:
            return None
        named = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not named and verb.dep_ == "ROOT":
            named = subjects(verb)  # the parser hung it elsewhere
        named = [s for s in named if s.i < pronoun.i and s.pos_ in ("PROPN", "NOUN")
                 and a.people.is_person(s)]
        if named:
            m = a.people.mention(named[0])
            return named[0] if m.gender in ("", want) and m.role != "professional" else None
        if verb.dep_ not in ("ccomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = _clause_verb(verb.head)
        if verb.lemma_.lower() in SAYING | OBSERVING:
            return None  # "the teacher says she fell asleep": reported, not bound
    return None


def _clause_verb(tok: Token) -> Token:
    verb = tok
    for _ in range(5):
        if (verb.pos_ in ("VERB", "AUX") and verb.dep_ != "prep") or verb.head.i == verb.i:
            break  # "including" in "behaviours, including thumb-sucking" is a preposition
        verb = verb.head
    return verb


def _governing_verb(tok: Token) -> Token:
    """The verb whose clause holds a word, through "would not stop crying" or "wants to
    die" to the verb that has the subject."""
    verb = _clause_verb(tok)
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _found(a: Analysis, tok: Token, actors: set[str]) -> bool | None:
    """Whoever was found or seen with the effect bears it, not the finder: "a neighbour
    found Rio with a cut head", "was found by a neighbour crying". None: no such verb."""
    t = tok
    for _ in range(4):
        if t.head.i == t.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return None  # a clause of its own: "checked by the GP after Dad shook her"
        t = t.head
        if t.pos_ == "VERB" and t.lemma_.lower() in OBSERVING:
            seen = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            if not seen and is_passive(t):  # "...and was found by a neighbour crying"
                agents = {g.i for g in agent_of(t)}
                seen = [g for g in subjects(t) if g.i not in agents]
            # "found Rosie standing in the street, crying": a child right after the verb
            # ("found Mum unconscious, with Riley crying" leaves it to the clause)
            if any(g.i == t.i + 1 and _classify(a, g, actors) for c in t.children
                   if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"):
                return True
            for who in seen:
                verdict = _classify(a, who, actors)
                if verdict is not None:
                    return verdict
            return None
    return None


def _experiencer(a: Analysis, tok: Token, actors: set[str]) -> bool | None:
    """Does the impact word fall on a child (True), an adult (False) or nobody (None)?"""
    if tok.pos_ in ("NOUN", "PROPN"):
        # "bruises on Amy's arm", "Amy's bruises", "injuries to Lottie", "Hannah's mental
        # health and low mood"
        shared = [c for c in tok.head.children if c.dep_ == "poss"] if tok.dep_ == "conj" else []
        for t in [*tok.subtree, *shared]:
            if t.i != tok.i and t.dep_ in ("poss", "pobj") and (
                a.people.is_person(t) or t.pos_ == "PROPN"
            ):
                verdict = _classify(a, t, actors)
                if verdict is not None:
                    return verdict
        if tok.dep_ in ("compound", "amod") and tok.head.lemma_.lower() not in IMPACT_WORDS \
                and tok.head.lower_ not in BODY:
            return None  # "hospital appointments" is not a hospital visit; "a cut head" is
    verdict = _found(a, tok, actors)
    if verdict is not None:
        return verdict
    if tok.pos_ not in ("VERB", "AUX"):
        for s in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            verdict = _classify(a, s, actors)  # "Kemi, the youngest, wet herself" (wet/ADJ)
            if verdict is not None:
                return verdict
    verb = _clause_verb(tok)
    subj = subjects(verb) if verb.pos_ in ("VERB", "AUX") else []
    if verb.lemma_.lower() in OBSERVING and not is_passive(verb) and any(
            c.dep_ == "dobj" for c in verb.children):
        subj = []  # "staff saw blisters on Tia's bottom": staff only saw them
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    if not own_subject and verb.pos_ in ("VERB", "AUX"):
        # a misattached subject: "Dad uses drugs and Bilal, 14, has stopped going"
        for t in reversed(a.doc[max(verb.sent.start, verb.i - 8): verb.i]):
            role = a.people.mention(t).role if t.pos_ in ("PROPN", "NOUN") else (
                a.people.resolve(t).role if t.dep_ == "poss" and t.lower_ in ("his", "her")
                else "")  # "swung Lucas (2) around by one arm and his elbow popped out"
            if role == "child":
                return True
            if role in ("adult", "professional"):
                break  # "Ava's father visited, smelled of drink": the nearest is the father
    lemma = verb.lemma_.lower()
    if verb.dep_ == "xcomp" and verb.head.i != verb.i and verb.head.lemma_.lower() in CAUSING:
        verb, lemma = verb.head, verb.head.lemma_.lower()  # "causing bruising" read as a verb
    if lemma in HOLDING and not is_passive(verb) and any(
            c.dep_ == "dobj" and _classify(a, c, actors) for c in verb.children):
        return True
    if tok.i == verb.i and lemma in WOUNDING and any(
            c.dep_ == "dobj" and (_classify(a, c, actors) or (c.lower_ in BODY and any(
                p.dep_ == "poss" and _classify(a, p, actors) for p in c.children)))
            for c in verb.children):
        return True  # "Shaq stabbed Jordan in the leg": the act is itself the wound
    if tok.i == verb.i and lemma in DOING_TO and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in BODY and not c.lower_.endswith("self")
            for c in verb.children):
        return None  # "Sasha cut off Millie's hair": the act itself, not what it did
    if tok.i == verb.i and any(_classify(a, s, actors) is False for s in subj
                               if s.dep_ == "nsubj"):
        return False  # "Dad shook Evie": the word is the adult's act, not its effect
    if tok.i == verb.i and lemma in DOING_TO:
        for c in verb.children:
            owners = [p for p in c.children if p.dep_ == "poss"] \
                if c.dep_ == "dobj" and c.lower_ in BODY else []
            for p in owners:  # "the mug cut Mum's hand": a thing did it
                verdict = _classify(a, p, actors)
                if verdict is not None:
                    return verdict
    if tok.i == verb.i and lemma in ("break", "smash", "damage", "burn") and any(
        c.dep_ == "dobj" and not a.people.is_person(c) and c.lemma_.lower() not in BODY
        for c in verb.children
    ):
        return None  # "has broken things in the house"
    for s in subj:
        if a.people.is_person(s):
            continue  # "Ava's father smelled of drink" is about the father
        for p in s.children:
            if p.dep_ == "poss":
                verdict = _classify(a, p, actors)
                if verdict is not None:
                    return verdict  # "Daniel's arm was broken", "Ama's cheek was swollen"
    if lemma in CAUSING:
        # "Dad hit Amy, leaving marks": the child is the object of the act
        scopes = [verb]
        if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
            scopes.append(verb.head)
        others = False
        for scope in scopes:
            for t in scope.subtree:
                if (t.dep_ in ("dobj", "pobj", "dative", "poss") or (
                        t.dep_ == "nsubjpass" and t.head.i == scope.i)) and t.i != tok.i:
                    verdict = _classify(a, t, actors)
                    if verdict:
                        return True
                    others = others or (a.people.is_person(t) and t.pos_ != "PRON")
        if others:
            return None  # "grabbed the nurse's wrist hard enough to leave a bruise"
    if is_passive(verb) and lemma not in OBSERVING:
        subj = subj + agent_of(verb)  # "bruising was observed by staff": staff saw it
    for s in subj:
        verdict = _classify(a, s, actors)
        if verdict is not None:
            return verdict
    if tok.lower_ in INJURIES and (any(
            _classify(a, t, actors) for t in a.doc
            if t.pos_ == "PROPN" or t.lemma_.lower() in CHILD_WORDS)
            or any(t.lower_ in ("nappy", "nappies", "diaper", "cot", "buggy", "nursery",
                                "daycare", "kindy", "school", "childminder")
                   for t in tokens(a.doc))):
        return True  # "unexplained bruising" in a statement about a named child
    # the parse lost the subject: fall back on who the sentence is about
    sent_subjects = [t for t in tok.sent if t.dep_ in ("nsubj", "nsubjpass")]
    if any(a.people.is_adult(t) for t in sent_subjects):
        return None
    if any(_classify(a, t, actors) for t in sent_subjects if a.people.is_person(t)):
        return True
    return None


def _is_target(a: Analysis, tok: Token, actor: Token) -> bool:
    """Someone an act is done to: a person other than the actor ("himself" is not)."""
    if tok.lower_.endswith(("self", "selves")) or tok.text == actor.text:
        return False
    return a.people.resolve(tok).role in ("child", "adult", "unknown")


FEELINGS = {"scared", "afraid", "frightened", "hurt", "sad", "die", "kill", "hate", "hates",
            "worthless", "stupid", "alone", "hungry", "cold", "pain", "sore", "nobody",
            "disappeared", "disappear", "food", "tea", "breakfast", "dinner", "lunch", "eaten",
            "fault", "unsafe", "home", "scary"}


# feelings that belong to whoever the clause is about ("Mummy is sad")
STATES = {"scared", "afraid", "frightened", "sad", "hurt", "pain", "hungry", "cold", "sore",
          "alone", "worthless", "stupid", "unsafe"}
GOOD_FEELINGS = {"safe", "safer", "fine", "happy", "happier", "ok", "okay", "better", "good",
                 "loved", "calm", "settled"}


def _adults_own(a: Analysis, tok: Token, actors: set[str]) -> bool:
    """In what a child tells, a word whose clause is about an adult only: "told his teacher
    that Mum cries every night" reports Mum's crying, not his; "Dad punched the door and
    broke it", "Stefan hit Mummy's face and made it bleed" report what the adult did."""
    verb = _governing_verb(tok)
    for _ in range(3):
        subj = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
        if not subj and verb.dep_ == "conj" and verb.pos_ in ("VERB", "AUX") and not any(
                t.text in QUOTES for t in tok.doc[verb.head.i: verb.i]):
            subj = subjects(verb)  # "punched the door and broke it" (not across a quote)
        who = [_classify(a, s, actors) for s in subj]
        if any(v is not None for v in who):
            return all(v is False for v in who)
        # a thing's clause ("it bleed") belongs to whoever made it so
        if verb.dep_ not in ("xcomp", "ccomp") or verb.head.i == verb.i \
                or verb.head.lemma_.lower() not in CAUSING:
            return False
        verb = verb.head
    return False


def _told_effect(a: Analysis, t: Token, actors: set[str]) -> bool:
    """A word in what a child tells that says how it hurt or frightened them."""
    if _feels_bad(t) or _unloved(t):
        return True
    if (t.lower_ in STATES or t.lower_ not in FEELINGS) and _adults_own(a, t, actors):
        return False  # "'Mummy is very sad'" is Mummy's sadness; "Dad is scary" is not
    if t.lower_ in FEELINGS:
        # "it did not hurt", "I am not scared" (the copula carries the "not")
        return t.pos_ not in ("VERB", "ADJ") or not (
            is_negated(t) or (t.dep_ == "acomp" and is_negated(t.head)))
    return (t.lower_ in IMPACT_WORDS or t.lemma_.lower() in IMPACT_WORDS) and not (
        is_negated(t) or _negated_impact(t) or _not_an_effect(a, t))  # "it did not hurt"


def _feels_bad(tok: Token) -> bool:
    """"told the counsellor she feels like a prisoner": a feeling the child names, unless
    it is a good one ("feels safe at Nan's")."""
    return tok.lemma_ == "feel" and tok.pos_ == "VERB" and not is_negated(tok) and not any(
        t.lower_ in GOOD_FEELINGS for t in tok.subtree)


def _unloved(tok: Token) -> bool:
    """"told the counsellor 'Mum doesn't love me anymore'", "doesn't like Mummy's friends":
    what a child says they no longer get or feel at home."""
    return tok.pos_ == "VERB" and tok.lemma_ in ("love", "like", "care", "bother") \
        and is_negated(tok)


def _negated_impact(tok: Token) -> bool:
    """"Nil injuries", "no obvious injuries", "without a mark"."""
    window = tok.doc[max(tok.sent.start, tok.i - 3): tok.i]
    # "the children at No. 9 cry for hours": a house number, not a negation
    before = [t.lower_ for t in window if not (t.text == "No" and t.i + 1 < len(t.doc)
                                               and t.nbor(1).text == ".")]
    if any(w in ("stop", "help") for w in before):
        return False  # "could not stop shaking"
    verb = _clause_verb(tok)
    if any(s.lower_ in ("neither", "none", "nobody") or any(
            c.lower_ in ("neither", "nor") for c in s.children) for s in subjects(verb)
           if verb.pos_ in ("VERB", "AUX")):
        return True  # "Neither Aylin nor her brother Emre was hurt"
    return any(w in ("no", "nil", "without", "not", "neither") for w in before) or any(
        c.lower_ in ("no", "nil") for c in tok.children)


# a check that found nothing: "Isla was checked at A&E and had no injuries"
CHECKED = {"a&e", "er", "hospital", "paramedics", "ambulance", "treatment", "treated",
           "admitted", "checked", "doctor", "doctors", "x-ray"}
ALL_CLEAR = re.compile(
    r"\b(?:(?:had|has|found|with|were|was|showed)\s+no\s+(?:\w+\s+)?injur\w*|"
    r"no\s+(?:\w+\s+)?(?:injur\w*|marks)\s+(?:were|was)\s+(?:found|identified|seen|noted)|"
    r"(?:was|were|is|are)\s*(?:not|n't)\s+(?:hurt|injured|harmed)|unhurt|uninjured|unharmed|"
    r"(?:was|were|is|are)\s+(?:fine|ok|okay|well)\b|"
    r"(?:had|has)\s*(?:not|n't)\s+swallowed|clear\s+today)",
    re.IGNORECASE,
)


def _all_clear(tok: Token) -> bool:
    """A hospital or paramedic in a sentence that says the child was fine is no effect."""
    if tok.lower_.rstrip(".") not in CHECKED:
        return False
    after = tok.doc[tok.sent.end: tok.sent.end + 1]  # "...to the ER. The doctor found no..."
    return any(ALL_CLEAR.search(t.sent.text) for t in [tok, *after])


CARE_MISSED = {"appointment", "immunisation", "immunization", "vaccination", "check",
               "clinic", "review", "dose", "medication"}


def _not_an_effect(a: Analysis, tok: Token) -> bool:
    """An effect word used as something else: a name ("Mark hit Jade"), a place ("locked
    the door behind her"), a thing ("held a lighter to her hair", "windows black with
    mould": black is an effect only as "a black eye" or "black and blue"), an act on a
    thing."""
    if tok.lemma_.lower() == "hide" and tok.head.lemma_.lower() == "make" and any(
            c.dep_ == "dobj" for c in tok.children):
        return True  # "made him hide knives in his bedroom": what he was made to do
    if tok.pos_ == "VERB" and tok.lemma_.lower() in DOING_TO and any(
            c.dep_ == "dobj" and c.lower_ not in BODY and not a.people.is_person(c)
            and c.pos_ != "PRON" for c in tok.children):
        return True  # "stabbed the sofa", "cut up his clothes": damage to a thing
    if tok.lower_ in ("missed", "miss", "misses", "missing") and any(
            t.lemma_.lower() in CARE_MISSED for t in tok.doc[tok.i + 1: tok.i + 5]):
        return True  # a missed appointment is what the adult did not do, not its effect
    if tok.lower_ in ("missed", "miss", "misses") and tok.pos_ == "VERB" and subjects(tok) \
            and not any(a.people.is_person(s) for s in subjects(tok)):
        return True  # "It missed", "appointments have been missed"
    if (tok.lower_, tok.doc[tok.i + 1: tok.i + 2].text.lower()) == ("silent", "treatment") or (
            tok.lower_ == "treatment" and tok.i > 0 and tok.nbor(-1).lower_ == "silent"):
        return True  # "gives Priya the silent treatment": the adult's act
    if tok.lower_ == "awake" and tok.head.lemma_ == "be" and any(
            c.dep_ == "mark" and c.lower_ in ("while", "when", "as") for c in tok.head.children):
        return True  # "smoke ice while Chloe is awake": she was there, nothing more
    if tok.lower_ == "ran" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children) \
            and not any(s.pos_ == "PRON" or a.people.is_person(s) for s in subjects(tok)):
        return True  # "the inhaler ran out", not "Nadia ran out"
    if tok.lower_ in ("broken", "broke", "smashed", "damaged") and tok.pos_ == "VERB" and (
            subjects(tok)) and all(s.pos_ == "NOUN" and not a.people.is_person(s)
                                   and s.lower_ not in BODY for s in subjects(tok)):
        return True  # "Stuff gets broken", "the placement broke down"
    if tok.lower_ in ("awake", "alone") and tok.head.lemma_.lower() == "leave":
        return True  # "leaving Poppy awake and alone downstairs": the act, not its effect
    if tok.pos_ == "ADJ" and tok.dep_ == "acomp" and any(
            s.dep_ == "nsubj" and s.pos_ == "NOUN" and not a.people.is_person(s)
            and s.lower_ not in BODY and s.lemma_.lower() not in IMPACT_WORDS
            for s in tok.head.children):
        return True  # "the window frames are rotten": a thing's state
    if tok.lower_ == "black":
        return not any(t.lower_ in BODY or t.lower_ == "blue"
                       for t in tok.doc[tok.i + 1: tok.i + 4])
    if tok.pos_ == "PROPN" and tok.text.istitle() and (
            a.people.mention(tok).role in ("adult", "child", "unknown")
            or (tok.dep_ in ("nsubj", "dobj") and not tok.is_sent_start)):
        return True
    if tok.lower_ == "behind" and any(c.dep_ == "pobj" and c.pos_ == "PRON"
                                      for c in tok.children):
        return True
    return tok.lower_ == "lighter" and any(c.dep_ == "det" for c in tok.children)


def _feared_only(tok: Token) -> bool:
    """"He was frightened Kacper would be hit by a car", "could have swallowed it and died",
    "If Mum keeps drinking, Ava will go hungry": what might happen, or might have, did not."""
    verb = _clause_verb(tok)
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if not aux and verb.dep_ == "conj" and verb.head.i != verb.i:
        aux = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    conditional = "will" in aux and any(
        c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in verb.children)
    return not is_negated(verb) and bool(
        aux & {"might", "could", "may"} or ("would" in aux and is_passive(verb)) or conditional)


def _in_trigger(a: Analysis, tok: Token) -> bool:
    """"smacked his hand when he cried": the crying set it off; it is not the effect."""
    verb = _governing_verb(tok)
    if not (verb.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "whenever", "because", "if")
            for c in verb.children)):
        return False
    # "he sleeps on the floor because he is scared": the child's own reason is an effect,
    # unless someone else in the main clause could be "he" ("smacked Oscar because he...")
    own = [s for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")]
    head = verb.head
    if not own or own[0].lower_ not in ("he", "she") or head.i == verb.i:
        return True
    main = [s for s in subjects(head) if s.pos_ in ("PROPN", "NOUN", "PRON")]
    done_to = [c for c in head.children if c.dep_ in ("dobj", "dative")
               or (c.dep_ == "npadvmod" and c.pos_ == "PROPN")]  # a misparsed object
    done_to += [g for c in head.children if c.dep_ == "prep" for g in c.children
                if g.dep_ == "pobj"]
    owners = [p for t in done_to + main for p in t.children if p.dep_ == "poss"]
    others = [t for t in done_to + owners if t.i != own[0].i and (
        (a.people.is_person(t) and a.people.mention(t).role != "professional")
        or t.lower_ in ("him", "her", "his"))]  # "carries a knife to school because he..."
    return bool(others) or not main or not all(_may_be(a, own[0], m) for m in main)


def _may_be(a: Analysis, pronoun: Token, subject: Token) -> bool:
    """Could "he" or "she" be this subject: the same pronoun, or a person not of the other
    gender?"""
    if subject.pos_ == "PRON":
        return subject.lower_ == pronoun.lower_
    m = a.people.mention(subject)
    want = "m" if pronoun.lower_ == "he" else "f"
    return m.role in ("child", "unknown", "adult") and m.gender in ("", want)


def _adult_hurt(a: Analysis, actors: set[str]) -> bool:
    """Someone not known to be a child to whom something is done or who does something
    other than harm ("Dad hit Mum", "Dad fell"); not a doer named by "by" or "from"."""
    for m in a.people.mentions:
        t = m.tok
        if m.role not in ("adult", "unknown") or t.text in actors:
            continue
        if t.dep_ in ("dobj", "dative", "nsubjpass", "nsubj") or (
                t.dep_ == "pobj" and t.head.lower_ in ("at", "to", "on", "into", "against")):
            return True
    return False


def _child_in_clause(a: Analysis, tok: Token, actors: set[str]) -> bool:
    """The clause around an effect word names a child and no adult: the effect is theirs,
    even when the parse hides whose it is."""
    verb = _clause_verb(tok)
    while verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "... Jack had an attack and was taken to hospital"
    names = [t for t in verb.subtree if t.pos_ in ("PROPN", "NOUN", "PRON")
             and (a.people.is_person(t) or t.pos_ == "PROPN")]
    verdicts = [_classify(a, t, actors) for t in names]
    return any(v is True for v in verdicts) and not any(v is False for v in verdicts)


def _impacts(a: Analysis) -> list[tuple[Token, bool | None]]:
    # adults are those who do something to another person ("Dad hit Rhys"); a child can be
    # the subject of a verb too ("Rhys had spilt his juice")
    actors = set()
    for b in behaviours(a, allow_passive=False):
        if b.actor is None or a.people.is_child(b.actor):
            continue
        if b.verb.lemma_.lower() in COMMUNICATING | CARING | SAYING | {"state"}:
            continue  # "Priya sent him two photos" does not make Priya the adult
        targets = [c for c in b.verb.children if c.dep_ in ("dobj", "dative")]
        targets += [g for c in b.verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on")
                    and c.i > b.verb.i  # not "On 14 May Jo's mum took..."
                    for g in c.children if g.dep_ == "pobj"]
        if any(_is_target(a, t, b.actor) and not any(c.lower_ == "other" for c in t.children)
               for t in targets):  # "has started hitting other children" is the child
            actors.add(b.actor.text)
    out = []
    for tok in tokens(a.doc):
        # "A&E." at the end of a statement is one token
        low, lemma = tok.lower_.rstrip(".") or tok.lower_, tok.lemma_.lower()
        if low in SAID or (lemma in SAYING and tok.pos_ == "VERB"):
            # what the child said counts when the child is the speaker and says how it
            # hurt or frightened them ("told her teacher she was scared"), not "she is fine"
            subj = subjects(tok)
            said = [t for c in tok.children if c.dep_ in ("ccomp", "dobj", "xcomp")
                    for t in c.subtree]
            if any(_classify(a, s, actors) for s in subj) and not is_negated(tok) and any(
                    _told_effect(a, t, actors) for t in said):
                out.append((tok, True))
            continue
        if low not in IMPACT_WORDS and lemma not in IMPACT_WORDS:
            continue
        if a.overlaps(tok.idx, tok.idx + len(tok.text), "consequences") or any(
            f.start <= tok.idx < f.end and f.category == "vague_label" for f in a.findings
        ) and low not in INJURIES:
            continue  # a label ("withdrawn") is not an effect; jargon ("hypothermia") is one
        if _negated_impact(tok) or _in_trigger(a, tok) or _all_clear(tok) \
                or _feared_only(tok):
            continue
        if _not_an_effect(a, tok):
            continue
        verdict = _experiencer(a, tok, actors)
        if verdict is None and _child_in_clause(a, tok, actors):
            verdict = True  # "Jack, 7, had an asthma attack and was taken to hospital"
        if verdict is None and low in INJURIES | {"fractured"} and not _adult_hurt(a, actors):
            verdict = True  # "NAI: fractured femur", "bruising noted": nobody else is hurt
        out.append((tok, verdict))
    for m in IMPACT_PHRASES.finditer(a.text):
        span = a.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or _in_trigger(a, span.root):
            continue  # "shut her in the cupboard when she would not go to bed"
        if CHILD_ONLY.match(m.group(0)) and not any(
                a.people.mention(s).role == "child" for s in subjects(span.root)):
            continue  # a child known to be one rang for help ("Zara rang 999" may be Mum)
        verdict = _experiencer(a, span.root, actors)
        if verdict is None and any(_classify(a, t, actors) for t in span.sent
                                   if t.pos_ == "PROPN" or t.lemma_.lower() in CHILD_WORDS):
            verdict = True
        out.append((span.root, verdict))
    return out


@criterion("impact_on_child", "harm")
def impact_on_child(a: Analysis) -> CriterionResult:
    found = _impacts(a)
    child = [t for t, who in found if who is True]
    if child:
        spans = tuple(tok_span(a.doc, t.i, t.i) for t in child)
        return CriterionResult(
            "impact_on_child",
            True,
            "Says what it did to the child: " + quote(spans, 4, ", ") + ".",
            spans,
        )
    cats = a.findings_affecting("consequences") + a.findings_affecting("behavioural_specificity")
    evidence = spans_of(cats) + tuple(
        tok_span(a.doc, t.i, t.i) for t, _ in found)
    if any(who is False for _, who in found):
        msg = "The effect described falls on an adult, not on the child."
    elif found:
        msg = "It does not say whose this effect is: name the child it happened to."
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
    victims = _victims(a, acts)
    specific = [b for b in acts if b.specific and _is_doer(a, b.actor, victims)
                and not (b.verb.lemma_.lower() in CHILD_REACTIONS
                         and not any(c.dep_ == "dobj" and a.people.is_person(c)
                                     for c in b.verb.children))]  # "shook Evie" is an act
    specific += _unfit_in_charge(a)
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
            + quote(specific, 2)
            + f"; “{when[0].text}”.",
            tuple(getattr(b, "span", b) for b in specific) + tuple(when),
        )
    labels = a.findings_affecting("behavioural_specificity")
    evidence = spans_of(labels) + tuple(
        b.span for b in acts) + tuple(vague_times(a.text))
    msg = "Missing " + " and ".join(missing) + "."
    if labels and not specific:
        msg += " Labels stand in for the act: " + quote(labels, 3, ", ") \
            + "."
    return CriterionResult(
        "behavioural_specificity",
        False,
        msg,
        evidence,
        "Say what happened, who did it and when: “Last Tuesday, Dad left Remy in the locked car "
        "for two hours.”",
    )


# "Mum was too drunk to collect Maisie", "found intoxicated while caring for Billy": being
# unfit to look after a child when in charge of one is the act, even with no action verb
UNFIT = re.compile(
    r"\b(?:too\s+(?:drunk|high|intoxicated|stoned|out\s+of\s+it)\s+to\s+\w+"
    r"|(?:drunk|intoxicated|high|stoned|asleep|unconscious|under\s+the\s+influence(?:\s+of\s+"
    r"\w+)?)\s+(?:while|whilst|when)\s+(?:caring\s+for|looking\s+after|in\s+charge\s+of|"
    r"minding|supervising|alone\s+with|responsible\s+for))"
    r"(?:\s+(?:baby\s+|the\s+|her\s+|his\s+|their\s+)?\w+)?", re.I)


def _unfit_in_charge(a: Analysis) -> list[Span]:
    """Spans where a named adult (the nearest person before the words, in the same sentence)
    was unfit to care for the child they had."""
    out = []
    for m in UNFIT.finditer(a.text):
        sent = a.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if sent is None:
            continue
        before = a.doc[sent.sent.start: sent.start]
        doer = next((t for t in reversed(before) if t.pos_ in ("PROPN", "NOUN", "PRON")
                     and a.people.resolve(t).role == "adult"), None)
        if doer is not None:
            out.append(Span(doer.idx, m.end(), a.text[doer.idx: m.end()]))
    return out


# what a child does in response ("cried until he was sick", "has wet the bed") shows the
# harm; it is not the act that caused it
CHILD_REACTIONS = {"cry", "wet", "soil", "scream", "shake", "tremble", "vomit", "wake"}


def _victims(a: Analysis, acts: list) -> set[str]:
    """Names that something was done to: the children of a harm statement."""
    out = set()
    for b in acts:
        if a.people.is_adult(b.actor):
            for c in b.verb.children:
                if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                    out.add(c.text)
    return out


def _is_doer(a: Analysis, actor: Token, victims: set[str]) -> bool:
    """Who did it: an adult or a named person, not the child and not a professional who saw."""
    if any(c.dep_ == "appos" and a.people.is_adult(c) for c in actor.children):
        return True  # "by his brother Mohamed, 19"
    if actor.lemma_.lower() in ("boy", "lad", "girl", "teenager") and any(
            c.lower_ in ("older", "old") for c in actor.children):
        return True  # "by older boys from the estate"
    if _named_collective(actor):
        return True  # "staff at the respite unit left Sasha..."
    m = a.people.resolve(actor)
    if m.role == "" and actor.pos_ == "PROPN" and actor.dep_ == "nsubj" and any(
            c.dep_ in ("dobj", "dative", "npadvmod") and c.i > actor.i and a.people.is_child(c)
            for c in actor.head.children):
        return True  # "Stuart pushed Mia, 9, into the bookcase": a name doing it to a child
    if m.role in ("child", "professional", "", "collective", "writer"):
        return False
    return not (m.role == "unknown" and actor.text in victims)


def _is_age(text: str, span: Span) -> bool:
    after = text[span.end: span.end + 12].lower()
    return "old" in after and "year" in span.text.lower()
