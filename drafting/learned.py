"""The learned scorer, blended with the rules: features, the blend, and checks that use it.

Why a blend and not a replacement: the rules say *which words* decide a verdict, and a
reader needs that. The scorer (logistic regression per criterion, trained by ``drafting
train`` on the corpus's tuning split) only moves a verdict where cross-validation showed it
helps, and only when it is confident enough to outweigh the rule:
``p = weight * p_model + (1 - weight) * rule`` (rule is 1 or 0), met when ``p`` reaches the
criterion's threshold (0.5 unless cross-validation chose 0.4 to 0.6: overruling a failing
rule may then need less or more confidence than overruling a passing one).
An overruled verdict keeps the rule's evidence and says that the scorer overruled it and how
sure it was.

The encoder runs in numpy (``drafting.models.minilm``) and loads only when a scorer that
reads embeddings runs; the light scorer reads only the encoder's input table through the
word pieces (``drafting.models.wordpiece``), never its transformer pass. The plain
``drafting.check`` never comes here.
"""

from __future__ import annotations

import json
import math
import os
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafting.kinds import KINDS
from drafting.report import CriterionResult, Report

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Doc

    from drafting.engine import Item, ItemError
    from drafting.models.scorer import Bundle

CATEGORIES = ("acronym", "jargon", "vague_label", "blaming_label", "hedged", "agentless",
              "passive", "readability", "input")
# feature groups a criterion's scorer may use; "wordpiece" is the near-free bag of the
# encoder's input vectors (drafting.models.wordpiece), "embedding" its full transformer pass
GROUPS = ("rules", "tensor", "wordpiece", "embedding")

# What to do when the scorer, not the rule, finds a criterion unmet (the rule had no fix to
# offer, since it thought the criterion met).
FIXES = {
    "worried_person_attribution": "Say who holds the worry, by name or role: “Amy's teacher "
                                  "and her Nan are worried that…”.",
    "behavioural_specificity": "Say what people do, as someone watching would see it, with "
                               "when, how often or to whom.",
    "consequences": "Say what could happen to the child if nothing changes, concretely: "
                    "“Amy could be badly hurt”.",
    "plain_language": "Use everyday words a parent would use, and short sentences.",
    "positive_framing": "Say what will be happening, not only what will stop.",
    "who_needs_to_see": "Name who needs to see or check it: “Nan and the school will see…”.",
    "timeframe": "Say for how long or by when: “for the next six months”.",
    "impact_on_child": "Say what it did to the child: what they showed, said or suffered.",
    "safety_goal.behavioural_specificity": "Name the things people will do, in the situations "
                                           "where the danger arises: “When Mum has been "
                                           "drinking, she rings Nan, who collects Kai.”",
    "harm.behavioural_specificity": "Say what happened, who did it, and when: “Last Tuesday, "
                                    "Dad left Remy alone in the car for two hours.”",
}


class ScorerMissing(RuntimeError):
    """No trained artefact; the message says to run ``drafting train``."""


def artefact_path() -> Path:
    """The trained artefact: ``$DRAFTING_SCORER`` if set, else the one packaged in
    ``drafting.models`` (where ``drafting train`` writes by default)."""
    import drafting.models

    if os.environ.get("DRAFTING_SCORER"):
        return Path(os.environ["DRAFTING_SCORER"]).with_suffix(".npz")
    return Path(drafting.models.__file__).resolve().parent / "trained" / "learned.npz"


def light_path() -> Path:
    """The light scorer (rules, doc.tensor and word-piece vectors; no transformer pass):
    ``drafting train --light``."""
    return artefact_path().with_name("learned_light.npz")


# How ``drafting check --model`` runs: "light", the default, reads the parse and word-piece
# vectors only, with no transformer pass (the one within the speed bar, and within a label
# or two of the full scorer on held-out statements); "on" is the full scorer (it also runs
# the sentence encoder); "off" is the rules alone.
MODES = ("on", "light", "off")
DEFAULT_MODE = "light"


def mode_path(mode: str) -> Path | None:
    """The artefact a mode reads; None for "off" (the rules alone)."""
    if mode not in MODES:
        raise ValueError(f"unknown model mode {mode!r}: use one of {', '.join(MODES)}")
    return {"light": light_path(), "on": artefact_path(), "off": None}[mode]


@lru_cache(maxsize=4)
def _meta(path: str) -> dict[str, Any]:
    jpath = Path(path).with_suffix(".json")
    try:
        return json.loads(jpath.read_text(encoding="utf-8"))["meta"]
    except FileNotFoundError:
        raise ScorerMissing(f"No trained scorer at {jpath}: run `drafting train` first.") \
            from None


