"""Named accounts with roles, their sessions, the one-time setup link and the access log.

Roles (what each may do is `CAPABILITIES`, the one table every page and write path asks):
committee (publish, roll back, manage accounts, everything), counter (enter ballots for the elections
assigned to it), check-in (attendance marks, sees who is convened), viewer (a signed-in delegate; sees
the named roster only when the union opens it, `UNIONBOARD_ROSTER_FOR_SIGNED_IN=1`).

Passwords are kept only as salted scrypt hashes (`unionboard.store.auth`); no method returns, logs or
exports a hash. Every change of password, role or state bumps the account's `generation`: open
sessions carry the generation they were made with and end at their next action. A session that
survives a page reload is a signed token (HMAC-SHA256 with a key kept in the store) naming a row of
`session_tokens`; signing out deletes the row, so a copied token stops working at once.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets as _secrets
import threading
import time
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
    update,
)

from unionboard.core import settings
from unionboard.store.auth import (
    MIN_PASSWORD_LENGTH,
    LoginResult,
    Throttle,
    hash_password,
    verify_password,
)
from unionboard.store.versions import Store, create_tables, iso_utc, open_store, utc_now

ROLES = ("committee", "counter", "checkin", "viewer")
CAPABILITIES: dict[str, frozenset[str]] = {
    "committee": frozenset({"publish", "manage_accounts", "setup_elections", "enter_ballots", "mark_attendance",
                            "see_personal", "see_attendance", "download_originals"}),
    "counter": frozenset({"enter_ballots"}),
    "checkin": frozenset({"mark_attendance", "see_attendance"}),
    "viewer": frozenset(),
}
OPEN_ROSTER_ENV = settings.ROSTER_FOR_SIGNED_IN.name  # "1": every signed-in role sees the named roster
SESSION_HOURS_ENV = settings.SESSION_HOURS.name
DEFAULT_SESSION_HOURS = 12.0
ACCOUNT_FREE_FAILURES = 5  # wrong passwords on one account (from any client) before it is slowed down
USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")
SCHEMA_LOCK = 0x61636374  # advisory lock key while creating these tables on PostgreSQL
TOKEN_VERSION = "v1"

metadata = MetaData()

accounts_table = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", Text, nullable=False, default=""),
    Column("role", String(16), nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("generation", Integer, nullable=False, default=1),
    Column("elections", Text, nullable=False, default=""),  # counter: assigned election ids, "1,3"
    Column("created_by", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

session_tokens_table = Table(
    "session_tokens", metadata,
    Column("jti", String(64), primary_key=True),
    Column("account_id", Integer, nullable=False, index=True),
    Column("expires_at", Float, nullable=False),  # epoch seconds
)

auth_keys_table = Table(
    "auth_keys", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", String(128), nullable=False),
)

setup_tokens_table = Table(
    "setup_tokens", metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True), nullable=True),
)

access_log_table = Table(
    "access_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("account", Text, nullable=False),
    Column("action", String(32), nullable=False),
    Column("what", Text, nullable=False, default=""),
)

_READY: weakref.WeakSet[Engine] = weakref.WeakSet()
_KEYS: dict[str, bytes] = {}  # the signing key of each store, read once per process
_READY_LOCK = threading.Lock()


class AccountError(ValueError):
    """A request on accounts that cannot be done; `code` is a catalogue key (nothing was changed)."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code, self.params = code, params


@dataclass(frozen=True)
class Account:
    """A named account as the pages see it (never its password hash)."""

    id: int
    username: str
    display_name: str
    role: str
    disabled: bool
    generation: int
    elections: tuple[int, ...] = ()

    @property
    def label(self) -> str:
        """How the account is recorded in the history: "Display name (username)"."""
        return f"{self.display_name} ({self.username})" if self.display_name else self.username

    def to_dict(self) -> dict:
        """The `users list --json` object."""
        return {"username": self.username, "display_name": self.display_name, "role": self.role,
                "disabled": self.disabled, "elections": list(self.elections)}


def roster_open() -> bool:
    """Whether the union opened the named roster to every signed-in account (documented option)."""
    try:
        return bool(settings.value(settings.ROSTER_FOR_SIGNED_IN))
    except settings.SettingError:
        return False  # a value that is not 1/0 never opens personal data


