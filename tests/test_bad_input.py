"""Awkward input through the API and the CLI: clear refusals, or checked with findings."""

from __future__ import annotations

import json

import pytest

from drafting import InputError, check
from drafting.cli import main
from drafting.textinput import MAX_CHARS

BASE = "Nan is worried that Dad hits Amy when he has been drinking."


def cli_json(capsys, text, kind="danger"):
    code = main(["check", "--kind", kind, "--format", "json", text])
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    return json.loads(out)


def by_rule(report, rule_id):
    return [f for f in report.findings if f.rule_id == rule_id]


# --- refused -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "\n\n\t", "\u3000\u00a0 \u2029"])
def test_empty_and_whitespace(text, capsys):
    with pytest.raises(InputError) as info:
        check(text)
    assert info.value.code == "empty"
    assert "empty" in info.value.message
    assert main(["check", text]) == 2
    assert "nothing to check" in capsys.readouterr().err


def test_one_megabyte(capsys):
    text = ("Dad hits Amy when he drinks. " * 40_000)[:1_000_000]
    with pytest.raises(InputError) as info:
        check(text, kind="danger")
    assert info.value.code == "too_long"
    msg = info.value.message
    assert "1,000,000 characters" in msg and f"{MAX_CHARS:,}" in msg
    assert main(["check", "--kind", "danger", text]) == 2
    assert "1,000,000 characters" in capsys.readouterr().err


def test_just_under_the_limit_is_checked():
    text = ("Dad hits Amy. " * (MAX_CHARS // 14 + 1))[:MAX_CHARS]
    report = check(text, kind="danger")
    assert report.text_length == MAX_CHARS


@pytest.mark.parametrize("text", ["Dad\x00hits Amy.", "\x00" * 10, BASE + "\x00",
                                  "\x01\x02\x03\x04\x05\x06\x0e\x0f\x10 PK zip"])
def test_binary(text, capsys):
    with pytest.raises(InputError) as info:
        check(text, kind="danger")
    assert info.value.code == "binary"
    assert "binary" in info.value.message
    assert main(["check", "--kind", "danger", text]) == 2
    assert "binary data" in capsys.readouterr().err


# --- checked, with input findings ----------------------------------------------------------


@pytest.mark.parametrize("ch", ["\x07", "\x1b", "\u200b", "\ufeff", "\u202e", "\x7f"])
def test_control_character_is_found_at_its_offset(ch, spans_ok, capsys):
    text = BASE.replace("Dad", "Dad" + ch, 1)
    where = text.index(ch)
    report = check(text, kind="danger")
    spans_ok(report, text)
    found = by_rule(report, "input.control_character")
    assert [(f.start, f.end, f.text) for f in found] == [(where, where + 1, ch)]
    assert f"U+{ord(ch):04X}" in found[0].message
    assert found[0].replacements == ("",) and found[0].fix
    d = cli_json(capsys, text)
    assert any(f["rule_id"] == "input.control_character" and f["start"] == where
               for f in d["findings"])


def test_a_few_control_characters_are_not_binary(spans_ok):
    text = BASE.replace(" ", "\x0c", 3)
    report = check(text, kind="danger")
    spans_ok(report, text)
    assert len(by_rule(report, "input.control_character")) == 3


@pytest.mark.parametrize("phrase, script", [
    ("«папа бьёт её»", "Cyrillic"),
    ("«بابا يضربها»", "Arabic"),
    ("(爸爸打她)", "Cjk"),
])
def test_other_scripts(phrase, script, spans_ok, capsys):
    text = f"Amy told her teacher {phrase} and Nan is worried that Dad hits her."
    report = check(text, kind="danger")
    spans_ok(report, text)
    found = by_rule(report, "input.other_script")
    assert found, report.findings
    inner = phrase.strip("«»()")
    assert found[0].text == inner and found[0].start == text.index(inner)
    assert script in found[0].message
    d = cli_json(capsys, text)
    assert any(f["rule_id"] == "input.other_script" for f in d["findings"])


def test_accented_latin_is_not_another_script():
    report = check("Zoë and her café-owner Nan are worried that Dad hits Zoë.", kind="danger")
    assert not by_rule(report, "input.other_script")


@pytest.mark.parametrize("text", [
    "Nan is worried 😟 that Dad hits Amy 👧🏽 when he drinks 🍺. DV 👨‍👩‍👧 at home.",
    "😡😡😡 Dad shouts at Amy. 🇬🇧 The DV worker ❤️ visits.",
])
def test_emoji_keep_offsets(text, spans_ok, capsys):
    report = check(text, kind="danger")
    spans_ok(report, text)
    dv = [f for f in report.findings if f.text == "DV"]
    assert dv and dv[0].start == text.index("DV")
    d = cli_json(capsys, text)
    for f in d["findings"]:
        assert text[f["start"]:f["end"]] == f["text"]
    code = main(["check", "--kind", "danger", text])
    out = capsys.readouterr().out
    assert code == 1 and "acronym.dv" in out


def test_html_is_text(spans_ok, capsys, monkeypatch):
    import builtins

    called = []
    monkeypatch.setattr(builtins, "eval", lambda *a, **k: called.append(a))
    monkeypatch.setattr(builtins, "exec", lambda *a, **k: called.append(a))
    text = ('Nan is worried that Dad <b>hits</b> Amy.<script>alert("x")</script>'
            '<img src=x onerror="alert(1)"> If nothing changes, Amy could be hurt.')
    report = check(text, kind="danger")
    spans_ok(report, text)
    markup = by_rule(report, "input.markup")
    assert {f.text for f in markup} >= {"<b>", "</b>", "<script>", "</script>",
                                        '<img src=x onerror="alert(1)">'}
    assert all(f.severity == "suggestion" and "never run" in f.message for f in markup)
    d = cli_json(capsys, text)
    assert sum(f["rule_id"] == "input.markup" for f in d["findings"]) == len(markup)
    assert called == []
    main(["check", "--kind", "danger", text])
    out = capsys.readouterr().out
    assert "<script>" in out  # quoted back as text, not stripped or interpreted


def test_markdown_link(spans_ok):
    text = "Nan is worried that Dad hits Amy (see [the safety plan](https://example.org/plan))."
    report = check(text, kind="danger")
    spans_ok(report, text)
    link = by_rule(report, "input.markup")
    assert [f.text for f in link] == ["[the safety plan](https://example.org/plan)"]


@pytest.mark.parametrize("text", [
    "DV.", "?", "...", "1 2 3", "🙂", "A", "Dad\r\nhits\rAmy.\u2028Nan is worried.",
    "e\u0301e\u0301 DV", "ﬁne DV", "İstanbul DV", "ß DV ẞ", "\u00a0DV\u00a0",
    "DV " * 300,  # many findings (6,000+ at the size limit: see the report on speed)
])
def test_odd_but_checkable(text, spans_ok):
    for kind in ("danger", "safety_goal", "harm", "auto"):
        report = check(text, kind=kind)
        spans_ok(report, text)
