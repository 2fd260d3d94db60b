"""Struck-through roster rows (members who left): not counted, one note naming their cells (read.strike)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from unionboard.domains.loader import check_files
from unionboard.read import strike

HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn"]
PEOPLE = [
    ("Nguyễn Văn An", "Nam"), ("Lê Thị Hà", "Nữ"), ("Trần Thị Cúc", "Nữ"),
    ("Phạm Văn Dũng", "Nam"), ("Hoàng Thị Em", "Nữ"),
]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "doan-vien.xlsx"


def write_roster(path: Path, struck: set[int], whole_row: bool = False) -> Path:
    """A roster of the five PEOPLE under a title; rows whose index is in `struck` struck through
    (the name cell only, or every cell with `whole_row`)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đoàn viên"
    sheet.append(["DANH SÁCH ĐOÀN VIÊN"])
    sheet.append(HEADER)
    for index, (name, sex) in enumerate(PEOPLE):
        sheet.append([index + 1, name, sex, 1980 + index, "Phòng Kế toán", "Đại học"])
        if index in struck:
            for col in range(1, len(HEADER) + 1) if whole_row else (2,):
                sheet.cell(row=3 + index, column=col).font = Font(strike=True)
    book.save(path)
    return path


def notes(result, code: str) -> list:
    return [issue for issue in result.issues if issue.code == code]


def test_struck_rows_are_not_counted_and_named(tmp_path: Path):
    # Lê Thị Hà (row 4) and Phạm Văn Dũng (row 6) struck out: An, Cúc, Em stay (1 nam / 2 nữ)
    result = check_files([write_roster(tmp_path / "ds.xlsx", {1, 3})])
    roster = result.dataset.members
    assert result.ok, result.errors
    assert roster is not None and len(roster) == 3
    assert list(roster.frame["name"]) == ["Nguyễn Văn An", "Trần Thị Cúc", "Hoàng Thị Em"]
    assert roster.frame["gender"].value_counts().to_dict() == {"Nữ": 2, "Nam": 1}
    [note] = notes(result, "members.struck_out")
    assert note.severity == "info" and note.sheet == "Đoàn viên" and note.cell == "B4"
    assert "B4" in note.text("vi") and "B6" in note.text("vi") and "gạch ngang" in note.text("vi")
    assert "B4" in note.text("en") and "struck-through" in note.text("en")


def test_whole_struck_row_counts_as_struck(tmp_path: Path):
    result = check_files([write_roster(tmp_path / "ds.xlsx", {0}, whole_row=True)])
    assert len(result.dataset.members) == 4
    assert [n.cell for n in notes(result, "members.struck_out")] == ["B3"]


def test_roster_without_strike_is_unchanged(tmp_path: Path):
    path = write_roster(tmp_path / "ds.xlsx", set())
    result = check_files([path])
    assert len(result.dataset.members) == 5
    assert not notes(result, "members.struck_out") and not notes(result, "members.strike_unreadable")
    assert strike.may_strike(path.read_bytes()) is False  # no struck font: the sheet is not opened again


