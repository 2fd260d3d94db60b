"""Finance: wide (the report's) and tidy layouts, unit notes, reconciliation, merging — real workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import xlwt

from unionboard.core.issues import IssueLog
from unionboard.domains import finance
from unionboard.domains.loader import check_files
from unionboard.read.workbook import Sheet

YEARS = [2013, 2014, 2015, 2016, 2017]

REVENUE_ROWS = [
    ["Thu ĐPCĐ 1%", 18_777_000, 21_335_000, 20_560_000, 20_450_000, 21_100_000, 102_222_000],
    ["LĐLĐ tỉnh cấp", 16_200_000, 4_500_000, 32_500_000, 18_500_000, 7_000_000, 78_700_000],
    ["CQ, ĐV hỗ trợ", 24_800_000, 38_145_000, 30_000_000, 22_435_000, 14_690_000, 130_070_000],
]
REVENUE_TOTAL = ["Tổng cộng", 59_777_000, 63_980_000, 83_060_000, 61_385_000, 42_790_000, 310_992_000]
SPENDING_ROWS = [
    ["Chi Phụ cấp CB CĐ ", 9_198_000, 9_522_000, 9_522_000, 9_666_000, None, 37_908_000, None],
    ["Chi HĐ phong trào", 45_162_000, 62_250_000, 57_570_000, 41_041_000, 36_084_000, 242_107_000, None],
    ["Thăm hỏi ốm đau", 3_600_000, 4_420_000, 6_000_000, 6_800_000, 6_000_000, 26_820_000, None],
    ["Chi trợ cấp, khuyết tật", None, None, None, 2_000_000, None, 2_000_000, None],
]
SPENDING_TOTAL = ["Cộng", 57_960_000, 76_192_000, 73_092_000, 59_507_000, 42_084_000, 308_835_000,
                  2_157_000]

REPORT_UNIT_WARNING = ("Ghi chú đơn vị “ĐVT: 1.000” không khớp độ lớn số liệu (ví dụ 18.777.000 ở B4 "
                       "sẽ thành 18.777.000.000 đ); đã hiểu số liệu là đồng.")


def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def write_xls(path: Path, sheets: dict[str, list[list]]) -> Path:
    wb = xlwt.Workbook(encoding="utf-8")
    for name, rows in sheets.items():
        ws = wb.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
    wb.save(str(path))
    return path


def vn(amount: int | None) -> str | None:
    """18777000 → '18.777.000' (text as typed in a Vietnamese workbook)."""
    return None if amount is None else f"{amount:,}".replace(",", ".")


def report_revenue_sheet(year_header=lambda y: f"Năm {y}") -> list[list]:
    return [["* Phần thu"], ["ĐVT: 1.000"],
            ["Nguồn thu", *[year_header(y) for y in YEARS], "Tổng cộng"],
            *[list(r) for r in REVENUE_ROWS], list(REVENUE_TOTAL)]


def report_spending_sheet() -> list[list]:
    return [["* Phần chi"],
            ["Mục chi", *[f"Năm {y}" for y in YEARS], "Tông cộng", "Tồn cuối"],
            *[list(r) for r in SPENDING_ROWS], list(SPENDING_TOTAL)]


def assert_report_figures(fin) -> None:
    assert fin is not None
    assert fin.total("revenue") == 310_992_000
    assert fin.by_year("revenue") == {2013: 59_777_000, 2014: 63_980_000, 2015: 83_060_000,
                                      2016: 61_385_000, 2017: 42_790_000}
    assert fin.by_item("revenue") == {"Thu ĐPCĐ 1%": 102_222_000, "LĐLĐ tỉnh cấp": 78_700_000,
                                      "CQ, ĐV hỗ trợ": 130_070_000}
    assert fin.total("spending") == 308_835_000
    assert fin.by_year("spending") == {2013: 57_960_000, 2014: 76_192_000, 2015: 73_092_000,
                                       2016: 59_507_000, 2017: 42_084_000}
    assert fin.by_item("spending") == {"Chi Phụ cấp CB CĐ": 37_908_000, "Chi HĐ phong trào": 242_107_000,
                                       "Thăm hỏi ốm đau": 26_820_000, "Chi trợ cấp, khuyết tật": 2_000_000}
    assert fin.opening_balance == 0
    assert fin.closing_balance == 2_157_000
    assert fin.written_closing_balance == 2_157_000
    assert fin.cumulative_balance()[2014] == -10_395_000
    table = fin.table("spending")
    assert int(table.loc["Chi trợ cấp, khuyết tật", 2016]) == 2_000_000
    assert int(table.loc["Chi Phụ cấp CB CĐ", 2017]) == 0


def messages(result) -> list[str]:
    return [i.message for i in result.issues]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture
def report_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "tai-chinh.xlsx",
                      {"Phần thu": report_revenue_sheet(), "Phần chi": report_spending_sheet()})


@pytest.fixture
def one_sheet_xlsx(tmp_path: Path) -> Path:
    """Both tables in one sheet, unit note glued to the title, numeric years, text amounts."""
    rows = [["* Phần thuĐVT: 1.000"],
            ["Nguồn thu", *YEARS, "Tổng cộng"],
            *[[r[0], *[vn(v) for v in r[1:]]] for r in REVENUE_ROWS],
            [REVENUE_TOTAL[0], *[vn(v) for v in REVENUE_TOTAL[1:]]],
            [], [],
            ["* Phần chi"],
            ["Mục chi", *YEARS, "Tông cộng", "Tồn cuối"],
            *[[r[0], *[vn(v) for v in r[1:]]] for r in SPENDING_ROWS],
            [SPENDING_TOTAL[0], *[vn(v) for v in SPENDING_TOTAL[1:]]]]
    return write_xlsx(tmp_path / "mot-trang.xlsx", {"Tài chính": rows})


# --------------------------------------------------------------------------- the report, end to end


def test_report_two_sheets_reproduces_the_report(report_xlsx: Path) -> None:
    result = check_files([report_xlsx])
    assert result.sources == {"finance": "tai-chinh.xlsx"}
    assert_report_figures(result.dataset.finance)
    assert [(i.severity, i.sheet, i.cell, i.message) for i in result.issues] == [
        ("warning", "Phần thu", "A2", REPORT_UNIT_WARNING)]


def test_both_tables_in_one_sheet_with_text_amounts(one_sheet_xlsx: Path) -> None:
    result = check_files([one_sheet_xlsx])
    assert_report_figures(result.dataset.finance)
    assert [(i.severity, i.cell) for i in result.issues] == [("warning", "A1")]
    assert messages(result)[0] == REPORT_UNIT_WARNING.replace("ở B4", "ở B3")


def test_numeric_year_headers_equal_text_year_headers(tmp_path: Path) -> None:
    numeric = write_xlsx(tmp_path / "a.xlsx", {"Thu": report_revenue_sheet(lambda y: y)})
    text = write_xlsx(tmp_path / "b.xlsx", {"Thu": report_revenue_sheet(str)})
    a, b = check_files([numeric]).dataset.finance, check_files([text]).dataset.finance
    assert a.entries == b.entries
    assert a.total("revenue") == 310_992_000


def test_revenue_and_spending_from_two_files_merge(tmp_path: Path) -> None:
    rev = write_xlsx(tmp_path / "thu.xlsx", {"Revenue": report_revenue_sheet()})
    spend = write_xlsx(tmp_path / "chi.xlsx", {"Spending": report_spending_sheet()})
    result = check_files([rev, spend])
    assert_report_figures(result.dataset.finance)
    assert result.sources["finance"] == "thu.xlsx, chi.xlsx"


def test_xls_file(tmp_path: Path) -> None:
    path = write_xls(tmp_path / "tai-chinh.xls",
                     {"Phần thu": report_revenue_sheet(), "Phần chi": report_spending_sheet()})
    result = check_files([path])
    assert_report_figures(result.dataset.finance)
    assert [i.cell for i in result.issues] == ["A2"]


# --------------------------------------------------------------------------- units


def test_unit_million_with_decimal_text(tmp_path: Path) -> None:
    rows = [["Phần chi"], ["ĐVT: triệu đồng"],
            ["Nội dung", "Năm 2016", "Năm 2017", "Cộng"],
            ["Chi thăm hỏi", "0,5", "1,25", "1,75"],
            ["Chi khen thưởng", 2, 0.3, 2.3]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Chi tiêu": rows})])
    fin = result.dataset.finance
    assert {(e.item, e.year): e.amount for e in fin.spending} == {
        ("Chi thăm hỏi", 2016): 500_000, ("Chi thăm hỏi", 2017): 1_250_000,
        ("Chi khen thưởng", 2016): 2_000_000, ("Chi khen thưởng", 2017): 300_000}
    assert fin.revenue == ()
    assert result.issues == ()


def test_unit_thousand_applied_when_amounts_are_small(tmp_path: Path) -> None:
    rows = [["* Phần thu (ĐVT: 1.000 đồng)"], ["Nguồn thu", 2013, 2014],
            ["Thu ĐPCĐ 1%", "18.777", 21335], ["Tổng cộng", "18.777", "21.335"]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Sheet1": rows})])
    fin = result.dataset.finance
    assert fin.by_year("revenue") == {2013: 18_777_000, 2014: 21_335_000}
    assert result.issues == ()


def test_unit_dong_with_small_decimals_is_a_warning(tmp_path: Path) -> None:
    rows = [["Phần thu"], ["ĐVT: đồng"], ["Nguồn thu", 2016, 2017],
            ["Mái ấm công đoàn", "100,61", 50]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Tài chính": rows})])
    fin = result.dataset.finance
    assert [(e.year, e.amount) for e in fin.revenue] == [(2016, 101), (2017, 50)]
    [issue] = result.issues
    assert issue.severity == "warning" and issue.cell == "A2"
    assert issue.message.startswith("Ghi chú đơn vị “ĐVT: đồng” không khớp độ lớn số liệu (ví dụ 100,61 ở B4")
    assert "đã giữ nguyên số liệu như ghi" in issue.message


# --------------------------------------------------------------------------- tidy tables


def test_tidy_one_sheet_per_side(tmp_path: Path) -> None:
    thu = [["Năm", "Khoản mục", "Số tiền"]] + [
        [y, r[0], r[i + 1]] for r in REVENUE_ROWS for i, y in enumerate(YEARS)]
    chi = [["Năm", "Khoản mục", "Số tiền"]] + [
        [y, r[0], r[i + 1]] for r in SPENDING_ROWS for i, y in enumerate(YEARS) if r[i + 1]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Thu": thu, "Chi": chi})])
    fin = result.dataset.finance
    assert fin.total("revenue") == 310_992_000
    assert fin.total("spending") == 308_835_000
    assert fin.by_item("spending")["Chi Phụ cấp CB CĐ"] == 37_908_000
    assert fin.written_closing_balance is None
    assert result.issues == ()


def test_tidy_with_side_column(tmp_path: Path) -> None:
    rows = [["Năm", "Thu/Chi", "Khoản mục", "Số tiền"],
            [2013, "Thu", "Thu ĐPCĐ 1%", "18.777.000"],
            [2013, "Phần chi", "Chi HĐ phong trào", 45_162_000],
            [2014, "Revenue", "thu ĐPCĐ 1%", 21_335_000],
            [2014, "Spending", "Chi HĐ phong trào", 62_250_000],
            [2014, "Chi", "Thăm hỏi ốm đau", 4_420_000]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Số liệu": rows})])
    fin = result.dataset.finance
    assert fin.by_item("revenue") == {"Thu ĐPCĐ 1%": 40_112_000}  # merged by fold, first label kept
    assert fin.by_year("spending") == {2013: 45_162_000, 2014: 66_670_000}
    assert result.issues == ()


# --------------------------------------------------------------------------- checks


def test_totals_mismatch_warns_with_cell_and_both_values(tmp_path: Path) -> None:
    rows = report_revenue_sheet()
    rows[3][6] = 102_000_000  # G4: row total of Thu ĐPCĐ 1% (computed 102.222.000)
    rows[6][2] = 64_000_000  # C7: 2014 total (computed 63.980.000)
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Phần thu": rows})])
    assert result.dataset.finance.total("revenue") == 310_992_000
    by_cell = {i.cell: i.message for i in result.issues}
    assert "102.000.000 đ" in by_cell["G4"] and "102.222.000 đ" in by_cell["G4"]
    assert "G4" in by_cell["G4"] and "“Thu ĐPCĐ 1%”" in by_cell["G4"]
    assert "64.000.000 đ" in by_cell["C7"] and "63.980.000 đ" in by_cell["C7"]
    assert "năm 2014" in by_cell["C7"]
    assert all(i.severity == "warning" for i in result.issues)
    assert set(by_cell) == {"A2", "G4", "C7"}


def test_grand_total_mismatch(tmp_path: Path) -> None:
    rows = report_spending_sheet()
    rows[6][6] = 308_000_000  # G7: the grand total
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Phần chi": rows})])
    [issue] = result.issues
    assert issue.cell == "G7"
    assert issue.message == ("Tổng cộng phần chi ghi 308.000.000 đ ở G7 nhưng tính được 308.835.000 đ "
                             "(chênh −835.000 đ); đã dùng số tính được.")


def test_closing_balance_mismatch(tmp_path: Path) -> None:
    spending = report_spending_sheet()
    spending[6][7] = 2_000_000  # H7
    path = write_xlsx(tmp_path / "f.xlsx", {"Phần thu": report_revenue_sheet(), "Phần chi": spending})
    result = check_files([path])
    fin = result.dataset.finance
    assert fin.written_closing_balance == 2_000_000
    assert fin.closing_balance == 2_157_000
    closing = [i for i in result.issues if i.cell == "H7"]
    assert len(closing) == 1 and closing[0].sheet == "Phần chi"
    assert "2.000.000 đ" in closing[0].message and "2.157.000 đ" in closing[0].message
    assert closing[0].message.startswith("Tồn cuối ghi 2.000.000 đ ở H7")


def test_negative_and_text_amounts(tmp_path: Path) -> None:
    rows = [["Phần chi"], ["Mục chi", "Năm 2016", "Năm 2017"],
            ["Chi HĐ phong trào", -500_000, "1.000.000"],
            ["Thăm hỏi ốm đau", "không rõ", "-"]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Sheet1": rows})])
    fin = result.dataset.finance
    assert {(e.item, e.year): e.amount for e in fin.spending} == {
        ("Chi HĐ phong trào", 2016): -500_000, ("Chi HĐ phong trào", 2017): 1_000_000}
    by_cell = {i.cell: i for i in result.issues}
    assert set(by_cell) == {"B3", "B4"}
    assert "âm −500.000 đ ở B3" in by_cell["B3"].message
    assert by_cell["B4"].message == ("Số tiền “không rõ” ở B4 (“Thăm hỏi ốm đau”, năm 2016) "
                                     "không phải là số; đã tính là 0.")


def test_opening_balance_row(tmp_path: Path) -> None:
    revenue = [["Phần thu"], ["Nội dung", 2016, 2017, "Cộng"],
               ["Tồn đầu kỳ", 1_000_000, None, None],
               ["Thu ĐPCĐ 1%", 5_000_000, 6_000_000, 11_000_000],
               ["Cộng", 5_000_000, 6_000_000, 11_000_000]]
    spending = [["Phần chi"], ["Mục chi", 2016, 2017, "Cộng"],
                ["Chi HĐ phong trào", 4_000_000, 3_000_000, 7_000_000],
                ["Cộng", 4_000_000, 3_000_000, 7_000_000],
                ["Tồn cuối", None, None, 5_000_000]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Tài chính": revenue + [[]] + spending})])
    fin = result.dataset.finance
    assert fin.opening_balance == 1_000_000
    assert fin.written_closing_balance == 5_000_000
    assert fin.closing_balance == 5_000_000
    assert fin.cumulative_balance() == {2016: 2_000_000, 2017: 5_000_000}
    assert fin.items("revenue") == ("Thu ĐPCĐ 1%",)
    assert result.issues == ()


def test_opening_balance_cell_outside_the_table(tmp_path: Path) -> None:
    rows = [["Số dư đầu kỳ: 300.000"], ["Phần thu"], ["", "Năm 2017"], ["Thu ĐPCĐ 1%", 100_000]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Thu": rows})])
    assert result.dataset.finance.opening_balance == 300_000
    assert result.issues == ()


def test_same_item_in_two_files_is_not_counted_twice(tmp_path: Path) -> None:
    a = write_xlsx(tmp_path / "a.xlsx", {"Thu": report_revenue_sheet()})
    b = write_xlsx(tmp_path / "b.xlsx", {"Thu": report_revenue_sheet()})
    result = check_files([a, b])
    assert result.dataset.finance.total("revenue") == 310_992_000
    [dup] = [i for i in result.issues if i.file == "b.xlsx" and i.code == "finance.duplicate_amounts"]
    assert dup.cell == "B4"
    assert dup.message.startswith("15 số liệu ở bảng này đã có ở a.xlsx › Thu")


def test_bundled_sample_data_reproduces_the_report() -> None:
    sample = Path(__file__).resolve().parent.parent / "data" / "tai-chinh.xlsx"
    result = check_files([sample])
    fin = result.dataset.finance
    assert fin.total("revenue") == 310_992_000 and fin.total("spending") == 308_835_000
    assert fin.written_closing_balance == 2_157_000 == fin.closing_balance
    assert all(i.severity == "warning" and i.code.startswith("finance.unit_") for i in result.issues)


def test_two_row_header_and_closing_row_below_the_table(tmp_path: Path) -> None:
    rows = [["Thu chi tài chính"], ["Nội dung", "Năm"], [None, "2016", "2017", "Cộng"],
            ["Thu ĐPCĐ 1%", 3_000_000, 3_000_000, 6_000_000],
            [], ["Khoản chi"], ["Nội dung", 2016, 2017],
            ["Chi HĐ phong trào", 1_000_000, 2_000_000], [],
            ["Tồn cuối", None, 3_000_000]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Thu chi": rows})])
    fin = result.dataset.finance
    assert fin.total("revenue") == 6_000_000 and fin.total("spending") == 3_000_000
    assert fin.written_closing_balance == 3_000_000
    assert result.issues == ()


def test_tidy_total_row_is_checked(tmp_path: Path) -> None:
    rows = [["Năm", "Nguồn thu", "Số tiền"], [2013, "Thu ĐPCĐ 1%", 100], [None, "LĐLĐ tỉnh cấp", 200],
            [2013, "Tổng cộng", 400]]
    result = check_files([write_xlsx(tmp_path / "f.xlsx", {"Thu": rows})])
    assert result.dataset.finance.by_year("revenue") == {2013: 300}
    [issue] = result.issues
    assert issue.cell == "C4" and "400 đ" in issue.message and "300 đ" in issue.message


# --------------------------------------------------------------------------- detect / parse on Sheet objects


def sheet(name: str, rows: list[list]) -> Sheet:
    return Sheet(file="t.xlsx", name=name, rows=[[("" if v is None else v) for v in r] for r in rows])


def test_detect_scores() -> None:
    wide = [["Nguồn thu", 2013.0, 2014.0], ["Thu ĐPCĐ 1%", 1.0, 2.0]]
    tidy = [["Năm", "Khoản mục", "Số tiền"], [2013.0, "Thu ĐPCĐ", 5.0]]
    assert finance.detect(sheet("Sheet1", wide)) == pytest.approx(1.2)
    assert finance.detect(sheet("Phần thu", wide)) == pytest.approx(1.5)
    assert finance.detect(sheet("Tài chính", wide)) == pytest.approx(1.5)
    assert finance.detect(sheet("Sheet1", tidy)) == pytest.approx(1.1)
    assert finance.detect(sheet("Chi", tidy)) == pytest.approx(1.4)


def test_detect_rejects_other_tables() -> None:
    members = [["STT", "Họ và tên", "Giới tính", "Năm sinh"], [1.0, "Nguyễn Văn A", "Nam", 1980.0],
               [2.0, "Trần Thị B", "Nữ", 1985.0]]
    term_targets = [["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", 2018.0, 2019.0],
                    ["3.5", "Kết nạp đảng viên", "Phối hợp", "Người", "1", "1", "1"]]
    awards = [["Năm", "Hình thức", "Cấp", "Đối tượng"], [2014.0, "Bằng khen", "Tỉnh", "Cá nhân"]]
    assert finance.detect(sheet("Đoàn viên", members)) is None
    assert finance.detect(sheet("Chỉ tiêu nhiệm kỳ", term_targets)) is None
    assert finance.detect(sheet("Khen thưởng", awards)) is None
    budget = [["Năm", "Thu/Chi", "Khoản mục", "Số tiền kế hoạch"], [2018.0, "Thu", "Thu ĐPCĐ", 5.0]]
    assert finance.detect(sheet("Empty", [])) is None
    assert finance.detect(sheet("Sheet1", budget)) is None
    wide = [["Nội dung", 2013.0, 2014.0], ["Quỹ A", 1.0, 2.0]]
    assert finance.detect(sheet("Chi tiết", wide)) == pytest.approx(1.2)  # "chi tiết" is no hint
    assert finance.detect(sheet("Dự toán thu chi", wide)) == pytest.approx(1.2)


def test_parse_side_from_labels_and_blank_label_header() -> None:
    log = IssueLog()
    rows = [["", "2016", "2017"], ["Chi HĐ phong trào", "1.000.000", 2_000_000.0],
            ["Chi thăm hỏi", None, 500_000.0]]
    fin = finance.parse([sheet("Sheet1", rows)], log)
    assert fin.by_year("spending") == {2016: 1_000_000, 2017: 2_500_000}
    assert fin.items("spending") == ("Chi HĐ phong trào", "Chi thăm hỏi")
    assert list(log) == []


def test_parse_unknown_side_warns_and_defaults_to_revenue() -> None:
    log = IssueLog()
    fin = finance.parse([sheet("Sheet1", [["Nội dung", "Năm 2017"], ["Quỹ A", 100.0]])], log)
    assert fin.by_item("revenue") == {"Quỹ A": 100}
    [issue] = list(log)
    assert issue.cell == "A1" and issue.code == "finance.side_guessed"


def test_parse_nothing_usable_returns_none_without_raising() -> None:
    log = IssueLog()
    assert finance.parse([sheet("Thu", [["xin chào"]]), sheet("Chi", [])], log) is None
    assert len(list(log)) == 2 and all(i.severity == "warning" for i in log)


# --------------------------------------------------------------------------- amounts as accountants write them


@pytest.mark.parametrize("written, expected", [
    ("(2.000.000)", -2_000_000), ("( 2.000.000 )", -2_000_000), ("18.777 nghìn", 18_777_000),
    ("18,8 triệu", 18_800_000), ("18.777.000 đ", 18_777_000), ("18.777.000 đồng", 18_777_000),
    ("18.777.000 VNĐ", 18_777_000), ("1,2 tỷ", 1_200_000_000), ("2 tr", 2_000_000),
    ("18 777 000 đ", 18_777_000), ("18.777.000 ₫", 18_777_000), ("18\u202f777\u202f000", 18_777_000),
    ("18\u00a0777\u00a0000 VNĐ", 18_777_000), ("(2.000.000) đ", -2_000_000), ("(2 000 000)", -2_000_000),
    ("-2.000.000 ₫", -2_000_000),
])
def test_amount_texts(written, expected) -> None:
    amount = finance.common.read_amount(written)
    assert amount.bad is None and amount.dong(1) == expected
    # a cell that names its own unit is not scaled again by the sheet's "ĐVT: 1.000"
    assert amount.dong(1000) == (expected if amount.explicit else expected * 1000)


@pytest.mark.parametrize("written", ["-", "—", "–", "  "])
def test_dashes_are_zero_not_errors(written) -> None:
    amount = finance.common.read_amount(written)
    assert amount.raw is None and amount.bad is None


def test_amounts_that_cannot_be_real_are_errors_naming_the_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["Nguồn thu", "Năm 2016", "Năm 2017"],
        ["Đoàn phí", 1e16, "18.777.000"],
        ["Hỗ trợ", "NaN", "1.000.000"],
        ["Khác", "#DIV/0!", "2.000.000.000.000.000.000"],
    ]})
    result = check_files([path])
    errors = {(i.cell, i.code) for i in result.errors}
    assert {("B2", "finance.amount_not_real"), ("B3", "finance.amount_not_real"), ("B4", "loader.error_value"),
            ("C4", "finance.amount_not_real")} <= errors
    assert not result.ok


def test_a_mixed_table_with_unit_words_reads_every_amount(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["PHẦN THU"], ["ĐVT: đồng"],
        ["Nguồn thu", "Năm 2016", "Năm 2017"],
        ["Đoàn phí", "18.777 nghìn", "21.100.000"],
        ["Hoàn ứng", "(2.000.000)", "-"],
    ]})
    fin = check_files([path]).dataset.finance
    assert fin.by_year("revenue") == {2016: 16_777_000, 2017: 21_100_000}


def test_subtotal_lines_are_not_counted_twice(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần chi": [
        ["Mục chi", "Năm 2016", "Năm 2017"],
        ["1. Chi phụ cấp", 9_666_000, 0],
        ["2. Chi hoạt động phong trào", 47_841_000, 42_084_000],
        ["- Văn nghệ, thể thao", 41_041_000, 36_084_000],
        ["- Thăm hỏi", 6_800_000, 6_000_000],
        ["Cộng phát sinh", 57_507_000, 42_084_000],
    ]})
    result = check_files([path])
    fin = result.dataset.finance
    assert fin.by_year("spending") == {2016: 57_507_000, 2017: 42_084_000}
    assert "2. Chi hoạt động phong trào" not in fin.by_item("spending")
    assert not [i for i in result.issues if i.severity != "info"]


def test_a_group_line_that_disagrees_with_its_items_is_a_warning(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["Nguồn thu", "Năm 2017"],
        ["I. Thu tại cơ sở", 30_000_000],
        ["- Đoàn phí", 21_100_000],
        ["- Thu khác", 8_000_000],
        ["II. Cấp trên cấp", 7_000_000],
    ]})
    result = check_files([path])
    assert result.dataset.finance.total("revenue") == 36_100_000
    (warning,) = result.warnings
    assert (warning.code, warning.cell) == ("finance.group_mismatch", "B2")


def test_a_finance_table_without_one_usable_amount_is_an_error(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["Nguồn thu", "Năm 2016", "Năm 2017"],
        ["Đoàn phí", "chưa có", "chưa có"],
        ["Cấp trên cấp", "-", "-"],
    ]})
    result = check_files([path])
    assert not result.ok
    assert [(i.code, i.sheet) for i in result.errors] == [("finance.no_usable_amount", "Phần thu")]


def test_tidy_group_lines_are_checked_not_added(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Thu": [
        ["Năm", "Khoản mục", "Số tiền"],
        [2017, "1. Thu tại cơ sở", 29_100_000],
        [2017, "- Đoàn phí", 21_100_000],
        [2017, "- Thu khác", 8_000_000],
        [2017, "2. Cấp trên cấp", 7_000_000],
        [2016, "1. Thu tại cơ sở", 20_000_000],
        [2016, "- Đoàn phí", 19_000_000],
    ]})
    result = check_files([path])
    fin = result.dataset.finance
    assert fin.by_year("revenue") == {2016: 19_000_000, 2017: 36_100_000}
    (warning,) = result.warnings
    assert (warning.code, warning.cell) == ("finance.group_mismatch", "C6")


def test_amounts_written_with_dong_signs_and_narrow_spaces_are_read_exactly(tmp_path) -> None:
    """“18.777.000 ₫” counted as 0 before; every common way of writing đồng is read to the đồng."""
    from openpyxl import Workbook

    from unionboard.domains.loader import check_files

    wb = Workbook()
    ws = wb.active
    ws.title = "Phần thu"
    for row in (["* Phần thu"], ["Nguồn thu", "Năm 2023", "Năm 2024"],
                ["Thu ĐPCĐ 1%", "18.777.000 ₫", "18\u202f800\u202f000"],
                ["LĐLĐ tỉnh cấp", "20 000 000 đ", "₫21.000.000"],
                ["CQ, ĐV hỗ trợ", "5.000.000 VNĐ", "5\u00a0500\u00a0000 đ"]):
        ws.append(row)
    wb.save(tmp_path / "tc.xlsx")
    result = check_files([tmp_path / "tc.xlsx"])
    finance = result.dataset.finance
    assert finance.by_year("revenue") == {2023: 43_777_000, 2024: 45_300_000}
    assert not result.errors


def test_a_closing_balance_row_per_year_gives_the_last_years_balance(tmp_path) -> None:
    """“Tồn quỹ cuối năm” under each year: the period closes with the last year's (2.157.000), not the
    first year's (which made every viewer see a false mismatch)."""
    from openpyxl import Workbook

    from unionboard.domains.loader import check_files

    wb = Workbook()
    thu = wb.active
    thu.title = "Phần thu"
    for row in (["* Phần thu"], ["Nguồn thu", "Năm 2016", "Năm 2017"], ["Thu ĐPCĐ 1%", 10_000_000, 12_000_000]):
        thu.append(row)
    chi = wb.create_sheet("Phần chi")
    for row in (["* Phần chi"], ["Mục chi", "Năm 2016", "Năm 2017"], ["Chi HĐ phong trào", 9_000_000, 10_843_000],
                ["Tồn quỹ cuối năm", 1_000_000, 2_157_000]):
        chi.append(row)
    wb.save(tmp_path / "tc.xlsx")
    result = check_files([tmp_path / "tc.xlsx"])
    finance = result.dataset.finance
    assert finance.written_closing_balance == 2_157_000 and finance.closing_balance == 2_157_000
    assert not [i for i in result.issues if i.code == "finance.closing_mismatch" or i.severity == "error"]


