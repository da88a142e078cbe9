"""A short report of one check, as Markdown or PDF, for pasting into the case record.

Both are built in memory and returned (``str`` or ``bytes``); nothing is written to disk.
Everything quoted from the statement is escaped, so a draft holding Markdown or HTML stays
plain text wherever the Markdown is shown. The PDF embeds a Unicode font found on the
machine (DejaVu Sans or Liberation Sans) and never fetches one; without either it falls
back to the PDF's built-in Helvetica, with characters outside Latin-1 shown as "?".
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drafting.pair import PairResult
    from drafting.report import Report

KIND_TITLES = {"danger": "Danger statement", "safety_goal": "Safety goal",
               "harm": "Harm statement"}
CRITERION_TITLES = {
    "worried_person_attribution": "Says who is worried",
    "behavioural_specificity": "Names what people do, with context",
    "consequences": "Says what could happen to the child",
    "plain_language": "Plain language",
    "positive_framing": "Says what will be happening, not only what will stop",
    "who_needs_to_see": "Names who will see it happening",
    "timeframe": "Says for how long or by when",
    "impact_on_child": "Says what it did to the child",
}
CATEGORY_TITLES = {
    "acronym": "Acronym", "jargon": "Jargon", "vague_label": "Vague label",
    "blaming_label": "Blaming label", "hedged": "Hedged wording", "agentless": "No one named",
    "passive": "Passive, no doer", "readability": "Hard to read", "input": "Pasted text",
}
ASPECT_TITLES = {"people": "Same people", "behaviour": "Same behaviour",
                 "trigger": "Same trigger"}
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/liberation/LiberationSans-Regular.ttf",
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~$&#])")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written: no links, images, HTML, emphasis or headings.

    Only the characters that start Markdown or HTML are escaped, so the file stays easy to
    read as plain text too."""
    out = _MD_SPECIAL.sub(r"\\\1", text)
    # a line starting with spaces would become a code block; keep the words as words
    return "\n".join(line.lstrip() for line in out.splitlines())


def criterion_title(name: str) -> str:
    return CRITERION_TITLES.get(name, name.replace("_", " ").capitalize())


def _verdict_line(report: Report) -> str:
    met = sum(c.passed for c in report.criteria)
    return f"{KIND_TITLES.get(report.kind, report.kind)}: {met} of {len(report.criteria)} " \
           "criteria met"


def _readability_line(report: Report) -> str:
    r = report.readability
    grade = (f"reading grade {r.flesch_kincaid_grade:.1f}" if r.reliable
             else "too short for a reliable reading grade")
    return (f"{r.words} words in {r.sentences} sentence{'' if r.sentences == 1 else 's'}; "
            f"average {r.avg_sentence_length:.1f} and longest {r.longest_sentence_length} "
            f"words a sentence; {grade}; {len(r.hard_words)} hard "
            f"word{'' if len(r.hard_words) == 1 else 's'}.")


Item = tuple[str, str, str]  # mark, title, body


def _sections(text: str, report: Report) -> list[tuple[str, list[Item]]]:
    """The report as (heading, [(mark, title, body)]) sections, for Markdown and PDF."""
    crit: list[Item] = []
    for c in report.criteria:
        body = c.message
        if not c.passed and c.fix:
            body += f" How to fix: {c.fix}"
        crit.append(("✓ Met" if c.passed else "✗ Not yet", criterion_title(c.name), body))
    words: list[Item] = []
    for f in report.findings:
        if f.category == "readability":
            continue
        body = f.message
        alternatives = [r for r in f.replacements if r]
        if alternatives:
            body += " Try: " + " / ".join(alternatives) + "."
        elif f.fix:
            body += f" {f.fix}"
        words.append(("•", f"“{f.text}” ({CATEGORY_TITLES.get(f.category, f.category)})",
                      body))
    out: list[tuple[str, list[Item]]] = [("Statement", [("", "", text)]), ("Criteria", crit)]
    if words:
        out.append((f"Wording ({len(words)})", words))
    out.append(("Readability", [("", "", _readability_line(report))]))
    return out


def markdown_report(text: str, report: Report, *, today: date | None = None) -> str:
    """A short Markdown report: verdict, statement, criteria, wording, readability."""
    day = (today or date.today()).isoformat()
    lines = [f"# {_verdict_line(report)}", "",
             f"Checked on {day} with drafting (offline; nothing left this computer).", ""]
    for heading, items in _sections(text, report):
        lines.append(f"## {heading}")
        lines.append("")
        if heading == "Statement":
            lines.extend("> " + ln if ln else ">" for ln in md_escape(text).split("\n"))
        else:
            for mark, title, body in items:
                if not title:
                    lines.append(md_escape(body))
                    continue
                lead = f"{mark} " if mark != "•" else ""
                lines.append(f"- {lead}**{md_escape(title)}**: {md_escape(body)}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def pair_markdown(result: PairResult, danger_text: str, goal_text: str,
                  *, today: date | None = None) -> str:
    """A short Markdown record of a danger statement and safety goal checked as a pair."""
    day = (today or date.today()).isoformat()
    verdict = "answers the same worry" if result.matched else "does not yet answer the worry"
    lines = [f"# Safety goal {verdict}", "", f"Checked on {day} with drafting (offline).", "",
             "## Danger statement", ""]
    lines += ["> " + ln if ln else ">" for ln in md_escape(danger_text).split("\n")]
    lines += ["", "## Safety goal", ""]
    lines += ["> " + ln if ln else ">" for ln in md_escape(goal_text).split("\n")]
    lines += ["", "## Does the goal answer the danger?", ""]
    for a in result.aspects:
        mark = "✓" if a.matched else "✗"
        lines.append(f"- {mark} {ASPECT_TITLES.get(a.name, a.name)}: {md_escape(a.message)}")
    return "\n".join(lines) + "\n"


def _font_file() -> str | None:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    return None


def pdf_report(text: str, report: Report, *, today: date | None = None,
               font_file: str | None = "auto") -> bytes:
    """The same short report as a PDF (A4), built in memory."""
    from fpdf import FPDF
    from fpdf.enums import XPos, YPos

    day = (today or date.today()).isoformat()
    pdf = FPDF(format="A4")
    pdf.set_title(_verdict_line(report))
    pdf.set_creator("drafting")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    path = _font_file() if font_file == "auto" else font_file
    family = "Helvetica"
    if path:
        pdf.add_font("Body", "", path)
        family = "Body"
        cmap = pdf.fonts["body"].cmap

        def safe(s: str) -> str:
            return "".join(ch if ord(ch) in cmap or ch in "\n\t" else "?" for ch in s)
    else:
        def safe(s: str) -> str:
            s = s.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
            s = s.replace("✓", "[met]").replace("✗", "[not yet]").replace("•", "-")
            s = s.replace("–", "-").replace("—", "-").replace("…", "...")
            return s.encode("latin-1", "replace").decode("latin-1")

    def para(s: str, size: float = 10.5, indent: float = 0) -> None:
        pdf.set_font(family, size=size)
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(0, size * 0.5, safe(s), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                       align="L")

    para(_verdict_line(report), 16)
    para(f"Checked on {day} with drafting (offline; nothing left this computer).", 9)
    pdf.ln(2)
    for heading, items in _sections(text, report):
        pdf.ln(2)
        para(heading, 13)
        for mark, title, body in items:
            if not title:
                para(body)
                continue
            lead = f"{mark}  " if mark != "•" else "•  "
            para(f"{lead}{title}: {body}", 10.5, 2)
    return bytes(pdf.output())
