"""Every rule's own pass and fail examples, run as tests; local rule files."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import ROOT

from drafting import check
from drafting.cli import main
from drafting.rules.base import RuleError
from drafting.rules.examples import check_spec
from drafting.rules.loader import load_rules

SPECS = load_rules().specs


def test_there_are_rules():
    assert len(SPECS) > 50
    assert len({s.id for s in SPECS}) == len(SPECS)


@pytest.mark.parametrize("spec", SPECS, ids=[s.id for s in SPECS])
def test_rule_examples(spec):
    assert spec.examples.fail, f"{spec.id} has no fail example"
    assert spec.examples.passing, f"{spec.id} has no pass example"
    assert check_spec(spec) == []


def test_a_rule_without_examples_is_a_problem():
    spec = next(s for s in SPECS if s.id == "acronym.dv")
    from dataclasses import replace

    from drafting.rules.base import Examples

    bare = replace(spec, examples=Examples(fail=(), passing=()))
    problems = check_spec(bare)
    assert problems and "needs at least one fail and one pass example" in problems[0]


LOCAL = textwrap.dedent("""\
    name: Testshire Council
    disable: [acronym.dv]
    allow: [PAMS]
    entries:
      - id: zqx
        category: acronym
        terms: [ZQX]
        reason: "Our panel's initials mean nothing to families."
        advice: "Say 'the family help panel'."
        severity: warning
        affects: [plain_language]
        examples:
          fail: ["The ZQX met on Monday."]
          pass: ["The family help panel met on Monday."]
    """)
TEXT = "Nan is worried about DV. The PAMS worker and the ZQX met on Monday."


@pytest.fixture
def local_rules(tmp_path):
    path = tmp_path / "testshire.yaml"
    path.write_text(LOCAL, encoding="utf-8")
    return str(path)


def _ids(report):
    return {f.rule_id for f in report.findings}


def test_built_in_rules_on_the_sample():
    ids = _ids(check(TEXT, kind="danger"))
    assert "acronym.dv" in ids
    unknown = {f.text for f in check(TEXT, kind="danger").findings
               if f.rule_id == "acronym.unknown"}
    assert unknown == {"PAMS", "ZQX"}
    assert "acronym.zqx" not in ids


def test_local_rule_file_adds_disables_and_allows(local_rules):
    ruleset = load_rules((local_rules,))
    ids = {s.id for s in ruleset.specs}
    assert "acronym.zqx" in ids and "acronym.dv" not in ids
    assert "PAMS" in ruleset.allow
    report = check(TEXT, kind="danger", rules=[local_rules])
    found = {f.rule_id: f for f in report.findings}
    assert "acronym.dv" not in found
    assert found["acronym.zqx"].text == "ZQX"
    assert found["acronym.zqx"].fix == "Say 'the family help panel'."
    assert not any(f.text == "PAMS" for f in report.findings)
    assert check_spec(ruleset.spec("acronym.zqx")) == []


def test_rules_argument_takes_one_path_too(local_rules):
    from pathlib import Path

    expected = check(TEXT, kind="danger", rules=[local_rules]).to_dict()
    assert check(TEXT, kind="danger", rules=local_rules).to_dict() == expected
    assert check(TEXT, kind="danger", rules=Path(local_rules)).to_dict() == expected


def test_allow_silences_an_abbreviation_with_a_lexicon_entry(tmp_path):
    path = tmp_path / "allow_senco.yaml"
    path.write_text("allow: [SENCO]\n", encoding="utf-8")
    text = "Nan and the SENCO met on Monday."
    assert any(f.text == "SENCO" for f in check(text, kind="danger").findings)
    report = check(text, kind="danger", rules=[str(path)])
    assert not any(f.text == "SENCO" for f in report.findings)


LOCAL_EXAMPLES = sorted((ROOT / "rules" / "local").glob("*.yaml"))


@pytest.mark.parametrize("path", LOCAL_EXAMPLES, ids=[p.name for p in LOCAL_EXAMPLES])
def test_shipped_local_rule_examples_load_and_behave(path):
    ruleset = load_rules((str(path),))
    local = [s for s in ruleset.specs if s.source == str(path)]
    for spec in local:
        assert check_spec(spec) == [], spec.id


@pytest.mark.parametrize("content, problem", [
    ("entries: [\n  - id: x\n", "not valid YAML"),
    ("just a string\n", "expected a mapping"),
    ("colour: blue\n", "unknown keys"),
    ("disable: [acronym.no_such_rule]\n", "do not exist"),
    ("entries:\n  - id: x\n    category: acronym\n    terms: [XX]\n", "needs a 'message'"),
    ("entries:\n  - id: x\n    category: nonsense\n    terms: [XX]\n    reason: r\n",
     "category 'nonsense'"),
    ("allow: FSW\n", "must be a list of strings"),
])
def test_malformed_rule_file_names_the_file(tmp_path, content, problem):
    path = tmp_path / "broken_rules.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules((str(path),))
    assert problem in str(info.value)
    if problem != "do not exist":  # that one is about the set of rules, not one file
        assert "broken_rules.yaml" in str(info.value)


def test_missing_and_non_utf8_rule_files(tmp_path):
    with pytest.raises(RuleError, match="nowhere.yaml"):
        load_rules((str(tmp_path / "nowhere.yaml"),))
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("allow: [CAF\xc9]\n".encode("latin-1"))
    with pytest.raises(RuleError, match="latin1.yaml"):
        load_rules((str(bad),))


def test_cli_check_uses_rule_file(local_rules, capsys):
    main(["check", "--kind", "danger", "--format", "json", TEXT])
    plain = {f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]}
    main(["check", "--kind", "danger", "--format", "json", "--rules", local_rules, TEXT])
    local = {f["rule_id"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "acronym.dv" in plain and "acronym.dv" not in local
    assert "acronym.zqx" in local and "acronym.zqx" not in plain


def test_cli_bad_rule_file_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "broken_rules.yaml"
    path.write_text("colour: blue\n", encoding="utf-8")
    assert main(["check", "--kind", "danger", "--rules", str(path), TEXT]) == 2
    err = capsys.readouterr().err
    assert "rule file error" in err and "broken_rules.yaml" in err


def test_cli_rules_test_runs_only_the_local_file(local_rules, capsys):
    assert main(["rules", "test", "--rules", local_rules]) == 0
    assert "every rule's examples behave" in capsys.readouterr().out
