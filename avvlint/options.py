"""Form gaps: options left unticked and fill-in instructions nobody replaced.

Model forms offer alternatives as tick boxes ("[ ] befristet bis …",
"[X] unbefristet"). A line behind an empty box is text the parties did not
agree to, so it must neither meet a requirement nor yield a deadline. The same
holds for a bracketed instruction left in place ("[Bitte die Datenkategorien
eintragen, z. B. Stammdaten …]", "[ZEITRAUM ANGEBEN]"): its examples are not the
contract's content. The matching view blanks both out; the text shown to users
is untouched.
"""

from __future__ import annotations

import re

from .fold import Folded

# Folded text is lower-case, so "[X]" arrives as "[x]".
_EMPTY = r"\[\s{0,2}\]|\(\s\)|☐|□|❏|❑"
_TICKED = r"\[\s?[x✓✔]\s?\]|\(\s?x\s?\)|☒|☑|✓|✔|⊠"
_BOX = re.compile(rf"(?P<empty>{_EMPTY})|(?P<ticked>{_TICKED})")
# a box opens an option only where a line, table cell or list item starts
_OPTION_START = re.compile(rf"(?:^|(?<=[|\t]))[ \t]*(?:[-*•]\s+)?(?:{_EMPTY}|{_TICKED})", re.MULTILINE)
_CELL_END = re.compile(r"[|\t\n]")
_BRACKET = re.compile(r"\[[^\[\]\n]{3,400}\]|<[^<>\n]{3,200}>")
_INSTRUCTION = re.compile(
    r"\b(?:bitte|eintragen|einzutragen|einfuegen|einzufuegen|ausfuellen|auszufuellen|angeben|anzugeben"
    r"|ergaenzen|zu ergaenzen|beschreiben|zu beschreiben|auflisten|aufzulisten|benennen|zu benennen"
    r"|nachgereicht|nachzureichen|nachgeliefert|nachzuliefern|folgt|folgen|wird erstellt|in vorbereitung"
    r"|ergaenzt|eingetragen|nachgetragen|festgelegt werden|vervollstaendigt"
    r"|insert|specify|describe|enter|fill in|to be completed|to be provided|tbd|to follow)\b"
)


def unticked_spans(text: str) -> list[tuple[int, int]]:
    """Folded spans of options whose box is empty (box included)."""
    spans: list[tuple[int, int]] = []
    for start in _OPTION_START.finditer(text):
        end_m = _CELL_END.search(text, start.end())
        cell_end = end_m.start() if end_m else len(text)
        # several options may share one line: "[X] unbefristet   [ ] befristet bis …"
        boxes = list(_BOX.finditer(text, start.start(), cell_end))
        for i, box in enumerate(boxes):
            if box.group("empty") is None:
                continue
            stop = boxes[i + 1].start() if i + 1 < len(boxes) else cell_end
            spans.append((box.start(), stop))
    return spans


def instruction_spans(text: str) -> list[tuple[int, int]]:
    """Folded spans of bracketed fill-in instructions ("[bitte … eintragen]")."""
    return [m.span() for m in _BRACKET.finditer(text) if _INSTRUCTION.search(m.group())]


_YES = {"ja", "yes", "vereinbart", "zutreffend", "gilt"}
_NO = {"nein", "no", "nicht vereinbart", "entfaellt", "gilt nicht", "nicht zutreffend"}
_EMPTY_CELL = re.compile(rf"^\s*(?:{_EMPTY})?\s*$")
_TICKED_CELL = re.compile(rf"^\s*(?:{_TICKED}|x)\s*$")


def _cells(line: str) -> list[tuple[int, int]]:
    sep = "|" if line.lstrip().startswith("|") else "\t"
    out, pos = [], 0
    for part in line.split(sep):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def declined_rows(text: str) -> list[tuple[int, int]]:
    """Folded spans of checklist rows ticked "Nein": a table with a "Ja" and a "Nein"
    column whose row has its box under "Nein" and none under "Ja". The row's text
    states the duty positively; only the tick says it was not agreed."""
    spans: list[tuple[int, int]] = []
    cols: tuple[int, int] | None = None
    declined = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        if not line.strip().startswith("|") and "\t" not in line.strip():
            cols, declined = None, False
            continue
        cells = [line[a:b] for a, b in _cells(line)]
        names = [c.strip() for c in cells]
        if cols is None:
            yes = next((i for i, n in enumerate(names) if n in _YES), None)
            no = next((i for i, n in enumerate(names) if n in _NO), None)
            if yes is not None and no is not None:
                cols = (yes, no)
            continue
        if len(cells) <= max(cols):
            continue
        if names[1:2] == [""] and names[0] == "":
            pass  # the wrapped text of the row above: it shares that row's tick
        else:
            yes_cell, no_cell = cells[cols[0]], cells[cols[1]]
            declined = bool(_EMPTY_CELL.match(yes_cell) and _TICKED_CELL.match(no_cell))
        if declined:
            spans.append((start, start + len(line)))
    return spans


def blank_unticked(folded: Folded) -> Folded:
    """``folded`` with unticked options, declined checklist rows and fill-in instructions
    blanked (offsets unchanged)."""
    spans = unticked_spans(folded.text) + instruction_spans(folded.text) + declined_rows(folded.text)
    if not spans:
        return folded
    chars = list(folded.text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return Folded("".join(chars), folded.origin, folded.source_len)
