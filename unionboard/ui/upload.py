"""Helpers of the data page (Ban chấp hành › Cập nhật dữ liệu): check uploads, show the comparison,
publish and roll back. Every write re-checks `is_committee()` right before touching the store."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from unionboard.analysis import diff, sample_fill
from unionboard.core.i18n import t, value_label
from unionboard.core.models import CheckResult, Dataset, SourceFile
from unionboard.core.text import format_dong, format_number, vietnam_time
from unionboard.core.wording import kind_label
from unionboard.publish import Checked, check_upload, distinct_files, publish_upload
from unionboard.read.workbook import MB, Limits
from unionboard.store.versions import StoreError, open_store
from unionboard.ui.auth import current_user, is_committee
from unionboard.ui.data import checked, current_source, sample_source

UPLOAD_TYPES = ["xlsx", "xls", "ods", "csv"]


def upload_limit_mb() -> int:
    """The per-file limit (UNIONBOARD_MAX_FILE_MB) rounded up, for the uploader widget."""
    return max(1, math.ceil(Limits.from_env().max_file_bytes / MB))


def localize_uploader(lang: str) -> None:
    """Streamlit writes "Upload" and "50MB per file • XLSX" in English whatever the language: draw the
    uploader's two texts in `lang` instead (CSS, the widget has no option for them)."""
    button = t("data_uploader_button", lang).replace('"', "")
    limit = t("data_uploader_limit", lang, mb=upload_limit_mb(),
              types=", ".join(x.upper() for x in UPLOAD_TYPES)).replace('"', "")
    scope = '[class*="st-key-data_upload_"]'
    st.html(f"""<style>
{scope} [data-testid="stFileUploaderDropzone"] button p {{ font-size: 0; }}
{scope} [data-testid="stFileUploaderDropzone"] button p::after {{ content: "{button}"; font-size: 0.875rem; }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
{scope} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: "{limit}"; font-size: 0.875rem; }}
</style>""")


def as_sources(uploaded) -> tuple[SourceFile, ...]:
    """The uploaded files as SourceFiles (bytes read once)."""
    return tuple(SourceFile(name=f.name, data=f.getvalue()) for f in uploaded or ())


@st.cache_data(show_spinner=False, max_entries=8)
def _check(key: tuple, _files: tuple[SourceFile, ...]) -> CheckResult:
    return check_upload(_files).result  # the check alone is cached, not a second copy of the files


def check_uploads(files: tuple[SourceFile, ...]) -> CheckResult:
    """The uploads checked once by the publish service, cached on names and content hashes."""
    return _check(tuple((f.name, f.sha256) for f in files), files)


def checked_uploads(files: tuple[SourceFile, ...]) -> Checked:
    """The preview's check with the files it was made of: what the publish button hands to the store."""
    return Checked(distinct_files(files), check_uploads(files))


def baseline() -> tuple[int, Dataset | None, Dataset]:
    """(current version id or 0, its data set or None, the data set to compare with).

    Read from the store, not the sidebar choice; with nothing published yet the comparison is
    with the sample data delegates see until then.
    """
    source = current_source()
    if source is None:
        return 0, None, checked(sample_source()).dataset
    current = checked(source).dataset
    return source.version.id, current, current


def confirm_key(files: tuple[SourceFile, ...]) -> str:
    """The confirmation checkbox's key: a new upload needs a new confirmation."""
    import hashlib

    digest = hashlib.sha256("".join(f.name + f.sha256 for f in files).encode()).hexdigest()[:16]
    return f"data_confirm_{digest}"


def needs_reconfirm(files: tuple[SourceFile, ...]) -> bool:
    """Whether a publish of these files was refused as stale and must be confirmed again."""
    return st.session_state.get("data_reconfirm") == confirm_key(files)


def upload_key() -> str:
    """The uploader's widget key (changes to clear it after a publish)."""
    return f"data_upload_{st.session_state.get('data_upload_n', 0)}"


def first_publish_fill(files: tuple[SourceFile, ...], result: CheckResult,
                       lang: str) -> tuple[tuple[SourceFile, ...], CheckResult]:
    """Nothing published yet and the uploads lack some of the sample's domains: ask where they come from.

    The default keeps the sample's files for them, renamed `du-lieu-mau-…` so every page labels them;
    publishing only the uploads must be chosen. Returns the files to publish and their check.
    """
    missing = sample_fill.missing_domains(result)
    if not missing or result.errors:
        return files, result
    names = ", ".join(t(f"domain_{d}", lang) for d in missing)
    choice = st.radio(t("fill.question", lang, domains=names), ["sample", "only"], key="data_fill",
                      format_func=lambda k: t(f"fill.option_{k}", lang))
    if choice != "sample":
        return files, result
    extra = sample_fill.sample_files_for(missing)
    st.caption(t("fill.added", lang, n=len(extra), files=", ".join(f.name for f in extra)))
    combined = files + extra
    return combined, check_uploads(combined)


