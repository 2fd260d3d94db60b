"""Streamlit helpers of the congress-day pages: the store, who writes, attendance state, check-in, the report.

Viewing needs no sign-in; every write (a mark, an election, a ballot) is allowed only to the signed-in
committee, checked again inside the button's callback. On the sample data, before any real mark is
recorded, the pages show the sample attendance, labelled "Dữ liệu mẫu".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from unionboard.analysis.congress import (
    ABSENT,
    CLEARED,
    DEFAULT_QUORUM,
    PRESENT,
    Credentials,
    Mark,
    Person,
    convened,
    credentials,
    latest_marks,
    sample_marks,
    search,
)
from unionboard.analysis.identities import orphaned
from unionboard.analysis.reference import age_reference
from unionboard.core.i18n import t
from unionboard.export.congress_docx import credentials_docx
from unionboard.export.formats import MIME
from unionboard.present.congress import (
    age_text,
    composition_rows,
    delegate_warnings,
    quorum_sentence,
)
from unionboard.present.slides import fmt_percent
from unionboard.store.congress import CongressError, CongressStore, Duplicate
from unionboard.ui.auth import attendance_text, can, current_user, download_personal
from unionboard.ui.components import md_escape
from unionboard.ui.data import QUORUM_KEY

DOCX_MIME = MIME["docx"]
FLASH = "_congress_flash"
MAX_SHOWN = 25
THRESHOLD_KEY = QUORUM_KEY


def congress_store() -> CongressStore:
    """The congress records in the app's store."""
    return CongressStore()


def who(lang: str) -> str:
    """The name recorded with a write: the signed-in name, else "Ban tổ chức"."""
    return current_user() or t("congress_by_committee", lang)


def flash(kind: str, text: str) -> None:
    """Show `text` (success / error) after the rerun a callback causes."""
    st.session_state[FLASH] = (kind, text)


def show_flash() -> None:
    """The message left by the last callback, if any (success, info — e.g. a repeat not stored — or error)."""
    found = st.session_state.pop(FLASH, None)
    if found:
        kind, text = found
        show = {"success": (st.success, ":material/check_circle:"), "info": (st.info, ":material/content_copy:")}
        writer, icon = show.get(kind, (st.error, ":material/error:"))
        writer(text, icon=icon)


def once(form: str) -> str:
    """The one-time key of `form` as rendered now: bound to the submit button's callback (and part of the
    button's widget key), so a double click or a resend of this very form carries the same key and the
    store refuses the second write; a click on a button already replaced after a success matches no widget."""
    return st.session_state.setdefault(f"_once_{form}", uuid.uuid4().hex)


def used(form: str) -> None:
    """After a successful write: the next rendering of `form` gets a fresh key."""
    st.session_state[f"_once_{form}"] = uuid.uuid4().hex


def error_text(exc: CongressError, lang: str) -> str:
    """The problems of a refused write, one per line."""
    return "\n\n".join(exc.messages(lang))


@dataclass(frozen=True)
class Attendance:
    """What the attendance page and the hall screen show."""

    people: tuple[Person, ...]
    marks: tuple[Mark, ...]
    sample: bool  # the sample attendance ("Dữ liệu mẫu"), not real marks
    report: Credentials


def threshold() -> float:
    """The quorum threshold: the Charter's 2/3 (Điều lệ 2020, Điều 10.1) unless another percentage was set on
    the page (shown with a note everywhere); the hall screen takes it from `?quorum=`."""
    value = st.session_state.get(THRESHOLD_KEY)
    return DEFAULT_QUORUM if value in (None, "") else float(value) / 100


def threshold_from_url() -> None:
    """`?quorum=60` (percent, 1–99) sets another threshold for this session (the hall link carries it only
    when it differs from the Charter's)."""
    value = str(st.query_params.get("quorum", ""))
    if value.isdigit() and 1 <= int(value) <= 99:
        st.session_state[THRESHOLD_KEY] = int(value)


@st.cache_data(show_spinner=False, max_entries=4)
def _convened(cache_key: tuple, _dataset) -> tuple[Person, ...]:
    return convened(_dataset)


def people_of(view) -> tuple[Person, ...]:
    """Those convened for the view's data (cached on its content hash), with their stable keys
    (`analysis.identities`; the sample's are not recorded)."""
    return congress_store().stable(_convened(view.source.cache_key, view.result.dataset), record=not view.is_sample)


def orphan_warning(marks: tuple[Mark, ...], people: tuple[Person, ...], lang: str, key: str) -> None:
    """The marks that refer to nobody convened (a re-publish removed or changed them), listed."""
    lost = orphaned(people, marks)
    if lost:
        names = "; ".join(f"{m.name or m.person} ({_status_text(m, lang)})" for m in lost)
        st.warning(md_escape(t(key, lang, n=len(lost), names=names)), icon=":material/person_off:")


def orphan_preview(dataset, lang: str) -> None:
    """Before publishing `dataset`: the attendance marks it would leave without a person, listed."""
    store = congress_store()
    marks = store.marks()
    if marks:
        orphan_warning(marks, store.stable(convened(dataset), record=False), lang, "congress_orphans_preview")


def attendance(view) -> Attendance:
    """Those convened, the marks (the sample's when nothing real is recorded on the sample data), the report."""
    people = people_of(view)
    marks = congress_store().marks()
    sample = view.is_sample and not marks
    if sample:
        marks = sample_marks(people)
    report = credentials(people, marks, threshold(), age_reference(view.result.dataset))
    return Attendance(people, marks, sample, report)


def sample_badge(lang: str) -> None:
    """The "Dữ liệu mẫu" label."""
    st.badge(t("congress_sample_badge", lang), icon=":material/science:", color="orange")


