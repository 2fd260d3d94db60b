"""The finance page's rules section in a real browser on the enterprise example, at 1280×720, 1920×1080 and 390×844.

Screenshots (the whole page) go to tests/artifacts/layout/finance-rules-*.png: look at them.
"""

from __future__ import annotations

import pytest
from test_browser_layout import SIZES, check_charts, full_screenshot, settle
from test_browser_layout import sized_page as sized_page  # noqa: F401 (the fixture, shared)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("size", list(SIZES))
def test_finance_rules_on_the_enterprise_example(sized_page, streamlit_server, artifacts_dir, size):
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES[size])
    page.goto(f"{streamlit_server}/finance")
    settle(page)
    if size == "phone":
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_test_id("stSidebar").get_by_text("Ví dụ minh hoạ: CĐCS doanh nghiệp 2023–2025").click()
    if size == "phone":
        page.get_by_test_id("stSidebar").get_by_test_id("stSidebarCollapseButton").click()
    page.get_by_text("ví dụ minh hoạ", exact=False).first.wait_for()
    settle(page)
    page.get_by_text("Quy định tài chính", exact=True).wait_for()
    assert page.get_by_text("1 vi phạm", exact=False).count() >= 1
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"finance rules @ {size}: the page is {wide}px wider than the screen"
    full_screenshot(page, out / f"finance-rules-{size}.png")  # before the check: a failure is seen too
    check_charts(page, f"finance rules @ {size}", expect_charts=True)
    page.get_by_text("Quy định tài chính", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"finance-rules-{size}-view.png"))
    assert not page.problems, "\n".join(page.problems)
