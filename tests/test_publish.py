"""The publish service: uploads checked once, what each file supplied read from the loader's record, the store's errors by code."""

from __future__ import annotations

import pytest
from helpers import MEMBER_HEADER, sample_files, workbook_bytes

from tools.publish_checks import counting
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.export import planning as X
from unionboard.publish import check_upload, publish_files, publish_upload, saving
from unionboard.store.versions import StaleVersion, StoreError, UnknownVersion, open_store


def roster(name: str, n: int = 3) -> SourceFile:
    rows = [MEMBER_HEADER] + [[f"Đoàn viên {i}", "Nữ" if i % 2 else "Nam", 1980 + i, "Phòng 1", "Đại học",
                               "Sơ cấp", ""] for i in range(n)]
    return SourceFile(name, workbook_bytes({"Đoàn viên": rows}))


def targets(name: str) -> SourceFile:
    return SourceFile(name, workbook_bytes({"Chỉ tiêu": [
        ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả", "Đánh giá"],
        ["1", "Tổ chức phát động thi đua", "Đợt", 5, 5, "Đạt"]]}))


def info(name: str, union: str = "Công đoàn cơ sở Thử nghiệm") -> SourceFile:
    return SourceFile(name, workbook_bytes({"Thông tin": [["Tên công đoàn", union], ["Đại hội lần thứ", "IV"]]}))


@pytest.fixture
def store(store_url):
    return open_store(store_url)


# --------------------------------------------------------------------------- checked once


def test_publishing_the_sample_runs_the_checker_once(store) -> None:
    """The 7 sample files: one check reading each workbook once (before the service: 8 checks, 14 reads)."""
    files = sample_files()
    assert len(files) == 7
    with counting() as counts:
        outcome = publish_files(store, files, by="test")
    assert outcome.created
    assert (counts.checks, counts.reads) == (1, len(files))
    version = store.current_version()
    assert version.domains["info"] == ["thong-tin.xlsx"]  # the info sheet's file, known without re-reading
    assert version.files == [f.name for f in files]


def test_a_preview_check_is_handed_on_and_nothing_is_checked_again(store) -> None:
    files = sample_files()
    preview = check_files(files)
    with counting() as counts:
        outcome = publish_upload(check_upload(files, preview), store, by="test")
    assert outcome.created and counts.checks == 0
    assert outcome.result is preview


def test_a_repeated_file_is_checked_without_its_copy(store) -> None:
    """A preview of a file uploaded twice counted its rows twice: the service checks the distinct files again."""
    one = roster("doan-vien.xlsx", 3)
    doubled = check_files([one, one])
    assert len(doubled.dataset.members) == 6
    checked = check_upload([one, one], doubled)
    assert checked.files == (one,) and len(checked.result.dataset.members) == 3


def test_the_loader_records_the_info_sheet_and_each_file_supplies_what_it_gave() -> None:
    files = [roster("doan-vien.xlsx"), info("thong-tin.xlsx"), targets("chi-tieu.xlsx")]
    checked = check_upload(files)
    assert checked.result.sheets["info"] == (("thong-tin.xlsx", "Thông tin"),)
    assert checked.supplied() == {"doan-vien.xlsx": {"members"}, "thong-tin.xlsx": {"info"},
                                  "chi-tieu.xlsx": {"targets"}}


def test_names_holding_a_comma_are_attributed_by_the_record(store) -> None:
    """Formerly the store split "a, b.xlsx, a.xlsx" back into names; the (file, sheet) record needs no parsing."""
    outcome = publish_files(store, [roster("a, b.xlsx"), targets("a.xlsx"), info("b.xlsx")], by="test")
    assert outcome.created
    assert store.current_version().domains == {"members": ["a, b.xlsx"], "targets": ["a.xlsx"], "info": ["b.xlsx"]}


def test_two_different_files_with_one_name_are_refused(store) -> None:
    outcome = publish_files(store, [roster("a.xlsx"), targets("a.xlsx")], by="test")
    assert outcome.reason == "errors" and not outcome.ok
    assert [i.code for i in outcome.result.errors] == ["store.same_name"]
    assert store.history() == []


def test_saving_an_edit_checks_the_workbook_once(store_url, monkeypatch) -> None:
    """The planning editor's save: one check (the pass-through check_export made it two)."""
    monkeypatch.setenv("UNIONBOARD_DB_URL", store_url)
    files = sample_files()
    first = publish_files(open_store(), files, by="test")
    data = open_store().current_result().dataset
    frame = X.targets_sheet_frame(data.term_targets, X.default_years(data))
    frame.loc[frame.index[0], X.editable_columns(frame)[0]] = "7"
    blob = X.dataset_with_results(data, frame)
    with counting() as counts:
        outcome = saving.publish_checked(X.TERM_TARGETS_FILE, blob, "term_targets", by="test", comment="",
                                         expected_current=first.version_id)
    assert outcome.published and outcome.reason == "created" and outcome.version_id == first.version_id + 1
    assert counts.checks == 1
    assert outcome.store is not None and outcome.store.result is outcome.check


# --------------------------------------------------------------------------- the store's errors


def test_store_errors_carry_a_code_rendered_per_language(store) -> None:
    with pytest.raises(UnknownVersion) as unknown:
        store.rollback(42, by="test")
    assert unknown.value.code == "store.unknown_version"
    assert str(unknown.value) == "Không có phiên bản số 42."
    assert unknown.value.text("en") == "There is no version number 42."
    with pytest.raises(StoreError) as nothing:
        store.publish_setting("slides", ["a"], by="test")
    assert nothing.value.code == "store.nothing_published"
    assert nothing.value.text("en") == t("store.nothing_published", "en") != str(nothing.value)
    publish_files(store, [roster("doan-vien.xlsx")], by="test")
    with pytest.raises(StaleVersion) as stale:
        store.publish_setting("slides", ["a"], by="test", expected_current=5)
    assert "mong đợi 5, hiện là 1" in str(stale.value)
    assert stale.value.text("en").startswith("The current version has changed (expected 5, now 1)")


def test_one_click_on_the_data_page_checks_the_uploads_once(tmp_path) -> None:
    """Upload → preview → publish → page shown: the uploads are checked for the preview and the publish
    hands that check on (before the service the click re-checked them, plus once per file for its info)."""
    from tools.publish_checks import measure_page

    files = [SourceFile(f"bch-{f.name}", f.data) for f in sample_files()]
    counts = measure_page(str(tmp_path), files)
    assert counts.of([f.name for f in files]) == 1
    single = [names for names, _restricted in counts.calls if len(names) == 1]
    assert single == []  # no file checked on its own


def test_a_first_publish_kept_with_the_sample_checks_no_file_on_its_own(tmp_path) -> None:
    """Two files uploaded, the sample's files kept for the rest (the page's default): the sample's info file
    comes from the loader's record (it was found by checking each sample file on its own: 7 more checks)."""
    from tools.publish_checks import measure_page

    two = [SourceFile(f"bch-{f.name}", f.data) for f in sample_files() if f.name in ("doan-vien.xlsx", "tai-chinh.xlsx")]
    counts = measure_page(str(tmp_path), two)
    assert [names for names, _restricted in counts.calls if len(names) == 1] == []
    assert counts.of([f.name for f in two]) == 1
