"""Criteria as registered units: one function per (kind, criterion), looked up, not if-chained.

Each function reads an :class:`~drafting.analysis.Analysis` and returns a
:class:`~drafting.report.CriterionResult` with the spans behind the verdict and a fix.
"""

from __future__ import annotations

from collections.abc import Callable

from drafting.analysis import Analysis
from drafting.kinds import KINDS
from drafting.report import CriterionResult

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
    _load()
    return tuple(REGISTRY[(analysis.kind, name)](analysis) for name in KINDS[analysis.kind])


def _load() -> None:
    # Importing the modules registers their criteria.
    from drafting.criteria import danger, goal, harm, plain  # noqa: F401
