"""``--format markdown``: a findings list a DPO pastes into an e-mail or ticket.

Per contract: the result, then every finding with the quoted words, where they
are, the legal basis and what to ask the vendor for; then the deadlines. Also
used for the GitHub job summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalogue import BY_ID
from .common import fmt_hours, fmt_policy, message, one_line, passes, relpath, where
from .labels import DEADLINE_NAMES, SEVERITY, VERDICTS, summary_line, t

if TYPE_CHECKING:  # pragma: no cover
    from ..report import DocumentReport, Report
    from . import RenderContext


def _esc(text: str) -> str:
    """Neutralise Markdown in quoted contract text (tables, emphasis, code)."""
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def render(report: Report, ctx: RenderContext) -> str:
    lang = ctx.language
    out: list[str] = []
    for doc in report.documents:
        out += _document(doc, ctx)
    s = report.summary
    out.append(f"_{summary_line(s['errors'], s['warnings'], s['infos'], s['documents'], lang)}_")
    return "\n".join(out).rstrip() + "\n"


def _document(doc: DocumentReport, ctx: RenderContext) -> list[str]:
    lang = ctx.language
    name = relpath(doc.path, ctx.root)
    out = [f"## {_esc(name)}", ""]
    if doc.error is not None:
        out += [f"**{t(lang, 'error')}:** `{doc.error.code}` — {_esc(doc.error.message)}", ""]
        return out
    total = len(doc.requirements)
    met = sum(1 for r in doc.requirements if r.status == "met")
    verdict = t(lang, "pass") if passes(doc, ctx.fail_on) else t(lang, "fail")
    counts = summary_line(doc.count("error"), doc.count("warning"), doc.count("info"), 1, lang).rsplit(
        " in ", 1
    )[0]
    met_of = t(lang, "met_of", met=met, total=total)
    out += [f"**{t(lang, 'result')}:** {verdict} · {t(lang, 'requirements')}: {met_of} · {counts}", ""]
    if doc.findings:
        out += [f"### {t(lang, 'findings')}", ""]
        for i, f in enumerate(doc.findings, 1):
            title = f.title or (BY_ID[f.requirement].title_de if f.requirement in BY_ID else f.requirement)
            sev = SEVERITY[lang].get(f.severity, f.severity)
            head = f"{i}. **{_esc(title)}** ({f.rule}, {sev})"
            if f.location is not None:
                head += f" — {where(f.location, lang)}"
            out.append(head)
            out.append(f"   {_esc(message(f, lang))}")
            if f.location is not None and f.location.text.strip():
                out.append(f"   > „{_esc(one_line(f.location.text, 500))}“")
            if f.legal_basis:
                out.append(f"   - {t(lang, 'legal_basis')}: {_esc(f.legal_basis)}")
            if f.recommendation:
                out.append(f"   - {t(lang, 'ask_vendor')}: {_esc(f.recommendation)}")
        out.append("")
    else:
        out += [t(lang, "no_findings"), ""]
    if doc.suppressed:
        out += [f"_{t(lang, 'suppressed', n=len(doc.suppressed))}_", ""]
    if doc.deadlines:
        policy = ctx.extra.get("policy")
        out += [f"### {t(lang, 'deadlines')}", ""]
        out.append(
            f"| {t(lang, 'kind')} | {t(lang, 'as_written')} | {t(lang, 'policy')} | {t(lang, 'verdict')} "
            f"| {t(lang, 'evidence')} |"
        )
        out.append("|---|---|---|---|---|")
        for d in doc.deadlines:
            th = policy.thresholds.get(d.kind) if policy is not None else None
            pol = fmt_policy(
                d.policy_hours if d.policy_hours is not None else (th.hours if th else None),
                th.direction if th else None,
                lang,
            )
            written = d.written or (fmt_hours(d.hours, lang) if d.hours is not None else "—")
            out.append(
                f"| {DEADLINE_NAMES[lang].get(d.kind, d.kind)} | {_esc(one_line(written, 80))} | {pol} "
                f"| {VERDICTS[lang].get(d.verdict, d.verdict or '—')} | {where(d.evidence, lang)} |"
            )
        out.append("")
    return out
