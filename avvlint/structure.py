"""Structure: headings, sections and numbered paragraphs from extracted blocks.

Extractors deliver blocks (paragraphs, list items, table rows, headings they
know from styles). This module decides which blocks are headings, what they
are called (``§ 7``, ``Art. 3``, ``7.1``, ``Anlage 2``, ``Präambel``), how the
sections nest, and where the numbered paragraphs ``(2)`` lie, so that every
offset can be cited as ``§ 7 Abs. 2``. It is shared by every input format.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from .document import Block, Document, Paragraph, Section
from .wording import FINITE_VERBS, NO_TITLE_END

_WS = r"[ \t\u00a0]*"
_PARA_SIGN = re.compile(rf"^{_WS}(?:#+\s*)?\**§{_WS}(\d+[a-z]?)\b\.?\**[ \t:.\-–—]*(.*)$")
_ARTICLE = re.compile(
    rf"^{_WS}(?:#+\s*)?\**(?:Art\.|Artikel|Article|Ziffer|Ziff\.|Abschnitt|Teil|Kapitel|Section|Clause)"
    rf"{_WS}(\d+(?:\.\d+)*|[IVX]+|[A-H](?=[ \t:.\-–—]))\b\.?\**[ \t:.\-–—]*(.*)$",
    re.IGNORECASE,
)
_ANNEX = re.compile(
    rf"^{_WS}(?:#+\s*)?\**(Anlage|Anhang|Annex|Appendix|Schedule|Exhibit|Attachment)"
    rf"{_WS}([0-9]+(?:\.[0-9]+)?[a-z]?|[A-Z]|[IVX]+)?\b\.?\**[ \t:.\-–—]*(.*)$",
    re.IGNORECASE,
)
_PREAMBLE = re.compile(
    rf"^{_WS}(?:#+\s*)?\**(Präambel|Praeambel|Vorbemerkung(?:en)?|Preamble|Recitals)\b\**[ \t:.]*(.*)$",
    re.IGNORECASE,
)
_DECIMAL = re.compile(rf"^{_WS}(?:#+\s*)?\**(\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(\.?)\**(?=[ \t])[ \t]+(.*)$")
# "A.4 Kreis der Betroffenen", "B.2.1 Weisungen": a part letter before decimal numbers
_LETTER_DECIMAL = re.compile(
    rf"^{_WS}(?:#+\s*)?\**([A-H])\.(\d{{1,2}}(?:\.\d{{1,2}}){{0,2}})\.?\**[ \t]+(.*)$"
)
# "Nr. 5  Kreis der Betroffenen" in a Leistungsschein or an annex
_NUMBER_WORD = re.compile(
    rf"^{_WS}\**(?:Nr\.|Nummer|No\.)[ \t]*(\d{{1,2}}[a-z]?)\.?\**[ \t:.\-–—]+(.*)$", re.IGNORECASE
)
# "II. RECHTE UND PFLICHTEN DES VERANTWORTLICHEN": a Roman part number
_ROMAN = re.compile(rf"^{_WS}(?:#+\s*)?\**([IVX]{{1,6}})\.\**[ \t]+(.*)$")
_ROMAN_LABEL = re.compile(r"^[IVX]+\.$")
_LETTER_LABEL = re.compile(r"^[A-H]\.$")
# "A. RAHMEN", "B. STEUERUNG DER VERARBEITUNG": part letters (checked as a series below)
_PART_LETTER = re.compile(rf"^{_WS}\**([A-H])\.\**[ \t]+(.*)$")
# "Regelung: Gegenstand der Verarbeitung" over its indented text: a form's field heading
_FIELD_HEADING = re.compile(rf"^{_WS}(?:Regelung|Pflicht|Thema|Punkt|Bereich|Klausel)[ \t]*:[ \t]*(.+)$")
# "8) Kontrolle" as a heading of a short plain-text AVV (checked against list runs below)
_PAREN_NUM = re.compile(rf"^{_WS}\**(\d{{1,2}})\)\**[ \t]+(.*)$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_PARAGRAPH_LABEL = re.compile(r"^[ \t]*(?:[-–•·*][ \t]+)?\**\((\d{1,2}[a-z]?)\)\**")
_SENTENCE_END = re.compile(r"[.;,]\**$")


@dataclass
class _Candidate:
    block: int
    label: str
    title: str
    level: int
    scheme: str  # "para", "art", "annex", "pre", "dec", "md"
    number: tuple[int, ...] = ()


def _clean_title(title: str) -> str:
    title = title.replace("**", " ").replace("__", " ")
    # A heading line may run on into its first paragraph: "§ 1**Gegenstand****(1) Gegenstand:**".
    title = re.split(r"\s\(\d{1,2}\)\s|\(\d{1,2}\)", title, maxsplit=1)[0]
    return " ".join(title.strip(" \t*#:–—-").split())


_NAME_ABBREVIATION = re.compile(r"\b(?:Ltd|Inc|Co|Corp|Bros|e\.\s?V|S\.A|N\.V|B\.V|mbH|KGaA|L\.L\.C)\.\**$")


# A title never ends on an article or a preposition, nor holds a sentence end: such a
# line is the first line of a hard-wrapped sentence ("1.3 Dieser Vertrag läuft … Der").
# "Kategorien betroffener Personen: Mitglieder und …" is a filled-in label
_LABEL_WITH_CONTENT = re.compile(r"\w:\s+\w")
_INNER_SENTENCE_END = re.compile(r"[a-zäöüß]{3,}[.;]\s+[A-ZÄÖÜ]")


def _title_like(title: str) -> bool:
    """Short words without sentence punctuation at the end: a heading title."""
    if not title:
        return True
    if len(title) > 110 or len(title.split()) > 14:
        return False
    words = title.split()
    if len(words) >= 3 and words[-1].lower() in NO_TITLE_END:
        return False
    if _INNER_SENTENCE_END.search(title) or _LABEL_WITH_CONTENT.search(title):
        return False
    if not title.rstrip().endswith("?") and any(w in FINITE_VERBS for w in words[1:]):
        return False  # "Dieser Vertrag gilt ab Unterzeichnung …" is a sentence, not a title
    # "1. Hostinger International Ltd." names a sub-processor; the period is the name's.
    return not _SENTENCE_END.search(title.rstrip()) or bool(_NAME_ABBREVIATION.search(title.rstrip()))


def _number_tuple(num: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in num.split(".") if p)
    except ValueError:
        return ()


def _candidate(text: str, block_index: int, hint_level: int | None) -> _Candidate | None:
    line = text.strip()
    if not line:
        return None
    first = line.split("\n", 1)[0]
    md = _MD_HEADING.match(first)
    m = _PARA_SIGN.match(first)
    if m:
        title = _clean_title(m.group(2))
        if len(first) > 160 and not title:
            return None
        return _Candidate(block_index, f"§ {m.group(1)}", title, 1, "para", _number_tuple(m.group(1)))
    m = _ARTICLE.match(first)
    if m:
        title = _clean_title(m.group(2))
        if not _title_like(title) and len(first) > 160:
            return None
        word = first.strip(" #*").split()[0].lower()
        prefix = (
            "Art."
            if word.startswith(("art", "article"))
            else {
                "ziffer": "Ziff.",
                "ziff.": "Ziff.",
                "abschnitt": "Abschnitt",
                "teil": "Teil",
                "kapitel": "Kapitel",
                "section": "Section",
                "clause": "Clause",
            }.get(word, "Art.")
        )
        num = m.group(1)
        level = 1 + max(0, len(_number_tuple(num)) - 1)
        return _Candidate(block_index, f"{prefix} {num}", title, level, "art", _number_tuple(num))
    m = _ANNEX.match(first)
    if m and (m.group(2) or not m.group(3) or _title_like(_clean_title(m.group(3)))):
        title = _clean_title(m.group(3))
        if not _title_like(title):
            return None
        # "Anlage 1 (Verarbeitungstätigkeit)" inside a sentence is a reference, not a heading:
        # only lines that start with the word are considered here.
        word = m.group(1).capitalize()
        label = f"{word} {m.group(2)}" if m.group(2) else word
        return _Candidate(block_index, label, title, 1, "annex")
    m = _PREAMBLE.match(first)
    if m and _title_like(_clean_title(m.group(2))):
        return _Candidate(block_index, "Präambel", _clean_title(m.group(2)), 1, "pre")
    m = _DECIMAL.match(first)
    if m:
        num, rest = m.group(1), m.group(3)
        parts = _number_tuple(num)
        # No cut at an inline "(1)" here: "4. Rangfolge: (1) ..., (2) ..." is a sentence.
        title = " ".join(rest.replace("**", " ").strip(" \t*#:–—-").split())
        if len(parts) >= 2:
            # "7.1 Organisatorische Maßnahmen" is a heading; "1.2. Der Auftragnehmer ..." a
            # numbered clause. Both open a citable section; only a heading has a title.
            return _Candidate(block_index, num, title if _title_like(title) else "", len(parts), "dec", parts)
        if not _title_like(title) or not title or not title[0].isupper() or rest.rstrip(" *").endswith(":"):
            return None  # "2. Art der Daten:" introduces a list, it is not a heading
        return _Candidate(block_index, num, title, 1, "dec", parts)
    m = _LETTER_DECIMAL.match(first)
    if m:
        parts = _number_tuple(m.group(2))
        title = " ".join(m.group(3).replace("**", " ").strip(" \t*#:–—-").split())
        # under the part's own heading ("Teil A"): one level deeper than its numbers say
        label = f"{m.group(1)}.{m.group(2)}"
        title = title if _title_like(title) else ""
        return _Candidate(block_index, label, title, 1 + len(parts), "ldec", parts)
    m = _NUMBER_WORD.match(first)
    if m:
        title = _clean_title(m.group(2))
        if title and title[0].isupper() and _title_like(title):
            return _Candidate(block_index, f"Nr. {m.group(1)}", title, 1, "nr", _number_tuple(m.group(1)))
    m = _ROMAN.match(first)
    if m and "\n" not in line:
        title = _clean_title(m.group(2))
        if title and title[0].isupper() and _title_like(title) and not title.endswith(":"):
            return _Candidate(block_index, f"{m.group(1)}.", title, 1, "roman")
    m = _PART_LETTER.match(first)
    if m and "\n" not in line:
        title = _clean_title(m.group(2))
        if title and title[0].isupper() and _title_like(title) and not title.endswith(":"):
            return _Candidate(block_index, f"{m.group(1)}.", title, 1, "letter", (ord(m.group(1)) - 64,))
    m = _FIELD_HEADING.match(first)
    if m and "\n" not in line:
        title = _clean_title(m.group(1))
        if title and _title_like(title):
            return _Candidate(block_index, "", title, 9, "md")
    m = _PAREN_NUM.match(first)
    if m and "\n" not in line and len(line) <= 70:
        title = _clean_title(m.group(2))
        if title and title[0].isupper() and _title_like(title) and not title.endswith(":"):
            return _Candidate(block_index, f"{m.group(1)})", title, 1, "paren", _number_tuple(m.group(1)))
    if md:
        return _Candidate(block_index, "", _clean_title(md.group(2)), len(md.group(1)), "md")
    if hint_level is not None:
        return _Candidate(block_index, "", _clean_title(first), hint_level, "md")
    return None


def _is_list_run(cands: list[_Candidate], blocks: list[Block]) -> set[int]:
    """Blocks numbered "1." again and again (Markdown auto-numbered lists) are list items."""
    out: set[int] = set()
    # A "§", "Art." or annex heading starts a new run: "1." after "Anhang" is a fresh heading.
    runs: list[list[_Candidate]] = [[]]
    for c in cands:
        if c.scheme in {"para", "art", "annex", "pre", "roman", "letter"}:
            runs.append([])
        elif c.scheme == "dec" and len(c.number) == 1:
            runs[-1].append(c)
    for single in runs:
        for a, b in itertools.pairwise(single):
            if a.number == b.number:
                out.update({a.block, b.block})
            elif b.number and a.number and b.number[0] != a.number[0] + 1 and b.number[0] == 1:
                # restart at 1 inside the same run: a list
                out.add(b.block)
    return out


def _paren_lists(cands: list[_Candidate], scheme: str = "paren") -> set[int]:
    """ "1) Stammdaten" / "2) Kontaktdaten" on consecutive lines are a list; "N)" (or "A.")
    lines count as headings only as a series 1, 2, 3 … with text between each two of them."""
    paren = [c for c in cands if c.scheme == scheme]
    if len(paren) < (2 if scheme == "letter" else 3):
        return {c.block for c in paren}
    pairs = list(itertools.pairwise(paren))
    series_ok = all(b.number and a.number and b.number[0] == a.number[0] + 1 for a, b in pairs)
    spaced = all(b.block - a.block >= 2 for a, b in pairs)
    return set() if series_ok and spaced and paren[0].number == (1,) else {c.block for c in paren}


_NUMBERED_LABEL_LINE = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]+[^\n]{3,80}:\**[ \t]*$")


def _auto_numbered_labels(text: str, blocks: list[Block], cands: list[_Candidate]) -> set[int]:
    """ "1. Kategorien der Betroffenen" next to "1. Zweck der Verarbeitung:" is a Markdown
    auto-numbered list of labels, not a heading: the same number on a label line nearby."""
    label_lines: dict[int, list[int]] = {}
    for i, b in enumerate(blocks):
        m = _NUMBERED_LABEL_LINE.match(text[b.start : b.end])
        if m:
            label_lines.setdefault(int(m.group(1)), []).append(i)
    out: set[int] = set()
    for c in cands:
        if c.scheme == "dec" and len(c.number) == 1:
            near = label_lines.get(c.number[0], [])
            if any(0 < abs(j - c.block) <= 12 for j in near):
                out.add(c.block)
    return out


def _bare_label_merges(text: str, blocks: list[Block], cands: dict[int, _Candidate]) -> None:
    """A heading label alone on its line ("§ 3") takes its title from the next short block."""
    for i, c in list(cands.items()):
        if c.title or c.scheme not in {"para", "art", "annex", "dec"}:
            continue
        nxt = i + 1
        if nxt >= len(blocks) or nxt in cands:
            continue
        b = blocks[nxt]
        t = text[b.start : b.end].strip()
        if b.kind in {"paragraph", "heading"} and _title_like(t) and t[:1].isupper():
            c.title = _clean_title(t)
            cands[i] = c
            cands[nxt] = _Candidate(nxt, "", "", -1, "title")


_TITLE_LINE = re.compile(r"^[A-ZÄÖÜ][^\t]{10,78}$")


def _title_lines(text: str, blocks: list[Block], cands: dict[int, _Candidate]) -> None:
    """Unnumbered headings in plain text: a short capitalised line on its own, between
    running text, e.g. "Verantwortlichkeit und Weisungsrecht" before "1. Der Auftraggeber ...".

    A run of short lines is a list, not headings, so both neighbours must be substantial
    (or a heading). These headings nest under whatever section is open (level 9).
    """

    def substantial(j: int) -> bool:
        if j < 0 or j >= len(blocks):
            return j < 0  # the document start counts as a boundary, the end does not
        b = blocks[j]
        if j in cands or b.kind in {"heading", "table_row"}:
            return True
        t = text[b.start : b.end].rstrip(" *")
        if b.kind == "list_item":
            # "(1) Zwecke der Verarbeitung" introduces the short lines below it
            return len(t) >= 60 or t.endswith((".", ";", ":"))
        return len(t) >= 100

    for i, b in enumerate(blocks):
        if i in cands or b.kind != "paragraph":
            continue
        line = text[b.start : b.end].strip().replace("**", "")
        if (
            "\n" in line
            or "|" in line  # a table row written with pipes
            or not _TITLE_LINE.match(line)
            or len(line.split()) < 2
            or line.endswith((".", ":", ";", ",", "!", "?"))
            or not any(ch.islower() for ch in line)
        ):
            continue
        if i > 0 and text[blocks[i - 1].start : blocks[i - 1].end].rstrip(" *").endswith(":"):
            continue  # the filled-in field of a label ("Gegenstand des Auftrags:")
        nxt_ok = i + 1 < len(blocks) and substantial(i + 1) and blocks[i + 1].kind != "heading"
        if nxt_ok and substantial(i - 1):
            cands[i] = _Candidate(i, "", _clean_title(line), 9, "md")


def build_structure(doc: Document) -> Document:
    """Mark headings, build nested sections and numbered paragraphs; returns ``doc``."""
    text = doc.text
    blocks = doc.blocks
    raw: list[_Candidate] = []
    for i, b in enumerate(blocks):
        if b.kind == "table_row":
            continue
        c = _candidate(text[b.start : b.end], i, b.heading_level)
        if c is not None:
            raw.append(c)
    listy = _is_list_run(raw, blocks) | _auto_numbered_labels(text, blocks, raw)
    listy |= _paren_lists(raw) | _paren_lists(raw, "letter")
    cands = {c.block: c for c in raw if c.block not in listy}
    _bare_label_merges(text, blocks, cands)
    if doc.format == "txt":
        _title_lines(text, blocks, cands)

    sections: list[Section] = []
    stack: list[tuple[int, int]] = []  # (level, index in sections)
    new_blocks = list(blocks)
    pending_title_blocks: set[int] = {i for i, c in cands.items() if c.scheme == "title"}
    for i in sorted(cands):
        c = cands[i]
        if c.scheme == "title":
            continue
        b = blocks[i]
        head_end = b.end
        if i + 1 in pending_title_blocks:
            head_end = blocks[i + 1].end
            new_blocks[i + 1] = replace(blocks[i + 1], kind="heading")
        numbered_clause = c.scheme == "ldec" or (c.scheme == "dec" and len(c.number) >= 2)
        new_blocks[i] = replace(b, kind="heading") if c.title or not numbered_clause else b
        level = c.level
        if c.scheme in {"dec", "nr"} and stack:
            # Plain numbers under a "§"/"Art." heading or inside an annex nest one level deeper.
            outer = [
                sections[j]
                for _, j in stack
                if sections[j].label.startswith(("§", "Art.", "Anlage", "Anhang", "Annex", "Appendix"))
                or _ROMAN_LABEL.match(sections[j].label)
                or _LETTER_LABEL.match(sections[j].label)
            ]
            if outer:
                level += 1  # "1" under "Anhang" is level 2, its "1.1" level 3
        if c.scheme in {"annex", "pre"}:
            level = 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        sections.append(
            Section(
                label=c.label,
                title=c.title,
                level=level,
                start=b.start,
                end=len(text),
                heading_start=b.start,
                heading_end=head_end,
                parent=parent,
            )
        )
        stack.append((level, len(sections) - 1))

    # A section ends where the next section of the same or a higher level starts.
    for idx, s in enumerate(sections):
        end = len(text)
        for later in sections[idx + 1 :]:
            if later.level <= s.level:
                end = later.start
                break
        sections[idx] = replace(s, end=end)

    doc.blocks = new_blocks
    doc.sections = sections
    doc.paragraphs = _paragraphs(text, new_blocks, sections)
    doc.reindex()
    return doc


def _paragraphs(text: str, blocks: list[Block], sections: list[Section]) -> list[Paragraph]:
    """Numbered paragraphs "(2)": each runs to the next one or to the next section start."""
    starts = sorted({s.start for s in sections})
    out: list[Paragraph] = []
    for b in blocks:
        if b.kind == "table_row":
            continue
        m = _PARAGRAPH_LABEL.match(text[b.start : b.end])
        if m and b.kind != "heading":
            out.append(Paragraph(f"Abs. {m.group(1)}", b.start, len(text)))
    # close each paragraph at the next paragraph or section boundary
    import bisect

    for i, p in enumerate(out):
        end = out[i + 1].start if i + 1 < len(out) else len(text)
        j = bisect.bisect_right(starts, p.start)
        if j < len(starts):
            end = min(end, starts[j])
        out[i] = replace(p, end=end)
    return out
