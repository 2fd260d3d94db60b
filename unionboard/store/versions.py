"""Versioned store of the uploaded workbooks: append-only versions, a `current` pointer, rollback.

Embedded SQLite by default (``$UNIONBOARD_HOME/unionboard.db``, WAL, busy timeout 30 s, foreign
keys on); set ``UNIONBOARD_DB_URL=postgresql+psycopg://...`` to share one PostgreSQL between
several app instances. SQLAlchemy Core only.

A version is a full snapshot: for every data domain ("members", "finance", ..., and "info" — the
Thông tin sheet) it names the stored file(s) that supply it. Publishing replaces only the domains
the uploaded files contain; the others carry over from the current version. Writers serialise on
the `current` pointer (``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` on PostgreSQL) and
read the carry-over inside that transaction, so concurrent publishes never lose an update. The
pointer moves in the same transaction that inserts the version: a failure or a killed process
leaves the previous version current and readable.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    Float,
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
    literal,
    select,
    update,
)
from sqlalchemy.engine import Connection, make_url

from unionboard.core import settings
from unionboard.core.issues import make_issue
from unionboard.core.models import CheckResult, Issue, SourceFile, UnionInfo
from unionboard.domains import registry

INFO_DOMAIN = "info"


def store_domains() -> tuple[str, ...]:
    """What a stored version may hold: every registered domain, then the union's info."""
    return (*registry.domain_keys(), INFO_DOMAIN)


ACTIONS = ("publish", "rollback", "edit")
FAULT_STAGES = ("files", "version", "pointer")

# Test hook: called with a stage name ("files", "version", "pointer") inside the publish
# transaction — after inserting the files, after inserting the version rows (before the pointer
# moves), after moving the pointer (before commit). Raise (or kill the process) to simulate a crash.
_FAULT_INJECTION: Callable[[str], None] | None = None

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

