"""List numbers of DOCX paragraphs, recomputed from numbering.xml.

Word does not store "(3)" or "7.1" in the text: a paragraph says "list 5,
level 0" and numbering.xml says how level 0 of list 5 is counted and written
(``%1.``, ``(%1)``, ``§ %1``, lower letters, ...). Counters follow Word: lists
sharing an abstract definition continue each other unless a list restarts with
a ``startOverride``; a level resets the levels below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, sym in _ROMAN:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """Numbering definitions plus the running counters of one document pass."""

    abstract: dict[str, dict[int, Level]] = field(default_factory=dict)
    nums: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)  # numId -> {ilvl: start}
    level_overrides: dict[str, dict[int, Level]] = field(default_factory=dict)
    _counters: dict[str, list[int | None]] = field(default_factory=dict)
    _started: set[str] = field(default_factory=set)

    @classmethod
    def from_xml(cls, root: object | None) -> Numbering:
        num = cls()
        if root is None:
            return num
        for an in root.iter(f"{W}abstractNum"):  # type: ignore[attr-defined]
            aid = an.get(f"{W}abstractNumId")
            num.abstract[aid] = {int(lv.get(f"{W}ilvl", "0")): _level(lv) for lv in an.findall(f"{W}lvl")}
        for n in root.iter(f"{W}num"):  # type: ignore[attr-defined]
            nid = n.get(f"{W}numId")
            ref = n.find(f"{W}abstractNumId")
            if nid is None or ref is None:
                continue
            num.nums[nid] = ref.get(f"{W}val", "")
            for ov in n.findall(f"{W}lvlOverride"):
                ilvl = int(ov.get(f"{W}ilvl", "0"))
                so = ov.find(f"{W}startOverride")
                if so is not None:
                    num.overrides.setdefault(nid, {})[ilvl] = int(so.get(f"{W}val", "1"))
                lv = ov.find(f"{W}lvl")
                if lv is not None:
                    num.level_overrides.setdefault(nid, {})[ilvl] = _level(lv)
        return num

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        lv = self.level_overrides.get(num_id, {}).get(ilvl)
        if lv is not None:
            return lv
        return self.abstract.get(self.nums.get(num_id, ""), {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> tuple[str, bool] | None:
        """Advance the counter for one numbered paragraph; return (label, is_bullet).

        ``None`` when the list is unknown or numId 0 (numbering switched off).
        """
        if num_id == "0" or num_id not in self.nums:
            return None
        lv = self._level(num_id, ilvl)
        if lv is None:
            return None
        if lv.fmt == "bullet":
            return "", True
        if lv.fmt == "none":
            return (lv.text if "%" not in lv.text else "").strip(), False
        key = self.nums[num_id]
        counters = self._counters.setdefault(key, [None] * 9)
        if num_id not in self._started:
            self._started.add(num_id)
            for lvl, start in self.overrides.get(num_id, {}).items():
                if 0 <= lvl < 9:
                    counters[lvl] = start - 1
                    for deeper in range(lvl + 1, 9):
                        counters[deeper] = None
        ilvl = min(max(ilvl, 0), 8)
        cur = counters[ilvl]
        counters[ilvl] = lv.start if cur is None else cur + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        text = lv.text
        for k in range(ilvl, -1, -1):
            token = f"%{k + 1}"
            if token not in text:
                continue
            klv = self._level(num_id, k) or Level()
            value = counters[k]
            if value is None:
                value = klv.start
                counters[k] = value
            text = text.replace(token, format_number(value, klv.fmt if klv.fmt != "bullet" else "decimal"))
        return text.strip(), False


def _level(lv: object) -> Level:
    def val(tag: str) -> str | None:
        el = lv.find(f"{W}{tag}")  # type: ignore[attr-defined]
        return None if el is None else el.get(f"{W}val")

    start = val("start")
    return Level(fmt=val("numFmt") or "decimal", text=val("lvlText") or "", start=int(start) if start else 1)
