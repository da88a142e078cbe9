"""Edits to the draft: one per finding or failing criterion that can be fixed in place.

Each finding is looked up in the rewrite data (``rules/rewrites.yaml``: by rule id, else by
category); a lexicon entry with a plain substitute is a substitution fitted to the
sentence. Goal clauses framed as stopping or as compliance become a question asking what
will be happening instead, quoting the draft's words. Edits never overlap: the more
specific edit wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from drafting.rewrite.inflect import article_for, capitalise, fit
from drafting.rewrite.records import Edit
from drafting.syntax import subjects

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from drafting.analysis import Analysis
    from drafting.report import Finding


# "It is believed that" -> "[Who thinks this?] thinks that": what each hidden verb becomes
IMPERSONAL = {
    "report": ("[Who told us?] told us", "[Who told us?] told us"),
    "disclose": ("[Who told us?] told us", "[Who told us?] told us"),
    "say": ("[Who says this?] says", "[Who said this?] said"),
    "allege": ("[Who says this?] says", "[Who said this?] said"),
    "know": ("[Who knows this?] knows", "[Who knew this?] knew"),
    "note": ("[Who noticed this?] noticed", "[Who noticed this?] noticed"),
    "observe": ("[Who saw this?] saw", "[Who saw this?] saw"),
    "suggest": ("[Who suggests this?] suggests", "[Who suggested this?] suggested"),
    "understand": ("[Who told us?] told us", "[Who told us?] told us"),
}
THINKS = ("[Who thinks this?] thinks", "[Who thought this?] thought")
WORRIED = ("[Who is worried?] are worried", "[Who is worried?] were worried")
PAST_AUX = {"was", "were", "had"}


@dataclass(frozen=True)
class Slotted:
    """A placeholder an edit put into the text: its slot and the criterion it serves."""

    slot: str
    criterion: str | None
    fits: str = "words"


@lru_cache(maxsize=1)
def rewrite_data() -> dict[str, Any]:
    from drafting.rules.loader import RULES_DIR, _read_yaml

    data = _read_yaml(RULES_DIR / "rewrites.yaml") or {}
    return {"categories": data.get("categories") or {}, "rules": data.get("rules") or {}}


def _config(f: Finding) -> dict[str, Any]:
    data = rewrite_data()
    return data["rules"].get(f.rule_id) or data["categories"].get(f.category) or {}


@lru_cache(maxsize=512)
def _first_word(phrase: str) -> tuple[str, str]:
    """Part of speech and lemma of a substitute's first word ("said no to": VERB, say)."""
    from drafting.engine import _nlp

    doc = _nlp()(phrase)
    return (doc[0].pos_, doc[0].lemma_.lower()) if len(doc) else ("", "")


def fits(toks: Sequence[Token]) -> str:
    """What kind of words would fill the gap left by these tokens (a hint for the writer
    and for tests that fill placeholders)."""
    if not toks:
        return "words"
    if any(t.pos_ in ("VERB", "AUX") for t in toks):
        return "verb"
    if all(t.pos_ in ("ADJ", "ADV") for t in toks):
        return "describing word"
    if any(t.pos_ in ("PROPN",) for t in toks) and all(t.pos_ in ("PROPN", "PUNCT")
                                                         for t in toks):
        return "name"
    return "noun phrase"


class EditBuilder:
    """Collects candidate edits with priorities, then keeps a non-overlapping set."""

    def __init__(self, text: str, doc: Doc, kind: str = "") -> None:
        self.text = text
        self.doc = doc
        self.kind = kind
        # "[Who is worried?]" left in a draft by an accepted suggestion
        self.open_questions = [m.span() for m in re.finditer(r"\[[^\[\]]*\]", text)]
        self._cands: list[tuple[int, int, Edit]] = []
        self.slots: dict[str, Slotted] = {}

    def add(self, priority: int, start: int, end: int, replacement: str, rule_id: str,
            criterion: str | None, reason: str) -> None:
        if replacement == self.text[start:end]:
            return
        if any(s < end and start < e for s, e in self.open_questions):
            return  # a question already in the draft is the writer's to answer, not to edit
        edit = Edit(start, end, replacement, rule_id, criterion, reason, self.text[start:end])
        self._cands.append((priority, len(self._cands), edit))

    def placeholder(self, question: str, slot: str, criterion: str | None,
                    fits: str = "words") -> str:
        q = question.strip()
        q = q[0].upper() + q[1:] if q else q
        ph = f"[{q}]"
        self.slots[ph] = Slotted(slot, criterion, fits)
        return ph

    def touches(self, start: int, end: int) -> bool:
        """Is some candidate edit inside [start, end)?"""
        return any(start <= e.start and e.end <= end for _p, _n, e in self._cands)

    def result(self) -> tuple[Edit, ...]:
        kept: list[Edit] = []
        for _p, _n, e in sorted(self._cands, key=lambda c: (c[0], c[1])):
            if any(e.start < k.end and k.start < e.end or (e.start == e.end == k.start)
                   for k in kept):
                continue
            kept.append(e)
        return tuple(sorted(kept, key=lambda e: e.start))

    # --- helpers -------------------------------------------------------------------------

    def tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def at_sentence_start(self, start: int) -> bool:
        toks = self.tokens(start, start + 1)
        return bool(toks) and toks[0].is_sent_start and toks[0].idx == start


