"""Smoke test for benchmarks/bench_encoder.py: it runs on a few statements (no timing bar)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_encoder.py"


def test_bench_encoder_runs_small():
    spec = importlib.util.spec_from_file_location("_bench_encoder", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    res = module.run_all(limit=12, single=2, runs=1)
    assert res["throughput"]["texts"] == 12 and res["throughput"]["encode_per_s"] > 0
    assert res["cold_load"]["load_model_s"] > 0
    assert res["check_with_model"]["single"]["n"] == 2
    assert res["check_with_model"]["batch"]["ratio"] > 0
    text = module.format_report(res)
    assert "statements/s" in text and "with the model" in text
