"""Ban chấp hành › Cập nhật dữ liệu: upload, check, compare with the current version, publish; history and rollback."""

import streamlit as st

from unionboard.analysis import diff
from unionboard.core.i18n import t
from unionboard.core.text import format_number, vietnam_time
from unionboard.export.template import template_bytes
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.store.versions import open_store
from unionboard.ui import congress_ui, upload
from unionboard.ui.auth import can, download_personal, is_committee, require_committee
from unionboard.ui.components import XLSX_MIME, issues_table, md_escape
from unionboard.ui.data import get_view
from unionboard.ui.slide_admin import ODS_MIME, ods_bytes
from unionboard.ui.union_info import info_form, pending_files

view = get_view()
lang = view.lang
st.title(t("page_data", lang))
upload.show_flash(lang)

left, right = st.columns(2)
left.download_button(t("download_template", lang), template_bytes(), file_name="mau-unionboard.xlsx",
                     mime=XLSX_MIME, key="data_template", icon=":material/download:", on_click="ignore")
if not download_personal(right, t("data_download_current", lang), lambda: dataset_to_xlsx(view.result.dataset),
                         what="data", file_name="du-lieu-hien-hanh.xlsx", mime=XLSX_MIME, key="data_current_xlsx",
                         icon=":material/table_view:", help=t("data_download_current_help", lang)):
    right.caption(t("acct.downloads_hidden", lang))
download_personal(right, t("doc.download_ods", lang), lambda: ods_bytes(view.source.cache_key, view.result.dataset),
                  what="data", file_name="du-lieu-hien-hanh.ods", mime=ODS_MIME, key="data_current_ods",
                  icon=":material/grid_on:", help=t("data_download_current_help", lang))

st.subheader(t("data_upload_heading", lang))
if require_committee(lang):
    info_form(view.result.dataset.info, view.is_sample, lang)  # stored as an upload of its own
    upload.localize_uploader(lang)
    uploaded = st.file_uploader(t("data_uploader", lang), type=upload.UPLOAD_TYPES, accept_multiple_files=True,
                                key=upload.upload_key(), max_upload_size=upload.upload_limit_mb(),
                                help=t("data_uploader_help", lang, mb=upload.upload_limit_mb()))
    files = upload.as_sources(uploaded) or pending_files(lang)
    if files:
        result = upload.check_uploads(files)
        base_id, current, before = upload.baseline()
        uploaded_count = len(files)
        if not base_id:  # a first publish: what the uploads lack comes from the sample, labelled, by default
            files, result = upload.first_publish_fill(files, result, lang)
        errors, warnings = result.errors, result.warnings
        if errors:
            st.error(t("data_errors_found", lang, errors=format_number(len(errors)),
                                       warnings=format_number(len(warnings))), icon=":material/error:")
        elif warnings:
            st.warning(t("data_warnings_found", lang, warnings=format_number(len(warnings))), icon=":material/warning:")
        else:
            st.success(t("data_no_issues", lang), icon=":material/check_circle:")
        if result.issues:
            issues_table(result.issues, lang)
        if not errors:
            st.markdown(f"#### {t('data_diff_heading', lang)}")
            if base_id:
                st.caption(t("data_diff_against", lang, id=base_id))
            else:
                # as the choice above says: the sample's parts kept (the default) or left empty
                st.caption(t("fill.preview_sample" if len(files) > uploaded_count else "fill.preview_only", lang))
            upload.show_diff(diff.compare(before, diff.merged(current, result.dataset)), lang)
            congress_ui.orphan_preview(diff.merged(current, result.dataset), lang)  # marks a publish would orphan

        st.markdown(f"#### {t('data_publish_heading', lang)}")
        reconfirm = upload.needs_reconfirm(files)
        confirmed = True
        if not errors and (warnings or reconfirm):
            confirmed = st.checkbox(t("data_confirm_warnings" if warnings else "data_confirm_again", lang),
                                    key=upload.confirm_key(files))
        st.text_input(t("data_comment", lang), key="data_comment", max_chars=500)
        st.button(t("data_publish", lang), type="primary", icon=":material/publish:", key="data_publish",
                  disabled=bool(errors) or not confirmed, on_click=upload.publish, args=(files, base_id, lang),
                  help=t("data_publish_blocked", lang) if errors else None)
        if errors:
            st.caption(t("data_publish_blocked", lang))
        elif not confirmed:
            st.caption(t("data_confirm_needed", lang))

st.subheader(t("data_history_heading", lang))
frame, versions = upload.history_frame(lang)
if not versions:
    st.info(t("data_history_empty", lang), icon=":material/history:")
    st.stop()
st.dataframe(frame, hide_index=True, width="stretch",
             column_config={t("data_col_current", lang): st.column_config.CheckboxColumn()})
rollbacks = upload.rollbacks_frame(lang)
if not rollbacks.empty:
    st.markdown(f"##### {t('history.rollbacks_heading', lang)}")
    st.caption(t("history.rollbacks_caption", lang))
    st.dataframe(rollbacks, hide_index=True, width="stretch", key="data_rollbacks")
chosen = st.selectbox(t("data_pick_version", lang), [v.id for v in versions], key="data_version",
                      format_func=lambda vid: t("data_version_option", lang, id=vid, **next(
                          {"when": vietnam_time(v.created_at), "by": v.by or "—"}
                          for v in versions if v.id == vid)))
version = next(v for v in versions if v.id == chosen)
originals = open_store().files_of(version.id) if can("download_originals") else None
if originals is None:
    st.caption(t("acct.downloads_hidden", lang))
elif not originals:
    st.caption(t("data_no_originals", lang))
for i, original in enumerate(originals or ()):
    download_personal(st, t("data_download_original", lang, name=md_escape(original.name, inline=True)),
                      original.data, what=f"version {version.id}", capability="download_originals",
                      file_name=original.name, key=f"data_original_{version.id}_{i}", icon=":material/download:")
if version.current:
    st.caption(t("data_is_current", lang, id=version.id))
elif is_committee():
    sure = st.checkbox(t("data_rollback_confirm", lang, id=version.id), key=f"data_rollback_confirm_{version.id}")
    st.button(t("data_rollback", lang, id=version.id), icon=":material/undo:", key="data_rollback",
              disabled=not sure, on_click=upload.rollback, args=(version.id, lang))
