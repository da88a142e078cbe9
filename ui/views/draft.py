"""Draft: write a statement and see the criteria tick as you go; accept suggestions, fill in
the rewrite, build a statement from answers, check a danger statement against its goal.

Everything shown comes from the engine (``drafting``); this page only lays it out. User
text reaches the page through ``ui.render`` (escaped HTML) or ``label_escape`` (labels).
"""

from __future__ import annotations

import re
from typing import Any

import streamlit as st

from ui import render, state
from ui.render import label_escape
from ui.state import DRAFT, HISTORY, KIND, KIND_LABELS, KIND_OPTIONS, LAST_CHANGE

TAB_CHECK, TAB_BUILD, TAB_PAIR = "Check a draft", "Build from answers", "Check a pair"
TAB_KEY = "draft_tab"
PAIR_DANGER, PAIR_GOAL, PAIR_MEMO = "pair_danger", "pair_goal", "_pair_memo"
BUILT = "_built"
# "[Who is worried?]": a question left in the text by an accepted suggestion or a rewrite
QUESTION = re.compile(r"\[([^\[\]\n]{2,300})\]")


def _html(body: str) -> None:
    st.html(body)


# --- callbacks (run before the page, so they may change widget state) ----------------


def _accept(text: str, indices: list[int], edits: tuple[Any, ...], what: str) -> None:
    from drafting.rewrite import apply_edits

    if st.session_state.get(DRAFT) != text:
        st.session_state["_notice"] = ("Your draft changed before the suggestion was "
                                       "accepted; the suggestions have been refreshed.")
        return
    chosen = [edits[i] for i in indices]
    state.replace_draft(apply_edits(text, chosen), what)


def _use_text(new_text: str, what: str, kind: str | None = None) -> None:
    state.replace_draft(new_text, what)
    if kind is not None:
        st.session_state[KIND] = kind
    st.session_state[TAB_KEY] = TAB_CHECK


def _answer_questions(text: str, questions: list[str]) -> None:
    if st.session_state.get(DRAFT) != text:
        return
    new, answered = text, 0
    for q in questions:
        answer = (st.session_state.get(f"dq::{q}") or "").strip()
        if answer and f"[{q}]" in new:
            new = new.replace(f"[{q}]", answer, 1)
            answered += 1
    if answered:
        state.replace_draft(new, f"answered {answered} question{'s' if answered > 1 else ''}")


def _use_draft_as_danger() -> None:
    st.session_state[PAIR_DANGER] = st.session_state.get(DRAFT, "")


def _use_draft_as_goal() -> None:
    st.session_state[PAIR_GOAL] = st.session_state.get(DRAFT, "")


# --- the check tab ---------------------------------------------------------------------


def _questions(text: str) -> None:
    """Fields for the questions in the draft, so answering them is one step."""
    questions = list(dict.fromkeys(m.group(1) for m in QUESTION.finditer(text)))
    if not questions:
        return
    with st.container(border=True, key="draft_questions"):
        st.markdown(f"**Your draft asks {len(questions)} question"
                    f"{'s' if len(questions) > 1 else ''}.** Answer here, or edit the text.")
        with st.form("draft_questions_form", enter_to_submit=False, border=False):
            for q in questions:
                st.text_input(label_escape(q), key=f"dq::{q}")
            st.form_submit_button("Put the answers in my draft", on_click=_answer_questions,
                                  args=(text, questions))


def _suggestions(text: str, suggestions: Any) -> None:
    st.subheader("Suggestions", anchor=False)
    edits = suggestions.edits if suggestions is not None else ()
    last = st.session_state.get(LAST_CHANGE)
    if last is not None and last[1] == text:
        old, new, what = last
        st.markdown(f"**Last change:** {label_escape(what)}")
        _html(render.diff(old, new))
    if st.session_state[HISTORY]:
        st.button("Undo the last change", on_click=state.undo, key="undo",
                  icon=":material/undo:")
    if suggestions is None:
        st.caption("No suggestions for this draft.")
        return
    if not edits:
        st.caption("No word-by-word suggestions: see the checklist and the rewrite.")
        return
    n = len(edits)
    st.button(f"Accept all suggestions ({n})", key="accept_all", type="primary",
              on_click=_accept,
              args=(text, list(range(n)), edits,
                    f"accepted {'all ' if n > 1 else ''}{n} suggestion{'s' if n > 1 else ''}"))
    for i, e in enumerate(edits):
        with st.container(border=True):
            _html(f"<p><strong>{i + 1}.</strong></p>"
                  + render.edit_line(e.text or text[e.start:e.end], e.replacement, e.reason))
            st.button(f"Accept suggestion {i + 1}", key=f"accept_{i}_{e.start}_{e.rule_id}",
                      on_click=_accept,
                      args=(text, [i], edits, f"accepted suggestion {i + 1}"))


