"""Members roster: parse_members / check_roster, on in-memory sheets and real .xlsx/.xls files."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
import xlwt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from unionboard.core.issues import IssueLog
from unionboard.core.models import EDUCATION_LEVELS, MEMBER_COLUMNS, POLITICAL_THEORY_LEVELS
from unionboard.domains.loader import check_files, classify
from unionboard.domains.members import (
    UNKNOWN_DEPARTMENT,
    check_roster,
    parse_members,
)
from unionboard.domains.schema import MEMBERS, find_header
from unionboard.read.workbook import Sheet

HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
          "Lý luận chính trị", "Đảng viên"]
THIS_YEAR = dt.date.today().year


def member(i: int, name: str, gender="Nam", year=1985, dept="Phòng Kế toán", edu="Đại học",
           pol="", party="") -> list:
    return [i, name, gender, year, dept, edu, pol, party]


def parse(rows: list[list], header: list | None = None, title_rows: int = 0):
    """Parse rows under HEADER (or `header`) in an in-memory sheet; (roster, log)."""
    grid = [["DANH SÁCH ĐOÀN VIÊN"] for _ in range(title_rows)] + [header or HEADER] + rows
    sheet = Sheet("ds.xlsx", "Đoàn viên", grid)
    match = find_header(sheet, MEMBERS)
    assert match is not None and match.complete
    log = IssueLog()
    roster = parse_members(sheet, match, log)
    return roster, log


def column(roster, key: str) -> list:
    return [None if pd.isna(v) else v for v in roster.frame[key].tolist()]


def messages(log) -> str:
    return "\n".join(i.message for i in log)


def write_xlsx(path: Path, rows: list[list], sheet: str = "Đoàn viên") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize("raw, expected", [
    ("Nam", "Nam"), ("nam", "Nam"), ("NAM", "Nam"), ("Male", "Nam"), ("M", "Nam"), (" nam ", "Nam"),
    ("Nữ", "Nữ"), ("nữ", "Nữ"), ("NỮ", "Nữ"), ("Nu", "Nữ"), ("Female", "Nữ"), ("F", "Nữ"),
])
def test_gender_aliases(raw, expected):
    roster, log = parse([member(1, "Nguyễn Văn An", gender=raw)])
    assert column(roster, "gender") == [expected]
    assert not log.items


@pytest.mark.parametrize("raw, expected", [
    ("Tiến sỹ", "Tiến sỹ"), ("Tiến sĩ", "Tiến sỹ"), ("TS", "Tiến sỹ"), ("PhD", "Tiến sỹ"),
    ("Thạc sỹ", "Thạc sỹ"), ("thạc sĩ", "Thạc sỹ"), ("ThS", "Thạc sỹ"), ("Master", "Thạc sỹ"),
    ("Đại học", "Đại học"), ("ĐH", "Đại học"), ("Cử nhân", "Đại học"), ("Kỹ sư", "Đại học"),
    ("Bachelor", "Đại học"), ("University", "Đại học"), ("Kỹ sư xây dựng", "Đại học"),
    ("ThS. Kinh tế", "Thạc sỹ"),
    ("Cao đẳng", "Cao đẳng"), ("CĐ", "Cao đẳng"), ("College", "Cao đẳng"),
    ("Trung cấp", "Trung cấp"), ("TC", "Trung cấp"), ("Sơ cấp", "Sơ cấp"),
    ("12/12", "Khác"), ("9/12", "Khác"), ("Phổ thông", "Khác"), ("THPT", "Khác"),
])
def test_education_aliases(raw, expected):
    roster, log = parse([member(1, "Nguyễn Văn An", edu=raw)])
    assert column(roster, "education") == [expected]
    assert expected in EDUCATION_LEVELS
    assert not log.items


@pytest.mark.parametrize("raw, expected", [
    ("Cao cấp", "Cao cấp"), ("Cử nhân", "Cao cấp"), ("Cử nhân chính trị", "Cao cấp"),
    ("CC", "Cao cấp"), ("CN", "Cao cấp"), ("cao cap", "Cao cấp"),
    ("Trung cấp", "Trung cấp"), ("TC", "Trung cấp"), ("Trung cấp LLCT", "Trung cấp"),
    ("Sơ cấp", "Sơ cấp"), ("SC", "Sơ cấp"),
    (None, "Chưa có"), ("", "Chưa có"), ("Chưa có", "Chưa có"), ("Không", "Chưa có"), ("-", "Chưa có"),
])
def test_political_theory_aliases(raw, expected):
    roster, log = parse([member(1, "Nguyễn Văn An", pol=raw)])
    assert column(roster, "political_theory") == [expected]
    assert expected in POLITICAL_THEORY_LEVELS
    assert not log.items


def test_trung_cap_is_normalised_by_column():
    """'Trung cấp' and 'Cử nhân' mean different things in the two columns."""
    roster, log = parse([
        member(1, "Nguyễn Văn An", edu="Trung cấp", pol="Trung cấp"),
        member(2, "Lê Thị Hà", edu="Cử nhân", pol="Cử nhân"),
        member(3, "Trần Văn Bình", edu="Đại học", pol="TC"),
        member(4, "Phạm Thị Cúc", edu="TC", pol=""),
    ])
    assert column(roster, "education") == ["Trung cấp", "Đại học", "Đại học", "Trung cấp"]
    assert column(roster, "political_theory") == ["Trung cấp", "Cao cấp", "Trung cấp", "Chưa có"]
    assert not log.items


def test_values_from_the_wrong_column_are_flagged():
    roster, log = parse([
        member(1, "Nguyễn Văn An", edu="Trung cấp chính trị", pol="Trung cấp kế toán"),
    ])
    assert column(roster, "education") == ["Khác"]
    assert column(roster, "political_theory") == ["Chưa có"]
    by_cell = {i.cell: i.message for i in log}
    assert "lý luận chính trị" in by_cell["F2"] and "“Trung cấp chính trị”" in by_cell["F2"]
    assert "trình độ chuyên môn" in by_cell["G2"] and "“Trung cấp kế toán”" in by_cell["G2"]


@pytest.mark.parametrize("raw, expected", [
    ("x", True), ("X", True), ("Có", True), ("co", True), ("Yes", True), ("Y", True),
    ("True", True), (True, True), (1, True), (1.0, True), ("1", True), ("✓", True), ("✔", True),
    ("Đảng viên", True), (dt.date(2005, 3, 2), True),
    (None, False), ("", False), ("Không", False), ("No", False), (0, False), (False, False),
    ("False", False), ("-", False),
])
def test_party_marks(raw, expected):
    roster, log = parse([member(1, "Nguyễn Văn An", party=raw)])
    assert column(roster, "party_member") == [expected]
    assert roster.frame["party_member"].dtype == bool
    assert not log.items


def test_unrecognised_party_mark_is_a_warning_and_false():
    roster, log = parse([member(1, "Nguyễn Văn An", party="có lẽ")])
    assert column(roster, "party_member") == [False]
    (issue,) = log.items
    assert issue.severity == "warning" and issue.cell == "H2" and "“có lẽ”" in issue.message


@pytest.mark.parametrize("raw", [1985, 1985.0, "1985", "12/05/1985", "1985-05-12",
                                 dt.date(1985, 5, 12), dt.datetime(1985, 5, 12, 0, 0)])
def test_birth_year_forms(raw):
    roster, log = parse([member(1, "Nguyễn Văn An", year=raw)])
    assert column(roster, "birth_year") == [1985]
    assert str(roster.frame["birth_year"].dtype) == "Int64"
    assert not log.items


@pytest.mark.parametrize("year", [1930, THIS_YEAR - 10, THIS_YEAR - 80])
def test_implausible_birth_year_is_kept_with_a_warning(year):
    roster, log = parse([member(1, "Nguyễn Văn An", year=year)])
    assert column(roster, "birth_year") == [year]
    (issue,) = log.items
    assert issue.severity == "warning" and issue.cell == "D2"
    assert issue.code == "members.birth_implausible" and dict(issue.params)["year"] == year


def test_unreadable_and_blank_birth_year():
    roster, log = parse([member(1, "Nguyễn Văn An", year="không rõ"),
                         member(2, "Lê Thị Hà", year=None)])
    assert column(roster, "birth_year") == [None, None]
    by_cell = {i.cell: i.message for i in log}
    assert "“không rõ” không đọc được" in by_cell["D2"]
    assert "Thiếu năm sinh" in by_cell["D3"]


def test_department_blank_and_spellings_merged():
    roster, log = parse([
        member(1, "Nguyễn Văn An", dept="Phòng Kế toán"),
        member(2, "Lê Thị Hà", dept="phòng kế toán"),
        member(3, "Trần Văn Bình", dept="Phòng Kế toán"),
        member(4, "Phạm Thị Cúc", dept=None),
    ])
    assert column(roster, "department") == ["Phòng Kế toán"] * 3 + [UNKNOWN_DEPARTMENT]
    (issue,) = log.items
    assert issue.cell == "E5" and issue.code == "members.department_blank"


def test_optional_columns_join_date_role_status():
    header = HEADER + ["Ngày vào công đoàn", "Chức vụ", "Trạng thái"]
    roster, log = parse([
        member(1, "Nguyễn Văn An") + [dt.datetime(2010, 5, 1), "Tổ trưởng", "Đang công tác"],
        member(2, "Lê Thị Hà") + ["03/04/2012", None, ""],
        member(3, "Trần Văn Bình") + ["hôm qua", None, None],
    ], header=header)
    assert column(roster, "join_date") == ["2010-05-01", "2012-04-03", None]
    assert column(roster, "role") == ["Tổ trưởng", None, None]
    assert column(roster, "status") == ["Đang công tác", None, None]
    (issue,) = log.items
    assert issue.cell == "I4" and "“hôm qua”" in issue.message


# --------------------------------------------------------------------------- rows and structure


def test_frame_shape_rows_and_members():
    roster, log = parse([member(1, "Nguyễn Văn An"), member(2, "Lê Thị Hà", gender="Nữ")],
                        title_rows=3)
    assert list(roster.frame.columns) == list(MEMBER_COLUMNS)
    assert column(roster, "row") == [5, 6]  # header on Excel row 4 under 3 title rows
    assert roster.frame.attrs["name_col"] == "B"
    assert (roster.file, roster.sheet) == ("ds.xlsx", "Đoàn viên")
    first = roster.members[0]
    assert (first.name, first.gender, first.birth_year, first.party_member) == \
        ("Nguyễn Văn An", "Nam", 1985, False)
    assert not log.items


def test_blank_rows_total_row_and_nameless_rows():
    roster, log = parse([
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],  # column numbers under the header
        member(1, "  Nguyễn  Văn An "),
        [],
        [None, None, None, None, None, None, None, None],
        [None, "", "Nam", 1990, "Xưởng 1", "Đại học", "", ""],  # data but no name
        ["", "   "],
        member(2, "Lê Thị Hà", gender="Nữ"),
        [None, "Tổng cộng", None, None, None, None, None, 2],
        ["Cộng", None, None, None, None, None, None, 2],
    ])
    assert column(roster, "name") == ["Nguyễn Văn An", "Lê Thị Hà"]
    assert column(roster, "row") == [3, 8]
    (issue,) = [i for i in log if i.severity != "info"]
    assert issue.severity == "warning" and issue.cell == "B6"
    assert issue.code == "members.name_missing"
    assert [(i.code, i.cell) for i in log if i.severity == "info"] == [
        ("members.skipped_blank", "B4"), ("members.skipped_total", "B9"), ("members.skipped_total", "B10")]
    (blank,) = [i for i in log if i.code == "members.skipped_blank"]
    assert dict(blank.params)["count"] == 3


def test_unknown_values_are_aggregated_per_column_and_value():
    rows = [member(i, f"Người {i}", edu="Tiến sỹ khoa học" if i in (2, 4, 5, 6, 7, 8, 9) else "ĐH",
                   gender="Namm" if i == 3 else "Nam") for i in range(1, 11)]
    roster, log = parse(rows)
    # 7 of 10 education values unknown: the column is refused (an error), each value still a warning
    assert [i.code for i in log if i.severity == "error"] == ["members.column_mostly_unknown"]
    edu = [i for i in log if i.code.startswith("members.education_")]
    assert len(edu) == 1
    assert edu[0].cell == "F3"
    assert edu[0].message.startswith(
        "Trình độ chuyên môn “Tiến sỹ khoa học” không nhận ra (7 ô: F3, F5, F6, F7, F8 và 2 ô khác)")
    assert "Tiến sỹ, Thạc sỹ, Đại học" in edu[0].message
    assert column(roster, "education").count("Khác") == 7
    gender = [i for i in log if i.code.startswith("members.gender_")]
    assert len(gender) == 1 and gender[0].cell == "C4" and "“Namm”" in gender[0].message
    assert column(roster, "gender")[2] is None


def test_no_members_under_header_is_a_warning():
    roster, log = parse([[], [None, None]])
    assert len(roster) == 0
    assert list(roster.frame.columns) == list(MEMBER_COLUMNS)
    assert log.items and log.items[0].code == "members.empty"


def test_ragged_rows_do_not_raise():
    roster, log = parse([[1, "Nguyễn Văn An", "Nam"], member(2, "Lê Thị Hà", gender="Nữ")])
    assert column(roster, "name") == ["Nguyễn Văn An", "Lê Thị Hà"]
    assert column(roster, "department") == [UNKNOWN_DEPARTMENT, "Phòng Kế toán"]
    assert any(i.cell == "D2" and i.code == "members.birth_blank" for i in log)


# --------------------------------------------------------------------------- duplicates


def test_duplicates_folded_name_and_same_year():
    roster, log = parse([
        member(1, "Nguyễn Văn An", year=1985),
        member(2, "Lê Thị Hà", year=1990),
        member(3, "NGUYEN VAN AN", year=1985),
        member(4, "Nguyễn Văn An", year=1986),  # other year: another person
        member(5, "Nguyễn văn an", year="12/05/1985"),
        member(6, "Trần B", year=None),
        member(7, "Trần B", year=None),  # no birth year: not compared
    ])
    check_roster(roster, log)
    (issue,) = [i for i in log if i.code == "members.duplicate"]
    assert issue.cell == "B2"
    assert "xuất hiện 3 lần (B2, B4, B6)" in issue.message
    assert "sinh năm 1985" in issue.message


def test_check_roster_without_duplicates_is_silent():
    roster, log = parse([member(1, "Nguyễn Văn An"), member(2, "Nguyễn Văn Anh"),
                         member(3, "Nguyễn Văn An", year=1986)])
    check_roster(roster, log)
    assert not log.items
    roster, log = parse([member(1, "Nguyễn Văn An"), member(2, "Nguyễn Văn Ân")])
    check_roster(roster, log)
    assert len(log.items) == 1  # diacritics-insensitive, as the brief asks


# --------------------------------------------------------------------------- real files


@pytest.fixture
def roster_xlsx(tmp_path: Path) -> Path:
    rows = [
        ["CÔNG ĐOÀN CƠ SỞ TRƯỜNG THPT A"],
        ["DANH SÁCH ĐOÀN VIÊN NĂM 2017"],
        [],
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng, đơn vị", "Trình độ chuyên môn",
         "Trình độ LLCT", "Đảng viên", "Chức vụ"],
        [1, "Nguyễn Văn An", "Nam", 1980, "Tổ Toán", "Thạc sĩ", "Trung cấp", "x", "Chủ tịch"],
        [2, "Lê Thị Hà", "nữ", dt.date(1990, 5, 12), "Tổ Văn", "ĐH", "", None, None],
        [3, "Trần Thị Cúc", "NỮ", "1992", "Tổ Văn", "Cao đẳng", "Sơ cấp", "Có", None],
        [None, None, None, None, None, None, None, None, None],
        [4, "Phạm Văn Dũng", "Nam", 1975, "Tổ Toán", "Đại học", "Cao cấp", "x", None],
        [None, "Tổng cộng", None, None, None, None, None, 3, None],
    ]
    return write_xlsx(tmp_path / "doan_vien.xlsx", rows)


def test_xlsx_end_to_end(roster_xlsx: Path):
    result = check_files([roster_xlsx])
    assert result.ok, result.errors
    assert result.sources == {"members": "doan_vien.xlsx"}
    roster = result.dataset.members
    assert roster is not None and len(roster) == 4
    assert column(roster, "name") == ["Nguyễn Văn An", "Lê Thị Hà", "Trần Thị Cúc", "Phạm Văn Dũng"]
    assert column(roster, "gender") == ["Nam", "Nữ", "Nữ", "Nam"]
    assert column(roster, "birth_year") == [1980, 1990, 1992, 1975]
    assert column(roster, "education") == ["Thạc sỹ", "Đại học", "Cao đẳng", "Đại học"]
    assert column(roster, "political_theory") == ["Trung cấp", "Chưa có", "Sơ cấp", "Cao cấp"]
    assert column(roster, "party_member") == [True, False, True, True]
    assert column(roster, "role") == ["Chủ tịch", None, None, None]
    assert column(roster, "row") == [5, 6, 7, 9]
    assert [(i.severity, i.code, i.cell) for i in result.issues] == [("info", "members.skipped_blank", "B8"),
                                                                     ("info", "members.skipped_total", "B10")]


def test_xlsx_english_headers(tmp_path: Path):
    path = write_xlsx(tmp_path / "members.xlsx", [
        ["Name", "Gender", "Birth year", "Department", "Education", "Political theory",
         "Party member"],
        ["Nguyen Van An", "Male", 1985, "Accounting", "Bachelor", "", "Yes"],
        ["Le Thi Ha", "Female", 1991, "Accounting", "Master", "Trung cấp", "No"],
        ["Le Thi Ha", "F", 1991, "Sales", "Bachelor", "", "No"],
    ], sheet="Members")
    result = check_files([path])
    roster = result.dataset.members
    assert roster is not None
    assert column(roster, "gender") == ["Nam", "Nữ", "Nữ"]
    assert column(roster, "education") == ["Đại học", "Thạc sỹ", "Đại học"]
    assert column(roster, "party_member") == [True, False, False]
    dup = [i for i in result.warnings if i.code == "members.duplicate"]
    assert len(dup) == 1 and dup[0].cell == "A3" and "(A3, A4)" in dup[0].message
    assert dup[0].file == "members.xlsx" and dup[0].sheet == "Members"


def test_xls_end_to_end(tmp_path: Path):
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("Danh sach doan vien")
    rows = [["DANH SÁCH ĐOÀN VIÊN"], [], HEADER,
            [1, "Nguyễn Văn An", "Nam", 1985, "Phòng Kế toán", "ĐH", "CN", "x"],
            [2, "Lê Thị Hà", "Nữ", "12/05/1990", "Phòng Kế toán", "12/12", "", ""],
            [3, "Trần Văn Bình", "Namm", 1930, "Xưởng 1", "Tiến sỹ khoa học", "TC", "?"]]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    path = tmp_path / "doan_vien.xls"
    book.save(str(path))
    result = check_files([path])
    assert result.ok, result.errors
    roster = result.dataset.members
    assert roster is not None and len(roster) == 3
    assert column(roster, "education") == ["Đại học", "Khác", "Khác"]
    assert column(roster, "political_theory") == ["Cao cấp", "Chưa có", "Trung cấp"]
    assert column(roster, "birth_year") == [1985, 1990, 1930]
    assert column(roster, "row") == [4, 5, 6]
    cells = sorted(i.cell for i in result.warnings)
    assert cells == ["C6", "D6", "F6", "H6"]


def test_only_names_are_required_and_absent_columns_are_recorded(tmp_path: Path):
    path = write_xlsx(tmp_path / "thieu_cot.xlsx", [
        ["Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn", "Đảng viên"],
        ["Nguyễn Văn An", "Nam", 1985, "Phòng Kế toán", "ĐH", "x"],
    ])
    result = check_files([path])
    assert result.ok and result.issues == ()
    roster = result.dataset.members
    assert len(roster) == 1 and roster.has("party_member") and not roster.has("political_theory")
    assert roster.absent == {"political_theory", "join_date", "role", "status"}
    assert roster.frame["political_theory"].tolist() == [None]  # unknown, not "Chưa có"


def test_a_roster_without_names_is_refused_naming_what_it_lacks(tmp_path: Path):
    path = write_xlsx(tmp_path / "thieu_ten.xlsx", [
        ["STT", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn", "Đảng viên"],
        [1, "Nam", 1985, "Phòng Kế toán", "ĐH", "x"],
    ])
    result = check_files([path])
    assert not result.ok and result.dataset.members is None
    (error,) = result.errors
    assert error.code == "loader.missing_columns" and "“Họ và tên”" in error.message
    assert "Danh sách đoàn viên" in error.message and "“Giới tính”" in error.message  # what was found


# --------------------------------------------------------------------------- scale
# (speed itself is measured by `python -m unionboard benchmark`, not asserted here)


def test_100k_rows_parse_completely():
    random.seed(7)
    families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"]
    given = ["An", "Bình", "Cường", "Dũng", "Hà", "Hương", "Lan", "Long", "Mai", "Sơn", "Thảo"]
    grid = [["DANH SÁCH ĐOÀN VIÊN"], HEADER + ["Ngày vào công đoàn", "Chức vụ"]]
    for i in range(100_000):
        year = random.randint(1960, 2000)
        grid.append([float(i + 1), f"{random.choice(families)} Văn {random.choice(given)} {i}",
                     random.choice(["Nam", "Nữ", "nam"]),
                     random.choice([float(year), dt.datetime(year, 3, random.randint(1, 28)), str(year)]),
                     random.choice(["Phòng Kế toán", "Xưởng 1", "Xưởng 2"]),
                     random.choice(["Đại học", "Thạc sỹ", "Cao đẳng", "12/12", "Kỹ sư điện"]),
                     random.choice(["", "Sơ cấp", "Trung cấp", "Cao cấp"]),
                     random.choice(["x", "", ""]),
                     random.choice([dt.datetime(2015, 1, 1), ""]), random.choice(["", "Tổ trưởng"])])
    sheet = Sheet("big.xlsx", "Đoàn viên", grid)
    header = find_header(sheet, MEMBERS)
    log = IssueLog()
    roster = parse_members(sheet, header, log)
    check_roster(roster, log)
    assert len(roster) == 100_000 and not log.items
    assert column(roster, "row")[-1] == 100_002


# --------------------------------------------------------------------------- rows that are not members

SIGNATURE_BLOCK = [
    [],
    [None, None, None, None, None, "Hà Giang, ngày 15 tháng 9 năm 2017"],
    [None, "Người lập biểu", None, None, None, "TM. BAN CHẤP HÀNH"],
    [None, None, None, None, None, "CHỦ TỊCH"],
    [None, "(đã ký)", None, None, None, "(đã ký)"],
    [None, "Nguyễn Thị Lập", None, None, None, "Trần Văn Chủ"],
]


def test_a_signature_block_under_the_roster_is_not_members():
    rows = [member(i, f"Nguyễn Văn Số {i}") for i in range(1, 11)]
    roster, log = parse([*rows, [None, "Cộng: 10 đ/c", None, None, None, None, None, None], *SIGNATURE_BLOCK])
    assert len(roster) == 10
    assert column(roster, "name")[-1] == "Nguyễn Văn Số 10"
    notes = [(i.code, i.cell) for i in log if i.severity == "info"]
    assert ("members.skipped_total", "B12") in notes
    assert ("members.skipped_signature", "B14") in notes
    assert not [i for i in log if i.severity != "info"]


def test_a_stated_total_that_differs_from_the_count_is_a_warning():
    rows = [member(i, f"Nguyễn Văn Số {i}") for i in range(1, 4)]
    roster, log = parse([*rows, [None, "Tổng cộng: 5 đồng chí"]])
    assert len(roster) == 3
    (warning,) = [i for i in log if i.severity == "warning"]
    assert warning.code == "members.total_mismatch" and warning.cell == "B5"
    assert dict(warning.params)["stated"] == 5 and dict(warning.params)["counted"] == 3


def test_a_repeated_header_row_is_noted_and_skipped():
    roster, log = parse([member(1, "Lê Văn Một"), HEADER, member(2, "Lê Văn Hai")])
    assert column(roster, "name") == ["Lê Văn Một", "Lê Văn Hai"]
    assert [(i.code, i.cell) for i in log] == [("members.skipped_header", "B3")]


def test_a_member_named_like_a_role_is_still_a_member():
    # "Chủ tịch" is a role in the roster's role column, never the start of a signature block there.
    rows = [member(i, f"Phạm Văn Số {i}") for i in range(1, 4)]
    rows[1] = [*rows[1][:8], "Chủ tịch"] if len(rows[1]) >= 8 else rows[1]
    roster, _ = parse(rows)
    assert len(roster) == 3


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(min_value=1, max_value=25),
       total=st.sampled_from([None, "Tổng cộng", "Cộng", "TỔNG CỘNG:", "Cộng: {n} đ/c", "Tổng số: {n} người"]),
       signature=st.lists(st.sampled_from(SIGNATURE_BLOCK), max_size=6),
       blank_gap=st.booleans())
def test_any_trailing_total_or_signature_block_leaves_the_same_members(n, total, signature, blank_gap):
    rows = [member(i, f"Đặng Văn Người {i}", gender="Nữ" if i % 2 else "Nam") for i in range(1, n + 1)]
    alone, _ = parse(rows)
    tail = [[]] if blank_gap else []
    if total is not None:
        tail.append([None, total.format(n=n), None, None, None, None, None, n])
    date_line = [None, None, None, None, None, "Hà Giang, ngày 1 tháng 10 năm 2017"]
    tail += [date_line, *signature] if signature else []
    with_tail, log = parse(rows + tail)
    assert column(with_tail, "name") == column(alone, "name")
    assert column(with_tail, "gender") == column(alone, "gender")
    assert not [i for i in log if i.severity == "error"]
    assert not [i for i in log if i.code == "members.total_mismatch"]


# --------------------------------------------------------------------------- sheets as offices draw them


def _office_roster(path: Path, *, hidden_copy: bool = False) -> Path:
    """A roster with a two-row header ("Trình độ" merged over two sub-headers) and departments
    written once over their block (merged down)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["DANH SÁCH ĐOÀN VIÊN"])
    ws.merge_cells("A1:H1")
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ", None, "Đảng viên"])
    ws.append([None, None, None, None, None, "Chuyên môn", "Lý luận chính trị", None])
    for col in "ABCDEH":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("F2:G2")
    people = [("Nguyễn Văn An", "Nam"), ("Lê Thị Bình", "Nữ"), ("Trần Văn Cường", "Nam"), ("Phạm Thị Dung", "Nữ"),
              ("Hoàng Văn Em", "Nam"), ("Đỗ Thị Phượng", "Nữ"), ("Vũ Văn Giang", "Nam")]
    for i, (name, gender) in enumerate(people, start=1):
        dept = "Văn phòng" if i == 1 else ("Phòng Kế hoạch" if i == 4 else None)
        ws.append([i, name, gender, 1980 + i, dept, "Đại học", "Trung cấp" if i % 2 else "", "x" if i % 3 else ""])
    ws.merge_cells("E4:E6")
    ws.merge_cells("E7:E10")
    if hidden_copy:
        old = wb.create_sheet("Nhiệm kỳ trước")
        old.sheet_state = "hidden"
        old.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
                    "Lý luận chính trị", "Đảng viên"])
        old.append([1, "Người Cũ", "Nam", 1960, "Văn phòng", "Đại học", "", ""])
    wb.save(path)
    return path


