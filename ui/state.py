"""The engine, loaded once per server, and the session's draft, history and results.

The draft lives in session state only (never on disk, never in a log). Changes made by the
app (accepting a suggestion, using a rewrite) go through :func:`replace_draft`, which keeps
an undo history. Checks are memoised per session, so a rerun that does not change the text
costs nothing, and a failure in one step (an error in the rewriter, say) leaves the others
and the draft in place.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import streamlit as st

if TYPE_CHECKING:
    from drafting.report import Report

DRAFT = "draft"
KIND = "kind"
HISTORY = "history"
LAST_CHANGE = "last_change"
ANSWERS = "answers"
MEMO = "_memo"
MEMO_SIZE = 16
KIND_OPTIONS = ("auto", "danger", "safety_goal", "harm")
KIND_LABELS = {"auto": "Decide for me", "danger": "Danger statement",
               "safety_goal": "Safety goal", "harm": "Harm statement"}


@dataclass(frozen=True)
class Engine:
    """What the server loads once: the parser, the rules and the optional parts."""

    nlp: Any
    rules: Any
    has_rewrite: bool
    has_builder: bool
    has_child_version: bool


@st.cache_resource(show_spinner="Loading the checker (once for this server)…")
def engine() -> Engine:
    """Load the spaCy pipeline and the rules once per server process, and warm them."""
    from drafting.engine import _nlp, _rules, check

    nlp = _nlp()
    rules = _rules(())
    check("Nan is worried that Dad shouts at Amy.", "danger")  # first-call costs, up front
    has_rewrite = _importable("drafting.rewrite")
    if has_rewrite:
        try:
            from drafting.rewrite import suggest

            suggest("There are concerns about DV.", "danger")
        except Exception:  # the checker still works without the rewriter
            has_rewrite = False
    return Engine(nlp, rules, has_rewrite, _importable("drafting.builder"),
                  _importable("drafting.rewrite.child"))


def _importable(name: str) -> bool:
    import importlib

    try:
        importlib.import_module(name)
    except Exception:
        return False
    return True


@dataclass(frozen=True)
class Result:
    """One draft's check: the report, the suggestions if the rewriter gave them, and
    what went wrong, if anything, in plain words."""

    report: Report | None = None
    suggestions: Any = None
    error: str = ""  # the text cannot be checked (empty, too long, binary): say why
    problem: str = ""  # a step failed; what did work is still shown


def init() -> None:
    ss = st.session_state
    ss.setdefault(DRAFT, "")
    ss.setdefault(KIND, "auto")
    ss.setdefault(HISTORY, [])
    ss.setdefault(LAST_CHANGE, None)
    ss.setdefault(ANSWERS, {})
    ss.setdefault(MEMO, OrderedDict())


def _analyse(text: str, kind: str) -> Result:
    from drafting.engine import check
    from drafting.textinput import InputError

    eng = engine()
    if eng.has_rewrite:
        try:
            from drafting.rewrite import suggest

            s = suggest(text, kind)
            return Result(s.report, s)
        except InputError as exc:
            return Result(error=exc.message)
        except Exception as exc:  # the rewriter failed: the check alone still helps
            problem = (f"Suggestions are not available for this draft (an internal error: "
                       f"{type(exc).__name__}). The checks below still apply.")
    else:
        problem = ""
    try:
        return Result(check(text, kind), None, problem=problem)
    except InputError as exc:
        return Result(error=exc.message)
    except Exception as exc:
        return Result(problem=f"The check failed with an internal error "
                              f"({type(exc).__name__}). Your draft is kept; try editing it.")


def analyse(text: str, kind: str) -> Result:
    """The check of ``text`` as ``kind``, memoised for this session."""
    memo: OrderedDict[tuple[str, str], Result] = st.session_state[MEMO]
    key = (text, kind)
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    result = _analyse(text, kind)
    memo[key] = result
    while len(memo) > MEMO_SIZE:
        memo.popitem(last=False)
    return result


def replace_draft(new_text: str, what: str) -> None:
    """Change the draft from the app, keeping the old text for undo (call from callbacks)."""
    ss = st.session_state
    old = ss.get(DRAFT, "")
    if new_text == old:
        return
    ss[HISTORY].append((old, what))
    ss[LAST_CHANGE] = (old, new_text, what)
    ss[DRAFT] = new_text


def undo() -> None:
    ss = st.session_state
    if not ss[HISTORY]:
        return
    old, what = ss[HISTORY].pop()
    current = ss.get(DRAFT, "")
    ss[DRAFT] = old
    ss[LAST_CHANGE] = (current, old, f"Undid: {what}") if ss[HISTORY] or old != current \
        else None


@contextmanager
def guard(what: str) -> Iterator[None]:
    """Show an unexpected error as a short message, without a traceback and without
    logging it (a traceback can quote the draft). The draft stays in session state."""
    try:
        yield
    except Exception as exc:  # Streamlit's stop and rerun signals are not Exceptions
        st.error(f"Something went wrong in {what} ({type(exc).__name__}). Your text is kept; "
                 "try again, or reload the page.")
