"""Targets of the resolution (chỉ tiêu Nghị quyết): parse, compute statuses, report disagreements."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from unionboard.core.issues import IssueLog
from unionboard.core.models import STATUSES
from unionboard.domains.loader import check_files
from unionboard.domains.schema import TARGETS, find_header
from unionboard.domains.targets import compare_qualitative, parse_targets, read_amount
from unionboard.read.workbook import Sheet

HEADER = ["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện", "Đánh giá"]

# The final table of the report, as written (leading spaces and "- ", "Đạt " with a trailing space).
REPORT_ROWS = [
    [1, "  - CBCCVC, LĐ được học tập các chủ trương của Đảng, CSPL của Nhà nước.",
     "%", "100%", "100%", "Đạt"],
    [None, "- Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét kết nạp.",
     "Người", 2, 8, "Vượt"],
    [None, "- Phấn đấu số CBĐV được kết nạp Đảng", "Người", 2, 5, "Vượt"],
    [2, "Hàng năm tổ chức phát động thi đua", "Đợt", 5, 5, "Đạt"],
    [3, "Phối hợp với Thủ trưởng cơ quan tổ chức hội nghị CBCC hàng năm", "Lần", 5, 5, "Đạt"],
    [4, "Cơ quan, đơn vị đạt chuẩn văn hoá hàng năm.", "Đạt", "Đạt", "Đạt", "Đạt"],
    [None, "Không có CBCC vi phạm các tệ nạn xã hội và an toàn giao thông.",
     "Đạt ", "Đạt", "Đạt", "Đạt"],
    [5, "Hàng năm phấn đấu nữ CBCCVC, LĐ đạt danh hiệu “GVN-ĐVN”.", "%", "90%", "90%", "Đạt"],
    [6, "Phấn đấu CĐCS đạt vững mạnh", "Loại", "Vững mạnh", "Vững mạnh", "Đạt"],
]


def _write(path: Path, rows: list[list], sheet_name: str = "Chỉ tiêu NQ", header=HEADER,
           titles: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_name
    if titles:
        ws.append(["CÔNG ĐOÀN SỞ THÔNG TIN VÀ TRUYỀN THÔNG"])
        ws.append(["KẾT QUẢ THỰC HIỆN MỤC TIÊU NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ III"])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    ws.append([])
    ws.append([])
    wb.save(path)
    return path


def _sheet(rows: list[list], header=HEADER) -> Sheet:
    grid = [["Tiêu đề"], list(header), *[list(r) for r in rows], [None] * 6, [None] * 6]
    return Sheet(file="t.xlsx", name="Chỉ tiêu", rows=grid)


def _parse(rows: list[list], header=HEADER):
    sheet = _sheet(rows, header)
    match = find_header(sheet, TARGETS)
    assert match is not None and match.complete
    log = IssueLog()
    return parse_targets(sheet, match, log), log


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    return _write(tmp_path / "chi-tieu.xlsx", REPORT_ROWS)


def test_report_table_end_to_end(report_file: Path) -> None:
    result = check_files([report_file])
    assert [i.code for i in result.issues] == []
    targets = result.dataset.targets
    assert targets is not None and len(targets) == 9
    statuses = [t.status for t in targets]
    assert statuses.count("Đạt") == 7 and statuses.count("Vượt") == 2
    assert [t.group for t in targets] == ["1", "1", "1", "2", "3", "4", "4", "5", "6"]
    assert [t.is_first_in_group for t in targets] == [True, False, False, True, True, True, False,
                                                      True, True]
    assert all(t.status in STATUSES for t in targets)
    assert [t.written_status for t in targets] == statuses
    first = targets[0]
    assert first.text == "CBCCVC, LĐ được học tập các chủ trương của Đảng, CSPL của Nhà nước."
    assert (first.target, first.result, first.target_value, first.result_value) == ("100%", "100%", 100.0, 100.0)
    assert targets[1].text.startswith("Bồi dưỡng") and targets[1].status == "Vượt"
    assert (targets[1].target_value, targets[1].result_value) == (2.0, 8.0)
    assert targets[6].unit == "Đạt" and targets[6].qualitative
    assert targets[8].target == "Vững mạnh" and targets[8].status == "Đạt"
    assert result.sources["targets"] == "chi-tieu.xlsx"


def test_wrong_written_evaluation_is_reported(tmp_path: Path) -> None:
    rows = [list(r) for r in REPORT_ROWS]
    rows[3][5] = "Vượt"  # 5 campaigns for a target of 5 is "Đạt", not "Vượt"
    result = check_files([_write(tmp_path / "t.xlsx", rows)])
    warnings = result.warnings
    assert len(warnings) == 1
    issue = warnings[0]
    # header on row 4, the 4th data row is Excel row 8, column F
    assert issue.cell == "F8" and issue.sheet == "Chỉ tiêu NQ"
    assert "F8" in issue.message and "“Vượt”" in issue.message and "“Đạt”" in issue.message
    target = result.dataset.targets[3]
    assert target.status == "Đạt" and target.written_status == "Vượt"


def test_not_met_numeric_and_percent() -> None:
    targets, log = _parse([
        [1, "Nữ đạt GVN-ĐVN", "%", "90 %", "85%", "Chưa đạt"],
        [2, "Kết nạp Đảng", "Người", "2", "1 người", "Không đạt"],
        [3, "Tỷ lệ", "", "0,5", "0,5", "Met"],
    ])
    assert [t.status for t in targets] == ["Chưa đạt", "Chưa đạt", "Đạt"]
    assert [t.written_status for t in targets] == ["Chưa đạt", "Chưa đạt", "Đạt"]
    assert targets[0].target_value == 90.0 and targets[0].result_value == 85.0
    assert targets[2].target_value == 0.5
    assert len(log) == 0


def test_percentage_cells_stored_as_fractions() -> None:
    # Excel keeps a cell typed as "100%" as the number 1 (formatted as a percentage)
    targets, log = _parse([[1, "Học tập nghị quyết", "%", 1.0, 0.95, None]])
    assert targets[0].target == "100%" and targets[0].result == "95%"
    assert targets[0].status == "Chưa đạt" and len(log) == 0


def test_ranking_cases() -> None:
    assert compare_qualitative("Vững mạnh", "Vững mạnh xuất sắc") == "Vượt"
    assert compare_qualitative("Vững mạnh", "vững  mạnh") == "Đạt"
    assert compare_qualitative("Vững mạnh", "Khá") == "Chưa đạt"
    assert compare_qualitative("Khá", "Trung bình") == "Chưa đạt"
    assert compare_qualitative("Hoàn thành tốt", "Hoàn thành xuất sắc nhiệm vụ") == "Vượt"
    assert compare_qualitative("Hoàn thành tốt nhiệm vụ", "Hoàn thành tốt") == "Đạt"
    assert compare_qualitative("Hoàn thành", "Không hoàn thành") == "Chưa đạt"
    assert compare_qualitative("Tốt", "Xuất sắc") == "Vượt"
    assert compare_qualitative("Đạt", "Đạt") == "Đạt"
    assert compare_qualitative("Xuất sắc", "Tốt") == "Chưa đạt"
    targets, log = _parse([
        [1, "CĐCS vững mạnh", "Loại", "Vững mạnh", "Vững mạnh xuất sắc", "Vượt"],
        [2, "UBKT", "Loại", "Tốt", "Khá", "Chưa đạt"],
    ])
    assert [t.status for t in targets] == ["Vượt", "Chưa đạt"] and len(log) == 0


def test_english_headers() -> None:
    targets, log = _parse([
        ["1", "Members study resolutions", "%", "100%", "100%", "Met"],
        ["", "Members admitted", "persons", 2, 3, "Exceeded"],
        ["2", "Union rating", "", "Vững mạnh", "Khá", "Not met"],
    ], header=["No", "Content", "Unit", "Target", "Result", "Evaluation"])
    assert [t.status for t in targets] == ["Đạt", "Vượt", "Chưa đạt"]
    assert [t.group for t in targets] == ["1", "1", "2"]
    assert len(log) == 0


def test_blank_result_unknown_evaluation_and_missing_target() -> None:
    targets, log = _parse([
        [1, "Hội nghị CBCC", "Lần", 5, None, "Đạt"],
        [2, "Phát động thi đua", "Đợt", 5, 5, "Tốt lắm"],
        [3, "Một dòng không có mục tiêu", None, None, None, None],
    ])
    assert [t.status for t in targets] == ["Chưa đạt", "Đạt"]
    messages = {i.cell: i.message for i in log}
    assert set(messages) == {"E3", "F4", "D5"}
    assert "thiếu kết quả" in messages["E3"] and "E3" in messages["E3"]
    assert "“Tốt lắm”" in messages["F4"] and "không nhận ra" in messages["F4"]
    assert "không có mục tiêu" in messages["D5"]
    assert targets[1].written_status is None


def test_group_heading_row_and_non_numeric_result() -> None:
    targets, log = _parse([
        ["I", "Công tác chính trị tư tưởng", None, None, None, None],
        [None, "- Kết nạp đảng viên", "Người", 2, "chưa có", None],
        [None, "+ Học tập nghị quyết", "%", "100%", "100%", None],
    ])
    assert [t.group for t in targets] == ["I", "I"]
    assert [t.is_first_in_group for t in targets] == [True, False]
    assert targets[1].text == "Học tập nghị quyết"
    assert [t.status for t in targets] == ["Chưa đạt", "Đạt"]
    assert [(i.cell, i.code) for i in log] == [("E4", "targets.result_not_a_number")]


def test_zero_target_means_none_allowed() -> None:
    targets, _ = _parse([[1, "Số vụ vi phạm", "Vụ", 0, 0, None], [2, "Số vụ", "Vụ", 0, 2, None]])
    assert [t.status for t in targets] == ["Đạt", "Chưa đạt"]


def test_read_amount() -> None:
    assert read_amount("100%").value == 100 and read_amount("100%").percent
    assert read_amount("90 %").value == 90
    assert read_amount("8 người").value == 8
    assert read_amount("0,5").value == 0.5
    assert read_amount("Vững mạnh") is None
    assert read_amount("2011-2013") is None


class Opaque:
    """A cell value of no spreadsheet kind, with a fixed text (an object()'s text holds its address,
    whose hex digits can spell a year)."""

    def __str__(self) -> str:
        return "<opaque>"


def test_garbage_cells_are_named_and_no_unreadable_evaluation_passes_as_read() -> None:
    """Cells of the wrong kind never stop the reader; an evaluation it cannot read, a missing text and a
    missing result are each named by cell, and no such target is counted as reached."""
    targets, log = _parse([
        [Opaque(), 12.5, True, "abc", float("nan"), 3],
        ["x", None, None, "∞", "", "???"],
    ])
    assert len(targets) == 2
    assert {(i.cell, i.code) for i in log} >= {("F3", "targets.unknown_evaluation"), ("B4", "targets.no_text"),
                                               ("F4", "targets.unknown_evaluation"), ("E4", "targets.no_result")}
    assert all(t.written_status is None and t.status == "Chưa đạt" for t in targets)
    assert all(i.severity == "warning" and i.file == "t.xlsx" for i in log)
    no_result = next(i for i in log if i.code == "targets.no_result")  # a target without a text: named by row
    assert "ở dòng 4" in no_result.message and "Target in row 4 has no result" in no_result.text("en")


def test_an_english_targets_table_is_recognised(tmp_path) -> None:
    import openpyxl

    from unionboard.domains.loader import check_files

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Targets"
    for row in (["No.", "Target", "Unit", "Target value", "Result", "Evaluation"],
                [1, "Members who join trade union activities", "%", "100%", "100%", "Met"],
                [2, "New members recruited", "people", 5, 6, "Exceeded"]):
        ws.append(row)
    wb.save(tmp_path / "targets.xlsx")
    result = check_files([tmp_path / "targets.xlsx"])
    assert result.ok, result.issues
    targets = result.dataset.targets
    assert [t.text for t in targets] == ["Members who join trade union activities", "New members recruited"]
    assert [t.status for t in targets] == ["Đạt", "Vượt"]


def _targets_of(tmp_path, rows):
    from openpyxl import Workbook

    from unionboard.domains.loader import check_files

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for row in rows:
        ws.append(row)
    wb.save(tmp_path / "ct.xlsx")
    return check_files([tmp_path / "ct.xlsx"])


def test_a_ratio_column_is_never_the_target(tmp_path) -> None:
    """“Tỷ lệ so với mục tiêu (%)” holds the words “mục tiêu” but is a ratio: without a real target column
    the sheet is refused (before, every target read the ratio and came out “Chưa đạt” with ok: true)."""
    result = _targets_of(tmp_path, [["STT", "Nội dung", "ĐVT", "Kết quả", "Tỷ lệ so với mục tiêu (%)"],
                                    [1, "Kết nạp đoàn viên mới", "người", "26 người", "130%"]])
    assert result.dataset.targets is None
    (error,) = result.errors
    assert error.code == "loader.missing_columns" and "“Mục tiêu”" in error.message
    ok = _targets_of(tmp_path, [["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả", "So sánh (%)"],
                                [1, "Kết nạp đoàn viên mới", "người", 20, "26 người", "130%"]])
    assert [(t.target, t.status) for t in ok.dataset.targets] == [("20", "Vượt")]


def test_ke_hoach_and_thuc_hien_are_target_and_result_and_status_comes_from_the_figures(tmp_path) -> None:
    result = _targets_of(tmp_path, [["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện"],
                                    [1, "Kết nạp đoàn viên mới", "người", 20, "26 người"],
                                    [2, "Đoàn viên xếp loại tốt", "%", "90%", "89,5%"]])
    assert [(t.text, t.status) for t in result.dataset.targets] == [
        ("Kết nạp đoàn viên mới", "Vượt"), ("Đoàn viên xếp loại tốt", "Chưa đạt")]
    assert result.ok


def _targets_workbook(tmp_path, rows, formats=None):
    """A "Chỉ tiêu" sheet; `formats` maps a cell ("E3") to its number format (percent-formatted cells)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for row in rows:
        ws.append(row)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    wb.save(tmp_path / "ct.xlsx")
    return check_files([tmp_path / "ct.xlsx"])


