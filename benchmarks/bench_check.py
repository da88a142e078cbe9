"""How much a full ``drafting.check`` costs over a bare spaCy parse, measured in one process.

Run from the repository root::

    python benchmarks/bench_check.py [--repeat N] [--corpus PATH] [--json]

Machines are shared and noisy, so the bar is a ratio against a bare parse of the same texts
in the same process, never an absolute time. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import json
import os
import platform
import pstats
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpus" / "examples" / "statements.jsonl"
BAR = 1.5  # check may cost at most this many times the bare parse
MIB = 1024 * 1024

Row = dict[str, Any]


# --- set-up ------------------------------------------------------------------------------


def load_rows(path: Path | str = DEFAULT_CORPUS, limit: int | None = None) -> list[Row]:
    """Read the corpus rows that can be checked (valid kind and text), up to ``limit``."""
    from drafting.kinds import KIND_CHOICES
    from drafting.textinput import InputError, validate

    rows: list[Row] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            try:
                validate(row.get("text"))
            except InputError:
                continue
            if row.get("kind") not in KIND_CHOICES:
                continue
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows


def default_batch_size() -> int:
    """The batch size ``check_many`` uses when none is given."""
    from drafting.engine import check_many

    return int(inspect.signature(check_many).parameters["batch_size"].default)


def warm_up(rows: Sequence[Row]) -> Any:
    """Load the pipeline and rules, parse a few texts and run one check; return the nlp."""
    from drafting.engine import _nlp, _rules, check

    nlp = _nlp()
    _rules()
    for row in rows[:5]:
        nlp(row["text"])
    check(rows[0]["text"], kind=rows[0]["kind"])
    return nlp


def _maxrss_mib() -> float:
    """Process peak resident set size so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024


