"""AppTest of Đại hội › Điểm danh, Kiểm phiếu and Màn hình hội trường: sample labelled, read-only without
sign-in, check-in and ballot entry through the store, bad input refused with nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.sample.report import sample_paths
from unionboard.store.congress import CongressStore

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PASSWORD = "mat-khau-dai-hoi"


@pytest.fixture
def home(tmp_path: Path, monkeypatch) -> Path:
    """An empty store in tmp_path (the app shows the sample data)."""
    from unionboard.store.versions import dispose_engines

    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    monkeypatch.delenv("UNIONBOARD_DB_URL", raising=False)
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    st.cache_data.clear()
    yield tmp_path
    st.cache_data.clear()
    dispose_engines()


@pytest.fixture
def published(home: Path) -> CongressStore:
    """The report's workbooks published: the real roster, no mark, no election."""
    from unionboard.store.versions import open_store

    outcome = publish_files(open_store(), [SourceFile(p.name, p.read_bytes()) for p in sample_paths()], by="test")
    assert outcome.ok
    return CongressStore()


def _page(path: str, lang: str = "vi", sign_in: bool = False) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(path)
    at.run()
    if sign_in:
        at.text_input(key="_committee_user").input("Chị Lan")
        at.text_input(key="_committee_password").input(PASSWORD)
        at.get("form_submit_button")[0].click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(at: AppTest) -> str:
    return "\n".join(str(e.value) for kind in ("markdown", "success", "warning", "error", "info", "caption")
                     for e in at.get(kind))


def test_attendance_on_the_sample_is_labelled_and_read_only(home) -> None:
    at = _page("app_pages/congress.py")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Triệu tập"] == "33" and metrics["Có mặt"] == "30" and metrics["Tỉ lệ có mặt"] == "90,9%"
    assert "Dữ liệu mẫu" in [b.proto.label for b in at.get("badge")] or "Dữ liệu mẫu" in _texts(at)
    assert "Đại hội đủ điều kiện tiến hành" in _texts(at)
    assert not any(b.key and b.key.startswith("ci_present_") for b in at.button)
    assert at.dataframe  # the composition table


def test_checking_in_when_signed_in(published) -> None:
    at = _page("app_pages/congress.py", sign_in=True)
    assert {m.label: m.value for m in at.metric}["Có mặt"] == "0"  # real data: no sample marks
    at.text_input(key="congress_search").input("nguyen van an").run()
    shown = [b.key for b in at.button if b.key and b.key.startswith("ci_present_")]
    assert len(shown) == 1
    at.button(key=shown[0]).click().run()
    assert not at.exception
    (mark,) = published.marks()
    assert (mark.status, mark.by) == ("present", "Chị Lan")
    assert {m.label: m.value for m in at.metric}["Có mặt"] == "1"
    assert "Đã điểm danh có mặt: Nguyễn Văn An." in _texts(at)


def test_an_absence_needs_a_reason(published) -> None:
    at = _page("app_pages/congress.py", sign_in=True)
    at.text_input(key="congress_search").input("pham thi hoa").run()
    index = next(b.key for b in at.button if b.key and b.key.startswith("ci_absent_")).rsplit("_", 1)[1]
    at.button(key=f"ci_absent_{index}").click().run()
    assert "Hãy ghi lý do vắng mặt" in _texts(at) and published.marks() == ()
    at.text_input(key=f"ci_reason_{index}").input("Ốm")
    at.button(key=f"ci_absent_{index}").click().run()
    assert [(m.status, m.reason) for m in published.marks()] == [("absent", "Ốm")]


def test_election_sample_is_labelled_and_counted(home) -> None:
    at = _page("app_pages/election.py")
    assert "Ban Chấp hành Công đoàn cơ sở khóa V" in str(at.subheader[0].value)
    assert "cuộc bầu cử mẫu" in _texts(at)
    frame = at.dataframe[0].value
    assert list(frame["Họ và tên"])[:2] == ["Nguyễn Văn An", "Nguyễn Thị Anh"]
    assert list(frame["Tỉ lệ so với phiếu thu về"])[0] == "93,3%"  # 28 of 30 collected (Điều 10.3)
    assert "5 đồng chí trúng cử" in _texts(at)
    assert not any(c.key and c.key.startswith("ballot_cross") for c in at.checkbox)


