"""Reading a draft: .docx paragraphs and tables in document order, .odt, .txt, and what is refused."""

from __future__ import annotations

import io
import zipfile

import docx
from odf.opendocument import OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import H, P

from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.read.draft import DraftLimits, read_draft
from unionboard.sample.draft import draft_docx


def read(name: str, data: bytes, limits: DraftLimits | None = None):
    log = IssueLog()
    return read_draft(SourceFile(name, data), log, limits), log


def test_docx_paragraphs_headings_and_tables_in_document_order():
    document = docx.Document()
    document.add_heading("Phần thứ nhất", level=1)
    document.add_paragraph("Tổng số 33đoàn viên")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Nguồn thu", "Năm 2013"
    table.cell(1, 0).text, table.cell(1, 1).text = "Thu ĐPCĐ 1%", "18.777.000"
    document.add_paragraph("Sau bảng")
    buffer = io.BytesIO()
    document.save(buffer)
    draft, log = read("d.docx", buffer.getvalue())
    assert not log.items
    assert [p.text for p in draft.paragraphs] == ["Phần thứ nhất", "Tổng số 33đoàn viên", "Nguồn thu", "Năm 2013",
                                                  "Thu ĐPCĐ 1%", "18.777.000", "Sau bảng"]
    assert draft.paragraphs[0].heading and not draft.paragraphs[1].heading
    assert draft.tables[0].rows == (("Nguồn thu", "Năm 2013"), ("Thu ĐPCĐ 1%", "18.777.000"))
    assert draft.tables[0].cell_paragraphs == ((2, 3), (4, 5))
    assert (draft.paragraphs[5].table, draft.paragraphs[5].row, draft.paragraphs[5].col) == (0, 1, 1)


def test_odt_is_read():
    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Phần thứ nhất"))
    document.text.addElement(P(text="Tổng số 33 đoàn viên"))
    table = Table(name="thu")
    row = TableRow()
    for value in ("Thu ĐPCĐ 1%", "18.777.000"):
        cell = TableCell()
        cell.addElement(P(text=value))
        row.addElement(cell)
    table.addElement(row)
    document.text.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    draft, log = read("d.odt", buffer.getvalue())
    assert not log.items and draft.kind == "odt"
    assert [p.text for p in draft.paragraphs] == ["Phần thứ nhất", "Tổng số 33 đoàn viên", "Thu ĐPCĐ 1%", "18.777.000"]
    assert draft.paragraphs[0].heading and draft.tables[0].rows == (("Thu ĐPCĐ 1%", "18.777.000"),)


def test_txt_lines_and_tab_tables():
    draft, _ = read("d.txt", "Một\n\nA\tB\n1\t2\nHai\n".encode())
    assert [p.text for p in draft.paragraphs if p.table is None] == ["Một", "Hai"]
    assert draft.tables[0].rows == (("A", "B"), ("1", "2"))


def test_refused_inputs_say_why_and_return_nothing():
    cases = {
        "cu.doc": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64,
        "rong.docx": b"",
        "anh.png": b"\x89PNG\r\n",
        "hong.docx": b"PK\x03\x04 not really a zip",
    }
    codes = {}
    for name, data in cases.items():
        draft, log = read(name, data)
        assert draft is None
        codes[name] = log.items[0].code
    assert codes == {"cu.doc": "draft.legacy_doc", "rong.docx": "draft.empty", "anh.png": "draft.not_draft",
                     "hong.docx": "draft.damaged"}
    _, log = read("cu.doc", cases["cu.doc"])
    assert "lưu thành .docx" in log.items[0].message


def test_size_limits_and_zip_bombs():
    data = draft_docx()
    draft, log = read("d.docx", data, DraftLimits(max_file_bytes=len(data) - 1))
    assert draft is None and log.items[0].code == "draft.too_large"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a/>" + b" " * (12 * 1024 * 1024))
    draft, log = read("bom.docx", bomb.getvalue())
    assert draft is None and log.items[0].code == "draft.zip_bomb"
    draft, log = read("d.docx", data, DraftLimits(max_paragraphs=10))
    assert draft is None and log.items[0].code == "draft.too_many_paragraphs"


def test_a_docx_with_a_broken_part_is_damaged_not_a_traceback():
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(draft_docx())) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data[: len(data) // 2] if info.filename == "word/document.xml" else data)
    draft, log = read("d.docx", broken.getvalue())
    assert draft is None and log.items[0].code == "draft.damaged"
