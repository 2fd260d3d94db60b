"""The one-year statement: receipts and spending side by side, the year in the title, read into the finance model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from openpyxl import Workbook

from tests.helpers import workbook_bytes
from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.models import SourceFile
from unionboard.domains import finance as finance_domain
from unionboard.domains.loader import check_files
from unionboard.read.workbook import read_sheets

REVENUE = [("Đoàn phí công đoàn", 50_000_000), ("KPCĐ được sử dụng", 120_000_000),
           ("Doanh nghiệp hỗ trợ", 30_000_000)]
SPENDING = [("Chi phụ cấp CB CĐ", 20_000_000), ("Thăm hỏi ốm đau", 60_000_000),
            ("Chi HĐ phong trào", 90_000_000), ("Chi quản lý hành chính", 10_000_000)]


def statement_rows(title: str = "QUYẾT TOÁN THU CHI NĂM 2024", revenue_total: int = 200_000_000,
                   closing: int = 25_000_000, amount_header: str = "Số tiền", scale: int = 1) -> list[list]:
    """A one-year statement as an enterprise union writes it: the date line, the title, STT | Nội dung thu |
    Số tiền | STT | Nội dung chi | Số tiền, totals, the balances, a signature block."""
    rows: list[list] = [["CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH ABC", None, None, None, "Hà Nội, ngày 15 tháng 01 năm 2025"],
                        [title], [],
                        ["STT", "Nội dung thu", amount_header, "STT", "Nội dung chi", amount_header]]
    for i in range(max(len(REVENUE), len(SPENDING))):
        rev = [i + 1, REVENUE[i][0], REVENUE[i][1] // scale] if i < len(REVENUE) else [None, None, None]
        spend = [i + 1, SPENDING[i][0], SPENDING[i][1] // scale] if i < len(SPENDING) else [None, None, None]
        rows.append(rev + spend)
    rows.append([None, "Tổng cộng", revenue_total // scale, None, "Tổng cộng", 180_000_000 // scale])
    rows.append([None, "Tồn quỹ đầu năm", 5_000_000 // scale])
    rows.append([None, "Tồn quỹ cuối năm", closing // scale])
    rows.append([])
    rows.append([None, "Người lập biểu", None, None, "TM. Ban chấp hành"])
    rows.append([None, "(Đã ký)", None, None, "(Đã ký)"])
    return rows


def check(rows: list[list], sheet: str = "Sheet1", name: str = "quyet-toan.xlsx"):
    return check_files([SourceFile(name, workbook_bytes({sheet: rows}))])


def test_the_statement_is_read_with_exact_figures() -> None:
    result = check(statement_rows())
    assert result.ok, [i.message for i in result.issues]
    fin = result.dataset.finance
    assert fin.years == (2024,)
    assert fin.by_item("revenue") == dict(REVENUE) and fin.by_item("spending") == dict(SPENDING)
    assert fin.total("revenue") == 200_000_000 and fin.total("spending") == 180_000_000
    assert fin.opening_balance == 5_000_000 and fin.written_closing_balance == 25_000_000
    assert fin.closing_balance == 25_000_000
    assert [(b.year, b.opening, b.closing) for b in fin.balances] == [(2024, 5_000_000, 25_000_000)]
    assert fin.balance_of(2024).closing_at.cell == "C11"
    # no total, balance or signature row became an item; the signature block is noted with its cell
    assert not {"Tổng cộng", "Tồn quỹ đầu năm", "Người lập biểu", "(Đã ký)"} & set(fin.items("revenue"))
    notes = [i for i in result.issues if i.code == "rows.skipped_signature"]
    assert [(n.cell, n.severity) for n in notes] == [("B13", "info")]
    assert result.sources["finance"] == "quyet-toan.xlsx"


def test_the_closing_equation_holds_for_the_statements_year() -> None:
    result = check(statement_rows())
    equation = [r for r in check_dataset(result.dataset) if r.rule.id == "closing_equation"]
    assert [(r.year, r.status, r.value, r.limit) for r in equation] == [(2024, "ok", 25_000_000, 25_000_000)]


def test_a_wrong_total_is_a_warning_naming_its_cell() -> None:
    result = check(statement_rows(revenue_total=210_000_000))
    mismatches = [i for i in result.issues if i.code == "finance.total_mismatch"]
    assert [i.cell for i in mismatches] == ["C9"]
    assert "210.000.000" in mismatches[0].message and "200.000.000" in mismatches[0].message
    assert result.dataset.finance.total("revenue") == 200_000_000


def test_a_wrong_closing_balance_is_a_warning_naming_its_cell() -> None:
    result = check(statement_rows(closing=26_000_000))
    assert [i.cell for i in result.issues if i.code == "finance.closing_mismatch"] == ["C11"]


def test_the_year_comes_from_the_title_not_the_signing_date() -> None:
    fin = check(statement_rows(title="BÁO CÁO THU CHI TÀI CHÍNH Năm 2023")).dataset.finance
    assert fin.years == (2023,)


def test_without_a_year_the_statement_is_refused_naming_the_title_cell() -> None:
    result = check(statement_rows(title="QUYẾT TOÁN THU CHI"))
    assert not result.ok and result.dataset.finance is None
    errors = [i for i in result.errors if i.code == "finance_years.statement_no_year"]
    assert [(e.sheet, e.cell) for e in errors] == [("Sheet1", "A2")]
    assert "A2" in errors[0].message and "B4" in errors[0].message and "năm" in errors[0].message
    assert "year" in errors[0].text("en") and "năm" not in errors[0].text("en").replace("NĂM", "")


def test_a_unit_in_the_amount_header_scales_the_amounts() -> None:
    rows = statement_rows(amount_header="Số tiền (nghìn đồng)", scale=1000)
    fin = check(rows).dataset.finance
    assert fin.total("revenue") == 200_000_000 and fin.written_closing_balance == 25_000_000


def test_numbered_balance_rows_are_balances_not_items() -> None:
    rows = [["QUYẾT TOÁN THU CHI NĂM 2025"], ["Nội dung thu", "Số tiền", "Nội dung chi", "Số tiền"],
            ["I. Tồn quỹ năm trước chuyển sang", 3_000_000, "1. Chi thăm hỏi", 4_000_000],
            ["II. Thu đoàn phí", 6_000_000, "2. Chi phong trào", 2_000_000],
            ["III. Tồn quỹ cuối năm", 3_000_000, None, None]]
    result = check(rows, sheet="Thu chi")
    fin = result.dataset.finance
    assert fin.by_item("revenue") == {"II. Thu đoàn phí": 6_000_000}
    assert (fin.opening_balance, fin.written_closing_balance, fin.closing_balance) == (3_000_000, 3_000_000, 3_000_000)


def _sheet(rows: list[list], name: str = "Sheet1"):
    return read_sheets(SourceFile("x.xlsx", workbook_bytes({name: rows})), None)[0]


def test_detection_leaves_a_settlement_form_and_a_targets_table_alone() -> None:
    b07 = [["BÁO CÁO QUYẾT TOÁN THU CHI TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ NĂM 2024"],
           ["STT", "Nội dung", "Mã số", "Dự toán", "Quyết toán"], ["I", "Số dư đầu kỳ", "10", 1, 1],
           ["1", "Thu đoàn phí", "21", 5, 5]]
    targets = [["Chỉ tiêu", "ĐVT", "Mục tiêu", "Kết quả"], ["Kết nạp đoàn viên", "người", 10, 12]]
    plan = [["Nội dung thu", "Dự toán", "Quyết toán", "Nội dung chi", "Dự toán", "Quyết toán"],
            ["Đoàn phí", 1, 1, "Thăm hỏi", 1, 1]]
    for rows in (b07, targets, plan):
        assert finance_domain.detect(_sheet(rows)) is None
    assert finance_domain.detect(_sheet(statement_rows())) == finance_domain.STATEMENT_SCORE
    assert check(b07).dataset.get("settlement") is not None and check(b07).dataset.finance is None


def test_check_json_prints_one_object(tmp_path: Path) -> None:
    for name, rows in (("ok.xlsx", statement_rows()), ("no-year.xlsx", statement_rows(title="THU CHI"))):
        wb = Workbook()
        for row in rows:
            wb.active.append(row)
        path = tmp_path / name
        wb.save(path)
        out = subprocess.run([sys.executable, "-m", "unionboard", "check", str(path), "--json"],
                             capture_output=True, text=True, check=False)
        data = json.loads(out.stdout)
        assert isinstance(data, dict)
        if name == "ok.xlsx":
            assert data["ok"] is True and data["finance"]["revenue"]["total"] == 200_000_000
            assert data["finance"]["spending"]["total"] == 180_000_000 and data["finance"]["closing_balance"] == 25_000_000
            assert data["finance"]["balances"] == {"2024": {
                "opening": 5_000_000, "closing": 25_000_000, "opening_at": "Sheet › C10",
                "closing_at": "Sheet › C11"}}
        else:
            assert data["ok"] is False and data["finance"] is None
            assert [i["code"] for i in data["issues"] if i["severity"] == "error"] == ["finance_years.statement_no_year"]


def test_the_statements_closing_is_checked_against_next_years_b07_opening() -> None:
    b07 = [["BÁO CÁO QUYẾT TOÁN THU CHI TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ NĂM 2025"],
           ["STT", "Nội dung", "Mã số", "Dự toán", "Quyết toán"], ["I", "Số dư đầu kỳ", "10", None, 24_000_000]]
    result = check_files([SourceFile("quyet-toan.xlsx", workbook_bytes({"Sheet1": statement_rows()})),
                          SourceFile("b07-2025.xlsx", workbook_bytes({"B07": b07}))])
    got = [r for r in check_dataset(result.dataset) if r.rule.id == "balance_continuity" and r.year == 2025]
    assert [(r.status, r.value, r.limit) for r in got] == [("violation", 24_000_000, 25_000_000)]
    assert got[0].where == ("b07-2025.xlsx › B07-TLĐ", "quyet-toan.xlsx › Sheet1 › C11")


def test_a_plan_is_never_read_as_what_was_received_and_spent() -> None:
    plan = statement_rows(title="DỰ TOÁN THU CHI NĂM 2025")
    assert finance_domain.detect(_sheet(plan)) is None
    assert check(plan).dataset.finance is None
    named = statement_rows(title="QUYẾT TOÁN THU CHI NĂM 2024 — CÔNG ĐOÀN SỞ KẾ HOẠCH VÀ ĐẦU TƯ")
    assert check(named).dataset.finance.total("revenue") == 200_000_000


def test_plain_content_headers_take_their_side_from_the_group_above() -> None:
    rows = [["QUYẾT TOÁN THU CHI NĂM 2024"], ["PHẦN THU", None, "PHẦN CHI"],
            ["Nội dung", "Số tiền", "Nội dung", "Số tiền"],
            ["Đoàn phí", 10_000_000, "Thăm hỏi", 4_000_000], ["Cộng", 10_000_000, "Cộng", 4_000_000]]
    fin = check(rows).dataset.finance
    assert fin.by_item("revenue") == {"Đoàn phí": 10_000_000} and fin.by_item("spending") == {"Thăm hỏi": 4_000_000}
    no_group = [rows[0], rows[2], rows[3]]
    assert finance_domain.detect(_sheet(no_group)) is None
