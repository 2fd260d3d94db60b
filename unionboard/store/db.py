"""The store's database: engines (SQLite by default, PostgreSQL by URL), the versions' tables, stored times.

Embedded SQLite by default (``$UNIONBOARD_HOME/unionboard.db``, WAL, busy timeout 30 s, foreign
keys on); set ``UNIONBOARD_DB_URL=postgresql+psycopg://...`` to share one PostgreSQL between
several app instances. SQLAlchemy Core only. One engine per process and URL; the tables of
`metadata` (and the `current` pointer row) are created on first use, other modules of the store
create theirs with `create_tables`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    event,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Connection, make_url

from unionboard.core import settings

REPO_ROOT = Path(__file__).resolve().parents[2]
SQLITE_BUSY_TIMEOUT_S = 30
_PG_SCHEMA_LOCK = 0x756E696F  # advisory lock key used while creating the schema

# --------------------------------------------------------------------------- schema

metadata = MetaData()

files_table = Table(
    "files", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("name", Text, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("has_info", Boolean, nullable=False, default=False),  # has a Thông tin sheet
    Column("created_at", DateTime(timezone=True), nullable=False),
)

versions_table = Table(
    "versions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", Text, nullable=False),
    Column("comment", Text, nullable=False, default=""),
    Column("action", String(16), nullable=False),
    Column("parent_id", Integer, ForeignKey("versions.id"), nullable=True),
    Column("summary_json", Text, nullable=True),
    Column("sha256", String(64), nullable=False),
)

version_domains_table = Table(
    "version_domains", metadata,
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Column("domain", String(32), primary_key=True),
    Column("file_id", Integer, ForeignKey("files.id"), primary_key=True),
    Column("name", Text, nullable=False),  # the file's name as uploaded for this data
)

version_files_table = Table(
    "version_files", metadata,
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Column("file_id", Integer, ForeignKey("files.id"), primary_key=True),
    Column("name", Text, nullable=False),
    Column("uploaded", Boolean, nullable=False),  # uploaded in this version (vs. carried over)
    Column("position", Integer, nullable=False, default=0),
)

current_table = Table(
    "current", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # always 1
    Column("version_id", Integer, ForeignKey("versions.id"), nullable=True),
)

events_table = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", Text, nullable=False),
    Column("action", String(16), nullable=False),
    Column("from_version_id", Integer, ForeignKey("versions.id"), nullable=True),
    Column("to_version_id", Integer, ForeignKey("versions.id"), nullable=True),
    Column("comment", Text, nullable=False, default=""),
)

settings_table = Table(
    "settings", metadata,
    Column("version_id", Integer, ForeignKey("versions.id"), primary_key=True),
    Column("key", String(200), primary_key=True),
    Column("value_json", Text, nullable=False),
)


# --------------------------------------------------------------------------- engines


def default_home() -> Path:
    """The store's folder: $UNIONBOARD_HOME, else .unionboard/ in the project."""
    return settings.value(settings.HOME) or REPO_ROOT / ".unionboard"


def normalize_url(url: str) -> str:
    """Rewrite `postgresql://` / `postgres://` to the psycopg (v3) driver."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else $UNIONBOARD_DB_URL, else SQLite in $UNIONBOARD_HOME."""
    url = url or settings.value(settings.DB_URL)
    if url.strip():
        return normalize_url(url.strip())
    home = default_home()
    home.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{home / 'unionboard.db'}"


_ENGINES: dict[tuple[int, str], Engine] = {}
_ENGINES_LOCK = threading.Lock()


def _make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S,
                                                  "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:
            # Take transaction control away from the sqlite3 module; we emit BEGIN ourselves.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_S * 1000}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("unionboard_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
    else:
        engine = create_engine(url, pool_pre_ping=True)
    _create_schema(engine)
    return engine


def create_tables(engine: Engine, tables: MetaData, lock_key: int,
                  then: Callable[[Connection], None] | None = None) -> None:
    """Create `tables` that do not exist yet, in one write transaction (`then` runs inside it); on
    PostgreSQL under the advisory lock `lock_key`, so that app instances starting together do not race."""
    with engine.connect() as conn:
        conn = conn.execution_options(unionboard_write=True)
        with conn.begin():
            if engine.dialect.name == "postgresql":
                conn.execute(select(func.pg_advisory_xact_lock(lock_key)))
            tables.create_all(conn, checkfirst=True)
            if then is not None:
                then(conn)


def _add_pointer(conn: Connection) -> None:
    if conn.execute(select(current_table.c.id).where(current_table.c.id == 1)).first() is None:
        conn.execute(insert(current_table).values(id=1, version_id=None))


def _create_schema(engine: Engine) -> None:
    create_tables(engine, metadata, _PG_SCHEMA_LOCK, _add_pointer)


def get_engine(url: str | None = None) -> Engine:
    """The engine for a URL (created once per process and URL, schema created on first use)."""
    resolved = resolve_url(url)
    key = (os.getpid(), resolved)
    with _ENGINES_LOCK:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = _make_engine(resolved)
    return engine


def dispose_engines() -> None:
    """Close every cached engine of this process (tests; after changing the environment)."""
    with _ENGINES_LOCK:
        for (pid, _url), engine in list(_ENGINES.items()):
            if pid == os.getpid():
                engine.dispose()
        _ENGINES.clear()


# --------------------------------------------------------------------------- helpers


def utc_now() -> dt.datetime:
    """Now, in UTC (what the store records)."""
    return dt.datetime.now(dt.UTC)


def iso_utc(value: dt.datetime | None) -> str:
    """A stored time as ISO 8601 in UTC, to the second ("" for none; a naive time is UTC)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC).isoformat(timespec="seconds")


def mapping_sha256(pairs: Iterable[tuple[str, str]]) -> str:
    """Hash of the sorted (domain, file sha256) mapping of a version."""
    payload = json.dumps(sorted({(d, s) for d, s in pairs}), separators=(",", ":"))
    return hashlib.sha256(payload.encode()).hexdigest()
