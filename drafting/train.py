"""``drafting train``: fit the learned scorer on the tuning split, then measure it once.

Every choice (feature groups, regularisation, how far the scorer may overrule a rule, and
whether a criterion uses it at all) is made by cross-validation inside the tuning split.
So is whether the model is on by default (rules plus model must beat the rules in
cross-validation). Only when every choice is frozen and the artefact is written does the
held-out split come in, once, to report rules-only against rules-plus-model.

Reproducible: fixed seeds, corpus order, no clock in the artefact; the same corpus and
packages give the same weights.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.evaluate import Tally, read_labelled
from drafting.kinds import KINDS

SEED = 20261123
FOLDS = 5
REPEATS = 2  # CV is repeated with different fold seeds and averaged: less luck in choices
FEATURE_SETS: tuple[tuple[str, ...], ...] = (
    ("rules", "tensor"),
    ("rules", "embedding"),
    ("rules", "tensor", "embedding"),
)
# The light scorer reads the rules' verdicts, spaCy's own doc.tensor and the bag of the
# encoder's input word-piece vectors: no transformer pass, so a one-sentence check and a
# batch of thousands can afford it.
LIGHT_FEATURE_SETS: tuple[tuple[str, ...], ...] = (
    ("rules", "tensor"),
    ("rules", "wordpiece"),
    ("rules", "tensor", "wordpiece"),
)
L2S = (300.0, 30.0, 3.0)  # on a tie the stronger penalty wins
WEIGHTS = (0.0, 0.55, 0.6, 0.7, 0.8, 0.9, 1.0)  # 0: rules only; 1: the model alone
# the blend's cut-off; 0.5 first, so on a tie the symmetric blend wins
THRESHOLDS = (0.5, 0.45, 0.55, 0.4, 0.6)
MIN_GAIN = 0.005  # a criterion uses the model only if CV accuracy rises by at least this
MIN_ROWS = 20  # fewer labelled tuning rows of a criterion (or one class only): rules only
# Rules fit the rows they were written from, so cross-validation on those rows flatters the
# rules against a model. Rows marked ``unseen_by_rules`` (a blind batch no rule has been
# written from yet) judge whether a criterion uses the model, once it has this many of them.
MIN_JUDGE = 100


@dataclass
class Parsed:
    """Rows with what the scorer reads: the rule report, doc.tensor mean, the sentence
    embedding and the mean word-piece vector."""

    rows: list[dict[str, Any]]
    reports: list[Any]
    tensors: Any  # np.ndarray (n, 96)
    embeddings: Any  # np.ndarray (n, 384)
    wordpieces: Any  # np.ndarray (n, 384)


def sha256_file(path: str | Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def parse(rows: list[dict[str, Any]], log: Callable[[str], None] = print) -> Parsed:
    """Check every row as its labelled kind, keeping the parse's tensor; encode every text
    and take its word-piece vector."""
    import numpy as np

    from drafting import engine
    from drafting.learned import tensor_feature
    from drafting.models.encoder import encode
    from drafting.models.wordpiece import vectors

    nlp, ruleset = engine._nlp(), engine._rules()
    reports, tensors = [], []
    texts = [r["text"] for r in rows]
    for doc, row in zip(nlp.pipe(texts, batch_size=64), rows, strict=True):
        reports.append(engine.report_for(row["text"], doc, row["kind"], ruleset,
                                         id=str(row["id"])))
        tensors.append(tensor_feature(doc))
    log(f"train: parsed {len(rows)} statements; encoding them")
    emb = encode(texts)
    return Parsed(rows, reports, np.stack(tensors) if tensors else np.zeros((0, 96)), emb,
                  vectors(texts))


def _oof(X: Any, y: Any, l2s: Sequence[float], seeds: Sequence[int], k: int) -> dict:
    """Out-of-fold P(met) for each ``l2`` (largest first, each fit starting from the last),
    one row per CV repeat."""
    import numpy as np

    from drafting.models.scorer import fit, folds

    out = {l2: np.zeros((len(seeds), len(y))) for l2 in l2s}
    for r, seed in enumerate(seeds):
        for test in folds(len(y), k, seed):
            train = np.setdiff1d(np.arange(len(y)), test)
            model = None
            for l2 in sorted(l2s, reverse=True):
                model = fit(X[train], y[train], l2, init=model)
                out[l2][r, test] = model.predict_proba(X[test])
    return out


def _blend_acc(p: Any, rule: Any, y: Any, w: float, t: float = 0.5) -> float:
    pred = w * p + (1 - w) * rule >= t
    return float((pred == (y > 0.5)).mean())


def judged_rows(y: Any, judge: Any | None) -> Any:
    """The rows a choice is judged on: the rule-unseen ones when there are at least
    ``MIN_JUDGE`` of them with both verdicts among their labels, else every row."""
    import numpy as np

    every = np.ones(len(y), dtype=bool)
    if judge is None or judge.sum() < MIN_JUDGE or len(set(y[judge].tolist())) < 2:
        return every
    return judge.astype(bool)


def select(X_by_set: dict[tuple[str, ...], Any], rule: Any, y: Any,
           seed: int = SEED, feature_sets: Sequence[tuple[str, ...]] = FEATURE_SETS,
           judge: Any | None = None) -> dict[str, Any]:
    """Cross-validate every (feature set, l2, weight, threshold) on the tuning rows of one
    criterion. Models are fitted on every row; the accuracies that decide are taken on the
    rows ``judge`` marks (see ``judged_rows``)."""
    import numpy as np

    on = judged_rows(y, judge)
    rules_acc = float(((rule[on] > 0.5) == (y[on] > 0.5)).mean()) if len(y) else 0.0
    best: dict[str, Any] = {"features": (), "l2": 0.0, "weight": 0.0, "threshold": 0.5,
                            "cv_model": rules_acc}
    judged = int(on.sum()) if len(y) and not on.all() else None
    if len(y) < MIN_ROWS or len(set(y.tolist())) < 2:
        return {**best, "cv_rules": rules_acc, "n": len(y), "cv_model_alone": None,
                "judged_on": judged, "cv_rules_every_row": rules_acc,
                "cv_model_every_row": rules_acc}
    k = min(FOLDS, int(min(y.sum(), len(y) - y.sum())), len(y))
    seeds = [seed + 1000 * r for r in range(REPEATS)]
    alone = 0.0
    oof = {fs: _oof(X_by_set[fs], y, L2S, seeds, max(k, 2)) for fs in feature_sets}
    for fs, l2 in itertools.product(feature_sets, L2S):
        p = [pr[on] for pr in oof[fs][l2]]
        alone = max(alone, float(np.mean([_blend_acc(pr, rule[on], y[on], 1.0) for pr in p])))
        for w, t in itertools.product(WEIGHTS[1:], THRESHOLDS):
            acc = float(np.mean([_blend_acc(pr, rule[on], y[on], w, t) for pr in p]))
            if acc >= rules_acc + MIN_GAIN and acc > best["cv_model"] + 1e-12:
                best = {"features": fs, "l2": l2, "weight": w, "threshold": t,
                        "cv_model": acc}
    # the same choice over every row, for the overall summary and the on-by-default test
    every_rules = float(((rule > 0.5) == (y > 0.5)).mean())
    every_model = every_rules if not best["features"] else float(np.mean(
        [_blend_acc(pr, rule, y, best["weight"], best["threshold"])
         for pr in oof[best["features"]][best["l2"]]]))
    return {**best, "cv_rules": rules_acc, "n": len(y), "cv_model_alone": alone,
            "judged_on": judged, "cv_rules_every_row": every_rules,
            "cv_model_every_row": every_model}


def fit_bundle(parsed: Parsed, seed: int = SEED, log: Callable[[str], None] = print,
               feature_sets: Sequence[tuple[str, ...]] = FEATURE_SETS) -> Any:
    """Choose and fit each criterion's scorer on the ``tune`` rows; CV figures in meta."""
    import numpy as np

    from drafting.learned import feature_matrix
    from drafting.models.scorer import Bundle, CriterionModel, fit

    criteria: dict[str, CriterionModel] = {}
    cv: dict[str, Any] = {}
    for kind, names in KINDS.items():
        idx = [i for i, r in enumerate(parsed.rows)
               if r.get("split") == "tune" and r["kind"] == kind]
        reports = [parsed.reports[i] for i in idx]
        X_by_set = {fs: feature_matrix(fs, reports, parsed.tensors[idx],
                                       parsed.embeddings[idx], parsed.wordpieces[idx])
                    if idx else np.zeros((0, 0)) for fs in feature_sets}
        for name in names:
            key = f"{kind}.{name}"
            have = [j for j, i in enumerate(idx)
                    if parsed.rows[i]["labels"].get(name) is not None]
            y = np.array([float(parsed.rows[idx[j]]["labels"][name]) for j in have])
            rule = np.array([float(reports[j].criterion(name).passed) for j in have])
            unseen = np.array([bool(parsed.rows[idx[j]].get("unseen_by_rules")) for j in have],
                              dtype=bool)
            Xs = {fs: X[have] for fs, X in X_by_set.items()}
            choice = select(Xs, rule, y, seed, feature_sets, judge=unseen)
            cv[key] = {k: (list(v) if isinstance(v, tuple) else v) for k, v in choice.items()}
            model = None
            if choice["weight"] > 0:
                model = fit(Xs[choice["features"]], y, choice["l2"])
            criteria[key] = CriterionModel(key, tuple(choice["features"]), choice["weight"],
                                           choice["l2"], model, choice["threshold"])
            used = (f"model weight {choice['weight']}, threshold {choice['threshold']}, "
                    f"{'+'.join(choice['features'])}, l2 {choice['l2']:g}"
                    if model else "rules only")
            judged = (f", judged on {choice['judged_on']} rule-unseen rows"
                      if choice["judged_on"] else "")
            log(f"train: {key:40} CV rules {choice['cv_rules']:.3f} -> "
                f"{choice['cv_model']:.3f} ({used}{judged})")
    return Bundle(criteria=criteria, neighbours={}, meta={"cv": cv})


