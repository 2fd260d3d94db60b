"""The finance rules shown: the results table (status by word and symbol); the charts live in `charts.rules`."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from unionboard.analysis.finance_rules import RuleResult
from unionboard.core.i18n import t
from unionboard.core.text import format_dong
from unionboard.present.charts.rules import (  # registered once in the chart registry; here for the callers
    STATUS_COLORS,
    SYMBOLS,
    checked_years,
    data_groups_caps,
    data_rules_chart,
    groups_caps,
    rules_chart,
    shown_year,
    status_of,
)
from unionboard.present.charts.rules import (
    status_word as status_text,  # "✔ Đạt", "✖ Vi phạm", "? Không kiểm được"
)

__all__ = ["STATUS_COLORS", "SYMBOLS", "checked_years", "counts", "data_groups_caps", "data_rules_chart",
           "groups_caps", "rules_chart", "rules_table", "shown_year", "status_of", "status_text"]


def _amount(value: float | None, lang: str) -> str:
    return "" if value is None else format_dong(value, lang=lang)


def rules_table(results: Sequence[RuleResult], lang: str = "vi") -> pd.DataFrame:
    """One row per rule and year: status, figure, limit, decision (with article), missing lines, basis."""
    rows = []
    for r in results:
        decision = r.rule.decision + (f", {r.rule.article}" if r.rule.article else "")
        rows.append((r.year, status_text(r.status, lang), r.rule.title(lang), _amount(r.value, lang),
                     _amount(r.limit, lang), decision, "; ".join(r.missing), t(f"rules_basis_{r.basis}", lang)))
    keys = ("year", "status", "rule", "value", "limit", "decision", "missing", "basis")
    return pd.DataFrame(rows, columns=[t(f"rules_col_{k}", lang) for k in keys])


def counts(results: Sequence[RuleResult]) -> dict[str, int]:
    """How many results have each status."""
    return {s: sum(1 for r in results if r.status == s) for s in ("ok", "violation", "not_checkable")}
