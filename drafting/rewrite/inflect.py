"""Fit a plain substitute to the sentence: tense and number of the word it replaces,
capital at a sentence start, and "a"/"an" before it.

Small and rule-based on purpose: the substitutes are everyday words from the lexicon, so a
short table of irregular verbs covers them, and a wrong guess is shown to the writer as a
suggestion, never applied behind their back.
"""

from __future__ import annotations

IRREGULAR_PAST = {
    "be": ("was", "been"), "have": ("had", "had"), "do": ("did", "done"),
    "say": ("said", "said"), "tell": ("told", "told"), "go": ("went", "gone"),
    "get": ("got", "got"), "make": ("made", "made"), "see": ("saw", "seen"),
    "give": ("gave", "given"), "take": ("took", "taken"), "come": ("came", "come"),
    "keep": ("kept", "kept"), "find": ("found", "found"), "leave": ("left", "left"),
    "show": ("showed", "shown"), "hold": ("held", "held"), "meet": ("met", "met"),
    "think": ("thought", "thought"), "feel": ("felt", "felt"), "know": ("knew", "known"),
    "put": ("put", "put"), "set": ("set", "set"), "let": ("let", "let"),
    "hurt": ("hurt", "hurt"), "hit": ("hit", "hit"), "cut": ("cut", "cut"),
    "bring": ("brought", "brought"), "buy": ("bought", "bought"), "teach": ("taught", "taught"),
    "sleep": ("slept", "slept"), "run": ("ran", "run"), "speak": ("spoke", "spoken"),
    "write": ("wrote", "written"), "stand": ("stood", "stood"), "understand":
    ("understood", "understood"), "fall": ("fell", "fallen"), "lose": ("lost", "lost"),
    "pay": ("paid", "paid"), "send": ("sent", "sent"), "spend": ("spent", "spent"),
    "begin": ("began", "begun"), "break": ("broke", "broken"), "choose": ("chose", "chosen"),
}
VOWELS = "aeiou"


def _double_final(word: str) -> bool:
    """stop -> stopping, plan -> planned (one short vowel then one consonant)."""
    return (len(word) >= 3 and word[-1] not in VOWELS + "wxy" and word[-2] in VOWELS
            and word[-3] not in VOWELS and len(word) <= 4)


def verb_form(lemma: str, tag: str) -> str:
    """The form of ``lemma`` for a Penn tag (VBZ, VBD, VBN, VBG; anything else: as is)."""
    w = lemma
    if tag == "VBZ":
        if w in ("be",):
            return "is"
        if w == "have":
            return "has"
        if w.endswith(("s", "sh", "ch", "x", "z", "o")):
            return w + "es"
        if w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
            return w[:-1] + "ies"
        return w + "s"
    if tag in ("VBD", "VBN"):
        if w in IRREGULAR_PAST:
            return IRREGULAR_PAST[w][0 if tag == "VBD" else 1]
        if w.endswith("e"):
            return w + "d"
        if w.endswith("y") and len(w) > 1 and w[-2] not in VOWELS:
            return w[:-1] + "ied"
        if _double_final(w):
            return w + w[-1] + "ed"
        return w + "ed"
    if tag == "VBG":
        if w == "be":
            return "being"
        if w.endswith("ie"):
            return w[:-2] + "ying"
        if w.endswith("e") and not w.endswith(("ee", "ye", "oe")):
            return w[:-1] + "ing"
        if _double_final(w):
            return w + w[-1] + "ing"
        return w + "ing"
    return w


def plural(noun: str) -> str:
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def fit(replacement: str, tag: str, *, verb: bool) -> str:
    """Inflect the first word of a verb phrase, or the last word of a noun phrase."""
    words = replacement.split(" ")
    if not words or not words[0]:
        return replacement
    if verb and tag in ("VBZ", "VBD", "VBN", "VBG"):
        words[0] = verb_form(words[0], tag)
    elif not verb and tag in ("NNS", "NNPS") and not words[-1].endswith("s"):
        words[-1] = plural(words[-1])
    return " ".join(words)


def capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1:]
        if ch == "[":
            return text  # a placeholder question keeps its own capital
    return text


def article_for(word: str) -> str:
    w = word.lstrip("[“\"'").lower()
    return "an" if w[:1] in VOWELS and not w.startswith(("one", "use", "uni", "eu")) else "a"
