"""Đại hội › Điểm danh: check-in of those convened, the quorum, and the credentials report.

Anyone may look; only the signed-in committee marks people present or absent (with a reason). Each
mark is its own row in the store, so several devices can check people in at once. On the sample data,
before any real mark, the sample attendance is shown and labelled.
"""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.ui import congress_ui as cu
from unionboard.ui.auth import can, require_role
from unionboard.ui.components import page_header
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
page_header(t("page_congress", lang), view)
cu.show_flash()

state = cu.attendance(view)
if not state.people:
    st.warning(t("congress_no_people", lang), icon=":material/group_off:")
    st.stop()
if state.sample:
    cu.sample_badge(lang)
    st.caption(t("congress_sample_note", lang))

cu.metrics(state.report, lang)
if not state.sample:
    cu.orphan_warning(state.marks, state.people, lang, "congress_orphans")

checkin_tab, report_tab = st.tabs([t("congress_tab_checkin", lang), t("congress_tab_report", lang)])
with checkin_tab:
    if not can("mark_attendance"):
        with st.expander(t("congress_sign_in_heading", lang), icon=":material/lock:"):
            require_role("mark_attendance", lang)
    if require_role("see_attendance", lang, form=False, message="acct.attendance_hidden"):
        cu.checkin(state, lang)
with report_tab:
    st.session_state.setdefault(cu.THRESHOLD_KEY, None)  # empty: the Charter's 2/3; the hall link may set another
    st.number_input(t("congress_threshold", lang), min_value=1, max_value=99, step=1, key=cu.THRESHOLD_KEY,
                    help=t("congress_threshold_help", lang), width=420)
    cu.report_section(state, view)
st.caption(t("congress_intro", lang))
