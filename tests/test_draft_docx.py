"""The commented .docx: Word comments on the right runs, tracked changes, every other part byte for byte."""

from __future__ import annotations

import functools
import io
import zipfile

import docx

from unionboard.analysis.draft_check import Claim, check_report
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.draft_docx import annotated_docx, replacement
from unionboard.sample.draft import draft_docx, sample_draft_text
from unionboard.sample.report import sample_paths


@functools.lru_cache(maxsize=1)
def sample():
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    return check_files(files), files


def test_commented_docx_round_trip():
    text = sample_draft_text().replace("33đoàn viên", "34đoàn viên")
    source = SourceFile("d.docx", draft_docx(text))
    result, files = sample()
    check = check_report(source, result, files)
    out = annotated_docx(source, check, track=True)
    document = docx.Document(io.BytesIO(out))
    comments = list(document.comments)
    assert len(comments) == 2
    assert "33" in comments[0].text and "doan-vien.xlsx" in comments[0].text
    body = document.element.xml
    # the comment range holds the replaced figure: deleted "34", inserted "33"
    start = body.index('w:commentRangeStart w:id="0"')
    end = body.index('w:commentRangeEnd w:id="0"')
    assert "<w:delText" in body[start:end] and ">34</w:delText>" in body[start:end]
    assert ">33</w:t>" in body[start:end]
    before, after = zipfile.ZipFile(io.BytesIO(source.data)), zipfile.ZipFile(io.BytesIO(out))
    changed = {n for n in before.namelist() if before.read(n) != after.read(n)}
    assert changed == {"word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"}
    assert set(after.namelist()) - set(before.namelist()) == {"word/comments.xml"}


def test_comment_without_tracked_changes_keeps_the_text():
    source = SourceFile("d.docx", draft_docx())
    result, files = sample()
    out = annotated_docx(source, check_report(source, result, files))
    document = docx.Document(io.BytesIO(out))
    assert [p.text for p in document.paragraphs] == [p.text for p in docx.Document(io.BytesIO(source.data)).paragraphs]
    assert "ĐVT: đồng" in list(document.comments)[0].text


def test_replacement_keeps_how_the_draft_writes_it():
    def claim(text: str, expected: float, kind: str = "count") -> Claim:
        return Claim(text, 0, None, "mismatch", expected, "x", 0, kind=kind)

    assert replacement(claim("06", 7)) == "07"
    assert replacement(claim("310.992 triệu đồng", 310_992_000, "amount")) == "310,99 triệu đồng"
    assert replacement(claim("18.778.000", 18_777_000, "cell")) == "18.777.000"
    assert replacement(claim("52,5%", 51.5, "share")) == "51,5%"
    assert replacement(claim("ĐVT: 1.000", 1, "unit_note")) == "ĐVT: đồng"
    in_millions = Claim("21,33", 21_330_000, "đồng", "mismatch", 21_335_000, "x", 0, kind="cell", scale=1e6,
                        decimals=2)
    assert replacement(in_millions) == "21,34"  # half-up from the exact đồng, in the table's unit


def test_a_figure_inside_a_longer_run_is_split_out():
    document = docx.Document()
    paragraph = document.add_paragraph("Tổng số ")
    paragraph.add_run("34đoàn viên đang sinh hoạt").bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    source = SourceFile("d.docx", buffer.getvalue())
    result, files = sample()
    check = check_report(source, result, files)
    out = docx.Document(io.BytesIO(annotated_docx(source, check)))
    runs = [(r.text, r.bold) for r in out.paragraphs[0].runs if r.text]  # not the comment reference
    assert runs == [("Tổng số ", None), ("34", True), ("đoàn viên đang sinh hoạt", True)]
    assert out.paragraphs[0].text == "Tổng số 34đoàn viên đang sinh hoạt"
    assert "33" in list(out.comments)[0].text


def test_an_ambiguous_figure_gets_the_candidates_as_its_comment():
    source = SourceFile("d.docx", draft_docx("Một khoản chi 9.522.000 đồng."))
    result, files = sample()
    out = docx.Document(io.BytesIO(annotated_docx(source, check_report(source, result, files), track=True)))
    (comment,) = list(out.comments)
    assert comment.text.startswith("Có thể là một trong các số liệu")
    assert "Chi phụ cấp CB CĐ năm 2014: 9.522.000 (tai-chinh.xlsx › Phần chi › C4)" in comment.text
    assert out.paragraphs[0].text == "Một khoản chi 9.522.000 đồng."  # no tracked change for a figure that may be right
