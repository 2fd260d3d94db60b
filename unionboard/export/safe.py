"""Formula-injection-safe export of user text to CSV, XLSX and ODS (the dashboard's per-chart downloads).

Following the OWASP advice on CSV injection, a text cell that starts with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return gets a leading single quote so that Excel/LibreOffice never
evaluates it. Real numbers stay numbers; a number written as *text* (e.g. ``"-2.000.000"``) came
from user text, so it stays text and gets the prefix too.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import math
import re
from decimal import Decimal
from numbers import Number

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from unionboard.core.text import fold

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.00"
YEAR_FORMAT = "0"
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def _plain(value: object) -> object:
    """numpy/pandas scalars → Python values; NaN/NaT/pd.NA → None."""
    if value is None:
        return None
    if value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if not isinstance(value, str | bytes) and hasattr(value, "item") and hasattr(value, "dtype"):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()  # numpy scalar
    try:
        if pd.isna(value):  # float nan, pd.NA, numpy.datetime64('NaT')
            return None
    except (TypeError, ValueError):
        pass
    return value


def safe_cell(value: object) -> object:
    """The value to write into a spreadsheet cell so that it can never run as a formula.

    Numbers, booleans, dates and None come back unchanged. Control characters a spreadsheet cannot
    hold are removed FIRST; then strings starting with ``=``, ``+``, ``-``, ``@`` (after spaces too),
    tab or CR get a leading ``'`` — including numbers written as text such as
    ``"-2.000.000"`` (they come from user text and stay text). Any other object is written as its
    text, neutralised the same way.

    >>> safe_cell("=SUM(A1)")
    "'=SUM(A1)"
    >>> safe_cell(-2000000)
    -2000000
    """
    value = _plain(value)
    if value is None or isinstance(value, bool | Number | dt.date | dt.time | dt.timedelta):
        return value
    text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    # Control characters first, the guard after: "\x01=HYPERLINK(…)" (also an .xlsx shared string's
    # "_x0001_") would otherwise pass the guard and become a live formula once a writer drops the \x01.
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if text.startswith(DANGEROUS_PREFIXES) or text.lstrip(" ").startswith(DANGEROUS_PREFIXES[:4]):
        return "'" + text
    return text


def unquote_cell(value: object) -> object:
    """Undo `safe_cell` when reading a file back: "'=SUM(A1)" → "=SUM(A1)" (other values as is).

    Only a quote followed by one of the formula triggers is removed, so an exported file can be
    uploaded again without its texts gaining a quote.
    """
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and (
            value[1] in "=+-@\t\r" or value[1:].lstrip(" ")[:1] in ("=", "+", "-", "@")):
        return value[1:]
    return value


def excel_value(value: object) -> object:
    """`safe_cell` plus what openpyxl needs: no control characters it refuses, finite floats."""
    value = safe_cell(value)  # control characters already removed there, before the guard
    if isinstance(value, str):
        return value
    if isinstance(value, Decimal):
        return float(value) if value.is_finite() else None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones
    if isinstance(value, Number) and not isinstance(value, bool | int | float):
        return float(value)  # e.g. Fraction
    return value


def ods_cell(value: object) -> tuple[str | None, object]:
    """(office:value-type, value) of an OpenDocument spreadsheet cell, formula-injection safe.

    The value goes through `excel_value` (so a text starting with ``=``, ``+``, ``-``, ``@``, tab or
    CR keeps a leading ``'``, control characters XML cannot hold are dropped) and text is always a
    ``string`` cell: the .ods writer never emits ``table:formula``. Numbers → ("float", number),
    booleans → ("boolean", bool), dates → ("date", ISO text), None → (None, None).

    >>> ods_cell("=1+1")
    ('string', "'=1+1")
    >>> ods_cell(2157000)
    ('float', 2157000)
    """
    value = excel_value(value)
    if value is None:
        return None, None
    if isinstance(value, bool):
        return "boolean", value
    if isinstance(value, int | float):
        return "float", value
    if isinstance(value, dt.datetime):
        return "date", value.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return "date", value.isoformat()
    return "string", str(safe_cell(str(value)))


def _with_index(df: pd.DataFrame) -> pd.DataFrame:
    """Keep a meaningful index (e.g. finance items) as the first column(s); drop a default 0..n-1."""
    index = df.index
    default = isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1 and index.name is None
    if default:
        return df
    names = [name if name is not None else "" for name in index.names]
    out = df.copy()
    out.index = out.index.set_names([n or f"__index_{i}" for i, n in enumerate(names)])
    out = out.reset_index()
    return out.rename(columns={f"__index_{i}": "" for i, n in enumerate(names) if not n})


def _header_text(column: object) -> str:
    if isinstance(column, tuple):  # MultiIndex columns
        parts = [str(_plain(p)) for p in column if _plain(p) not in (None, "")]
        return " ".join(parts)
    column = _plain(column)
    if column is None:
        return ""
    if isinstance(column, float) and column.is_integer():
        column = int(column)
    return str(column)


def frame_to_csv_bytes(df: pd.DataFrame) -> bytes:
    """CSV as UTF-8 with a BOM (so Excel shows Vietnamese correctly); every cell through safe_cell."""
    df = _with_index(df)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(_header_text(c)) for c in df.columns])
    for row in df.itertuples(index=False, name=None):
        out = []
        for value in row:
            value = safe_cell(value)
            if value is None:
                out.append("")
            elif isinstance(value, dt.datetime):
                out.append(value.isoformat(sep=" "))
            elif isinstance(value, dt.date):
                out.append(value.isoformat())
            elif isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
                out.append(str(int(value)))
            else:
                out.append(value)
        writer.writerow(out)
    return buffer.getvalue().encode("utf-8-sig")


def safe_sheet_name(name: str, default: str = "Dữ liệu") -> str:
    """A valid sheet name: no []:*?/\\ characters, at most 31 characters, not blank."""
    name = " ".join(_BAD_SHEET_CHARS.sub(" ", str(name or "")).split()).strip("'")
    return (name or default)[:31]


def _is_year_column(header: str, values: list[object]) -> bool:
    folded = fold(header)
    if "nam" not in folded.split() and "year" not in folded:
        return False
    numbers = [v for v in values if v is not None]
    return bool(numbers) and all(
        isinstance(v, int | float) and not isinstance(v, bool) and float(v).is_integer() and 1900 <= v <= 2100
        for v in numbers)


def _display_width(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int | float) and not isinstance(value, bool):
        return len(f"{value:,.0f}") + (3 if isinstance(value, float) and not float(value).is_integer() else 0)
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def autosize_columns(ws: Worksheet, minimum: int = 8, maximum: int = 60) -> None:
    """Set each column's width from its longest value (clamped)."""
    widths: dict[int, int] = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                widths[cell.column] = max(widths.get(cell.column, 0), _display_width(cell.value))
    for col, width in widths.items():
        ws.column_dimensions[get_column_letter(col)].width = max(minimum, min(maximum, width + 2))


def frame_to_xlsx_bytes(df: pd.DataFrame, sheet_name: str = "Dữ liệu") -> bytes:
    """One-sheet XLSX: bold frozen header, safe text cells, numbers as numbers (``#,##0``), widths."""
    df = _with_index(df)
    wb = Workbook()
    ws = wb.active
    ws.title = safe_sheet_name(sheet_name)
    headers = [_header_text(c) for c in df.columns]
    bold = Font(bold=True)
    for col, header in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col, value=excel_value(header))
        cell.font = bold
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    columns = [[excel_value(v) for v in df.iloc[:, i].tolist()] for i in range(df.shape[1])]
    for col, (header, values) in enumerate(zip(headers, columns, strict=True), start=1):
        year_column = _is_year_column(header, values)
        for row, value in enumerate(values, start=2):
            cell = ws.cell(row=row, column=col, value=value)
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int | float) and year_column:
                cell.number_format = YEAR_FORMAT
            elif isinstance(value, int):
                cell.number_format = INT_FORMAT
            elif isinstance(value, float):
                cell.number_format = INT_FORMAT if value.is_integer() else FLOAT_FORMAT
            elif isinstance(value, dt.datetime):
                cell.number_format = DATETIME_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
    ws.freeze_panes = "A2"
    autosize_columns(ws)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


__all__ = ["safe_cell", "unquote_cell", "excel_value", "ods_cell", "frame_to_csv_bytes", "frame_to_xlsx_bytes",
           "safe_sheet_name", "autosize_columns"]