def default_on(path: str | Path | None = None) -> bool:
    """Whether the model is on unless the caller says otherwise: ``drafting train`` sets it
    by cross-validation on the tuning split, on only if rules plus model beat the rules. Reads the
    metadata only (no torch); False when there is no artefact."""
    try:
        return bool(_meta(str(path or artefact_path())).get("default_on", False))
    except ScorerMissing:
        return False


_lock = threading.RLock()
_bundles: dict[str, Bundle] = {}


def load_scorer(path: str | Path | None = None) -> Bundle:
    """The trained bundle, loaded once per path; a light scorer comes with its ``Cascade``."""
    from drafting.models.scorer import Bundle

    key = str(Path(path or artefact_path()).with_suffix(".npz"))
    with _lock:
        if key not in _bundles:
            if not Path(key).exists():
                raise ScorerMissing(f"No trained scorer at {key}: run `drafting train` first.")
            bundle = Bundle.load(key)
            bundle.defer = cascade_for(bundle, Path(key).with_name(artefact_path().name))
            _bundles[key] = bundle
        return _bundles[key]


# --- the cascade: the light scorer hands its unsure cases to the full one ---------------

# The accuracy bar's floor for any one criterion.
FLOOR = 0.90
# How close to its threshold the light scorer's blended score must be for it to count as
# unsure. Chosen once on out-of-fold cross-validation of the tuning split's rule-unseen
# rows (the smallest band that matched the full scorer there; README, *Learned scorer*).
DEFER_BAND = 0.15


@dataclass(frozen=True)
class Cascade:
    """Criteria on which the light scorer, unsure of a statement, defers to the full one.

    Why: the light scorer skips the sentence encoder to stay within the speed bar, and on
    most criteria loses nothing by it. Where cross-validation puts it under the floor and
    the full scorer above it, the encoder runs only for the statements the light scorer is
    unsure of (its blended score within ``band`` of its threshold), so a batch pays for a
    few encoder passes rather than one per statement.
    """

    full_path: Path
    keys: frozenset[str]  # "kind.criterion"
    band: float = DEFER_BAND

    def full(self) -> Bundle:
        """The full scorer, loaded on first need (a sure statement never loads it)."""
        return load_scorer(self.full_path)

    def unsure(self, key: str, rule: bool, p: float, weight: float, threshold: float) -> bool:
        score = weight * p + (1 - weight) * (1.0 if rule else 0.0)
        return key in self.keys and abs(score - threshold) < self.band


def cascade_for(light: Bundle, full_path: Path) -> Cascade | None:
    """The cascade of a light bundle (None for a full one, or with no full artefact beside
    it): the criteria whose light cross-validated accuracy is under ``FLOOR`` while the
    full scorer's is higher, both as ``drafting train`` recorded them."""
    if not light.meta.get("light") or not full_path.exists():
        return None
    full_cv = _meta(str(full_path)).get("cv", {})
    keys = frozenset(
        key for key, cv in light.meta.get("cv", {}).items()
        if key in full_cv and key in light.criteria and light.criteria[key].weight > 0
        and cv.get("cv_model") is not None and cv["cv_model"] < FLOOR
        and (full_cv[key].get("cv_model") or 0.0) > cv["cv_model"]
        and full_cv[key].get("weight", 0) > 0)
    return Cascade(full_path, keys) if keys else None


# --- features ----------------------------------------------------------------------------


def rule_features(report: Report) -> list[float]:
    """What the rules saw, as numbers: verdicts and evidence counts for each criterion of the
    kind, findings by category, and sentence shape."""
    out: list[float] = []
    for name in KINDS[report.kind]:
        c = report.criterion(name)
        out += [1.0 if c.passed else 0.0, math.log1p(len(c.evidence))]
    counts = dict.fromkeys(CATEGORIES, 0)
    for f in report.findings:
        if f.category in counts:
            counts[f.category] += 1
    out += [math.log1p(counts[c]) for c in CATEGORIES]
    r = report.readability
    out += [math.log1p(r.words), math.log1p(r.sentences), r.longest_sentence_length / 40,
            r.avg_sentence_length / 20, min(max(r.flesch_kincaid_grade, -5.0), 30.0) / 10,
            1.0 if r.reliable else 0.0]
    return out


def tensor_feature(doc: Doc) -> np.ndarray:
    """Mean of the parser's own token vectors (``doc.tensor``): free once the text is parsed."""
    import numpy as np

    t = doc.tensor
    if t is None or not len(t) or t.ndim != 2:
        return np.zeros(96, dtype=np.float32)
    return np.asarray(t, dtype=np.float32).mean(0)


