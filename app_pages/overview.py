"""Tổng quan: the congress at a glance — KPI cards, three headline charts, a summary to read aloud."""

import streamlit as st

from unionboard.analysis import findings
from unionboard.analysis.metrics import member_summary, target_counts
from unionboard.analysis.unknown import missing_text
from unionboard.core.i18n import t
from unionboard.core.text import format_dong, format_number
from unionboard.present import charts
from unionboard.ui.components import chart, chart_grid, md_escape, page_header, public_qr
from unionboard.ui.data import get_view

view = get_view()
lang, data = view.lang, view.dataset
# the union name and the sentences carry text from the workbook: shown as written, never as Markdown
page_header(md_escape(data.info.name) if data.info.name != "Công đoàn cơ sở" else t("app_title", lang), view)

cards = [*st.columns(3), *st.columns(3)]
if data.members is not None:
    members = member_summary(data.members)
    women = members["by_gender"].get("Nữ", 0)
    share = format_number(100 * women / members["total"], 1, lang) + "%" if members["total"] else "—"
    cards[0].metric(t("kpi_members", lang), format_number(members["total"], 0, lang),
                    t("kpi_members_delta", lang, women=women, share=share), delta_color="off", delta_arrow="off", border=True)
    party = members["party_members"]  # None: the data does not include it (unknown is not zero)
    cards[1].metric(t("kpi_party", lang), "—" if party is None else format_number(party, 0, lang),
                    missing_text("party_member", lang) if party is None else
                    t("kpi_party_delta", lang, women=members["party_members_female"]),
                    delta_color="off", delta_arrow="off", border=True)
if data.finance is not None:
    cards[3].metric(t("kpi_revenue", lang), format_dong(data.finance.total("revenue"), lang=lang), border=True)
    cards[4].metric(t("kpi_spending", lang), format_dong(data.finance.total("spending"), lang=lang), border=True)
    cards[5].metric(t("kpi_closing", lang), format_dong(data.finance.closing_balance, lang=lang), border=True)
if data.targets is not None:
    counts = target_counts(data.targets)
    met = counts["Đạt"] + counts["Vượt"]
    cards[2].metric(t("kpi_targets", lang), t("kpi_targets_value", lang, met=met, total=len(data.targets)),
                    t("kpi_targets_delta", lang, exceeded=counts["Vượt"]), delta_color="off", delta_arrow="off", border=True)

if not data.domains():
    st.warning(t("no_data_at_all", lang))
    st.stop()

grid = chart_grid(3)
if data.members is not None:
    with grid.cell():
        chart(charts.gender_donut(data.members, lang=lang), "gioi-tinh", lang)
if data.finance is not None:
    with grid.cell():
        chart(charts.revenue_share(data.finance, lang=lang), "nguon-thu", lang)
if data.targets is not None:
    with grid.cell():
        chart(charts.targets_status_donut(data.targets, lang=lang), "chi-tieu", lang)

st.subheader(t("summary_heading", lang))
st.markdown("\n".join(f"- {md_escape(sentence)}" for sentence in findings.overview_summary(data, lang)))

public_qr(lang)  # UNIONBOARD_PUBLIC_URL: opens this dashboard on a delegate's phone
