"""Case notes in bulk: words per second of ``check_notes`` against a bare ``nlp.pipe``, and
peak memory for a small and a large run.

Run from the repository root::

    python benchmarks/bench_notes.py [--notes N] [--rounds R] [--json] [--skip-workers]
        [--skip-single] [--skip-memory]

The notes are synthetic (invented names, seeded, generated in memory) and go through a
temporary JSONL file, so the measured run includes reading. Machines are shared and noisy,
so the throughput bar is a ratio against a bare parse in the same process and the same
worker setting, never an absolute rate. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_check import environment  # noqa: E402  (same figures as the check benchmark)

DEFAULT_NOTES = 20_000
SEED = 20_240_917
BATCH = 128
MIN_WORDS, MAX_WORDS = 50, 400
BAR = 0.7  # check_notes must reach at least this share of the bare parse's words/s
MEMORY_BAR = 1.10  # peak RSS of the larger run at most this many times the smaller one's
MIB = 1024 * 1024

# --- synthetic notes ---------------------------------------------------------------------
# Every name, team and school below is invented. Slots: {child} {sibling} {friend} {mum}
# {dad} {relative} {worker} {role} {team} {team2} {agency} {agency2} {school} {date}
# {date2} {time} {n}.

CHILDREN = ["Kayden", "Marnie", "Tobias", "Lacey", "Rhys", "Esme", "Darnell", "Poppy", "Zain",
            "Ffion", "Corey", "Aaliyah", "Brodie", "Imani", "Lenny", "Sienna", "Oskar", "Tilly"]
ADULTS = ["Shannon", "Craig", "Leanne", "Dwayne", "Kerry-Ann", "Marek", "Tasha", "Glen",
          "Bernadette", "Rafiq", "Jolene", "Stacey", "Wesley", "Gemma", "Liam", "Chantelle"]
SURNAMES = ["Ashcroft", "Bellamy", "Okonjo", "Pritchard", "Varga", "Whitlock", "Nowak",
            "Hollis", "Quayle", "Delaney", "Oduya", "Farrow", "Kellett", "Brannigan"]
WORKERS = ["Priya Sandhu", "Tom Ellery", "Grace Ndlovu", "Martin Coyle", "Hannah Fenwick",
           "Yusuf Demir", "Carys Pugh", "Deborah Lyle"]
ROLES = ["social worker", "family support worker", "health visitor", "school nurse",
         "designated safeguarding lead", "team manager", "IRO"]
TEAMS = ["Northfield Assessment Team", "Riverside Family Support", "East Locality Team",
         "Children with Disabilities Team", "MASH", "Early Help Hub", "Leaving Care Team",
         "Court Team"]
AGENCIES = ["the school", "the GP", "the police", "the health visiting service", "CAMHS",
            "the housing officer", "the substance misuse service", "the midwife", "IDVA"]
SCHOOLS = ["Hazel Grove Primary", "St Aldric's Academy", "Brookmead Nursery",
           "Castleford Road Juniors", "Ashdown High School"]
RELATIVES = ["Nan", "Grandad", "maternal grandmother", "Aunt {adult}", "Uncle {adult}"]

PLAIN = [
    "I visited the family home on {date} at {time}.",
    "{child} answered the door and showed me into the front room.",
    "{mum} said that {child} had slept well and eaten breakfast before school.",
    "The kitchen was clean and there was food in the fridge and the cupboards.",
    "{child} showed me some drawings from school and talked about a friend called {friend}.",
    "{sibling} was asleep upstairs for the whole visit.",
    "{dad} was not at home; {mum} said he was at work until six.",
    "{child}'s bedroom had a bed with clean sheets and a wardrobe with clothes in it.",
    "I spoke to {child} alone in the garden for about {n} minutes.",
    "{child} said that {dad} shouts when he has been drinking and that {child} hides upstairs.",
    "{mum} told me she has not seen {dad} since {date}.",
    "{school} rang to say that {child} had arrived late {n} times this term.",
    "We agreed that I would visit again on {date2}.",
    "{mum} asked for help with rent arrears and I gave her the number for the advice line.",
    "{child} was wearing a school uniform that looked clean and fitted well.",
    "There were {n} empty cans of lager on the kitchen table.",
    "{child} told me: \"I like it when {relative} picks me up from school.\"",
    "{worker} phoned {mum} to move the appointment to {date2}.",
    "{mum} cried when she talked about her own childhood.",
    "{child} has a new bike and wanted to show me how fast it goes.",
    "The front door lock is still broken and {mum} has reported it to the landlord.",
    "{relative} collected {sibling} from nursery at {time}.",
    "{child} said {child} was hungry and had not had tea the night before.",
    "I saw {child}'s reading book and we read two pages together.",
]
JARGON = [
    "{mum} presents as low in mood and is not engaging with services.",
    "There are ongoing safeguarding concerns in relation to DV between {mum} and {dad}.",
    "{child} presents as withdrawn and there is a risk of significant harm.",
    "{dad} has a history of DV and has been referred to the perpetrator programme.",
    "{mum} is engaging with services but her parenting capacity remains a key concern.",
    "The case was discussed at the core group meeting and the threshold for a CP plan is met.",
    "{mum} has been non-compliant with the safety plan and there are concerns regarding "
    "disguised compliance.",
    "{child} is known to CAMHS and the referral to the MASH was stepped down to Early Help.",
    "Home conditions were chaotic and there is evidence of neglect.",
    "{worker} will liaise with {agency} to facilitate supervised contact.",
    "Professionals need to maintain professional curiosity given the toxic trio of DV, "
    "substance misuse and mental health.",
    "{child}'s emotional wellbeing continues to be negatively impacted by exposure to DA.",
    "It is the view of the TAC that {mum} lacks insight into the impact on {child}'s "
    "development.",
    "{dad} is pre-contemplative regarding his alcohol use and has not attended appointments.",
    "{mum} needs to attend the parenting programme and abstain from cannabis use.",
    "{child} is a CIN and the plan will be reviewed at the next RCPC on {date2}.",
    "{dad} presents as hostile and is not engaging with the intervention.",
    "Robust safety planning is required to safeguard {child} and {sibling}.",
]
HEDGED = [
    "It appears that {dad} may possibly be staying at the property.",
    "{mum} seemed to be somewhat under the influence during the visit.",
    "There may be some concerns around {child}'s attendance at {school}.",
    "{dad} could potentially pose a risk to the children.",
    "It would seem that {child} is perhaps more settled at {relative}'s house.",
]
AGENTLESS = [
    "Concerns were raised about {child}'s attendance at {school}.",
    "It was reported that {child} had been left alone overnight on {date}.",
    "A referral was made to {team} on {date}.",
    "It is felt that {mum} is unable to keep {child} safe from {dad}.",
    "{child} was seen with a bruise on the left cheek.",
    "A decision was made to hold a strategy discussion.",
    "It is believed that {dad} has returned to the family home.",
    "The children were removed from the property and placed with {relative}.",
    "Concerns have been shared regarding the condition of the home.",
    "It was agreed that a section 47 enquiry would be completed.",
    "{sibling} was taken to A&E after a fall down the stairs.",
]
HEADERS = [
    "Home visit {date}, {worker} ({team}).",
    "Strategy meeting held on {date} with {agency}, {agency2} and {team}.",
    "Telephone call from {agency} at {time} on {date}.",
    "Case transferred from {team} to {team2} on {date}.",
    "Core group meeting {date}: attended by {mum}, {worker} ({role}) and {school}.",
    "Unannounced visit, {date}, {time}.",
    "Email from {school} received {date} and forwarded to {team}.",
]
CLAUSES = [
    "{mum} said that she had been up most of the night with {sibling}",
    "{child} had not eaten anything since lunchtime at school",
    "the police attended at {time} following a call from a neighbour",
    "concerns were raised by {agency} about the state of the home",
    "{dad} has said he will not work with {team} while {worker} is allocated",
    "{child} told {school} that {dad} had pushed {mum} against the kitchen door",
    "the family has moved {n} times in the last two years",
    "{mum} presents as anxious and finds it hard to engage with professionals",
    "{relative} has offered to have the children at weekends",
    "there is a long history of DV in previous relationships",
    "{child} is often the one who gets {sibling} ready for nursery",
    "it was noted that the electricity meter had run out again",
    "{mum} feels that {agency} have not listened to her",
    "{child} was described as tired and distracted in class",
    "{dad}'s drinking appears to have increased since he lost his job",
]
CONNECTORS = [" and ", " but ", " because ", ", although ", ", which meant that ",
              "; however, ", ", and since then "]
KINDS: list[tuple[list[str] | None, int]] = [
    (PLAIN, 45), (JARGON, 15), (HEDGED, 5), (AGENTLESS, 12), (None, 13), (HEADERS, 10),
]  # None: a long sentence joined from clauses


def _date_text(rng: random.Random, day: date) -> str:
    """A date written one of the ways case notes write them."""
    style = rng.randrange(4)
    if style == 0:
        return day.strftime("%d/%m/%Y")
    if style == 1:
        return f"{day.day} {day.strftime('%B %Y')}"
    if style == 2:
        return day.isoformat()
    return f"{day.strftime('%A')} {day.day} {day.strftime('%B')}"


class NoteMaker:
    """Synthetic case notes, the same ones every time for the same seed."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.kinds = [k for k, _ in KINDS]
        self.weights = [w for _, w in KINDS]

    def _slots(self, cast: dict[str, Any], day: date) -> dict[str, str]:
        rng = self.rng
        pick = rng.choice
        return {
            "child": cast["child"], "sibling": cast["sibling"], "friend": cast["friend"],
            "mum": pick(cast["mum"]), "dad": pick(cast["dad"]), "relative": cast["relative"],
            "worker": cast["worker"], "role": pick(ROLES), "team": cast["team"],
            "team2": pick(TEAMS), "agency": pick(AGENCIES), "agency2": pick(AGENCIES),
            "school": cast["school"],
            "date": _date_text(rng, day - timedelta(days=rng.randrange(30))),
            "date2": _date_text(rng, day + timedelta(days=rng.randrange(1, 30))),
            "time": f"{rng.randrange(8, 20)}:{rng.choice(['00', '15', '30', '45'])}",
            "n": str(rng.randrange(2, 15)),
        }

    def _sentence(self, cast: dict[str, Any], day: date) -> str:
        rng = self.rng
        kind = rng.choices(self.kinds, self.weights)[0]
        slots = self._slots(cast, day)
        if kind is None:
            parts = [rng.choice(CLAUSES) for _ in range(rng.randrange(3, 7))]
            text = parts[0]
            for part in parts[1:]:
                text += rng.choice(CONNECTORS) + part
            text = text[0].upper() + text[1:] + "."
        else:
            text = rng.choice(kind)
        return text.format(**slots)

    def note(self, i: int) -> dict[str, str]:
        """One note: id, date, team and a text of MIN_WORDS to MAX_WORDS words."""
        rng = self.rng
        surname = rng.choice(SURNAMES)
        mum, dad = rng.choice(ADULTS), rng.choice(ADULTS)
        relative = rng.choice(RELATIVES).format(adult=rng.choice(ADULTS))
        cast = {
            "child": rng.choice(CHILDREN), "sibling": rng.choice(CHILDREN),
            "friend": rng.choice(CHILDREN), "mum": ["Mum", mum, f"Ms {surname}"],
            "dad": ["Dad", dad, f"Mr {surname}", f"Mum's partner {dad}"],
            "relative": relative, "worker": rng.choice(WORKERS), "team": rng.choice(TEAMS),
            "school": rng.choice(SCHOOLS),
        }
        day = date(2022, 1, 1) + timedelta(days=rng.randrange(3 * 365))
        target = rng.randint(MIN_WORDS, MAX_WORDS)
        parts: list[str] = []
        words = 0
        if rng.random() < 0.6:
            head = rng.choice(HEADERS).format(**self._slots(cast, day))
            parts.append(head + "\n")
            words += len(head.split())
        while words < MIN_WORDS or words < target:
            sentence = self._sentence(cast, day)
            n = len(sentence.split())
            if words >= MIN_WORDS and words + n > target:
                break
            if words + n > MAX_WORDS:
                continue
            parts.append(sentence + ("\n\n" if rng.random() < 0.15 else " "))
            words += n
        return {"id": f"note-{i:06d}", "date": day.isoformat(), "team": cast["team"],
                "text": "".join(parts).strip()}

    def notes(self, n: int) -> Iterator[dict[str, str]]:
        """The first ``n`` notes of this seed's stream."""
        for i in range(n):
            yield self.note(i)


