"""Criteria as registered units: one function per (kind, criterion), looked up, not if-chained.

Each function reads an :class:`~drafting.analysis.Analysis` and returns a
:class:`~drafting.report.CriterionResult` with the spans behind the verdict and a fix.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from drafting.analysis import Analysis
from drafting.kinds import KINDS
from drafting.report import CriterionResult, Finding, Span

CriterionFn = Callable[[Analysis], CriterionResult]
REGISTRY: dict[tuple[str, str], CriterionFn] = {}


def criterion(name: str, *kinds: str) -> Callable[[CriterionFn], CriterionFn]:
    def register(fn: CriterionFn) -> CriterionFn:
        for kind in kinds:
            if name not in KINDS[kind]:
                raise ValueError(f"{name} is not a criterion of {kind}")
            REGISTRY[(kind, name)] = fn
        return fn

    return register


def judge(analysis: Analysis) -> tuple[CriterionResult, ...]:
    _load(analysis.kind)
    return tuple(REGISTRY[(analysis.kind, name)](analysis) for name in KINDS[analysis.kind])


def quote(items: Sequence[object], limit: int = 3, sep: str = "; ") -> str:
    """“first”; “second”: the words behind a verdict, without trailing punctuation."""
    texts = []
    for it in items[:limit]:
        text = it.span.text if hasattr(it, "span") else it.text  # type: ignore[attr-defined]
        texts.append(f"“{text.strip().rstrip('.,;:')}”")
    return sep.join(texts)


def spans_of(findings: Iterable[Finding]) -> tuple[Span, ...]:
    return tuple(Span(f.start, f.end, f.text) for f in findings)


# Which modules register each kind's criteria. Why not import them all: importing the harm
# module compiles its phrase patterns (about 0.03 s of a one-sentence check's cold start),
# and a danger statement needs neither it nor the goal module (tests/test_registry.py
# checks this table).
MODULES: dict[str, tuple[str, ...]] = {
    "danger": ("danger", "plain"),
    "safety_goal": ("goal", "plain"),
    "harm": ("harm", "plain"),
}


def _load(kind: str | None = None) -> None:
    """Import the modules that register ``kind``'s criteria (every kind's when None)."""
    names = MODULES[kind] if kind is not None else sorted({m for v in MODULES.values() for m in v})
    for name in names:
        importlib.import_module(f"drafting.criteria.{name}")
