"""The "Quy định tài chính" section in the documents: present for the enterprise example, absent for the sample."""

from __future__ import annotations

import io

from docx import Document
from pypdf import PdfReader

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.docx import dataset_to_docx
from unionboard.export.pdf import dataset_to_pdf
from unionboard.export.report import build_report
from unionboard.export.rules_report import rules_section
from unionboard.sample.enterprise import enterprise_paths
from unionboard.sample.report import sample_paths


def dataset(paths):
    return check_files([SourceFile(p.name, p.read_bytes()) for p in paths]).dataset


def test_enterprise_documents_carry_the_rules_with_their_decisions() -> None:
    data = dataset(enterprise_paths())
    section = rules_section(data)
    assert section is not None and section.heading == "Quy định tài chính"
    table = next(b for b in section.blocks if getattr(b, "key", "") == "rules")
    violations = [cells for cells, _ in table.rows if cells[1] == "✖ Vi phạm"]
    assert len(violations) == 1 and violations[0][0] == "2024" and "8108" in violations[0][5]
    text = "\n".join(p.text for p in Document(io.BytesIO(dataset_to_docx(data))).paragraphs)
    assert "Quy định tài chính" in text
    docx = Document(io.BytesIO(dataset_to_docx(data)))
    cells = {c.text for tb in docx.tables for row in tb.rows for c in row.cells}
    assert "✖ Vi phạm" in cells and "99.840.000 đ" in cells
    assert dataset_to_pdf(data)[:4] == b"%PDF"


def test_the_documents_show_spending_groups_against_their_caps() -> None:
    """Word and PDF: the year's groups (the page chart's data function) as a table; the PDF draws them too."""
    data = dataset(enterprise_paths())
    groups = next(b for b in rules_section(data).blocks if getattr(b, "key", "") == "rules_groups")
    assert [cells for cells, _ in groups.rows] == [
        ("Lương, phụ cấp ≤ 45% đoàn phí", "✔ Đạt", "31.000.000 đ", "31.185.000 đ"),
        ("Thăm hỏi ≥ 40% đoàn phí", "✔ Đạt", "135.000.000 đ", "27.720.000 đ"),
        ("Chi khác ≤ 15% đoàn phí", "✔ Đạt", "0 đ", "10.395.000 đ")]  # 2025, the latest year checked
    docx = Document(io.BytesIO(dataset_to_docx(data, "en")))
    cells = {c.text for tb in docx.tables for row in tb.rows for c in row.cells}
    assert {"Spending group", "Visits ≥ 40% of dues", "135,000,000 VND"} <= cells
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(dataset_to_pdf(data))).pages)
    text = " ".join(text.split())
    title = "Năm 2025: chi theo nhóm so với mức trần / mức sàn (triệu đồng)"
    assert text.count(title) == 2 and "135,0" in text  # the table's heading and the drawn chart's title


def test_the_sample_documents_are_unchanged() -> None:
    data = dataset(sample_paths())
    assert rules_section(data) is None
    assert "rules" not in [s.key for s in build_report(data).sections]


def test_english_rules_and_settlement_documents_write_english_separators() -> None:
    """The rules table and the settlement summary in an English document: "99,840,000 VND", never "99.840.000"."""
    from helpers import vietnamese_separators

    from unionboard.export.rules_report import settlement_document

    data = dataset(enterprise_paths())
    docx = Document(io.BytesIO(dataset_to_docx(data, "en")))
    cells = {c.text for tb in docx.tables for row in tb.rows for c in row.cells}
    assert "99,840,000 VND" in cells and not vietnamese_separators(" ".join(cells))
    (year,) = [f.year for f in data.get("settlement")]
    summary = Document(io.BytesIO(settlement_document(data, year, "docx", "en")))
    cells = [c.text for tb in summary.tables for row in tb.rows for c in row.cells]
    amounts = [c for c in cells if c.endswith(" VND")]
    assert amounts and not vietnamese_separators(" ".join(amounts)), amounts
    assert any("," in c for c in amounts)
