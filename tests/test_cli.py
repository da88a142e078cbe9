"""The command line: output formats, exit codes, batches, eval and rules."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from conftest import CLEAR_FAIL, CLEAR_PASS

from drafting import __version__
from drafting.cli import main
from drafting.kinds import KINDS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def set_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- single statements -------------------------------------------------------------------


def test_text_format_fail(capsys):
    code, out, err = run(capsys, "check", "--kind", "danger", CLEAR_FAIL)
    assert code == 1 and not err
    assert "Danger statement: 0 of 4 criteria met" in out
    assert "✗ FAIL" in out and "fix:" in out
    assert "acronym.dv" in out
    # the caret line sits under "DV" in the quoted line
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "acronym.dv" in line)
    snippet, caret = lines[i + 1], lines[i + 2]
    assert snippet[caret.index("^"):caret.rindex("^") + 1] == "DV"
    assert "Readability:" in out and "\x1b[" not in out  # no colour when not a terminal


def test_text_format_cannot_drive_the_terminal(capsys, monkeypatch, tmp_path):
    # clear screen, retitle the window, ring the bell, reverse the line: all quoted as text
    text = "Nan is worried that Dad \x1b[2J\x1b]0;owned\x07hits\u202e Amy\r with DV."
    code, out, _ = run(capsys, "check", "--kind", "danger", text)
    assert code == 1
    for ch in ("\x1b", "\x07", "\u202e", "\r"):
        assert ch not in out
    assert "␛[2J␛]0;owned␇hits\ufffd Amy␍ with DV." in out
    lines = out.splitlines()
    i = next(n for n, line in enumerate(lines) if "acronym.dv" in line)
    snippet, caret = lines[i + 1], lines[i + 2]
    assert snippet[caret.index("^"):caret.rindex("^") + 1] == "DV"  # still aligned
    batch = tmp_path / "ids.jsonl"
    batch.write_text(json.dumps({"id": "\x1b[31mred", "text": ""}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--input", str(batch))
    assert code == 1 and "\x1b" not in out and "[␛[31mred] cannot check" in out


def test_text_format_pass(capsys):
    code, out, _ = run(capsys, "check", "--kind", "danger", CLEAR_PASS)
    assert code == 0
    assert out.count("✓ PASS") == 4 and "✗" not in out and "FAIL" not in out


def test_text_format_auto_says_why(capsys):
    code, out, _ = run(capsys, "check", CLEAR_PASS)  # --kind defaults to auto
    assert code == 0
    assert "Danger statement" in out and "(Decided automatically:" in out


def test_json_format(capsys):
    code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "json", CLEAR_FAIL)
    assert code == 1
    d = json.loads(out)
    assert d["kind"] == "danger" and list(d["criteria"]) == list(KINDS["danger"])
    assert d["passed"] is False
    assert out.count("\n") > 5  # indented for people


def test_jsonl_format_is_one_line(capsys):
    code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "jsonl",
                       "Dad\nhits\nAmy.\n\nNan is worried.")
    assert code == 1
    assert out.count("\n") == 1 and out.endswith("\n")
    assert json.loads(out)["text_length"] == len("Dad\nhits\nAmy.\n\nNan is worried.")


def test_file_and_stdin(tmp_path, capsys, monkeypatch):
    path = tmp_path / "statement.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CLEAR_PASS.encode())  # a BOM is dropped
    code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "json",
                       "--file", str(path))
    assert code == 0 and json.loads(out)["text_length"] == len(CLEAR_PASS)
    set_stdin(monkeypatch, CLEAR_FAIL.encode())
    code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "json", "-")
    assert code == 1 and json.loads(out)["text_length"] == len(CLEAR_FAIL)
    set_stdin(monkeypatch, CLEAR_PASS.encode())
    code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "json")
    assert code == 0


# --- exit code 2 -------------------------------------------------------------------------


@pytest.mark.parametrize("text, words", [
    ("", "empty"),
    ("   \n\t ", "empty"),
    ("x" * 1_000_000, "1,000,000 characters"),
    ("Dad\x00hits Amy", "binary"),
])
def test_exit_2_for_text_that_cannot_be_checked(capsys, text, words):
    code, out, err = run(capsys, "check", "--kind", "danger", text)
    assert code == 2 and not out
    assert err.startswith("drafting: error:") and words in err
    assert "Traceback" not in err


def test_exit_2_for_missing_file_folder_and_non_utf8(tmp_path, capsys):
    code, _, err = run(capsys, "check", "--file", str(tmp_path / "nope.txt"))
    assert code == 2 and "nope.txt: no such file" in err
    code, _, err = run(capsys, "check", "--file", str(tmp_path))
    assert code == 2 and "is a folder" in err
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Nan is worried that Dad’s café".encode("cp1252"))
    code, _, err = run(capsys, "check", "--file", str(latin))
    assert code == 2 and "latin1.txt is not UTF-8" in err and "0x92" in err
    big = tmp_path / "big.txt"
    big.write_text("Dad hits Amy. " * 75_000, encoding="utf-8")  # about 1 MB
    code, _, err = run(capsys, "check", "--file", str(big))
    assert code == 2 and "1,050,000 characters" in err


def test_exit_2_for_non_utf8_stdin(capsys, monkeypatch):
    set_stdin(monkeypatch, b"Dad hits Amy \xff\xfe when he drinks.")
    code, out, err = run(capsys, "check", "-")
    assert code == 2 and not out and "standard input is not UTF-8" in err


def test_exit_2_for_usage_errors(tmp_path, capsys):
    batch = tmp_path / "b.jsonl"
    batch.write_text("{}\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "--input", str(batch), CLEAR_FAIL)
    assert code == 2 and "not both" in err
    with pytest.raises(SystemExit) as info:
        main(["check", "--kind", "nonsense", CLEAR_FAIL])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main([])
    assert info.value.code == 2
    capsys.readouterr()


# --- batches -----------------------------------------------------------------------------


def _write_batch(tmp_path):
    lines = [
        json.dumps({"id": "a", "kind": "danger", "text": CLEAR_FAIL}),
        "this is not json",
        json.dumps({"id": "c", "kind": "danger"}),
        json.dumps({"id": 4, "kind": "danger", "text": CLEAR_PASS}),
        json.dumps({"text": CLEAR_PASS, "kind": "danger"}),
        json.dumps({"id": "f", "kind": "danger", "text": "  "}),
        json.dumps({"id": "g", "text": "Nan is worried about Amy’s bruises 😟."}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, lines


def test_batch_jsonl(tmp_path, capsys):
    path, lines = _write_batch(tmp_path)
    code, out, err = run(capsys, "check", "--input", str(path), "--format", "jsonl")
    assert code == 1  # error lines make the batch fail even where every statement passes
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == len(lines)
    a, bad, notext, four, noid, empty, g = records
    assert a["id"] == "a" and a["passed"] is False and "criteria" in a
    assert bad == {"line": 2, "error": {"code": "bad_json", "message": bad["error"]["message"]}}
    assert "line 2 is not JSON" in bad["error"]["message"]
    assert notext["id"] == "c" and notext["line"] == 3 and notext["error"]["code"] == "no_text"
    assert four["id"] == "4" and four["passed"] is True
    assert noid["id"] == "line-5" and noid["passed"] is True
    assert empty["id"] == "f" and empty["line"] == 6 and empty["error"]["code"] == "empty"
    assert g["id"] == "g" and g["kind_requested"] == "auto"  # --kind defaults to auto
    text_g = json.loads(lines[6])["text"]
    for f in g["findings"]:
        assert text_g[f["start"]:f["end"]] == f["text"]
    for r in records:
        assert set(r) >= {"error"} or r["schema_version"]
        if "error" in r:
            assert set(r["error"]) == {"code", "message"} and "line" in r


def test_batch_all_good_exits_0(tmp_path, capsys):
    path = tmp_path / "good.jsonl"
    path.write_text(json.dumps({"id": "p", "kind": "danger", "text": CLEAR_PASS}) + "\n\n",
                    encoding="utf-8")
    code, out, _ = run(capsys, "check", "--input", str(path), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 1


def test_batch_from_stdin_in_text_format(capsys, monkeypatch):
    data = "\n".join(json.dumps({"id": i, "kind": "danger", "text": t})
                     for i, t in [("one", CLEAR_FAIL), ("two", "Nan saw it."),
                                  ("one", "Short text here.")])
    set_stdin(monkeypatch, data.encode())
    code, out, _ = run(capsys, "check", "--input", "-")
    assert code == 1
    assert out.count("[one] Danger statement") == 2 and "[two] Danger statement" in out
    # each report quotes its own statement, even when ids repeat
    first = out.split("[two]")[0]
    assert "There are concerns about DV." in first and "Short text here." not in first


def test_batch_non_utf8_line_is_an_error_record(tmp_path, capsys):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(json.dumps({"id": "ok", "kind": "danger", "text": CLEAR_PASS}).encode()
                     + b"\n" + b'{"id": "bad", "text": "caf\xe9"}\n')
    code, out, _ = run(capsys, "check", "--input", str(path), "--format", "jsonl")
    ok, bad = (json.loads(line) for line in out.splitlines())
    assert code == 1 and ok["passed"] is True
    assert bad["line"] == 2 and bad["error"]["code"] == "not_utf8"


def test_batch_missing_file(tmp_path, capsys):
    code, _, err = run(capsys, "check", "--input", str(tmp_path / "nope.jsonl"))
    assert code == 2 and "no such file" in err


# --- eval, rules, demo -------------------------------------------------------------------


@pytest.fixture
def labelled(tmp_path):
    rows = [
        {"id": "f1", "kind": "danger", "text": CLEAR_FAIL, "hard": False,
         "labels": {"worried_person_attribution": False, "behavioural_specificity": False,
                    "consequences": False, "plain_language": False}},
        {"id": "p1", "kind": "danger", "text": CLEAR_PASS, "hard": True,
         "labels": {"worried_person_attribution": True, "behavioural_specificity": True,
                    "consequences": True, "plain_language": True}},
        {"id": "p2", "kind": "danger", "text": CLEAR_PASS.replace("Amy", "Jo"),
         "labels": {"worried_person_attribution": True, "behavioural_specificity": None,
                    "consequences": True, "plain_language": True}},
    ]
    path = tmp_path / "labelled.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("model, columns", [
    ([], ["rules"]),  # by default the learned scorer is on: the rules alone are shown beside
    (["--model", "off"], []),
])
def test_eval_table(labelled, capsys, model, columns):
    code, out, _ = run(capsys, "eval", *model, str(labelled))
    assert code == 0
    assert "3 statements" in out
    header = next(line for line in out.splitlines() if line.startswith("criterion"))
    assert header.split() == ["criterion", "n", "acc", "prec", "rec", *columns, "base", "acc",
                              "prec", "rec"]
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines()[2:]
            if line.startswith("danger.")}
    assert set(rows) == {f"danger.{c}" for c in KINDS["danger"]}
    assert rows["danger.behavioural_specificity"][0] == "2"  # the null label is skipped
    assert rows["danger.worried_person_attribution"][0] == "3"
    for values in rows.values():
        assert len(values) == 7 + len(columns)
        assert all(0.0 <= float(v) <= 1.0 for v in values[1:])
    # clear-cut statements: the engine gets attribution right on all three
    assert rows["danger.worried_person_attribution"][1] == "1.000"
    assert any(line.startswith("overall") for line in out.splitlines())
    assert any(line.startswith("hard cases") for line in out.splitlines())


def test_eval_json(labelled, capsys):
    code, out, _ = run(capsys, "eval", "--format", "json", str(labelled))
    assert code == 0
    d = json.loads(out)
    assert d["statements"] == 3
    assert d["model"] == "light"
    crit = d["criteria"]["danger.consequences"]
    assert set(crit) == {"engine", "baseline", "rules_alone"}
    assert set(crit["engine"]) == {"n", "accuracy", "precision", "recall"}
    assert d["hard"]["engine"]["n"] == 4


def test_eval_bad_files(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    code, _, err = run(capsys, "eval", str(bad))
    assert code == 2 and "needs 'text' and 'labels'" in err
    code, _, err = run(capsys, "eval", str(tmp_path / "missing.jsonl"))
    assert code == 2


def test_eval_labels_must_be_a_mapping(tmp_path, capsys):
    bad = tmp_path / "bad_labels.jsonl"
    bad.write_text(json.dumps({"kind": "danger", "text": CLEAR_FAIL, "labels": [1]}) + "\n",
                   encoding="utf-8")
    code, _, err = run(capsys, "eval", str(bad))
    assert code == 2 and "labels" in err


def test_eval_repeated_ids_are_scored_against_their_own_labels(tmp_path, capsys):
    rows = [{"id": "x", "kind": "danger", "text": CLEAR_FAIL,
             "labels": {"worried_person_attribution": False}},
            {"id": "x", "kind": "danger", "text": CLEAR_PASS,
             "labels": {"worried_person_attribution": True}}]
    path = tmp_path / "dup.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    code, out, _ = run(capsys, "eval", "--format", "json", str(path))
    assert code == 2 or json.loads(out)["criteria"][
        "danger.worried_person_attribution"]["engine"]["accuracy"] == 1.0


def test_rules_list(capsys):
    code, out, _ = run(capsys, "rules", "list")
    assert code == 0
    assert "acronym.dv" in out
    assert out.strip().splitlines()[-1].endswith("files")


def test_rules_test(capsys):
    code, out, _ = run(capsys, "rules", "test")
    assert code == 0 and "every rule's examples behave" in out


def test_rules_test_reports_a_broken_local_rule(tmp_path, capsys):
    path = tmp_path / "wrong.yaml"
    path.write_text(
        "entries:\n  - id: zqx\n    category: acronym\n    terms: [ZQX]\n"
        "    reason: Initials.\n    examples:\n      fail: ['Nothing to see here.']\n"
        "      pass: ['The ZQX met.']\n", encoding="utf-8")
    code, out, _ = run(capsys, "rules", "test", "--rules", str(path))
    assert code == 1
    assert "acronym.zqx: false negative" in out and "acronym.zqx: false positive" in out
    assert "2 problems" in out


def test_demo(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "Danger statement" in out


# --- a real process ----------------------------------------------------------------------


def test_subprocess_check_and_exit_codes(tmp_path):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    cmd = [sys.executable, "-m", "drafting.cli", "check", "--kind", "danger"]
    proc = subprocess.run([*cmd, "--format", "jsonl", "-"], input=CLEAR_FAIL.encode(),
                          capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["kind"] == "danger"
    assert proc.stderr == b""
    proc = subprocess.run([*cmd, "-"], input=b"\xff\xfe\x00", capture_output=True,
                          cwd=tmp_path, env=env, timeout=120)
    assert proc.returncode == 2 and b"not UTF-8" in proc.stderr and proc.stdout == b""


def test_console_script_answers_version_without_loading_spacy():
    script = os.path.join(os.path.dirname(sys.executable), "drafting")
    if not os.path.exists(script):
        pytest.skip("the drafting console script is not installed next to this Python")
    proc = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == f"drafting {__version__}"
