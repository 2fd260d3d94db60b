"""Tài chính: sources and categories by year and share, balance, the term waterfall, reconciliation, tables."""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.present import charts, tables
from unionboard.ui.components import chart, issues_table, missing_domain, page_header
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
page_header(t("page_finance", lang), view)
finance = view.dataset.finance
if finance is None:
    missing_domain("finance", "Phần thu / Phần chi", lang)
    st.stop()

left, right = st.columns([3, 2])
with left:
    chart(charts.revenue_by_year(finance, lang=lang), "thu-theo-nam", lang)
with right:
    chart(charts.revenue_share(finance, lang=lang), "co-cau-thu", lang)
left, right = st.columns([3, 2])
with left:
    chart(charts.spending_by_year(finance, lang=lang), "chi-theo-nam", lang)
with right:
    chart(charts.spending_share(finance, lang=lang), "co-cau-chi", lang)
left, right = st.columns(2)
with left:
    chart(charts.balance_by_year(finance, lang=lang), "thu-chi-ton", lang)
with right:
    chart(charts.term_waterfall(finance, lang=lang), "thac-nuoc", lang)

st.subheader(t("reconciliation", lang))
finance_issues = view.result.issues_for("finance")
if finance_issues:
    issues_table(finance_issues, lang)
else:
    st.success(t("reconciliation_ok", lang), icon=":material/check_circle:")

unit = st.segmented_control(t("unit_switch", lang), list(tables.UNITS), default="dong", key="finance_unit",
                            format_func=lambda u: t(f"unit_{u}", lang), required=True)
decimals = {"dong": 0, "thousand": 0, "million": 2}[unit]
for side in ("revenue", "spending"):
    st.markdown(f"**{t(side + '_table', lang)}**")
    frame = tables.finance_table(finance, side, unit, lang)
    st.dataframe(tables.formatted(frame, decimals), hide_index=True, width="stretch")
