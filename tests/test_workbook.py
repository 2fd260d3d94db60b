"""Safe workbook reading: every hostile or broken file becomes one Vietnamese error, never an exception.

All files are real bytes built here (openpyxl, xlwt, zipfile, msoffcrypto-tool), no mocks.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib

import pytest
import xlwt
from helpers import ods_archive
from msoffcrypto.format.ooxml import OOXMLFile
from openpyxl import Workbook

from unionboard.core.issues import IssueLog
from unionboard.core.models import CheckResult, SourceFile
from unionboard.domains.loader import check_files
from unionboard.read.workbook import MB, Limits, read_sheets
from unionboard.sample.report import build_roster, roster_rows

VIETNAMESE = re.compile(r"[ăâđêôơưạảãáàặẳẵắằậẩẫấầẹẻẽéèệểễếềịỉĩíìọỏõóòộổỗốồợởỡớờụủũúùựửữứừỵỷỹýỳ]",
                        re.IGNORECASE)


# --------------------------------------------------------------------------- helpers


def xlsx_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def roster_xlsx() -> bytes:
    """The sample roster (sheet "Đoàn viên", header on row 4, first member on row 5)."""
    return xlsx_bytes(build_roster())


def check(name: str, data: bytes, limits: Limits | None = None) -> CheckResult:
    result = check_files([SourceFile(name, data)], limits=limits)  # must not raise
    assert isinstance(result, CheckResult)
    return result


def only_error(result: CheckResult, name: str, *words: str) -> str:
    """The single issue of a rejected file: an error about the whole file, in Vietnamese."""
    assert len(result.issues) == 1, result.issues
    issue = result.issues[0]
    assert issue.severity == "error"
    assert issue.file == name
    assert issue.sheet is None
    assert issue.cell is None
    assert VIETNAMESE.search(issue.message), issue.message
    for word in words:
        assert word in issue.message, (word, issue.message)
    assert result.dataset.domains() == ()
    assert not result.ok
    return issue.message


def rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of an .xlsx with some parts replaced or added."""
    replace, add = replace or {}, add or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
        for name, content in add.items():
            dst.writestr(name, content)
    return out.getvalue()


def bomb_xlsx(unpacked_mb: int, roster: bytes) -> bytes:
    """A valid .xlsx whose first sheet part is `unpacked_mb` MB of '0' (streamed in 1 MB chunks)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(roster)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                continue
            dst.writestr(info.filename, src.read(info.filename))
        with dst.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            chunk = b"0" * MB
            for _ in range(unpacked_mb):
                part.write(chunk)
    return out.getvalue()


def png_bytes() -> bytes:
    """A real 1×1 PNG image."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


# --------------------------------------------------------------------------- not Excel at all


def test_text_file_renamed_xlsx_is_rejected():
    data = "STT,Họ và tên,Giới tính\n1,Nguyễn Văn An,Nam\n".encode()
    only_error(check("danh-sach.xlsx", data), "danh-sach.xlsx", "Không phải tệp Excel", ".xlsx", ".xls")


def test_png_image_is_rejected():
    only_error(check("anh-chup.xlsx", png_bytes()), "anh-chup.xlsx", "Không phải tệp Excel")


def test_empty_file_is_rejected():
    only_error(check("rong.xlsx", b""), "rong.xlsx", "Tệp rỗng", "0 byte")


# --------------------------------------------------------------------------- broken files


def test_truncated_xlsx_is_rejected(roster_xlsx):
    half = roster_xlsx[: len(roster_xlsx) // 2]
    only_error(check("cat-cut.xlsx", half), "cat-cut.xlsx", "bị hỏng", "cắt cụt")


def test_corrupt_zip_header_is_rejected():
    data = b"PK\x03\x04" + bytes(range(256)) * 8
    only_error(check("hong.xlsx", data), "hong.xlsx", "bị hỏng")


def test_zip_without_workbook_part_is_rejected():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    only_error(check("van-ban.xlsx", out.getvalue()), "van-ban.xlsx", "không phải sổ tính Excel",
               "xl/workbook.xml")


def test_corrupt_sheet_data_is_an_error_not_an_exception(roster_xlsx):
    # Keep the zip directory intact but garble the compressed bytes of the sheet part.
    data = bytearray(roster_xlsx)
    with zipfile.ZipFile(io.BytesIO(roster_xlsx)) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + min(info.compress_size, 400)):
        data[i] ^= 0x5A
    result = check("hong-trang.xlsx", bytes(data))
    errors = result.errors
    assert errors, result.issues
    assert all(i.file == "hong-trang.xlsx" for i in result.issues)
    assert {i.code for i in errors} & {"read.damaged", "read.damaged_zip", "read.damaged_sheet"}, errors
    assert result.dataset.members is None


