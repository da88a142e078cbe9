"""Loads rule data: the built-in files under ``rules/`` plus any local rule files.

A local authority can add its own file (its acronyms and terms), switch built-in entries
off and allow abbreviations its families know, without code:

    name: Anytown Council
    disable: [acronym.sw]          # rule ids to switch off
    allow: [SENCO]                 # abbreviations not to flag
    entries:                       # lexicon entries, same fields as rules/lexicon/*.yaml
      - id: ehm
        category: acronym
        terms: [EHM]
        ...
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from drafting.kinds import ALL_CRITERIA
from drafting.rules import compiled
from drafting.rules import lexicon as _lexicon  # noqa: F401  (registers existence/substitution)
from drafting.rules import patterns as _patterns  # noqa: F401  (registers pattern/metric)
from drafting.rules.base import RULE_KINDS, Rule, RuleError, RuleSpec, parse_spec

RULES_DIR = Path(__file__).resolve().parent
LEXICON_DIR = RULES_DIR / "lexicon"
PATTERNS_DIR = RULES_DIR / "patterns"


def built_in_files() -> list[Path]:
    """The built-in rule files, in load order (lexicon, then patterns)."""
    return sorted(LEXICON_DIR.glob("*.yaml")) + sorted(PATTERNS_DIR.glob("*.yaml"))


def parse_yaml(raw: bytes, path: Path) -> Any:
    """Parse a rule file's bytes as YAML, with a message naming the file on failure."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: 10x faster start-up
    try:
        return yaml.load(raw.decode("utf-8"), Loader=loader)  # noqa: S506 (a safe loader)
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except Exception as exc:  # the parser raises many error types
        raise RuleError(f"{path}: not valid YAML: {exc}") from None


def _read_yaml(path: Path) -> Any:
    """A rule file's data: from the set-up's JSON copy when it matches, else the YAML."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RuleError(f"{path}: rule file not found") from None
    except IsADirectoryError:
        raise RuleError(f"{path}: is a folder, not a rule file") from None
    except OSError as exc:
        raise RuleError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    data = compiled.lookup(raw)
    return data if data is not None else parse_yaml(raw, path)


@dataclass(frozen=True)
class RuleSet:
    specs: tuple[RuleSpec, ...]
    rules: tuple[Rule, ...]
    allow: frozenset[str]
    sources: tuple[str, ...]

    def spec(self, rule_id: str) -> RuleSpec:
        for s in self.specs:
            if s.id == rule_id:
                return s
        raise KeyError(rule_id)


def _lexicon_specs(data: Any, path: Path, default_category: str | None) -> list[RuleSpec]:
    if not isinstance(data, dict) or not isinstance(data.get("entries", []), list):
        raise RuleError(f"{path}: expected a mapping with an 'entries' list")
    category = data.get("category", default_category)
    specs = []
    for raw in data.get("entries", []):
        if not isinstance(raw, dict):
            raise RuleError(f"{path}: every entry must be a mapping")
        kind = "substitution" if raw.get("replacements") else "existence"
        specs.append(parse_spec(raw, kind=kind, category=category, source=str(path),
                                known_criteria=ALL_CRITERIA))
    return specs


def _pattern_specs(data: Any, path: Path) -> list[RuleSpec]:
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path}: expected a mapping with a 'rules' list")
    specs = []
    for raw in data["rules"]:
        kind = raw.get("kind")
        if kind not in ("pattern", "metric"):
            raise RuleError(f"{path}: rule {raw.get('id')!r}: kind must be pattern or metric")
        specs.append(parse_spec(raw, kind=kind, category=raw.get("category"),
                                source=str(path), known_criteria=ALL_CRITERIA))
    return specs


def _as_strings(value: Any, path: Path, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{path}: '{key}' must be a list of strings")
    return value


@lru_cache(maxsize=8)
def load_rules(local_files: tuple[str, ...] = ()) -> RuleSet:
    """Built-in rules plus the given local files (later files override earlier ones)."""
    specs: list[RuleSpec] = []
    allow: set[str] = set()
    disabled: set[str] = set()
    sources: list[str] = []
    for path in sorted(LEXICON_DIR.glob("*.yaml")):
        data = _read_yaml(path)
        sources.append(str(path))
        if path.stem == "allow":
            allow.update(_as_strings(data.get("allow"), path, "allow"))
            continue
        specs.extend(_lexicon_specs(data, path, path.stem))
    for path in sorted(PATTERNS_DIR.glob("*.yaml")):
        specs.extend(_pattern_specs(_read_yaml(path), path))
        sources.append(str(path))
    for name in local_files:
        path = Path(name)
        data = _read_yaml(path)
        if not isinstance(data, dict):
            raise RuleError(f"{path}: expected a mapping (entries, disable, allow)")
        unknown = set(data) - {"name", "entries", "disable", "allow", "category"}
        if unknown:
            raise RuleError(f"{path}: unknown keys {sorted(unknown)}")
        local = _lexicon_specs({"entries": data.get("entries", []),
                                "category": data.get("category")}, path, None)
        ids = {s.id for s in local}
        specs = [s for s in specs if s.id not in ids] + local
        disabled.update(_as_strings(data.get("disable"), path, "disable"))
        allow.update(_as_strings(data.get("allow"), path, "allow"))
        sources.append(str(path))
    known = {s.id for s in specs}
    missing = disabled - known
    if missing:
        raise RuleError(f"'disable' names rules that do not exist: {sorted(missing)}")
    seen: set[str] = set()
    for s in specs:
        if s.id in seen:
            raise RuleError(f"{s.source}: rule id {s.id!r} is used twice")
        seen.add(s.id)
    specs = [s for s in specs if s.id not in disabled]
    for s in specs:
        if s.params.get("match") == "unknown_acronym":
            s.params["allow"] = sorted(allow)
    return RuleSet(tuple(specs), tuple(_build(specs)), frozenset(allow), tuple(sources))


def _build(specs: Iterable[RuleSpec]) -> list[Rule]:
    by_kind: dict[str, list[RuleSpec]] = {}
    for s in specs:
        by_kind.setdefault(s.kind, []).append(s)
    rules: list[Rule] = []
    for kind, group in by_kind.items():
        rules.extend(RULE_KINDS[kind](group))
    return rules
