"""Congress-day records in the store's database: attendance marks, elections and counted ballots.

Three tables beside the versioned data (same SQLite file or PostgreSQL database, created on first use):

* `congress_marks`: append-only, one row per mark (person key, status, reason, who, when). Several
  devices checking in at once each insert their own row, so no mark is ever lost; the latest mark of a
  person is their status (`analysis.congress.latest_marks`).
* `congress_elections`: what is elected, seats, candidates (JSON, in ballot order), ballots issued.
* `congress_entries`: one row per counted ballot or counter's tally (returned / valid / invalid and the
  votes per candidate as JSON), with who and when; an entry made by mistake is cancelled, not deleted
  (`voided_by` / `voided_at`). An entry is checked (`analysis.congress`) and
  inserted in one transaction that first locks its election (``SELECT ... FOR UPDATE`` on PostgreSQL,
  ``BEGIN IMMEDIATE`` on SQLite), so parallel counters never push the returned ballots past those issued
  and never lose an entry. Bad input raises `CongressError` and changes nothing.
"""

from __future__ import annotations

import json
import threading
import weakref
from collections.abc import Sequence

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Engine,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)

from unionboard.analysis.congress import (
    ABSENT,
    STATUSES,
    Election,
    Entry,
    Mark,
    Problem,
    election_problems,
    entry_problems,
    problem,
)
from unionboard.core.i18n import t
from unionboard.store.versions import Store, create_tables, iso_utc, open_store, utc_now

SCHEMA_LOCK = 0x636F6E67  # advisory lock key while creating these tables on PostgreSQL

metadata = MetaData()