# --------------------------------------------------------------------------- password, macros


def test_password_protected_workbook_is_rejected(roster_xlsx):
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(roster_xlsx)).encrypt("matkhau", encrypted)
    data = encrypted.getvalue()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # a real encrypted OLE container
    only_error(check("bao-mat.xlsx", data), "bao-mat.xlsx", "mật khẩu", "mã hóa")


def test_macro_workbook_with_vba_project_is_rejected(roster_xlsx):
    data = rezip(roster_xlsx, add={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 512})
    only_error(check("co-macro.xlsx", data), "co-macro.xlsx", "macro", "VBA")


def test_xlsm_extension_alone_is_rejected(roster_xlsx):
    only_error(check("danh-sach.xlsm", roster_xlsx), "danh-sach.xlsm", "macro", ".xlsm")


# --------------------------------------------------------------------------- size limits, bombs


def test_file_over_size_limit_is_rejected(roster_xlsx):
    message = only_error(check("lon.xlsx", roster_xlsx, Limits(max_file_bytes=4096)), "lon.xlsx",
                         "Tệp quá lớn", "giới hạn")
    assert "4 KB" in message  # the limit is shown in a readable unit, not "0 MB"


def test_size_limit_from_environment(monkeypatch, roster_xlsx):
    monkeypatch.setenv("UNIONBOARD_MAX_FILE_MB", "0.001")
    only_error(check("lon.xlsx", roster_xlsx), "lon.xlsx", "Tệp quá lớn")


def test_zip_bomb_over_the_default_unpacked_limit(roster_xlsx):
    bomb = bomb_xlsx(300, roster_xlsx)
    assert len(bomb) < 2 * MB
    message = only_error(check("bom.xlsx", bomb), "bom.xlsx", "giải nén", "bom nén", "200 MB")
    assert "300 MB" in message


def test_zip_bomb_with_a_lowered_limit(roster_xlsx):
    bomb = bomb_xlsx(12, roster_xlsx)
    only_error(check("bom-nho.xlsx", bomb, Limits(max_unpacked_bytes=8 * MB)), "bom-nho.xlsx",
               "vượt giới hạn", "8 MB", "bom nén")


def test_compression_ratio_bomb_under_the_size_limit(roster_xlsx):
    bomb = bomb_xlsx(40, roster_xlsx)  # 40 MB < 200 MB, but ~1000:1
    only_error(check("ty-le.xlsx", bomb), "ty-le.xlsx", "Tỷ lệ nén bất thường", "bom nén")


def far_cell_xlsx() -> bytes:
    wb = build_roster()
    wb["Đoàn viên"]["XFD1048576"] = "x"  # one stray cell: a 17-billion-cell used range
    extra = wb.create_sheet("Ghi chú")
    extra.append(["Tài liệu"])
    return xlsx_bytes(wb)


def test_stray_far_cell_is_refused_before_reading():
    result = check("o-xa.xlsx", far_cell_xlsx())  # calamine would abort the whole process
    issue = result.issues[0]
    assert (issue.severity, issue.file, issue.sheet, issue.cell) == ("error", "o-xa.xlsx", "Đoàn viên", None)
    assert issue.code == "read.sheet_too_large"
    assert "XFD1048576" in issue.message and "1.048.576 dòng × 16.384 cột" in issue.message
    assert result.dataset.members is None
    assert all(i.severity == "error" and i.file == "o-xa.xlsx" for i in result.issues)


