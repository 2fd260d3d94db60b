"""The delegates domain (Đại biểu): detected by its header, kinds normalised, bad rows reported by cell."""

from __future__ import annotations

from helpers import workbook_bytes

from unionboard.analysis.metrics import summary
from unionboard.core.models import SourceFile
from unionboard.domains.delegates import Delegate, kind_of
from unionboard.domains.loader import check_files
from unionboard.export.template import build_template
from unionboard.export.xlsx import dataset_to_xlsx

HEADER = ["STT", "Họ và tên", "Đơn vị", "Loại đại biểu", "Dân tộc"]


def _file(rows: list[list]) -> SourceFile:
    return SourceFile("dai-bieu.xlsx", workbook_bytes({"Đại biểu": [["DANH SÁCH ĐẠI BIỂU"], HEADER, *rows]}))


def test_read_with_kinds_normalised() -> None:
    result = check_files([_file([[1, "Nguyễn Văn An", "Văn phòng", "đương nhiên", "Kinh"],
                                 [2, "Lò Thị Mai", "Thanh tra", "ĐB bầu", "Thái"],
                                 [3, "Trần Bình", "Thanh tra", "Chỉ định", None]])])
    assert result.issues == ()
    assert result.dataset.get("delegates") == (
        Delegate("Nguyễn Văn An", "Văn phòng", "Đương nhiên", "Kinh"),
        Delegate("Lò Thị Mai", "Thanh tra", "Bầu", "Thái"),
        Delegate("Trần Bình", "Thanh tra", "Chỉ định", None))
    assert result.dataset.members is None
    assert summary(result)["delegates"] == {"total": 3, "by_kind": {"Đương nhiên": 1, "Bầu": 1, "Chỉ định": 1}}


def test_bad_rows_are_reported_by_cell_and_skipped() -> None:
    result = check_files([_file([[1, "Nguyễn Văn An", "Văn phòng", "khách mời", None],
                                 [2, "Lò Thị Mai", "Thanh tra", None, None],
                                 [3, None, "Thanh tra", "Bầu", None],
                                 [4, "Trần Bình", "Thanh tra", "Bầu", None],
                                 [5, "tran binh", "Thanh tra", "Bầu", None]])])
    codes = [(i.code, i.cell, i.severity) for i in result.issues]
    assert codes == [("delegates.unknown_kind", "D3", "error"), ("delegates.no_kind", "D4", "error"),
                     ("delegates.no_name", "B5", "warning"), ("delegates.repeated", "B7", "warning")]
    assert "khách mời" in result.issues[0].message and "Nguyễn Văn An" in result.issues[0].message
    assert [d.name for d in result.dataset.get("delegates")] == ["Trần Bình"]


def test_kind_aliases() -> None:
    assert kind_of("Đại biểu được bầu") == "Bầu"
    assert kind_of("DUONG NHIEN") == "Đương nhiên"
    assert kind_of("khách mời") is None


def test_template_and_download_round_trip(tmp_path) -> None:
    wb = build_template()
    assert [c.value for c in wb["Đại biểu"][2]] == ["Họ và tên", "Đơn vị", "Loại đại biểu", "Dân tộc",
                                                    "Mã đại biểu"]
    dataset = check_files([_file([[1, "Lò Thị Mai", "Thanh tra", "Bầu", "Thái"]])]).dataset
    again = check_files([SourceFile("tai-ve.xlsx", dataset_to_xlsx(dataset))]).dataset
    assert again.get("delegates") == dataset.get("delegates")


def _coded(rows: list[list]) -> SourceFile:
    header = [*HEADER, "Mã đại biểu"]
    return SourceFile("dai-bieu.xlsx", workbook_bytes({"Đại biểu": [["DANH SÁCH ĐẠI BIỂU"], header, *rows]}))


def test_codes_tell_apart_two_of_one_name_and_keep_leading_zeros() -> None:
    result = check_files([_coded([[1, "Nguyễn Văn An", "Văn phòng", "Bầu", "Kinh", "00123"],
                                  [2, "Nguyễn Văn An", "Văn phòng", "Bầu", "Kinh", "00124"]])])
    assert result.issues == ()
    assert [d.code for d in result.dataset.get("delegates")] == ["00123", "00124"]


def test_repeated_code_is_warned_with_its_cell() -> None:
    result = check_files([_coded([[1, "Nguyễn Văn An", "Văn phòng", "Bầu", "Kinh", "007"],
                                  [2, "Lò Thị Mai", "Thanh tra", "Bầu", "Thái", "007"]])])
    issues = [(i.code, i.cell) for i in result.issues]
    assert issues == [("delegates.repeated_code", "F4")]
    assert "F4" in result.issues[0].message and "F3" in result.issues[0].message
    assert len(result.dataset.get("delegates")) == 2  # warned, never dropped quietly


def test_code_survives_the_data_download() -> None:
    dataset = check_files([_coded([[1, "Lò Thị Mai", "Thanh tra", "Bầu", "Thái", "00042"]])]).dataset
    again = check_files([SourceFile("tai-ve.xlsx", dataset_to_xlsx(dataset))]).dataset
    assert [d.code for d in again.get("delegates")] == ["00042"]