def test_setting_up_and_counting_an_election(published) -> None:
    at = _page("app_pages/election.py", sign_in=True)
    at.text_input(key="elect_title").input("Chủ tịch Công đoàn cơ sở")
    at.number_input(key="elect_seats").set_value(1)
    at.number_input(key="elect_issued").set_value(3)
    at.text_area(key="elect_typed").input("Nguyễn Văn An\nTrần Thu Hà")
    at.get("form_submit_button")[-1].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    (election,) = published.elections()
    assert election.candidates == ("Nguyễn Văn An", "Trần Thu Hà") and election.issued == 3
    # a ballot that keeps both names for one seat is classified invalid (with its reason), not refused
    submit = lambda form: next(b for b in at.get("form_submit_button") if b.proto.form_id == form)  # noqa: E731
    submit(f"ballot_{election.id}").click()
    at.run()
    assert "Đã ghi phiếu không hợp lệ — Để lại nhiều hơn số lượng cần bầu" in _texts(at)
    assert [e.reasons for e in published.entries(election.id)] == [(("too_many", 1),)]
    at.checkbox(key=f"ballot_cross_{election.id}_1").check()
    submit(f"ballot_{election.id}").click()
    at.run()
    assert [e.votes for e in published.entries(election.id)][1] == (("Nguyễn Văn An", 1),)
    # a tally that does not add up is refused
    at.number_input(key=f"tally_{election.id}_returned").set_value(1)
    at.number_input(key=f"tally_{election.id}_valid").set_value(1)
    at.number_input(key=f"tally_{election.id}_invalid").set_value(1)
    submit(f"tally_{election.id}").click()
    at.run()
    assert "phải bằng số phiếu thu về (1)" in _texts(at)
    assert len(published.entries(election.id)) == 2
    at.number_input(key=f"tally_{election.id}_invalid").set_value(0)
    at.number_input(key=f"tally_{election.id}_0").set_value(1)
    submit(f"tally_{election.id}").click()
    at.run()
    assert len(published.entries(election.id)) == 3
    # the first ballot was a mistake: cancelling asks for a reason, then it no longer counts
    first = published.entries(election.id)[0]
    at.button(key=f"elect_void_{first.id}").click().run()
    assert "Hãy ghi lý do hủy mục 1" in _texts(at) and len(published.entries(election.id)) == 3
    at.text_input(key=f"elect_void_reason_{first.id}").input("Nhập nhầm")
    at.button(key=f"elect_void_{first.id}").click().run()
    assert [e.mode for e in published.entries(election.id)] == ["ballot", "tally"]
    assert "Đã hủy mục 1" in _texts(at)
    at.checkbox(key=f"ballot_cross_{election.id}_1").check()
    submit(f"ballot_{election.id}").click()
    at.run()
    assert len(published.entries(election.id)) == 3
    assert "1 đồng chí trúng cử \\(theo thứ tự số phiếu từ cao xuống thấp\\)\\: Nguyễn Văn An" in _texts(at)
    assert "quá một nửa \\(1/2\\) tổng số phiếu thu về" in _texts(at)


def test_the_same_form_submitted_twice_is_stored_once(published) -> None:
    at = _page("app_pages/election.py", sign_in=True)
    at.text_input(key="elect_title").input("Ban Chấp hành")
    at.number_input(key="elect_issued").set_value(5)
    at.text_area(key="elect_typed").input("An\nBình")
    at.get("form_submit_button")[-1].click()
    at.run()
    (election,) = published.elections()
    key = at.session_state[f"_once_ballot_{election.id}"]
    from unionboard.analysis.congress import ballot_entry

    published.add_entry(election.id, ballot_entry(election, True, [])[0], "Chị Lan", submission=key)  # first click
    submit = next(b for b in at.get("form_submit_button") if b.proto.form_id == f"ballot_{election.id}")
    submit.click()
    at.run()  # the second click of the same rendered form
    assert len(published.entries(election.id)) == 1
    assert "không ghi lần thứ hai" in _texts(at)

@pytest.mark.parametrize("show", ["election", "credentials", "composition"])
def test_hall_screen(home, show) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/hall.py")
    at.query_params["show"] = show
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    html = _texts(at)
    expected = {"election": "Nguyễn Văn An ✓", "credentials": "Đại hội đủ điều kiện tiến hành",
                "composition": "Tuổi bình quân"}[show]
    assert expected in html and "Dữ liệu mẫu" in html


def test_english(home) -> None:
    at = _page("app_pages/congress.py", lang="en")
    assert {m.label for m in at.metric} >= {"Convened", "Present", "Share present"}


def test_hall_screen_takes_the_quorum_from_its_link(home) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/hall.py")
    at.query_params["show"] = "credentials"
    at.query_params["quorum"] = "95"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert "cần ít nhất 32 đồng chí có mặt" in _texts(at)  # 30 of 33 is less than 95%
    assert "KHÁC ngưỡng hai phần ba" in _texts(at)  # the hall says the threshold is not the Charter's


