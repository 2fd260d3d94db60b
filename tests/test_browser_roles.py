"""Real browser: an unsigned viewer cannot reach named data by URL or by the history's download buttons;
a named sign-in survives a reload until sign-out or a password change; downloads of named data are logged.

Screenshots of the pages as a viewer and as the committee go to tests/artifacts/roles/.
"""

from __future__ import annotations

import pytest
from helpers import app_env, running_app, wait_for_app
from test_browser_layout import full_screenshot

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.sample.report import sample_paths

PASSWORD = "mat-khau-trinh-duyet-9"
NAMED = "Nguyễn Văn An"  # in the published roster
ROSTER = "33/33 đoàn viên"  # the caption drawn with the named roster table (a canvas grid)
SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "phone": (390, 844)}


@pytest.fixture(scope="module")
def roles_server(tmp_path_factory: pytest.TempPathFactory):
    """The report's workbooks published and one committee account (lan); no shared password."""
    from unionboard.store.accounts import Accounts
    from unionboard.store.versions import dispose_engines, open_store

    home = tmp_path_factory.mktemp("roles_home")
    url = f"sqlite:///{home / 'unionboard.db'}"
    assert publish_files(open_store(url), [SourceFile(p.name, p.read_bytes()) for p in sample_paths()], by="test").ok
    Accounts(url).add("lan", PASSWORD, "committee", display_name="Chị Lan")
    dispose_engines()
    env = app_env(home, UNIONBOARD_DB_URL=None, UNIONBOARD_COMMITTEE_PASSWORD_HASH=None,
                  UNIONBOARD_COMMITTEE_PASSWORD=None)
    with running_app(env, tmp_path_factory.mktemp("roles_logs")) as base:
        yield base, url


def shot(page, artifacts_dir, name: str) -> None:
    out = artifacts_dir / "roles"
    out.mkdir(exist_ok=True)
    full_screenshot(page, out / f"{name}.png")


def sign_in(page) -> None:
    page.get_by_label("Tên đăng nhập").fill("lan")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.get_by_test_id("stSidebar").get_by_text("Đã đăng nhập: Chị Lan (lan)").wait_for()
    wait_for_app(page)


def test_a_viewer_cannot_reach_named_data_by_url_or_download(viewport_page, roles_server, artifacts_dir):
    base, _url = roles_server
    for size, (width, height) in SIZES.items():
        page = viewport_page(width, height)
        for path in ("members", "members?lang=en", "attendance", "data", "accounts", "members?setup=doan-sai"):
            page.goto(f"{base}/{path}")
            wait_for_app(page)
            html = page.content()
            assert NAMED not in html and "1975" not in page.get_by_test_id("stMain").inner_text(), path
        page.goto(f"{base}/data")
        wait_for_app(page)
        main = page.get_by_test_id("stMain")
        assert main.get_by_test_id("stDownloadButton").count() == 1  # the blank template only
        assert "Tải tệp gốc" not in main.inner_text() and "Tải dữ liệu có họ tên" in main.inner_text()
        shot(page, artifacts_dir, f"data-viewer-{size}")
        page.goto(f"{base}/members")
        wait_for_app(page)
        assert "dữ liệu cá nhân" in page.get_by_test_id("stMain").inner_text()
        assert ROSTER not in page.get_by_test_id("stMain").inner_text()
        assert page.get_by_test_id("stDataFrame").count() == 0
        shot(page, artifacts_dir, f"members-viewer-{size}")
        for path in ("attendance", "election"):
            page.goto(f"{base}/{path}")
            wait_for_app(page)
            shot(page, artifacts_dir, f"{path}-viewer-{size}")


def test_sign_in_survives_a_reload_until_sign_out_or_password_change(page, roles_server, artifacts_dir):
    from unionboard.store.accounts import Accounts

    base, url = roles_server
    page.goto(f"{base}/members")
    wait_for_app(page)
    sign_in(page)
    assert ROSTER in page.get_by_test_id("stMain").inner_text()
    page.wait_for_function("() => document.cookie.includes('ub_session=')")
    page.reload()
    wait_for_app(page)
    assert "Đã đăng nhập: Chị Lan (lan)" in page.get_by_test_id("stSidebar").inner_text()
    assert ROSTER in page.get_by_test_id("stMain").inner_text()  # still signed in after the reload
    page.goto(f"{base}/data")
    wait_for_app(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Tải tệp gốc “doan-vien.xlsx”").click()
    assert download.value.suggested_filename == "doan-vien.xlsx"
    wait_for_app(page)
    log = Accounts(url).access_log()
    assert any(r["action"] == "download" and "doan-vien.xlsx" in r["what"] and r["account"] == "Chị Lan (lan)"
               for r in log), log
    shot(page, artifacts_dir, "data-committee")
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{base}/accounts")
        wait_for_app(page)
        assert "Nhật ký truy cập dữ liệu cá nhân" in page.get_by_test_id("stMain").inner_text()
        shot(page, artifacts_dir, f"accounts-committee-{size}")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_role("button", name="Đăng xuất").click()
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    assert "Đã đăng nhập" not in page.get_by_test_id("stSidebar").inner_text()  # sign-out ended the token
    sign_in(page)
    Accounts(url).set_password("lan", PASSWORD, by="test")  # the same password, a new generation
    page.reload()
    wait_for_app(page)
    assert "Đã đăng nhập" not in page.get_by_test_id("stSidebar").inner_text()  # the change ended it
