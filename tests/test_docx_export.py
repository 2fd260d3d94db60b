"""The Word report: the report's tables and sentences, Vietnamese administrative formatting."""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from helpers import report_dataset, term_targets

from unionboard.core.models import Dataset, Finance, FinanceEntry
from unionboard.export.docx import dataset_to_docx, member_paragraph

MEMBER_SENTENCE = (
    "Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ; sinh hoạt tại 07 phòng, đơn vị. "
    "Trình độ chuyên môn: Thạc sỹ: 06; Đại học: 24; Cao đẳng: 01; 02 trình độ dưới Đại học. "
    "Trình độ lý luận chính trị: Cử nhân, Cao cấp: 10; Trung cấp: 8. "
    "Tổng số đảng viên: 23 đồng chí (trong đó: đảng viên nữ là 13 đồng chí)."
)
YEARS = ["Năm 2013", "Năm 2014", "Năm 2015", "Năm 2016", "Năm 2017"]


@pytest.fixture(scope="module")
def doc():
    return Document(io.BytesIO(dataset_to_docx(report_dataset(term_targets=term_targets()))))


def _rows(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def _table_with(doc, *header: str):
    (table,) = [t for t in doc.tables
                if [c.text for c in t.rows[0].cells[:len(header)]] == list(header)]
    return _rows(table)


def test_heading(doc):
    texts = [p.text for p in doc.paragraphs if p.text]
    assert texts[0] == "CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG"
    title = next(p for p in doc.paragraphs if p.text.startswith("BÁO CÁO SỐ LIỆU ĐẠI HỘI"))
    assert title.text == "BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV"
    assert title.alignment == 1  # centred
    assert all(run.bold for run in title.runs)
    assert "Tổng kết nhiệm kỳ 2012–2017" in texts  # the figures' term (the congress opens 2017–2022)


def test_member_paragraph_matches_the_report_style(doc):
    assert member_paragraph(report_dataset().members) == MEMBER_SENTENCE
    assert MEMBER_SENTENCE in [p.text for p in doc.paragraphs]


def test_revenue_table(doc):
    rows = _table_with(doc, "Nguồn thu")
    assert rows[0] == ["Nguồn thu", *YEARS, "Tổng cộng"]
    assert rows[1] == ["Thu ĐPCĐ 1%", "18.777.000", "21.335.000", "20.560.000", "20.450.000",
                       "21.100.000", "102.222.000"]
    assert rows[-1] == ["Tổng cộng", "59.777.000", "63.980.000", "83.060.000", "61.385.000",
                        "42.790.000", "310.992.000"]
    assert all(run.bold for cell in doc.tables[0].rows[-1].cells for p in cell.paragraphs
               for run in p.runs)


def test_spending_table_with_closing_balance_and_blank_zeros(doc):
    rows = _table_with(doc, "Mục chi")
    assert rows[0] == ["Mục chi", *YEARS, "Tổng cộng", "Tồn cuối"]
    assert rows[1] == ["Chi phụ cấp CB CĐ", "9.198.000", "9.522.000", "9.522.000", "9.666.000", "",
                       "37.908.000", ""]
    assert rows[4] == ["Chi trợ cấp, khuyết tật", "", "", "", "2.000.000", "", "2.000.000", ""]
    assert rows[-1] == ["Cộng", "57.960.000", "76.192.000", "73.092.000", "59.507.000", "42.084.000",
                        "308.835.000", "2.157.000"]


def test_unit_is_dong_not_thousands(doc):
    texts = [p.text for p in doc.paragraphs]
    assert texts.count("* Phần thu\tĐVT: đồng") == 1
    assert texts.count("* Phần chi\tĐVT: đồng") == 1
    assert not any("1.000" in t for t in texts)


def test_all_amounts_present(doc):
    cells = {cell.text for table in doc.tables for row in table.rows for cell in row.cells}
    assert {"310.992.000", "308.835.000", "2.157.000"} <= cells


def test_targets_table_with_sub_rows_without_stt(doc):
    rows = _table_with(doc, "STT", "Nội dung mục tiêu Nghị quyết")
    assert rows[0] == ["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện",
                       "Đánh giá"]
    assert [r[0] for r in rows[1:]] == ["1", "", "", "2", "3", "4", "", "5", "6"]
    assert rows[2][1:] == ["Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét "
                           "kết nạp.", "Người", "2", "8", "Vượt"]
    assert rows[-1][1:] == ["Phấn đấu CĐCS đạt vững mạnh", "Loại", "Vững mạnh", "Vững mạnh", "Đạt"]


def test_awards_table(doc):
    (table,) = [t for t in doc.tables if t.rows[0].cells[1].text == "Năm"]
    rows = _rows(table)
    assert rows[0] == ["STT", "Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng", "Ghi chú"]
    assert rows[1] == ["1", "2014", "Sáng kiến", "Cơ sở", "Cá nhân", "7",
                       "Sáng kiến được công nhận cấp cơ sở"]
    assert rows[9][1:3] == ["2011–2013", "Bằng khen"]
    assert rows[-1][1] == "Cộng" and rows[-1][5] == "38"


def test_term_targets_table(doc):
    rows = _table_with(doc, "Mã")
    assert rows[1][:2] == ["3.5", "Kết nạp ít nhất 1 đoàn viên vào Đảng mỗi năm"]


def test_tables_have_grid_borders(doc):
    data_tables = [t for t in doc.tables if len(t.rows) > 1]
    assert len(data_tables) == 5
    assert all(t.style.name == "Table Grid" for t in data_tables)


def test_times_new_roman_everywhere(doc):
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert Pt(13) <= normal.font.size <= Pt(14)
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(attr)) == "Times New Roman"
    runs = [run for p in doc.paragraphs for run in p.runs]
    runs += [run for t in doc.tables for row in t.rows for cell in row.cells
             for p in cell.paragraphs for run in p.runs]
    assert runs and all(run.font.name in (None, "Times New Roman") for run in runs)