def test_the_quorum_threshold_is_configurable(home) -> None:
    at = _page("app_pages/congress.py")
    assert "Đại hội đủ điều kiện tiến hành" in _texts(at) and "cần ít nhất 22" in _texts(at)  # 2/3 of 33
    assert "Điều 10.1" in _texts(at)
    at.number_input(key="congress_quorum_pct").set_value(95).run()
    assert "chưa đạt 95,0% số được triệu tập (cần ít nhất 32)" in _texts(at)
    assert "KHÁC ngưỡng hai phần ba (2/3)" in _texts(at)


def test_the_quorum_threshold_survives_a_visit_to_another_page(home) -> None:
    at = _page("app_pages/congress.py")
    at.number_input(key="congress_quorum_pct").set_value(95).run()
    at.switch_page("app_pages/overview.py")
    at.run()
    at.switch_page("app_pages/congress.py")
    at.run()
    assert at.number_input(key="congress_quorum_pct").value == 95
    assert "cần ít nhất 32" in _texts(at)


def test_the_pdf_dossier_gets_what_the_congress_recorded(published) -> None:
    """The slide page's PDF holds the credentials report and each election's result once they are
    recorded (never the labelled sample's)."""
    from unionboard.analysis.congress import Entry, convened
    from unionboard.store.accounts import Accounts
    from unionboard.ui.data import build_view, current_source
    from unionboard.ui.slide_admin import document_sections

    account = Accounts().add("lan", PASSWORD + "-9", "committee")  # the dossier names the absent: a role
    st.session_state["_ub_session"] = {"account_id": account.id, "generation": str(account.generation)}
    view = build_view("vi", current_source(), None)
    assert document_sections(view, "vi") == ()  # published data, nothing recorded yet
    first = convened(view.result.dataset)[0]
    published.mark(first.key, first.name, "present", by="Chị Lan")
    election = published.create_election("Ban Chấp hành khóa V", 1, ["An", "Bình"], 3, by="Chị Lan")
    published.add_entry(election.id, Entry(2, 2, 0, (("An", 2),)), by="Tổ kiểm phiếu")
    sections = document_sections(view, "vi")
    assert [s.heading for s in sections] == ["Tình hình đoàn viên dự Đại hội",
                                             "Kết quả bầu cử: Ban Chấp hành khóa V"]


def test_the_dossier_positions_are_saved_once_and_the_downloads_offered(published) -> None:
    from unionboard.analysis.congress import tally_entry

    election = published.create_election("Ban Chấp hành", 2, ["Nguyễn Văn An", "Trần Thu Hà"], 3, by="test")
    published.add_entry(election.id, tally_entry(election, 3, 3, 0, {"Nguyễn Văn An": 3, "Trần Thu Hà": 2})[0],
                        by="test")
    at = _page("app_pages/election.py", sign_in=True)
    at.selectbox(key="dossier_chair").set_value("Nguyễn Văn An")
    at.multiselect(key="dossier_inspection").set_value(["Trần Thu Hà"])
    next(b for b in at.get("form_submit_button") if b.proto.form_id == "dossier").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert published.positions()["chair"] == "Nguyễn Văn An" and published.positions()["inspection"] == ["Trần Thu Hà"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert "Hồ sơ (.docx)" in labels and "Hồ sơ (.pdf)" in labels


def test_closing_the_count_then_a_new_round_among_the_tied_in_one_step(published) -> None:
    from unionboard.analysis.congress import tally_entry

    election = published.create_election("Ban Chấp hành", 2, ["An", "Bình", "Cường"], 6, by="test")
    published.add_entry(election.id, tally_entry(election, 5, 5, 0, {"An": 4, "Bình": 3, "Cường": 3})[0], by="test")
    at = _page("app_pages/election.py", sign_in=True)
    at.button(key=f"elect_close_{election.id}").click().run()
    assert "Hãy đánh dấu xác nhận" in _texts(at) and not published.election(election.id).closed
    at.checkbox(key=f"elect_close_ok_{election.id}").check()
    at.button(key=f"elect_close_{election.id}").click().run()
    assert published.election(election.id).closed
    text = _texts(at)
    assert "Số phiếu không thu về\\: 1" in text, text
    assert "bằng phiếu nhau" in text
    at.button(key=f"elect_runoff_{election.id}").click().run()
    assert not at.exception, [e.value for e in at.exception]
    new = published.elections()[-1]
    assert (new.parent, new.seats, new.candidates) == (election.id, 1, ("Bình", "Cường"))
    assert "Vòng sau của cuộc bầu số 1" in _texts(at)
