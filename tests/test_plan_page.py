"""AppTest of Ban chấp hành › Kế hoạch: figures shown, read-only without sign-in, saving through the store.

The tests publish the sample workbooks (report + planning) to a store in a temporary UNIONBOARD_HOME
and view that version.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.sample.plan import SAMPLE_PLAN_FILES
from unionboard.sample.report import sample_paths

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = next(p for p in ("app_pages/plan.py", "pages/committee/plan.py", "pages/plan.py") if (ROOT / p).exists())


def _files(tmp_path: Path) -> list[SourceFile]:
    files = {p.name: SourceFile(p.name, p.read_bytes()) for p in sample_paths()}
    for name, build in SAMPLE_PLAN_FILES.items():
        if name not in files:
            build().save(tmp_path / name)
            files[name] = SourceFile(name, (tmp_path / name).read_bytes())
    return list(files.values())


@pytest.fixture
def published(tmp_path: Path, monkeypatch):
    """A store in tmp_path whose current version holds the report and the planning sample."""
    from unionboard.store import versions as store_mod

    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    st.cache_data.clear()
    store = store_mod.open_store()
    outcome = publish_files(store, _files(tmp_path), by="test", comment="sample")
    assert outcome.ok, [i.message for i in outcome.result.errors]
    yield store
    st.cache_data.clear()


def _plan_page(lang: str = "vi") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if lang != "vi":
        at.session_state["lang"] = lang
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _texts(elements) -> str:
    return "\n".join(str(e.value) for e in elements)


def test_sample_results_are_labelled_illustrative(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))  # empty store: the bundled sample is shown
    at = _plan_page()
    assert "kết quả 2018–2019 là số liệu **minh họa**" in _texts(at.info)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Chậm tiến độ"] == "4" and metrics["Chưa có số liệu"] == "0"


def test_page_without_planning_data(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))  # empty store: the bundled sample is shown
    at = _plan_page()
    assert at.title[0].value == "Kế hoạch"
    assert len(at.tabs) == 2


def test_page_shows_targets_budget_and_warnings(published) -> None:
    at = _plan_page()
    metrics = {m.label: m.value for m in at.metric}
    # the sample's illustrative 2018–2019 results
    assert metrics == {"Chỉ tiêu": "13", "Chậm tiến độ": "4", "Đúng tiến độ": "9", "Chưa có số liệu": "0"}
    warnings = _texts(at.warning)
    assert "Năm 2014 kết thúc với số dư lũy kế âm: −10.395.000 đ" in warnings
    assert "tồn đầu kỳ" in warnings
    assert "vượt kế hoạch" in _texts(at.markdown)
    # heat-map, revenue and spending plan vs actual, projected balance
    assert len(at.get("plotly_chart")) == 4
    # the plan table is a static table (its long texts wrap), not a grid that cuts them mid-word
    assert not any("Tiến độ nhiệm kỳ" in d.value.columns for d in at.dataframe)
    frames = [d.value for d in at.table]
    progress = next(f for f in frames if "Tiến độ nhiệm kỳ" in f.columns)
    assert len(progress) == 13 and set(progress["Tiến độ nhiệm kỳ"]) == {"Chậm tiến độ", "Đúng tiến độ"}
    # the cells are Markdown-escaped (shown as written): "3\\.4" is drawn "3.4"
    assert [c.replace("\\", "") for c in progress["Mã"]][:4] == ["3.4", "3.5", "3.6", "3.11"]  # behind schedule on top


def test_read_only_without_sign_in(published) -> None:
    at = _plan_page()
    assert not at.data_editor  # no editor, no save buttons
    labels = [b.label for b in at.button]
    assert not any("Lưu" in label for label in labels)
    assert "Cần đăng nhập" in _texts(at.info)


def test_what_if_changes_the_projection(published) -> None:
    at = _plan_page()
    before = next(m.value for m in at.markdown if m.value.startswith("Theo kịch bản"))
    assert "năm 2019" in before and "thu 62.854.000 đ" in before
    assert at.text_input(key="wi_alloc").value == "15.740.000"  # Vietnamese format in the inputs too
    assert at.text_input(key="wi_dues").value == "0,0"
    at.text_input(key="wi_dues").input("10").run()
    after = next(m.value for m in at.markdown if m.value.startswith("Theo kịch bản"))
    assert "thu 64.964.000 đ" in after  # dues 21.100.000 × 1,1 = 23.210.000
    at.text_input(key="wi_alloc").input("16.240.000").run()
    assert "thu 65.464.000 đ" in next(m.value for m in at.markdown if m.value.startswith("Theo kịch bản"))
    at.text_input(key="wi_alloc").input("nhiều").run()
    assert any("không phải là số" in c.value for c in at.caption)


def test_english(published) -> None:
    at = _plan_page("en")
    assert {m.label for m in at.metric} == {"Targets", "Behind schedule", "On track", "No data yet"}


def test_what_if_in_english_reads_english_numbers(published) -> None:
    at = _plan_page("en")
    assert at.text_input(key="wi_alloc").value == "15,740,000"  # English format in the inputs
    assert at.text_input(key="wi_dues").value == "0.0"
    at.text_input(key="wi_alloc").input("15,800,000").run()
    result = next(m.value for m in at.markdown if m.value.startswith("With this scenario"))
    assert "revenue 62,914,000 VND" in result  # 62.854.000 + 60.000, not 15,8 đ
    at.text_input(key="wi_dues").input("2.5").run()  # 21,100,000 × 2.5% = 527,500 more
    result = next(m.value for m in at.markdown if m.value.startswith("With this scenario"))
    assert "revenue 63,441,500 VND" in result
    at.text_input(key="wi_alloc").input("15.800.000").run()  # Vietnamese writing in English: refused, said
    assert any("is not a number; using 15,740,000" in c.value and "commas between thousands" in c.value
               for c in at.caption)


def test_what_if_text_follows_a_language_switch(published) -> None:
    at = _plan_page()
    at.text_input(key="wi_alloc").input("15.800.000").run()
    at.text_input(key="wi_dues").input("2,5").run()
    at.session_state["lang"] = "en"
    at.run()
    assert at.text_input(key="wi_alloc").value == "15,800,000"  # rewritten, not read as 15.8
    assert at.text_input(key="wi_dues").value == "2.5"
    assert "revenue 63,441,500 VND" in next(m.value for m in at.markdown if m.value.startswith("With this scenario"))
    assert not any("not a number" in c.value for c in at.caption)


def test_saving_when_signed_in(published, monkeypatch) -> None:
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", "mat-khau-BCH-2017")
    at = _plan_page()
    assert not at.data_editor
    at.text_input(key="_committee_user").input("Chị Lan")
    at.text_input(key="_committee_password").input("mat-khau-BCH-2017")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.data_editor  # the results editor appears once signed in
    at.button(key="plan_save_results").click().run()
    assert "Chưa có thay đổi nào để lưu." in _texts(at.info)
    assert len(published.history()) == 1  # nothing published
    at.button(key="plan_save_budget").click().run()
    assert not at.exception, [e.value for e in at.exception]
    history = published.history()
    assert len(history) == 2 and history[0].by == "Chị Lan" and history[0].current
    budget = published.current_result().dataset.budget
    assert 2019 in {line.year for line in budget}
    assert published.current_result().dataset.members is not None  # other domains carried over


def test_wrong_password_cannot_save(published, monkeypatch) -> None:
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", "mat-khau-BCH-2017")
    at = _plan_page()
    at.text_input(key="_committee_user").input("Ai đó")
    at.text_input(key="_committee_password").input("sai")
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.data_editor
    assert not any(b.key == "plan_save_budget" for b in at.button)
    assert len(published.history()) == 1
