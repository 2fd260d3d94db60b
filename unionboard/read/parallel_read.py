"""Read one large worksheet with calamine on every core, cut at row boundaries and joined back exactly.

Calamine releases the GIL while it parses a sheet, but it parses one sheet on one core. A roster of
100.000 members is one sheet of ~50 MB of XML, so on a two-core machine half the time is spent
waiting. Here the sheet's XML (already decompressed by the safety scan) is cut at `<row r="…">`
tags into parts; each part becomes a small workbook (the original members copied as they are, the
sheet replaced by its prefix, its rows and its suffix, stored uncompressed) that calamine reads in
its own thread. The parts' grids are placed at their own positions, which gives exactly what
`to_python(skip_empty_area=False)` gives for the whole sheet.

Anything unusual (a namespace prefix, rows without a number at a cut, parts whose rows overlap, a
part calamine cannot read — as when a cut falls inside a comment or CDATA section, which leaves one
part unterminated — an archive member that is not plain stored/deflated) returns None and the
caller reads the sheet whole, as before. The safety scan has run first: a part can never
make calamine ask for more cells than the whole sheet would.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from python_calamine import CalamineSheet, CalamineWorkbook

from unionboard.core import settings
from unionboard.read.zipparts import RawMember, raw_member, write_archive

MB = 1024 * 1024
MIN_PART_BYTES = 2 * MB  # of sheet XML (~3.500 roster rows): a smaller part is not worth a thread
_NOT_OURS = (KeyboardInterrupt, SystemExit, GeneratorExit)
_SHEET_DATA, _SHEET_DATA_END = b"<sheetData>", b"</sheetData>"
_NUMBERED_ROW = b'<row r="'


def threads() -> int:
    """How many parts a large sheet is read in: the cores (at most 4), or UNIONBOARD_READ_THREADS."""
    configured = settings.value(settings.READ_THREADS)
    if configured is not None:
        return max(1, min(configured, 16))
    return max(1, min(os.cpu_count() or 1, 4))


def parts_for(xml_size: int, wanted: int | None = None, min_part_bytes: int = MIN_PART_BYTES) -> int:
    """How many parts a sheet of `xml_size` bytes of XML is cut into (1: read whole)."""
    return max(1, min(wanted or threads(), xml_size // max(1, min_part_bytes)))


def cut(xml: bytes, parts: int) -> list[tuple[int, int]] | None:
    """(start, end) of each part's rows in the sheet XML, each part starting at a numbered row tag;
    None when the sheet cannot be cut (no plain <sheetData>, too few rows)."""
    opening = xml.find(_SHEET_DATA)
    closing = xml.rfind(_SHEET_DATA_END)
    if opening < 0 or closing < opening or parts < 2:
        return None
    start = opening + len(_SHEET_DATA)
    bounds = [start]
    for k in range(1, parts):
        at = xml.find(_NUMBERED_ROW, max(bounds[-1] + 1, start + (closing - start) * k // parts), closing)
        if at < 0:
            break
        bounds.append(at)
    if len(bounds) < 2:
        return None
    bounds.append(closing)
    return list(zip(bounds[:-1], bounds[1:], strict=True))


@dataclass
class SheetXml:
    """A large sheet's decompressed XML, kept by the safety scan to be read in `parts`. read_rows
    drops `xml` as soon as the parts are written: it is the biggest thing held during the read."""

    path: str
    xml: bytes
    parts: int


def _write_part(folder: str, index: int, members: list[tuple[RawMember, tuple]]) -> str:
    path = os.path.join(folder, f"part-{index}.xlsx")
    with open(path, "wb") as out:
        write_archive(members, out)
    return path


def _read_part(path: str, sheet_name: str) -> CalamineSheet | None:
    try:
        return CalamineWorkbook.from_path(path).get_sheet_by_name(sheet_name)
    except BaseException as exc:  # a Rust panic is a BaseException; the whole read reports it
        if isinstance(exc, _NOT_OURS):
            raise
        return None


def join(grids: list[tuple[tuple[int, int], tuple[int, int], list[list]]]) -> list[list] | None:
    """The whole sheet's grid from the parts' (start, end, rows), as calamine gives a whole sheet
    from A1: every row as wide as the widest part, '' where there is no cell. None when parts
    overlap (rows out of order), which only the whole read can place."""
    width = max(end[1] for _start, end, _rows in grids) + 1
    rows: list[list] = []
    for (first_row, first_col), (last_row, last_col), part in grids:
        if first_row < len(rows) or len(part) != last_row - first_row + 1:
            return None
        rows.extend([""] * width for _ in range(first_row - len(rows)))
        left, right = [""] * first_col, [""] * (width - 1 - last_col)
        rows.extend(part if not left and not right else [left + line + right for line in part])
    return rows


PART_FOLDER_PREFIX = "unionboard-read-"
_cleaned = False


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, not ours to signal
    return True


def clean_stale_parts(folder: str | None = None, *, force: bool = False) -> list[str]:
    """Remove part folders left by a process that was killed while reading (once per process).

    Each folder is named after the process that made it; one whose process is gone is removed.
    Returns the folders removed.
    """
    global _cleaned
    if _cleaned and not force:
        return []
    _cleaned = True
    removed = []
    base = Path(folder or tempfile.gettempdir())
    for path in base.glob(f"{PART_FOLDER_PREFIX}*"):
        pid_text = path.name[len(PART_FOLDER_PREFIX):].split("-", 1)[0]
        if path.is_dir() and (not pid_text.isdigit() or not _alive(int(pid_text))):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(str(path))
    return removed


def _read_parts(kept: SheetXml, others: list[tuple[RawMember, tuple]], sheet: RawMember,
                spans: list[tuple[int, int]], sheet_name: str) -> list[CalamineSheet | None]:
    """Write each part as a workbook in a temporary folder, drop the XML, read them in threads."""
    clean_stale_parts()
    with tempfile.TemporaryDirectory(prefix=f"{PART_FOLDER_PREFIX}{os.getpid()}-") as folder, \
            ThreadPoolExecutor(max_workers=len(spans), thread_name_prefix="unionboard-read") as pool:
        view = memoryview(kept.xml)
        kept.xml = b""
        head, tail = view[:spans[0][0]], view[spans[-1][1]:]
        writes = [pool.submit(_write_part, folder, index, [*others, (sheet, (head, view[start:end], tail))])
                  for index, (start, end) in enumerate(spans)]
        del head, tail, view  # the work items hold the pieces until their part is written
        paths = [write.result() for write in writes]
        del writes
        return list(pool.map(lambda path: _read_part(path, sheet_name), paths))


class OverBudget(Exception):
    """A sheet whose grid would not fit the memory budget once turned into Python objects."""

    def __init__(self, rows: int, cols: int) -> None:
        super().__init__(f"{rows} × {cols}")
        self.rows, self.cols = rows, cols


def read_rows(data: bytes, sheet_name: str, kept: SheetXml, max_cells: int | None = None) -> list[list] | None:
    """The rows of sheet `sheet_name` as calamine's `to_python(skip_empty_area=False)` gives them,
    read in `kept.parts` threads from the archive `data` and the sheet's XML; None when the sheet
    cannot be read in parts (the caller then reads it whole). `kept.xml` is dropped either way.

    The parts are written to a temporary folder (stored, not compressed: writing is a copy) and
    read by calamine from there, so that neither their bytes nor calamine's copy of them stay in
    memory while the rows are built."""
    try:
        spans = cut(kept.xml, kept.parts)
        if spans is None:
            return None
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = {info.filename: raw_member(data, info) for info in archive.infolist()}
        if None in members.values() or kept.path not in members:
            return None
        sheet = members.pop(kept.path)
        others = [(member, ()) for member in members.values()]
        sheets = _read_parts(kept, others, sheet, spans, sheet_name)
    except OSError:  # no room or no permission for the temporary parts: read the sheet whole
        return None
    finally:
        kept.xml = b""
    if any(part is None or part.start is None or part.end is None for part in sheets):
        return None
    rows = max(part.end[0] for part in sheets) + 1
    cols = max(part.end[1] for part in sheets) + 1
    if max_cells is not None and rows * cols > max_cells:
        raise OverBudget(rows, cols)  # checked on calamine's compact grids, before Python objects
    return join([(part.start, part.end, part.to_python(skip_empty_area=True)) for part in sheets])
