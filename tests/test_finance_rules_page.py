"""The finance page's "Quy định tài chính" section (AppTest): the report's sample and the enterprise example."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
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
    groups = [d.value for d in app.dataframe if "Theo" in d.value.columns][0]
    assert dict(zip(groups["Mục chi"], groups["Nhóm quy định"], strict=True))["Thăm hỏi ốm đau"] == \
        "Thăm hỏi, trợ cấp đoàn viên"


def test_bundled_enterprise_files_equal_their_builders(tmp_path):
    fresh = write_enterprise_data(tmp_path)
    assert [p.name for p in enterprise_paths()] == list(ENTERPRISE_FILES)

    def figures(paths):
        result = check_files([SourceFile(p.name, p.read_bytes()) for p in paths])
        return result.dataset.finance, result.dataset.get("rule_lines"), result.ok

    assert figures(enterprise_paths()) == figures(fresh)
