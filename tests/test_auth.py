"""Committee password (scrypt hashes, configuration sources) and the persistent failed-attempt throttle."""

from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

from unionboard.store import auth
from unionboard.store.auth import (
    Throttle,
    attempt_login,
    check_password,
    configured,
    delay_after,
    hash_password,
    verify_password,
)
from unionboard.store.versions import dispose_engines, open_store

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_env_password(monkeypatch):
    monkeypatch.delenv(auth.ENV_HASH, raising=False)
    monkeypatch.delenv(auth.ENV_PASSWORD, raising=False)


# --------------------------------------------------------------------------- hashing


def test_hash_format_and_verify():
    hashed = hash_password("Đại hội IV 2017")
    scheme, n, r, p, salt, digest = hashed.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert verify_password("Đại hội IV 2017", hashed)
    assert not verify_password("Đại hội IV 2018", hashed)
    assert not verify_password("", hashed)


def test_salt_makes_hashes_differ_and_is_reproducible():
    assert hash_password("abcdefgh") != hash_password("abcdefgh")
    salt = b"0123456789abcdef"
    assert hash_password("abcdefgh", salt) == hash_password("abcdefgh", salt)


@pytest.mark.parametrize("stored", ["", "plain-text", "scrypt$1$2$3", "bcrypt$16384$8$1$AAAA$AAAA",
                                    "scrypt$16384$8$1$!!!$AAAA", "scrypt$1073741824$8$1$AAAA$AAAA",
                                    "scrypt$1000$8$1$AAAA$AAAA", "scrypt$16384$8$1$AAAA$"])
def test_malformed_hashes_never_verify(stored):
    assert not verify_password("anything", stored)


# --------------------------------------------------------------------------- configuration


def test_nothing_configured_means_changes_disabled():
    assert not configured() and not configured({}) and not configured(None)
    assert not configured({"committee": {"password": "", "password_hash": "  "}})
    assert not check_password("", None) and not check_password("anything", {})
    assert attempt_login("anything", {}).reason == "not_configured"


def test_sources(monkeypatch):
    hashed = hash_password("mat-khau-1")
    # st.secrets as a whole, or its [committee] table.
    assert configured({"committee": {"password_hash": hashed}})
    assert check_password("mat-khau-1", {"committee": {"password_hash": hashed}})
    assert check_password("mat-khau-1", {"password_hash": hashed})
    assert check_password("mat-khau-2", {"committee": {"password": "mat-khau-2"}})
    assert not check_password("mat-khau-1", {"committee": {"password": "mat-khau-2"}})
    # The plain password is only kept as a salted hash.
    stored = auth.stored_hash({"password": "mat-khau-2"})
    assert stored.startswith("scrypt$") and "mat-khau-2" not in stored
    # Environment.
    monkeypatch.setenv(auth.ENV_PASSWORD, "tu-moi-truong")
    assert configured() and check_password("tu-moi-truong") and not check_password("mat-khau-1")
    monkeypatch.setenv(auth.ENV_HASH, hashed)
    assert check_password("mat-khau-1")  # the hash wins over the plain variable
    # Secrets passed in win over the environment.
    assert check_password("mat-khau-2", {"committee": {"password": "mat-khau-2"}})


def test_secrets_object_that_raises_is_not_configured():
    class Broken(dict):
        def get(self, key, default=None):
            raise FileNotFoundError("no secrets.toml")

    assert not configured(Broken(x=1))


def test_auth_module_does_not_import_streamlit():
    code = "import sys, unionboard.store.auth; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True)


# --------------------------------------------------------------------------- throttle


def test_delays_double_up_to_30_seconds():
    assert [delay_after(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert delay_after(1000) == 30


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_throttle_doubles_and_persists(store_url):
    clock = Clock()
    throttle = Throttle(open_store(store_url), clock=clock)
    assert throttle.wait_seconds("ip-1") == 0
    assert throttle.record_failure("ip-1") == 1
    assert throttle.wait_seconds("ip-1") == 1
    clock.now += 0.4
    assert throttle.wait_seconds("ip-1") == pytest.approx(0.6)
    assert [throttle.record_failure("ip-1") for _ in range(6)] == [2, 4, 8, 16, 30, 30]
    assert throttle.failures("ip-1") == 7
    assert throttle.wait_seconds("other") == 0  # per key
    # Another process sees the same state (a fresh engine on the same database).
    dispose_engines()
    again = Throttle(open_store(store_url), clock=clock)
    assert again.wait_seconds("ip-1") == 30 and again.failures("ip-1") == 7
    clock.now += 31
    assert again.wait_seconds("ip-1") == 0
    again.record_success("ip-1")
    assert again.failures("ip-1") == 0 and again.record_failure("ip-1") == 1


def test_attempt_login_flow(store_url):
    clock = Clock()
    throttle = Throttle(open_store(store_url), clock=clock)
    secrets = {"committee": {"password_hash": hash_password("dung-mat-khau")}}
    wrong = attempt_login("sai", secrets, throttle)
    assert (wrong.ok, wrong.reason, wrong.wait_seconds) == (False, "wrong", 1)
    # Even the right password is refused while throttled.
    blocked = attempt_login("dung-mat-khau", secrets, throttle)
    assert (blocked.ok, blocked.reason) == (False, "throttled") and blocked.wait_seconds == 1
    clock.now += 1
    assert attempt_login("sai", secrets, throttle).wait_seconds == 2
    clock.now += 2
    ok = attempt_login("dung-mat-khau", secrets, throttle)
    assert ok.ok and ok.reason == "ok" and throttle.failures() == 0