auth_failures_table = Table(
    "auth_failures", metadata,
    Column("key", String(200), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", Float, nullable=False, default=0.0),  # epoch seconds
    Column("next_allowed_at", Float, nullable=False, default=0.0),
)


# --------------------------------------------------------------------------- public types


class StoreError(Exception):
    """A store operation the caller asked for cannot be done (message in Vietnamese)."""


class UnknownVersion(StoreError, LookupError):
    """No version with that id."""


class StaleVersion(StoreError):
    """The current version changed since the caller looked (its preview is stale)."""

    def __init__(self, expected: int | None, current: int | None) -> None:
        super().__init__(f"Phiên bản hiện hành đã thay đổi (mong đợi {expected}, hiện là {current}): "
                         "hãy xem lại trước khi công bố.")
        self.expected, self.current = expected, current


class InjectedFault(RuntimeError):
    """Raised by `Store(fail_after=stage)` to simulate a crash in the middle of a publish."""


@dataclass(frozen=True)
class VersionInfo:
    """One row of the history. `files` are the names of the files uploaded in that version."""

    id: int
    created_at: str  # ISO 8601, UTC
    by: str
    comment: str
    sha256: str
    current: bool
    files: list[str]
    action: str
    parent_id: int | None = None
    domains: dict[str, list[str]] = field(default_factory=dict)  # domain → file names

    def to_dict(self) -> dict:
        """The `history --json` object (stable keys: id, created_at, by, comment, sha256, current, files)."""
        return {"id": self.id, "created_at": self.created_at, "by": self.by, "comment": self.comment,
                "sha256": self.sha256, "current": self.current, "files": list(self.files),
                "action": self.action, "parent_id": self.parent_id,
                "domains": {k: list(v) for k, v in self.domains.items()}}


@dataclass(frozen=True)
class EventInfo:
    """A recorded pointer move (rollback)."""

    id: int
    created_at: str
    by: str
    action: str
    from_version: int | None
    to_version: int | None
    comment: str = ""


@dataclass(frozen=True, eq=False)
class PublishOutcome:
    """What `Store.publish` did.

    reason: "created" (new version), "identical" (same data as the current version: nothing
    created, version_id is the current id), "errors" (the check found errors: nothing stored),
    "stale" (expected_current differs from the current id: nothing stored, recompute the
    preview), "empty" (no file supplied any data).
    """

    version_id: int | None
    created: bool
    result: CheckResult
    reason: str
    current_id: int | None = None  # the current version id after the operation

    @property
    def stale(self) -> bool:
        """Whether another version was published since the preview."""
        return self.reason == "stale"

    @property
    def ok(self) -> bool:
        """Whether a new version was created."""
        return self.reason in ("created", "identical")


@dataclass(frozen=True)
class SnapshotFile:
    """A stored file of a version and the domains it supplies there."""

    file: SourceFile
    domains: frozenset[str]
    has_info: bool
    uploaded: bool


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


def open_store(url: str | None = None) -> Store:
    """The store at `url` (None: $UNIONBOARD_DB_URL, else $UNIONBOARD_HOME/unionboard.db)."""
    return Store(url)


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


def _split_sources(value: str, names: Sequence[str]) -> list[str] | None:
    """Split a loader `sources` value ("a.xlsx, b.xlsx") into known names (names may hold ", ")."""
    if value in names:
        return [value]
    for name in sorted(names, key=len, reverse=True):
        if value.startswith(name + ", "):
            rest = _split_sources(value[len(name) + 2:], names)
            if rest is not None:
                return [name, *rest]
    return None


def _has_info(source: SourceFile) -> bool:
    """Whether the file has a Thông tin sheet (reads the sheets, parses no table)."""
    from unionboard.domains.loader import check_files

    return check_files([source], only_domains={source.name: set()}).dataset.info != UnionInfo()


def file_domains(result: CheckResult, uploads: Sequence[SourceFile]) -> dict[str, set[str]]:
    """Which domains (incl. "info") each uploaded file supplied in `result` (checked together)."""
    names = [f.name for f in uploads]
    out: dict[str, set[str]] = {name: set() for name in names}
    sheets = getattr(result, "sheets", None) or {}
    for domain, value in result.sources.items():
        if domain in sheets:
            suppliers = list(dict.fromkeys(file for file, _sheet in sheets[domain]))
        else:
            suppliers = _split_sources(value, names)
            if suppliers is None:  # cannot tell from the names: check each file on its own
                from unionboard.domains.loader import check_files

                suppliers = [f.name for f in uploads if domain in check_files([f]).dataset.domains()]
        for name in suppliers:
            out.setdefault(name, set()).add(domain)
    if result.dataset.info != UnionInfo():
        if len(uploads) == 1:
            out[uploads[0].name].add(INFO_DOMAIN)
        else:
            for f in uploads:
                if _has_info(f):
                    out[f.name].add(INFO_DOMAIN)
    return out


def _unique_names(names: Sequence[str]) -> list[str]:
    """Make names unique ("a.xlsx", "a (2).xlsx") — check_files keys `only_domains` by name."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate in seen:
            n += 1
            stem, dot, ext = name.rpartition(".")
            candidate = f"{stem} ({n}).{ext}" if dot and stem else f"{name} ({n})"
        seen.add(candidate)
        out.append(candidate)
    return out


def _merge_summary(parent: dict | None, new: dict, replaced: set[str]) -> dict:
    """The new version's summary: replaced domains from `new`, the others from the parent."""
    out = dict(new)
    if parent:
        for key, value in parent.items():
            if key in store_domains() and key not in replaced:
                out[key] = value
    return out


def _with_issue(result: CheckResult, issue: Issue) -> CheckResult:
    return dataclasses.replace(result, issues=(*result.issues, issue))


# --------------------------------------------------------------------------- the store


def _distinct_uploads(files: Sequence[SourceFile]) -> tuple[list[SourceFile], str | None]:
    """The files without exact repeats, and the name of two different files sharing a name (if any)."""
    uploads: list[SourceFile] = []
    by_name: dict[str, SourceFile] = {}
    duplicate: str | None = None
    for f in files:
        seen = by_name.get(f.name)
        if seen is None:
            by_name[f.name] = f
            uploads.append(f)
        elif seen.data != f.data:
            duplicate = f.name
    return uploads, duplicate


def _link_version(conn: Connection, vid: int, uploads: list[SourceFile], supplied: dict[str, set[str]],
                  file_ids: dict[str, int], carried: list[tuple[str, int, str, str]]) -> None:
    """Which file supplies each domain of version `vid`, and the version's file list in order."""
    domain_rows = [{"version_id": vid, "domain": d, "file_id": fid, "name": name}
                   for d, fid, name, _sha in carried]
    domain_rows += [{"version_id": vid, "domain": d, "file_id": file_ids[f.name], "name": f.name}
                    for f in uploads for d in sorted(supplied[f.name])]
    conn.execute(insert(version_domains_table), domain_rows)
    file_rows: dict[int, dict] = {}
    for position, f in enumerate(uploads):
        file_rows.setdefault(file_ids[f.name], {"version_id": vid, "file_id": file_ids[f.name],
                                                "name": f.name, "uploaded": True, "position": position})
    for _d, fid, name, _sha in carried:
        file_rows.setdefault(fid, {"version_id": vid, "file_id": fid, "name": name,
                                   "uploaded": False, "position": len(uploads) + len(file_rows)})
    conn.execute(insert(version_files_table), list(file_rows.values()))


class Store:
    """Versions of the uploaded data in one database (see the module docstring)."""

    def __init__(self, url: str | None = None, *, fail_after: str | None = None) -> None:
        if fail_after is not None and fail_after not in FAULT_STAGES:
            raise ValueError(f"fail_after must be one of {FAULT_STAGES}")
        self.url = resolve_url(url)
        self.engine = get_engine(self.url)
        self.fail_after = fail_after

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    @property
    def dialect(self) -> str:
        """The database dialect ("sqlite" or "postgresql")."""
        return self.engine.dialect.name

    # ------------------------------------------------------------------ transactions

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction on one consistent snapshot."""
        with self.engine.connect() as conn:
            if self.dialect == "postgresql":
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction that serialises with every other writer (BEGIN IMMEDIATE on SQLite)."""
        with self.engine.connect() as conn:
            conn = conn.execution_options(unionboard_write=True)
            with conn.begin():
                yield conn

    def _lock_current(self, conn: Connection) -> int | None:
        """Read (and on PostgreSQL lock) the current pointer inside a write transaction."""
        query = select(current_table.c.version_id).where(current_table.c.id == 1)
        if self.dialect == "postgresql":
            query = query.with_for_update()
        return conn.execute(query).scalar()

    def _fault(self, stage: str) -> None:
        if _FAULT_INJECTION is not None:
            _FAULT_INJECTION(stage)
        if self.fail_after == stage:
            raise InjectedFault(f"injected fault after {stage!r}")

    # ------------------------------------------------------------------ reading

    def current_id(self) -> int | None:
        """The current version's id (None before the first publish)."""
        with self.read() as conn:
            return conn.execute(select(current_table.c.version_id).where(current_table.c.id == 1)).scalar()

    def _version_infos(self, conn: Connection, ids: Sequence[int] | None = None,
                       limit: int | None = None) -> list[VersionInfo]:
        current = conn.execute(select(current_table.c.version_id)).scalar()
        query = select(versions_table).order_by(versions_table.c.id.desc())
        if ids is not None:
            query = query.where(versions_table.c.id.in_(list(ids)))
        if limit is not None:
            query = query.limit(limit)
        rows = conn.execute(query).mappings().all()
        if not rows:
            return []
        wanted = [r["id"] for r in rows]
        uploaded: dict[int, list[str]] = {}
        for vid, name in conn.execute(
                select(version_files_table.c.version_id, version_files_table.c.name)
                .where(version_files_table.c.version_id.in_(wanted), version_files_table.c.uploaded)
                .order_by(version_files_table.c.version_id, version_files_table.c.position)):
            uploaded.setdefault(vid, []).append(name)
        domains: dict[int, dict[str, list[str]]] = {}
        for vid, domain, name in conn.execute(
                select(version_domains_table.c.version_id, version_domains_table.c.domain,
                       version_domains_table.c.name)
                .where(version_domains_table.c.version_id.in_(wanted))
                .order_by(version_domains_table.c.version_id, version_domains_table.c.domain,
                          version_domains_table.c.name)):
            domains.setdefault(vid, {}).setdefault(domain, []).append(name)
        order = {d: i for i, d in enumerate(store_domains())}
        return [VersionInfo(id=r["id"], created_at=iso_utc(r["created_at"]), by=r["created_by"],
                            comment=r["comment"] or "", sha256=r["sha256"], current=r["id"] == current,
                            files=uploaded.get(r["id"], []), action=r["action"], parent_id=r["parent_id"],
                            domains=dict(sorted(domains.get(r["id"], {}).items(),
                                                key=lambda kv: order.get(kv[0], 99))))
                for r in rows]

    def history(self, limit: int | None = None) -> list[VersionInfo]:
        """Every version, newest first; `current` marks the one the pointer names."""
        with self.read() as conn:
            return self._version_infos(conn, limit=limit)

    def version(self, version_id: int) -> VersionInfo | None:
        """One version's information (None when unknown)."""
        with self.read() as conn:
            found = self._version_infos(conn, ids=[version_id])
        return found[0] if found else None

    def current_version(self) -> VersionInfo | None:
        """The current version's information (None before the first publish)."""
        with self.read() as conn:
            current = conn.execute(select(current_table.c.version_id)).scalar()
            if current is None:
                return None
            return self._version_infos(conn, ids=[current])[0]

    def events(self) -> list[EventInfo]:
        """Recorded pointer moves (rollbacks), newest first."""
        with self.read() as conn:
            rows = conn.execute(select(events_table).order_by(events_table.c.id.desc())).mappings().all()
        return [EventInfo(id=r["id"], created_at=iso_utc(r["created_at"]), by=r["created_by"],
                          action=r["action"], from_version=r["from_version_id"],
                          to_version=r["to_version_id"], comment=r["comment"] or "") for r in rows]

    def summary_of(self, version_id: int) -> dict | None:
        """The check summary (metrics.summary) stored with a version."""
        with self.read() as conn:
            text = conn.execute(select(versions_table.c.summary_json)
                                .where(versions_table.c.id == version_id)).scalar()
        return json.loads(text) if text else None

    def _require(self, conn: Connection, version_id: int) -> None:
        if conn.execute(select(versions_table.c.id).where(versions_table.c.id == version_id)).first() is None:
            raise UnknownVersion(f"Không có phiên bản số {version_id}.")

    def files_of(self, version_id: int) -> list[SourceFile]:
        """The byte-identical files uploaded in that version, with the names they were uploaded under."""
        with self.read() as conn:
            self._require(conn, version_id)
            rows = conn.execute(
                select(version_files_table.c.name, files_table.c.data)
                .join(files_table, files_table.c.id == version_files_table.c.file_id)
                .where(version_files_table.c.version_id == version_id, version_files_table.c.uploaded)
                .order_by(version_files_table.c.position)).all()
        return [SourceFile(name=name, data=bytes(data)) for name, data in rows]

    def _snapshot(self, conn: Connection, version_id: int) -> list[SnapshotFile]:
        rows = conn.execute(
            select(version_domains_table.c.domain, version_domains_table.c.name,
                   files_table.c.id, files_table.c.data, files_table.c.has_info)
            .join(files_table, files_table.c.id == version_domains_table.c.file_id)
            .where(version_domains_table.c.version_id == version_id)
            .order_by(files_table.c.id)).all()
        uploaded = set(conn.execute(
            select(version_files_table.c.file_id)
            .where(version_files_table.c.version_id == version_id, version_files_table.c.uploaded)).scalars())
        by_file: dict[int, dict[str, Any]] = {}
        for domain, name, file_id, data, has_info in rows:
            entry = by_file.setdefault(file_id, {"name": name, "data": bytes(data), "has_info": bool(has_info),
                                                 "domains": set()})
            entry["domains"].add(domain)
        # Files that supply "info" go last (the loader lets the last info sheet win); then by name.
        ordered = sorted(by_file.items(), key=lambda kv: (INFO_DOMAIN in kv[1]["domains"], kv[1]["name"], kv[0]))
        names = _unique_names([entry["name"] for _id, entry in ordered])
        return [SnapshotFile(file=SourceFile(name=name, data=entry["data"]), domains=frozenset(entry["domains"]),
                             has_info=entry["has_info"], uploaded=file_id in uploaded)
                for name, (file_id, entry) in zip(names, ordered, strict=True)]

    def snapshot(self, version_id: int) -> list[SnapshotFile]:
        """Every stored file of a version with the domains it supplies (for check_files)."""
        with self.read() as conn:
            self._require(conn, version_id)
            return self._snapshot(conn, version_id)

    def domain_files(self, version_id: int) -> dict[str, SourceFile]:
        """domain → the stored file supplying it in that version (the first one if several do)."""
        out: dict[str, SourceFile] = {}
        for item in self.snapshot(version_id):
            for domain in item.domains:
                out.setdefault(domain, item.file)
        order = {d: i for i, d in enumerate(store_domains())}
        return dict(sorted(out.items(), key=lambda kv: order.get(kv[0], 99)))

    def result_of(self, version_id: int) -> CheckResult:
        """check_files on the version's files, each restricted to the domains it supplies."""
        return self._check_snapshot(self.snapshot(version_id))

    @staticmethod
    def _check_snapshot(snapshot: list[SnapshotFile]) -> CheckResult:
        from unionboard.domains.loader import check_files

        only = {s.file.name: set(s.domains - {INFO_DOMAIN}) for s in snapshot}
        result = check_files([s.file for s in snapshot], only_domains=only)
        if any(s.has_info and INFO_DOMAIN not in s.domains for s in snapshot):
            # An older file's info sheet was superseded: read info from the suppliers only.
            suppliers = [s.file for s in snapshot if INFO_DOMAIN in s.domains]
            info = (check_files(suppliers, only_domains={f.name: set() for f in suppliers}).dataset.info
                    if suppliers else UnionInfo())
            result = dataclasses.replace(result, dataset=dataclasses.replace(result.dataset, info=info))
        return result

    def current_result(self) -> CheckResult | None:
        """The checked data set of the current version (None when nothing is published)."""
        with self.read() as conn:
            current = conn.execute(select(current_table.c.version_id)).scalar()
            if current is None:
                return None
            snapshot = self._snapshot(conn, current)
        return self._check_snapshot(snapshot)

    def current_files_and_domains(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """((file sha256, sorted domains), ...) of the current version — a cache key for the app."""
        with self.read() as conn:
            current = conn.execute(select(current_table.c.version_id)).scalar()
            if current is None:
                return ()
            rows = conn.execute(
                select(files_table.c.sha256, version_domains_table.c.domain)
                .join(files_table, files_table.c.id == version_domains_table.c.file_id)
                .where(version_domains_table.c.version_id == current)).all()
        by_sha: dict[str, set[str]] = {}
        for sha, domain in rows:
            by_sha.setdefault(sha, set()).add(domain)
        return tuple(sorted((sha, tuple(sorted(domains))) for sha, domains in by_sha.items()))

    # ------------------------------------------------------------------ settings

    def settings(self, version_id: int | None = None) -> dict[str, Any]:
        """Every setting of a version (default: the current one)."""
        with self.read() as conn:
            if version_id is None:
                version_id = conn.execute(select(current_table.c.version_id)).scalar()
                if version_id is None:
                    return {}
            rows = conn.execute(select(settings_table.c.key, settings_table.c.value_json)
                                .where(settings_table.c.version_id == version_id)).all()
        return {key: json.loads(value) for key, value in rows}

    def get_setting(self, key: str, default: Any = None, version_id: int | None = None) -> Any:
        """A setting (e.g. the slide order) of a version, default the current one."""
        return self.settings(version_id).get(key, default)

    def publish_setting(self, key: str, value: Any, by: str, comment: str = "",
                        expected_current: int | None = None) -> VersionInfo:
        """A new version ("edit") with every domain carried over and `key` set (None removes it).

        Returns the current version unchanged when the value is already that. Raises StoreError
        when nothing is published yet and StaleVersion when `expected_current` is out of date.
        """
        encoded = None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
        with self.write() as conn:
            current = self._lock_current(conn)
            if expected_current is not None and (current or 0) != expected_current:
                raise StaleVersion(expected_current, current)
            if current is None:
                raise StoreError("Chưa có phiên bản dữ liệu nào được công bố: chưa lưu được thiết lập.")
            old = dict(conn.execute(select(settings_table.c.key, settings_table.c.value_json)
                                    .where(settings_table.c.version_id == current)).all())
            new = dict(old)
            if encoded is None:
                new.pop(key, None)
            else:
                new[key] = encoded
            if new != old:
                parent = conn.execute(select(versions_table).where(versions_table.c.id == current)).mappings().one()
                vid = self._insert_version(
                    conn, by=by, comment=comment or f"Thiết lập “{key}”", action="edit", parent_id=current,
                    summary_json=parent["summary_json"], sha256=parent["sha256"])
                conn.execute(insert(version_domains_table).from_select(
                    ["version_id", "domain", "file_id", "name"],
                    select(literal(vid), version_domains_table.c.domain, version_domains_table.c.file_id,
                           version_domains_table.c.name).where(version_domains_table.c.version_id == current)))
                conn.execute(insert(version_files_table).from_select(
                    ["version_id", "file_id", "name", "uploaded", "position"],
                    select(literal(vid), version_files_table.c.file_id, version_files_table.c.name, literal(False),
                           version_files_table.c.position).where(version_files_table.c.version_id == current)))
                if new:
                    conn.execute(insert(settings_table), [{"version_id": vid, "key": k, "value_json": v}
                                                          for k, v in new.items()])
                self._fault("version")
                conn.execute(update(current_table).where(current_table.c.id == 1).values(version_id=vid))
                current = vid
            found = self._version_infos(conn, ids=[current])
        return found[0]

    # ------------------------------------------------------------------ writing

    @staticmethod
    def _insert_version(conn: Connection, *, by: str, comment: str, action: str, parent_id: int | None,
                        summary_json: str | None, sha256: str) -> int:
        return conn.execute(insert(versions_table).values(
            created_at=utc_now(), created_by=by or "", comment=comment or "", action=action,
            parent_id=parent_id, summary_json=summary_json, sha256=sha256)
            .returning(versions_table.c.id)).scalar_one()

    @staticmethod
    def _carry_over(conn: Connection, current: int | None, replaced: set[str]
                    ) -> tuple[list[tuple[str, int, str, str]], set[tuple[str, str]], dict | None]:
        """(domains carried over as (domain, file id, name, sha), the current (domain, sha) pairs,
        the current summary) — read inside the write transaction."""
        if current is None:
            return [], set(), None
        rows = conn.execute(
            select(version_domains_table.c.domain, version_domains_table.c.file_id,
                   version_domains_table.c.name, files_table.c.sha256)
            .join(files_table, files_table.c.id == version_domains_table.c.file_id)
            .where(version_domains_table.c.version_id == current)).all()
        current_pairs = {(d, sha) for d, _fid, _n, sha in rows}
        carried = [tuple(r) for r in rows if r[0] not in replaced]
        text = conn.execute(select(versions_table.c.summary_json)
                            .where(versions_table.c.id == current)).scalar()
        return carried, current_pairs, json.loads(text) if text else None

    @staticmethod
    def _store_files(conn: Connection, uploads: list[SourceFile], supplied: dict[str, set[str]]
                     ) -> dict[str, int]:
        """File name → stored file id; a file already stored (same sha256) is not stored again."""
        shas = [f.sha256 for f in uploads]
        existing = dict(conn.execute(select(files_table.c.sha256, files_table.c.id)
                                     .where(files_table.c.sha256.in_(shas))).all())
        file_ids: dict[str, int] = {}
        for f in uploads:
            sha = f.sha256
            if sha not in existing:
                existing[sha] = conn.execute(insert(files_table).values(
                    sha256=sha, name=f.name, size=len(f.data), data=f.data,
                    has_info=INFO_DOMAIN in supplied[f.name], created_at=utc_now())
                    .returning(files_table.c.id)).scalar_one()
            file_ids[f.name] = existing[sha]
        return file_ids

    def publish(self, files: Sequence[SourceFile], by: str, comment: str = "",
                expected_current: int | None = None) -> PublishOutcome:
        """Check `files` together and, if there is no error, store them as the new current version.

        Only the domains the files contain are replaced; the others carry over from the current
        version (read inside the write transaction, so concurrent publishes never lose one).
        `expected_current`: the current id the caller's preview was made against (0: "nothing
        published yet"); if the current id differs at commit time nothing is stored and the
        outcome's reason is "stale". None: don't check.
        """
        from unionboard.analysis.metrics import summary
        from unionboard.domains.loader import check_files

        uploads, duplicate = _distinct_uploads(files)
        result = check_files(uploads)
        if duplicate is not None:
            result = _with_issue(result, make_issue("error", duplicate, None, None, "store.same_name"))
        if not result.ok:
            return PublishOutcome(None, False, result, "errors", self.current_id())
        supplied = file_domains(result, uploads)
        uploads = [f for f in uploads if supplied.get(f.name)]
        if not uploads:
            return PublishOutcome(None, False, result, "empty", self.current_id())
        replaced = set().union(*(supplied[f.name] for f in uploads))
        new_summary = summary(result)

        with self.write() as conn:
            current = self._lock_current(conn)
            if expected_current is not None and (current or 0) != expected_current:
                return PublishOutcome(None, False, result, "stale", current)
            carried, current_pairs, parent_summary = self._carry_over(conn, current, replaced)
            new_pairs = {(d, sha) for d, _fid, _n, sha in carried}
            new_pairs |= {(d, f.sha256) for f in uploads for d in supplied[f.name]}
            if current is not None and new_pairs == current_pairs:
                return PublishOutcome(current, False, result, "identical", current)

            file_ids = self._store_files(conn, uploads, supplied)
            self._fault("files")

            vid = self._insert_version(
                conn, by=by, comment=comment, action="publish", parent_id=current,
                summary_json=json.dumps(_merge_summary(parent_summary, new_summary, replaced), ensure_ascii=False),
                sha256=mapping_sha256(new_pairs))
            _link_version(conn, vid, uploads, supplied, file_ids, carried)
            if current is not None:
                conn.execute(insert(settings_table).from_select(
                    ["version_id", "key", "value_json"],
                    select(literal(vid), settings_table.c.key, settings_table.c.value_json)
                    .where(settings_table.c.version_id == current)))
            self._fault("version")
            conn.execute(update(current_table).where(current_table.c.id == 1).values(version_id=vid))
            self._fault("pointer")
        return PublishOutcome(vid, True, result, "created", vid)

    def rollback(self, version_id: int, by: str, comment: str = "") -> VersionInfo:
        """Make an older version current again (the pointer moves; the move is recorded as an event).

        Raises UnknownVersion when there is no such version. Nothing is recorded when it is
        already current.
        """
        with self.write() as conn:
            current = self._lock_current(conn)
            self._require(conn, version_id)
            if current != version_id:
                conn.execute(insert(events_table).values(
                    created_at=utc_now(), created_by=by or "", action="rollback", from_version_id=current,
                    to_version_id=version_id, comment=comment or ""))
                conn.execute(update(current_table).where(current_table.c.id == 1).values(version_id=version_id))
            return self._version_infos(conn, ids=[version_id])[0]
