"""``avvlint rules`` and ``avvlint explain ID``: what avvlint checks, and why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from .options import config_options
from .run import guarded

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.model import Rule


def _rules(kw: dict[str, Any]) -> list[Rule]:
    from ..rulesinfo import all_rules
    from .options import load_config

    cfg = load_config(kw)
    return sorted(all_rules(cfg.settings), key=lambda r: r.code)


def rule_dict(r: Rule) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.name,
        "requirement": r.requirement,
        "severity": r.severity,
        "legal_basis": r.legal_basis,
        "message_de": r.message_de,
        "message_en": r.message_en,
        "rationale": r.rationale,
        "recommendation": r.recommendation,
        "groups": list(r.groups),
        "aliases": list(r.aliases),
        "examples": {"pass": list(r.examples_pass), "fail": list(r.examples_fail)},
        "link": r.link,
        "source": str(r.source) if r.source else None,
    }


@click.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@config_options
def rules(fmt: str, **kw: Any) -> None:
    """List every rule: code, name, level, requirement and legal basis."""
    guarded(_list)(fmt=fmt, **kw)


def _list(fmt: str, **kw: Any) -> int:
    rs = _rules(kw)
    if fmt == "json":
        click.echo(json.dumps([rule_dict(r) for r in rs], ensure_ascii=False, indent=2))
        return 0
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("Code", "Name", "Stufe", "Anforderung"):
        table.add_column(col, no_wrap=True)
    table.add_column("Rechtsgrundlage", overflow="fold")
    for r in rs:
        table.add_row(r.code, r.name, r.severity, r.requirement, r.legal_basis)
    _console().print(table)
    click.echo(f"{len(rs)} rule{'s' if len(rs) != 1 else ''}")
    return 0


@click.command()
@click.argument("ident", metavar="ID")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "markdown", "json"]), default="text")
@config_options
def explain(ident: str, fmt: str, **kw: Any) -> None:
    """Explain a rule (code, name or alias) or a catalogue ID in full."""
    guarded(_explain)(ident=ident, fmt=fmt, **kw)


def _explain(ident: str, fmt: str, **kw: Any) -> int:
    from ..catalogue import BY_ID
    from ..policy import DEADLINE_KINDS

    rs = _rules(kw)
    key = ident.strip().lower()
    matched = [r for r in rs if key in {r.code.lower(), r.name.lower(), *(a.lower() for a in r.aliases)}]
    requirement = None
    if not matched and (key in BY_ID or key in DEADLINE_KINDS):
        requirement = key
        matched = [r for r in rs if r.requirement == key]
    if not matched and requirement is None:
        raise click.UsageError(f"no rule or catalogue ID {ident!r} (see `avvlint rules`)")
    if fmt == "json":
        out: dict[str, Any] = {"rules": [rule_dict(r) for r in matched]}
        if requirement in BY_ID:
            req = BY_ID[requirement]
            out["requirement"] = {
                "id": req.id,
                "law": req.law,
                "title_de": req.title_de,
                "title_en": req.title_en,
            }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    md = explain_markdown(matched, requirement)
    if fmt == "markdown":
        click.echo(md)
        return 0
    from rich.markdown import Markdown

    _console().print(Markdown(md))
    return 0


def _console():  # type: ignore[no-untyped-def]
    import sys

    from rich.console import Console

    # rich assumes 80 columns off a terminal; pipes and files get room to breathe.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 120)


def explain_markdown(rules: list[Rule], requirement: str | None) -> str:
    from ..catalogue import BY_ID, GROUP_TITLES

    parts: list[str] = []
    if requirement is not None:
        if requirement in BY_ID:
            req = BY_ID[requirement]
            parts.append(f"# {req.id}: {req.title_de}")
            parts.append(f"*{req.title_en}* · {GROUP_TITLES[req.group]} · **{req.law}**")
        else:
            parts.append(f"# {requirement}")
        if rules:
            parts.append("Entschieden von: " + ", ".join(f"`{r.code}` ({r.name})" for r in rules))
    for r in rules:
        parts.append(f"## {r.code} `{r.name}`")
        meta = f"**Stufe:** {r.severity} · **Anforderung:** `{r.requirement}`"
        parts.append(f"{meta} · **Rechtsgrundlage:** {r.legal_basis}")
        if r.groups:
            parts.append("**Gruppen:** " + ", ".join(f"`{g}`" for g in r.groups))
        if r.requirement in BY_ID:
            req = BY_ID[r.requirement]
            parts.append(f"### Was geprüft wird\n\n{req.title_de} ({req.law}) — *{req.title_en}*")
        parts.append(f"### Meldung\n\n{r.message_de}" + (f"\n\n*{r.message_en}*" if r.message_en else ""))
        if r.rationale:
            parts.append(f"### Warum\n\n{r.rationale.strip()}")
        if r.recommendation:
            parts.append(f"### Was ein konformer Vertrag enthalten muss\n\n{r.recommendation.strip()}")
        if r.examples_pass:
            parts.append("### Erfüllt z. B.\n\n" + "\n\n".join(_quote(e) for e in r.examples_pass))
        if r.examples_fail:
            parts.append("### Verstößt z. B.\n\n" + "\n\n".join(_quote(e) for e in r.examples_fail))
        if r.link:
            parts.append(f"Mehr: <{r.link}>")
        if r.source:
            parts.append(f"*Regeldatei: {r.source}{f':{r.line}' if r.line else ''}*")
    return "\n\n".join(parts) + "\n"


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.strip().splitlines())
