"""The numpy logistic regression, the saved bundle and the blend (no encoder needed)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from conftest import CLEAR_FAIL

from drafting.learned import apply, blended, overrule
from drafting.models.scorer import Bundle, CriterionModel, LogReg, fit, folds


def _separable(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(400, 5)) * [1, 10, 0.1, 1, 1]
    score = X[:, 0] + 0.1 * X[:, 1]
    X = X[np.abs(score) > 0.5][:200]  # a clear margin between the classes
    y = (X[:, 0] + 0.1 * X[:, 1] > 0).astype(float)
    return np.hstack([X, np.ones((len(X), 1))]), y  # a constant column must not break it


def test_fits_separable_data():
    X, y = _separable()
    model = fit(X, y, l2=1.0)
    p = model.predict_proba(X)
    assert ((p >= 0.5) == (y > 0.5)).all()
    assert p.min() >= 0 and p.max() <= 1
    assert model.coef[0] > 0 and model.coef[1] > 0  # the features that decide, both positive


def test_deterministic_and_regularised():
    X, y = _separable()
    a, b = fit(X, y, l2=10.0), fit(X, y, l2=10.0)
    assert np.array_equal(a.coef, b.coef) and a.bias == b.bias
    strong = fit(X, y, l2=1e4)
    assert np.linalg.norm(strong.coef) < np.linalg.norm(a.coef)


def test_unpenalised_bias_follows_the_base_rate():
    X = np.zeros((100, 3))
    y = np.array([1.0] * 80 + [0.0] * 20)
    p = fit(X, y, l2=100.0).predict_proba(X)
    assert p == pytest.approx(np.full(100, 0.8), abs=1e-6)


def test_bad_shapes():
    with pytest.raises(ValueError):
        fit(np.zeros((3, 2)), np.zeros(4))


def test_folds_partition():
    parts = folds(23, 5, seed=1)
    assert sorted(np.concatenate(parts).tolist()) == list(range(23))
    assert [p.tolist() for p in parts] == [p.tolist() for p in folds(23, 5, seed=1)]


def test_blend_rule():
    assert blended(True, 0.5, 0.0) and not blended(False, 0.99, 0.0)  # weight 0: the rule
    assert not blended(True, 0.2, 0.8) and blended(False, 0.7, 0.8)  # confident enough
    assert blended(True, 0.4, 0.8) and not blended(False, 0.6, 0.8)  # not confident enough
    # a lower threshold makes a failing rule easier to overrule, a passing one harder
    assert blended(False, 0.6, 0.7, threshold=0.4) and not blended(False, 0.6, 0.7)
    assert blended(True, 0.2, 0.7, threshold=0.4) and not blended(True, 0.2, 0.7)


def _bundle(key: str, bias: float, weight: float) -> Bundle:
    model = LogReg(mean=np.zeros(1), scale=np.ones(1), coef=np.zeros(1), bias=bias)
    cm = CriterionModel(key, ("rules",), weight, 1.0, model)
    # a rules-only scorer for the rules' feature width: coef of the right length
    return Bundle(criteria={key: cm}, neighbours={})


def _fit_width(bundle: Bundle, report) -> Bundle:
    from drafting.learned import rule_features

    width = len(rule_features(report))
    for cm in bundle.criteria.values():
        m = cm.model
        cm.model = LogReg(np.zeros(width), np.ones(width), np.zeros(width), m.bias)
    return bundle


def test_apply_changes_only_the_scored_criterion():
    from drafting import check

    report = check(CLEAR_FAIL, kind="danger")
    assert not report.criterion("consequences").passed
    bundle = _fit_width(_bundle("danger.consequences", bias=4.0, weight=0.8), report)
    (out,) = apply(bundle, [report], [CLEAR_FAIL])
    c = out.criterion("consequences")
    assert c.passed and "overruled the rules" in c.message and "98%" in c.message
    assert c.evidence == report.criterion("consequences").evidence
    for name in ("worried_person_attribution", "behavioural_specificity", "plain_language"):
        assert out.criterion(name) is report.criterion(name)
    assert out.findings == report.findings and out.readability == report.readability
    assert out.score > report.score
    # weight 0 (rules only) and another kind's scorer leave the report alone
    (same,) = apply(_fit_width(_bundle("danger.consequences", 4.0, 0.0), report), [report],
                    [CLEAR_FAIL])
    assert same == report
    (other,) = apply(_fit_width(_bundle("harm.impact_on_child", 4.0, 0.9), report), [report],
                     [CLEAR_FAIL])
    assert other == report


def test_overrule_to_fail_gives_a_fix():
    from drafting.report import CriterionResult

    c = CriterionResult("timeframe", True, "Says how long: “for six months”.")
    out = overrule(c, 0.1, False)
    assert not out.passed and out.fix and "10%" in out.message and "for six months" in out.message
    assert overrule(c, 0.9, True) is c
    assert replace(c) == c


def test_bundle_round_trip(tmp_path):
    X, y = _separable()
    model = fit(X, y, l2=3.0)
    vecs = np.eye(3, 4, dtype=np.float32)
    b = Bundle(criteria={"danger.consequences": CriterionModel(
                   "danger.consequences", ("rules", "embedding"), 0.7, 3.0, model, 0.45),
                         "harm.plain_language": CriterionModel(
                   "harm.plain_language", (), 0.0, 0.0, None)},
               neighbours={"danger": ([{"id": "a", "text": "x"}] * 3, vecs)},
               meta={"seed": 1, "default_on": True})
    npz, js = b.save(tmp_path / "m.npz")
    assert npz.exists() and js.exists()
    back = Bundle.load(npz)
    assert back.meta == b.meta
    cm = back.criteria["danger.consequences"]
    assert cm.features == ("rules", "embedding") and cm.weight == 0.7 and cm.threshold == 0.45
    assert back.criteria["harm.plain_language"].threshold == 0.5
    assert np.allclose(cm.model.predict_proba(X), model.predict_proba(X), atol=1e-4)
    assert back.criteria["harm.plain_language"].model is None
    assert np.array_equal(back.neighbours["danger"][1], vecs)


def test_selection_is_judged_on_rows_no_rule_was_written_from():
    """Rules right on every row they were written from and wrong on a quarter of a blind
    batch: the choice is judged on the blind rows (rules 0.75 there), the summary on all."""
    from drafting import train

    rng = np.random.default_rng(3)
    n, blind = 600, 200
    X = rng.normal(size=(n, 4))
    y = (X[:, 0] > 0).astype(float)
    rule = y.copy()
    flip = rng.choice(np.arange(n - blind, n), size=blind // 4, replace=False)
    rule[flip] = 1 - rule[flip]  # the rules miss a quarter of the blind batch
    judge = np.zeros(n, dtype=bool)
    judge[n - blind:] = True
    sets = (("rules", "tensor"),)
    Xs = {sets[0]: np.column_stack([rule, X])}
    every = train.select(Xs, rule, y, feature_sets=sets)
    judged = train.select(Xs, rule, y, feature_sets=sets, judge=judge)
    assert every["judged_on"] is None and judged["judged_on"] == blind
    assert judged["cv_rules"] == pytest.approx(0.75)
    assert judged["weight"] > 0 and judged["cv_model"] > judged["cv_rules"] + train.MIN_GAIN
    assert judged["cv_rules_every_row"] == pytest.approx(1 - (blind // 4) / n)
    # too few blind rows: judged on every row, as before
    few = np.zeros(n, dtype=bool)
    few[-10:] = True
    assert train.judged_rows(y, few).all()
