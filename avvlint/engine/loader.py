"""Loading and validating YAML rule files.

Rules are data: a data-protection officer can read and add one without touching
Python. Every file is loaded with a safe loader (no object tags) and checked key
by key; any problem is a ``RuleError`` naming the file and line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import RuleError
from .model import Rule

RULE_KEYS = {
    "code", "name", "requirement", "severity", "legal_basis", "message", "rationale",
    "recommendation", "groups", "aliases", "link", "type", "patterns", "scope", "match",
    "inside", "not_inside", "negation", "examples", "references_annex", "evidence", "requires",
}  # fmt: skip
PATTERN_KEYS = {
    "scope", "match", "inside", "not_inside", "negation", "references_annex", "note", "evidence",
    "exclusion_wins", "vetoes",
}  # fmt: skip
NODE_KEYS = {"all", "any", "not", "regex", "fuzzy", "lemma", "similar", "min", "terms", "near", "within"}
SCOPES = {"sentence", "clause", "section", "document"}
SEVERITIES = {"error", "warning", "info"}
TYPES = {"existence", "absence", "reference"}
_CODE = re.compile(r"^[A-Z]{2,5}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_LINE_KEY = "__line__"


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when available (10x faster)


class _LineLoader(_Base):  # type: ignore[valid-type,misc]
    """Safe loader that remembers the line of every mapping (for error messages)."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = yaml.constructor.SafeConstructor.construct_mapping(loader, node, deep=True)
    keys = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise yaml.constructor.ConstructorError(
            None, None, f"duplicate key {sorted(dupes)[0]!r}", node.start_mark
        )
    mapping[_LINE_KEY] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


@dataclass
class RuleFile:
    path: Path
    rules: list[Rule] = field(default_factory=list)


def _err(path: Path, line: int | None, msg: str) -> RuleError:
    where = f"{path}:{line}" if line else str(path)
    return RuleError(f"{where}: {msg}")


