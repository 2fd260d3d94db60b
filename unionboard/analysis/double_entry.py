"""Independent double entry of the ballot count, as counting boards do to catch slips.

When an election requires 2 (or 3) entries of every batch of ballots, each by a different counter, a
batch is counted only when its entries agree on every figure (ballots, valid, invalid by reason, each
candidate's votes) — or when the board resolves a disagreement by choosing one entry, recorded with who
and why. `batches` shows each batch's state and every disagreement by figure; `counted_entries` gives
what `count_election` counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from unionboard.analysis.congress import Election, Entry

WAITING, AGREED, DISAGREE, RESOLVED = "waiting", "agreed", "disagree", "resolved"


@dataclass(frozen=True)
class Resolution:
    """The board's choice of one entry of a batch whose entries disagree: who, why, when."""

    batch: int
    entry_id: int
    by: str
    reason: str
    at: str = ""
    id: int = 0


@dataclass(frozen=True)
class Disagreement:
    """One figure the entries of a batch disagree on: (counter, entry id, value) per entry."""

    figure: str  # "returned", "valid", "invalid", "reason:<code>" or a candidate's name
    values: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Batch:
    """One batch of ballots: its entries, state, what counts, the disagreements, the resolution."""

    number: int
    entries: tuple[Entry, ...]
    status: str
    counted: Entry | None
    disagreements: tuple[Disagreement, ...] = ()
    resolution: Resolution | None = None


def figures(election: Election, entry: Entry) -> dict[str, int]:
    """Every figure of an entry, by name (absent candidates and reasons count 0)."""
    out = {"returned": entry.returned, "valid": entry.valid, "invalid": entry.invalid}
    votes = dict(entry.votes)
    out.update({name: votes.get(name, 0) for name in election.candidates})
    out.update({f"reason:{code}": n for code, n in entry.reasons})
    return out


def _compare(election: Election, entries: Sequence[Entry]) -> tuple[Disagreement, ...]:
    tables = [figures(election, e) for e in entries]
    names = list(dict.fromkeys(k for table in tables for k in table))
    out = []
    for name in names:
        values = tuple((e.by, e.id, table.get(name, 0)) for e, table in zip(entries, tables, strict=True))
        if len({v for _by, _id, v in values}) > 1:
            out.append(Disagreement(name, values))
    return tuple(out)


def batches(election: Election, entries: Sequence[Entry], resolutions: Sequence[Resolution] = ()) -> tuple[Batch, ...]:
    """Each batch of the entries (in batch order) with its state, for an election needing `required` entries."""
    grouped: dict[int, list[Entry]] = {}
    for entry in entries:
        grouped.setdefault(entry.batch, []).append(entry)
    chosen = {r.batch: r for r in resolutions}
    out = []
    for number in sorted(grouped):
        group = tuple(grouped[number])
        disagreements = _compare(election, group)
        resolution = chosen.get(number)
        picked = next((e for e in group if resolution and e.id == resolution.entry_id), None)
        counters = len({e.by for e in group})
        if picked is not None:
            out.append(Batch(number, group, RESOLVED, picked, disagreements, resolution))
        elif disagreements:
            out.append(Batch(number, group, DISAGREE, None, disagreements))
        elif counters >= election.required:
            out.append(Batch(number, group, AGREED, group[0]))
        else:
            out.append(Batch(number, group, WAITING, None))
    return tuple(out)


def counted_entries(election: Election, entries: Sequence[Entry],
                    resolutions: Sequence[Resolution] = ()) -> tuple[Entry, ...]:
    """What is counted: every entry at single entry; one entry per agreed or resolved batch at double entry."""
    if election.required <= 1:
        return tuple(entries)
    return tuple(b.counted for b in batches(election, entries, resolutions) if b.counted is not None)


def representatives(election: Election, entries: Sequence[Entry], batch: int) -> tuple[Entry, ...]:
    """One entry per batch other than `batch` (the check that ballots collected stay within those issued)."""
    if election.required <= 1:
        return tuple(entries)
    seen: dict[int, Entry] = {}
    for entry in entries:
        if entry.batch != batch:
            seen.setdefault(entry.batch, entry)
    return tuple(seen.values())
