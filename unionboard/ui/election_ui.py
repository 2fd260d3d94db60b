"""Streamlit helpers of Đại hội › Kiểm phiếu: choose or set up an election, enter ballots, show the count.

Entries are written only by the signed-in committee (checked again in the form's callback) and only
after `analysis.congress` found nothing wrong; the store re-checks against what other counters entered
meanwhile. On the sample data with no election set up, the sample election is shown, labelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from unionboard.analysis.congress import (
    Election,
    ElectionResult,
    Entry,
    ballot_entry,
    count_election,
    sample_election,
    sample_entries,
    tally_entry,
)
from unionboard.core.i18n import t
from unionboard.export.congress_docx import minutes_docx
from unionboard.present.congress import progress_text, result_rows, result_sentences
from unionboard.store.congress import CongressError
from unionboard.ui.auth import can
from unionboard.ui.components import md_escape
from unionboard.ui.congress_ui import DOCX_MIME, congress_store, error_text, flash, who

PICK_KEY = "election_pick"


@dataclass(frozen=True)
class Count:
    """The election shown and its entries; `sample` when it is the labelled sample."""

    election: Election
    entries: tuple[Entry, ...]
    sample: bool

    @property
    def result(self) -> ElectionResult:
        """The count of the entries."""
        return count_election(self.election, self.entries)


def load_count(view, election_id: int | None = None) -> Count | None:
    """The election `election_id` (default: the one picked, else the latest), or the sample on sample data."""
    store = congress_store()
    elections = store.elections()
    if not elections:
        return Count(sample_election(), sample_entries(), True) if view.is_sample else None
    chosen = next((e for e in elections if e.id == election_id), elections[-1])
    return Count(chosen, store.entries(chosen.id), False)


def picker(view) -> int | None:
    """A select box of the elections set up (None when there is none)."""
    elections = congress_store().elections()
    if not elections:
        return None
    ids = [e.id for e in elections]
    titles = {e.id: e.title for e in elections}
    if st.session_state.get(PICK_KEY) not in ids:
        st.session_state[PICK_KEY] = ids[-1]
    return st.selectbox(t("elect_pick", view.lang), ids, key=PICK_KEY, format_func=lambda i: f"{i}. {titles[i]}")


# --------------------------------------------------------------------------- set-up


def _create(lang: str) -> None:
    if not can("setup_elections"):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    typed = [line.strip() for line in str(state.get("elect_typed", "")).splitlines()]
    candidates = [*state.get("elect_from_roster", []), *typed]
    try:
        election = congress_store().create_election(str(state.get("elect_title", "")), int(state.get("elect_seats", 0)),
                                                    candidates, int(state.get("elect_issued", 0)), who(lang))
    except CongressError as exc:
        flash("error", error_text(exc, lang))
        return
    state[PICK_KEY] = election.id
    flash("success", t("elect_created", lang, title=election.title))


def setup_form(view, names: list[str], default_issued: int) -> None:
    """The form that sets up a new election (committee only)."""
    lang = view.lang
    with st.form("elect_setup", clear_on_submit=False):
        st.text_input(t("elect_title", lang), key="elect_title", placeholder=t("elect_title_hint", lang))
        with st.container(horizontal=True):
            st.number_input(t("elect_seats", lang), min_value=1, max_value=200, value=5, step=1, key="elect_seats")
            st.number_input(t("elect_issued", lang), min_value=1, max_value=100_000, value=max(default_issued, 1),
                            step=1, key="elect_issued")
        st.multiselect(t("elect_from_roster", lang), names, key="elect_from_roster")
        st.text_area(t("elect_typed", lang), key="elect_typed", help=t("elect_typed_help", lang))
        st.form_submit_button(t("elect_create", lang), icon=":material/how_to_vote:", on_click=_create, args=(lang,))


# --------------------------------------------------------------------------- entering ballots


def _add(election: Election, entry: Entry | None, problems: list, lang: str, keys: list[str]) -> None:
    """Store the entry; the form keeps what was typed after a refusal and is emptied after success."""
    if problems or entry is None:
        flash("error", error_text(CongressError(problems), lang))
        return
    try:
        saved = congress_store().add_entry(election.id, entry, who(lang))
    except CongressError as exc:
        flash("error", error_text(exc, lang))
        return
    for key in keys:
        st.session_state[key] = type(st.session_state.get(key, 0))()  # False / 0
    flash("success", t(f"elect_saved_{saved.mode}", lang, n=saved.returned, id=saved.id))


def _add_ballot(election: Election, lang: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    crossed = [c for i, c in enumerate(election.candidates) if state.get(f"ballot_cross_{election.id}_{i}")]
    entry, problems = ballot_entry(election, not state.get(f"ballot_invalid_{election.id}"), crossed)
    keys = [f"ballot_cross_{election.id}_{i}" for i in range(len(election.candidates))]
    _add(election, entry, problems, lang, [*keys, f"ballot_invalid_{election.id}"])


def _add_tally(election: Election, lang: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    base = f"tally_{election.id}"
    votes = {c: int(state.get(f"{base}_{i}", 0)) for i, c in enumerate(election.candidates)}
    entry, problems = tally_entry(election, int(state.get(f"{base}_returned", 0)), int(state.get(f"{base}_valid", 0)),
                                  int(state.get(f"{base}_invalid", 0)), {c: n for c, n in votes.items() if n})
    keys = [f"{base}_{key}" for key in ("returned", "valid", "invalid", *range(len(election.candidates)))]
    _add(election, entry, problems, lang, keys)


def ballot_form(election: Election, lang: str) -> None:
    """One ballot at a time: tick the names crossed out, or mark the ballot invalid."""
    with st.form(f"ballot_{election.id}"):
        st.caption(t("elect_ballot_help", lang, seats=election.seats))
        for i, name in enumerate(election.candidates):
            st.checkbox(t("elect_crossed", lang, name=name), key=f"ballot_cross_{election.id}_{i}")
        st.checkbox(t("elect_invalid_ballot", lang), key=f"ballot_invalid_{election.id}")
        st.form_submit_button(t("elect_save_ballot", lang), type="primary", icon=":material/add_task:",
                              on_click=_add_ballot, args=(election, lang))


def tally_form(election: Election, lang: str) -> None:
    """A counter's tally of a batch: ballots returned, valid, invalid, and the votes per candidate."""
    base = f"tally_{election.id}"
    with st.form(base):
        with st.container(horizontal=True):
            for key in ("returned", "valid", "invalid"):
                st.number_input(t(f"elect_{key}", lang), min_value=0, step=1, key=f"{base}_{key}")
        for i, name in enumerate(election.candidates):
            st.number_input(t("elect_votes_of", lang, name=name), min_value=0, step=1, key=f"{base}_{i}")
        st.form_submit_button(t("elect_save_tally", lang), type="primary", icon=":material/add_task:",
                              on_click=_add_tally, args=(election, lang))


