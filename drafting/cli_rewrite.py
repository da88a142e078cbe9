"""Command line for rewrites: ``drafting rewrite`` and ``drafting build``.

Kept apart from ``cli.py`` so each command module stays small; it reuses that module's
input reading, errors and exit codes.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections.abc import Callable
from typing import IO, Any

from drafting.cli import (
    EXIT_FAILED,
    EXIT_OK,
    KIND_HELP,
    UsageError,
    _jsonl_items,
    _single_text,
    _visible,
)
from drafting.cli import _emit as _emit_one
from drafting.learned import DEFAULT_MODE, MODES


def _words(text: str) -> list[str]:
    return re.findall(r"\[[^\[\]]*\]|\S+|\s+", text)  # a placeholder is one word


def diff_text(draft: str, rewrite: str, color: bool = False) -> str:
    """A word-level diff: [-removed-] and {+added+}, readable without colour."""
    a, b = _words(draft), _words(rewrite)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            gone = "".join(a[i1:i2])
            out.append(f"\033[31m[-{gone}-]\033[0m" if color else f"[-{gone}-]")
        if op in ("insert", "replace"):
            new = "".join(b[j1:j2])
            out.append(f"\033[32m{{+{new}+}}\033[0m" if color else f"{{+{new}+}}")
    return "".join(out)


def format_suggestions(s: Any, stream: IO[str]) -> str:
    color = stream.isatty()
    lines = []
    if getattr(s.report, "id", None):
        lines.append(f"[{_visible(s.report.id)}]")
    failing = [c.name for c in s.report.criteria if not c.passed]
    lines.append(f"Kind: {s.report.kind}. Criteria failing: {', '.join(failing) or 'none'}.")
    lines.append("")
    lines.append("Draft:    " + _visible(s.text))
    lines.append("Rewrite:  " + _visible(s.rewrite.text))
    lines.append("Changes:  " + _visible(diff_text(s.text, s.rewrite.text, color)))
    if s.rewrite.placeholders:
        lines.append("")
        lines.append("Fill in:")
        for p in s.rewrite.placeholders:
            why = f" (for {p.criterion})" if p.criterion else ""
            lines.append(f"  - {_visible(p.question)}{why}")
    if s.edits:
        lines.append("")
        lines.append("Edits to the draft, one by one:")
        for e in s.edits:
            lines.append(f"  {e.start}-{e.end} “{_visible(e.text)}” → “{_visible(e.replacement)}”"
                         f"  [{e.rule_id}]")
            lines.append(f"      {_visible(e.reason)}")
    if s.rewrite.facts.dropped:
        lines.append("")
        lines.append("Check these words from the draft are still said: "
                     + ", ".join(_visible(d) for d in s.rewrite.facts.dropped))
    return "\n".join(lines)


def _emit(out: Any, fmt: str, stream: IO[str]) -> None:
    _emit_one(out, fmt, "", stream, describe=lambda s, _text, st: format_suggestions(s, st),
              verb="rewrite")


def _with_id(s: Any, id: str | None) -> Any:
    from dataclasses import replace

    return replace(s, report=replace(s.report, id=id)) if id is not None else s


def cmd_rewrite(args: argparse.Namespace) -> int:
    from drafting.engine import ItemError
    from drafting.rewrite import child_version, suggest
    from drafting.textinput import InputError

    rules = tuple(args.rules or ())
    if args.input:
        if args.text is not None or args.file:
            raise UsageError("give either --input FILE.jsonl or a single text, not both")
        worst = EXIT_OK
        for item in _jsonl_items(args.input, args.kind):
            if isinstance(item, ItemError):
                _emit(item, args.format, sys.stdout)
                worst = EXIT_FAILED
                continue
            try:
                s = _with_id(suggest(item.text, item.kind, rules=rules,
                                     model=args.model), item.id)
            except InputError as exc:
                _emit(ItemError(item.id, item.line, exc), args.format, sys.stdout)
                worst = EXIT_FAILED
                continue
            if not s.report.passed:
                worst = max(worst, EXIT_FAILED)
            _emit(s, args.format, sys.stdout)
            sys.stdout.flush()
        return worst
    text = _single_text(args)
    try:
        s = suggest(text, args.kind, rules=rules, model=args.model)
        if args.child_age is not None:
            r = child_version(text, s.report.kind, args.child_age)
            if args.format == "text":
                print(_visible(r.text))
            else:
                print(json.dumps(r.to_dict(), ensure_ascii=False,
                                 indent=2 if args.format == "json" else None))
            return EXIT_OK
    except InputError as exc:
        raise UsageError(exc.message) from None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    _emit(s, args.format, sys.stdout)
    return EXIT_OK if s.report.passed else EXIT_FAILED


def cmd_build(args: argparse.Namespace,
              ask: Callable[[str], str] | None = None) -> int:
    from drafting.builder import QUESTIONS, build

    answers: dict[str, str] = {}
    if args.answers:
        try:
            with open(args.answers, encoding="utf-8") as fh:
                answers = json.load(fh)
        except (OSError, ValueError) as exc:
            raise UsageError(f"{args.answers}: cannot read answers ({exc})") from None
        if not isinstance(answers, dict) or not all(isinstance(v, str)
                                                    for v in answers.values()):
            raise UsageError(f"{args.answers}: answers must be a JSON object of strings")
    else:
        read = ask or input
        interactive = sys.stdin.isatty()
        if interactive:
            print(f"Building a {args.kind.replace('_', ' ')}: answer in plain words; press "
                  "Enter to skip a question (it stays in the statement as a question).\n")
        for q in QUESTIONS[args.kind]:
            prompt = f"{q.prompt}\n  e.g. {q.hint}\n> " if interactive else ""
            try:
                answers[q.slot] = read(prompt)
            except EOFError:
                break
    try:
        r = build(args.kind, answers)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.format == "json":
        print(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(("\n" if sys.stdin.isatty() else "") + _visible(r.text))
    return EXIT_OK if not r.placeholders else EXIT_FAILED


def add_parsers(sub: Any) -> None:
    w = sub.add_parser("rewrite", help="suggest edits and a whole rewrite that keeps every fact")
    w.add_argument("text", nargs="?", help="the statement, or - to read standard input")
    w.add_argument("--kind", default="auto", choices=["danger", "safety_goal", "harm", "auto"],
                   help=KIND_HELP + " (default: auto)")
    w.add_argument("--format", default="text", choices=["text", "json", "jsonl"])
    w.add_argument("--rules", action="append", metavar="FILE")
    w.add_argument("--file", help="read the statement from a UTF-8 text file")
    w.add_argument("--input", metavar="FILE.jsonl",
                   help="rewrite many: one JSON object per line with id, kind, text")
    w.add_argument("--child-age", type=int, metavar="AGE",
                   help="instead, a version for the child (danger statements and goals)")
    w.add_argument("--model", default=DEFAULT_MODE, choices=MODES,
                   help="check as `drafting check --model` does before rewriting (default "
                        f"{DEFAULT_MODE})")
    w.set_defaults(func=cmd_rewrite)

    b = sub.add_parser("build", help="answer a few questions and get a well-formed statement")
    b.add_argument("--kind", default="danger", choices=["danger", "safety_goal", "harm"])
    b.add_argument("--answers", metavar="FILE.json",
                   help="answers as JSON (keys: the question slots) instead of asking")
    b.add_argument("--format", default="text", choices=["text", "json"])
    b.set_defaults(func=cmd_build)