def _reason(f: Finding) -> str:
    return f.message if f.message else f.fix


def _substitution(b: EditBuilder, f: Finding) -> bool:
    toks = b.tokens(f.start, f.end)
    if not toks or not f.replacements:
        return False
    verbs = [t for t in toks if t.pos_ in ("VERB", "AUX")]
    repl = f.replacements[0]
    pos, lemma = _first_word(repl)
    repl_verb = pos in ("VERB", "AUX")
    if bool(verbs) != repl_verb and len(toks) == 1:
        return False  # "refusal" is a noun: "said no to" would not fit
    tag = verbs[0].tag_ if verbs else toks[-1].tag_
    if repl_verb:
        words = repl.split(" ")
        repl = " ".join([lemma, *words[1:]]) if words[0].lower() != lemma else repl
    new = fit(repl, tag, verb=bool(verbs) and repl_verb) if (repl_verb or not verbs) else repl
    start = f.start
    if b.at_sentence_start(f.start):
        new = capitalise(new)
    prev = toks[0].nbor(-1) if toks[0].i > 0 else None
    if prev is not None and prev.lower_ in ("a", "an") and prev.lower_ != article_for(new):
        art = article_for(new)
        start = prev.idx
        new = (capitalise(art) if prev.text[0].isupper() else art) + \
            b.text[prev.idx + len(prev.text):f.start] + new
    b.add(30, start, f.end, new, f.rule_id, _criterion(f),
          f"Plainer words: “{new}” for “{f.text}”. {_reason(f)}")
    return True


def _criterion(f: Finding, cfg: dict[str, Any] | None = None) -> str | None:
    if cfg and cfg.get("criterion"):
        return str(cfg["criterion"])
    if "plain_language" in f.affects:
        return "plain_language"
    return f.affects[0] if f.affects else None


def _be(b: EditBuilder, f: Finding) -> str:
    return "were" if any(t.lower_ in PAST_AUX for t in b.tokens(f.start, f.end)) else "are"


def _from_config(b: EditBuilder, f: Finding, cfg: dict[str, Any]) -> None:
    mode = cfg.get("mode", "question")
    if cfg.get("kinds") and b.kind not in cfg["kinds"]:
        return
    crit = _criterion(f, cfg)
    slot = str(cfg.get("slot", "detail"))
    term = f.text.strip()
    reason = _reason(f)
    if mode == "none":
        return
    if mode == "question":
        ph = b.placeholder(str(cfg.get("question", "say this plainly: “{term}”")).format(
            term=term), slot, crit, fits(b.tokens(f.start, f.end)))
        b.add(50, f.start, f.end, ph, f.rule_id, crit, f"Ask for what the words hide. {reason}")
    elif mode == "after":
        ph = b.placeholder(str(cfg.get("question", "who?")).format(term=term), slot, crit,
                           str(cfg.get("fits", "name")))
        lead = str(cfg.get("lead", ""))
        # a passive without its agent is only a suggestion: words a parent may not follow
        # inside it come first
        prio = 70 if f.category == "passive" else 40
        end = f.end
        toks = b.tokens(f.start, f.end)
        if toks:  # "wound up", "told off": the question goes after the particle
            prts = [c for c in toks[-1].children if c.dep_ == "prt" and c.i == toks[-1].i + 1]
            if prts:
                end = prts[0].idx + len(prts[0].text)
        words = b.text[f.start:end]
        b.add(prio, f.start, end, f"{words} {lead}{' ' if lead else ''}{ph}", f.rule_id, crit,
              f"Keep the words and say who. {reason}")
    elif mode == "replace":
        new = str(cfg.get("text", "")).replace("{be}", _be(b, f))
        for part in _bracketed(new):
            b.slots[part] = Slotted(slot, crit, "name")
        if b.at_sentence_start(f.start):
            new = capitalise(new)
        elif new.startswith("[") is False:
            new = new[0].lower() + new[1:]
        b.add(20, f.start, f.end, new, f.rule_id, crit, f"Say who holds the worry. {reason}")
    elif mode == "impersonal":
        lemmas = [t.lemma_.lower() for t in b.tokens(f.start, f.end)]
        pair = next((IMPERSONAL[lem] for lem in lemmas if lem in IMPERSONAL), THINKS)
        if pair is THINKS and b.kind == "danger":
            pair, slot = WORRIED, "worried"  # a danger statement's view is a worry
        new = pair[1] if any(t in PAST_AUX for t in
                             (x.lower_ for x in b.tokens(f.start, f.end))) else pair[0]
        for part in _bracketed(new):
            b.slots[part] = Slotted(slot, crit, "name")
        b.add(20, f.start, f.end, new, f.rule_id, crit, f"Say whose view this is. {reason}")
    elif mode == "drop":
        _drop(b, f, crit)
    elif mode == "first":
        first = b.tokens(f.start, f.end)
        if first:
            b.add(35, f.start, f.end, first[0].text, f.rule_id, crit,
                  f"One hedge is enough. {reason}")
    elif mode == "split":
        _split(b, f, crit)