def test_csv_strike_is_not_read(tmp_path: Path):
    path = tmp_path / "ds.csv"
    lines = [",".join(HEADER)] + [f"{i + 1},{name},{sex},1980,Phòng Kế toán,Đại học"
                                  for i, (name, sex) in enumerate(PEOPLE)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = check_files([path])
    assert len(result.dataset.members) == 5 and not notes(result, "members.struck_out")


def test_sample_unchanged():
    result = check_files([SAMPLE])
    roster = result.dataset.members
    assert len(roster) == 33
    assert roster.frame["gender"].value_counts().to_dict() == {"Nữ": 17, "Nam": 16}
    assert not notes(result, "members.struck_out")


def test_struck_rows_reads_name_column_only(tmp_path: Path):
    data = write_roster(tmp_path / "ds.xlsx", {2}).read_bytes()
    assert strike.struck_rows(data, "Đoàn viên", range(2, 7), 1) == [4]
    assert strike.struck_rows(data, "Đoàn viên", range(2, 7), 0) == []  # STT column not struck
    with pytest.raises(strike.StrikeUnreadable):
        strike.struck_rows(data, "Không có", range(2, 7), 1)


def test_without_name_column_most_cells_decide(tmp_path: Path):
    # openpyxl's own rows (the general path): a wholly struck row counts, a struck name alone among
    # six filled cells does not
    whole = write_roster(tmp_path / "whole.xlsx", {0}, whole_row=True).read_bytes()
    name_only = write_roster(tmp_path / "name.xlsx", {0}).read_bytes()
    assert strike.struck_rows(whole, "Đoàn viên", range(2, 7), None) == [2]
    assert strike.struck_rows(name_only, "Đoàn viên", range(2, 7), None) == []


def test_struck_delegate_is_not_counted(tmp_path: Path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Đại biểu"
    sheet.append(["DANH SÁCH ĐẠI BIỂU"])
    sheet.append(["STT", "Họ và tên", "Đơn vị", "Loại đại biểu", "Dân tộc"])
    sheet.append([1, "Nguyễn Văn An", "Văn phòng", "Đương nhiên", "Kinh"])
    sheet.append([2, "Lò Thị Mai", "Thanh tra", "Bầu", "Thái"])
    sheet["B4"].font = Font(strike=True)
    book.save(tmp_path / "dai-bieu.xlsx")
    result = check_files([tmp_path / "dai-bieu.xlsx"])
    assert [d.name for d in result.dataset.get("delegates")] == ["Nguyễn Văn An"]
    [note] = notes(result, "delegates.struck_out")
    assert note.cell == "B4" and "B4" in note.text("vi") and "B4" in note.text("en")


def test_lower_case_cell_references_are_scanned_too(tmp_path: Path):
    """Some writers put r="b5" in the sheet's XML: the scan must not miss a struck name there."""
    import re
    import zipfile

    source = write_roster(tmp_path / "upper.xlsx", {1, 3})
    target = tmp_path / "lower.xlsx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'r="([A-Z]+)([0-9]+)"', lambda m: b'r="' + m[1].lower() + m[2] + b'"', data)
            zout.writestr(item, data)
    result = check_files([target])
    assert len(result.dataset.members) == 3
    assert [n.cell for n in notes(result, "members.struck_out")] == ["B4"]


# --------------------------------------------------------------------------- .ods (LibreOffice Calc)


def write_ods(path: Path, struck: set[int], how: str = "cell", lead_blank_rows: int = 0) -> Path:
    """The roster of write_roster as an .ods built with odfpy: the names of the rows in `struck` struck
    through by the cell's own style ("cell"), by a text span inside the cell ("span"), or by a cell style
    whose parent, a named style of styles.xml, strikes ("named"); a second, unstruck table first."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, Span

    doc = OpenDocumentSpreadsheet()
    plain_through = Style(name="ceplain", family="table-cell")
    plain_through.addElement(TextProperties(textlinethroughstyle="none"))
    doc.automaticstyles.addElement(plain_through)
    if how == "named":
        named = Style(name="Gạch_ngang", family="table-cell")
        named.addElement(TextProperties(textlinethroughstyle="solid", textlinethroughtype="single"))
        doc.styles.addElement(named)
        style = Style(name="ce1", family="table-cell", parentstylename="Gạch_ngang")
    else:
        style = Style(name="ce1", family="table-cell")
        style.addElement(TextProperties(textlinethroughstyle="solid"))
    doc.automaticstyles.addElement(style)
    span_style = Style(name="T1", family="text")
    span_style.addElement(TextProperties(textlinethroughstyle="solid"))
    doc.automaticstyles.addElement(span_style)

    def row(values: list, struck_name: bool = False) -> TableRow:
        element = TableRow()
        for col, value in enumerate(values):
            strike_here = struck_name and col == 1
            attrs = {"stylename": style} if strike_here and how in ("cell", "named") else {}
            if isinstance(value, int):
                cell = TableCell(valuetype="float", value=value, **attrs)
            else:
                cell = TableCell(valuetype="string", **attrs)
            paragraph = P()
            if strike_here and how == "span":
                paragraph.addElement(Span(stylename=span_style, text=str(value)))
            else:
                paragraph.addText(str(value))
            cell.addElement(paragraph)
            element.addElement(cell)
        return element

    other = Table(name="Ghi chú")
    other.addElement(row(["Danh sách cập nhật tháng 6", "x"], struck_name=False))
    doc.spreadsheet.addElement(other)
    table = Table(name="Đoàn viên")
    if lead_blank_rows:
        table.addElement(TableRow(numberrowsrepeated=lead_blank_rows))
    table.addElement(row(["DANH SÁCH ĐOÀN VIÊN"]))
    table.addElement(row(HEADER))
    for index, (name, sex) in enumerate(PEOPLE):
        table.addElement(row([index + 1, name, sex, 1980 + index, "Phòng Kế toán", "Đại học"], index in struck))
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("how", ["cell", "span", "named"])
def test_struck_rows_of_an_ods_are_not_counted_and_named(tmp_path: Path, how: str):
    result = check_files([write_ods(tmp_path / "ds.ods", {1, 3}, how)])
    roster = result.dataset.members
    assert result.ok, result.errors
    assert list(roster.frame["name"]) == ["Nguyễn Văn An", "Trần Thị Cúc", "Hoàng Thị Em"]
    assert roster.frame["gender"].value_counts().to_dict() == {"Nữ": 2, "Nam": 1}
    [note] = notes(result, "members.struck_out")
    assert note.severity == "info" and note.cell == "B4" and "B6" in note.text("vi")


def test_ods_rows_are_counted_like_the_reader_counts_them(tmp_path: Path):
    """Blank rows written as one repeated row above the title still count: the struck name is the one named."""
    result = check_files([write_ods(tmp_path / "ds.ods", {4}, lead_blank_rows=3)])
    assert list(result.dataset.members.frame["name"])[-1] == "Phạm Văn Dũng"
    assert [n.cell for n in notes(result, "members.struck_out")] == ["B10"]


def test_ods_without_strike_is_unchanged(tmp_path: Path):
    result = check_files([write_ods(tmp_path / "ds.ods", set())])
    assert len(result.dataset.members) == 5 and not notes(result, "members.struck_out")
    assert not notes(result, "members.strike_unreadable")


def test_ods_struck_rows_reads_the_name_column_of_the_table_asked(tmp_path: Path):
    from unionboard.read import odsstrike

    data = write_ods(tmp_path / "ds.ods", {2}).read_bytes()
    assert odsstrike.struck_rows(data, "Đoàn viên", range(2, 7), 1) == [4]
    assert odsstrike.struck_rows(data, "Đoàn viên", range(2, 7), 0) == []  # STT column not struck
    assert odsstrike.struck_rows(data, "Ghi chú", range(0, 1), 1) == []
    with pytest.raises(strike.StrikeUnreadable):
        odsstrike.struck_rows(b"PK\x03\x04 not a zip", "Đoàn viên", range(2, 7), 1)


# --------------------------------------------------------------------------- legacy .xls (BIFF)


def write_xls(path: Path, struck: set[int], whole_row: bool = False) -> Path:
    """The roster of write_roster as a legacy .xls built with xlwt, struck names (or whole rows) in `struck`."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Đoàn viên")
    struck_style = xlwt.easyxf("font: struck_out on")
    sheet.write(0, 0, "DANH SÁCH ĐOÀN VIÊN")
    for col, label in enumerate(HEADER):
        sheet.write(1, col, label)
    for index, (name, sex) in enumerate(PEOPLE):
        for col, value in enumerate([index + 1, name, sex, 1980 + index, "Phòng Kế toán", "Đại học"]):
            hit = index in struck and (whole_row or col == 1)
            sheet.write(2 + index, col, value, *([struck_style] if hit else []))
    book.save(str(path))
    return path


def test_struck_rows_of_an_xls_are_not_counted_and_named(tmp_path: Path):
    result = check_files([write_xls(tmp_path / "ds.xls", {1, 3})])
    roster = result.dataset.members
    assert result.ok, result.errors
    assert list(roster.frame["name"]) == ["Nguyễn Văn An", "Trần Thị Cúc", "Hoàng Thị Em"]
    [note] = notes(result, "members.struck_out")
    assert note.cell == "B4" and "B6" in note.text("vi")


def test_xls_struck_rows_by_name_or_by_most_cells(tmp_path: Path):
    from unionboard.read import xlsstrike

    name_only = write_xls(tmp_path / "name.xls", {0}).read_bytes()
    whole = write_xls(tmp_path / "whole.xls", {0}, whole_row=True).read_bytes()
    assert xlsstrike.struck_rows(name_only, "Đoàn viên", range(2, 7), 1) == [2]
    assert xlsstrike.struck_rows(name_only, "Đoàn viên", range(2, 7), None) == []  # one of six cells
    assert xlsstrike.struck_rows(whole, "Đoàn viên", range(2, 7), None) == [2]
    assert xlsstrike.struck_rows(write_xls(tmp_path / "none.xls", set()).read_bytes(), "Đoàn viên",
                                 range(2, 7), 1) == []
    with pytest.raises(strike.StrikeUnreadable):
        xlsstrike.struck_rows(name_only, "Không có", range(2, 7), 1)