def test_a_wrong_closing_balance_of_one_year_is_a_warning_naming_its_cell(tmp_path) -> None:
    """Every year's “Tồn quỹ cuối năm” is read and checked, not only the last one."""
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["Nguồn thu", "Năm 2016", "Năm 2017"], ["Thu ĐPCĐ 1%", 10_000_000, 12_000_000]], "Phần chi": [
        ["Mục chi", "Năm 2016", "Năm 2017"], ["Chi HĐ phong trào", 9_000_000, 10_843_000],
        ["Tồn quỹ cuối năm", 1_500_000, 2_157_000]]})
    result = check_files([path])
    (warning,) = result.warnings
    assert (warning.code, warning.sheet, warning.cell) == ("finance_shapes.year_closing_mismatch", "Phần chi", "B3")
    assert "1.500.000 đ" in warning.message and "1.000.000 đ" in warning.message
    assert result.dataset.finance.written_closing_balance == 2_157_000


@pytest.mark.parametrize("note, written, expected", [
    ("ĐVT: triệu đồng", "18,777", 18_777_000), ("ĐVT: nghìn đồng", "18.777", 18_777_000),
    ("Đơn vị tính: 1.000 đồng", 18_777, 18_777_000), ("ĐVT: đồng", "18.777.000 ₫", 18_777_000),
])
def test_unit_notes_scale_the_figures(tmp_path, note, written, expected) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [["* Phần thu"], [note],
                                                          ["Nguồn thu", "Năm 2017"], ["Thu ĐPCĐ 1%", written]]})
    result = check_files([path])
    assert result.dataset.finance.total("revenue") == expected
    assert not [i for i in result.issues if i.severity != "info"], result.issues


