"""Roster layouts of the official forms: sex given by position (a "Nam" | "Nữ" pair of columns holding the
birth date or a tick under the person's sex, or a single "Nữ" column ticked for women)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, clean, fold
from unionboard.domains.schema import HeaderMatch
from unionboard.read import odsstrike, strike, xlsstrike
from unionboard.read.workbook import Sheet

MALE, FEMALE = "Nam", "Nữ"
TICKS = frozenset({"x", "v", "1", "co", "yes", "y"})
TICK_MARKS = frozenset("✓✔✅☑√☒×")  # fold() turns these into ""
MAX_CELLS_LISTED = 5


@dataclass(frozen=True)
class SexColumns:
    """Where a roster gives sex by position: the "Nam" column (None: a single "Nữ" column) and the
    "Nữ" column; `sub_header` when their labels sit in the row under the header row."""

    male: int | None
    female: int
    sub_header: bool


FAMILY_LABELS = frozenset({"ho dem", "ho va dem", "ho", "ho lot", "ho va ten dem", "ho va chu dem"})
GIVEN_LABELS = frozenset({"ten", "ten goi"})
SUB_LABELS = FAMILY_LABELS | GIVEN_LABELS | {"nam", "nu"}


def sub_header(sheet: Sheet, header: HeaderMatch) -> bool:
    """Whether the row under the header row continues it ("Nam" | "Nữ" under "Ngày sinh", "Họ đệm" |
    "Tên" under "Họ và tên"; the other cells blank or the header's own texts, merged down)."""
    below = header.row + 1
    if below >= sheet.height:
        return False
    line, top = sheet.rows[below], sheet.rows[header.row]
    seen_sub = False
    for col, value in enumerate(line):
        if _blank(value):
            continue
        if not isinstance(value, str):
            return False
        key = fold(value)
        if key in SUB_LABELS:
            seen_sub = True
        elif col >= len(top) or key != fold(top[col]):
            return False
    return seen_sub


@dataclass(frozen=True)
class SplitName:
    """A name written in two columns: family and middle name ("Họ đệm"), given name ("Tên")."""

    family: int
    given: int


def split_name(sheet: Sheet, header: HeaderMatch) -> SplitName | None:
    """The "Họ đệm" | "Tên" pair (under a merged "Họ và tên", or as the header itself), else None."""
    rows = (header.row, header.row + 1) if sub_header(sheet, header) else (header.row,)
    for row in rows:
        family = given = None
        for col, value in enumerate(sheet.rows[row] if row < sheet.height else []):
            key = fold(value) if isinstance(value, str) else ""
            if key in FAMILY_LABELS and family is None:
                family = col
            elif key in GIVEN_LABELS and given is None:
                given = col
        if family is not None and given == family + 1:
            return SplitName(family, given)
    return None


def join_names(lines: list[list], split: SplitName) -> list[list]:
    """The lines with "Họ đệm" and "Tên" joined into one name in the family column."""
    out = []
    for line in lines:
        line = list(line)
        width = len(line)
        family = line[split.family] if split.family < width else None
        given = line[split.given] if split.given < width else None
        if not _blank(given):
            line[split.family] = " ".join(p for p in (clean(family), clean(given)) if p)
            line[split.given] = None
        out.append(line)
    return out


def _labels(line: Sequence) -> tuple[int | None, int | None]:
    male = female = None
    for col, value in enumerate(line):
        if not isinstance(value, str):
            continue
        key = fold(value)
        if key == "nam" and male is None:
            male = col
        elif key == "nu" and female is None:
            female = col
    return male, female


def sex_columns(sheet: Sheet, header: HeaderMatch) -> SexColumns | None:
    """The Nam/Nữ columns of a roster without a "Giới tính" column: in the header row, or in the row
    under it when that row is a sub-header (no person's name in it)."""
    if "gender" in header.columns:
        return None
    male, female = _labels(sheet.rows[header.row] if header.row < sheet.height else [])
    if female is not None:
        return SexColumns(male, female, sub_header=False)
    if not sub_header(sheet, header):
        return None
    male, female = _labels(sheet.rows[header.row + 1])
    if female is None or male is None:
        return None  # a lone "Nữ" under the header is too little to go on
    return SexColumns(male, female, sub_header=True)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _is_tick(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value == 1
    text = clean(value)
    return bool(text) and (text in TICK_MARKS or fold(text) in TICKS)


def _date_like(value: object) -> bool:
    return not _blank(value) and not _is_tick(value) and (
        isinstance(value, int | float | dt.date | dt.datetime) or any(ch.isdigit() for ch in str(value)))


def read_sex(lines: Sequence[Sequence], rows0: Sequence[int], columns: SexColumns, sheet: Sheet,
             log: IssueLog) -> tuple[list[str | None], list[object]]:
    """(sex per row, birth value per row taken from under the sex) for the kept roster lines; a row
    with a mark under both or neither is left unknown and warned about, with its cells."""
    def at(line: Sequence, col: int | None) -> object:
        return line[col] if col is not None and col < len(line) else None

    sexes: list[str | None] = []
    births: list[object] = []
    both: list[str] = []
    neither: list[str] = []
    for line, row in zip(lines, rows0, strict=True):
        male, female = at(line, columns.male), at(line, columns.female)
        if columns.male is None:  # a single "Nữ" column: ticked for women, blank for men
            sexes.append(FEMALE if not _blank(female) else MALE)
            births.append(female if _date_like(female) else None)
            continue
        if not _blank(male) and not _blank(female):
            sexes.append(None)
            births.append(None)
            both.append(cell_name(row, columns.male))
        elif _blank(male) and _blank(female):
            sexes.append(None)
            births.append(None)
            neither.append(cell_name(row, columns.male))
        else:
            value = male if not _blank(male) else female
            sexes.append(MALE if not _blank(male) else FEMALE)
            births.append(value if _date_like(value) else None)
    for code, cells in (("members.sex_both", both), ("members.sex_neither", neither)):
        if cells:
            log.warning(sheet.file, sheet.name, cells[0], code, count=len(cells), cells=_shown(cells))
    return sexes, births


# --------------------------------------------------------------------------- department group rows

_GROUP_NUMBER = re.compile(r"^(?:[IVXLC]{1,6}|[A-Za-z])\s*[.)/:-]\s*(\S.*)$")
_DEPARTMENT_WORDS = ("phong", "ban", "to", "phan xuong", "bo phan", "khoa", "doi", "xuong", "chi nhanh",
                     "van phong", "trung tam", "cua hang", "nha may", "cong doan bo phan", "khoi", "phan hieu",
                     "xi nghiep", "department", "division", "team")


def group_heading(line: Sequence, name_col: int | None) -> str | None:
    """The department a group row names ("I. Phòng Kế hoạch" alone across the row), else None. A text in
    the name column counts only when numbered (I., A.) or written in capitals: "Tô Văn Ba" is a person."""
    filled = []
    for col, value in enumerate(line):
        if value is not None and value != "" and not _blank(value):
            filled.append((col, value))
            if len(filled) > 1:
                return None  # most rows: two cells filled before the third column
    if len(filled) != 1 or not isinstance(filled[0][1], str):
        return None
    col, text = filled[0][0], " ".join(filled[0][1].split())
    numbered = _GROUP_NUMBER.match(text)
    body = numbered.group(1) if numbered else text
    key = fold(body)
    if not any(key == word or key.startswith(word + " ") for word in _DEPARTMENT_WORDS):
        return None
    if col == name_col and not numbered and not text.isupper():
        return None
    return body.strip()


def department_groups(lines: Sequence[Sequence], name_col: int | None) -> dict[int, str]:
    """Line index → department, for every group row."""
    out = {}
    for index, line in enumerate(lines):
        if len(line) > 2 and ((line[0] is not None and line[0] != "") + (line[1] is not None and line[1] != "")
                              + (line[2] is not None and line[2] != "")) >= 2:
            continue  # two of the first three cells filled: a member's row (the fast path)
        heading = group_heading(line, name_col)
        if heading is not None:
            out[index] = heading
    return out


def group_of_each(count: int, groups: dict[int, str]) -> list[str | None]:
    """For each line index, the department of the group row above it (None above the first)."""
    out: list[str | None] = []
    current = None
    for index in range(count):
        current = groups.get(index, current)
        out.append(current)
    return out


# --------------------------------------------------------------------------- who is a member now

# Folded words of a status or notes cell saying the person is no longer a member.
LEFT_WORDS = ("nghi huu", "nghi viec", "thoi viec", "chuyen cong tac", "chuyen di", "da chuyen",
              "chuyen don vi", "tu tran", "da mat", "qua doi", "xoa ten", "ra khoi cong doan",
              "thoi sinh hoat", "cham dut hop dong", "het hop dong", "retired", "left", "resigned", "deceased",
              "transferred")
_LEFT = re.compile(r"(?:^| )(" + "|".join(sorted(set(LEFT_WORDS), key=len, reverse=True)) + r")(?: |$)")


def left_reason(value: object) -> str | None:
    """The status or note as written when it says the person left (nghỉ hưu, chuyển công tác, thôi việc…)."""
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split()) if _LEFT.search(fold(value)) else None


def note_left(sheet: Sheet, cells: list[str], reasons: list[str], log: IssueLog) -> None:
    """One info note: how many were left out as no longer members, why, and where."""
    if not cells:
        return
    why = ", ".join(f"“{r}”" for r in dict.fromkeys(reasons))
    log.info(sheet.file, sheet.name, cells[0], "members.left_out", count=len(cells), reasons=why, cells=_shown(cells))


def _shown(cells: list[str]) -> str:
    """The first cells named, with how many more: "B4, B6, B9, B10, B12 (+3)"."""
    return ", ".join(cells[:MAX_CELLS_LISTED]) + (
        f" (+{len(cells) - MAX_CELLS_LISTED})" if len(cells) > MAX_CELLS_LISTED else "")


# each format's reader of struck-through rows: (file bytes, sheet name, 0-based rows, name column) → rows
STRUCK_ROWS = {"xlsx": strike.struck_rows, "ods": odsstrike.struck_rows, "xls": xlsstrike.struck_rows}


def struck_out(sheet: Sheet, rows0: Sequence[int], name_col: int | None, log: IssueLog, code: str) -> list[int]:
    """The rows among `rows0` struck through in an .xlsx, .ods or .xls (how offices mark people who left), with
    one info note `code` naming their cells; [] for a .csv (no formatting)."""
    if sheet.styled is None or not rows0:
        return []
    kind, data = sheet.styled
    try:
        rows = STRUCK_ROWS[kind](data, sheet.name, rows0, name_col)
    except strike.StrikeUnreadable:
        log.warning(sheet.file, sheet.name, None, "members.strike_unreadable")
        return []
    if rows:
        cells = [cell_name(row, name_col or 0) for row in rows]
        log.info(sheet.file, sheet.name, cells[0], code, count=len(cells), cells=_shown(cells))
    return rows
