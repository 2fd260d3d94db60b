"""A .csv file as one sheet: the encoding decided on the whole file (a stray byte names its cell instead of
turning every name into mojibake), every system's line ends, the cell budget counted while reading, rows
never padded to the widest one, and a clear error with the line for what cannot be read (NUL bytes, a
field over 131.072 characters, an unclosed quote)."""

from __future__ import annotations

import csv
import io
import unicodedata

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.core.text import cell_name, format_number

MAX_FIELD = 131_072  # Python's csv field limit, the same as Excel's CSV import accepts comfortably
MAX_CELLS_LISTED = 5
REPLACEMENT = "\ufffd"


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (with or without BOM) — also when a few stray bytes are not UTF-8 (they
    become U+FFFD and their cells are named) — else the Vietnamese Windows code page cp1258."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count(REPLACEMENT)
        good = sum(1 for ch in text if ord(ch) > 127 and ch != REPLACEMENT)
        if good > 2 * bad:  # real UTF-8 text with a stray byte (or a few)
            return text, "utf-8"
        # cp1258 writes tone marks as combining characters: compose them (NFC) as Unicode text is
        return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "cp1258"


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _delimiter(sample: str) -> str:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def _listed(cells: list[str]) -> str:
    shown = ", ".join(cells[:MAX_CELLS_LISTED])
    return shown + (f" (+{len(cells) - MAX_CELLS_LISTED})" if len(cells) > MAX_CELLS_LISTED else "")


def read_rows(source: SourceFile, log: IssueLog, max_cells: int) -> list[list] | None:
    """The rows of a CSV file (blank cells None, rows as long as written); None after logging an error."""
    name = source.name
    text, encoding = decode(source.data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # Windows, Unix and old Mac (Excel for Mac) line ends
    nul = text.find("\x00")
    if nul >= 0:
        log.error(name, None, None, "read.csv_nul", line=_line_of(text, nul))
        return None
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(text[:8192]))
    rows: list[list] = []
    cells = 0
    start = 1
    try:
        for row in reader:
            cells += len(row)
            if cells > max_cells:
                log.error(name, None, None, "read.csv_too_many_cells", line=reader.line_num, limit=format_number(max_cells))
                return None
            rows.append([cell.strip() or None for cell in row])
            start = reader.line_num + 1
    except csv.Error as exc:
        code = "read.csv_field_too_large" if "field larger" in str(exc) else "read.csv_unreadable"
        log.error(name, None, None, code, line=start, limit=format_number(MAX_FIELD))
        return None
    if rows and text.count('"') % 2 and rows[-1] and "\n" in (rows[-1][-1] or ""):
        log.error(name, None, None, "read.csv_unclosed_quote", line=_line_of(text, text.rfind('"')))
        return None
    if encoding == "utf-8":
        _name_bad_bytes(source, rows, log)
    return rows


def _name_bad_bytes(source: SourceFile, rows: list[list], log: IssueLog) -> None:
    """An error naming each cell holding a byte that is not UTF-8 (shown as �)."""
    bad = [cell_name(r, c) for r, row in enumerate(rows) for c, value in enumerate(row)
           if value is not None and REPLACEMENT in value]
    if bad:
        sheet = source.name.rsplit(".", 1)[0] or source.name
        log.error(source.name, sheet, bad[0], "read.csv_bad_byte", count=len(bad), cells=_listed(bad))
