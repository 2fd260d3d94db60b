"""unionboard.ui.auth in a minimal AppTest script: secrets handling, the sign-in form, throttle, sign-out."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from unionboard.store.auth import hash_password
from unionboard.store.versions import dispose_engines

PASSWORD = "mat-khau-thu-nghiem"


def script():
    import streamlit as st

    from unionboard.ui.auth import (
        committee_secrets,
        is_committee,
        oidc_configured,
        require_committee,
        sidebar_status,
    )

    st.text(f"secrets={committee_secrets() is not None} oidc={oidc_configured()}")
    allowed = require_committee("vi")
    st.text(f"allowed={allowed} committee={is_committee()}")
    sidebar_status("vi")


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    for name in ("UNIONBOARD_DB_URL", "UNIONBOARD_COMMITTEE_PASSWORD_HASH", "UNIONBOARD_COMMITTEE_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    yield monkeypatch
    dispose_engines()


def run(secrets: dict | None = None) -> AppTest:
    at = AppTest.from_function(script, default_timeout=30)
    for key, value in (secrets or {}).items():
        at.secrets[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest) -> str:
    return "\n".join([x.value for x in at.text] + [x.value for x in at.info] + [x.value for x in at.warning]
                     + [x.value for x in at.error] + [x.value for x in at.caption] + [x.value for x in at.code])


def submit(at: AppTest, password: str) -> AppTest:
    at.text_input(key="_committee_password").input(password)
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception
    return at


def test_without_any_password_explains_and_has_no_open_default(env):
    at = run()
    text = shown(at)
    assert "secrets=False oidc=False" in text
    assert "allowed=False committee=False" in text
    assert "UNIONBOARD_COMMITTEE_PASSWORD_HASH" in text and "python -m unionboard hash-password" in text
    assert not at.text_input and not at.button


def test_env_password_sign_in_keeps_only_a_flag(env):
    env.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    at = run()
    assert "allowed=False" in shown(at)
    at.text_input(key="_committee_user").input("Anh Minh")
    submit(at, PASSWORD)
    assert "allowed=True committee=True" in shown(at)
    assert "Đã đăng nhập: Anh Minh" in shown(at)
    assert PASSWORD not in repr(at.session_state)
    at.button(key="committee_sign_out").click()
    at.run()
    assert "allowed=False committee=False" in shown(at)


def test_password_hash_from_secrets_committee_section(env):
    at = run({"committee": {"password_hash": hash_password(PASSWORD)}})
    assert "secrets=True" in shown(at)
    submit(at, PASSWORD)
    assert "allowed=True" in shown(at)


def test_wrong_password_then_throttled(env):
    env.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    at = run()
    submit(at, "sai")
    assert "Sai mật khẩu. Hãy đợi 1 giây" in shown(at)
    submit(at, PASSWORD)  # within the wait: refused even with the right password
    assert "Đã nhập sai nhiều lần" in shown(at)
    assert "allowed=False" in shown(at)


def test_oidc_section_shows_the_login_button(env):
    at = run({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
                       "client_id": "id", "client_secret": "secret",
                       "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"}})
    assert "oidc=True" in shown(at)
    assert [b.key for b in at.button] == ["committee_oidc"]
    assert "allowed=False committee=False" in shown(at)  # not logged in with the provider
