"""The A4 PDF dossier: figures as selectable text, embedded fonts, page numbers, vector charts, pages
rendered to PNG (tests/artifacts/pdf/) with poppler's pdftoppm."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from helpers import report_dataset, term_targets
from PIL import Image
from pypdf import PdfReader

from unionboard.core.models import Dataset, Member, Roster, UnionInfo
from unionboard.export.pdf import FontMissing, dataset_to_pdf, font_files
from unionboard.export.report import Paragraph, Section, Table

A4 = (595.28, 841.89)


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return dataset_to_pdf(report_dataset(term_targets=term_targets()))


@pytest.fixture(scope="module")
def reader(pdf_bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf_bytes))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def all_text(reader: PdfReader) -> str:
    return "\n".join(page_texts(reader))


def test_the_report_figures_are_selectable_text(reader):
    text = all_text(reader)
    for figure in ("33", "310.992.000", "308.835.000", "2.157.000", "18.777.000", "102.222.000"):
        assert figure in text, figure
    assert "Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ" in " ".join(text.split())
    assert "BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV" in text
    assert "Tổng kết nhiệm kỳ 2012–2017" in text
    assert "Công tác tài chính công đoàn" in text


def test_cover_names_the_union_congress_and_term_and_key_figures(reader):
    cover = " ".join(page_texts(reader)[0].split())
    assert "CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG" in cover
    assert "LẦN THỨ IV" in cover and "Tổng kết nhiệm kỳ 2012–2017" in cover
    for figure in ("33", "310.992.000", "308.835.000", "2.157.000"):
        assert figure in cover
    # the overview sentences of analysis.findings
    assert "Công đoàn có 33 đoàn viên (16 nam, 17 nữ), trong đó 23 đảng viên." in cover


def test_a4_pages_numbered_with_running_headers(reader):
    pages = page_texts(reader)
    assert len(pages) >= 3
    for page in reader.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    for number, text in enumerate(pages, start=1):
        assert f"Trang {number}/{len(pages)}" in text
    for text in pages[1:]:
        assert "BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV — Tổng kết nhiệm kỳ 2012–2017" in text


def test_fonts_are_embedded_subsets(reader, pdf_bytes):
    assert b"/FontFile2" in pdf_bytes
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert any("DejaVuSerif" in name for name in fonts) and any("DejaVuSans" in name for name in fonts)
    assert all(re.match(r"/[A-Z]{6}\+", name) for name in fonts)  # subsets


def test_tables_laid_out_like_the_report(reader):
    text = all_text(reader)
    assert "* Phần thu" in text and "* Phần chi" in text and "ĐVT: đồng" in text
    revenue_row = re.search(r"Thu ĐPCĐ 1%\s+18.777.000\s+21.335.000\s+20.560.000\s+20.450.000\s+"
                            r"21.100.000\s+102.222.000", text)
    assert revenue_row
    assert re.search(r"Cộng\s+57.960.000\s+76.192.000\s+73.092.000\s+59.507.000\s+42.084.000\s+"
                     r"308.835.000\s+2.157.000", text)
    for heading in ("Kết quả thực hiện các chỉ tiêu Nghị quyết", "Thi đua, khen thưởng",
                    "Mục tiêu nhiệm kỳ 2017–2022"):
        assert heading in text
    assert "Kết nạp ít nhất 1 đoàn viên vào Đảng mỗi năm" in text


def test_charts_are_vector_with_text_labels(reader):
    text = all_text(reader)
    assert "Thu, chi theo năm (triệu đồng): Năm 2014 chi vượt thu 12,2 triệu đồng" in text
    assert "Đoàn viên theo trình độ chuyên môn" in text
    assert "Khen thưởng theo cấp (lượt)" in text
    assert "83,1" in text  # the 2015 revenue column's label
    for page in reader.pages:  # no raster image anywhere: charts are paths
        xobjects = page["/Resources"].get("/XObject", {})
        assert not any(x.get_object().get("/Subtype") == "/Image" for x in xobjects.values())
    content = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert content.count(b" re") > 40  # the bars are rectangles


def test_bookmarks_and_signature(reader):
    titles = [item.title for item in reader.outline]
    assert titles[:2] == ["I. Cơ cấu đoàn viên", "II. Công tác tài chính công đoàn"]
    last = page_texts(reader)[-1]
    assert "TM. BAN CHẤP HÀNH" in last and "CHỦ TỊCH" in last and "Nguyễn Văn An" in last
    assert reader.metadata.title.startswith("BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV")


def test_english_dossier():
    text = all_text(PdfReader(io.BytesIO(dataset_to_pdf(report_dataset(), lang="en"))))
    assert "Membership" in text and "Union finances" in text and "Page 1 of" in text
    assert "310,992,000" in text and "310.992.000" not in text  # English separators in tables and cover


def test_user_text_is_never_markup_or_a_page_alias():
    hostile = "**Đậm** <b>x</b> {nb} [a](http://x) \\textbf{y}"
    roster = Roster.from_members([Member(name=hostile, gender="Nữ", birth_year=1980, department="Phòng A",
                                         education="Đại học", political_theory="Chưa có",
                                         party_member=False, role="Chủ tịch")])
    dataset = Dataset(members=roster, info=UnionInfo(name="CĐ <i>thử</i> {nb}"))
    text = all_text(PdfReader(io.BytesIO(dataset_to_pdf(dataset))))
    assert hostile in text
    assert "CĐ <I>THỬ</I> {NB}" in text


def test_decomposed_vietnamese_is_written_composed():
    import unicodedata

    name = unicodedata.normalize("NFD", "Nguyễn Thị Hằng")
    roster = Roster.from_members([Member(name=name, gender="Nữ", birth_year=1980, department="Phòng A",
                                         education="Đại học", political_theory="Chưa có",
                                         party_member=False, role="Chủ tịch")])
    text = all_text(PdfReader(io.BytesIO(dataset_to_pdf(Dataset(members=roster)))))
    assert "Nguyễn Thị Hằng" in text


def test_extra_sections_hook_for_other_documents():
    extra = Section("Báo cáo thẩm tra tư cách đại biểu", (
        Paragraph("Tổng số đại biểu được triệu tập: 33."),
        Table("credentials", ("Nội dung", "Số lượng"), ((("Có mặt", "31"), False),
                                                       (("Vắng mặt", "2"), False)),
              ("left", "center"), (12.0, 4.5))), key="credentials")
    reader = PdfReader(io.BytesIO(dataset_to_pdf(report_dataset(), extra_sections=(extra,))))
    text = all_text(reader)
    assert "V. Báo cáo thẩm tra tư cách đại biểu" in text
    assert "Tổng số đại biểu được triệu tập: 33." in text and "Vắng mặt" in text
    assert text.index("Vắng mặt") < text.index("TM. BAN CHẤP HÀNH")


def test_a_long_term_splits_the_amount_tables_to_fit_the_page():
    from unionboard.core.models import Finance, FinanceEntry

    entries = [FinanceEntry(side, year, item, 1_234_567_000)
               for year in range(2010, 2022)
               for side, item in (("revenue", "Thu đoàn phí công đoàn"), ("revenue", "Cấp trên cấp"),
                                  ("spending", "Chi hoạt động phong trào"))]
    reader = PdfReader(io.BytesIO(dataset_to_pdf(Dataset(finance=Finance(tuple(entries))))))
    text = all_text(reader)
    for year in range(2010, 2022):
        assert f"Năm {year}" in text
    assert "29.629.608.000" in text  # the revenue total, in the last part
    assert text.count("Nguồn thu") >= 2  # the label column is repeated in each part


def test_an_empty_data_set_still_makes_a_cover():
    text = all_text(PdfReader(io.BytesIO(dataset_to_pdf(Dataset()))))
    assert "Chưa có số liệu." in text and "Trang 1/1" in text


def test_missing_fonts_are_reported(monkeypatch, tmp_path):
    monkeypatch.setenv("UNIONBOARD_FONT_DIR", str(tmp_path))
    assert font_files()  # the machine's DejaVu is still found after an empty folder
    monkeypatch.setattr("unionboard.export.pdf.font_dirs", lambda: [tmp_path])
    with pytest.raises(FontMissing, match="fonts-dejavu-core"):
        dataset_to_pdf(report_dataset())


def test_pages_render_to_png(pdf_bytes, artifacts_dir):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (Debian poppler-utils) is not installed: scripts/test.sh installs it")
    out = artifacts_dir / "pdf"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("dossier-*.png"):
        old.unlink()
    (out / "dossier.pdf").write_bytes(pdf_bytes)
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(out / "dossier.pdf"), str(out / "dossier")],
                   check=True, timeout=120)
    pngs = sorted(out.glob("dossier-*.png"))
    assert len(pngs) == len(PdfReader(io.BytesIO(pdf_bytes)).pages)
    for png in pngs:
        image = Image.open(png).convert("L")
        assert image.size[0] == 662 and abs(image.size[1] - 936) <= 1  # A4 at 80 dpi
        dark = sum(image.histogram()[:128])
        assert dark > 2000, png.name  # every page has content, not a blank page


def test_the_last_page_never_holds_only_the_signature():
    """Whatever the length of the last section, the signature shares its page with the report's text."""
    from unionboard.core.i18n import t

    seen_break = False
    for n in range(4, 30):
        blocks = tuple(Paragraph(f"Đoạn {i}: " + "nội dung báo cáo " * 30) for i in range(n))
        reader = PdfReader(io.BytesIO(dataset_to_pdf(Dataset(info=UnionInfo(name="CĐCS X")),
                                                     extra_sections=(Section("Phần thêm", blocks, "x"),))))
        last = reader.pages[-1].extract_text()
        assert t("doc.sign_for", "vi").split()[0] in last  # the signature is on the last page...
        assert "nội dung báo cáo" in last, (n, last)  # ...with some of the report's text
        seen_break = seen_break or len(reader.pages) > 3
    assert seen_break  # the loop did reach lengths that need more pages


def test_english_dossier_separators_in_text_tables_and_charts():
    """English: "18,777,000" in the tables, the cover's key figures and the sentences, the charts' bar labels
    "59.8" (million VND, halves up); never a Vietnamese separator. The Vietnamese dossier is unchanged."""
    from helpers import english_separators, vietnamese_separators

    english = all_text(PdfReader(io.BytesIO(dataset_to_pdf(report_dataset(), lang="en"))))
    assert "18,777,000" in english and "310,992,000" in english
    assert "59.8" in english  # 2013's revenue bar, 59.777 million
    assert not vietnamese_separators(english), vietnamese_separators(english)
    vietnamese = all_text(PdfReader(io.BytesIO(dataset_to_pdf(report_dataset(), lang="vi"))))
    assert "18.777.000" in vietnamese and "59,8" in vietnamese
    assert not english_separators(vietnamese), english_separators(vietnamese)