def test_two_unit_notes_that_disagree_are_refused_naming_both_cells(tmp_path) -> None:
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [["* Phần thu", None, "ĐVT: đồng"], ["ĐVT: triệu đồng"],
                                                          ["Nguồn thu", "Năm 2017"], ["Thu ĐPCĐ 1%", 18_777]]})
    result = check_files([path])
    assert not result.ok
    (error,) = result.errors
    assert (error.code, error.sheet, error.cell) == ("finance_shapes.unit_conflict", "Phần thu", "A2")
    assert "“ĐVT: đồng” ở C1" in error.message and "“ĐVT: triệu đồng” ở A2" in error.message


def test_a_tidy_table_with_a_closing_balance_per_year_closes_with_the_last_years(tmp_path) -> None:
    """Before, the first year's “Tồn quỹ cuối năm” was taken: a false mismatch and a false conflict."""
    rows = [["Năm", "Thu/Chi", "Khoản mục", "Số tiền"],
            [2016, "Thu", "Đoàn phí", 10_000_000], [2016, "Chi", "Phong trào", 9_000_000],
            [2016, None, "Tồn quỹ cuối năm", 1_000_000],
            [2017, "Thu", "Đoàn phí", 12_000_000], [2017, "Chi", "Phong trào", 10_843_000],
            [2017, None, "Tồn quỹ cuối năm", 2_157_000]]
    result = check_files([write_xlsx(tmp_path / "tc.xlsx", {"Tài chính": rows})])
    assert result.ok and not result.issues, result.issues
    assert result.dataset.finance.written_closing_balance == result.dataset.finance.closing_balance == 2_157_000
    rows[3][3] = 1_200_000
    result = check_files([write_xlsx(tmp_path / "tc.xlsx", {"Tài chính": rows})])
    assert [(i.code, i.cell) for i in result.issues] == [("finance_shapes.year_closing_mismatch", "D4")]


