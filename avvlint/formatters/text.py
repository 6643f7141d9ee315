"""``--format text``: the terminal report (rich), in German legal terms by default.

``check`` (the DPO view): per contract a table of the 25 catalogue elements
grouped by Art. 28 Abs. 3 S. 1 / lit. a–h, the findings with the quoted words,
where they stand and what to ask the vendor for, and a deadlines table.
``scan`` (the batch view): a matrix contracts × requirement groups and deadline
kinds, then how many contracts pass, the most common gaps and the unreadable
files. Both end with ``N Fehler, M Warnungen in K Dateien``.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule as Line
from rich.table import Table
from rich.text import Text

from ..catalogue import BY_ID, GROUP_TITLES, REQUIREMENTS
from ..policy import DEADLINE_KINDS
from .common import (
    at_or_above,
    fmt_hours,
    fmt_policy,
    message,
    one_line,
    passes,
    primary_deadlines,
    relpath,
    where,
)
from .labels import DEADLINE_NAMES, DEADLINE_SHORT, SEVERITY, VERDICTS, summary_line, t

if TYPE_CHECKING:  # pragma: no cover
    from ..report import DocumentReport, Report
    from . import RenderContext

SEV_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {"ok": "green", "exceeds": "red", "below": "red", "vague": "yellow", "hedged": "yellow"}


def make_console(ctx: RenderContext, file: io.StringIO) -> Console:
    color_system = None
    if ctx.color:
        color_system = "truecolor" if os.environ.get("COLORTERM") in ("truecolor", "24bit") else "256"
    return Console(
        file=file,
        force_terminal=ctx.color,
        no_color=not ctx.color,
        color_system=color_system,  # type: ignore[arg-type]
        width=ctx.width or ctx.extra.get("width") or 110,
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def render(report: Report, ctx: RenderContext) -> str:
    if ctx.mode == "scan" and ctx.width is None:
        # Not a terminal: make room for the matrix instead of folding file names.
        longest = max((len(relpath(d.path, ctx.root)) for d in report.documents), default=0)
        ctx.extra.setdefault("width", min(max(110, longest + 115), 240))
    buf = io.StringIO()
    con = make_console(ctx, buf)
    if ctx.mode == "scan":
        _scan(con, report, ctx)
    else:
        for doc in report.documents:
            _document(con, doc, ctx)
    _baseline_notes(con, ctx)
    s = report.summary
    line = summary_line(s["errors"], s["warnings"], s["infos"], s["documents"], ctx.language)
    if s["failed"]:
        line += f" ({s['failed']} {t(ctx.language, 'error')})"
    style = "bold red" if s["failed"] or s["errors"] else ("yellow" if s["warnings"] else "green")
    con.print(Text(line, style=style))
    out = buf.getvalue()
    if not ctx.color:  # rich pads table cells; files and pipes get clean lines
        out = "\n".join(line.rstrip() for line in out.split("\n"))
    return out


# ---------------------------------------------------------------- check: one contract


def _document(con: Console, doc: DocumentReport, ctx: RenderContext) -> None:
    lang = ctx.language
    name = relpath(doc.path, ctx.root)
    con.print(Line(Text(name, style="bold"), align="left"))
    if doc.error is not None:
        con.print(
            Text.assemble(
                (f"{t(lang, 'error')}: ", "bold red"), (doc.error.code, "red"), f" — {doc.error.message}"
            )
        )
        con.print()
        return
    meta = [(doc.format or "?").upper()]
    if doc.pages:
        meta.append(f"{doc.pages} {t(lang, 'pages')}")
    meta.append(f"sha256 {doc.sha256[:12]}")
    con.print(Text(" · ".join(meta), style="dim"))
    con.print(_requirements_table(doc, ctx))
    _findings(con, doc, ctx)
    _deadlines(con, doc, ctx)
    if doc.suppressed:
        con.print(Text(t(lang, "suppressed", n=len(doc.suppressed)), style="dim"))
    con.print()


def _requirements_table(doc: DocumentReport, ctx: RenderContext) -> Table:
    lang = ctx.language
    met = sum(1 for r in doc.requirements if r.status == "met")
    title = f"{t(lang, 'requirements')}: {t(lang, 'met_of', met=met, total=len(doc.requirements))}"
    table = Table(
        title=title,
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    table.add_column(t(lang, "requirement"))
    table.add_column(t(lang, "status"), no_wrap=True)
    table.add_column(t(lang, "evidence"))
    failing_reqs = {f.requirement for f in doc.findings if at_or_above(f.severity, ctx.fail_on)}
    results = {r.id: r for r in doc.requirements}
    group = None
    for req in REQUIREMENTS:
        r = results.get(req.id)
        if r is None:
            continue
        if req.group != group:
            group = req.group
            table.add_row(Text(GROUP_TITLES[group], style="bold"), "", "")
        title = req.title_de if lang == "de" else req.title_en
        if r.status == "met":
            status = Text(f"✓ {t(lang, 'met')}", style="green")
            loc = where(r.evidence[0], lang) if r.evidence else ""
        else:
            style = "red" if req.id in failing_reqs else "yellow"
            word = ("ausgeschlossen" if lang == "de" else "excluded") if r.negated else t(lang, "missing")
            status = Text(f"✗ {word}", style=style)
            loc = where(r.negated[0], lang) if r.negated else "—"
        table.add_row(Text(f"  {title}"), status, Text(loc, style="dim"))
    return table


def _findings(con: Console, doc: DocumentReport, ctx: RenderContext) -> None:
    lang = ctx.language
    con.print()
    if not doc.findings:
        con.print(Text(t(lang, "no_findings"), style="green"))
        return
    con.print(Text(f"{t(lang, 'findings')} ({len(doc.findings)})", style="bold"))
    for i, f in enumerate(doc.findings, 1):
        title = f.title or (BY_ID[f.requirement].title_de if f.requirement in BY_ID else f.requirement)
        head = Text.assemble(
            (f"{i:>3}  ", "dim"),
            (f"{SEVERITY[lang].get(f.severity, f.severity).upper():<8}", SEV_STYLE.get(f.severity, "")),
            (f" {f.rule}  ", "bold"),
            title,
        )
        con.print(head)
        body: list[Text] = []
        msg = message(f, lang)
        if msg and msg != title:
            body.append(Text(msg))
        if f.location is not None:
            body.append(Text(where(f.location, lang), style="cyan"))
            if f.location.text.strip():
                body.append(Text(f"„{one_line(f.location.text, 400)}“", style="italic"))
        if f.legal_basis:
            body.append(Text.assemble((f"{t(lang, 'legal_basis')}: ", "dim"), f.legal_basis))
        if f.recommendation:
            body.append(Text.assemble((f"{t(lang, 'ask_vendor')}: ", "bold"), f.recommendation))
        if body:
            con.print(Padding(Group(*body), (0, 0, 0, 13)))


def _deadlines(con: Console, doc: DocumentReport, ctx: RenderContext) -> None:
    lang = ctx.language
    con.print()
    if not doc.deadlines:
        con.print(Text(t(lang, "no_deadlines"), style="dim"))
        return
    table = Table(
        title=t(lang, "deadlines"),
        title_justify="left",
        title_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for col in ("kind", "as_written", "hours", "policy", "verdict", "evidence"):
        table.add_column(t(lang, col), justify="right" if col == "hours" else "left")
    policy = ctx.extra.get("policy")
    for d in doc.deadlines:
        th = policy.thresholds.get(d.kind) if policy is not None else None
        pol_hours = d.policy_hours if d.policy_hours is not None else (th.hours if th else None)
        verdict = d.verdict or ("vague" if d.vague else ("hedged" if d.hedged else None))
        written = d.written or (d.evidence.text if d.evidence else "")
        table.add_row(
            DEADLINE_NAMES[lang].get(d.kind, d.kind),
            one_line(written, 60),
            "—" if d.hours is None else fmt_hours(d.hours, lang),
            fmt_policy(pol_hours, th.direction if th else None, lang),
            Text(VERDICTS[lang].get(verdict, verdict or "—"), style=VERDICT_STYLE.get(verdict or "", "")),
            where(d.evidence, lang),
        )
    con.print(table)


# ---------------------------------------------------------------- scan: the batch matrix


def _scan(con: Console, report: Report, ctx: RenderContext) -> None:
    lang = ctx.language
    groups = list(GROUP_TITLES)
    names = [relpath(d.path, ctx.root) for d in report.documents]
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", padding=(0, 1))
    table.add_column(t(lang, "document"), overflow="fold", min_width=min(max(map(len, names), default=8), 60))
    for g in groups:
        table.add_column("S.1" if g == "s1" else g, justify="center", no_wrap=True)
    for kind in DEADLINE_KINDS:
        table.add_column(DEADLINE_SHORT[kind], justify="center", no_wrap=True)
    table.add_column(t(lang, "result"), overflow="fold")
    by_group: dict[str, list[str]] = {}
    for req in REQUIREMENTS:
        by_group.setdefault(req.group, []).append(req.id)
    for doc in report.documents:
        name = relpath(doc.path, ctx.root)
        if doc.error is not None:
            blanks = [""] * (len(groups) + len(DEADLINE_KINDS))
            table.add_row(name, *blanks, Text(doc.error.code, style="bold red"))
            continue
        status = {r.id: r.status for r in doc.requirements}
        failing = {f.requirement for f in doc.findings if at_or_above(f.severity, ctx.fail_on)}
        cells: list[Text] = []
        for g in groups:
            missing = [rid for rid in by_group[g] if status.get(rid) == "missing"]
            if not missing:
                cells.append(Text("✓", style="green"))
            else:
                style = "red" if any(rid in failing for rid in missing) else "yellow"
                cells.append(Text(f"✗{len(missing)}" if len(missing) > 1 else "✗", style=style))
        primary = primary_deadlines(doc.deadlines)
        for kind in DEADLINE_KINDS:
            d = primary.get(kind)
            verdict = (
                None
                if d is None
                else (d.verdict or ("vague" if d.vague else ("hedged" if d.hedged else None)))
            )
            if d is None:
                cells.append(Text("·", style="dim"))
            elif verdict in ("exceeds", "below"):
                cells.append(Text("✗", style="red" if kind in failing else "yellow"))
            elif verdict in ("vague", "hedged"):
                cells.append(Text("~", style="yellow"))
            elif verdict == "ok":
                cells.append(Text("✓", style="green"))
            else:
                cells.append(Text("?", style="dim"))
        ok = passes(doc, ctx.fail_on)
        table.add_row(
            name, *cells, Text(t(lang, "pass") if ok else t(lang, "fail"), style="green" if ok else "red")
        )
    con.print(table)
    con.print(Text(t(lang, "legend"), style="dim"))
    shorts = " · ".join(f"{DEADLINE_SHORT[k]} = {DEADLINE_NAMES[lang][k]}" for k in DEADLINE_KINDS)
    con.print(Text(shorts, style="dim"))
    con.print()
    _scan_summary(con, report, ctx)


def _scan_summary(con: Console, report: Report, ctx: RenderContext) -> None:
    lang = ctx.language
    docs = report.documents
    readable = [d for d in docs if d.error is None]
    ok = sum(1 for d in readable if passes(d, ctx.fail_on))
    con.print(Text(t(lang, "contracts_pass", ok=ok, total=len(docs)), style="bold"))
    gaps: Counter[str] = Counter()
    for d in readable:
        gaps.update({f.requirement for f in d.findings if at_or_above(f.severity, "warning")})
    if gaps:
        con.print(Text(f"{t(lang, 'common_gaps')}:", style="bold"))
        order = {rid: i for i, rid in enumerate([*(r.id for r in REQUIREMENTS), *DEADLINE_KINDS])}
        for rid, n in sorted(gaps.items(), key=lambda kv: (-kv[1], order.get(kv[0], 999), kv[0]))[:5]:
            title = (
                BY_ID[rid].title_de
                if rid in BY_ID and lang == "de"
                else (BY_ID[rid].title_en if rid in BY_ID else DEADLINE_NAMES[lang].get(rid, rid))
            )
            con.print(Text.assemble(f"  {n:>4} × ", (rid, "bold"), f"  {title}"))
    failed = [d for d in docs if d.error is not None]
    if failed:
        con.print(Text(f"{t(lang, 'failed_files')} ({len(failed)}):", style="bold red"))
        for d in failed:
            assert d.error is not None
            con.print(Text.assemble("  ", (d.error.code, "red"), f"  {d.error.message}"))
    con.print()


def _baseline_notes(con: Console, ctx: RenderContext) -> None:
    if ctx.baseline is None:
        return
    lang = ctx.language
    for e in ctx.baseline.expired:
        text = t(
            lang, "baseline_expired", expires=e.expires, path=e.path, rule=e.rule, fingerprint=e.fingerprint
        )
        con.print(Text(text, style="yellow"))
    for e in ctx.baseline.stale:
        text = t(lang, "baseline_stale", path=e.path, rule=e.rule, fingerprint=e.fingerprint)
        con.print(Text(text, style="yellow"))
