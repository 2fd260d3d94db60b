"""Aggregates the dashboard and the check command report: member structure, finance totals, target counts."""

from __future__ import annotations

from collections import Counter

from unionboard.analysis.finance_rules import rules_json
from unionboard.analysis.planning import budget_summary, term_targets_summary
from unionboard.analysis.unknown import not_in_data
from unionboard.core.models import (
    BELOW_UNIVERSITY,
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    STATUSES,
    CheckResult,
    Dataset,
    Roster,
    Target,
)
from unionboard.domains import registry


def _ordered_counts(series, order: tuple[str, ...]) -> dict[str, int]:
    counts = series.value_counts(dropna=True).to_dict()
    out = {key: int(counts.pop(key)) for key in order if key in counts}
    out.update({str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])})
    return out


def member_summary(roster: Roster) -> dict:
    """Counts by gender, education, political theory, party membership and department."""
    frame = roster.frame
    by_gender = {g: 0 for g in GENDERS}
    by_gender.update(_ordered_counts(frame["gender"], GENDERS))
    party = frame["party_member"].astype(bool)
    unknown = not_in_data(roster)  # unknown is not zero: a detail the roster lacks is null, never 0
    return {
        "total": int(len(frame)),
        "by_gender": by_gender,
        "by_education": None if "education" in unknown else _ordered_counts(frame["education"], EDUCATION_LEVELS),
        "by_political_theory": None if "political_theory" in unknown else
        _ordered_counts(frame["political_theory"], POLITICAL_THEORY_LEVELS),
        "party_members": None if "party_member" in unknown else int(party.sum()),
        "party_members_female": None if "party_member" in unknown else
        int((party & (frame["gender"] == "Nữ")).sum()),
        "by_department": {str(k): int(v) for k, v in frame["department"].value_counts(sort=False).items()},
        # the columns the upload did not have: their counts above are unknown, not zero
        "columns_absent": sorted(roster.absent),
    }


def below_university(summary: dict) -> int | None:
    """Members whose education is below university level (the report's "dưới Đại học"); None: not in the data."""
    if summary["by_education"] is None:
        return None
    return sum(n for level, n in summary["by_education"].items() if level in BELOW_UNIVERSITY)


def target_counts(targets: tuple[Target, ...]) -> dict[str, int]:
    """Targets counted by status, every status present (0 when none)."""
    counts = Counter(t.status for t in targets)
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def finance_summary(dataset: Dataset) -> dict | None:
    """The finance part of `check --json`: by year, by item, totals and balances (None: no finance)."""
    finance = dataset.finance
    if finance is None:
        return None

    def side(name: str, key: str) -> dict:
        return {"by_year": {str(y): int(v) for y, v in finance.by_year(name).items()},
                key: {k: int(v) for k, v in finance.by_item(name).items()},
                "total": int(finance.total(name))}

    return {"revenue": side("revenue", "by_source"), "spending": side("spending", "by_category"),
            "opening_balance": int(finance.opening_balance),
            "closing_balance": int(finance.closing_balance)}


def _finance_summary(finance: object, dataset: Dataset) -> dict | None:
    return finance_summary(dataset)


def _targets_summary(targets: tuple[Target, ...], dataset: Dataset) -> dict:
    return {"total": len(targets), "by_status": target_counts(targets)}


def _awards_summary(awards: tuple, dataset: Dataset) -> dict:
    return {"total": len(awards), "count": sum(a.count for a in awards)}


# The built-in domains' parts of `check --json` (a registered domain may bring its own `summary`).
BUILTIN_SUMMARIES = {
    "members": lambda roster, dataset: member_summary(roster),
    "finance": _finance_summary,
    "targets": _targets_summary,
    "awards": _awards_summary,
    "term_targets": term_targets_summary,
    "budget": budget_summary,
}


def summary(result: CheckResult) -> dict:
    """The JSON object of `python -m unionboard check --json` (a stable contract): one key per domain."""
    data = result.dataset
    out: dict = {"ok": result.ok, "issues": [issue.to_dict() for issue in result.issues]}
    for spec in registry.specs():
        value = data.get(spec.key)
        make = spec.summary or BUILTIN_SUMMARIES.get(spec.key)
        out[spec.key] = None if value is None or make is None else make(value, data)
    out["rules"] = rules_json(data)
    return out
