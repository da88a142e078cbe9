"""Train: poor and good statements from the labelled corpus, side by side, with the
criteria each meets; filter by kind and criterion; a quiz hides the verdicts.

The verdicts shown are the corpus labels (a person's judgement by the labelling guide),
not the checker's, so the page also works as a way to learn the criteria themselves.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from drafting.export import criterion_title
from drafting.kinds import KINDS
from ui import render, state
from ui.render import label_escape
from ui.state import KIND_LABELS

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "examples" / "statements.jsonl"
PER_PAGE = 4
# tags that say how a statement is written, not what it is about: no use for pairing
STYLE_TAGS = {"one_sentence", "paragraph", "jargon_heavy", "half_right", "exemplary", "poor",
              "short", "long_vague", "long_sentence", "memo", "us_wording", "uk_wording",
              "au_wording", "aus_wording", "ca_wording", "vague", "known_abbreviation"}
QUIZ, REVEALED = "train_quiz", "_train_revealed"


@dataclass(frozen=True)
class Example:
    id: str
    kind: str
    text: str
    labels: tuple[tuple[str, bool | None], ...]
    topics: frozenset[str]
    note: str

    @property
    def misses(self) -> list[str]:
        return [n for n, v in self.labels if v is False]


@st.cache_resource(show_spinner=False)
def gallery() -> dict[str, list[tuple[Example, Example]]]:
    """(poor, good) pairs per kind: each poor statement beside a good one of the same kind
    sharing the most topics."""
    poor: dict[str, list[Example]] = {k: [] for k in KINDS}
    good: dict[str, list[Example]] = {k: [] for k in KINDS}
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            kind = row.get("kind")
            if kind not in KINDS:
                continue
            labels = tuple((n, row.get("labels", {}).get(n)) for n in KINDS[kind])
            ex = Example(row["id"], kind, row["text"], labels,
                         frozenset(t for t in row.get("tags", ()) if t not in STYLE_TAGS),
                         row.get("note", ""))
            values = [v for _, v in labels]
            if all(v is True for v in values):
                good[kind].append(ex)
            elif sum(v is False for v in values) >= 2:
                poor[kind].append(ex)
    out: dict[str, list[tuple[Example, Example]]] = {}
    for kind in KINDS:
        used: dict[str, int] = {}
        pairs = []
        for p in sorted(poor[kind], key=lambda e: zlib.crc32(e.id.encode())):
            if not good[kind]:
                break
            best = max(good[kind], key=lambda g: (len(g.topics & p.topics), -used.get(g.id, 0),
                                                  -zlib.crc32((p.id + g.id).encode())))
            used[best.id] = used.get(best.id, 0) + 1
            pairs.append((p, best))
        out[kind] = pairs
    return out


def _reveal(ex_id: str) -> None:
    st.session_state.setdefault(REVEALED, set()).add(ex_id)


def _card(ex: Example, title: str, quiz: bool) -> None:
    revealed = ex.id in st.session_state.get(REVEALED, set())
    show = not quiz or revealed
    verdicts = list(ex.labels) if show else None
    st.html(render.statement_card(f"{title} ({ex.id})", ex.text, verdicts,
                                  note=ex.note if show and ex.note else ""))
    if not quiz:
        return
    names = [n for n, v in ex.labels if v is not None]
    guess = st.multiselect("Which criteria does this one miss?", names,
                           format_func=criterion_title, key=f"quiz::{ex.id}",
                           disabled=revealed, placeholder="Choose any it misses")
    if not revealed:
        st.button("Reveal the verdicts", key=f"reveal::{ex.id}", on_click=_reveal,
                  args=(ex.id,))
        return
    misses = set(ex.misses)
    right = misses & set(guess)
    wrong = set(guess) - misses
    missed = misses - set(guess)
    if not misses and not guess:
        st.success("Right: this one meets every criterion.")
    elif not wrong and not missed:
        st.success(f"Right: you found all {len(misses)} it misses.")
    else:
        parts = [f"You found {len(right)} of the {len(misses)} it misses."]
        if missed:
            parts.append("Also missed: " + ", ".join(criterion_title(m) for m in sorted(missed))
                         + ".")
        if wrong:
            parts.append("It meets: " + ", ".join(criterion_title(w) for w in sorted(wrong))
                         + ".")
        st.warning(label_escape(" ".join(parts)))


def _first_page() -> None:
    st.session_state["train_page"] = 1


def _new_kind() -> None:
    st.session_state["train_page"] = 1
    st.session_state["train_criterion"] = "any"


def main() -> None:
    st.title("Train", anchor=False)
    st.caption("Poor statements beside better ones from the labelled examples, with the "
               "criteria each meets. All names and situations are invented.")
    pairs_by_kind = gallery()
    c1, c2, c3 = st.columns([2, 3, 2])
    with c1:
        kind = st.selectbox("Kind", ["all", *KINDS], key="train_kind",
                            format_func=lambda k: "All kinds" if k == "all" else KIND_LABELS[k],
                            persist_state="session", on_change=_new_kind)
    criteria = sorted({c for k in KINDS for c in KINDS[k]} if kind == "all" else KINDS[kind],
                      key=criterion_title)
    with c2:
        crit = st.selectbox("Criterion the poor statement misses", ["any", *criteria],
                            key="train_criterion",
                            format_func=lambda c: "Any criterion" if c == "any"
                            else criterion_title(c), on_change=_first_page)
    with c3:
        quiz = st.toggle("Quiz: hide the verdicts", key=QUIZ, persist_state="session")
    pairs = [pr for k in (KINDS if kind == "all" else [kind]) for pr in pairs_by_kind[k]]
    if crit != "any":
        pairs = [pr for pr in pairs if crit in pr[0].misses]
    if not pairs:
        st.info("No examples match these filters.")
        return
    pages = (len(pairs) + PER_PAGE - 1) // PER_PAGE
    with st.columns([1, 3])[0]:
        page = st.number_input(f"Page (of {pages})", min_value=1, max_value=pages, step=1,
                               key="train_page")
    page = min(int(page), pages)
    st.caption(f"{len(pairs)} pairs. Showing {PER_PAGE * (page - 1) + 1} to "
               f"{min(len(pairs), PER_PAGE * page)}.")
    for poor, good in pairs[PER_PAGE * (page - 1): PER_PAGE * page]:
        st.divider()
        st.markdown(f"**{KIND_LABELS[poor.kind]}**")
        left, right = st.columns(2, gap="large")
        with left:
            _card(poor, "Poor", quiz)
        with right:
            _card(good, "Better", quiz)


with state.guard("the Train page"):
    main()
