"""The blank input template (one workbook, one sheet per domain) and the sheet builders it shares
with `xlsx_export` so that a downloaded data set can be edited and uploaded again.

No cell holds a formula: files are read with calamine, which only sees cached values, and openpyxl
never computes them — the app computes every total itself.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Sequence
from typing import BinaryIO, Literal

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from unionboard.core.models import (
    AWARD_LEVELS,
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    RECIPIENT_TYPES,
    STATUSES,
    BudgetLine,
    TermTarget,
    UnionInfo,
)
from unionboard.core.text import clean, parse_number
from unionboard.core.wording import kind_label
from unionboard.domains import registry, schema
from unionboard.domains.spec import SheetLayout
from unionboard.domains.term_targets import (
    COORDINATED,
    PER_YEAR_LABEL,
    RUNNING_LABEL,
    UNION_LED,
    WHOLE_TERM_LABEL,
    applies_label,
    as_written,
    is_percent_target,
)
from unionboard.export.safe import INT_FORMAT, autosize_columns, excel_value
from unionboard.read.workbook import MB, Limits

SHEET_GUIDE = "Hướng dẫn"
SHEET_INFO = "Thông tin"
SHEET_MEMBERS = "Đoàn viên"
SHEET_REVENUE = "Phần thu"
SHEET_SPENDING = "Phần chi"
SHEET_TARGETS = "Chỉ tiêu"
SHEET_AWARDS = "Khen thưởng"
SHEET_TERM_TARGETS = "Chỉ tiêu nhiệm kỳ"
SHEET_BUDGET = "Dự toán thu chi"

VALIDATION_LAST_ROW = 2000
PARTY_MARK = "x"
TOTAL_LABEL = "Tổng cộng"
OPENING_LABEL = "Tồn đầu kỳ"
CLOSING_LABEL = "Tồn cuối"
UNIT_NOTE = "ĐVT: đồng"
EXAMPLE_YEARS = (2013, 2014, 2015, 2016, 2017)
EXAMPLE_TERM_YEARS = (2018, 2019, 2020, 2021, 2022)  # the term 2017–2022 (planning.term_years)

# (UnionInfo field, key written in column A) — each key folds to a key of loader.INFO_KEYS.
INFO_ROWS: tuple[tuple[str, str], ...] = (
    ("name", "Tên công đoàn"),
    ("congress", "Đại hội lần thứ"),
    ("reported_term", "Nhiệm kỳ báo cáo"),
    ("next_term", "Nhiệm kỳ tới"),
    ("kind", "Loại hình"),
    ("upper_union", "Công đoàn cấp trên"),
    ("congress_date", "Ngày đại hội"),
)
EXAMPLE_INFO = UnionInfo(name="Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang",
                         congress="IV", reported_term="2012–2017", next_term="2017–2022", kind="agency",
                         upper_union="Công đoàn Viên chức tỉnh Hà Giang")  # the draft report, line 9

MEMBER_LABELS: tuple[str, ...] = tuple(c.label for c in schema.MEMBERS.columns)
TARGET_LABELS: tuple[str, ...] = tuple(c.label for c in schema.TARGETS.columns)
AWARD_LABELS: tuple[str, ...] = tuple(c.label for c in schema.AWARDS.columns)

EXAMPLE_MEMBER = ("Nguyễn Văn An", "Nam", 1985, "Văn phòng", "Đại học", "Trung cấp", PARTY_MARK,
                  dt.date(2010, 5, 1), "Đoàn viên", None)
EXAMPLE_REVENUE = ("Thu đoàn phí công đoàn (1%)", (18_777_000, 21_335_000, 20_560_000, 20_450_000,
                                                   21_100_000))
EXAMPLE_SPENDING = ("Chi hoạt động phong trào", (45_162_000, 62_250_000, 57_570_000, 41_041_000,
                                                36_084_000))
EXAMPLE_TARGET = ("1", "Đoàn viên được học tập, quán triệt Nghị quyết của Đảng", "%", "100%", "100%",
                  "Đạt")
EXAMPLE_AWARD = (2014, "Bằng khen", "Tỉnh", "Cá nhân", 1, "Chủ tịch UBND tỉnh tặng")

# The planning sheets (term targets of the new term, budget): labels the parsers read
# (schema.TERM_TARGETS + year columns found by term_targets.year_columns; schema.BUDGET).
TERM_TARGET_COLUMNS: tuple[str, ...] = ("Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng")
BUDGET_COLUMNS: tuple[str, ...] = ("Năm", "Thu/Chi", "Khoản mục", "Kế hoạch")
TEXT_COLUMNS = ("Mã", "Nội dung", "Nhóm", "ĐVT", "Áp dụng", "Thu/Chi", "Khoản mục")
TERM_GROUPS = (COORDINATED, UNION_LED)
APPLIES_VALUES = (PER_YEAR_LABEL, WHOLE_TERM_LABEL, RUNNING_LABEL)
BUDGET_SIDES = ("Thu", "Chi")  # budget.side_of: Thu → revenue, Chi → spending
BUDGET_TITLE = "DỰ TOÁN THU CHI"  # no union name: budget.unit_factor scans the rows above the header
PLANNING_HEADER_ROW = 3  # row 1 title, row 2 note, row 3 header (1-based)
EXAMPLE_TERM_TARGET = TermTarget(
    code="3.1", text="Phổ biến, tuyên truyền, học tập đầy đủ các chỉ thị, nghị quyết của Đảng, chính sách, "
                     "pháp luật của Nhà nước đến toàn thể đoàn viên",
    group=COORDINATED, unit="%", term_target="100%", results={2018: "100%"}, per_year=True)
EXAMPLE_BUDGET = BudgetLine(side="revenue", year=2018, item="Thu đoàn phí công đoàn (1%)", planned=21_500_000)

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FONT = Font(italic=True, color="7F7F7F")
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

Side = Literal["revenue", "spending"]
FINANCE_SHEETS: dict[str, tuple[str, str, str]] = {  # side → (sheet, title, first header)
    "revenue": (SHEET_REVENUE, "PHẦN THU", "Nguồn thu"),
    "spending": (SHEET_SPENDING, "PHẦN CHI", "Mục chi"),
}


# --------------------------------------------------------------------------- cell helpers


def put(ws: Worksheet, row: int, col: int, value: object, number_format: str | None = None):
    """Write one cell (1-based) through `excel_value` (formula-injection safe); ints get ``#,##0``."""
    cell = ws.cell(row=row, column=col, value=excel_value(value))
    if number_format:
        cell.number_format = number_format
    elif isinstance(cell.value, dt.datetime | dt.date):
        cell.number_format = "dd/mm/yyyy"
    return cell


