"""Struck-through rows of an .xlsx sheet (offices strike out members who left), read with openpyxl read-only."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Sequence

import openpyxl
from openpyxl.styles.stylesheet import apply_stylesheet

from unionboard.core.text import column_letter
from unionboard.read import zipparts
from unionboard.read.xlsxscan import CHUNK, sheet_paths

_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)
_STYLE = re.compile(rb"\bs=[\"']([0-9]+)[\"']")


class StrikeUnreadable(Exception):
    """The workbook's formatting could not be read (the rows themselves were read by calamine)."""


def may_strike(data: bytes) -> bool:
    """Whether the workbook's styles define any struck font at all: without one no cell can be struck,
    and the sheet is not opened a second time (the usual case costs one small part's inflation)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            styles = zipparts.whole(data, archive, "xl/styles.xml") if "xl/styles.xml" in archive.namelist() else b""
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return True  # unusual archive: let openpyxl look
    if styles is None:
        return True
    return b"strike" in styles


def _struck(cell: object) -> bool:
    font = getattr(cell, "font", None)
    return bool(font is not None and font.strike)


def _letters(col: int) -> bytes:
    """Column letters of a 0-based column ("B" for 1)."""
    return column_letter(col).encode("ascii")


def _struck_styles(book: openpyxl.Workbook) -> frozenset[int]:
    """Indices of the cell formats (the s="…" of a cell) whose font is struck through."""
    fonts = book._fonts  # openpyxl keeps the workbook's fonts and cell formats here (read-only too)
    return frozenset(index for index, xf in enumerate(book._cell_styles)
                     if xf.fontId is not None and xf.fontId < len(fonts) and fonts[xf.fontId].strike)


def _scan_column(data: bytes, part: str, col: int, styles: frozenset[int]) -> dict[int, bool] | None:
    """0-based row → struck, for the cells of one column found in the sheet's XML (streamed in chunks
    with zipparts, never the whole part at once); None when the part cannot be scanned this way."""
    cell = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s([^>]*?)\br=[\"'](?i:" + _letters(col) + rb")([0-9]+)[\"']([^>]*)>")
    found: dict[int, bool] = {}
    carry = b""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for chunk in zipparts.chunks(data, archive, part, CHUNK):
                text = carry + chunk
                cut = text.rfind(b"<")
                cut = len(text) if cut < 0 else cut
                for match in cell.finditer(text, 0, cut):
                    style = _STYLE.search(match.group(1) + b" " + match.group(3))
                    found[int(match.group(2)) - 1] = style is not None and int(style.group(1)) in styles
                carry = text[cut:]
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return None
    return found


def struck_rows(data: bytes, sheet_name: str, rows0: Sequence[int], name_col: int | None) -> list[int]:
    """The 0-based sheet rows among `rows0` whose name cell (or, without one, most non-empty cells) is
    struck through; raises StrikeUnreadable when the formatting cannot be read. The caller has already
    passed the file's size and zip-bomb checks. Fast paths: no struck font in the styles → nothing to
    read; a name column → only its cells' formats are looked up in the sheet's XML."""
    wanted = set(rows0)
    if not wanted or not may_strike(data):
        return []
    try:
        if name_col is not None:
            scanned = _name_column(data, sheet_name, name_col)
            if scanned is not None:
                return sorted(row for row in wanted if scanned.get(row))
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return _iterate(book[sheet_name], wanted, name_col)
        finally:
            book.close()
    except BaseException as exc:  # openpyxl raises many types for files calamine accepted
        if isinstance(exc, _NOT_OURS):
            raise
        raise StrikeUnreadable(str(exc)) from exc


def _name_column(data: bytes, sheet_name: str, name_col: int) -> dict[int, bool] | None:
    """0-based row → struck for the name column's cells, from the workbook's styles (openpyxl's stylesheet
    reader, without opening any worksheet: openpyxl's read-only sheet parses the whole sheet when the file
    has no <dimension>) and the sheet's XML; None when the fast path cannot answer."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        book = openpyxl.Workbook()
        apply_stylesheet(archive, book)
        paths = sheet_paths(archive)
    styles = _struck_styles(book)
    if not styles:
        return {}
    if sheet_name not in paths:
        return None
    return _scan_column(data, paths[sheet_name], name_col, styles) or None


def _iterate(sheet: object, wanted: set[int], name_col: int | None) -> list[int]:
    """The slow, general path: openpyxl's own rows (cells written without a reference, no name column)."""
    low, high = min(wanted) + 1, max(wanted) + 1
    if name_col is not None:
        lines = sheet.iter_rows(min_row=low, max_row=high, min_col=name_col + 1, max_col=name_col + 1)
    else:
        lines = sheet.iter_rows(min_row=low, max_row=high)
    found = []
    for row0, line in enumerate(lines, start=low - 1):
        if row0 not in wanted:
            continue
        filled = [cell for cell in line if cell.value is not None and str(cell.value).strip()]
        if filled and sum(map(_struck, filled)) * 2 > len(filled):
            found.append(row0)
    return found
