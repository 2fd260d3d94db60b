"""What an upload would change: compare two data sets (pure functions, no Streamlit).

`merged(current, uploaded)` is the data set a publish would produce (the uploaded domains replace
the current ones, the others carry over — as a publish does); `compare(before, after)` says
what changes between two data sets: members added/removed/changed (matched by folded name and
birth year), finance per year, target results, award counts and which domains change at all.
Frames use stable English column names and canonical values; the UI translates them.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, fields

import pandas as pd

from unionboard.core.models import Award, Dataset, Finance, Roster, Target, UnionInfo
from unionboard.core.text import fold
from unionboard.domains import registry

MEMBER_FIELDS = ("gender", "department", "education", "political_theory", "party_member",
                 "join_date", "role", "status")
MEMBER_DIFF_COLUMNS = ("change", "name", "birth_year", "field", "before", "after")
FINANCE_DIFF_COLUMNS = ("year", "revenue_before", "revenue_after", "spending_before", "spending_after", "changed")
TARGET_DIFF_COLUMNS = ("change", "target", "unit", "result_before", "result_after", "status_before", "status_after")


def _value(value: object) -> object:
    """None for blanks/NaN, plain Python values otherwise (numpy scalars unwrapped)."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _keyed(items: list[tuple[tuple, dict]]) -> dict[tuple, dict]:
    """Make keys unique by numbering repeats: (key, 0), (key, 1), ..."""
    seen: Counter = Counter()
    out: dict[tuple, dict] = {}
    for key, record in items:
        out[(*key, seen[key])] = record
        seen[key] += 1
    return out


def member_key(name: object, birth_year: object) -> tuple[str, int | None]:
    """The identity of a member across versions: folded name and birth year."""
    year = _value(birth_year)
    return fold(name), int(year) if year is not None else None


def _member_records(roster: Roster | None) -> dict[tuple, dict]:
    if roster is None or roster.frame.empty:
        return {}
    records = roster.frame.to_dict("records")
    return _keyed([(member_key(r.get("name"), r.get("birth_year")),
                    {k: _value(r.get(k)) for k in ("name", "birth_year", *MEMBER_FIELDS)}) for r in records])


def compare_members(before: Roster | None, after: Roster | None) -> pd.DataFrame:
    """One row per added or removed member and per changed field of a kept member.

    Columns MEMBER_DIFF_COLUMNS; `change` is "added" | "removed" | "changed"; `field` (a Member
    attribute) and `before`/`after` are set for "changed" rows only.
    """
    old, new = _member_records(before), _member_records(after)
    rows: list[dict] = []
    for key, rec in new.items():
        if key not in old:
            rows.append({"change": "added", "name": rec["name"], "birth_year": rec["birth_year"]})
    for key, rec in old.items():
        if key not in new:
            rows.append({"change": "removed", "name": rec["name"], "birth_year": rec["birth_year"]})
    for key, rec in new.items():
        if key in old:
            for name in MEMBER_FIELDS:
                if old[key][name] != rec[name]:
                    rows.append({"change": "changed", "name": rec["name"], "birth_year": rec["birth_year"],
                                 "field": name, "before": old[key][name], "after": rec[name]})
    frame = pd.DataFrame(rows, columns=list(MEMBER_DIFF_COLUMNS))
    return frame.astype(object).where(frame.notna(), None)


def member_counts(before: Roster | None, after: Roster | None, changes: pd.DataFrame | None = None) -> dict:
    """{"before", "after", "added", "removed", "changed"} — changed counts members, not fields."""
    changes = compare_members(before, after) if changes is None else changes
    kinds = changes.drop_duplicates(["change", "name", "birth_year"])["change"].value_counts()
    return {"before": len(before) if before is not None else 0, "after": len(after) if after is not None else 0,
            **{k: int(kinds.get(k, 0)) for k in ("added", "removed", "changed")}}


def compare_finance(before: Finance | None, after: Finance | None) -> pd.DataFrame:
    """Revenue and spending per year, before → after (None where a side has no such year)."""
    def totals(finance: Finance | None, side: str) -> dict[int, int]:
        return finance.by_year(side) if finance is not None else {}

    rb, ra = totals(before, "revenue"), totals(after, "revenue")
    sb, sa = totals(before, "spending"), totals(after, "spending")
    rows = []
    for year in sorted(set(rb) | set(ra) | set(sb) | set(sa)):
        row = {"year": year, "revenue_before": rb.get(year), "revenue_after": ra.get(year),
               "spending_before": sb.get(year), "spending_after": sa.get(year)}
        row["changed"] = (row["revenue_before"] != row["revenue_after"]
                          or row["spending_before"] != row["spending_after"])
        rows.append(row)
    frame = pd.DataFrame(rows, columns=list(FINANCE_DIFF_COLUMNS))
    return frame.astype(object).where(frame.notna(), None)