@pytest.mark.parametrize("numbers", [["(1)", "(2)", "(3)"], ["A", 1, 2], [None, "1", "2"]])
def test_a_column_number_row_under_the_header_is_not_an_item(tmp_path, numbers) -> None:
    """“A | 1 | 2” was read as an item adding 1 đ and 2 đ with ok: true; “(2)” as −2 đ."""
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [
        ["Nguồn thu", "Năm 2016", "Năm 2017"], numbers, ["Đoàn phí", 10_000_000, 12_000_000]]})
    result = check_files([path])
    assert result.dataset.finance.by_year("revenue") == {2016: 10_000_000, 2017: 12_000_000}
    assert result.ok and not result.issues, result.issues


@pytest.mark.parametrize("title", ["Đơn vị: Công ty TNHH May Việt Tiến", "Đơn vị: Hợp tác xã Đông Anh",
                                   "Đơn vị báo cáo: Công đoàn cơ sở Trường THCS Đồng Tâm"])
def test_a_reporting_unit_in_the_title_is_no_unit_of_money(tmp_path, title) -> None:
    """“Công ty” folds to a word that reads as tỷ, “Đông Anh” as đồng: taken as a unit note, it conflicted with
    the real “ĐVT: nghìn đồng” (or scaled the amounts)."""
    path = write_xlsx(tmp_path / "tc.xlsx", {"Phần thu": [[title], ["ĐVT: 1.000đ"], ["Nguồn thu", "Năm 2025"],
                                                          ["Đoàn phí", "21.100"]]})
    result = check_files([path])
    assert result.ok and not [i for i in result.issues if i.severity != "info"], result.issues
    assert result.dataset.finance.total("revenue") == 21_100_000


