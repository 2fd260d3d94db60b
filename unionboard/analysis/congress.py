"""Congress day, as pure functions over frozen records: who is convened, the credentials report, the ballot count.

* `convened(dataset)`: the people called to the congress — the delegates list when there is one
  (joined with the roster by name for gender, age, ...), else every member (a congress of all members).
  Each `Person` has a stable `key` that attendance marks refer to.
* `credentials(people, marks, ...)`: convened, present, absent with reasons, share present, quorum
  (more than `threshold` of those convened), and the composition of those present.
* `ballot_entry` / `tally_entry` build one counted entry (one ballot, or a counter's tally of a batch)
  and list its problems; `entry_problems` adds the checks against what is already counted;
  `count_election` gives the result: votes and share of valid ballots, elected (more than half of
  the valid ballots, highest first, up to the seats), a tie at the last seat, seats left unfilled.

Problems are `Problem(code, params)` with a catalogue key (`core/i18n/congress.py`); nothing here raises.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from unionboard.analysis.findings import AGE_BANDS, age_band
from unionboard.analysis.reference import AgeReference, age_reference
from unionboard.analysis.unknown import not_in_data
from unionboard.core.models import (
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    Dataset,
    Roster,
)
from unionboard.core.text import fold
from unionboard.domains.delegates import KINDS, MAJORITY_ETHNIC_GROUP, Delegate
from unionboard.sample import congress as congress_sample

PRESENT, ABSENT, CLEARED = "present", "absent", "cleared"
STATUSES = (PRESENT, ABSENT, CLEARED)
DEFAULT_QUORUM = 0.5  # more than half of those convened


# --------------------------------------------------------------------------- who is convened


@dataclass(frozen=True)
class Person:
    """One person convened; the details come from the roster (None when unknown)."""

    key: str
    name: str
    unit: str
    kind: str | None = None  # delegate kind; None at a congress of all members
    gender: str | None = None
    birth_year: int | None = None
    party_member: bool | None = None
    education: str | None = None
    political_theory: str | None = None
    role: str | None = None
    ethnicity: str | None = None


def person_key(name: str, unit: str) -> str:
    """The key a mark refers to: folded name and unit ("nguyen van an|van phong so")."""
    return f"{fold(name)}|{fold(unit)}"


def _unique(keys: Iterable[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for key in keys:
        seen[key] += 1
        out.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return out


def _roster_records(roster: Roster | None) -> list[dict]:
    if roster is None or len(roster) == 0:
        return []
    frame = roster.frame.astype(object).where(pd.notna(roster.frame), None)
    for key in not_in_data(roster):  # unknown is not zero: a detail the roster lacks is None, not False
        frame[key] = None
    return frame.to_dict("records")


def _from_record(key: str, record: dict, **overrides: object) -> Person:
    birth = record.get("birth_year")
    values = dict(name=str(record["name"]), unit=str(record.get("department") or ""),
                  gender=record.get("gender"), birth_year=int(birth) if birth is not None else None,
                  party_member=None if record.get("party_member") is None else bool(record["party_member"]),
                  education=record.get("education"),
                  political_theory=record.get("political_theory"), role=record.get("role"))
    values.update(overrides)
    return Person(key=key, **values)


def _delegate_person(key: str, delegate: Delegate, by_name: dict[str, list[dict]]) -> Person:
    matches = by_name.get(fold(delegate.name), [])
    same_unit = [r for r in matches if fold(r.get("department")) == fold(delegate.unit)]
    record = (same_unit or matches or [None])[0]
    if record is None:
        return Person(key=key, name=delegate.name, unit=delegate.unit, kind=delegate.kind,
                      ethnicity=delegate.ethnicity)
    return _from_record(key, record, name=delegate.name, unit=delegate.unit, kind=delegate.kind,
                        ethnicity=delegate.ethnicity)


def convened(dataset: Dataset) -> tuple[Person, ...]:
    """Those convened: the delegates list if the data has one, else every member of the roster."""
    records = _roster_records(dataset.members)
    delegates = dataset.get("delegates")
    if delegates:
        by_name: dict[str, list[dict]] = {}
        for record in records:
            by_name.setdefault(fold(record["name"]), []).append(record)
        keys = _unique(person_key(d.name, d.unit) for d in delegates)
        return tuple(_delegate_person(k, d, by_name) for k, d in zip(keys, delegates, strict=True))
    keys = _unique(person_key(str(r["name"]), str(r.get("department") or "")) for r in records)
    return tuple(_from_record(k, r) for k, r in zip(keys, records, strict=True))


def is_delegate_congress(people: Sequence[Person]) -> bool:
    """Whether the people are delegates (a delegate congress) rather than all members."""
    return any(p.kind is not None for p in people)


def search(people: Sequence[Person], query: str) -> tuple[Person, ...]:
    """People whose name (or unit) contains every word of `query`, diacritics- and case-insensitive."""
    words = fold(query).split()
    if not words:
        return tuple(people)
    return tuple(p for p in people if all(w in f"{fold(p.name)} {fold(p.unit)}" for w in words))


# --------------------------------------------------------------------------- attendance


@dataclass(frozen=True)
class Mark:
    """One attendance mark: `status` present / absent (with a reason) / cleared (back to unmarked)."""

    person: str  # Person.key
    status: str
    reason: str = ""
    by: str = ""
    at: str = ""  # ISO 8601, UTC
    id: int = 0


def latest_marks(marks: Iterable[Mark]) -> dict[str, Mark]:
    """The last mark of each person (marks in the order they were made); cleared marks drop out."""
    out: dict[str, Mark] = {}
    for mark in marks:
        if mark.status == CLEARED:
            out.pop(mark.person, None)
        else:
            out[mark.person] = mark
    return out


@dataclass(frozen=True)
class Group:
    """One composition table: (label, count) rows among `total` people."""

    key: str  # "gender", "party", "ethnic_minority", "education", "political_theory", "role", "kind", "age_band"
    rows: tuple[tuple[str, int], ...]
    total: int


@dataclass(frozen=True)
class AgeStats:
    """Age of those present (years, in the congress year); None when no birth year is known."""

    average: float | None
    youngest: int | None
    oldest: int | None
    known: int


@dataclass(frozen=True)
class Credentials:
    """The credentials report ("Báo cáo thẩm tra tư cách đại biểu") at one moment."""

    convened: int
    present: int
    absent: tuple[tuple[str, str], ...]  # (name, reason)
    unmarked: int
    threshold: float
    quorum: bool
    needed: int  # the least number present that makes the quorum
    groups: tuple[Group, ...]
    age: AgeStats
    delegate_congress: bool
    as_of: AgeReference | None = None  # the one reference date the ages are counted at

    @property
    def share_present(self) -> float:
        """Present / convened (0 when nobody is convened)."""
        return self.present / self.convened if self.convened else 0.0

    def group(self, key: str) -> Group | None:
        """The composition table `key` (None when it does not apply)."""
        return next((g for g in self.groups if g.key == key), None)


def quorum_needed(convened_count: int, threshold: float = DEFAULT_QUORUM) -> int:
    """The least number present that is *more than* `threshold` of those convened (33 → 17)."""
    return int(convened_count * threshold) + 1 if convened_count else 0


def _counts(values: Iterable[object], order: Sequence[str]) -> tuple[tuple[str, int], ...]:
    counts = Counter(v for v in values if v is not None and v != "")
    rows = [(label, counts.pop(label, 0)) for label in order]
    rows += sorted(((str(k), n) for k, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))
    return tuple(rows)


def _age(present: Sequence[Person], year: int) -> AgeStats:
    ages = [year - p.birth_year for p in present if p.birth_year is not None]
    if not ages:
        return AgeStats(None, None, None, 0)
    return AgeStats(sum(ages) / len(ages), min(ages), max(ages), len(ages))


def age_bands(present: Sequence[Person], year: int) -> tuple[tuple[str, int], ...]:
    """Those present by age band, the bands of the members page (findings.AGE_BANDS)."""
    bands = tuple(key for key, _low, _high in AGE_BANDS)
    return _counts((age_band(year - p.birth_year) for p in present if p.birth_year is not None), bands)


def composition(present: Sequence[Person], year: int) -> tuple[Group, ...]:
    """The composition tables of those present; a table is left out when no one has that detail."""
    n = len(present)
    groups = [Group("gender", _counts((p.gender for p in present), GENDERS), n)]
    if any(p.party_member is not None for p in present):
        groups.append(Group("party", (("party_member", sum(1 for p in present if p.party_member)),), n))
    if any(p.ethnicity for p in present):
        minority = sum(1 for p in present if p.ethnicity and fold(p.ethnicity) != fold(MAJORITY_ETHNIC_GROUP))
        groups.append(Group("ethnic_minority", (("ethnic_minority", minority),), n))
    candidates = (("education", (p.education for p in present), EDUCATION_LEVELS),
                  ("political_theory", (p.political_theory for p in present), POLITICAL_THEORY_LEVELS),
                  ("age_band", None, ()), ("role", (p.role for p in present), ()),
                  ("kind", (p.kind for p in present), KINDS))
    for key, values, order in candidates:
        rows = age_bands(present, year) if key == "age_band" else _counts(values, order)
        if any(count for _label, count in rows):
            groups.append(Group(key, rows, n))
    return tuple(groups)


def credentials(people: Sequence[Person], marks: Iterable[Mark], threshold: float = DEFAULT_QUORUM,
                year: int | AgeReference | None = None) -> Credentials:
    """The credentials report of `people` given the attendance marks (the latest per person counts);
    ages at `year`, best the data set's `reference.age_reference` (stated in the report)."""
    as_of = year if isinstance(year, AgeReference) else None
    year = as_of.year if as_of is not None else (year or dt.date.today().year)
    latest = latest_marks(marks)
    present = [p for p in people if (m := latest.get(p.key)) is not None and m.status == PRESENT]
    absent = tuple((p.name, latest[p.key].reason) for p in people
                   if p.key in latest and latest[p.key].status == ABSENT)
    total = len(people)
    needed = quorum_needed(total, threshold)
    return Credentials(convened=total, present=len(present), absent=absent,
                       unmarked=total - len(present) - len(absent), threshold=threshold,
                       quorum=total > 0 and len(present) >= needed, needed=needed,
                       groups=composition(present, year), age=_age(present, year),
                       delegate_congress=is_delegate_congress(people), as_of=as_of)


