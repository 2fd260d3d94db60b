"""Sign-in and roles for the pages: who may see named data and who may change what.

Viewing aggregates needs no sign-in. A person signs in with a named account (`unionboard.store.accounts`:
committee, counter, check-in, viewer) or, as a documented fallback, with the committee's shared password
(``UNIONBOARD_COMMITTEE_PASSWORD(_HASH)`` / ``[committee]`` in secrets); both go through the per-client and
per-account throttle. With ``[auth]`` (OIDC) in secrets, ``st.login()`` users are mapped to the account whose
user name is their e-mail (else ``[committee] emails`` → committee). The session keeps the account id and
its generation, re-checked at every run, and a signed token in a cookie lets the sign-in survive a reload.
Pages ask `can(capability)` / `require_role(capability, lang)`; write paths ask `can` again right before
the write.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from unionboard.core.i18n import t
from unionboard.store import auth
from unionboard.store.accounts import Account, AccountError, Accounts, may
from unionboard.ui.components import md_escape

SESSION = "_ub_session"
COOKIE = "ub_session"
COOKIE_JS = "_ub_cookie_js"
ENDED = "_ub_session_ended"
SHARED_ID = 0  # the account id of a session opened with the shared committee password
VIEWING = frozenset({"see_personal", "see_attendance", "download_originals"})  # reading named data
FLAG = SESSION  # tests set it falsy to sign a session out between a render and a click


@dataclass(frozen=True)
class Who:
    """The signed-in person of this session: role, how recorded, the account (None: shared password/OIDC)."""

    role: str
    label: str
    account: Account | None = None


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


def password_configured() -> bool:
    """Whether the shared committee password (the fallback) is configured."""
    return auth.configured(committee_secrets())


def accounts() -> Accounts:
    """The accounts in the app's store."""
    return Accounts()


def _client() -> str:
    """The client for the throttle: its IP address as Streamlit sees it ("unknown" in tests)."""
    try:
        address = st.context.ip_address
    except Exception:
        address = None
    return address if isinstance(address, str) and address else "unknown"


def _oidc_who() -> Who | None:
    if not oidc_configured():
        return None
    try:
        if not st.user.is_logged_in:
            return None
        email = str(st.user.get("email") or "").strip().lower()
        name = str(st.user.get("name") or email)
    except Exception:
        return None
    account = accounts().get(email) if email else None
    if account is not None:
        return None if account.disabled else Who(account.role, account.label, account)
    allowed = (committee_secrets() or {}).get("emails")
    if allowed and email not in {str(e).strip().lower() for e in allowed}:
        return None
    return Who("committee", name)


def _valid(session: dict) -> Who | None:
    """The person of a stored session when it still holds (account enabled, generation unchanged)."""
    if session.get("account_id") == SHARED_ID:
        fingerprint = auth.fingerprint(committee_secrets())
        ok = bool(fingerprint) and session.get("generation") == fingerprint
        return Who("committee", session.get("name") or t("acct.shared", _lang())) if ok else None
    try:
        account = accounts().still_valid(int(session["account_id"]), int(session["generation"]))
    except (KeyError, ValueError, TypeError):
        return None
    return Who(account.role, account.label, account) if account else None


def _lang() -> str:
    return str(st.session_state.get("lang") or "vi")


def _from_cookie() -> dict | None:
    try:
        token = st.context.cookies.get(COOKIE)
    except Exception:
        return None
    found = accounts().read_token(token) if isinstance(token, str) and token else None
    if found is None:
        return None
    return {"account_id": found[0], "generation": found[1], "token": token}


def current() -> Who | None:
    """Who is signed in now (None: an unsigned viewer). A session whose account changed ends here."""
    session = st.session_state.get(SESSION)
    if session is None and not st.session_state.get("_ub_cookie_tried"):
        st.session_state["_ub_cookie_tried"] = True
        session = _from_cookie()
        if session is not None:
            st.session_state[SESSION] = session
    if isinstance(session, dict):
        who = _valid(session)
        if who is not None:
            return who
        _end(session.get("token"), ended=True)
    return _oidc_who()


def can(capability: str, election_id: int | None = None) -> bool:
    """Whether the signed-in person may do `capability` (see `store.accounts.CAPABILITIES`)."""
    who = current()
    return who is not None and may(who.role, capability, election_id, who.account)


def is_committee() -> bool:
    """Whether this session may publish, roll back and manage (the committee role)."""
    return can("publish")


