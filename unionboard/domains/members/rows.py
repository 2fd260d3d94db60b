"""Members rows: which rows of a roster area are members, and a note on each that is not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat

import numpy as np

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold, is_blank
from unionboard.domains.members.cells import clean_names, column_values
from unionboard.domains.members.problems import cells_text
from unionboard.domains.roster_shapes import department_groups, left_reason, note_left, struck_out
from unionboard.domains.rows import first_text, is_total_text, signature_start, stated_count
from unionboard.domains.schema import HeaderMatch, header_labels
from unionboard.domains.words import TOTAL_LABELS
from unionboard.read.workbook import Sheet


def _is_column_number_row(cells: list) -> bool:
    """The '(1) (2) (3)…' row some forms put right under the header."""
    filled = [clean(v) for v in cells if not is_blank(v)]
    return len(filled) >= 2 and all(re.fullmatch(r"\(?\d{1,2}\)?", v) for v in filled)


@dataclass(frozen=True)
class _Skipped:
    """A row of the roster area that is not a member, and why."""

    index: int
    kind: str  # "total" | "header" | "signature" | "blank"
    stated: int | None = None  # the count a total row states ("Cộng: 10 đ/c")


def _total_rows(lines: list[list], names: list[str]) -> list[_Skipped]:
    """Rows whose name cell (or, without a name, first text) is a total: "Tổng cộng", "Cộng: 10 đ/c"."""
    out = []
    for index, name in enumerate(names):
        text = name or first_text(lines[index])
        if is_total_text(text):
            out.append(_Skipped(index, "total", stated_count(text)))
    return out


def member_rows(sheet: Sheet, header: HeaderMatch, lines: list[list], name_col: int | None,
                mapped: list[int]) -> tuple[list[str], set[int], list[int], list[_Skipped]]:
    """(cleaned names, indices of rows that are not members, indices of nameless rows with data,
    the skipped rows worth a note: totals, repeated headers, a signature block)."""
    names_all = clean_names(column_values(lines, [name_col])[name_col]) if name_col is not None \
        else [""] * len(lines)
    header_text = clean_names([sheet.value(header.row, name_col)])[0] if name_col is not None else ""
    header_key, header_len = fold(header_text), len(header_text)
    # only blank, one- or two-word names and header look-alikes need a closer look
    total = len(names_all)
    spaces = np.fromiter(map(str.count, names_all, repeat(" ")), dtype=np.int64, count=total)
    lengths = np.fromiter(map(len, names_all), dtype=np.int64, count=total)
    closer = (spaces <= 1) | (lengths == header_len)  # a blank name has no space
    closer[:3] = True
    suspects = np.flatnonzero(closer).tolist()
    signature = signature_start(lines)
    end = len(lines) if signature is None else signature
    skipped = [item for item in _total_rows(lines, names_all) if item.index < end]
    if signature is not None:
        skipped.append(_Skipped(signature, "signature"))
    drop: set[int] = {item.index for item in skipped} | set(range(end, len(lines)))
    nameless: list[int] = []
    for index in suspects:
        if index >= end or index in drop:
            continue
        name, line = names_all[index], lines[index]
        cells = [line[c] for c in mapped if c < len(line)]
        if name:
            if len(name) == header_len and fold(name) == header_key:
                drop.add(index)  # the header repeated (a roster pasted from several pages)
                skipped.append(_Skipped(index, "header"))
            elif index < 3 and _is_column_number_row(cells):
                drop.add(index)
            continue
        drop.add(index)
        if all(is_blank(v) for v in cells):
            skipped.append(_Skipped(index, "blank"))
            continue
        if any(fold(v) in TOTAL_LABELS for v in line if isinstance(v, str) and len(v) < 20):
            continue  # "Tổng cộng" written in the STT column, totals in the others
        if index < 3 and _is_column_number_row(cells):
            continue
        nameless.append(index)
    return names_all, drop, nameless, sorted(skipped, key=lambda item: item.index)


def note_skipped(sheet: Sheet, first: int, name_col: int, skipped: list[_Skipped], count: int,
                 height: int, log: IssueLog) -> None:
    """An info note for each row that is not a member; a stated total that differs is a warning."""
    last_member = max((i for i in range(height) if i not in {item.index for item in skipped}), default=-1)
    blanks = [item for item in skipped if item.kind == "blank" and item.index < last_member]
    if blanks:  # separator rows inside the list: one note
        cells = [cell_name(first + item.index, name_col) for item in blanks]
        log.info(sheet.file, sheet.name, cells[0], "members.skipped_blank", count=len(cells),
                 cells=cells_text(cells))
    for item in skipped:
        cell = cell_name(first + item.index, name_col)
        if item.kind == "blank":
            continue
        if item.kind == "signature":
            log.info(sheet.file, sheet.name, cell, "members.skipped_signature", cell=cell,
                     rows=height - item.index)
        elif item.kind == "header":
            log.info(sheet.file, sheet.name, cell, "members.skipped_header", cell=cell)
        else:
            log.info(sheet.file, sheet.name, cell, "members.skipped_total", cell=cell)
    totals = [item for item in skipped if item.kind == "total" and item.stated is not None]
    if totals and totals[-1].stated != count:
        cell = cell_name(first + totals[-1].index, name_col)
        log.warning(sheet.file, sheet.name, cell, "members.total_mismatch", cell=cell,
                    stated=totals[-1].stated, counted=count)


def not_members_now(sheet: Sheet, header: HeaderMatch, lines: list[list], first: int, cols: dict[str, int],
                    drop: set[int], log: IssueLog) -> dict[int, str]:
    """Department group rows and people who left (a status or notes cell saying nghỉ hưu, chuyển công tác,
    thôi việc…) join `drop`; those who left get one info note. Returns the group rows (index → department)."""
    groups = department_groups(lines, cols.get("name"))
    drop |= set(groups)
    notes = [col for col, label in header_labels(sheet, header.row).items() if label in ("ghi chu", "note", "notes")]
    where = [col for col in (cols.get("status"), *notes) if col is not None]
    cells, reasons = [], []
    for index, line in enumerate(lines):
        if index in drop:
            continue
        for col in where:
            reason = left_reason(line[col]) if col < len(line) else None
            if reason is not None:
                drop.add(index)
                cells.append(cell_name(first + index, col))
                reasons.append(reason)
                break
    note_left(sheet, cells, reasons, log)
    _drop_struck(sheet, lines, first, cols.get("name"), drop, log)
    return groups


def _drop_struck(sheet: Sheet, lines: list[list], first: int, name_col: int | None, drop: set[int],
                 log: IssueLog) -> None:
    """Rows struck through in an .xlsx join `drop` like the leavers above, with one info note."""
    rows0 = [first + index for index in range(len(lines)) if index not in drop]
    drop.update(row - first for row in struck_out(sheet, rows0, name_col, log, "members.struck_out"))
