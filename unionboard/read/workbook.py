"""Safe workbook reading: refuse oversized, zip-bomb, macro, encrypted and non-Excel files, then read sheets with calamine."""

from __future__ import annotations

import datetime as dt
import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import xlrd
from python_calamine import CalamineWorkbook

from unionboard.core import settings
from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.core.text import cell_name, format_number, half_up
from unionboard.read import csvread, odsscan, parallel_read, zipparts

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
    # the .xlsx file's bytes (shared, not copied), for formatting read later from rosters only (strike)
    xlsx: bytes | None = field(default=None, repr=False, compare=False)

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


# A formula tag (<f>, <f t="shared" .../>, or prefixed <x:f>), a cell's closing tag, a value element.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_CELL_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?c>")
_CELL_START = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\s")
_VALUE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?(?:/>|>(.*?)</(?:[A-Za-z_][\w.-]*:)?v>)", re.S)
_REF_ATTR = re.compile(rb'\sr="([A-Z]{1,3}[0-9]{1,7})"')
_TYPE_ATTR = re.compile(rb'\st="([^"]*)"')


def _missing_in(xml: bytes) -> set[str]:
    """A1 names of the formula cells of one sheet part that carry no cached value.

    Only the cells holding a formula are looked at (found by their <f> tag), so a sheet without
    formulas costs one substring search. A cell is missing its value when it has no <v> at all,
    or an empty <v/> / <v></v> while its type is not text: Excel writes an empty text result
    (=IF(A1="";"";…)) as t="str" with an empty <v/>, which is a real, cached value.
    """
    missing: set[str] = set()
    match = _FORMULA_TAG.search(xml)
    while match is not None:
        pos = match.start()
        start = xml.rfind(b"<", 0, pos)
        # walk back over any tag between the cell's start tag and its formula (none in practice)
        for _ in range(4):
            if start < 0 or _CELL_START.match(xml, start):
                break
            start = xml.rfind(b"<", 0, start)
        end_match = _CELL_END.search(xml, pos)
        if start < 0 or end_match is None or not _CELL_START.match(xml, start):
            match = _FORMULA_TAG.search(xml, pos + 2)
            continue
        head_end = xml.find(b">", start)
        head = xml[start:head_end]
        body = xml[head_end + 1:end_match.start()]
        ref = _REF_ATTR.search(head)
        if ref is not None:
            value = _VALUE.search(body)
            if value is None:
                missing.add(ref.group(1).decode("ascii"))
            elif not (value.group(1) or b"").strip():
                cell_type = _TYPE_ATTR.search(head)
                if cell_type is None or cell_type.group(1) not in (b"str", b"s", b"inlineStr"):
                    missing.add(ref.group(1).decode("ascii"))
        match = _FORMULA_TAG.search(xml, end_match.end())
    return missing


def _error_cells(xml: bytes) -> set[str]:
    """A1 names of the cells holding an error value (calamine reads them as blank)."""
    found = set()
    for match in _ERROR_CELL.finditer(xml):
        ref = _REF_ATTR.search(match.group(0))
        if ref is not None:
            found.add(ref.group(1).decode("ascii"))
    return found


def sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map sheet names to their XML parts (from workbook.xml and its relationships)."""
    try:
        workbook = archive.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError):
        return {}
    targets = dict(re.findall(r'<Relationship[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets.update({k: v for v, k in re.findall(r'<Relationship[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    paths = {}
    for sheet_tag in re.findall(r"<(?:[A-Za-z_][\w.-]*:)?sheet\b[^>]*/?>", workbook):
        name = re.search(r'name="([^"]*)"', sheet_tag)
        rid = re.search(r'\w+:id="([^"]*)"', sheet_tag) or re.search(r'\bid="([^"]*)"', sheet_tag)
        if name and rid and rid.group(1) in targets:
            target = targets[rid.group(1)].lstrip("/")
            paths[_xml_unescape(name.group(1))] = target if target.startswith("xl/") else f"xl/{target}"
    return paths


def _xml_unescape(text: str) -> str:
    return html.unescape(text)  # &amp; &lt; &gt; &quot; &apos; and numeric references (&#10;)


# Cell references that can make a sheet's used range big: a column of two or three letters
# (AA…XFD) or a row number of six or seven digits (100000…). Without any of them a sheet is at most
# 99,999 rows × 26 columns, so a roster scan finds only a handful.
# (starts with a literal so that re can skip ahead fast; single-quoted attributes are rare and
# get the slower pattern; lower-case references, which calamine also accepts, are looked for too)
_BIG_REF = re.compile(rb'r="([A-Za-z]{2,}[0-9]+|[A-Za-z][0-9]{6,})"')
_BIG_REF_ANY_QUOTE = re.compile(rb"""\sr=["']([A-Z]{2,}[0-9]+|[A-Z][0-9]{6,})["']""", re.IGNORECASE)
_CELL_REF = re.compile(rb"""\sr=["']([A-Z]+)([0-9]+)["']""", re.IGNORECASE)
_SPLIT_REF = re.compile(rb"([A-Z]+)([0-9]+)", re.IGNORECASE)
_SMALL_ROWS, _SMALL_COLS = 99_999, 26
_DAMAGED = (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError)


def _column_number(letters: bytes) -> int:
    number = 0
    for byte in letters.upper():
        number = number * 26 + byte - 64
    return number


@dataclass
class _PartScan:
    """What one streaming pass over a sheet part found before calamine reads it."""

    rows: int = 0  # an upper bound of the used range (when not `counted`)
    cols: int = 0
    counted: bool = False  # some cells have no reference: calamine places them by counting
    has_formula: bool = False
    has_error: bool = False  # some cell holds an error value (t="e": #DIV/0!, #N/A, ...)
    xml: bytes | None = None  # the whole part: when it has formulas (and is not huge), or given whole


# Fast screens for one chunk of a sheet part (regular expressions that start with a literal run
# at memory speed; `bytes in` is slower for short needles). A hit only sends the chunk to the
# exact pattern above, so each screen may match more than it has to, never less.
_FORMULA_SCREEN = re.compile(rb"<f")
_ERROR_SCREEN = re.compile(rb't="e"')
_ERROR_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\s[^>]*\bt="e"[^>]*>')
# A cell start tag the screen cannot clear: its reference is not one letter and at most five digits
# (the first attribute, as Excel and LibreOffice write it), or it has none at all.
_CELL_SCREEN = re.compile(rb'<c(?:\s(?!r="[A-Za-z][0-9]{1,5}")|[>/])')
_CELL_SCREEN_PREFIXED = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c(?:\s(?!r="[A-Za-z][0-9]{1,5}")|[>/])')
# A cell start tag without an r attribute anywhere in it (exact; only run where the screen hit)
_UNNUMBERED_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c(?=[\s>/])(?![^>]*\sr\s*=)[^>]*>")
_UPPER_R_ATTR = re.compile(rb"R=")
_SINGLE_QUOTED_R = re.compile(rb"r='")
_KEEP_XML_BYTES = 64 * MB  # a formula part bigger than this is decompressed a second time
_CHUNK = MB


def _any_quote(window: bytes) -> bool:
    """Whether the chunk has r='…' or R="…" references (the slower pattern is needed)."""
    return bool((b"'" in window and _SINGLE_QUOTED_R.search(window))
                or (b"R" in window and _UPPER_R_ATTR.search(window)))


_LOOKAHEAD = 16  # bytes the cell screen looks past "<c" (' r="A12345"')


def _hit(screen: re.Pattern, text: bytes, final: bool = False) -> bool:
    """Whether the screen matches `text`; a first match in its last bytes, which may only lack the
    bytes that follow, does not count unless `final` (the next seam looks at those bytes again)."""
    match = screen.search(text)
    return match is not None and (final or match.start() < len(text) - _LOOKAHEAD)


def _look_closer(window: bytes, quoted: bool, scan: _PartScan) -> None:
    """The exact patterns on a window the screen hit: cells without a reference, far references."""
    if not scan.counted and _UNNUMBERED_CELL.search(window):
        scan.counted = True
    for pattern in (_BIG_REF, _BIG_REF_ANY_QUOTE) if quoted else (_BIG_REF,):
        for match in pattern.finditer(window):
            letters, digits = _SPLIT_REF.match(match.group(1)).groups()
            scan.cols = max(scan.cols, _column_number(letters))
            scan.rows = max(scan.rows, int(digits))


def _scan_part(data: bytes, archive: zipfile.ZipFile, path: str, xml: bytes | None = None) -> _PartScan:
    """One pass, 1 MB at a time (a 100,000-row sheet is ~50 MB of XML, never held whole unless it
    has formulas or is given whole as `xml`, to be read in parts): whether the part has formula
    tags, and how far its cell references reach. The <dimension> element is not trusted (a crafted
    file may understate it; calamine sizes its grid from the cells). Each chunk is searched together
    with the 64 bytes before it, so that a reference or tag cut by a chunk boundary is still seen."""
    scan = _PartScan()
    tail = b""
    prefixed = False
    kept: list[bytes] | None = [] if xml is None else None  # the chunks, for the formula check
    kept_bytes = 0
    pieces = (xml[pos:pos + _CHUNK] for pos in range(0, len(xml), _CHUNK)) if xml is not None \
        else zipparts.chunks(data, archive, path, _CHUNK)
    for chunk in pieces:
        if not tail:
            prefixed = b":worksheet" in chunk[:2048]
        seam = tail + chunk[:64]  # what straddles the boundary with the previous chunk
        if kept is not None:
            kept.append(chunk)
            kept_bytes += len(chunk)
            if kept_bytes > _KEEP_XML_BYTES:
                kept = None  # too big to hold: decompressed again if it has formulas
        if not scan.has_formula and (
                _FORMULA_SCREEN.search(seam) or _FORMULA_SCREEN.search(chunk)
                or (prefixed and (_FORMULA_TAG.search(seam) or _FORMULA_TAG.search(chunk)))):
            scan.has_formula = True
        if not scan.has_error and (_ERROR_SCREEN.search(seam) or _ERROR_SCREEN.search(chunk)):
            scan.has_error = True
        quoted = _any_quote(seam) or _any_quote(chunk)
        screen = _CELL_SCREEN_PREFIXED if prefixed else _CELL_SCREEN
        in_seam = _hit(screen, seam)
        if quoted or in_seam or _hit(screen, chunk):
            # a match that starts in the seam may run past it: search the whole window then
            _look_closer(tail + chunk if quoted or in_seam else chunk, quoted, scan)
        tail = (tail + chunk)[-64:] if len(chunk) < 64 else chunk[-64:]
    if _hit(_CELL_SCREEN_PREFIXED if prefixed else _CELL_SCREEN, tail, final=True):
        _look_closer(tail, _any_quote(tail), scan)
    if xml is not None:
        scan.xml = xml
    elif (scan.has_formula or scan.has_error) and kept is not None:
        scan.xml = b"".join(kept)
    scan.rows, scan.cols = max(scan.rows, _SMALL_ROWS), max(scan.cols, _SMALL_COLS)
    return scan


_ROW_OR_CELL_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s>/])([^>]*)>")
_R_ATTR = re.compile(rb"""\sr\s*=\s*["']([A-Za-z]*)([0-9]*)["']""")