def feature_matrix(groups: Sequence[str], reports: Sequence[Report],
                   tensors: np.ndarray | None, embeddings: np.ndarray | None,
                   wordpieces: np.ndarray | None = None) -> np.ndarray:
    """Columns of the named groups, in order, one row per report (all of one kind)."""
    import numpy as np

    parts = []
    for g in groups:
        if g == "rules":
            parts.append(np.array([rule_features(r) for r in reports], dtype=np.float64))
        elif g == "tensor":
            assert tensors is not None
            parts.append(np.asarray(tensors, dtype=np.float64))
        elif g == "embedding":
            assert embeddings is not None
            parts.append(np.asarray(embeddings, dtype=np.float64))
        elif g == "wordpiece":
            assert wordpieces is not None
            parts.append(np.asarray(wordpieces, dtype=np.float64))
        else:
            raise ValueError(f"unknown feature group {g!r}")
    return np.hstack(parts)


# --- the blend ---------------------------------------------------------------------------


def blended(rule: bool, p_model: float, weight: float, threshold: float = 0.5) -> bool:
    """The verdict: met when ``weight * p_model + (1 - weight) * rule >= threshold``."""
    return weight * p_model + (1 - weight) * (1.0 if rule else 0.0) >= threshold


def overrule(c: CriterionResult, p_model: float, verdict: bool,
             kind: str = "") -> CriterionResult:
    """The rule's result with the learned verdict, saying why, keeping the evidence."""
    if verdict == c.passed:
        return c
    how = (f"The learned scorer overruled the rules: it puts the chance that this criterion is "
           f"met at {p_model:.0%}.")
    msg = f"{how} (The rules said: {c.message})"
    if verdict:
        return replace(c, passed=True, message=msg)
    fix = c.fix or FIXES.get(f"{kind}.{c.name}") or FIXES.get(c.name, "")
    return replace(c, passed=False, message=msg, fix=fix)


def needs(bundle: Bundle, kind: str) -> set[str]:
    """Feature groups the active scorers of this kind use."""
    return {g for name in KINDS[kind]
            for cm in [bundle.criteria.get(f"{kind}.{name}")]
            if cm is not None and cm.model is not None and cm.weight > 0 for g in cm.features}


def probabilities(bundle: Bundle, reports: Sequence[Report], texts: Sequence[str],
                  docs: Sequence[Doc] | None = None, *, tensors: np.ndarray | None = None,
                  embeddings: np.ndarray | None = None,
                  wordpieces: np.ndarray | None = None) -> list[dict[str, float]]:
    """P(met) for each active criterion of each report: one encoder batch for all of them.

    ``docs`` (or their ``tensors``) are needed when a scorer reads the parse; ``embeddings``
    and ``wordpieces`` are computed here from ``texts`` when not given.
    """
    import numpy as np

    out: list[dict[str, float]] = [{} for _ in reports]
    want = set().union(*(needs(bundle, r.kind) for r in reports)) if reports else set()
    if "embedding" in want and embeddings is None:
        from drafting.models.encoder import encode

        embeddings = encode(list(texts))
    if "wordpiece" in want and wordpieces is None:
        from drafting.models.wordpiece import vectors

        wordpieces = vectors(texts)
    if "tensor" in want and tensors is None:
        if docs is None:
            raise ValueError("this scorer needs the parse (doc.tensor): pass the docs")
        tensors = np.stack([tensor_feature(d) for d in docs])
    for kind in KINDS:
        idx = [i for i, r in enumerate(reports) if r.kind == kind]
        if not idx:
            continue
        sub = [reports[i] for i in idx]
        for name in KINDS[kind]:
            cm = bundle.criteria.get(f"{kind}.{name}")
            if cm is None or cm.model is None or cm.weight <= 0:
                continue
            X = feature_matrix(cm.features, sub,
                               None if tensors is None else tensors[idx],
                               None if embeddings is None else embeddings[idx],
                               None if wordpieces is None else wordpieces[idx])
            for i, p in zip(idx, cm.model.predict_proba(X), strict=True):
                out[i][name] = float(p)
    return out


def apply(bundle: Bundle, reports: Sequence[Report], texts: Sequence[str],
          docs: Sequence[Doc] | None = None, *, tensors: np.ndarray | None = None,
          embeddings: np.ndarray | None = None,
          wordpieces: np.ndarray | None = None) -> list[Report]:
    """New reports with each active criterion's verdict blended; the rest untouched. A light
    bundle's unsure verdicts on its cascade's criteria come from the full scorer."""
    probs = probabilities(bundle, reports, texts, docs, tensors=tensors, embeddings=embeddings,
                          wordpieces=wordpieces)
    # per report: criterion -> (P(met), weight, threshold) of the scorer that decides it
    blend = [{name: (p, bundle.criteria[f"{r.kind}.{name}"].weight,
                     bundle.criteria[f"{r.kind}.{name}"].threshold) for name, p in ps.items()}
             for r, ps in zip(reports, probs, strict=True)]
    if bundle.defer is not None:
        _defer(bundle.defer, reports, texts, docs, tensors, blend)
    out = []
    for report, b in zip(reports, blend, strict=True):
        if not b:
            out.append(report)
            continue
        crits = tuple(
            overrule(c, b[c.name][0], blended(c.passed, *b[c.name]), report.kind)
            if c.name in b else c
            for c in report.criteria)
        out.append(replace(report, criteria=crits))
    return out


