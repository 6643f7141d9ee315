"""``--format sarif``: SARIF 2.1.0 as GitHub code scanning accepts it.

Every rule becomes a ``reportingDescriptor`` with short/full description, help
text and Markdown, default level and tags. Results point at the contract file
by a path relative to ``%SRCROOT%`` with ``region.startLine`` (a line of
avvlint's extracted text) and the clause as ``snippet``. Because GitHub would
otherwise hash the raw bytes of a PDF at that line, every result carries
avvlint's own ``partialFingerprints.primaryLocationLineHash``. Baselined
findings are left out (GitHub does not dismiss suppressed results).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..report import SEVERITY_RANK
from .common import message, relpath
from .labels import t

if TYPE_CHECKING:  # pragma: no cover
    from ..engine.model import Rule
    from ..report import Finding, Report
    from . import RenderContext

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM = {"error": "error", "warning": "warning", "info": "recommendation"}
MAX_RESULTS = 25_000
MAX_TEXT = 1024
MAX_TAGS = 20
MIME = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "txt": "text/plain",
}


def _cut(text: str, limit: int = MAX_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def rule_markdown(rule: Rule) -> str:
    """The help shown by GitHub: what, why, legal basis, what to ask for, examples."""
    parts = [f"**{rule.code} {rule.name}** — {rule.message_de}"]
    if rule.rationale:
        parts.append(f"**Warum:** {rule.rationale.strip()}")
    if rule.legal_basis:
        parts.append(f"**Rechtsgrundlage:** {rule.legal_basis}")
    if rule.recommendation:
        parts.append(f"**Empfehlung:** {rule.recommendation.strip()}")
    if rule.examples_pass:
        parts.append(
            "**Erfüllt z. B.:**\n" + "\n".join(f"> {' '.join(e.split())}" for e in rule.examples_pass[:2])
        )
    if rule.examples_fail:
        parts.append(
            "**Verstößt z. B.:**\n" + "\n".join(f"> {' '.join(e.split())}" for e in rule.examples_fail[:2])
        )
    return "\n\n".join(parts)


def descriptor(rule: Rule) -> dict[str, Any]:
    tags = ["dsgvo", "art28", *rule.groups]
    if rule.requirement and rule.requirement != "*":
        tags.append(rule.requirement)
    tags = list(dict.fromkeys(tags))[:MAX_TAGS]
    help_text = " ".join(
        p
        for p in (
            rule.recommendation.strip(),
            f"Rechtsgrundlage: {rule.legal_basis}" if rule.legal_basis else "",
        )
        if p
    )
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _cut(rule.message_de or rule.name)},
        "fullDescription": {"text": _cut(rule.rationale or rule.message_de or rule.name)},
        "help": {
            "text": _cut(help_text or rule.message_de or rule.name, 10_000),
            "markdown": rule_markdown(rule),
        },
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {
            "tags": tags,
            "problem.severity": PROBLEM.get(rule.severity, "warning"),
            "legal_basis": rule.legal_basis,
            "requirement": rule.requirement,
        },
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _unknown_descriptor(f: Finding) -> dict[str, Any]:
    # A finding from a rule without metadata (should not happen once all rules load).
    text = _cut(f.title or f.message or f.rule)
    return {
        "id": f.rule,
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": _cut(f.recommendation or text), "markdown": f.recommendation or text},
        "defaultConfiguration": {"level": LEVEL.get(f.severity, "warning")},
        "properties": {"tags": ["dsgvo", "art28"]},
    }


def render(report: Report, ctx: RenderContext) -> str:
    if ctx.pretty:
        return json.dumps(sarif_log(report, ctx), ensure_ascii=False, indent=2) + "\n"
    return json.dumps(sarif_log(report, ctx), ensure_ascii=False, separators=(",", ":")) + "\n"


def sarif_log(report: Report, ctx: RenderContext) -> dict[str, Any]:
    lang = ctx.language
    rules = [descriptor(r) for r in sorted(ctx.rules.values(), key=lambda r: r.code)]
    index = {r["id"]: i for i, r in enumerate(rules)}
    artifacts: list[dict[str, Any]] = []
    results: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for doc in report.documents:
        uri = quote(relpath(doc.path, ctx.root))
        art: dict[str, Any] = {"location": {"uri": uri, "uriBaseId": "%SRCROOT%"}}
        if doc.format in MIME:
            art["mimeType"] = MIME[doc.format]
        if doc.sha256:
            art["hashes"] = {"sha-256": doc.sha256}
        artifacts.append(art)
        art_index = len(artifacts) - 1
        if doc.error is not None:
            notes.append(
                {
                    "level": "error",
                    "message": {"text": doc.error.message},
                    "descriptor": {"id": doc.error.code},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"}}}
                    ],
                }
            )
            continue
        for f in doc.findings:
            if f.rule not in index:
                index[f.rule] = len(rules)
                rules.append(_unknown_descriptor(f))
            results.append(_result(f, uri, art_index, index[f.rule], doc.format, lang))
    if len(results) > MAX_RESULTS:
        results.sort(key=lambda r: -SEVERITY_RANK.get({"note": "info"}.get(r["level"], r["level"]), 0))
        notes.append(
            {
                "level": "warning",
                "message": {"text": f"{len(results) - MAX_RESULTS} results left out (SARIF upload limit)"},
            }
        )
        results = results[:MAX_RESULTS]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "avvlint",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(ctx.root).resolve().as_uri() + "/"}},
        "artifacts": artifacts,
        "invocations": [
            {
                "executionSuccessful": not any(d.error for d in report.documents),
                "toolExecutionNotifications": notes,
            }
        ],
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    category = ctx.extra.get("sarif_category")
    if category:
        run["automationDetails"] = {"id": f"{category.rstrip('/')}/"}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _result(
    f: Finding, uri: str, art_index: int, rule_index: int, fmt: str | None, lang: str
) -> dict[str, Any]:
    loc = f.location
    region: dict[str, Any] = {"startLine": loc.line if loc else 1}
    if loc is not None and loc.text:
        region["snippet"] = {"text": loc.text}
    text = message(f, lang)
    if f.recommendation:
        text = f"{text.rstrip('.')}. {t(lang, 'ask_vendor')}: {f.recommendation}"
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%", "index": art_index},
            "region": region,
        }
    }
    if loc is not None and loc.section:
        location["logicalLocations"] = [
            {"name": loc.section, "fullyQualifiedName": loc.section.replace(" ", ""), "kind": "section"}
        ]
    props: dict[str, Any] = {"requirement": f.requirement, "extractor": fmt}
    if loc is not None:
        props["page"] = loc.page
        props["section"] = loc.section
    if f.legal_basis:
        props["legal_basis"] = f.legal_basis
    return {
        "ruleId": f.rule,
        "ruleIndex": rule_index,
        "level": LEVEL.get(f.severity, "warning"),
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"primaryLocationLineHash": f.fingerprint, "avvlint/v1": f.fingerprint},
        "properties": props,
    }
