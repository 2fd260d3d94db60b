"""The reporting period in a real browser at 1280×720, 1920×1080 and a 390×844 phone: the sidebar's
choice, the period label under every title, a one-year period's figures. Screenshots go to
tests/artifacts/period/: look at them."""

from __future__ import annotations

import pytest
from helpers import wait_for_app

from unionboard.publish import publish_files

pytestmark = pytest.mark.browser

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "phone": (390, 844)}


@pytest.mark.parametrize("size", list(SIZES))
def test_period_label_and_year_choice(viewport_page, streamlit_server, artifacts_dir, size):
    out = artifacts_dir / "period"
    out.mkdir(parents=True, exist_ok=True)
    page = viewport_page(*SIZES[size])
    page.goto(f"{streamlit_server}/")
    wait_for_app(page)
    page.get_by_text("Tổng kết nhiệm kỳ 2012–2017").first.wait_for(timeout=30_000)
    page.screenshot(path=str(out / f"overview-whole-term-{size}.png"), full_page=True)
    if size == "phone":  # the sidebar is folded away on a phone: open it to choose
        page.locator('[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapsedControl"] button'
                     ).first.click()
    sidebar = page.locator('[data-testid="stSidebar"]')
    choice = sidebar.get_by_test_id("stRadio").filter(has_text="Kỳ báo cáo").get_by_text("Báo cáo năm 2016")
    choice.scroll_into_view_if_needed()
    choice.click()
    wait_for_app(page)
    if size == "phone":
        page.keyboard.press("Escape")
        page.locator('[data-testid="stSidebarCollapseButton"] button, [data-testid="stSidebarCollapseButton"]'
                     ).first.click()
        page.wait_for_timeout(500)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("Báo cáo năm 2016").first.wait_for(timeout=30_000)
    main.get_by_text("Năm 2016 tổng thu").first.wait_for(timeout=30_000)
    page.screenshot(path=str(out / f"overview-year-2016-{size}.png"), full_page=True)
    page.goto(f"{streamlit_server}/plan")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    page.screenshot(path=str(out / f"plan-{size}.png"), full_page=True)


PASSWORD = "mat-khau-ky-bao-cao"


@pytest.fixture(scope="module")
def mid_term_server(tmp_path_factory):
    """The app with the mid-term enterprise union (2023–2028, data 2023–2025) published, and a password."""
    from helpers import app_env, running_app
    from test_period import mid_term_workbook

    from unionboard.store.versions import dispose_engines, open_store

    home = tmp_path_factory.mktemp("period_home")
    url = f"sqlite:///{home / 'unionboard.db'}"
    assert publish_files(open_store(url), [mid_term_workbook()], by="test").ok
    env = app_env(home, UNIONBOARD_DB_URL=None, UNIONBOARD_COMMITTEE_PASSWORD_HASH=None,
                  UNIONBOARD_COMMITTEE_PASSWORD=PASSWORD)
    with running_app(env, tmp_path_factory.mktemp("period_logs")) as base:
        yield base
    dispose_engines()


@pytest.mark.parametrize("size", list(SIZES))
def test_mid_term_enterprise_union(viewport_page, mid_term_server, artifacts_dir, size):
    out = artifacts_dir / "period"
    out.mkdir(parents=True, exist_ok=True)
    page = viewport_page(*SIZES[size])
    page.goto(f"{mid_term_server}/")
    wait_for_app(page)
    main = page.get_by_test_id("stMain")
    main.get_by_text("Nhiệm kỳ 2023–2028, đến năm 2025").first.wait_for(timeout=30_000)
    page.screenshot(path=str(out / f"mid-overview-{size}.png"), full_page=True)
    page.goto(f"{mid_term_server}/members")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    body = main.inner_text()
    assert "Bộ phận/phân xưởng" in body and "Phòng/đơn vị" not in body
    page.screenshot(path=str(out / f"mid-members-{size}.png"), full_page=True)
    page.goto(f"{mid_term_server}/plan")
    wait_for_app(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg', timeout=30_000)
    body = main.inner_text()
    import re

    assert "đang chậm tiến độ" not in body, body
    assert set(re.findall(r"20\d\d–20\d\d", body)) <= {"2023–2028"}, re.findall(r".{80}2028–2033.{40}", body, re.S)
    assert "Chưa đến" in page.locator('[data-testid="stPlotlyChart"]').first.inner_text()
    page.screenshot(path=str(out / f"mid-plan-{size}.png"), full_page=True)
    page.goto(f"{mid_term_server}/slides")
    wait_for_app(page)
    main.get_by_text("Nhiệm kỳ 2023–2028, đến năm 2025").first.wait_for(timeout=30_000)
    page.screenshot(path=str(out / f"mid-slide-title-{size}.png"), full_page=False)
    page.goto(f"{mid_term_server}/data")
    wait_for_app(page)
    main.get_by_label("Họ tên (ghi vào lịch sử phiên bản)").fill("Chị Lan")
    main.get_by_label("Mật khẩu Ban chấp hành").fill(PASSWORD)
    main.get_by_role("button", name="Đăng nhập").click()
    wait_for_app(page)
    main.get_by_text("Thông tin công đoàn").first.click()
    main.get_by_label("Tên công đoàn cơ sở").wait_for(timeout=30_000)
    assert main.get_by_label("Tên công đoàn cơ sở").input_value() == "Công đoàn cơ sở Công ty TNHH May Minh Anh"
    main.get_by_role("button", name="Kiểm tra thông tin").wait_for(timeout=30_000)
    page.wait_for_timeout(800)  # the expander's opening animation
    page.screenshot(path=str(out / f"mid-info-form-{size}.png"), full_page=True)
