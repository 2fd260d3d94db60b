"""Term targets (chỉ tiêu nhiệm kỳ): the wide sheet with one result column per year."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from unionboard.domains.loader import check_files
from unionboard.domains.term_targets import canonical_group
from unionboard.sample.plan import TERM_TARGETS, build_term_targets

HEADER = ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng", "Kết quả 2018", "KQ 2019", 2020]


def _write(path: Path, rows: list[list], header=HEADER, sheet: str = "Chỉ tiêu nhiệm kỳ") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["CHỈ TIÊU NHIỆM KỲ 2017–2022"])
    ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _check(tmp_path: Path, rows: list[list], **kw):
    return check_files([_write(tmp_path / "nk.xlsx", rows, **kw)])


def test_sample_has_the_reports_targets(tmp_path: Path) -> None:
    path = tmp_path / "chi-tieu-nhiem-ky.xlsx"
    build_term_targets().save(path)
    result = check_files([path])
    assert result.issues == ()
    assert result.sources == {"term_targets": "chi-tieu-nhiem-ky.xlsx"}
    targets = result.dataset.term_targets
    assert len(targets) == len(TERM_TARGETS) == 13  # 3.1–3.13, as in the report
    by_code = {t.code: t for t in targets}
    assert by_code["3.5"].unit == "Người/năm" and by_code["3.5"].term_target == "1"
    assert by_code["3.6"].term_target == "100%"
    assert by_code["3.8"].term_target == "80%" and "15%" in by_code["3.8"].text
    assert by_code["3.9"].term_target == "Vững mạnh xuất sắc"
    assert by_code["3.11"].term_target == "95%"
    assert by_code["3.13"].term_target == "Tốt"
    assert {t.group for t in targets[:8]} == {"Phối hợp thực hiện"}
    assert {t.group for t in targets[8:]} == {"Công đoàn thực hiện"}
    assert all(t.per_year for t in targets)
    # the report has no results: the sample's are invented for 2018–2019 only, and said so
    assert all(set(t.results) == {2018, 2019} for t in targets)
    assert by_code["3.5"].results == {2018: "2", 2019: "0"}


def test_year_columns_and_values(tmp_path: Path) -> None:
    result = _check(tmp_path, [
        ["3.5", "Kết nạp Đảng", "Phối hợp thực hiện", "Người/năm", 1, "Hàng năm", 2, "1", 0],
        ["3.11", "Nữ GVN-ĐVN", "Công đoàn thực hiện", "%", 0.95, "Hàng năm", 0.9, "96%", 95],
        ["3.9", "Xếp loại CĐCS", "Công đoàn thực hiện", "Loại", "Vững mạnh xuất sắc", None,
         "Vững mạnh", None, None],
    ])
    assert result.errors == ()
    t35, t311, t39 = result.dataset.term_targets
    assert t35.results == {2018: "2", 2019: "1", 2020: "0"}
    assert t311.term_target == "95%"
    assert t311.results == {2018: "90%", 2019: "96%", 2020: "95%"}
    assert t39.results == {2018: "Vững mạnh"} and t39.per_year


def test_per_year_targets_and_whole_term(tmp_path: Path) -> None:
    header = ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng", "Mục tiêu 2018",
              "Kết quả 2018", "Kết quả 2019"]
    result = _check(tmp_path, [["3.5", "Kết nạp Đảng", "Phối hợp", "Người", 5, "Cả nhiệm kỳ", 1, 1, 2]],
                    header=header)
    (target,) = result.dataset.term_targets
    assert not target.per_year
    assert target.yearly_targets == {2018: "1"}
    assert target.results == {2018: "1", 2019: "2"}
    assert target.group == "Phối hợp thực hiện"


def test_group_heading_rows_and_missing_code(tmp_path: Path) -> None:
    result = _check(tmp_path, [
        [None, "* Nhóm chỉ tiêu phối hợp thực hiện"],
        ["3.1", "Học tập nghị quyết", None, "%", "100%"],
        [None, "* Nhóm chỉ tiêu Công đoàn thực hiện"],
        [None, "Kiểm tra tài chính", None, "Lần/năm", 1],
    ])
    t31, t312 = result.dataset.term_targets
    assert t31.group == "Phối hợp thực hiện" and t312.group == "Công đoàn thực hiện"
    assert t312.code == "dòng 7"
    (issue,) = result.warnings
    assert issue.cell == "A7" and issue.code == "term_targets.no_code"


def test_bad_values_are_reported_with_their_cell(tmp_path: Path) -> None:
    result = _check(tmp_path, [
        ["3.5", "Kết nạp Đảng", "Phối hợp thực hiện", "Người/năm", 1, "Mỗi quý", "hai", None, None],
        ["3.7", "Tham quan", "Phối hợp thực hiện", "Chuyến/năm", None, "Hàng năm", 1, None, None],
    ])
    (target,) = result.dataset.term_targets
    assert target.results == {}  # "hai" is not a number: dropped
    (error,) = result.errors
    assert error.cell == "G4" and "“hai”" in error.message and error.sheet == "Chỉ tiêu nhiệm kỳ"
    messages = {w.cell: w.message for w in result.warnings}
    assert "không nhận ra" in messages["F4"]
    assert "không có mục tiêu" in messages["E5"]


def test_not_taken_for_the_resolution_targets(tmp_path: Path) -> None:
    """A term-targets sheet has Nội dung/ĐVT/Mục tiêu/Kết quả too; it must not become TARGETS."""
    result = _check(tmp_path, [["3.1", "Học tập", "Phối hợp thực hiện", "%", "100%", "Hàng năm", "100%"]],
                    sheet="Chỉ tiêu")
    assert "targets" not in result.sources
    assert len(result.dataset.term_targets) == 1


def test_no_target_column_is_an_error(tmp_path: Path) -> None:
    result = _check(tmp_path, [["3.1", "Học tập", "Phối hợp thực hiện", "100%"]],
                    header=["Mã", "Nội dung", "Nhóm", "Kết quả 2018", "Mục tiêu"])
    # "Mục tiêu" is there; a sheet without it is reported, never raised
    assert result.dataset.term_targets is not None
    broken = check_files([_write(tmp_path / "b.xlsx", [["3.1", "x", "y", 1]],
                                 header=["Mã", "Nội dung", "Nhóm", "Kết quả 2018"])])
    assert broken.dataset.term_targets is None
    assert any(i.code == "loader.missing_columns" and "Mục tiêu nhiệm kỳ" in i.message for i in broken.errors)


def test_canonical_group() -> None:
    assert canonical_group("Nhóm chỉ tiêu phối hợp thực hiện") == "Phối hợp thực hiện"
    assert canonical_group("CÔNG ĐOÀN THỰC HIỆN") == "Công đoàn thực hiện"
    assert canonical_group("Khác") == "Khác"


def test_the_resolutions_table_with_one_result_column_per_year_is_read_as_term_targets(tmp_path) -> None:
    """Chỉ tiêu | ĐVT | Chỉ tiêu Nghị quyết | Năm 2023 | Năm 2024 | Năm 2025 was refused as a targets table
    missing “Mục tiêu” / “Kết quả”."""
    from openpyxl import Workbook

    from unionboard.domains.loader import check_files

    wb = Workbook()
    ws = wb.active
    ws.title = "Chỉ tiêu"
    for row in (["CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2023–2028"],
                ["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Năm 2023", "Năm 2024", "Năm 2025"],
                [1, "Kết nạp đoàn viên mới", "người", 30, 32, 35, None],
                [2, "Tỷ lệ đoàn viên được học tập nghị quyết", "%", "95%", "96%", "97%", "98%"]):
        ws.append(row)
    wb.save(tmp_path / "ct.xlsx")
    result = check_files([tmp_path / "ct.xlsx"])
    assert result.sources == {"term_targets": "ct.xlsx"} and result.ok, result.issues
    first, second = result.dataset.term_targets
    assert (first.code, first.text, first.term_target, first.results) == (
        "1", "Kết nạp đoàn viên mới", "30", {2023: "32", 2024: "35"})
    assert second.results == {2023: "96%", 2024: "97%", 2025: "98%"}
    assert [i.code for i in result.issues] == ["term_targets.no_group_column"]


@pytest.mark.parametrize("header, rows", [
    (["Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", "Năm 2023", "Năm 2024", "Năm 2025"],
     [["Kết nạp đoàn viên mới", "người", 30, 32, 35, None], ["Tỷ lệ học tập nghị quyết", "%", "95%", "96%", "97%", "98%"]]),
    (["STT", "Chỉ tiêu", "ĐVT", "Chỉ tiêu Nghị quyết", 2023, 2024, 2025],  # numeric year headers, fractions for %
     [[1, "Kết nạp đoàn viên mới", "người", 30, 32, 35, None], [2, "Tỷ lệ học tập nghị quyết", "%", 0.95, 0.96, 0.97, 0.98]]),
])
def test_term_targets_without_a_code_column_or_with_numeric_years(tmp_path, header, rows) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for row in (header, *rows):
        ws.append(row)
    wb.save(tmp_path / "nq.xlsx")
    result = check_files([tmp_path / "nq.xlsx"])
    assert result.sources == {"term_targets": "nq.xlsx"} and result.ok, result.issues
    first, second = result.dataset.term_targets
    assert (first.code, first.term_target, first.results) == ("1", "30", {2023: "32", 2024: "35"})
    assert (second.code, second.term_target, second.results) == ("2", "95%", {2023: "96%", 2024: "97%", 2025: "98%"})
