"""Đại hội › Kiểm phiếu: set up an election, enter ballots (one by one or a counter's tally), see the count.

Several counters may enter at once: each entry is checked (valid + invalid = returned, votes ≤ valid
ballots, ...) and stored once (one-time keys) in one locked transaction, so nothing is lost or doubled
and the ballots returned never exceed those issued. A ticked ballot is classified by the program; the
rules applied (Điều lệ 2020, Điều 10.3) are stated. Double entry, closing the count and new rounds are
in `ui.counting_ui`. Anyone may watch the count.
"""

import streamlit as st

from unionboard.analysis.congress import election_warnings
from unionboard.core.i18n import t
from unionboard.ui import congress_ui as cu
from unionboard.ui import counting_ui as ku
from unionboard.ui import dossier_ui
from unionboard.ui import election_ui as eu
from unionboard.ui.auth import can, require_role
from unionboard.ui.components import md_escape, page_header
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
page_header(t("page_election", lang), view)
st.caption(t("elect_intro", lang))
cu.show_flash()

committee = can("setup_elections")
chosen = eu.picker(view)
count = eu.load_count(view, chosen)

state = cu.attendance(view)
with st.expander(t("elect_setup_heading", lang), icon=":material/how_to_vote:", expanded=count is None and committee):
    if require_role("setup_elections", lang):
        eu.setup_form(view, [p.name for p in state.people],
                      0 if state.sample else state.report.present)

if count is None:
    st.info(t("elect_none", lang), icon=":material/ballot:")
    st.stop()

st.subheader(md_escape(count.election.title))
if count.sample:
    cu.sample_badge(lang)
    st.caption(t("elect_sample_note", lang))
st.caption(md_escape(t("elect_summary", lang, seats=count.election.seats, n=len(count.election.candidates),
                       issued=count.election.issued)))
if count.election.parent:
    st.caption(t("elect_round_of", lang, id=count.election.parent))
for warning in election_warnings(count.election):
    st.warning(t(warning.code, lang, **dict(warning.params)), icon=":material/warning:")

if can("enter_ballots", count.election.id) and not count.sample:
    ballot_tab, tally_tab = st.tabs([t("elect_tab_ballot", lang), t("elect_tab_tally", lang)])
    with ballot_tab:
        eu.ballot_form(count.election, lang)
    with tally_tab:
        eu.tally_form(count.election, lang)
    eu.entries_panel(count, lang)
ku.comparison(count, lang)
eu.result_section(count, view, state.report.convened, state.report.present)
with st.container(horizontal=True):
    ku.close_panel(count, lang)
    ku.rounds_panel(count, lang)
if not count.sample:
    dossier_ui.dossier_section(view, state.people, state.report.convened, state.report.present)
