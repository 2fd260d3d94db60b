"""The finance page's "Quy định tài chính" section: each rule per year with its decision, and the limits chart."""

from __future__ import annotations

import functools

import streamlit as st

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.i18n import t
from unionboard.export.rules_report import settlement_document
from unionboard.present import rule_charts
from unionboard.ui.components import chart
from unionboard.ui.slide_admin import DOCX_MIME


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
    settlement_downloads(view)


def settlement_downloads(view) -> None:
    """The settlement summary of a chosen year (B07-TLĐ rows in the form's order) as Word and PDF."""
    forms = view.result.dataset.get("settlement") or ()
    if not forms:
        return
    lang = view.lang
    years = [form.year for form in forms]
    year = st.selectbox(t("settlement_pick", lang), years, index=len(years) - 1, key="settlement_year")
    for kind, label, mime in (("docx", "Word (.docx)", DOCX_MIME), ("pdf", "PDF", "application/pdf")):
        st.download_button(f"{t('settlement_title', lang, year=year)} — {label}",
                           functools.partial(settlement_document, view.result.dataset, year, kind, lang),
                           file_name=f"quyet-toan-{year}.{kind}", mime=mime, key=f"settlement-{kind}",
                           on_click="ignore")
