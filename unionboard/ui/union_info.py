"""The committee's info form (name, kind, upper union, terms, congress date): an upload like any other."""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.period import info_from_form
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile, UnionInfo
from unionboard.core.period import UNION_KINDS, parse_date
from unionboard.core.wording import kind_label
from unionboard.export.template import info_workbook

PENDING_KEY = "union_info_pending"  # (upload round, the form's workbook) until it is published


def _submit(lang: str) -> None:
    fields = {k: st.session_state.get(f"info_{k}", "") for k in
              ("name", "kind", "upper_union", "congress", "reported_term", "next_term", "congress_date")}
    info, errors = info_from_form(fields, lang)
    if errors:
        st.session_state["union_info_errors"] = errors
        return
    st.session_state.pop("union_info_errors", None)
    data = info_workbook(info)
    st.session_state[PENDING_KEY] = (st.session_state.get("data_upload_n", 0),
                                     SourceFile(t("info_form.file_name", "vi"), data))


def info_form(current: UnionInfo, is_sample: bool, lang: str) -> None:
    """The form, filled with the published info (blank on the sample: its labels are not this union's)."""
    shown = UnionInfo() if is_sample else current
    with st.expander(t("info_form.heading", lang), icon=":material/badge:"):
        st.caption(t("info_form.caption", lang))
        with st.form("union_info_form", border=False):
            st.text_input(t("info_form.name", lang), value=shown.name if shown.name != UnionInfo().name else "",
                          key="info_name", max_chars=200)
            kinds = ["", *UNION_KINDS]
            st.selectbox(t("info_form.kind", lang), kinds, key="info_kind",
                         index=kinds.index(shown.kind) if shown.kind in kinds else 0,
                         format_func=lambda k: kind_label(k, lang))
            st.text_input(t("info_form.upper_union", lang), value=shown.upper_union, key="info_upper_union",
                          max_chars=200)
            left, right = st.columns(2)
            left.text_input(t("info_form.term", lang), value=shown.reported_term, key="info_reported_term",
                            max_chars=20)
            right.text_input(t("info_form.next_term", lang), value=shown.next_term, key="info_next_term",
                             max_chars=20)
            left.text_input(t("info_form.congress", lang), value=shown.congress, key="info_congress", max_chars=10)
            day = parse_date(shown.congress_date)
            right.text_input(t("info_form.congress_date", lang), value=day.strftime("%d/%m/%Y") if day else "",
                             key="info_congress_date", max_chars=20)
            st.form_submit_button(t("info_form.submit", lang), on_click=_submit, args=(lang,),
                                  icon=":material/fact_check:")
        for error in st.session_state.get("union_info_errors", ()):
            st.error(error, icon=":material/error:")


def pending_files(lang: str) -> tuple[SourceFile, ...]:
    """The form's workbook while it waits to be published (dropped once a publish went through)."""
    pending = st.session_state.get(PENDING_KEY)
    if pending is None or pending[0] != st.session_state.get("data_upload_n", 0):
        return ()
    st.info(t("info_form.pending", lang), icon=":material/badge:")
    return (pending[1],)