def test_a4_and_margins(doc):
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)
    margins = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
    for margin, expected in zip(margins, (2, 2, 3, 1.5), strict=True):
        assert abs(margin - Cm(expected)) < Cm(0.01)


def test_opening_balance_and_negative_closing():
    finance = Finance(entries=(FinanceEntry("revenue", 2013, "Thu ĐPCĐ 1%", 1_000_000),
                               FinanceEntry("spending", 2013, "Chi HĐ phong trào", 3_500_000)),
                      opening_balance=500_000)
    doc = Document(io.BytesIO(dataset_to_docx(Dataset(finance=finance))))
    texts = [p.text for p in doc.paragraphs]
    assert "Tồn quỹ đầu nhiệm kỳ: 500.000 đồng." in texts
    assert _table_with(doc, "Mục chi")[-1][-1] == "−2.000.000"


def test_empty_dataset_still_gives_a_document():
    doc = Document(io.BytesIO(dataset_to_docx(Dataset())))
    assert "Chưa có số liệu." in [p.text for p in doc.paragraphs]


def _docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_english_report_writes_english_separators_and_vietnamese_is_unchanged():
    """"310,992,000" in the English tables and sentences, never "310.992.000"; the Vietnamese as before."""
    from helpers import english_separators, vietnamese_separators

    english = _docx_text(dataset_to_docx(report_dataset(), "en"))
    assert "310,992,000" in english and "18,777,000" in english and "2,157,000" in english
    assert not vietnamese_separators(english)
    # one currency word in English, the deck's and the charts' ("million VND"), not "đồng" beside it
    assert "Unit: VND" in english and "310,992,000 VND" in english and "đồng" not in english
    vietnamese = _docx_text(dataset_to_docx(report_dataset(), "vi"))
    assert "310.992.000" in vietnamese and "18.777.000" in vietnamese
    assert not english_separators(vietnamese)
