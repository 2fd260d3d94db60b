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
* `congress_resolutions`: the board's choice of one entry of a batch whose double entries disagree.

Once only: every write from a form may carry its one-time key (`submission`); a UNIQUE constraint on
that column (marks, elections, entries, resolutions; SQLite and PostgreSQL alike) refuses a second
insert with the same key, so a double click, a resend after a dropped connection or two tabs never
store a ballot twice — the second attempt raises `Duplicate`. Columns added by later versions are
added to an existing database on first use (``ALTER TABLE ... ADD COLUMN``).
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
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from unionboard.analysis.congress import (
    ABSENT,
    COMMITTEE,
    KINDS_OF_ELECTION,
    NAME_MAX,
    STATUSES,
    Election,
    Entry,
    Mark,
    Person,
    Problem,
    election_problems,
    entry_problems,
    problem,
)
from unionboard.analysis.double_entry import Resolution, representatives
from unionboard.analysis.identities import Identity, assign
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
    Column("submission", String(64), nullable=True),
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
    Column("kind", String(16), nullable=True),
    Column("parent_id", Integer, nullable=True),
    Column("required", Integer, nullable=True),
    Column("present", Integer, nullable=True),
    Column("closed_by", Text, nullable=True),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("submission", String(64), nullable=True),
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
    Column("voided_by", Text, nullable=True),  # an entry cancelled (entered by mistake): who, when, why
    Column("voided_at", DateTime(timezone=True), nullable=True),
    Column("void_reason", Text, nullable=True),
    Column("reasons_json", Text, nullable=True),  # invalid ballots by reason
    Column("batch", Integer, nullable=True),
    Column("submission", String(64), nullable=True),
)

