"""safe_export: formula-injection-safe cells, CSV (UTF-8 BOM) and XLSX bytes re-read for real."""

from __future__ import annotations

import csv
import datetime as dt
import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from unionboard.export.safe import (
    excel_value,
    frame_to_csv_bytes,
    frame_to_xlsx_bytes,
    safe_cell,
    safe_sheet_name,
    unquote_cell,
)


@pytest.mark.parametrize(("value", "expected"), [
    ("=SUM(A1)", "'=SUM(A1)"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1", "'+1"),
    ("-1", "'-1"),
    ("@x", "'@x"),
    ("\tabc", "'\tabc"),
    ("\rabc", "'\rabc"),
    ("-2.000.000", "'-2.000.000"),  # a number written as text stays text
    ("Thu ĐPCĐ 1%", "Thu ĐPCĐ 1%"),
    ("Nguyễn Thị Hằng", "Nguyễn Thị Hằng"),
    ("a=b", "a=b"),
    ("", ""),
])
def test_safe_cell_text(value, expected):
    assert safe_cell(value) == expected


@pytest.mark.parametrize("value", [0, 1, -1, -2_000_000, 3.5, -0.25, True, False, None,
                                   dt.date(2017, 10, 1), dt.datetime(2017, 10, 1, 8, 30)])
def test_safe_cell_keeps_numbers_bools_dates(value):
    out = safe_cell(value)
    assert out == value and type(out) is type(value)


def test_safe_cell_numpy_and_missing():
    assert safe_cell(np.int64(-5)) == -5 and isinstance(safe_cell(np.int64(-5)), int)
    assert isinstance(safe_cell(np.float64(2.5)), float)
    assert safe_cell(float("nan")) is None
    assert safe_cell(pd.NA) is None
    assert safe_cell(pd.NaT) is None
    assert safe_cell(pd.Timestamp("2020-01-02")) == dt.datetime(2020, 1, 2)


def test_safe_cell_other_objects_become_safe_text():
    class Odd:
        def __str__(self) -> str:
            return "=1+1"

    assert safe_cell(Odd()) == "'=1+1"


def test_excel_value_strips_illegal_control_characters():
    assert excel_value("a\x00b\x07c") == "abc"
    assert excel_value("\tx") == "'\tx"  # tab is legal in XML: kept, but neutralised
    assert excel_value(float("inf")) is None


def _frame() -> pd.DataFrame:
    return pd.DataFrame({
        "Năm": [2013, 2014, 2015],
        "Khoản mục": ["=SUM(A1)", "Thu ĐPCĐ 1%", "@cmd"],
        "Số tiền": [18_777_000, -2_000_000, 0],
        "Ghi chú": ["-2.000.000", "+84 912", None],
        "Tỷ lệ": [0.5, 1.25, np.nan],
    })


def test_csv_bytes_have_bom_and_neutralised_cells():
    data = frame_to_csv_bytes(_frame())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Năm", "Khoản mục", "Số tiền", "Ghi chú", "Tỷ lệ"]
    assert rows[1] == ["2013", "'=SUM(A1)", "18777000", "'-2.000.000", "0.5"]
    assert rows[2] == ["2014", "Thu ĐPCĐ 1%", "-2000000", "'+84 912", "1.25"]
    assert rows[3] == ["2015", "'@cmd", "0", "", ""]
    # no cell of the file starts with a formula trigger
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r"))
                   for row in rows for cell in row if not _is_number(cell))


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_csv_keeps_meaningful_index():
    frame = pd.DataFrame({2013: [1, 2], 2014: [3, 4]}, index=pd.Index(["=x", "Thu"], name="Nguồn thu"))
    rows = list(csv.reader(io.StringIO(frame_to_csv_bytes(frame).decode("utf-8-sig"))))
    assert rows == [["Nguồn thu", "2013", "2014"], ["'=x", "1", "3"], ["Thu", "2", "4"]]


