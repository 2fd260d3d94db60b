"""A streaming pre-scan of an .ods file's content.xml: each table's dense extent counted from the repeat
attributes, before any spreadsheet reader builds a grid.

A 1 KB .ods whose content.xml repeats a row of repeated cells 500.000 times unfolds into hundreds of
millions of cells in the reader (24 s, 6,4 GB, and an aborted server process under a memory limit). Here
the XML is read in chunks with expat (no DTD, no entities: a document declaring either is refused), and
each table's extent is its last row and column holding content — what a reader's grid will hold — so
the trailing blank rows LibreOffice writes as one repeated row cost nothing.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from xml.parsers import expat

TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
CHUNK = 1 << 20
_T_TABLE, _T_ROW, _T_CELL, _T_COVERED = (f"{TABLE} {tag}" for tag in ("table", "table-row", "table-cell",
                                                                      "covered-table-cell"))
_ROWS_REPEATED, _COLS_REPEATED, _NAME = (f"{TABLE} {a}" for a in ("number-rows-repeated",
                                                                   "number-columns-repeated", "name"))
_VALUE_TYPE = f"{OFFICE} value-type"


@dataclass(frozen=True)
class Extent:
    """One table: its name and the rows × columns a dense grid of it holds."""

    name: str
    rows: int
    cols: int

    @property
    def cells(self) -> int:
        """rows × columns."""
        return self.rows * self.cols


class Unsafe(Exception):
    """The XML declares a DTD or entities, or is not well formed."""


class _OverBudget(Exception):
    pass


def repeat_count(attrs: dict, key: str, limit: int | None = None) -> int:
    """A `number-*-repeated` attribute: at least 1, 1 when unreadable, at most `limit` when given."""
    try:
        count = max(1, int(attrs.get(key, 1)))
    except ValueError:
        return 1
    return count if limit is None else min(limit, count)


class _Counter:
    """expat handlers that follow tables, rows and cells and stop once the budget is passed."""

    def __init__(self, budget: int) -> None:
        self.budget, self.total = budget, 0
        self.tables: list[Extent] = []
        self.name, self.rows, self.cols, self.row = "", 0, 0, 0
        self.row_repeat, self.col, self.row_last_col = 1, 0, 0
        self.cell: tuple[int, int, bool] | None = None  # (first column, repeat, has content)

    def start(self, tag: str, attrs: dict) -> None:
        if self.cell is not None:  # any element inside a cell (text:p, …) is content
            first, repeat, _ = self.cell
            self.cell = (first, repeat, True)
        if tag in (_T_CELL, _T_COVERED):
            self.cell = (self.col, repeat_count(attrs, _COLS_REPEATED), _VALUE_TYPE in attrs)
        elif tag == _T_ROW:
            self.row_repeat, self.col, self.row_last_col = repeat_count(attrs, _ROWS_REPEATED), 0, 0
        elif tag == _T_TABLE:
            self.name, self.rows, self.cols, self.row = attrs.get(_NAME, ""), 0, 0, 0

    def end(self, tag: str) -> None:
        if tag in (_T_CELL, _T_COVERED) and self.cell is not None:
            first, repeat, content = self.cell
            if content:
                self.row_last_col = first + repeat
            self.col = first + repeat
            self.cell = None
        elif tag == _T_ROW:
            if self.row_last_col:
                self.rows = self.row + self.row_repeat
                self.cols = max(self.cols, self.row_last_col)
                if self.total + self.rows * self.cols > self.budget:
                    self.tables.append(Extent(self.name, self.rows, self.cols))
                    raise _OverBudget
            self.row += self.row_repeat
        elif tag == _T_TABLE:
            self.tables.append(Extent(self.name, self.rows, self.cols))
            self.total += self.rows * self.cols


def _refuse(*_args: object) -> None:
    raise Unsafe("DTD or entity declaration")


def scan_content(archive: zipfile.ZipFile, budget: int) -> tuple[list[Extent], bool]:
    """(each table's extent, whether the cells passed `budget`): stops at the table that passes it.
    Raises Unsafe for a DTD, an entity or XML that is not well formed."""
    counter = _Counter(budget)
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartElementHandler = counter.start
    parser.EndElementHandler = counter.end
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    try:
        with archive.open("content.xml") as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _OverBudget:
        return counter.tables, True
    except (expat.ExpatError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise Unsafe(str(exc)) from exc
    return counter.tables, False
