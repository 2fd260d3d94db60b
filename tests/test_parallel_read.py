"""A sheet read by calamine in parts on several threads gives exactly the whole sheet's grid."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from unionboard.analysis.metrics import summary
from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.read import parallel_read, zipparts
from unionboard.read.workbook import Limits, read_sheets
from unionboard.sample.report import sample_paths

SHEET = "xl/worksheets/sheet1.xml"


def xlsx(rows: list[list], start: str | None = None) -> bytes:
    """One sheet "Dữ liệu" holding `rows` (from cell `start`, e.g. "C5"), written by openpyxl."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Dữ liệu"
    first_row, first_col = 1, 1
    if start:
        letters, digits = re.fullmatch(r"([A-Z]+)(\d+)", start).groups()
        first_row, first_col = int(digits), ord(letters) - 64
    for r, line in enumerate(rows):
        for c, value in enumerate(line):
            if value is not None:
                ws.cell(first_row + r, first_col + c, value)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def replace_sheet(data: bytes, xml: bytes) -> bytes:
    """The workbook with its first sheet's XML replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, xml if info.filename == SHEET else src.read(info.filename))
    return out.getvalue()


def sheet_xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(SHEET)


def whole_read(data: bytes) -> list[list]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python(skip_empty_area=False)


def parts_read(data: bytes, parts: int) -> list[list] | None:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = zipparts.whole(data, z, SHEET)
    name = CalamineWorkbook.from_filelike(io.BytesIO(data)).sheet_names[0]
    return parallel_read.read_rows(data, name, parallel_read.SheetXml(SHEET, xml, parts))


def roster(n: int) -> list[list]:
    """A roster-like grid: title rows, a header, texts, numbers, dates, booleans and blank cells."""
    rows: list[list] = [["DANH SÁCH ĐOÀN VIÊN"], [], ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Ngày vào",
                                                       "Đảng viên", "Hệ số"]]
    for i in range(n):
        rows.append([i + 1, f"Nguyễn Văn {chr(65 + i % 26)}{i}", "Nữ" if i % 3 else "Nam",
                     1960 + i % 40 if i % 17 else None, dt.datetime(1990 + i % 30, 1 + i % 12, 1 + i % 28),
                     i % 2 == 0, 2.34 + i / 100 if i % 5 else ""])
    rows.append(["Tổng cộng", None, None, None, None, None, None])
    return rows


@pytest.mark.parametrize("parts", [2, 3, 5])
def test_roster_read_in_parts_equals_the_whole_read(parts):
    data = xlsx(roster(400))
    result = parts_read(data, parts)
    assert result is not None
    assert result == whole_read(data)
    assert len(result) == 404 and {len(row) for row in result} == {7}


def test_sheet_starting_away_from_a1_and_parts_of_different_widths():
    rows = roster(300)
    rows[50].extend([None, None, "ghi chú xa"])  # the first part is wider…
    rows[280].append("cột thêm")  # …and the last part has a column of its own
    data = xlsx(rows, start="C5")
    result = parts_read(data, 3)
    assert result is not None and result == whole_read(data)
    assert result[0] == [""] * 12 and result[4][2] == "DANH SÁCH ĐOÀN VIÊN" and result[54][11] == "ghi chú xa"


def test_blank_rows_around_the_cuts_are_kept():
    rows = roster(200)
    for index in range(90, 130):
        rows[index] = []  # a gap in the middle, where a two-part cut falls
    data = xlsx(rows)
    assert parts_read(data, 2) == whole_read(data)


def test_rows_and_cells_without_numbers_are_placed_like_calamine_places_them():
    data = xlsx(roster(200))
    xml = sheet_xml(data)
    # every other row and every cell lose their number: calamine counts them
    xml = re.sub(rb'(<c) r="[A-Z]+[0-9]+"', rb"\1", xml)
    xml = re.sub(rb'<row r="([0-9]*[02468])"', rb"<row", xml)
    data = replace_sheet(data, xml)
    result = parts_read(data, 2)
    assert result is not None and result == whole_read(data)


@pytest.mark.parametrize(("opening", "closing"), [(b"<!--", b"-->"), (b"<![CDATA[", b"]]>")])
def test_a_cut_inside_a_comment_or_cdata_never_changes_the_grid(opening, closing):
    """Row tags inside a comment or CDATA section are not rows. A cut that falls inside one leaves
    a part unterminated: calamine refuses it and the sheet is read whole; other cuts are exact."""
    data = xlsx(roster(200))
    xml = sheet_xml(data)
    at = xml.index(b"<row ", len(xml) // 2 - 3000)
    fake = b"".join(b'<row r="%d"><c r="A%d" t="n"><v>7</v></c></row>' % (i, i) for i in range(150, 400))
    data = replace_sheet(data, xml[:at] + opening + fake + closing + xml[at:])
    whole = whole_read(data)
    results = [parts_read(data, parts) for parts in (2, 3, 4, 5)]
    assert all(result is None or result == whole for result in results)
    assert None in results  # some cut did fall inside…
    assert any(result == whole for result in results)  # …and some did not


def test_prefixed_sheet_is_not_cut():
    xml = sheet_xml(xlsx(roster(50)))
    prefixed = re.sub(rb"<(/?)(\w+)", rb"<\1x:\2", xml).replace(b"xmlns=", b"xmlns:x=")
    assert parallel_read.cut(prefixed, 2) is None
    assert parallel_read.cut(xml, 2) is not None


def test_cuts_start_at_numbered_rows_in_order():
    xml = sheet_xml(xlsx(roster(300)))
    spans = parallel_read.cut(xml, 4)
    assert len(spans) == 4
    assert all(xml.startswith(b'<row r="', start) for start, _end in spans[1:])
    assert [end for _s, end in spans[:-1]] == [start for start, _e in spans[1:]]
    assert xml[spans[-1][1]:].startswith(b"</sheetData>")


def test_rows_out_of_order_across_a_cut_fall_back_to_the_whole_read():
    data = xlsx(roster(200))
    xml = sheet_xml(data)
    # the last row claims to be row 3: the parts overlap, only the whole read can place it
    last = xml.rindex(b'<row r="')
    number = re.match(rb'<row r="([0-9]+)"', xml[last:]).group(1)
    tail = xml[last:].replace(b'r="' + number, b'r="3').replace(number + b'"', b'3"')
    data = replace_sheet(data, xml[:last] + tail)
    assert parts_read(data, 2) is None
    sheets = read_sheets(SourceFile("x.xlsx", data), IssueLog(), Limits(read_threads=2, min_part_bytes=1))
    assert sheets[0].parts == 1 and sheets[0].rows == whole_read(data)


def test_join_places_parts_and_refuses_overlaps():
    first = ((1, 1), (2, 2), [["a", "b"], ["c", ""]])
    second = ((4, 0), (4, 3), [["d", "", "", "e"]])
    assert parallel_read.join([first, second]) == [
        ["", "", "", ""], ["", "a", "b", ""], ["", "c", "", ""], ["", "", "", ""], ["d", "", "", "e"]]
    assert parallel_read.join([second, first]) is None


def test_parts_for_follows_size_and_threads(monkeypatch):
    mb = parallel_read.MB
    assert parallel_read.parts_for(3 * mb, 4) == 1  # too small to be worth a thread
    assert parallel_read.parts_for(5 * mb, 4) == 2
    assert parallel_read.parts_for(100 * mb, 4) == 4
    assert parallel_read.parts_for(100 * mb, 1) == 1
    monkeypatch.setenv("UNIONBOARD_READ_THREADS", "3")
    assert parallel_read.parts_for(100 * mb) == 3


def test_read_sheets_reads_a_large_sheet_in_parts():
    data = xlsx(roster(3000))
    limits = Limits(read_threads=2, min_part_bytes=64 * 1024)
    log = IssueLog()
    in_parts = read_sheets(SourceFile("lon.xlsx", data), log, limits)
    whole = read_sheets(SourceFile("lon.xlsx", data), IssueLog(), dataclasses.replace(limits, read_threads=1))
    assert not log.items
    assert in_parts[0].parts == 2 and whole[0].parts == 1
    assert in_parts[0].rows == whole[0].rows == whole_read(data)


def test_sample_data_checks_the_same_read_in_parts_or_whole():
    files = sample_paths()
    assert len(files) == 7
    whole = check_files(files, limits=Limits(read_threads=1))
    in_parts = check_files(files, limits=Limits(read_threads=3, min_part_bytes=1))
    assert summary(in_parts) == summary(whole)
    assert summary(whole)["members"]["total"] == 33


CELL = st.one_of(
    st.none(),
    st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyAĐ 0123456789", min_size=1, max_size=8)
    .filter(lambda s: s.strip() == s and s != ""),
    st.integers(min_value=-10**6, max_value=10**9),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).filter(lambda f: f != int(f)),
    st.booleans(),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2030, 12, 31)),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(grid=st.lists(st.lists(CELL, max_size=7), min_size=2, max_size=40),
       start=st.sampled_from([None, "B2", "D7"]), parts=st.integers(min_value=2, max_value=5))
def test_any_grid_read_in_parts_equals_the_whole_read(grid, start, parts):
    data = xlsx(grid, start)
    if not any(value is not None for line in grid for value in line):
        return  # an empty sheet has nothing to cut
    result = parts_read(data, parts)
    # None only when no part can be made (the caller then reads whole); never a different grid
    assert result is None or result == whole_read(data)


def test_no_room_for_the_parts_falls_back_to_the_whole_read(monkeypatch, tmp_path):
    import tempfile

    data = xlsx(roster(300))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "khong-co"))  # a folder that does not exist
    log = IssueLog()
    sheets = read_sheets(SourceFile("x.xlsx", data), log, Limits(read_threads=2, min_part_bytes=1))
    assert not log.items
    assert sheets[0].parts == 1 and sheets[0].rows == whole_read(data)


BASE = xlsx(roster(120))
BASE_XML = sheet_xml(BASE)
DAMAGE = st.lists(st.tuples(st.sampled_from(["flip", "insert", "delete"]), st.floats(0.0, 1.0),
                            st.binary(min_size=1, max_size=12)), min_size=1, max_size=3)


def damaged(ops) -> bytes:
    xml = bytearray(BASE_XML)
    for kind, where, payload in ops:
        pos = int(where * (len(xml) - 1))
        if kind == "flip":
            for i, byte in enumerate(payload):
                if pos + i < len(xml):
                    xml[pos + i] ^= byte or 0xFF
        elif kind == "insert":
            xml[pos:pos] = payload
        else:
            del xml[pos:pos + len(payload)]
    return bytes(xml)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=DAMAGE)
def test_damaged_sheet_read_in_parts_is_never_different_from_the_whole_read(ops):
    data = replace_sheet(BASE, damaged(ops))
    log = IssueLog()
    sheets = read_sheets(SourceFile("hong.xlsx", data), log, Limits(read_threads=3, min_part_bytes=1))
    if log.items:  # refused by the safety scan, or broken for calamine too: nothing read in parts
        assert all(sheet.parts == 1 for sheet in sheets)
        return
    assert sheets[0].rows == whole_read(data)  # in parts or (fallen back) whole: calamine's grid


def test_sheets_over_the_xml_budget_are_read_whole():
    data = xlsx(roster(300))
    size = len(sheet_xml(data))
    within = read_sheets(SourceFile("x.xlsx", data), IssueLog(),
                         Limits(read_threads=2, min_part_bytes=1, max_parallel_xml_bytes=size))
    over = read_sheets(SourceFile("x.xlsx", data), IssueLog(),
                       Limits(read_threads=2, min_part_bytes=1, max_parallel_xml_bytes=size - 1))
    assert (within[0].parts, over[0].parts) == (2, 1)
    assert within[0].rows == over[0].rows