# --------------------------------------------------------------------------- showing the comparison


def _dong(value, lang: str) -> str:
    return "—" if value is None else format_dong(value, lang=lang)


def show_diff(d: diff.DatasetDiff, lang: str) -> None:
    """Domains, members, finance per year, targets and awards: before → after."""
    if not d.changed:
        st.info(t("data_diff_nothing", lang), icon=":material/check:")
    colors = {"added": "green", "changed": "orange", "removed": "red", "unchanged": "gray"}
    st.markdown("  ".join(f":{colors[change]}-badge[{t(f'domain_{domain}', lang).capitalize()}: "
                          f"{t(f'data_change_{change}', lang)}]" for domain, change in d.domains.items()))
    dropped = [t(f"domain_{k}", lang) for k, v in d.domains.items() if v == "removed"]
    if dropped:
        st.warning(t("data_domains_dropped", lang, domains=", ".join(dropped)), icon=":material/warning:")
    m = d.member_counts
    if d.domains.get("members", "unchanged") != "unchanged":
        counts = {key: format_number(value) for key, value in m.items()}  # 8.000, not 8000
        st.markdown(f"**{t('domain_members', lang).capitalize()}**: " + t("data_members_line", lang, **counts))
        if d.domains.get("members") == "changed" and not d.members.empty:
            frame = pd.DataFrame({
                t("data_col_change", lang): [t(f"data_change_{c}", lang) for c in d.members["change"]],
                t("data_col_name", lang): d.members["name"],
                t("data_col_birth_year", lang): [str(y) if y is not None else "" for y in d.members["birth_year"]],
                t("data_col_field", lang): [t(f"member_field_{f}", lang) if f else "" for f in d.members["field"]],
                t("data_col_before", lang): [_text(v, lang) if f else "" for f, v in
                                             zip(d.members["field"], d.members["before"], strict=True)],
                t("data_col_after", lang): [_text(v, lang) if f else "" for f, v in
                                            zip(d.members["field"], d.members["after"], strict=True)],
            })
            if "changed" not in set(d.members["change"]):
                frame = frame.iloc[:, :3]
            st.dataframe(frame, hide_index=True, width="stretch")
    changed_years = d.finance[d.finance["changed"]] if not d.finance.empty else d.finance
    if not changed_years.empty:
        st.markdown(f"**{t('domain_finance', lang).capitalize()}**")
        st.dataframe(pd.DataFrame({
            t("data_col_year", lang): [str(y) for y in changed_years["year"]],
            t("data_col_revenue", lang): [f"{_dong(a, lang)} → {_dong(b, lang)}" for a, b in
                                          zip(changed_years["revenue_before"], changed_years["revenue_after"],
                                              strict=True)],
            t("data_col_spending", lang): [f"{_dong(a, lang)} → {_dong(b, lang)}" for a, b in
                                           zip(changed_years["spending_before"], changed_years["spending_after"],
                                               strict=True)],
        }), hide_index=True, width="stretch")
    if d.domains.get("targets") == "changed" and not d.targets.empty:
        st.markdown(f"**{t('domain_targets', lang).capitalize()}**")
        st.dataframe(pd.DataFrame({
            t("data_col_change", lang): [t(f"data_change_{c}", lang) for c in d.targets["change"]],
            t("data_col_target", lang): d.targets["target"],
            t("data_col_result", lang): [f"{_text(a, lang)} → {_text(b, lang)}" for a, b in
                                         zip(d.targets["result_before"], d.targets["result_after"], strict=True)],
            t("data_col_status", lang): [f"{_text(a, lang)} → {_text(b, lang)}" for a, b in
                                         zip(d.targets["status_before"], d.targets["status_after"], strict=True)],
        }), hide_index=True, width="stretch")
    if d.info:  # the union's information (the info form or a "Thông tin" sheet): field, before → after
        st.markdown(f"**{t('info_form.diff_heading', lang)}**")
        shown = {"kind": lambda v: kind_label(v, lang) if v else "—"}
        st.dataframe(pd.DataFrame({
            t("data_col_field", lang): [t(f"info_field.{f}", lang) for f, _, _ in d.info],
            t("data_col_before", lang): [shown.get(f, lambda v: v or "—")(a) for f, a, _ in d.info],
            t("data_col_after", lang): [shown.get(f, lambda v: v or "—")(b) for f, _, b in d.info],
        }), hide_index=True, width="stretch")
    if d.awards["before"] != d.awards["after"]:
        st.markdown(f"**{t('domain_awards', lang).capitalize()}**: " + t(
            "data_awards_line", lang, before=_text(d.awards["before"], lang), after=_text(d.awards["after"], lang)))


