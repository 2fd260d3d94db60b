"""Finance: unit notes ("ĐVT: 1.000 đồng") and the decision to scale amounts, checked against their magnitudes."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, replace

from unionboard.core.issues import IssueLog
from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
)
from unionboard.domains.finance.common import show_amount, word_set
from unionboard.read.workbook import Sheet

LARGE_RAW_AMOUNT = 100_000  # a median raw amount this big is already in đồng
UNIT_NOTE = re.compile(r"(đvt|đơn vị tính|đơn vị)\s*[:：]?\s*([^()]*)", re.IGNORECASE)


UNIT_ONLY = re.compile(r"^\(?\s*((?:nghìn|ngàn|triệu|tỷ)\s+đồng|1\.000\s*đồng)\s*\)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Unit:
    """A unit note ("ĐVT: 1.000 đồng"): its scale and cell."""
    scale: int
    note: str  # as written, e.g. "ĐVT: 1.000"
    row: int
    col: int
    other: Unit | None = None  # another note of a different scale over the same table: ambiguous


def unit_scale(text: str) -> int | None:
    """The scale a unit text means (1, 1.000, 1.000.000), None when it names no unit."""
    folded = re.sub(r"(\d)(dong|vnd|d)\b", r"\1 \2", fold(text))  # "1.000đ" → "1 000 d"
    if not folded:
        return None
    words = word_set(folded)
    if "trieu" in words:
        return 1_000_000
    if "ty" in words:
        return 1_000_000_000
    if words & {"nghin", "ngan"} or re.search(r"\b1 000\b|\b1000\b", folded):
        return 1000
    if words & {"dong", "vnd", "d"}:
        return 1
    return None


# what may follow "ĐVT:"/"Đơn vị:" (folded): a unit and nothing else — "Đơn vị: Công ty TNHH …" names the
# reporting unit, not a unit of money ("ty" would read as tỷ, "Đông Anh" as đồng)
UNIT_PHRASE = re.compile(r"^(?:1 ?000(?: ?000)?|nghin|ngan|trieu|ty|ti)?\s*(?:dong|d|vnd)?(?: viet nam| vn)?$")


def find_unit(text: str, row: int, col: int) -> Unit | None:
    """A unit note in one cell's text, None when there is none."""
    text = clean(text)
    match = UNIT_NOTE.search(text)
    if match and UNIT_PHRASE.match(fold(match.group(2))):
        scale = unit_scale(match.group(2))
        if scale is not None:
            note = clean(text[match.start():]).rstrip(") ").strip()
            return Unit(scale, note, row, col)
    match = UNIT_ONLY.match(text)
    if match:
        scale = unit_scale(match.group(1))
        if scale is not None:
            return Unit(scale, text.strip("() "), row, col)
    return None


def unit_in_rows(sheet: Sheet, rows: range) -> Unit | None:
    """The last unit note in the given rows; when another note there names a different scale, it is kept
    as `other` (the amounts' unit is then unknown)."""
    found: list[Unit] = []
    for r in rows:
        for c, value in enumerate(sheet.rows[r] if r < sheet.height else []):
            if isinstance(value, str):
                unit = find_unit(value, r, c)
                if unit is not None:
                    found.append(unit)
    if not found:
        return None
    last = found[-1]
    other = next((u for u in found if u.scale != last.scale), None)
    return last if other is None else replace(last, other=other)


class Context:
    """State shared by one parse() call: the issue log and the unit notes already judged."""

    def __init__(self, log: IssueLog) -> None:
        self.log = log
        self.unit_decisions: dict[tuple[str, str, int, int], int] = {}

    def scale(self, sheet: Sheet, unit: Unit | None, raws: list[tuple[float, int, int]]) -> int:
        """The factor to turn raw amounts into đồng; warn when the note contradicts the magnitudes."""
        if unit is None:
            return 1
        key = (sheet.file, sheet.name, unit.row, unit.col)
        if key in self.unit_decisions:
            return self.unit_decisions[key]
        if unit.other is not None:
            other = unit.other
            self.log.error(sheet.file, sheet.name, cell_name(unit.row, unit.col), "finance_shapes.unit_conflict",
                           note=unit.note, cell=cell_name(unit.row, unit.col), other=other.note,
                           other_cell=cell_name(other.row, other.col))
            self.unit_decisions[key] = 1
            return 1
        nonzero = [(raw, r, c) for raw, r, c in raws if raw]
        scale = unit.scale
        if nonzero:
            median = statistics.median(abs(raw) for raw, _, _ in nonzero)
            raw, r, c = nonzero[0]
            if unit.scale >= 1000 and median >= LARGE_RAW_AMOUNT:
                self.log.warning(sheet.file, sheet.name, cell_name(unit.row, unit.col),
                                 "finance.unit_too_large", note=unit.note, example=show_amount(raw),
                                 cell=cell_name(r, c), scaled=format_dong(raw * unit.scale))
                scale = 1
            elif unit.scale == 1 and all(abs(x) < 10_000 for x, _, _ in nonzero) and any(
                    not float(x).is_integer() for x, _, _ in nonzero):
                odd = next((x, rr, cc) for x, rr, cc in nonzero if not float(x).is_integer())
                self.log.warning(sheet.file, sheet.name, cell_name(unit.row, unit.col),
                                 "finance.unit_too_small", note=unit.note, example=show_amount(odd[0]),
                                 cell=cell_name(odd[1], odd[2]))
        self.unit_decisions[key] = scale
        return scale


def unit_key(sheet: Sheet, unit: Unit | None) -> tuple[str, str, int, int] | None:
    """The key under which one unit note's decision is remembered."""
    return None if unit is None else (sheet.file, sheet.name, unit.row, unit.col)