def test_stray_far_cell_without_dimension_element_is_refused():
    data = far_cell_xlsx()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    stripped = re.sub(rb"<dimension[^>]*/>", b"", sheet)
    assert stripped != sheet
    result = check("o-xa.xlsx", rezip(data, {"xl/worksheets/sheet1.xml": stripped}))
    assert [(i.sheet, i.code) for i in result.errors][0] == ("Đoàn viên", "read.sheet_too_large")


CELL_WITHOUT_REF = b'<c t="n"><v>1</v></c>'
ROW_CELLS_WITHOUT_REF = {
    # a row numbered 1.048.576 whose 20.000 cells carry no reference: calamine counts them
    "hang-cuoi.xlsx": b'<row r="1048576">' + CELL_WITHOUT_REF * 20_000 + b"</row>",
    # a row under the screen's six digits with 300.000 counted cells: 3·10¹⁰ cells
    "hang-dai.xlsx": b'<row r="99999">' + CELL_WITHOUT_REF * 300_000 + b"</row>",
}


@pytest.mark.parametrize("name", sorted(ROW_CELLS_WITHOUT_REF))
def test_cells_without_references_cannot_make_calamine_abort(name, roster_xlsx, tmp_path):
    """Calamine places a cell without a reference by counting; before the counted extent was
    checked these few-KB files made it ask for 700-960 GB and abort the whole server process.
    Checked in a child process, so that a regression fails this test instead of killing pytest."""
    import subprocess
    import sys

    with zipfile.ZipFile(io.BytesIO(roster_xlsx)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    crafted = rezip(roster_xlsx, {"xl/worksheets/sheet1.xml": sheet.replace(
        b"</sheetData>", ROW_CELLS_WITHOUT_REF[name] + b"</sheetData>")})
    assert len(crafted) < 200_000
    path = tmp_path / name
    path.write_bytes(crafted)
    child = subprocess.run([sys.executable, "-m", "unionboard", "check", str(path), "--json"],
                           capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == 1, child.stderr[-2000:]  # errors, not a crash (134 = aborted)
    errors = [i for i in json.loads(child.stdout)["issues"] if i["severity"] == "error"]
    assert errors[0]["sheet"] == "Đoàn viên" and "Trang tính quá lớn" in errors[0]["message"]
    expected = "1.048.576 dòng × 20.000 cột" if name == "hang-cuoi.xlsx" else "99.999 dòng × 300.000 cột"
    assert expected in errors[0]["message"]


def without_references(xml: bytes, rows_too: bool) -> bytes:
    xml = re.sub(rb'(<c) r="[A-Z]+[0-9]+"', rb"\1", xml)
    return re.sub(rb'(<row) r="[0-9]+"', rb"\1", xml) if rows_too else xml


@pytest.mark.parametrize("rows_too", [False, True])
def test_roster_written_without_references_is_read_like_the_original(rows_too):
    """Some writers put no reference on cells (and rows): every cell is then written, blanks too,
    and calamine places them by counting. Such a roster reads exactly like the referenced one."""
    wb = build_roster()
    ws = wb["Đoàn viên"]
    for line in ws.iter_rows():
        for cell in line:
            if cell.value is None and type(cell).__name__ == "Cell":  # not the covered part of a merge
                cell.value = ""  # written as an empty text cell, as such writers do
    data = xlsx_bytes(wb)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    bare = without_references(sheet, rows_too)
    assert b'<c r="' not in bare and (b'<row r="' not in bare) == rows_too
    result = check("khong-ref.xlsx", rezip(data, {"xl/worksheets/sheet1.xml": bare}))
    original = check("co-ref.xlsx", data)
    assert not result.errors
    assert len(result.dataset.members) == 33
    assert result.dataset.members.frame.equals(original.dataset.members.frame)


def test_counted_extent_is_the_grid_calamine_builds():
    from python_calamine import CalamineWorkbook

    from unionboard.read.xlsxscan import _counted_extent

    wb = Workbook()
    wb.active["A1"] = "x"
    base = xlsx_bytes(wb)
    value = b'<c t="n"><v>1</v></c>'
    cases = [
        b'<row r="7"><c r="B2" t="n"><v>1</v></c></row>',  # a reference wins over the row number
        b'<row r="3">' + value * 3 + b"</row>",
        b'<row r="3">' + value + b"</row><row>" + value * 2 + b"</row>",  # the next row is counted
        b'<row r="2"><c r="D2" t="n"><v>1</v></c>' + value + b"</row>",  # after D2 comes E2
        b'<row r="5"><c r="C9" t="n"><v>1</v></c>' + value + b"</row>",  # counted in row 5, column D
        b'<row r="2"><c r="A9" t="n"><v>1</v></c></row><row>' + value + b"</row>",
        b"<row>" + value * 4 + b"</row><row/><row>" + value + b"</row>",
    ]
    for sheet_data in cases:
        with zipfile.ZipFile(io.BytesIO(base)) as z:
            sheet = z.read("xl/worksheets/sheet1.xml")
        sheet = re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData>" + sheet_data + b"</sheetData>",
                       sheet, flags=re.S)
        data = rezip(base, {"xl/worksheets/sheet1.xml": sheet})
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        end = workbook.get_sheet_by_name(workbook.sheet_names[0]).end
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert _counted_extent(data, archive, "xl/worksheets/sheet1.xml") == (end[0] + 1, end[1] + 1), sheet_data


def test_far_reference_cut_by_a_chunk_boundary_is_found(roster_xlsx):
    """The screens read the sheet 1 MB at a time: a far reference that straddles two chunks, or
    sits in the very last bytes, is still seen."""
    from unionboard.read.xlsxscan import CHUNK

    with zipfile.ZipFile(io.BytesIO(roster_xlsx)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    head, rest = sheet.split(b"</sheetData>")
    for offset in (3, 8, 12, 20):  # where the chunk boundary falls inside '<c r="XFD1048576"'
        filler = b'<row r="40"><c r="A40" t="inlineStr"><is><t>' + b"x" * 100 + b"</t></is></c></row>"
        body = head
        while len(body) < CHUNK - offset - 200:
            body += filler
        body += b" " * (CHUNK - offset - len(body))
        crafted = body + b'<c r="XFD1048576" t="n"><v>1</v></c></sheetData>' + rest
        assert crafted.index(b"XFD1048576") - 6 == CHUNK - offset
        result = check("ranh-gioi.xlsx", rezip(roster_xlsx, {"xl/worksheets/sheet1.xml": crafted}))
        assert result.errors[0].code == "read.sheet_too_large", offset


def test_cell_limit_is_configurable(roster_xlsx):
    result = check("nho.xlsx", roster_xlsx, Limits(max_cells=100))  # 37 rows × 9 columns
    assert [(i.severity, i.sheet) for i in result.errors][0] == ("error", "Đoàn viên")
    assert "37 dòng × 9 cột" in result.errors[0].message and "100 ô" in result.errors[0].message


# --------------------------------------------------------------------------- formulas


def test_formula_without_cached_value_names_sheet_and_cell():
    wb = build_roster()
    wb["Đoàn viên"]["D5"] = "=1960+2"  # openpyxl writes no cached value
    result = check("cong-thuc.xlsx", xlsx_bytes(wb))
    formula = [i for i in result.errors if i.code == "loader.formula_without_value"]
    assert len(formula) == 1, result.issues
    issue = formula[0]
    assert (issue.severity, issue.file, issue.sheet, issue.cell) == ("error", "cong-thuc.xlsx", "Đoàn viên", "D5")
    assert "không có giá trị đã tính" in issue.message
    assert "lưu lại" in issue.message
    assert result.dataset.members is not None and len(result.dataset.members) == 33


def test_formula_with_cached_value_is_fine(roster_xlsx):
    with zipfile.ZipFile(io.BytesIO(roster_xlsx)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    # D5 as Excel saves it: the formula and its calculated value
    patched = re.sub(rb'<c r="D5"[^>]*?(?:/>|>.*?</c>)', b'<c r="D5"><f>1960+2</f><v>1962</v></c>',
                     sheet, count=1, flags=re.S)
    assert patched != sheet
    result = check("da-tinh.xlsx", rezip(roster_xlsx, {"xl/worksheets/sheet1.xml": patched}))
    assert result.ok, result.issues
    assert int(result.dataset.members.frame["birth_year"].iloc[0]) == 1962


def test_formula_with_cached_empty_text_is_fine(roster_xlsx):
    # Excel writes =IF(…;"";…) evaluated to "" as t="str" with an empty <v/>: a real cached value.
    with zipfile.ZipFile(io.BytesIO(roster_xlsx)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    patched = re.sub(rb'<c r="I5"[^>]*?(?:/>|>.*?</c>)',
                     b'<c r="I5" t="str"><f>IF(H5="x","","")</f><v/></c>', sheet, count=1, flags=re.S)
    assert patched != sheet
    result = check("rong-chuoi.xlsx", rezip(roster_xlsx, {"xl/worksheets/sheet1.xml": patched}))
    assert not [i for i in result.issues if i.code == "loader.formula_without_value"], result.issues


def test_sheet_name_with_ampersand_keeps_formula_location():
    wb = build_roster()
    ws = wb["Đoàn viên"]
    ws.title = "Đoàn viên & HĐLĐ"
    ws["D6"] = "=1985"
    data = xlsx_bytes(wb)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert b"&amp;" in z.read("xl/workbook.xml")  # the name is XML-escaped in workbook.xml
    result = check("ky-tu.xlsx", data)
    formula = [i for i in result.errors if i.code == "loader.formula_without_value"]
    assert [(i.file, i.sheet, i.cell) for i in formula] == [("ky-tu.xlsx", "Đoàn viên & HĐLĐ", "D6")]
    assert result.sheets["members"] == (("ky-tu.xlsx", "Đoàn viên & HĐLĐ"),)


# --------------------------------------------------------------------------- legacy .xls


def test_legacy_xls_is_read():
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Đoàn viên")
    header = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
              "Lý luận chính trị", "Đảng viên", "Chức vụ công đoàn"]
    ws.write(0, 0, "DANH SÁCH ĐOÀN VIÊN")
    for col, label in enumerate(header):
        ws.write(2, col, label)
    for r, row in enumerate(roster_rows(), start=3):
        for col, value in enumerate(row):
            if value is not None:
                ws.write(r, col, value)
    buf = io.BytesIO()
    book.save(buf)
    result = check("cu.xls", buf.getvalue())
    assert result.ok, result.issues
    assert result.issues == ()
    roster = result.dataset.members
    assert roster is not None and len(roster) == 33
    assert roster.file == "cu.xls" and roster.sheet == "Đoàn viên"
    assert roster.frame["gender"].value_counts().to_dict() == {"Nữ": 17, "Nam": 16}


def test_truncated_xls_that_makes_calamine_panic_is_an_error():
    # calamine panics (pyo3 PanicException, a BaseException) on this truncated OLE file; the
    # loader must still turn it into one error rather than let it escape.
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Đoàn viên")
    for r, row in enumerate(roster_rows()[:10]):
        for col, value in enumerate(row[:8]):
            if value is not None:
                ws.write(r, col, value)
    buf = io.BytesIO()
    book.save(buf)
    data = buf.getvalue()[:4096]  # calamine 0.37 (python-calamine 0.9) panics in its CFB reader
    only_error(check("cu-hong.xls", data), "cu-hong.xls", "bị hỏng")


def test_damaged_xls_that_makes_calamine_abort_is_an_error():
    # These 16 bytes inserted into a small roster .xls make calamine 0.37's BIFF reader ask for
    # 4 GB; when that allocation fails Rust aborts the whole process (a crashed server), so .xls
    # files are read with xlrd instead. Found by tests/test_fuzz.py.
    from tests.test_fuzz import REAL

    data = REAL["cu.xls"]
    damaged = data[:4194] + bytes.fromhex("c26b30f90ec7dd01e4887534a20f0b0d") + data[4194:]
    result = check("cu.xls", damaged)
    assert result.issues, "a damaged file gives at least one issue"
    assert all(i.file == "cu.xls" and i.severity in ("error", "warning") for i in result.issues)


def test_zip_needing_an_unknown_version_is_an_error(roster_xlsx):
    data = bytearray(roster_xlsx)
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = (120).to_bytes(2, "little")  # "needs zip version 12.0"
    only_error(check("phien-ban.xlsx", bytes(data)), "phien-ban.xlsx", "bị hỏng")


# --------------------------------------------------------------------------- read_sheets directly


def test_read_sheets_gives_grid_and_never_raises(roster_xlsx):
    log = IssueLog()
    sheets = read_sheets(SourceFile("dv.xlsx", roster_xlsx), log, Limits())
    assert len(log) == 0
    assert [s.name for s in sheets] == ["Đoàn viên"]
    sheet = sheets[0]
    assert sheet.file == "dv.xlsx"
    assert sheet.value(3, 1) == "Họ và tên"
    assert sheet.value(4, 1) == "Nguyễn Văn An"
    assert sheet.value(2, 0) is None  # blank row
    assert sheet.value(10_000, 50) is None  # out of range
    assert read_sheets(SourceFile("x.xlsx", b"nope"), log, Limits()) == []
    assert len(log) == 1 and log.items[0].severity == "error"


def test_missing_path_is_an_error(tmp_path):
    result = check_files([tmp_path / "khong-co.xlsx"])
    assert len(result.issues) == 1
    issue = result.issues[0]
    assert issue.severity == "error" and "khong-co.xlsx" in issue.file
    assert issue.code == "loader.cannot_open"


# --------------------------------------------------------------------------- open and plain formats

ROSTER_ROWS = [
    ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn", "Lý luận chính trị",
     "Đảng viên"],
    ["1", "Nguyễn Văn An", "Nam", "1980", "Văn phòng", "Thạc sĩ", "Trung cấp", "x"],
    ["2", "Lê Thị Bình", "Nữ", "1990", "Văn phòng", "Đại học", "", ""],
    ["3", "Trần Thị Cúc", "Nữ", "1985", "Phòng Kế hoạch", "Đại học", "Sơ cấp", "x"],
]


def ods_bytes(sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> bytes:
    """A minimal OpenDocument spreadsheet, written by hand (content.xml, styles for hidden tables)."""
    from xml.sax.saxutils import escape

    tables = []
    for name, rows in sheets.items():
        style = ' table:style-name="hidden"' if name in hidden else ""
        body = "".join(
            "<table:table-row>" + "".join(
                f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
                 if isinstance(v, int | float) else
                f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
                if v not in (None, "") else "<table:table-cell/>" for v in row) + "</table:table-row>"
            for row in rows)
        tables.append(f'<table:table table:name="{escape(name)}"{style}>{body}</table:table>')
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" office:version="1.2">'
        '<office:automatic-styles><style:style style:name="hidden" style:family="table">'
        '<style:table-properties table:display="false"/></style:style></office:automatic-styles>'
        f'<office:body><office:spreadsheet>{"".join(tables)}</office:spreadsheet></office:body>'
        '</office:document-content>')
    return ods_archive(content)


def _roster_summary(result) -> tuple:
    roster = result.dataset.members
    frame = roster.frame
    return (len(roster), list(frame["gender"]), list(frame["birth_year"]), list(frame["education"]),
            list(frame["party_member"]))


EXPECTED_ROSTER = (3, ["Nam", "Nữ", "Nữ"], [1980, 1990, 1985], ["Thạc sỹ", "Đại học", "Đại học"],
                   [True, False, True])


def cp1258(text: str) -> bytes:
    """Text as Excel on Vietnamese Windows saves it: cp1258, tone marks as combining characters."""
    import unicodedata

    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            for mark in marks:  # â ê ô ơ ư ă are in cp1258; the tone mark stays combining
                composed = unicodedata.normalize("NFC", base + mark)
                if len(composed) == 1 and composed.encode("cp1258", "ignore"):
                    base = composed
                    marks.remove(mark)
                    break
            out += base.encode("cp1258") + "".join(marks).encode("cp1258")
    return bytes(out)


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ","), ("utf-8-sig", ";"), ("cp1258", ";"),
                                                 ("cp1258", ",")])
