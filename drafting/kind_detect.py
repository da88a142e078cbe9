"""Deciding the kind of a statement when the user says ``auto``.

Danger statements look forward with worry ("are worried that... could"), safety goals
describe what will be happening and who will see it for how long, harm statements tell
what already happened. Each kind gets a score from the parse and the best one wins; the
reason says which signals decided it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.timex import anchors, durations

if TYPE_CHECKING:
    from spacy.tokens import Doc

WORRY = {"worried", "concerned", "worry", "concern", "fear", "scared", "afraid", "frightened"}
GOAL_WORDS = {"see", "need", "goal", "close", "safe", "will"}


def detect(doc: Doc) -> tuple[str, str]:
    text = doc.text.lower()
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass")]
    past = sum(1 for t in doc if t.tag_ in ("VBD",))
    will = sum(1 for t in doc if t.lower_ in ("will", "'ll") and t.dep_ == "aux")
    modal = sum(1 for t in doc if t.lower_ in ("could", "might", "may") and t.dep_ == "aux")
    worry = sum(1 for t in doc if t.lower_ in WORRY or t.lemma_.lower() in WORRY)
    need_see = sum(1 for t in doc if t.lemma_ == "see" and t.head.lemma_ == "need") + \
        text.count("need to see") + text.count("needs to see")
    scores = {
        "danger": 2.0 * min(worry, 2) + 1.0 * min(modal, 3) + (2 if "if nothing changes" in text
                                                                 else 0),
        "safety_goal": 1.0 * min(will, 4) + 3.0 * min(need_see, 1) + 1.5 * bool(durations(doc.text))
        + (2 if "safety goal" in text or "to close" in text else 0),
        "harm": 1.0 * min(past, 5) * (1 if not modal and not will else 0.5)
        + 1.0 * bool(anchors(doc.text)) - 1.0 * min(worry, 2),
    }
    if not verbs:
        scores["danger"] += 0.1
    kind = max(scores, key=lambda k: (scores[k], k == "danger"))
    reasons = {
        "danger": "it looks ahead with a worry (worry words, could/might)",
        "safety_goal": "it describes what will be happening (will, need to see, how long)",
        "harm": "it tells what already happened (past tense, dates)",
    }
    return kind, reasons[kind]