def current_user() -> str:
    """The account recorded with every stored action ("" when nobody is signed in)."""
    who = current()
    return who.label if who else ""


def _end(token: str | None, ended: bool = False) -> None:
    st.session_state.pop(SESSION, None)
    if token:
        accounts().revoke_token(token)
        st.session_state[COOKIE_JS] = ""  # forget the cookie in the browser
    if ended:
        st.session_state[ENDED] = True


def sign_out() -> None:
    """End this session and its reload token; log out of OIDC too."""
    session = st.session_state.get(SESSION)
    _end(session.get("token") if isinstance(session, dict) else None)
    if _oidc_who() is not None:
        st.logout()


def _open(account_id: int, generation: str, name: str = "") -> None:
    token = accounts().issue_token(account_id, generation)
    st.session_state[SESSION] = {"account_id": account_id, "generation": generation, "token": token, "name": name}
    st.session_state[COOKIE_JS] = token
    st.session_state.pop(ENDED, None)


def _login(lang: str) -> None:
    """Form callback: a named account, or the shared password when no user name is given."""
    username = str(st.session_state.pop("_committee_login", "") or "").strip()
    name = str(st.session_state.get("_committee_user", "") or "").strip()[:80]
    password = st.session_state.pop("_committee_password", "") or ""
    from unionboard.store.versions import open_store

    if username:
        result, account = accounts().authenticate(username, password, _client())
        if result.ok and account is not None:
            _open(account.id, str(account.generation))
    else:
        result = auth.attempt_login(password, committee_secrets(), auth.Throttle(open_store()),
                                    key=f"client:{_client()}")
        if result.ok:
            _open(SHARED_ID, auth.fingerprint(committee_secrets()), name)
    if result.ok:
        st.session_state.pop("_committee_login_error", None)
    else:
        st.session_state["_committee_login_error"] = (result.reason, result.wait_seconds, bool(username))


def sign_in_form(lang: str) -> None:
    """The user name + password form (and the st.login button when OIDC is configured)."""
    if oidc_configured():
        st.button(t("auth_oidc_login", lang), icon=":material/login:", on_click=st.login, key="committee_oidc")
    if st.session_state.pop(ENDED, False):
        st.warning(t("acct.session_ended", lang), icon=":material/logout:")
    named, shared = accounts().count() > 0, password_configured()
    if not named and not shared:
        return
    with st.form("committee_sign_in", enter_to_submit=True):
        if named:
            st.text_input(t("acct.username", lang), key="_committee_login", max_chars=64,
                          help=t("acct.username_help", lang) if shared else None)
        if shared:  # the shared password (fallback) cannot tell who signs in: a name is asked
            st.text_input(t("auth_name", lang), key="_committee_user", max_chars=80)
        st.text_input(t("acct.password" if named else "auth_password", lang), type="password",
                      key="_committee_password")
        st.form_submit_button(t("auth_sign_in", lang), icon=":material/lock_open:", on_click=_login,
                              args=(lang,))
    error = st.session_state.pop("_committee_login_error", None)
    if error:
        reason, wait, named = error
        seconds = max(1, round(wait))
        if reason == "throttled":
            st.error(t("auth_throttled", lang, seconds=seconds), icon=":material/timer:")
        elif reason == "not_configured":
            st.error(t("auth_not_configured", lang), icon=":material/lock:")
        else:
            st.error(t("acct.wrong" if named else "auth_wrong", lang, seconds=seconds), icon=":material/error:")


def _no_way_in(lang: str) -> bool:
    """Explain how to make the first account when there is neither an account nor a password."""
    if password_configured() or oidc_configured() or accounts().count():
        return False
    st.warning(t("auth_not_configured", lang), icon=":material/lock:")
    st.code('python -m unionboard hash-password\n\n# .streamlit/secrets.toml\n[committee]\n'
            'password_hash = "scrypt$..."\n\n# hoặc / or\nexport UNIONBOARD_COMMITTEE_PASSWORD_HASH="scrypt$..."',
            language="toml")
    st.info(t("acct.no_account_yet", lang), icon=":material/person_add:")
    st.code("python -m unionboard users add ten-dang-nhap --role committee --name \"Họ tên\"\n"
            "python -m unionboard users setup-link", language="bash")
    return True


