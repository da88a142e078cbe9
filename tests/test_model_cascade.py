"""The light scorer hands unsure verdicts on its cascade's criteria to the full scorer."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from drafting import check, learned
from drafting.learned import Cascade, apply, cascade_for
from drafting.models.scorer import Bundle, CriterionModel, LogReg

HARM = "Dad shouted at Amy, who is 6, in the kitchen last night."
KEY = "harm.impact_on_child"


def _bundle(report, bias: float, weight: float = 0.9, threshold: float = 0.45,
            meta: dict | None = None) -> Bundle:
    """A scorer on the rules' features whose P(met) is sigmoid(bias) for any statement."""
    width = len(learned.rule_features(report))
    model = LogReg(np.zeros(width), np.ones(width), np.zeros(width), bias)
    cm = CriterionModel(KEY, ("rules",), weight, 1.0, model, threshold)
    return Bundle(criteria={KEY: cm}, neighbours={}, meta=meta or {})


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


@pytest.fixture(scope="module")
def report():
    r = check(HARM, kind="harm")
    assert not r.criterion("impact_on_child").passed  # the rule fails it: no effect named
    return r


@pytest.fixture()
def full_path(tmp_path, report):
    npz, _ = _bundle(report, bias=_logit(0.98), weight=0.9, threshold=0.4).save(
        tmp_path / "learned.npz")
    yield npz
    learned._bundles.pop(str(npz), None)


def test_unsure_verdict_comes_from_the_full_scorer(report, full_path):
    light = _bundle(report, bias=_logit(0.45))  # blended 0.9 * 0.45 = 0.405: unsure at 0.45
    (alone,) = apply(light, [report], [HARM])
    assert not alone.criterion("impact_on_child").passed
    light.defer = Cascade(full_path, frozenset({KEY}), band=0.15)
    (out,) = apply(light, [report], [HARM])
    c = out.criterion("impact_on_child")
    assert c.passed and "98%" in c.message and "overruled the rules" in c.message
    assert c.evidence == report.criterion("impact_on_child").evidence
    for name in ("behavioural_specificity", "plain_language"):
        assert out.criterion(name) == alone.criterion(name)


def test_sure_verdict_never_loads_the_full_scorer(report, tmp_path):
    light = _bundle(report, bias=_logit(0.05))  # blended 0.045: far from 0.45
    light.defer = Cascade(tmp_path / "missing.npz", frozenset({KEY}), band=0.15)
    (out,) = apply(light, [report], [HARM])  # would raise ScorerMissing if it loaded it
    assert not out.criterion("impact_on_child").passed
    assert str(tmp_path / "missing.npz") not in learned._bundles


def test_band_and_keys_bound_the_deferral(report, full_path):
    light = _bundle(report, bias=_logit(0.45))
    for cascade in (Cascade(full_path, frozenset({KEY}), band=0.04),  # 0.045 away: sure
                    Cascade(full_path, frozenset({"harm.plain_language"}), band=0.15)):
        (out,) = apply(replace(light, defer=cascade), [report], [HARM])
        assert not out.criterion("impact_on_child").passed


def _cv(light: float, full: float) -> tuple[dict, dict]:
    return ({KEY: {"cv_model": light}}, {KEY: {"cv_model": full, "weight": 0.9}})


@pytest.mark.parametrize("light_cv, full_cv, light_weight, deferred", [
    (0.897, 0.910, 0.9, True),    # under the floor, and the full scorer does better
    (0.905, 0.930, 0.9, False),   # the light scorer already meets the floor
    (0.897, 0.890, 0.9, False),   # the full scorer is no better
    (0.897, 0.910, 0.0, False),   # rules only in the light scorer: never unsure
])
def test_cascade_criteria_come_from_cross_validation(report, tmp_path, light_cv, full_cv,
                                                     light_weight, deferred):
    lcv, fcv = _cv(light_cv, full_cv)
    full = _bundle(report, 1.0, meta={"cv": fcv})
    full.save(tmp_path / "learned.npz")
    learned._meta.cache_clear()
    light = _bundle(report, 0.0, weight=light_weight, meta={"light": True, "cv": lcv})
    cascade = cascade_for(light, tmp_path / "learned.npz")
    assert (cascade is not None and cascade.keys == {KEY}) == deferred
    # a full scorer never cascades, and a light one without a full one beside it cannot
    assert cascade_for(replace(light, meta={"cv": lcv}), tmp_path / "learned.npz") is None
    assert cascade_for(light, tmp_path / "absent.npz") is None


def test_the_shipped_light_scorer_defers_only_what_cross_validation_says():
    light = learned.load_scorer(learned.light_path())
    meta = json.loads(learned.light_path().with_suffix(".json").read_text())["meta"]["cv"]
    full = json.loads(learned.artefact_path().with_suffix(".json").read_text())["meta"]["cv"]
    want = {k for k, v in meta.items() if v["cv_model"] < learned.FLOOR
            and full[k]["cv_model"] > v["cv_model"] and light.criteria[k].weight > 0}
    assert light.defer is not None and light.defer.keys == want
    assert learned.load_scorer(learned.artefact_path()).defer is None


def test_real_scorers_end_to_end():
    """Through ``check_many`` with the shipped scorers: on harm statements the light scorer
    is unsure of, impact on the child is the full scorer's verdict; on the rest, and on
    every other criterion, the light scorer's own."""
    from drafting.engine import Item, _nlp

    corpus = Path(__file__).resolve().parent.parent / "corpus" / "examples" / "statements.jsonl"
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["kind"] == "harm"][:160]
    light, full = learned.load_scorer(learned.light_path()), learned.load_scorer()
    alone = replace(light, defer=None)
    items = [Item(r["id"], "harm", r["text"]) for r in rows]
    pairs = list(learned.check_pairs(items, path=learned.light_path()))
    rules = [p[0] for p in pairs]
    texts = [r["text"] for r in rows]
    docs = list(_nlp().pipe(texts))
    light_only, full_out = apply(alone, rules, texts, docs), apply(full, rules, texts, docs)
    p_light = learned.probabilities(alone, rules, texts, docs)
    cm = light.criteria[KEY]
    deferred = 0
    for (rule, out), lo, fo, p in zip(pairs, light_only, full_out, p_light, strict=True):
        unsure = light.defer.unsure(KEY, rule.criterion("impact_on_child").passed,
                                    p["impact_on_child"], cm.weight, cm.threshold)
        deferred += unsure
        want = fo if unsure else lo
        assert out.criterion("impact_on_child") == want.criterion("impact_on_child")
        for name in ("behavioural_specificity", "plain_language"):
            assert out.criterion(name) == lo.criterion(name)
    assert 0 < deferred < len(rows) / 3
