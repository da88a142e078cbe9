"""The quick pipeline load gives the same pipeline as ``spacy.load`` and leaves spaCy whole.

``drafting.models.nlp`` skips two parts of spaCy's start-up that the checker never uses (the
command-line package and the default tokenizer, which the saved one replaces); these tests
prove nothing the checker reads changes, and that spaCy's CLI still works afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy

from drafting.models.nlp import BARE_TOKENIZER, load_pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "examples" / "statements.jsonl"
TRICKY = [
    "Dr. Okafor (GP) said: \"Kai's A&E visit—on 3/4/25—was 'fine'.\"",
    "e-mail j.doe@example.org or see https://example.org/a?b=1 :-) can't won't y'all",
    "  double  spaces\nand\ttabs… “curly” quotes, £20, 10km, 9am–5pm, DV/IPV, u.s.a.",
]


@pytest.fixture(scope="module")
def reference():
    """The pipeline as plain ``spacy.load`` builds it (default tokenizer first)."""
    return spacy.load(_package_name())


def _package_name() -> str:
    from drafting.models.nlp import PIPELINE_PACKAGES

    for name in PIPELINE_PACKAGES:
        if spacy.util.is_package(name):
            return name
    pytest.skip("no English pipeline package installed")


def test_the_tokenizer_is_the_saved_one(reference):
    nlp = load_pipeline()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": BARE_TOKENIZER}
    assert nlp.tokenizer.to_bytes(exclude=["vocab"]) == \
        reference.tokenizer.to_bytes(exclude=["vocab"])
    assert nlp.pipe_names == reference.pipe_names


def test_parses_match_plain_spacy_load(reference):
    texts = [json.loads(line)["text"] for line in CORPUS.open(encoding="utf-8")][::8] + TRICKY
    nlp = load_pipeline()

    def view(doc):
        return [(t.text, t.whitespace_, t.lemma_, t.tag_, t.dep_, t.head.i, t.ent_type_)
                for t in doc]

    for ours, theirs in zip(nlp.pipe(texts), reference.pipe(texts), strict=True):
        assert view(ours) == view(theirs), ours.text


def test_spacy_cli_is_skipped_while_loading_and_real_afterwards():
    code = textwrap.dedent("""\
        import json, sys
        from drafting.models.nlp import load_pipeline
        load_pipeline()
        skipped = "spacy.cli" not in sys.modules
        import spacy
        info = spacy.info()
        import spacy.cli
        print(json.dumps({"skipped": skipped, "info": sorted(info)[:3],
                          "download": callable(spacy.cli.download),
                          "torch": sys.modules.get("torch", 0) is None}))
        """)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["skipped"] and out["download"] and out["info"]
    assert not out["torch"], "the torch guard must be lifted after loading"
