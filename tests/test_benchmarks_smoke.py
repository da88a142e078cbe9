"""Smoke test for the benchmark scripts: they run and return well-formed figures (no timing)."""

from __future__ import annotations

import importlib.util
import json
import numbers
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_bench_{name}", BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("bench_check")


@pytest.fixture(scope="module")
def results(bench: ModuleType) -> dict[str, Any]:
    rows = bench.load_rows(limit=10)
    assert len(rows) == 10
    return bench.run_all(rows, rounds=1)


def _positive(x: object) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, bool) and x > 0


def test_top_level_keys(results: dict[str, Any]) -> None:
    for key in ("corpus_statements", "rounds", "single", "batch", "latency_ms", "memory", "bar"):
        assert key in results
    assert results["corpus_statements"] == 10
    assert results["rounds"] == 1


@pytest.mark.parametrize("pattern", ["single", "batch"])
def test_ratios_positive(results: dict[str, Any], pattern: str) -> None:
    part = results[pattern]
    for key in ("bare_s", "check_s", "ratio"):
        assert _positive(part[key]), (pattern, key, part[key])
    assert len(part["round_ratios"]) == 1
    assert all(_positive(r) for r in part["round_ratios"])


def test_batch_size_matches_check_many(bench: ModuleType, results: dict[str, Any]) -> None:
    assert results["batch"]["batch_size"] == bench.default_batch_size() > 0


def test_latency_and_memory(results: dict[str, Any]) -> None:
    for side in ("bare", "check"):
        lat = results["latency_ms"][side]
        assert set(lat) == {"median", "p95", "max"}
        assert all(_positive(v) for v in lat.values())
        mem = results["memory"][side]
        assert _positive(mem["tracemalloc_peak_mib"]) and _positive(mem["maxrss_mib"])


def test_bar_and_report(bench: ModuleType, results: dict[str, Any]) -> None:
    bar = results["bar"]
    assert isinstance(bar["single_pass"], bool) and isinstance(bar["batch_pass"], bool)
    text = bench.format_report(results)
    assert "single-check ratio" in text and "batch ratio" in text
    json.dumps(results)  # --json must be able to print it


def test_cold_start_commands_are_well_formed() -> None:
    cold = _load("bench_cold_start")
    cmds = cold.commands()
    assert len(cmds) == 8 and all(isinstance(c, list) and c for c in cmds.values())
    kinds = {c[c.index("--kind") + 1] for c in cmds.values() if "--kind" in c}
    assert kinds == {"danger", "safety_goal", "harm", "auto"}
    assert len(cold.check_labels(cmds)) == 5
    assert any("--model" not in c for label, c in cmds.items() if "check" in label)
    compile(cold.MODULES_SCRIPT, "<modules>", "exec")
    compile(cold.PHASES_SCRIPT, "<phases>", "exec")


def test_bench_rewrite_runs():
    mod = _load("bench_rewrite")
    rows = mod.load_rows(limit=6)
    res = mod.measure(rows, rounds=1)
    assert res["statements"] == 6
    for side in ("bare", "check", "rewrite"):
        assert _positive(res[side]["median_ms"]) and _positive(res[side]["p95_ms"])
    assert _positive(res["rewrite_over_check"]) and isinstance(res["pass"], bool)


def test_model_modes_pick_their_scorer(bench: ModuleType) -> None:
    """``--model light`` times the light scorer, not the full one nor the rules alone."""
    from drafting import learned
    from drafting.engine import check as rules_check

    text = "Social workers are worried that Dad hits Mia when he drinks."
    assert bench.checkers("off")[0] is rules_check
    light = bench.checkers("light")[0](text, kind="danger")
    assert light == learned.check(text, kind="danger", model=True, path=learned.light_path())
    assert bench.checkers(True)[0].keywords == {"model": True, "path": learned.artefact_path()}
    assert bench.checkers("light")[0].keywords["path"] == learned.light_path()
    with pytest.raises(ValueError, match="off, on or light"):
        bench.checkers("fast")
    rows = bench.load_rows(limit=3)
    res = bench.run_all(rows, rounds=1, model="light")
    assert res["model"] == "light"
    assert "rules + light scorer" in bench.format_report(res)
