"""The set-up's JSON copy of the built-in rules gives exactly the YAML's data, or nothing."""

from __future__ import annotations

import pytest

from drafting.rules import compiled
from drafting.rules.loader import _read_yaml, built_in_files, parse_yaml


@pytest.fixture
def copy_in(tmp_path, monkeypatch):
    target = tmp_path / "compiled.jsonl"
    monkeypatch.setattr(compiled, "COMPILED", target)
    compiled._copies.cache_clear()
    yield target
    compiled._copies.cache_clear()


def test_every_built_in_file_is_copied_with_the_same_data(copy_in):
    files = built_in_files()
    assert compiled.build(copy_in) == len(files) >= 8
    for path in files:
        raw = path.read_bytes()
        assert compiled.lookup(raw) == parse_yaml(raw, path), path
        assert _read_yaml(path) == parse_yaml(raw, path)


def test_an_edited_file_is_read_from_its_yaml(copy_in, tmp_path):
    compiled.build(copy_in)
    source = built_in_files()[0]
    edited = tmp_path / "edited.yaml"
    edited.write_bytes(source.read_bytes() + b"\nextra_key: 1\n")
    assert compiled.lookup(edited.read_bytes()) is None
    assert _read_yaml(edited)["extra_key"] == 1


def test_a_missing_or_damaged_copy_costs_time_not_correctness(copy_in):
    source = built_in_files()[0]
    raw = source.read_bytes()
    assert compiled.lookup(raw) is None  # no copy built yet
    assert _read_yaml(source) == parse_yaml(raw, source)
    copy_in.write_text(f"{compiled.digest(raw)} {{not json\n", encoding="utf-8")
    compiled._copies.cache_clear()
    assert compiled.lookup(raw) is None
    assert _read_yaml(source) == parse_yaml(raw, source)


def test_reading_rules_writes_nothing(copy_in):
    compiled.build(copy_in)
    before = copy_in.stat().st_mtime_ns, copy_in.read_bytes()
    for path in built_in_files():
        _read_yaml(path)
    assert (copy_in.stat().st_mtime_ns, copy_in.read_bytes()) == before
    assert sorted(p.name for p in copy_in.parent.iterdir()) == ["compiled.jsonl"]


def test_a_folder_or_missing_file_is_a_clear_rule_error(tmp_path):
    from drafting.rules.base import RuleError

    with pytest.raises(RuleError, match="is a folder"):
        _read_yaml(tmp_path)
    with pytest.raises(RuleError, match="rule file not found"):
        _read_yaml(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"\xff\xfe entries: [")
    with pytest.raises(RuleError, match="not UTF-8"):
        _read_yaml(bad)