# --------------------------------------------------------------------------- elections


@dataclass(frozen=True)
class Problem:
    """Why an input cannot be taken: a catalogue key and its parameters."""

    code: str
    params: tuple[tuple[str, object], ...] = ()


def problem(code: str, **params: object) -> Problem:
    """A `Problem` with keyword parameters."""
    return Problem(code, tuple(params.items()))


@dataclass(frozen=True)
class Election:
    """What is elected, how many seats, the candidates (in ballot order) and the ballots issued."""

    title: str
    seats: int
    candidates: tuple[str, ...]
    issued: int
    id: int = 0
    by: str = ""
    at: str = ""


@dataclass(frozen=True)
class Entry:
    """Counted ballots: one ballot (`mode="ballot"`) or a counter's tally of a batch (`mode="tally"`)."""

    returned: int
    valid: int
    invalid: int
    votes: tuple[tuple[str, int], ...]  # candidate → votes in this entry (candidates with votes only)
    mode: str = "tally"
    by: str = ""
    at: str = ""
    id: int = 0


def election_problems(title: str, seats: int, candidates: Sequence[str], issued: int) -> list[Problem]:
    """What is wrong with an election's set-up (empty list: it can be saved)."""
    out = []
    if not title.strip():
        out.append(problem("election.no_title"))
    if seats < 1:
        out.append(problem("election.no_seats"))
    names = [c.strip() for c in candidates if c.strip()]
    if not names:
        out.append(problem("election.no_candidates"))
    repeated = sorted({c for c in names if sum(1 for d in names if fold(d) == fold(c)) > 1})
    if repeated:
        out.append(problem("election.repeated_candidate", names=", ".join(repeated)))
    if issued < 1:
        out.append(problem("election.no_ballots"))
    return out


