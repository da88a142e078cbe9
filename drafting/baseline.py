"""A naive keyword-and-length checker, kept as the yardstick for ``drafting eval``.

It is what a quick script would do: look for a worry word, a modal, a number, a "not",
and treat longer statements as more specific. The evaluation prints its scores beside the
engine's so the margin the parse buys is visible, overall and on the hard cases.
"""

from __future__ import annotations

import re

_WORDS = re.compile(r"[A-Za-z']+")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_HAS = {
    "worried_person_attribution": re.compile(r"\b(worr|concern|fear|scared|afraid)", re.I),
    "consequences": re.compile(r"\b(could|might|may|will|if nothing changes)\b", re.I),
    "who_needs_to_see": re.compile(r"\b(see|seen|check|notice|monitor)", re.I),
    "timeframe": re.compile(r"\b(\d+|day|days|week|weeks|month|months|year|years)\b", re.I),
    "impact_on_child": re.compile(
        r"\b(hurt|injur|bruis|scared|frighten|hospital|cried|crying|hungry|afraid|mark)", re.I),
}
_NEGATIVE = re.compile(r"\b(not|never|stop|no longer|refrain|abstain|no)\b", re.I)
_JARGON = re.compile(
    r"\b(DV|engag\w*|neglect\w*|substance misuse|at risk|safeguarding|presents? as|toxic trio|"
    r"capacity|significant harm|inappropriate|chaotic|concerns)\b", re.I)
SPECIFIC_MIN_WORDS = 18


def baseline_verdicts(text: str, criteria: tuple[str, ...]) -> dict[str, bool]:
    words = _WORDS.findall(text)
    sentences = max(1, len(re.findall(r"[.!?]+", text)))
    out: dict[str, bool] = {}
    for name in criteria:
        if name in _HAS:
            out[name] = bool(_HAS[name].search(text))
        elif name == "behavioural_specificity":
            out[name] = len(words) >= SPECIFIC_MIN_WORDS
        elif name == "positive_framing":
            out[name] = not _NEGATIVE.search(text)
        elif name == "plain_language":
            out[name] = (not _ACRONYM.search(text) and not _JARGON.search(text)
                         and len(words) / sentences <= 25)
        else:
            out[name] = False
    return out
