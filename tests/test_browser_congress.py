"""Congress day in a real browser: two committee members check people in at once from two browser
contexts, a small election is set up and counted from both, the hall screen shows the result.

Screenshots (tests/artifacts/congress-*.png) at 1280×720, 1920×1080 and 390×844: look at them.
"""

from __future__ import annotations

import pytest
from helpers import app_env, running_app, wait_for_app

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.sample.report import sample_paths
from unionboard.store.congress import CongressStore
from unionboard.store.versions import dispose_engines, open_store

PASSWORD = "mat-khau-dai-hoi-trinh-duyet"


@pytest.fixture(scope="module")
def congress_server(tmp_path_factory: pytest.TempPathFactory):
    """The app with the report's workbooks published and a committee password; yields (base URL, store URL)."""
    home = tmp_path_factory.mktemp("congress_home")
    url = f"sqlite:///{home / 'unionboard.db'}"
    assert publish_files(open_store(url), [SourceFile(p.name, p.read_bytes()) for p in sample_paths()], by="test").ok
    env = app_env(home, UNIONBOARD_DB_URL=None, UNIONBOARD_COMMITTEE_PASSWORD_HASH=None,
                  UNIONBOARD_COMMITTEE_PASSWORD=PASSWORD)
    with running_app(env, tmp_path_factory.mktemp("congress_logs")) as base:
        yield base, url
    dispose_engines()


@pytest.fixture
def contexts(viewport_page):
    """Pages of separate browser contexts (separate devices), conftest's `viewport_page`."""
    return viewport_page


def wait_for_hall(page) -> None:
    """The hall's content is drawn by its fragment, which may land just after the script run ends."""
    wait_for_app(page)
    page.wait_for_selector('.st-key-hall_live .ub-head', timeout=30_000)


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def sign_in(page, name: str) -> None:
    page.get_by_text("Đăng nhập để điểm danh").click()
    page.get_by_label("Họ tên (ghi vào lịch sử phiên bản)").fill(name)
    page.get_by_label("Mật khẩu Ban chấp hành").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    # the sign-in rerun may start after a first idle poll: wait for what it draws, then for the app
    page.get_by_test_id("stSidebar").get_by_text(f"Đã đăng nhập: {name}").wait_for(timeout=30_000)
    wait_for_app(page)
    assert f"Đã đăng nhập: {name}" in page.get_by_test_id("stSidebar").inner_text()


def search(page, text: str) -> None:
    box = page.get_by_label("Tìm theo tên hoặc đơn vị")
    box.fill(text)
    box.press("Enter")
    wait_for_app(page)


def present_button(page):
    return page.locator('[class*="st-key-ci_present_"] button, .stButton button').filter(has_text="Có mặt").first


def test_two_devices_check_in_and_count_an_election(congress_server, contexts, artifacts_dir) -> None:
    base, url = congress_server
    shot = lambda page, name: page.screenshot(path=str(artifacts_dir / f"congress-{name}.png"))  # noqa: E731
    first, second = contexts(), contexts()
    for page, name in ((first, "Chị Lan"), (second, "Anh Hùng")):
        page.goto(f"{base}/attendance")
        wait_for_app(page)
        sign_in(page, name)
    search(first, "nguyen van an")
    search(second, "tran thu ha")
    # both click at once: neither waits for the other's rerun
    present_button(first).click()
    present_button(second).click()
    wait_for_app(first)
    wait_for_app(second)
    marks = CongressStore(url).marks()
    assert sorted((m.by, m.status) for m in marks) == [("Anh Hùng", "present"), ("Chị Lan", "present")]
    search(first, "")  # a rerun reads every mark, the other device's too
    metrics = dict([line for line in m.splitlines() if line.strip()][:2]
                   for m in first.get_by_test_id("stMetric").all_inner_texts())
    assert metrics["Có mặt"] == "2" and metrics["Chưa điểm danh"] == "31", metrics
    shot(first, "attendance-1280")

    # a small election: 1 seat, 2 candidates, 2 ballots, one ballot entered on each device
    for page in (first, second):  # through the navigation: the sign-in stays with the session
        page.get_by_test_id("stSidebarNav").get_by_text("Kiểm phiếu").click()
        wait_for_app(page)
    if not first.get_by_label("Bầu", exact=True).is_visible():
        first.get_by_text("Thiết lập cuộc bầu cử mới").click()
    first.get_by_label("Bầu", exact=True).fill("Chủ tịch Công đoàn cơ sở")
    first.get_by_label("Số lượng cần bầu").fill("1")
    first.get_by_label("Số phiếu phát ra").fill("2")
    first.get_by_role("textbox", name="Ứng cử viên khác (mỗi dòng một tên)").fill("Nguyễn Văn An\nTrần Thu Hà")
    first.get_by_role("button", name="Tạo cuộc bầu cử").click()
    wait_for_app(first)
    assert "Đã tạo cuộc bầu cử" in main_text(first)
    second.get_by_test_id("stSidebarNav").get_by_text("Kiểm phiếu").click()
    wait_for_app(second)
    for page in (first, second):
        page.get_by_text("Gạch tên: Trần Thu Hà").click()
    first.get_by_role("button", name="Ghi phiếu").click()
    second.get_by_role("button", name="Ghi phiếu").click()
    wait_for_app(first)
    wait_for_app(second)
    (election,) = CongressStore(url).elections()
    assert len(CongressStore(url).entries(election.id)) == 2
    first.reload()
    wait_for_app(first)
    text = main_text(first)
    assert "Đã kiểm xong 2 phiếu" in text and "1 đồng chí trúng cử" in text and "Nguyễn Văn An" in text
    shot(first, "election-1280")

    # the hall screen, live: it shows the result without a reload
    hall = contexts(1920, 1080)
    hall.goto(f"{base}/hall?show=election&election={election.id}")
    wait_for_hall(hall)
    assert "Nguyễn Văn An ✓" in main_text(hall)
    shot(hall, "hall-election-1080")
    hall.goto(f"{base}/hall?show=credentials")
    wait_for_hall(hall)
    assert "Chưa đủ số đại biểu" in main_text(hall) or "Tình hình đoàn viên" in main_text(hall)
    shot(hall, "hall-credentials-1080")