def neighbours(parsed: Parsed) -> dict[str, Any]:
    """Per kind: the statements labelled met on every criterion, with their embeddings."""
    out = {}
    for kind in KINDS:
        idx = [i for i, r in enumerate(parsed.rows) if r["kind"] == kind
               and r["labels"] and all(v is True for v in r["labels"].values())]
        out[kind] = ([{"id": str(parsed.rows[i]["id"]), "text": parsed.rows[i]["text"]}
                      for i in idx], parsed.embeddings[idx])
    return out


@dataclass
class Comparison:
    """Rules-only and rules-plus-model tallies over the same statements."""

    rules: dict[str, Tally] = field(default_factory=dict)
    model: dict[str, Tally] = field(default_factory=dict)
    rules_hard: Tally = field(default_factory=Tally)
    model_hard: Tally = field(default_factory=Tally)
    statements: int = 0
    changed: int = 0  # verdicts the model changed
    skipped: int = 0  # rows that could not be checked (empty, too long)

    def overall(self, which: str) -> Tally:
        return overall(getattr(self, which))

    def to_dict(self) -> dict[str, Any]:
        def pair(a: Tally, b: Tally) -> dict[str, Any]:
            return {"rules": a.to_dict(), "rules+model": b.to_dict()}

        return {"statements": self.statements, "changed_verdicts": self.changed,
                "skipped": self.skipped,
                "criteria": {k: pair(self.rules[k], self.model[k]) for k in sorted(self.rules)},
                "overall": pair(self.overall("rules"), self.overall("model")),
                "hard": pair(self.rules_hard, self.model_hard)}


