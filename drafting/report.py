"""The one report record every entry point returns (API, CLI, editor, batch).

Frozen dataclasses so a report can be cached and shared between threads; ``to_dict()``
gives the documented, versioned JSON shape (see ``docs/report-schema.md``). Offsets are
Python string indices (Unicode code points) into the text exactly as the caller gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.0"

SEVERITIES = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Span:
    """A quoted stretch of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Finding:
    """One problem in the wording, located in the text, with a way to fix it."""

    rule_id: str
    category: str
    severity: str
    start: int
    end: int
    text: str
    message: str
    replacements: tuple[str, ...] = ()
    fix: str = ""
    affects: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id,
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "message": self.message,
            "replacements": list(self.replacements),
            "fix": self.fix,
            "affects": list(self.affects),
        }


@dataclass(frozen=True)
class CriterionResult:
    """The verdict on one criterion, with the spans behind it and what would make it pass."""

    name: str
    passed: bool
    message: str
    evidence: tuple[Span, ...] = ()
    fix: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "message": self.message,
            "evidence": [e.to_dict() for e in self.evidence],
            "fix": self.fix,
        }


@dataclass(frozen=True)
class HardWord:
    start: int
    end: int
    text: str
    syllables: int
    reason: str  # "polysyllabic" or "uncommon"

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "syllables": self.syllables,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class SentenceStats:
    start: int
    end: int
    words: int
    syllables: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    hard_words: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "words": self.words,
            "syllables": self.syllables,
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "hard_words": self.hard_words,
        }


@dataclass(frozen=True)
class Readability:
    """Counts and formula scores; ``reliable`` is False for texts too short for formulas."""

    words: int
    sentences: int
    syllables: int
    avg_sentence_length: float
    longest_sentence_length: int
    flesch_reading_ease: float
    flesch_kincaid_grade: float
    reliable: bool
    hard_words: tuple[HardWord, ...] = ()
    sentence_stats: tuple[SentenceStats, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "words": self.words,
            "sentences": self.sentences,
            "syllables": self.syllables,
            "avg_sentence_length": self.avg_sentence_length,
            "longest_sentence_length": self.longest_sentence_length,
            "flesch_reading_ease": self.flesch_reading_ease,
            "flesch_kincaid_grade": self.flesch_kincaid_grade,
            "reliable": self.reliable,
            "hard_words": [h.to_dict() for h in self.hard_words],
            "sentence_stats": [s.to_dict() for s in self.sentence_stats],
        }


@dataclass(frozen=True)
class Report:
    """Everything the checker says about one statement."""

    kind: str
    kind_requested: str
    kind_reason: str
    text_length: int
    criteria: tuple[CriterionResult, ...]
    findings: tuple[Finding, ...]
    readability: Readability
    id: str | None = None
    schema_version: str = field(default=SCHEMA_VERSION)

    @property
    def score(self) -> float:
        """Share of the kind's criteria that pass (0.0 to 1.0)."""
        if not self.criteria:
            return 0.0
        return round(sum(c.passed for c in self.criteria) / len(self.criteria), 4)

    @property
    def passed(self) -> bool:
        return all(c.passed for c in self.criteria)

    def criterion(self, name: str) -> CriterionResult:
        for c in self.criteria:
            if c.name == name:
                return c
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": self.schema_version}
        if self.id is not None:
            out["id"] = self.id
        out.update(
            {
                "kind": self.kind,
                "kind_requested": self.kind_requested,
                "kind_reason": self.kind_reason,
                "text_length": self.text_length,
                "score": self.score,
                "passed": self.passed,
                "criteria": {c.name: c.to_dict() for c in self.criteria},
                "findings": [f.to_dict() for f in self.findings],
                "readability": self.readability.to_dict(),
            }
        )
        return out
