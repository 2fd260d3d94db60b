"""The sheet XML of an .xlsx scanned before calamine reads it: used range, formulas without a value, error cells."""

from __future__ import annotations

import html
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from unionboard.read import parallel_read, zipparts

if TYPE_CHECKING:
    from unionboard.read.workbook import Limits

CHUNK = 1 << 20  # the sheet XML is scanned 1 MB at a time
# what a damaged part raises while it is read (left to calamine, which reports it)
_DAMAGED = (KeyError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
            RuntimeError)

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
    except _DAMAGED:
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
_KEEP_XML_BYTES = 64 << 20  # a formula part bigger than this is decompressed a second time


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
    pieces = (xml[pos:pos + CHUNK] for pos in range(0, len(xml), CHUNK)) if xml is not None \
        else zipparts.chunks(data, archive, path, CHUNK)
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
    for chunk in zipparts.chunks(data, archive, path, CHUNK):
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
class Scanned:
    """What the scan of every sheet part found: sheets over the cell limit, formula cells without
    a cached value, and the XML of the large sheets that are to be read in parts."""

    oversized: dict[str, tuple[int, int]] = field(default_factory=dict)
    missing: dict[str, frozenset[str]] = field(default_factory=dict)
    errors: dict[str, frozenset[str]] = field(default_factory=dict)  # cells holding an error value
    in_parts: dict[str, parallel_read.SheetXml] = field(default_factory=dict)


def scan_sheets(data: bytes, limits: Limits) -> Scanned:
    """Before calamine: sheets whose used range is over limits.max_cells (name → (rows, columns)),
    and the formula cells without a cached value of the others (name → A1 names). Large sheets are
    decompressed whole (up to limits.max_parallel_xml_bytes in all) and kept to be read in parts.
    Best effort: a part that cannot be decompressed is left to calamine, which reports it."""
    found = Scanned()
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
