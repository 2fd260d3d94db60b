"""Chỉ tiêu & Thành tích: each target against its result, qualitative targets as badges, awards by level and year."""

import streamlit as st

from unionboard.core.i18n import t, value_label
from unionboard.present import charts, tables
from unionboard.ui.components import chart, chart_grid, missing_domain, page_header, text_table
from unionboard.ui.data import get_view

BADGE_COLORS = {"Vượt": "blue", "Đạt": "green", "Chưa đạt": "orange"}

view = get_view()
lang, data = view.lang, view.dataset
page_header(t("page_targets", lang), view)

st.subheader(t("targets_heading", lang))
if data.targets is None:
    missing_domain("targets", "Chỉ tiêu", lang)
else:
    chart(charts.targets_bullets(data.targets, lang=lang), "chi-tieu", lang,
          table=tables.targets_table(data.targets, lang))
    grid = chart_grid(2)
    with grid.cell():
        chart(charts.targets_status_donut(data.targets, lang=lang), "danh-gia", lang, show_table=False)
    qualitative = [target for target in data.targets if target.qualitative]
    if qualitative:
        with grid.cell():
            st.markdown(f"**{t('qualitative_heading', lang)}**")
            for target in qualitative:
                with st.container(horizontal=True, vertical_alignment="center"):
                    st.badge(value_label(target.status, lang), color=BADGE_COLORS.get(target.status, "gray"))
                    st.text(f"{t('group', lang, group=target.group)} · {target.text} — {target.result}")
    # a static table: its cells wrap (a data grid cut "Vững mạnh" mid-word at 1280 px)
    text_table(tables.targets_table(data.targets, lang))

st.subheader(t("awards_heading", lang))
if data.awards is None:
    missing_domain("awards", "Khen thưởng", lang)
else:
    grid = chart_grid(2)
    with grid.cell():
        chart(charts.awards_by_level(data.awards, lang=lang), "khen-thuong-cap", lang)
    with grid.cell():
        chart(charts.awards_by_year(data.awards, lang=lang), "khen-thuong-nam", lang)
