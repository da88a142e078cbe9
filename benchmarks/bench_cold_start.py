"""Cold-start wall times of the interpreter, spaCy and the ``drafting`` command, in fresh processes.

Run from the repository root::

    python benchmarks/bench_cold_start.py [--runs N] [--json]

Each command runs once unmeasured (so the files are in the OS page cache, as they are for a
user who has run anything before), then ``--runs`` times (default 5); the median is reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BAR_S = 2.0  # every one-sentence check must answer within this from a cold start
SENTENCE = "Nan is worried that Dad hits Amy when he drinks."
# One sentence per kind. The harm sentence is one the light scorer is unsure of, so the
# cascade also loads the full scorer and the sentence encoder: the slowest single check.
KIND_SENTENCES = {
    "safety_goal": "Mum will make sure Amy gets to school on time every day for six months.",
    "harm": "Ollie presented with poor hygiene and unkempt appearance, indicative of chronic "
            "neglect.",
    "auto": SENTENCE,
}
HEAVY = ("torch", "transformers", "textstat", "nltk")
MODULES_SCRIPT = (  # the command as a user runs it: the light scorer on (the default)
    "import contextlib, io, sys\n"
    "from drafting.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()):\n"
    f"    main(['check', '--kind', 'danger', {SENTENCE!r}])\n"
    f"print(sorted(m for m in {HEAVY!r} if sys.modules.get(m) is not None))\n"
)
PHASES_SCRIPT = (
    "import json, time\n"
    "t = [time.perf_counter()]\n"
    "import drafting.engine as e\n"
    "t.append(time.perf_counter())\n"
    "e._nlp()\n"
    "t.append(time.perf_counter())\n"
    "e._rules()\n"
    "t.append(time.perf_counter())\n"
    f"e.check({SENTENCE!r}, kind='danger')\n"
    "t.append(time.perf_counter())\n"
    f"e.check({SENTENCE!r}, kind='danger')\n"
    "t.append(time.perf_counter())\n"
    "print(json.dumps([b - a for a, b in zip(t, t[1:])]))\n"
)
PHASES = ("import drafting.engine", "load spaCy pipeline", "load rules", "first check",
          "second check")


def drafting_command() -> list[str]:
    """The installed console script next to this interpreter, else ``python -m drafting.cli``."""
    script = Path(sys.executable).parent / ("drafting.exe" if os.name == "nt" else "drafting")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "drafting.cli"]


def commands() -> dict[str, list[str]]:
    """The commands to time, by label."""
    drafting = drafting_command()
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import spacy'": [sys.executable, "-c", "import spacy"],
        "drafting check --kind danger ...": [*drafting, "check", "--kind", "danger", SENTENCE],
        "drafting check --model off ...": [*drafting, "check", "--model", "off", "--kind",
                                           "danger", SENTENCE],
        **{f"drafting check --kind {kind} ...": [*drafting, "check", "--kind", kind, text]
           for kind, text in KIND_SENTENCES.items()},
        "drafting --help": [*drafting, "--help"],
    }


def check_labels(timings: dict[str, Any]) -> list[str]:
    """The one-sentence check commands: the bar is on the slowest of them."""
    return [label for label in timings if label.startswith("drafting check")]


def time_command(cmd: list[str], runs: int = 5, ok: tuple[int, ...] = (0,)) -> dict[str, Any]:
    """Wall time of ``cmd`` in fresh subprocesses: one unmeasured run, then ``runs`` timed."""
    times: list[float] = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        if proc.returncode not in ok:
            raise RuntimeError(f"{cmd!r} exited {proc.returncode}: {proc.stderr.strip()[-500:]}")
        if i:
            times.append(elapsed)
    return {"median_s": statistics.median(times), "min_s": min(times), "max_s": max(times),
            "runs_s": times}


def heavy_modules() -> list[str]:
    """Which of torch, transformers, textstat, nltk are loaded after ``drafting check``."""
    proc = subprocess.run([sys.executable, "-c", MODULES_SCRIPT], capture_output=True,
                          text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1].replace("'", '"'))


def phases(runs: int = 5) -> dict[str, float]:
    """Median seconds of each start-up phase inside one fresh process, over ``runs`` processes."""
    samples: list[list[float]] = []
    for _ in range(runs):
        proc = subprocess.run([sys.executable, "-c", PHASES_SCRIPT], capture_output=True,
                              text=True, check=True)
        samples.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return {name: statistics.median(s[i] for s in samples) for i, name in enumerate(PHASES)}


def run_all(runs: int = 5) -> dict[str, Any]:
    """Time every command and look for heavy modules; the figures as a dict."""
    timings: dict[str, Any] = {}
    for label, cmd in commands().items():
        # check exits 1 when some criterion fails: that is still an answer.
        ok = (0, 1) if " check " in f" {' '.join(cmd)} " else (0,)
        timings[label] = {"command": cmd, **time_command(cmd, runs, ok)}
    check_s = timings["drafting check --kind danger ..."]["median_s"]
    slowest = max(check_labels(timings), key=lambda label: timings[label]["median_s"])
    slowest_s = timings[slowest]["median_s"]
    loaded = heavy_modules()
    return {
        "runs": runs,
        "python": sys.executable,
        "timings": timings,
        "heavy_modules_after_check": loaded,
        "check_phases_s": phases(runs),
        "bar": {"limit_s": BAR_S, "check_s": check_s, "slowest_check": slowest,
                "slowest_check_s": slowest_s, "check_pass": slowest_s < BAR_S,
                "no_heavy_modules": not loaded},
    }


def format_report(res: dict[str, Any]) -> str:
    """A plain-text summary of the figures."""
    lines = [f"cold start: median of {res['runs']} fresh processes (after one unmeasured run)",
             "", f"{'command':<36}{'median':>9}{'min':>9}{'max':>9}"]
    for label, t in res["timings"].items():
        lines.append(f"{label:<36}{t['median_s']:>8.2f}s{t['min_s']:>8.2f}s{t['max_s']:>8.2f}s")
    bar = res["bar"]
    loaded = res["heavy_modules_after_check"]
    lines += ["", "where a cold check's time goes (in-process timers, median of "
              f"{res['runs']} more fresh processes):"]
    for name, sec in res["check_phases_s"].items():
        lines.append(f"  {name:<34}{sec:>8.2f}s")
    lines += [
        "",
        f"heavy modules in sys.modules after a check ({', '.join(HEAVY)}): "
        f"{', '.join(loaded) if loaded else 'none'}",
        "",
        f"Bar: a one-sentence check answers in under {BAR_S:.0f} seconds from a cold start",
        f"  danger sentence {bar['check_s']:.2f} s; slowest ({bar['slowest_check']}) "
        f"{bar['slowest_check_s']:.2f} s: {'PASS' if bar['check_pass'] else 'FAIL'}",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, measure, print; exit 1 on a failed bar only with ``--strict``."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=5, metavar="N",
                   help="timed runs per command; the median is reported (default 5)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--strict", action="store_true", help="exit 1 if the bar is not met")
    args = p.parse_args(argv)
    if args.runs < 1:
        p.error("--runs must be at least 1")
    res = run_all(args.runs)
    print(json.dumps(res, indent=2) if args.json else format_report(res))
    passed = res["bar"]["check_pass"] and res["bar"]["no_heavy_modules"]
    return 0 if passed or not args.strict else 1


if __name__ == "__main__":
    sys.exit(main())