def side_by_side_sheet(opening: int = 1_000_000) -> list[list]:
    """The report's two tables side by side in one header row, an opening-balance row, the totals and the
    balance at the end of each year under them."""
    rev = [list(r[:6]) for r in REVENUE_ROWS]
    spend = [list(r[:6]) for r in SPENDING_ROWS]
    rows = [["BÁO CÁO THU CHI TÀI CHÍNH"], ["ĐVT: đồng"],
            ["Nguồn thu", *[f"Năm {y}" for y in YEARS], "Mục chi", *[f"Năm {y}" for y in YEARS]],
            ["Tồn quỹ đầu năm", opening, None, None, None, None]]
    for i in range(4):
        rows.append([*(rev[i] if i < 3 else [None] * 6), *spend[i]])
    rows.append(["Tổng thu", *REVENUE_TOTAL[1:6], "Tổng chi", *SPENDING_TOTAL[1:6]])
    balance, closing = opening, []
    for year_revenue, year_spending in zip(REVENUE_TOTAL[1:6], SPENDING_TOTAL[1:6], strict=True):
        balance += year_revenue - year_spending
        closing.append(balance)
    rows.append(["Tồn quỹ cuối năm", *closing])
    return rows


def test_thu_and_chi_side_by_side_with_an_opening_balance_row(tmp_path) -> None:
    """Refused before as a table missing columns: the header row held a second table's label."""
    result = check_files([write_xlsx(tmp_path / "tc.xlsx", {"Sheet1": side_by_side_sheet()})])
    assert result.ok and not result.issues, result.issues
    fin = result.dataset.finance
    assert fin.total("revenue") == 310_992_000 and fin.total("spending") == 308_835_000
    assert fin.by_item("spending")["Chi trợ cấp, khuyết tật"] == 2_000_000
    assert fin.opening_balance == 1_000_000
    assert fin.closing_balance == fin.written_closing_balance == 3_157_000


def test_side_by_side_totals_and_balances_are_checked_with_their_cells(tmp_path) -> None:
    rows = side_by_side_sheet()
    rows[8][8] = 60_000_000  # "Tổng chi" 2014 (I9), really 76.192.000
    rows[9][2] = 0  # 2014's closing balance (C10), really −9.395.000
    result = check_files([write_xlsx(tmp_path / "tc.xlsx", {"Sheet1": rows})])
    assert {(i.code, i.cell) for i in result.warnings} == {("finance.total_mismatch", "I9"),
                                                          ("finance_shapes.year_closing_mismatch", "C10")}
    assert result.dataset.finance.total("spending") == 308_835_000
