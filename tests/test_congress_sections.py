"""The credentials report and the election results as sections of the PDF dossier, .docx and .odt."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from unionboard.analysis import congress as C
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.congress_sections import (
    congress_sections,
    credentials_section,
    election_section,
)
from unionboard.export.docx import dataset_to_docx
from unionboard.export.pdf import dataset_to_pdf
from unionboard.export.report import Paragraph, Table
from unionboard.sample.report import sample_paths


@pytest.fixture(scope="module")
def dataset():
    return check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()]).dataset


@pytest.fixture(scope="module")
def report(dataset):
    people = C.convened(dataset)
    return C.credentials(people, C.sample_marks(people), C.DEFAULT_QUORUM, C.congress_year(dataset))


@pytest.fixture(scope="module")
def result():
    election = C.sample_election()
    return C.count_election(election, C.sample_entries(election))


def test_credentials_section_states_the_figures(report):
    section = credentials_section(report)
    assert section.heading == "Tình hình đoàn viên dự Đại hội"  # a congress of all members
    text = " ".join(b.text for b in section.blocks if isinstance(b, Paragraph))
    assert "33" in text and "30" in text and "90,9%" in text
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.rows[0] == (("", "Tổng số có mặt", "30", "90,9%"), True)
    assert any(cells[1].startswith("Giới tính") for cells, _ in table.rows)


def test_election_section_lists_every_candidate_in_order(result):
    section = election_section(result)
    assert section.heading.startswith("Kết quả bầu cử: ")
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    votes = [int(cells[2]) for cells, _ in table.rows]
    assert votes == sorted(votes, reverse=True) and len(votes) == len(result.election.candidates)
    assert "Phiếu phát ra: 30" in section.blocks[0].text


def test_the_pdf_dossier_carries_them_before_the_signature(dataset, report, result):
    pdf = dataset_to_pdf(dataset, extra_sections=congress_sections(report, [result]))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Tình hình đoàn viên dự Đại hội" in text and "Kết quả bầu cử" in text
    assert text.index("Kết quả bầu cử") < text.rindex("TM. BAN CHẤP HÀNH")
    assert "310.992.000" in text  # the report's own figures are still there
    top = result_rows_first_name(result)
    assert top in text


def test_the_word_report_takes_the_same_sections(dataset, report, result):
    from docx import Document

    doc = Document(io.BytesIO(dataset_to_docx(dataset, extra_sections=congress_sections(report, [result]))))
    paragraphs = "\n".join(p.text for p in doc.paragraphs)
    assert "Tình hình đoàn viên dự Đại hội" in paragraphs


def test_nothing_recorded_adds_nothing():
    assert congress_sections(None, []) == ()


def result_rows_first_name(result) -> str:
    from unionboard.present.congress import result_rows

    return result_rows(result)[0][1]


def test_documents_never_fail_on_long_names_emoji_and_cjk() -> None:
    from unionboard.analysis.congress import Election, count_election, tally_entry
    from unionboard.domains.loader import check_files
    from unionboard.export.congress_docx import minutes_docx
    from unionboard.export.congress_sections import CELL_MAX, congress_sections, election_rows
    from unionboard.export.pdf import dataset_to_pdf
    from unionboard.sample.report import sample_paths

    dataset = check_files(sample_paths()).dataset
    long = ("Nguyễn " * 285 + "😀🎉 王小明 김민준")[:2000]
    election = Election("Ban Chấp hành 😀 王", 2, (long, "王小明😀", "An"), 5, id=1)
    result = count_election(election, [tally_entry(election, 3, 3, 0, {long: 3, "王小明😀": 2})[0]])
    cells = [row[0][1] for row in election_rows(result)]
    assert len(cells[0]) == CELL_MAX and cells[0].endswith("…") and cells[1] == "王小明😀"
    assert minutes_docx(result, dataset.info, 33, 30).startswith(b"PK")
    sections = congress_sections(None, [result], "vi")
    assert any(long in getattr(block, "text", "") for block in sections[0].blocks)  # the sentence keeps it whole
    assert dataset_to_pdf(dataset, "vi", extra_sections=sections).startswith(b"%PDF")
