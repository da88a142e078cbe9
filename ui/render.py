"""HTML for the editor, built from what the engine returns. Every piece of user text is
escaped here, so a draft holding ``<script>``, ``<img onerror=...>`` or Markdown links shows
as text and runs nothing.

Pure functions of reports and text, returning strings: easy to test without a browser.
Colour is never the only signal: every highlight carries a number and a category name, the
checklist says "Met" or "Not yet" beside its icon, and removed and added words in a diff are
struck through or underlined and labelled for screen readers.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from html import escape
from typing import TYPE_CHECKING

from drafting.export import ASPECT_TITLES, CATEGORY_TITLES, KIND_TITLES, criterion_title

if TYPE_CHECKING:
    from drafting.pair import PairResult
    from drafting.report import Finding, Readability, Report, Span

CATEGORY_ORDER = ("acronym", "jargon", "vague_label", "blaming_label", "hedged", "agentless",
                  "passive", "readability", "input")

CSS = """
<style>
.dv { font-size: 1.05rem; line-height: 2.1; white-space: pre-wrap; overflow-wrap: anywhere;
      border: 1px solid #b1b4b6; border-radius: 4px; padding: .6rem .8rem; }
.dv .hl { position: relative; border-radius: 2px; padding: 0 1px; cursor: help;
          text-decoration-thickness: 2px; text-underline-offset: 4px;
          text-decoration-line: underline; }
.dv .hl:focus { outline: 3px solid #ffdd00; outline-offset: 1px; }
.dv .hl sup { font-size: .7rem; font-weight: 700; margin-left: 1px; }
.dv .tip { display: none; position: absolute; left: 0; top: 1.9em; z-index: 50;
           width: min(26rem, 80vw); white-space: normal; line-height: 1.4;
           background: #0b0c0c; color: #fff; padding: .5rem .6rem; border-radius: 4px;
           font-size: .9rem; }
.dv .hl:hover .tip, .dv .hl:focus .tip, .dv .hl:focus-within .tip { display: block; }
.c-acronym { background: #fff2cc; text-decoration-color: #8a6d00;
             text-decoration-style: solid; }
.c-jargon { background: #eadcf8; text-decoration-color: #6a3d9a;
            text-decoration-style: double; }
.c-vague_label { background: #ffe3cc; text-decoration-color: #a04000;
                 text-decoration-style: dashed; }
.c-blaming_label { background: #fcdcdc; text-decoration-color: #a4161a;
                   text-decoration-style: wavy; }
.c-hedged { background: #dbeeff; text-decoration-color: #1d5fa0;
            text-decoration-style: dotted; }
.c-agentless { background: #dcf1e4; text-decoration-color: #00703c;
               text-decoration-style: solid; }
.c-passive { background: #ececec; text-decoration-color: #505a5f;
             text-decoration-style: dotted; }
.c-input { background: #f3f2f1; text-decoration-color: #0b0c0c;
           text-decoration-style: dashed; }
.c-readability { text-decoration-color: #6f777b; text-decoration-style: dashed; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .35rem; font-size: .85rem;
         font-weight: 600; border: 1px solid #6f777b; text-decoration: none; }
.legend { font-size: .9rem; margin: .3rem 0; }
.legend .badge { margin: 0 .3rem .3rem 0; }
.fl { padding-left: 1.4rem; }
.fl li { margin-bottom: .45rem; }
.checklist { list-style: none; padding-left: 0 !important; margin: 0 !important; }
.checklist li { border-left: 6px solid; padding: .35rem .6rem; margin: 0 0 .5rem 0 !important;
                background: #f8f8f8; }
.checklist li.pass { border-color: #00703c; }
.checklist li.fail { border-color: #d4351c; }
.checklist .mark { font-weight: 700; margin-right: .35rem; }
.checklist li.pass .mark { color: #00703c; }
.checklist li.fail .mark { color: #b1240c; }
.checklist .why { display: block; margin-top: .15rem; }
.checklist .fix { display: block; margin-top: .15rem; font-style: italic; }
.checklist .ev { display: block; font-size: .9rem; color: #3b3b3b; }
.rd { font-size: .95rem; }
.rd table { border-collapse: collapse; margin: .3rem 0; }
.rd td, .rd th { padding: .1rem .6rem .1rem 0; text-align: left; vertical-align: top; }
.rd .bar { display: inline-block; height: .7rem; background: #1d70b8; vertical-align: middle;
           margin-right: .3rem; }
.rd .bar.long { background: #d4351c; }
.diff { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.8;
        border: 1px solid #b1b4b6; padding: .5rem .7rem; border-radius: 4px; }
.diff del { background: #fcdcdc; text-decoration: line-through 2px; }
.diff ins { background: #dcf1e4; text-decoration: underline 2px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap; }
.edit { margin: 0; }
.edit q { quotes: "“" "”"; font-weight: 600; }
.rw { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.9;
      border: 1px dashed #6f777b; padding: .5rem .7rem; border-radius: 4px; }
.rw .ph { background: #fff2cc; border-bottom: 2px solid #8a6d00; font-style: italic; }
.pair .aspect { border-left: 6px solid; padding: .35rem .6rem; margin-bottom: .5rem;
                background: #f8f8f8; }
.pair .aspect.ok { border-color: #00703c; }
.pair .aspect.no { border-color: #d4351c; }
.pair .a-people { background: #dbeeff; border-bottom: 2px solid #1d5fa0; }
.pair .a-behaviour { background: #eadcf8; border-bottom: 2px double #6a3d9a; }
.pair .a-trigger { background: #fff2cc; border-bottom: 2px dashed #8a6d00; }
.pair .a-people::after { content: " [people]"; font-size: .75rem; }
.pair .a-behaviour::after { content: " [behaviour]"; font-size: .75rem; }
.pair .a-trigger::after { content: " [trigger]"; font-size: .75rem; }
.card { border: 1px solid #b1b4b6; border-radius: 4px; padding: .6rem .8rem;
        margin-bottom: .6rem; }
.card .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.card .label { font-weight: 700; }
.muted { color: #505a5f; }
.tbl { overflow: auto; max-height: 32rem; border: 1px solid #b1b4b6; border-radius: 4px;
       margin-bottom: 1rem; }
.tbl table { border-collapse: collapse; font-size: .9rem; width: 100%; }
.tbl caption { text-align: left; font-weight: 700; padding: .4rem .6rem; }
.tbl th, .tbl td { padding: .25rem .6rem; border-bottom: 1px solid #e5e5e5; text-align: left;
                   vertical-align: top; }
.tbl thead th { position: sticky; top: 0; background: #f3f2f1; }
.tbl td.n { text-align: right; font-variant-numeric: tabular-nums; }
.chart { margin: .8rem 0 1.2rem; }
.chart figcaption { font-weight: 700; margin-bottom: .3rem; }
.chart table { border-collapse: collapse; width: 100%; max-width: 44rem; }
.chart th { text-align: right; font-weight: 400; padding: .1rem .6rem .1rem 0;
            white-space: nowrap; width: 9rem; }
.chart td { padding: .1rem 0; }
.chart .b { display: inline-block; height: 1rem; background: #1d70b8; vertical-align: middle;
            margin-right: .4rem; min-width: 1px; }
</style>
"""


def text_html(text: str) -> str:
    """Escaped text, with the newlines kept by the container's ``white-space``."""
    return escape(text, quote=True)


def category_title(category: str) -> str:
    return CATEGORY_TITLES.get(category, category.replace("_", " ").capitalize())


def _layers(findings: Sequence[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Sentence-wide findings (long sentences) and word findings, each without overlaps."""
    wide = [f for f in findings if f.category == "readability"]
    words = [f for f in findings if f.category != "readability" and f.end > f.start]
    kept_wide: list[Finding] = []
    for f in sorted(wide, key=lambda f: (f.start, -f.end)):
        if not kept_wide or f.start >= kept_wide[-1].end:
            kept_wide.append(f)
    kept: list[Finding] = []
    for f in sorted(words, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and f.start < kept[-1].end:
            continue
        # a word finding that crosses the edge of a long sentence is listed, not drawn
        if any(w.start < f.start < w.end < f.end or f.start < w.start < f.end < w.end
               for w in kept_wide):
            continue
        kept.append(f)
    return kept_wide, kept


def _tip(f: Finding, n: int) -> str:
    alternatives = [r for r in f.replacements if r]
    parts = [f"<strong>{n}. {escape(category_title(f.category))}</strong>: "
             f"{escape(f.message)}"]
    if alternatives:
        parts.append(f" <strong>Try:</strong> {escape(' / '.join(alternatives))}.")
    elif f.fix:
        parts.append(f" {escape(f.fix)}")
    return "".join(parts)


def numbered(findings: Sequence[Finding]) -> list[tuple[int, Finding]]:
    """Findings in text order with the numbers shown beside their highlights."""
    return list(enumerate(sorted(findings, key=lambda f: (f.start, f.end)), 1))


def _weave(text: str, opens: dict[int, list[str]], closes: dict[int, list[str]]) -> str:
    """The text escaped, with the given tags opened and closed at their offsets."""
    out: list[str] = []
    cuts = sorted({0, len(text), *opens, *closes})
    for a, b in zip(cuts, cuts[1:], strict=False):
        out.extend(closes.get(a, []))
        out.extend(opens.get(a, []))
        out.append(escape(text[a:b]))
    out.extend(closes.get(len(text), []))
    return "".join(out)


def highlight(text: str, findings: Sequence[Finding], *, label: str = "Your draft") -> str:
    """The draft with findings marked in place: colour and underline style by category,
    a number linking each mark to the list below, and the reason on hover or focus."""
    numbers = {id(f): n for n, f in numbered(findings)}
    wide, words = _layers(findings)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for f in wide:
        n = numbers[id(f)]
        opens.setdefault(f.start, []).append(
            f'<span class="hl c-readability" tabindex="0" aria-label="Finding {n}: '
            f'{escape(category_title(f.category))}">')
        closes.setdefault(f.end, []).insert(
            0, f'<sup aria-hidden="true">{n}</sup><span class="tip" role="tooltip">'
               f"{_tip(f, n)}</span></span>")
    for f in words:
        n = numbers[id(f)]
        opens.setdefault(f.start, []).append(
            f'<mark class="hl c-{escape(f.category)}" tabindex="0" '
            f'aria-label="Finding {n}: {escape(category_title(f.category))}: '
            f'{escape(f.text)}">')
        closes.setdefault(f.end, []).insert(
            0, f'<sup aria-hidden="true">{n}</sup><span class="tip" role="tooltip">'
               f"{_tip(f, n)}</span></mark>")
    return (f'<div class="dv" role="region" aria-label="{escape(label)}, with findings '
            f'marked">{_weave(text, opens, closes)}</div>')


def findings_list(findings: Sequence[Finding]) -> str:
    """Every finding in text order: number, category (as text), words, reason, alternative."""
    if not findings:
        return '<p class="muted">No wording findings.</p>'
    items = []
    for n, f in numbered(findings):
        alternatives = [r for r in f.replacements if r]
        alt = (f" <strong>Try:</strong> {escape(' / '.join(alternatives))}." if alternatives
               else (f" {escape(f.fix)}" if f.fix else ""))
        quoted = "" if f.category == "readability" else f"<q>{escape(f.text)}</q> "
        items.append(f'<li value="{n}"><span class="badge c-{escape(f.category)}">'
                     f"{escape(category_title(f.category))}</span> {quoted}"
                     f"{escape(f.message)}{alt}</li>")
    return f'<ol class="fl">{"".join(items)}</ol>'


def legend(findings: Sequence[Finding]) -> str:
    """The categories marked in the draft, named (the list below names every finding)."""
    wide, words = _layers(findings)
    present = {f.category for f in (*wide, *words)}
    if not present:
        return ""
    badges = "".join(f'<span class="badge c-{c}">{escape(category_title(c))}</span>'
                     for c in CATEGORY_ORDER if c in present)
    return f'<div class="legend" aria-hidden="true">Marked: {badges}</div>'


def _evidence(spans: Sequence[Span]) -> str:
    quotes = [f"<q>{escape(s.text.strip())}</q>" for s in spans[:3] if s.text.strip()]
    return f'<span class="ev">Words behind this: {", ".join(quotes)}</span>' if quotes else ""


def checklist(report: Report) -> str:
    """The kind's criteria: icon and the words "Met" / "Not yet", the reason, the fix."""
    met = sum(c.passed for c in report.criteria)
    head = (f'<p><strong>{escape(KIND_TITLES.get(report.kind, report.kind))}: {met} of '
            f'{len(report.criteria)} criteria met</strong></p>')
    items = []
    for c in report.criteria:
        cls, mark, word = ("pass", "✓", "Met") if c.passed else ("fail", "✗", "Not yet")
        fix = f'<span class="fix">How to fix: {escape(c.fix)}</span>' \
            if not c.passed and c.fix else ""
        items.append(
            f'<li class="{cls}" data-criterion="{escape(c.name)}" data-passed="'
            f'{"true" if c.passed else "false"}"><span class="mark" aria-hidden="true">'
            f'{mark}</span><strong>{word}:</strong> {escape(criterion_title(c.name))}'
            f'<span class="why">{escape(c.message)}</span>{fix}{_evidence(c.evidence)}</li>')
    return (f'<div class="checklist-box" aria-live="polite" data-length="{report.text_length}"'
            f' data-kind="{escape(report.kind)}">{head}'
            f'<ul class="checklist" aria-label="Criteria">{"".join(items)}</ul></div>')


def readability(read: Readability, text: str) -> str:
    """Reading grade, sentence lengths (as numbers and bars) and hard words, at a glance."""
    if read.reliable:
        grade = f"{read.flesch_kincaid_grade:.1f}"
        note = ""
    else:
        grade = f"{read.flesch_kincaid_grade:.1f}"
        note = ('<br><span class="muted">Too short for a reliable grade: formulas swing on '
                "one or two sentences.</span>")
    rows = []
    longest = max((s.words for s in read.sentence_stats), default=1) or 1
    for i, s in enumerate(read.sentence_stats, 1):
        width = max(2, int(120 * s.words / longest))
        long = s.words > 25
        flag = " (long)" if long else ""
        rows.append(f'<tr><th scope="row">Sentence {i}</th><td><span class="bar'
                    f'{" long" if long else ""}" style="width:{width}px" aria-hidden="true">'
                    f"</span>{s.words} words{flag}</td></tr>")
    hard = sorted({h.text for h in read.hard_words}, key=str.lower)
    hard_html = (", ".join(f"<q>{escape(h)}</q>" for h in hard[:12])
                 + (f" and {len(hard) - 12} more" if len(hard) > 12 else "")) \
        if hard else "none"
    return (f'<div class="rd" role="group" aria-label="Readability">'
            f"<p><strong>Reading grade {grade}</strong> (Flesch-Kincaid){note}</p>"
            f"<p>{read.words} words, {read.sentences} sentence"
            f"{'' if read.sentences == 1 else 's'}; average {read.avg_sentence_length:.1f} "
            f"words, longest {read.longest_sentence_length}.</p>"
            f'<table aria-label="Sentence lengths">{"".join(rows)}</table>'
            f"<p>Hard words: {hard_html}</p></div>")


_TOKEN = re.compile(r"\S+\s*|\s+")  # words with the space after them


def diff(before: str, after: str) -> str:
    """Word-level before/after: removed words struck through, added words underlined, both
    labelled for screen readers."""
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(f'<del><span class="sr">removed: </span>{escape("".join(a[i1:i2]))}'
                       "</del>")
        if j2 > j1:
            out.append(f'<ins><span class="sr">added: </span>{escape("".join(b[j1:j2]))}'
                       "</ins>")
    return f'<div class="diff" role="region" aria-label="Before and after">{"".join(out)}</div>'


def rewrite(text: str, placeholders: Sequence[tuple[int, int]]) -> str:
    """The whole-statement rewrite, its open questions marked."""
    out, pos = [], 0
    for start, end in placeholders:
        out.append(escape(text[pos:start]))
        out.append(f'<span class="ph"><span class="sr">question: </span>'
                   f"{escape(text[start:end])}</span>")
        pos = end
    out.append(escape(text[pos:]))
    return f'<div class="rw" role="region" aria-label="Rewrite">{"".join(out)}</div>'


def edit_line(old: str, new: str, reason: str) -> str:
    old_html = f"<q>{escape(old)}</q>" if old else "(nothing)"
    new_html = f"<q>{escape(new)}</q>" if new else "(delete)"
    return (f'<p class="edit">{old_html} → {new_html}<br>'
            f'<span class="muted">{escape(reason)}</span></p>')


def _marked(text: str, spans: Iterable[tuple[Span, str]]) -> str:
    """Text with aspect spans marked; a span inside another nests, a crossing one is left
    out (the message above still names it)."""
    kept: list[tuple[Span, str]] = []
    stack: list[Span] = []
    for sp, aspect in sorted(set(spans), key=lambda x: (x[0].start, -x[0].end, x[1])):
        while stack and stack[-1].end <= sp.start:
            stack.pop()
        if stack and sp.end > stack[-1].end:
            continue  # crosses the enclosing span
        if stack and (sp.start, sp.end) == (stack[-1].start, stack[-1].end):
            continue  # the same words marked twice
        kept.append((sp, aspect))
        stack.append(sp)
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for sp, aspect in kept:
        opens.setdefault(sp.start, []).append(f'<span class="a-{aspect}">')
        closes.setdefault(sp.end, []).append("</span>")
    return _weave(text, opens, closes)


def pair(result: PairResult, danger_text: str, goal_text: str) -> str:
    """The pair's verdict per aspect, and both statements with the words behind it marked."""
    rows = []
    for a in result.aspects:
        ok = a.matched
        word = "Matches" if a.status == "match" else (
            "Nothing to match" if a.status == "not_named" else
            "Partly matches" if a.status == "partial" else "Does not match")
        rows.append(f'<div class="aspect {"ok" if ok else "no"}" data-aspect="{a.name}" '
                    f'data-status="{a.status}"><strong><span aria-hidden="true">'
                    f'{"✓" if ok else "✗"}</span> {word}: '
                    f"{escape(ASPECT_TITLES.get(a.name, a.name))}</strong><br>"
                    f"{escape(a.message)}</div>")
    head = ("The goal answers the same worry." if result.matched
            else "The goal does not yet answer the same worry: see where below.")
    danger = _marked(danger_text, ((s, a.name) for a in result.aspects for s in a.danger_spans))
    goal = _marked(goal_text, ((s, a.name) for a in result.aspects for s in a.goal_spans))
    return (f'<div class="pair"><p><strong>{head}</strong></p>{"".join(rows)}'
            f'<p><strong>Danger statement</strong></p><div class="dv">{danger}</div>'
            f'<p><strong>Safety goal</strong></p><div class="dv">{goal}</div></div>')


_LABEL_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$&=])")


def label_escape(text: str) -> str:
    """Text for a Streamlit widget label or alert, which render Markdown (links, images,
    colour directives, icons): every Markdown character is escaped."""
    return _LABEL_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def bar_chart(title: str, labels: Sequence[str], values: Sequence[float], unit: str) -> str:
    """A horizontal bar chart in plain HTML, each bar's number written beside it."""
    top = max(values, default=0) or 1
    rows = []
    for label, value in zip(labels, values, strict=True):
        shown = f"{value:.1f}" if not float(value).is_integer() else f"{int(value)}"
        word = unit[:-1] if unit.endswith("s") and shown == "1" else unit
        rows.append(f'<tr><th scope="row">{escape(label)}</th><td><span class="b" '
                    f'style="width:{70 * value / top:.1f}%" aria-hidden="true"></span>'
                    f"{escape(shown)} {escape(word)}</td></tr>")
    return (f'<figure class="chart"><figcaption>{escape(title)}</figcaption>'
            f'<table aria-label="{escape(title)}">{"".join(rows)}</table></figure>')


def table(caption: str, columns: Sequence[str], rows: Sequence[Sequence[object]],
          *, limit: int = 500) -> str:
    """A scrollable, keyboard-reachable HTML table; every cell escaped. Numbers align right."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in columns)
    body = []
    for row in rows[:limit]:
        cells = []
        for value in row:
            if isinstance(value, bool) or value is None:
                cells.append(f"<td>{escape(str(value or ''))}</td>")
            elif isinstance(value, int | float):
                cells.append(f'<td class="n">{value:g}</td>')
            else:
                cells.append(f"<td>{escape(str(value))}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    more = (f'<p class="muted">Showing the first {limit:,} of {len(rows):,} rows; the CSV '
            "has them all.</p>") if len(rows) > limit else ""
    return (f'<div class="tbl" tabindex="0" role="region" aria-label="{escape(caption)}">'
            f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table></div>{more}")


def statement_card(title: str, text: str, verdicts: Sequence[tuple[str, bool | None]] | None,
                   *, note: str = "") -> str:
    """One corpus statement for the Train page, with the criteria it meets (or hidden)."""
    parts = [f'<div class="card"><p class="label">{escape(title)}</p>',
             f'<p class="text">{escape(text)}</p>']
    if verdicts is not None:
        items = []
        for name, ok in verdicts:
            if ok is None:
                continue
            cls, mark, word = ("pass", "✓", "Meets") if ok else ("fail", "✗", "Misses")
            items.append(f'<li class="{cls}"><span class="mark" aria-hidden="true">{mark}'
                         f"</span><strong>{word}:</strong> {escape(criterion_title(name))}"
                         "</li>")
        parts.append(f'<ul class="checklist" aria-label="Criteria">{"".join(items)}</ul>')
    if note:
        parts.append(f'<p class="muted">{escape(note)}</p>')
    parts.append("</div>")
    return "".join(parts)
