"""Safe workbook reading: refuse oversized, zip-bomb, macro, encrypted and non-Excel files, then read sheets with calamine."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from dataclasses import dataclass, field

import xlrd
from python_calamine import CalamineWorkbook

from unionboard.core import settings
from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.core.text import cell_name, format_number, half_up
from unionboard.read import csvread, odsscan, parallel_read, xlsxscan, zipparts

MB = 1024 * 1024
# Exceptions that must propagate (the user pressed Ctrl+C, the interpreter exits); anything else
# raised while parsing a file, including a Rust panic inside calamine, becomes an issue.
_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = zipparts.ZIP_MAGIC


BYTES_PER_CELL = 240  # measured: 100.000 members × 9 columns peak at ~330 MB with ~120 MB of imports
DEFAULT_READ_MB = settings.MAX_READ_MB.default


@dataclass(frozen=True)
class Limits:
    """Size limits applied before parsing (override with UNIONBOARD_MAX_FILE_MB / _MAX_UNPACKED_MB)."""

    max_file_bytes: int = 50 * MB
    max_unpacked_bytes: int = 200 * MB
    max_compression_ratio: float = 200.0
    # rows × columns of a sheet's used range: calamine builds the range densely, so one stray
    # cell at XFD1048576 in a 5 KB file would ask for 17 billion cells (the process aborts);
    # 10 million cells is ~320 MB in calamine's grid.
    max_cells: int = 10_000_000
    # cells whose Python objects fit the memory budget (UNIONBOARD_MAX_READ_MB; see from_env)
    max_read_cells: int = 10_000_000
    # large sheets are read by calamine in parts on several cores (parallel_read); None: one part
    # per core (at most 4), 1: never in parts. Their XML is held while the file is read.
    read_threads: int | None = None
    min_part_bytes: int = parallel_read.MIN_PART_BYTES  # of sheet XML per part
    max_parallel_xml_bytes: int = 128 * MB  # kept from the scan until each sheet is read

    @classmethod
    def from_env(cls) -> Limits:
        """The limits, with overrides from the UNIONBOARD_MAX_* environment variables.

        UNIONBOARD_MAX_READ_MB (default 350) is the memory one upload's sheets may take once read:
        a read cell costs about BYTES_PER_CELL in Python (grid, values, the roster's columns), so a
        sheet's grid is refused over that many cells — checked on calamine's compact grid, before it
        becomes Python objects; with the app's own ~120 MB one upload stays under ~500 MB.
        """
        read_mb = settings.value(settings.MAX_READ_MB)
        return cls(
            max_file_bytes=int(settings.value(settings.MAX_FILE_MB) * MB),
            max_unpacked_bytes=int(settings.value(settings.MAX_UNPACKED_MB) * MB),
            max_read_cells=min(10_000_000, int(read_mb * MB) // BYTES_PER_CELL),
        )


@dataclass
class Sheet:
    """One worksheet as a grid of Python values (None for blank), with the cells that need care."""

    file: str
    name: str
    rows: list[list] = field(default_factory=list)
    formulas_without_value: frozenset[str] = frozenset()
    error_cells: frozenset[str] = frozenset()  # cells holding an error value (#DIV/0!, #N/A, ...)
    parts: int = 1  # how many parts calamine read it in (parallel_read), 0 for a legacy .xls
    merged: tuple[tuple[int, int, int, int], ...] = ()  # (first row, first col, last row, last col), 0-based
    # the file's format ("xlsx", "ods", "xls") and bytes (shared, not copied), for the formatting read later
    # from rosters only (struck-through rows)
    styled: tuple[str, bytes] | None = field(default=None, repr=False, compare=False)

    @property
    def height(self) -> int:
        """Number of rows."""
        return len(self.rows)

    def value(self, row: int, col: int) -> object:
        """The value at 0-based (row, col), None when out of range or blank."""
        if row < len(self.rows):
            line = self.rows[row]
            if col < len(line):
                value = line[col]
                return None if value == "" else value
        return None


def _size(n: int) -> str:
    """A byte count for messages in the message's language: "1,5 MB" / "1.5 MB", "200 MB", "12 KB"."""
    if n >= MB:
        whole = half_up(n / MB, 1) == half_up(n / MB, 0)
        return format_number(n / MB, 0 if whole else 1, unit="MB")
    if n >= 1024:
        return format_number(n / 1024, unit="KB")
    return format_number(n, unit="byte")


def _check_zip(name: str, data: bytes, limits: Limits, log: IssueLog) -> str | None:
    """'xlsx' or 'ods' for a zip container that is a spreadsheet within the limits, else None (logged)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except Exception:  # BadZipFile, EOFError, ValueError, NotImplementedError("zip file version 12.0")…
        log.error(name, None, None, "read.damaged_zip")
        return None
    names = {info.filename for info in infos}
    kind = "ods" if _is_ods(archive, names) else "xlsx"
    if kind == "xlsx" and "xl/workbook.xml" not in names:
        log.error(name, None, None, "read.no_workbook_part")
        return None
    if "xl/vbaProject.bin" in names or any(n.startswith("Basic/") for n in names):
        log.error(name, None, None, "read.macro_vba")
        return None
    unpacked = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos) or 1
    if unpacked > limits.max_unpacked_bytes:
        log.error(name, None, None, "read.zip_bomb", size=_size(unpacked),
                  limit=_size(limits.max_unpacked_bytes))
        return None
    if unpacked > 10 * MB and unpacked / packed > limits.max_compression_ratio:
        log.error(name, None, None, "read.zip_ratio", ratio=format_number(unpacked / packed))
        return None
    return kind


def _check_container(source: SourceFile, log: IssueLog, limits: Limits) -> str | None:
    """'xlsx', 'xls', 'ods' or 'csv' when the bytes may be parsed, else log an error and return None."""
    name, data = source.name, source.data
    lower = name.lower()
    if len(data) > limits.max_file_bytes:
        log.error(name, None, None, "read.file_too_large", size=_size(len(data)),
                  limit=_size(limits.max_file_bytes))
        return None
    if lower.endswith((".xlsm", ".xltm", ".xlam")):
        log.error(name, None, None, "read.macro_extension")
        return None
    if not data:
        log.error(name, None, None, "read.empty_file")
        return None
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
            log.error(name, None, None, "read.encrypted")
            return None
        return "xls"
    if not data.startswith(ZIP_MAGIC):
        if lower.endswith((".csv", ".txt")):
            return "csv"  # NUL bytes and other damage get their own message with the line (csvread)
        log.error(name, None, None, "read.not_excel")
        return None
    return _check_zip(name, data, limits, log)


def _thousands(n: int) -> str:
    return format_number(n)  # rendered again in the message's language


def _xls_value(cell, datemode: int):
    """One xlrd cell as the value calamine gives for it (numbers as int when integral, dates)."""
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_NUMBER:
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if kind == xlrd.XL_CELL_DATE:
        try:
            moment = xlrd.xldate.xldate_as_datetime(value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
        return moment.date() if moment.time() == dt.time() else moment
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    return value


def _log_unreadable(source: SourceFile, exc: BaseException, log: IssueLog) -> None:
    """A workbook the reader could not open: encrypted, or broken. Interrupts are not ours to swallow."""
    if isinstance(exc, _NOT_OURS):
        raise exc
    text = str(exc).lower()
    if "password" in text or "encrypt" in text:
        log.error(source.name, None, None, "read.encrypted")
    else:
        log.error(source.name, None, None, "read.damaged")


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _is_ods(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """An OpenDocument spreadsheet (LibreOffice Calc), whatever its file name says."""
    if "mimetype" not in names or "content.xml" not in names:
        return False
    try:
        return archive.read("mimetype").strip() == ODS_MIMETYPE
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError):
        return False


def _read_ods(source: SourceFile, log: IssueLog, limits: Limits) -> list[Sheet]:
    """An .ods read by calamine (the zip limits above already apply); hidden sheets are noted, merged
    cells filled down, and a sheet over the cell limit refused like an .xlsx one — counted in a streaming
    pre-scan of content.xml (`odsscan`) BEFORE calamine builds any grid."""
    budget = min(limits.max_cells, limits.max_read_cells)
    try:
        with zipfile.ZipFile(io.BytesIO(source.data)) as archive:
            extents, over = odsscan.scan_content(archive, budget)
    except (odsscan.Unsafe, zipfile.BadZipFile, OSError) as exc:
        _log_unreadable(source, exc, log)
        return []
    if over:
        table = extents[-1]
        log.error(source.name, table.name or None, None, "read.sheet_too_large",
                  cell=cell_name(table.rows - 1, table.cols - 1), rows=_thousands(table.rows),
                  cols=_thousands(table.cols), limit=_thousands(budget))
        return []
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
    except BaseException as exc:  # calamine raises several types (and Rust panics) for broken files
        if isinstance(exc, _NOT_OURS):
            raise
        _log_unreadable(source, exc, log)
        return []
    sheets = []
    for meta in workbook.sheets_metadata:
        if str(meta.visible).split(".")[-1].lower() != "visible":
            log.info(source.name, meta.name, None, "read.hidden_sheet", sheet=meta.name)
            continue
        sheet = _read_sheet(source, workbook, meta.name, xlsxscan.Scanned(), log, limits)
        if sheet is None:
            continue
        width = max(map(len, sheet.rows), default=0)
        if len(sheet.rows) * width > limits.max_cells:
            log.error(source.name, meta.name, None, "read.sheet_too_large",
                      cell=cell_name(len(sheet.rows) - 1, width - 1), rows=_thousands(len(sheet.rows)),
                      cols=_thousands(width), limit=_thousands(limits.max_cells))
            continue
        sheet.styled = ("ods", source.data)
        sheets.append(sheet)
    if not sheets:
        log.error(source.name, None, None, "read.no_sheets")
    return sheets


def read_csv(source: SourceFile, log: IssueLog, limits: Limits | None = None) -> list[Sheet]:
    """A .csv file as one sheet named after the file (`csvread`: UTF-8 or cp1258, "," or ";", the cell
    budget counted while reading, rows as long as written)."""
    limits = limits or Limits.from_env()
    rows = csvread.read_rows(source, log, min(limits.max_cells, limits.max_read_cells))
    if rows is None:
        return []
    if not any(any(cell is not None for cell in row) for row in rows):
        log.error(source.name, None, None, "read.no_sheets")
        return []
    name = source.name.rsplit(".", 1)[0] or source.name
    return [Sheet(file=source.name, name=name, rows=rows, parts=0)]


def _read_xls(source: SourceFile, log: IssueLog) -> list[Sheet]:
    """A legacy .xls read with xlrd (pure Python): calamine's BIFF reader aborts the whole process
    on some damaged .xls files (it asks for 8 GB and Rust aborts when that fails)."""
    try:
        book = xlrd.open_workbook(file_contents=source.data, on_demand=False, logfile=io.StringIO())
    except BaseException as exc:
        _log_unreadable(source, exc, log)
        return []
    sheets = []
    for index in range(book.nsheets):
        name = None
        try:
            sheet = book.sheet_by_index(index)
            name = sheet.name
            width = sheet.ncols
            rows = []
            for r in range(sheet.nrows):
                line = [_xls_value(cell, book.datemode) for cell in sheet.row(r)]
                rows.append(line + [""] * (width - len(line)))
        except BaseException as exc:
            if isinstance(exc, _NOT_OURS):
                raise
            log.error(source.name, name, None, "read.damaged_sheet")
            continue
        sheets.append(Sheet(file=source.name, name=name, rows=rows, parts=0, styled=("xls", source.data)))
    if not sheets:
        log.error(source.name, None, None, "read.no_sheets")
    return sheets


def _has_merges(xml: bytes) -> bool:
    """Whether a sheet's XML declares merged cells (they follow the cell data, near the end)."""
    return b"<mergeCell " in xml[-(1 << 20):] or b":mergeCell " in xml[-(1 << 20):]


def fill_merged_down(rows: list[list], merged: tuple[tuple[int, int, int, int], ...]) -> None:
    """A value merged over several rows applies to each of them (a department written once over its
    block). Merges within one row (titles, header groups) are left as written."""
    for r0, c0, r1, c1 in merged:
        if r1 <= r0 or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            line = rows[r]
            for c in range(c0, min(c1, len(line) - 1) + 1):
                if r != r0 or c != c0:
                    line[c] = value


def _read_sheet(source: SourceFile, workbook: CalamineWorkbook, name: str, scanned: xlsxscan.Scanned,
                log: IssueLog, limits: Limits) -> Sheet | None:
    """One visible sheet, in parts when it is large and has no merged cells, else whole."""
    try:
        kept = scanned.in_parts.pop(name, None)
        if kept is not None and _has_merges(kept.xml):
            kept = None  # merged cells need calamine's own view of the sheet: read it whole
        rows = (parallel_read.read_rows(source.data, name, kept, max_cells=limits.max_read_cells)
                if kept is not None else None)
        parts = kept.parts if rows is not None else 1
        merged: tuple = ()
        if rows is None:
            sheet = workbook.get_sheet_by_name(name)
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > limits.max_read_cells:
                raise parallel_read.OverBudget(end[0] + 1, end[1] + 1)
            rows = sheet.to_python(skip_empty_area=False)
            merged = tuple((r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or ()))
    except parallel_read.OverBudget as over:
        log.error(source.name, name, None, "read.sheet_too_large", cell=cell_name(over.rows - 1, over.cols - 1),
                  rows=_thousands(over.rows), cols=_thousands(over.cols), limit=_thousands(limits.max_read_cells))
        return None
    except BaseException as exc:  # includes pyo3's PanicException (not an Exception)
        if isinstance(exc, _NOT_OURS):
            raise
        log.error(source.name, name, None, "read.damaged_sheet")
        return None
    fill_merged_down(rows, merged)
    return Sheet(file=source.name, name=name, rows=rows,
                 formulas_without_value=scanned.missing.get(name, frozenset()),
                 error_cells=scanned.errors.get(name, frozenset()), parts=parts, merged=merged)


def read_sheets(source: SourceFile, log: IssueLog, limits: Limits | None = None) -> list[Sheet]:
    """Every worksheet of the file, after the safety checks; problems go to `log`, never raised."""
    limits = limits or Limits.from_env()
    kind = _check_container(source, log, limits)
    if kind is None:
        return []
    if kind == "xls":
        return _read_xls(source, log)
    if kind == "csv":
        return read_csv(source, log, limits)
    if kind == "ods":
        return _read_ods(source, log, limits)
    scanned = xlsxscan.scan_sheets(source.data, limits)
    oversized = scanned.oversized
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
    except BaseException as exc:  # calamine raises several types (and Rust panics) for broken files
        _log_unreadable(source, exc, log)
        return []
    sheets = []
    for meta in workbook.sheets_metadata:
        if str(meta.typ) not in ("SheetTypeEnum.WorkSheet", "WorkSheet") and "work" not in str(meta.typ).lower():
            continue
        if str(meta.visible).split(".")[-1].lower() != "visible":
            log.info(source.name, meta.name, None, "read.hidden_sheet", sheet=meta.name)
            continue
        if meta.name in oversized:
            rows_n, cols_n = oversized[meta.name]
            log.error(source.name, meta.name, None, "read.sheet_too_large",
                      cell=cell_name(rows_n - 1, cols_n - 1), rows=_thousands(rows_n),
                      cols=_thousands(cols_n), limit=_thousands(min(limits.max_cells, limits.max_read_cells)))
            continue
        sheet = _read_sheet(source, workbook, meta.name, scanned, log, limits)
        if sheet is not None:
            sheet.styled = ("xlsx", source.data)
            sheets.append(sheet)
    if not sheets:
        log.error(source.name, None, None, "read.no_sheets")
    return sheets


__all__ = ["Limits", "Sheet", "read_sheets", "cell_name"]
