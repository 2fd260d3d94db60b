"""Congress day, as pure functions over frozen records: who is convened, the credentials report, the ballot count.

* `convened(dataset)`: the people called to the congress — the delegates list when there is one
  (joined with the roster by name for gender, age, ...), else every member (a congress of all members).
  Each `Person` has a stable `key` that attendance marks refer to.
* `credentials(people, marks, ...)`: convened, present, absent with reasons, share present, quorum
  (at least `threshold` of those convened: 2/3 by the Charter, `analysis.charter`), appointed
  delegates over their share, and the composition of those present.
* `ballot_entry` / `tally_entry` build one counted entry (one ballot, or a counter's tally of a batch)
  and list its problems; a ticked ballot is classified valid or invalid with its reason
  (`analysis.ballots`); `entry_problems` adds the checks against what is already counted;
  `count_election` gives the result: votes and share of the ballots COLLECTED, elected (more than half
  of the ballots collected, highest first, up to the seats — Điều lệ 2020, Điều 10.3), a tie at the
  last seat (never decided here: `runoff` sets up the new round), seats left unfilled
  (`supplementary`), invalid ballots by reason, and ballots not collected once the board closes.

Problems are `Problem(code, params)` with a catalogue key (`core/i18n/congress.py`); nothing here raises.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from unionboard.analysis import ballots as ballot_rules
from unionboard.analysis.charter import APPOINTED_SHARE, ELECTED_SHARE, QUORUM, at_least, more_than
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
DEFAULT_QUORUM = QUORUM  # at least 2/3 of those convened (Điều lệ 2020, Điều 10.1)
APPOINTED = "Chỉ định"  # the delegate kind whose share is capped (Điều lệ 2020, Điều 8.4; see analysis.charter)
NAME_MAX = 120  # longest name or title taken at entry (longer ones are refused with a message)


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
    code: str = ""  # the delegate / member code when the sheet has one


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
    values.setdefault("code", str(record.get("code") or "").strip())
    return Person(key=key, **values)


def _delegate_person(key: str, delegate: Delegate, by_name: dict[str, list[dict]]) -> Person:
    matches = by_name.get(fold(delegate.name), [])
    code = str(getattr(delegate, "code", "") or "").strip()
    same_code = [r for r in matches if code and str(r.get("code") or "").strip() == code]
    same_unit = [r for r in matches if fold(r.get("department")) == fold(delegate.unit)]
    record = (same_code or same_unit or matches or [None])[0]
    if record is None:
        return Person(key=key, name=delegate.name, unit=delegate.unit, kind=delegate.kind,
                      ethnicity=delegate.ethnicity, code=code)
    return _from_record(key, record, name=delegate.name, unit=delegate.unit, kind=delegate.kind,
                        ethnicity=delegate.ethnicity, code=code)


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
    name: str = ""  # the person's name when marked


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
    appointed: int = 0  # appointed delegates (chỉ định) among those convened
    appointed_limit: int = 0  # the most allowed (5% of the official delegates, rounded down)
    as_of: AgeReference | None = None  # the one reference date the ages are counted at

    @property
    def charter_threshold(self) -> bool:
        """Whether the quorum threshold is the Charter's (2/3); any other needs a visible note."""
        return self.threshold == DEFAULT_QUORUM

    @property
    def appointed_over(self) -> bool:
        """Appointed delegates above 5% of the official delegates (a warning to check, Điều 8.4)."""
        return self.delegate_congress and self.appointed > self.appointed_limit

    @property
    def share_present(self) -> float:
        """Present / convened (0 when nobody is convened)."""
        return self.present / self.convened if self.convened else 0.0

    def group(self, key: str) -> Group | None:
        """The composition table `key` (None when it does not apply)."""
        return next((g for g in self.groups if g.key == key), None)


def quorum_needed(convened_count: int, threshold: float = DEFAULT_QUORUM) -> int:
    """The least number present that is *at least* `threshold` of those convened (Charter 2/3: 33 → 22)."""
    return at_least(convened_count, threshold) if convened_count else 0


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
    appointed = sum(1 for p in people if p.kind == APPOINTED)
    limit = int(APPOINTED_SHARE * total)
    return Credentials(convened=total, present=len(present), absent=absent,
                       unmarked=total - len(present) - len(absent), threshold=threshold,
                       quorum=total > 0 and len(present) >= needed, needed=needed,
                       groups=composition(present, year), age=_age(present, year),
                       delegate_congress=is_delegate_congress(people), appointed=appointed,
                       appointed_limit=limit, as_of=as_of)


# --------------------------------------------------------------------------- elections


@dataclass(frozen=True)
class Problem:
    """Why an input cannot be taken: a catalogue key and its parameters."""

    code: str
    params: tuple[tuple[str, object], ...] = ()


