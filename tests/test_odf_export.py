"""OpenDocument exports: the .odt holds the Word report's content, the .ods reads back through the checker
to the same data set, and hostile workbook text never becomes a formula in the .ods."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from defusedxml import ElementTree
from docx import Document
from helpers import report_dataset, term_targets
from odf import table as odf_table
from odf import teletype, text
from odf.opendocument import load
from openpyxl import load_workbook

from unionboard.core.models import Award, Dataset, Member, Roster, SourceFile, Target, UnionInfo
from unionboard.domains.loader import check_files
from unionboard.export.docx import dataset_to_docx
from unionboard.export.ods import dataset_to_ods, workbook_to_ods
from unionboard.export.odt import dataset_to_odt
from unionboard.export.safe import ods_cell
from unionboard.export.xlsx import dataset_to_xlsx

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "=cmd|' /C calc'!A0"]


# --------------------------------------------------------------------------- .odt


@pytest.fixture(scope="module")
def odt():
    return load(io.BytesIO(dataset_to_odt(report_dataset(term_targets=term_targets()))))


def odt_paragraphs(doc) -> list[str]:
    return [teletype.extractText(p) for p in doc.text.getElementsByType(text.P)]


def odt_tables(doc) -> list[list[list[str]]]:
    return [[[teletype.extractText(cell) for cell in row.getElementsByType(odf_table.TableCell)]
             for row in grid.getElementsByType(odf_table.TableRow)]
            for grid in doc.text.getElementsByType(odf_table.Table)]


def test_odt_holds_the_heading_and_member_sentence(odt):
    paragraphs = odt_paragraphs(odt)
    assert paragraphs[0] == "CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG TỈNH HÀ GIANG"
    assert "BÁO CÁO SỐ LIỆU ĐẠI HỘI LẦN THỨ IV" in paragraphs and "Tổng kết nhiệm kỳ 2012–2017" in paragraphs
    assert any(p.startswith("Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ") for p in paragraphs)
    assert "* Phần thu\tĐVT: đồng" in paragraphs


def test_odt_has_the_same_tables_as_the_word_report(odt):
    word = Document(io.BytesIO(dataset_to_docx(report_dataset(term_targets=term_targets()))))
    word_tables = [[[cell.text for cell in row.cells] for row in t.rows] for t in word.tables]
    assert odt_tables(odt)[:-1] == word_tables[:-1]  # the last one is the signature block
    cells = {cell for grid in odt_tables(odt) for row in grid for cell in row}
    assert {"310.992.000", "308.835.000", "2.157.000", "18.777.000", "102.222.000"} <= cells


def test_odt_is_a_valid_package_with_a4_pages():
    data = dataset_to_odt(report_dataset())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        styles = archive.read("styles.xml").decode()
    assert 'fo:page-width="21cm"' in styles and 'fo:margin-left="3cm"' in styles


def test_odt_text_is_escaped_not_markup():
    hostile = "<text:p>x</text:p> & **y** ]]>"
    roster = Roster.from_members([Member(name=hostile, gender="Nam", birth_year=1980, department="A",
                                         education="Đại học", political_theory="Chưa có",
                                         party_member=False, role="Chủ tịch")])
    doc = load(io.BytesIO(dataset_to_odt(Dataset(members=roster, info=UnionInfo(name=hostile)))))
    paragraphs = odt_paragraphs(doc)
    assert hostile.upper() in paragraphs  # the heading
    assert hostile in paragraphs  # the chair's name in the signature block


def test_odt_and_docx_in_english():
    doc = load(io.BytesIO(dataset_to_odt(report_dataset(), lang="en")))
    assert "I. Membership" in odt_paragraphs(doc)
    word = Document(io.BytesIO(dataset_to_docx(report_dataset(), lang="en")))
    assert "I. Membership" in [p.text for p in word.paragraphs]


# --------------------------------------------------------------------------- .ods


def ods_sheets(data: bytes) -> dict[str, list[list[tuple[str | None, str | None, str]]]]:
    """{sheet: rows of (value-type, value, text)} read with defusedxml."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    sheets = {}
    for grid in root.iter(f"{{{TABLE_NS}}}table"):
        rows = []
        for row in grid.iter(f"{{{TABLE_NS}}}table-row"):
            cells = []
            for cell in row.iter(f"{{{TABLE_NS}}}table-cell"):
                assert f"{{{TABLE_NS}}}formula" not in cell.attrib
                kind = cell.get(f"{{{OFFICE_NS}}}value-type")
                value = cell.get(f"{{{OFFICE_NS}}}value") or cell.get(f"{{{OFFICE_NS}}}date-value")
                cells.append((kind, value, "\n".join("".join(p.itertext()) for p in cell)))
            rows.append(cells)
        sheets[grid.get(f"{{{TABLE_NS}}}name")] = rows
    return sheets


