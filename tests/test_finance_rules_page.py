"""The finance page's "Quy định tài chính" section (AppTest): the report's sample and the enterprise example."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.publish.service import publish_files
from unionboard.sample.enterprise import ENTERPRISE_FILES, enterprise_paths, write_enterprise_data


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    monkeypatch.delenv("UNIONBOARD_DB_URL", raising=False)
    at = AppTest.from_file("../app.py", default_timeout=90)
    at.run()
    assert not at.exception, at.exception
    at.switch_page("app_pages/finance.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def rules_frame(at: AppTest):
    frames = [d.value for d in at.dataframe if "Căn cứ" in d.value.columns]
    assert len(frames) == 1
    return frames[0]


def test_sample_shows_rules_not_checkable_with_the_missing_lines_named(app):
    assert "Quy định tài chính" in [s.value for s in app.subheader]
    frame = rules_frame(app)
    assert set(frame["Kết quả"]) == {"? Không kiểm được"}  # the report has no payroll: never a silent pass
    assert frame["Thiếu số liệu"].str.contains("Quỹ tiền lương đóng BHXH").any()
    # the report's own figures are unchanged
    revenue = [d.value for d in app.dataframe if "Tổng cộng" in d.value.columns][0]
    assert revenue.iloc[-1]["Tổng cộng"] == "310.992.000"


def test_enterprise_example_is_selectable_labelled_and_shows_its_violation(app):
    radio = [r for r in app.radio if str(r.key).startswith("dataset-")][0]
    assert "Ví dụ minh hoạ: CĐCS doanh nghiệp 2023–2025" in radio.options
    radio.set_value("enterprise").run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("ví dụ minh hoạ" in w.value for w in app.warning)
    frame = rules_frame(app)
    broken = frame[frame["Kết quả"] == "✖ Vi phạm"]
    assert list(zip(broken["Năm"], broken["Quy định"], strict=True)) == [
        (2024, "CĐCS sử dụng không quá 70% số thu đoàn phí (phần thu cao hơn mức chuẩn giữ lại toàn bộ)")]
    assert broken.iloc[0]["Số liệu"] == "99.840.000 đ" and broken.iloc[0]["Mức quy định"] == "87.360.000 đ"
    assert "8108" in broken.iloc[0]["Căn cứ"]
    assert any("vi phạm" in e.value for e in app.error)
    split = frame[(frame["Năm"] == 2025) & frame["Quy định"].str.contains("0,5%")]
    assert split.iloc[0]["Cách tính"] == "theo tháng có hiệu lực"
    # the settlement summary of a chosen year, and the rule groups of the spending categories
    assert app.selectbox(key="settlement_year").value == 2025
    groups = [tb.value for tb in app.table if "Theo" in tb.value.columns][0]  # a table that wraps on a phone
    assert dict(zip(groups["Mục chi"], groups["Nhóm quy định"], strict=True))["Thăm hỏi ốm đau"] == \
        "Thăm hỏi, trợ cấp đoàn viên"


def test_rules_year_follows_the_reporting_period_and_the_settlement_downloads_name_theirs(app):
    [r for r in app.radio if str(r.key).startswith("dataset-")][0].set_value("enterprise").run()

    def picker():
        return [b for b in app.get("button_group") if str(b.key).startswith("rules_year-")][0]

    def group_year_columns():  # the year's spending by rule group
        return [c for tb in app.table for c in tb.value.columns if str(c).isdigit()]

    assert picker().value == 2025 and group_year_columns() == ["2025"]  # the term so far: its latest year
    period = [r for r in app.radio if str(r.key).startswith("period-")][0]
    period.set_value("year:2024-2024").run()
    assert not app.exception, [e.value for e in app.exception]
    assert picker().value == 2024 and group_year_columns() == ["2024"]  # "Báo cáo năm 2024" in the sidebar
    picker().set_value(2023).run()
    assert group_year_columns() == ["2023"]
    labels = [d.proto.label for d in app.get("download_button")]
    assert "Quyết toán thu chi năm 2025 — Word (.docx)" in labels and "Quyết toán thu chi năm 2025 — PDF" in labels
    assert app.selectbox(key="settlement_year").options == ["2025"]  # the years with a B07-TLĐ form


def test_bundled_enterprise_files_equal_their_builders(tmp_path):
    fresh = write_enterprise_data(tmp_path)
    assert [p.name for p in enterprise_paths()] == list(ENTERPRISE_FILES)

    def figures(paths):
        result = check_files([SourceFile(p.name, p.read_bytes()) for p in paths])
        return result.dataset.finance, result.dataset.get("rule_lines"), result.ok

    assert figures(enterprise_paths()) == figures(fresh)


# --------------------------------------------------------------------------- the committee's grouping editor


def publish_enterprise() -> int:
    from unionboard.store.versions import open_store

    outcome = publish_files(open_store(), [SourceFile(p.name, p.read_bytes()) for p in enterprise_paths()], by="test")
    assert outcome.ok, outcome.reason
    return outcome.version_id


def salaries_2025(at: AppTest) -> str:
    frame = rules_frame(at)
    row = frame[(frame["Năm"] == 2025) & frame["Quy định"].str.startswith("Chi lương, phụ cấp cán bộ công đoàn "
                                                                            "không quá 45%")]
    assert len(row) == 1
    return row.iloc[0]["Kết quả"]


def category_box(at: AppTest, item: str):
    return next(box for box in at.selectbox if str(box.key).startswith("rule_group_") and box.label == item)


def test_committee_edits_a_mapping_and_the_rule_changes_once(committee, store_url, monkeypatch):
    """On SQLite and on PostgreSQL: the grouping stored once as a new version, the rule checked again."""
    from helpers import open_page

    from unionboard.store.versions import open_store

    monkeypatch.setenv("UNIONBOARD_DB_URL", store_url)
    first = publish_enterprise()
    at = open_page("finance", signed_in=True)
    assert salaries_2025(at) == "✔ Đạt"
    box = category_box(at, "Chi HĐ phong trào")
    assert box.value == "activities"
    box.set_value("salaries_allowances")
    at.button(key="FormSubmitter:rule_groups_form-Lưu cách xếp nhóm").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = open_store()
    assert store.current_version().id == first + 1 and store.current_version().by == "Chị Lan"
    assert any("#" + str(first + 1) in s.value for s in at.success)
    at.run()
    assert salaries_2025(at) == "✖ Vi phạm"  # 31.000.000 + 144.000.000 đ against 45% of 69.300.000 đ
    groups = [tb.value for tb in at.table if "Theo" in tb.value.columns][0]
    chosen = dict(zip(groups["Mục chi"], groups["Theo"], strict=True))
    assert chosen["Chi HĐ phong trào"] == "ban chấp hành"
    # submitted again, the same grouping is not stored a second time
    at.button(key="FormSubmitter:rule_groups_form-Lưu cách xếp nhóm").click().run()
    assert store.current_version().id == first + 1
    assert any("không lưu thêm" in i.value for i in at.info)
    # the finance figures are those of the published files, unchanged
    assert store.result_of(first + 1).dataset.finance == store.result_of(first).dataset.finance


def test_an_unmapped_category_is_named_and_the_rule_not_checkable_until_mapped(committee, tmp_path, monkeypatch):
    from helpers import open_page

    from unionboard.sample import enterprise
    from unionboard.store.versions import open_store

    # the enterprise example with a category no default word places
    monkeypatch.setitem(enterprise.SPENDING, "Quà tặng công ty bạn", (1_000_000, 1_000_000, 1_000_000))
    files = [SourceFile(p.name, p.read_bytes()) for p in write_enterprise_data(tmp_path / "data")]
    assert publish_files(open_store(), files, by="test").ok
    at = open_page("finance", signed_in=True)
    assert any("Chưa xếp nhóm\\: “Quà tặng công ty bạn”" in w.value for w in at.warning)  # escaped Markdown
    assert salaries_2025(at) == "? Không kiểm được"
    frame = rules_frame(at)
    assert frame["Thiếu số liệu"].str.contains("Mục chi chưa xếp nhóm quy định: Quà tặng công ty bạn").any()
    box = category_box(at, "Quà tặng công ty bạn")
    assert box.value is None
    box.set_value("other")
    at.button(key="FormSubmitter:rule_groups_form-Lưu cách xếp nhóm").click().run()
    at.run()
    assert not any("Chưa xếp nhóm" in w.value for w in at.warning)
    assert salaries_2025(at) == "✔ Đạt"


def test_the_editor_is_for_the_committee_on_published_data(committee):
    from helpers import open_page, sign_in

    publish_enterprise()
    at = open_page("finance")
    assert "Chỉ thành viên Ban chấp hành" in "\n".join(c.value for c in at.caption)
    assert not [b for b in at.selectbox if str(b.key).startswith("rule_group_")]
    sample = open_page("finance", signed_in=False)
    radio = [r for r in sample.radio if str(r.key).startswith("dataset-")][0]
    radio.set_value("enterprise").run()
    sign_in(sample)
    assert "dữ liệu mẫu" in "\n".join(c.value for c in sample.caption)
    assert not [b for b in sample.selectbox if str(b.key).startswith("rule_group_")]


def test_a_grouping_saved_against_an_old_version_stores_nothing(committee):
    from helpers import open_page

    from unionboard.store.versions import open_store

    publish_enterprise()
    at = open_page("finance", signed_in=True)
    moved = open_store().publish_setting("slide_order", ["title"], by="someone else").id  # published meanwhile
    category_box(at, "Chi HĐ phong trào").set_value("salaries_allowances")
    at.button(key="FormSubmitter:rule_groups_form-Lưu cách xếp nhóm").click().run()
    assert open_store().current_version().id == moved
    assert open_store().result_of(moved).dataset.get("rule_groups") is None
    assert any(f"#{moved}" in w.value for w in at.warning)
