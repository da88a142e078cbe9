"""A danger statement and its safety goal checked as a pair: people, behaviour, trigger."""

from __future__ import annotations

import pytest

from drafting.pair import compare
from drafting.textinput import InputError

DANGER = "Nan is worried that Dad hits Amy, 4, when he has been drinking."
GOAL = ("Dad will be sober and speak calmly to Amy whenever he looks after her, which Nan "
        "will see every weekend for six months.")


def _spans_ok(result, danger: str, goal: str) -> None:
    for a in result.aspects:
        for s in a.danger_spans:
            assert danger[s.start:s.end] == s.text, (a.name, s)
        for s in a.goal_spans:
            assert goal[s.start:s.end] == s.text, (a.name, s)


def test_a_goal_that_answers_the_worry_matches_on_all_three() -> None:
    r = compare(DANGER, GOAL)
    assert [(a.name, a.status) for a in r.aspects] == [
        ("people", "match"), ("behaviour", "match"), ("trigger", "match")]
    assert r.matched
    _spans_ok(r, DANGER, GOAL)
    assert {s.text for s in r.aspect("people").goal_spans} == {"Dad", "Amy"}
    assert r.aspect("trigger").danger_spans[0].text == "when he has been drinking"
    assert r.danger.kind == "danger" and r.goal.kind == "safety_goal"


def test_a_goal_about_something_else_says_where_it_does_not_match() -> None:
    goal = ("Amy will go to school every day on time for the next term, and her teacher will "
            "see this.")
    r = compare(DANGER, goal)
    assert not r.matched
    people, behaviour, trigger = r.aspects
    assert people.status == "partial" and people.missing == ("Dad",)
    assert "Dad" in people.message
    assert behaviour.status == "mismatch" and "violence" in behaviour.missing
    assert "school" in behaviour.message
    assert trigger.status == "mismatch"
    assert "when he has been drinking" in trigger.message
    _spans_ok(r, DANGER, goal)


def test_names_given_with_a_role_match_the_role() -> None:
    danger = ("The school is worried that Mum, Kayla, leaves Leo, 6, alone in the flat at night "
              "while she goes to the pub.")
    goal = ("Kayla will arrange for Nan to stay with Leo every evening she goes out, and Nan "
            "will text the social worker, for the next three months.")
    r = compare(danger, goal)
    assert r.aspect("people").status == "match"
    assert r.aspect("behaviour").status == "match"  # supervision
    assert r.aspect("trigger").status == "partial"  # night yes, the pub no
    _spans_ok(r, danger, goal)


def test_a_child_in_the_goal_who_is_not_in_the_danger_is_flagged() -> None:
    goal = ("Dad will be sober and speak calmly to Leo, 5, whenever he looks after him, which "
            "Nan will see every weekend for six months.")
    people = compare(DANGER, goal).aspect("people")
    assert not people.matched
    assert people.extra == ("Leo",) and people.missing == ("Amy",)


def test_a_danger_with_labels_only_still_pairs_by_family() -> None:
    r = compare("There are concerns about DV in the home.",
                "Dad will speak calmly to Mum when they disagree, seen by Nan for 6 months.")
    assert r.aspect("behaviour").status == "match"
    assert r.aspect("people").status == "not_named"
    assert r.aspect("trigger").status == "not_named"
    assert r.matched


def test_to_dict_and_errors_name_the_statement() -> None:
    d = compare(DANGER, GOAL).to_dict()
    assert d["matched"] is True
    assert set(d["aspects"]) == {"people", "behaviour", "trigger"}
    assert d["danger"]["kind"] == "danger"
    with pytest.raises(InputError) as exc:
        compare(DANGER, "   ")
    assert exc.value.code == "empty" and exc.value.message.startswith("Safety goal:")
    with pytest.raises(InputError) as exc:
        compare("", GOAL)
    assert exc.value.message.startswith("Danger statement:")
