"""Statement kinds and their criteria: the public contract of ``criteria.md``.

The criterion names are JSON keys that users' evaluations depend on; change them only with
a new schema version.
"""

from __future__ import annotations

KINDS: dict[str, tuple[str, ...]] = {
    "danger": (
        "worried_person_attribution",
        "behavioural_specificity",
        "consequences",
        "plain_language",
    ),
    "safety_goal": (
        "positive_framing",
        "behavioural_specificity",
        "who_needs_to_see",
        "timeframe",
        "plain_language",
    ),
    "harm": ("behavioural_specificity", "impact_on_child", "plain_language"),
}
AUTO = "auto"
KIND_CHOICES = (*KINDS, AUTO)
ALL_CRITERIA: frozenset[str] = frozenset(c for names in KINDS.values() for c in names)