def test_without_a_status_column_the_status_comes_from_results_written_with_units(tmp_path) -> None:
    result = _targets_workbook(tmp_path, [
        ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả"],
        [1, "Kết nạp đoàn viên mới", "người", "20 người", "26 người"],
        [2, "Đoàn viên xếp loại hoàn thành tốt nhiệm vụ", "%", "90%", "89,5%"],
        [3, "Tổ chức hội nghị người lao động", "lần", 1, "1 lần"],
        [4, "Nữ đoàn viên đạt danh hiệu GVN-ĐVN", "%", 0.9, 0.95],  # percent-formatted cells: 90% and 95%
        [5, "Tỷ lệ đoàn viên tham gia BHXH", None, 1, 0.98],  # percent-formatted, no unit
    ], formats={"D5": "0%", "E5": "0%", "D6": "0%", "E6": "0.0%"})
    assert result.ok and not result.warnings, result.issues
    assert [(t.target, t.result, t.status) for t in result.dataset.targets] == [
        ("20 người", "26 người", "Vượt"), ("90%", "89,5%", "Chưa đạt"), ("1", "1 lần", "Đạt"),
        ("90%", "95%", "Vượt"), ("1", "0,98", "Chưa đạt")]


def test_a_so_sanh_column_alone_is_no_target_and_the_sheet_is_refused(tmp_path) -> None:
    """Never read as targets with every status “Chưa đạt” and ok: true; the refusal names the targets table
    and its missing target column (Chỉ tiêu | Thực hiện alone is not taken for the settlement form)."""
    for header in (["STT", "Nội dung", "ĐVT", "Kết quả", "So sánh"], ["STT", "Chỉ tiêu", "ĐVT", "Thực hiện", "So sánh"]):
        result = _targets_workbook(tmp_path, [header, [1, "Kết nạp đoàn viên mới", "người", 26, "130%"]])
        assert result.dataset.targets is None and not result.ok
        (error,) = result.errors
        assert error.cell == "A1" and error.sheet == "Chỉ tiêu"
        assert error.code == "loader.missing_columns" and "Mục tiêu" in dict(error.params)["expected"]


