"""The Python API: ``check`` and ``check_many``, and the report's documented shape."""

from __future__ import annotations

import json

import pytest
from conftest import CLEAR_FAIL, CLEAR_PASS

import drafting
from drafting import InputError, check, check_many
from drafting.engine import Item, ItemError
from drafting.kinds import KINDS
from drafting.report import SCHEMA_VERSION, Report

FINDING_KEYS = {"rule_id", "category", "severity", "start", "end", "text", "message",
                "replacements", "fix", "affects"}
READABILITY_KEYS = {"words", "sentences", "avg_sentence_length", "longest_sentence_length",
                    "flesch_reading_ease", "flesch_kincaid_grade", "hard_words",
                    "sentence_stats", "reliable"}
SAMPLES = {
    "danger": CLEAR_PASS,
    "safety_goal": (
        "Amy will be safe when Dad is not drinking. Nan and the school will see Dad sober at "
        "every pick-up for the next 6 months."
    ),
    "harm": (
        "On 3 March Dad hit Amy (4) across the face with his belt after drinking. Amy had a "
        "bruise on her cheek and told her teacher she was scared to go home."
    ),
}


def test_public_names():
    for name in ("check", "check_many", "InputError", "Report", "KINDS", "__version__"):
        assert hasattr(drafting, name)
    with pytest.raises(AttributeError):
        drafting.no_such_name  # noqa: B018


@pytest.mark.parametrize("kind", list(KINDS))
def test_report_shape(kind, spans_ok):
    text = SAMPLES[kind]
    report = check(text, kind=kind)
    assert isinstance(report, Report)
    d = report.to_dict()
    json.dumps(d)  # plain JSON types only
    assert d["schema_version"] == SCHEMA_VERSION
    assert d["kind"] == kind and d["kind_requested"] == kind
    assert isinstance(d["kind_reason"], str) and d["kind_reason"]
    assert d["text_length"] == len(text)
    assert list(d["criteria"]) == list(KINDS[kind])
    for name, c in d["criteria"].items():
        assert set(c) == {"passed", "message", "evidence", "fix"}, name
        assert isinstance(c["passed"], bool)
        assert isinstance(c["message"], str) and c["message"]
        for e in c["evidence"]:
            assert set(e) == {"start", "end", "text"}
            assert text[e["start"]:e["end"]] == e["text"]
        if not c["passed"]:
            assert c["fix"].strip(), f"{name} fails without a fix"
    for f in d["findings"]:
        assert set(f) == FINDING_KEYS
        assert text[f["start"]:f["end"]] == f["text"]
        assert f["severity"] in ("suggestion", "warning", "error")
        assert isinstance(f["replacements"], list) and isinstance(f["affects"], list)
        assert set(f["affects"]) <= set().union(*KINDS.values())
    assert READABILITY_KEYS <= set(d["readability"])
    passed = sum(c["passed"] for c in d["criteria"].values())
    assert d["score"] == pytest.approx(passed / len(d["criteria"]))
    assert report.score == pytest.approx(passed / len(report.criteria))
    assert d["passed"] == (passed == len(d["criteria"]))
    assert "id" not in d
    spans_ok(report, text)


def test_clear_failure():
    report = check(CLEAR_FAIL, kind="danger")
    assert not report.criterion("worried_person_attribution").passed
    assert not report.criterion("plain_language").passed
    assert not report.passed and report.score < 1
    for c in report.criteria:
        if not c.passed:
            assert c.fix.strip()
    with pytest.raises(KeyError):
        report.criterion("timeframe")


def test_clear_pass():
    report = check(CLEAR_PASS, kind="danger")
    assert {c.name: c.passed for c in report.criteria} == dict.fromkeys(KINDS["danger"], True)
    assert report.passed and report.score == 1.0


def test_dv_finding_offers_a_fix():
    text = CLEAR_FAIL
    dv = [f for f in check(text, kind="danger").findings if f.text == "DV"]
    assert dv, "DV is not flagged"
    f = dv[0]
    assert (f.start, f.end) == (text.index("DV"), text.index("DV") + 2)
    assert f.fix.strip() or any(r for r in f.replacements)
    assert "plain_language" in f.affects


@pytest.mark.parametrize("text", [CLEAR_PASS, SAMPLES["safety_goal"], SAMPLES["harm"],
                                  CLEAR_FAIL])