def test_a_two_row_header_with_merged_groups_and_merged_departments(tmp_path: Path) -> None:
    result = check_files([_office_roster(tmp_path / "dv.xlsx")])
    assert result.ok, result.errors
    roster = result.dataset.members
    assert len(roster) == 7
    assert column(roster, "department") == ["Văn phòng"] * 3 + ["Phòng Kế hoạch"] * 4
    assert column(roster, "education") == ["Đại học"] * 7
    assert column(roster, "political_theory")[:2] == ["Trung cấp", "Chưa có"]
    assert column(roster, "row") == [4, 5, 6, 7, 8, 9, 10]


def test_a_hidden_sheet_is_not_read_and_is_named(tmp_path: Path) -> None:
    result = check_files([_office_roster(tmp_path / "dv.xlsx", hidden_copy=True)])
    assert len(result.dataset.members) == 7
    assert "Người Cũ" not in column(result.dataset.members, "name")
    (note,) = [i for i in result.issues if i.code == "read.hidden_sheet"]
    assert note.severity == "info" and note.sheet == "Nhiệm kỳ trước"
    assert result.ok


def test_a_column_mostly_unrecognised_is_an_error_not_a_warning():
    rows = [member(i, f"Ngô Văn Số {i}", gender="N÷" if i % 4 else "Nam") for i in range(1, 9)]
    roster, log = parse(rows)
    (error,) = [i for i in log if i.severity == "error"]
    assert error.code == "members.column_mostly_unknown" and error.cell == "C2"
    assert dict(error.params)["rows"] == 6 and "“N÷”" in error.message
    assert "Gender" in error.text("en")


