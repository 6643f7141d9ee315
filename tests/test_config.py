"""Config discovery, validation, precedence and provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import run, workdir, write_empty_contract

from avvlint.config import find_config, parse_size, resolve, validate
from avvlint.errors import ConfigError

__all__ = ["workdir"]


def _show(*args: str) -> dict[str, dict[str, object]]:
    res = run("config", "show", "-f", "json", *args)
    assert res.exit_code == 0, res.stderr
    return json.loads(res.stdout)["settings"]


def test_discovery_prefers_the_nearest_file_and_skips_foreign_pyproject(workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text('[tool.avvlint]\nfail-on = "warning"\n')
    sub = workdir / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(sub) == workdir / "pyproject.toml"
    (workdir / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n')  # no [tool.avvlint]
    assert find_config(sub) == workdir / "pyproject.toml"
    (workdir / "a" / "avvlint.toml").write_text('fail-on = "info"\n')
    assert find_config(sub) == workdir / "a" / "avvlint.toml"
    (workdir / "a" / ".avvlint.toml").write_text('fail-on = "error"\n')
    assert find_config(sub) == workdir / "a" / ".avvlint.toml"


def test_no_implicit_cascade_but_explicit_extend(workdir: Path) -> None:
    (workdir / "avvlint.toml").write_text(
        'fail-on = "warning"\nlanguage = "en"\n[policy]\ndeletion = "14d"\n'
    )
    team = workdir / "team"
    team.mkdir()
    (team / "avvlint.toml").write_text('[policy]\nbreach_notice = "24h"\n')
    cfg = resolve(cwd=team, env={})
    assert cfg.fail_on == "error"  # the parent file is not read
    (team / "avvlint.toml").write_text(
        'extend = "../avvlint.toml"\nlanguage = "de"\n[policy]\nbreach_notice = "24h"\n'
    )
    cfg = resolve(cwd=team, env={})
    assert cfg.fail_on == "warning" and cfg.settings.language == "de"
    th = cfg.settings.policy.thresholds
    assert th["breach_notice"].hours == 24 and th["deletion"].hours == 14 * 24
    assert cfg.source("policy.deletion").startswith(str(workdir / "avvlint.toml"))
    assert cfg.source("policy.breach_notice").startswith(str(team / "avvlint.toml"))


def test_extend_cycle_is_a_config_error(workdir: Path) -> None:
    (workdir / "a.toml").write_text('extend = "b.toml"\n')
    (workdir / "b.toml").write_text('extend = "a.toml"\n')
    with pytest.raises(ConfigError, match="cycle"):
        resolve(config_args=("a.toml",), cwd=workdir, env={})


def test_cli_beats_config_and_provenance_is_recorded(workdir: Path) -> None:
    (workdir / "pyproject.toml").write_text(
        '[tool.avvlint]\nselect = ["a28.3.d"]\nfail-on = "warning"\n'
        '[tool.avvlint.policy]\nbreach_notice = "24h"\ndeletion = 240\n'
    )
    s = _show("--policy", "breach_notice=36h", "--select", "ALL")
    where = str(workdir / "pyproject.toml")
    assert s["select"] == {"value": ["ALL"], "source": "command line"}
    assert s["fail-on"]["value"] == "warning" and s["fail-on"]["source"].startswith(where)
    assert s["policy.breach_notice"]["source"] == "command line"
    assert "36h" in str(s["policy.breach_notice"]["value"])
    assert "240h" in str(s["policy.deletion"]["value"]) and s["policy.deletion"]["source"].startswith(where)
    assert s["policy.audit_notice"]["source"] == "default"


def test_isolated_ignores_config_files(workdir: Path) -> None:
    (workdir / "avvlint.toml").write_text('fail-on = "info"\n')
    assert _show()["fail-on"]["value"] == "info"
    assert _show("--isolated")["fail-on"] == {"value": "error", "source": "default"}


def test_config_flag_takes_a_path_or_key_value_overrides(workdir: Path) -> None:
    (workdir / "avvlint.toml").write_text('fail-on = "info"\n')
    other = workdir / "anders.toml"
    other.write_text('language = "en"\n')
    s = _show("--config", str(other), "--config", 'fail-on="warning"', "--config", 'policy.deletion="7d"')
    assert s["language"]["value"] == "en"
    assert s["fail-on"] == {"value": "warning", "source": '--config fail-on="warning"'}
    assert "168h" in str(s["policy.deletion"]["value"])


def test_env_cache_dir_between_config_and_cli(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (workdir / "avvlint.toml").write_text('cache-dir = "from-config"\n')
    monkeypatch.setenv("AVVLINT_CACHE_DIR", str(workdir / "from-env"))
    assert _show()["cache-dir"] == {"value": str(workdir / "from-env"), "source": "env AVVLINT_CACHE_DIR"}
    assert _show("--cache-dir", "x")["cache-dir"]["source"] == "command line"


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("selec = []\n", "selec"),
        ("select = 3\n", "select"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ("jobs = -1\n", "jobs"),
        ('max-file-size = "huge"\n', "max-file-size"),
        ('[policy]\nbreach_notice = "soon"\n', "policy.breach_notice"),
        ('[policy]\nbreach = "24h"\n', "policy.breach"),
        ('[severity]\nAVV012 = "fatal"\n', "severity.AVV012"),
        ('[per-file-ignores]\n"x/*.pdf" = 5\n', "per-file-ignores.x/*.pdf"),
        ('policy = "24h"\n', "policy"),
    ],
)
def test_invalid_config_names_the_key_and_exits_2(workdir: Path, toml: str, key: str) -> None:
    (workdir / "avvlint.toml").write_text(toml)
    doc = write_empty_contract(workdir / "leer.txt")
    res = run("check", str(doc))
    assert res.exit_code == 2
    assert f"'{key}'" in res.stderr and "config-error" in res.stderr
    assert str(workdir / "avvlint.toml") in res.stderr
    assert "Traceback" not in res.stderr


def test_broken_toml_is_a_config_error(workdir: Path) -> None:
    (workdir / "avvlint.toml").write_text("select = [\n")
    res = run("check", str(write_empty_contract(workdir / "leer.txt")))
    assert res.exit_code == 2 and "invalid TOML" in res.stderr


def test_values_parse() -> None:
    assert parse_size("50MB") == 50_000_000
    assert parse_size("2 MiB") == 2 * 1024 * 1024
    assert parse_size(1000) == 1000
    layer = validate({"policy": {"breach-notice": "2d", "audit_notice": 100}}, "t", Path.cwd())
    assert layer.policy == {"breach_notice": 48, "audit_notice": 100}
    assert validate({"extend_select": ["AVV0*"]}, "t", Path.cwd()).values == {"extend-select": ("AVV0*",)}


def test_config_changes_the_run(workdir: Path) -> None:
    doc = write_empty_contract(workdir / "leer.txt")
    (workdir / "avvlint.toml").write_text('[severity]\nALL = "warning"\n')
    assert run("check", str(doc)).exit_code == 0
    (workdir / "avvlint.toml").write_text('fail-on = "warning"\n[severity]\nALL = "warning"\n')
    assert run("check", str(doc)).exit_code == 1
    assert run("check", str(doc), "--fail-on", "error").exit_code == 0
    (workdir / "avvlint.toml").write_text('[per-file-ignores]\n"leer.txt" = ["ALL"]\n')
    assert run("check", str(doc)).exit_code == 0


def test_init_writes_a_config_that_loads_with_every_threshold(workdir: Path) -> None:
    assert run("init").exit_code == 0
    text = (workdir / "avvlint.toml").read_text()
    for kind in (
        "breach_notice",
        "dsr_forwarding",
        "deletion",
        "backup_deletion",
        "subprocessor_notice",
        "objection_period",
        "audit_notice",
    ):
        assert f"\n{kind} = " in text
    s = _show()
    assert s["policy.breach_notice"]["source"].startswith(str(workdir / "avvlint.toml"))
    assert "48h" in str(s["policy.breach_notice"]["value"])
    assert run("init").exit_code == 2  # will not overwrite
    (workdir / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert run("init", "--pyproject").exit_code == 0
    assert "[tool.avvlint.policy]" in (workdir / "pyproject.toml").read_text()
    assert resolve(config_args=("pyproject.toml",), cwd=workdir, env={}).fail_on == "error"
