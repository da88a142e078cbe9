"""``drafting eval``: per-criterion accuracy, precision and recall against labels.

Precision and recall are for ``passed`` (a criterion met). Labels of ``null`` are skipped.
The naive baseline runs on the same statements, so the margin the parse buys is visible,
overall and on the statements marked ``hard``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.baseline import baseline_verdicts
from drafting.engine import Item, check_many
from drafting.kinds import KINDS
from drafting.report import Report


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def accuracy(self) -> float:
        return (self.tp + self.tn) / self.n if self.n else 0.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"n": self.n, "accuracy": round(self.accuracy, 4),
                "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


@dataclass
class Result:
    engine: dict[str, Tally] = field(default_factory=dict)
    baseline: dict[str, Tally] = field(default_factory=dict)
    engine_hard: Tally = field(default_factory=Tally)
    baseline_hard: Tally = field(default_factory=Tally)
    # with the learned scorer: the rules alone, on the same statements, for the margin
    rules_alone: dict[str, Tally] = field(default_factory=dict)
    rules_alone_hard: Tally = field(default_factory=Tally)
    model: str = "off"
    kind_correct: int = 0
    kind_total: int = 0
    statements: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    mistakes: list[dict[str, Any]] = field(default_factory=list)

    def overall(self, which: str) -> Tally:
        total = Tally()
        for t in getattr(self, which).values():
            total.tp += t.tp
            total.fp += t.fp
            total.tn += t.tn
            total.fn += t.fn
        return total

    def to_dict(self) -> dict[str, Any]:
        def parts(engine: Tally, base: Tally, alone: Tally | None) -> dict[str, Any]:
            out = {"engine": engine.to_dict(), "baseline": base.to_dict()}
            if alone is not None:
                out["rules_alone"] = alone.to_dict()
            return out

        with_alone = bool(self.rules_alone)
        return {
            "statements": self.statements,
            "model": self.model,
            "criteria": {
                k: parts(self.engine[k], self.baseline[k],
                         self.rules_alone[k] if with_alone else None)
                for k in sorted(self.engine)
            },
            "overall": parts(self.overall("engine"), self.overall("baseline"),
                             self.overall("rules_alone") if with_alone else None),
            "hard": parts(self.engine_hard, self.baseline_hard,
                          self.rules_alone_hard if with_alone else None),
            "kind_detection": {"correct": self.kind_correct, "total": self.kind_total},
            "errors": self.errors,
        }


def read_labelled(path: str | Path, split: str | None = None) -> list[dict[str, Any]]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "text" not in row or "labels" not in row:
                raise ValueError(f"{path}:{n}: needs 'text' and 'labels'")
            if row.get("kind") not in KINDS:
                raise ValueError(f"{path}:{n}: 'kind' must be one of {', '.join(KINDS)}")
            if not isinstance(row["labels"], dict) or not all(
                v is None or isinstance(v, bool) for v in row["labels"].values()
            ):
                raise ValueError(f"{path}:{n}: 'labels' must map criteria to true, false or null")
            if split and row.get("split") != split:
                continue
            row.setdefault("id", f"line-{n}")
            rows.append(row)
    counts = Counter(str(r["id"]) for r in rows)
    dupes = sorted(i for i, c in counts.items() if c > 1)
    if dupes:
        raise ValueError(f"{path}: ids must be unique; repeated: {', '.join(dupes[:5])}")
    return rows


def _verdicts(row: dict[str, Any], out: Report) -> dict[str, bool]:
    if out.kind != row["kind"]:
        # judged as another kind: every labelled criterion counts as wrong
        return {c: not v for c, v in row["labels"].items() if v is not None}
    return {c.name: c.passed for c in out.criteria}


def _labelled(row: dict[str, Any]) -> Iterator[tuple[str, str, bool]]:
    """(criterion, "kind.criterion", label) for each label that counts (not null)."""
    for name, label in row["labels"].items():
        if label is not None and name in KINDS[row["kind"]]:
            yield name, f"{row['kind']}.{name}", label


def _scored(pairs: Iterable[Any], by_id: dict[str, dict[str, Any]],
            res: Result) -> Iterator[Any]:
    """Tally each pair's rules-alone report into ``res``; pass on the scorer's report."""
    for out in pairs:
        if not isinstance(out, tuple):
            yield out  # an error record
            continue
        alone, scored = out
        row = by_id[alone.id]
        verdicts = _verdicts(row, alone)
        for name, key, label in _labelled(row):
            res.rules_alone.setdefault(key, Tally()).add(verdicts[name], label)
            if row.get("hard"):
                res.rules_alone_hard.add(verdicts[name], label)
        yield scored


def evaluate(rows: list[dict[str, Any]], *, kind_override: str | None = None,
             rules: Iterable[str] = (), model: str = "off") -> Result:
    """Score the checker against the labels. ``model`` is how ``drafting check`` is run:
    "light" or "on" (rules plus the light or full learned scorer) or "off" (the rules
    alone); with a scorer, the rules alone are scored beside it on the same statements."""
    res = Result(model=model)

    items = (Item(str(r["id"]), kind_override or r["kind"], r["text"]) for r in rows)
    by_id = {str(r["id"]): r for r in rows}
    if model == "off":
        checked: Iterable[Any] = check_many(items, rules=rules)
    else:
        from drafting import learned

        path = learned.mode_path(model)
        checked = _scored(learned.check_pairs(items, rules=rules, path=path), by_id, res)
    for out in checked:
        if not isinstance(out, Report):
            res.errors.append(out.to_dict())
            continue
        row = by_id[out.id]
        res.statements += 1
        if kind_override == "auto":
            res.kind_total += 1
            res.kind_correct += out.kind == row["kind"]
        verdicts = _verdicts(row, out)
        base = baseline_verdicts(row["text"], KINDS[row["kind"]])
        for name, key, label in _labelled(row):
            res.engine.setdefault(key, Tally()).add(verdicts[name], label)
            res.baseline.setdefault(key, Tally()).add(base[name], label)
            if row.get("hard"):
                res.engine_hard.add(verdicts[name], label)
                res.baseline_hard.add(base[name], label)
            if verdicts[name] != label:
                crit = next((c for c in out.criteria if c.name == name), None)
                res.mistakes.append({"id": out.id, "criterion": key, "label": label,
                                     "message": crit.message if crit else "",
                                     "text": row["text"]})
    return res


def format_table(res: Result) -> str:
    """One line per criterion: the checker, then (with a scorer) the rules alone, then the
    naive baseline."""
    alone = bool(res.rules_alone)
    lines = [f"{'criterion':44} {'n':>4}  {'acc':>6} {'prec':>6} {'rec':>6}   "
             + (f"{'rules':>6}   " if alone else "")
             + f"{'base acc':>8} {'prec':>6} {'rec':>6}"]
    rows = [(key, res.engine[key], res.baseline[key], res.rules_alone.get(key))
            for key in sorted(res.engine)]
    rows += [("overall", res.overall("engine"), res.overall("baseline"),
              res.overall("rules_alone")),
             ("hard cases", res.engine_hard, res.baseline_hard, res.rules_alone_hard)]
    for key, e, b, r in rows:
        lines.append(f"{key:44} {e.n:>4}  {e.accuracy:6.3f} {e.precision:6.3f} {e.recall:6.3f}"
                     + (f"   {r.accuracy if r else 0.0:6.3f}" if alone else "")
                     + f"   {b.accuracy:8.3f} {b.precision:6.3f} {b.recall:6.3f}")
    if res.kind_total:
        lines.append(f"kind detection (auto): {res.kind_correct}/{res.kind_total} correct")
    if res.errors:
        lines.append(f"{len(res.errors)} statements could not be checked")
    return "\n".join(lines)