def _bracketed(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "[":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "]" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:i + 1])
    return out


def _drop(b: EditBuilder, f: Finding, crit: str | None) -> None:
    text = b.text
    end = f.end
    while end < len(text) and text[end] == " ":
        end += 1
    if end == f.end or end >= len(text) or not text[end].isalnum():
        return  # "possibly." at a clause end: leave it to the writer
    if b.at_sentence_start(f.start):
        b.add(35, f.start, end + 1, text[end].upper(), f.rule_id, crit,
              "Drop the hedge: say plainly what you know.")
    else:
        b.add(35, f.start, end, "", f.rule_id, crit, "Drop the hedge: say plainly what you know.")


SPLIT_AFTER_COMMA = {"and": "", "but": "But ", "so": "So ", "because": "This is because ",
                     "which": "This "}
MAX_WORDS = 25


def _cuts(toks: Sequence[Token]) -> list[tuple[int, int, int, str]]:
    """Places a sentence can be split: (token index, char start, char end, new opening)."""
    out = []
    for t in toks[3:-3]:
        nxt = t.nbor(1)
        if t.text == ";":
            out.append((t.i, t.idx, nxt.idx, ""))
        elif t.text == "," and nxt.lower_ in SPLIT_AFTER_COMMA and (
                nxt.lower_ != "and" or (nxt.dep_ == "cc" and nxt.head.pos_ in ("VERB", "AUX"))):
            after = nxt.nbor(1) if nxt.i + 1 < len(t.doc) else nxt
            if nxt.lower_ == "and":
                out.append((t.i, t.idx, after.idx, ""))
            else:
                out.append((t.i, t.idx, after.idx, SPLIT_AFTER_COMMA[nxt.lower_]))
        elif t.lower_ == "while" and t.dep_ == "mark" and t.nbor(-1).text != ",":
            # "... pushed Tara into a van while Finley sat in the car" -> ". This happened
            # while Finley sat in the car": the same fact, in a sentence of its own
            out.append((t.i, t.nbor(-1).idx + len(t.nbor(-1).text), t.idx,
                        "This happened "))
        elif (t.lower_ == "and" and t.dep_ == "cc" and t.nbor(-1).text != ",") or (
                t.text == "," and nxt.lower_ == "then"):
            if t.text == ",":
                nxt_after = nxt
            else:
                nxt_after = nxt
            # the parser may hang "and" on a verb other than the conjoined verb's head
            conj = [c for c in t.doc[t.i + 1:t.i + 4] if c.dep_ == "conj"
                    and c.pos_ in ("VERB", "AUX")]
            if not conj:
                # "... and Amara's mum Ngozi, who ..., does bath time": own subject first
                conj = [c for c in t.doc[t.i + 1:t.sent.end] if c.dep_ == "conj"
                        and c.pos_ in ("VERB", "AUX") and any(
                            x.dep_ in ("nsubj", "nsubjpass") and x.left_edge.i == t.i + 1
                            for x in c.children)]
            if not conj:
                continue
            own = [c for c in conj[0].children if c.dep_ in ("nsubj", "nsubjpass")
                   and c.i < conj[0].i]
            head = conj[0].head
            while head.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                  for c in head.children):
                head = head.head  # "Jake came home, argued ..., then pulled ..."
            subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
            cut_at = t.nbor(-1).idx + len(t.nbor(-1).text) if t.text != "," else t.idx
            if own and t.text != ",":
                out.append((t.i, cut_at, nxt.idx, ""))
            elif subj and subj[0].pos_ in ("PRON", "PROPN"):
                # "... and then sleeps" -> ". Then she sleeps": the subject is the draft's own
                who = subj[0].text
                if who.lower() in ("i",):
                    continue
                if nxt_after.lower_ == "then":
                    out.append((t.i, cut_at, nxt.nbor(1).idx, "Then " + who + " "))
                elif t.text != "," and (nxt.i == conj[0].i or all(
                        x.dep_ in ("aux", "neg", "advmod") for x in t.doc[nxt.i:conj[0].i])):
                    out.append((t.i, cut_at, nxt.idx, capitalise(who) + " "))
    return out