def overall(tallies: dict[str, Tally]) -> Tally:
    total = Tally()
    for t in tallies.values():
        total.tp, total.fp, total.tn, total.fn = (total.tp + t.tp, total.fp + t.fp,
                                                  total.tn + t.tn, total.fn + t.fn)
    return total


def tally(rows: Sequence[dict[str, Any]], before: Sequence[Any],
          after: Sequence[Any]) -> Comparison:
    """Score rule reports and blended reports against the labels, as ``drafting eval`` does
    (a statement judged as another kind counts every label wrong)."""
    res = Comparison(statements=len(rows))
    for row, a, b in zip(rows, before, after, strict=True):
        for name, label in row["labels"].items():
            if label is None or name not in KINDS[row["kind"]]:
                continue
            key = f"{row['kind']}.{name}"
            for which, rep, hard in (("rules", a, res.rules_hard),
                                     ("model", b, res.model_hard)):
                verdict = rep.criterion(name).passed if rep.kind == row["kind"] else not label
                getattr(res, which).setdefault(key, Tally()).add(verdict, label)
                if row.get("hard"):
                    hard.add(verdict, label)
            if a.kind == row["kind"]:
                res.changed += a.criterion(name).passed != b.criterion(name).passed
    return res


def compare(rows: list[dict[str, Any]], *, path: str | Path | None = None,
            kind_override: str | None = None, rules: Iterable[str] = ()) -> Comparison:
    """Check ``rows`` once and score the rules alone and the rules with the trained model."""
    from drafting import learned
    from drafting.engine import Item, ItemError

    items = [Item(str(r["id"]), kind_override or r["kind"], r["text"]) for r in rows]
    ok, before, after = [], [], []
    for row, out in zip(rows, learned.check_pairs(items, rules=rules, path=path), strict=True):
        if isinstance(out, ItemError):
            continue
        ok.append(row)
        before.append(out[0])
        after.append(out[1])
    res = tally(ok, before, after)
    res.skipped = len(rows) - len(ok)
    return res


