"""Unknown is not zero: a roster without party, education or political theory says so in every output."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from helpers import MEMBER_HEADER, workbook_bytes
from openpyxl import load_workbook
from pypdf import PdfReader

from unionboard.analysis import congress as C
from unionboard.analysis import findings
from unionboard.analysis.filters import filter_roster
from unionboard.analysis.metrics import member_summary
from unionboard.analysis.unknown import missing_sentence, not_in_data
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.docx import dataset_to_docx
from unionboard.export.pdf import dataset_to_pdf
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.present import charts
from unionboard.present.congress import composition_rows
from unionboard.present.slides import build_slides
from unionboard.present.tables import roster_table

ROOT = Path(__file__).resolve().parents[1]


def roster_bytes() -> bytes:
    """240 members of an enterprise union whose list has the columns but leaves education, political
    theory and party membership blank."""
    rows = [MEMBER_HEADER] + [[f"Công nhân {i}", "Nam" if i % 3 else "Nữ", 1975 + i % 30, f"Tổ {i % 8 + 1}",
                               None, None, None] for i in range(240)]
    return workbook_bytes({"Đoàn viên": rows})


@pytest.fixture(scope="module")
def dataset():
    return check_files([SourceFile("doan-vien.xlsx", roster_bytes())]).dataset


def test_the_details_a_roster_leaves_blank_are_not_in_the_data(dataset) -> None:
    assert not_in_data(dataset.members) == ("education", "political_theory", "party_member")
    summary = member_summary(dataset.members)
    assert summary["party_members"] is None and summary["party_members_female"] is None
    assert summary["by_education"] is None and summary["by_political_theory"] is None  # not {"Chưa có": 240}
    assert "không có" in missing_sentence(dataset.members, "vi")


def test_one_record_of_what_the_roster_lacks(dataset) -> None:
    """The roster's `absent` is the one record: `not_in_data` and check --json's "columns_absent" agree
    (a wholly blank party column was once "not in the data" yet missing from "columns_absent")."""
    roster = dataset.members
    assert {"education", "political_theory", "party_member"} <= roster.absent
    assert member_summary(roster)["columns_absent"] == sorted(roster.absent)
    assert set(not_in_data(roster)) == roster.absent & {"education", "political_theory", "party_member"}
    view = roster.with_frame(filter_roster(roster, departments=["Tổ 1"]))  # the members page's filtered view
    assert len(view) == 30 and not_in_data(view) == not_in_data(roster)
    assert charts.party_by_gender(view) is None


def test_sentences_charts_and_tables_say_so_instead_of_zero(dataset) -> None:
    roster = dataset.members
    assert findings.party_finding(roster, "vi") == "Dữ liệu không có thông tin đảng viên"
    assert findings.political_theory_finding(roster, "en") == "The data does not include political theory"
    summary = " ".join(findings.overview_summary(dataset, "vi"))
    assert "0 đảng viên" not in summary and "không có thông tin đảng viên" in summary
    assert charts.party_by_gender(roster) is None and charts.education_bar(roster) is None
    assert charts.political_theory_bar(roster) is None
    table = roster_table(roster.frame, "vi", unknown=not_in_data(roster))
    assert "Đảng viên" not in table.columns and "Lý luận chính trị" not in table.columns
    assert "None" not in table.astype(str).to_numpy().ravel().tolist()


def test_slides_and_documents_never_write_zero_for_it(dataset) -> None:
    slide = next(s for s in build_slides(dataset, "vi") if s.key == "members")
    assert all(label != "Đảng viên" for label, _ in slide.numbers)
    assert "0 đảng viên" not in slide.finding + slide.notes and "không có" in slide.notes
    word = " ".join(p.text for p in Document(io.BytesIO(dataset_to_docx(dataset))).paragraphs)
    pdf = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(dataset_to_pdf(dataset))).pages))
    for text in (word, pdf):
        assert "Dữ liệu không có thông tin đảng viên" in text, text[:400]
        assert "Chưa có: 240" not in text and "Đảng viên: 00" not in text and "0 đảng viên" not in text


def test_the_credentials_report_leaves_out_what_it_cannot_count(dataset) -> None:
    people = C.convened(dataset)
    report = C.credentials(people, tuple(C.Mark(p.key, C.PRESENT, id=i + 1) for i, p in enumerate(people)))
    assert report.group("party") is None and report.group("political_theory") is None
    assert not any("Đảng viên" in row[0] for row in composition_rows(report, "vi"))


def test_the_data_download_keeps_the_blank_cells_blank(dataset) -> None:
    sheet = load_workbook(io.BytesIO(dataset_to_xlsx(dataset)))["Đoàn viên"]
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "Chưa có" not in values


def test_check_text_and_json_say_unknown_not_zero(tmp_path) -> None:
    path = tmp_path / "doan-vien.xlsx"
    path.write_bytes(roster_bytes())
    run = [sys.executable, "-m", "unionboard", "check", str(path)]
    data = json.loads(subprocess.run([*run, "--json"], capture_output=True, text=True, cwd=ROOT).stdout)
    assert data["members"]["party_members"] is None
    text = subprocess.run(run, capture_output=True, text=True, cwd=ROOT).stdout
    assert "đảng viên: dữ liệu không có" in text and "đảng viên 0" not in text
