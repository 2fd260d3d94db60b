"""Streamlit helpers of Đại hội › Kiểm phiếu: choose or set up an election, enter ballots, show the count.

Entries are written only by the signed-in committee (checked again in the form's callback) and only
after `analysis.congress` found nothing wrong; the store re-checks against what other counters entered
meanwhile. Every form carries a one-time key (`congress_ui.once`), bound to the form as the browser
showed it: a double click or a resend is refused by the store and said so. A ticked ballot is classified
by the program (valid, or invalid with its reason). On the sample data with no election set up, the
sample election is shown, labelled.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from unionboard.analysis import ballots as ballot_rules
from unionboard.analysis.congress import (
    CHAIR,
    KINDS_OF_ELECTION,
    NAME_MAX,
    Election,
    ElectionResult,
    Entry,
    ballot_entry,
    sample_election,
    sample_entries,
    tally_entry,
)
from unionboard.analysis.double_entry import Resolution, counted_result
from unionboard.core.i18n import t
from unionboard.export.congress_docx import minutes_docx
from unionboard.present.congress import (
    invalid_sentence,
    progress_text,
    reason_label,
    result_rows,
    result_sentences,
    rule_sentences,
)
from unionboard.store.congress import CongressError, Duplicate
from unionboard.ui.auth import can
from unionboard.ui.components import md_escape
from unionboard.ui.congress_ui import DOCX_MIME, congress_store, error_text, flash, once, used, who

PICK_KEY = "election_pick"


@dataclass(frozen=True)
class Count:
    """The election shown and its entries; `sample` when it is the labelled sample."""

    election: Election
    entries: tuple[Entry, ...]
    sample: bool
    resolutions: tuple[Resolution, ...] = ()
    voided: tuple[Entry, ...] = ()  # every entry, cancelled ones included (the entry log)

    @property
    def result(self) -> ElectionResult:
        """The count of what is counted (at double entry: the agreed or resolved batches)."""
        return counted_result(self.election, self.entries, self.resolutions)


def load_count(view, election_id: int | None = None) -> Count | None:
    """The election `election_id` (default: the one picked, else the latest), or the sample on sample data."""
    store = congress_store()
    elections = store.elections()
    if not elections:
        return Count(sample_election(), sample_entries(), True) if view.is_sample else None
    chosen = next((e for e in elections if e.id == election_id), elections[-1])
    return Count(chosen, store.entries(chosen.id), False, store.resolutions(chosen.id),
                 store.entries(chosen.id, include_voided=True))


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


def _refused(exc: CongressError, lang: str) -> None:
    """A refused write: an info line for a repeat (nothing stored twice), else the problems."""
    flash("info" if isinstance(exc, Duplicate) else "error", error_text(exc, lang))


def _create(lang: str, key: str, present: int) -> None:
    if not can("setup_elections"):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    typed = [line.strip() for line in str(state.get("elect_typed", "")).splitlines()]
    candidates = [*state.get("elect_from_roster", []), *typed]
    kind = str(state.get("elect_kind") or KINDS_OF_ELECTION[0])
    seats = 1 if kind == CHAIR else int(state.get("elect_seats", 0))
    try:
        election = congress_store().create_election(
            str(state.get("elect_title", "")), seats, candidates, int(state.get("elect_issued", 0)), who(lang),
            kind=kind, required=int(state.get("elect_required", 1)), present=present, submission=key)
    except CongressError as exc:
        _refused(exc, lang)
        return
    used("elect_setup")
    state[PICK_KEY] = election.id
    flash("success", t("elect_created", lang, title=election.title))


def setup_form(view, names: list[str], default_issued: int) -> None:
    """The form that sets up a new election (committee only): what, the chair directly (one seat), seats,
    ballots issued, candidates, and how many independent entries of every batch."""
    lang = view.lang
    with st.form("elect_setup", clear_on_submit=False):
        st.text_input(t("elect_title", lang), key="elect_title", placeholder=t("elect_title_hint", lang),
                      max_chars=NAME_MAX)
        st.radio(t("elect_kind", lang), KINDS_OF_ELECTION, key="elect_kind", horizontal=True,
                 format_func=lambda k: t(f"elect_kind_{k}", lang))
        st.caption(t("elect_chair_note", lang))
        with st.container(horizontal=True):
            st.number_input(t("elect_seats", lang), min_value=1, max_value=200, value=5, step=1, key="elect_seats")
            st.number_input(t("elect_issued", lang), min_value=1, max_value=100_000, value=max(default_issued, 1),
                            step=1, key="elect_issued")
            st.selectbox(t("elect_required", lang), (1, 2, 3), key="elect_required",
                         format_func=lambda n: t(f"elect_required_{n}", lang))
        st.multiselect(t("elect_from_roster", lang), names, key="elect_from_roster")
        st.text_area(t("elect_typed", lang), key="elect_typed", help=t("elect_typed_help", lang))
        key = once("elect_setup")
        st.form_submit_button(t("elect_create", lang), icon=":material/how_to_vote:", on_click=_create,
                              args=(lang, key, default_issued), key=f"elect_setup_go_{key}")


# --------------------------------------------------------------------------- entering ballots


def _add(election: Election, entry: Entry | None, problems: list, lang: str, keys: list[str], form: str,
         key: str) -> None:
    """Store the entry once (`key`: the form's one-time key); the form keeps what was typed after a
    refusal and is emptied after success."""
    if problems or entry is None:
        flash("error", error_text(CongressError(problems), lang))
        return
    try:
        saved = congress_store().add_entry(election.id, entry, who(lang), submission=key)
    except CongressError as exc:
        _refused(exc, lang)
        if isinstance(exc, Duplicate):  # what the form holds is stored already: empty it
            _clear(keys)
        return
    used(form)
    _clear(keys)
    if saved.mode == "ballot" and saved.invalid:
        flash("success", t("elect_saved_invalid", lang, reason=reason_label(saved.reasons[0][0], lang), id=saved.id))
    else:
        flash("success", t(f"elect_saved_{saved.mode}", lang, n=saved.returned, id=saved.id))


def _clear(keys: list[str]) -> None:
    for name in keys:
        st.session_state[name] = type(st.session_state.get(name, 0))()  # False / 0


FLAGS = ("added", "unclear", "private_mark", "not_issued")


def _add_ballot(election: Election, lang: str, key: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state, base = st.session_state, f"ballot_{election.id}"
    crossed = [c for i, c in enumerate(election.candidates) if state.get(f"ballot_cross_{election.id}_{i}")]
    flags = {flag: bool(state.get(f"{base}_{flag}")) for flag in FLAGS}
    entry, problems = ballot_entry(election, not state.get(f"ballot_invalid_{election.id}"), crossed,
                                   reason=str(state.get(f"{base}_reason") or ballot_rules.OTHER),
                                   batch=int(state.get(f"{base}_batch", 0) or 0), **flags)
    keys = [f"ballot_cross_{election.id}_{i}" for i in range(len(election.candidates))]
    _add(election, entry, problems, lang, [*keys, f"ballot_invalid_{election.id}", *(f"{base}_{f}" for f in FLAGS)],
         base, key)


def _add_tally(election: Election, lang: str, key: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    base = f"tally_{election.id}"
    votes = {c: int(state.get(f"{base}_{i}", 0)) for i, c in enumerate(election.candidates)}
    reasons = {r: int(state.get(f"{base}_reason_{r}", 0) or 0) for r in ballot_rules.REASONS}
    entry, problems = tally_entry(election, int(state.get(f"{base}_returned", 0)), int(state.get(f"{base}_valid", 0)),
                                  int(state.get(f"{base}_invalid", 0)), {c: n for c, n in votes.items() if n},
                                  reasons=reasons, batch=int(state.get(f"{base}_batch", 0) or 0))
    keys = [f"{base}_{key}" for key in ("returned", "valid", "invalid", *range(len(election.candidates)),
                                        *(f"reason_{r}" for r in ballot_rules.REASONS))]
    _add(election, entry, problems, lang, keys, base, key)


def _batch_input(election: Election, base: str, lang: str) -> None:
    if election.required > 1:
        st.number_input(t("elect_batch", lang), min_value=1, step=1, value=1, key=f"{base}_batch",
                        help=t("elect_batch_help", lang, n=election.required))


def ballot_form(election: Election, lang: str) -> None:
    """One ballot at a time: tick the names crossed out and any mark that voids it; the program classifies
    the ballot. Or record it invalid directly, with the reason."""
    base = f"ballot_{election.id}"
    _batch_input(election, base, lang)  # outside the form: it stays while the form is emptied
    with st.form(base, clear_on_submit=True):  # the browser empties it at once: a second click sends no ballot
        st.caption(t("elect_ballot_help", lang, seats=election.seats))
        for i, name in enumerate(election.candidates):
            st.checkbox(md_escape(t("elect_crossed", lang, name=name), inline=True), key=f"ballot_cross_{election.id}_{i}")
        with st.container(horizontal=True):
            for flag in FLAGS:
                st.checkbox(t(f"elect_flag_{flag}", lang), key=f"{base}_{flag}")
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.checkbox(t("elect_invalid_ballot", lang), key=f"ballot_invalid_{election.id}")
            st.selectbox(t("elect_invalid_reason", lang), ballot_rules.REASONS, key=f"{base}_reason",
                         format_func=lambda r: reason_label(r, lang), index=len(ballot_rules.REASONS) - 1)
        key = once(base)
        st.form_submit_button(t("elect_save_ballot", lang), type="primary", icon=":material/add_task:",
                              on_click=_add_ballot, args=(election, lang, key), key=f"{base}_go_{key}")


def tally_form(election: Election, lang: str) -> None:
    """A counter's tally of a batch: ballots returned, valid, invalid (by reason), the votes per candidate."""
    base = f"tally_{election.id}"
    with st.form(base):
        _batch_input(election, base, lang)
        with st.container(horizontal=True):
            for key in ("returned", "valid", "invalid"):
                st.number_input(t(f"elect_{key}", lang), min_value=0, step=1, key=f"{base}_{key}")
        for i, name in enumerate(election.candidates):
            st.number_input(md_escape(t("elect_votes_of", lang, name=name), inline=True), min_value=0, step=1,
                            key=f"{base}_{i}")
        with st.expander(t("elect_tally_reasons", lang)), st.container(horizontal=True):
            for reason in ballot_rules.REASONS:
                st.number_input(reason_label(reason, lang), min_value=0, step=1, key=f"{base}_reason_{reason}",
                                width=180)
        key = once(base)
        st.form_submit_button(t("elect_save_tally", lang), type="primary", icon=":material/add_task:",
                              on_click=_add_tally, args=(election, lang, key), key=f"{base}_go_{key}")


def _void(election: Election, entry: Entry, lang: str) -> None:
    if not can("enter_ballots", election.id):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    try:
        done = congress_store().void_entry(election.id, entry.id, who(lang),
                                           reason=str(st.session_state.get(f"elect_void_reason_{entry.id}", "")))
    except CongressError as exc:
        flash("error", error_text(exc, lang))
        return
    flash("success" if done else "error", t("elect_voided" if done else "elect_void_gone", lang, id=entry.id))


def entry_text(entry: Entry, lang: str) -> str:
    """One entry of the log in words: number, batch, who, what (cancelled: by whom and why)."""
    if entry.mode == "ballot" and entry.invalid:
        kept = reason_label(entry.reasons[0][0] if entry.reasons else ballot_rules.UNSPECIFIED, lang)
    else:
        kept = ", ".join(name if entry.mode == "ballot" else f"{name}: {n}" for name, n in entry.votes)
    key = "elect_entry_invalid" if entry.mode == "ballot" and not entry.valid else f"elect_entry_{entry.mode}"
    text = t(key, lang, id=entry.id, by=entry.by, valid=entry.valid, invalid=entry.invalid, votes=kept or "—")
    if entry.batch:
        text = f"{t('elect_batch', lang)} {entry.batch} · {text}"
    if entry.voided_at:
        text += " · " + t("elect_voided_by", lang, by=entry.voided_by, reason=entry.void_reason)
    return text


def entries_panel(count: Count, lang: str, shown: int = 20) -> None:
    """The latest entries with who and when; cancelling one asks for the reason and a confirmation."""
    with st.expander(t("elect_entries_heading", lang, n=len(count.entries)), icon=":material/history:"):
        for entry in reversed(count.voided[-shown:]):
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(md_escape(entry_text(entry, lang)), width="stretch")
                if entry.voided_at:
                    continue
                with st.popover(t("elect_void", lang), icon=":material/undo:"):
                    st.text_input(t("elect_void_reason", lang), key=f"elect_void_reason_{entry.id}", max_chars=200)
                    st.button(t("elect_void_confirm", lang, id=entry.id), key=f"elect_void_{entry.id}",
                              on_click=_void, args=(count.election, entry, lang))


# --------------------------------------------------------------------------- the result


def result_section(count: Count, view, convened: int | None = None, present: int | None = None) -> None:
    """Progress, the rules applied, the table by votes, the outcome in sentences, any inconsistency, the minutes."""
    lang, result = view.lang, count.result
    st.progress(min(result.returned / result.election.issued, 1.0) if result.election.issued else 0.0,
                text=progress_text(result, lang))
    with st.container(horizontal=True):
        for key, value in (("elect_issued", result.election.issued), ("elect_returned", result.returned),
                           ("elect_valid", result.valid), ("elect_invalid", result.invalid),
                           ("elect_seats", result.election.seats)):
            st.metric(t(key, lang), value, border=True)
    for sentence in rule_sentences(result, lang):
        st.caption(md_escape(sentence))
    frame = pd.DataFrame(result_rows(result, lang), columns=[
        t("elect_col_rank", lang), t("congress_col_name", lang), t("elect_col_votes", lang),
        t("elect_col_share", lang), t("elect_col_outcome", lang)])
    st.dataframe(frame, hide_index=True, width="stretch")
    for problem in result.problems:
        st.error(t(problem.code, lang, **dict(problem.params)), icon=":material/error:")
    if invalid_sentence(result, lang):
        st.markdown(md_escape(invalid_sentence(result, lang)))
    if result.complete:
        if result.not_collected:
            st.markdown(md_escape(t("elect_not_collected", lang, n=result.not_collected)))
        for sentence in result_sentences(result, lang) or [t("elect_nobody", lang)]:
            st.markdown(md_escape(sentence))
    else:
        st.caption(t("elect_not_final", lang, n=result.remaining))
    with st.container(horizontal=True):
        log = count.voided if not count.sample else count.entries
        st.download_button(t("elect_download_minutes", lang),
                           minutes_docx(result, view.result.dataset.info, convened, present, log=log),
                           file_name="bien-ban-kiem-phieu.docx", mime=DOCX_MIME, icon=":material/description:",
                           on_click="ignore", key="elect_docx")
        params = {"show": "election"} | ({} if count.sample else {"election": str(count.election.id)})
        st.page_link("app_pages/hall.py", label=t("congress_hall_link", lang), icon=":material/tv:",
                     query_params=params)
