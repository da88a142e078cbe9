"""The checking engine: parse once, run the rules, judge the criteria, build the report.

The pipeline and the rules load once per process and are shared; a check is one parse plus
rule and criterion passes over it, so a batch through ``nlp.pipe`` costs little more than
the parse itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from drafting import doccache
from drafting.analysis import Analysis
from drafting.criteria import judge
from drafting.kind_detect import detect
from drafting.kinds import AUTO, KIND_CHOICES
from drafting.readability import analyse
from drafting.report import Finding, Report
from drafting.textinput import MAX_CHARS, InputError, input_findings, validate

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from drafting.rules.loader import RuleSet


def _nlp():
    from drafting.models.nlp import load_pipeline

    return load_pipeline()


def _rules(rule_files: Iterable[str] | str | os.PathLike[str] = ()) -> RuleSet:
    from drafting.rules.loader import load_rules

    if isinstance(rule_files, (str, os.PathLike)):  # one file, not its characters
        rule_files = (rule_files,)
    return load_rules(tuple(os.fspath(f) for f in rule_files))


def _check_kind(kind: str) -> str:
    if kind not in KIND_CHOICES:
        raise InputError("bad_kind", f"Unknown kind {kind!r}: choose one of "
                                     f"{', '.join(KIND_CHOICES)}.")
    return kind


def _dedupe(findings: list[Finding]) -> tuple[Finding, ...]:
    """Drop a finding inside another of the same category (a lexicon hit beats a pattern)."""
    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Finding] = []
    # Every finding kept so far starts at or before this one, so "inside a kept finding of
    # the same category" is "ends by the furthest end kept in that category": linear, not
    # quadratic in the number of findings.
    furthest: dict[str, int] = {}
    for f in ordered:
        if f.category != "readability" and f.end <= furthest.get(f.category, -1):
            continue
        kept.append(f)
        furthest[f.category] = max(furthest.get(f.category, -1), f.end)
    return tuple(kept)


def run_rules(doc: Doc, ruleset: RuleSet) -> tuple[Finding, ...]:
    found: list[Finding] = input_findings(doccache.text(doc))
    for rule in ruleset.rules:
        found.extend(rule.run(doc))
    if ruleset.allow:
        # a local file's `allow` list covers built-in acronym entries too
        found = [f for f in found if not (f.category == "acronym"
                                          and f.text.replace(".", "") in ruleset.allow)]
    return _dedupe(found)


def report_for(text: str, doc: Doc, kind: str, ruleset: RuleSet,
               id: str | None = None) -> Report:
    requested = kind
    if kind == AUTO:
        kind, reason = detect(doc)
        reason = f"Decided automatically: {reason}."
    else:
        reason = "Kind given by the user."
    findings = run_rules(doc, ruleset)
    read = analyse(doc)
    analysis = Analysis(text=text, doc=doc, kind=kind, findings=findings, readability=read)
    return Report(
        kind=kind,
        kind_requested=requested,
        kind_reason=reason,
        text_length=len(text),
        criteria=judge(analysis),
        findings=findings,
        readability=read,
        id=id,
    )


def check(text: str, kind: str = "danger", *, rules: Iterable[str] = (),
          max_chars: int = MAX_CHARS) -> Report:
    """Check one statement. Raises InputError for text that cannot be checked."""
    _check_kind(kind)
    validate(text, max_chars=max_chars)
    ruleset = _rules(rules)
    return report_for(text, _nlp()(text), kind, ruleset)


@dataclass(frozen=True)
class Item:
    """One statement of a batch: its id, kind and text (as read from JSONL)."""

    id: str | None
    kind: str
    text: str
    line: int | None = None  # where it came from in a JSONL file, for error records


@dataclass(frozen=True)
class ItemError:
    """A batch line that could not be checked; the rest of the batch still runs."""

    id: str | None
    line: int | None
    error: InputError

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"error": self.error.to_dict()}
        if self.id is not None:
            out["id"] = self.id
        if self.line is not None:
            out["line"] = self.line
        return out


def check_many(items: Iterable[Item | ItemError], *, rules: Iterable[str] = (),
               batch_size: int = 64, max_chars: int = MAX_CHARS) -> Iterator[Report | ItemError]:
    """Check a stream of statements through ``nlp.pipe``, in input order, errors in place."""
    ruleset = _rules(rules)
    nlp = _nlp()

    def prepared() -> Iterator[tuple[str, Item | ItemError]]:
        for item in items:
            if isinstance(item, ItemError):
                yield "", item
                continue
            try:
                _check_kind(item.kind)
                validate(item.text, max_chars=max_chars)
            except InputError as exc:
                yield "", ItemError(item.id, item.line, exc)
                continue
            yield item.text, item

    # Errors pass through with an empty text so the order of the output matches the input.
    stream = prepared()
    for doc, item in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        if isinstance(item, ItemError):
            yield item
        else:
            yield report_for(item.text, doc, item.kind, ruleset, id=item.id)
