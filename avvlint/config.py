"""Configuration: discovery, validation, precedence and provenance.

Sources, weakest first: built-in defaults, the nearest config file (with its
``extend`` chain), environment variables, command-line flags. The nearest file
is the first of ``.avvlint.toml``, ``avvlint.toml`` or a ``pyproject.toml`` with
a ``[tool.avvlint]`` table, searched from the current directory upwards; there is
no implicit cascade (ruff style), only explicit ``extend = "../avvlint.toml"``.

Every key is validated; a bad one raises ``ConfigError`` naming the file and the
key. The result records where each value came from, for ``avvlint config show``.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .extract.limits import Limits
from .policy import DEADLINE_KINDS, Policy
from .settings import Settings

CONFIG_NAMES = (".avvlint.toml", "avvlint.toml", "pyproject.toml")
FORMATS = ("text", "json", "jsonl", "sarif", "junit", "github", "markdown", "csv")
FAIL_ON = ("error", "warning", "info")
LEVELS = ("error", "warning", "info", "off")
LANGUAGES = ("de", "en")
DEFAULT_INCLUDE = ("*.pdf", "*.docx", "*.txt")
DEFAULT = "default"


@dataclass
class Config:
    """Everything a run needs: core ``Settings`` plus CLI-only options."""

    settings: Settings = field(default_factory=Settings)
    fail_on: str = "error"
    format: str = "text"
    jobs: int = 0  # 0 = all cores
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    cache: bool = True
    cache_dir: Path | None = None
    baseline: Path | None = None
    # key (``select``, ``policy.breach_notice``) -> where its value came from
    sources: dict[str, str] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    root: Path = field(default_factory=Path.cwd)

    def source(self, key: str) -> str:
        return self.sources.get(key, DEFAULT)


# ---------------------------------------------------------------- discovery


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file from ``start`` (default: cwd) upwards, or ``None``."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for name in CONFIG_NAMES:
            p = d / name
            if not p.is_file():
                continue
            if name != "pyproject.toml" or _has_tool_table(p):
                return p
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        data = _read_toml(path)
    except ConfigError:
        return True  # let the loader report the syntax error with its location
    return isinstance(data.get("tool"), dict) and "avvlint" in data["tool"]


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


# ---------------------------------------------------------------- validation

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "b": 1, "k": 10**3, "m": 10**6, "g": 10**9, "ki": 2**10, "mi": 2**20, "gi": 2**30}


def parse_size(value: Any) -> int:
    """Bytes from ``52428800``, ``"50MB"``, ``"20 MiB"``, ``"500k"``."""
    if isinstance(value, bool):
        raise ValueError("expected a size such as 50MB")
    if isinstance(value, int):
        n = value
    else:
        m = _SIZE.match(str(value))
        if not m:
            raise ValueError(f"expected a size such as 50MB or 20MiB, got {value!r}")
        unit = (m.group(2) or "").lower().rstrip("b")
        n = int(float(m.group(1)) * _SIZE_UNITS[unit])
    if n <= 0:
        raise ValueError(f"a size must be positive, got {value!r}")
    return n


def _str_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("expected a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _choice(options: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if not isinstance(value, str) or value.lower() not in options:
            raise ValueError(f"expected one of {', '.join(options)}, got {value!r}")
        return value.lower()

    return check


def _jobs(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"expected a whole number >= 0 (0 = all cores), got {value!r}")
    return value


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise ValueError(f"expected seconds >= 0 (0 = no limit), got {value!r}")
    return float(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _path(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("expected a path")
    return value


# Top-level scalar/list keys and their validators. Tables are handled separately.
KEYS: dict[str, Callable[[Any], Any]] = {
    "select": _str_list,
    "ignore": _str_list,
    "extend-select": _str_list,
    "fail-on": _choice(FAIL_ON),
    "format": _choice(FORMATS),
    "jobs": _jobs,
    "max-file-size": parse_size,
    "timeout": _seconds,
    "rule-paths": _str_list,
    "language": _choice(LANGUAGES),
    "include": _str_list,
    "exclude": _str_list,
    "cache": _bool,
    "cache-dir": _path,
    "baseline": _path,
    "extend": _path,
}
TABLES = ("policy", "severity", "per-file-ignores")
ALL_KEYS = (*KEYS, *TABLES)


def _norm_key(key: str) -> str:
    return key.strip().replace("_", "-")


def _norm_kind(kind: str) -> str:
    return kind.strip().replace("-", "_")


@dataclass
class Layer:
    """Validated values from one source, with the directory relative paths start from."""

    label: str
    base: Path
    values: dict[str, Any] = field(default_factory=dict)
    policy: dict[str, float] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    path: Path | None = None  # the config file, when the layer came from one


def validate(raw: Mapping[str, Any], label: str, base: Path) -> Layer:
    """Check every key of one source; ``ConfigError`` names the first bad key."""
    from .rulesinfo import parse_policy_value

    layer = Layer(label, base)
    for key, value in raw.items():
        k = _norm_key(key)
        if k in KEYS:
            try:
                layer.values[k] = KEYS[k](value)
            except ValueError as exc:
                raise ConfigError(f"{label}: invalid value for '{k}': {exc}") from None
        elif k == "policy":
            for kind, v in _table(value, label, k).items():
                kn = _norm_kind(kind)
                if kn not in DEADLINE_KINDS:
                    raise ConfigError(
                        f"{label}: unknown key 'policy.{kind}' (deadline kinds: {', '.join(DEADLINE_KINDS)})"
                    )
                try:
                    layer.policy[kn] = parse_policy_value(v)
                except ValueError as exc:
                    raise ConfigError(f"{label}: invalid value for 'policy.{kind}': {exc}") from None
        elif k == "severity":
            for sel, level in _table(value, label, k).items():
                if not isinstance(level, str) or level.lower() not in LEVELS:
                    raise ConfigError(
                        f"{label}: invalid value for 'severity.{sel}': expected one of {', '.join(LEVELS)}, "
                        f"got {level!r}"
                    )
                layer.severity[sel] = level.lower()
        elif k == "per-file-ignores":
            for pattern, sels in _table(value, label, k).items():
                try:
                    layer.per_file_ignores[_anchor(pattern, base)] = _str_list(sels)
                except ValueError as exc:
                    raise ConfigError(
                        f"{label}: invalid value for 'per-file-ignores.{pattern}': {exc}"
                    ) from None
        else:
            raise ConfigError(f"{label}: unknown key '{key}' (known keys: {', '.join(ALL_KEYS)})")
    return layer


def _table(value: Any, label: str, key: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{label}: '{key}' must be a table, e.g. [tool.avvlint.{key}]")
    return value


def _anchor(pattern: str, base: Path) -> str:
    # A pattern with a directory part is relative to the config file's folder, so
    # running from a sub-folder matches the same files. Bare names match anywhere.
    if "/" in pattern and not os.path.isabs(pattern):
        return (base / pattern).as_posix()
    return pattern


# ---------------------------------------------------------------- loading


def load_file(path: Path, seen: tuple[Path, ...] = ()) -> list[Layer]:
    """Layers of one config file, its ``extend`` bases first."""
    path = path.resolve()
    if path in seen:
        chain = " -> ".join(str(p) for p in (*seen, path))
        raise ConfigError(f"{path}: 'extend' forms a cycle ({chain})")
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        raw = tool.get("avvlint", {}) if isinstance(tool, dict) else {}
        label = f"{path} [tool.avvlint]"
    else:
        raw, label = data, str(path)
    if not isinstance(raw, dict):
        raise ConfigError(f"{label}: [tool.avvlint] must be a table")
    layer = validate(raw, label, path.parent)
    layer.path = path
    layers: list[Layer] = []
    if "extend" in layer.values:
        base = Path(os.path.expanduser(layer.values.pop("extend")))
        if not base.is_absolute():
            base = path.parent / base
        layers.extend(load_file(base, (*seen, path)))
    layers.append(layer)
    return layers


def parse_override(text: str) -> dict[str, Any]:
    """``--config 'policy.breach_notice="24h"'`` as a one-key TOML document."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"--config {text!r}: not a KEY=VALUE override in TOML syntax ({exc})") from None


