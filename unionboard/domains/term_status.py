"""Term targets judged year by year: the term's years, each year's status, progress and the summary in check --json.

* Term years: term targets belong to the term whose years hold their year columns — the next term
  at a congress (info "Nhiệm kỳ tới"), the current term mid-term (info "Nhiệm kỳ hiện tại"/"báo cáo").
  The term "2017–2022" runs over 2018–2022 (the congress sat in 2017), "2023–2028" over 2023–2028
  when the sheet has 2023 (core.period.term_years). Without a term the years are the sheet's columns.
* Years after the last year any target has a result for are "Chưa đến" (not reached), never late.
* Status of a target in a year (`year_status`): like the resolution targets (targets.py): a number
  or a percentage ≥ target is "Đạt", above it "Vượt", below it "Chưa đạt" (a target of 0 means
  "none", so less is better); a qualitative target is met when the result matches it or ranks
  above it ("Xuất sắc" > "Tốt"). A blank result is "Chưa có số liệu".
  A whole-term count ("Cả nhiệm kỳ", e.g. 5 người over the term) is judged on its pace: the total so
  far against the pro-rata target (target × years elapsed / term years); the total so far adds the
  yearly figures, or is the latest one when the sheet writes running totals ("Cả nhiệm kỳ (lũy kế)"). A whole-term percentage or
  rating is a level: the year's result against the target.
* On track (`term_target_status`): a yearly target is on track when every year with a result so far
  is met; a whole-term count when the projection at the current pace — total so far / years
  elapsed × term years — reaches the target; a whole-term level when the latest result meets it.
  None when there is no result yet.
* JSON "by_status" (`summary`): every target's status in the latest year any target has a
  result for (so all targets are judged on the same year); with no result at all, every target is
  "Chưa có số liệu".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from unionboard.core.models import Dataset, TermTarget, UnionInfo
from unionboard.core.period import parse_term
from unionboard.core.period import term_years as period_term_years
from unionboard.domains.targets import compare_numbers, compare_qualitative, read_amount

EXCEEDED, MET, NOT_MET, NO_DATA = "Vượt", "Đạt", "Chưa đạt", "Chưa có số liệu"
TERM_STATUSES = (EXCEEDED, MET, NOT_MET, NO_DATA)
NOT_YET = "Chưa đến"  # a year after the last year reached: never late (shown, not counted in by_status)


def _sheet_years(targets: Iterable[TermTarget]) -> set[int]:
    found: set[int] = set()
    for target in targets:
        found.update(target.results)
        found.update(target.yearly_targets)
    return found


def targets_term(info: UnionInfo | None, targets: Iterable[TermTarget] = ()) -> tuple[int, int] | None:
    """The term the targets were set for: of the next and the current term, the one holding most of
    the sheet's years (the next term when the sheet has none, as at a congress)."""
    if info is None:
        return None
    found = _sheet_years(targets)
    candidates = [t for t in (parse_term(info.next_term), parse_term(info.reported_term)) if t is not None]
    if not candidates:
        return None
    return max(candidates, key=lambda t: sum(t[0] <= y <= t[1] for y in found))


def term_years(info: UnionInfo | None, targets: Iterable[TermTarget] = ()) -> tuple[int, ...]:
    """The years of the targets' term ('2017–2022' → 2018..2022; '2023–2028' with 2023 in the sheet →
    2023..2028), else the sheet's years."""
    targets = tuple(targets)
    found = _sheet_years(targets)
    term = targets_term(info, targets)
    if term is not None:
        return period_term_years(term, found)
    return tuple(sorted(found))


def _is_percent(target: TermTarget) -> bool:
    return "%" in target.unit or target.term_target.strip().endswith("%")


def compare(goal: str, result: str) -> str:
    """Status of one result against one goal (both as written); blank result → 'Chưa có số liệu'."""
    if not result or not result.strip():
        return NO_DATA
    goal_amount, result_amount = read_amount(goal), read_amount(result)
    if goal_amount is not None:
        if result_amount is None:
            return NOT_MET
        return compare_numbers(goal_amount.value, result_amount.value)
    return compare_qualitative(goal, result)


def _is_count(target: TermTarget) -> bool:
    """A whole-term target that adds up over the years (people, trips), not a level (%, rating)."""
    return not target.per_year and read_amount(target.term_target) is not None and not _is_percent(target)


def _value(text: str) -> float | None:
    amount = read_amount(text)
    return amount.value if amount is not None else None


