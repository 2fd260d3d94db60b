"""AppTest of the committee's info form (Cập nhật dữ liệu › Thông tin công đoàn): checked, previewed,
published as a version like an upload; a term that cannot be read is refused and nothing is stored."""

from __future__ import annotations

from helpers import PASSWORD
from test_data_page import ok, publish_button, signed_in_page, texts

from unionboard.store.versions import open_store

assert PASSWORD


def _fill(at, **values):
    for key, value in values.items():
        if key == "kind":
            at.selectbox(key="info_kind").set_value(value)
        else:
            at.text_input(key=f"info_{key}").input(value)
    submit = next(b for b in at.get("form_submit_button") if "Kiểm tra thông tin" in b.label)
    submit.click()
    at.run()
    return ok(at)


def test_form_is_checked_previewed_and_published_as_a_version(committee):
    at = signed_in_page()
    assert at.text_input(key="info_name").value == ""  # the sample's name never pre-fills another union's form
    at = _fill(at, name="Công đoàn cơ sở Công ty May Minh Anh", kind="enterprise", reported_term="2023-2028",
               congress_date="20/04/2028")
    assert "đang chờ công bố" in texts(at)
    preview = next(f.value for f in at.dataframe if "Trường" in f.value.columns or len(f.value.columns) == 3)
    rows = {r[0]: (r[1], r[2]) for r in preview.itertuples(index=False)}
    assert rows["Loại hình"] == ("—", "Doanh nghiệp") and rows["Nhiệm kỳ hiện tại"] == ("2012–2017", "2023–2028")
    at.radio(key="data_fill").set_value("only").run() if any(r.key == "data_fill" for r in at.radio) else None
    publish_button(at).click()
    at.run()
    ok(at)
    info = open_store().result_of(open_store().current_version().id).dataset.info
    assert info.name == "Công đoàn cơ sở Công ty May Minh Anh" and info.kind == "enterprise"
    assert info.reported_term == "2023–2028" and info.congress_date == "2028-04-20"
    assert "đang chờ công bố" not in texts(at)  # published: the pending form is dropped


def test_unreadable_term_is_refused_and_nothing_is_pending(committee):
    at = _fill(signed_in_page(), reported_term="khóa IV")
    assert "không đọc được" in texts(at) and "đang chờ công bố" not in texts(at)
    assert open_store().current_version() is None