def _target_records(targets: tuple[Target, ...] | None) -> dict[tuple, Target]:
    return _keyed([((fold(t.text),), t) for t in targets or ()])


def compare_targets(before: tuple[Target, ...] | None, after: tuple[Target, ...] | None) -> pd.DataFrame:
    """Targets added, removed, or whose result or status changed (matched by folded text)."""
    old, new = _target_records(before), _target_records(after)
    rows: list[dict] = []
    for key, target in new.items():
        prev = old.get(key)
        if prev is None:
            rows.append({"change": "added", "target": target.text, "unit": target.unit,
                         "result_after": target.result, "status_after": target.status})
        elif (prev.result, prev.status, prev.target) != (target.result, target.status, target.target):
            rows.append({"change": "changed", "target": target.text, "unit": target.unit,
                         "result_before": prev.result, "result_after": target.result,
                         "status_before": prev.status, "status_after": target.status})
    for key, target in old.items():
        if key not in new:
            rows.append({"change": "removed", "target": target.text, "unit": target.unit,
                         "result_before": target.result, "status_before": target.status})
    frame = pd.DataFrame(rows, columns=list(TARGET_DIFF_COLUMNS))
    return frame.astype(object).where(frame.notna(), None)


def award_counts(before: tuple[Award, ...] | None, after: tuple[Award, ...] | None) -> dict:
    """{"before", "after"} — awards counted with their multiplicity (Award.count); None: no awards data."""
    def total(awards):
        return None if awards is None else sum(a.count for a in awards)

    return {"before": total(before), "after": total(after)}


def domain_changes(before: Dataset | None, after: Dataset) -> dict[str, str]:
    """domain → "added" | "removed" | "changed" | "unchanged" (domains absent from both are left out)."""
    out: dict[str, str] = {}
    for spec in registry.specs():
        old = before.get(spec.key) if before is not None else None
        new = after.get(spec.key)
        if old is None and new is None:
            continue
        if old is None:
            out[spec.key] = "added"
        elif new is None:
            out[spec.key] = "removed"
        else:
            out[spec.key] = "unchanged" if spec.same(old, new) else "changed"
    return out


def merged(current: Dataset | None, uploaded: Dataset) -> Dataset:
    """The data set a publish would make: uploaded domains replace, the others carry over from `current`."""
    if current is None:
        return uploaded
    values = {key: uploaded.get(key) if uploaded.get(key) is not None else current.get(key)
              for key in registry.domain_keys()}
    info = uploaded.info if uploaded.info != UnionInfo() else current.info
    return Dataset.of(values, info)


@dataclass(frozen=True, eq=False)
class DatasetDiff:
    """Everything `compare` found, ready to show."""

    domains: dict[str, str]
    members: pd.DataFrame
    member_counts: dict
    finance: pd.DataFrame
    targets: pd.DataFrame
    awards: dict
    info_changed: bool = False
    info: tuple[tuple[str, str, str], ...] = ()  # (UnionInfo field, before, after) of every changed field

    @property
    def changed(self) -> bool:
        """Whether anything at all differs."""
        return self.info_changed or any(v != "unchanged" for v in self.domains.values())


def compare(before: Dataset | None, after: Dataset) -> DatasetDiff:
    """Compare the data set shown now with the one a publish would make."""
    old = before or Dataset()
    members = compare_members(old.members, after.members)
    return DatasetDiff(
        domains=domain_changes(before, after),
        members=members,
        member_counts=member_counts(old.members, after.members, members),
        finance=compare_finance(old.finance, after.finance),
        targets=compare_targets(old.targets, after.targets),
        awards=award_counts(old.awards, after.awards),
        info_changed=old.info != after.info,
        info=info_changes(old.info, after.info),
    )


def info_changes(before: UnionInfo, after: UnionInfo) -> tuple[tuple[str, str, str], ...]:
    """(field, before, after) of each field of the union's information that differs."""
    return tuple((f.name, getattr(before, f.name), getattr(after, f.name)) for f in fields(UnionInfo)
                 if getattr(before, f.name) != getattr(after, f.name))
