"""The committed artefact: "examples like yours", the CLI commands and their imports."""

from __future__ import annotations

import json
import textwrap

import pytest
from conftest import CORPUS
from test_offline import _run

from drafting.similar import similar


@pytest.fixture(scope="module")
def good(corpus_rows):
    return {r["id"]: r for r in corpus_rows
            if all(v is True for v in r["labels"].values())}


def test_similar_returns_good_statements_of_the_same_kind(good):
    draft = "There are concerns about Dad's drinking and DV, the children are at risk."
    found = similar(draft, "danger", k=3)
    assert len(found) == 3
    assert all(good[f["id"]]["kind"] == "danger" for f in found)
    assert all(f["text"] == good[f["id"]]["text"] for f in found)
    scores = [f["score"] for f in found]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= 1


def test_similar_leaves_out_the_draft_itself(good):
    example = next(r for r in good.values() if r["kind"] == "harm")
    found = similar(example["text"], "harm", k=5)
    assert example["id"] not in {f["id"] for f in found} and len(found) == 5
    assert similar(example["text"], "harm", k=0) == []
    with pytest.raises(ValueError):
        similar("x", "letter")


def test_committed_artefact_matches_the_corpus():
    from drafting.learned import artefact_path
    from drafting.models.encoder import WEIGHTS_SHA256
    from drafting.train import sha256_file

    meta = json.loads(artefact_path().with_suffix(".json").read_text(encoding="utf-8"))["meta"]
    assert meta["corpus_sha256"] == sha256_file(CORPUS), "corpus changed: run drafting train"
    assert meta["encoder_weights_sha256"] == WEIGHTS_SHA256
    assert artefact_path().stat().st_size + artefact_path().with_suffix(".json").stat().st_size \
        < 2_500_000  # 2.1 MB with 2,089 exemplary neighbours (8,303 statements) at float16


def _cli(*args: str, stdin: str | None = None, env_extra: str = ""):
    code = textwrap.dedent(f"""\
        {env_extra}
        from drafting.cli import main
        code = main(sys.argv[1:])
        print("HEAVY=" + ",".join(m for m in ("torch", "transformers") if m in sys.modules))
        sys.exit(code)
        """)
    return _run(code, *args, stdin=stdin)


def test_cli_check_without_model_imports_no_torch():
    proc = _cli("check", "--model", "off", "--kind", "danger", "Dad hits Amy.")
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.strip().endswith("HEAVY=")


def test_cli_check_and_similar_with_model_offline():
    proc = _cli("check", "--model", "on", "--kind", "harm", "--format", "json",
                "Last night Dad hit Amy on the arm and she cried.")
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    report = json.loads(proc.stdout.rsplit("HEAVY=", 1)[0])
    assert report["kind"] == "harm"
    assert proc.stdout.strip().endswith("HEAVY=")  # the model runs in numpy, never torch
    proc = _cli("similar", "--kind", "safety_goal", "--format", "json", "-k", "2",
                "Dad will stop drinking.")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert len(json.loads(proc.stdout.rsplit("HEAVY=", 1)[0])) == 2
    assert proc.stdout.strip().endswith("HEAVY=")
    assert "network access attempted" not in proc.stderr


def test_cli_model_without_artefact_says_to_train(tmp_path):
    proc = _cli("check", "--model", "on", "Dad hits Amy.",
                env_extra=f"import os; os.environ['DRAFTING_SCORER'] = {str(tmp_path / 'no')!r}")
    assert proc.returncode == 2
    assert "drafting train" in proc.stderr and "Traceback" not in proc.stderr


def test_committed_light_scorer_matches_the_corpus_and_needs_no_torch():
    from drafting.learned import light_path, load_scorer
    from drafting.train import sha256_file

    meta = json.loads(light_path().with_suffix(".json").read_text(encoding="utf-8"))["meta"]
    assert meta["corpus_sha256"] == sha256_file(CORPUS), "corpus changed: drafting train --light"
    assert meta["light"] is True
    bundle = load_scorer(light_path())
    used = {g for cm in bundle.criteria.values() if cm.model is not None for g in cm.features}
    assert used and "embedding" not in used
    proc = _cli("check", "--model", "light", "--kind", "danger", "--format", "json",
                "Stuart is struggling to meet Ollie's complex care needs since his wife went "
                "into hospital.")
    assert proc.returncode == 1, proc.stderr
    out, heavy = proc.stdout.rsplit("HEAVY=", 1)
    assert heavy.strip() == ""  # no torch, no transformers
    report = json.loads(out)
    assert "learned scorer" in report["criteria"]["behavioural_specificity"]["message"].lower()


def test_light_scorer_reads_word_pieces_and_never_runs_the_encoder():
    """``--model light`` gives the light scorer's report through the CLI, reading the
    word-piece table and never loading the transformer pass (the reason it is fast)."""
    from drafting import learned

    code = textwrap.dedent("""\
        import json
        from drafting.cli import main
        code = main(sys.argv[1:])
        print("LOADED=" + json.dumps([m for m in ("drafting.models.minilm",
                                                  "drafting.models.wordpiece", "torch")
                                      if m in sys.modules]))
        sys.exit(code)
        """)
    text = "Dad has been drinking a lot and the children are scared when he comes home."
    proc = _run(code, "check", "--kind", "danger", "--format", "json", "--model", "light", text)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    out, loaded = proc.stdout.rsplit("LOADED=", 1)
    assert json.loads(loaded) == ["drafting.models.wordpiece"]
    expected = learned.check(text, kind="danger", model=True, path=learned.light_path())
    assert json.loads(out) == expected.to_dict()
