"""Đại hội › Màn hình hội trường: the credentials figures or the count, full screen, refreshed live.

`?show=credentials` shows the attendance and the composition of those present; `?show=election`
(optionally `&election=ID`) shows the count progressing, then the result. The part below the bar
re-runs every few seconds (`st.fragment(run_every=...)`), reading the store afresh.
"""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.present.congress import credentials_slides, threshold_note
from unionboard.present.slides import Slide
from unionboard.ui import congress_ui as cu
from unionboard.ui import election_ui as eu
from unionboard.ui import hall
from unionboard.ui import slideshow as ss
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
ss.inject_css()
hall.inject_css()

SHOWS = ("credentials", "composition", "election")
show = st.query_params.get("show", "election")
show = show if show in SHOWS else "election"
election_id = st.query_params.get("election")
election_id = int(election_id) if election_id and election_id.isdigit() else None
cu.threshold_from_url()

with st.container(horizontal=True, key="slide_bar", vertical_alignment="center", gap="small"):
    for key in SHOWS:
        st.button(t(f"hall_show_{key}", lang), key=f"hall_{key}", type="primary" if key == show else "secondary",
                  on_click=lambda k=key: st.query_params.update(show=k))
    st.page_link("app_pages/congress.py", label=t("slides_exit", lang), icon=":material/close:")


@st.fragment(run_every=hall.REFRESH_SECONDS)
def live() -> None:
    """The screen's content, read from the store on every refresh."""
    if show == "election":
        count = eu.load_count(view, election_id)
        if count is None:
            ss.show_html(ss.head_html(Slide("election", t("page_election", lang), t("elect_none", lang))))
            return
        slide = Slide("election", count.election.title, t("elect_summary", lang, seats=count.election.seats,
                         n=len(count.election.candidates), issued=count.election.issued))
        if len(count.election.candidates) > hall.SCROLL_CANDIDATES:
            ss.allow_scroll()
        ss.show_html(ss.head_html(slide) + (hall.sample_html(lang) if count.sample else "")
                     + hall.count_html(count.result, lang))
        return
    state = cu.attendance(view)
    slide = credentials_slides(state.report, lang)[0 if show == "credentials" else 1]
    ss.show_html(ss.head_html(slide) + (hall.sample_html(lang) if state.sample else ""))
    ss.show_html(ss.numbers_html(slide.numbers, row=True))
    if show == "credentials":
        ss.show_html(hall.note_html(threshold_note(state.report, lang)))


with st.container(key="hall_live"):  # not "slide_hall": the slide CSS hides that on phones
    live()