def _known(election: Election, names: Iterable[str]) -> tuple[dict[str, str], list[str]]:
    by_fold = {fold(c): c for c in election.candidates}
    found, unknown = {}, []
    for name in names:
        canonical = by_fold.get(fold(name))
        if canonical is None:
            unknown.append(name)
        else:
            found[name] = canonical
    return found, unknown


def ballot_entry(election: Election, valid: bool, crossed: Iterable[str]) -> tuple[Entry | None, list[Problem]]:
    """One ballot: valid or not, and the names crossed out on it (the names kept are the votes)."""
    crossed = list(crossed)
    known, unknown = _known(election, crossed)
    if unknown:
        return None, [problem("election.unknown_candidate", names=", ".join(unknown))]
    if not valid:
        return Entry(returned=1, valid=0, invalid=1, votes=(), mode="ballot"), []
    struck = set(known.values())
    kept = [c for c in election.candidates if c not in struck]
    if len(kept) > election.seats:
        return None, [problem("election.too_many_names", kept=len(kept), seats=election.seats)]
    return Entry(returned=1, valid=1, invalid=0, votes=tuple((c, 1) for c in kept), mode="ballot"), []


def _capacity_problems(election: Election, valid: int, votes: dict[str, int]) -> list[Problem]:
    """Each candidate's votes ≤ valid ballots; all votes ≤ valid ballots × seats."""
    out = []
    over = [f"{name} ({n})" for name, n in votes.items() if n > valid]
    if over:
        out.append(problem("election.candidate_over_valid", names=", ".join(over), valid=valid))
    total = sum(votes.values())
    if total > valid * election.seats:
        out.append(problem("election.votes_over_capacity", total=total, valid=valid, seats=election.seats,
                           capacity=valid * election.seats))
    return out