def _whole_tags(data: bytes, archive: zipfile.ZipFile, path: str) -> Iterator[bytes]:
    """The decompressed part in pieces that never cut a tag (a tag cannot contain "<")."""
    carry = b""
    for chunk in zipparts.chunks(data, archive, path, _CHUNK):
        window = carry + chunk
        end = window.rfind(b"<")
        if end < 0:
            yield window
            carry = b""
        else:
            yield window[:end]
            carry = window[end:]
    yield carry


def _counted_extent(data: bytes, archive: zipfile.ZipFile, path: str) -> tuple[int, int]:
    """(rows, columns) of calamine's grid for a part where some cells have no reference: calamine
    puts such a cell in the current row (its <row r>, or the row after the previous one) and in the
    column after the previous cell. Every row and cell tag is looked at (slow, rare: Excel and
    LibreOffice write a reference on every cell)."""
    row, col = -1, 0
    rows = cols = 0
    for piece in _whole_tags(data, archive, path):
        for match in _ROW_OR_CELL_TAG.finditer(piece):
            ref = _R_ATTR.search(match.group(2))
            if match.group(1) == b"row":
                row = int(ref.group(2)) - 1 if ref is not None and ref.group(2) else row + 1
                col = 0
                continue
            if ref is not None and ref.group(1) and ref.group(2):
                at_row, at_col = int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1
            else:
                at_row, at_col = max(row, 0), col
            col = at_col + 1
            rows, cols = max(rows, at_row + 1), max(cols, at_col + 1)
    return rows, cols