def total_so_far(target: TermTarget, years: tuple[int, ...], elapsed: int) -> float:
    """A whole-term count's total after `elapsed` term years: the yearly figures added up, or, when the
    sheet writes running totals ("Cả nhiệm kỳ (lũy kế)"), the latest of them."""
    if target.cumulative:
        written = [_value(target.results.get(y, "")) for y in years[:elapsed]]
        return next((v for v in reversed(written) if v is not None), 0.0)
    return sum(_value(target.results.get(y, "")) or 0.0 for y in years[:elapsed])


def projection(results_so_far: Iterable[float], years_elapsed: int, term_length: int) -> float | None:
    """Total so far / years elapsed × term years: where a whole-term count ends at the current pace."""
    if years_elapsed <= 0 or term_length <= 0:
        return None
    return sum(results_so_far) / years_elapsed * term_length


def year_status(target: TermTarget, year: int, years: tuple[int, ...]) -> str:
    """The target's status in `year` (one of TERM_STATUSES)."""
    result = target.results.get(year, "")
    if not result.strip():
        return NO_DATA
    goal = target.yearly_targets.get(year, target.term_target)
    if not _is_count(target) or year in target.yearly_targets or year not in years:
        return compare(goal, result)
    elapsed = years.index(year) + 1
    so_far = total_so_far(target, years, elapsed)
    goal_value = _value(target.term_target) or 0.0
    return compare_numbers(goal_value * elapsed / len(years), so_far)


@dataclass(frozen=True)
class TargetProgress:
    """One term target seen over the term's years."""

    target: TermTarget
    statuses: dict[int, str] = field(default_factory=dict)  # every term year → status
    latest_year: int | None = None  # the last year with a result
    projection: float | None = None  # whole-term counts only
    on_track: bool | None = None  # None: no result yet

    @property
    def latest_status(self) -> str:
        """The status in the latest year that has a result."""
        return self.statuses.get(self.latest_year, NO_DATA) if self.latest_year else NO_DATA

    @property
    def behind(self) -> bool:
        """Whether the target is behind its pace (not met in its latest year)."""
        return self.on_track is False


def term_target_status(target: TermTarget, years: tuple[int, ...],
                       reached: int | None = None) -> TargetProgress:
    """Statuses per year, the projection for whole-term counts and whether the target is on track.

    Years after `reached` (the last year the figures reach) without a result are NOT_YET.
    """
    years = tuple(sorted(set(years) | set(target.results)))
    statuses = {y: year_status(target, y, years) for y in years}
    if reached is not None:
        statuses = {y: NOT_YET if y > reached and s == NO_DATA else s for y, s in statuses.items()}
    with_data = [y for y in years if statuses[y] not in (NO_DATA, NOT_YET)]
    if not with_data:
        return TargetProgress(target, statuses)
    latest = with_data[-1]
    if target.per_year:
        on_track = all(statuses[y] in (EXCEEDED, MET) for y in with_data)
        return TargetProgress(target, statuses, latest, None, on_track)
    if _is_count(target):
        elapsed = years.index(latest) + 1
        projected = projection([total_so_far(target, years, elapsed)], elapsed, len(years))
        goal = _value(target.term_target) or 0.0
        ok = compare_numbers(goal, projected or 0.0) in (EXCEEDED, MET)
        return TargetProgress(target, statuses, latest, projected, ok)
    return TargetProgress(target, statuses, latest, None, statuses[latest] in (EXCEEDED, MET))


def progress(targets: Iterable[TermTarget], years: tuple[int, ...],
             reached: int | None = None) -> list[TargetProgress]:
    """Every target's progress, behind schedule first, then without data, then on track (sheet order kept);
    years after `reached` are NOT_YET."""
    items = [term_target_status(t, years, reached) for t in targets]
    rank = {False: 0, None: 1, True: 2}
    return sorted(items, key=lambda p: rank[p.on_track])


def latest_year(targets: Iterable[TermTarget]) -> int | None:
    """The last year any target has a result for."""
    years = [y for t in targets for y, v in t.results.items() if v.strip()]
    return max(years) if years else None


def status_counts(targets: tuple[TermTarget, ...], years: tuple[int, ...]) -> tuple[int | None, dict[str, int]]:
    """(year, {status: count}) over the latest year with data (see the module doc)."""
    year = latest_year(targets)
    counts = dict.fromkeys(TERM_STATUSES, 0)
    for target in targets:
        status = term_target_status(target, years).statuses.get(year, NO_DATA) if year else NO_DATA
        counts[status] += 1
    return year, counts


def summary(targets: tuple[TermTarget, ...], dataset: Dataset) -> dict:
    """The term-targets part of `check --json`: {"total", "by_status", "year"} (see the module doc)."""
    years = term_years(dataset.info, targets)
    year, counts = status_counts(targets, years)
    return {"total": len(targets), "by_status": counts, "year": year}