def test_hall_screen_follows_the_count_live(congress_server, contexts, artifacts_dir) -> None:
    base, url = congress_server
    store = CongressStore(url)
    election = store.create_election("Ban Chấp hành khóa V", 2, ["An", "Bình", "Cường"], 10, by="test")
    hall = contexts(1280, 720)
    hall.goto(f"{base}/hall?show=election&election={election.id}")
    wait_for_hall(hall)
    assert "Đã kiểm 0/10 phiếu" in main_text(hall)
    from unionboard.analysis.congress import tally_entry

    store.add_entry(election.id, tally_entry(election, 6, 6, 0, {"An": 5, "Bình": 4, "Cường": 2})[0], by="test")
    hall.get_by_text("Đã kiểm 6/10 phiếu").wait_for(timeout=15_000)  # the fragment re-read the store
    hall.screenshot(path=str(artifacts_dir / "congress-hall-progress-720.png"))


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (390, 844)])
def test_pages_at_other_sizes(congress_server, contexts, artifacts_dir, width, height) -> None:
    base, _url = congress_server
    page = contexts(width, height)
    page.goto(f"{base}/attendance")
    wait_for_app(page)
    sign_in(page, "Thư ký")
    search(page, "thi")
    assert page.get_by_role("button", name="Có mặt").count() >= 3
    page.screenshot(path=str(artifacts_dir / f"congress-attendance-{width}.png"))
    page.get_by_label("Tìm theo tên hoặc đơn vị").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"congress-checkin-{width}.png"))
    page.get_by_test_id("stSidebarNav").get_by_text("Kiểm phiếu").click() if width > 600 else page.goto(
        f"{base}/election")
    wait_for_app(page)
    assert page.get_by_test_id("stException").count() == 0
    page.screenshot(path=str(artifacts_dir / f"congress-election-{width}.png"))


def test_hall_screen_on_the_sample_is_labelled(streamlit_server, contexts, artifacts_dir) -> None:
    hall = contexts(1920, 1080)
    hall.goto(f"{streamlit_server}/hall?show=credentials")
    wait_for_hall(hall)
    text = main_text(hall)
    assert "Dữ liệu mẫu" in text and "Đại hội đủ điều kiện tiến hành" in text and "90,9%" in text
    hall.screenshot(path=str(artifacts_dir / "congress-hall-sample-credentials-1080.png"))
    hall.get_by_role("button", name="Cơ cấu").click()
    hall.get_by_text("Tuổi bình quân").wait_for()
    assert "show=composition" in hall.url
    hall.screenshot(path=str(artifacts_dir / "congress-hall-sample-composition-1080.png"))
    hall.get_by_role("button", name="Kiểm phiếu").click()
    hall.get_by_text("Nguyễn Văn An ✓").wait_for()
    hall.screenshot(path=str(artifacts_dir / "congress-hall-sample-election-1080.png"))


