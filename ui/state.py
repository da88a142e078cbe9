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


@st.cache_resource(show_spinner="Loading the language model (once for this server)…")
def examples_model() -> Any:
    """The sentence encoder and the examples' index, loaded once per server and only when
    someone first asks for examples (the model runs in numpy: no torch)."""
    from drafting.learned import load_scorer
    from drafting.models.encoder import minilm

    minilm()
    return load_scorer()


@st.cache_resource(show_spinner="Loading the learned scorer (once for this server)…")
def scorer() -> Any:
    """The learned scorer ``drafting check`` uses by default, loaded once per server (its
    sentence encoder, if it reads one, loads on the first check: numpy, no torch)."""
    from drafting.learned import DEFAULT_MODE, load_scorer, mode_path

    return load_scorer(mode_path(DEFAULT_MODE))


def similar(text: str, kind: str, k: int = 3) -> list[dict[str, Any]]:
    """Well-written corpus statements like the draft, memoised per session."""
    from drafting.similar import similar as nearest

    examples_model()
    return _memo(("similar", text, kind, k), lambda: nearest(text, kind, k))


def _importable(name: str) -> bool:
    import importlib

    try:
        importlib.import_module(name)
    except Exception:
        return False
    return True


@dataclass(frozen=True)
class Checked:
    """One draft's check: the report (and the parse, for the suggestions), or why the text
    cannot be checked, or what went wrong, in plain words."""

    report: Report | None = None
    doc: Any = None
    error: str = ""  # the text cannot be checked (empty, too long, binary): say why
    problem: str = ""  # the check failed; the draft is kept


@dataclass(frozen=True)
class Offered:
    """The rewriter's suggestions for a checked draft, or why there are none."""

    suggestions: Any = None
    problem: str = ""


def init() -> None:
    ss = st.session_state
    ss.setdefault(DRAFT, "")
    ss.setdefault(KIND, "auto")
    ss.setdefault(HISTORY, [])
    ss.setdefault(LAST_CHANGE, None)
    ss.setdefault(ANSWERS, {})
    ss.setdefault(MEMO, OrderedDict())


def _memo(key: tuple[Any, ...], compute: Any) -> Any:
    memo: OrderedDict[tuple[Any, ...], Any] = st.session_state[MEMO]
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    value = compute()
    memo[key] = value
    while len(memo) > MEMO_SIZE:
        memo.popitem(last=False)
    return value


def _check(text: str, kind: str, model: bool = False) -> Checked:
    from drafting.engine import _check_kind, report_for
    from drafting.textinput import InputError, validate

    eng = engine()
    try:
        _check_kind(kind)
        validate(text)
        doc = eng.nlp(text)
        report = report_for(text, doc, kind, eng.rules)
        if model:  # the learned scorer blended with the rules (loaded once per server)
            from drafting.learned import apply

            (report,) = apply(scorer(), [report], [text], [doc])
        return Checked(report, doc)
    except InputError as exc:
        return Checked(error=exc.message)
    except Exception as exc:
        return Checked(problem=f"The check failed with an internal error "
                               f"({type(exc).__name__}). Your draft is kept; try editing it.")


def check_draft(text: str, kind: str, model: bool = False) -> Checked:
    """The check of ``text`` as ``kind`` (one parse), memoised for this session; with
    ``model``, the learned scorer's verdicts blended in."""
    return _memo(("check", text, kind, model), lambda: _check(text, kind, model))


def _offer(text: str, kind: str, checked: Checked) -> Offered:
    import drafting.rewrite as rewrite

    try:
        if hasattr(rewrite, "suggest_for") and checked.doc is not None:
            return Offered(rewrite.suggest_for(text, checked.doc, checked.report))
        return Offered(rewrite.suggest(text, kind))
    except Exception as exc:  # the rewriter failed: the check alone still helps
        return Offered(problem=f"Suggestions are not available for this draft (an internal "
                               f"error: {type(exc).__name__}). The checks above still apply.")


def suggestions(text: str, kind: str, checked: Checked) -> Offered:
    """Edits and a whole rewrite for a checked draft, reusing its parse; memoised."""
    if not engine().has_rewrite or checked.report is None:
        return Offered()
    return _memo(("suggest", text, kind), lambda: _offer(text, kind, checked))


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
