"""The check --json parts of the domains whose value is a list of records or a Finance: counts, totals, years.

Each is a `DomainSpec.summary(value, dataset) -> dict` (see `domains.registry`); the members' and the term
targets' summaries live beside their maths (`domains.members.summary`, `domains.term_status`).
"""

from __future__ import annotations

from collections import Counter

from unionboard.core.models import (
    STATUSES,
    Award,
    BudgetLine,
    CellRef,
    Dataset,
    Finance,
    Target,
    located,
)


def target_counts(targets: tuple[Target, ...]) -> dict[str, int]:
    """Targets counted by status, every status present (0 when none)."""
    counts = Counter(t.status for t in targets)
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def targets_summary(targets: tuple[Target, ...], dataset: Dataset) -> dict:
    """The targets part of `check --json`: {"total", "by_status"}."""
    return {"total": len(targets), "by_status": target_counts(targets)}


def awards_summary(awards: tuple[Award, ...], dataset: Dataset) -> dict:
    """The awards part of `check --json`: {"total" (rows), "count" (awards given)}."""
    return {"total": len(awards), "count": sum(a.count for a in awards)}


def finance_summary(finance: Finance, dataset: Dataset) -> dict:
    """The finance part of `check --json`: by year, by item, totals, balances and each year's written balances."""
    def side(name: str, key: str) -> dict:
        return {"by_year": {str(y): int(v) for y, v in finance.by_year(name).items()},
                key: {k: int(v) for k, v in finance.by_item(name).items()},
                "total": int(finance.total(name))}

    return {"revenue": side("revenue", "by_source"), "spending": side("spending", "by_category"),
            "opening_balance": int(finance.opening_balance),
            "closing_balance": int(finance.closing_balance),
            # each year's written balances and where ("sheet › cell": the figures do not depend on how the sheets
            # are split into files); {} when none was written per year
            "balances": {str(b.year): {"opening": b.opening, "closing": b.closing,
                                       "opening_at": _sheet_cell(b.opening_at), "closing_at": _sheet_cell(b.closing_at)}
                         for b in finance.balances}}


def _sheet_cell(ref: CellRef | None) -> str | None:
    return None if ref is None else located(ref.sheet, ref.cell)


def budget_summary(lines: tuple[BudgetLine, ...], dataset: Dataset) -> dict:
    """The budget part of `check --json`: {"years": [...]}."""
    return {"years": sorted({line.year for line in lines})}