def metrics(report: Credentials, lang: str) -> None:
    """Convened, present, absent, not yet marked, share present; then the quorum as a coloured line."""
    with st.container(horizontal=True):
        st.metric(t("cred.convened", lang), report.convened, border=True)
        st.metric(t("cred.present", lang), report.present, border=True)
        st.metric(t("cred.absent", lang), len(report.absent), border=True)
        st.metric(t("cred.unmarked", lang), report.unmarked, border=True)
        st.metric(t("cred.share_present", lang), fmt_percent(report.present, report.convened, lang), border=True)
    (st.success if report.quorum else st.warning)(quorum_sentence(report, lang),
                                                  icon=":material/how_to_reg:" if report.quorum else ":material/groups:")
    for warning in delegate_warnings(report, lang):
        st.warning(warning, icon=":material/warning:")


# --------------------------------------------------------------------------- check-in


def _write_mark(person: Person, status: str, reason_key: str | None, lang: str, key: str = "") -> None:
    """Button callback: record a mark once (committee and check-in roles only)."""
    if not can("mark_attendance"):
        flash("error", t("congress_sign_in_to_write", lang))
        return
    reason = str(st.session_state.get(reason_key, "")) if reason_key else ""
    try:
        congress_store().mark(person.key, person.name, status, who(lang), reason=reason, submission=key)
    except CongressError as exc:
        flash("info" if isinstance(exc, Duplicate) else "error", error_text(exc, lang))
        return
    used(f"mark_{person.key}")
    flash("success", t(f"congress_marked_{status}", lang, name=person.name))


def _status_text(mark: Mark | None, lang: str) -> str:
    if mark is None:
        return t("cred.unmarked", lang)
    text = t("cred.present", lang) if mark.status == PRESENT else f"{t('cred.absent', lang)}: {mark.reason}"
    return text


def _person_row(index: int, person: Person, mark: Mark | None, lang: str, can_write: bool) -> None:
    with st.container(horizontal=True, vertical_alignment="center", key=f"ci_row_{index}"):
        unit = f" · {md_escape(person.unit)}" if person.unit else ""
        kind = f" · {md_escape(person.kind)}" if person.kind else ""
        icon = (":green[:material/check_circle:]" if mark and mark.status == PRESENT else
                ":red[:material/cancel:]" if mark else ":gray[:material/radio_button_unchecked:]")
        st.markdown(f"{icon} **{md_escape(person.name)}**{unit}{kind}  \n"
                    f"<small>{md_escape(_status_text(mark, lang))}</small>", unsafe_allow_html=True, width="stretch")
        if not can_write:
            return
        st.button(t("congress_mark_present", lang), key=f"ci_present_{index}", type="primary",
                  disabled=bool(mark and mark.status == PRESENT), on_click=_write_mark,
                  args=(person, PRESENT, None, lang, once(f"mark_{person.key}")))
        with st.popover(t("congress_mark_absent", lang)):
            st.text_input(t("congress_reason", lang), key=f"ci_reason_{index}", max_chars=200)
            st.button(t("congress_mark_absent_confirm", lang), key=f"ci_absent_{index}", on_click=_write_mark,
                      args=(person, ABSENT, f"ci_reason_{index}", lang, once(f"mark_{person.key}")))
        if mark is not None:
            st.button(t("congress_mark_clear", lang), key=f"ci_clear_{index}", on_click=_write_mark,
                      args=(person, CLEARED, None, lang, once(f"mark_{person.key}")))


def checkin(state: Attendance, lang: str) -> None:
    """Search by name (diacritics-insensitive) and mark present / absent with a reason."""
    can_write = can("mark_attendance") and not state.sample
    query = st.text_input(t("congress_search", lang), key="congress_search", placeholder=t("congress_search_hint", lang))
    latest = latest_marks(state.marks)
    found = search(state.people, query)
    index = {p.key: i for i, p in enumerate(state.people)}
    if not found:
        st.info(t("congress_search_none", lang), icon=":material/search_off:")
    for person in found[:MAX_SHOWN]:
        _person_row(index[person.key], person, latest.get(person.key), lang, can_write)
    if len(found) > MAX_SHOWN:
        st.caption(t("congress_search_more", lang, n=len(found) - MAX_SHOWN))


# --------------------------------------------------------------------------- the report


def report_section(state: Attendance, view) -> None:
    """The credentials report: sentences, the composition table, the Word document and the hall link."""
    lang, report = view.lang, state.report
    st.markdown(md_escape(attendance_text(report, lang)))  # names of the absent: allowed roles only
    if age_text(report, lang):
        st.markdown(md_escape(age_text(report, lang)))
    rows = composition_rows(report, lang)
    if rows:
        frame = pd.DataFrame(rows, columns=[t("congress_col_group", lang), t("congress_col_item", lang),
                                            t("congress_col_count", lang), t("congress_col_share", lang)])
        st.dataframe(frame, hide_index=True, width="stretch")
    if report.absent and can("see_attendance"):  # names of the absent: committee and check-in only
        st.markdown(f"**{t('congress_absent_heading', lang)}**")
        st.dataframe(pd.DataFrame(report.absent, columns=[t("congress_col_name", lang),
                                                          t("congress_reason", lang)]), hide_index=True)
    with st.container(horizontal=True):
        download_personal(st, t("congress_download_credentials", lang),
                          lambda: credentials_docx(report, view.result.dataset.info), what="credentials",
                          capability="see_attendance", file_name="bao-cao-tham-tra-tu-cach.docx", mime=DOCX_MIME,
                          icon=":material/description:", key="congress_docx")
        st.page_link("app_pages/hall.py", label=t("congress_hall_link", lang), icon=":material/tv:",
                     query_params={"show": "credentials"} | ({} if report.charter_threshold else
                                                              {"quorum": str(round(float(report.threshold) * 100))}))