def require_role(capability: str, lang: str, *, election_id: int | None = None, form: bool = True,
                 message: str = "acct.needs_role") -> bool:
    """True when the signed-in person may do `capability`; otherwise says why (and shows the sign-in form)."""
    if can(capability, election_id):
        return True
    if form and capability not in VIEWING and _no_way_in(lang):  # how to make the first account: where one writes
        return False
    st.info(t(message, lang), icon=":material/lock:")
    if form and current() is None:
        sign_in_form(lang)
    return False


def require_committee(lang: str) -> bool:
    """True for the committee role; otherwise explains and shows the sign-in form."""
    return require_role("publish", lang, message="auth_sign_in_needed")


def log_download(what: str) -> None:
    """Download-button callback: record who downloaded which named data, and when."""
    accounts().log(current_user() or "?", "download", what)


def download_personal(container, label: str, data: bytes | Callable[[], bytes], *, what: str, file_name: str,
                      capability: str = "see_personal", **kwargs: Any) -> bool:
    """A download button for named personal data: drawn only for a role that may, every download logged."""
    if not can(capability):
        return False
    container.download_button(label, data, file_name=file_name, on_click=log_download,
                              args=(f"{what}: {file_name}",), **kwargs)
    return True


def _sync_cookie() -> None:
    """Write (or clear) the reload cookie in the browser once after a sign-in or sign-out."""
    token = st.session_state.pop(COOKIE_JS, None)
    if token is None:
        return
    from unionboard.store.accounts import session_seconds

    age = int(session_seconds()) if token else 0
    value = json.dumps(f"{COOKIE}={token}; Max-Age={age}; Path=/; SameSite=Strict")
    st.html(f"<script>document.cookie = {value} + (location.protocol === 'https:' ? '; Secure' : '');</script>",
            unsafe_allow_javascript=True, width=1)


def sidebar_status(lang: str) -> None:
    """Who is signed in, with the role, and a sign-out button (only for a signed-in person)."""
    _sync_cookie()
    who = current()
    if who is None:
        return
    st.caption(t("acct.signed_in_as", lang, who=md_escape(who.label), role=t(f"acct.role_{who.role}", lang)))
    st.button(t("auth_sign_out", lang), icon=":material/logout:", on_click=sign_out, key="committee_sign_out")


def setup_page(lang: str) -> bool:
    """The one-time setup link (``?setup=...``): a form making the first committee account. True when shown."""
    token = st.query_params.get("setup")
    if not token:
        return False
    st.title(t("acct.setup_heading", lang))
    with st.form("acct_setup"):
        st.text_input(t("acct.username", lang), key="_setup_user", max_chars=64)
        st.text_input(t("acct.display_name", lang), key="_setup_name", max_chars=120)
        st.text_input(t("acct.password", lang), type="password", key="_setup_password")
        done = st.form_submit_button(t("acct.setup_create", lang), type="primary")
    if done:
        state = st.session_state
        try:
            account = accounts().redeem_setup(token, state.get("_setup_user", ""), state.pop("_setup_password", ""),
                                              state.get("_setup_name", ""))
        except AccountError as exc:
            st.error(t(exc.code, lang, **exc.params), icon=":material/error:")
            return True
        _open(account.id, str(account.generation))
        del st.query_params["setup"]
        st.success(t("acct.setup_done", lang, username=account.username), icon=":material/check_circle:")
    return True


_SETUP_PRINTED: list[bool] = []


def announce_setup_link() -> None:
    """At the first page load of a server with no account and no password: print a one-time setup link."""
    if _SETUP_PRINTED:
        return
    _SETUP_PRINTED.append(True)
    if password_configured() or accounts().count():
        return
    token = accounts().create_setup_token()
    if token:
        import sys

        try:
            base = str(st.context.url or "").split("?")[0]
        except Exception:
            base = ""
        print(t("acct.setup_log", "vi", link=f"{base or 'http://localhost:8501/'}?setup={token}"),
              file=sys.stderr, flush=True)


def attendance_text(report, lang: str) -> str:  # noqa: ANN001 - a congress Credentials
    """The credentials report's attendance sentences; the names and reasons of the absent only for a role
    that may see attendance (others read how many, with no name)."""
    import dataclasses

    from unionboard.present.congress import attendance_sentence

    if not report.absent or can("see_attendance"):
        return attendance_sentence(report, lang)
    text = attendance_sentence(dataclasses.replace(report, absent=()), lang)
    return f"{text} {t('acct.absent_hidden', lang, n=len(report.absent))}"
