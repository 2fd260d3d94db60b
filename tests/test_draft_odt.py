"""The commented .odt: an annotation over each differing figure, every other part byte for byte."""

from __future__ import annotations

import io
import zipfile

from odf import teletype
from odf.office import Annotation
from odf.opendocument import OpenDocumentText, load
from odf.table import Table, TableCell, TableRow
from odf.text import P, Span

from unionboard.analysis.draft_check import check_report
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export.draft_odt import OFFICE, annotated_odt
from unionboard.sample.report import sample_paths


def odt() -> bytes:
    document = OpenDocumentText()
    paragraph = P(text="Tổng số ")
    paragraph.addElement(Span(text="34đoàn viên"))
    paragraph.addText(", trong đó: 16 nam, 18 nữ.")
    document.text.addElement(paragraph)
    table = Table(name="thu")
    for values in (("Nguồn thu", "Năm 2013"), ("Thu ĐPCĐ 1%", "18.778.000")):
        row = TableRow()
        for value in values:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(P(text="* Phần thu"))
    document.text.addElement(table)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def test_comments_over_the_differing_figures():
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    source = SourceFile("d.odt", odt())
    check = check_report(source, check_files(files), files)
    assert [c.text for c in check.claims if c.status == "mismatch"] == ["34", "18", "18.778.000"]
    out = annotated_odt(source, check)
    notes = load(io.BytesIO(out)).getElementsByType(Annotation)
    texts = [teletype.extractText(n) for n in notes]
    assert len(texts) == 3
    assert "33" in texts[0] and "doan-vien.xlsx" in texts[0] and "18.777.000" in texts[2]
    content = zipfile.ZipFile(io.BytesIO(out)).read("content.xml").decode()
    # the range: from the annotation to its end holds exactly the figure
    ranges = set()
    for number in (1, 2, 3):
        start = content.index(f'office:name="unionboard-{number}"')
        ranges.add(content[content.index("</office:annotation>", start) + len("</office:annotation>"):
                           content.index(f'<office:annotation-end office:name="unionboard-{number}"')])
    assert ranges == {"34", "18", "18.778.000"}
    before, after = zipfile.ZipFile(io.BytesIO(source.data)), zipfile.ZipFile(io.BytesIO(out))
    assert before.namelist() == after.namelist() and after.infolist()[0].filename == "mimetype"
    assert {n for n in before.namelist() if before.read(n) != after.read(n)} == {"content.xml"}
    assert OFFICE in content
