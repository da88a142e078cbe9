"""The rewriter's bar, over the whole labelled corpus (about three minutes):

- no rewrite adds a name, number, date, place or event that its draft lacks;
- every failing criterion of every statement has an edit or placeholder addressing it;
- on the held-out split, every statement that failed plain_language has a rewrite that
  passes it when re-checked (placeholders filled with plain phrases);
- filled rewrites pass each criterion on re-check for at least 90% of statements.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from drafting.rewrite.audit import audit

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "examples" / "statements.jsonl"


@pytest.fixture(scope="module")
def results():
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return {split: audit(r for r in rows if r.get("split") == split)
            for split in ("tune", "heldout")}


def test_no_rewrite_adds_a_fact(results):
    for res in results.values():
        assert res["rewrites_adding_facts"] == 0, res["added_examples"]


def test_every_failing_criterion_is_addressed(results):
    for res in results.values():
        assert res["failing_criteria_unaddressed"] == 0, res["unaddressed_examples"]


def test_heldout_plain_language_rewrites_pass(results):
    res = results["heldout"]
    assert res["plain_language_failed_drafts"] > 100
    assert res["plain_language_rewrites_passing"] == res["plain_language_failed_drafts"], \
        res["plain_fail_examples"]


def test_filled_rewrites_pass_on_recheck(results):
    for res in results.values():
        for criterion, rate in res["filled_rewrite_pass_rate"].items():
            assert rate >= 0.9, (criterion, rate)


def test_childs_version_adds_no_fact():
    from drafting.rewrite import child_version

    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    sample = [r for r in rows if r["kind"] in ("danger", "safety_goal")][::8]
    added = {r["id"]: child_version(r["text"], r["kind"], 8).facts.added for r in sample}
    assert not {k: v for k, v in added.items() if v}
