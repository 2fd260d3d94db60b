"""Kế hoạch page helpers: saving edits as a new version (committee only), the what-if inputs, the balance series."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from unionboard.analysis import planning
from unionboard.core.i18n import t
from unionboard.core.text import format_number, parse_user_number
from unionboard.present import planning_charts as pc
from unionboard.publish import saving
from unionboard.ui.auth import current_user, is_committee
from unionboard.ui.components import issues_table, md_escape


def save_edit(view, name: str, data: bytes, domain: str, comment: str) -> None:
    """Check and publish an edited workbook; the sign-in is re-checked right before the write."""
    lang = view.lang
    if not is_committee():  # re-checked right before the write
        st.error(t("plan_sign_in_needed", lang))
        return
    by = current_user() or t("plan_by_default", lang)
    version = getattr(view.source.version, "id", None) if not view.is_sample else None
    outcome = saving.publish_checked(name, data, domain, by=by, comment=comment, expected_current=version)
    if not outcome.published:
        st.error(t("plan_save_stale" if outcome.reason == "stale" else "plan_save_errors", lang))
        if outcome.issues:
            issues_table(outcome.issues, lang)
        return
    st.session_state["plan_flash"] = t("plan_saved", lang, id=outcome.version_id)
    st.rerun()


def warning_text(warning: planning.BudgetWarning, lang: str) -> str:
    """The warning's sentence for Markdown: the item's name (from the workbook) shown as written."""
    return pc.warning_text(replace(warning, item=md_escape(warning.item)), lang)


def what_if_inputs(finance, year: int, lang: str) -> planning.Scenario:
    """Dues growth, upper-level allocation and spending per category for the next plan year."""
    defaults = planning.scenario_defaults(finance, year)
    left, right = st.columns(2)
    growth = _number_field(left, t("plan_whatif_dues", lang), 0.0, "wi_dues", lang, decimals=1)
    allocation = _number_field(right, t("plan_whatif_allocation", lang), defaults.allocation, "wi_alloc", lang)
    spending = {item: _number_field((left, right)[i % 2],
                                    t("plan_whatif_spending", lang, item=md_escape(item, inline=True)),
                                    amount, f"wi_spend_{i}", lang)
                for i, (item, amount) in enumerate(defaults.spending.items())}
    return planning.Scenario(year, float(growth), int(allocation), {k: int(v) for k, v in spending.items()})


def _number_field(container: object, label: str, default: float, key: str, lang: str,
                  decimals: int = 0) -> float:
    """A text field showing the number in the page's language ("15.740.000", "2,5" in Vietnamese;
    "15,740,000", "2.5" in English); what is typed is read by that language's rule (`parse_user_number`).
    Not a number by that rule (or negative money): the default, said, with how to write one."""
    shown = format_number(default, decimals, lang)
    _rewrite_in(key, lang, decimals)
    text = container.text_input(label, value=shown, key=key, help=t("number_input.format_hint", lang))
    value = parse_user_number(text, lang)
    if value is None or (decimals == 0 and value < 0):
        container.caption(t("plan_whatif_not_a_number", lang, value=md_escape(text, inline=True), default=shown)
                          + " " + t("number_input.format_hint", lang))
        return float(default)
    return value


def _rewrite_in(key: str, lang: str, decimals: int) -> None:
    """After a language switch, the field's typed text is written again in the new language ("1.500" typed
    in Vietnamese is 1,500 in English, never 1.5); a text the old language could not read is left to refuse."""
    written_in = st.session_state.get(f"{key}__lang", lang)
    st.session_state[f"{key}__lang"] = lang
    typed = st.session_state.get(key)
    if written_in == lang or typed is None:
        return
    value = parse_user_number(typed, written_in)
    if value is not None:
        places = next((d for d in range(decimals, 7) if round(value, d) == value), 6)
        st.session_state[key] = str(format_number(value, places, lang))


def projection_series(finance, budget, plan, what_if, end: int, year: int, lang: str) -> list:
    """The projected balance at the current pace, with the saved plan, and with the scenario."""
    series = [(t("plan_series_pace", lang), planning.projected_balance(finance, end))]
    if budget:
        series.append((t("plan_series_plan", lang), planning.projected_balance(finance, end, plan)))
    series.append((t("plan_series_scenario", lang, year=year), what_if))
    return series