def format_comparison(res: Comparison) -> str:
    """Per criterion: n, rules-only accuracy, rules-plus-model accuracy and the change."""
    lines = [f"{'criterion':44} {'n':>4}  {'rules':>6} {'+model':>7} {'change':>7}"]
    rows = [(k, res.rules[k], res.model[k]) for k in sorted(res.rules)]
    rows += [("overall", res.overall("rules"), res.overall("model")),
             ("hard cases", res.rules_hard, res.model_hard)]
    for k, a, b in rows:
        lines.append(f"{k:44} {a.n:>4}  {a.accuracy:6.3f} {b.accuracy:7.3f} "
                     f"{b.accuracy - a.accuracy:+7.3f}")
    lines.append(f"the model changed {res.changed} verdicts"
                 + (f"; {res.skipped} statements could not be checked" if res.skipped else ""))
    return "\n".join(lines)


def train(corpus: str | Path, out: str | Path | None = None, *, seed: int = SEED,
          log: Callable[[str], None] = print, light: bool = False) -> dict[str, Any]:
    """Fit on ``tune``, write the artefact, then measure on ``heldout`` once; the summary."""
    import numpy as np

    from drafting import learned
    from drafting.models import encoder
    from drafting.models.scorer import Bundle

    feature_sets = LIGHT_FEATURE_SETS if light else FEATURE_SETS
    out = Path(out or (learned.light_path() if light else learned.artefact_path())
               ).with_suffix(".npz")
    rows = read_labelled(corpus)
    if not any(r.get("split") == "tune" for r in rows):
        raise ValueError(f"{corpus}: no statements in the 'tune' split to train on")
    parsed = parse(rows, log)
    bundle = fit_bundle(parsed, seed, log, feature_sets)
    bundle.neighbours = {} if light else neighbours(parsed)
    tune = [i for i, r in enumerate(rows) if r.get("split") == "tune"]
    cv = bundle.meta["cv"]
    n = sum(c["n"] for c in cv.values())
    bundle.meta.update({
        "seed": seed, "folds": FOLDS, "repeats": REPEATS, "min_gain": MIN_GAIN,
        "feature_sets": [list(f) for f in feature_sets], "l2_grid": list(L2S),
        "light": light,
        "weight_grid": list(WEIGHTS),
        "threshold_grid": list(THRESHOLDS),
        "corpus": Path(corpus).name, "corpus_sha256": sha256_file(corpus),
        "tune_statements": len(tune),
        "encoder": encoder.PACKAGE, "encoder_weights_sha256": encoder.weights_sha256(),
        "cv_overall": {
            "rules": round(sum(c["cv_rules_every_row"] * c["n"] for c in cv.values())
                           / max(n, 1), 4),
            "rules+model": round(sum(c["cv_model_every_row"] * c["n"] for c in cv.values())
                                 / max(n, 1), 4)},
    })
    for c in cv.values():
        for k in ("cv_rules", "cv_model", "cv_model_alone", "cv_rules_every_row",
                  "cv_model_every_row"):
            if c.get(k) is not None:
                c[k] = round(c[k], 4)
    # The choices are frozen above. Now, once, the held-out split, through the saved file.
    held = [i for i, r in enumerate(rows) if r.get("split") == "heldout"]
    bundle.meta["heldout"] = None
    # on by default only if the blend beats the rules in cross-validation on the tuning split:
    # the held-out split below reports, it never decides
    bundle.meta["default_on"] = (bundle.meta["cv_overall"]["rules+model"]
                                 > bundle.meta["cv_overall"]["rules"])
    bundle.save(out)
    learned._bundles.pop(str(out), None)
    saved = Bundle.load(out)
    res = None
    if held:
        before = [parsed.reports[i] for i in held]
        after = learned.apply(saved, before, [rows[i]["text"] for i in held],
                              tensors=parsed.tensors[held],
                              embeddings=np.asarray(parsed.embeddings[held]),
                              wordpieces=np.asarray(parsed.wordpieces[held]))
        res = tally([rows[i] for i in held], before, after)
        d = res.to_dict()
        bundle.meta["heldout"] = {"statements": len(held), "changed_verdicts": res.changed,
                                  "overall": {k: v["accuracy"] for k, v in d["overall"].items()},
                                  "criteria": {key: {k: v["accuracy"] for k, v in c.items()}
                                               for key, c in d["criteria"].items()}}
        bundle.save(out)
    learned._bundles.pop(str(out), None)
    learned._meta.cache_clear()
    return {"path": str(out), "meta": bundle.meta, "heldout": res}
