"""L2-regularised logistic regression in numpy, and the saved bundle of per-criterion scorers.

Why not scikit-learn: one small, exactly reproducible model per criterion does not justify
scipy and scikit-learn in every install. Newton's method on the penalised log-likelihood
converges in a few steps at this size (hundreds of rows, a few hundred features) and has no
randomness, so the same data gives the same weights on every machine.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # no overflow warnings for large |z|


@dataclass
class LogReg:
    """Standardise, then a linear score through a sigmoid: P(criterion met)."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    bias: float

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        Z = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        return _sigmoid(Z @ self.coef + self.bias)


def fit(X: np.ndarray, y: np.ndarray, l2: float = 10.0, max_iter: int = 50,
        tol: float = 1e-7, init: LogReg | None = None) -> LogReg:
    """Fit by Newton's method; the bias is not penalised.

    Columns are standardised on this data (constant columns get scale 1), so one ``l2``
    suits features of any unit. ``init`` (a fit on the same rows) starts from its weights:
    cross-validation over several ``l2`` converges in fewer steps.
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2 or len(X) != len(y) or not len(y):
        raise ValueError("X must be (n, d) and y (n,) with n > 0")
    mean = X.mean(0)
    scale = X.std(0)
    scale[scale < 1e-12] = 1.0
    Z = np.hstack([(X - mean) / scale, np.ones((len(X), 1))])
    d = Z.shape[1]
    penalty = np.full(d, float(l2))
    penalty[-1] = 0.0
    w = np.zeros(d) if init is None else np.append(init.coef, init.bias)
    for _ in range(max_iter):
        p = _sigmoid(Z @ w)
        grad = Z.T @ (p - y) + penalty * w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < tol:
            break
    return LogReg(mean=mean, scale=scale, coef=w[:-1], bias=float(w[-1]))


def folds(n: int, k: int, seed: int) -> list[np.ndarray]:
    """``k`` disjoint test-index arrays covering ``range(n)``, shuffled by a fixed seed."""
    perm = np.random.default_rng(seed).permutation(n)
    return [np.sort(perm[i::k]) for i in range(k)]


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Like ``np.savez_compressed`` but byte-for-byte reproducible: fixed entry order and
    timestamps, so retraining on the same corpus leaves the committed file unchanged."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            buf = io.BytesIO()
            np.lib.format.write_array(buf, np.ascontiguousarray(arrays[name]),
                                      allow_pickle=False)
            zf.writestr(info, buf.getvalue())


@dataclass
class CriterionModel:
    """One criterion's scorer and how far it may overrule the rule."""

    key: str  # "kind.criterion"
    features: tuple[str, ...]  # feature groups, in order (see drafting.learned)
    weight: float  # p = weight * p_model + (1 - weight) * rule verdict; 0 = rules only
    l2: float
    model: LogReg | None
    threshold: float = 0.5  # met when the blend reaches it; CV may move it off 0.5


@dataclass
class Bundle:
    """Everything ``drafting train`` writes: scorers, neighbour index and metadata."""

    criteria: dict[str, CriterionModel]
    neighbours: dict[str, tuple[list[dict[str, str]], np.ndarray]]  # kind -> (rows, vectors)
    meta: dict[str, Any] = field(default_factory=dict)
    # set on loading the light scorer (``drafting.learned.Cascade``): the criteria it hands
    # to the full scorer when unsure; never saved
    defer: Any = field(default=None, compare=False, repr=False)

    def save(self, path: str | Path) -> tuple[Path, Path]:
        """Write ``path`` (.npz: arrays) and ``path`` with .json (settings, metadata, texts)."""
        path = Path(path).with_suffix(".npz")
        arrays: dict[str, np.ndarray] = {}
        crit: dict[str, Any] = {}
        for key, cm in sorted(self.criteria.items()):
            crit[key] = {"features": list(cm.features), "weight": cm.weight, "l2": cm.l2,
                         "threshold": cm.threshold,
                         "bias": cm.model.bias if cm.model else None}
            if cm.model is not None:
                arrays[f"{key}.mean"] = cm.model.mean.astype(np.float32)
                arrays[f"{key}.scale"] = cm.model.scale.astype(np.float32)
                arrays[f"{key}.coef"] = cm.model.coef.astype(np.float32)
        neigh: dict[str, Any] = {}
        for kind, (rows, vecs) in sorted(self.neighbours.items()):
            neigh[kind] = rows
            arrays[f"neighbours.{kind}"] = vecs.astype(np.float16)
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_npz(path, arrays)
        doc = {"meta": self.meta, "criteria": crit, "neighbours": neigh}
        jpath = path.with_suffix(".json")
        jpath.write_text(json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True) + "\n",
                         encoding="utf-8")
        return path, jpath

    @classmethod
    def load(cls, path: str | Path) -> Bundle:
        path = Path(path).with_suffix(".npz")
        doc = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        with np.load(path) as arrays:
            criteria = {}
            for key, c in doc["criteria"].items():
                model = None
                if c["bias"] is not None:
                    model = LogReg(mean=arrays[f"{key}.mean"].astype(np.float64),
                                   scale=arrays[f"{key}.scale"].astype(np.float64),
                                   coef=arrays[f"{key}.coef"].astype(np.float64),
                                   bias=float(c["bias"]))
                criteria[key] = CriterionModel(key, tuple(c["features"]), float(c["weight"]),
                                               float(c["l2"]), model,
                                               float(c.get("threshold", 0.5)))
            neighbours = {kind: (rows, arrays[f"neighbours.{kind}"].astype(np.float32))
                          for kind, rows in doc["neighbours"].items()}
        return cls(criteria=criteria, neighbours=neighbours, meta=doc["meta"])