marks_table = Table(
    "congress_marks", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("person", String(400), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

elections_table = Table(
    "congress_elections", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text, nullable=False),
    Column("seats", Integer, nullable=False),
    Column("candidates_json", Text, nullable=False),
    Column("issued", Integer, nullable=False),
    Column("hidden", Boolean, nullable=False, default=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

entries_table = Table(
    "congress_entries", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("election_id", Integer, ForeignKey("congress_elections.id"), nullable=False, index=True),
    Column("mode", String(16), nullable=False),
    Column("returned", Integer, nullable=False),
    Column("valid", Integer, nullable=False),
    Column("invalid", Integer, nullable=False),
    Column("votes_json", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("voided_by", Text, nullable=True),  # an entry cancelled (entered by mistake): who and when
    Column("voided_at", DateTime(timezone=True), nullable=True),
)

_READY: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose tables exist
_READY_LOCK = threading.Lock()


class CongressError(ValueError):
    """An input that cannot be recorded: its problems, each a catalogue key (nothing was stored)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(self.messages("vi")))

    def messages(self, lang: str = "vi") -> list[str]:
        """The problems as sentences in `lang`."""
        return [t(p.code, lang, **dict(p.params)) for p in self.problems]


def _ensure_schema(engine: Engine) -> None:
    with _READY_LOCK:
        if engine not in _READY:
            create_tables(engine, metadata, SCHEMA_LOCK)
            _READY.add(engine)


def _entry(row: dict) -> Entry:
    votes = json.loads(row["votes_json"])
    return Entry(returned=row["returned"], valid=row["valid"], invalid=row["invalid"],
                 votes=tuple((name, int(n)) for name, n in votes), mode=row["mode"], by=row["created_by"],
                 at=iso_utc(row["created_at"]), id=row["id"])


def _election(row: dict) -> Election:
    return Election(title=row["title"], seats=row["seats"], candidates=tuple(json.loads(row["candidates_json"])),
                    issued=row["issued"], id=row["id"], by=row["created_by"], at=iso_utc(row["created_at"]))


class CongressStore:
    """Attendance and ballot counting in the store at `url` (None: the app's store)."""

    def __init__(self, url: str | None = None, store: Store | None = None) -> None:
        self.store = store or open_store(url)
        _ensure_schema(self.store.engine)

    # ------------------------------------------------------------------ attendance

    def mark(self, person: str, name: str, status: str, by: str, reason: str = "") -> Mark:
        """Record one attendance mark (its own row: parallel check-ins never overwrite each other)."""
        reason = reason.strip()
        if status not in STATUSES:
            raise CongressError([problem("attendance.bad_status", status=status)])
        if status == ABSENT and not reason:
            raise CongressError([problem("attendance.no_reason", name=name)])
        at = utc_now()
        with self.store.write() as conn:
            new_id = conn.execute(insert(marks_table).values(
                person=person, name=name, status=status, reason=reason if status == ABSENT else "",
                created_by=by, created_at=at).returning(marks_table.c.id)).scalar_one()
        return Mark(person, status, reason if status == ABSENT else "", by, iso_utc(at), new_id)

    def marks(self) -> tuple[Mark, ...]:
        """Every mark in the order made (the latest of a person counts)."""
        with self.store.read() as conn:
            rows = conn.execute(select(marks_table).order_by(marks_table.c.id)).mappings().all()
        return tuple(Mark(r["person"], r["status"], r["reason"], r["created_by"], iso_utc(r["created_at"]), r["id"])
                     for r in rows)

    # ------------------------------------------------------------------ elections

    def create_election(self, title: str, seats: int, candidates: Sequence[str], issued: int, by: str) -> Election:
        """Set up an election (CongressError when the set-up is incomplete)."""
        names = [c.strip() for c in candidates if c.strip()]
        problems = election_problems(title, seats, names, issued)
        if problems:
            raise CongressError(problems)
        with self.store.write() as conn:
            new_id = conn.execute(insert(elections_table).values(
                title=title.strip(), seats=seats, candidates_json=json.dumps(names, ensure_ascii=False),
                issued=issued, hidden=False, created_by=by, created_at=utc_now()).returning(elections_table.c.id)
            ).scalar_one()
        return self.election(new_id)

    def elections(self) -> tuple[Election, ...]:
        """Every election set up (not removed), oldest first."""
        with self.store.read() as conn:
            rows = conn.execute(select(elections_table).where(elections_table.c.hidden.is_(False))
                                .order_by(elections_table.c.id)).mappings().all()
        return tuple(_election(r) for r in rows)

    def election(self, election_id: int) -> Election:
        """One election (CongressError when unknown)."""
        with self.store.read() as conn:
            row = conn.execute(select(elections_table).where(elections_table.c.id == election_id)).mappings().first()
        if row is None:
            raise CongressError([problem("election.unknown", id=election_id)])
        return _election(row)

    def remove_election(self, election_id: int) -> None:
        """Hide an election set up by mistake (its entries stay in the database)."""
        with self.store.write() as conn:
            conn.execute(update(elections_table).where(elections_table.c.id == election_id).values(hidden=True))

    def entries(self, election_id: int) -> tuple[Entry, ...]:
        """The entries counted for an election (cancelled ones left out), in the order entered."""
        with self.store.read() as conn:
            rows = conn.execute(select(entries_table).where(entries_table.c.election_id == election_id,
                                                            entries_table.c.voided_at.is_(None))
                                .order_by(entries_table.c.id)).mappings().all()
        return tuple(_entry(r) for r in rows)

    def void_entry(self, election_id: int, entry_id: int, by: str) -> bool:
        """Cancel an entry made by mistake (the row stays, marked with who and when); False if already gone."""
        with self.store.write() as conn:
            done = conn.execute(update(entries_table).where(
                entries_table.c.id == entry_id, entries_table.c.election_id == election_id,
                entries_table.c.voided_at.is_(None)).values(voided_by=by, voided_at=utc_now()))
        return done.rowcount == 1

    def add_entry(self, election_id: int, entry: Entry, by: str) -> Entry:
        """Record a counted ballot or tally, checked against what is counted, in one locked transaction."""
        with self.store.write() as conn:
            query = select(elections_table).where(elections_table.c.id == election_id)
            if self.store.dialect == "postgresql":
                query = query.with_for_update()
            row = conn.execute(query).mappings().first()
            if row is None:
                raise CongressError([problem("election.unknown", id=election_id)])
            election = _election(row)
            counted = [_entry(r) for r in conn.execute(
                select(entries_table).where(entries_table.c.election_id == election_id,
                                            entries_table.c.voided_at.is_(None))).mappings().all()]
            problems = entry_problems(election, counted, entry)
            if problems:
                raise CongressError(problems)
            at = utc_now()
            new_id = conn.execute(insert(entries_table).values(
                election_id=election_id, mode=entry.mode, returned=entry.returned, valid=entry.valid,
                invalid=entry.invalid, votes_json=json.dumps([list(v) for v in entry.votes], ensure_ascii=False),
                created_by=by, created_at=at).returning(entries_table.c.id)).scalar_one()
        return Entry(entry.returned, entry.valid, entry.invalid, entry.votes, entry.mode, by, iso_utc(at), new_id)
