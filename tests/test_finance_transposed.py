"""Finance, transposed layout: years down the rows, sources across, thu and chi side by side — real workbooks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from unionboard.domains import finance
from unionboard.domains.loader import check_files
from unionboard.read.workbook import Sheet

YEARS = [2013, 2014, 2015, 2016, 2017]
REVENUE = {"Thu ĐPCĐ 1%": [18_777_000, 21_335_000, 20_560_000, 20_450_000, 21_100_000],
           "LĐLĐ tỉnh cấp": [16_200_000, 4_500_000, 32_500_000, 18_500_000, 7_000_000],
           "CQ, ĐV hỗ trợ": [24_800_000, 38_145_000, 30_000_000, 22_435_000, 14_690_000]}
SPENDING = {"Chi Phụ cấp CB CĐ": [9_198_000, 9_522_000, 9_522_000, 9_666_000, None],
            "Chi HĐ phong trào": [45_162_000, 62_250_000, 57_570_000, 41_041_000, 36_084_000],
            "Thăm hỏi ốm đau": [3_600_000, 4_420_000, 6_000_000, 6_800_000, 6_000_000],
            "Chi trợ cấp, khuyết tật": [None, None, None, 2_000_000, None]}
# the balance at the end of each year from 0 (the report's figures): negative after 2014
CLOSING_BY_YEAR = {2013: 1_817_000, 2014: -10_395_000, 2015: -427_000, 2016: 1_451_000, 2017: 2_157_000}
ROOT = Path(__file__).resolve().parents[1]


def year_values(table: dict[str, list], i: int) -> list:
    return [values[i] for values in table.values()]


def total(values: list) -> int:
    return sum(v or 0 for v in values)


def save(path: Path, rows: list[list], name: str = "Sheet1", merges: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = name
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    for merged in merges:
        ws.merge_cells(merged)
    wb.save(path)
    return path


def one_side(title: str, table: dict[str, list], total_label: str) -> list[list]:
    """The report's table of one side, transposed: "Năm" | items | "Tổng cộng", then a total row."""
    rows = [[title], ["Năm", *table, "Tổng cộng"]]
    for i, year in enumerate(YEARS):
        values = year_values(table, i)
        rows.append([year, *values, total(values)])
    rows.append([total_label, *[total(v) for v in table.values()], total([total(v) for v in table.values()])])
    return rows


def transposed_rows() -> list[list]:
    return [["BÁO CÁO THU CHI TÀI CHÍNH CÔNG ĐOÀN NHIỆM KỲ 2012–2017"], ["ĐVT: đồng"],
            *one_side("* Phần thu", REVENUE, "Tổng cộng"), [],
            *one_side("* Phần chi", SPENDING, "Cộng")]


def report_layout(path: Path) -> Path:
    """The report's own layout (sources down, years across), for comparison."""
    rows = [["* Phần thu"], ["Nguồn thu", *[f"Năm {y}" for y in YEARS], "Tổng cộng"]]
    rows += [[label, *values, total(values)] for label, values in REVENUE.items()]
    rows += [[], ["* Phần chi"], ["Mục chi", *[f"Năm {y}" for y in YEARS], "Tổng cộng"]]
    rows += [[label, *values, total(values)] for label, values in SPENDING.items()]
    return save(path, rows, "Tài chính")


def side_by_side_rows(opening_row: bool = False, opening: int = 0) -> list[list]:
    """Thu and chi side by side under merged "Thu"/"Chi" group cells, balances per year in columns."""
    rows = [["QUYẾT TOÁN THU CHI CÁC NĂM"],
            ["Năm", "Tồn quỹ đầu năm", "Thu", None, None, None, "Chi", None, None, None, None, "Tồn quỹ cuối năm"],
            ["Năm", "Tồn quỹ đầu năm", *REVENUE, "Tổng thu", *SPENDING, "Tổng chi", "Tồn quỹ cuối năm"]]
    if opening_row:
        rows.append(["Số dư đầu kỳ", opening])
    balance = opening
    for i, year in enumerate(YEARS):
        rev, spend = year_values(REVENUE, i), year_values(SPENDING, i)
        start = balance
        balance += total(rev) - total(spend)
        rows.append([year, start, *rev, total(rev), *spend, total(spend), balance])
    return rows


SIDE_BY_SIDE_MERGES = ("A2:A3", "B2:B3", "C2:F2", "G2:K2", "L2:L3")


