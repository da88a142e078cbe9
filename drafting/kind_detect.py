"""Deciding the kind of a statement when the user says ``auto``.

Danger statements look forward with worry ("are worried that... could"), safety goals
describe what will be happening and who will see it for how long, harm statements tell
what already happened. Each kind gets a score from the parse and the best one wins; the
reason says which signals decided it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.doccache import text as doc_text
from drafting.doccache import tokens
from drafting.timex import anchors, durations

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORRY = {"worried", "concerned", "worry", "concern", "fear", "scared", "afraid", "frightened"}


def _past(doc: Doc) -> int:
    """Finished events: "hit", "has hit", "was hit", "has been hit"."""
    n = 0
    for t in tokens(doc):
        if t.tag_ == "VBD" and t.dep_ not in ("aux", "auxpass"):
            n += 1
        elif t.tag_ == "VBN" and any(
            c.lower_ in ("has", "have", "had", "'s", "'ve", "was", "were")
            for c in t.children if c.dep_ in ("aux", "auxpass")
        ):
            n += 1
    return n


def _memo_goals(doc: Doc) -> int:
    """Memo-style goals: "Parents to ensure...", "Mum to attend..."."""
    return sum(
        1 for t in doc
        if t.pos_ == "VERB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in t.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    )


def detect(doc: Doc) -> tuple[str, str]:
    text = doc_text(doc).lower()
    toks = tokens(doc)
    past = _past(doc)
    will = sum(1 for t in toks if t.lower_ in ("will", "'ll", "wo") and t.dep_ == "aux")
    modal = sum(1 for t in toks if t.lower_ in ("could", "might", "may") and t.dep_ == "aux")
    worry = sum(1 for t in toks if t.lower_ in WORRY or t.lemma_.lower() in WORRY)
    need_see = sum(1 for t in toks if t.lemma_ == "see" and t.head.lemma_ == "need")
    memo = _memo_goals(doc)
    want = sum(1 for t in toks if t.lemma_ == "want" and any(
        c.lower_ in ("we", "i") for c in t.children))
    conditional = any(p in text for p in ("if nothing changes", "if this continues",
                                          "if this carries on", "if this keeps", "if things"))
    scores = {
        "danger": 2.0 * min(worry, 2) + 1.0 * min(modal, 3) + 2.0 * conditional,
        "safety_goal": 1.0 * min(will, 4) + 3.0 * min(need_see, 1) + 2.0 * min(memo, 2)
        + 1.5 * bool(durations(doc.text)) + 1.5 * min(want, 1)
        + (2 if "safety goal" in text or "to close" in text else 0),
        "harm": 1.0 * min(past, 5) * (0.5 if modal or will else 1.0)
        + 1.0 * bool(anchors(doc.text)) - 1.0 * min(worry, 2),
    }
    kind = max(scores, key=lambda k: (scores[k], k == "danger"))
    reasons = {
        "danger": "it looks ahead with a worry (worry words, could/might)",
        "safety_goal": "it describes what will be happening (will, need to see, how long)",
        "harm": "it tells what already happened (past tense, dates)",
    }
    return kind, reasons[kind]