def write_notes(n: int, outputs: dict[Path, int], seed: int = SEED) -> dict[str, int]:
    """Stream ``n`` notes to JSONL; each output file gets the first ``k`` of them.

    Returns the note and word counts (words split on whitespace) for each ``k``.
    """
    handles = {path: path.open("w", encoding="utf-8") for path in outputs}
    words: dict[str, int] = {}
    total = 0
    try:
        for i, note in enumerate(NoteMaker(seed).notes(n)):
            line = json.dumps(note, ensure_ascii=False) + "\n"
            total += len(note["text"].split())
            for path, k in outputs.items():
                if i < k:
                    handles[path].write(line)
                if i + 1 == k:
                    words[str(k)] = total
    finally:
        for fh in handles.values():
            fh.close()
    return words


def read_texts(path: Path) -> list[str]:
    """The note texts of a JSONL file, in order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


# --- the two sides -----------------------------------------------------------------------


def run_bare(texts: Sequence[str], nlp: Any, workers: int) -> int:
    """A bare ``nlp.pipe`` over the texts, each Doc dropped as soon as it is made."""
    count = 0
    for _doc in nlp.pipe(texts, batch_size=BATCH, n_process=workers):
        count += 1
    return count


def run_check(path: Path, out: Path, workers: int) -> Any:
    """The full notes run, as ``drafting notes`` does it: read, check, write rows."""
    from drafting.notes import Writer, check_notes
    from drafting.readers import Columns, read_notes

    writer = Writer(out, resume=False, include_text=False)
    try:
        return check_notes(read_notes([str(path)], Columns(id="id", date="date", group="team")),
                           writer, workers=workers, batch_size=BATCH)
    finally:
        writer.close()


def _maxrss_mib() -> float:
    """Process peak resident set size so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MIB if sys.platform == "darwin" else rss / 1024