def problem(code: str, **params: object) -> Problem:
    """A `Problem` with keyword parameters."""
    return Problem(code, tuple(params.items()))


COMMITTEE, CHAIR, OTHER = "committee", "chair", "other"
KINDS_OF_ELECTION = (COMMITTEE, CHAIR, OTHER)


@dataclass(frozen=True)
class Election:
    """What is elected, how many seats, the candidates (in ballot order) and the ballots issued.

    `kind`: the executive committee, the chair elected directly (Hướng dẫn 28/HD-TLĐ: one seat, one
    candidate allowed) or another body; `parent`: the election a new round (tie) or a supplementary
    round follows; `required`: independent entries of every batch (1: single entry; 2 or 3: double
    entry); `present`: voters present when it was set up (0: unknown); `closed_*`: the board closed the
    count with the ballots it has (the ballots missing are "not collected").
    """

    title: str
    seats: int
    candidates: tuple[str, ...]
    issued: int
    id: int = 0
    by: str = ""
    at: str = ""
    kind: str = COMMITTEE
    parent: int = 0
    required: int = 1
    present: int = 0
    closed_by: str = ""
    closed_at: str = ""

    @property
    def closed(self) -> bool:
        """Whether the board closed the count (the result is final with the ballots collected)."""
        return bool(self.closed_at)


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
    reasons: tuple[tuple[str, int], ...] = ()  # invalid ballots by reason (analysis.ballots.REASONS)
    batch: int = 0  # the batch of ballots (double entry: the entries of one batch are compared)
    voided_by: str = ""
    voided_at: str = ""
    void_reason: str = ""


def election_problems(title: str, seats: int, candidates: Sequence[str], issued: int) -> list[Problem]:
    """What is wrong with an election's set-up (empty list: it can be saved)."""
    out = []
    if not title.strip():
        out.append(problem("election.no_title"))
    if len(title.strip()) > NAME_MAX:
        out.append(problem("election.title_too_long", n=len(title.strip()), max=NAME_MAX))
    long_names = [c.strip()[:40] + "…" for c in candidates if len(c.strip()) > NAME_MAX]
    if long_names:
        out.append(problem("election.name_too_long", names=", ".join(long_names), max=NAME_MAX))
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


def ballot_entry(election: Election, valid: bool, crossed: Iterable[str], *, reason: str = "",
                 added: bool = False, unclear: bool = False, not_issued: bool = False,
                 private_mark: bool = False, batch: int = 0) -> tuple[Entry | None, list[Problem]]:
    """One ballot: the names crossed out on it (the names kept are the votes). The program classifies
    it (`analysis.ballots.classify`): a ballot breaking a rule is counted invalid with that reason,
    never refused. `valid=False` records it invalid directly, with `reason` (default "other")."""
    crossed = list(crossed)
    known, unknown = _known(election, crossed)
    if unknown:
        return None, [problem("election.unknown_candidate", names=", ".join(unknown))]
    if not valid:
        why = reason if reason in ballot_rules.REASONS else ballot_rules.OTHER
        return Entry(returned=1, valid=0, invalid=1, votes=(), mode="ballot", reasons=((why, 1),), batch=batch), []
    struck = set(known.values())
    kept = [c for c in election.candidates if c not in struck]
    why = ballot_rules.classify(election.candidates, election.seats, len(kept), added=added, unclear=unclear,
                                not_issued=not_issued, private_mark=private_mark)
    if why is not None:
        return Entry(returned=1, valid=0, invalid=1, votes=(), mode="ballot", reasons=((why, 1),), batch=batch), []
    return Entry(returned=1, valid=1, invalid=0, votes=tuple((c, 1) for c in kept), mode="ballot", batch=batch), []


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
                votes: dict[str, int], reasons: dict[str, int] | None = None,
                batch: int = 0) -> tuple[Entry | None, list[Problem]]:
    """A counter's tally of a batch of ballots; problems when the figures do not add up. `reasons`:
    the invalid ballots by reason (those not given are counted "unspecified")."""
    out = figures_problems(election, returned, valid, invalid, votes)
    given = {k: int(n) for k, n in (reasons or {}).items() if n}
    if any(n < 0 for n in given.values()) or sum(given.values()) > invalid:
        out.append(problem("election.reasons_over_invalid", given=sum(given.values()), invalid=invalid))
    if out:
        return None, out
    if invalid > sum(given.values()):
        given[ballot_rules.UNSPECIFIED] = invalid - sum(given.values())
    by_reason = tuple((k, given[k]) for k in (*ballot_rules.REASONS, ballot_rules.UNSPECIFIED) if given.get(k))
    known, _unknown = _known(election, votes)
    merged: Counter[str] = Counter()
    for name, n in votes.items():
        merged[known[name]] += n
    return Entry(returned=returned, valid=valid, invalid=invalid,
                 votes=tuple((c, merged[c]) for c in election.candidates if merged[c]), mode="tally",
                 reasons=by_reason, batch=batch), []


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
    """One candidate's votes and share of the ballots collected (Điều lệ 2020, Điều 10.3)."""

    name: str
    votes: int
    share: float  # of the ballots collected (phiếu thu về, invalid ones included), 0..1
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
    invalid_by_reason: tuple[tuple[str, int], ...] = ()

    @property
    def complete(self) -> bool:
        """Whether the result is final: every ballot issued counted, or the board closed the count."""
        return self.returned >= self.election.issued or self.election.closed

    @property
    def remaining(self) -> int:
        """Ballots issued not yet counted (or not returned)."""
        return max(self.election.issued - self.returned, 0)

    @property
    def not_collected(self) -> int:
        """Ballots issued but not collected (issued = collected + not collected) once the count is closed."""
        return self.remaining if self.election.closed else 0

    @property
    def needed(self) -> int:
        """The least votes that elect: more than half of the ballots collected (30 collected → 16)."""
        return more_than(self.returned, ELECTED_SHARE) if self.returned else 0


