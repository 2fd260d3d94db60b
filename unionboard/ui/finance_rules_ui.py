"""The finance page's "Quy định tài chính" section: each rule per year with its decision, and the limits chart."""

from __future__ import annotations

import functools

import pandas as pd
import streamlit as st

from unionboard.analysis.finance_rules import check_dataset
from unionboard.analysis.rule_groups import load_groups, mappings, spending_by_group
from unionboard.core.i18n import t
from unionboard.core.text import format_dong
from unionboard.export.formats import MIME
from unionboard.export.rules_report import settlement_document
from unionboard.present import rule_charts
from unionboard.ui.components import chart, md_escape
from unionboard.ui.rule_groups_editor import groups_editor


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
    widths = {t("rules_col_status", lang): "medium", t("rules_col_rule", lang): "large"}
    st.dataframe(rule_charts.rules_table(results, lang), hide_index=True, width="stretch",
                 column_config={name: st.column_config.TextColumn(width=w) for name, w in widths.items()})
    groups_section(view)
    settlement_downloads(view)


def groups_section(view) -> None:
    """The mapping of the report's spending categories to rule groups, the unmapped ones named, totals by group."""
    lang = view.lang
    found = mappings(view.result.dataset)
    if not found:
        return
    st.markdown(f"**{t('groups_heading', lang)}**")
    st.caption(t("groups_intro", lang))
    unmapped = [m.item for m in found if m.group is None]
    if unmapped:
        st.warning(md_escape(t("groups_unmapped", lang, items=", ".join(f"“{i}”" for i in unmapped))))
    st.dataframe(pd.DataFrame({
        t("groups_col_item", lang): [m.item for m in found],
        t("groups_col_group", lang): [m.group.label(lang) if m.group else t("groups_none", lang) for m in found],
        t("groups_col_source", lang): [t(f"groups_source_{m.source}", lang) for m in found],
    }), hide_index=True, width="stretch")
    groups_editor(view, found)
    by_group = spending_by_group(view.result.dataset)
    labels = {g.id: g.label(lang) for g in load_groups()} | {"": t("groups_none", lang)}
    years = [y for y in sorted(by_group) if not view.years or y in view.years]
    frame = pd.DataFrame({t("groups_col_group", lang): list(labels.values())} | {
        str(y): [format_dong(by_group[y].get(k, 0), lang=lang) if k in by_group[y] else "" for k in labels] for y in years})
    st.dataframe(frame, hide_index=True, width="stretch")


def settlement_downloads(view) -> None:
    """The settlement summary of a chosen year (B07-TLĐ rows in the form's order) as Word and PDF."""
    forms = view.result.dataset.get("settlement") or ()
    if not forms:
        return
    lang = view.lang
    years = [form.year for form in forms]
    year = st.selectbox(t("settlement_pick", lang), years, index=len(years) - 1, key="settlement_year")
    for kind, label, mime in (("docx", "Word (.docx)", MIME["docx"]), ("pdf", "PDF", MIME["pdf"])):
        st.download_button(f"{t('settlement_title', lang, year=year)} — {label}",
                           functools.partial(settlement_document, view.result.dataset, year, kind, lang),
                           file_name=f"quyet-toan-{year}.{kind}", mime=mime, key=f"settlement-{kind}",
                           on_click="ignore")