def _rewrite(suggestions: Any) -> None:
    from drafting.rewrite import fill

    rw = suggestions.rewrite
    st.subheader("Whole-statement rewrite", anchor=False)
    st.caption("The rewrite keeps every fact in your draft and asks for what is missing. "
               "Answer the questions to fill it in.")
    answers: dict[str, str] = {}
    seen: dict[str, int] = {}
    for p in rw.placeholders:
        n = seen.get(p.question, 0)
        seen[p.question] = n + 1
        if n:
            continue  # the same question twice is answered once
        key = f"ph::{p.question}"
        answers[p.question] = st.text_input(label_escape(p.question), key=key,
                                            persist_state="session")
    given = {q: a for q, a in answers.items() if a and a.strip()}
    filled = fill(rw, given)
    _html(render.rewrite(filled, _open_in(rw, given)))
    st.button("Use this rewrite as my draft", key="use_rewrite", on_click=_use_text,
              args=(filled, "used the rewrite"), icon=":material/edit_note:")


def _open_in(rw: Any, given: dict[str, str]) -> list[tuple[int, int]]:
    """Where the unanswered questions sit in the filled text (answers shift them)."""
    out: list[tuple[int, int]] = []
    shift = 0
    for p in rw.placeholders:
        answer = given.get(p.question, "").strip()
        if answer:
            shift += len(answer) - (p.end - p.start)
        else:
            out.append((p.start + shift, p.end + shift))
    return out


def _child_version(text: str, kind: str) -> None:
    """The statement retold for the child, at their age (danger statements and goals)."""
    with st.expander("A version for the child"):
        age = st.number_input("The child's age", min_value=2, max_value=17, value=8, step=1,
                              key="child_age")
        key = (text, kind, int(age))
        held = st.session_state.get("_child")
        if st.button("Write it for the child", key="child_write"):
            from drafting.rewrite import child_version

            try:
                held = (key, child_version(text, kind, int(age)))
            except ValueError as exc:
                held = (key, str(exc))
            except Exception as exc:
                held = (key, f"It could not be written ({type(exc).__name__}).")
            st.session_state["_child"] = held
        if held is None or held[0] != key:
            st.caption("Short sentences, everyday words, the child as “you”; every fact "
                       "kept and nothing added.")
            return
        if isinstance(held[1], str):
            st.warning(label_escape(held[1]))
            return
        rw = held[1]
        _html(render.rewrite(rw.text, [(p.start, p.end) for p in rw.placeholders]))
        st.code(rw.text, language=None, wrap_lines=True)


def _similar_examples(text: str, kind: str) -> None:
    """Well-written statements from the corpus that are like this draft (a language model
    on this computer finds them; nothing is sent anywhere)."""
    with st.expander("Well-written examples like yours"):
        key = (text, kind)
        held = st.session_state.get("_similar")
        if st.button("Find examples", key="similar_find"):
            try:
                held = (key, state.similar(text, kind))
            except Exception as exc:
                held = (key, f"Examples are not available here ({type(exc).__name__}).")
            st.session_state["_similar"] = held
        if held is None or held[0] != key:
            st.caption("Invented statements from the practice corpus that meet every "
                       "criterion, nearest in meaning to your draft. The first search loads "
                       "a language model on this computer and takes a few seconds.")
            return
        if isinstance(held[1], str):
            st.warning(label_escape(held[1]))
            return
        if not held[1]:
            st.info("No examples of this kind are available.")
            return
        _html("".join(render.statement_card(f"Example {i + 1} (similarity {ex['score']:.2f})",
                                            ex["text"], None)
                      for i, ex in enumerate(held[1])))


