"""template: the blank workbook opens, has every sheet, dropdowns and Vietnamese instructions, and
the app's own loader reads it back without errors."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from unionboard.core.models import (
    AWARD_LEVELS,
    EDUCATION_LEVELS,
    POLITICAL_THEORY_LEVELS,
    RECIPIENT_TYPES,
    STATUSES,
    SourceFile,
    UnionInfo,
)
from unionboard.core.text import fold
from unionboard.domains import schema
from unionboard.domains.loader import INFO_KEYS, check_files
from unionboard.export.template import template_bytes, term_value_cell, text_cell, write_template

SHEETS = ["Hướng dẫn", "Thông tin", "Đoàn viên", "Phần thu", "Phần chi", "Chỉ tiêu", "Khen thưởng",
          "Chỉ tiêu nhiệm kỳ", "Dự toán thu chi", "Đại biểu", "Số liệu quy định", "Sổ quỹ", "Nhóm quy định"]
TERM_HEADER = ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng", "Kết quả 2018",
               "Kết quả 2019", "Kết quả 2020", "Kết quả 2021", "Kết quả 2022"]


@pytest.fixture(scope="module")
def wb():
    return load_workbook(io.BytesIO(template_bytes()))


def _validations(ws: Worksheet, header_row: int = 1) -> dict[str, list[str]]:
    """Column letter → dropdown values, for every list validation of the sheet (rows below the header)."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        assert dv.type == "list"
        values = dv.formula1.strip('"').split(",")
        for cell_range in dv.sqref.ranges:
            assert cell_range.min_row == header_row + 1 and cell_range.max_row == 2000
            assert cell_range.min_col == cell_range.max_col
            out[ws.cell(row=1, column=cell_range.min_col).column_letter] = values
    return out


def _header(ws: Worksheet, row: int = 1) -> list:
    values = [c.value for c in ws[row]]
    while values and values[-1] is None:
        values.pop()
    return values


def test_sheets_in_order(wb):
    assert wb.sheetnames == SHEETS


def test_write_template_to_path_and_file_like(tmp_path: Path):
    path = tmp_path / "mau.xlsx"
    write_template(path)
    write_template(str(tmp_path / "mau2.xlsx"))
    buffer = io.BytesIO()
    write_template(buffer)
    assert path.read_bytes()[:2] == b"PK" and buffer.getvalue()[:2] == b"PK"
    assert load_workbook(tmp_path / "mau2.xlsx").sheetnames == SHEETS


def test_no_formulas_anywhere(wb):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} holds a formula"


def test_instructions_in_vietnamese(wb):
    text = "\n".join(str(c.value) for row in wb["Hướng dẫn"].iter_rows() for c in row if c.value)
    for phrase in ("HƯỚNG DẪN", "xóa dòng ví dụ", "ĐVT: đồng", "để trống được tính là 0",
                   "ứng dụng tự cộng", "Không dùng công thức", "tách mỗi nội dung thành một tệp riêng",
                   "Dung lượng tối đa", "Đảng viên", "Nam", "Nữ", "Vượt", "Chưa đạt",
                   "Tồn đầu kỳ", "Tổng Liên đoàn", "Tập thể", "Cá nhân",
                   # term targets
                   "Trang “Chỉ tiêu nhiệm kỳ”", "“Mã”", "“Nhóm”", "“Mục tiêu nhiệm kỳ”", "“Áp dụng”",
                   "“Phối hợp thực hiện”", "“Công đoàn thực hiện”", "“Hàng năm”", "“Cả nhiệm kỳ”",
                   "nhiệm kỳ 2017–2022 gồm các năm 2018, 2019, 2020, 2021 và 2022",
                   "“Kết quả 2018” … “Kết quả 2022”", "Kết quả nhập theo từng năm",
                   "Ô kết quả để trống nghĩa là năm đó chưa có kết quả", "“Mục tiêu 2018”",
                   # budget
                   "Trang “Dự toán thu chi”", "“Năm”, “Thu/Chi”, “Khoản mục”, “Kế hoạch”", "“Thu” (kế hoạch thu) hoặc “Chi”",
                   "Kế hoạch: số tiền kế hoạch (ĐVT: đồng)"):
        assert phrase in text, phrase
    assert "“Chỉ tiêu nhiệm kỳ” và “Dự toán thu chi”" in text  # listed among the sheets
    assert re.search(r"Dung lượng tối đa \d+ MB mỗi tệp", text)
    for column in schema.MEMBERS.required:
        assert f"“{column.label}”" in text
    # all text in column A, so no row of the guide can look like a table header
    assert wb["Hướng dẫn"].max_column == 1


