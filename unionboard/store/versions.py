"""Versioned store of the published data: append-only versions, a `current` pointer, rollback — the `Store`.

A version is a full snapshot: for every data domain ("members", "finance", ..., and "info" — the
Thông tin sheet) it names the stored file(s) that supply it. The store persists what a publish
(`unionboard.publish`, which checks the files once) hands it as a `Batch`: the domains the files
supply are replaced, the others carry over from the current version. Writers serialise on the
`current` pointer (``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` on PostgreSQL) and read
the carry-over inside that transaction, so concurrent publishes never lose an update. The pointer
moves in the same transaction that inserts the version: a failure or a killed process leaves the
previous version current and readable.

The engine, the tables and the time helpers live in `store/db.py`, the types and errors in
`store/records.py`; their names are importable from here as before.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import insert, literal, select, update
from sqlalchemy.engine import Connection

from unionboard.core.models import CheckResult, SourceFile, UnionInfo
from unionboard.store.db import REPO_ROOT as REPO_ROOT
from unionboard.store.db import create_tables as create_tables
from unionboard.store.db import (
    current_table,
    events_table,
    files_table,
    get_engine,
    resolve_url,
    settings_table,
    version_domains_table,
    version_files_table,
    versions_table,
)
from unionboard.store.db import default_home as default_home
from unionboard.store.db import dispose_engines as dispose_engines
from unionboard.store.db import iso_utc as iso_utc
from unionboard.store.db import mapping_sha256 as mapping_sha256
from unionboard.store.db import metadata as metadata
from unionboard.store.db import normalize_url as normalize_url
from unionboard.store.db import utc_now as utc_now
from unionboard.store.records import ACTIONS as ACTIONS
from unionboard.store.records import (
    FAULT_STAGES,
    Batch,
    Persisted,
    SnapshotFile,
    merge_summary,
    unique_names,
)
from unionboard.store.records import INFO_DOMAIN as INFO_DOMAIN
from unionboard.store.records import EventInfo as EventInfo
from unionboard.store.records import InjectedFault as InjectedFault
from unionboard.store.records import StaleVersion as StaleVersion
from unionboard.store.records import StoreError as StoreError
from unionboard.store.records import UnknownVersion as UnknownVersion
from unionboard.store.records import VersionInfo as VersionInfo
from unionboard.store.records import store_domains as store_domains

# Test hook: called with a stage name ("files", "version", "pointer") inside the publish
# transaction — after inserting the files, after inserting the version rows (before the pointer
# moves), after moving the pointer (before commit). Raise (or kill the process) to simulate a crash.
_FAULT_INJECTION: Callable[[str], None] | None = None


def open_store(url: str | None = None) -> Store:
    """The store at `url` (None: $UNIONBOARD_DB_URL, else $UNIONBOARD_HOME/unionboard.db)."""
    return Store(url)


def _link_version(conn: Connection, vid: int, uploads: list[SourceFile], supplied: Mapping[str, frozenset[str]],
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
            raise UnknownVersion(version_id)

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
        names = unique_names([entry["name"] for _id, entry in ordered])
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
                raise StoreError("store.nothing_published")
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
    def _store_files(conn: Connection, uploads: list[SourceFile], supplied: Mapping[str, frozenset[str]]
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

    def persist(self, batch: Batch, by: str, comment: str = "",
                expected_current: int | None = None) -> Persisted:
        """Store a checked batch as the new current version (`unionboard.publish` checks and builds it).

        Only the domains the batch supplies are replaced; the others carry over from the current
        version (read inside the write transaction, so concurrent publishes never lose one).
        `expected_current`: the current id the caller's preview was made against (0: "nothing
        published yet"); if the current id differs at commit time nothing is stored and the
        reason is "stale". None: don't check.
        """
        uploads, supplied = list(batch.files), batch.domains
        replaced = batch.replaced()
        with self.write() as conn:
            current = self._lock_current(conn)
            if expected_current is not None and (current or 0) != expected_current:
                return Persisted(None, "stale", current)
            carried, current_pairs, parent_summary = self._carry_over(conn, current, replaced)
            new_pairs = {(d, sha) for d, _fid, _n, sha in carried}
            new_pairs |= {(d, f.sha256) for f in uploads for d in supplied[f.name]}
            if current is not None and new_pairs == current_pairs:
                return Persisted(current, "identical", current)

            file_ids = self._store_files(conn, uploads, supplied)
            self._fault("files")

            vid = self._insert_version(
                conn, by=by, comment=comment, action="publish", parent_id=current,
                summary_json=json.dumps(merge_summary(parent_summary, batch.summary, replaced), ensure_ascii=False),
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
        return Persisted(vid, "created", vid)

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
