"""What every rule is, and the registry of rule kinds that run rule data.

A rule is data (an id, a category, a severity, a message, pass and fail examples, plus what
its kind needs); a rule *kind* is the small piece of code that runs that data over a parsed
statement. New wording rules are new data, not new code: kinds are few (existence,
substitution, pattern, metric), as in Vale and LanguageTool.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from drafting.report import SEVERITIES, Finding

if TYPE_CHECKING:
    from spacy.tokens import Doc

CATEGORIES = (
    "acronym",
    "jargon",
    "vague_label",
    "blaming_label",
    "hedged",
    "agentless",
    "passive",
    "readability",
    "input",
)


class RuleError(ValueError):
    """A rule file is malformed; the message names the file, the rule and the problem."""


@dataclass(frozen=True)
class Examples:
    fail: tuple[str, ...]
    passing: tuple[str, ...]


@dataclass(frozen=True)
class RuleSpec:
    """The fields every rule has, whatever its kind."""

    id: str
    kind: str
    category: str
    severity: str
    message: str
    fix: str
    affects: tuple[str, ...]
    examples: Examples
    source: str
    params: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


class Rule(Protocol):
    """A runnable rule; one object may run many specs (the lexicon runs hundreds)."""

    specs: list[RuleSpec]

    def run(self, doc: Doc) -> Iterable[Finding]: ...


RuleKind = Callable[[list[RuleSpec]], list[Rule]]
RULE_KINDS: dict[str, RuleKind] = {}


def rule_kind(name: str) -> Callable[[RuleKind], RuleKind]:
    """Register a function that turns the specs of one kind into runnable rules."""

    def register(builder: RuleKind) -> RuleKind:
        RULE_KINDS[name] = builder
        return builder

    return register


def finding(spec: RuleSpec, text: str, start: int, end: int, message: str = "",
            replacements: tuple[str, ...] = ()) -> Finding:
    """A finding for the character span [start, end) of ``text`` (the doc's text, read once
    per run by the caller: spaCy rebuilds ``doc.text`` on every access)."""
    return Finding(
        rule_id=spec.id,
        category=spec.category,
        severity=spec.severity,
        start=start,
        end=end,
        text=text[start:end],
        message=message or spec.message,
        replacements=replacements,
        fix=spec.fix,
        affects=spec.affects,
    )


def _as_tuple(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: '{key}' must be a list of strings")
    return tuple(value)


def parse_spec(raw: dict[str, Any], *, kind: str, category: str | None, source: str,
               known_criteria: frozenset[str]) -> RuleSpec:
    """Validate one rule's common fields; anything else goes to ``params``."""
    rid = raw.get("id")
    where = f"{source}: rule {rid!r}"
    if not isinstance(rid, str) or not rid:
        raise RuleError(f"{source}: a rule has no 'id'")
    cat = raw.get("category", category)
    if cat not in CATEGORIES:
        raise RuleError(f"{where}: category {cat!r} is not one of {', '.join(CATEGORIES)}")
    severity = raw.get("severity", "warning")
    if severity not in SEVERITIES:
        raise RuleError(f"{where}: severity {severity!r} is not one of {', '.join(SEVERITIES)}")
    message = raw.get("message") or raw.get("reason")
    if not isinstance(message, str) or not message.strip():
        raise RuleError(f"{where}: needs a 'message' (or 'reason') saying why it matters")
    fix = raw.get("fix") or raw.get("advice") or ""
    affects = _as_tuple(raw.get("affects"), where, "affects")
    unknown = [a for a in affects if a not in known_criteria]
    if unknown:
        raise RuleError(f"{where}: 'affects' names unknown criteria {unknown}")
    ex = raw.get("examples") or {}
    examples = Examples(
        fail=_as_tuple(ex.get("fail"), where, "examples.fail"),
        passing=_as_tuple(ex.get("pass"), where, "examples.pass"),
    )
    common = {"id", "category", "severity", "message", "reason", "fix", "advice", "affects",
              "examples", "kind"}
    params = {k: v for k, v in raw.items() if k not in common}
    return RuleSpec(
        id=f"{cat}.{rid}" if "." not in rid else rid,
        kind=kind,
        category=cat,
        severity=severity,
        message=message.strip(),
        fix=fix.strip() if isinstance(fix, str) else "",
        affects=affects,
        examples=examples,
        source=source,
        params=params,
    )