def assert_report_figures(fin, opening: int = 0) -> None:
    assert fin.total("revenue") == 310_992_000
    assert fin.total("spending") == 308_835_000
    assert fin.by_year("revenue") == {2013: 59_777_000, 2014: 63_980_000, 2015: 83_060_000,
                                      2016: 61_385_000, 2017: 42_790_000}
    assert fin.by_year("spending") == {2013: 57_960_000, 2014: 76_192_000, 2015: 73_092_000,
                                       2016: 59_507_000, 2017: 42_084_000}
    assert fin.by_item("revenue") == {"Thu ĐPCĐ 1%": 102_222_000, "LĐLĐ tỉnh cấp": 78_700_000,
                                      "CQ, ĐV hỗ trợ": 130_070_000}
    assert fin.by_item("spending") == {"Chi Phụ cấp CB CĐ": 37_908_000, "Chi HĐ phong trào": 242_107_000,
                                       "Thăm hỏi ốm đau": 26_820_000, "Chi trợ cấp, khuyết tật": 2_000_000}
    assert fin.opening_balance == opening
    assert fin.closing_balance == 2_157_000 + opening


def test_the_transposed_report_table_gives_the_same_finance_as_the_report_layout(tmp_path: Path) -> None:
    """Before, this sheet was refused as an awards table missing “Hình thức”, “Đối tượng”."""
    result = check_files([save(tmp_path / "chuyen-vi.xlsx", transposed_rows())])
    assert result.ok and not result.issues, result.issues
    assert result.sources == {"finance": "chuyen-vi.xlsx"}
    fin = result.dataset.finance
    assert_report_figures(fin)
    assert fin.cumulative_balance() == CLOSING_BY_YEAR
    normal = check_files([report_layout(tmp_path / "bao-cao.xlsx")]).dataset.finance
    assert sorted(fin.entries, key=repr) == sorted(normal.entries, key=repr)  # same items, years, amounts
    assert fin.closing_balance == normal.closing_balance == 2_157_000


def test_thu_and_chi_side_by_side_with_balances_per_year(tmp_path: Path) -> None:
    path = save(tmp_path / "canh-nhau.xlsx", side_by_side_rows(), "Quyết toán các năm", SIDE_BY_SIDE_MERGES)
    result = check_files([path])
    assert result.ok and not result.issues, result.issues
    fin = result.dataset.finance
    assert_report_figures(fin)
    assert fin.written_closing_balance == 2_157_000  # the last year's "Tồn quỹ cuối năm" (L9)


def test_an_opening_balance_row_carries_into_every_year(tmp_path: Path) -> None:
    rows = side_by_side_rows(opening_row=True, opening=1_000_000)
    result = check_files([save(tmp_path / "ton-dau.xlsx", rows, "Tài chính", SIDE_BY_SIDE_MERGES)])
    assert result.ok and not result.issues, result.issues
    fin = result.dataset.finance
    assert_report_figures(fin, opening=1_000_000)
    assert fin.written_closing_balance == 3_157_000


def test_a_wrong_balance_or_total_is_a_warning_naming_its_cell(tmp_path: Path) -> None:
    rows = side_by_side_rows()
    rows[4][11] = 5_000_000  # 2014's closing balance (L5), really -10.395.000
    rows[5][1] = 0  # 2015's opening balance (B6), really -10.395.000
    rows[3][5] = 1_000_000  # 2013's "Tổng thu" (F4), really 59.777.000
    result = check_files([save(tmp_path / "sai.xlsx", rows, "Tài chính", SIDE_BY_SIDE_MERGES)])
    found = {(i.code, i.cell) for i in result.warnings}
    assert found == {("finance_shapes.year_closing_mismatch", "L5"), ("finance_shapes.year_opening_mismatch", "B6"),
                     ("finance.total_mismatch", "F4")}
    closing = next(i for i in result.warnings if i.cell == "L5")
    assert closing.message == ("Tồn quỹ cuối năm 2014 ghi 5.000.000 đ ở L5 nhưng tính được −10.395.000 đ "
                               "(tồn đầu + thu − chi đến hết năm 2014).")
    assert_report_figures(result.dataset.finance)  # the amounts themselves are still read