def may(role: str | None, capability: str, election_id: int | None = None,
        account: Account | None = None) -> bool:
    """Whether `role` may do `capability` (a counter only for the elections assigned to it)."""
    if not role or role not in CAPABILITIES:
        return False
    if capability == "see_personal" and roster_open():
        return True
    if capability not in CAPABILITIES[role]:
        return False
    if capability == "enter_ballots" and role == "counter" and election_id is not None:
        return account is not None and election_id in account.elections
    return True


def session_seconds() -> float:
    """How long a sign-in survives page reloads ($UNIONBOARD_SESSION_HOURS, default 12 h)."""
    try:
        hours = float(settings.value(settings.SESSION_HOURS))
    except settings.SettingError:
        hours = DEFAULT_SESSION_HOURS
    return max(0.1, min(hours, 24 * 30)) * 3600


def normalize_username(username: str) -> str:
    """The stored form of a user name (trimmed, lower case)."""
    return (username or "").strip().lower()


def _elections_text(elections: Iterable[int]) -> str:
    return ",".join(str(int(e)) for e in sorted(set(elections)))


def _account(row) -> Account:
    elections = tuple(int(x) for x in (row["elections"] or "").split(",") if x.strip().isdigit())
    return Account(id=row["id"], username=row["username"], display_name=row["display_name"], role=row["role"],
                   disabled=bool(row["disabled"]), generation=int(row["generation"]), elections=elections)