def load_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _err(path, None, f"cannot read rule file ({exc})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise _err(path, line, f"invalid YAML: {problem}") from None


def strip_lines(obj: Any) -> Any:
    """The same data without the loader's line markers."""
    if isinstance(obj, dict):
        return {k: strip_lines(v) for k, v in obj.items() if k != _LINE_KEY}
    if isinstance(obj, list):
        return [strip_lines(v) for v in obj]
    return obj


def _line(obj: Any) -> int | None:
    return obj.get(_LINE_KEY) if isinstance(obj, dict) else None


def _check_node(node: Any, path: Path, line: int | None) -> None:
    if isinstance(node, str):
        _check_term(node, path, line)
        return
    if not isinstance(node, dict):
        raise _err(path, line, f"a match node must be a term or a mapping, not {type(node).__name__}")
    ln = _line(node) or line
    keys = set(node) - {_LINE_KEY}
    unknown = keys - NODE_KEYS
    if unknown:
        raise _err(path, ln, f"unknown key {sorted(unknown)[0]!r} in match (allowed: {sorted(NODE_KEYS)})")
    kinds = keys & {"all", "any", "not", "regex", "fuzzy", "lemma", "similar", "terms", "near"}
    if len(kinds) != 1:
        raise _err(
            path,
            ln,
            "a match node needs exactly one of all/any/not/regex/terms/fuzzy/lemma/similar/near, "
            f"got {sorted(kinds) or 'none'}",
        )
    kind = kinds.pop()
    val = node[kind]
    if kind in {"all", "any", "terms"}:
        if not isinstance(val, list) or not val:
            raise _err(path, ln, f"'{kind}' needs a non-empty list")
        for child in val:
            _check_node(child, path, ln) if kind != "terms" else _check_term(child, path, ln)
    elif kind == "not":
        _check_node(val, path, ln)
    elif kind == "near":
        if not isinstance(val, list) or len(val) < 2:
            raise _err(path, ln, "'near' needs a list of at least two match nodes")
        for child in val:
            _check_node(child, path, ln)
        within = node.get("within", 8)
        if not isinstance(within, int) or within < 0:
            raise _err(path, ln, "'within' must be a number of words")
    elif kind == "regex":
        if not isinstance(val, str):
            raise _err(path, ln, "'regex' must be a string")
        try:
            re.compile(val)
        except re.error as exc:
            raise _err(path, ln, f"bad regex {val!r}: {exc}") from None
    elif kind in {"fuzzy", "lemma"}:
        vals = val if isinstance(val, list) else [val]
        if not vals or not all(isinstance(v, str) and v.strip() for v in vals):
            raise _err(path, ln, f"'{kind}' needs a word or a list of words")
    elif kind == "similar" and not (isinstance(val, list) and all(isinstance(v, str) for v in val)):
        raise _err(path, ln, "'similar' needs a list of example wordings")
    if "min" in node and not (isinstance(node["min"], int) and 50 <= node["min"] <= 100):
        raise _err(path, ln, "'min' must be a similarity score between 50 and 100")


def _check_term(term: Any, path: Path, line: int | None) -> None:
    if not isinstance(term, str) or not term.strip():
        raise _err(path, line, "terms must be non-empty strings")
    from .patterns import TermSyntaxError, term_regex

    try:
        # Terms compile to regexes avvlint builds itself; parsing them is the check.
        term_regex(term)
    except TermSyntaxError as exc:
        raise _err(path, line, f"bad term {term!r}: {exc}") from None


def _check_heading_filter(val: Any, path: Path, line: int | None, key: str) -> None:
    if isinstance(val, str):
        return
    if isinstance(val, list) and all(isinstance(v, str) for v in val):
        return
    if isinstance(val, dict):
        _check_node(val, path, line)
        return
    raise _err(path, line, f"'{key}' needs a term, a list of terms or a match node")


def _check_pattern(p: Any, path: Path, line: int | None) -> None:
    if not isinstance(p, dict):
        raise _err(path, line, "each pattern must be a mapping with at least 'match'")
    ln = _line(p) or line
    unknown = set(p) - PATTERN_KEYS - {_LINE_KEY}
    if unknown:
        raise _err(
            path, ln, f"unknown key {sorted(unknown)[0]!r} in pattern (allowed: {sorted(PATTERN_KEYS)})"
        )
    if "match" not in p:
        raise _err(path, ln, "pattern without 'match'")
    scope = p.get("scope", "sentence")
    if scope not in SCOPES:
        raise _err(path, ln, f"unknown scope {scope!r} (allowed: {sorted(SCOPES)})")
    _check_node(p["match"], path, ln)
    for key in ("inside", "not_inside"):
        if key in p:
            _check_heading_filter(p[key], path, ln, key)
    neg = p.get("negation", True)
    if not isinstance(neg, bool) and not (isinstance(neg, list) and all(isinstance(n, str) for n in neg)):
        raise _err(path, ln, "'negation' must be true, false or a list of extra negation terms")
    for key in ("references_annex", "exclusion_wins"):
        if key in p and not isinstance(p[key], bool):
            raise _err(path, ln, f"'{key}' must be true or false")


def parse_rule(raw: Any, path: Path, known_requirements: set[str]) -> Rule:
    if not isinstance(raw, dict):
        raise _err(path, None, "a rule must be a mapping")
    ln = _line(raw)
    unknown = set(raw) - RULE_KEYS - {_LINE_KEY}
    if unknown:
        raise _err(path, ln, f"unknown key {sorted(unknown)[0]!r} (allowed: {sorted(RULE_KEYS)})")
    for key in ("code", "name", "requirement", "message"):
        if key not in raw:
            raise _err(path, ln, f"rule without '{key}'")
    code, name = raw["code"], raw["name"]
    if not isinstance(code, str) or not _CODE.match(code):
        raise _err(path, ln, f"bad code {code!r} (expected e.g. AVV012)")
    if not isinstance(name, str) or not _NAME.match(name):
        raise _err(path, ln, f"bad name {name!r} (expected kebab-case)")
    req = raw["requirement"]
    if not isinstance(req, str) or (req not in known_requirements and not req.startswith("x.")):
        raise _err(
            path, ln, f"unknown requirement {req!r} (a catalogue ID, or a custom ID starting with 'x.')"
        )
    severity = raw.get("severity", "error")
    if severity not in SEVERITIES:
        raise _err(path, ln, f"bad severity {severity!r} (allowed: error, warning, info)")
    rtype = raw.get("type", "existence")
    if rtype not in TYPES:
        raise _err(path, ln, f"bad type {rtype!r} (allowed: {sorted(TYPES)})")
    msg = raw["message"]
    if isinstance(msg, str):
        msg = {"de": msg, "en": msg}
    if not isinstance(msg, dict) or not isinstance(msg.get("de"), str):
        raise _err(path, ln, "'message' needs at least a German text: {de: ..., en: ...}")
    for key in ("legal_basis", "rationale", "recommendation", "link"):
        if key in raw and not isinstance(raw[key], str):
            raise _err(path, ln, f"'{key}' must be text")
    patterns = raw.get("patterns")
    if rtype == "reference":
        # Raised by the engine itself (e.g. a referenced annex is absent): no patterns.
        if patterns is not None or "match" in raw:
            raise _err(path, ln, "a 'reference' rule takes no patterns")
        patterns = []
    elif patterns is None:
        if "match" not in raw:
            raise _err(path, ln, "rule without 'patterns' or 'match'")
        patterns = [
            {
                k: raw[k]
                for k in ("scope", "match", "inside", "not_inside", "negation", "references_annex")
                if k in raw
            }
        ]
    elif "match" in raw:
        raise _err(path, ln, "use either 'match' or 'patterns', not both")
    if not isinstance(patterns, list) or (not patterns and rtype != "reference"):
        raise _err(path, ln, "'patterns' needs a non-empty list")
    for p in patterns:
        _check_pattern(p, path, ln)
    examples = raw.get("examples", {}) or {}
    if not isinstance(examples, dict) or set(examples) - {"pass", "fail", _LINE_KEY}:
        raise _err(path, ln, "'examples' takes 'pass' and 'fail' lists")
    ex_pass = examples.get("pass", []) or []
    ex_fail = examples.get("fail", []) or []
    for lst in (ex_pass, ex_fail):
        if not isinstance(lst, list) or not all(isinstance(x, str) for x in lst):
            raise _err(path, ln, "examples must be lists of texts")
    groups = raw.get("groups", []) or []
    aliases = raw.get("aliases", []) or []
    for key, lst in (("groups", groups), ("aliases", aliases)):
        if not isinstance(lst, list) or not all(isinstance(x, str) for x in lst):
            raise _err(path, ln, f"'{key}' must be a list of names")
    requires = raw.get("requires", []) or []
    if isinstance(requires, str):
        requires = [requires]
    if not isinstance(requires, list) or not all(isinstance(x, str) for x in requires):
        raise _err(path, ln, "'requires' must be a catalogue ID or a list of them")
    for rid in requires:
        if rid not in known_requirements:
            raise _err(path, ln, f"'requires' names unknown requirement {rid!r}")
    spec = strip_lines({"patterns": patterns})
    return Rule(
        code=code,
        name=name,
        requirement=req,
        severity=severity,
        legal_basis=raw.get("legal_basis", ""),
        message_de=msg["de"].strip(),
        message_en=str(msg.get("en", msg["de"])).strip(),
        rationale=" ".join(str(raw.get("rationale", "")).split()),
        recommendation=" ".join(str(raw.get("recommendation", "")).split()),
        type=rtype,
        groups=tuple(groups),
        aliases=tuple(aliases),
        examples_pass=tuple(ex_pass),
        examples_fail=tuple(ex_fail),
        link=raw.get("link", ""),
        requires=tuple(requires),
        source=path,
        line=ln,
        spec=spec,
    )


def load_rule_files(paths: list[Path], known_requirements: set[str]) -> tuple[list[Rule], str]:
    """Load every ``*.yml``/``*.yaml`` below ``paths``; returns rules and a content digest."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(x for x in p.rglob("*") if x.suffix in {".yml", ".yaml"}))
        elif p.is_file():
            files.append(p)
        else:
            raise RuleError(f"{p}: rule path does not exist")
    digest = hashlib.sha256()
    rules: list[Rule] = []
    seen: dict[str, Rule] = {}
    seen_names: dict[str, Rule] = {}
    for f in files:
        data = load_yaml(f)
        digest.update(f.name.encode())
        digest.update(f.read_bytes())
        if data is None:
            continue
        if isinstance(data, dict) and "rules" in data:
            # "x-..." keys hold YAML anchors shared by the rules of a file.
            extra = {k for k in data if not str(k).startswith("x-")} - {"rules", _LINE_KEY}
            if extra:
                raise _err(f, _line(data), f"unknown top-level key {sorted(extra)[0]!r}")
            raw_rules = data["rules"]
            if not isinstance(raw_rules, list):
                raise _err(f, _line(data), "'rules' must be a list")
        elif isinstance(data, dict) and "deadline_kinds" in data:
            continue  # deadline cue data, loaded by the deadline finder
        else:
            raw_rules = [data]
        for raw in raw_rules:
            rule = parse_rule(raw, f, known_requirements)
            if rule.code in seen:
                other = seen[rule.code]
                raise _err(
                    f, rule.line, f"duplicate rule code {rule.code} (also at {other.source}:{other.line})"
                )
            if rule.name in seen_names:
                other = seen_names[rule.name]
                raise _err(
                    f, rule.line, f"duplicate rule name {rule.name} (also at {other.source}:{other.line})"
                )
            seen[rule.code] = rule
            seen_names[rule.name] = rule
            rules.append(rule)
    return rules, digest.hexdigest()[:16]
