"""The reporting period in a real browser at 1280×720, 1920×1080 and a 390×844 phone: the sidebar's
choice, the period label under every title, a one-year period's figures. Screenshots go to
tests/artifacts/period/: look at them."""

from __future__ import annotations

import pytest
from conftest import wait_for_app

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
    box = sidebar.get_by_test_id("stSelectbox").nth(1)  # after the language
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option", name="Báo cáo năm 2016").click()
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