def _winners(ranked: list[tuple[str, int]], collected: int, seats: int) -> tuple[list[str], list[str]]:
    """(elected, tied at the last seat): more than half of the ballots collected, highest first, up to
    `seats` (Điều lệ 2020, Điều 10.3; Hướng dẫn 28/HD-TLĐ). A tie is left to the congress."""
    needed = more_than(collected, ELECTED_SHARE)
    qualified = [(name, n) for name, n in ranked if n >= needed]
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
    reasons: Counter[str] = Counter()
    for entry in entries:
        for name, n in entry.votes:
            votes[name] += n
        given = dict(entry.reasons)
        for key, n in given.items():
            reasons[key] += n
        if entry.invalid > sum(given.values()):
            reasons[ballot_rules.UNSPECIFIED] += entry.invalid - sum(given.values())
    order = {name: i for i, name in enumerate(election.candidates)}
    ranked = sorted(((c, votes[c]) for c in election.candidates), key=lambda cv: (-cv[1], order[cv[0]]))
    elected, tied = _winners(ranked, returned, election.seats) if valid else ([], [])
    candidates = tuple(CandidateResult(name, n, n / returned if returned else 0.0, name in elected, name in tied)
                       for name, n in ranked)
    by_reason = tuple((k, reasons[k]) for k in (*ballot_rules.REASONS, ballot_rules.UNSPECIFIED) if reasons[k])
    return ElectionResult(election=election, returned=returned, valid=valid, invalid=invalid,
                          entries=len(entries), candidates=candidates, elected=tuple(elected), tied=tuple(tied),
                          unfilled=election.seats - len(elected),
                          problems=tuple(_total_problems(election, returned, valid, votes)),
                          invalid_by_reason=by_reason)


@dataclass(frozen=True)
class Round:
    """A new round to set up in one step: linked to the election it follows."""

    title: str
    seats: int
    candidates: tuple[str, ...]
    parent: int
    kind: str
    reason: str  # "runoff" (a tie at the last seat) or "supplementary" (seats left unfilled)


def runoff(result: ElectionResult) -> Round | None:
    """The new round among those tied at the last seat, for the seats left (None when nobody is tied)."""
    if not (result.complete and result.tied):
        return None
    election = result.election
    return Round(f"{election.title} – bầu lại", election.seats - len(result.elected), result.tied,
                 election.id, election.kind, "runoff")


def supplementary(result: ElectionResult) -> Round | None:
    """The supplementary round (bầu bổ sung) for seats left unfilled, among those not elected (the congress
    may add names); None when every seat is filled or a tie must be settled first."""
    if not result.complete or result.tied or result.unfilled <= 0:
        return None
    election = result.election
    others = tuple(c.name for c in result.candidates if not c.elected)
    return Round(f"{election.title} – bầu bổ sung", result.unfilled, others, election.id, election.kind,
                 "supplementary")


def election_warnings(election: Election, present: int | None = None) -> list[Problem]:
    """What the board should look at before counting: ballots issued above those present, fewer
    candidates than seats. Warnings, not refusals."""
    out = []
    present = election.present if present is None else present
    if present and election.issued > present:
        out.append(problem("election.issued_over_present", issued=election.issued, present=present))
    if len(election.candidates) < election.seats:
        out.append(problem("election.fewer_candidates", n=len(election.candidates), seats=election.seats))
    return out


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
