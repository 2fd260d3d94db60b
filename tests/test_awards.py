"""Awards (khen thưởng): year/period, canonical form, level and recipient type, count."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from unionboard.core.issues import IssueLog
from unionboard.core.models import AWARD_LEVELS, RECIPIENT_TYPES
from unionboard.domains.awards import (
    normalise_form,
    normalise_level,
    parse_awards,
    parse_year_or_period,
)
from unionboard.domains.loader import check_files
from unionboard.domains.schema import AWARDS, find_header
from unionboard.read.workbook import Sheet

HEADER = ["Năm", "Hình thức khen thưởng", "Cấp khen", "Đối tượng", "Số lượng", "Ghi chú"]

# The report's awards (Part 1, II.3). Undated awards are put in the reported term 2012–2017.
REPORT_ROWS = [
    ["Năm 2014", "Sáng kiến", "cấp cơ sở", "Cá nhân", 7, "Được Hội đồng công nhận"],
    [2014, "Sáng kiến", "cấp tỉnh", "Cá nhân", 3, None],
    ["2014", "Đề tài khoa học", "Cấp tỉnh", "Tập thể", 1, "Đã được ứng dụng"],
    ["2012-2017", "Tập thể lao động xuất sắc", "Chủ tịch UBND tỉnh", "Tập thể", 5, "5 phòng, đơn vị"],
    ["2012–2017", "Bằng khen", "Bộ trưởng Bộ TT&TT", "Cá nhân", "05", None],
    ["2012 - 2017", "Chiến sĩ thi đua cấp tỉnh", "Tỉnh", "CN", 3, None],
    ["2012-2017", "CSTĐ", "Cơ sở", "Cá nhân", 9, None],
    [2014, "Cờ thi đua", "Bộ Công an", "Tập thể", None, "Bảo vệ an ninh Tổ quốc"],
    ["Giai đoạn 2011 - 2013", "Bằng khen", "Thủ tướng Chính phủ", "Tập thể", 1,
     "Góp phần xây dựng CNXH và bảo vệ Tổ quốc"],
    [2013, "Bằng khen", "Tổng Liên đoàn Lao động Việt Nam", "Tập thể", 1, "Ban Nữ công"],
    ["Năm 2014", "Bằng khen", "Chủ tịch UBND tỉnh", "Tập thể", 1,
     "Công đoàn cơ sở; Chỉ thị số 03-CT/TW"],
    ["2011–2016", "Bằng khen", "BCH Tổng LĐLĐVN", "TT", 1, "Phong trào thi đua"],
]


def _write(path: Path, rows: list[list], header=HEADER, sheet_name: str = "Khen thưởng") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    ws.append(["THÀNH TÍCH KHEN THƯỞNG NHIỆM KỲ 2012–2017"])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.append([])
    wb.save(path)
    return path


def _parse(rows: list[list], header=HEADER):
    sheet = Sheet(file="k.xlsx", name="Khen thưởng", rows=[list(header), *[list(r) for r in rows]])
    match = find_header(sheet, AWARDS)
    assert match is not None and match.complete
    log = IssueLog()
    return parse_awards(sheet, match, log), log


def test_report_awards_end_to_end(tmp_path: Path) -> None:
    result = check_files([_write(tmp_path / "khen-thuong.xlsx", REPORT_ROWS)])
    assert [i.code for i in result.issues] == []
    awards = result.dataset.awards
    assert awards is not None and len(awards) == 12
    assert all(a.level in AWARD_LEVELS and a.recipient_type in RECIPIENT_TYPES for a in awards)
    assert [(a.form, a.level, a.count) for a in awards[:8]] == [
        ("Sáng kiến", "Cơ sở", 7), ("Sáng kiến", "Tỉnh", 3), ("Đề tài khoa học", "Tỉnh", 1),
        ("Tập thể lao động xuất sắc", "Tỉnh", 5), ("Bằng khen", "Bộ", 5),
        ("Chiến sỹ thi đua", "Tỉnh", 3), ("Chiến sỹ thi đua", "Cơ sở", 9), ("Cờ thi đua", "Bộ", 1),
    ]
    by_year_2014 = sum(a.count for a in awards if a.year == 2014 and a.form == "Sáng kiến")
    assert by_year_2014 == 10
    thu_tuong = awards[8]
    assert (thu_tuong.form, thu_tuong.level, thu_tuong.recipient_type) == ("Bằng khen", "Thủ tướng", "Tập thể")
    assert (thu_tuong.year, thu_tuong.period) == (2013, "2011–2013")
    assert (awards[9].level, awards[9].year, awards[9].period, awards[9].note) == (
        "Tổng Liên đoàn", 2013, None, "Ban Nữ công")
    assert (awards[10].level, awards[10].year) == ("Tỉnh", 2014)
    assert (awards[11].level, awards[11].period, awards[11].year, awards[11].recipient_type) == (
        "Tổng Liên đoàn", "2011–2016", 2016, "Tập thể")
    assert awards[5].recipient_type == "Cá nhân"
    assert {a.period for a in awards[3:7]} == {"2012–2017"}
    assert result.sources["awards"] == "khen-thuong.xlsx"


def test_unknown_level_is_warned_and_kept_as_other(tmp_path: Path) -> None:
    rows = [[2014, "Bằng khen", "Hội Nông dân huyện", "Tập thể", 1, None]]
    result = check_files([_write(tmp_path / "k.xlsx", rows)])
    assert len(result.warnings) == 1 and not result.errors
    issue = result.warnings[0]
    assert issue.cell == "C3" and "“Hội Nông dân huyện”" in issue.message and "C3" in issue.message
    assert result.dataset.awards[0].level == "Khác"


@pytest.mark.parametrize(("value", "expected"), [
    (2014, (2014, None)), (2014.0, (2014, None)), ("2014", (2014, None)), ("Năm 2014", (2014, None)),
    ("2011-2013", (2013, "2011–2013")), ("2011–2016", (2016, "2011–2016")),
    ("Giai đoạn 2011 - 2013", (2013, "2011–2013")), ("GĐ 2011-13", (2013, "2011–2013")),
    ("2011 đến 2015", (2015, "2011–2015")), (dt.datetime(2015, 5, 1), (2015, None)),
])
def test_year_and_period(value, expected) -> None:
    year, period, problem = parse_year_or_period(value)
    assert (year, period) == expected and problem is None


def test_year_problems() -> None:
    awards, log = _parse([
        [1900, "Bằng khen", "Tỉnh", "Tập thể", 1, None],
        [2099, "Bằng khen", "Tỉnh", "Tập thể", 1, None],
        ["sắp tới", "Bằng khen", "Tỉnh", "Tập thể", 1, None],
        ["2016-2011", "Bằng khen", "Tỉnh", "Tập thể", 1, None],
        [None, "Bằng khen", "Tỉnh", "Tập thể", 1, None],
    ])
    assert [a.year for a in awards] == [None] * 5
    assert [i.cell for i in log] == ["A2", "A3", "A4", "A5", "A6"]
    assert log.items[0].code == "awards.implausible_year" and "“1900”" in log.items[0].message
    assert "“sắp tới”" in log.items[2].message
    assert log.items[4].code == "awards.no_year"
    # the reason is a phrase in the message's language, never Vietnamese inside English
    assert "không đọc được năm" in log.items[2].message and "cannot be read as a year" in log.items[2].text("en")
    assert "năm kết thúc 2011 trước năm bắt đầu 2016" in log.items[3].message
    assert "ends (2011) before it starts (2016)" in log.items[3].text("en")


def test_forms_levels_and_recipients() -> None:
    assert normalise_form("Chiến sĩ thi đua cơ sở") == "Chiến sỹ thi đua"
    assert normalise_form("TTLĐXS") == "Tập thể lao động xuất sắc"
    assert normalise_form("Tập thể Lao động tiên tiến") == "Tập thể lao động tiên tiến"
    assert normalise_form("Lao động tiên tiến") == "Lao động tiên tiến"
    assert normalise_form("Huân chương Lao động hạng Ba") == "Huân chương"
    assert normalise_form("  Kỷ niệm   chương ") == "Kỷ niệm chương"  # open list, kept as written
    assert normalise_level("LĐLĐ tỉnh") == "Tỉnh"
    assert normalise_level("Công đoàn Viên chức tỉnh") == "Tỉnh"
    assert normalise_level("Tổng LĐLĐVN") == "Tổng Liên đoàn"
    assert normalise_level("TLĐ") == "Tổng Liên đoàn"
    assert normalise_level("Chủ tịch nước") == "Chủ tịch nước"
    assert normalise_level("Prime Minister") == "Thủ tướng"
    assert normalise_level("Ministry") == "Bộ"
    assert normalise_level("CS") == "Cơ sở"
    assert normalise_level("Hội Nông dân") is None


def test_english_headers_and_inference() -> None:
    awards, log = _parse([
        [2015, "Kỷ niệm chương", "Ministry", "individual", 2, "open-ended form"],
        [2016, "Chiến sỹ thi đua cấp tỉnh", None, None, None, None],
        [2016, "Tập thể lao động tiên tiến", "Cơ sở", None, 1, None],
    ], header=["Year", "Award", "Level", "Recipient type", "Count", "Note"])
    assert [(a.form, a.level, a.recipient_type, a.count) for a in awards] == [
        ("Kỷ niệm chương", "Bộ", "Cá nhân", 2),
        ("Chiến sỹ thi đua", "Tỉnh", "Cá nhân", 1),
        ("Tập thể lao động tiên tiến", "Cơ sở", "Tập thể", 1),
    ]
    assert len(log) == 0


def test_recipient_and_count_problems() -> None:
    awards, log = _parse([
        [2014, "Bằng khen", "Tỉnh", "Hộ gia đình", 1, None],      # unknown recipient
        [2014, "Bằng khen", "Tỉnh", None, 1, None],               # blank recipient
        [2014, "Giấy khen", "Cơ sở", "Cá nhân", "nhiều", None],   # count not a number → 1
        [2014, "Giấy khen", "Cơ sở", "Cá nhân", 0, None],         # zero → row skipped
        [2014, "Giấy khen", "Cơ sở", "Cá nhân", -3, None],        # negative → row skipped
        [2014, "Giấy khen", "Cơ sở", "Cá nhân", 2.5, None],       # rounded
        [2014, "Cờ thi đua", "Tỉnh", "Cá nhân", 1, None],         # collective-only title
        ["Tổng cộng", None, None, None, 7, None],                 # totals row ignored
    ])
    assert len(awards) == 5
    assert [a.count for a in awards] == [1, 1, 1, 2, 1]
    cells = [i.cell for i in log]
    assert cells == ["D2", "D3", "E4", "E5", "E6", "E7", "D8", "A9"]
    assert [i.code for i in log][-1] == "rows.skipped_total"  # the totals row is noted with its cell
    messages = [i.message for i in log]
    assert "“Hộ gia đình”" in messages[0]
    assert "“nhiều”" in messages[2] and "coi là 1" in messages[2]
    assert "bằng 0" in messages[3] and "âm" in messages[4] and "“-3”" in messages[4]
    assert "“Cá nhân”" in messages[6]
    assert awards[0].recipient_type == "" and awards[1].recipient_type == ""


class Opaque:
    """A cell value of no spreadsheet kind, with a fixed text (an object()'s text holds its address,
    whose hex digits can spell a year)."""

    def __str__(self) -> str:
        return "<opaque>"


def test_garbage_cells_are_each_named_and_the_rows_kept_with_safe_values() -> None:
    """Cells of the wrong kind (an object, a bool, NaN, infinity) never stop the reader: each is named
    with its cell, and the award keeps what is certain (the form) with the documented fallbacks."""
    awards, log = _parse([
        [Opaque(), 12, True, 3.5, "x", None],
        [float("nan"), "Bằng khen", None, None, float("inf"), None],
    ])
    assert [(a.year, a.form, a.level, a.count) for a in awards] == [(None, "12", "Khác", 1),
                                                                    (None, "Bằng khen", "Khác", 1)]
    named = {(i.cell, i.code) for i in log}
    for row in (2, 3):
        assert {(f"A{row}", "awards.bad_year"), (f"C{row}", "awards.unknown_level"),
                (f"D{row}", "awards.unknown_recipient"), (f"E{row}", "awards.count_not_a_number")} <= named
    assert all(i.severity == "warning" and i.file == "k.xlsx" for i in log)