def check_password_rules(password: str) -> None:
    """Refuse a password shorter than `MIN_PASSWORD_LENGTH` characters."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError("acct.err_short", n=MIN_PASSWORD_LENGTH)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


class Accounts:
    """Accounts, sessions, setup links and the access log in the store at `url` (None: the app's store)."""

    def __init__(self, url: str | None = None, store: Store | None = None) -> None:
        self.store = store or open_store(url)
        with _READY_LOCK:
            if self.store.engine not in _READY:
                create_tables(self.store.engine, metadata, SCHEMA_LOCK)
                _READY.add(self.store.engine)

    # ------------------------------------------------------------------ reading

    def count(self) -> int:
        """How many accounts exist (disabled ones included)."""
        with self.store.read() as conn:
            return int(conn.execute(select(func.count()).select_from(accounts_table)).scalar_one())

    def list(self) -> list[Account]:
        """Every account, by user name."""
        with self.store.read() as conn:
            rows = conn.execute(select(accounts_table).order_by(accounts_table.c.username)).mappings().all()
        return [_account(r) for r in rows]

    def get(self, username: str) -> Account | None:
        """The account of that user name, or None."""
        with self.store.read() as conn:
            row = conn.execute(select(accounts_table).where(
                accounts_table.c.username == normalize_username(username))).mappings().first()
        return _account(row) if row else None

    def by_id(self, account_id: int) -> Account | None:
        """The account with that id, or None."""
        with self.store.read() as conn:
            row = conn.execute(select(accounts_table).where(accounts_table.c.id == account_id)).mappings().first()
        return _account(row) if row else None

    def still_valid(self, account_id: int, generation: int) -> Account | None:
        """The account when it is enabled and its generation unchanged (a session's check at every action)."""
        account = self.by_id(account_id)
        if account is None or account.disabled or account.generation != generation:
            return None
        return account

    # ------------------------------------------------------------------ changing

    def add(self, username: str, password: str, role: str, *, display_name: str = "", by: str = "",
            elections: Sequence[int] = ()) -> Account:
        """Create an account; refuses a bad user name, role, short password or a name already taken."""
        name = normalize_username(username)
        if not USERNAME_RE.match(name):
            raise AccountError("acct.err_username")
        if role not in ROLES:
            raise AccountError("acct.err_role", role=role)
        check_password_rules(password)
        now = utc_now()
        with self.store.write() as conn:
            if conn.execute(select(accounts_table.c.id).where(accounts_table.c.username == name)).first():
                raise AccountError("acct.err_exists", username=name)
            conn.execute(insert(accounts_table).values(
                username=name, display_name=(display_name or "").strip()[:120], role=role,
                password_hash=hash_password(password), disabled=False, generation=1,
                elections=_elections_text(elections), created_by=by, created_at=now, updated_at=now))
            self._log(conn, by, "account_add", f"{name} ({role})")
        return self.get(name)  # type: ignore[return-value]

    def _change(self, username: str, by: str, action: str, what: str, bump: bool = True, **values) -> Account:
        name = normalize_username(username)
        with self.store.write() as conn:
            row = conn.execute(select(accounts_table.c.generation).where(accounts_table.c.username == name)).first()
            if row is None:
                raise AccountError("acct.err_unknown", username=name)
            if bump:
                values["generation"] = int(row[0]) + 1
            conn.execute(update(accounts_table).where(accounts_table.c.username == name).values(
                updated_at=utc_now(), **values))
            self._log(conn, by, action, f"{name}{what}")
        return self.get(name)  # type: ignore[return-value]

    def set_password(self, username: str, password: str, by: str = "") -> Account:
        """Change or reset the password; ends that account's open sessions."""
        check_password_rules(password)
        return self._change(username, by, "account_password", "", password_hash=hash_password(password))

    def set_disabled(self, username: str, disabled: bool, by: str = "") -> Account:
        """Disable (ends its sessions) or enable an account."""
        return self._change(username, by, "account_disable" if disabled else "account_enable", "",
                            disabled=bool(disabled))

    def set_role(self, username: str, role: str, by: str = "", elections: Sequence[int] | None = None) -> Account:
        """Change the role (ends that account's sessions) and, for a counter, its elections."""
        if role not in ROLES:
            raise AccountError("acct.err_role", role=role)
        extra = {} if elections is None else {"elections": _elections_text(elections)}
        return self._change(username, by, "account_role", f" → {role}", role=role, **extra)

    def set_elections(self, username: str, elections: Sequence[int], by: str = "") -> Account:
        """Assign elections to a counter (its sessions go on)."""
        text = _elections_text(elections)
        return self._change(username, by, "account_elections", f" → {text or '—'}", bump=False, elections=text)

    # ------------------------------------------------------------------ signing in

    def authenticate(self, username: str, password: str, client: str,
                     throttle: Throttle | None = None) -> tuple[LoginResult, Account | None]:
        """Check a password, throttled per client and per account (attempts counted in the store first)."""
        name = normalize_username(username)
        throttle = throttle or Throttle(self.store)
        keys = [(f"client:{client}", 0), (f"account:{name}", ACCOUNT_FREE_FAILURES)]
        wait = throttle.reserve(keys)
        if wait > 0:
            return LoginResult(False, wait, "throttled"), None
        with self.store.read() as conn:
            row = conn.execute(select(accounts_table).where(accounts_table.c.username == name)).mappings().first()
        stored = row["password_hash"] if row else _DUMMY_HASH()
        if row is not None and not row["disabled"] and verify_password(password or "", stored):
            throttle.release(keys)
            return LoginResult(True, 0.0, "ok"), _account(row)
        if row is None:
            verify_password(password or "", stored)  # the same time whether or not the name exists
        return LoginResult(False, throttle.failed(keys), "wrong"), None

    # ------------------------------------------------------------------ sessions that survive a reload

    def _key(self) -> bytes:
        cached = _KEYS.get(self.store.url)
        if cached is not None:
            return cached
        with self.store.read() as conn:
            row = conn.execute(select(auth_keys_table.c.value).where(auth_keys_table.c.name == "session")).first()
        if row is not None:
            return _KEYS.setdefault(self.store.url, bytes.fromhex(row[0]))
        with self.store.write() as conn:
            row = conn.execute(select(auth_keys_table.c.value).where(auth_keys_table.c.name == "session")).first()
            if row is None:
                value = _secrets.token_hex(32)
                conn.execute(insert(auth_keys_table).values(name="session", value=value))
                return bytes.fromhex(value)
        return bytes.fromhex(row[0])

    def _sign(self, payload: str) -> str:
        return _b64(hmac.new(self._key(), payload.encode("ascii"), hashlib.sha256).digest())

    def issue_token(self, account_id: int, generation: str | int, seconds: float | None = None) -> str:
        """A signed token "v1.jti.account.generation.expires.signature" (account 0: the shared password)."""
        jti = _secrets.token_hex(16)
        expires = int(time.time() + (seconds if seconds is not None else session_seconds()))
        with self.store.write() as conn:
            conn.execute(delete(session_tokens_table).where(session_tokens_table.c.expires_at < time.time()))
            conn.execute(insert(session_tokens_table).values(jti=jti, account_id=account_id, expires_at=expires))
        payload = f"{TOKEN_VERSION}.{jti}.{int(account_id)}.{generation}.{expires}"
        return f"{payload}.{self._sign(payload)}"

    def read_token(self, token: str) -> tuple[int, str] | None:
        """(account id, generation) of a token that is well signed, unexpired and not signed out; else None."""
        parts = (token or "").split(".")
        if len(parts) != 6 or parts[0] != TOKEN_VERSION:
            return None
        payload, signature = ".".join(parts[:5]), parts[5]
        if not hmac.compare_digest(self._sign(payload), signature):
            return None
        _v, jti, account_s, generation, expires_s = parts[:5]
        try:
            account_id, expires = int(account_s), int(expires_s)
        except ValueError:
            return None
        if expires < time.time():
            return None
        with self.store.read() as conn:
            if conn.execute(select(session_tokens_table.c.jti).where(session_tokens_table.c.jti == jti)).first() is None:
                return None
        return account_id, generation

    def revoke_token(self, token: str) -> None:
        """Sign a token out (its row is deleted: the token no longer opens a session anywhere)."""
        parts = (token or "").split(".")
        if len(parts) == 6:
            with self.store.write() as conn:
                conn.execute(delete(session_tokens_table).where(session_tokens_table.c.jti == parts[1]))

    # ------------------------------------------------------------------ the first account

    def create_setup_token(self) -> str | None:
        """A one-time setup secret for the first account (None once any account exists)."""
        if self.count():
            return None
        token = _secrets.token_urlsafe(24)
        with self.store.write() as conn:
            conn.execute(insert(setup_tokens_table).values(
                token_sha256=hashlib.sha256(token.encode()).hexdigest(), created_at=utc_now()))
        return token

    def redeem_setup(self, token: str, username: str, password: str, display_name: str = "") -> Account:
        """Make the first committee account with a setup secret; the secret works once, and only while
        no account exists (checked and used up in one write transaction)."""
        name = normalize_username(username)
        if not USERNAME_RE.match(name):
            raise AccountError("acct.err_username")
        check_password_rules(password)
        digest = hashlib.sha256((token or "").encode()).hexdigest()
        now = utc_now()
        with self.store.write() as conn:
            used = conn.execute(update(setup_tokens_table).where(
                setup_tokens_table.c.token_sha256 == digest, setup_tokens_table.c.used_at.is_(None)
            ).values(used_at=now)).rowcount
            exists = conn.execute(select(func.count()).select_from(accounts_table)).scalar_one()
            if used != 1 or exists:
                raise AccountError("acct.err_setup_used")
            conn.execute(insert(accounts_table).values(
                username=name, display_name=(display_name or "").strip()[:120], role="committee",
                password_hash=hash_password(password), disabled=False, generation=1, elections="",
                created_by="setup", created_at=now, updated_at=now))
            self._log(conn, name, "account_add", f"{name} (committee, setup link)")
        return self.get(name)  # type: ignore[return-value]

    # ------------------------------------------------------------------ the access log

    @staticmethod
    def _log(conn, who: str, action: str, what: str) -> None:
        conn.execute(insert(access_log_table).values(at=utc_now(), account=who or "", action=action,
                                                     what=(what or "")[:500]))

    def log(self, who: str, action: str, what: str) -> None:
        """Record an access (a download of named data, ...): who, when, what."""
        with self.store.write() as conn:
            self._log(conn, who, action, what)

    def access_log(self, limit: int = 200) -> list[dict]:
        """The latest access-log rows, newest first: {"at", "account", "action", "what"}."""
        with self.store.read() as conn:
            rows = conn.execute(select(access_log_table).order_by(access_log_table.c.id.desc())
                                .limit(limit)).mappings().all()
        return [{"at": iso_utc(r["at"]), "account": r["account"], "action": r["action"], "what": r["what"]}
                for r in rows]


_DUMMY: list[str] = []


def _DUMMY_HASH() -> str:  # noqa: N802 - a constant made on first use
    if not _DUMMY:
        _DUMMY.append(hash_password(_secrets.token_hex(8)))
    return _DUMMY[0]
