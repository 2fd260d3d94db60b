"""Rosters that give sex by position, as official lists do: the birth date under "Nam" or "Nữ" (merged
"Ngày sinh" over the pair), ticks in "Nam" / "Nữ" columns, a single "Nữ" column ticked for women."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files


def _xlsx(rows: list[list], merges: tuple[str, ...] = ()) -> SourceFile:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in rows:
        ws.append(row)
    for cells in merges:
        ws.merge_cells(cells)
    buf = io.BytesIO()
    wb.save(buf)
    return SourceFile("ds.xlsx", buf.getvalue())


def test_birth_date_under_the_sex_with_a_merged_group_header() -> None:
    rows = [["DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CÔNG TY"],
            ["STT", "Họ và tên", "Ngày sinh", None, "Đơn vị"],
            [None, None, "Nam", "Nữ", None],
            [1, "Nguyễn Văn An", "12/05/1985", None, "Kho"],
            [2, "Lê Thị Bình", None, dt.datetime(1990, 3, 1), "Kho"],
            [3, "Trần Văn Cường", "1979", None, "Xưởng"],
            [4, "Phạm Thu Hà", None, "05/1992", "Xưởng"],
            [5, "Đỗ Minh Khoa", "1988", "1988", "Xưởng"]]
    result = check_files([_xlsx(rows, merges=("A2:A3", "B2:B3", "C2:D2", "E2:E3"))])
    roster = result.dataset.members
    assert roster is not None and len(roster) == 5
    assert roster.frame["gender"].tolist() == ["Nam", "Nữ", "Nam", "Nữ", None]
    assert roster.frame["birth_year"].tolist()[:4] == [1985, 1990, 1979, 1992]
    assert roster.has("gender") and roster.has("birth_year")
    warning = result.issues[0]
    assert (warning.code, warning.cell) == ("members.sex_both", "C8")
    assert [(i.code, i.cell) for i in result.issues[1:]] == [("members.birth_blank", "C8")]
    assert "C8" in warning.text("en") and "unknown" in warning.text("en")


def test_ticks_in_nam_and_nu_columns() -> None:
    rows = [["STT", "Họ và tên", "Năm sinh", "Nam", "Nữ"],
            [1, "Nguyễn Văn An", 1985, "x", None], [2, "Lê Thị Bình", 1990, None, "✓"],
            [3, "Trần Thị Cúc", 1979, None, 1], [4, "Vũ Văn Dũng", 1980, None, None]]
    result = check_files([_xlsx(rows)])
    frame = result.dataset.members.frame
    assert frame["gender"].tolist() == ["Nam", "Nữ", "Nữ", None]
    assert frame["birth_year"].tolist() == [1985, 1990, 1979, 1980]
    assert [(i.code, i.cell) for i in result.issues] == [("members.sex_neither", "D5")]


def test_a_single_nu_column_ticked_for_women() -> None:
    rows = [["DANH SÁCH ĐOÀN VIÊN"], ["STT", "Họ và tên", "Năm sinh", "Nữ", "Bộ phận"],
            [1, "Nguyễn Văn An", 1985, None, "Kho"], [2, "Lê Thị Bình", 1990, "x", "Kho"],
            [3, "Trần Thị Cúc", 1979, "X", "Kế toán"]]
    result = check_files([_xlsx(rows)])
    frame = result.dataset.members.frame
    assert frame["gender"].tolist() == ["Nam", "Nữ", "Nữ"]
    assert result.issues == ()


def test_a_gender_column_wins_over_a_nam_header_elsewhere() -> None:
    rows = [["STT", "Họ và tên", "Giới tính", "Năm sinh"], [1, "Nguyễn Văn An", "Nam", 1985],
            [2, "Lê Thị Bình", "Nữ", 1990]]
    frame = check_files([_xlsx(rows)]).dataset.members.frame
    assert frame["gender"].tolist() == ["Nam", "Nữ"] and len(frame) == 2


def test_department_group_rows_give_the_department_of_the_rows_under_them() -> None:
    rows = [["DANH SÁCH ĐOÀN VIÊN"], ["STT", "Họ và tên", "Giới tính", "Năm sinh"],
            ["I. Phòng Kế hoạch", None, None, None],
            [1, "Nguyễn Văn An", "Nam", 1985], [2, "Tô Văn Ba", "Nam", 1990],
            ["II. Phân xưởng Cơ khí", None, None, None],
            [1, "Lê Thị Bình", "Nữ", 1979], [2, "Trần Văn Cường", "Nam", 1981], [3, "Đỗ Thị Hoa", "Nữ", 1993]]
    result = check_files([_xlsx(rows, merges=("A3:D3", "A6:D6"))])
    frame = result.dataset.members.frame
    assert frame["name"].tolist() == ["Nguyễn Văn An", "Tô Văn Ba", "Lê Thị Bình", "Trần Văn Cường", "Đỗ Thị Hoa"]
    assert frame["department"].tolist() == ["Phòng Kế hoạch"] * 2 + ["Phân xưởng Cơ khí"] * 3
    assert result.dataset.members.has("department")
    assert result.issues == ()


def test_people_who_left_are_not_counted_and_the_note_says_why() -> None:
    rows = [["STT", "Họ và tên", "Giới tính", "Năm sinh", "Ghi chú"],
            [1, "Nguyễn Văn An", "Nam", 1962, "Nghỉ hưu từ 01/2024"], [2, "Lê Thị Bình", "Nữ", 1990, None],
            [3, "Trần Văn Cường", "Nam", 1981, "Chuyển công tác"], [4, "Đỗ Thị Hoa", "Nữ", 1993, "Nghỉ thai sản"],
            [5, "Phạm Văn Dũng", "Nam", 1985, "thôi việc"]]
    result = check_files([_xlsx(rows)])
    frame = result.dataset.members.frame
    assert frame["name"].tolist() == ["Lê Thị Bình", "Đỗ Thị Hoa"]  # on maternity leave: still a member
    (note,) = result.issues
    assert (note.severity, note.code, note.cell) == ("info", "members.left_out", "E2")
    assert "3 người" in note.message and "“Chuyển công tác”" in note.message and "E6" in note.message
    assert note.text("en").startswith("3 people are no longer members")


def test_a_status_column_marks_who_left() -> None:
    rows = [["STT", "Họ và tên", "Giới tính", "Trạng thái"], [1, "Nguyễn Văn An", "Nam", "Đang làm việc"],
            [2, "Lê Thị Bình", "Nữ", "Đã chuyển đi"]]
    result = check_files([_xlsx(rows, )])
    assert result.dataset.members.frame["name"].tolist() == ["Nguyễn Văn An"]
    assert [i.code for i in result.issues] == ["members.left_out"]


def test_ho_va_ten_over_ho_dem_and_ten_is_one_name() -> None:
    rows = [["DANH SÁCH ĐOÀN VIÊN"], ["STT", "Họ và tên", None, "Giới tính", "Năm sinh"],
            [None, "Họ đệm", "Tên", None, None],
            [1, "Nguyễn Văn", "An", "Nam", 1985], [2, "Lê Thị", "Bình", "Nữ", 1990]]
    result = check_files([_xlsx(rows, merges=("A2:A3", "B2:C2", "D2:D3", "E2:E3"))])
    frame = result.dataset.members.frame
    assert frame["name"].tolist() == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert frame["row"].tolist() == [4, 5]
    assert result.issues == ()


@pytest.mark.parametrize("size", [2, 6])
def test_sex_coded_one_and_zero_is_an_error_naming_the_column(size: int) -> None:
    rows = [["STT", "Họ và tên", "Giới tính", "Năm sinh"],
            *[[i, f"Người Số {i}", i % 2, 1980 + i] for i in range(1, size + 1)]]
    result = check_files([_xlsx(rows)])
    (error,) = result.errors
    assert (error.code, error.cell) == ("members.gender_coded", "C2") and "Cột giới tính C" in error.message
    assert result.dataset.members.frame["gender"].tolist() == [None] * size  # never guessed