def test_csv_in_utf8_or_the_vietnamese_windows_code_page(encoding, delimiter) -> None:
    text = "\r\n".join(delimiter.join(row) for row in ROSTER_ROWS)
    data = cp1258(text) if encoding == "cp1258" else text.encode(encoding)
    result = check_files([SourceFile("doan-vien.csv", data)])
    assert result.ok, result.issues
    assert _roster_summary(result) == EXPECTED_ROSTER
    assert result.dataset.members.frame["name"].tolist()[1] == "Lê Thị Bình"


def test_ods_is_read_through_the_same_checks() -> None:
    data = ods_bytes({"Đoàn viên": ROSTER_ROWS, "Cũ": ROSTER_ROWS}, hidden=("Cũ",))
    result = check_files([SourceFile("doan-vien.ods", data)])
    assert result.ok, result.issues
    assert _roster_summary(result) == EXPECTED_ROSTER
    assert [(i.code, i.sheet) for i in result.issues] == [("read.hidden_sheet", "Cũ")]


def test_an_ods_renamed_xlsx_is_read_by_content() -> None:
    result = check_files([SourceFile("doan-vien.xlsx", ods_bytes({"Đoàn viên": ROSTER_ROWS}))])
    assert result.ok, result.issues
    assert _roster_summary(result) == EXPECTED_ROSTER