def test_a_wrong_total_row_is_a_warning_naming_its_cell(tmp_path: Path) -> None:
    rows = transposed_rows()
    rows[9][1] = 100_000_000  # revenue total row, “Thu ĐPCĐ 1%” (B10), really 102.222.000
    result = check_files([save(tmp_path / "sai.xlsx", rows)])
    (warning,) = result.warnings
    assert (warning.code, warning.cell, warning.sheet, warning.file) == (
        "finance.total_mismatch", "B10", "Sheet1", "sai.xlsx")


def test_a_column_with_no_side_is_a_warning_naming_its_header_cell(tmp_path: Path) -> None:
    rows = [["Năm", "Đoàn phí", "Hỗ trợ"], [2016, 20_450_000, 22_435_000], [2017, 21_100_000, 14_690_000]]
    result = check_files([save(tmp_path / "tc.xlsx", rows, "Tài chính")])
    assert [(i.code, i.cell) for i in result.warnings] == [("finance_shapes.column_side_guessed", "B1"),
                                                           ("finance_shapes.column_side_guessed", "C1")]
    assert result.dataset.finance.total("revenue") == 78_675_000


def test_a_unit_note_scales_the_transposed_table(tmp_path: Path) -> None:
    rows = [["* Phần thu"], ["ĐVT: nghìn đồng"], ["Năm", "Đoàn phí", "Cấp trên cấp"],
            [2016, "20.450", "18.500"], [2017, "21.100", "7.000"]]
    fin = check_files([save(tmp_path / "tc.xlsx", rows)]).dataset.finance
    assert fin.by_year("revenue") == {2016: 38_950_000, 2017: 28_100_000}


def test_other_tables_with_a_year_column_are_not_finance() -> None:
    headcount = [["Năm", "Số đoàn viên", "Nữ"], [2016, 33, 17], [2017, 35, 18]]
    awards = [["Năm", "Hình thức", "Đối tượng"], [2014, "Bằng khen", "Cá nhân"], [2015, "Giấy khen", "Tập thể"]]
    budget = [["Năm", "Đoàn phí", "Hỗ trợ"], [2024, 20_000_000, 10_000_000], [2025, 21_000_000, 10_000_000]]
    assert finance.detect(Sheet("f.xlsx", "Sheet1", headcount)) is None
    assert finance.detect(Sheet("f.xlsx", "Khen thưởng", awards)) is None
    assert finance.detect(Sheet("f.xlsx", "Dự toán thu", budget)) is None


def test_detect_weighs_the_evidence_for_a_transposed_table() -> None:
    rows = [["Năm", "Đoàn phí", "Hỗ trợ"], [2016, 20_450_000, 22_435_000], [2017, 21_100_000, 14_690_000]]
    assert finance.detect(Sheet("f.xlsx", "Sheet1", [["* Phần thu"], *rows])) == pytest.approx(1.2)
    assert finance.detect(Sheet("f.xlsx", "Phần thu", rows)) == pytest.approx(1.5)
    # the labels' own words say money ("Đoàn phí", "Hỗ trợ")
    assert finance.detect(Sheet("f.xlsx", "Sheet1", rows)) == pytest.approx(1.2)
    # amounts by year with nothing saying money (no finance name, title, unit note, Thu/Chi group or money
    # word in the labels): not taken
    plain = [["Năm", "Khối A", "Khối B"], [2016, 20_450_000, 22_435_000], [2017, 21_100_000, 14_690_000]]
    assert finance.detect(Sheet("f.xlsx", "Sheet1", plain)) is None


