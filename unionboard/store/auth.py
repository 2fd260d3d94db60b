"""The committee password (who may publish and roll back) and a persistent failed-attempt throttle.

No Streamlit here: the UI passes its secrets in. The password comes from, in order:
the `secrets` mapping given (either st.secrets itself or its ``[committee]`` table, keys
``password_hash`` or ``password``), then ``UNIONBOARD_COMMITTEE_PASSWORD_HASH``, then
``UNIONBOARD_COMMITTEE_PASSWORD``. A plain password is only ever compared through a salted scrypt
hash. With no password configured, changes are disabled (`configured()` is False) — there is no
open default.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets as _secrets
import threading
import time
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    select,
    update,
)

from unionboard.core import settings
from unionboard.store.db import create_tables

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SCRYPT_DKLEN = 32
SALT_BYTES = 16
MAX_SCRYPT_N = 2**20  # refuse absurd stored parameters (memory exhaustion)
MIN_PASSWORD_LENGTH = 8
BASE_DELAY_S = 1.0
MAX_DELAY_S = 30.0
ENV_HASH = settings.COMMITTEE_PASSWORD_HASH.name
ENV_PASSWORD = settings.COMMITTEE_PASSWORD.name
DEFAULT_KEY = "committee"
SCHEMA_LOCK = 0x61757468  # advisory lock key while creating the table on PostgreSQL

metadata = MetaData()

auth_failures_table = Table(
    "auth_failures", metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", Float, nullable=False, default=0.0),  # epoch seconds
    Column("next_allowed_at", Float, nullable=False, default=0.0),
)
T = auth_failures_table  # short name in the queries below
_READY: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose table exists
_READY_LOCK = threading.Lock()


def _ensure_table(engine: Engine) -> None:
    with _READY_LOCK:
        if engine not in _READY:
            create_tables(engine, metadata, SCHEMA_LOCK)
            _READY.add(engine)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=dklen,
                          maxmem=128 * r * n * p + 4 * 1024 * 1024)


def hash_password(password: str, salt: bytes | None = None) -> str:
    """"scrypt$n$r$p$salt_b64$hash_b64" with a random 16-byte salt unless one is given."""
    salt = _secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_DKLEN)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """Whether `password` matches a `hash_password` string (False for a malformed one)."""
    try:
        scheme, n_s, r_s, p_s, salt_s, hash_s = stored.strip().split("$")
        n, r, p = int(n_s), int(r_s), int(p_s)
        salt, expected = base64.b64decode(salt_s, validate=True), base64.b64decode(hash_s, validate=True)
    except (ValueError, AttributeError):
        return False
    if scheme != "scrypt" or not (1 < n <= MAX_SCRYPT_N) or n & (n - 1) or not (0 < r <= 32) \
            or not (0 < p <= 16) or not expected:
        return False
    try:
        actual = _scrypt(password, salt, n, r, p, len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


# --------------------------------------------------------------------------- configuration


def _section(secrets: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if not secrets:
        return {}
    try:
        inner = secrets.get("committee") if hasattr(secrets, "get") else None
    except Exception:  # st.secrets raises when no secrets.toml exists
        return {}
    return inner if isinstance(inner, Mapping) or hasattr(inner, "get") else secrets


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def stored_hash(secrets: Mapping[str, Any] | None = None) -> str | None:
    """The configured password as a salted hash (a plain password is hashed in memory), or None."""
    section = _section(secrets)
    try:
        from_secrets = (_text(section.get("password_hash")), _text(section.get("password")))
    except Exception:
        from_secrets = ("", "")
    candidates = (("hash", from_secrets[0]), ("plain", from_secrets[1]),
                  ("hash", _text(settings.value(settings.COMMITTEE_PASSWORD_HASH))),
                  ("plain", settings.raw(settings.COMMITTEE_PASSWORD) or ""))  # as typed, spaces too
    for kind, value in candidates:
        if value:
            return value if kind == "hash" else _hash_plain(value)
    return None


_PLAIN_CACHE: dict[str, str] = {}


def _hash_plain(password: str) -> str:
    """A salted hash of a plainly configured password, made once per process (kept only hashed)."""
    key = hashlib.sha256(password.encode("utf-8")).hexdigest()
    if key not in _PLAIN_CACHE:
        _PLAIN_CACHE[key] = hash_password(password)
    return _PLAIN_CACHE[key]


def configured(secrets: Mapping[str, Any] | None = None) -> bool:
    """Whether a committee password is set; without one, changes are disabled."""
    return stored_hash(secrets) is not None


def check_password(password: str, secrets: Mapping[str, Any] | None = None) -> bool:
    """Whether `password` is the committee password (always False when none is configured)."""
    stored = stored_hash(secrets)
    return bool(stored) and isinstance(password, str) and bool(password) and verify_password(password, stored)


# --------------------------------------------------------------------------- throttle


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failures: 1, 2, 4, ... up to 30."""
    if failures <= 0:
        return 0.0
    return min(MAX_DELAY_S, BASE_DELAY_S * 2 ** min(failures - 1, 16))


