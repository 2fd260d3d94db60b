"""The blank input template (one workbook, one sheet per domain) and the sheet builders it shares
with `xlsx_export` so that a downloaded data set can be edited and uploaded again.

No cell holds a formula: files are read with calamine, which only sees cached values, and openpyxl
never computes them — the app computes every total itself.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import BinaryIO

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
    PER_YEAR_LABEL,
    RUNNING_LABEL,
    WHOLE_TERM_LABEL,
    applies_label,
    as_written,
    is_percent_target,
)
from unionboard.export.layouts import (
    APPLIES_VALUES,
    BUDGET_COLUMNS,
    BUDGET_SIDES,
    BUDGET_TITLE,
    CLOSING_LABEL,
    EXAMPLE_BUDGET,
    EXAMPLE_INFO,
    EXAMPLE_REVENUE,
    EXAMPLE_SPENDING,
    EXAMPLE_TERM_TARGET,
    EXAMPLE_TERM_YEARS,
    EXAMPLE_YEARS,
    FINANCE_SHEETS,
    INFO_ROWS,
    OPENING_LABEL,
    PARTY_MARK,
    PLANNING_HEADER_ROW,
    SHEET_BUDGET,
    SHEET_GUIDE,
    SHEET_INFO,
    SHEET_TERM_TARGETS,
    TERM_GROUPS,
    TERM_TARGET_COLUMNS,
    TEXT_COLUMNS,
    TOTAL_LABEL,
    UNIT_NOTE,
    VALIDATION_LAST_ROW,
    YEAR_CLOSING_LABEL,
    YEAR_OPENING_LABEL,
    Side,
    layout_of,
    result_column,
    target_column,
)
from unionboard.export.safe import INT_FORMAT, autosize_columns, excel_value
from unionboard.read.workbook import MB, Limits

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=13)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
EXAMPLE_FONT = Font(italic=True, color="7F7F7F")
WRAP = Alignment(wrap_text=True, vertical="top")
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)

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


def add_finance_sheet(wb: Workbook, side: Side, years: Sequence[int],
                      rows: Iterable[tuple[str, Sequence[int | None]]], *,
                      totals: bool = False, opening_balance: int | None = None,
                      closing_balance: int | None = None, example: bool = False,
                      year_balances: Mapping[int, tuple[int | None, int | None]] | None = None) -> Worksheet:
    """'Phần thu' / 'Phần chi' in the report's wide layout (items × years, in đồng).

    Row 1 title, row 2 "ĐVT: đồng", row 3 header (Nguồn thu|Mục chi, Năm …, Tổng cộng), then
    one row per item. With `totals`, the "Tổng cộng" column and a "Tổng cộng" row are written as
    values (never formulas). `opening_balance` adds a "Tồn đầu kỳ" row above the header and
    `closing_balance` a "Tồn cuối" row after the table; both have the label in column A and the
    value in the "Tổng cộng" column. `year_balances` (year → (opening, closing) as written) adds the
    "Tồn quỹ đầu năm" and "Tồn quỹ cuối năm" rows under them, each figure in its year's column (a year
    with none stays blank) — the rows the finance reader takes as each year's balances.
    """
    sheet_name, title, first_label = FINANCE_SHEETS[side]
    ws = wb.create_sheet(sheet_name)
    total_col = len(years) + 2
    put(ws, 1, 1, title).font = TITLE_FONT
    put(ws, 2, 1, UNIT_NOTE).font = Font(italic=True)
    header_row = 3
    if opening_balance is not None:
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
    if year_balances:
        _year_balance_rows(ws, row + 1, years, year_balances)
    ws.column_dimensions["A"].width = 34
    for col in range(2, total_col + 1):
        ws.column_dimensions[get_column_letter(col)].width = 15
    return ws


def _year_balance_rows(ws: Worksheet, row: int, years: Sequence[int],
                       year_balances: Mapping[int, tuple[int | None, int | None]]) -> None:
    """"Tồn quỹ đầu năm" then "Tồn quỹ cuối năm" from `row`, each written figure in its year's column."""
    for offset, label in enumerate((YEAR_OPENING_LABEL, YEAR_CLOSING_LABEL)):
        put(ws, row + offset, 1, label).font = BOLD
        for col, year in enumerate(years, start=2):
            amount = year_balances.get(year, (None, None))[offset]
            if amount is not None:
                put(ws, row + offset, col, amount, INT_FORMAT).font = BOLD


# --------------------------------------------------------------------------- planning sheets
# Shared by the template, `xlsx_export` (the data download) and `planning_export` (saving edits).


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
                     example: bool = False, extra_labels: Sequence[str] = ()) -> Worksheet:
    """A domain's record sheet written from its layout: a title row (unless the header is row 1), the
    header (then `extra_labels`, the upload's other columns), one row per record, the layout's number
    formats, wrapped columns, dropdowns and widths."""
    ws = wb.create_sheet(layout.sheet)
    if layout.header_row > 1:
        put(ws, 1, 1, text_cell(layout.title)).font = Font(bold=True, size=13)
    header = (*layout.columns, *extra_labels)
    _header_row(ws, layout.header_row, header)
    formats, wrapped = dict(layout.formats), set(layout.wrapped)
    first = layout.header_row + 1
    for offset, row in enumerate(rows):
        for col, value in enumerate(row, start=1):
            name = header[col - 1] if col <= len(header) else None
            whole = isinstance(value, int) and not isinstance(value, bool)
            cell = put(ws, first + offset, col,
                       value if layout.as_given or isinstance(value, int | float) else text_cell(value),
                       formats.get(name) if whole else None)
            if name in wrapped:
                cell.alignment = WRAP
        if example:
            _mark_example(ws, first + offset)
    for dropdown in layout.dropdowns:
        _list_validation(ws, header.index(dropdown.column) + 1, dropdown.values, first, dropdown.prompt,
                         strict=dropdown.strict)
    if layout.widths:
        _widths(ws, dict(layout.widths))
    return ws


def _example_term_targets(wb: Workbook) -> None:
    header, rows = term_target_table([EXAMPLE_TERM_TARGET], EXAMPLE_TERM_YEARS)
    title = term_targets_title(UnionInfo(name="", next_term=EXAMPLE_INFO.next_term))
    add_term_targets_sheet(wb, header, rows, title=title, example=True)


def _example_finance(wb: Workbook) -> None:
    add_finance_sheet(wb, "revenue", EXAMPLE_YEARS, [EXAMPLE_REVENUE], example=True)
    add_finance_sheet(wb, "spending", EXAMPLE_YEARS, [EXAMPLE_SPENDING], example=True)


# The built-in domains' sheets a `SheetLayout` cannot hold (year columns, finance totals, the planning
# sheets' title and note); every other domain's sheet is written from its layout (`layouts.layout_of`).
BUILTIN_EXAMPLES = {
    "finance": _example_finance,
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
        layout = layout_of(spec)
        if spec.key in BUILTIN_EXAMPLES:
            BUILTIN_EXAMPLES[spec.key](wb)
        elif layout is not None:
            add_layout_sheet(wb, layout, [layout.example] if layout.example else [], example=True)
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


__all__ = ["info_workbook", "write_template", "template_bytes", "build_template", "add_info_sheet",
           "add_finance_sheet", "add_layout_sheet", "add_term_targets_sheet",
           "add_budget_sheet", "add_guide_sheet", "term_target_table", "budget_rows", "term_targets_title",
           "result_column", "target_column", "text_cell", "number_cell", "term_value_cell"]
