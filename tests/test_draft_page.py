"""AppTest of Ban chấp hành › Kiểm tra dự thảo: the sample draft checked, summary, filters, a figure's data."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from helpers import PASSWORD, sign_in
from streamlit.testing.v1 import AppTest

from unionboard.core.models import SourceFile
from unionboard.publish import publish_files
from unionboard.sample.report import sample_paths
from unionboard.store.drafts import DraftStore
from unionboard.store.versions import open_store

DATA = Path(__file__).resolve().parent.parent / "data"


def page() -> AppTest:
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.run()
    at.switch_page("app_pages/draft_check.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_sample_draft_is_checked_with_counts_symbols_and_the_unit_note(home):
    at = page()
    assert at.title[0].value == "Kiểm tra dự thảo"
    at.toggle(key="draft_sample").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["✗ lệch"] == "1" and metrics["≈ mơ hồ"] == "0"
    assert int(metrics["✓ khớp"].replace(".", "")) >= 80
    frame = at.dataframe[0].value
    shown = dict(zip(frame["Số trong dự thảo"], frame["Kết quả"], strict=True))
    assert shown["ĐVT: 1.000"] == "✗ lệch" and shown["33"] == "✓ khớp"
    assert not set(frame["Kết quả"]) - {"✓ khớp", "✗ lệch", "≈ mơ hồ"}  # by default: not the unverifiable
    issues = at.table[0].value.to_string()
    assert "mâu thuẫn" in issues and "đoạn 52" in issues  # the draft's own inconsistency, located
    marked = "".join(str(e.proto.body) for e in at.get("html"))
    assert "✗&nbsp;ĐVT: 1.000" in marked and "#f9d3c4" in marked  # colour and symbol
    assert "Thuận lợi" not in marked  # by default only the paragraphs with a shown figure
    at.toggle(key="draft_whole").set_value(True).run()
    whole = "".join(str(e.proto.body) for e in at.get("html"))
    assert "2- Thuận lợi" in whole and len(whole) > len(marked)


def test_a_figure_leads_to_the_data_behind_it(home):
    at = page()
    at.toggle(key="draft_sample").set_value(True).run()
    claims = at.selectbox(key="draft_pick")
    index = next(i for i in claims.options if "· 2.157.000 ·" in str(i))
    claims.set_value(claims.options.index(index) if isinstance(index, str) else index).run()
    detail = at.table[-1].value.to_string()
    assert "Tồn cuối nhiệm kỳ" in detail and "2.157.000" in detail and "tai-chinh.xlsx › Phần chi › H8" in detail


def test_filter_shows_matches_with_their_source(home):
    at = page()
    at.toggle(key="draft_sample").set_value(True).run()
    at.multiselect(key="draft_statuses").set_value(["match"]).run()
    frame = at.dataframe[0].value
    row = frame[frame["Số trong dự thảo"] == "33"].iloc[0]
    assert row["Kết quả"] == "✓ khớp" and row["Dữ liệu"] == "33"
    assert row["Nguồn (tệp › trang › ô)"].startswith("doan-vien.xlsx › Đoàn viên")


def roster_plus_one() -> bytes:
    wb = openpyxl.load_workbook(DATA / "doan-vien.xlsx")
    wb.active.append([34, "Trần Thị Mới", "Nữ", 1999, "Văn phòng Sở", "Đại học", None, None, "Đoàn viên"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_the_last_draft_is_checked_again_when_data_is_published(home, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    draft = "Công đoàn hiện có tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ.\n".encode()
    at = sign_in(page())
    at.file_uploader(key="draft_upload").set_value(("du-thao.txt", draft, "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    stored = DraftStore().last()
    assert stored.file.data == draft and stored.by == "Chị Lan"
    at.run()  # checked again, same data: stored once
    assert DraftStore().last().id == stored.id
    files = [SourceFile(p.name, p.read_bytes()) for p in sample_paths() if p.name != "doan-vien.xlsx"]
    assert publish_files(open_store(), [*files, SourceFile("doan-vien.xlsx", roster_plus_one())], by="Chị Lan").created
    at = sign_in(page())
    assert "Dự thảo kiểm tra gần nhất: du\\-thao\\.txt (Chị Lan" in " ".join(c.value for c in at.caption)
    assert "2 số đổi kết quả" in at.info[0].value
    changes = at.table[0].value
    assert list(changes["Số trong dự thảo"]) == ["33", "17"]
    assert list(changes["Bây giờ"]) == ["✗ lệch (34)", "✗ lệch (18)"]
    assert list(changes["Lần trước"]) == ["✓ khớp (33)", "✓ khớp (17)"]
    assert DraftStore().last().id != stored.id  # the new check is kept


def test_upload_needs_the_committee(home):
    at = page()
    assert not at.get("file_uploader")
    assert not at.metric  # nothing checked until a draft is given


def test_draft_text_is_shown_as_text(home, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    payload = '<img src=x onerror="alert(1)"> **đậm** [x](javascript:alert(1)) tổng số 33 đoàn viên <b>17</b> nữ'
    at = sign_in(page())
    at.file_uploader(key="draft_upload").set_value(("du-thao.txt", payload.encode(), "text/plain")).run()
    assert not at.exception, [e.value for e in at.exception]
    marked = "".join(str(e.proto.body) for e in at.get("html"))
    assert "&lt;img src=x" in marked and "<img" not in marked and "<b>" not in marked
    assert "✓&nbsp;33" in marked


def test_a_legacy_doc_is_refused_and_nothing_is_stored(home, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    at = sign_in(page())
    doc = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512
    at.file_uploader(key="draft_upload").set_value(("du-thao.doc", doc, "application/msword")).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "lưu thành .docx" in at.table[0].value.to_string()
    assert not at.metric and DraftStore().last() is None


def test_the_page_in_english(home):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/draft_check.py")
    at.run()
    at.toggle(key="draft_sample").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Check the draft"
    assert {m.label for m in at.metric} == {"✓ matches", "✗ differs", "? cannot be checked", "≈ ambiguous"}
    frame = at.dataframe[0].value
    assert "Members in total" in set(frame["Figure"])
