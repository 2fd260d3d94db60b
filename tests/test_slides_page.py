"""AppTest of the slide mode: navigation through the URL, clamping, downloads, the committee's saved order."""


import pytest
from helpers import open_page, sample_files, sign_in
from streamlit.testing.v1 import AppTest

from unionboard.domains.loader import check_files
from unionboard.present.slides import build_slides
from unionboard.publish import publish_files

PAGE = "app_pages/slides.py"


@pytest.fixture(scope="module")
def deck():
    return build_slides(check_files(sample_files()).dataset, "vi")


def open_slides(slide: str | None = None, notes: bool = False) -> AppTest:
    query = {"slide": slide} if slide is not None else {}
    return open_page(PAGE, notes="1", **query) if notes else open_page(PAGE, **query)


def shown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def slide_title(at: AppTest) -> str:
    text = shown(at)
    start = text.index('class="ub-title">') + len('class="ub-title">') if 'class="ub-title">' in text \
        else text.index('class="ub-union">') + len('class="ub-union">')
    return text[start:text.index("</", start)]


def test_opens_on_the_title_slide_with_slide_1_in_the_url(home, deck):
    at = open_slides()
    assert at.query_params["slide"] == "1"
    assert slide_title(at) == deck[0].title == "Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang"
    assert "Đại hội lần thứ IV" in shown(at)
    assert at.button(key="slide_prev").disabled


def test_next_and_previous_change_the_slide_and_the_url(home, deck):
    at = open_slides()
    at.button(key="slide_next").click().run()
    assert at.query_params["slide"] == "2"
    assert slide_title(at) == deck[1].title
    at.button(key="slide_next").click().run()
    assert at.query_params["slide"] == "3"
    assert slide_title(at) == deck[2].title == "Phần thu"
    assert "310,99" in shown(at)
    at.button(key="slide_prev").click().run()
    assert at.query_params["slide"] == "2"
    assert slide_title(at) == deck[1].title
    assert at.selectbox(key="slide_jump").value == 2


def test_starting_from_slide_3_lands_on_slide_3(home, deck):
    at = open_slides("3")
    assert slide_title(at) == deck[2].title
    assert at.selectbox(key="slide_jump").value == 3
    assert f"3/{len(deck)}" in shown(at)


@pytest.mark.parametrize(("asked", "expected"), [("99", "last"), ("0", 1), ("-4", 1), ("abc", 1), ("", 1)])
def test_out_of_range_slide_numbers_clamp(home, deck, asked, expected):
    at = open_slides(asked)
    number = len(deck) if expected == "last" else expected
    assert at.query_params["slide"] == str(number)
    assert slide_title(at) == deck[number - 1].title


def test_last_slide_next_is_disabled_and_the_jump_list_moves(home, deck):
    at = open_slides(str(len(deck)))
    assert at.button(key="slide_next").disabled
    at.selectbox(key="slide_jump").set_value(5).run()
    assert at.query_params["slide"] == "5"
    assert slide_title(at) == deck[4].title


def test_notes_only_on_request(home, deck):
    at = open_slides("3")
    assert deck[2].notes not in shown(at)
    at.toggle(key="slide_notes").set_value(True).run()
    assert at.query_params["notes"] == "1"
    assert "Tổng thu cả nhiệm kỳ 310.992.000 đồng" in shown(at)
    at = open_slides("3", notes=True)
    assert "310.992.000" in shown(at)


def test_download_buttons_exist(home):
    at = open_slides()
    labels = {b.label for b in at.get("download_button")}
    assert {"Bài trình chiếu PowerPoint (.pptx)", "Bảng biểu Word (.docx)", "Số liệu Excel (.xlsx)"} <= labels
    assert {"Hồ sơ in A4 (.pdf)", "Bảng biểu OpenDocument (.odt)", "Số liệu OpenDocument (.ods)"} <= labels


def test_exit_link_to_the_overview(home):
    at = open_slides()
    links = at.get("page_link")
    assert any(link.proto.label == "Thoát trình chiếu" for link in links)


def test_order_panel_is_for_the_committee_only(home):
    at = open_slides()
    assert "Chỉ thành viên Ban chấp hành" in "\n".join(c.value for c in at.caption)
    with pytest.raises(KeyError):
        at.multiselect(key="slides_order_pick")