def test_auto_kind_is_decided_with_a_reason(text):
    report = check(text, kind="auto")
    assert report.kind in ("danger", "safety_goal", "harm")
    assert report.kind_requested == "auto"
    assert report.kind_reason.strip() and report.kind_reason != "Kind given by the user."
    assert [c.name for c in report.criteria] == list(KINDS[report.kind])


def test_auto_kind_on_clear_danger_statement():
    assert check(CLEAR_PASS, kind="auto").kind == "danger"


def test_default_kind_is_danger():
    assert check(CLEAR_FAIL).kind == "danger"


@pytest.mark.parametrize("kind", ["Danger", "goal", "", None, "auto "])
def test_unknown_kind_raises_input_error(kind):
    with pytest.raises(InputError) as info:
        check(CLEAR_FAIL, kind=kind)
    assert info.value.code == "bad_kind"
    assert "danger, safety_goal, harm, auto" in str(info.value)


def test_input_error_is_a_value_error_with_a_dict():
    with pytest.raises(ValueError) as info:
        check("   ")
    assert info.value.to_dict() == {"code": "empty", "message": str(info.value)}


@pytest.mark.parametrize("value", [None, 42, b"Dad hits Amy.", ["Dad hits Amy."]])
def test_non_text_raises_input_error(value):
    with pytest.raises(InputError) as info:
        check(value, kind="danger")
    assert info.value.code == "not_text"


def test_max_chars_can_be_set():
    with pytest.raises(InputError) as info:
        check(CLEAR_PASS, kind="danger", max_chars=20)
    assert info.value.code == "too_long"
    check(CLEAR_PASS, kind="danger", max_chars=len(CLEAR_PASS))


def test_reports_are_repeatable():
    a = check(CLEAR_FAIL, kind="danger").to_dict()
    b = check(CLEAR_FAIL, kind="danger").to_dict()
    assert a == b


def test_check_many_keeps_order_ids_and_errors_in_place(spans_ok):
    items = [
        Item("a", "danger", CLEAR_FAIL),
        Item("b", "danger", "   "),
        Item("c", "harm", SAMPLES["harm"]),
        ItemError("d", 4, InputError("bad_json", "line 4 is not JSON")),
        Item("e", "bogus", CLEAR_FAIL),
        Item("f", "auto", CLEAR_PASS),
        Item("g", "danger", "Dad\x00hits"),
        Item(None, "danger", CLEAR_PASS),
    ]
    out = list(check_many(iter(items), batch_size=2))
    assert [o.id for o in out] == [it.id for it in items]
    kinds = [type(o).__name__ for o in out]
    assert kinds == ["Report", "ItemError", "Report", "ItemError", "ItemError", "Report",
                     "ItemError", "Report"]
    assert out[1].error.code == "empty"
    assert out[3].error.code == "bad_json" and out[3].line == 4
    assert out[4].error.code == "bad_kind"
    assert out[6].error.code == "binary"
    assert out[5].kind == "danger" and out[5].kind_requested == "auto"
    assert out[0].to_dict()["id"] == "a"
    assert "id" not in out[7].to_dict()
    for item, o in zip(items, out, strict=True):
        if isinstance(o, Report):
            spans_ok(o, item.text)
    # Same verdicts as one at a time.
    assert out[0].to_dict() == {**check(CLEAR_FAIL, kind="danger").to_dict(), "id": "a"}


def test_check_many_error_records():
    err = next(check_many([Item("x", "danger", "", line=7)]))
    assert isinstance(err, ItemError)
    assert err.to_dict() == {"id": "x", "line": 7,
                             "error": {"code": "empty", "message": err.error.message}}
    assert ItemError(None, None, InputError("empty", "m")).to_dict() == {
        "error": {"code": "empty", "message": "m"}}


def test_check_many_on_nothing():
    assert list(check_many([])) == []


def test_check_many_is_lazy():
    def items():
        yield Item("1", "danger", CLEAR_FAIL)
        raise RuntimeError("read too far")

    gen = check_many(items(), batch_size=1)
    assert next(gen).id == "1"  # streamed: the first report comes before the input ends
    with pytest.raises(RuntimeError, match="read too far"):
        next(gen)
