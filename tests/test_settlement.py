"""Annual settlement (B07-TLĐ): rows by their text, Quyết toán as actual, Dự toán as plan, year from the title."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from openpyxl import Workbook

from unionboard.analysis.finance_rules import check_dataset
from unionboard.domains.loader import check_files
from unionboard.domains.settlement import Settlement, row_key
from unionboard.export.rules_report import settlement_document

ROWS = [
    ["A", "PHẦN A: CHỈ TIÊU CHUNG", None, None, None],
    ["1", "Số lao động", "01", 150, 152],
    ["2", "Số đoàn viên", "02", 120, 125],
    ["3", "Quỹ tiền lương đóng BHXH", "03", 13_000_000_000, 13_200_000_000],
    ["B", "PHẦN B: THU CHI", None, None, None],
    ["I", "Số dư đầu kỳ", "10", None, 20_000_000],
    ["1", "Thu đoàn phí", "21", 110_000_000, 115_200_000],
    ["2", "Thu kinh phí công đoàn", "22", 260_000_000, 264_000_000],
    [None, "Tổng thu", "30", 370_000_000, 379_200_000],
    ["1", "Chi thăm hỏi đoàn viên", "41", 120_000_000, 125_000_000],
    [None, "Tổng chi", "50", 360_000_000, 370_560_000],
    ["III", "Số dư cuối kỳ", "60", None, 28_640_000],
]


def write_form(path: Path, title: str = "BÁO CÁO QUYẾT TOÁN THU CHI TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ NĂM 2023") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "B07-TLĐ"
    ws.append([title])
    ws.append(["STT", "Nội dung", "Mã số", "Dự toán", "Quyết toán"])
    for row in ROWS:
        ws.append(row)
    wb.save(path)
    return path


def test_form_is_read_with_actual_and_plan(tmp_path: Path) -> None:
    result = check_files([write_form(tmp_path / "quyet-toan-2023.xlsx")])
    forms = result.dataset.get("settlement")
    assert isinstance(forms, tuple) and isinstance(forms[0], Settlement) and forms[0].year == 2023
    form = forms[0]
    assert form.figure("receipts") == 379_200_000 and form.figure("spending") == 370_560_000
    assert form.figure("workers") == 152 and form.figure("members") == 125
    dues = next(r for r in form.rows if r.key == "dues")
    assert (dues.code, dues.plan, dues.actual) == ("21", 110_000_000, 115_200_000)


def test_the_rules_read_the_settlement(tmp_path: Path) -> None:
    result = check_files([write_form(tmp_path / "quyet-toan-2023.xlsx")])
    found = {r.rule.id: r for r in check_dataset(result.dataset) if r.year == 2023}
    # the payroll is read; the form's KPCĐ row may be the whole 2% or the kept share: not fed to a rule
    assert found["kpcd_2pct"].status == "not_checkable" and found["kpcd_2pct"].missing == ("KPCĐ đã đóng (2%)",)
    assert found["closing_equation"].status == "ok" and found["closing_equation"].value == 28_640_000
    assert found["dues_1pct"].status == "not_checkable"
    assert "Tiền lương đóng BHXH của đoàn viên" in found["dues_1pct"].missing


def test_a_form_without_a_year_is_refused_with_its_cell(tmp_path: Path) -> None:
    result = check_files([write_form(tmp_path / "qt.xlsx", title="BÁO CÁO QUYẾT TOÁN")])
    assert result.dataset.get("settlement") is None
    assert [(i.code, i.cell) for i in result.issues if i.code.startswith("settlement.")] == [("settlement.no_year",
                                                                                              "A2")]


def test_summary_as_word_in_the_forms_order(tmp_path: Path) -> None:
    result = check_files([write_form(tmp_path / "quyet-toan-2023.xlsx")])
    doc = Document(io.BytesIO(settlement_document(result.dataset, 2023, "docx")))
    table = next(tb for tb in doc.tables if tb.rows[0].cells[0].text == "Mã số")
    texts = [row.cells[1].text for row in table.rows[1:]]
    assert texts == [row[1] for row in ROWS]
    assert table.rows[1 + 8].cells[3].text == "379.200.000 đ"
    assert settlement_document(result.dataset, 2023, "pdf")[:4] == b"%PDF"


def test_row_keys() -> None:
    assert row_key("Tổng thu") == "receipts" and row_key("Cộng chi") == "spending"
    assert row_key("Công đoàn cấp trên hỗ trợ") is None
    assert row_key("Số dư cuối kỳ") == "closing"
