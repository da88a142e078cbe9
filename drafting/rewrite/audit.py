"""Audits the rewriter over a labelled corpus against the issue's bar:

- no rewrite adds a name, number, date, place or event the draft lacks;
- every failing criterion has an edit or placeholder that addresses it;
- a rewrite with its placeholders filled in with plain phrases passes every criterion of
  its kind when checked again;
- every rewrite of a draft that failed plain_language passes it when re-checked.

    python -m drafting.rewrite.audit corpus/examples/statements.jsonl [--split heldout]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable
from typing import Any

from drafting.rewrite import Rewrite, Suggestions, fill

# Plain phrases a practitioner might write into each kind of gap (invented, generic), by
# "slot/fits" first, then by what fits, then by slot.
FILLERS = {
    "worried/name": "Nan and the school",
    "who/name": "Dad",
    "observers/name": "Nan and the social worker",
    "timeframe/length of time": "six months",
    "consequence/clause": "the children could be badly hurt",
    "impact/clause": "the children had bruises and were scared",
    "new_behaviour/verb": "will cook tea every evening",
    "new_behaviour/sentence": "Dad will cook tea for the children every evening",
    "verb": "shouts",
    "noun phrase": "the shouting",
    "describing word": "upset",
    "name": "Dad",
    "words": "the shouting",
    "behaviour/sentence": "Dad hits Mum when he has been drinking",
}
KIND_FILLERS = {
    "harm": {"behaviour/sentence": "Dad hit Leo with a belt on Friday night"},
    "safety_goal": {"behaviour/sentence": "Dad will walk the children to school every "
                                          "morning"},
}


def filled(rewrite: Rewrite) -> str:
    answers = dict(FILLERS)
    answers.update(KIND_FILLERS.get(rewrite.kind, {}))
    by_fits = {p.fits: answers[p.fits] for p in rewrite.placeholders if p.fits in answers}
    answers.update({f"{p.slot}/{p.fits}": by_fits[p.fits] for p in rewrite.placeholders
                    if f"{p.slot}/{p.fits}" not in answers and p.fits in by_fits})
    return fill(rewrite, answers)


def addressed(s: Suggestions, criterion: str) -> bool:
    """An edit or placeholder aimed at the criterion, or an edit replacing words that a
    finding counts against it."""
    if any(e.criterion == criterion for e in s.edits):
        return True
    if any(p.criterion == criterion for p in s.rewrite.placeholders):
        return True
    return any(f.start < e.end and e.start < f.end and criterion in f.affects
               for e in s.edits for f in s.report.findings)


def audit(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    from drafting.engine import check
    from drafting.rewrite import suggest

    n = 0
    added: list[dict[str, Any]] = []
    unaddressed: list[dict[str, Any]] = []
    recheck_fail: Counter[str] = Counter()
    recheck_total: Counter[str] = Counter()
    recheck_examples: list[dict[str, Any]] = []
    plain_total = plain_pass = 0
    plain_fail_examples: list[dict[str, Any]] = []
    for row in rows:
        n += 1
        s = suggest(row["text"], row["kind"])
        if s.rewrite.facts.added:
            added.append({"id": row.get("id"), "added": list(s.rewrite.facts.added)})
        for c in s.report.criteria:
            if not c.passed and not addressed(s, c.name):
                unaddressed.append({"id": row.get("id"), "criterion": c.name})
        again = check(filled(s.rewrite), row["kind"])
        for c in again.criteria:
            recheck_total[c.name] += 1
            if not c.passed:
                recheck_fail[c.name] += 1
                if len(recheck_examples) < 40:
                    recheck_examples.append({"id": row.get("id"), "criterion": c.name,
                                             "message": c.message,
                                             "text": filled(s.rewrite)})
        if not s.report.criterion("plain_language").passed:
            plain_total += 1
            if again.criterion("plain_language").passed:
                plain_pass += 1
            elif len(plain_fail_examples) < 20:
                plain_fail_examples.append({"id": row.get("id"),
                                            "message": again.criterion("plain_language")
                                            .message})
    full_pass = {k: 1 - recheck_fail[k] / v for k, v in recheck_total.items()}
    return {
        "statements": n,
        "rewrites_adding_facts": len(added),
        "added_examples": added[:20],
        "failing_criteria_unaddressed": len(unaddressed),
        "unaddressed_examples": unaddressed[:20],
        "filled_rewrite_pass_rate": full_pass,
        "recheck_examples": recheck_examples,
        "plain_language_failed_drafts": plain_total,
        "plain_language_rewrites_passing": plain_pass,
        "plain_fail_examples": plain_fail_examples,
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("corpus")
    p.add_argument("--split", choices=["tune", "heldout"])
    p.add_argument("--json", action="store_true")
    p.add_argument("--verbose", action="store_true")
    args = p.parse_args(argv)
    with open(args.corpus, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if args.split:
        rows = [r for r in rows if r.get("split") == args.split]
    res = audit(rows)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
        return 0
    print(f"statements: {res['statements']}")
    print(f"rewrites adding a fact: {res['rewrites_adding_facts']}")
    print(f"failing criteria with no edit or placeholder: {res['failing_criteria_unaddressed']}")
    print("filled rewrites passing on re-check, per criterion:")
    for k, v in sorted(res["filled_rewrite_pass_rate"].items()):
        print(f"  {k:<28}{v:.3f}")
    print(f"drafts failing plain_language: {res['plain_language_failed_drafts']}; their "
          f"rewrites passing it: {res['plain_language_rewrites_passing']}")
    if args.verbose:
        for key in ("added_examples", "unaddressed_examples", "recheck_examples",
                    "plain_fail_examples"):
            for ex in res[key]:
                print(key, json.dumps(ex, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