def test_a_written_status_that_contradicts_the_figures_is_a_warning_with_its_cell(tmp_path) -> None:
    result = _targets_workbook(tmp_path, [
        ["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Tỷ lệ so với mục tiêu (%)", "Đánh giá"],
        [1, "Kết nạp đoàn viên mới", "người", 20, "26 người", "130%", "Đạt"],
        [2, "Đoàn viên xếp loại tốt", "%", "90%", "89,5%", "99,4%", "Đạt"]])
    targets = result.dataset.targets
    assert [(t.target, t.result, t.status, t.written_status) for t in targets] == [
        ("20", "26 người", "Vượt", "Đạt"), ("90%", "89,5%", "Chưa đạt", "Đạt")]
    assert [(i.code, i.sheet, i.cell) for i in result.warnings] == [
        ("targets.status_mismatch", "Chỉ tiêu", "G2"), ("targets.status_mismatch", "Chỉ tiêu", "G3")]


@pytest.mark.parametrize("rows, ok", [
    ([["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả"], [1, "Kết nạp đoàn viên mới", "người", "20 người", "26 người"]],
     True),
    ([["STT", "Chỉ tiêu", "ĐVT", "Thực hiện", "So sánh"], [1, "Kết nạp đoàn viên mới", "người", 26, "130%"]], False),
    ([["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Năm 2023", "Năm 2024"], [1, "Kết nạp", "người", 30, 32, 35]],
     True),
])
def test_check_json_prints_one_object_for_each_targets_shape(tmp_path, rows, ok) -> None:
    import json
    import subprocess
    import sys

    wb = Workbook()
    wb.active.title = "Chỉ tiêu"
    for row in rows:
        wb.active.append(row)
    wb.save(tmp_path / "ct.xlsx")
    proc = subprocess.run([sys.executable, "-m", "unionboard", "check", str(tmp_path / "ct.xlsx"), "--json"],
                          cwd=Path(__file__).resolve().parents[1], capture_output=True, text=True, timeout=120)
    data = json.loads(proc.stdout)  # exactly one object
    assert data["ok"] is ok
    assert all(issue["file"] == "ct.xlsx" and issue["sheet"] == "Chỉ tiêu" for issue in data["issues"])