def figures_problems(election: Election, returned: int, valid: int, invalid: int,
                     votes: dict[str, int]) -> list[Problem]:
    """Whether a batch's figures hold together: known names, no negative, valid + invalid = returned, capacity."""
    out = []
    _known_names, unknown = _known(election, votes)
    if unknown:
        out.append(problem("election.unknown_candidate", names=", ".join(unknown)))
    if min(returned, valid, invalid, *votes.values(), 0) < 0:
        out.append(problem("election.negative"))
    if valid + invalid != returned:
        out.append(problem("election.sum_mismatch", valid=valid, invalid=invalid, returned=returned))
    return out + _capacity_problems(election, valid, votes)


def tally_entry(election: Election, returned: int, valid: int, invalid: int,
                votes: dict[str, int]) -> tuple[Entry | None, list[Problem]]:
    """A counter's tally of a batch of ballots; problems when the figures do not add up."""
    out = figures_problems(election, returned, valid, invalid, votes)
    if out:
        return None, out
    known, _unknown = _known(election, votes)
    merged: Counter[str] = Counter()
    for name, n in votes.items():
        merged[known[name]] += n
    return Entry(returned=returned, valid=valid, invalid=invalid,
                 votes=tuple((c, merged[c]) for c in election.candidates if merged[c]), mode="tally"), []


def entry_problems(election: Election, counted: Sequence[Entry], entry: Entry) -> list[Problem]:
    """Every check of a new entry before it is stored: its own figures (as `figures_problems`; a single
    ballot keeps at most `seats` names), then against what is counted: returned ≤ issued."""
    votes: dict[str, int] = {}
    for name, n in entry.votes:
        votes[name] = votes.get(name, 0) + n
    own = figures_problems(election, entry.returned, entry.valid, entry.invalid, votes)
    if entry.mode == "ballot" and entry.valid == 1 and len(votes) > election.seats:
        own.append(problem("election.too_many_names", kept=len(votes), seats=election.seats))
    if own:
        return own
    returned = sum(e.returned for e in counted) + entry.returned
    if returned > election.issued:
        return [problem("election.returned_over_issued", returned=returned, issued=election.issued)]
    return []


@dataclass(frozen=True)
class CandidateResult:
    """One candidate's votes and share of the valid ballots."""

    name: str
    votes: int
    share: float  # of valid ballots, 0..1
    elected: bool = False
    tied: bool = False


