"""The "Quy định tài chính" section in the documents: present for the enterprise example, absent for the sample."""

from __future__ import annotations

import io

from docx import Document

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
    table = section.blocks[-1]
    violations = [cells for cells, _ in table.rows if cells[1] == "✖ Vi phạm"]
    assert len(violations) == 1 and violations[0][0] == "2024" and "8108" in violations[0][5]
    text = "\n".join(p.text for p in Document(io.BytesIO(dataset_to_docx(data))).paragraphs)
    assert "Quy định tài chính" in text
    docx = Document(io.BytesIO(dataset_to_docx(data)))
    cells = {c.text for tb in docx.tables for row in tb.rows for c in row.cells}
    assert "✖ Vi phạm" in cells and "99.840.000 đ" in cells
    assert dataset_to_pdf(data)[:4] == b"%PDF"


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
