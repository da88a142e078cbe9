"""Rewrite suggestions that keep every fact: edits to the draft, and a whole-statement
rewrite in the practice template with the gaps left as visible questions.

    >>> from drafting.rewrite import suggest, apply_edits
    >>> s = suggest("There are concerns about DV.", kind="danger")
    >>> s.rewrite.text                                                  # doctest: +SKIP
    '[Who is worried?] are worried about [What “DV” means, in everyday words]. ...'

Nothing here guesses: a rewrite is checked against the draft (names, numbers, dates,
places, events) and never states a fact the draft does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from drafting.rewrite.edits import Slotted, apply_edits, build_edits
from drafting.rewrite.records import Edit, FactCheck, Placeholder, Rewrite, Suggestions

__all__ = ["suggest", "apply_edits", "fill", "child_version", "Edit", "Placeholder",
           "Rewrite", "Suggestions", "FactCheck", "locate_placeholders"]


def locate_placeholders(text: str, slots: Mapping[str, Slotted]) -> tuple[Placeholder, ...]:
    """Every placeholder we put into ``text``, with its offsets, in text order."""
    found: list[Placeholder] = []
    for ph, sl in slots.items():
        pos = text.find(ph)
        while pos >= 0:
            found.append(Placeholder(pos, pos + len(ph), sl.slot, ph[1:-1], sl.criterion,
                                     sl.fits))
            pos = text.find(ph, pos + len(ph))
    found.sort(key=lambda p: p.start)
    kept: list[Placeholder] = []
    for p in found:  # a placeholder quoted inside a bigger one is part of it
        if not kept or p.start >= kept[-1].end:
            kept.append(p)
    return tuple(kept)


_QUESTION = re.compile(r"\[[^\]]*\]")  # a visible question, not words of the rewrite


def _allowed_words(edits: Iterable[Edit]) -> set[str]:
    """Words (and their lemmas) our substitutes bring in: they replace the draft's words
    with plainer ones for the same thing, or frame a question ("[Who is worried?] are
    worried that"), so they add no fact."""
    from drafting.engine import _nlp

    phrases = [p for e in edits if (p := _QUESTION.sub(" ", e.replacement).strip())]
    out: set[str] = set()
    if phrases:
        for t in _nlp()(" . ".join(phrases)):
            out.update((t.lower_, t.lemma_.lower()))
    return out


def suggest(text: str, kind: str = "auto", *, rules: Iterable[str] = (),
            model: str = "off") -> Suggestions:
    """Check a draft, then offer edits and a whole rewrite. Raises InputError like check.

    ``model`` ("light", "on" or "off") blends the learned scorer into the check first, as
    ``drafting check`` does, so the rewrite asks for exactly what that check found missing.
    """
    from drafting.engine import _check_kind, _nlp, _rules, report_for
    from drafting.textinput import validate

    _check_kind(kind)
    validate(text)
    nlp = _nlp()
    doc = nlp(text)
    report = report_for(text, doc, kind, _rules(tuple(rules)))
    if model != "off":
        from drafting import learned

        path = learned.mode_path(model)
        (report,) = learned.apply(learned.load_scorer(path), [report], [text], [doc])
    return suggest_for(text, doc, report, rules=rules)


def suggest_for(text: str, doc, report, *, rules: Iterable[str] = ()) -> Suggestions:
    """The suggestions for a draft already parsed and checked (the editor's path), with
    the same local rule files as its check."""
    from drafting.analysis import Analysis
    from drafting.engine import _nlp
    from drafting.rewrite.facts import compare
    from drafting.rewrite.template import assemble

    a = Analysis(text=text, doc=doc, kind=report.kind, findings=report.findings,
                 readability=report.readability)
    edits, slots = build_edits(text, doc, report.findings, a, report.kind)
    rewritten, slots = assemble(a, report, edits, slots)
    rewritten = polish(rewritten, slots, report.kind, rules)
    facts = compare(doc, rewritten, _nlp(), _allowed_words(edits))
    if not facts.ok:
        # Never show a rewrite that states something new: fall back to the draft with its
        # edits, which only swaps words for plainer ones and asks questions.
        rewritten = apply_edits(text, edits)
        facts = compare(doc, rewritten, _nlp(), _allowed_words(edits))
    rewrite = Rewrite(report.kind, rewritten, locate_placeholders(rewritten, slots), facts)
    return Suggestions(report, edits, rewrite, text)


def fill(rewrite: Rewrite, answers: Mapping[str, str]) -> str:
    """The rewrite with answered placeholders filled in (keyed by question, by
    "slot/fits" or by slot); unanswered ones stay as visible questions. An answer that
    stands as a whole sentence gets a capital and a full stop if it lacks them."""
    out: list[str] = []
    pos = 0
    text = rewrite.text
    for p in rewrite.placeholders:
        answer = answers.get(p.question, answers.get(f"{p.slot}/{p.fits}", answers.get(p.slot)))
        out.append(text[pos:p.start])
        if answer and answer.strip():
            answer = answer.strip()
            before = "".join(out).rstrip()
            if p.fits == "sentence" or not before or before.endswith((".", "!", "?")):
                answer = answer[0].upper() + answer[1:]
            after = text[p.end:].lstrip()
            if (p.fits == "sentence" or not after or after[0].isupper() or after[0] == "[") \
                    and not answer.endswith((".", "!", "?")) and after[:1] not in (".", "!", "?"):
                answer += "."
            out.append(answer)
        else:
            out.append(text[p.start:p.end])
        pos = p.end
    out.append(text[pos:])
    return "".join(out)


def child_version(text: str, kind: str, age: int) -> Rewrite:
    from drafting.rewrite.child import child_version as _child

    return _child(text, kind, age)


def polish(text: str, slots: dict[str, Slotted], kind: str,
           rules: Iterable[str] = ()) -> str:
    """A second pass over the assembled rewrite: words a parent may not follow that only
    appear once sentences are joined or re-ordered ("chaotic" + "home") are edited too.
    Placeholders are left alone."""
    from drafting.analysis import Analysis
    from drafting.engine import _nlp, _rules, run_rules
    from drafting.readability import analyse

    doc = _nlp()(text)
    spans = [(p.start, p.end) for p in locate_placeholders(text, slots)]
    found = [f for f in run_rules(doc, _rules(tuple(rules)))
             if "plain_language" in f.affects
             and not any(s <= f.start < e or s < f.end <= e for s, e in spans)]
    if not found:
        return text
    a = Analysis(text=text, doc=doc, kind=kind, findings=tuple(found),
                 readability=analyse(doc))
    edits, more = build_edits(text, doc, found, a, "")
    edits = tuple(e for e in edits if not any(s < e.end and e.start < end for s, end in spans))
    slots.update(more)
    return apply_edits(text, edits)
