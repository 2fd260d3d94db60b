"""Streamlit helpers of Đại hội › Kiểm phiếu beyond entering ballots: the double-entry comparison (and the
board's resolution), closing the count with the ballots collected, and the one-step new round (a tie at
the last seat) or supplementary round (seats left unfilled), linked to the election they follow.

Every write is the signed-in committee's, checked again in the callback, and carries a one-time key.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from unionboard.analysis.congress import Round, runoff, supplementary
from unionboard.analysis.double_entry import AGREED, DISAGREE, RESOLVED, Batch, batches
from unionboard.core.i18n import t
from unionboard.present.congress import reason_label
from unionboard.store.congress import CongressError, Duplicate
from unionboard.ui.auth import is_committee
from unionboard.ui.components import md_escape
from unionboard.ui.congress_ui import congress_store, error_text, flash, once, used, who
from unionboard.ui.election_ui import PICK_KEY, Count

STATUS_ICONS = {AGREED: ":material/check_circle:", RESOLVED: ":material/gavel:", DISAGREE: ":material/error:",
                "waiting": ":material/hourglass_top:"}


def _allowed(lang: str) -> bool:
    if not is_committee():
        flash("error", t("congress_sign_in_to_write", lang))
        return False
    return True


def _figure_label(figure: str, lang: str) -> str:
    if figure.startswith("reason:"):
        return reason_label(figure.split(":", 1)[1], lang)
    if figure in ("returned", "valid", "invalid"):
        return t(f"elect_{figure}", lang)
    return figure


def comparison_rows(batch: Batch, lang: str) -> tuple[list[str], list[tuple[str, ...]]]:
    """The comparison table of a batch: headers (the figure, then "Mục 3 · Kiểm phiếu 1" per entry) and one
    row per disagreeing figure with each entry's value."""
    headers = [t("de_col_figure", lang), *(t("elect_entry_short", lang, id=e.id, by=e.by) for e in batch.entries)]
    rows = []
    for d in batch.disagreements:
        values = {entry_id: v for _by, entry_id, v in d.values}
        rows.append((_figure_label(d.figure, lang), *(str(values.get(e.id, 0)) for e in batch.entries)))
    return headers, rows


def _resolve(count: Count, batch: int, lang: str, key: str) -> None:
    if not _allowed(lang):
        return
    state = st.session_state
    try:
        congress_store().resolve(count.election.id, batch, int(state.get(f"de_pick_{batch}") or 0), who(lang),
                                 str(state.get(f"de_reason_{batch}", "")), submission=key)
    except CongressError as exc:
        flash("info" if isinstance(exc, Duplicate) else "error", error_text(exc, lang))
        return
    used(f"de_resolve_{batch}")
    flash("success", t("de_resolved", lang, batch=batch))


def comparison(count: Count, lang: str) -> None:
    """Double entry: each batch with its state; the disagreements by figure and counter; the board's choice."""
    if count.election.required <= 1 or count.sample:
        return
    st.markdown(f"**{t('de_heading', lang, n=count.election.required)}**")
    found = batches(count.election, count.entries, count.resolutions)
    if not found:
        st.caption(t("de_none", lang))
    for batch in found:
        label = t(f"de_status_{batch.status}", lang, batch=batch.number, n=len(batch.entries))
        with st.expander(label, icon=STATUS_ICONS[batch.status], expanded=batch.status == DISAGREE):
            if batch.disagreements:
                headers, rows = comparison_rows(batch, lang)
                st.dataframe(pd.DataFrame(rows, columns=headers), hide_index=True)
            if batch.resolution is not None:
                r = batch.resolution
                st.markdown(md_escape(t("de_resolution", lang, id=r.entry_id, by=r.by, reason=r.reason)))
            if batch.status == DISAGREE and is_committee():
                ids = [e.id for e in batch.entries]
                by = {e.id: e.by for e in batch.entries}
                st.radio(t("de_pick", lang), ids, key=f"de_pick_{batch.number}", horizontal=True,
                         format_func=lambda i, by=by: t("elect_entry_short", lang, id=i, by=by[i]))
                st.text_input(t("de_reason", lang), key=f"de_reason_{batch.number}", max_chars=200)
                st.button(t("de_resolve", lang), key=f"de_resolve_btn_{batch.number}", on_click=_resolve,
                          args=(count, batch.number, lang, once(f"de_resolve_{batch.number}")))


def _close(count: Count, lang: str) -> None:
    if not _allowed(lang):
        return
    if not st.session_state.get(f"elect_close_ok_{count.election.id}"):
        flash("error", t("elect_close_unconfirmed", lang))
        return
    congress_store().close_election(count.election.id, who(lang))
    flash("success", t("elect_closed", lang, by=who(lang)))


def close_panel(count: Count, lang: str) -> None:
    """Close the count with the ballots collected (asks a confirmation); the rest are "not collected"."""
    result = count.result
    if count.sample or result.complete or not is_committee():
        return
    with st.popover(t("elect_close", lang), icon=":material/lock_clock:"):
        st.caption(t("elect_close_help", lang, n=result.remaining))
        st.checkbox(t("elect_close_confirm", lang), key=f"elect_close_ok_{count.election.id}")
        st.button(t("elect_close", lang), key=f"elect_close_{count.election.id}", type="primary",
                  on_click=_close, args=(count, lang))


def _new_round(found: Round, issued: int, lang: str, key: str) -> None:
    if not _allowed(lang):
        return
    try:
        election = congress_store().create_election(found.title, found.seats, found.candidates, issued, who(lang),
                                                    kind=found.kind, parent=found.parent, submission=key)
    except CongressError as exc:
        flash("info" if isinstance(exc, Duplicate) else "error", error_text(exc, lang))
        return
    used(f"round_{found.parent}_{found.reason}")
    st.session_state[PICK_KEY] = election.id
    flash("success", t("elect_round_created", lang, title=election.title, seats=election.seats,
                       n=len(election.candidates)))


def rounds_panel(count: Count, lang: str) -> None:
    """A tie at the last seat or seats left unfilled: the linked round, set up in one step."""
    result = count.result
    if count.sample or not is_committee():
        return
    for found, label in ((runoff(result), "elect_runoff"), (supplementary(result), "elect_supplementary")):
        if found is None:
            continue
        st.button(t(label, lang, n=found.seats), key=f"elect_{found.reason}_{count.election.id}",
                  icon=":material/replay:", on_click=_new_round,
                  args=(found, result.returned, lang, once(f"round_{found.parent}_{found.reason}")))
