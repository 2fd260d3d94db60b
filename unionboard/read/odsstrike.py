"""Struck-through rows of an .ods sheet (offices strike out members who left), from content.xml's styles.

A cell is struck through when its text style says `style:text-line-through-style` other than "none": the
cell's own style (`table:style-name`, else the row's or the column's default cell style), or text spans
whose style strikes all the text of the cell. Styles inherit from their parent (`style:parent-style-name`,
the named styles of styles.xml). The XML is streamed with expat like `odsscan` (no DTD, no entities), and
the cells of the one table asked for are looked at; a workbook whose styles strike nothing stops there.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence
from xml.parsers import expat

from unionboard.read.odsscan import CHUNK, OFFICE, TABLE, repeat_count
from unionboard.read.strike import StrikeUnreadable

STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_STYLE_TAG, _TEXT_PROPS = f"{STYLE} style", f"{STYLE} text-properties"
_NAME, _FAMILY, _PARENT = f"{STYLE} name", f"{STYLE} family", f"{STYLE} parent-style-name"
_THROUGH_STYLE, _THROUGH_TYPE = f"{STYLE} text-line-through-style", f"{STYLE} text-line-through-type"
_AUTOMATIC, _STYLES = f"{OFFICE} automatic-styles", f"{OFFICE} styles"
_T_TABLE, _T_COLUMN, _T_ROW, _T_CELL, _T_COVERED = (
    f"{TABLE} {tag}" for tag in ("table", "table-column", "table-row", "table-cell", "covered-table-cell"))
_T_NAME, _T_STYLE, _T_DEFAULT = f"{TABLE} name", f"{TABLE} style-name", f"{TABLE} default-cell-style-name"
_ROWS_REPEATED, _COLS_REPEATED = f"{TABLE} number-rows-repeated", f"{TABLE} number-columns-repeated"
_VALUE_TYPE = f"{OFFICE} value-type"
_SPAN, _TEXT_STYLE = f"{TEXT} span", f"{TEXT} style-name"
_ANNOTATION = f"{OFFICE} annotation"  # a comment on the cell: not its text
_MAX_REPEAT = 1 << 20  # a repeat attribute is trusted only this far (odsscan has counted the cells)
_MAX_COLUMNS = 16_384  # LibreOffice's widest sheet: column defaults are kept this far


class _Stop(Exception):
    pass


def _repeat(attrs: dict, key: str) -> int:
    return repeat_count(attrs, key, _MAX_REPEAT)


class _Styles:
    """Text styles by (family, name): struck (True/False) where the style says so, and its parent."""

    def __init__(self) -> None:
        self.own: dict[tuple[str, str], bool | None] = {}
        self.parent: dict[tuple[str, str], str] = {}
        self.current: tuple[str, str] | None = None

    def start(self, tag: str, attrs: dict) -> None:
        if tag == _STYLE_TAG:
            self.current = (attrs.get(_FAMILY, ""), attrs.get(_NAME, ""))
            self.own.setdefault(self.current, None)
            if _PARENT in attrs:
                self.parent[self.current] = attrs[_PARENT]
        elif tag == _TEXT_PROPS and self.current is not None:
            through = attrs.get(_THROUGH_STYLE)
            if through is not None or attrs.get(_THROUGH_TYPE) == "none":
                self.own[self.current] = through not in (None, "none") and attrs.get(_THROUGH_TYPE) != "none"

    def end(self, tag: str) -> None:
        if tag == _STYLE_TAG:
            self.current = None

    def struck(self, family: str, name: str | None) -> bool:
        """Whether the style (or the nearest ancestor that says) strikes its text through."""
        seen = set()
        key = (family, name or "")
        while name and key not in seen:
            seen.add(key)
            said = self.own.get(key)
            if said is not None:
                return said
            name = self.parent.get(key)
            key = (family, name or "")
        return False

    def any_struck(self) -> bool:
        """Whether any style strikes at all (without one, no cell can be struck)."""
        return any(self.own.values())


class _Cells:
    """expat handlers over content.xml: its automatic styles, then the rows of one table."""

    def __init__(self, styles: _Styles, sheet: str, wanted: set[int], col: int | None) -> None:
        self.styles, self.sheet, self.wanted, self.col = styles, sheet, wanted, col
        self.last = max(wanted)
        self.in_automatic = self.in_table = False
        self.columns: list[str | None] = []  # each column's default cell style
        self.row = 0
        self.row_repeat, self.row_style = 1, None
        self.at = 0  # the column of the next cell
        self.line: list[tuple[bool, bool]] = []  # (filled, struck) of the row's looked-at cells
        self.cell: dict | None = None  # the open cell: first column, repeat, style, text counts
        self.spans: list[bool] = []  # struck, for each open text span
        self.note = 0  # depth inside a comment
        self.found: list[int] = []

    def start(self, tag: str, attrs: dict) -> None:
        if self.in_automatic:
            self.styles.start(tag, attrs)
        elif tag == _AUTOMATIC:
            self.in_automatic = True
        elif tag == _T_TABLE:
            self.in_table = attrs.get(_T_NAME) == self.sheet
            self.columns, self.row = [], 0
        elif not self.in_table:
            return
        elif tag == _T_COLUMN:
            repeat = min(_repeat(attrs, _COLS_REPEATED), _MAX_COLUMNS - len(self.columns))
            self.columns += [attrs.get(_T_DEFAULT)] * max(repeat, 0)
        elif tag == _T_ROW:
            self.row_repeat, self.row_style = _repeat(attrs, _ROWS_REPEATED), attrs.get(_T_DEFAULT)
            self.at, self.line = 0, []
        elif tag in (_T_CELL, _T_COVERED):
            self.cell = {"first": self.at, "repeat": _repeat(attrs, _COLS_REPEATED), "style": attrs.get(_T_STYLE),
                         "value": _VALUE_TYPE in attrs, "chars": 0, "struck": 0}
        elif tag == _ANNOTATION or self.note:
            self.note += 1
        elif tag == _SPAN and self.cell is not None:
            self.spans.append(self.styles.struck("text", attrs.get(_TEXT_STYLE)) or bool(self.spans and self.spans[-1]))

    def text(self, data: str) -> None:
        if self.cell is not None and not self.note:
            chars = len("".join(data.split()))
            self.cell["chars"] += chars
            if self.spans and self.spans[-1]:
                self.cell["struck"] += chars

    def end(self, tag: str) -> None:
        if self.in_automatic:
            self.styles.end(tag)
            if tag == _AUTOMATIC:
                self.in_automatic = False
                if not self.styles.any_struck():
                    raise _Stop
        elif not self.in_table:
            return
        elif self.note:
            self.note -= 1
        elif tag == _SPAN and self.spans:
            self.spans.pop()
        elif tag in (_T_CELL, _T_COVERED) and self.cell is not None:
            self._close_cell(self.cell)
            self.cell = None
        elif tag == _T_ROW:
            rows = range(self.row, self.row + self.row_repeat)
            filled = [struck for is_filled, struck in self.line if is_filled]
            if filled and sum(filled) * 2 > len(filled):
                self.found += [row for row in rows if row in self.wanted]
            self.row += self.row_repeat
            if self.row > self.last:
                raise _Stop
        elif tag == _T_TABLE:
            raise _Stop

    def _close_cell(self, cell: dict) -> None:
        first, repeat = cell["first"], cell["repeat"]
        self.at = first + repeat
        columns = range(first, first + repeat) if self.col is None else \
            ([self.col] if first <= self.col < first + repeat else [])
        for col in columns:
            style = cell["style"] or self.row_style or (self.columns[col] if col < len(self.columns) else None)
            filled = bool(cell["chars"]) or cell["value"]
            struck = self.styles.struck("table-cell", style) or (cell["chars"] > 0 and cell["struck"] == cell["chars"])
            self.line.append((filled, filled and struck))


def _parse(archive: zipfile.ZipFile, part: str, handlers: object) -> None:
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.buffer_text = True
    parser.StartElementHandler = handlers.start
    parser.EndElementHandler = handlers.end
    if hasattr(handlers, "text"):
        parser.CharacterDataHandler = handlers.text
    parser.StartDoctypeDeclHandler = parser.EntityDeclHandler = parser.ExternalEntityRefHandler = _refuse
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _Stop:
        return


def _refuse(*_args: object) -> None:
    raise StrikeUnreadable("DTD or entity declaration")


class _NamedStyles:
    """expat handlers over styles.xml: the named styles only (its automatic styles serve its own pages)."""

    def __init__(self, styles: _Styles) -> None:
        self.styles, self.depth = styles, 0

    def start(self, tag: str, attrs: dict) -> None:
        if self.depth:
            self.depth += 1
            self.styles.start(tag, attrs)
        elif tag == _STYLES:
            self.depth = 1

    def end(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            self.styles.end(tag)


def struck_rows(data: bytes, sheet_name: str, rows0: Sequence[int], name_col: int | None) -> list[int]:
    """The 0-based rows among `rows0` of table `sheet_name` whose name cell (or, without one, most filled
    cells) is struck through. The caller has already passed the file's size, zip-bomb and cell-count checks; raises StrikeUnreadable when the formatting
    cannot be read."""
    wanted = set(rows0)
    if not wanted:
        return []
    styles = _Styles()
    cells = _Cells(styles, sheet_name, wanted, name_col)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "styles.xml" in archive.namelist():
                _parse(archive, "styles.xml", _NamedStyles(styles))
            _parse(archive, "content.xml", cells)
    except (expat.ExpatError, zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError, ValueError) as exc:
        raise StrikeUnreadable(str(exc)) from exc
    return sorted(set(cells.found))
