"""The committee's editor of the rule groups: one selectbox per spending category, saved as a new data version.

The choice is written as a "Nhóm quy định" workbook and published through the store like an upload (only the
rule_groups domain is replaced), against the version shown: a second submit of the same grouping stores nothing
(same as the version's grouping, or the version moved on: stale). The write re-checks the role right before it.
"""

from __future__ import annotations

import streamlit as st

from unionboard.analysis.rule_groups import Mapping, load_groups
from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.core.text import fold
from unionboard.export.rule_groups_sheet import rule_groups_workbook
from unionboard.ui.auth import can, current_user, sign_in_form
from unionboard.ui.components import md_escape

FLASH = "rules_editing_flash"


def _key(index: int) -> str:
    return f"rule_group_{index}"


def chosen_rows(found: tuple[Mapping, ...]) -> list[tuple[str, str]]:
    """(category, group label) for every category given a group in the form."""
    labels = {g.id: g.label_vi for g in load_groups()}
    return [(m.item, labels[gid]) for i, m in enumerate(found) if (gid := st.session_state.get(_key(i))) in labels]


def _as_written(rows) -> set[tuple[str, str]]:
    return {(fold(item), fold(group)) for item, group, *_ in rows}


def _save(view, found: tuple[Mapping, ...], lang: str) -> None:
    """Form callback: publish the grouping (committee only, once)."""
    if not can("publish"):  # re-checked right before the write
        st.session_state[FLASH] = ("error", t("rules_editing.sign_in", lang))
        return
    rows = chosen_rows(found)
    version = view.source.version
    if _as_written(rows) == _as_written(view.result.dataset.get("rule_groups") or ()):
        st.session_state[FLASH] = ("info", t("rules_editing.identical", lang, id=version.id))
        return
    from unionboard.publish.service import publish_files
    from unionboard.store.versions import StoreError, open_store

    upload = SourceFile(t("rules_editing.file_name", "vi"), rule_groups_workbook(rows))
    try:
        outcome = publish_files(open_store(), [upload], by=current_user() or t("rules_editing.by", lang),
                                comment=t("rules_editing.comment", lang), expected_current=version.id)
    except StoreError as error:
        st.session_state[FLASH] = ("error", f'{t("rules_editing.failed", lang)} {error.text(lang)}')
        return
    if outcome.reason == "created":
        st.session_state[FLASH] = ("success", t("rules_editing.saved", lang, id=outcome.version_id))
    elif outcome.reason in ("stale", "identical"):
        st.session_state[FLASH] = ("warning" if outcome.reason == "stale" else "info",
                                   t(f"rules_editing.{outcome.reason}", lang, id=outcome.current_id))
    else:
        st.session_state[FLASH] = ("error", t("rules_editing.failed", lang))


def groups_editor(view, found: tuple[Mapping, ...]) -> None:
    """The form for the committee on published data; anyone else is asked to sign in (or told it is example data)."""
    lang = view.lang
    flash = st.session_state.pop(FLASH, None)
    if flash:
        getattr(st, flash[0])(flash[1])
    groups = {g.id: g.label(lang) for g in load_groups()}
    with st.expander(t("rules_editing.heading", lang), icon=":material/edit:"):
        if not can("publish"):
            st.caption(t("rules_editing.sign_in", lang))
            sign_in_form(lang)
            return
        if view.source.version is None:
            st.caption(t("rules_editing.sample", lang))
            return
        st.caption(t("rules_editing.caption", lang))
        with st.form("rule_groups_form", border=False):
            ids = list(groups)
            for i, m in enumerate(found):
                st.selectbox(md_escape(m.item, inline=True), ids, index=ids.index(m.group.id) if m.group else None,
                             key=_key(i), format_func=groups.get, placeholder=t("rules_editing.placeholder", lang))
            st.form_submit_button(t("rules_editing.submit", lang), on_click=_save, args=(view, found, lang),
                                  icon=":material/save:")