def test_a_text_file_that_is_not_csv_is_still_refused() -> None:
    result = check_files([SourceFile("ghi-chu.docx", b"plain text, not a spreadsheet")])
    assert [i.code for i in result.errors] == ["read.not_excel"]


# --------------------------------------------------------------------------- bounded work per upload


def test_the_memory_budget_sets_the_cell_limit(monkeypatch) -> None:
    from unionboard.read.workbook import BYTES_PER_CELL

    monkeypatch.setenv("UNIONBOARD_MAX_READ_MB", "350")
    assert Limits.from_env().max_read_cells == 350 * MB // BYTES_PER_CELL
    monkeypatch.setenv("UNIONBOARD_MAX_READ_MB", "100000")
    assert Limits.from_env().max_read_cells == 10_000_000  # never above the hard ceiling


def test_a_sheet_over_the_memory_budget_is_refused_before_reading(monkeypatch) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    for i in range(400):
        ws.append([i, f"Người {i}", "Nam"])
    buf = io.BytesIO()
    wb.save(buf)
    monkeypatch.setenv("UNIONBOARD_MAX_READ_MB", "0.1")  # ~436 cells: the 1.200-cell sheet is over
    result = check_files([SourceFile("lon.xlsx", buf.getvalue())])
    (error,) = [i for i in result.errors if i.code == "read.sheet_too_large"]
    assert error.sheet == "Đoàn viên" and "UNIONBOARD_MAX_READ_MB" in error.message
    assert "400 dòng × 3 cột" in error.message
    assert result.dataset.members is None


