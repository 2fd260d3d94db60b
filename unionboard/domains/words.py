"""Word lists shared by the domains (folded: lower case, no diacritics), declared once."""

from __future__ import annotations

REVENUE, SPENDING = "revenue", "spending"
SIDE_VI = {REVENUE: "phần thu", SPENDING: "phần chi"}

# A value in a Thu/Chi column, a tidy table's side, a budget line's side.
REVENUE_WORDS = frozenset({"thu", "phan thu", "revenue", "khoan thu", "nguon thu", "income", "cac khoan thu"})
SPENDING_WORDS = frozenset({"chi", "phan chi", "spending", "khoan chi", "muc chi", "expense", "expenses",
                            "expenditure", "cac khoan chi"})

# Labels of a total row (in a finance table's label column, or in a roster's name column).
TOTAL_LABELS = frozenset({
    "tong cong", "tong", "cong", "tong so", "cong tong", "total", "grand total", "sum",
    "tong thu", "tong chi", "cong thu", "cong chi", "tong cong thu", "tong cong chi",
    "tong cong ca nhiem ky", "ca nhiem ky", "tong nhiem ky", "tong cong nhiem ky", "cong nhiem ky",
    "cong phat sinh", "tong phat sinh", "tong cong phat sinh", "cong so phat sinh",
})


def side_of(folded: str) -> str | None:
    """REVENUE or SPENDING for a folded side word ('thu', 'phan chi', ...), else None."""
    if folded in REVENUE_WORDS:
        return REVENUE
    if folded in SPENDING_WORDS:
        return SPENDING
    return None
