"""Kiểm tra dự thảo in a real browser at 1280×720, 1920×1080 and a 390×844 phone: the sample draft checked,
its figures marked with colour and symbol, nothing wider than the screen. Screenshots: tests/artifacts/draft/."""

from __future__ import annotations

import pytest
from helpers import wait_for_app

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "phone": (390, 844)}


@pytest.mark.parametrize("size", list(SIZES))
def test_draft_check_page_lays_out(viewport_page, streamlit_server, artifacts_dir, size):
    out = artifacts_dir / "draft"
    out.mkdir(exist_ok=True)
    page = viewport_page(*SIZES[size])
    page.goto(f"{streamlit_server}/draft-check")
    wait_for_app(page)
    page.get_by_text("Dùng dự thảo mẫu (Đại hội IV)").click()
    wait_for_app(page)
    page.get_by_text("✗ ĐVT: 1.000").first.wait_for(timeout=30_000)
    marks = page.locator("mark")
    assert marks.count() > 50
    assert "✓" in marks.first.inner_text()  # the symbol is in the text, not only the colour
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"the page is {wide}px wider than the screen"
    page.screenshot(path=str(out / f"draft-check-{size}.png"))
    page.locator("mark").first.scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"draft-check-{size}-text.png"))
    page.locator("mark", has_text="ĐVT: 1.000").scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"draft-check-{size}-table.png"))