def test_part_folders_left_by_a_killed_process_are_removed(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from unionboard.read import parallel_read

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    stale = tmp_path / f"{parallel_read.PART_FOLDER_PREFIX}{dead}-abc"
    mine = tmp_path / f"{parallel_read.PART_FOLDER_PREFIX}{os.getpid()}-def"
    for folder in (stale, mine):
        folder.mkdir()
        (folder / "part-0.xlsx").write_bytes(b"x")
    removed = parallel_read.clean_stale_parts(str(tmp_path), force=True)
    assert removed == [str(stale)] and not stale.exists() and mine.exists()


def test_a_sheet_read_in_parts_is_also_held_to_the_memory_budget() -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(3000):
        ws.append([i, f"Người thứ {i}", "Nam", 1980 + i % 30])
    buf = io.BytesIO()
    wb.save(buf)
    source = SourceFile("lon.xlsx", buf.getvalue())
    log = IssueLog()
    sheets = read_sheets(source, log, Limits(max_read_cells=5_000, min_part_bytes=16 * 1024, read_threads=2))
    assert sheets == []
    (error,) = [i for i in log if i.code == "read.sheet_too_large"]
    assert "3.000 dòng × 4 cột" in error.message
    whole = read_sheets(source, IssueLog(), Limits(min_part_bytes=16 * 1024, read_threads=2))
    assert whole[0].parts == 2 and len(whole[0].rows) == 3000  # within budget: read in parts as before