@dataclass(frozen=True)
class ElectionResult:
    """The count so far: totals, candidates by votes, who is elected, a tie at the last seat, unfilled seats."""

    election: Election
    returned: int
    valid: int
    invalid: int
    entries: int
    candidates: tuple[CandidateResult, ...]
    elected: tuple[str, ...]
    tied: tuple[str, ...]
    unfilled: int
    problems: tuple[Problem, ...]

    @property
    def complete(self) -> bool:
        """Whether every ballot issued has been counted."""
        return self.returned >= self.election.issued

    @property
    def remaining(self) -> int:
        """Ballots issued not yet counted (or not returned)."""
        return max(self.election.issued - self.returned, 0)


def _winners(ranked: list[tuple[str, int]], valid: int, seats: int) -> tuple[list[str], list[str]]:
    """(elected, tied at the last seat): more than half of the valid ballots, highest first, up to `seats`."""
    qualified = [(name, n) for name, n in ranked if 2 * n > valid]
    if len(qualified) <= seats:
        return [name for name, _n in qualified], []
    cutoff = qualified[seats - 1][1]
    if qualified[seats][1] != cutoff:
        return [name for name, _n in qualified[:seats]], []
    return ([name for name, n in qualified if n > cutoff], [name for name, n in qualified if n == cutoff])


def _total_problems(election: Election, returned: int, valid: int, votes: Counter[str]) -> list[Problem]:
    out = []
    if returned > election.issued:
        out.append(problem("election.returned_over_issued", returned=returned, issued=election.issued))
    return out + _capacity_problems(election, valid, dict(votes))


def count_election(election: Election, entries: Sequence[Entry]) -> ElectionResult:
    """The result of the entries counted so far (the elected are final once every ballot is counted)."""
    returned = sum(e.returned for e in entries)
    valid = sum(e.valid for e in entries)
    invalid = sum(e.invalid for e in entries)
    votes: Counter[str] = Counter()
    for entry in entries:
        for name, n in entry.votes:
            votes[name] += n
    order = {name: i for i, name in enumerate(election.candidates)}
    ranked = sorted(((c, votes[c]) for c in election.candidates), key=lambda cv: (-cv[1], order[cv[0]]))
    elected, tied = _winners(ranked, valid, election.seats) if valid else ([], [])
    candidates = tuple(CandidateResult(name, n, n / valid if valid else 0.0, name in elected, name in tied)
                       for name, n in ranked)
    return ElectionResult(election=election, returned=returned, valid=valid, invalid=invalid,
                          entries=len(entries), candidates=candidates, elected=tuple(elected), tied=tuple(tied),
                          unfilled=election.seats - len(elected),
                          problems=tuple(_total_problems(election, returned, valid, votes)))


# --------------------------------------------------------------------------- sample ("Dữ liệu mẫu")


def sample_marks(people: Sequence[Person]) -> tuple[Mark, ...]:
    """The sample attendance: everyone present but the sample's absentees (with their reasons)."""
    absent = {fold(name): reason for name, reason in congress_sample.ABSENT.items()}
    return tuple(Mark(p.key, ABSENT if fold(p.name) in absent else PRESENT, absent.get(fold(p.name), ""),
                      by="Dữ liệu mẫu", id=i + 1) for i, p in enumerate(people))


def sample_election() -> Election:
    """The sample election (executive committee, 5 seats, 6 candidates, 30 ballots)."""
    return Election(title=congress_sample.ELECTION_TITLE, seats=congress_sample.SEATS,
                    candidates=congress_sample.CANDIDATES, issued=congress_sample.ISSUED, by="Dữ liệu mẫu")


def sample_entries(election: Election | None = None) -> tuple[Entry, ...]:
    """The sample ballots, one entry per ballot (the invalid ballot last)."""
    election = election or sample_election()
    entries = [ballot_entry(election, True, crossed)[0] for crossed in congress_sample.crossed_names()]
    entries += [ballot_entry(election, False, ())[0] for _ in range(congress_sample.INVALID)]
    return tuple(e for e in entries if e is not None)


def congress_year(dataset: Dataset) -> int:
    """The year ages are counted in on congress day: that of the data set's one `age_reference`."""
    return age_reference(dataset).year