def test_ods_has_the_sheets_and_cells_of_the_xlsx():
    dataset = report_dataset(term_targets=term_targets())
    ods = ods_sheets(dataset_to_ods(dataset))
    wb = load_workbook(io.BytesIO(dataset_to_xlsx(dataset)))
    assert list(ods) == wb.sheetnames
    for ws in wb.worksheets:
        rows = ods[ws.title]
        assert len(rows) == ws.max_row
        for r, row in enumerate(ws.iter_rows(values_only=True)):
            for c, value in enumerate(row):
                kind, raw, shown = rows[r][c]
                if value is None:
                    assert kind is None
                elif isinstance(value, bool):
                    assert kind == "boolean"
                elif isinstance(value, int | float):
                    assert kind == "float" and float(raw) == float(value), (ws.title, r, c)
                elif isinstance(value, dt.datetime | dt.date):
                    assert kind == "date" and raw.startswith(value.isoformat()[:10])
                else:
                    assert kind == "string" and shown == value, (ws.title, r, c)


def test_ods_reads_back_to_the_same_data_set():
    dataset = report_dataset(term_targets=term_targets())
    result = check_files([SourceFile("du-lieu.ods", dataset_to_ods(dataset))])
    assert not result.errors
    back = result.dataset
    assert len(back.members) == len(dataset.members) == 33
    assert back.members.frame["gender"].value_counts().to_dict() == {"Nữ": 17, "Nam": 16}
    assert back.finance.total("revenue") == 310_992_000
    assert back.finance.total("spending") == 308_835_000
    assert back.finance.closing_balance == 2_157_000
    assert back.finance.by_year("revenue") == dataset.finance.by_year("revenue")
    assert [t.status for t in back.targets] == [t.status for t in dataset.targets]
    assert sum(a.count for a in back.awards) == sum(a.count for a in dataset.awards) == 38
    assert [t.code for t in back.term_targets] == ["3.5", "3.9"]
    assert back.info == dataset.info


def test_ods_amounts_show_with_dot_thousands():
    rows = ods_sheets(dataset_to_ods(report_dataset()))["Phần thu"]
    shown = {text for row in rows for kind, _raw, text in row if kind == "float"}
    assert "18.777.000" in shown and "310.992.000" in shown


@pytest.mark.parametrize("value", HOSTILE)
def test_ods_cell_keeps_hostile_text_a_quoted_string(value):
    kind, out = ods_cell(value)
    assert kind == "string" and out == "'" + value


def test_ods_cell_types():
    assert ods_cell(2_157_000) == ("float", 2_157_000)
    assert ods_cell(True) == ("boolean", True)
    assert ods_cell(dt.date(2017, 5, 1)) == ("date", "2017-05-01")
    assert ods_cell(None) == (None, None)
    assert ods_cell("a\x00b\x07c") == ("string", "abc")
    assert ods_cell(float("nan")) == (None, None)


def test_hostile_workbook_text_never_becomes_a_formula():
    members = [Member(name=value, gender="Nam", birth_year=1980, department=value, education="Đại học",
                      political_theory="Chưa có", party_member=False, role=value) for value in HOSTILE]
    targets = (Target(group="1", text=HOSTILE[0], unit="%", target="=1+1", result="+5",
                      status="Đạt"),)
    awards = (Award(year=2014, period="", form=HOSTILE[1], level="Tỉnh", recipient_type="Cá nhân",
                    count=1, note=HOSTILE[3]),)
    dataset = Dataset(members=Roster.from_members(members), targets=targets, awards=awards,
                      info=UnionInfo(name="=1+2", congress="@x"))
    data = dataset_to_ods(dataset)
    assert b"table:formula" not in data and b"of:=" not in zipfile.ZipFile(io.BytesIO(data)).read(
        "content.xml")
    texts = [text for rows in ods_sheets(data).values() for row in rows
             for kind, _raw, text in row if kind == "string"]
    for value in HOSTILE:
        assert "'" + value in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)


def test_workbook_to_ods_also_guards_cells_written_without_the_template():
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Thô"
    wb.active.append(["=SUM(1,2)", 3, "ok"])
    rows = ods_sheets(workbook_to_ods(wb))["Thô"]
    # openpyxl stores "=SUM(1,2)" as a formula; the .ods writes it as quoted text, never a formula
    assert rows[0][0] == ("string", None, "'=SUM(1,2)")
    assert rows[0][1][:2] == ("float", "3")


def test_english_odt_writes_english_separators_and_vietnamese_is_unchanged():
    from helpers import english_separators, vietnamese_separators
    from odf.opendocument import load

    from unionboard.export.odt import dataset_to_odt

    def words(lang: str) -> str:
        doc = load(io.BytesIO(dataset_to_odt(report_dataset(), lang)))
        return "\n".join(teletype.extractText(p) for p in doc.text.getElementsByType(text.P))

    english, vietnamese = words("en"), words("vi")
    assert "310,992,000" in english and "18,777,000" in english and not vietnamese_separators(english)
    assert "310.992.000" in vietnamese and not english_separators(vietnamese)
