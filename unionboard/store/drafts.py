"""The last checked draft report in the store, with its check, so it is checked again when the data changes.

One table beside the versioned data (same database, created on first use): `draft_checks`, one row per
draft checked against one data version (the draft's bytes, the data key, the check as JSON, who and when).
Saving the same draft against the same data again stores nothing new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import (
    Column,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
)

from unionboard.analysis.draft_check import DraftCheck
from unionboard.core.models import SourceFile
from unionboard.store.versions import Store, create_tables, iso_utc, open_store, utc_now

SCHEMA_LOCK = 0x64726674  # advisory lock key while creating the table on PostgreSQL

metadata = MetaData()
drafts_table = Table(
    "draft_checks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("data_key", Text, nullable=False),
    Column("check_json", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class StoredDraft:
    """A draft as it was last checked: the file, against which data, the claims then, who and when."""

    id: int
    file: SourceFile
    data_key: str
    claims: tuple[dict, ...]
    by: str
    at: str


class DraftStore:
    """The drafts checked in the store at `url` (None: the app's store)."""

    def __init__(self, url: str | None = None, store: Store | None = None) -> None:
        self.store = store or open_store(url)
        create_tables(self.store.engine, metadata, SCHEMA_LOCK)  # checks first: a no-op once created

    def last(self) -> StoredDraft | None:
        """The draft checked most recently (None when there is none)."""
        with self.store.read() as conn:
            row = conn.execute(select(drafts_table).order_by(drafts_table.c.id.desc()).limit(1)).mappings().first()
        if row is None:
            return None
        return StoredDraft(row["id"], SourceFile(row["name"], bytes(row["data"])), row["data_key"],
                           tuple(json.loads(row["check_json"])["claims"]), row["created_by"], iso_utc(row["created_at"]))

    def save(self, draft: SourceFile, data_key: str, check: DraftCheck, by: str) -> int:
        """Keep the draft with its check; the same draft against the same data is stored once."""
        last = self.last()
        if last is not None and last.file.sha256 == draft.sha256 and last.data_key == data_key:
            return last.id
        with self.store.write() as conn:
            return conn.execute(insert(drafts_table).values(
                name=draft.name, sha256=draft.sha256, data=draft.data, data_key=data_key,
                check_json=json.dumps(check.to_json(), ensure_ascii=False), created_by=by,
                created_at=utc_now()).returning(drafts_table.c.id)).scalar_one()