def test_xlsx_bytes_neutralised_text_and_real_numbers():
    data = frame_to_xlsx_bytes(_frame(), sheet_name="Thu chi")
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Thu chi"]
    assert [c.value for c in ws[1]] == ["Năm", "Khoản mục", "Số tiền", "Ghi chú", "Tỷ lệ"]
    assert all(c.font.bold for c in ws[1])
    assert ws.freeze_panes == "A2"
    # neutralised text, stored as strings (never formulas)
    assert ws["B2"].value == "'=SUM(A1)" and ws["B2"].data_type == "s"
    assert ws["B4"].value == "'@cmd"
    assert ws["D2"].value == "'-2.000.000" and ws["D2"].data_type == "s"
    assert ws["D3"].value == "'+84 912"
    assert ws["B3"].value == "Thu ĐPCĐ 1%"
    # numbers stay numbers, ints formatted #,##0, years without separators
    assert ws["C2"].value == 18_777_000 and ws["C2"].data_type == "n"
    assert ws["C3"].value == -2_000_000 and ws["C3"].number_format == "#,##0"
    assert ws["A2"].value == 2013 and ws["A2"].number_format == "0"
    assert ws["E2"].value == 0.5 and ws["E2"].data_type == "n"
    assert ws["E4"].value is None and ws["D4"].value is None
    assert ws.column_dimensions["B"].width >= 10
    # no formula anywhere
    assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row)


def test_xlsx_default_sheet_name_and_unsafe_names():
    wb = load_workbook(io.BytesIO(frame_to_xlsx_bytes(pd.DataFrame({"a": [1]}))))
    assert wb.sheetnames == ["Dữ liệu"]
    assert safe_sheet_name("Thu/chi [2013]*?") == "Thu chi 2013"
    assert len(safe_sheet_name("x" * 40)) == 31
    assert safe_sheet_name("") == "Dữ liệu"


def test_xlsx_readable_by_calamine():
    """The app reads with calamine: a neutralised cell must come back as the same text."""
    from python_calamine import CalamineWorkbook

    wb = CalamineWorkbook.from_filelike(io.BytesIO(frame_to_xlsx_bytes(_frame())))
    rows = wb.get_sheet_by_name("Dữ liệu").to_python()
    assert rows[1][1] == "'=SUM(A1)"
    assert rows[1][2] == 18_777_000


@pytest.mark.parametrize("text", ["=SUM(A1)", "+1", "-2.000.000", "@x", "\tx", "\rx", "Thu ĐPCĐ 1%",
                                  "'quoted on purpose", "'"])
def test_unquote_cell_undoes_safe_cell(text):
    assert unquote_cell(safe_cell(text)) == text


def test_unquote_cell_leaves_other_values():
    assert unquote_cell("'abc") == "'abc"
    assert unquote_cell(5) == 5 and unquote_cell(None) is None


@pytest.mark.parametrize("value", ["\x01=HYPERLINK(\"http://x\",\"bấm\")", "\x00\x1f+1", " =1+1", "\x0b-2"])
def test_the_guard_comes_after_control_characters_are_removed(value):
    out = safe_cell(value)
    assert out.startswith("'") and not any(ord(ch) < 32 and ch not in "\t\r\n" for ch in out)
    assert unquote_cell(out) == out[1:]
    data = frame_to_xlsx_bytes(pd.DataFrame({"Họ và tên": [value]}))
    cell = load_workbook(io.BytesIO(data))["Dữ liệu"]["A2"]
    assert cell.data_type == "s" and cell.value == out  # text, never a formula
    text = frame_to_csv_bytes(pd.DataFrame({"Họ và tên": [value]})).decode("utf-8-sig")
    assert next(csv.reader(io.StringIO(text.splitlines()[1])))[0] == out


def test_an_uploaded_x0001_escape_never_becomes_a_formula_in_the_data_download(tmp_path):
    """A shared string "_x0001_=HYPERLINK(…)" in an upload is read as "\\x01=HYPERLINK(…)"; the data
    download must keep it text."""
    import zipfile

    from openpyxl import Workbook

    from unionboard.domains.loader import check_files
    from unionboard.export.xlsx import dataset_to_xlsx

    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    ws.append(["DANH SÁCH ĐOÀN VIÊN"])
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh"])
    ws.append([1, "PLACEHOLDER_NAME", "Nam", 1985])
    ws.append([2, "Lê Thị Bình", "Nữ", 1990])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    upload = tmp_path / "dv.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(upload, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                data = data.replace(b"PLACEHOLDER_NAME", b'_x0001_=HYPERLINK("http://x","An")')
            dst.writestr(item, data)
    result = check_files([upload])
    names = result.dataset.members.frame["name"].tolist()
    assert names[0].endswith('=HYPERLINK("http://x","An")')
    out = load_workbook(io.BytesIO(dataset_to_xlsx(result.dataset)))
    for sheet in out.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