def _exact_extent(data: bytes, archive: zipfile.ZipFile, path: str) -> tuple[int, int]:
    """(rows, columns) reached by the part's cell references, every one looked at (slow, rare)."""
    rows = cols = 0
    for piece in _whole_tags(data, archive, path):
        for match in _CELL_REF.finditer(piece):
            cols = max(cols, _column_number(match.group(1)))
            rows = max(rows, int(match.group(2)))
    return rows, cols


@dataclass
class _Scanned:
    """What the scan of every sheet part found: sheets over the cell limit, formula cells without
    a cached value, and the XML of the large sheets that are to be read in parts."""

    oversized: dict[str, tuple[int, int]] = field(default_factory=dict)
    missing: dict[str, frozenset[str]] = field(default_factory=dict)
    errors: dict[str, frozenset[str]] = field(default_factory=dict)  # cells holding an error value
    in_parts: dict[str, parallel_read.SheetXml] = field(default_factory=dict)


def _scan_sheets(data: bytes, limits: Limits) -> _Scanned:
    """Before calamine: sheets whose used range is over limits.max_cells (name → (rows, columns)),
    and the formula cells without a cached value of the others (name → A1 names). Large sheets are
    decompressed whole (up to limits.max_parallel_xml_bytes in all) and kept to be read in parts.
    Best effort: a part that cannot be decompressed is left to calamine, which reports it."""
    found = _Scanned()
    kept = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for name, path in sheet_paths(archive).items():
                try:
                    size = archive.getinfo(path).file_size
                    parts = parallel_read.parts_for(size, limits.read_threads, limits.min_part_bytes)
                    xml = None
                    if parts > 1 and kept + size <= limits.max_parallel_xml_bytes:
                        xml = zipparts.whole(data, archive, path)
                    scan = _scan_part(data, archive, path, xml)
                    if scan.counted or scan.rows * scan.cols > limits.max_cells:
                        rows, cols = (_counted_extent(data, archive, path) if scan.counted
                                      else _exact_extent(data, archive, path))
                        # the exact extent is known: over the memory budget is refused here too
                        if rows * cols > min(limits.max_cells, limits.max_read_cells):
                            found.oversized[name] = (rows, cols)
                            continue
                    if scan.has_formula:
                        cells = _missing_in(scan.xml if scan.xml is not None else archive.read(path))
                        if cells:
                            found.missing[name] = frozenset(cells)
                    if scan.has_error:
                        cells = _error_cells(scan.xml if scan.xml is not None else archive.read(path))
                        if cells:
                            found.errors[name] = frozenset(cells)
                    if xml is not None:
                        found.in_parts[name] = parallel_read.SheetXml(path, xml, parts)
                        kept += size
                except _DAMAGED:
                    continue
    except _DAMAGED:
        pass
    return found


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
        sheet = _read_sheet(source, workbook, meta.name, _Scanned(), log, limits)
        if sheet is None:
            continue
        width = max(map(len, sheet.rows), default=0)
        if len(sheet.rows) * width > limits.max_cells:
            log.error(source.name, meta.name, None, "read.sheet_too_large",
                      cell=cell_name(len(sheet.rows) - 1, width - 1), rows=_thousands(len(sheet.rows)),
                      cols=_thousands(width), limit=_thousands(limits.max_cells))
            continue
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
        sheets.append(Sheet(file=source.name, name=name, rows=rows, parts=0))
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


def _read_sheet(source: SourceFile, workbook: CalamineWorkbook, name: str, scanned: _Scanned,
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
    scanned = _scan_sheets(source.data, limits)
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
            sheet.xlsx = source.data
            sheets.append(sheet)
    if not sheets:
        log.error(source.name, None, None, "read.no_sheets")
    return sheets


__all__ = ["Limits", "Sheet", "read_sheets", "cell_name"]