def resolve(
    cli: Layer | None = None,
    config_args: tuple[str, ...] = (),
    isolated: bool = False,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Config:
    """Build the ``Config`` in force from files, environment and CLI values."""
    cwd = cwd or Path.cwd()
    env = os.environ if env is None else env
    layers: list[Layer] = []
    files: list[Path] = []
    explicit = [a for a in config_args if not _is_override(a)]
    overrides = [a for a in config_args if _is_override(a)]
    if len(explicit) > 1:
        raise ConfigError("--config: give at most one config file (plus any KEY=VALUE overrides)")
    if explicit:
        p = Path(explicit[0])
        layers += load_file(p if p.is_absolute() else cwd / p)
    elif not isolated:
        found = find_config(cwd)
        if found is not None:
            layers += load_file(found)
    files = [layer.path for layer in layers if layer.path is not None]
    if env.get("AVVLINT_CACHE_DIR"):
        layers.append(Layer("env AVVLINT_CACHE_DIR", cwd, {"cache-dir": env["AVVLINT_CACHE_DIR"]}))
    for text in overrides:
        layers.append(validate(parse_override(text), f"--config {text}", cwd))
    if cli is not None:
        layers.append(cli)
    cfg = merge(layers, cwd)
    cfg.files = files
    return cfg


def _is_override(arg: str) -> bool:
    return "=" in arg and not Path(arg).exists()


def merge(layers: list[Layer], cwd: Path) -> Config:
    """Later layers win key by key; ``extend-select`` accumulates; tables merge by entry."""
    cfg = Config(root=cwd)
    src = cfg.sources
    values: dict[str, Any] = {}
    extend_select: list[str] = []
    policy: dict[str, float] = {}
    severity: dict[str, str] = {}
    pfi: dict[str, tuple[str, ...]] = {}
    for layer in layers:
        for k, v in layer.values.items():
            if k == "extend-select":
                extend_select.extend(v)
                src[k] = layer.label if k not in src else f"{src[k]}; {layer.label}"
                continue
            if k in ("rule-paths", "cache-dir", "baseline"):
                v = _resolve_paths(v, layer.base)
            values[k] = v
            src[k] = layer.label
        for kind, hours in layer.policy.items():
            policy[kind] = hours
            src[f"policy.{kind}"] = layer.label
        for sel, level in layer.severity.items():
            severity[sel] = level
            src[f"severity.{sel}"] = layer.label
        for pattern, sels in layer.per_file_ignores.items():
            pfi[pattern] = sels
            src[f"per-file-ignores.{pattern}"] = layer.label

    pol = Policy()
    for kind, hours in policy.items():
        pol = pol.with_hours(kind, hours)
    limits = Limits()
    if "max-file-size" in values:
        limits = dataclasses.replace(limits, max_file_bytes=values["max-file-size"])
    if "timeout" in values:
        limits = dataclasses.replace(limits, max_seconds=values["timeout"])
    cfg.settings = Settings(
        policy=pol,
        select=values.get("select", Settings.select),
        extend_select=tuple(extend_select),
        ignore=values.get("ignore", ()),
        severity=severity,
        rule_paths=tuple(values.get("rule-paths", ())),
        limits=limits,
        per_file_ignores=pfi,
        language=values.get("language", "de"),
    )
    cfg.fail_on = values.get("fail-on", cfg.fail_on)
    cfg.format = values.get("format", cfg.format)
    cfg.jobs = values.get("jobs", cfg.jobs)
    cfg.include = values.get("include", cfg.include)
    cfg.exclude = values.get("exclude", cfg.exclude)
    cfg.cache = values.get("cache", cfg.cache)
    cfg.cache_dir = values.get("cache-dir")
    cfg.baseline = values.get("baseline")
    return cfg


def _resolve_paths(value: Any, base: Path) -> Any:
    def one(p: str) -> Path:
        q = Path(os.path.expanduser(p))
        return q if q.is_absolute() else (base / q)

    if isinstance(value, tuple):
        return tuple(one(p) for p in value)
    return one(value)


# ---------------------------------------------------------------- introspection


def describe(cfg: Config) -> list[tuple[str, Any, str]]:
    """``(key, value, source)`` for every setting in force, for ``config show``."""
    s = cfg.settings
    rows: list[tuple[str, Any, str]] = [
        ("select", list(s.select), cfg.source("select")),
        ("extend-select", list(s.extend_select), cfg.source("extend-select")),
        ("ignore", list(s.ignore), cfg.source("ignore")),
        ("fail-on", cfg.fail_on, cfg.source("fail-on")),
        ("format", cfg.format, cfg.source("format")),
        ("jobs", cfg.jobs, cfg.source("jobs")),
        ("max-file-size", s.limits.max_file_bytes, cfg.source("max-file-size")),
        ("timeout", s.limits.max_seconds, cfg.source("timeout")),
        ("rule-paths", [str(p) for p in s.rule_paths], cfg.source("rule-paths")),
        ("language", s.language, cfg.source("language")),
        ("include", list(cfg.include), cfg.source("include")),
        ("exclude", list(cfg.exclude), cfg.source("exclude")),
        ("cache", cfg.cache, cfg.source("cache")),
        ("cache-dir", str(cfg.cache_dir) if cfg.cache_dir else None, cfg.source("cache-dir")),
        ("baseline", str(cfg.baseline) if cfg.baseline else None, cfg.source("baseline")),
    ]
    for kind, t in s.policy.thresholds.items():
        rows.append((f"policy.{kind}", _hours_text(t.hours, t.direction), cfg.source(f"policy.{kind}")))
    for sel, level in s.severity.items():
        rows.append((f"severity.{sel}", level, cfg.source(f"severity.{sel}")))
    for pattern, sels in s.per_file_ignores.items():
        rows.append((f"per-file-ignores.{pattern}", list(sels), cfg.source(f"per-file-ignores.{pattern}")))
    return rows


def _hours_text(hours: float, direction: str) -> str:
    h = int(hours) if float(hours).is_integer() else hours
    op = "<=" if direction == "max" else ">="
    if isinstance(h, int) and h >= 48 and h % 24 == 0:
        return f"{op} {h}h ({h // 24} days)"
    return f"{op} {h}h"


def settings_fingerprint(settings: Settings) -> dict[str, Any]:
    """A canonical, JSON-able view of the settings that change a report (cache keys)."""
    return {
        "policy": {
            k: [t.direction, t.hours, t.severity, t.vague_severity]
            for k, t in settings.policy.thresholds.items()
        },
        "select": list(settings.select),
        "extend_select": list(settings.extend_select),
        "ignore": list(settings.ignore),
        "severity": sorted(settings.severity.items()),
        "rule_paths": [str(p) for p in settings.rule_paths],
        "limits": [
            settings.limits.max_file_bytes,
            settings.limits.max_unzipped_bytes,
            settings.limits.max_zip_ratio,
            settings.limits.max_zip_members,
            settings.limits.max_pages,
        ],
        "per_file_ignores": sorted((k, list(v)) for k, v in settings.per_file_ignores.items()),
        "language": settings.language,
    }