def _text(value, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return t("data_yes" if value else "data_no", lang)
    return value_label(str(value), lang)


# --------------------------------------------------------------------------- writes (callbacks)


def publish(files: tuple[SourceFile, ...], expected_current: int, lang: str) -> None:
    """Button callback: publish exactly the previewed files against the previewed current version."""
    if not is_committee():  # checked again right before the write
        st.session_state["data_flash"] = ("error", t("auth_sign_in_needed", lang), None)
        return
    needs_confirmation = check_uploads(files).warnings or needs_reconfirm(files)
    if needs_confirmation and not st.session_state.get(confirm_key(files)):
        st.session_state["data_flash"] = ("error", t("data_confirm_needed", lang), None)
        return
    comment = (st.session_state.get("data_comment") or "").strip()[:500]
    by = current_user() or t("auth_committee", lang)
    try:
        outcome = publish_upload(checked_uploads(files), open_store(), by=by, comment=comment,
                                 expected_current=expected_current)
    except StoreError as exc:
        st.session_state["data_flash"] = ("error", exc.text(lang), None)
        return
    if outcome.reason == "created":
        st.session_state["data_upload_n"] = st.session_state.get("data_upload_n", 0) + 1
        st.session_state.pop("data_reconfirm", None)
        st.session_state.pop("data_version", None)  # the history selects the newest version
        st.session_state["data_flash"] = ("success", t("data_published", lang, id=outcome.version_id),
                                          outcome.version_id)
    elif outcome.reason == "stale":
        st.session_state["data_reconfirm"] = confirm_key(files)
        st.session_state[confirm_key(files)] = False
        st.session_state["data_flash"] = ("warning", t("data_stale", lang, id=outcome.current_id), None)
    elif outcome.reason == "identical":
        st.session_state["data_flash"] = ("info", t("data_identical", lang, id=outcome.version_id), None)
    elif outcome.reason == "empty":
        st.session_state["data_flash"] = ("warning", t("data_empty", lang), None)
    else:
        st.session_state["data_flash"] = ("error", t("data_has_errors", lang), None)


def rollback(version_id: int, lang: str) -> None:
    """Button callback: make an older version current again."""
    if not is_committee():  # checked again right before the write
        st.session_state["data_flash"] = ("error", t("auth_sign_in_needed", lang), None)
        return
    try:
        open_store().rollback(version_id, by=current_user() or t("auth_committee", lang))
    except StoreError as exc:
        st.session_state["data_flash"] = ("error", exc.text(lang), None)
        return
    st.session_state[f"data_rollback_confirm_{version_id}"] = False
    st.session_state["data_flash"] = ("success", t("data_rolled_back", lang, id=version_id), version_id)


def show_flash(lang: str) -> None:
    """Show the message left by the last publish or rollback, once."""
    flash = st.session_state.pop("data_flash", None)
    if not flash:
        return
    kind, text, version_id = flash
    getattr(st, kind)(text)
    if kind == "success" and version_id is not None:
        st.page_link("app_pages/overview.py", label=t("data_goto_overview", lang), icon=":material/dashboard:")


# --------------------------------------------------------------------------- history


def history_frame(lang: str) -> tuple[pd.DataFrame, list]:
    """The history table in `lang` and the versions behind its rows."""
    versions = open_store().history()
    frame = pd.DataFrame({  # "current" second: seen at 1280 px however long the file names are
        "#": [v.id for v in versions],
        t("data_col_current", lang): [v.current for v in versions],
        t("data_col_when", lang): [vietnam_time(v.created_at) for v in versions],
        t("data_col_by", lang): [v.by or "—" for v in versions],
        t("data_col_comment", lang): [v.comment for v in versions],
        t("data_col_files", lang): [", ".join(v.files) for v in versions],
    })
    return frame, versions


def rollbacks_frame(lang: str) -> pd.DataFrame:
    """The recorded rollbacks, newest first: when, who, from which version to which, the comment."""
    events = [e for e in open_store().events() if e.action == "rollback"]
    return pd.DataFrame({
        t("history.col_when", lang): [vietnam_time(e.created_at) for e in events],
        t("history.col_by", lang): [e.by or t("history.unknown_by", lang) for e in events],
        t("history.col_from", lang): [f"#{e.from_version}" if e.from_version is not None else "—" for e in events],
        t("history.col_to", lang): [f"#{e.to_version}" for e in events],
        t("history.col_comment", lang): [e.comment for e in events],
    })