def _void(election: Election, entry: Entry, lang: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    done = congress_store().void_entry(election.id, entry.id, who(lang))
    flash("success" if done else "error", t("elect_voided" if done else "elect_void_gone", lang, id=entry.id))


def entries_panel(count: Count, lang: str, shown: int = 20) -> None:
    """The latest entries with who and when, each with a button that cancels it (entered by mistake)."""
    with st.expander(t("elect_entries_heading", lang, n=len(count.entries)), icon=":material/history:"):
        for entry in reversed(count.entries[-shown:]):
            kept = ", ".join(name for name, _n in entry.votes) if entry.mode == "ballot" else ", ".join(
                f"{name}: {n}" for name, n in entry.votes)
            key = "elect_entry_invalid" if entry.mode == "ballot" and not entry.valid else f"elect_entry_{entry.mode}"
            text = t(key, lang, id=entry.id, by=entry.by, valid=entry.valid,
                     invalid=entry.invalid, votes=kept or "—")
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(md_escape(text), width="stretch")
                st.button(t("elect_void", lang), key=f"elect_void_{entry.id}", icon=":material/undo:",
                          on_click=_void, args=(count.election, entry, lang))


# --------------------------------------------------------------------------- the result


def result_section(count: Count, view) -> None:
    """Progress, the table by votes, the outcome in sentences, any inconsistency, the minutes."""
    lang, result = view.lang, count.result
    st.progress(min(result.returned / result.election.issued, 1.0) if result.election.issued else 0.0,
                text=progress_text(result, lang))
    with st.container(horizontal=True):
        for key, value in (("elect_issued", result.election.issued), ("elect_returned", result.returned),
                           ("elect_valid", result.valid), ("elect_invalid", result.invalid),
                           ("elect_seats", result.election.seats)):
            st.metric(t(key, lang), value, border=True)
    frame = pd.DataFrame(result_rows(result, lang), columns=[
        t("elect_col_rank", lang), t("congress_col_name", lang), t("elect_col_votes", lang),
        t("elect_col_share", lang), t("elect_col_outcome", lang)])
    st.dataframe(frame, hide_index=True, width="stretch")
    for problem in result.problems:
        st.error(t(problem.code, lang, **dict(problem.params)), icon=":material/error:")
    if result.complete:
        for sentence in result_sentences(result, lang) or [t("elect_nobody", lang)]:
            st.markdown(md_escape(sentence))
    else:
        st.caption(t("elect_not_final", lang, n=result.remaining))
    with st.container(horizontal=True):
        st.download_button(t("elect_download_minutes", lang), minutes_docx(result, view.result.dataset.info),
                           file_name="bien-ban-kiem-phieu.docx", mime=DOCX_MIME, icon=":material/description:",
                           on_click="ignore", key="elect_docx")
        params = {"show": "election"} | ({} if count.sample else {"election": str(count.election.id)})
        st.page_link("app_pages/hall.py", label=t("congress_hall_link", lang), icon=":material/tv:",
                     query_params=params)
