"""Rewrite latency per statement: ``drafting.rewrite.suggest`` against ``drafting.check``
and a bare spaCy parse of the same texts, in one process.

Run from the repository root::

    python benchmarks/bench_rewrite.py [--limit N] [--rounds R] [--json]

A suggestion is a check plus edits, the template, a second plain-words pass and the fact
check (two more parses of the rewrite). Machines here are shared and noisy: the ratios
against the check and the bare parse in the same run are the figures to compare; the
milliseconds are printed against the issue's bar (median under 150 ms without the model).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_check import DEFAULT_CORPUS, load_rows  # noqa: E402

BAR_MS = 150.0


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def measure(rows: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    from drafting import check
    from drafting.engine import _nlp
    from drafting.rewrite import suggest

    nlp = _nlp()
    for r in rows[:20]:  # warm-up: load, parse, fill the caches
        suggest(r["text"], r["kind"])
    sides = {
        "bare": lambda r: nlp(r["text"]),
        "check": lambda r: check(r["text"], r["kind"]),
        "rewrite": lambda r: suggest(r["text"], r["kind"]),
    }
    times: dict[str, list[float]] = {k: [] for k in sides}
    totals: dict[str, list[float]] = {k: [] for k in sides}
    for n in range(rounds):
        round_t = {k: 0.0 for k in sides}
        for i, r in enumerate(rows):
            order = list(sides) if (i + n) % 2 == 0 else list(reversed(sides))
            for name in order:  # interleaved, so noise hits every side alike
                t0 = time.perf_counter()
                sides[name](r)
                dt = time.perf_counter() - t0
                round_t[name] += dt
                if n == rounds - 1:
                    times[name].append(dt * 1000)
        for k in sides:
            totals[k].append(round_t[k])
    out: dict[str, Any] = {"statements": len(rows), "rounds": rounds}
    for k, ms in times.items():
        out[k] = {"median_ms": statistics.median(ms), "p95_ms": _pct(ms, 0.95),
                  "max_ms": max(ms), "total_s": statistics.median(totals[k])}
    out["rewrite_over_check"] = out["rewrite"]["total_s"] / out["check"]["total_s"]
    out["rewrite_over_bare"] = out["rewrite"]["total_s"] / out["bare"]["total_s"]
    out["bar_ms"] = BAR_MS
    out["pass"] = out["rewrite"]["median_ms"] < BAR_MS
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    p.add_argument("--limit", type=int, default=None, metavar="N")
    p.add_argument("--rounds", type=int, default=1, metavar="R")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    rows = load_rows(args.corpus, args.limit)
    res = measure(rows, max(1, args.rounds))
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"rewrite latency over {res['statements']} corpus statements "
          f"({res['rounds']} round(s); per-statement figures from the last)")
    print(f"{'':<10}{'median':>10}{'p95':>10}{'max':>10}{'total':>10}")
    for k in ("bare", "check", "rewrite"):
        f = res[k]
        print(f"{k:<10}{f['median_ms']:>8.1f}ms{f['p95_ms']:>8.1f}ms{f['max_ms']:>8.1f}ms"
              f"{f['total_s']:>9.1f}s")
    print(f"rewrite / check {res['rewrite_over_check']:.2f}; rewrite / bare parse "
          f"{res['rewrite_over_bare']:.2f}")
    print(f"Bar: rewrite median under {BAR_MS:.0f} ms without the model: "
          f"{'PASS' if res['pass'] else 'FAIL'} ({res['rewrite']['median_ms']:.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
