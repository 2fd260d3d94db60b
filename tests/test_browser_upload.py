"""Real browser: sign in as the committee, upload through the file chooser, confirm, publish, see the overview change.

Uses its own server (the shared `streamlit_server` fixture has no committee password).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from helpers import REPO_ROOT, app_env, running_app, wait_for_app

PASSWORD = "mat-khau-trinh-duyet"
DATA = REPO_ROOT / "data"


@pytest.fixture(scope="module")
def committee_server(tmp_path_factory: pytest.TempPathFactory):
    """`streamlit run app.py` with UNIONBOARD_HOME=tmp and a committee password; yields (base URL, home)."""
    home = tmp_path_factory.mktemp("upload_home")
    env = app_env(home, UNIONBOARD_DB_URL=None, UNIONBOARD_COMMITTEE_PASSWORD_HASH=None,
                  UNIONBOARD_COMMITTEE_PASSWORD=PASSWORD)
    with running_app(env, tmp_path_factory.mktemp("upload_logs")) as base:
        yield base, home


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    """The sample roster with one more member (34), as a file for the file chooser."""
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    wb.active.append([34, "Trần Thị Mới", "Nữ", 1999, "Văn phòng Sở", "Đại học", None, None, "Đoàn viên"])
    buffer = io.BytesIO()
    wb.save(buffer)
    path = tmp_path / "doan-vien-2017.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


def main_text(page) -> str:
    return page.get_by_test_id("stMain").inner_text()


def test_sign_in_upload_confirm_publish_and_see_the_overview(page, committee_server, artifacts_dir, roster_file):
    base, home = committee_server
    shot = lambda name: page.screenshot(path=str(artifacts_dir / f"upload-{name}.png"), full_page=True)  # noqa: E731

    page.goto(f"{base}/data")
    wait_for_app(page)
    assert "Ban chấp hành" in main_text(page) and page.locator('input[type="file"]').count() == 0
    shot("1-sign-in")

    page.get_by_label("Họ tên (ghi vào lịch sử phiên bản)").fill("Chị Lan")
    page.get_by_label("Mật khẩu Ban chấp hành").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator('input[type="file"]').wait_for(state="attached")
    wait_for_app(page)
    assert "Đã đăng nhập: Chị Lan" in page.get_by_test_id("stSidebar").inner_text()
    # the uploader's own texts are Vietnamese too (Streamlit writes them in English)
    shown = page.evaluate("""() => {
      const zone = document.querySelector('[data-testid="stFileUploaderDropzone"]');
      const seen = el => getComputedStyle(el).fontSize === '0px'
        ? getComputedStyle(el, '::after').content : el.textContent;
      return [seen(zone.querySelector('button p')),
              seen(zone.querySelector('[data-testid="stFileUploaderDropzoneInstructions"] span'))];
    }""")
    assert shown == ['"Tải lên"', '"Tối đa 50 MB mỗi tệp • XLSX, XLS, ODS, CSV"'], shown
    shot("2-signed-in")

    page.locator('input[type="file"]').set_input_files([str(roster_file), str(DATA / "tai-chinh.xlsx")])
    page.get_by_text("So với dữ liệu hiện hành").wait_for()
    wait_for_app(page)
    body = main_text(page)
    assert "33 → 34 (+1 thêm" in body
    assert "2 cảnh báo" in body
    publish = page.get_by_role("button", name="Công bố", exact=True)
    assert publish.is_disabled()  # the warnings need confirming first
    shot("3-preview")
    publish.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "upload-3b-publish-area.png"))

    page.get_by_text("Tôi đã xem các cảnh báo và vẫn muốn công bố").click()
    wait_for_app(page)
    assert publish.is_enabled()
    publish.click()
    page.get_by_text("Đã công bố phiên bản #1").wait_for()
    wait_for_app(page)
    assert "Phiên bản #1 ·" in page.get_by_test_id("stSidebar").inner_text()
    shot("4-published")

    page.get_by_role("link", name="Xem trang Tổng quan").click()
    page.get_by_test_id("stMetric").first.wait_for()
    wait_for_app(page)
    metrics = page.get_by_test_id("stMetric").all_inner_texts()
    assert any("Đoàn viên" in m and "34" in m for m in metrics), metrics
    # what the uploads lacked stayed the sample's (the safe default), and the page says so
    body = main_text(page)
    assert "vẫn là dữ liệu mẫu" in body and "chỉ tiêu" in body and "tài chính" not in body.split("vẫn là")[0]
    shot("5-overview")

    from unionboard.store.versions import open_store

    store = open_store(f"sqlite:///{home / 'unionboard.db'}")
    [version] = store.history()
    assert (version.id, version.by, version.files[:2]) == (1, "Chị Lan", ["doan-vien-2017.xlsx", "tai-chinh.xlsx"])
    assert sorted(version.files[2:]) == ["du-lieu-mau-chi-tieu-nhiem-ky.xlsx", "du-lieu-mau-chi-tieu.xlsx",
                                         "du-lieu-mau-du-toan.xlsx", "du-lieu-mau-khen-thuong.xlsx",
                                         "du-lieu-mau-thong-tin.xlsx"]  # the union's name and term too
    assert store.files_of(1)[0].data == roster_file.read_bytes()


def test_a_large_roster_is_read_in_parts_inside_the_server(page, committee_server, tmp_path, artifacts_dir):
    """8.000 members (~4,5 MB of sheet XML): the server reads the sheet in parts on its cores
    (threads and temporary files inside a Streamlit script run) and previews every member."""
    from tools.benchmark import write_roster

    base, _home = committee_server
    path = write_roster(tmp_path / "doan-vien-lon.xlsx", 8000)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 4 * 2**20  # ≥ 2 parts of 2 MB
    page.goto(f"{base}/data")
    wait_for_app(page)
    if page.locator('input[type="file"]').count() == 0:
        page.get_by_label("Họ tên (ghi vào lịch sử phiên bản)").fill("Anh Minh")
        page.get_by_label("Mật khẩu Ban chấp hành").fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.locator('input[type="file"]').wait_for(state="attached")
    page.locator('input[type="file"]').set_input_files([str(path)])
    page.get_by_text("So với dữ liệu hiện hành").wait_for(timeout=60_000)
    wait_for_app(page)
    body = main_text(page)
    assert "→ 8.000 (+" in body, body[:2000]
    assert "Traceback" not in body
    page.get_by_text("→ 8.000 (+").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / "upload-6-large-roster.png"))