def _vmhwm_mib() -> float | None:
    """Peak RSS of this process's own address space (Linux only), as a cross-check."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def memory_child(path: Path) -> dict[str, Any]:
    """Runs in a fresh process: one single-process check of ``path``, then its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="bench_notes_child_") as tmp:
        summary = run_check(path, Path(tmp) / "rows.csv", 1)
    return {"checked": summary.checked, "failed": summary.failed,
            "check_s": summary.seconds, "maxrss_mib": _maxrss_mib(),
            "vmhwm_mib": _vmhwm_mib()}


# --- measurements ------------------------------------------------------------------------


def _log(msg: str) -> None:
    print(f"[bench_notes] {msg}", file=sys.stderr, flush=True)


def measure_memory(files: Sequence[tuple[int, Path]]) -> dict[str, Any]:
    """Peak RSS of a single-process check in a fresh child process, per file.

    Call it before this process loads the pipeline: Linux carries ru_maxrss across exec, so
    a child can never report less than its parent's peak at the moment it was started.
    """
    floor = _maxrss_mib()
    runs: list[dict[str, Any]] = []
    for notes, path in files:
        _log(f"memory: single-process check of {notes:,} notes in a fresh process")
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, str(Path(__file__).resolve()),
                               "--memory-child", str(path)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise RuntimeError(f"memory child failed:\n{proc.stderr[-2000:]}")
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        res["notes"] = notes
        res["wall_s"] = time.perf_counter() - t0
        runs.append(res)
    peaks = [r["maxrss_mib"] for r in runs]
    ratio = max(peaks) / min(peaks)
    return {"parent_maxrss_at_start_mib": floor, "runs": runs,
            "ratio": runs[-1]["maxrss_mib"] / runs[0]["maxrss_mib"],
            "spread": ratio, "pass": ratio <= MEMORY_BAR}


