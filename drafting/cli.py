"""Command line: ``check``, ``eval``, ``train``, ``similar``, ``rules``, ``notes``, ``demo``;
``rewrite`` and ``build`` live in ``cli_rewrite.py``.

Exit codes (documented in the README):
  0  every criterion passed (``check``), or the command succeeded
  1  some criterion failed, or some lines of a batch could not be checked
  2  usage or input error (empty text, unreadable or non-UTF-8 file, bad rule file)

Imports are lazy so ``--help`` and errors answer at once, and a check loads spaCy only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
from collections import deque
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from drafting.learned import DEFAULT_MODE, MODES

if TYPE_CHECKING:
    from drafting.engine import Item, ItemError
    from drafting.report import Report

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
KIND_HELP = "danger, safety_goal, harm, or auto (the checker decides and says which)"
MODEL_HELP = ("light (default): the rules with the light scorer blended in, which reads only "
              "the parse and word-piece vectors, and hands the few verdicts it is unsure of "
              "on its weakest criterion to the full scorer; on: the full scorer, which runs "
              "the sentence encoder on every statement (about twice the time); off: the "
              "rules alone")
SAMPLE = (
    "There are concerns that Dad presents as hostile and DV is ongoing in the home, "
    "placing Amy (4) at risk of significant harm."
)


class UsageError(Exception):
    pass


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(
            f"{where} is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}). "
            "Save it as UTF-8, or copy and paste the text."
        ) from None


def _read_path(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a folder, not a file") from None
    except PermissionError:
        raise UsageError(f"{path}: permission denied") from None


def _single_text(args: argparse.Namespace) -> str:
    if args.file:
        return _decode(_read_path(args.file), args.file)
    if args.text is None or args.text == "-":
        if args.text is None and sys.stdin.isatty():
            raise UsageError("give the text to check, '-' to read standard input, "
                             "or --input FILE.jsonl")
        return _decode(sys.stdin.buffer.read(), "standard input")
    return args.text


def _jsonl_items(path: str, default_kind: str) -> Iterator[Item | ItemError]:
    from drafting.engine import Item, ItemError
    from drafting.textinput import InputError

    raw = sys.stdin.buffer.read() if path == "-" else _read_path(path)
    where = "standard input" if path == "-" else path
    for n, line in enumerate(raw.split(b"\n"), 1):
        if not line.strip():
            continue
        try:
            text_line = line.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield ItemError(None, n, InputError(
                "not_utf8", f"{where} line {n} is not UTF-8 (byte 0x{line[exc.start]:02x})."))
            continue
        try:
            obj = json.loads(text_line)
        except json.JSONDecodeError as exc:
            yield ItemError(None, n, InputError(
                "bad_json", f"{where} line {n} is not JSON: {exc.msg} at column {exc.colno}."))
            continue
        if not isinstance(obj, dict):
            yield ItemError(None, n, InputError(
                "bad_json", f"{where} line {n}: expected an object with 'text'."))
            continue
        sid = obj.get("id")
        sid = None if sid is None else str(sid)
        text = obj.get("text")
        if not isinstance(text, str):
            yield ItemError(sid, n, InputError(
                "no_text", f"{where} line {n}: no 'text' string to check."))
            continue
        yield Item(sid if sid is not None else f"line-{n}", obj.get("kind") or default_kind, text,
                   line=n)


# --- text output -------------------------------------------------------------------------


class _Style:
    def __init__(self, stream: IO[str]) -> None:
        self.on = stream.isatty() and not os.environ.get("NO_COLOR")

    def __call__(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e"
                        r"\u2066-\u2069\ufeff]")


def _symbol(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if c < 0x20:
        return chr(0x2400 + c)  # control pictures: ␛ for ESC, ␇ for BEL, ␍ for CR
    return "\u2421" if c == 0x7F else "\ufffd"


def _visible(text: str) -> str:
    """The user's text with control characters shown as one visible symbol each, so a quoted
    snippet cannot drive the terminal (clear it, retitle it, reorder the line) and carets
    stay aligned. Tabs become spaces."""
    return _INVISIBLE.sub(_symbol, text.replace("\t", " "))


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _context(text: str, start: int, end: int, width: int = 88) -> tuple[str, str]:
    """The line around a finding, and a caret line underlining it."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", start)
    le = len(text) if le == -1 else le
    s = max(ls, start - width // 2)
    e = min(le, max(end, start) + width // 2)
    pre = "…" if s > ls else ""
    post = "…" if e < le else ""
    snippet = pre + text[s:e] + post
    under = " " * (len(pre) + start - s) + "^" * max(1, min(end, e) - start)
    return _visible(snippet), under


def format_text(report: Report, text: str, stream: IO[str]) -> str:
    st = _Style(stream)
    kind_names = {"danger": "Danger statement", "safety_goal": "Safety goal",
                  "harm": "Harm statement"}
    passed = sum(c.passed for c in report.criteria)
    head = f"{kind_names[report.kind]}: {passed} of {len(report.criteria)} criteria met"
    if report.id:
        head = f"[{_visible(report.id)}] " + head
    out = [st(head, "1")]
    if report.kind_requested == "auto":
        out.append(f"  ({report.kind_reason})")
    for c in report.criteria:
        mark = st("✓ PASS", "32") if c.passed else st("✗ FAIL", "31")
        out.append(f"  {mark}  {c.name}: {_visible(c.message)}")
        if not c.passed and c.fix:
            out.append(f"           fix: {c.fix}")
    if report.findings:
        out.append(st(f"Findings ({len(report.findings)})", "1"))
        for f in report.findings:
            line, col = _line_col(text, f.start)
            out.append(f"  {line}:{col} {f.severity} {f.rule_id}: {_visible(f.message)}")
            snippet, under = _context(text, f.start, f.end)
            out.append(f"      {snippet}")
            out.append(f"      {st(under, '33')}")
            if f.replacements:
                out.append(f"      try: {' / '.join(r for r in f.replacements if r) or 'delete'}")
            if f.fix:
                out.append(f"      fix: {f.fix}")
    r = report.readability
    grade = (f"reading grade {r.flesch_kincaid_grade:.1f}, reading ease "
             f"{r.flesch_reading_ease:.0f}" if r.reliable
             else "too short for a reliable reading grade")
    hard = ", ".join(h.text for h in r.hard_words[:8])
    out.append(st("Readability", "1") + f": {r.words} words, {r.sentences} "
               f"sentence{'' if r.sentences == 1 else 's'}, "
               f"average {r.avg_sentence_length:.1f} and longest {r.longest_sentence_length} "
               f"words per sentence; {grade}" + (f"; hard words: {hard}" if hard else ""))
    return "\n".join(out)


# --- commands ----------------------------------------------------------------------------


def _emit(report_or_error: Any, fmt: str, text: str, stream: IO[str], *,
          describe: Any = None, verb: str = "check") -> None:
    """One result in the chosen format; ``describe(result, text, stream)`` renders the text
    format (a report by default; ``cli_rewrite`` passes its own)."""
    from drafting.engine import ItemError

    if fmt == "text":
        if not isinstance(report_or_error, ItemError):
            stream.write((describe or format_text)(report_or_error, text, stream) + "\n\n")
        else:
            d = report_or_error.to_dict()
            label = d.get("id") or f"line {d.get('line')}"
            stream.write(f"[{_visible(str(label))}] cannot {verb}: "
                         f"{_visible(d['error']['message'])}\n\n")
    elif fmt == "json":
        stream.write(json.dumps(report_or_error.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        stream.write(json.dumps(report_or_error.to_dict(), ensure_ascii=False) + "\n")


def cmd_check(args: argparse.Namespace) -> int:
    from drafting.engine import check, check_many
    from drafting.report import Report
    from drafting.textinput import InputError

    rules = tuple(args.rules or ())
    mode = getattr(args, "model", DEFAULT_MODE)
    if mode != "off":  # the learned scorer, see README
        from functools import partial

        from drafting import learned

        # "on" runs the sentence encoder in numpy; "light" reads the parse and word pieces
        path = learned.mode_path(mode)
        check = partial(learned.check, model=True, path=path)
        check_many = partial(learned.check_many, model=True, path=path)
    if args.input:
        if args.text is not None or args.file:
            raise UsageError("give either --input FILE.jsonl or a single text, not both")
        # Texts by id, in input order: ids may repeat, and the batch is read ahead.
        texts: dict[str, deque[str]] = {}

        def remember(items: Iterator[Any]) -> Iterator[Any]:
            for it in items:
                if not hasattr(it, "error"):
                    texts.setdefault(it.id, deque()).append(it.text)
                yield it

        worst = EXIT_OK
        items = remember(_jsonl_items(args.input, args.kind))
        as_array = args.format == "json"  # one JSON document: an array, streamed
        first = True
        if as_array:
            sys.stdout.write("[\n")
        for out in check_many(items, rules=rules):
            if isinstance(out, Report):
                queue = texts.get(out.id)
                text = queue.popleft() if queue else ""
                if not out.passed:
                    worst = EXIT_FAILED
            else:
                text = ""
                worst = EXIT_FAILED
            if as_array:
                sys.stdout.write(("" if first else ",\n")
                                 + json.dumps(out.to_dict(), ensure_ascii=False, indent=2))
            else:
                _emit(out, args.format, text, sys.stdout)
            first = False
            sys.stdout.flush()
        if as_array:
            sys.stdout.write("\n]\n")
        return worst
    text = _single_text(args)
    try:
        report = check(text, kind=args.kind, rules=rules)
    except InputError as exc:
        raise UsageError(exc.message) from None
    _emit(report, args.format, text, sys.stdout)
    return EXIT_OK if report.passed else EXIT_FAILED


def cmd_eval(args: argparse.Namespace) -> int:
    from drafting.evaluate import evaluate, format_table, read_labelled

    try:
        rows = read_labelled(args.file, split=args.split)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise UsageError(str(exc)) from None
    if not rows:
        raise UsageError(f"{args.file}: no labelled statements"
                         + (f" in split {args.split!r}" if args.split else ""))
    res = evaluate(rows, kind_override=args.kind, rules=tuple(args.rules or ()),
                   model=args.model)
    if args.format == "json":
        print(json.dumps(res.to_dict(), indent=2))
    else:
        title = _eval_title(args)
        how = {"on": "rules + full scorer", "light": "rules + light scorer",
               "off": "rules alone"}[args.model]
        beside = "; the rules alone next" if args.model != "off" else ""
        print(f"{title}: {res.statements} statements; the checker ({how}) on the left"
              f"{beside}; a naive keyword-and-length baseline on the right")
        print(format_table(res))
        if args.show_mistakes:
            for m in res.mistakes:
                print(f"\n{m['id']} {m['criterion']} expected {m['label']}: {m['message']}\n"
                      f"    {m['text']}")
    return EXIT_OK


def _eval_title(args: argparse.Namespace) -> str:
    return f"{args.file}" + (f" (split: {args.split})" if args.split else "")


def cmd_train(args: argparse.Namespace) -> int:
    from drafting.train import format_comparison, train

    def log(line: str) -> None:
        print(line, flush=True)

    try:
        out = train(args.corpus, args.out, log=log, light=args.light)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise UsageError(str(exc)) from None
    meta = out["meta"]
    cv = meta["cv_overall"]
    print(f"\ncross-validation on the tuning split ({meta['folds']} folds x {meta['repeats']}):"
          f" rules {cv['rules']:.3f}, rules+model {cv['rules+model']:.3f}")
    if out["heldout"] is not None:
        print("held-out split, measured once after every choice was frozen:")
        print(format_comparison(out["heldout"]))
    print(f"model on by default: {'yes' if meta['default_on'] else 'no'} "
          "(on only if rules+model beat the rules in cross-validation on the tuning split)")
    print(f"wrote {out['path']} and {out['path'][:-4]}.json")
    return EXIT_OK


def cmd_similar(args: argparse.Namespace) -> int:
    from drafting.similar import similar

    text = _single_text(args)
    if not text.strip():
        raise UsageError("the text is empty")
    found = similar(text, args.kind, k=args.k)
    if args.format == "json":
        print(json.dumps(found, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"Well-written {args.kind.replace('_', ' ')} statements like yours:")
    for n, ex in enumerate(found, 1):
        print(f"\n{n}. [{ex['id']}, similarity {ex['score']:.2f}]\n   {_visible(ex['text'])}")
    return EXIT_OK


def cmd_rules(args: argparse.Namespace) -> int:
    from drafting.rules.examples import run_examples
    from drafting.rules.loader import load_rules

    ruleset = load_rules(tuple(args.rules or ()))
    if args.action == "list":
        for s in ruleset.specs:
            print(f"{s.id:44} {s.kind:12} {s.severity:10} {s.message[:70]}")
        print(f"{len(ruleset.specs)} rules from {len(ruleset.sources)} files")
        return EXIT_OK
    failures = run_examples(ruleset, only_sources=tuple(args.rules or ()) or None)
    for f in failures:
        print(f)
    print(f"{len(failures)} problems" if failures else "every rule's examples behave")
    return EXIT_FAILED if failures else EXIT_OK


def cmd_notes(args: argparse.Namespace) -> int:
    from pathlib import Path

    from drafting.notes import Writer, check_notes, default_progress
    from drafting.notes_report import Aggregates, render
    from drafting.readers import Columns, read_notes

    out = Path(args.out)
    if out.suffix.lower() not in (".csv", ".jsonl"):
        raise UsageError("--out must end in .csv or .jsonl")
    if out.parent and not out.parent.exists():
        raise UsageError(f"{out.parent}: no such folder")
    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.report and not args.report.lower().endswith((".html", ".htm")):
        raise UsageError("--report must end in .html")
    cols = Columns(text=args.column, id=args.id_column, date=args.date_column,
                   group=args.group_column)
    total = sum(p.stat().st_size for name in args.paths for p in
                ([Path(name)] if Path(name).is_file() else Path(name).rglob("*"))
                if p.is_file()) if args.paths else 0
    agg = Aggregates() if args.report else None
    writer = Writer(out, resume=args.resume, include_text=args.include_text)
    try:
        if args.scheduler or args.cluster:
            from drafting.notes_cluster import check_notes_dask, connect

            with connect(args.scheduler, args.workers) as client:
                summary = check_notes_dask(
                    read_notes(args.paths, cols), writer, client,
                    rules=tuple(args.rules or ()), include_text=args.include_text,
                    anonymise=args.anonymise, aggregates=agg)
        else:
            summary = check_notes(read_notes(args.paths, cols), writer,
                                  rules=tuple(args.rules or ()), workers=args.workers,
                                  include_text=args.include_text, anonymise=args.anonymise,
                                  progress=default_progress(), total_chars=total,
                                  aggregates=agg)
    finally:
        writer.close()
    print(summary.text())
    print(f"results: {out}" + (f"; errors: {writer.error_path}" if summary.failed else ""))
    if agg is not None:
        Path(args.report).write_text(render(agg, summary.text(), [i for _, i in summary.worst]),
                                     encoding="utf-8")
        print(f"report: {args.report}")
    return EXIT_FAILED if summary.failed else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    print("Checking a sample danger statement:\n")
    print(f"  {SAMPLE}\n")
    ns = argparse.Namespace(text=SAMPLE, file=None, input=None, kind="danger",
                            format="text", rules=[], model=DEFAULT_MODE)
    cmd_check(ns)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from drafting import __version__

    p = argparse.ArgumentParser(
        prog="drafting",
        description="Check child-protection statements offline: criteria, wording, "
                    "readability.",
        epilog="Exit codes: 0 all criteria pass; 1 some fail (or batch lines had errors); "
               "2 usage or input error.",
    )
    p.add_argument("--version", action="version", version=f"drafting {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="check one statement, or a JSONL batch")
    c.add_argument("text", nargs="?", help="the statement, or - to read standard input")
    c.add_argument("--kind", default="auto", choices=["danger", "safety_goal", "harm", "auto"],
                   help=KIND_HELP + " (default: auto)")
    c.add_argument("--format", default="text", choices=["text", "json", "jsonl"])
    c.add_argument("--rules", action="append", metavar="FILE",
                   help="a local rule file (repeatable): add terms, disable or allow entries")
    c.add_argument("--file", help="read the statement from a UTF-8 text file")
    c.add_argument("--input", metavar="FILE.jsonl",
                   help="check many: one JSON object per line with id, kind, text "
                        "(- for standard input)")
    c.add_argument("--model", default=DEFAULT_MODE, choices=MODES, help=MODEL_HELP)
    c.set_defaults(func=cmd_check)

    e = sub.add_parser("eval", help="accuracy per criterion against labelled statements")
    e.add_argument("file", help="JSONL with kind, text and labels: {criterion: true|false|null}")
    e.add_argument("--split", choices=["tune", "heldout"], help="only statements of this split")
    e.add_argument("--kind", choices=["auto"], help="let the checker decide each kind")
    e.add_argument("--format", default="text", choices=["text", "json"])
    e.add_argument("--rules", action="append", metavar="FILE")
    e.add_argument("--show-mistakes", action="store_true")
    e.add_argument("--model", default=DEFAULT_MODE, choices=MODES,
                   help="how the checker runs, as for `drafting check` (with a scorer, the "
                        "rules alone are scored beside it)")
    e.set_defaults(func=cmd_eval)

    t = sub.add_parser("train", help="train the learned scorer on the tuning split")
    t.add_argument("--corpus", default="corpus/examples/statements.jsonl",
                   help="labelled JSONL with split: tune|heldout (default: the project corpus)")
    t.add_argument("--out", help="artefact path, .npz (default: the packaged "
                                 "drafting/models/trained/learned.npz)")
    t.add_argument("--light", action="store_true",
                   help="train the light scorer (the rules, the parse's tensor and word-piece "
                        "vectors; no transformer pass at run time) into "
                        "drafting/models/trained/learned_light.npz")
    t.set_defaults(func=cmd_train)

    s = sub.add_parser("similar", help="well-written corpus statements like a draft")
    s.add_argument("text", nargs="?", help="the draft, or - to read standard input")
    s.add_argument("--kind", required=True, choices=["danger", "safety_goal", "harm"])
    s.add_argument("--file", help="read the draft from a UTF-8 text file")
    s.add_argument("-k", type=int, default=3, help="how many examples (default 3)")
    s.add_argument("--format", default="text", choices=["text", "json"])
    s.set_defaults(func=cmd_similar)

    r = sub.add_parser("rules", help="list the rules, or test rule files' examples")
    r.add_argument("action", choices=["list", "test"])
    r.add_argument("--rules", action="append", metavar="FILE",
                   help="local rule file to include (with 'test': test only this file)")
    r.set_defaults(func=cmd_rules)

    n = sub.add_parser("notes", help="readability and wording of case notes, in bulk")
    n.add_argument("paths", nargs="+", metavar="PATH",
                   help="files or folders: .txt, .docx, .csv, .jsonl (one note per row)")
    n.add_argument("--out", required=True, metavar="FILE.csv|FILE.jsonl",
                   help="where to write one row per note (errors go to FILE.errors.jsonl)")
    n.add_argument("--column", default="text", help="CSV column or JSONL key with the text")
    n.add_argument("--id-column", help="CSV column or JSONL key with the note id")
    n.add_argument("--date-column", help="CSV column or JSONL key with the date (YYYY-MM-DD)")
    n.add_argument("--group-column", help="CSV column or JSONL key with the team or author")
    n.add_argument("--workers", type=int, default=1,
                   help="processes on this machine (or local Dask workers with --cluster)")
    n.add_argument("--scheduler", metavar="tcp://HOST:8786",
                   help="run on this Dask scheduler; the notes go to its workers")
    n.add_argument("--cluster", action="store_true",
                   help="start a local Dask cluster of --workers processes (127.0.0.1 only)")
    n.add_argument("--resume", action="store_true",
                   help="keep the notes already in --out and check only the rest")
    n.add_argument("--include-text", action="store_true",
                   help="also quote each note's hardest sentence and its flagged terms")
    n.add_argument("--anonymise", action="store_true",
                   help="replace people's names found in quoted text with [name]")
    n.add_argument("--report", metavar="REPORT.html",
                   help="also write a self-contained HTML report with charts")
    n.add_argument("--rules", action="append", metavar="FILE")
    n.set_defaults(func=cmd_notes)

    from drafting.cli_rewrite import add_parsers as add_rewrite_parsers

    add_rewrite_parsers(sub)

    d = sub.add_parser("demo", help="check a sample statement")
    d.set_defaults(func=cmd_demo)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"drafting: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("drafting: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # rule file problems and the like: say what, not a traceback
        from drafting.learned import ScorerMissing
        from drafting.models.encoder import EncoderMissing
        from drafting.rules.base import RuleError

        if isinstance(exc, RuleError):
            print(f"drafting: rule file error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        if isinstance(exc, (ScorerMissing, EncoderMissing)):
            print(f"drafting: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        raise


def _nothing_left_running() -> bool:
    """True when this process started no thread or child process that exit must wait for."""
    if threading.active_count() > 1:
        return False
    mp = sys.modules.get("multiprocessing")
    return mp is None or not mp.active_children()


def run() -> None:
    """The console script: ``main()``, then exit without tearing the interpreter down.

    Why: freeing spaCy's pipeline and every module at exit costs about 0.2 s, a tenth of
    the cold-start budget of a one-sentence check, and buys nothing once the output is
    flushed and our files are closed (every writer closes in ``finally``). When a command
    left threads or child processes behind (a dask cluster), the normal exit runs instead.
    """
    code = main()
    if not _nothing_left_running():
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code)


if __name__ == "__main__":
    run()