def _summary_ms(seconds: Sequence[float]) -> dict[str, float]:
    """Median, 95th percentile and maximum of per-statement times, in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return {"median": statistics.median(ms), "p95": p95, "max": ms[-1]}


def _median_round(totals: Sequence[float]) -> int:
    """Index of the median round (the lower middle one for an even count)."""
    order = sorted(range(len(totals)), key=lambda i: totals[i])
    return order[(len(order) - 1) // 2]


# --- measurements ------------------------------------------------------------------------


def _mode(model: bool | str) -> str:
    """``off`` (the rules alone), ``light`` (the light scorer) or ``on`` (the full one)."""
    from drafting.learned import MODES

    mode = ("on" if model else "off") if isinstance(model, bool) else model
    if mode not in MODES:
        raise ValueError(f"model must be off, on or light, not {model!r}")
    return mode


def checkers(model: bool | str = False) -> tuple[Callable[..., Any], Callable[..., Any]]:
    """(check, check_many): the rules alone (``drafting.check``, the API default); with
    ``model`` on, the full scorer (it also runs the sentence encoder); with ``light``, the
    light scorer (no transformer pass: what ``drafting check`` runs by default)."""
    mode = _mode(model)
    if mode == "off":
        from drafting.engine import check, check_many

        return check, check_many
    from functools import partial

    from drafting import learned

    path = learned.mode_path(mode)
    return (partial(learned.check, model=True, path=path),
            partial(learned.check_many, model=True, path=path))


def measure_single(rows: Sequence[Row], nlp: Any, rounds: int = 3,
                   model: bool | str = False) -> dict[str, Any]:
    """One call per statement: ``check(text, kind)`` against ``nlp(text)``, interleaved.

    Each statement is parsed bare and checked back to back, the order flipping every statement
    and every round, so noise and ordering hit both sides alike. Totals are per round; the
    median round's totals and per-statement latencies are reported.
    """
    check, _ = checkers(model)
    check(rows[0]["text"], kind=rows[0]["kind"])  # the scorer loads once, outside the timing
    clock = time.perf_counter
    bare_rounds: list[list[float]] = []
    check_rounds: list[list[float]] = []
    for r in range(rounds):
        bare_t: list[float] = []
        check_t: list[float] = []
        for i, row in enumerate(rows):
            text, kind = row["text"], row["kind"]
            if (i + r) % 2 == 0:
                t0 = clock()
                nlp(text)
                t1 = clock()
                check(text, kind=kind)
                t2 = clock()
                bare_t.append(t1 - t0)
                check_t.append(t2 - t1)
            else:
                t0 = clock()
                check(text, kind=kind)
                t1 = clock()
                nlp(text)
                t2 = clock()
                check_t.append(t1 - t0)
                bare_t.append(t2 - t1)
        bare_rounds.append(bare_t)
        check_rounds.append(check_t)

    bare_totals = [sum(t) for t in bare_rounds]
    check_totals = [sum(t) for t in check_rounds]
    bare_s, check_s = statistics.median(bare_totals), statistics.median(check_totals)
    return {
        "statements": len(rows),
        "rounds": rounds,
        "bare_s": bare_s,
        "check_s": check_s,
        "ratio": check_s / bare_s,
        "bare_rounds_s": bare_totals,
        "check_rounds_s": check_totals,
        "round_ratios": [c / b for b, c in zip(bare_totals, check_totals, strict=True)],
        "latency_ms": {
            "check": _summary_ms(check_rounds[_median_round(check_totals)]),
            "bare": _summary_ms(bare_rounds[_median_round(bare_totals)]),
        },
    }


def _run_bare_batch(rows: Sequence[Row], nlp: Any, batch_size: int) -> list[Any]:
    return list(nlp.pipe((row["text"] for row in rows), batch_size=batch_size))


def _run_check_batch(rows: Sequence[Row], batch_size: int, model: bool | str = False) -> list[Any]:
    from drafting.engine import Item, ItemError

    _, check_many = checkers(model)
    items = (Item(row.get("id"), row["kind"], row["text"]) for row in rows)
    out = list(check_many(items, batch_size=batch_size))
    errors = [o for o in out if isinstance(o, ItemError)]
    if errors:
        raise RuntimeError(f"{len(errors)} statements could not be checked: {errors[0]}")
    return out


def measure_batch(rows: Sequence[Row], nlp: Any, rounds: int = 3,
                  batch_size: int | None = None, model: bool | str = False) -> dict[str, Any]:
    """``list(check_many(...))`` against ``list(nlp.pipe(...))``, alternating each round."""
    size = default_batch_size() if batch_size is None else batch_size
    runs: dict[str, Callable[[], list[Any]]] = {
        "bare": lambda: _run_bare_batch(rows, nlp, size),
        "check": lambda: _run_check_batch(rows, size, model),
    }
    totals: dict[str, list[float]] = {"bare": [], "check": []}
    for r in range(rounds):
        for name in (("bare", "check") if r % 2 == 0 else ("check", "bare")):
            t0 = time.perf_counter()
            runs[name]()
            totals[name].append(time.perf_counter() - t0)
    bare_s, check_s = statistics.median(totals["bare"]), statistics.median(totals["check"])
    return {
        "statements": len(rows),
        "rounds": rounds,
        "batch_size": size,
        "bare_s": bare_s,
        "check_s": check_s,
        "ratio": check_s / bare_s,
        "bare_rounds_s": totals["bare"],
        "check_rounds_s": totals["check"],
        "round_ratios": [c / b for b, c in zip(totals["bare"], totals["check"], strict=True)],
    }


def measure_memory(rows: Sequence[Row], nlp: Any,
                   batch_size: int | None = None) -> dict[str, Any]:
    """Peak Python allocations (tracemalloc) and process peak RSS for each batch pass.

    The bare pass runs first: ru_maxrss only ever grows, so the check pass's figure is the
    peak of both. Each result list is dropped before the next pass.
    """
    size = default_batch_size() if batch_size is None else batch_size
    out: dict[str, Any] = {"maxrss_before_mib": _maxrss_mib()}
    passes: list[tuple[str, Callable[[], list[Any]]]] = [
        ("bare", lambda: _run_bare_batch(rows, nlp, size)),
        ("check", lambda: _run_check_batch(rows, size)),
    ]
    for name, run in passes:
        tracemalloc.start()
        tracemalloc.reset_peak()
        result = run()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del result
        out[name] = {"tracemalloc_peak_mib": peak / MIB, "maxrss_mib": _maxrss_mib()}
    out["note"] = ("bare pass ran first; ru_maxrss only grows, so the check figure is the "
                   "process peak after both")
    return out


def profile_check(rows: Sequence[Row], top: int = 15) -> list[dict[str, Any]]:
    """cProfile one single-check pass; the top entries by cumulative time from this repo."""
    from drafting.engine import check

    prof = cProfile.Profile()
    prof.enable()
    for row in rows:
        check(row["text"], kind=row["kind"])
    prof.disable()
    stats = pstats.Stats(prof)
    venv = str(REPO / ".venv")
    entries = []
    for (filename, lineno, func), (_cc, ncalls, tottime, cumtime, _callers) in (
        stats.stats.items()  # type: ignore[attr-defined]
    ):
        if not filename.startswith(str(REPO)) or filename.startswith(venv):
            continue
        if filename == str(Path(__file__).resolve()):
            continue
        entries.append({
            "where": f"{Path(filename).relative_to(REPO)}:{lineno}({func})",
            "ncalls": ncalls,
            "tottime_s": tottime,
            "cumtime_s": cumtime,
        })
    entries.sort(key=lambda e: e["cumtime_s"], reverse=True)
    return entries[:top]


def environment() -> dict[str, Any]:
    """What the figures were measured on."""
    import spacy

    from drafting.models.nlp import pipeline_info

    return {
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pipeline": pipeline_info(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
    }


def run_all(rows: Sequence[Row], rounds: int = 3,
            batch_size: int | None = None, model: bool | str = False) -> dict[str, Any]:
    """Warm up, then memory (bare first), single-check and batch timings; figures as a dict."""
    t0 = time.perf_counter()
    nlp = warm_up(rows)
    load_s = time.perf_counter() - t0
    rss_loaded = _maxrss_mib()
    # Memory first: it needs the lowest ru_maxrss baseline, and parsing every text once also
    # fills the vocabulary, so neither timed side pays for new lexemes.
    memory = measure_memory(rows, nlp, batch_size)
    memory["maxrss_after_load_mib"] = rss_loaded
    single = measure_single(rows, nlp, rounds, model)
    batch = measure_batch(rows, nlp, rounds, batch_size, model)
    return {
        "model": _mode(model),
        "corpus_statements": len(rows),
        "rounds": rounds,
        "load_and_warm_up_s": load_s,
        "single": single,
        "batch": batch,
        "latency_ms": single["latency_ms"],
        "memory": memory,
        "bar": {
            "limit": BAR,
            "single_ratio": single["ratio"],
            "batch_ratio": batch["ratio"],
            "single_pass": single["ratio"] <= BAR,
            "batch_pass": batch["ratio"] <= BAR,
        },
    }


# --- output ------------------------------------------------------------------------------


def format_report(res: dict[str, Any]) -> str:
    """A plain-text summary table of the figures."""
    s, b, m, lat = res["single"], res["batch"], res["memory"], res["latency_ms"]
    env = res.get("environment", {})
    pipe = env.get("pipeline", {})
    verdict = {True: "PASS", False: "FAIL"}
    rr = ", ".join(f"{x:.2f}" for x in s["round_ratios"])
    br = ", ".join(f"{x:.2f}" for x in b["round_ratios"])
    lines = [
        f"drafting benchmark: {res['corpus_statements']} statements, {res['rounds']} rounds "
        "(median round reported); check = "
        + {"on": "rules + full scorer", "light": "rules + light scorer"}.get(
            str(res.get("model")), "rules alone"),
    ]
    if env:
        lines.append(f"  Python {env['python']}, spaCy {env['spacy']}, pipeline "
                     f"{pipe.get('name', '?')} {pipe.get('version', '?')}, {env['cpus']} CPUs")
    lines.append(f"  load and warm-up (excluded from timings): {res['load_and_warm_up_s']:.2f} s")
    lines += [
        "",
        f"{'pattern':<28}{'bare parse':>12}{'check':>12}{'ratio':>8}  per-round ratios",
        f"{'single (one call each)':<28}{s['bare_s']:>11.2f}s{s['check_s']:>11.2f}s"
        f"{s['ratio']:>8.2f}  {rr}",
        f"{'batch (pipe, size ' + str(b['batch_size']) + ')':<28}{b['bare_s']:>11.2f}s"
        f"{b['check_s']:>11.2f}s{b['ratio']:>8.2f}  {br}",
        "",
        f"{'latency per statement (ms)':<28}{'median':>10}{'p95':>10}{'max':>10}",
    ]
    for name in ("bare", "check"):
        x = lat[name]
        label = "bare nlp(text)" if name == "bare" else "check(text, kind)"
        lines.append(f"{label:<28}{x['median']:>10.1f}{x['p95']:>10.1f}{x['max']:>10.1f}")
    lines += [
        "",
        f"{'memory, batch pass':<28}{'tracemalloc peak':>18}{'peak RSS':>12}",
        f"{'bare nlp.pipe (run first)':<28}{m['bare']['tracemalloc_peak_mib']:>14.1f} MiB"
        f"{m['bare']['maxrss_mib']:>8.0f} MiB",
        f"{'check_many':<28}{m['check']['tracemalloc_peak_mib']:>14.1f} MiB"
        f"{m['check']['maxrss_mib']:>8.0f} MiB",
        f"  peak RSS after loading: {m['maxrss_after_load_mib']:.0f} MiB. "
        "The bare pass runs first because ru_maxrss only grows:",
        "  the check figure is the process peak after both passes.",
        "",
        f"Bar: check costs at most {BAR}x the bare parse in both patterns",
        f"  single-check ratio {s['ratio']:.2f}: {verdict[res['bar']['single_pass']]}",
        f"  batch ratio        {b['ratio']:.2f}: {verdict[res['bar']['batch_pass']]}",
    ]
    if "profile" in res:
        lines += ["", "Top entries by cumulative time in this repository (one check pass):",
                  f"{'cumtime s':>10}{'tottime s':>10}{'ncalls':>9}  where"]
        for e in res["profile"]:
            lines.append(f"{e['cumtime_s']:>10.3f}{e['tottime_s']:>10.3f}{e['ncalls']:>9}  "
                         f"{e['where']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, measure, print; exit 1 on a failed bar only with ``--strict``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=3, metavar="N",
                   help="rounds per measurement; the median round is reported (default 3)")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), metavar="PATH",
                   help="JSONL with kind and text per line (default: the labelled corpus)")
    p.add_argument("--limit", type=int, metavar="N", help="use only the first N statements")
    p.add_argument("--batch-size", type=int, metavar="N",
                   help="batch size for both batch passes (default: check_many's default)")
    p.add_argument("--profile", action="store_true",
                   help="also cProfile a check pass and list the top 15 entries from drafting")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 if a ratio is over the bar")
    p.add_argument("--model", choices=["on", "off", "light"], default="off",
                   help="off (default): drafting.check, the rules alone; light: the "
                        "light scorer, as `drafting check` runs by default (no transformer "
                        "pass); on: the full scorer (with the sentence encoder)")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")

    rows = load_rows(args.corpus, args.limit)
    if not rows:
        p.error(f"{args.corpus}: no statements that can be checked")
    res = run_all(rows, args.repeat, args.batch_size, model=args.model)
    res["environment"] = environment()
    if args.profile:
        res["profile"] = profile_check(rows)
    print(json.dumps(res, indent=2) if args.json else format_report(res))
    passed = res["bar"]["single_pass"] and res["bar"]["batch_pass"]
    return 0 if passed or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