def _export(text: str, report: Any) -> None:
    from drafting.export import markdown_report, pdf_report

    st.subheader("Copy and download", anchor=False)
    st.caption("Copy the statement with the button at the top right of the box.")
    st.code(text, language=None, wrap_lines=True)
    st.download_button("Download the statement (.txt)", data=text.encode("utf-8"),
                       file_name="statement.txt", mime="text/plain", on_click="ignore",
                       key="dl_txt", icon=":material/download:")
    st.download_button("Download the report (Markdown)",
                       data=markdown_report(text, report).encode("utf-8"),
                       file_name="statement-report.md", mime="text/markdown",
                       on_click="ignore", key="dl_md", icon=":material/download:")
    st.download_button("Download the report (PDF)", data=lambda: pdf_report(text, report),
                       file_name="statement-report.pdf", mime="application/pdf",
                       on_click="ignore", key="dl_pdf", icon=":material/download:")


def check_tab(eng: state.Engine) -> None:
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.selectbox("What are you writing?", KIND_OPTIONS, key=KIND,
                     format_func=KIND_LABELS.get, persist_state="session")
        st.toggle("Use the learned scorer", key="use_model", value=True,
                  help="A model trained on the labelled examples, blended with the rules: "
                       "more accurate on statements it has never seen (see the README). It "
                       "runs on this computer. Switch it off to see the rules' verdicts "
                       "alone.")
        st.text_area("Your statement", key=DRAFT, height=170, persist_state="session",
                     placeholder="Type or paste a danger statement, safety goal or harm "
                                 "statement…")
        st.caption("The checklist updates when you press Ctrl+Enter or move out of the box. "
                   "Nothing you write is saved or sent anywhere.")
        notice = st.session_state.pop("_notice", None)
        if notice:
            st.info(label_escape(notice))
    text = st.session_state.get(DRAFT) or ""
    if not text.strip():
        with left:
            st.info("Start typing: the criteria for your statement will appear here, each "
                    "with its reason.")
            if st.session_state[HISTORY]:
                st.button("Undo the last change", on_click=state.undo, key="undo_empty")
        return
    kind = st.session_state.get(KIND) or "auto"
    checked = state.check_draft(text, kind, bool(st.session_state.get("use_model", True)))
    with left:
        if checked.error:
            st.warning(label_escape(checked.error) + "  \nYour draft is kept.")
        if checked.problem:
            st.error(label_escape(checked.problem))
    report = checked.report
    if report is None:
        with left:
            if st.session_state[HISTORY]:
                st.button("Undo the last change", on_click=state.undo, key="undo_err")
        return
    # the verdicts go out first; the suggestions, which take longer, follow
    with right:
        rewrite_box = st.container()
    with left:
        questions_box = st.container()
        if report.kind_requested == "auto":
            st.caption(label_escape(f"Checked as a {KIND_LABELS[report.kind].lower()}. "
                                    f"{report.kind_reason}"))
        _html(render.checklist(report))
        st.subheader("Your draft, marked", anchor=False)
        st.caption("Hover over or tab to a marked word for the reason and a plainer "
                   "alternative. The numbers match the list below.")
        _html(render.highlight(text, report.findings) + render.legend(report.findings))
        with st.expander(f"All wording findings ({len(report.findings)})"):
            _html(render.findings_list(report.findings))
    with right:
        st.subheader("Readability", anchor=False)
        _html(render.readability(report.readability, text))
        _export(text, report)
    with questions_box:
        _questions(text)
    if not eng.has_rewrite:
        return
    offered = state.suggestions(text, kind, checked)
    with left:
        if offered.problem:
            st.error(label_escape(offered.problem))
        _suggestions(text, offered.suggestions)
    if offered.suggestions is not None:
        with rewrite_box:
            _rewrite(offered.suggestions)
            if eng.has_child_version and report.kind in ("danger", "safety_goal"):
                _child_version(text, report.kind)
            _similar_examples(text, report.kind)


