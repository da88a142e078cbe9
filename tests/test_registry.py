"""The criteria contract: names per kind, and a registered function for each."""

from __future__ import annotations

import pytest

from drafting import criteria
from drafting.kinds import ALL_CRITERIA, AUTO, KIND_CHOICES, KINDS

CONTRACT = {
    "danger": ("worried_person_attribution", "behavioural_specificity", "consequences",
               "plain_language"),
    "safety_goal": ("positive_framing", "behavioural_specificity", "who_needs_to_see",
                    "timeframe", "plain_language"),
    "harm": ("behavioural_specificity", "impact_on_child", "plain_language"),
}


def test_kinds_match_the_contract_exactly():
    assert KINDS == CONTRACT  # names and order: they are JSON keys users depend on
    assert KIND_CHOICES == ("danger", "safety_goal", "harm", AUTO)
    assert ALL_CRITERIA == frozenset(c for names in CONTRACT.values() for c in names)


@pytest.mark.parametrize("kind, name", [(k, n) for k, names in KINDS.items() for n in names])
def test_every_criterion_has_a_function(kind, name):
    criteria._load()
    fn = criteria.REGISTRY.get((kind, name))
    assert callable(fn), f"no criterion function registered for {kind}.{name}"


def test_registry_has_nothing_outside_the_contract():
    criteria._load()
    expected = {(k, n) for k, names in KINDS.items() for n in names}
    assert set(criteria.REGISTRY) == expected


def test_registering_an_unknown_criterion_is_refused():
    with pytest.raises(ValueError, match="not a criterion of danger"):
        criteria.criterion("timeframe", "danger")(lambda analysis: None)


@pytest.mark.parametrize("kind", list(KINDS))
def test_loading_one_kind_registers_all_of_its_criteria(kind):
    """``judge`` imports only the modules ``criteria.MODULES`` names for the kind: a fresh
    process must then have every criterion of that kind (the table cannot fall behind)."""
    import json
    import subprocess
    import sys

    code = ("import json; from drafting import criteria; "
            f"criteria._load({kind!r}); "
            "print(json.dumps(sorted(n for k, n in criteria.REGISTRY if k == %r)))" % kind)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == sorted(KINDS[kind])
