"""Tài chính: sources and categories by year and share, balance, the term waterfall, reconciliation, tables."""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.present import charts, tables
from unionboard.ui.components import chart, chart_grid, issues_table, missing_domain, page_header
from unionboard.ui.data import get_view
from unionboard.ui.finance_rules_ui import rules_section

view = get_view()
lang = view.lang
page_header(t("page_finance", lang), view)
finance = view.dataset.finance
if finance is None:
    missing_domain("finance", "Phần thu / Phần chi", lang)
    st.stop()

grid = chart_grid(2)
for builder, key in ((charts.revenue_by_year, "thu-theo-nam"), (charts.revenue_share, "co-cau-thu"),
                     (charts.spending_by_year, "chi-theo-nam"), (charts.spending_share, "co-cau-chi"),
                     (charts.balance_by_year, "thu-chi-ton"), (charts.term_waterfall, "thac-nuoc")):
    with grid.cell():
        chart(builder(finance, lang=lang), key, lang)

st.subheader(t("reconciliation", lang))
finance_issues = view.result.issues_for("finance")
if finance_issues:
    issues_table(finance_issues, lang)
else:
    st.success(t("reconciliation_ok", lang), icon=":material/check_circle:")

rules_section(view)

unit = st.segmented_control(t("unit_switch", lang), list(tables.UNITS), default="dong", key="finance_unit",
                            format_func=lambda u: t(f"unit_{u}", lang), required=True)
decimals = {"dong": 0, "thousand": 0, "million": 2}[unit]
for side in ("revenue", "spending"):
    st.markdown(f"**{t(side + '_table', lang)}**")
    frame = tables.finance_table(finance, side, unit, lang)
    st.dataframe(tables.formatted(frame, decimals, lang), hide_index=True, width="stretch")
