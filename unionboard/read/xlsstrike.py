"""Struck-through rows of a legacy .xls sheet (BIFF), from each cell's font as xlrd reads it with its formatting."""

from __future__ import annotations

import io
from collections.abc import Sequence

import xlrd

from unionboard.read.strike import StrikeUnreadable

_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)


def _struck_fonts(book: xlrd.Book) -> list[bool]:
    """For each cell format (XF) of the workbook: whether its font is struck through."""
    fonts = book.font_list
    return [xf.font_index < len(fonts) and bool(fonts[xf.font_index].struck_out) for xf in book.xf_list]


def struck_rows(data: bytes, sheet_name: str, rows0: Sequence[int], name_col: int | None) -> list[int]:
    """The 0-based rows among `rows0` whose name cell (or, without one, most filled cells) is struck
    through; raises StrikeUnreadable when the formatting cannot be read. The workbook is opened a second
    time with its formatting only for sheets already recognised as rosters (xlrd, pure Python, like the
    values); a workbook with no struck font is not looked at further."""
    wanted = sorted(set(rows0))
    if not wanted:
        return []
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                  logfile=io.StringIO())
        try:
            struck = _struck_fonts(book)
            if not any(struck):
                return []
            sheet = book.sheet_by_name(sheet_name)
            return [row for row in wanted if row < sheet.nrows and _row_struck(sheet, row, name_col, struck)]
        finally:
            book.release_resources()
    except BaseException as exc:  # xlrd raises several types for files it read without formatting
        if isinstance(exc, _NOT_OURS):
            raise
        raise StrikeUnreadable(str(exc)) from exc


def _row_struck(sheet: xlrd.sheet.Sheet, row: int, name_col: int | None, struck: list[bool]) -> bool:
    columns = [name_col] if name_col is not None else range(sheet.row_len(row))
    filled = [col for col in columns if col < sheet.row_len(row)
              and sheet.cell_type(row, col) not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
              and str(sheet.cell_value(row, col)).strip()]
    hits = sum(1 for col in filled if struck[sheet.cell_xf_index(row, col)])
    return bool(filled) and hits * 2 > len(filled)
