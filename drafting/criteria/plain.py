"""plain_language: could a parent with a reading age of 9 to 11 follow every word?

Judged from the findings (acronyms, jargon, labels, agentless fog, sentences a listener
loses track of), not from a reading grade: formulas swing wildly on one or two sentences,
and "Mia is at risk" scores as easy while saying nothing plain.
"""

from __future__ import annotations

from drafting.analysis import Analysis
from drafting.criteria import criterion, quote, spans_of
from drafting.report import CriterionResult

NAME = "plain_language"


@criterion(NAME, "danger", "safety_goal", "harm")
def plain_language(a: Analysis) -> CriterionResult:
    problems = a.findings_affecting(NAME)
    read = a.readability
    grade = f"reading grade {read.flesch_kincaid_grade:.1f}" if read.reliable else (
        "too short for a reliable reading grade"
    )
    if not problems:
        return CriterionResult(
            NAME,
            True,
            f"Everyday words: no acronyms, jargon or labels found ({grade}; "
            f"longest sentence {read.longest_sentence_length} words).",
        )
    evidence = spans_of(problems)
    kinds = sorted({f.category.replace("_", " ") for f in problems})
    quoted = quote([f for f in problems if len(f.text) < 60], 4, ", ")
    more = f" and {len(problems) - 4} more" if len(problems) > 4 else ""
    return CriterionResult(
        NAME,
        False,
        f"Words a parent may not follow ({', '.join(kinds)}): {quoted or 'see findings'}{more}.",
        evidence,
        "Replace each flagged word with the plain alternative offered, spell out or drop "
        "acronyms, and split long sentences.",
    )