def split_sentence(b: EditBuilder, toks: Sequence[Token], limit: int, rule_id: str,
                   crit: str | None, reason: str) -> None:
    """Split a sentence at its most central joins until each part has at most ``limit``
    words (or no join is left): used for long sentences and for a child's version."""
    doc = b.doc
    cuts = _cuts(toks)

    def pick(lo: int, hi: int) -> None:
        n = sum(1 for t in doc[lo:hi + 1] if not t.is_punct)
        inside = [c for c in cuts if lo + 2 < c[0] < hi - 2]
        if n <= limit or not inside:
            return
        mid = (lo + hi) / 2
        ti, start, end, opening = min(inside, key=lambda c: abs(c[0] - mid))
        nxt = doc[doc.char_span(end, end + 1, alignment_mode="expand").start]
        word = nxt.text if nxt.text == "I" or nxt.pos_ == "PROPN" else (
            nxt.text.lower() if opening else capitalise(nxt.text))
        b.add(60, start, nxt.idx + len(nxt.text), ". " + opening + word, rule_id, crit, reason)
        pick(lo, ti)
        pick(nxt.i, hi)

    if toks:
        pick(toks[0].i, toks[-1].i)


def _split(b: EditBuilder, f: Finding, crit: str | None) -> None:
    """Split a very long sentence at its most central joins until each part is short."""
    toks = b.tokens(f.start, f.end)
    if len(toks) >= 12:
        split_sentence(b, toks, MAX_WORDS, f.rule_id, crit, "Split the long sentence here: "
                       "one idea per sentence is easier to follow aloud.")


def _ask_to_split(b: EditBuilder, f: Finding) -> None:
    """A long sentence no edit touched (no join to split at, no words to replace): ask the
    writer, at its end, rather than leave the failing criterion unaddressed or guess."""
    if "[" in b.text[f.start:f.end] or b.touches(f.start, f.end):
        return  # already being rewritten, or it holds a question the writer will answer
    toks = [t for t in b.tokens(f.start, f.end) if not t.is_space]
    if not toks:
        return
    last = toks[-2] if toks[-1].is_punct and len(toks) > 1 else toks[-1]
    end = last.idx + len(last.text)
    ph = b.placeholder("split this long sentence into shorter ones", "plain_words",
                       "plain_language", "sentence")
    b.add(75, end, end, " " + ph, f.rule_id, "plain_language",
          "This sentence is too long to follow aloud and has no clear place to split it: "
          "the writer knows where one idea ends.")


def _name(tok: Token | None, default: str) -> str:
    if tok is None or tok.lower_ in ("there", "it"):
        return default
    if tok.pos_ == "PRON":
        return tok.text if tok.lower_ in ("i", "we") else default
    return tok.text


