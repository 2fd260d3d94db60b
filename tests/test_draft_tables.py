"""The draft's tables as a workbook: the reference draft's tables give the sample's finance and targets."""

from __future__ import annotations

import io

import openpyxl

from unionboard.analysis.metrics import summary
from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.draft_tables import draft_tables_xlsx
from unionboard.read.draft import read_draft
from unionboard.sample.draft import draft_docx


def test_the_reference_draft_s_tables_are_the_sample_s_data():
    draft = read_draft(SourceFile("du-thao.docx", draft_docx()), IssueLog())
    data = draft_tables_xlsx(draft)
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Phần thu", "Phần chi", "Bảng 3"]
    assert book["Phần thu"]["B4"].value == 18_777_000 and book["Phần thu"]["A1"].value == "* Phần thuĐVT: 1.000"
    result = check_files([SourceFile("bang-du-thao.xlsx", data)])
    s = summary(result)
    assert (s["finance"]["revenue"]["total"], s["finance"]["spending"]["total"]) == (310_992_000, 308_835_000)
    assert s["finance"]["closing_balance"] == 2_157_000
    assert s["targets"] == {"total": 9, "by_status": {"Vượt": 2, "Đạt": 7, "Chưa đạt": 0}}
    assert not result.errors


def test_text_that_looks_like_a_formula_stays_text():
    draft = read_draft(SourceFile("d.txt", "Bảng\n=HYPERLINK(\"x\")\t-5\n".encode()), IssueLog())
    sheet = openpyxl.load_workbook(io.BytesIO(draft_tables_xlsx(draft))).active
    assert sheet["A3"].value.startswith("'=") and sheet["B3"].value == "'-5"