def publish_sample(order=None) -> int:
    from unionboard.store.versions import open_store

    store = open_store()
    outcome = publish_files(store, sample_files(), by="test", comment="sample")
    assert outcome.ok, outcome.reason
    if order is not None:
        return store.publish_setting("slide_order", order, by="test").id
    return outcome.version_id


def test_the_saved_slide_order_is_used(home):
    publish_sample(["awards", "title", "balance"])
    at = open_slides()
    assert at.query_params["slide"] == "1"
    assert slide_title(at) == "Thi đua, khen thưởng"
    assert at.selectbox(key="slide_jump").options == ["1. Thi đua, khen thưởng",
                                                      "2. Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang",
                                                      "3. Cân đối thu chi"]
    at = open_slides("7")  # clamps to the 3 slides chosen
    assert at.query_params["slide"] == "3"
    assert slide_title(at) == "Cân đối thu chi"


def test_committee_saves_the_order_with_the_data(home, committee):
    from unionboard.store.versions import open_store

    publish_sample()
    at = sign_in(open_slides())
    at.multiselect(key="slides_order_pick").set_value(["targets", "title"]).run()
    at.button(key="slides_order_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    store = open_store()
    assert store.get_setting("slide_order") == ["targets", "title"]
    assert store.current_version().by == "Chị Lan"
    at.run()
    assert slide_title(at) == "Chỉ tiêu Nghị quyết"
    assert len(at.selectbox(key="slide_jump").options) == 2
    # back to the default order
    at.button(key="slides_order_reset").click().run()
    assert store.get_setting("slide_order") is None


def test_signed_out_between_render_and_click_does_not_write(home, committee):
    from unionboard.store.versions import open_store
    from unionboard.ui.auth import FLAG

    publish_sample()
    at = sign_in(open_slides())
    before = open_store().current_version().id
    at.multiselect(key="slides_order_pick").set_value(["awards"]).run()
    at.session_state[FLAG] = False  # the session was signed out meanwhile: the save must re-check
    at.button(key="slides_order_save").click().run()
    assert open_store().current_version().id == before
    assert open_store().get_setting("slide_order") is None


def test_order_cannot_be_saved_on_sample_data(home, committee):
    at = sign_in(open_slides())
    assert at.button(key="slides_order_save").disabled
    assert "dữ liệu mẫu" in "\n".join(i.value for i in at.info)


def test_english_deck(home):
    at = AppTest.from_file("../app.py", default_timeout=60)
    at.query_params["lang"] = "en"
    at.query_params["slide"] = "3"
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    assert slide_title(at) == "Revenue"
    assert at.button(key="slide_next").label == "Next"


def test_sample_data_is_labelled_in_slide_mode(home):
    badges = [m.value for m in open_slides().markdown if "badge[" in m.value]  # st.badge renders as markdown
    assert any("Dữ liệu mẫu" in b for b in badges)
    publish_sample()
    badges = [m.value for m in open_slides().markdown if "badge[" in m.value]
    assert not any("Dữ liệu mẫu" in b for b in badges)  # published data is not labelled as sample


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_the_slide_pages_word_and_odt_follow_the_readers_language(fmt):
    """An English reader's Word/ODT download is English (the page's table once dropped the language)."""
    import io

    from docx import Document
    from odf import teletype, text
    from odf.opendocument import load

    from unionboard.ui.slide_admin import document_bytes

    dataset = check_files(sample_files()).dataset
    data = {lang: document_bytes(("formats-test",), fmt, lang, dataset) for lang in ("vi", "en")}
    if fmt == "docx":
        paragraphs = {lang: [p.text for p in Document(io.BytesIO(b)).paragraphs] for lang, b in data.items()}
    else:
        paragraphs = {lang: [teletype.extractText(p) for p in load(io.BytesIO(b)).text.getElementsByType(text.P)]
                      for lang, b in data.items()}
    assert "I. Membership" in paragraphs["en"]
    assert "I. Cơ cấu đoàn viên" in paragraphs["vi"]
    assert "I. Cơ cấu đoàn viên" not in paragraphs["en"]