def _clause_core(verb: Token) -> tuple[int, int, Token]:
    """The stretch of a goal clause that states what stops, without its subject and
    without its trigger ("when she has the kids") or a following conjoined clause."""
    anchor = verb
    while anchor.dep_ == "xcomp" and anchor.head.pos_ in ("VERB", "AUX") and \
            anchor.head.i < anchor.i:
        anchor = anchor.head
    first = anchor.i
    for t in (anchor, verb):
        for c in t.children:
            if c.dep_ in ("aux", "auxpass", "neg") and c.i < t.i:
                first = min(first, c.i)
    for c in verb.children:
        if c.dep_ in ("neg", "advmod") and c.i < verb.i and c.lower_ in ("no", "not", "never",
                                                                          "more", "longer"):
            first = min(first, c.i)
    last = verb.i
    for c in verb.children:
        if c.i > verb.i and c.dep_ not in ("advcl", "conj", "cc", "punct", "mark", "npadvmod"):
            last = max(last, c.right_edge.i)
    doc = verb.doc
    while last > first and doc[last].is_punct:
        last -= 1
    while last + 1 < len(doc) and not doc[last].whitespace_ and "-" in (
            doc[last].text, doc[last + 1].text):
        last += 1  # keep a hyphenated word whole: "will not co-sleep"
    return first, last, anchor


def goal_reframes(b: EditBuilder, a: Analysis) -> None:
    """Goals framed as stopping or as a service: ask what will be happening instead."""
    from drafting.criteria.goal import goal_clauses

    for verb, framing in goal_clauses(a):
        if framing not in ("stop", "compliance"):
            continue
        if verb.dep_ in ("advcl", "acl") and any(c.lower_ == "to" for c in verb.children) \
                and (verb.head.lower_ == "order" or any(
                    c.lower_ in ("order", "so") for c in verb.subtree if c.i < verb.i)):
            continue  # "in order to reduce the risk": a purpose, not the goal's own clause
        if verb.dep_ == "relcl":
            continue  # "Ngozi, who does not drink, ...": a description, not the goal
        first, last, anchor = _clause_core(verb)
        start = b.doc[first].idx
        end = b.doc[last].idx + len(b.doc[last].text)
        subj = (subjects(anchor) or subjects(verb) or [None])[0]
        who = _name(subj, "they") if subj is not None and a.people.is_person(subj) else "they"
        words = b.text[start:end]
        if framing == "stop":
            q = f"what will {who} be doing instead of “{words}”?"
            crit, why = "positive_framing", (
                "A goal says what will be happening, not only what will stop: ask what the "
                "new behaviour is.")
        else:
            q = f"what will {who} do differently at home, beyond “{words}”?"
            crit, why = "behavioural_specificity", (
                "Going to a service is a step, not the goal: ask what will be different for "
                "the child.")
        ph = b.placeholder(q, "new_behaviour", crit, "verb")
        b.add(10, start, end, ph, "rewrite.goal_reframe", crit, why)


def collective_holders(b: EditBuilder, a: Analysis) -> None:
    """"We are worried" / "professionals are worried": ask who exactly, keeping the words."""
    from drafting.criteria.clauses import worry_frames

    for frame in worry_frames(a):
        if frame.status != "collective" or not frame.holders:
            continue
        h = frame.holders[0]
        span = h.doc[h.left_edge.i:h.i + 1]
        ph = b.placeholder(f"who exactly is “{span.text}”? Name the people and agencies",
                           "worried", "worried_person_attribution", "name")
        b.add(15, span.start_char, span.end_char, ph,
              "rewrite.name_the_worried", "worried_person_attribution",
              "“We” or “professionals” leaves the family asking who: name them.")


CRITERION_EDITS = {
    "safety_goal": (goal_reframes,),
    "danger": (collective_holders,),
    "harm": (),
}


def build_edits(text: str, doc: Doc, findings: Sequence[Finding], a: Analysis,
                kind: str) -> tuple[tuple[Edit, ...], dict[str, Slotted]]:
    """All edits for a draft, non-overlapping and in text order, plus the placeholders
    they insert (keyed by their bracketed text)."""
    b = EditBuilder(text, doc, kind)
    for fn in CRITERION_EDITS.get(kind, ()):
        fn(b, a)
    for f in findings:
        cfg = rewrite_data()["rules"].get(f.rule_id)
        if cfg is None and f.replacements and f.category != "agentless" and \
                _substitution(b, f):
            continue
        _from_config(b, f, cfg if cfg is not None else _config(f))
    for f in findings:
        if f.rule_id == "readability.very_long_sentence":
            _ask_to_split(b, f)
    return b.result(), b.slots


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """Apply any subset of non-overlapping edits; raises ValueError if two overlap."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end))
    out: list[str] = []
    pos = 0
    for e in ordered:
        if e.start < pos or e.end < e.start or e.end > len(text):
            raise ValueError(f"edit {e.rule_id} at {e.start}-{e.end} overlaps another or "
                             "falls outside the text")
        out.append(text[pos:e.start])
        out.append(e.replacement)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)
