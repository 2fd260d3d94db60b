"""The committee's accounts panel: list, add, reset a password, change a role, disable; the access log."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from unionboard.core.i18n import t
from unionboard.core.text import vietnam_time
from unionboard.store.accounts import ROLES, AccountError
from unionboard.ui.auth import accounts, can, current, current_user

FLASH = "_acct_flash"


def _flash(kind: str, text: str) -> None:
    st.session_state[FLASH] = (kind, text)


def show_flash() -> None:
    """The outcome of the last change (a success or the reason it was refused)."""
    flash = st.session_state.pop(FLASH, None)
    if flash:
        (st.success if flash[0] == "success" else st.error)(flash[1])


def _run(lang: str, username: str, change) -> None:
    """Run one change (re-checking the role right before the write); flash the outcome."""
    if not can("manage_accounts"):
        _flash("error", t("acct.needs_role", lang))
        return
    try:
        change()
    except AccountError as exc:
        _flash("error", t(exc.code, lang, **exc.params))
        return
    _flash("success", t("acct.done", lang, username=username))


def _role_label(lang: str):
    return lambda role: t(f"acct.role_{role}", lang)


def accounts_table(lang: str, titles: dict[int, str]) -> list:
    """Every account (never a password or hash) as a table; returns the accounts."""
    rows = accounts().list()
    frame = pd.DataFrame({
        t("acct.col_username", lang): [a.username for a in rows],
        t("acct.col_name", lang): [a.display_name for a in rows],
        t("acct.col_role", lang): [t(f"acct.role_{a.role}", lang) for a in rows],
        t("acct.col_state", lang): [t("acct.state_disabled" if a.disabled else "acct.state_active", lang) for a in rows],
        t("acct.col_elections", lang): [", ".join(titles.get(e, str(e)) for e in a.elections) for a in rows],
    })
    st.dataframe(frame, hide_index=True, width="stretch")
    return rows


def _add(lang: str, by: str) -> None:
    state = st.session_state
    username = str(state.get("acct_new_user", ""))
    password = str(state.pop("acct_new_password", "") or "")
    _run(lang, username, lambda: accounts().add(
        username, password, str(state.get("acct_new_role")), display_name=str(state.get("acct_new_name", "")),
        by=by, elections=state.get("acct_new_elections", [])))


def add_form(lang: str, titles: dict[int, str]) -> None:
    """Add an account: user name, full name, role, password, and a counter's elections."""
    with st.form("acct_add", clear_on_submit=True):
        with st.container(horizontal=True):
            st.text_input(t("acct.username", lang), key="acct_new_user", max_chars=64)
            st.text_input(t("acct.display_name", lang), key="acct_new_name", max_chars=120)
        with st.container(horizontal=True):
            st.selectbox(t("acct.role", lang), ROLES, key="acct_new_role", format_func=_role_label(lang))
            st.text_input(t("acct.password", lang), type="password", key="acct_new_password")
        if titles:  # a counter enters ballots only for the elections assigned to it
            st.multiselect(t("acct.elections", lang), list(titles), key="acct_new_elections", format_func=titles.get)
        st.form_submit_button(t("acct.add", lang), type="primary", icon=":material/person_add:",
                              on_click=_add, args=(lang, current_user()))


def _is_self(username: str) -> bool:
    who = current()
    return who is not None and who.account is not None and who.account.username == username


def _save_role(lang: str, username: str, role: str, elections: list[int], by: str) -> None:
    def change() -> None:
        if role != "committee" and _is_self(username):  # a union must keep a way in
            raise AccountError("acct.err_self")
        accounts().set_role(username, role, by, elections)
    _run(lang, username, change)


def _toggle(lang: str, username: str, disable: bool, by: str) -> None:
    def change() -> None:
        if disable and _is_self(username):
            raise AccountError("acct.err_self")
        accounts().set_disabled(username, disable, by)
    _run(lang, username, change)


def _reset(lang: str, username: str, by: str) -> None:
    password = str(st.session_state.pop("acct_reset_password", "") or "")
    _run(lang, username, lambda: accounts().set_password(username, password, by))


def edit_form(lang: str, rows: list, titles: dict[int, str]) -> None:
    """Change one account: reset its password, its role and elections, disable or enable it."""
    if not rows:
        return
    by = current_user()
    chosen = st.selectbox(t("acct.pick", lang), [a.username for a in rows], key="acct_pick")
    account = next(a for a in rows if a.username == chosen)
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.text_input(t("acct.new_password", lang), type="password", key="acct_reset_password")
        st.button(t("acct.reset", lang), key="acct_reset", icon=":material/password:", on_click=_reset,
                  args=(lang, chosen, by))
    with st.container(horizontal=True, vertical_alignment="bottom"):
        role = st.selectbox(t("acct.role", lang), ROLES, index=ROLES.index(account.role), key=f"acct_role_{chosen}",
                            format_func=_role_label(lang))
        elections = st.multiselect(t("acct.elections", lang), list(titles), key=f"acct_elections_{chosen}",
                                   default=[e for e in account.elections if e in titles],
                                   format_func=titles.get) if titles else []
        st.button(t("acct.save_role", lang), key="acct_save_role", icon=":material/badge:", on_click=_save_role,
                  args=(lang, chosen, role, elections, by))
    st.button(t("acct.enable" if account.disabled else "acct.disable", lang), key="acct_toggle",
              icon=":material/block:", on_click=_toggle, args=(lang, chosen, not account.disabled, by))


def access_log(lang: str) -> None:
    """The latest downloads of named data and account changes: who, when, what."""
    rows = accounts().access_log()
    if not rows:
        return
    st.dataframe(pd.DataFrame({
        t("acct.col_at", lang): [vietnam_time(r["at"]) for r in rows],
        t("acct.col_account", lang): [r["account"] for r in rows],
        t("acct.col_action", lang): [t(f"acct.action_{r['action']}", lang) for r in rows],
        t("acct.col_what", lang): [r["what"] for r in rows],
    }), hide_index=True, width="stretch")
