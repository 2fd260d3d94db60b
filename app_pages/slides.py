"""Đại hội › Trình chiếu: the congress deck full screen, one idea per slide, the slide number in the URL.

The deck is `slides.build_slides` of the reporting period chosen in the sidebar (hidden here)
in the order the committee saved with the data (setting "slide_order"). ← → / PageUp PageDown / Home End or
the buttons change the slide; `?slide=N` (1-based) makes a reload or a second screen land on the
same slide; `?notes=1` shows the speaker notes below the slide.
"""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.present.slide_charts import (
    SLIDE_CHART_HEIGHT,
    SLIDE_CHART_WIDTHS,
    phone_chart,
    slide_figure,
)
from unionboard.present.slides import build_slides
from unionboard.ui import slideshow as ss
from unionboard.ui.components import chart
from unionboard.ui.data import get_view
from unionboard.ui.slide_admin import downloads, order_panel, saved_order

CHART_CONFIG = {"displayModeBar": False, "displaylogo": False, "locale": "vi", "scrollZoom": False}

view = get_view()
lang = view.lang
dataset = view.dataset  # the reporting period chosen in the sidebar


ss.inject_css()
if flash := st.session_state.pop("slides_flash", None):
    st.toast(flash, icon=":material/check_circle:")

order = saved_order(view)
deck = build_slides(dataset, lang, order) or build_slides(dataset, lang)
count = len(deck)
number = ss.current_slide(count)
slide = deck[number - 1]
notes = ss.notes_shown()
titles = {s.key: s.title for s in build_slides(dataset, lang)}

# --- the compact bar: previous / jump list / next, notes, files, order, exit
st.session_state["slide_jump"] = number
with st.container(horizontal=True, key="slide_bar", vertical_alignment="center", gap="small"):
    st.button(t("slides_previous", lang), key="slide_prev", icon=":material/chevron_left:",
              on_click=ss.step, args=(-1, count), disabled=number <= 1, shortcut="Left")
    st.selectbox(t("slides_jump", lang), list(range(1, count + 1)), key="slide_jump",
                 format_func=lambda n: f"{n}. {deck[n - 1].title}", label_visibility="collapsed", width=250,
                 on_change=lambda: ss.go_to(st.session_state["slide_jump"]))
    st.button(t("slides_next", lang), key="slide_next", icon=":material/chevron_right:",
              icon_position="right", on_click=ss.step, args=(1, count), disabled=number >= count,
              shortcut="Right", help=t("slides_keys_hint", lang))
    st.markdown(f'<span class="ub-counter">{t("slides_counter", lang, n=number, total=count)}</span>',
                unsafe_allow_html=True, width="content")
    st.toggle(t("slides_notes", lang), value=notes, key="slide_notes", help=t("slides_notes_help", lang),
              on_change=lambda: ss.set_notes(st.session_state["slide_notes"]))
    with st.popover(t("slides_downloads", lang), icon=":material/download:"):
        downloads(view, dataset, order, lang)
    with st.popover(t("slides_order_button", lang), icon=":material/reorder:"):
        order_panel(view, list(titles), order, titles, lang)
    if view.is_sample:
        st.badge(t("slides_sample_badge", lang), icon=":material/science:", color="orange")
    st.page_link("app_pages/overview.py", label=t("slides_exit", lang), icon=":material/close:")

# Clicker keys (PageDown / PageUp) and Home / End: hidden buttons with the same callbacks.
with st.container(key="slide_keys"):
    st.button("PageUp", key="slide_prev_page", on_click=ss.step, args=(-1, count), shortcut="PageUp")
    st.button("PageDown", key="slide_next_page", on_click=ss.step, args=(1, count), shortcut="PageDown")
    st.button("Home", key="slide_first", on_click=ss.go_to, args=(1,), shortcut="Home")
    st.button("End", key="slide_last", on_click=ss.go_to, args=(count,), shortcut="End")

# --- the slide
with st.container(key=f"slide_{slide.key}"):
    if slide.key == "title":
        ss.show_html(ss.title_html(slide, ss.title_qr(lang)))
    else:
        ss.show_html(ss.head_html(slide))
        # at the 1280×720 design's size, scaled with the slide by the page CSS (text included); beside
        # the speaker notes, filling its box
        fig = (slide_figure(slide.chart, dataset, lang, height=None) if notes else
               slide_figure(slide.chart, dataset, lang, width=SLIDE_CHART_WIDTHS[bool(slide.numbers)]))
        if fig is not None:
            with st.container(key="slide_phone"):  # a phone gets the dashboard's chart (CSS picks one)
                chart(phone_chart(slide.chart, dataset, lang), f"slide-phone-{slide.key}", lang,
                      show_table=False)
            with st.container(key="slide_hall"):
                left, right = st.columns([2.7, 1], gap="medium") if slide.numbers else (st.container(), None)
                with left, st.container(key="slide_chart_notes" if notes else "slide_chart",
                                        height=300 if notes else SLIDE_CHART_HEIGHT, border=False):
                    ss.hall_chart(fig, f"slide-chart-{slide.key}", notes, CHART_CONFIG)
                if right is not None:
                    with right:
                        ss.show_html(ss.numbers_html(slide.numbers))
        elif slide.numbers:
            ss.show_html(ss.numbers_html(slide.numbers, row=True))

if notes:
    ss.allow_scroll()
    with st.container(border=True, key="slide_notes_box"):
        st.markdown(f"**{t('slides_notes_heading', lang)}**")
        ss.show_html(ss.notes_html(slide.notes) if slide.notes else t("slides_notes_empty", lang))
