"""Ban chấp hành › Tài khoản: named accounts with roles, and the access log of personal data (committee only)."""

import streamlit as st

from unionboard.core.i18n import t
from unionboard.store.congress import CongressStore
from unionboard.ui import accounts_ui as au
from unionboard.ui.auth import require_role
from unionboard.ui.data import get_view

view = get_view()
lang = view.lang
st.title(t("acct.page_title", lang))
st.caption(t("acct.page_intro", lang))
au.show_flash()
if not require_role("manage_accounts", lang):
    st.stop()

titles = {e.id: f"{e.id}. {e.title}" for e in CongressStore().elections()}
rows = au.accounts_table(lang, titles)
st.subheader(t("acct.add_heading", lang))
au.add_form(lang, titles)
st.subheader(t("acct.edit_heading", lang))
au.edit_form(lang, rows, titles)
st.subheader(t("acct.log_heading", lang))
au.access_log(lang)
