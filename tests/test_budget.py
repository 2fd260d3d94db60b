"""Budget (dự toán): Năm | Thu/Chi | Khoản mục | Kế hoạch, parsed without raising."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from unionboard.core.models import BudgetLine
from unionboard.domains.loader import check_files
from unionboard.sample.plan import ILLUSTRATIVE, build_budget
from unionboard.sample.report import build_finance

HEADER = ["Năm", "Thu/Chi", "Khoản mục", "Kế hoạch"]


def _write(path: Path, rows: list[list], note: str | None = None, sheet: str = "Dự toán") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["DỰ TOÁN THU CHI 2018"])
    ws.append([note] if note else [])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_sample_budget_is_budget_not_finance(tmp_path: Path) -> None:
    build_budget().save(tmp_path / "du-toan.xlsx")
    build_finance().save(tmp_path / "tai-chinh.xlsx")
    result = check_files([tmp_path / "du-toan.xlsx", tmp_path / "tai-chinh.xlsx"])
    assert result.sources["budget"] == "du-toan.xlsx"
    assert result.sources["finance"] == "tai-chinh.xlsx"
    assert result.issues_for("budget") == ()
    budget = result.dataset.budget
    assert len(budget) == 7 * 6  # 7 items × (2013–2017 + 2018)
    assert BudgetLine("revenue", 2013, "Thu ĐPCĐ 1%", 20_000_000) in budget
    assert BudgetLine("spending", 2018, "Chi HĐ phong trào", 30_000_000) in budget
    assert "minh họa" in ILLUSTRATIVE  # the invented plan says so in its title row


def test_rows_and_unit_note(tmp_path: Path) -> None:
    result = check_files([_write(tmp_path / "b.xlsx", [
        [2018, "Thu", "Thu ĐPCĐ 1%", "21.500"],
        ["Năm 2018", "chi", "Chi HĐ phong trào", 30000],
        [None, None, "Tổng cộng", 51500],
    ], note="ĐVT: 1.000 đồng")])
    assert [(i.severity, i.code, i.cell) for i in result.issues] == [("info", "rows.skipped_total", "C6")]
    assert result.dataset.budget == (
        BudgetLine("revenue", 2018, "Thu ĐPCĐ 1%", 21_500_000),
        BudgetLine("spending", 2018, "Chi HĐ phong trào", 30_000_000),
    )


def test_bad_rows_are_reported_and_skipped(tmp_path: Path) -> None:
    result = check_files([_write(tmp_path / "b.xlsx", [
        ["hai nghìn", "Thu", "Thu ĐPCĐ 1%", 1],
        [2018, "Vay", "Thu ĐPCĐ 1%", 1],
        [2018, "Thu", None, 1],
        [2018, "Thu", "Thu ĐPCĐ 1%", "nhiều"],
        [2018, "Chi", "Thăm hỏi", -5],
        [2018, "Chi", "Thăm hỏi", None],
        [2018, "Chi", "Chi HĐ phong trào", 1_000_000],
        [2018, "Chi", "chi hđ phong trào", 500_000],
    ])])
    errors = {e.cell: e.message for e in result.errors}
    assert set(errors) == {"A4", "B5", "C6", "D7", "D8"}
    assert "“hai nghìn”" in errors["A4"] and "“Vay”" in errors["B5"] and "âm" in errors["D8"]
    warnings = {w.cell: w.message for w in result.warnings}
    assert "chưa có số kế hoạch" in warnings["D9"]
    assert "cộng dồn" in warnings["C11"]
    assert result.dataset.budget == (
        BudgetLine("spending", 2018, "Thăm hỏi", 0),
        BudgetLine("spending", 2018, "Chi HĐ phong trào", 1_500_000),
    )