def test_a_few_unrecognised_values_stay_warnings():
    rows = [member(i, f"Ngô Văn Số {i}", gender="Namm" if i == 1 else "Nam") for i in range(1, 9)]
    _, log = parse(rows)
    assert not [i for i in log if i.severity == "error"]


def test_the_same_member_on_two_sheets_names_both_sheets_and_cells(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Khối văn phòng"
    first.append(HEADER)
    first.append(member(1, "Nguyễn Văn An", year=1980))
    first.append(member(2, "Lê Thị Bình", gender="Nữ", year=1990))
    second = wb.create_sheet("Đơn vị sự nghiệp")
    second.append(HEADER)
    second.append(member(1, "Trần Văn Cường", year=1985))
    second.append(member(2, "NGUYỄN VĂN AN", year=1980))
    wb.save(tmp_path / "dv.xlsx")
    result = check_files([tmp_path / "dv.xlsx"])
    (warning,) = [i for i in result.issues if i.code == "members.duplicate_across_sheets"]
    assert (warning.sheet, warning.cell) == ("Đơn vị sự nghiệp", "B3")
    assert "Khối văn phòng › B2" in warning.message
    assert not [i for i in result.issues if i.code == "members.duplicate"]
    assert len(result.dataset.members) == 4


def test_hidden_rows_in_a_visible_table_still_count(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    for i in range(1, 6):
        ws.append(member(i, f"Đinh Văn Số {i}"))
    ws.row_dimensions[3].hidden = True  # a filter hid one member: still a member
    ws.auto_filter.ref = "A1:H6"
    wb.save(tmp_path / "dv.xlsx")
    assert len(check_files([tmp_path / "dv.xlsx"]).dataset.members) == 5


def test_a_three_row_header_and_a_column_number_row(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Thông tin đào tạo", None, "Đảng viên"])
    ws.append([None, None, None, None, None, "Trình độ", None, None])
    ws.append([None, None, None, None, None, "Chuyên môn", "Lý luận chính trị", None])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"])
    for col in "ABCDEH":
        ws.merge_cells(f"{col}1:{col}3")
    ws.merge_cells("F1:G1")
    ws.merge_cells("F2:G2")
    ws.append([1, "Nguyễn Văn An", "Nam", 1980, "Văn phòng", "Thạc sĩ", "Cao cấp", "x"])
    ws.append([2, "Lê Thị Bình", "Nữ", 1990, "Văn phòng", "Đại học", "", ""])
    wb.save(tmp_path / "dv.xlsx")
    result = check_files([tmp_path / "dv.xlsx"])
    assert result.ok, result.errors
    frame = result.dataset.members.frame
    assert frame["education"].tolist() == ["Thạc sỹ", "Đại học"]
    assert frame["political_theory"].tolist() == ["Cao cấp", "Chưa có"]
    assert frame["row"].tolist() == [5, 6]


# --------------------------------------------------------------------------- names required, the rest optional

OPTIONAL_HEADERS = ["STT", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Đảng viên",
                    "Chức vụ công đoàn"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=st.lists(st.tuples(st.sampled_from(["Nam", "Nữ"]), st.integers(1960, 2004),
                                 st.sampled_from(["Phòng Kế toán", "Tổ Bảo vệ"]), st.booleans()),
                       min_size=1, max_size=12),
       dropped=st.sets(st.sampled_from(OPTIONAL_HEADERS)))
def test_dropping_optional_columns_keeps_count_and_sex_split(people, dropped) -> None:
    full = ["Họ và tên", "Giới tính", *OPTIONAL_HEADERS]
    rows = [[f"Người Số {i}", sex, i + 1, year, dept, "Đại học", "Sơ cấp", "x" if party else "", ""]
            for i, (sex, year, dept, party) in enumerate(people)]
    keep = [i for i, label in enumerate(full) if label not in dropped]
    grid = [["DANH SÁCH ĐOÀN VIÊN"], [full[i] for i in keep], *[[row[i] for i in keep] for row in rows]]
    log = IssueLog()
    sheet_ = Sheet("t.xlsx", "Sheet1", grid)
    domain, header, _ = classify(sheet_)
    assert domain == "members"
    roster = parse_members(sheet_, header, log)
    assert len(roster) == len(people)
    genders = roster.frame["gender"].tolist()
    assert genders.count("Nữ") == sum(1 for p in people if p[0] == "Nữ")
    assert genders.count("Nam") == sum(1 for p in people if p[0] == "Nam")
    assert not [i for i in log if i.severity == "error"]


def test_plain_enterprise_roster_is_a_roster_not_a_delegates_list(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "ds.xlsx", [
        ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị"],
        [1, "Nguyễn Văn An", "Nam", 1985, "Phân xưởng 1"], [2, "Lê Thị Bình", "Nữ", 1990, "Phân xưởng 2"],
        [3, "Trần Văn Cường", "Nam", 1979, "Kho"]], sheet="Sheet1")
    result = check_files([path])
    assert result.ok and result.sources == {"members": "ds.xlsx"}
    roster = result.dataset.members
    assert roster.frame["gender"].tolist() == ["Nam", "Nữ", "Nam"]
    assert roster.frame["department"].tolist() == ["Phân xưởng 1", "Phân xưởng 2", "Kho"]
    assert roster.absent == {"education", "political_theory", "party_member", "join_date", "role", "status"}


def test_delegates_list_without_hint_stays_delegates(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [["STT", "Họ và tên", "Đơn vị", "Loại đại biểu"],
                                            [1, "Nguyễn Văn An", "Văn phòng", "Bầu"]], sheet="Sheet1")
    assert check_files([path]).sources == {"delegates": "x.xlsx"}


def test_a_lone_name_column_needs_a_hint(tmp_path: Path) -> None:
    lone = [["Họ và tên", "Ghi chú"], ["Nguyễn Văn An", "Họp lúc 8 giờ"]]
    assert "members" not in check_files([write_xlsx(tmp_path / "a.xlsx", lone, sheet="Sheet1")]).sources
    titled = [["DANH SÁCH ĐOÀN VIÊN"], *lone]
    assert check_files([write_xlsx(tmp_path / "b.xlsx", titled, sheet="Sheet1")]).sources == {"members": "b.xlsx"}


CODED = ["STT", "Mã đoàn viên", "Họ và tên", "Giới tính", "Phòng/đơn vị"]


def test_member_codes_are_read_as_written() -> None:
    roster, log = parse([[1, "00123", "Nguyễn Văn An", "Nam", "Kho"], [2, 124.0, "Nguyễn Văn An", "Nam", "Kho"],
                         [3, None, "Lê Thị Bình", "Nữ", "Kho"]], header=CODED)
    assert column(roster, "code") == ["00123", "124", ""]  # leading zeros kept, a number without ".0"
    assert [i.code for i in log.items if i.code.endswith("repeated_code")] == []
    assert "code" not in roster.absent and roster.extra == ("Mã đoàn viên",)  # the download keeps it


def test_a_repeated_member_code_is_warned_with_its_cell() -> None:
    roster, log = parse([[1, "NV01", "Nguyễn Văn An", "Nam", "Kho"], [2, "NV01", "Lê Thị Bình", "Nữ", "Kho"]],
                        header=["STT", "Mã NV", "Họ và tên", "Giới tính", "Phòng/đơn vị"])
    repeated = [i for i in log.items if i.code == "members.repeated_code"]
    assert [(i.cell, i.severity) for i in repeated] == [("B3", "warning")]
    assert "B3" in repeated[0].message and "B2" in repeated[0].message and "NV01" in repeated[0].message
    assert len(roster) == 2


def test_a_roster_without_a_code_column_is_unchanged() -> None:
    roster, log = parse([member(1, "Nguyễn Văn An"), member(2, "Lê Thị Bình", gender="Nữ")])
    assert "code" not in roster.frame.columns and roster.extra == ()
    assert list(roster.frame.columns) == list(MEMBER_COLUMNS)
    assert not any(i.code.endswith("repeated_code") for i in log.items)
