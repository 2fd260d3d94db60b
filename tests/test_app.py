"""AppTest for every dashboard page: runs without exception, shows the report's figures, filters and English work."""

import pytest
from streamlit.testing.v1 import AppTest

REPORT_PAGES = ["app_pages/overview.py", "app_pages/members.py", "app_pages/finance.py", "app_pages/targets_awards.py"]


@pytest.fixture
def app(home):
    """The app opened on an isolated home (tests/helpers.py)."""
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, path: str, role: str | None = None) -> AppTest:
    if role is not None:  # the named roster is personal data: signed in with a role that may see it
        from unionboard.store.accounts import Accounts

        account = Accounts().add(f"test-{role}", "mat-khau-thu-nghiem", role)
        at.session_state["_ub_session"] = {"account_id": account.id, "generation": str(account.generation)}
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [t.value for t in at.title] + [s.value for s in at.subheader] + [x.value for x in at.text]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("path", REPORT_PAGES)
def test_every_page_runs_on_sample_data_labelled_as_sample(app, path):
    at = open_page(app, path)
    assert "dữ liệu mẫu" in texts(at)


def test_overview_kpis_equal_the_report(app):
    at = open_page(app, "app_pages/overview.py")
    metrics = {m.label: (m.value, m.delta) for m in at.metric}
    assert metrics["Đoàn viên"][0] == "33"
    assert "17 nữ" in metrics["Đoàn viên"][1]
    assert metrics["Đảng viên"][0] == "23"
    assert metrics["Tổng thu"][0] == "310.992.000 đ"
    assert metrics["Tổng chi"][0] == "308.835.000 đ"
    assert metrics["Tồn cuối"][0] == "2.157.000 đ"
    assert metrics["Chỉ tiêu"][0] == "9/9 đạt"
    assert "2 vượt" in metrics["Chỉ tiêu"][1]
    assert "310,99 triệu đồng" in texts(at)


def test_members_filters_change_what_is_shown(app):
    at = open_page(app, "app_pages/members.py", role="committee")
    assert "33/33 đoàn viên" in texts(at)
    assert len(at.dataframe[0].value) == 33
    at.multiselect(key="members_genders").set_value(["Nữ"]).run()
    assert "17/33 đoàn viên" in texts(at)
    assert len(at.dataframe[0].value) == 17
    at.multiselect(key="members_departments").set_value(["Thanh tra Sở"]).run()
    shown = at.dataframe[0].value
    assert set(shown["Phòng/đơn vị"]) == {"Thanh tra Sở"}
    assert set(shown["Giới tính"]) == {"Nữ"}


def test_members_search_ignores_diacritics(app):
    at = open_page(app, "app_pages/members.py", role="committee")
    at.text_input(key="members_query").set_value("nguyen van an").run()
    table = at.dataframe[0].value
    assert list(table["Họ và tên"]) == ["Nguyễn Văn An"]


def test_finance_tables_and_reconciliation(app):
    at = open_page(app, "app_pages/finance.py")
    revenue, spending = at.dataframe[-2].value, at.dataframe[-1].value
    assert revenue.iloc[-1]["Tổng cộng"] == "310.992.000"
    assert spending.iloc[-1]["Tổng cộng"] == "308.835.000"
    assert spending.iloc[-1]["Tồn cuối"] == "2.157.000"
    # the report's own "ĐVT: 1.000" is flagged, with its cell
    issues = at.table[0].value  # few issues: a static table whose messages wrap (not cut)
    assert any("ĐVT: 1.000" in m for m in issues["Nội dung"])
    assert any("G1" in loc for loc in issues["Vị trí"])


def test_finance_unit_switch(app):
    at = open_page(app, "app_pages/finance.py")
    at.segmented_control(key="finance_unit").set_value("million").run()
    assert at.dataframe[-2].value.iloc[-1]["Tổng cộng"] == "310,99"


def test_reporting_period_filters_finance_and_titles_say_it(app):
    at = open_page(app, "app_pages/overview.py")
    assert "Tổng kết nhiệm kỳ 2012–2017" in texts(at)  # the sample's default: the whole term
    assert {m.label: m.value for m in at.metric}["Tổng thu"] == "310.992.000 đ"
    at.radio(key="period-sample").set_value("year:2014-2014").run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Tổng thu"] == "63.980.000 đ"  # the report's 2014 revenue
    assert "Báo cáo năm 2014" in texts(at) and "Tổng kết nhiệm kỳ" not in texts(at)
    assert "Năm 2014 tổng thu" in texts(at)  # the summary's sentence says the year too


def test_targets_and_awards(app):
    at = open_page(app, "app_pages/targets_awards.py")
    table = at.table[0].value  # a static table, whose cells wrap
    assert len(table) == 9
    assert list(table["Đánh giá"]).count("Vượt") == 2
    assert list(table["Đánh giá"]).count("Đạt") == 7
    badges = [x.value for x in at.text]  # the qualitative targets name their number as the report does (STT)
    assert any(v.startswith("STT ") for v in badges) and not any(v.startswith("Nhóm ") for v in badges)


def test_english_switch(app):
    app.selectbox(key="lang").set_value("en").run()
    at = open_page(app, "app_pages/overview.py")
    labels = [m.label for m in at.metric]
    assert "Members" in labels and "Total revenue" in labels
    assert "sample data" in texts(at)
    at = open_page(at, "app_pages/members.py")
    assert at.title[0].value == "Members"


def overview_with(monkeypatch, public_url: str | None) -> AppTest:
    """The overview on the isolated home (the `home` fixture) with UNIONBOARD_PUBLIC_URL set or not."""
    if public_url is None:
        monkeypatch.delenv("UNIONBOARD_PUBLIC_URL", raising=False)
    else:
        monkeypatch.setenv("UNIONBOARD_PUBLIC_URL", public_url)
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    return open_page(at, "app_pages/overview.py")


def test_overview_shows_the_qr_code_only_when_the_public_url_is_set(home, monkeypatch):
    at = overview_with(monkeypatch, "https://daihoi.example.vn/?lang=vi")
    assert "Quét để xem trên điện thoại" in texts(at)
    assert "https://daihoi.example.vn/?lang=vi" in texts(at)  # st.text: as written, never a link
    assert len(at.get("image")) == 1 and not at.warning
    at = overview_with(monkeypatch, None)
    assert "Quét để xem trên điện thoại" not in texts(at) and not at.get("image") and not at.warning


def test_overview_says_an_invalid_public_url_is_invalid(home, monkeypatch):
    at = overview_with(monkeypatch, "javascript:alert(1)")
    assert "Quét để xem trên điện thoại" not in texts(at) and not at.get("image")
    assert any("UNIONBOARD_PUBLIC_URL" in w.value and "không hợp lệ" in w.value for w in at.warning)
    assert "javascript" not in texts(at)