def warm_up(path: Path, out: Path, texts: Sequence[str]) -> Any:
    """Load the pipeline and rules, parse a few notes bare and check them; return the nlp."""
    from drafting.engine import _nlp, _rules

    nlp = _nlp()
    _rules()
    run_bare(texts[:64], nlp, 1)
    run_check(path, out, 1)
    return nlp


def measure_setting(texts: Sequence[str], path: Path, out: Path, nlp: Any, workers: int,
                    rounds: int, words: int) -> dict[str, Any]:
    """Bare ``nlp.pipe`` against ``check_notes`` with ``workers`` processes, alternating which
    runs first each round; the median round's seconds give words/s."""
    sides: dict[str, Callable[[], Any]] = {
        "bare": lambda: run_bare(texts, nlp, workers),
        "check": lambda: run_check(path, out, workers),
    }
    totals: dict[str, list[float]] = {"bare": [], "check": []}
    counted = 0
    for r in range(rounds):
        for name in (("bare", "check") if r % 2 == 0 else ("check", "bare")):
            _log(f"{workers} process(es), round {r + 1}/{rounds}: {name}")
            t0 = time.perf_counter()
            result = sides[name]()
            totals[name].append(time.perf_counter() - t0)
            done = result if name == "bare" else result.checked
            if done != len(texts) or (name == "check" and result.failed):
                raise RuntimeError(f"{name} handled {done} of {len(texts)} notes")
            if name == "check":
                counted = result.words
    bare_s, check_s = statistics.median(totals["bare"]), statistics.median(totals["check"])
    ratio = bare_s / check_s
    return {
        "workers": workers,
        "bare_s": bare_s,
        "check_s": check_s,
        "bare_words_per_s": words / bare_s,
        "check_words_per_s": words / check_s,
        "ratio": ratio,
        "pass": ratio >= BAR,
        "check_counted_words": counted,
        "bare_rounds_s": totals["bare"],
        "check_rounds_s": totals["check"],
        "round_ratios": [b / c for b, c in zip(totals["bare"], totals["check"], strict=True)],
    }


