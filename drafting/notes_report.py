"""A self-contained HTML report for a case-notes run: charts as inline SVG, no network.

The report shows note ids and figures, never note text. Everything from the input is
escaped before it is written into the page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from html import escape
from typing import Any

from drafting.notes import CATEGORIES

GRADE_BINS = [(-99, 4), (4, 6), (6, 8), (8, 10), (10, 12), (12, 14), (14, 99)]
GRADE_LABELS = ["< 4", "4-6", "6-8", "8-10", "10-12", "12-14", "14+"]


@dataclass
class Aggregates:
    """Running totals: enough for the charts, small however many notes there are."""

    grade_bins: list[int] = field(default_factory=lambda: [0] * len(GRADE_BINS))
    categories: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    months: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0, 0.0]))
    groups: dict[str, list[float]] = field(default_factory=lambda: defaultdict(lambda: [0, 0.0]))
    notes: int = 0
    words: int = 0

    def add(self, row: dict[str, Any]) -> None:
        self.notes += 1
        self.words += row["words"]
        grade = row["flesch_kincaid_grade"]
        for i, (lo, hi) in enumerate(GRADE_BINS):
            if lo <= grade < hi:
                self.grade_bins[i] += 1
                break
        for c in CATEGORIES:
            self.categories[c] += row[f"n_{c}"]
        if row.get("month"):
            m = self.months[row["month"]]
            m[0] += 1
            m[1] += row["findings_per_100_words"]
        if row.get("group"):
            g = self.groups[row["group"]]
            g[0] += 1
            g[1] += row["findings_per_100_words"]


def _bars(title: str, labels: list[str], values: list[float], unit: str) -> str:
    """A horizontal bar chart as inline SVG, with the numbers written beside the bars."""
    width, row_h, left = 640, 26, 170
    top = max(values, default=0) or 1
    height = row_h * len(labels) + 10
    parts = [f'<figure><figcaption>{escape(title)}</figcaption>',
             f'<svg role="img" aria-label="{escape(title)}" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        y = 5 + i * row_h
        w = int((width - left - 90) * value / top)
        parts.append(f'<text x="{left - 8}" y="{y + 17}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{left}" y="{y + 4}" width="{w}" height="16" fill="#1d70b8"/>')
        shown = f"{value:.1f}" if isinstance(value, float) and not value.is_integer() else \
            f"{int(value)}"
        label_unit = unit[:-1] if unit.endswith("s") and shown == "1" else unit
        parts.append(f'<text x="{left + w + 6}" y="{y + 17}">{escape(shown)} '
                     f"{escape(label_unit)}</text>")
    parts.append("</svg></figure>")
    return "\n".join(parts)


def render(agg: Aggregates, summary_text: str, worst: list[str]) -> str:
    """The whole page, as one string with no external resources."""
    sections = [
        _bars("Reading grade (Flesch-Kincaid) of each note", GRADE_LABELS,
              [float(v) for v in agg.grade_bins], "notes"),
        _bars("Wording findings by category", [c.replace("_", " ") for c in CATEGORIES],
              [float(agg.categories[c]) for c in CATEGORIES], "found"),
    ]
    if agg.months:
        months = sorted(agg.months)
        sections.append(_bars("Wording findings per 100 words, by month", months,
                              [agg.months[m][1] / agg.months[m][0] for m in months], ""))
    if agg.groups:
        groups = sorted(agg.groups)
        sections.append(_bars("Wording findings per 100 words, by team or author", groups,
                              [agg.groups[g][1] / agg.groups[g][0] for g in groups], ""))
    worst_list = "".join(f"<li>{escape(i)}</li>" for i in worst)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Case notes: readability and wording</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.5; color: #0b0c0c; }}
figure {{ margin: 1.5rem 0; }} figcaption {{ font-weight: bold; margin-bottom: .3rem; }}
svg text {{ font-size: 13px; fill: #0b0c0c; }} pre {{ white-space: pre-wrap; }}
</style></head><body>
<h1>Case notes: readability and wording</h1>
<p>{agg.notes:,} notes, {agg.words:,} words. This report shows note ids and figures only.</p>
<pre>{escape(summary_text)}</pre>
{"".join(sections)}
<h2>Notes most in need of attention</h2><ol>{worst_list}</ol>
</body></html>
"""
