"""Committee sign-in for the pages: who may upload, publish and roll back.

Viewing needs no sign-in. A committee member signs in with the committee password (checked by
`unionboard.store.auth` through the persistent throttle) or, when an OIDC ``[auth]`` section exists in
``.streamlit/secrets.toml``, with ``st.login()`` (optionally limited to ``[committee] emails``).
Only a flag (and the name typed in) is kept in the session, never the password. Pages check
`is_committee()` when rendering and again right before every write.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from unionboard.core.i18n import t
from unionboard.store import auth
from unionboard.ui.components import md_escape

FLAG = "_committee_signed_in"
NAME = "_committee_name"


def _secret(key: str) -> Any | None:
    """st.secrets[key], or None when absent or when there is no secrets.toml (st.secrets then raises)."""
    try:
        return st.secrets.get(key)
    except Exception:
        return None


def committee_secrets() -> Mapping[str, Any] | None:
    """The ``[committee]`` table of st.secrets, or None."""
    section = _secret("committee")
    return section if hasattr(section, "get") else None


def oidc_configured() -> bool:
    """Whether ``[auth]`` (OIDC for st.login) is configured in st.secrets."""
    return _secret("auth") is not None


def _oidc_user_allowed() -> bool:
    if not oidc_configured():
        return False
    try:
        if not st.user.is_logged_in:
            return False
        email = str(st.user.get("email") or "").strip().lower()
    except Exception:
        return False
    allowed = (committee_secrets() or {}).get("emails")
    if not allowed:
        return True
    return email in {str(e).strip().lower() for e in allowed}


def is_committee() -> bool:
    """Whether this session may change data (password sign-in or an allowed OIDC user)."""
    signed_in = bool(st.session_state.get(FLAG)) and password_configured()  # a removed password ends it
    return signed_in or _oidc_user_allowed()


def current_user() -> str:
    """Who is signed in, for the version history ("" when unknown)."""
    if _oidc_user_allowed():
        try:
            return str(st.user.get("name") or st.user.get("email") or "")
        except Exception:
            return ""
    return str(st.session_state.get(NAME) or "") if st.session_state.get(FLAG) else ""


def password_configured() -> bool:
    """Whether a committee password hash is configured."""
    return auth.configured(committee_secrets())


def sign_out() -> None:
    """Forget the committee sign-in of this session."""
    st.session_state.pop(FLAG, None)
    st.session_state.pop(NAME, None)
    if _oidc_user_allowed():
        st.logout()


def _login(lang: str) -> None:
    """Form callback: check the password through the throttle; keep only a flag."""
    password = st.session_state.pop("_committee_password", "") or ""
    from unionboard.store.versions import open_store

    result = auth.attempt_login(password, committee_secrets(), auth.Throttle(open_store()))
    if result.ok:
        st.session_state[FLAG] = True
        st.session_state[NAME] = (st.session_state.get("_committee_user") or "").strip()[:80]
        st.session_state.pop("_committee_login_error", None)
    else:
        st.session_state["_committee_login_error"] = (result.reason, result.wait_seconds)


def sign_in_form(lang: str) -> None:
    """The password form (and the st.login button when OIDC is configured)."""
    if oidc_configured():
        st.button(t("auth_oidc_login", lang), icon=":material/login:", on_click=st.login, key="committee_oidc")
    if not password_configured():
        return
    with st.form("committee_sign_in", enter_to_submit=True):
        st.text_input(t("auth_name", lang), key="_committee_user", max_chars=80)
        st.text_input(t("auth_password", lang), type="password", key="_committee_password")
        st.form_submit_button(t("auth_sign_in", lang), icon=":material/lock_open:", on_click=_login,
                              args=(lang,))
    error = st.session_state.pop("_committee_login_error", None)
    if error:
        reason, wait = error
        seconds = max(1, round(wait))
        if reason == "throttled":
            st.error(t("auth_throttled", lang, seconds=seconds), icon=":material/timer:")
        elif reason == "not_configured":
            st.error(t("auth_not_configured", lang), icon=":material/lock:")
        else:
            st.error(t("auth_wrong", lang, seconds=seconds), icon=":material/error:")


def require_committee(lang: str) -> bool:
    """True when signed in; otherwise explains and shows the sign-in form (or how to enable it)."""
    if is_committee():
        return True
    if not password_configured() and not oidc_configured():
        st.warning(t("auth_not_configured", lang), icon=":material/lock:")
        st.code('python -m unionboard hash-password\n\n# .streamlit/secrets.toml\n[committee]\n'
                'password_hash = "scrypt$..."\n\n# hoặc / or\nexport UNIONBOARD_COMMITTEE_PASSWORD_HASH="scrypt$..."',
                language="toml")
        return False
    st.info(t("auth_sign_in_needed", lang), icon=":material/lock:")
    sign_in_form(lang)
    return False


def sidebar_status(lang: str) -> None:
    """Signed-in status and a sign-out button (shown only to a signed-in committee member)."""
    if not is_committee():
        return
    who = current_user() or t("auth_committee", lang)
    st.caption(t("auth_signed_in_as", lang, who=md_escape(who)))
    st.button(t("auth_sign_out", lang), icon=":material/logout:", on_click=sign_out, key="committee_sign_out")
