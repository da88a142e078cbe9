"""``drafting rewrite`` and ``drafting build`` from the command line."""

from __future__ import annotations

import io
import json
import sys

from drafting.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


POOR = "There are concerns that Dad presents as hostile and DV is ongoing."


def test_rewrite_text_shows_draft_rewrite_and_diff(capsys):
    code, out, err = run(capsys, "rewrite", "--kind", "danger", POOR)
    assert code == 1 and not err
    assert "Draft:" in out and "Rewrite:" in out and "Changes:" in out
    assert "[-There-]" in out and "{+[Who is worried?]+}" in out
    assert "Fill in:" in out and "Edits to the draft" in out


def test_rewrite_json_shape(capsys):
    code, out, _ = run(capsys, "rewrite", "--kind", "danger", "--format", "json", POOR)
    d = json.loads(out)
    assert code == 1
    assert d["rewrite"]["text"] and d["rewrite"]["placeholders"]
    assert all({"start", "end", "replacement", "rule_id", "criterion", "reason"} <= set(e)
               for e in d["edits"])


def test_rewrite_batch_keeps_ids_and_reports_bad_lines(capsys, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text(json.dumps({"id": "a1", "kind": "danger", "text": POOR}) + "\n"
                 + "{not json\n"
                 + json.dumps({"id": "a3", "kind": "harm", "text": "   "}) + "\n"
                 + json.dumps({"id": "a4", "kind": "safety_goal",
                               "text": "Dad will not drink."}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "rewrite", "--input", str(f), "--format", "jsonl")
    lines = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and len(lines) == 4
    assert lines[0]["id"] == "a1" and "rewrite" in lines[0]
    assert "error" in lines[1] and lines[1]["line"] == 2
    assert lines[2]["id"] == "a3" and lines[2]["error"]["code"] == "empty"
    assert lines[3]["id"] == "a4" and lines[3]["edits"]


def test_rewrite_empty_text_is_a_usage_error(capsys):
    code, _out, err = run(capsys, "rewrite", "--kind", "danger", "  ")
    assert code == 2 and "error" in err


def test_rewrite_child_version(capsys):
    code, out, _ = run(capsys, "rewrite", "--kind", "danger", "--child-age", "6",
                       "Nan is worried that Dad shouts at Amy, who is 6, when he drinks.")
    assert code == 0 and "you" in out.lower()
    code, _out, err = run(capsys, "rewrite", "--kind", "harm", "--child-age", "6",
                          "On Friday Dad hit Leo.")
    assert code == 2 and "danger statements and safety goals" in err


def test_build_from_answers_file(capsys, tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps({"worried": "Nan", "adult": "Dad",
                             "behaviour": "shouts at Mum when he drinks", "child": "Amy",
                             "consequence": "be scared at home"}), encoding="utf-8")
    code, out, _ = run(capsys, "build", "--kind", "danger", "--answers", str(f))
    assert code == 0
    assert out.strip() == ("Nan is worried that Dad shouts at Mum when he drinks. If "
                           "nothing changes, Amy could be scared at home.")


def test_build_from_piped_answers_leaves_gaps(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Nan\nDad\n"),
                                                       encoding="utf-8"))
    code, out, _ = run(capsys, "build", "--kind", "danger")
    assert code == 1  # questions left open
    assert out.startswith("Nan is worried that Dad [What does that adult do")


def test_build_bad_answers_file(capsys, tmp_path):
    f = tmp_path / "a.json"
    f.write_text("[1, 2]", encoding="utf-8")
    code, _out, err = run(capsys, "build", "--answers", str(f))
    assert code == 2 and "JSON object" in err


def test_rewrite_checks_as_drafting_check_does(capsys):
    """The rewrite plans from the same verdicts as `drafting check` (scorer on by default):
    where the scorer overrules a rule, the rewrite asks for what it found missing."""
    text = ("The health visitor is worried about the way Kofi speaks to Abena in front of baby "
            "Esi, which could affect Esi's development.")
    verdicts = {}
    for model in ("on", "off"):
        code, out, _ = run(capsys, "rewrite", "--kind", "danger", "--format", "json",
                           "--model", model, text)
        assert code == 1
        d = json.loads(out)
        code, out, _ = run(capsys, "check", "--kind", "danger", "--format", "json",
                           "--model", model, text)
        check = json.loads(out)
        assert {k: v["passed"] for k, v in d["criteria"].items()} == \
            {k: v["passed"] for k, v in check["criteria"].items()}
        verdicts[model] = d["criteria"]["behavioural_specificity"]["passed"]
        slots = {p["criterion"] for p in d["rewrite"]["placeholders"]}
        assert verdicts[model] or "behavioural_specificity" in slots
    assert verdicts == {"on": False, "off": True}
