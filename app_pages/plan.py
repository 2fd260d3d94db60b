"""Ban chấp hành › Kế hoạch: term targets year by year (results edited after sign-in) and the budget against actuals."""


import streamlit as st

from unionboard.analysis import planning
from unionboard.core.i18n import t
from unionboard.core.text import format_dong
from unionboard.domains import term_status
from unionboard.export import planning as px
from unionboard.present import planning_charts as pc
from unionboard.ui.auth import is_committee, sign_in_form
from unionboard.ui.components import chart, missing_domain, page_header, text_table
from unionboard.ui.data import get_view
from unionboard.ui.planning_ui import projection_series, save_edit, warning_text, what_if_inputs

view = get_view()
lang = view.lang
dataset = view.result.dataset  # the whole term: the sidebar's year range does not apply here


def sign_in_prompt(key: str) -> None:
    st.info(t("plan_sign_in_needed", lang), icon=":material/lock:")
    if key == "targets":
        sign_in_form(lang)


page_header(t("page_plan", lang), view)
if flash := st.session_state.pop("plan_flash", None):
    st.success(flash, icon=":material/check_circle:")
tab_targets, tab_budget = st.tabs([t("plan_tab_targets", lang), t("plan_tab_budget", lang)])

with tab_targets:
    targets = dataset.term_targets
    if targets is None:
        missing_domain("term_targets", px.TERM_TARGETS_SHEET, lang)
    else:
        years = term_status.term_years(dataset.info, targets)
        items = term_status.progress(targets, years, term_status.latest_year(targets))  # later years: "chưa đến"
        kpis = st.grid(4, min_column_width=150)  # four across, two by two on a phone
        for key, n in zip(("total", "behind", "on_track", "no_data"), (
                len(items), sum(p.on_track is False for p in items), sum(p.on_track is True for p in items),
                sum(p.on_track is None for p in items)), strict=True):
            kpis.metric(t(f"plan_kpi_{key}", lang), n)
        if years:
            st.caption(t("plan_years_caption", lang, first=years[0], last=years[-1]))
        if view.is_sample:
            st.info(t("plan_sample_results", lang), icon=":material/science:")
        chart(pc.status_heatmap(items, years, lang), "chi-tieu-nhiem-ky", lang)
        text_table(pc.data_progress(items, lang))  # long target texts wrap (a grid cuts them mid-word)
        st.subheader(t("plan_edit_heading", lang))
        frame = px.targets_sheet_frame(targets, years)
        if is_committee():
            editable = px.editable_columns(frame)
            edited = st.data_editor(frame, key="plan_results", hide_index=True, width="stretch",
                                    disabled=[c for c in frame.columns if c not in editable])
            if st.button(t("plan_save_results", lang), type="primary", key="plan_save_results"):
                if edited.fillna("").astype(str).equals(frame.fillna("").astype(str)):
                    st.info(t("plan_no_changes", lang))
                else:
                    save_edit(view, px.TERM_TARGETS_FILE, px.dataset_with_results(dataset, edited), "term_targets",
                         t("plan_comment_results", lang))
        else:
            sign_in_prompt("targets")

with tab_budget:
    finance, budget = dataset.finance, dataset.budget
    if budget is None:
        missing_domain("budget", px.BUDGET_SHEET, lang)
    warnings = planning.budget_warnings(budget, finance)
    for warning in (w for w in warnings if w.kind != "over_plan"):
        st.warning(warning_text(warning, lang), icon=":material/warning:")
    if over := [w for w in warnings if w.kind == "over_plan"]:
        with st.expander(t("plan_warn_over_plan_heading", lang, n=len(over)), icon=":material/warning:"):
            for warning in over:
                st.markdown("- " + warning_text(warning, lang))
    if budget is not None:
        totals = planning.plan_totals(budget, finance)
        for col, side in zip(st.columns(2), ("revenue", "spending"), strict=True):
            with col:
                chart(pc.plan_vs_actual(totals, side, lang), f"ke-hoach-{side}", lang)
        with st.expander(t("plan_variance_heading", lang)):
            st.dataframe(pc.data_variance(planning.plan_vs_actual(budget, finance), lang),
                         hide_index=True, width="stretch")
    if finance is None or not finance.years:
        st.info(t("plan_no_finance", lang))
    else:
        term = term_status.targets_term(dataset.info, dataset.term_targets or ())
        year = planning.next_plan_year(finance, budget)
        end = max(term[1] if term else 0, year)
        plan = planning.plan_by_year(budget or ())
        balance_slot = st.container()
        st.subheader(t("plan_whatif_heading", lang, year=year))
        scenario = what_if_inputs(finance, year, lang)
        lines = planning.scenario_lines(finance, scenario)
        what_if = planning.projected_balance(finance, end, {**plan, **planning.plan_by_year(lines)})
        series = projection_series(finance, budget, plan, what_if, end, year, lang)
        with balance_slot:
            chart(pc.projected_balance(series, lang), "so-du-du-bao", lang)
        row = what_if[what_if["year"] == year].iloc[0]
        st.markdown(t("plan_whatif_result", lang, year=year, revenue=format_dong(row["revenue"]),
                      spending=format_dong(row["spending"]), balance=format_dong(row["balance"])))
        if is_committee():
            if st.button(t("plan_whatif_save", lang, year=year), key="plan_save_budget"):
                save_edit(view, px.BUDGET_FILE, px.budget_with_plan(dataset, year, lines), "budget",
                     t("plan_comment_budget", lang, year=year))
        else:
            sign_in_prompt("budget")