def _header_row(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for col, label in enumerate(labels, start=1):
        cell = put(ws, row, col, label)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = HEADER_ALIGN
    ws.freeze_panes = ws.cell(row=row + 1, column=1).coordinate


def _list_validation(ws: Worksheet, col: int, values: Iterable[str], first_row: int,
                     prompt: str, strict: bool = True) -> DataValidation:
    """A dropdown on one column (rows first_row..VALIDATION_LAST_ROW)."""
    items = ",".join(values)
    dv = DataValidation(type="list", formula1=f'"{items}"', allow_blank=True,
                        showDropDown=False,  # False = show the in-cell arrow (OOXML quirk)
                        showErrorMessage=True, errorStyle="stop" if strict else "warning",
                        errorTitle="Giá trị không hợp lệ",
                        error=f"Chọn một trong: {items.replace(',', ', ')}.",
                        showInputMessage=True, promptTitle="Chọn từ danh sách", prompt=prompt)
    letter = get_column_letter(col)
    dv.add(f"{letter}{first_row}:{letter}{max(first_row, VALIDATION_LAST_ROW)}")
    ws.add_data_validation(dv)
    return dv


def _widths(ws: Worksheet, widths: dict[str, float]) -> None:
    autosize_columns(ws, minimum=8, maximum=60)
    for letter, width in widths.items():
        ws.column_dimensions[letter].width = width


def _mark_example(ws: Worksheet, row: int) -> None:
    for cell in ws[row]:
        cell.font = EXAMPLE_FONT


# --------------------------------------------------------------------------- sheet builders


def add_info_sheet(wb: Workbook, info: UnionInfo, example: UnionInfo | None = None) -> Worksheet:
    """'Thông tin': key | value rows (the keys fold to loader.INFO_KEYS). With `example`, each value cell
    carries the example as a comment only: an example in a cell would become the union's name."""
    ws = wb.create_sheet(SHEET_INFO)
    for row, (field_name, key) in enumerate(INFO_ROWS, start=1):
        put(ws, row, 1, key).font = BOLD
        value = getattr(info, field_name) or None
        if field_name == "kind" and value:
            value = kind_label(value)  # written as the committee reads it, read back by wording.kind_of
        cell = put(ws, row, 2, value)
        shown = getattr(example, field_name, "") if example is not None else ""
        if shown:
            shown = kind_label(shown) if field_name == "kind" else shown
            cell.comment = Comment(f"Ví dụ: {shown}", "unionboard")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 64
    return ws


def add_members_sheet(wb: Workbook, rows: Iterable[Sequence[object]], example: bool = False,
                      extra_labels: Sequence[str] = ()) -> Worksheet:
    """'Đoàn viên': schema.MEMBERS labels in order (then the upload's other columns), one member per row,
    dropdowns on categories."""
    ws = wb.create_sheet(SHEET_MEMBERS)
    _header_row(ws, 1, (*MEMBER_LABELS, *extra_labels))
    count = 0
    for r, values in enumerate(rows, start=2):
        count += 1
        for c, value in enumerate(values, start=1):
            key = schema.MEMBERS.columns[c - 1].key if c <= len(schema.MEMBERS.columns) else None
            put(ws, r, c, value, "0" if key == "birth_year" and isinstance(value, int) else None)
    if example and count:
        _mark_example(ws, 2)
    col = {c.key: i for i, c in enumerate(schema.MEMBERS.columns, start=1)}
    _list_validation(ws, col["gender"], GENDERS, 2, "Nam hoặc Nữ.")
    _list_validation(ws, col["education"], EDUCATION_LEVELS, 2,
                     "Trình độ chuyên môn cao nhất.", strict=False)
    _list_validation(ws, col["political_theory"], POLITICAL_THEORY_LEVELS, 2,
                     "Trình độ lý luận chính trị; chưa học thì chọn “Chưa có”.", strict=False)
    _list_validation(ws, col["party_member"], (PARTY_MARK,), 2,
                     "Ghi “x” nếu là đảng viên, để trống nếu không.")
    _widths(ws, {"A": 26, "C": 10, "D": 10, "E": 30, "F": 20, "G": 18, "H": 11, "I": 18, "J": 20,
                 "K": 14})
    return ws


def add_finance_sheet(wb: Workbook, side: Side, years: Sequence[int],
                      rows: Iterable[tuple[str, Sequence[int | None]]], *,
                      totals: bool = False, opening_balance: int | None = None,
                      closing_balance: int | None = None, example: bool = False) -> Worksheet:
    """'Phần thu' / 'Phần chi' in the report's wide layout (items × years, in đồng).

    Row 1 title, row 2 "ĐVT: đồng", row 3 header (Nguồn thu|Mục chi, Năm …, Tổng cộng), then
    one row per item. With `totals`, the "Tổng cộng" column and a "Tổng cộng" row are written as
    values (never formulas). `opening_balance` adds a "Tồn đầu kỳ" row above the header and
    `closing_balance` a "Tồn cuối" row after the table; both have the label in column A and the
    value in the "Tổng cộng" column.
    """
    sheet_name, title, first_label = FINANCE_SHEETS[side]
    ws = wb.create_sheet(sheet_name)
    total_col = len(years) + 2
    put(ws, 1, 1, title).font = TITLE_FONT
    put(ws, 2, 1, UNIT_NOTE).font = Font(italic=True)
    header_row = 3
    if opening_balance:
        put(ws, 3, 1, OPENING_LABEL).font = BOLD
        put(ws, 3, total_col, opening_balance, INT_FORMAT).font = BOLD
        header_row = 5  # keep a blank line between the balance and the table
    _header_row(ws, header_row, [first_label, *(f"Năm {y}" for y in years), TOTAL_LABEL])
    row = header_row
    sums = [0] * len(years)
    for item, amounts in rows:
        row += 1
        put(ws, row, 1, item)
        for i, amount in enumerate(amounts):
            if amount is not None:
                put(ws, row, i + 2, amount, INT_FORMAT)
                sums[i] += amount
        if totals:
            put(ws, row, total_col, sum(a or 0 for a in amounts), INT_FORMAT)
    if example and row > header_row:
        _mark_example(ws, header_row + 1)
    if totals:
        row += 1
        put(ws, row, 1, TOTAL_LABEL).font = BOLD
        for i, value in enumerate(sums):
            put(ws, row, i + 2, value, INT_FORMAT).font = BOLD
        put(ws, row, total_col, sum(sums), INT_FORMAT).font = BOLD
    if closing_balance is not None:
        row += 1
        put(ws, row, 1, CLOSING_LABEL).font = BOLD
        put(ws, row, total_col, closing_balance, INT_FORMAT).font = BOLD
    ws.column_dimensions["A"].width = 34
    for col in range(2, total_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 15
    return ws


def add_targets_sheet(wb: Workbook, rows: Iterable[Sequence[object]], example: bool = False) -> Worksheet:
    """'Chỉ tiêu': STT | Nội dung | ĐVT | Mục tiêu | Kết quả | Đánh giá (dropdown Vượt/Đạt/Chưa đạt)."""
    ws = wb.create_sheet(SHEET_TARGETS)
    _header_row(ws, 1, TARGET_LABELS)
    count = 0
    for r, values in enumerate(rows, start=2):
        count += 1
        for c, value in enumerate(values, start=1):
            cell = put(ws, r, c, value)
            if c == 2:
                cell.alignment = WRAP
    if example and count:
        _mark_example(ws, 2)
    _list_validation(ws, TARGET_LABELS.index("Đánh giá") + 1, STATUSES, 2,
                     "Vượt, Đạt hoặc Chưa đạt (có thể để trống: ứng dụng tự đánh giá).")
    _widths(ws, {"A": 6, "B": 60, "C": 10, "D": 14, "E": 14, "F": 12})
    return ws


def add_awards_sheet(wb: Workbook, rows: Iterable[Sequence[object]], example: bool = False) -> Worksheet:
    """'Khen thưởng': Năm | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú, dropdowns on Cấp/Đối tượng."""
    ws = wb.create_sheet(SHEET_AWARDS)
    _header_row(ws, 1, AWARD_LABELS)
    count = 0
    for r, values in enumerate(rows, start=2):
        count += 1
        for c, value in enumerate(values, start=1):
            fmt = "0" if c == 1 and isinstance(value, int) else None
            put(ws, r, c, value, fmt)
    if example and count:
        _mark_example(ws, 2)
    _list_validation(ws, AWARD_LABELS.index("Cấp") + 1, AWARD_LEVELS, 2,
                     "Cấp khen thưởng (cấp quyết định khen).", strict=False)
    _list_validation(ws, AWARD_LABELS.index("Đối tượng") + 1, RECIPIENT_TYPES, 2,
                     "Tập thể hoặc Cá nhân.")
    _widths(ws, {"A": 11, "B": 28, "C": 16, "D": 12, "E": 10, "F": 50})
    return ws


# --------------------------------------------------------------------------- planning sheets
# Shared by the template, `xlsx_export` (the data download) and `planning_export` (saving edits).


def result_column(year: int) -> str:
    """The header of a year's result column ("Kết quả 2018")."""
    return f"Kết quả {year}"


def target_column(year: int) -> str:
    """The header of a year's target column ("Mục tiêu 2018")."""
    return f"Mục tiêu {year}"


def term_target_table(targets: Iterable[TermTarget], years: Sequence[int]) -> tuple[list[str], list[tuple]]:
    """(header, rows) of the term-targets sheet, every value as written ("" = blank).

    Columns: TERM_TARGET_COLUMNS, then "Mục tiêu <year>" for each year any target has a per-year
    target, then "Kết quả <year>" for `years` and every year with a result.
    """
    targets = tuple(targets)
    all_years = sorted(set(years) | {y for t in targets for y in t.results})
    target_years = sorted({y for t in targets for y in t.yearly_targets})
    header = [*TERM_TARGET_COLUMNS, *(target_column(y) for y in target_years),
              *(result_column(y) for y in all_years)]
    rows = [(t.code, t.text, t.group, t.unit, t.term_target,
             applies_label(t),
             *(t.yearly_targets.get(y, "") for y in target_years),
             *(t.results.get(y, "") for y in all_years)) for t in targets]
    return header, rows


def budget_rows(lines: Iterable[BudgetLine]) -> list[tuple[int, str, str, int]]:
    """Năm | Thu/Chi | Khoản mục | Kế hoạch, in the order given."""
    return [(b.year, "Thu" if b.side == "revenue" else "Chi", b.item, int(b.planned)) for b in lines]


def _blank(value: object) -> bool:
    """None, NaN, or a missing value whose truth is undefined (pandas' NA: `bool(NA != NA)` raises)."""
    if value is None:
        return True
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return True


def text_cell(value: object) -> object:
    """A text column's cell: always text (a code "3.10" must not become the number 3.1); blank → None."""
    if _blank(value):
        return None
    return excel_value(clean(value)) or None


def number_cell(value: object) -> object:
    """Editor text → a cell: '1' / '1.500' become numbers, '95%' and ratings stay text; blank → None."""
    if _blank(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return excel_value(value)
    text = clean(value)
    if not text:
        return None
    number = parse_number(text)
    if number is not None and "%" not in text:
        return int(number) if float(number).is_integer() else number
    return excel_value(text)


def term_value_cell(value: object, percent: bool) -> object:
    """A term target or result: a number cell when the parser reads it back as the same text
    (`term_targets.as_written`: "1" → 1, "1,5" → 1.5), else text as written ("95%", "1.500", "Tốt")."""
    cell = number_cell(value)
    typed = isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(cell, int | float) and not typed and as_written(cell, percent) != clean(value):
        return excel_value(clean(value))
    return cell


def _planning_sheet(wb: Workbook, name: str, title: str, note: str, header: Sequence[str]) -> Worksheet:
    ws = wb.create_sheet(name)
    put(ws, 1, 1, title).font = TITLE_FONT
    put(ws, 2, 1, note).font = Font(italic=True)
    _header_row(ws, PLANNING_HEADER_ROW, header)
    return ws


def term_targets_title(info: UnionInfo) -> str:
    """'CHỈ TIÊU NHIỆM KỲ 2017–2022 — Công đoàn …' (the parts that are known)."""
    title = f"CHỈ TIÊU NHIỆM KỲ {info.next_term or ''}".strip()
    return f"{title} — {info.name}" if info.name else title


def add_term_targets_sheet(wb: Workbook, header: Sequence[str], rows: Iterable[Sequence[object]], *,
                           title: str, example: bool = False) -> Worksheet:
    """'Chỉ tiêu nhiệm kỳ': title, a note, then the header (`term_target_table`) and one row per target.

    Text columns (Mã, Nội dung, Nhóm, ĐVT, Áp dụng) are always text — "3.10" stays "3.10"; targets and
    results are numbers when they read back unchanged (`term_value_cell`). Dropdowns on Nhóm and Áp dụng.
    """
    header = [str(h) for h in header]
    results = [h for h in header if h.startswith("Kết quả ")]
    span = f"“{results[0]}” … “{results[-1]}”" if len(results) > 1 else "“Kết quả <năm>”"
    note = (f"Ghi kết quả từng năm vào các cột {span} (số, tỷ lệ % hoặc xếp loại); ô để trống là năm đó "
            "chưa có kết quả. Áp dụng: “Hàng năm” hoặc “Cả nhiệm kỳ”.")
    ws = _planning_sheet(wb, SHEET_TERM_TARGETS, title, note, header)
    col = {h: i for i, h in enumerate(header)}
    is_text = [h in TEXT_COLUMNS for h in header]
    row = PLANNING_HEADER_ROW
    for values in rows:
        values = list(values)
        row += 1
        unit = clean(values[col["ĐVT"]]) if "ĐVT" in col and not _blank(values[col["ĐVT"]]) else ""
        goal = values[col["Mục tiêu nhiệm kỳ"]] if "Mục tiêu nhiệm kỳ" in col else None
        percent = is_percent_target(unit, "" if _blank(goal) else clean(goal))
        for c, (value, text) in enumerate(zip(values, is_text, strict=True), start=1):
            cell = put(ws, row, c, text_cell(value) if text else term_value_cell(value, percent))
            if header[c - 1] == "Nội dung":
                cell.alignment = WRAP
    if example and row > PLANNING_HEADER_ROW:
        _mark_example(ws, PLANNING_HEADER_ROW + 1)
    if "Nhóm" in col:
        _list_validation(ws, col["Nhóm"] + 1, TERM_GROUPS, PLANNING_HEADER_ROW + 1,
                         "Nhóm chỉ tiêu: Phối hợp thực hiện hoặc Công đoàn thực hiện.", strict=False)
    if "Áp dụng" in col:
        _list_validation(ws, col["Áp dụng"] + 1, APPLIES_VALUES, PLANNING_HEADER_ROW + 1,
                         "Hàng năm: năm nào cũng phải đạt; Cả nhiệm kỳ: mục tiêu cho cả nhiệm kỳ.")
    _widths(ws, {"A": 7, "B": 60, "C": 20, "D": 11, "E": 18, "F": 13})
    return ws


def add_budget_sheet(wb: Workbook, rows: Iterable[Sequence[object]], *, title: str = BUDGET_TITLE,
                     example: bool = False) -> Worksheet:
    """'Dự toán thu chi': title, "ĐVT: đồng", header Năm | Thu/Chi | Khoản mục | Kế hoạch, one row per
    source/category and year (`budget_rows`); dropdown on Thu/Chi. Amounts are numbers in đồng."""
    ws = _planning_sheet(wb, SHEET_BUDGET, title, UNIT_NOTE, BUDGET_COLUMNS)
    is_text = [h in TEXT_COLUMNS for h in BUDGET_COLUMNS]
    formats = {"Năm": "0", "Kế hoạch": INT_FORMAT}
    row = PLANNING_HEADER_ROW
    for values in rows:
        row += 1
        for c, (value, text) in enumerate(zip(values, is_text, strict=True), start=1):
            cell_value = text_cell(value) if text else number_cell(value)
            fmt = formats.get(BUDGET_COLUMNS[c - 1]) if isinstance(cell_value, int | float) else None
            put(ws, row, c, cell_value, fmt)
    if example and row > PLANNING_HEADER_ROW:
        _mark_example(ws, PLANNING_HEADER_ROW + 1)
    _list_validation(ws, BUDGET_COLUMNS.index("Thu/Chi") + 1, BUDGET_SIDES, PLANNING_HEADER_ROW + 1,
                     "Thu (kế hoạch thu) hoặc Chi (kế hoạch chi).")
    for letter, width in zip("ABCD", (8, 9, 34, 16), strict=True):
        ws.column_dimensions[letter].width = width
    return ws


# --------------------------------------------------------------------------- instructions


def _quoted(values: Iterable[str]) -> str:
    return ", ".join(f"“{v}”" for v in values)


def guide_lines(max_file_mb: float | None = None) -> list[tuple[str, str]]:
    """(style, text) lines of the "Hướng dẫn" sheet; style is 'title', 'heading' or ''."""
    if max_file_mb is None:
        max_file_mb = Limits.from_env().max_file_bytes / MB
    required = _quoted(c.label for c in schema.MEMBERS.required)
    optional = _quoted(c.label for c in schema.MEMBERS.columns if not c.required)
    return [
        ("title", "HƯỚNG DẪN NHẬP SỐ LIỆU ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ"),
        ("", "Tệp mẫu gồm các trang tính: “Thông tin”, “Đoàn viên”, “Phần thu”, “Phần chi”, "
             "“Chỉ tiêu”, “Khen thưởng”, “Chỉ tiêu nhiệm kỳ” và “Dự toán thu chi”. Nhập số liệu thật vào "
             "các trang này rồi tải tệp lên ứng dụng."),
        ("", "QUAN TRỌNG: mỗi trang có sẵn một dòng ví dụ (chữ nghiêng, màu xám) ngay dưới dòng tiêu đề "
             "bảng. Hãy xóa dòng ví dụ trước khi nhập số liệu thật — nếu không xóa, ứng dụng sẽ coi dòng "
             "ví dụ là số liệu."),
        ("", "Không đổi tên các cột ở dòng tiêu đề bảng (dòng chữ đậm). Tên cột viết hoa hay thường, "
             "có dấu hay không dấu đều được nhận ra; thứ tự cột có thể thay đổi."),
        ("heading", "1. Trang “Thông tin”"),
        ("", "Cột A là tên mục, cột B là giá trị: “Tên công đoàn”, “Đại hội lần thứ” (ví dụ: IV), "
             "“Nhiệm kỳ báo cáo” (ví dụ: 2012–2017), “Nhiệm kỳ tới” (ví dụ: 2017–2022). "
             "Các giá trị trong mẫu là ví dụ, hãy sửa lại cho đúng công đoàn của mình."),
        ("heading", "2. Trang “Đoàn viên” — danh sách đoàn viên, mỗi dòng một người"),
        ("", f"Cột bắt buộc: {required}. Cột không bắt buộc: {optional}."),
        ("", f"Giới tính: {_quoted(GENDERS)}."),
        ("", f"Trình độ chuyên môn: {_quoted(EDUCATION_LEVELS)}."),
        ("", f"Lý luận chính trị: {_quoted(POLITICAL_THEORY_LEVELS)}."),
        ("", f"Đảng viên: ghi “{PARTY_MARK}” nếu là đảng viên, để trống nếu không phải."),
        ("", "Năm sinh: ghi đủ 4 chữ số (ví dụ: 1985). Ngày vào công đoàn: ngày/tháng/năm (ví dụ: 01/05/2010)."),
        ("", "Các cột Giới tính, Trình độ chuyên môn, Lý luận chính trị, Đảng viên có danh sách chọn "
             "(bấm vào ô để thấy mũi tên)."),
        ("heading", "3. Trang “Phần thu” và “Phần chi” — thu, chi tài chính công đoàn theo năm"),
        ("", "ĐVT: đồng. Ghi đủ số đồng (ví dụ: 18.777.000), KHÔNG ghi theo nghìn đồng hay triệu đồng."),
        ("", "Dòng tiêu đề bảng: cột đầu là “Nguồn thu” (trang Phần thu) hoặc “Mục chi” (trang Phần chi), "
             "tiếp theo là các cột năm rồi cột “Tổng cộng”. Các năm trong mẫu (Năm 2013 … Năm 2017) chỉ là "
             "ví dụ: hãy sửa thành các năm của nhiệm kỳ báo cáo (thêm hoặc bớt cột năm nếu cần)."),
        ("", "Mỗi dòng là một nguồn thu hoặc một mục chi. Ô số tiền để trống được tính là 0."),
        ("", "Không cần nhập cột “Tổng cộng” và dòng “Tổng cộng”: ứng dụng tự cộng theo năm, theo khoản mục "
             "và tự tính số tồn cuối. Nếu có ghi các dòng, cột tổng thì ứng dụng sẽ đối chiếu với tổng tự tính."),
        ("", "Không dùng công thức: ứng dụng chỉ đọc giá trị đã tính sẵn trong tệp. Nếu tệp có công thức, "
             "hãy mở và lưu lại bằng Excel hoặc LibreOffice trước khi tải lên."),
        ("", f"Nếu có số dư đầu nhiệm kỳ, ghi một dòng “{OPENING_LABEL}” ở cột A trang “Phần thu”, phía trên "
             f"dòng tiêu đề bảng, số tiền ở cột “Tổng cộng”. Không có thì bỏ qua."),
        ("heading", "4. Trang “Chỉ tiêu” — kết quả thực hiện chỉ tiêu Nghị quyết Đại hội nhiệm kỳ báo cáo"),
        ("", "Cột: “STT”, “Nội dung”, “ĐVT”, “Mục tiêu”, “Kết quả”, “Đánh giá”. Bắt buộc: "
             "“Nội dung”, “ĐVT”, “Mục tiêu”, “Kết quả”."),
        ("", "STT chỉ ghi ở dòng đầu của mỗi nhóm chỉ tiêu; các dòng bên dưới để trống STT thì thuộc "
             "cùng nhóm."),
        ("", "Mục tiêu và Kết quả: ghi số (2), phần trăm (100%) hoặc chữ (Đạt, Vững mạnh)."),
        ("", f"Đánh giá: {_quoted(STATUSES)}. Có thể để trống: ứng dụng tự so kết quả với mục tiêu và "
             "báo khi đánh giá ghi trong tệp khác với kết quả so sánh."),
        ("heading", "5. Trang “Khen thưởng” — thành tích, khen thưởng trong nhiệm kỳ"),
        ("", "Cột: “Năm”, “Hình thức”, “Cấp”, “Đối tượng”, “Số lượng”, “Ghi chú”. Bắt buộc: "
             "“Năm”, “Hình thức”, “Cấp”, “Đối tượng”."),
        ("", "Năm: một năm (ví dụ: 2014) hoặc một giai đoạn (ví dụ: 2011-2013)."),
        ("", "Hình thức: ví dụ Bằng khen, Giấy khen, Cờ thi đua, Chiến sỹ thi đua, Tập thể lao động "
             "xuất sắc, Sáng kiến."),
        ("", f"Cấp: {_quoted(AWARD_LEVELS)}."),
        ("", f"Đối tượng: {_quoted(RECIPIENT_TYPES)}. Số lượng: số tập thể hoặc cá nhân được khen."),
        ("heading", "6. Trang “Chỉ tiêu nhiệm kỳ” — chỉ tiêu Nghị quyết nhiệm kỳ tới và kết quả từng năm"),
        ("", f"Cột: {_quoted(TERM_TARGET_COLUMNS)}, rồi các cột “Kết quả 2018” … “Kết quả 2022”. Bắt buộc: "
             "“Mã”, “Nội dung”, “Nhóm”, “Mục tiêu nhiệm kỳ”."),
        ("", "Mã: số hiệu chỉ tiêu trong Nghị quyết (ví dụ: 3.1, 3.10), mỗi chỉ tiêu một mã, không trùng nhau. "
             "Nội dung: nội dung chỉ tiêu. ĐVT: đơn vị tính (ví dụ: %, Người/năm, Lần/năm, Loại)."),
        ("", f"Nhóm: {_quoted(TERM_GROUPS)}."),
        ("", "Mục tiêu nhiệm kỳ: ghi số (1), phần trăm (95%) hoặc chữ (Hoàn thành, Vững mạnh xuất sắc)."),
        ("", f"Áp dụng: “{PER_YEAR_LABEL}” nếu năm nào cũng phải đạt mục tiêu; “{WHOLE_TERM_LABEL}” nếu mục "
             f"tiêu là tổng số hoặc mức cần đạt của cả nhiệm kỳ. Để trống thì hiểu là “{PER_YEAR_LABEL}”."),
        ("", "Các năm của nhiệm kỳ: nhiệm kỳ 2017–2022 gồm các năm 2018, 2019, 2020, 2021 và 2022 (năm 2017 "
             "là năm Đại hội, đã báo cáo trong nhiệm kỳ trước), mỗi năm một cột “Kết quả 2018” … “Kết quả "
             "2022”. Nhiệm kỳ khác thì sửa năm ở tiêu đề các cột cho khớp với “Nhiệm kỳ tới” ở trang "
             "“Thông tin”."),
        ("", "Kết quả nhập theo từng năm, vào cột của năm đó, cùng dạng với mục tiêu (số, phần trăm hoặc "
             "chữ). Ô kết quả để trống nghĩa là năm đó chưa có kết quả (không tính là chưa đạt)."),
        ("", f"Mục tiêu “{WHOLE_TERM_LABEL}” là một tổng số (ví dụ 30 người cả nhiệm kỳ): mỗi năm ghi số của "
             f"riêng năm đó (6, 7, 6). Nếu muốn ghi số cộng dồn đến năm đó (6, 13, 19) thì chọn Áp dụng "
             f"“{RUNNING_LABEL}”. Các năm chưa đến để trống: không bị tính là chậm tiến độ."),
        ("", "Nếu mục tiêu mỗi năm khác nhau, có thể thêm các cột “Mục tiêu 2018”, “Mục tiêu 2019”…: mục "
             "tiêu ghi ở cột của một năm thay cho “Mục tiêu nhiệm kỳ” trong năm đó."),
        ("heading", "7. Trang “Dự toán thu chi” — kế hoạch thu, chi theo năm"),
        ("", f"Cột: {_quoted(BUDGET_COLUMNS)}, tất cả đều bắt buộc. Mỗi dòng là số kế hoạch của một nguồn "
             "thu hoặc một mục chi trong một năm."),
        ("", "Năm: ghi đủ 4 chữ số (ví dụ: 2018). Thu/Chi: “Thu” (kế hoạch thu) hoặc “Chi” (kế hoạch chi), "
             "có danh sách chọn."),
        ("", "Khoản mục: ghi đúng tên nguồn thu, mục chi như ở trang “Phần thu”, “Phần chi” (viết hoa hay "
             "thường, có dấu hay không dấu đều được) để ứng dụng so sánh kế hoạch với số thực hiện."),
        ("", f"Kế hoạch: số tiền kế hoạch ({UNIT_NOTE}), ghi đủ số đồng (ví dụ: 21.500.000). Ô số tiền để "
             "trống được tính là 0 đ. "
             "Không cần dòng “Tổng cộng”: ứng dụng tự cộng."),
        ("heading", "8. Tải tệp lên"),
        ("", "Có thể để tất cả các trang trong một tệp, hoặc tách mỗi nội dung thành một tệp riêng (ví dụ: "
             "một tệp đoàn viên, một tệp tài chính) rồi tải lên cùng lúc. Ứng dụng nhận ra từng bảng theo "
             "dòng tiêu đề; có thể xóa các trang không dùng."),
        ("", f"Định dạng .xlsx (hoặc .xls). Dung lượng tối đa {max_file_mb:.0f} MB mỗi tệp. Không nhận tệp "
             "có macro (.xlsm) hoặc tệp đặt mật khẩu."),
    ]


def add_guide_sheet(wb: Workbook) -> Worksheet:
    """'Hướng dẫn': one text per row, all in column A (so no row can look like a table header)."""
    ws = wb.create_sheet(SHEET_GUIDE)
    ws.column_dimensions["A"].width = 110
    for row, (style, text) in enumerate(guide_lines(), start=1):
        cell = put(ws, row, 1, text)
        cell.alignment = WRAP
        if style == "title":
            cell.font = TITLE_FONT
        elif style == "heading":
            cell.font = BOLD
    return ws


# --------------------------------------------------------------------------- template


def add_layout_sheet(wb: Workbook, layout: SheetLayout, rows: Iterable[Sequence[object]],
                     example: bool = False) -> Worksheet:
    """A registered domain's sheet written from its declared layout: title row, header row, records."""
    ws = wb.create_sheet(layout.sheet)
    put(ws, 1, 1, text_cell(layout.title)).font = Font(bold=True, size=13)
    _header_row(ws, 2, layout.columns)
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            put(ws, 3 + offset, col, value if isinstance(value, int | float) else text_cell(value))
        if example:
            _mark_example(ws, 3 + offset)
    return ws


def _example_term_targets(wb: Workbook) -> None:
    header, rows = term_target_table([EXAMPLE_TERM_TARGET], EXAMPLE_TERM_YEARS)
    title = term_targets_title(UnionInfo(name="", next_term=EXAMPLE_INFO.next_term))
    add_term_targets_sheet(wb, header, rows, title=title, example=True)


def _example_finance(wb: Workbook) -> None:
    add_finance_sheet(wb, "revenue", EXAMPLE_YEARS, [EXAMPLE_REVENUE], example=True)
    add_finance_sheet(wb, "spending", EXAMPLE_YEARS, [EXAMPLE_SPENDING], example=True)


# The built-in domains' template sheets (their layouts are richer than a SheetLayout: dropdowns,
# year columns, finance totals). A registered domain with a `layout` gets the generic sheet.
BUILTIN_EXAMPLES = {
    "members": lambda wb: add_members_sheet(wb, [EXAMPLE_MEMBER], example=True),
    "finance": _example_finance,
    "targets": lambda wb: add_targets_sheet(wb, [EXAMPLE_TARGET], example=True),
    "awards": lambda wb: add_awards_sheet(wb, [EXAMPLE_AWARD], example=True),
    "term_targets": _example_term_targets,
    "budget": lambda wb: add_budget_sheet(wb, budget_rows([EXAMPLE_BUDGET]), example=True),
}


def build_template() -> Workbook:
    """The blank template workbook (with one example row per data sheet), one sheet per registered domain."""
    wb = Workbook()
    wb.remove(wb.active)
    add_guide_sheet(wb)
    add_info_sheet(wb, UnionInfo(name=""), example=EXAMPLE_INFO)  # the example never becomes a union's name
    for spec in registry.specs():
        if spec.key in BUILTIN_EXAMPLES:
            BUILTIN_EXAMPLES[spec.key](wb)
        elif spec.layout is not None:
            add_layout_sheet(wb, spec.layout, [spec.layout.example] if spec.layout.example else [],
                             example=True)
    wb.properties.creator = "unionboard"
    wb.properties.title = "Mẫu nhập số liệu Đại hội Công đoàn cơ sở"
    return wb


def write_template(target: str | os.PathLike | BinaryIO) -> None:
    """Write the blank template to a path or a binary file-like object."""
    wb = build_template()
    wb.save(os.fspath(target) if isinstance(target, str | os.PathLike) else target)


def template_bytes() -> bytes:
    """The blank template as .xlsx bytes (for a download button)."""
    buffer = io.BytesIO()
    write_template(buffer)
    return buffer.getvalue()



def info_workbook(info: UnionInfo) -> bytes:
    """A workbook holding only the "Thông tin" sheet of `info`: the committee's info form, stored as an upload."""
    wb = Workbook()
    wb.remove(wb.active)
    add_info_sheet(wb, info)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


__all__ = ["info_workbook", "write_template", "template_bytes", "build_template", "add_info_sheet", "add_members_sheet",
           "add_finance_sheet", "add_targets_sheet", "add_awards_sheet", "add_term_targets_sheet",
           "add_budget_sheet", "add_guide_sheet", "term_target_table", "budget_rows", "term_targets_title",
           "result_column", "target_column", "text_cell", "number_cell", "term_value_cell"]
