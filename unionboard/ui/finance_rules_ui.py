"""The finance page's "Quy định tài chính" section: each rule per year with its decision, and the limits chart."""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.i18n import t
from unionboard.present import rule_charts
from unionboard.ui.components import chart


def rules_section(view) -> None:
    """Rules checked on the whole data (a year needs the year before), shown for the years in view."""
    lang = view.lang
    st.subheader(t("rules_section", lang))
    st.caption(t("rules_intro", lang))
    results = [r for r in check_dataset(view.result.dataset) if not view.years or r.year in view.years]
    if not results:
        st.info(t("rules_none", lang))
        return
    counts = rule_charts.counts(results)
    summary = t("rules_summary", lang, **counts)
    if counts["violation"]:
        st.error(summary, icon=":material/error:")
    elif counts["not_checkable"]:
        st.warning(summary, icon=":material/help:")
    else:
        st.success(summary, icon=":material/check_circle:")
    built = rule_charts.rules_chart(results, lang)
    if built is not None:
        chart(built, "quy-dinh-tai-chinh", lang)
    st.dataframe(rule_charts.rules_table(results, lang), hide_index=True, width="stretch")