def test_check_json_prints_one_object_for_each_transposed_shape(tmp_path: Path) -> None:
    files = [save(tmp_path / "a.xlsx", transposed_rows()),
             save(tmp_path / "b.xlsx", side_by_side_rows(True, 1_000_000), "Tài chính", SIDE_BY_SIDE_MERGES)]
    for path in files:
        proc = subprocess.run([sys.executable, "-m", "unionboard", "check", str(path), "--json"], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        data = json.loads(proc.stdout)  # exactly one object: json.loads refuses trailing text
        assert data["ok"] is True
        assert data["finance"]["revenue"]["total"] == 310_992_000
        assert data["finance"]["spending"]["total"] == 308_835_000
    conflict = save(tmp_path / "c.xlsx", [["* Phần thu", None, "ĐVT: đồng"], ["ĐVT: triệu đồng"],
                                          ["Năm", "Đoàn phí", "Hỗ trợ"], [2016, 20.45, 22.435], [2017, 21.1, 14.69]])
    proc = subprocess.run([sys.executable, "-m", "unionboard", "check", str(conflict), "--json"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    data = json.loads(proc.stdout)
    assert data["ok"] is False and proc.returncode != 0
    assert [(i["code"], i["cell"], i["sheet"], i["file"]) for i in data["issues"]] == [
        ("finance_shapes.unit_conflict", "A2", "Sheet1", "c.xlsx")]


def test_a_unit_in_a_column_header_scales_that_column_and_names_are_kept_clean(tmp_path: Path) -> None:
    rows = [["* Phần thu"], ["Năm", "Đoàn phí (nghìn đồng)", "Cấp trên cấp (ĐVT: triệu đồng)", "Hỗ trợ (đồng)"],
            [2016, "20.450", "18,5", 22_435_000], [2017, "21.100", 7, 14_690_000]]
    result = check_files([save(tmp_path / "tc.xlsx", rows)])
    assert not result.issues, result.issues
    fin = result.dataset.finance
    assert fin.by_item("revenue") == {"Đoàn phí": 41_550_000, "Cấp trên cấp": 25_500_000, "Hỗ trợ": 37_125_000}


def test_a_column_unit_that_contradicts_its_amounts_is_a_warning_naming_the_header(tmp_path: Path) -> None:
    rows = [["* Phần thu"], ["Năm", "Đoàn phí (nghìn đồng)"], [2016, 20_450_000], [2017, 21_100_000]]
    result = check_files([save(tmp_path / "tc.xlsx", rows)])
    (warning,) = result.warnings
    assert (warning.code, warning.cell) == ("finance.unit_too_large", "B2")
    assert result.dataset.finance.total("revenue") == 41_550_000


@pytest.mark.parametrize("numbers", [["(1)", "(2)", "(3)"], ["A", 1, 2]])
def test_a_column_number_row_under_the_transposed_header_is_skipped(tmp_path: Path, numbers) -> None:
    rows = [["* Phần thu"], ["Năm", "Đoàn phí", "Hỗ trợ"], numbers, [2016, 20_450_000, 22_435_000],
            [2017, 21_100_000, 14_690_000]]
    result = check_files([save(tmp_path / "tc.xlsx", rows)])
    assert result.ok and not result.issues, result.issues
    assert result.dataset.finance.by_year("revenue") == {2016: 42_885_000, 2017: 35_790_000}


def test_a_year_header_is_never_a_mans_sex() -> None:
    """“Nam” in every roster row once made the detector try each row as a header (3× slower on a roster)."""
    from unionboard.domains.finance.transposed import is_year_header

    assert [is_year_header(v) for v in ("Năm", "NĂM", "Year", "Năm tài chính", "Nam", "nam ", 2017, None)] == [
        True, True, True, True, False, False, False, False]


def test_the_transposed_tables_read_alike_from_legacy_xls_and_csv(tmp_path: Path) -> None:
    import csv

    import xlwt

    for rows, closing in ((transposed_rows(), 2_157_000), (side_by_side_rows(True, 1_000_000), 3_157_000)):
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("Sheet1")
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value is not None:
                    ws.write(r, c, value)
        wb.save(str(tmp_path / "tc.xls"))
        with open(tmp_path / "tc.csv", "w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)
        for name in ("tc.xls", "tc.csv"):
            result = check_files([tmp_path / name])
            assert result.ok and not result.issues, (name, result.issues)
            assert result.dataset.finance.total("revenue") == 310_992_000
            assert result.dataset.finance.closing_balance == closing


def test_a_planning_departments_union_is_not_taken_for_a_budget() -> None:
    """"Kế hoạch và Đầu tư" in a union's name is no plan; "Kế hoạch thu chi" and "Dự toán" are (one rule)."""
    from unionboard.core.text import fold
    from unionboard.domains.finance.common import names_budget

    assert not names_budget(fold("CÔNG ĐOÀN SỞ KẾ HOẠCH VÀ ĐẦU TƯ — THU CHI TÀI CHÍNH 2023–2025"))
    assert not names_budget(fold("Công đoàn Sở Kế hoạch Đầu tư"))
    assert names_budget(fold("KẾ HOẠCH THU CHI NĂM 2025")) and names_budget(fold("Dự toán 2025"))
    assert names_budget(fold("Kế hoạch"))