resolutions_table = Table(
    "congress_resolutions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("election_id", Integer, ForeignKey("congress_elections.id"), nullable=False, index=True),
    Column("batch", Integer, nullable=False),
    Column("entry_id", Integer, ForeignKey("congress_entries.id"), nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("submission", String(64), nullable=True),
)

positions_table = Table(
    "congress_positions", metadata,  # the first meeting's positions (export.dossier.Positions); latest counts
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("positions_json", Text, nullable=False),
    Column("created_by", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("submission", String(64), nullable=True),
)

people_table = Table(
    "congress_people", metadata,  # stable identities of those convened (analysis.identities)
    Column("key", String(400), primary_key=True),
    Column("name", Text, nullable=False),
    Column("unit", Text, nullable=False),
    Column("code", Text, nullable=False, default=""),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

ONCE_ONLY = tuple(Index(f"uq_{table.name}_submission", table.c.submission, unique=True)
                  for table in (marks_table, elections_table, entries_table, resolutions_table, positions_table))

_READY: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines whose tables exist
_READY_LOCK = threading.Lock()


def _add_columns(conn: Connection) -> None:
    """Add the columns and once-only indexes a database made by an earlier version lacks."""
    inspector = inspect(conn)
    for table in (marks_table, elections_table, entries_table):
        have = {c["name"] for c in inspector.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{column.name}" {kind}'))
    for index in ONCE_ONLY:
        index.create(conn, checkfirst=True)


class CongressError(ValueError):
    """An input that cannot be recorded: its problems, each a catalogue key (nothing was stored)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(" ".join(self.messages("vi")))

    def messages(self, lang: str = "vi") -> list[str]:
        """The problems as sentences in `lang`."""
        return [t(p.code, lang, **dict(p.params)) for p in self.problems]


class Duplicate(CongressError):
    """A second write with the same one-time key (double click, resend, second tab): nothing stored again."""

    def __init__(self) -> None:
        super().__init__([problem("election.duplicate")])


def _ensure_schema(engine: Engine) -> None:
    with _READY_LOCK:
        if engine not in _READY:
            create_tables(engine, metadata, SCHEMA_LOCK, _add_columns)
            _READY.add(engine)


def _entry(row: dict) -> Entry:
    votes = json.loads(row["votes_json"])
    reasons = json.loads(row["reasons_json"] or "[]")
    return Entry(returned=row["returned"], valid=row["valid"], invalid=row["invalid"],
                 votes=tuple((name, int(n)) for name, n in votes), mode=row["mode"], by=row["created_by"],
                 at=iso_utc(row["created_at"]), id=row["id"], reasons=tuple((k, int(n)) for k, n in reasons),
                 batch=row["batch"] or 0, voided_by=row["voided_by"] or "",
                 voided_at=iso_utc(row["voided_at"]) if row["voided_at"] else "", void_reason=row["void_reason"] or "")


def _election(row: dict) -> Election:
    return Election(title=row["title"], seats=row["seats"], candidates=tuple(json.loads(row["candidates_json"])),
                    issued=row["issued"], id=row["id"], by=row["created_by"], at=iso_utc(row["created_at"]),
                    kind=row["kind"] or COMMITTEE, parent=row["parent_id"] or 0, required=row["required"] or 1,
                    present=row["present"] or 0, closed_by=row["closed_by"] or "",
                    closed_at=iso_utc(row["closed_at"]) if row["closed_at"] else "")


def _key(submission: str) -> str | None:
    """The one-time key as stored (None: the write carries none)."""
    return submission.strip()[:64] or None


class CongressStore:
    """Attendance and ballot counting in the store at `url` (None: the app's store)."""

    def __init__(self, url: str | None = None, store: Store | None = None) -> None:
        self.store = store or open_store(url)
        _ensure_schema(self.store.engine)

    def _insert(self, table: Table, values: dict, submission: str, checks=None) -> int:
        """Insert one row once: `checks(conn)` runs first in the same write transaction; a key already
        stored (or stored meanwhile, caught by the UNIQUE constraint) raises `Duplicate`."""
        key = _key(submission)
        try:
            with self.store.write() as conn:
                if key is not None and conn.execute(select(table.c.id).where(table.c.submission == key)).first():
                    raise Duplicate()
                if checks is not None:
                    values = values | checks(conn)
                return conn.execute(insert(table).values(**values, submission=key).returning(table.c.id)).scalar_one()
        except IntegrityError:
            if key is not None:
                with self.store.read() as conn:
                    if conn.execute(select(table.c.id).where(table.c.submission == key)).first():
                        raise Duplicate() from None
            raise

    # ------------------------------------------------------------------ attendance

    def mark(self, person: str, name: str, status: str, by: str, reason: str = "", submission: str = "") -> Mark:
        """Record one attendance mark (its own row: parallel check-ins never overwrite each other)."""
        reason = reason.strip()
        if status not in STATUSES:
            raise CongressError([problem("attendance.bad_status", status=status)])
        if status == ABSENT and not reason:
            raise CongressError([problem("attendance.no_reason", name=name)])
        at = utc_now()
        new_id = self._insert(marks_table, dict(person=person, name=name, status=status,
                                                reason=reason if status == ABSENT else "", created_by=by,
                                                created_at=at), submission)
        return Mark(person, status, reason if status == ABSENT else "", by, iso_utc(at), new_id)

    def marks(self) -> tuple[Mark, ...]:
        """Every mark in the order made (the latest of a person counts)."""
        with self.store.read() as conn:
            rows = conn.execute(select(marks_table).order_by(marks_table.c.id)).mappings().all()
        return tuple(Mark(r["person"], r["status"], r["reason"], r["created_by"], iso_utc(r["created_at"]), r["id"],
                          r["name"]) for r in rows)

    # ------------------------------------------------------------------ stable identities

    def identities(self) -> tuple[Identity, ...]:
        """The registry of stable keys, oldest first."""
        with self.store.read() as conn:
            rows = conn.execute(select(people_table).order_by(people_table.c.created_at, people_table.c.key)
                                ).mappings().all()
        return tuple(Identity(r["key"], r["name"], r["unit"], r["code"]) for r in rows)

    def stable(self, people: Sequence[Person], record: bool = True) -> tuple[Person, ...]:
        """`people` with their stable keys; new people are added to the registry (unless `record` is False:
        a preview). Two sessions adding the same person at once keep one row."""
        stable, new = assign(people, self.identities())
        if record and new:
            at = utc_now()
            for identity in new:
                try:
                    with self.store.write() as conn:
                        conn.execute(insert(people_table).values(key=identity.key, name=identity.name,
                                                                 unit=identity.unit, code=identity.code,
                                                                 created_at=at))
                except IntegrityError:
                    continue  # another session registered it meanwhile
        return stable

    # ------------------------------------------------------------------ elections

    def create_election(self, title: str, seats: int, candidates: Sequence[str], issued: int, by: str, *,
                        kind: str = COMMITTEE, parent: int = 0, required: int = 1, present: int = 0,
                        submission: str = "") -> Election:
        """Set up an election (CongressError when the set-up is incomplete; `Duplicate` when resent)."""
        names = [c.strip() for c in candidates if c.strip()]
        problems = election_problems(title, seats, names, issued)
        if kind not in KINDS_OF_ELECTION:
            problems.append(problem("election.unknown", id=kind))
        if problems:
            raise CongressError(problems)
        new_id = self._insert(elections_table, dict(
            title=title.strip(), seats=seats, candidates_json=json.dumps(names, ensure_ascii=False), issued=issued,
            hidden=False, created_by=by, created_at=utc_now(), kind=kind, parent_id=parent or None,
            required=max(1, min(int(required), 3)), present=present or None), submission)
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

    def close_election(self, election_id: int, by: str) -> bool:
        """The board closes the count with the ballots collected (the rest are "not collected"); False if
        it was closed already."""
        with self.store.write() as conn:
            done = conn.execute(update(elections_table).where(elections_table.c.id == election_id,
                                                              elections_table.c.closed_at.is_(None))
                                .values(closed_by=by, closed_at=utc_now()))
        return done.rowcount == 1

    def entries(self, election_id: int, include_voided: bool = False) -> tuple[Entry, ...]:
        """The entries counted for an election (cancelled ones left out unless asked), in the order entered."""
        query = select(entries_table).where(entries_table.c.election_id == election_id)
        if not include_voided:
            query = query.where(entries_table.c.voided_at.is_(None))
        with self.store.read() as conn:
            rows = conn.execute(query.order_by(entries_table.c.id)).mappings().all()
        return tuple(_entry(r) for r in rows)

    def void_entry(self, election_id: int, entry_id: int, by: str, reason: str = "") -> bool:
        """Cancel an entry made by mistake (the row stays, marked with who, when and why); False if already
        gone. The reason is required."""
        reason = reason.strip()
        if not reason:
            raise CongressError([problem("election.void_no_reason", id=entry_id)])
        with self.store.write() as conn:
            done = conn.execute(update(entries_table).where(
                entries_table.c.id == entry_id, entries_table.c.election_id == election_id,
                entries_table.c.voided_at.is_(None)).values(voided_by=by, voided_at=utc_now(),
                                                            void_reason=reason[:NAME_MAX * 4]))
        return done.rowcount == 1

    def add_entry(self, election_id: int, entry: Entry, by: str, submission: str = "") -> Entry:
        """Record a counted ballot or tally, checked against what is counted, in one locked transaction;
        `Duplicate` when the same one-time key was stored already."""

        def checks(conn: Connection) -> dict:
            query = select(elections_table).where(elections_table.c.id == election_id)
            if self.store.dialect == "postgresql":
                query = query.with_for_update()
            row = conn.execute(query).mappings().first()
            if row is None:
                raise CongressError([problem("election.unknown", id=election_id)])
            election = _election(row)
            if election.closed:
                raise CongressError([problem("election.closed")])
            counted = [_entry(r) for r in conn.execute(
                select(entries_table).where(entries_table.c.election_id == election_id,
                                            entries_table.c.voided_at.is_(None))).mappings().all()]
            problems = entry_problems(election, representatives(election, counted, entry.batch, by), entry)
            if problems:
                raise CongressError(problems)
            return {}

        at = utc_now()
        new_id = self._insert(entries_table, dict(
            election_id=election_id, mode=entry.mode, returned=entry.returned, valid=entry.valid,
            invalid=entry.invalid, votes_json=json.dumps([list(v) for v in entry.votes], ensure_ascii=False),
            reasons_json=json.dumps([list(r) for r in entry.reasons]), batch=entry.batch or None,
            created_by=by, created_at=at), submission, checks)
        return Entry(entry.returned, entry.valid, entry.invalid, entry.votes, entry.mode, by, iso_utc(at), new_id,
                     entry.reasons, entry.batch)

    # ------------------------------------------------------------------ double entry

    def resolve(self, election_id: int, batch: int, entry_id: int, by: str, reason: str,
                submission: str = "") -> Resolution:
        """The board chooses which entry of a disagreeing batch counts, with who and why."""
        reason = reason.strip()
        if not reason:
            raise CongressError([problem("election.void_no_reason", id=entry_id)])
        found = [e for e in self.entries(election_id) if e.id == entry_id and e.batch == batch]
        if not found:
            raise CongressError([problem("election.unknown", id=entry_id)])
        at = utc_now()
        new_id = self._insert(resolutions_table, dict(election_id=election_id, batch=batch, entry_id=entry_id,
                                                      reason=reason, created_by=by, created_at=at), submission)
        return Resolution(batch, entry_id, by, reason, iso_utc(at), new_id)

    def resolutions(self, election_id: int) -> tuple[Resolution, ...]:
        """The board's resolutions of disagreeing batches, oldest first (the latest of a batch counts)."""
        with self.store.read() as conn:
            rows = conn.execute(select(resolutions_table).where(resolutions_table.c.election_id == election_id)
                                .order_by(resolutions_table.c.id)).mappings().all()
        return tuple(Resolution(r["batch"], r["entry_id"], r["created_by"], r["reason"], iso_utc(r["created_at"]),
                                r["id"]) for r in rows)

    # ------------------------------------------------------------------ the dossier's positions

    def save_positions(self, positions: dict[str, object], by: str, submission: str = "") -> None:
        """Record the positions the first meeting elected (a new row; the latest counts)."""
        self._insert(positions_table, dict(positions_json=json.dumps(positions, ensure_ascii=False), created_by=by,
                                           created_at=utc_now()), submission)

    def positions(self) -> dict[str, object]:
        """The latest positions recorded ({} when none)."""
        with self.store.read() as conn:
            row = conn.execute(select(positions_table.c.positions_json).order_by(positions_table.c.id.desc())
                               .limit(1)).first()
        return json.loads(row[0]) if row else {}