def run_all(notes: int, rounds: int = 1, skip_workers: bool = False,
            seed: int = SEED, skip_single: bool = False,
            skip_memory: bool = False) -> dict[str, Any]:
    """Generate the notes, measure memory (fresh processes), then throughput; a dict."""
    started = time.perf_counter()
    small_n = max(1, notes // 10)
    with tempfile.TemporaryDirectory(prefix="bench_notes_") as tmp:
        d = Path(tmp)
        full, small, warm = d / "notes.jsonl", d / "notes_small.jsonl", d / "warm.jsonl"
        _log(f"writing {notes:,} synthetic notes to a temporary JSONL file")
        t0 = time.perf_counter()
        counts = write_notes(notes, {full: notes, small: small_n, warm: min(notes, 50)}, seed)
        generate_s = time.perf_counter() - t0
        words = counts[str(notes)]
        # Memory first, while this process is still small (see measure_memory).
        memory = None if skip_memory else measure_memory([(small_n, small), (notes, full)])
        for run in memory["runs"] if memory else []:
            run["words"] = counts[str(run["notes"])]
            run["check_words_per_s"] = run["words"] / run["check_s"] if run["check_s"] else 0.0
        texts = read_texts(full)
        _log("loading the pipeline and warming up")
        t0 = time.perf_counter()
        nlp = warm_up(warm, d / "warm.csv", texts)
        load_s = time.perf_counter() - t0
        out = d / "rows.csv"
        single = None if skip_single else measure_setting(texts, full, out, nlp, 1, rounds,
                                                          words)
        multi = None if skip_workers else measure_setting(texts, full, out, nlp, 2, rounds,
                                                          words)
    return {
        "notes": notes,
        "words": words,
        "words_per_note": {"min": MIN_WORDS, "max": MAX_WORDS, "mean": words / notes},
        "seed": seed,
        "rounds": rounds,
        "batch_size": BATCH,
        "generate_s": generate_s,
        "load_and_warm_up_s": load_s,
        "single": single,
        "workers": multi,
        "memory": memory,
        "bar": {"throughput_min_ratio": BAR, "memory_max_ratio": MEMORY_BAR},
        "total_s": time.perf_counter() - started,
    }


# --- output ------------------------------------------------------------------------------


def format_report(res: dict[str, Any]) -> str:
    """A plain-text summary of the figures."""
    verdict = {True: "PASS", False: "FAIL"}
    env = res.get("environment", {})
    pipe = env.get("pipeline", {})
    lines = [
        f"drafting notes benchmark: {res['notes']:,} synthetic notes, {res['words']:,} words "
        f"({res['words_per_note']['mean']:.0f} per note on average), {res['rounds']} round(s) "
        "(median reported)",
    ]
    if env:
        lines.append(f"  Python {env['python']}, spaCy {env['spacy']}, pipeline "
                     f"{pipe.get('name', '?')} {pipe.get('version', '?')}, {env['cpus']} CPUs")
    lines += [
        f"  load and warm-up (excluded from timings): {res['load_and_warm_up_s']:.1f} s; "
        f"whole benchmark {res['total_s'] / 60:.1f} min",
        "",
        f"{'setting':<14}{'bare nlp.pipe':>16}{'check_notes':>16}{'ratio':>8}  "
        "per-round ratios",
    ]
    settings = [("1 process", res["single"]), ("2 processes", res["workers"])]
    for label, s in settings:
        if s is None:
            lines.append(f"{label:<14}{'skipped':>32}")
            continue
        rr = ", ".join(f"{x:.2f}" for x in s["round_ratios"])
        lines.append(f"{label:<14}{s['bare_words_per_s']:>10,.0f} w/s"
                     f"{s['check_words_per_s']:>12,.0f} w/s{s['ratio']:>8.2f}  {rr}")
    m = res["memory"] or {"runs": []}
    lines += ["", "peak memory, single-process check_notes, each in a fresh process:",
              f"{'notes':>10}{'ru_maxrss':>12}{'VmHWM':>10}{'check words/s':>16}"]
    for run in m["runs"]:
        hwm = f"{run['vmhwm_mib']:>6.0f} MiB" if run["vmhwm_mib"] is not None else f"{'-':>10}"
        lines.append(f"{run['notes']:>10,}{run['maxrss_mib']:>8.0f} MiB{hwm}"
                     f"{run['check_words_per_s']:>16,.0f}")
    if res["memory"]:
        lines.append(f"  ratio (larger / smaller) {m['ratio']:.3f}; this process's peak when "
                     f"the children started: {m['parent_maxrss_at_start_mib']:.0f} MiB")
    else:
        lines.append("  skipped (--skip-memory)")
    lines += [
        "",
        f"Bar: check_notes reaches at least {BAR} of the bare parse's words/s "
        "in the same worker setting (stated for 20,000 notes)",
    ]
    for label, s in settings:
        if s is not None:
            lines.append(f"  {label:<12} ratio {s['ratio']:.2f}: {verdict[s['pass']]}")
    if res["memory"]:
        lines += [
            f"Bar: peak memory for N and N/10 notes no more than {MEMORY_BAR - 1:.0%} apart",
            f"  {m['runs'][0]['notes']:,} vs {m['runs'][-1]['notes']:,} notes, spread "
            f"{m['spread']:.3f}: {verdict[m['pass']]}",
        ]
    if res["notes"] < DEFAULT_NOTES:
        lines.append(f"  (run with {res['notes']:,} notes: the bars are stated for "
                     f"{DEFAULT_NOTES:,})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, measure, print."""
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--notes", type=int, default=DEFAULT_NOTES, metavar="N",
                   help=f"synthetic notes to generate (default {DEFAULT_NOTES:,})")
    p.add_argument("--rounds", type=int, default=1, metavar="R",
                   help="rounds per throughput measurement; the median is reported (default 1)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--skip-workers", action="store_true",
                   help="skip the two-process measurements")
    p.add_argument("--skip-single", action="store_true",
                   help="skip the single-process measurements")
    p.add_argument("--skip-memory", action="store_true",
                   help="skip the peak-memory runs in fresh processes")
    p.add_argument("--memory-child", metavar="PATH", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.memory_child:
        print(json.dumps(memory_child(Path(args.memory_child))))
        return 0
    if args.notes < 10:
        p.error("--notes must be at least 10")
    if args.rounds < 1:
        p.error("--rounds must be at least 1")
    res = run_all(args.notes, args.rounds, args.skip_workers,
                  skip_single=args.skip_single, skip_memory=args.skip_memory)
    res["environment"] = environment()
    print(json.dumps(res, indent=2) if args.json else format_report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
