"""The cue lists of ``rules/deadlines/*.yml``: loaded once, validated with clear errors.

The lists are data a data-protection officer can read and extend (``kinds.yml``:
which words tell the seven deadline kinds apart; ``qualifiers.yml``: vague words and
hedges). A broken file is a ``rule-error`` naming the file and the entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..errors import RuleError
from ..policy import DEADLINE_KINDS
from .parties import GENERIC, Parties

DEFAULT_WEIGHT = 2.0


@dataclass(frozen=True, slots=True)
class Cue:
    pattern: re.Pattern[str]
    weight: float
    # the pattern as written when it names a party ("bei {processor} eingehen"); the
    # placeholders stand for the role words plus the document's short names
    template: str | None = None


_PLACEHOLDER = re.compile(r"\{(processor|controller)\}")


def _expand(template: str, parties: Parties) -> str:
    return _PLACEHOLDER.sub(
        lambda m: parties.processor if m.group(1) == "processor" else parties.controller, template
    )


@dataclass(frozen=True, slots=True)
class KindCues:
    kind: str
    title: str
    topic: tuple[Cue, ...]
    trigger: tuple[Cue, ...]
    duty: tuple[Cue, ...] = ()
    duty_context: tuple[Cue, ...] = ()
    needs_context: tuple[Cue, ...] = ()  # one must be in the sentence, heading, lead-in or sentence before
    anchor: tuple[Cue, ...] = ()  # the start event the catalogue measures from (deletion: contract end)
    notice: tuple[Cue, ...] = ()
    # a sentence with one of these says the duty does not exist ("eine Löschung ist nicht
    # erforderlich", "Backups sind von der Löschung ausgenommen")
    denied: tuple[Cue, ...] = ()
    # how long the thing exists ("14 Tage vorgehalten", "kept for 30 days"): with the duty
    # words, what a period of this kind must speak of ("restoring replicas in 4 h" is none)
    lifetime: tuple[Cue, ...] = ()
    needs_notice: bool = False
    vague_needs_time_word: bool = False


@dataclass(frozen=True, slots=True)
class Qualifier:
    pattern: re.Pattern[str]
    label: str


@dataclass(frozen=True, slots=True)
class CueBook:
    kinds: dict[str, KindCues]
    none_topic: tuple[Cue, ...]
    none_trigger: tuple[Cue, ...]
    min_score: float
    vague: tuple[Qualifier, ...]
    hedge: tuple[Qualifier, ...]
    vague_block: tuple[Cue, ...] = ()
    veto: tuple[Cue, ...] = ()
    # the period is stated elsewhere ("siehe Anlage 4", "gemäß Löschkonzept"): no vague duty here
    deferred: tuple[Cue, ...] = ()


def rules_dir() -> Path:
    """``rules/deadlines`` of a source checkout, or its copy inside an installed wheel."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[2] / "rules" / "deadlines", here.parents[1] / "_rules" / "deadlines"):
        if candidate.is_dir():
            return candidate
    raise RuleError(f"deadline cue files not found (looked in {here.parents[2] / 'rules' / 'deadlines'})")


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise RuleError(f"{path}{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from exc
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping at the top level")
    return data


def _compile(path: Path, where: str, pattern: Any) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise RuleError(f"{path}: {where}: pattern must be a non-empty string")
    # escapes such as \W or \S and the party placeholders are not letters to fold
    letters = _PLACEHOLDER.sub("", re.sub(r"\\.", "", pattern))
    if letters != letters.lower():
        raise RuleError(
            f"{path}: {where}: patterns match folded (lower-case) text; write {pattern.lower()!r}"
        )
    if any(ch in pattern for ch in "äöüß"):
        raise RuleError(f"{path}: {where}: patterns match folded text; write ae/oe/ue/ss instead of umlauts")
    try:
        return re.compile(_expand(pattern, GENERIC))
    except re.error as exc:
        raise RuleError(f"{path}: {where}: invalid regular expression: {exc}") from exc


def _cues(path: Path, where: str, raw: Any) -> tuple[Cue, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise RuleError(f"{path}: {where}: expected a list of patterns")
    out: list[Cue] = []
    for i, entry in enumerate(raw):
        at = f"{where}[{i}]"
        if isinstance(entry, str):
            out.append(Cue(_compile(path, at, entry), DEFAULT_WEIGHT, _template(entry)))
        elif isinstance(entry, dict):
            unknown = set(entry) - {"re", "w"}
            if unknown:
                raise RuleError(f"{path}: {at}: unknown key(s) {', '.join(sorted(unknown))} (expected re, w)")
            weight = entry.get("w", DEFAULT_WEIGHT)
            if not isinstance(weight, int | float) or isinstance(weight, bool) or weight <= 0:
                raise RuleError(f"{path}: {at}: w must be a positive number")
            out.append(Cue(_compile(path, at, entry.get("re")), float(weight), _template(entry.get("re"))))
        else:
            raise RuleError(f"{path}: {at}: expected a pattern or {{re: ..., w: ...}}")
    return tuple(out)


def _template(pattern: str) -> str | None:
    return pattern if _PLACEHOLDER.search(pattern) else None


def _qualifiers(path: Path, where: str, raw: Any) -> tuple[Qualifier, ...]:
    if not isinstance(raw, list):
        raise RuleError(f"{path}: {where}: expected a list of {{re: ..., label: ...}}")
    out: list[Qualifier] = []
    for i, entry in enumerate(raw):
        at = f"{where}[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str):
            raise RuleError(f"{path}: {at}: expected {{re: pattern, label: text}}")
        out.append(Qualifier(_compile(path, at, entry.get("re")), entry["label"]))
    return tuple(out)


_KIND_KEYS = {
    "title",
    "topic",
    "trigger",
    "duty",
    "duty_context",
    "anchor",
    "needs_context",
    "notice",
    "denied",
    "lifetime",
    "needs_notice",
    "vague_needs_time_word",
}


def load_cue_book(kinds_path: Path, qualifiers_path: Path) -> CueBook:
    """Read and validate the two cue files."""
    data = _load(kinds_path)
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, dict):
        raise RuleError(f"{kinds_path}: 'kinds' must map each deadline kind to its cues")
    unknown_kinds = [k for k in raw_kinds if k not in DEADLINE_KINDS]
    if unknown_kinds:
        raise RuleError(
            f"{kinds_path}: unknown deadline kind {unknown_kinds[0]!r} (known: {', '.join(DEADLINE_KINDS)})"
        )
    missing = [k for k in DEADLINE_KINDS if k not in raw_kinds]
    if missing:
        raise RuleError(f"{kinds_path}: kinds without cues: {', '.join(missing)}")
    kinds: dict[str, KindCues] = {}
    for kind, spec in raw_kinds.items():
        if kind not in DEADLINE_KINDS:
            raise RuleError(
                f"{kinds_path}: unknown deadline kind {kind!r} (known: {', '.join(DEADLINE_KINDS)})"
            )
        if not isinstance(spec, dict):
            raise RuleError(f"{kinds_path}: kinds.{kind}: expected a mapping")
        unknown = set(spec) - _KIND_KEYS
        if unknown:
            raise RuleError(f"{kinds_path}: kinds.{kind}: unknown key(s) {', '.join(sorted(unknown))}")
        topic = _cues(kinds_path, f"kinds.{kind}.topic", spec.get("topic"))
        if not topic:
            raise RuleError(f"{kinds_path}: kinds.{kind}.topic: at least one pattern is needed")
        kinds[kind] = KindCues(
            kind=kind,
            title=str(spec.get("title", kind)),
            topic=topic,
            trigger=_cues(kinds_path, f"kinds.{kind}.trigger", spec.get("trigger")),
            duty=_cues(kinds_path, f"kinds.{kind}.duty", spec.get("duty")),
            duty_context=_cues(kinds_path, f"kinds.{kind}.duty_context", spec.get("duty_context")),
            anchor=_cues(kinds_path, f"kinds.{kind}.anchor", spec.get("anchor")),
            needs_context=_cues(kinds_path, f"kinds.{kind}.needs_context", spec.get("needs_context")),
            notice=_cues(kinds_path, f"kinds.{kind}.notice", spec.get("notice")),
            denied=_cues(kinds_path, f"kinds.{kind}.denied", spec.get("denied")),
            lifetime=_cues(kinds_path, f"kinds.{kind}.lifetime", spec.get("lifetime")),
            needs_notice=bool(spec.get("needs_notice", False)),
            vague_needs_time_word=bool(spec.get("vague_needs_time_word", False)),
        )
    none = data.get("none") or {}
    if not isinstance(none, dict):
        raise RuleError(f"{kinds_path}: 'none' must be a mapping with topic/trigger lists")
    unknown_none = set(none) - {"topic", "trigger", "vague_block", "veto", "deferred"}
    if unknown_none:
        raise RuleError(f"{kinds_path}: none: unknown key(s) {', '.join(sorted(unknown_none))}")
    min_score = data.get("min_score", 2.5)
    if not isinstance(min_score, int | float) or isinstance(min_score, bool):
        raise RuleError(f"{kinds_path}: min_score must be a number")
    qdata = _load(qualifiers_path)
    return CueBook(
        kinds=kinds,
        none_topic=_cues(kinds_path, "none.topic", none.get("topic")),
        none_trigger=_cues(kinds_path, "none.trigger", none.get("trigger")),
        min_score=float(min_score),
        vague=_qualifiers(qualifiers_path, "vague", qdata.get("vague")),
        hedge=_qualifiers(qualifiers_path, "hedge", qdata.get("hedge")),
        vague_block=_cues(kinds_path, "none.vague_block", none.get("vague_block")),
        veto=_cues(kinds_path, "none.veto", none.get("veto")),
        deferred=_cues(kinds_path, "none.deferred", none.get("deferred")),
    )


@lru_cache(maxsize=1)
def default_cue_book() -> CueBook:
    """The cue book shipped with avvlint (parsed once per process)."""
    base = rules_dir()
    return load_cue_book(base / "kinds.yml", base / "qualifiers.yml")


def _with_parties_cues(cues: tuple[Cue, ...], parties: Parties) -> tuple[Cue, ...]:
    return tuple(
        replace(c, pattern=re.compile(_expand(c.template, parties))) if c.template else c for c in cues
    )


_BOOKS: dict[tuple[int, Parties], tuple[CueBook, CueBook]] = {}


def with_parties(book: CueBook, parties: Parties) -> CueBook:
    """The cue book with ``{processor}``/``{controller}`` standing for this document's names."""
    if parties == GENERIC:
        return book
    key = (id(book), parties)
    hit = _BOOKS.get(key)
    if hit is not None and hit[0] is book:
        return hit[1]
    if len(_BOOKS) > 64:
        _BOOKS.clear()
    out = _with_parties(book, parties)
    _BOOKS[key] = (book, out)
    return out


def _with_parties(book: CueBook, parties: Parties) -> CueBook:
    kinds = {
        kind: replace(
            kc,
            **{
                f.name: _with_parties_cues(getattr(kc, f.name), parties)
                for f in fields(kc)
                if isinstance(getattr(kc, f.name), tuple)
            },
        )
        for kind, kc in book.kinds.items()
    }
    return replace(
        book,
        kinds=kinds,
        none_topic=_with_parties_cues(book.none_topic, parties),
        none_trigger=_with_parties_cues(book.none_trigger, parties),
        vague_block=_with_parties_cues(book.vague_block, parties),
        veto=_with_parties_cues(book.veto, parties),
        deferred=_with_parties_cues(book.deferred, parties),
    )
