"""The shared state every criterion reads: the parse, the findings, readability, people."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from drafting.report import Finding, Readability, Span
from drafting.syntax import People

if TYPE_CHECKING:
    from spacy.tokens import Doc

T = TypeVar("T")


@dataclass
class Analysis:
    text: str
    doc: Doc
    kind: str
    findings: tuple[Finding, ...]
    readability: Readability

    @cached_property
    def people(self) -> People:
        return People(self.doc)

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()`` once per analysis: the clause readings several criteria share (who
        observes, the goal clauses, the behaviours) are not worked out again for each."""
        store: dict[Hashable, Any] = self.__dict__.setdefault("_memo", {})
        if key not in store:
            store[key] = make()
        return store[key]

    def findings_affecting(self, criterion: str, min_severity: str = "suggestion") -> list[Finding]:
        order = {"suggestion": 0, "warning": 1, "error": 2}
        return [
            f for f in self.findings
            if criterion in f.affects and order[f.severity] >= order[min_severity]
        ]

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.text[start:end])

    def covered(self, start: int, end: int, criterion: str) -> bool:
        """Is [start, end) inside a finding that counts against ``criterion``?"""
        return any(
            f.start <= start and end <= f.end for f in self.findings_affecting(criterion)
        )

    def overlaps(self, start: int, end: int, criterion: str) -> bool:
        return any(f.start < end and start < f.end for f in self.findings_affecting(criterion))