def test_a_long_ballot_fits_the_hall_screen(congress_server, contexts, artifacts_dir) -> None:
    base, url = congress_server
    store = CongressStore(url)
    names = [f"Ứng cử viên số {n}" for n in range(1, 13)]
    election = store.create_election("Ban Chấp hành khóa V (12 ứng cử viên)", 9, names, 30, by="test")
    for size in ((1280, 720), (1920, 1080)):
        hall = contexts(*size)
        hall.goto(f"{base}/hall?show=election&election={election.id}")
        wait_for_hall(hall)
        # measured when the hall shows the 12 rows once: while its fragment refreshes (every 3 s) the page may
        # briefly hold the old rows beside the new ones
        bottom = hall.wait_for_function("""n => { const rows = document.querySelectorAll('.st-key-hall_live .ub-cand');
            return rows.length === n ? rows[n - 1].getBoundingClientRect().bottom : null; }""", arg=len(names)).json_value()
        assert bottom <= size[1], f"the last candidate ends at {bottom}px on a {size} screen"
        hall.screenshot(path=str(artifacts_dir / f"congress-hall-long-{size[1]}.png"))


def test_a_real_double_click_stores_one_ballot(congress_server, contexts, artifacts_dir) -> None:
    base, url = congress_server
    store = CongressStore(url)
    election = store.create_election("Bầu thử nhấp đúp", 2, ["Nguyễn Văn An", "Trần Thu Hà", "Lê Quang Cường"], 10,
                                     by="test")
    page = contexts(1280, 720)
    page.goto(f"{base}/attendance")
    wait_for_app(page)
    sign_in(page, "Chị Lan")
    page.get_by_test_id("stSidebarNav").get_by_text("Kiểm phiếu").click()
    wait_for_app(page)
    page.get_by_text("Gạch tên: Lê Quang Cường").click()
    # the teller sees the tick before recording (on a loaded machine the click could land after the double click)
    wait_for_app(page)
    page.get_by_role("button", name="Ghi phiếu").dblclick()
    wait_for_app(page)
    page.wait_for_timeout(1500)  # a late second rerun would have landed by now
    wait_for_app(page)
    entries = store.entries(election.id)
    assert len(entries) == 1 and entries[0].votes == (("Nguyễn Văn An", 1), ("Trần Thu Hà", 1))
    text = main_text(page)
    assert "Đã ghi phiếu (mục số 1)" in text or "không ghi lần thứ hai" in text, text[:400]
    page.get_by_text("Gạch tên: Lê Quang Cường").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "congress-counting-ballot-1280.png"))
    page.get_by_text("Người trúng cử phải được quá một nửa").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "congress-counting-result-1280.png"))


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1920, 1080), (390, 844)])
def test_double_entry_comparison_and_hall_at_three_sizes(congress_server, contexts, artifacts_dir, width,
                                                         height) -> None:
    from unionboard.analysis.congress import tally_entry

    base, url = congress_server
    store = CongressStore(url)
    election = store.create_election(f"Ban Chấp hành khóa V — nhập kép {width}", 2, ["An", "Bình", "Cường"], 20,
                                     by="test", required=2)
    store.add_entry(election.id, tally_entry(election, 10, 9, 1, {"An": 9, "Bình": 5}, batch=1)[0], by="Kiểm phiếu 1")
    store.add_entry(election.id, tally_entry(election, 10, 9, 1, {"An": 9, "Bình": 6}, batch=1)[0], by="Kiểm phiếu 2")
    store.add_entry(election.id, tally_entry(election, 10, 10, 0, {"An": 8, "Bình": 7}, batch=2)[0], by="Kiểm phiếu 1")
    store.add_entry(election.id, tally_entry(election, 10, 10, 0, {"An": 8, "Bình": 7}, batch=2)[0], by="Kiểm phiếu 2")
    hall = contexts(width, height)
    hall.goto(f"{base}/hall?show=election&election={election.id}")
    if width > 600:  # the hall screen on a phone is the layout work of another change: screenshot only
        wait_for_hall(hall)
        assert "Đã kiểm 10/20 phiếu" in main_text(hall) and "phiếu thu về" in main_text(hall)
    else:
        wait_for_app(hall)
    hall.screenshot(path=str(artifacts_dir / f"congress-hall-double-entry-{width}.png"))
    page = contexts(width, height)
    page.goto(f"{base}/election")
    wait_for_app(page)
    text = main_text(page)
    assert "Lô 1: 2 lần nhập KHÔNG khớp" in text and "Lô 2: 2 lần nhập khớp nhau" in text
    assert "Đã thu về 10 phiếu: cần ít nhất 6 phiếu để trúng cử" in text  # only the agreed batch counts
    page.get_by_text("Đối chiếu nhập kép").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"congress-double-entry-{width}.png"))
    page.screenshot(path=str(artifacts_dir / f"congress-counting-{width}.png"), full_page=True)
