"""The records a rewrite returns: edits to the draft, and a whole-statement rewrite.

Frozen dataclasses with ``to_dict()``, like the report, so the CLI, the editor and the JSON
output share one shape. Edit offsets index the draft; placeholder offsets index the
rewrite's own text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from drafting.report import Report


@dataclass(frozen=True)
class Edit:
    """Replace ``draft[start:end]`` with ``replacement``; ``reason`` says why, plainly."""

    start: int
    end: int
    replacement: str
    rule_id: str
    criterion: str | None
    reason: str
    text: str = ""  # the draft's words being replaced (for display)

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "replacement": self.replacement, "rule_id": self.rule_id,
                "criterion": self.criterion, "reason": self.reason}


@dataclass(frozen=True)
class Placeholder:
    """A visible question in a rewrite, ``[like this]``, standing for what the draft omits."""

    start: int
    end: int
    slot: str
    question: str
    criterion: str | None = None
    fits: str = "words"  # what kind of words fit the gap: "name", "verb", "sentence", ...

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "slot": self.slot,
                "question": self.question, "criterion": self.criterion, "fits": self.fits}


@dataclass(frozen=True)
class FactCheck:
    """Facts (names, numbers, dates, places, events) in the rewrite but not in the draft,
    and the draft's facts the rewrite no longer states outside its placeholders."""

    added: tuple[str, ...] = ()
    dropped: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.added

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "added": list(self.added), "dropped": list(self.dropped)}


@dataclass(frozen=True)
class Rewrite:
    """A whole statement in the practice template, gaps left as placeholders."""

    kind: str
    text: str
    placeholders: tuple[Placeholder, ...] = ()
    facts: FactCheck = field(default_factory=FactCheck)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text,
                "placeholders": [p.to_dict() for p in self.placeholders],
                "facts": self.facts.to_dict()}


@dataclass(frozen=True)
class Suggestions:
    """Everything the rewriter offers for one draft: its report, edits and a rewrite."""

    report: Report
    edits: tuple[Edit, ...]
    rewrite: Rewrite
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = self.report.to_dict()
        out["edits"] = [e.to_dict() for e in self.edits]
        out["rewrite"] = self.rewrite.to_dict()
        return out
