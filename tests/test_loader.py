"""loader.check_files: classify sheets wherever they are, merge files, report what cannot be read."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from unionboard.analysis.metrics import summary
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.report import (
    UNION_INFO,
    build_awards,
    build_finance,
    build_info,
    build_roster,
    build_targets,
)

DOMAINS4 = ("members", "finance", "targets", "awards")


def xlsx_bytes(wb: Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def combined_workbook(*builders) -> Workbook:
    """One workbook holding every sheet of the given sample workbooks (values and merged titles)."""
    out = Workbook()
    out.remove(out.active)
    for build in builders:
        for src in build().worksheets:
            dst = out.create_sheet(src.title)
            for row in src.iter_rows(values_only=True):
                dst.append(list(row))
            for merged in src.merged_cells.ranges:
                dst.merge_cells(str(merged))
    return out


@pytest.fixture(scope="module")
def all_in_one() -> bytes:
    wb = combined_workbook(build_info, build_roster, build_finance, build_targets, build_awards)
    assert wb.sheetnames == ["Thông tin", "Đoàn viên", "Phần thu", "Phần chi", "Chỉ tiêu Nghị quyết",
                             "Khen thưởng"]
    return xlsx_bytes(wb)


@pytest.fixture(scope="module")
def separate_files() -> list[SourceFile]:
    return [SourceFile(name, xlsx_bytes(build())) for name, build in (
        ("thong-tin.xlsx", build_info), ("doan-vien.xlsx", build_roster),
        ("tai-chinh.xlsx", build_finance), ("chi-tieu.xlsx", build_targets),
        ("khen-thuong.xlsx", build_awards))]


def without_issues(result) -> dict:
    data = summary(result)
    data.pop("issues")
    return data


# --------------------------------------------------------------------------- one file vs many


def test_one_workbook_holds_all_four_domains(all_in_one):
    result = check_files([SourceFile("dai-hoi.xlsx", all_in_one)])
    assert result.ok, result.errors
    assert set(DOMAINS4) <= set(result.dataset.domains())
    assert result.sources == {d: "dai-hoi.xlsx" for d in result.dataset.domains()}
    assert result.sheets["members"] == (("dai-hoi.xlsx", "Đoàn viên"),)
    assert result.sheets["finance"] == (("dai-hoi.xlsx", "Phần thu"), ("dai-hoi.xlsx", "Phần chi"))
    assert result.sheets["targets"] == (("dai-hoi.xlsx", "Chỉ tiêu Nghị quyết"),)
    assert result.sheets["awards"] == (("dai-hoi.xlsx", "Khen thưởng"),)
    data = summary(result)
    assert data["members"]["total"] == 33
    assert data["finance"]["revenue"]["total"] == 310_992_000
    assert data["targets"]["total"] == 9
    assert data["awards"]["total"] == 12
    # the only issues are the report's own "ĐVT: 1.000" contradiction, as warnings
    assert {(i.severity, i.file) for i in result.issues} <= {("warning", "dai-hoi.xlsx")}


def test_split_files_give_the_same_summary(all_in_one, separate_files):
    one = check_files([SourceFile("dai-hoi.xlsx", all_in_one)])
    many = check_files(separate_files)
    assert set(DOMAINS4) <= set(many.dataset.domains())
    assert without_issues(one) == without_issues(many)
    assert one.dataset.info == many.dataset.info
    assert many.sources["members"] == "doan-vien.xlsx"
    assert many.sources["finance"] == "tai-chinh.xlsx"
    # the same issues, located in the other files
    assert sorted((i.severity, i.sheet, i.cell, i.message) for i in one.issues) == \
        sorted((i.severity, i.sheet, i.cell, i.message) for i in many.issues)


def test_paths_and_bytes_give_the_same_result(tmp_path, separate_files):
    paths = []
    for source in separate_files:
        path = tmp_path / source.name
        path.write_bytes(source.data)
        paths.append(path)
    by_path = check_files(paths)
    by_str = check_files([str(p) for p in paths])
    by_bytes = check_files(separate_files)
    assert without_issues(by_path) == without_issues(by_bytes) == without_issues(by_str)
    assert [i.to_dict() for i in by_path.issues] == [i.to_dict() for i in by_bytes.issues]
    assert by_path.sources == by_bytes.sources


def test_info_sheet_fills_dataset_info(all_in_one):
    info = check_files([SourceFile("dai-hoi.xlsx", all_in_one)]).dataset.info
    expected = dict(UNION_INFO)
    assert info.name == expected["Tên công đoàn"]
    assert info.congress == "IV"
    assert info.reported_term == "2012–2017"
    assert info.next_term == "2017–2022"


def test_without_info_sheet_the_default_name_is_used():
    result = check_files([SourceFile("dv.xlsx", xlsx_bytes(build_roster()))])
    assert result.dataset.info.name == "Công đoàn cơ sở"
    assert result.dataset.info.congress == ""


def test_only_domains_restricts_what_is_read(all_in_one):
    source = SourceFile("dai-hoi.xlsx", all_in_one)
    result = check_files([source], only_domains={"dai-hoi.xlsx": {"members", "awards"}})
    assert result.dataset.domains() == ("members", "awards")
    assert result.dataset.finance is None and result.dataset.targets is None
    assert set(result.sources) == {"members", "awards"}
    # no "nothing recognised" error for the skipped sheets, and no finance warnings either
    assert result.ok and not [i for i in result.issues if i.sheet in ("Phần thu", "Phần chi")]


def test_only_domains_for_another_file_does_not_restrict(all_in_one):
    result = check_files([SourceFile("dai-hoi.xlsx", all_in_one)], only_domains={"cu.xlsx": {"members"}})
    assert set(DOMAINS4) <= set(result.dataset.domains())


# --------------------------------------------------------------------------- what cannot be read


def roster_without(column: str) -> Workbook:
    src = build_roster()["Đoàn viên"]
    rows = [list(r) for r in src.iter_rows(values_only=True)]
    header_row = next(i for i, r in enumerate(rows) if r and r[1] == "Họ và tên")
    drop = rows[header_row].index(column)
    wb = Workbook()
    ws = wb.active
    ws.title = "Đoàn viên"
    for r in rows:
        ws.append([v for i, v in enumerate(r) if i != drop])
    return wb


def test_roster_missing_required_column_lists_expected_and_found():
    result = check_files([SourceFile("thieu-cot.xlsx", xlsx_bytes(roster_without("Họ và tên")))])
    assert result.dataset.members is None
    assert len(result.errors) == 1, result.issues
    issue = result.errors[0]
    assert (issue.severity, issue.file, issue.sheet, issue.cell) == ("error", "thieu-cot.xlsx", "Đoàn viên", "A4")
    assert issue.code == "loader.missing_columns"
    assert "“Họ và tên”" in issue.message.split("Các cột tìm thấy")[0]  # what is expected: names only
    assert "Danh sách đoàn viên" in issue.message  # the table the sheet most looks like
    found = issue.message.split("Các cột tìm thấy ở dòng 4:")[1]
    for label in ("STT", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
                  "Lý luận chính trị", "Đảng viên", "Chức vụ công đoàn"):
        assert f"“{label}”" in found, label
    assert "Họ và tên" not in found


def test_roster_without_optional_columns_is_read():
    result = check_files([SourceFile("thieu-cot.xlsx", xlsx_bytes(roster_without("Giới tính")))])
    assert result.dataset.members is not None and result.errors == ()
    assert not result.dataset.members.has("gender")


def test_missing_column_in_one_file_does_not_hide_the_others(separate_files):
    broken = SourceFile("doan-vien.xlsx", xlsx_bytes(roster_without("Họ và tên")))
    files = [broken if s.name == "doan-vien.xlsx" else s for s in separate_files]
    result = check_files(files)
    assert result.dataset.members is None
    assert {"finance", "targets", "awards"} <= set(result.dataset.domains())
    assert [(i.file, i.sheet, i.cell) for i in result.errors] == [("doan-vien.xlsx", "Đoàn viên", "A4")]
    assert "“Họ và tên”" in result.errors[0].message


def test_workbook_with_no_recognisable_sheet_names_the_sheets():
    wb = Workbook()
    ws = wb.active
    ws.title = "Lịch công tác"
    ws.append(["Thứ", "Nội dung công việc", "Người phụ trách"])
    ws.append(["Hai", "Họp giao ban", "Văn phòng"])
    notes = wb.create_sheet("Ghi chú")
    notes.append(["Tài liệu tham khảo"])
    result = check_files([SourceFile("khac.xlsx", xlsx_bytes(wb))])
    assert result.dataset.domains() == ()
    assert len(result.issues) == 1
    issue = result.issues[0]
    assert (issue.severity, issue.file, issue.sheet, issue.cell) == ("error", "khac.xlsx", None, None)
    assert issue.code == "loader.no_sheet_recognised"
    assert "“Lịch công tác”" in issue.message and "“Ghi chú”" in issue.message
    assert "đoàn viên" in issue.message  # says what is expected


def test_bad_file_among_good_ones(separate_files):
    files = [*separate_files, SourceFile("anh.xlsx", b"\x89PNG\r\n\x1a\n")]
    result = check_files(files)
    assert set(DOMAINS4) <= set(result.dataset.domains())
    assert [(i.severity, i.file) for i in result.errors] == [("error", "anh.xlsx")]


def test_no_files_gives_an_empty_result():
    result = check_files([])
    assert result.issues == () and result.dataset.domains() == () and result.ok


def test_collector_is_paused_while_checking_and_restored_after(separate_files, monkeypatch):
    import gc

    from unionboard.domains import loader

    seen = []
    original = loader._build

    def build_and_look(*args):
        seen.append(gc.isenabled())
        return original(*args)

    monkeypatch.setattr(loader, "_build", build_and_look)
    assert gc.isenabled()
    check_files(separate_files)
    assert seen == [False] and gc.isenabled()
    gc.disable()  # a caller that turned it off keeps it off
    try:
        check_files(separate_files)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_pause_nests_across_threads():
    import gc
    import threading

    from unionboard.domains.loader import collection_paused

    inside, release = threading.Event(), threading.Event()

    def other():
        with collection_paused():
            inside.set()
            release.wait(10)

    thread = threading.Thread(target=other)
    with collection_paused():
        thread.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other thread is still checking
    release.set()
    thread.join(10)
    assert gc.isenabled()


def test_collector_is_back_when_checking_raises(monkeypatch):
    import gc

    from unionboard.domains import loader

    def broken(*_args):
        raise RuntimeError("boom")

    monkeypatch.setattr(loader, "_build", broken)
    with pytest.raises(RuntimeError):
        check_files([])
    assert gc.isenabled()


def test_a_roster_behind_a_cover_and_notes_is_found_and_the_others_are_noted():
    wb = Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover.append(["CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH MAY XUẤT KHẨU"])
    cover.append(["HỒ SƠ ĐẠI HỘI NHIỆM KỲ 2023–2028"])
    notes = wb.create_sheet("Giải thích")
    notes.append(["Danh sách lập theo mẫu của Liên đoàn Lao động tỉnh, số liệu đến 30/6."])
    roster = wb.create_sheet("DS")
    for row in (["DANH SÁCH ĐOÀN VIÊN"], ["STT", "Họ và tên", "Giới tính", "Năm sinh"],
                [1, "Nguyễn Văn An", "Nam", 1985], [2, "Lê Thị Bình", "Nữ", 1990]):
        roster.append(row)
    result = check_files([SourceFile("hs.xlsx", xlsx_bytes(wb))])
    assert len(result.dataset.members) == 2 and result.ok
    assert [(i.severity, i.code, i.sheet) for i in result.issues] == [
        ("info", "loader.sheet_without_table", "Bìa"), ("info", "loader.sheet_without_table", "Giải thích")]
