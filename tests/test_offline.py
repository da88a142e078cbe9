"""Nothing touches the network, and a check loads spaCy only (no torch, NLTK, textstat).

The subprocesses install the socket block before ``drafting`` (or anything else of ours) is
imported, so the pipeline and the rules are loaded inside the blocked context.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap

import pytest
from conftest import CLEAR_FAIL, CLEAR_PASS

HEAVY = ("torch", "transformers", "textstat", "nltk")

BLOCK = textwrap.dedent("""\
    import socket

    class NetworkBlocked(OSError):
        pass

    def _refuse(*args, **kwargs):
        raise NetworkBlocked(f"network access attempted: {args!r}")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    import sys
    assert not any(m == "drafting" or m.startswith("drafting.") or m == "spacy"
                   for m in sys.modules), "loaded before the block"
    """)


def _run(code: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHONPATH")}
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-c", BLOCK + code, *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=180)


def test_api_check_offline_loads_no_heavy_modules():
    code = textwrap.dedent(f"""\
        import json
        from drafting import check, check_many
        from drafting.engine import Item
        a = check({CLEAR_FAIL!r}, kind="danger")
        b = check({CLEAR_PASS!r}, kind="auto")
        many = list(check_many([Item("x", "harm", {CLEAR_FAIL!r})]))
        print(json.dumps({{
            "fail": a.passed, "pass": b.passed, "kind": b.kind, "many": len(many),
            "heavy": [m for m in {HEAVY!r} if m in sys.modules],
            "spacy": "spacy" in sys.modules,
        }}))
        """)
    proc = _run(code)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out == {"fail": False, "pass": True, "kind": "danger", "many": 1, "heavy": [],
                   "spacy": True}


def test_cli_check_offline():
    code = textwrap.dedent(f"""\
        from drafting.cli import main
        code = main(sys.argv[1:])
        heavy = [m for m in {HEAVY!r} if m in sys.modules]
        assert not heavy, heavy
        sys.exit(code)
        """)
    proc = _run(code, "check", "--kind", "danger", "--format", "jsonl", "-", stdin=CLEAR_FAIL)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["criteria"]["plain_language"]["passed"] is False
    assert "network access attempted" not in proc.stderr


def test_the_block_itself_works():
    proc = _run("import urllib.request\nurllib.request.urlopen('http://example.org', timeout=2)")
    assert proc.returncode != 0 and "network access attempted" in proc.stderr


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_in_process_checks_offline(no_network, tmp_path, capsys):
    from drafting import check
    from drafting.cli import main

    for kind in ("danger", "safety_goal", "harm", "auto"):
        check(CLEAR_PASS, kind=kind)
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "1", "kind": "danger", "text": CLEAR_PASS}) + "\n",
                     encoding="utf-8")
    assert main(["check", "--input", str(batch), "--format", "jsonl"]) == 0
    assert main(["rules", "list"]) == 0
    capsys.readouterr()
