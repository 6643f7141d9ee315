"""The ``avvlint`` command group with lazily imported subcommands."""

from __future__ import annotations

import importlib
import importlib.util

import click

from .. import __version__

# name -> "module:attribute"; modules are imported on first use.
COMMANDS: dict[str, str] = {
    "check": "avvlint.cli.check:check",
    "scan": "avvlint.cli.scan_cmd:scan",
    "rules": "avvlint.cli.rules_cmd:rules",
    "explain": "avvlint.cli.rules_cmd:explain",
    "init": "avvlint.cli.config_cmd:init",
    "config": "avvlint.cli.config_cmd:config",
    "baseline": "avvlint.cli.baseline_cmd:baseline",
    "cache": "avvlint.cli.cache_cmd:cache",
    "extract": "avvlint.cli.extract_cmd:extract",
    # The evaluation command is owned by the rule-engine work; it appears when present.
    "eval": "avvlint.cli.eval_cmd:eval_cmd",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name for name in COMMANDS if self._available(name)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not self._available(cmd_name):
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError):
            if cmd_name == "eval":  # optional until the evaluation lands
                return None
            raise

    @staticmethod
    def _available(name: str) -> bool:
        if name != "eval":
            return True
        try:
            return importlib.util.find_spec(COMMANDS[name].split(":")[0]) is not None
        except ImportError:
            return False


@click.group(
    cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100}
)
@click.version_option(__version__, "-V", "--version", prog_name="avvlint")
def main() -> None:
    """avvlint: lint German data-processing agreements (AVV, Art. 28 DSGVO).

    Exit codes: 0 no finding at or above --fail-on; 1 such findings;
    2 usage, config or rule error, or a document that could not be read.
    """
