"""Real-browser tests: `streamlit run app.py` on a free port, every page in Debian's chromium via Playwright."""

import pytest
from helpers import wait_for_app

PAGES = {
    "overview": ["33", "310.992.000 đ", "308.835.000 đ", "2.157.000 đ", "9/9 đạt"],
    # a visitor who is not signed in sees the charts; the named roster says why it is not shown
    "members": ["Danh sách đoàn viên", "Luật Bảo vệ dữ liệu cá nhân"],
    "finance": ["Đối chiếu số liệu với bảng tính", "Phần thu", "Phần chi"],
    "targets": ["Kết quả thực hiện chỉ tiêu Nghị quyết", "Khen thưởng, thành tích"],
}


@pytest.mark.parametrize("url_path", list(PAGES))
def test_every_page_in_a_real_browser(page, streamlit_server, artifacts_dir, url_path):
    page.goto(f"{streamlit_server}/{'' if url_path == 'overview' else url_path}")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot", timeout=30_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    for expected in PAGES[url_path]:
        assert expected in body, f"{expected!r} not visible on /{url_path}"
    if url_path == "members":
        assert "33/33 đoàn viên" not in body and "Nguyễn Văn An" not in body  # no named member for a visitor
    assert "dữ liệu mẫu" in body
    assert page.get_by_test_id("stException").count() == 0
    assert "Traceback" not in body
    page.screenshot(path=str(artifacts_dir / f"page-{url_path}.png"), full_page=True)


def test_charts_use_vietnamese_number_format(page, streamlit_server):
    page.goto(f"{streamlit_server}/finance")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .ytick text", timeout=30_000)
    ticks = [t for t in page.locator(".js-plotly-plot .ytick text").all_text_contents() if t and t.strip()]
    assert ticks, "no axis ticks rendered"
    assert not any(t.endswith(("M", "k", "G")) for t in ticks), ticks


def test_english_switch_in_browser(page, streamlit_server, artifacts_dir):
    page.goto(f"{streamlit_server}/")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="English").click()
    wait_for_app(page)
    page.get_by_text("Total revenue").wait_for(timeout=30_000)
    # the "Data set" radio keeps its option selected across the switch
    checked = page.locator('[data-testid="stSidebar"] [data-testid="stRadio"] input:checked')
    assert checked.count() == 1
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert "Total revenue" in body and "310,992,000 VND" in body  # English separators
    page.screenshot(path=str(artifacts_dir / "page-overview-en.png"), full_page=True)


def test_a_charts_table_downloads_as_xlsx_and_csv_made_on_click(page, streamlit_server, tmp_path):
    """The chart's download buttons get a callable (the files are made when clicked, not on every run):
    clicking still gives the table behind the chart."""
    from openpyxl import load_workbook

    page.goto(f"{streamlit_server}/")
    wait_for_app(page)
    page.get_by_test_id("stPopover").first.get_by_role("button").click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".xlsx"
    cells = [c for row in load_workbook(path).active.iter_rows(values_only=True) for c in row]
    assert "Nữ" in cells and 17 in cells  # the gender chart's table: 17 women of 33
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="CSV").click()
    info.value.save_as(tmp_path / "table.csv")
    assert "Nữ" in (tmp_path / "table.csv").read_text(encoding="utf-8-sig")
