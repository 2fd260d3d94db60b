"""AppTest of Ban chấp hành › Cập nhật dữ liệu: sign-in gate, upload → check → compare → publish, history, rollback."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from helpers import sign_in
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.store.versions import open_store

DATA = Path(__file__).resolve().parent.parent / "data"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --------------------------------------------------------------------------- workbooks


def roster_plus_one() -> bytes:
    """The sample roster (33 members) with one more member: 34."""
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    ws = wb.active
    ws.append([34, "Trần Thị Mới", "Nữ", 1999, "Văn phòng Sở", "Đại học", None, None, "Đoàn viên"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def roster_without_names() -> bytes:
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    wb.active.cell(4, 2).value = None  # the "Họ và tên" header: a roster's one required column
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------- helpers


@pytest.fixture
def home(committee):
    """The shared isolated home (tests/helpers.py) with the committee password."""
    return committee


def data_page() -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    at.switch_page("app_pages/data.py")
    at.run()
    ok(at)
    return at


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [e.value for e in at.error] + [s.value for s in at.success]
    parts += [m.label + " " + str(m.value) for m in at.metric]
    return "\n".join(str(p) for p in parts)


def upload(at: AppTest, *files: tuple[str, bytes], fill: str | None = "only") -> AppTest:
    """Upload `files`; on a first publish that lacks domains, choose `fill` (the tests below publish
    exactly their uploads; None keeps the page's default, the sample's files)."""
    at.file_uploader[0].set_value([(name, data, XLSX) for name, data in files])
    at.run()
    if fill is not None and at.radio and any(r.key == "data_fill" for r in at.radio):
        at.radio(key="data_fill").set_value(fill).run()
    return ok(at)


def publish_button(at: AppTest):
    return at.button(key="data_publish")


def signed_in_page() -> AppTest:
    return sign_in(data_page())


# --------------------------------------------------------------------------- sign-in gate


def test_no_password_configured_explains_how_to_enable_and_hides_the_uploader(home, monkeypatch):
    monkeypatch.delenv("UNIONBOARD_COMMITTEE_PASSWORD")
    at = data_page()
    body = texts(at)
    assert "UNIONBOARD_COMMITTEE_PASSWORD_HASH" in body and "hash-password" in body
    assert "password_hash" in body
    assert not at.file_uploader
    assert not at.text_input  # no sign-in form: there is nothing to sign in with
    assert not at.error  # a missing secrets.toml is not an error
    assert at.download_button(key="data_template").proto.label  # the blank template stays open
    # the data with names (roster) is personal data: no download for an unsigned viewer, and it says so
    assert not any(b.key in ("data_current_ods", "data_current_xlsx") for b in at.get("download_button"))
    assert "Tải dữ liệu có họ tên" in body


def test_wrong_password_is_refused_with_the_wait_and_no_uploader(home):
    at = sign_in(data_page(), password="sai-mat-khau")
    assert "Sai mật khẩu" in texts(at) and "giây" in texts(at)
    assert not at.file_uploader
    state = repr(at.session_state)
    assert "_committee_password" in state and "sai-mat-khau" not in state  # the password is not kept


def test_right_password_shows_the_uploader_and_sign_out(home):
    at = signed_in_page()
    assert len(at.file_uploader) == 1
    assert at.file_uploader[0].accept_multiple_files
    assert {"xlsx", "xls"} <= {t.lstrip(".") for t in at.file_uploader[0].allowed_type}
    assert "Đã đăng nhập: Chị Lan" in texts(at)
    at.button(key="committee_sign_out").click()
    at.run()
    ok(at)
    assert not at.file_uploader
    assert "Đã đăng nhập" not in texts(at)


def test_password_from_secrets_section(home, monkeypatch):
    from unionboard.store.auth import hash_password

    monkeypatch.delenv("UNIONBOARD_COMMITTEE_PASSWORD")
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.secrets["committee"] = {"password_hash": hash_password("tu-secrets-toml")}
    at.run()
    at.switch_page("app_pages/data.py")
    at.run()
    sign_in(ok(at), password="tu-secrets-toml")
    assert len(at.file_uploader) == 1


# --------------------------------------------------------------------------- upload → publish


def test_good_workbook_preview_then_publish_and_the_dashboard_shows_it(home):
    at = signed_in_page()
    data = roster_plus_one()
    upload(at, ("doan-vien-moi.xlsx", data))  # choosing the uploads alone (not the default)
    body = texts(ok(at))
    assert "33 → 34 (+1 thêm, −0 bớt" in body
    assert "Sau khi công bố sẽ không còn dữ liệu tài chính" in body  # nothing published yet: no carry-over
    assert "Trần Thị Mới" in "\n".join(str(df.value.to_dict()) for df in at.dataframe)
    assert not publish_button(at).disabled
    assert open_store().history() == []
    at.text_input(key="data_comment").input("Thêm đoàn viên mới")
    publish_button(at).click()
    at.run()
    ok(at)
    assert "Đã công bố phiên bản #1" in texts(at)
    link = at.get("page_link")[0].proto
    assert link.label == "Xem trang Tổng quan" and link.page_script_hash
    history = open_store().history()
    assert [(v.id, v.by, v.comment, v.files, v.current) for v in history] == [
        (1, "Chị Lan", "Thêm đoàn viên mới", ["doan-vien-moi.xlsx"], True)]
    assert open_store().files_of(1) == [SourceFile("doan-vien-moi.xlsx", data)]  # byte-identical
    assert not at.file_uploader[0].value  # the uploader is cleared for the next upload
    at.switch_page("app_pages/overview.py")
    at.run()
    ok(at)
    assert {m.label: m.value for m in at.metric}["Đoàn viên"] == "34"
    assert any(c.value.startswith("Phiên bản #1 ·") and "Chị Lan" in c.value for c in at.caption)
    assert "dữ liệu mẫu" not in texts(at)


def test_first_publish_keeps_the_sample_for_what_the_uploads_lack_labelled(home):
    """The safe default: a first publish with only the roster keeps the sample's other parts, renamed
    du-lieu-mau-…, and every page says which parts are still sample data. Nothing is dropped silently."""
    at = signed_in_page()
    upload(at, ("doan-vien-moi.xlsx", roster_plus_one()), fill=None)
    assert at.radio(key="data_fill").value == "sample"
    assert "thông tin đơn vị" in at.radio(key="data_fill").label  # the "Thông tin" sheet is asked about too
    body = texts(at)
    assert "Sẽ công bố thêm 6 tệp dữ liệu mẫu" in body and "du-lieu-mau-tai-chinh.xlsx" in body
    assert "du-lieu-mau-thong-tin.xlsx" in body
    assert "Sau khi công bố sẽ không còn" not in body  # nothing is dropped
    captions = " ".join(c.value for c in at.caption)
    assert "giữ dữ liệu mẫu" in captions and "sẽ để trống" not in captions  # the preview agrees with the default
    if at.checkbox:  # the sample's own warnings are confirmed like any other
        at.checkbox[0].check().run()
    publish_button(ok(at)).click()
    at.run()
    files = open_store().history()[0].files
    assert files[0] == "doan-vien-moi.xlsx" and len(files) == 7
    assert all(name.startswith("du-lieu-mau-") for name in files[1:])
    at.switch_page("app_pages/finance.py")
    at.run()
    ok(at)
    warning = " ".join(w.value for w in at.warning)
    assert "vẫn là **dữ liệu mẫu**" in warning and "tài chính" in warning and "đoàn viên" not in warning
    assert "thông tin đơn vị" in warning  # the union's name and term are the sample's too, and said so
    assert open_store().current_result().dataset.info.reported_term == "2012–2017"
    at.switch_page("app_pages/overview.py")
    at.run()
    metrics = {m.label: m.value for m in ok(at).metric}
    assert metrics["Đoàn viên"] == "34" and metrics["Tổng thu"] == "310.992.000 đ"


def test_publishing_the_same_data_again_says_nothing_changed(home):
    at = signed_in_page()
    data = roster_plus_one()
    upload(at, ("a.xlsx", data))
    publish_button(at).click()
    at.run()
    upload(ok(at), ("a.xlsx", data))
    assert "không có gì thay đổi" in texts(at)
    publish_button(at).click()
    at.run()
    ok(at)
    assert "Không có gì thay đổi" in texts(at)
    assert len(open_store().history()) == 1


@pytest.mark.parametrize("name, data, expected", [
    ("ghi-chu.xlsx", b"day khong phai Excel", "Không phải tệp Excel"),
    ("doan-vien.xlsx", None, "thiếu cột bắt buộc: “Họ và tên”"),
])
def test_bad_workbook_lists_errors_and_blocks_publishing(home, name, data, expected):
    at = signed_in_page()
    upload(at, (name, data if data is not None else roster_without_names()))
    issues = at.table[0].value
    assert any(expected in message for message in issues["Nội dung"])
    assert set(issues["Mức độ"]) == {"Lỗi"}
    if data is None:
        assert any(loc == "doan-vien.xlsx › Đoàn viên › A4" for loc in issues["Vị trí"])
    assert publish_button(at).disabled
    assert "Chưa công bố được vì tệp còn lỗi" in texts(at)
    assert open_store().history() == []


def test_per_file_size_limit_is_shown_as_an_error(home, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_MAX_FILE_MB", "0.001")
    at = signed_in_page()
    upload(at, ("doan-vien.xlsx", (DATA / "doan-vien.xlsx").read_bytes()))
    messages = " ".join(at.table[0].value["Nội dung"])
    assert "giới hạn" in messages
    assert publish_button(at).disabled
    assert open_store().history() == []


def test_warnings_need_the_confirmation_checkbox(home):
    at = signed_in_page()
    upload(at, ("tai-chinh.xlsx", (DATA / "tai-chinh.xlsx").read_bytes()))
    assert "2 cảnh báo" in texts(at)
    assert publish_button(at).disabled
    box = at.checkbox[0]
    assert box.label == "Tôi đã xem các cảnh báo và vẫn muốn công bố"
    box.check()
    at.run()
    assert not publish_button(ok(at)).disabled
    publish_button(at).click()
    at.run()
    assert "Đã công bố phiên bản #1" in texts(ok(at))


def test_stale_preview_is_recomputed_and_needs_confirming_again(home):
    at = signed_in_page()
    upload(at, ("doan-vien.xlsx", roster_plus_one()))
    # meanwhile another committee member publishes the finance workbook
    other = publish_files(open_store(), [SourceFile("tai-chinh.xlsx", (DATA / "tai-chinh.xlsx").read_bytes())],
                                 by="Anh Hùng", expected_current=0)
    assert other.reason == "created"
    publish_button(at).click()
    at.run()
    ok(at)
    assert "một phiên bản khác (#1) đã được công bố" in texts(at)
    assert len(open_store().history()) == 1
    assert "So sánh với phiên bản hiện hành #1" in texts(at)
    assert publish_button(at).disabled
    at.checkbox[0].check()
    at.run()
    publish_button(ok(at)).click()
    at.run()
    ok(at)
    assert "Đã công bố phiên bản #2" in texts(at)
    assert open_store().current_version().domains.keys() >= {"members", "finance"}


def test_history_downloads_and_rollback(home):
    at = signed_in_page()
    upload(at, ("doan-vien.xlsx", roster_plus_one()))
    publish_button(at).click()
    at.run()
    upload(ok(at), ("doan-vien-goc.xlsx", (DATA / "doan-vien.xlsx").read_bytes()))
    publish_button(at).click()
    at.run()
    ok(at)
    history = at.dataframe[-1].value
    assert list(history["#"]) == [2, 1]
    assert list(history["Hiện hành"]) == [True, False]
    assert "Phiên bản #2 đang là phiên bản hiện hành." in texts(at)
    assert at.download_button(key="data_original_2_0").proto.label == "Tải tệp gốc “doan-vien-goc.xlsx”"
    at.selectbox(key="data_version").set_value(1)
    at.run()
    rollback = at.button(key="data_rollback")
    assert rollback.disabled  # needs the confirmation first
    at.checkbox(key="data_rollback_confirm_1").check()
    at.run()
    at.button(key="data_rollback").click()
    at.run()
    ok(at)
    assert "Đã khôi phục phiên bản #1" in texts(at)
    assert open_store().current_id() == 1
    events = open_store().events()
    assert [(e.action, e.from_version, e.to_version, e.by) for e in events] == [("rollback", 2, 1, "Chị Lan")]
    # the rollback is shown: who, when, from which version to which; "current" is the table's 2nd column
    versions_table = next(d.value for d in at.dataframe if "#" in d.value.columns)
    assert list(versions_table.columns[:2]) == ["#", "Hiện hành"] and list(versions_table["Hiện hành"]) == [False, True]
    moves = next(d.value for d in at.dataframe if "Người khôi phục" in d.value.columns)
    assert moves.iloc[0][["Người khôi phục", "Từ phiên bản", "Về phiên bản"]].tolist() == ["Chị Lan", "#2", "#1"]
    assert moves.iloc[0]["Thời điểm"].count("/") == 2  # Vietnam time, dd/mm/yyyy hh:mm
    at.switch_page("app_pages/overview.py")
    at.run()
    assert {m.label: m.value for m in ok(at).metric}["Đoàn viên"] == "34"


def test_history_is_visible_without_sign_in_but_rollback_is_not(home):
    publish_files(open_store(), [SourceFile("a.xlsx", roster_plus_one())], by="BCH", expected_current=0)
    publish_files(open_store(), [SourceFile("b.xlsx", (DATA / "doan-vien.xlsx").read_bytes())], by="BCH", expected_current=1)
    at = data_page()
    assert list(at.dataframe[-1].value["#"]) == [2, 1]
    at.selectbox(key="data_version").set_value(1)
    at.run()
    ok(at)
    assert not [b for b in at.button if b.key == "data_rollback"]
    assert not at.file_uploader


def test_english(home):
    at = data_page()
    at.selectbox[0].set_value("en")
    at.run()
    assert "Viewing needs no sign-in" in texts(ok(at))
    sign_in(at)
    upload(at, ("tai-chinh.xlsx", (DATA / "tai-chinh.xlsx").read_bytes()))
    assert "2 warnings" in texts(at)
    assert at.checkbox[0].label == "I have reviewed the warnings and still want to publish"


def test_removing_the_password_ends_the_committee_session(home, monkeypatch):
    at = signed_in_page()
    monkeypatch.delenv("UNIONBOARD_COMMITTEE_PASSWORD")
    at.run()
    assert not ok(at).file_uploader


def test_attendance_marks_a_publish_would_orphan_are_listed_before_publishing(home):
    from unionboard.analysis.congress import PRESENT, convened
    from unionboard.domains.loader import check_files
    from unionboard.store.congress import CongressStore

    original = (DATA / "doan-vien.xlsx").read_bytes()
    assert publish_files(open_store(), [SourceFile("doan-vien.xlsx", original)], by="test").ok
    store = CongressStore()
    people = store.stable(convened(check_files([SourceFile("doan-vien.xlsx", original)]).dataset))
    store.mark(people[0].key, people[0].name, PRESENT, "Thư ký")
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    ws = wb.active
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == people[0].name)
    ws.cell(row, 2).value = "Người Thay Thế"  # the first member replaced by someone else
    out = io.BytesIO()
    wb.save(out)
    at = signed_in_page()
    upload(at, ("doan-vien.xlsx", out.getvalue()))
    body = texts(at)
    assert "1 mục điểm danh sẽ không còn khớp" in body and people[0].name in body
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    ws = wb.active
    for col in range(2, ws.max_column + 1):  # the first two members swapped: rows reordered, same people
        ws.cell(row, col).value, ws.cell(row + 1, col).value = ws.cell(row + 1, col).value, ws.cell(row, col).value
    reordered = io.BytesIO()
    wb.save(reordered)
    upload(at, ("doan-vien.xlsx", reordered.getvalue()))
    assert "mục điểm danh sẽ không còn khớp" not in texts(at)  # the same people: every mark keeps its person