# --- build tab -------------------------------------------------------------------------


def build_tab(eng: state.Engine) -> None:
    if not eng.has_builder:
        st.info("Building a statement from answers is not available in this version.")
        return
    from drafting.builder import QUESTIONS, build

    kinds = [k for k in ("danger", "safety_goal", "harm") if k in QUESTIONS]
    kind = st.selectbox("Which statement do you want to build?", kinds, key="build_kind",
                        format_func=KIND_LABELS.get, persist_state="session")
    with st.form("build_form", enter_to_submit=False):
        for q in QUESTIONS[kind]:
            label = label_escape(q.prompt) + ("" if q.required else " (optional)")
            st.text_input(label, key=f"b::{kind}::{q.slot}",
                          placeholder=f"For example: {q.hint}" if q.hint else None)
        submitted = st.form_submit_button("Build the statement", type="primary")
    if submitted:
        answers = {q.slot: st.session_state.get(f"b::{kind}::{q.slot}", "")
                   for q in QUESTIONS[kind]}
        try:
            st.session_state[BUILT] = (kind, build(kind, answers))
        except Exception as exc:
            st.error(label_escape(f"The statement could not be built ({type(exc).__name__})."
                                  " Your answers are kept."))
    built = st.session_state.get(BUILT)
    if built is None or built[0] != kind:
        return
    rw = built[1]
    _html(render.rewrite(rw.text, [(p.start, p.end) for p in rw.placeholders]))
    if rw.placeholders:
        st.caption("Questions in brackets are still open: answer them here or after you "
                   "use the statement as your draft.")
    st.button("Use this as my draft", key="use_built", type="primary", on_click=_use_text,
              args=(rw.text, "used the built statement", kind))


# --- pair tab --------------------------------------------------------------------------


def pair_tab() -> None:
    from drafting.export import pair_markdown
    from drafting.pair import compare
    from drafting.textinput import InputError

    st.caption("A safety goal should answer the same worry as its danger statement: the "
               "same people, the same behaviour and the same trigger.")
    c1, c2 = st.columns(2, gap="large")
    with c1:
        st.text_area("Danger statement", key=PAIR_DANGER, height=150, persist_state="session")
        st.button("Use my draft here", key="pair_use_danger", on_click=_use_draft_as_danger)
    with c2:
        st.text_area("Safety goal", key=PAIR_GOAL, height=150, persist_state="session")
        st.button("Use my draft here", key="pair_use_goal", on_click=_use_draft_as_goal)
    danger = st.session_state.get(PAIR_DANGER) or ""
    goal = st.session_state.get(PAIR_GOAL) or ""
    if not danger.strip() or not goal.strip():
        st.info("Write or paste both statements to check them as a pair (press Ctrl+Enter "
                "or move out of a box to check).")
        return
    memo = st.session_state.setdefault(PAIR_MEMO, {})
    key = (danger, goal)
    if key not in memo:
        memo.clear()
        try:
            memo[key] = compare(danger, goal)
        except InputError as exc:
            memo[key] = exc.message
        except Exception as exc:
            memo[key] = (f"The pair check failed with an internal error "
                         f"({type(exc).__name__}). Both statements are kept.")
    result = memo[key]
    if isinstance(result, str):
        st.warning(label_escape(result))
        return
    _html(render.pair(result, danger, goal))
    st.download_button("Download the pair check (Markdown)",
                       data=pair_markdown(result, danger, goal).encode("utf-8"),
                       file_name="pair-check.md", mime="text/markdown", on_click="ignore",
                       key="dl_pair", icon=":material/download:")


def main() -> None:
    state.init()
    eng = state.engine()
    st.title("Draft", anchor=False)
    tabs = st.tabs([TAB_CHECK, TAB_BUILD, TAB_PAIR], key=TAB_KEY, on_change="rerun")
    with tabs[0]:
        if tabs[0].open is not False:
            check_tab(eng)
    with tabs[1]:
        if tabs[1].open:
            build_tab(eng)
    with tabs[2]:
        if tabs[2].open:
            pair_tab()


with state.guard("the Draft page"):
    main()
