"""Struck-through rows of an .xlsx sheet (offices strike out members who left), read with openpyxl read-only."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

import openpyxl

from unionboard.read import zipparts

_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)


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


def struck_rows(data: bytes, sheet_name: str, rows0: Sequence[int], name_col: int | None) -> list[int]:
    """The 0-based sheet rows among `rows0` whose name cell (or, without one, most non-empty cells) is
    struck through. Only the name column is read when there is one; raises StrikeUnreadable when the
    formatting cannot be read. The caller has already passed the file's size and zip-bomb checks."""
    wanted = set(rows0)
    if not wanted or not may_strike(data):
        return []
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book[sheet_name]
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
        finally:
            book.close()
    except BaseException as exc:  # openpyxl raises many types for files calamine accepted
        if isinstance(exc, _NOT_OURS):
            raise
        raise StrikeUnreadable(str(exc)) from exc
