"""The one total/signature-row rule every domain reader shares: totals and signature blocks are left out
with an info note naming their cell; people called Tống, Công or Tổng and a line "Công tác phí" are kept."""

from __future__ import annotations

import pytest
from helpers import workbook_bytes

from unionboard.core.models import BudgetLine, SourceFile
from unionboard.domains.delegates import Delegate
from unionboard.domains.loader import check_files
from unionboard.domains.rows import is_signature_text, is_total_text


@pytest.mark.parametrize("text", ["Tổng cộng", "TỔNG CỘNG", "Cộng: 10 đ/c", "Cộng", "Tổng thu", "Tong cong",
                                  "Total", "Tổng số: 12", "Cả nhiệm kỳ", "Tông cộng"])
def test_totals(text: str) -> None:
    assert is_total_text(text)


@pytest.mark.parametrize("text", ["Tống Văn An", "Công Thị Bình", "Tổng Thị Hoa", "Công tác phí", "Công",
                                  "Tống", "Công đoàn phí 2%", "tong van an", "Công 5", "Summary of 2024",
                                  "Tổng cộng " + "x" * 60])
def test_not_totals(text: str) -> None:
    assert not is_total_text(text)


def test_exact_keeps_a_target_text() -> None:
    assert is_total_text("Tổng số đoàn viên: 50")
    assert not is_total_text("Tổng số đoàn viên: 50", exact=True)
    assert is_total_text("Tổng cộng", exact=True)


def test_signature_lines() -> None:
    assert is_signature_text("Người lập biểu")
    assert is_signature_text("Hà Nội, ngày 12 tháng 5 năm 2024")
    assert not is_signature_text("Nguyễn Văn Lập")


DELEGATES_HEADER = ["STT", "Họ và tên", "Đơn vị", "Loại đại biểu"]


def test_delegates_called_tong_cong_tong_are_kept_and_the_total_is_noted() -> None:
    rows = [[1, "Tống Văn An", "Văn phòng", "Bầu"], [2, "Công Thị Bình", "Kế toán", "Bầu"],
            [3, "Tổng Thị Hoa", "Kế toán", "Đương nhiên"], [4, "Nguyễn Văn Cường", "Kho", "Chỉ định"],
            [5, "Cống Quỳnh", "Kho", "Bầu"], [None, "Cộng: 5 đại biểu", None, None],
            [], ["Người lập biểu", None, None, None], ["(Đã ký)", None, None, None]]
    data = workbook_bytes({"Đại biểu": [["DANH SÁCH ĐẠI BIỂU"], DELEGATES_HEADER, *rows]})
    result = check_files([SourceFile("dai-bieu.xlsx", data)])
    delegates = result.dataset.get("delegates")
    assert [d.name for d in delegates] == ["Tống Văn An", "Công Thị Bình", "Tổng Thị Hoa", "Nguyễn Văn Cường",
                                           "Cống Quỳnh"]
    assert delegates[0] == Delegate("Tống Văn An", "Văn phòng", "Bầu")
    notes = [(i.severity, i.code, i.cell) for i in result.issues]
    assert notes == [("info", "rows.skipped_total", "B8"), ("info", "rows.skipped_signature", "A10")]
    assert result.ok


def test_budget_line_cong_tac_phi_is_kept() -> None:
    rows = [[2024, "Chi", "Công tác phí", 12_000_000], [2024, "Chi", "Chi hoạt động phong trào", 30_000_000],
            [2024, "Chi", "Cộng chi", 42_000_000]]
    data = workbook_bytes({"Dự toán": [["DỰ TOÁN THU CHI 2024"], ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"],
                                       *rows]})
    result = check_files([SourceFile("du-toan.xlsx", data)])
    assert result.dataset.budget == (BudgetLine("spending", 2024, "Công tác phí", 12_000_000),
                                     BudgetLine("spending", 2024, "Chi hoạt động phong trào", 30_000_000))
    assert [(i.code, i.cell) for i in result.issues] == [("rows.skipped_total", "C5")]


def test_finance_item_cong_tac_phi_is_an_item_not_the_total() -> None:
    sheet = [["* Phần chi"], ["Mục chi", "Năm 2023", "Năm 2024", "Tổng cộng"],
             ["Công tác phí", 5_000_000, 6_000_000, 11_000_000],
             ["Chi hoạt động", 20_000_000, 25_000_000, 45_000_000],
             ["Cộng", 25_000_000, 31_000_000, 56_000_000]]
    result = check_files([SourceFile("tai-chinh.xlsx", workbook_bytes({"Phần chi": sheet}))])
    finance = result.dataset.finance
    assert finance.by_item("spending") == {"Công tác phí": 11_000_000, "Chi hoạt động": 45_000_000}
    assert finance.total("spending") == 56_000_000
    assert not [i for i in result.issues if i.severity != "info"]


def test_awards_total_row_and_target_rows() -> None:
    awards = [["Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng"],
              [2023, "Giấy khen", "Cơ sở", "Cá nhân", 3], ["Tổng cộng", None, None, None, 3]]
    targets = [["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả"],
               [1, "Tổng số đoàn viên kết nạp mới: 50", "người", 50, 52],
               [None, "Tổng cộng", None, None, None]]
    result = check_files([SourceFile("kt.xlsx", workbook_bytes({"Khen thưởng": awards, "Chỉ tiêu": targets}))])
    assert [a.count for a in result.dataset.awards] == [3]
    assert [t.text for t in result.dataset.targets] == ["Tổng số đoàn viên kết nạp mới: 50"]
    assert ("rows.skipped_total", "A3") in [(i.code, i.cell) for i in result.issues if i.sheet == "Khen thưởng"]