class Throttle:
    """Failed-attempt throttle per key, persisted in the store's `auth_failures` table."""

    def __init__(self, store=None, clock: Callable[[], float] = time.time) -> None:
        if store is None:
            from unionboard.store.versions import open_store

            store = open_store()
        self.store = store
        _ensure_table(store.engine)
        self.clock = clock

    def _row(self, conn, key: str, lock: bool = False):

        query = select(T.c.failures, T.c.next_allowed_at).where(T.c.key == key)
        if lock and self.store.dialect == "postgresql":
            query = query.with_for_update()
        return conn.execute(query).first()

    def failures(self, key: str = DEFAULT_KEY) -> int:
        """Failed attempts recorded for `key` since the last success."""
        with self.store.read() as conn:
            row = self._row(conn, key)
        return int(row[0]) if row else 0

    def wait_seconds(self, key: str = DEFAULT_KEY) -> float:
        """Seconds before the next attempt is allowed (0 when it is allowed now)."""
        with self.store.read() as conn:
            row = self._row(conn, key)
        return max(0.0, float(row[1]) - self.clock()) if row else 0.0

    def record_failure(self, key: str = DEFAULT_KEY) -> float:
        """Count a failed attempt; returns the new wait in seconds."""

        now = self.clock()
        with self.store.write() as conn:
            row = self._row(conn, key, lock=True)
            if row is None:
                conn.execute(_insert_ignore(self.store.dialect, T).values(
                    key=key, failures=0, last_failure_at=now, next_allowed_at=now))
                row = self._row(conn, key, lock=True)
            failures = int(row[0]) + 1
            delay = delay_after(failures)
            conn.execute(update(T).where(T.c.key == key).values(
                failures=failures, last_failure_at=now, next_allowed_at=now + delay))
        return delay

    def reserve(self, keys: Sequence[tuple[str, int]]) -> float:
        """Count one attempt on every key before the password is checked, in one write transaction.

        `keys` are (key, free failures before any wait). When any key is still waiting, nothing is
        counted and its wait is returned; otherwise every key's count goes up at once (a success
        `release`s them) and 0 is returned. Counting first is what stops parallel guesses: each
        sees the attempts of the others, however many arrive together.
        """

        with self.store.write() as conn:
            rows, now = {}, None
            for key, _free in keys:
                row = self._row(conn, key, lock=True)
                now = self.clock() if now is None else now  # read once the first row is locked
                if row is None:
                    conn.execute(_insert_ignore(self.store.dialect, T).values(
                        key=key, failures=0, last_failure_at=now, next_allowed_at=now))
                    row = self._row(conn, key, lock=True)
                rows[key] = row
            now = self.clock() if now is None else now
            wait = max((float(row[1]) - now for row in rows.values()), default=0.0)
            if wait > 0:
                return wait
            for key, free in keys:
                failures = int(rows[key][0]) + 1
                conn.execute(update(T).where(T.c.key == key).values(
                    failures=failures, last_failure_at=now, next_allowed_at=now + delay_after(failures - free)))
        return 0.0

    def release(self, keys: Sequence[tuple[str, int]]) -> None:
        """Forget the attempts counted on `keys` (after a right password)."""

        with self.store.write() as conn:
            conn.execute(delete(T).where(T.c.key.in_([key for key, _free in keys])))

    def failed(self, keys: Sequence[tuple[str, int]]) -> float:
        """After a wrong password: start each key's wait from now (the check itself took time); the longest."""

        now, waits = self.clock(), [0.0]
        with self.store.write() as conn:
            for key, free in keys:
                row = self._row(conn, key, lock=True)
                if row is not None:
                    delay = delay_after(int(row[0]) - free)
                    conn.execute(update(T).where(T.c.key == key).values(next_allowed_at=max(float(row[1]), now + delay)))
                    waits.append(max(float(row[1]) - now, delay))
        return max(waits)

    def record_success(self, key: str = DEFAULT_KEY) -> None:
        """Forget the failed attempts of `key`."""

        with self.store.write() as conn:
            conn.execute(delete(T).where(T.c.key == key))


def _insert_ignore(dialect: str, table):
    """INSERT ... ON CONFLICT DO NOTHING for the store's dialect."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table).on_conflict_do_nothing()
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table).on_conflict_do_nothing()


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a sign-in attempt: accepted, or refused with the wait."""
    ok: bool
    wait_seconds: float = 0.0  # > 0: throttled (try again later) or the delay after this failure
    reason: str = ""  # "ok" | "not_configured" | "throttled" | "wrong"


def attempt_login(password: str, secrets: Mapping[str, Any] | None = None, throttle: Throttle | None = None,
                  key: str = DEFAULT_KEY) -> LoginResult:
    """Check a password through the throttle; records the failure or the success."""
    if not configured(secrets):
        return LoginResult(False, 0.0, "not_configured")
    throttle = throttle or Throttle()
    keys = [(key, 0)]
    wait = throttle.reserve(keys)  # counted before checking: parallel guesses cannot slip past
    if wait > 0:
        return LoginResult(False, wait, "throttled")
    if check_password(password, secrets):
        throttle.release(keys)
        return LoginResult(True, 0.0, "ok")
    return LoginResult(False, throttle.failed(keys), "wrong")


def fingerprint(secrets: Mapping[str, Any] | None = None) -> str:
    """A short digest of the configured shared password (a session made with it ends when it changes)."""
    section = _section(secrets)
    try:
        raw = _text(section.get("password_hash")) or _text(section.get("password"))
    except Exception:
        raw = ""
    raw = raw or _text(settings.value(settings.COMMITTEE_PASSWORD_HASH)) or (settings.raw(settings.COMMITTEE_PASSWORD) or "")
    return hashlib.sha256(("unionboard-shared:" + raw).encode("utf-8")).hexdigest()[:16] if raw else ""
