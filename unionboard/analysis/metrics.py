"""Aggregates the dashboard and the check command report: the `check --json` object from each domain's own
`DomainSpec.summary`, member structure, finance totals, target counts."""

from __future__ import annotations

from unionboard.analysis.finance_rules import rules_json
from unionboard.core.models import BELOW_UNIVERSITY, CheckResult, Dataset
from unionboard.domains import registry
from unionboard.domains.members.summary import member_summary
from unionboard.domains.summaries import finance_summary as domain_finance_summary
from unionboard.domains.summaries import target_counts

__all__ = ["member_summary", "below_university", "target_counts", "finance_summary", "summary"]


def below_university(summary: dict) -> int | None:
    """Members whose education is below university level (the report's "dưới Đại học"); None: not in the data."""
    if summary["by_education"] is None:
        return None
    return sum(n for level, n in summary["by_education"].items() if level in BELOW_UNIVERSITY)


def finance_summary(dataset: Dataset) -> dict | None:
    """The finance part of `check --json` (None: no finance)."""
    return None if dataset.finance is None else domain_finance_summary(dataset.finance, dataset)


def summary(result: CheckResult) -> dict:
    """The JSON object of `python -m unionboard check --json` (a stable contract): one key per domain."""
    data = result.dataset
    out: dict = {"ok": result.ok, "issues": [issue.to_dict() for issue in result.issues]}
    for spec in registry.specs():
        value = data.get(spec.key)
        out[spec.key] = None if value is None or spec.summary is None else spec.summary(value, data)
    out["rules"] = rules_json(data)
    return out
