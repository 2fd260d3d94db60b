"""Sheets typed in the legacy TCVN3/VNI fonts: each such column converted to Unicode, with one warning."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from unionboard.core import legacy_encoding
from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, column_letter
from unionboard.read.workbook import Sheet

SAMPLE_ROWS = 400  # rows looked at first (the top and an even spread); a hit leads to the whole sheet
CELLS_LISTED = 5
_DECODERS = {"TCVN3": legacy_encoding.from_tcvn3, "VNI": legacy_encoding.from_vni}


def _sample(sheet: Sheet) -> str:
    rows = sheet.rows
    step = max(1, len(rows) // SAMPLE_ROWS)
    picked = rows[:SAMPLE_ROWS] + rows[SAMPLE_ROWS::step]
    return "\x1f".join(v for line in picked for v in line if isinstance(v, str))


def _sheet_encoding(cells: list[tuple[int, int, str]]) -> str | None:
    """The legacy encoding most of the sheet's marked texts read as (None: none)."""
    found = Counter(encoding for _, _, text in cells if legacy_encoding.looks_legacy(text)
                    for _, encoding in [legacy_encoding.convert(text)] if encoding is not None)
    return found.most_common(1)[0][0] if found else None


def _converted(text: str, decode: Callable[[str], str]) -> str | None:
    """The text in Unicode when it was typed in the legacy font (None: leave it as it is)."""
    if any(ord(ch) > 0xFF and ch.isalpha() for ch in text):
        return None  # already Unicode Vietnamese
    new = decode(text)
    if new == text:
        return None
    # a text without marker characters is converted only when it then reads better as Vietnamese
    if legacy_encoding.looks_legacy(text) or legacy_encoding.syllable_score(new) > legacy_encoding.syllable_score(text):
        return new
    return None


def convert_sheet(sheet: Sheet, log: IssueLog) -> None:
    """Convert a sheet typed in a legacy font in place; one warning per converted column with its cells."""
    if not legacy_encoding.looks_legacy(_sample(sheet)):
        return
    cells = [(r, c, v) for r, line in enumerate(sheet.rows) for c, v in enumerate(line) if isinstance(v, str) and v]
    encoding = _sheet_encoding(cells)
    if encoding is None:
        return
    decode = _DECODERS[encoding]
    changed: dict[int, list[int]] = {}
    for r, c, text in cells:
        new = _converted(text, decode)
        if new is not None:
            sheet.rows[r][c] = new
            changed.setdefault(c, []).append(r)
    for col, rows in sorted(changed.items()):
        listed = ", ".join(cell_name(r, col) for r in rows[:CELLS_LISTED])
        more = len(rows) - CELLS_LISTED
        log.warning(sheet.file, sheet.name, cell_name(rows[0], col), "read.legacy_encoding",
                    column=column_letter(col), encoding=encoding, count=len(rows),
                    cells=listed + (f" (+{more})" if more > 0 else ""))