def test_info_sheet_keys_fold_to_loader_keys(wb):
    ws = wb["Thông tin"]
    keys = [ws.cell(row=r, column=1).value for r in range(1, ws.max_row + 1)]
    assert keys == ["Tên công đoàn", "Đại hội lần thứ", "Nhiệm kỳ báo cáo", "Nhiệm kỳ tới", "Loại hình",
                    "Công đoàn cấp trên", "Ngày đại hội"]
    assert [INFO_KEYS[fold(k)] for k in keys] == ["name", "congress", "reported_term", "next_term", "kind",
                                                  "upper_union", "congress_date"]


def test_members_sheet(wb):
    ws = wb["Đoàn viên"]
    # the member code column is optional and written under the upload's own header, not in the template
    assert _header(ws) == [c.label for c in schema.MEMBERS.columns if c.key != "code"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.max_row == 2  # one example row
    assert ws["A2"].value and ws["B2"].value == "Nam"
    dropdowns = _validations(ws)
    col = {ws.cell(row=1, column=i).value: ws.cell(row=1, column=i).column_letter
           for i in range(1, ws.max_column + 1)}
    assert dropdowns == {
        col["Giới tính"]: ["Nam", "Nữ"],
        col["Trình độ chuyên môn"]: list(EDUCATION_LEVELS),
        col["Lý luận chính trị"]: list(POLITICAL_THEORY_LEVELS),
        col["Đảng viên"]: ["x"],
    }
    assert ws.column_dimensions["A"].width >= 20


@pytest.mark.parametrize(("sheet", "title", "label"), [("Phần thu", "PHẦN THU", "Nguồn thu"),
                                                       ("Phần chi", "PHẦN CHI", "Mục chi")])
def test_finance_sheets_wide_layout(wb, sheet, title, label):
    ws = wb[sheet]
    assert ws["A1"].value == title
    assert ws["A2"].value == "ĐVT: đồng"
    assert _header(ws, 3) == [label, "Năm 2013", "Năm 2014", "Năm 2015", "Năm 2016", "Năm 2017",
                              "Tổng cộng"]
    assert all(c.font.bold for c in ws[3])
    assert ws.freeze_panes == "A4"
    assert ws.max_row == 4  # one example row, no total row (the app computes totals)
    amounts = [ws.cell(row=4, column=c).value for c in range(2, 7)]
    assert all(isinstance(a, int) and a > 1_000_000 for a in amounts)  # đồng, not thousands
    assert ws.cell(row=4, column=7).value is None


def test_targets_sheet(wb):
    ws = wb["Chỉ tiêu"]
    assert _header(ws) == ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả", "Đánh giá"]
    assert ws.max_row == 2 and ws.freeze_panes == "A2"
    assert _validations(ws) == {"F": list(STATUSES)}


def test_awards_sheet(wb):
    ws = wb["Khen thưởng"]
    assert _header(ws) == ["Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng", "Ghi chú"]
    assert ws.max_row == 2 and ws.freeze_panes == "A2"
    assert _validations(ws) == {"C": list(AWARD_LEVELS), "D": list(RECIPIENT_TYPES)}


def test_term_targets_sheet(wb):
    ws = wb["Chỉ tiêu nhiệm kỳ"]
    assert ws["A1"].value == "CHỈ TIÊU NHIỆM KỲ 2017–2022"
    assert "“Kết quả 2018” … “Kết quả 2022”" in ws["A2"].value and "để trống" in ws["A2"].value
    assert _header(ws, 3) == TERM_HEADER
    assert all(c.font.bold for c in ws[3]) and ws.freeze_panes == "A4"
    assert ws.max_row == 4  # one example row
    example = [c.value for c in ws[4]]
    assert example[:6] == ["3.1", example[1], "Phối hợp thực hiện", "%", "100%", "Hàng năm"]
    assert ws["A4"].data_type == "s"  # the code is text
    assert example[6:] == ["100%", None, None, None, None]  # a result for 2018 only, later years blank
    assert ws["A4"].font.italic  # marked as an example
    assert _validations(ws, header_row=3) == {"C": ["Phối hợp thực hiện", "Công đoàn thực hiện"],
                                              "F": ["Hàng năm", "Cả nhiệm kỳ", "Cả nhiệm kỳ (lũy kế)"]}


def test_budget_sheet(wb):
    ws = wb["Dự toán thu chi"]
    assert ws["A1"].value == "DỰ TOÁN THU CHI" and ws["A2"].value == "ĐVT: đồng"
    assert _header(ws, 3) == ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"]
    assert ws.freeze_panes == "A4" and ws.max_row == 4
    assert [c.value for c in ws[4]] == [2018, "Thu", "Thu đoàn phí công đoàn (1%)", 21_500_000]
    assert ws["A4"].data_type == "n" and ws["D4"].data_type == "n" and ws["D4"].number_format == "#,##0"
    assert _validations(ws, header_row=3) == {"B": ["Thu", "Chi"]}


@pytest.mark.parametrize(("value", "percent", "cell"), [
    ("1", False, 1), ("1,5", False, 1.5), (2, False, 2), ("95%", True, "95%"), ("Tốt", False, "Tốt"),
    ("1.500", False, "1.500"),  # a number cell would read back as "1500"
    ("1", True, "1"),  # in a % row the number 1 would read back as "100%"
    ("=HYPERLINK(\"x\")", False, "'=HYPERLINK(\"x\")"), ("", False, None), (None, False, None),
    (float("nan"), False, None), (pd.NA, False, None),
])
def test_term_value_cell_reads_back_as_written(value, percent, cell):
    assert term_value_cell(value, percent) == cell


def test_text_cell_keeps_codes_as_text():
    assert text_cell("3.10") == "3.10" and text_cell(" 3.1 ") == "3.1"
    assert text_cell("@x") == "'@x" and text_cell(pd.NA) is None and text_cell("") is None


def test_loader_recognises_every_sheet_without_errors():
    """Round trip through the app's own reader: each data sheet feeds its domain, no issue at all."""
    result = check_files([SourceFile("mau.xlsx", template_bytes())])
    assert result.errors == (), [i.message for i in result.errors]
    assert result.warnings == (), [i.message for i in result.warnings]
    data = result.dataset
    assert set(data.domains()) == {"members", "finance", "targets", "awards", "term_targets", "budget", "delegates",
                                   "rule_lines", "cashbook", "rule_groups"}
    assert result.sheets["term_targets"] == (("mau.xlsx", "Chỉ tiêu nhiệm kỳ"),)
    assert result.sheets["budget"] == (("mau.xlsx", "Dự toán thu chi"),)
    assert data.info == UnionInfo()  # the info sheet's example is a comment: it never names another union
    assert len(data.members) == 1
    member = data.members.members[0]
    assert (member.gender, member.birth_year, member.education, member.political_theory,
            member.party_member) == ("Nam", 1985, "Đại học", "Trung cấp", True)
    assert data.finance.years == (2013, 2014, 2015, 2016, 2017)
    assert data.finance.total("revenue") == 102_222_000
    assert data.finance.total("spending") == 242_107_000
    assert [t.status for t in data.targets] == ["Đạt"]
    assert len(data.awards) == 1 and data.awards[0].level == "Tỉnh"
    (term,) = data.term_targets
    assert (term.code, term.group, term.unit, term.term_target, term.per_year, term.results) == \
        ("3.1", "Phối hợp thực hiện", "%", "100%", True, {2018: "100%"})
    assert term.text.startswith("Phổ biến, tuyên truyền")
    assert [(b.side, b.year, b.item, b.planned) for b in data.budget] == \
        [("revenue", 2018, "Thu đoàn phí công đoàn (1%)", 21_500_000)]


def test_info_sheet_example_is_a_comment_not_a_value(wb):
    ws = wb["Thông tin"]
    assert all(ws.cell(row=r, column=2).value is None for r in range(1, ws.max_row + 1))
    assert ws["B1"].comment.text == "Ví dụ: Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang"
    assert ws["B5"].comment.text == "Ví dụ: Cơ quan, đơn vị sự nghiệp"
