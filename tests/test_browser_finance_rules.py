"""The finance page's rules section in a real browser on the enterprise example, at 1280×720, 1920×1080 and 390×844.

Screenshots (the whole page) go to tests/artifacts/layout/finance-rules-*.png, the rules slide's to
slide-rules-*.png and the committee's grouping editor's to finance-rules-editor-*.png: look at them.
"""

from __future__ import annotations

import pytest
from helpers import wait_for_app
from test_browser_layout import SIZES, check_charts, full_screenshot, settle
from test_browser_layout import sized_page as sized_page  # noqa: F401 (the fixture, shared)
from test_browser_roles import PASSWORD

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
    # the groups table fits the screen: its "Theo" column is seen without scrolling inside the table
    groups = page.get_by_test_id("stTable").filter(has_text="Theo").first
    fit = groups.evaluate("""t => { const box = t.getBoundingClientRect(), inner = t.querySelector('table');
        return {right: box.right, overflow: inner.scrollWidth - t.clientWidth}; }""")
    assert fit["overflow"] <= 1 and fit["right"] <= SIZES[size][0], f"groups table @ {size}: {fit}"
    assert page.get_by_text("2024 ✖").count() == 1  # the year picker marks the year with the violation
    page.get_by_text("Quy định tài chính", exact=True).scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"finance-rules-{size}-view.png"))
    assert not page.problems, "\n".join(page.problems)


def test_finance_rules_in_english_on_a_phone(sized_page, streamlit_server, artifacts_dir):
    """English words are longer: the published enterprise data's rules charts on the narrowest screen, in English
    with English separators."""
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES["phone"])
    page.goto(f"{streamlit_server}/finance?lang=en")
    settle(page)
    page.get_by_text("Finance rules", exact=True).wait_for()
    page.get_by_text("2025: figures against the limits (limit = 100%)").wait_for()
    assert page.get_by_text("2024 ✖").count() == 1
    full_screenshot(page, out / "finance-rules-phone-en.png")
    check_charts(page, "finance rules @ phone-en", expect_charts=True)
    texts = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
        .map(t => t.textContent).join(' ')""")
    assert "487.0%" in texts and "487,0" not in texts
    assert not page.problems, "\n".join(page.problems)


# --------------------------------------------------------------------------- published enterprise data


@pytest.fixture(scope="module")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory):
    """This module's server (conftest's, overridden): the enterprise example published (its deck has the rules
    slide) and one committee account (lan); the report's sample and the enterprise example stay selectable."""
    from helpers import app_env, running_app

    from unionboard.core.models import SourceFile
    from unionboard.publish.service import publish_files
    from unionboard.sample.enterprise import enterprise_paths
    from unionboard.store.accounts import Accounts
    from unionboard.store.versions import dispose_engines, open_store

    home = tmp_path_factory.mktemp("rules_home")
    url = f"sqlite:///{home / 'unionboard.db'}"
    files = [SourceFile(p.name, p.read_bytes()) for p in enterprise_paths()]
    assert publish_files(open_store(url), files, by="test").ok
    Accounts(url).add("lan", PASSWORD, "committee", display_name="Chị Lan")
    dispose_engines()
    env = app_env(home, UNIONBOARD_DB_URL=None, UNIONBOARD_COMMITTEE_PASSWORD_HASH=None,
                  UNIONBOARD_COMMITTEE_PASSWORD=None)
    with running_app(env, tmp_path_factory.mktemp("rules_logs")) as base:
        yield base


def rules_slide_number() -> int:
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files
    from unionboard.present.slides import build_slides
    from unionboard.sample.enterprise import enterprise_paths

    result = check_files([SourceFile(p.name, p.read_bytes()) for p in enterprise_paths()])
    return next(n for n, s in enumerate(build_slides(result.dataset, "vi"), start=1) if s.key == "rules")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_rules_slide_lays_out(sized_page, streamlit_server, artifacts_dir, size):
    """The hall's rules slide: every chart text inside its box and apart, nothing cut; at the hall's sizes the
    slide fits the screen without scrolling; the violation is named."""
    from test_browser_slides import HALL_CHART, assert_fits

    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES[size])
    n = rules_slide_number()
    page.goto(f"{streamlit_server}/slides?slide={n}")
    settle(page)
    main = page.locator('[data-testid="stMain"]')
    assert "Quy định tài chính" in main.inner_text()
    assert "Đoàn phí giữ lại ≤ 70% năm 2024" in main.inner_text()
    if size != "phone":
        page.wait_for_selector(HALL_CHART, timeout=30_000)
    page.screenshot(path=str(out / f"slide-rules-{size}.png"))
    check_charts(page, f"rules slide @ {size}", expect_charts=True)
    if size != "phone":
        assert_fits(page, f"rules slide @ {size}")
    assert not page.problems, "\n".join(page.problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_the_grouping_editor_lays_out_for_the_committee(sized_page, streamlit_server, artifacts_dir, size):
    """The finance page's rules section signed in: the grouping editor opened, each category's box whole."""
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES[size])
    page.goto(f"{streamlit_server}/finance")
    settle(page)
    editor = page.get_by_test_id("stExpander").filter(has_text="Sửa cách xếp nhóm")
    editor.get_by_text("Sửa cách xếp nhóm", exact=True).click()
    editor.get_by_label("Tên đăng nhập").fill("lan")
    editor.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    editor.get_by_role("button", name="Đăng nhập").click()
    save = page.get_by_role("button", name="Lưu cách xếp nhóm")
    save.wait_for()  # the expander stays open over the sign-in rerun
    wait_for_app(page)
    settle(page)
    assert page.get_by_text("Chi HĐ phong trào").count() >= 2  # the table's row and the category's box
    wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 1, f"grouping editor @ {size}: the page is {wide}px wider than the screen"
    editor.scroll_into_view_if_needed()
    page.screenshot(path=str(out / f"finance-rules-editor-{size}.png"))
    full_screenshot(page, out / f"finance-rules-editor-{size}-full.png")
    assert not page.problems, "\n".join(page.problems)