def _defer(cascade: Cascade, reports: Sequence[Report], texts: Sequence[str],
           docs: Sequence[Doc] | None, tensors: np.ndarray | None,
           blend: list[dict[str, tuple[float, float, float]]]) -> None:
    """Replace, in ``blend``, the unsure verdicts of the cascade's criteria with the full
    scorer's: one encoder batch for the statements that have any."""
    unsure = {i: names for i, (r, b) in enumerate(zip(reports, blend, strict=True))
              if (names := [n for n in b if cascade.unsure(f"{r.kind}.{n}",
                                                           r.criterion(n).passed, *b[n])])}
    if not unsure:
        return
    todo = list(unsure)
    full = cascade.full()
    probs = probabilities(full, [reports[i] for i in todo], [texts[i] for i in todo],
                          None if docs is None else [docs[i] for i in todo],
                          tensors=None if tensors is None else tensors[todo])
    for i, ps in zip(todo, probs, strict=True):
        for name in unsure[i]:
            if name in ps:
                cm = full.criteria[f"{reports[i].kind}.{name}"]
                blend[i][name] = (ps[name], cm.weight, cm.threshold)


# --- checks with the model ---------------------------------------------------------------


def check(text: str, kind: str = "danger", *, rules: Iterable[str] = (),
          model: bool | None = None, path: str | Path | None = None) -> Report:
    """Like ``drafting.check``, with the learned scorer when ``model`` is True (None: the
    trained default, on only if it beat the rules in cross-validation)."""
    from drafting.engine import Item, ItemError

    (out,) = check_many([Item(None, kind, text)], rules=rules, model=model, path=path)
    if isinstance(out, ItemError):
        raise out.error
    return out


def check_many(items: Iterable[Item | ItemError], *, rules: Iterable[str] = (),
               batch_size: int = 64, model: bool | None = None,
               path: str | Path | None = None) -> Iterator[Report | ItemError]:
    """Like ``drafting.engine.check_many``; with the model, each batch is encoded at once."""
    from drafting import engine
    from drafting.engine import ItemError

    if not (default_on(path) if model is None else model):
        yield from engine.check_many(items, rules=rules, batch_size=batch_size)
        return
    for out in check_pairs(items, rules=rules, batch_size=batch_size, path=path):
        yield out if isinstance(out, ItemError) else out[1]


def check_pairs(items: Iterable[Item | ItemError], *, rules: Iterable[str] = (),
                batch_size: int = 64, path: str | Path | None = None
                ) -> Iterator[tuple[Report, Report] | ItemError]:
    """Each item's report from the rules alone and with the scorer blended in, from one
    parse, in input order: what ``drafting eval`` and ``drafting train`` compare."""
    from drafting import engine
    from drafting.engine import ItemError
    from drafting.textinput import MAX_CHARS, InputError, validate

    bundle = load_scorer(path)
    ruleset = engine._rules(rules)
    nlp = engine._nlp()

    def prepared() -> Iterator[tuple[str, Any]]:
        for item in items:
            if isinstance(item, ItemError):
                yield "", item
                continue
            try:
                engine._check_kind(item.kind)
                validate(item.text, max_chars=MAX_CHARS)
            except InputError as exc:
                yield "", ItemError(item.id, item.line, exc)
                continue
            yield item.text, item

    def flush(pending: list[tuple[Doc, Any]]) -> Iterator[tuple[Report, Report] | ItemError]:
        done = [(d, it) for d, it in pending if not isinstance(it, ItemError)]
        reports = [engine.report_for(it.text, d, it.kind, ruleset, id=it.id) for d, it in done]
        scored = apply(bundle, reports, [it.text for _, it in done], [d for d, _ in done])
        pairs = iter(zip(reports, scored, strict=True))
        for _, it in pending:
            yield it if isinstance(it, ItemError) else next(pairs)

    pending: list[tuple[Doc, Any]] = []
    for doc, item in nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size):
        pending.append((doc, item))
        if len(pending) >= batch_size:
            yield from flush(pending)
            pending = []
    yield from flush(pending)
