"""Runs every rule's own pass and fail examples, as LanguageTool and proselint do.

A rule must carry at least one example of each; a fail example must make the rule fire and
a pass example must not. The test suite runs this over the built-in rules, and
``drafting rules test --rules FILE`` runs it over a local authority's file.
"""

from __future__ import annotations

from drafting.rules.base import RULE_KINDS, RuleSpec
from drafting.rules.loader import RuleSet


def check_spec(spec: RuleSpec) -> list[str]:
    from drafting.models.nlp import load_pipeline

    problems = []
    if not spec.examples.fail or not spec.examples.passing:
        problems.append(f"{spec.id} ({spec.source}): needs at least one fail and one pass example")
        return problems
    runners = RULE_KINDS[spec.kind]([spec])
    nlp = load_pipeline()
    for text, must_fire in [(t, True) for t in spec.examples.fail] + [
        (t, False) for t in spec.examples.passing
    ]:
        doc = nlp(text)
        fired = [f for r in runners for f in r.run(doc) if f.rule_id == spec.id]
        if must_fire and not fired:
            problems.append(f"{spec.id}: false negative, did not fire on fail example: {text!r}")
        if not must_fire and fired:
            quoted = ", ".join(repr(f.text) for f in fired)
            problems.append(
                f"{spec.id}: false positive on pass example {text!r} (matched {quoted})"
            )
    return problems


def run_examples(ruleset: RuleSet, only_sources: tuple[str, ...] | None = None) -> list[str]:
    problems = []
    for spec in ruleset.specs:
        if only_sources and not any(spec.source.endswith(s) or s.endswith(spec.source)
                                    for s in only_sources):
            continue
        problems.extend(check_spec(spec))
    return problems
