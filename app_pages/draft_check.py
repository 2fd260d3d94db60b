"""Ban chấp hành › Kiểm tra dự thảo: every figure of the draft report checked against the data, sent back commented."""

import streamlit as st

from unionboard.analysis.draft_check import STATUSES
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.core.text import vietnam_time
from unionboard.export.draft_docx import annotated_docx
from unionboard.export.draft_odt import annotated_odt
from unionboard.export.draft_tables import draft_tables_xlsx
from unionboard.export.formats import MIME
from unionboard.read.draft import DRAFT_TYPES
from unionboard.sample.draft import SAMPLE_DRAFT_NAME, draft_docx
from unionboard.ui import draft_ui
from unionboard.ui.auth import current_user, is_committee, require_committee
from unionboard.ui.components import XLSX_MIME, issues_table, md_escape
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
st.title(t("page_draft_check", lang))
st.caption(t("draft_intro", lang))

draft, stored = None, None
if st.toggle(t("draft_use_sample", lang), key="draft_sample"):
    draft = SourceFile(SAMPLE_DRAFT_NAME, draft_docx())
elif require_committee(lang):
    uploaded = st.file_uploader(t("draft_uploader", lang), type=[*DRAFT_TYPES, "doc"], key="draft_upload")
    stored = draft_ui.last_draft()
    if uploaded is not None:
        draft = SourceFile(uploaded.name, uploaded.getvalue())
    elif stored is not None:
        draft = stored.file
        st.caption(t("draft_last", lang, name=md_escape(stored.file.name), by=md_escape(stored.by),
                     when=vietnam_time(stored.at)))

if draft is not None:
    files = draft_ui.data_files(view.source)
    check = draft_ui.checked_draft(draft.sha256, view.source.cache_key, draft, view.result, files)
    if is_committee() and not st.session_state.get("draft_sample") and check.claims:
        draft_ui.remember(draft, draft_ui.data_key(view.source), check, stored, current_user(), lang)
    if check.issues:
        st.subheader(t("draft_issues", lang))
        issues_table(check.issues, lang)
    if check.claims:
        draft_ui.summary(check, lang)
        left, right = st.columns([2, 1], vertical_alignment="bottom")
        shown = left.multiselect(t("draft_filter", lang), list(STATUSES), default=["mismatch", "ambiguous", "match"],
                                 format_func=lambda s: draft_ui.label(s, lang), key="draft_statuses")
        years = right.toggle(t("draft_years", lang), key="draft_years")
        claims = [c for c in check.claims if c.status in shown and (years or c.kind not in ("year", "term"))]
        track = st.toggle(t("draft_track", lang), key="draft_track")
        if draft.name.lower().endswith(".docx"):
            st.download_button(t("draft_download", lang), lambda: annotated_docx(draft, check, track, lang),
                               file_name=draft.name.removesuffix(".docx") + "-da-kiem-tra.docx", mime=MIME["docx"],
                               key="draft_download", icon=":material/download:", on_click="ignore")
        elif draft.name.lower().endswith(".odt"):
            st.download_button(t("draft_download_odt", lang), lambda: annotated_odt(draft, check, lang),
                               file_name=draft.name.removesuffix(".odt") + "-da-kiem-tra.odt", mime=MIME["odt"],
                               key="draft_download", icon=":material/download:", on_click="ignore",
                               help=t("draft_annotate_odt", lang))
        shown = draft_ui.read_for_display(draft.sha256, draft)
        if shown is not None and shown.tables:
            st.download_button(t("draft_tables_download", lang), lambda: draft_tables_xlsx(shown),
                               file_name="bang-tu-du-thao.xlsx", mime=XLSX_MIME, key="draft_tables",
                               icon=":material/table_view:", on_click="ignore", help=t("draft_tables_help", lang))
        st.subheader(t("draft_table_heading", lang))
        if not claims:
            st.info(t("draft_no_figures", lang))
        else:
            picked = st.dataframe(draft_ui.claims_frame(claims, lang), hide_index=True, on_select="rerun",
                                  selection_mode="single-row", key="draft_claims", width="stretch")
            rows = picked.selection.rows if picked else []
            chosen = st.selectbox(t("draft_pick", lang), range(len(claims)), key="draft_pick",
                                  format_func=lambda i: draft_ui.choice_label(claims[i], lang))
            draft_ui.detail(claims[rows[0] if rows else chosen], lang)
            st.subheader(t("draft_text_heading", lang))
            whole = st.toggle(t("draft_whole", lang), key="draft_whole")
            if shown is not None:
                st.html(draft_ui.marked_html(shown, claims, lang, whole))
