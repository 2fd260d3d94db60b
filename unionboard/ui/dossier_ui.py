"""Streamlit helper of Đại hội › Kiểm phiếu: the dossier sent up after the congress (Word and PDF).

The positions the new committee's first meeting elected are entered in a small form (committee only,
stored once with a one-time key); the dossier is built from the elections recorded, the positions and
the roster (`export.dossier`).
"""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.congress import CHAIR
from unionboard.analysis.double_entry import counted_result
from unionboard.core.i18n import t
from unionboard.export.dossier import Positions, dossier_docs, dossier_docx
from unionboard.export.dossier_pdf import dossier_pdf
from unionboard.store.congress import CongressError, Duplicate
from unionboard.ui.auth import download_personal, is_committee
from unionboard.ui.congress_ui import DOCX_MIME, congress_store, error_text, flash, once, used, who

FIELDS = ("chair", "vice_chairs", "inspection_head", "inspection")


def _save(lang: str, key: str) -> None:
    if not is_committee():
        flash("error", t("congress_sign_in_to_write", lang))
        return
    state = st.session_state
    values = {f: state.get(f"dossier_{f}") or ([] if f in ("vice_chairs", "inspection") else "") for f in FIELDS}
    try:
        congress_store().save_positions(values, who(lang), submission=key)
    except CongressError as exc:
        flash("info" if isinstance(exc, Duplicate) else "error", error_text(exc, lang))
        return
    used("dossier")
    flash("success", t("dossier_saved", lang))


def _positions(saved: dict) -> Positions:
    return Positions(str(saved.get("chair") or ""), tuple(saved.get("vice_chairs") or ()),
                     tuple(saved.get("inspection") or ()), str(saved.get("inspection_head") or ""))


def dossier_section(view, people, convened: int, present: int) -> None:
    """The positions form and the dossier's downloads (only once an election is recorded)."""
    lang, store = view.lang, congress_store()
    elections = store.elections()
    if not elections:
        return
    results = [counted_result(e, store.entries(e.id), store.resolutions(e.id)) for e in elections]
    elected = list(dict.fromkeys(n for r in results for n in r.elected))
    chairs = [n for r in results if r.election.kind == CHAIR for n in r.elected]
    saved = store.positions()
    with st.expander(t("dossier_heading", lang), icon=":material/folder_shared:"):
        st.caption(t("dossier_help", lang))
        if is_committee():
            with st.form("dossier"):
                options = ["", *elected]
                default = str(saved.get("chair") or (chairs[0] if chairs else ""))
                st.selectbox(t("dossier_chair", lang), options, key="dossier_chair",
                             index=options.index(default) if default in options else 0)
                st.multiselect(t("dossier_vice_chairs", lang), elected, key="dossier_vice_chairs",
                               default=[n for n in saved.get("vice_chairs") or () if n in elected])
                st.selectbox(t("dossier_inspection_head", lang), options, key="dossier_inspection_head",
                             index=options.index(saved.get("inspection_head")) if saved.get("inspection_head")
                             in options else 0)
                st.multiselect(t("dossier_inspection", lang), elected, key="dossier_inspection",
                               default=[n for n in saved.get("inspection") or () if n in elected])
                key = once("dossier")
                st.form_submit_button(t("dossier_save", lang), on_click=_save, args=(lang, key),
                                      key=f"dossier_go_{key}")
        positions = _positions(saved)
        if not positions.chair and chairs:
            positions = Positions(chairs[0], positions.vice_chairs, positions.inspection, positions.inspection_head)
        info = view.result.dataset.info
        docs = dossier_docs(results, positions, people, info, convened, present)
        with st.container(horizontal=True):
            # the summary list (trích ngang) names people with birth year and party membership: a role that
            # may see personal data gets the downloads, and each is logged
            shown = download_personal(st, t("dossier_docx", lang), lambda: dossier_docx(docs, info),
                                      what="dossier", file_name="ho-so-dai-hoi.docx", mime=DOCX_MIME,
                                      icon=":material/description:", key="dossier_docx")
            download_personal(st, t("dossier_pdf", lang), lambda: dossier_pdf(docs, info), what="dossier",
                              file_name="ho-so-dai-hoi.pdf", mime="application/pdf",
                              icon=":material/picture_as_pdf:", key="dossier_pdf")
        if not shown:
            st.caption(t("acct.personal_hidden", lang))
