"""The Draft page under Streamlit's AppTest: every state, without a browser.

Checks that the page renders what the engine returns (checklist, highlights, suggestions,
rewrite, pair check), that user text is escaped everywhere, and that nothing loses the
draft: a rerun, an error in one check, a page switch.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = ROOT / "ui" / "app.py"
POOR = "There are concerns about DV in the home."
ANSWERS = {  # by the rewrite's slot: what each question asks for
    "worried": "Nan and Amy's teacher",
    "plain_words": "Dad hitting Mum and throwing plates",
    "behaviour": "when he has been drinking, while Amy, who is 4, watches",
    "consequence": "Amy could be hit by something he throws and badly hurt",
}
HOSTILE = ('<script>alert("x")</script> <img src=x onerror=alert(2)> '
           "[a link](http://example.com) ![pic](http://example.com/p.png) **bold** "
           "There are concerns about DV.")


@pytest.fixture()
def at() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    assert not app.exception
    return app


def _type(at: AppTest, text: str) -> AppTest:
    at.text_area(key="draft").set_value(text)
    at.run()
    assert not at.exception, at.exception
    return at


def _checklist(at: AppTest) -> dict[str, bool]:
    bodies = [h.value for h in at.html if 'class="checklist-box"' in h.value]
    assert len(bodies) == 1, "one checklist on the page"
    return {m.group(1): m.group(2) == "true" for m in
            re.finditer(r'data-criterion="(\w+)" data-passed="(true|false)"', bodies[0])}


def shown_text(marked: str) -> str:
    """The text a reader sees in the marked draft, without the numbers and tooltips."""
    from html import unescape

    body = re.sub(r'<span class="tip" role="tooltip">.*?</span>(?=</mark>|</span>)', "",
                  marked.split('<div class="legend"')[0])
    body = re.sub(r"<sup[^>]*>.*?</sup>", "", body)
    return unescape(re.sub(r"<[^>]+>", "", body))


def _html_with(at: AppTest, marker: str) -> str:
    found = [h.value for h in at.html if marker in h.value]
    assert found, marker
    return found[0]


def test_empty_draft_shows_guidance_and_no_checklist(at: AppTest) -> None:
    assert at.text_area(key="draft").value == ""
    assert any("Start typing" in i.value for i in at.info)
    assert not [h for h in at.html if "checklist-box" in h.value]
    assert at.selectbox(key="kind").value == "auto"


def test_poor_statement_fails_then_the_filled_rewrite_passes(at: AppTest) -> None:
    _type(at, POOR)
    assert _checklist(at) == {"worried_person_attribution": False,
                              "behavioural_specificity": False, "consequences": False,
                              "plain_language": False}
    marked = _html_with(at, 'class="dv"')
    assert '<mark class="hl c-acronym"' in marked and ">DV<sup" in marked
    assert 'role="tooltip"' in marked
    # the rewrite's questions are fields; the preview fills in as they are answered
    from drafting.rewrite import suggest

    for p in suggest(POOR, "auto").rewrite.placeholders:
        at.text_input(key=f"ph::{p.question}").set_value(ANSWERS[p.slot])
    at.run()
    assert "Nan and Amy&#x27;s teacher are worried" in _html_with(at, 'class="rw"')
    at.button(key="use_rewrite").click().run()
    assert not at.exception
    assert at.session_state["draft"].startswith("Nan and Amy's teacher are worried")
    assert all(_checklist(at).values()), _checklist(at)
    assert "<del>" in _html_with(at, 'class="diff"')
    at.button(key="undo").click().run()
    assert at.session_state["draft"] == POOR
    assert not _checklist(at)["worried_person_attribution"]


def test_accept_all_then_answer_the_questions_it_leaves(at: AppTest) -> None:
    text = ("Concerns have been raised that Dad hits Amy, who is 4, when he is drunk, and Amy "
            "could be badly hurt.")
    _type(at, text)
    assert _checklist(at)["worried_person_attribution"] is False
    at.button(key="accept_all").click().run()
    after = at.session_state["draft"]
    assert after.startswith("[") and "worried that Dad hits Amy" in after
    diff = _html_with(at, 'class="diff"')
    assert "<del>" in diff and "<ins>" in diff and "removed: " in diff
    assert at.button(key="undo")
    question = re.match(r"\[([^\]]+)\]", after).group(1)  # the question it left
    at.text_input(key=f"dq::{question}").set_value("Nan and Amy's teacher")
    [b for b in at.button if b.label == "Put the answers in my draft"][0].click().run()
    assert at.session_state["draft"].startswith("Nan and Amy's teacher are worried that Dad")
    assert all(_checklist(at).values()), _checklist(at)
    at.button(key="undo").click().run()
    assert at.session_state["draft"] == after
    at.button(key="undo").click().run()
    assert at.session_state["draft"] == text


def test_one_suggestion_at_a_time(at: AppTest) -> None:
    text = ("The HV and Leanne are worried that Dean smokes cannabis in the living room with "
            "the windows shut while Poppy (8 months) is in her bouncer, and Poppy could get "
            "chest infections and struggle to breathe.")
    _type(at, text)
    assert _checklist(at)["plain_language"] is False
    accept = [b for b in at.button if b.label.startswith("Accept suggestion")]
    assert accept
    accept[0].click().run()
    assert "health visitor" in at.session_state["draft"]
    assert all(_checklist(at).values())
    assert "accepted suggestion 1" in " ".join(m.value for m in at.markdown)


def test_markup_in_a_draft_is_shown_as_text_everywhere(at: AppTest) -> None:
    _type(at, HOSTILE)
    assert at.session_state["draft"] == HOSTILE  # kept exactly
    for h in at.html:
        body = h.value
        if body.lstrip().startswith("<style>"):
            continue
        assert "<script" not in body.lower() and "<img" not in body.lower(), body[:200]
        assert "onerror=alert" not in body or "&lt;img" in body
    marked = _html_with(at, 'class="dv"')
    assert "&lt;script&gt;" in marked and "&lt;img src=x onerror=alert(2)&gt;" in marked
    assert shown_text(marked) == HOSTILE  # the marked view shows exactly the draft
    # nothing rendered as Markdown carries the draft's links, images or emphasis
    texts = [m.value for m in (*at.markdown, *at.caption, *at.info, *at.warning, *at.error)]
    texts += [w.label for w in at.text_input]
    for t in texts:
        assert "](http" not in t and "**bold**" not in t, t
    # the code block (copy) holds the text as text
    assert at.code[0].value == HOSTILE


def test_text_that_cannot_be_checked_says_why_and_keeps_the_draft(at: AppTest) -> None:
    long = "Nan is worried. " * 1300  # over 20,000 characters
    _type(at, long)
    assert any("characters long" in w.value for w in at.warning)
    assert at.session_state["draft"] == long
    assert not [h for h in at.html if "checklist-box" in h.value]
    _type(at, "Nan is worried that Dad shouts at Amy.")  # and it recovers
    assert _checklist(at)


def test_an_error_in_the_rewriter_keeps_the_checklist_and_the_draft(
        at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting.rewrite

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(drafting.rewrite, "suggest", broken)
    monkeypatch.setattr(drafting.rewrite, "suggest_for", broken, raising=False)
    _type(at, "There are concerns about drinking in the home.")
    assert any("Suggestions are not available" in e.value for e in at.error)
    assert "boom" not in " ".join(e.value for e in at.error)  # no internals shown
    assert _checklist(at)
    assert at.session_state["draft"] == "There are concerns about drinking in the home."


def test_the_kind_can_be_chosen(at: AppTest) -> None:
    at.selectbox(key="kind").set_value("safety_goal")
    _type(at, "Dad will stop drinking.")
    assert set(_checklist(at)) == {"positive_framing", "behavioural_specificity",
                                   "who_needs_to_see", "timeframe", "plain_language"}
    assert "Safety goal: " in _html_with(at, "checklist-box")


def test_auto_kind_says_why(at: AppTest) -> None:
    _type(at, POOR)
    assert any("Decided automatically" in c.value for c in at.caption)


def test_readability_and_downloads_are_offered(at: AppTest) -> None:
    _type(at, "Nan is worried that Dad shouts at Amy when he has been drinking. If nothing "
              "changes, Amy could be scared to go home.")
    rd = _html_with(at, 'class="rd"')
    assert "Reading grade" in rd and "Sentence 1" in rd and "Hard words" in rd
    labels = [b.label for b in at.download_button]
    assert labels == ["Download the statement (.txt)", "Download the report (Markdown)",
                      "Download the report (PDF)"]


def test_the_draft_survives_reruns_and_page_switches(at: AppTest) -> None:
    _type(at, POOR)
    at.run()
    assert at.session_state["draft"] == POOR
    at.switch_page("views/train.py").run()
    at.switch_page("views/draft.py").run()
    assert not at.exception
    assert at.text_area(key="draft").value == POOR
    assert _checklist(at)


def test_pair_tab_says_where_goal_and_danger_do_not_match(at: AppTest) -> None:
    at.session_state["draft_tab"] = "Check a pair"
    at.run()
    assert any("both statements" in i.value for i in at.info)
    at.text_area(key="pair_danger").set_value(
        "Nan is worried that Dad hits Amy, 4, when he has been drinking.")
    at.text_area(key="pair_goal").set_value(
        "Amy will go to school every day on time for the next term, and her teacher will "
        "see this.")
    at.run()
    body = _html_with(at, 'class="pair"')
    assert 'data-aspect="people" data-status="partial"' in body
    assert 'data-aspect="behaviour" data-status="mismatch"' in body
    assert "does not mention Dad" in body
    assert '<span class="a-trigger">when he has been drinking</span>' in body
    at.text_area(key="pair_goal").set_value(
        "Dad will be sober and speak calmly to Amy whenever he looks after her, which Nan "
        "will see every weekend for six months.")
    at.run()
    assert "The goal answers the same worry." in _html_with(at, 'class="pair"')
    assert [b.label for b in at.download_button] == ["Download the pair check (Markdown)"]


def test_pair_tab_can_take_the_draft(at: AppTest) -> None:
    _type(at, "Nan is worried that Dad hits Amy when he has been drinking.")
    at.session_state["draft_tab"] = "Check a pair"
    at.run()
    at.button(key="pair_use_danger").click().run()
    assert at.text_area(key="pair_danger").value.startswith("Nan is worried")


def test_build_tab_builds_a_statement_from_answers(at: AppTest) -> None:
    at.session_state["draft_tab"] = "Build from answers"
    at.run()
    assert not at.exception
    from drafting.builder import QUESTIONS

    questions = QUESTIONS["danger"]
    assert at.selectbox(key="build_kind").value == "danger"
    for q in questions:
        field = at.text_input(key=f"b::danger::{q.slot}")
        assert field.placeholder == f"For example: {q.hint}"
        if q.required:
            field.set_value(q.hint)
    [b for b in at.button if b.label == "Build the statement"][0].click().run()
    assert not at.exception
    built = _html_with(at, 'class="rw"')
    assert "Amy" in built and "worried" in built
    at.button(key="use_built").click().run()
    assert at.session_state["draft_tab"] == "Check a draft"
    assert at.session_state["kind"] == "danger"
    assert "Amy" in at.session_state["draft"]
    assert all(_checklist(at).values()), _checklist(at)
    at.button(key="undo").click().run()
    assert at.session_state["draft"] == ""


def test_build_tab_leaves_unanswered_questions_visible(at: AppTest) -> None:
    at.session_state["draft_tab"] = "Build from answers"
    at.run()
    at.selectbox(key="build_kind").set_value("safety_goal").run()
    at.text_input(key="b::safety_goal::adult").set_value("Dad")
    [b for b in at.button if b.label == "Build the statement"][0].click().run()
    built = _html_with(at, 'class="rw"')
    assert 'class="ph"' in built  # open questions are marked
    assert any("still open" in c.value for c in at.caption)


def test_the_engine_loads_once_per_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import state

    state.engine.clear()
    calls: list[str] = []
    real = state._importable
    monkeypatch.setattr(state, "_importable", lambda name: calls.append(name) or real(name))
    for _ in range(2):  # two sessions, several reruns each
        app = AppTest.from_file(str(APP), default_timeout=60)
        app.run()
        _type(app, POOR)
        _type(app, POOR + " Nan is worried.")
    assert len(calls) == 3, calls  # one body run of engine(): three optional parts looked up


def test_an_unexpected_error_is_a_short_message_and_the_draft_stays(
        at: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import render

    def broken(*args, **kwargs):
        raise RuntimeError(POOR)  # an error that quotes the draft

    monkeypatch.setattr(render, "checklist", broken)
    _type(at, POOR)
    assert not at.exception  # no traceback on the page
    messages = [e.value for e in at.error]
    assert any("Something went wrong in the Draft page (RuntimeError)" in m for m in messages)
    assert not any("DV" in m for m in messages)
    assert at.session_state["draft"] == POOR
    monkeypatch.undo()
    at.run()
    assert _checklist(at)


def test_a_version_for_the_child(at: AppTest) -> None:
    text = ("Nan and Amy's teacher are worried that Dad hits Amy, who is 4, when he has been "
            "drinking. If nothing changes, Amy could be badly hurt.")
    _type(at, text)
    assert any(e.label == "A version for the child" for e in at.expander)
    at.number_input(key="child_age").set_value(6)
    at.button(key="child_write").click().run()
    assert not at.exception
    body = _html_with(at, 'aria-label="Rewrite"')  # the rewrite and the child's version
    assert body
    versions = [h.value for h in at.html if 'aria-label="Rewrite"' in h.value]
    assert len(versions) == 2 and "you" in versions[1].lower()


def test_well_written_examples_like_yours(at: AppTest) -> None:
    text = "Nan is worried that Dad hits Mum when he has been drinking."
    _type(at, text)
    assert any(e.label == "Well-written examples like yours" for e in at.expander)
    at.button(key="similar_find").click().run()
    assert not at.exception
    cards = [h.value for h in at.html if "Example 1 (similarity" in h.value]
    assert cards and "Example 3" in cards[0]
    assert text not in cards[0]  # examples come from the corpus, not the draft


def test_the_learned_scorer_is_on_and_can_be_switched_off(at: AppTest) -> None:
    text = ("The health visitor is worried about the way Kofi speaks to Abena in front of baby "
            "Esi, which could affect Esi's development.")
    at.selectbox(key="kind").set_value("danger")
    _type(at, text)
    assert _checklist(at)["behavioural_specificity"] is False  # the scorer overrules the rules
    at.toggle(key="use_model").set_value(False).run()
    assert not at.exception
    assert _checklist(at)["behavioural_specificity"] is True  # the rules alone
    assert at.session_state["draft"] == text
