"""The deadline rules' metadata of ``rules/deadlines/findings.yml``: loaded once, validated.

Codes, names and the texts of ``DL001``-``DL012`` are data a data-protection officer can
read and reword. A broken file is a ``rule-error`` naming the file and the line.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import RuleError
from ..policy import DEADLINE_KINDS
from .cues import rules_dir

SEVERITIES = ("error", "warning", "info")
WHEN = ("vague", "hedged", "conflict")
_CODE = re.compile(r"DL\d{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# placeholders the shared texts of the period rules may use
PERIOD_FIELDS = frozenset({"title_de", "title_en", "too_de", "too_en", "limit_de", "limit_en", "key", "kind"})


@dataclass(frozen=True, slots=True)
class PeriodRule:
    """A period beyond the policy for one deadline kind (``DL001``-``DL007``)."""

    code: str
    name: str
    kind: str
    title_de: str  # "Meldefrist für Datenschutzverletzungen"
    title_en: str
    legal_basis: str
    recommendation: str


@dataclass(frozen=True, slots=True)
class WordingRule:
    """How a deadline is written: without a number, hedged, words and digits disagreeing."""

    code: str
    name: str
    when: str
    severity: str
    legal_basis: str
    message_de: str
    message_en: str
    rationale: str
    recommendation: str


@dataclass(frozen=True, slots=True)
class FindingBook:
    periods: dict[str, PeriodRule]  # by kind, in catalogue order
    period_message_de: str
    period_message_en: str
    period_rationale: str
    wording: dict[str, WordingRule]  # by ``when``

    def codes(self) -> list[str]:
        return [r.code for r in self.periods.values()] + [r.code for r in self.wording.values()]


# --- YAML with line numbers ---------------------------------------------------------


class _Map(dict):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int
    key_lines: dict[Any, int]


class _Loader(yaml.SafeLoader):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    out = _Map()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in out:
            raise _Duplicate(key, line)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = line
    return out


class _Duplicate(Exception):
    def __init__(self, key: Any, line: int) -> None:
        super().__init__(key, line)
        self.key = key
        self.line = line


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def _load(path: Path) -> _Map:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # _Loader is a SafeLoader
    except OSError as exc:
        raise RuleError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except _Duplicate as exc:
        raise RuleError(f"{path}:{exc.line}: {exc.key!r} is defined twice") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, _Map):
        raise RuleError(f"{path}:1: expected a mapping with 'periods' and 'wording'")
    return data


# --- validation -----------------------------------------------------------------------


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, line: int, message: str) -> RuleError:
        return RuleError(f"{self.path}:{line}: {message}")

    def mapping(self, value: Any, line: int, where: str, allowed: set[str], required: set[str]) -> _Map:
        if not isinstance(value, _Map):
            raise self.fail(line, f"{where}: expected a mapping")
        unknown = sorted(str(k) for k in value if k not in allowed)
        if unknown:
            first = next(k for k in value if str(k) == unknown[0])
            raise self.fail(
                value.key_lines[first],
                f"{where}: unknown key(s) {', '.join(unknown)} (expected {', '.join(sorted(allowed))})",
            )
        missing = sorted(required - set(value))
        if missing:
            raise self.fail(value.line, f"{where}: missing {', '.join(missing)}")
        return value

    def text(self, entry: _Map, key: str, where: str) -> str:
        value = entry[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(entry.key_lines[key], f"{where}.{key}: expected a non-empty text")
        return value

    def template(self, entry: _Map, key: str, where: str) -> str:
        value = self.text(entry, key, where)
        try:
            names = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
        except ValueError as exc:
            raise self.fail(entry.key_lines[key], f"{where}.{key}: {exc}") from exc
        unknown = sorted(names - PERIOD_FIELDS)
        if unknown:
            raise self.fail(
                entry.key_lines[key],
                f"{where}.{key}: unknown placeholder {{{unknown[0]}}} "
                f"(known: {', '.join(sorted(PERIOD_FIELDS))})",
            )
        return value

    def items(self, parent: _Map, key: str, where: str) -> list[tuple[int, _Map, str]]:
        raw = parent[key]
        if not isinstance(raw, list) or not raw:
            raise self.fail(parent.key_lines[key], f"{where}: expected a list of rules")
        out = []
        for i, entry in enumerate(raw):
            at = f"{where}[{i}]"
            if not isinstance(entry, _Map):
                raise self.fail(parent.key_lines[key], f"{at}: expected a mapping")
            out.append((i, entry, at))
        return out


_PERIOD_KEYS = {"code", "name", "kind", "title_de", "title_en", "legal_basis", "recommendation"}
_WORDING_KEYS = {
    "code",
    "name",
    "when",
    "severity",
    "legal_basis",
    "message_de",
    "message_en",
    "rationale",
    "recommendation",
}


def load_finding_book(path: Path) -> FindingBook:
    """Read and validate ``findings.yml``."""
    r = _Reader(path)
    data = r.mapping(_load(path), 1, "findings", {"periods", "wording"}, {"periods", "wording"})
    periods_raw = r.mapping(
        data["periods"],
        data.key_lines["periods"],
        "periods",
        {"message_de", "message_en", "rationale", "rules"},
        {"message_de", "message_en", "rationale", "rules"},
    )
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}

    def identity(entry: _Map, at: str) -> tuple[str, str]:
        code, name = r.text(entry, "code", at), r.text(entry, "name", at)
        if not _CODE.fullmatch(code):
            raise r.fail(entry.key_lines["code"], f"{at}.code: {code!r} is not a code like DL001")
        if not _NAME.fullmatch(name):
            raise r.fail(entry.key_lines["name"], f"{at}.name: {name!r} is not a name like deadline-hedged")
        for value, seen, what in ((code, seen_codes, "code"), (name, seen_names, "name")):
            if value in seen:
                raise r.fail(
                    entry.key_lines[what], f"{at}.{what}: {value} is already defined on line {seen[value]}"
                )
            seen[value] = entry.key_lines[what]
        return code, name

    periods: dict[str, PeriodRule] = {}
    for _, entry, at in r.items(periods_raw, "rules", "periods.rules"):
        r.mapping(entry, entry.line, at, _PERIOD_KEYS, _PERIOD_KEYS)
        code, name = identity(entry, at)
        kind = r.text(entry, "kind", at)
        if kind not in DEADLINE_KINDS:
            raise r.fail(
                entry.key_lines["kind"],
                f"{at}.kind: unknown deadline kind {kind!r} (known: {', '.join(DEADLINE_KINDS)})",
            )
        if kind in periods:
            raise r.fail(
                entry.key_lines["kind"], f"{at}.kind: {kind} has a rule already ({periods[kind].code})"
            )
        periods[kind] = PeriodRule(
            code=code,
            name=name,
            kind=kind,
            title_de=r.text(entry, "title_de", at),
            title_en=r.text(entry, "title_en", at),
            legal_basis=r.text(entry, "legal_basis", at),
            recommendation=r.text(entry, "recommendation", at),
        )
    missing = [k for k in DEADLINE_KINDS if k not in periods]
    if missing:
        raise r.fail(periods_raw.key_lines["rules"], f"periods.rules: no rule for {', '.join(missing)}")

    wording: dict[str, WordingRule] = {}
    for _, entry, at in r.items(data, "wording", "wording"):
        r.mapping(entry, entry.line, at, _WORDING_KEYS, _WORDING_KEYS)
        code, name = identity(entry, at)
        when = r.text(entry, "when", at)
        if when not in WHEN or when in wording:
            problem = "has a rule already" if when in wording else f"is not one of {', '.join(WHEN)}"
            raise r.fail(entry.key_lines["when"], f"{at}.when: {when!r} {problem}")
        severity = r.text(entry, "severity", at)
        if severity not in SEVERITIES:
            raise r.fail(
                entry.key_lines["severity"],
                f"{at}.severity: {severity!r} is not one of {', '.join(SEVERITIES)}",
            )
        wording[when] = WordingRule(
            code=code,
            name=name,
            when=when,
            severity=severity,
            legal_basis=r.text(entry, "legal_basis", at),
            message_de=r.text(entry, "message_de", at),
            message_en=r.text(entry, "message_en", at),
            rationale=r.text(entry, "rationale", at),
            recommendation=r.text(entry, "recommendation", at),
        )
    absent = [w for w in WHEN if w not in wording]
    if absent:
        raise r.fail(data.key_lines["wording"], f"wording: no rule for {', '.join(absent)}")

    return FindingBook(
        periods={k: periods[k] for k in DEADLINE_KINDS},
        period_message_de=r.template(periods_raw, "message_de", "periods"),
        period_message_en=r.template(periods_raw, "message_en", "periods"),
        period_rationale=r.template(periods_raw, "rationale", "periods"),
        wording={w: wording[w] for w in WHEN},
    )


@lru_cache(maxsize=1)
def default_finding_book() -> FindingBook:
    """The rule metadata shipped with avvlint (parsed once per process)."""
    return load_finding_book(rules_dir() / "findings.yml")
