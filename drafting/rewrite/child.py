"""A version of a danger statement or safety goal for the child it is about: short
sentences, the child addressed as "you", and the same plain-words edits as the rewrite.

Built only by the same rules (edits, sentence splits, a change of person), so it says
nothing the draft does not. Placeholders left by the edits stay visible: the worker fills
them before sharing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.rewrite.edits import EditBuilder, apply_edits, build_edits, split_sentence
from drafting.rewrite.inflect import capitalise
from drafting.rewrite.records import Edit, Rewrite

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SECOND_PERSON = {"is": "are", "was": "were", "has": "have", "does": "do", "'s": "'re"}
CHILD_KINDS = ("danger", "safety_goal")


def max_words(age: int) -> int:
    """Shorter sentences for younger children (about 8 words under 8, 12 under 12)."""
    return 8 if age < 8 else 12 if age < 12 else 16


def _splits(doc: Doc, limit: int) -> list[Edit]:
    b = EditBuilder(doc.text, doc)
    for sent in doc.sents:
        split_sentence(b, list(sent), limit, "child.split", None, "Short sentences for a child.")
    return list(b.result())


PRONOUNS = {"she": "you", "he": "you", "her": "your", "his": "your", "him": "you",
            "herself": "yourself", "himself": "yourself", "hers": "yours"}


def _you(doc: Doc, child: str) -> list[Edit]:
    """Address the child: "Amy is scared" -> "you are scared", "Amy's bed" -> "your bed",
    "she hides" -> "you hide". ", who is 4," after the name is left out: the child knows."""
    from drafting.syntax import People

    people = People(doc)
    edits: list[Edit] = []
    skip: set[int] = set()
    for t in doc:
        if t.i in skip:
            continue
        is_child = t.text == child
        if not is_child and t.lower_ in PRONOUNS and people.genders.get(child):
            # only when the child's gender is known: "he" after "Dad hits Amy" is Dad
            m = people.resolve(t)
            is_child = m.tok.text == child and m.tok.i != t.i and m.gender == \
                people.genders.get(child)
        if not is_child:
            continue
        nxt = t.nbor(1) if t.i + 1 < len(doc) else None
        if t.text == child and nxt is not None and nxt.text in ("'s", "’s"):
            word = "Your" if t.is_sent_start else "your"
            edits.append(Edit(t.idx, nxt.idx + len(nxt.text), word, "child.you", None,
                              "Speak to the child.", doc.text[t.idx:nxt.idx + len(nxt.text)]))
            continue
        if t.text == child and nxt is not None and nxt.text == ",":
            # ", who is 6," or ", 6," after the name: the child knows their own age
            close = next((x for x in doc[nxt.i + 1:nxt.i + 6] if x.text == ","), None)
            inner = doc[nxt.i + 1:close.i] if close is not None else None
            if inner is not None and any(x.like_num for x in inner) and (
                    len(inner) == 1 or inner[0].lower_ in ("who", "aged", "age")):
                skip.update(range(t.i + 1, close.i + 1))
                stop = close.idx + 1
                edits.append(Edit(nxt.idx, stop, "", "child.you", None,
                                  "The child knows their own age.", doc.text[nxt.idx:stop]))
        low = t.lower_
        if t.text == child or low in ("she", "he", "him"):
            word = "you"
        elif low in ("her",) and t.dep_ == "poss":
            word = "your"
        else:
            word = PRONOUNS.get(low, "you")
        word = capitalise(word) if t.is_sent_start else word
        edits.append(Edit(t.idx, t.idx + len(t.text), word, "child.you", None,
                          "Speak to the child.", t.text))
        if t.dep_ in ("nsubj", "nsubjpass"):
            verb = _agreeing_verb(t)
            if verb is not None:
                edits.append(verb)
    edits.sort(key=lambda e: e.start)
    kept: list[Edit] = []
    for e in edits:
        if not kept or e.start >= kept[-1].end:
            kept.append(e)
    return kept


def _agreeing_verb(subj: Token) -> Edit | None:
    head = subj.head
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i > subj.i]
    target = aux[0] if aux else head
    low = target.lower_
    if low in SECOND_PERSON:
        new = SECOND_PERSON[low]
    elif target.tag_ == "VBZ":
        new = target.lemma_.lower()
    else:
        return None
    return Edit(target.idx, target.idx + len(target.text), new, "child.you", None,
                "Speak to the child.", target.text)


def child_version(text: str, kind: str, age: int) -> Rewrite:
    """The statement retold for a child of ``age``; raises ValueError for other kinds."""
    from drafting.engine import _nlp
    from drafting.rewrite import _allowed_words, locate_placeholders, suggest
    from drafting.rewrite.facts import compare
    from drafting.rewrite.template import people_names

    if kind not in (*CHILD_KINDS, "auto"):
        raise ValueError("A child's version is for danger statements and safety goals.")
    if not 2 <= age <= 17:
        raise ValueError("Give the child's age in years, from 2 to 17.")
    s = suggest(text, kind)
    if s.report.kind not in CHILD_KINDS:
        raise ValueError("A child's version is for danger statements and safety goals; "
                         f"this reads as a {s.report.kind.replace('_', ' ')} statement.")
    nlp = _nlp()
    plain_edits = [e for e in s.edits if e.rule_id != "rewrite.goal_reframe"]
    from drafting.analysis import Analysis

    a = Analysis(text=text, doc=nlp(text), kind=s.report.kind, findings=s.report.findings,
                 readability=s.report.readability)
    _edits, slots = build_edits(text, a.doc, s.report.findings, a, s.report.kind)
    step1 = apply_edits(text, plain_edits)
    doc = nlp(step1)
    step2 = apply_edits(step1, _splits(doc, max_words(age)))
    doc2 = nlp(step2)
    child, _adult = people_names(a)
    out = apply_edits(step2, _you(doc2, child)) if child != "the child" else step2
    facts = compare(a.doc, out, nlp, {"you", "your", "are", "were", "have", "do"}
                    | _allowed_words(plain_edits))  # plainer words for the same thing
    return Rewrite(s.report.kind, out, locate_placeholders(out, slots), facts)
