"""Independent double entry of the ballot count, as counting boards do to catch slips.

When an election requires 2 (or 3) entries of every batch of ballots, each by a different counter, a
batch is counted only when the counters' entries agree on every figure (ballots, valid, invalid by reason,
each candidate's votes) — or when the board resolves a disagreement by choosing one counter's entry,
recorded with who and why. A counter's entry of a batch is the sum of what they entered for it: one tally,
or ballot after ballot. `batches` shows each batch's state and every disagreement by figure; `counted_entries` gives
what `count_election` counts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from unionboard.analysis.congress import Election, ElectionResult, Entry, count_election

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


def combined(entries: Sequence[Entry]) -> Entry:
    """One counter's entries of a batch as one entry (figures summed; the id and who of the first)."""
    votes: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for entry in entries:
        votes.update(dict(entry.votes))
        reasons.update(dict(entry.reasons))
    first = entries[0]
    return Entry(returned=sum(e.returned for e in entries), valid=sum(e.valid for e in entries),
                 invalid=sum(e.invalid for e in entries), votes=tuple(sorted(votes.items())), mode=first.mode,
                 by=first.by, at=first.at, id=first.id, reasons=tuple(sorted(reasons.items())), batch=first.batch)


def batches(election: Election, entries: Sequence[Entry], resolutions: Sequence[Resolution] = ()) -> tuple[Batch, ...]:
    """Each batch (in batch order): one combined entry per counter, its state, for `required` counters."""
    by_counter: dict[int, dict[str, list[Entry]]] = {}
    for entry in entries:
        by_counter.setdefault(entry.batch, {}).setdefault(entry.by, []).append(entry)
    grouped = {number: [combined(own) for own in counters.values()] for number, counters in by_counter.items()}
    owner = {e.id: e.by for e in entries}
    chosen = {r.batch: r for r in resolutions}
    out = []
    for number in sorted(grouped):
        group = tuple(grouped[number])
        disagreements = _compare(election, group)
        resolution = chosen.get(number)
        chosen_by = owner.get(resolution.entry_id) if resolution else None
        picked = next((e for e in group if chosen_by is not None and e.by == chosen_by), None)
        counters = len(group)
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


def representatives(election: Election, entries: Sequence[Entry], batch: int, by: str) -> tuple[Entry, ...]:
    """What the check "ballots collected stay within those issued" counts before `by` adds to `batch`: the
    largest counter's entry of every other batch, and `by`'s own entries of this one."""
    if election.required <= 1:
        return tuple(entries)
    out = [e for e in entries if e.batch == batch and e.by == by]
    for found in batches(election, [e for e in entries if e.batch != batch]):
        out.append(max(found.entries, key=lambda e: e.returned))
    return tuple(out)


def counted_result(election: Election, entries: Sequence[Entry],
                   resolutions: Sequence[Resolution] = ()) -> ElectionResult:
    """The election's result from what counts: at double entry only the agreed or resolved batches."""
    return count_election(election, counted_entries(election, entries, resolutions))
