"""Planning maths for the committee (Ban chấp hành › Kế hoạch): term targets year by year, budget against actuals.

Term targets
------------
Judged year by year in `domains.term_status` (the check summary's "by_status" needs them below the analysis
layer); here the tables and the heatmap of their progress.

Budget
------
* Plan against actual joins `BudgetLine`s with `FinanceEntry`s by (side, fold(item), year);
  variance = actual − plan (đồng) and variance / plan (%). A year without finance data has no
  actual (None), not 0.
* Current pace = the mean yearly revenue and spending over the years with actuals; the projected
  closing balance carries the last actual balance forward at that pace (or with a plan) to the
  term's last year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from unionboard.core.models import BudgetLine, CheckResult, Finance
from unionboard.core.text import fold
from unionboard.domains.summaries import budget_summary
from unionboard.domains.term_status import NO_DATA, TargetProgress
from unionboard.domains.term_status import summary as term_targets_summary
from unionboard.domains.term_targets import applies_label
from unionboard.domains.words import REVENUE, SPENDING


def heatmap_frame(items: list[TargetProgress], years: tuple[int, ...]) -> pd.DataFrame:
    """Targets (rows, by code) × years: the status of each target in each year."""
    frame = pd.DataFrame([[p.statuses.get(y, NO_DATA) for y in years] for p in items],
                         index=[p.target.code for p in items], columns=list(years))
    frame.index.name = "Mã"
    return frame


def progress_frame(items: list[TargetProgress], years: tuple[int, ...]) -> pd.DataFrame:
    """One row per target: code, text, target, result and status per year, on-track flag (Vietnamese columns)."""
    rows = []
    for p in items:
        t = p.target
        row = {"Mã": t.code, "Nội dung": t.text, "Nhóm": t.group, "ĐVT": t.unit,
               "Mục tiêu": t.term_target, "Áp dụng": applies_label(t)}
        for y in years:
            row[f"Kết quả {y}"] = t.results.get(y, "")
            row[f"Đánh giá {y}"] = p.statuses.get(y, NO_DATA)
        row["Dự báo cuối nhiệm kỳ"] = p.projection
        row["Đúng tiến độ"] = {True: "Đúng tiến độ", False: "Chậm tiến độ", None: NO_DATA}[p.on_track]
        rows.append(row)
    return pd.DataFrame(rows)


# --------------------------------------------------------------------------- budget


def variance(planned: int | None, actual: int | None) -> tuple[int | None, float | None]:
    """(actual − plan in đồng, that as % of the plan); None where a side is missing or the plan is 0."""
    if planned is None or actual is None:
        return None, None
    diff = int(actual) - int(planned)
    return diff, (diff / planned * 100 if planned else None)


def _actuals(finance: Finance | None) -> dict[tuple[str, str, int], tuple[str, int]]:
    out: dict[tuple[str, str, int], tuple[str, int]] = {}
    for e in finance.entries if finance is not None else ():
        key = (e.side, fold(e.item), e.year)
        name, amount = out.get(key, (e.item, 0))
        out[key] = (name, amount + e.amount)
    return out


PLAN_COLUMNS = ["year", "side", "item", "planned", "actual", "variance", "variance_pct"]


def plan_vs_actual(budget: Iterable[BudgetLine], finance: Finance | None) -> pd.DataFrame:
    """Per year, side and item: planned, actual (None for a year without actuals), variance and %.

    Items with an actual but no plan in a planned year are listed with planned None.
    """
    actuals = _actuals(finance)
    actual_years = set(finance.years) if finance is not None else set()
    rows: dict[tuple[str, str, int], dict] = {}
    for line in budget:
        key = (line.side, fold(line.item), line.year)
        if key in rows:
            rows[key]["planned"] += line.planned
            continue
        rows[key] = {"year": line.year, "side": line.side, "item": line.item, "planned": line.planned}
    planned_years = {k[2] for k in rows}
    for key, (name, _amount) in actuals.items():
        if key not in rows and key[2] in planned_years:
            rows[key] = {"year": key[2], "side": key[0], "item": name, "planned": None}
    out = []
    for key, row in rows.items():
        actual = actuals.get(key, (row["item"], 0))[1] if key[2] in actual_years else None
        diff, pct = variance(row["planned"], actual)
        out.append({**row, "actual": actual, "variance": diff, "variance_pct": pct})
    frame = pd.DataFrame(out, columns=PLAN_COLUMNS)
    order = {REVENUE: 0, SPENDING: 1}
    if not frame.empty:
        frame = frame.sort_values(["year", "side"], key=lambda s: s.map(order) if s.name == "side" else s,
                                  kind="stable").reset_index(drop=True)
    return frame


def plan_totals(budget: Iterable[BudgetLine], finance: Finance | None) -> pd.DataFrame:
    """Per year and side: planned and actual totals, variance and %."""
    detail = plan_vs_actual(budget, finance)
    rows = []
    for (year, side), group in detail.groupby(["year", "side"], sort=True):
        planned = int(group["planned"].fillna(0).sum())
        actual = None if group["actual"].isna().all() else int(group["actual"].fillna(0).sum())
        diff, pct = variance(planned, actual)
        rows.append({"year": int(year), "side": side, "planned": planned, "actual": actual,
                     "variance": diff, "variance_pct": pct})
    return pd.DataFrame(rows, columns=["year", "side", "planned", "actual", "variance", "variance_pct"])


def pace(finance: Finance) -> tuple[float, float]:
    """(mean yearly revenue, mean yearly spending) over the years with actuals."""
    years = finance.years
    if not years:
        return 0.0, 0.0
    return finance.total(REVENUE) / len(years), finance.total(SPENDING) / len(years)


def projected_balance(finance: Finance, end_year: int,
                      plan: Mapping[int, tuple[int, int]] | None = None) -> pd.DataFrame:
    """Year, kind ('actual'/'projected'), revenue, spending and closing balance up to `end_year`.

    Actual years come from the finance sheets (cumulative from the opening balance); later years use
    `plan[year] = (revenue, spending)` where given, the current pace otherwise.
    """
    rows = []
    revenue, spending = finance.by_year(REVENUE), finance.by_year(SPENDING)
    for year, balance in finance.cumulative_balance().items():
        rows.append({"year": year, "kind": "actual", "revenue": revenue.get(year, 0),
                     "spending": spending.get(year, 0), "balance": balance})
    balance = finance.closing_balance
    mean_revenue, mean_spending = pace(finance)
    start = (finance.years[-1] + 1) if finance.years else end_year
    for year in range(start, end_year + 1):
        rev, spend = (plan or {}).get(year, (round(mean_revenue), round(mean_spending)))
        balance += rev - spend
        rows.append({"year": year, "kind": "projected", "revenue": rev, "spending": spend,
                     "balance": balance})
    return pd.DataFrame(rows, columns=["year", "kind", "revenue", "spending", "balance"])


def plan_by_year(budget: Iterable[BudgetLine]) -> dict[int, tuple[int, int]]:
    """{year: (planned revenue, planned spending)}."""
    out: dict[int, list[int]] = {}
    for line in budget:
        out.setdefault(line.year, [0, 0])[0 if line.side == REVENUE else 1] += line.planned
    return {y: (v[0], v[1]) for y, v in sorted(out.items())}


@dataclass(frozen=True)
class BudgetWarning:
    """Something the committee must see; `kind` picks the i18n text 'plan_warn_<kind>'."""

    kind: str  # "over_plan" | "negative_balance" | "dried_up"
    year: int
    item: str = ""
    amount: int = 0  # đồng: the overspend, the negative balance, or the source's last amount
    pct: float | None = None
    no_opening: bool = False  # negative balance computed without an opening balance


def _over_plan(budget: Iterable[BudgetLine], finance: Finance | None) -> list[BudgetWarning]:
    """Spending items whose actual amount is above the plan."""
    detail = plan_vs_actual(budget, finance)
    over = detail[(detail["side"] == SPENDING) & detail["planned"].notna() & detail["actual"].notna()]
    return [BudgetWarning("over_plan", int(row.year), row.item, int(row.actual - row.planned), row.variance_pct)
            for row in over.itertuples() if row.actual > row.planned]


def _dried_up(finance: Finance) -> list[BudgetWarning]:
    """Revenue sources with money in earlier years and none in the last one."""
    last = finance.years[-1]
    table = finance.table(REVENUE)
    out = []
    for item in table.index:
        earlier = [(y, int(table.loc[item, y])) for y in finance.years[:-1] if table.loc[item, y] > 0]
        if earlier and int(table.loc[item, last]) <= 0:
            out.append(BudgetWarning("dried_up", last, item, earlier[-1][1]))
    return out


def _planned_not_received(budget: Iterable[BudgetLine], finance: Finance,
                          known: list[BudgetWarning]) -> list[BudgetWarning]:
    """A planned source with nothing received in a year with actuals (not already reported)."""
    out = []
    for line in budget:
        if line.side != REVENUE or line.planned <= 0 or line.year not in finance.years:
            continue
        received = sum(e.amount for e in finance.revenue if e.year == line.year and fold(e.item) == fold(line.item))
        if received <= 0 and not any(w.kind == "dried_up" and fold(w.item) == fold(line.item)
                                     and w.year == line.year for w in known + out):
            out.append(BudgetWarning("dried_up", line.year, line.item, line.planned))
    return out


def budget_warnings(budget: Iterable[BudgetLine] | None, finance: Finance | None) -> list[BudgetWarning]:
    """Spending above plan, years ending with a negative cumulative balance, sources that dried up."""
    budget = list(budget) if budget is not None else None
    out: list[BudgetWarning] = _over_plan(budget, finance) if budget is not None else []
    if finance is None or not finance.years:
        return out
    out += [BudgetWarning("negative_balance", year, amount=int(balance), no_opening=finance.opening_balance == 0)
            for year, balance in finance.cumulative_balance().items() if balance < 0]
    out += _dried_up(finance)
    if budget is not None:
        out += _planned_not_received(budget, finance, out)
    return out


# --------------------------------------------------------------------------- what-if

_DUES = ("doan phi", "dpcd", "kinh phi cong doan", "kpcd")
_ALLOCATION = ("cap tren", "ldld", "lien doan", "cong doan nganh")


def dues_item(finance: Finance) -> str | None:
    """The revenue source holding union dues (ĐPCĐ / đoàn phí), if any."""
    return next((i for i in finance.items(REVENUE) if any(k in fold(i) for k in _DUES)), None)


def allocation_item(finance: Finance) -> str | None:
    """The revenue source the upper level allocates (LĐLĐ tỉnh cấp, công đoàn cấp trên), if any."""
    return next((i for i in finance.items(REVENUE) if any(k in fold(i) for k in _ALLOCATION)
                 or fold(i).endswith(" cap")), None)


@dataclass(frozen=True)
class Scenario:
    """A what-if for one year: dues growth on last year's dues, an upper-level allocation, spending per category."""

    year: int
    dues_growth_pct: float
    allocation: int
    spending: dict[str, int]


def scenario_defaults(finance: Finance, year: int) -> Scenario:
    """Start from the current pace: mean allocation and mean spending per category over the actual years."""
    n = max(len(finance.years), 1)
    by_item = finance.by_item(SPENDING)
    alloc = allocation_item(finance)
    allocation = round(finance.by_item(REVENUE).get(alloc, 0) / n) if alloc else 0
    return Scenario(year=year, dues_growth_pct=0.0, allocation=allocation,
                    spending={item: round(total / n) for item, total in by_item.items()})


def scenario_lines(finance: Finance, scenario: Scenario) -> tuple[BudgetLine, ...]:
    """The scenario as budget lines for its year: dues = last year's × (1 + growth), the allocation,
    other sources at their mean, and the spending given."""
    n = max(len(finance.years), 1)
    last = finance.years[-1] if finance.years else None
    dues, alloc = dues_item(finance), allocation_item(finance)
    lines = []
    for item, total in finance.by_item(REVENUE).items():
        if item == dues:
            base = sum(e.amount for e in finance.revenue if e.item == item and e.year == last)
            amount = round(base * (1 + scenario.dues_growth_pct / 100))
        elif item == alloc:
            amount = int(scenario.allocation)
        else:
            amount = round(total / n)
        lines.append(BudgetLine(REVENUE, scenario.year, item, max(amount, 0)))
    for item, amount in scenario.spending.items():
        lines.append(BudgetLine(SPENDING, scenario.year, item, max(int(amount), 0)))
    return tuple(lines)


def next_plan_year(finance: Finance | None, budget: Iterable[BudgetLine] | None) -> int | None:
    """The year after the last year with an actual or a plan."""
    years = set(finance.years if finance is not None else ())
    years.update(line.year for line in budget or ())
    return max(years) + 1 if years else None


# --------------------------------------------------------------------------- JSON


def planning_summary(result: CheckResult) -> dict:
    """The planning part of the check JSON: {"term_targets": null | {...}, "budget": null | {...}}.

    "term_targets": {"total", "by_status" (keys Vượt, Đạt, Chưa đạt, Chưa có số liệu, over the latest
    year with a result), "year" (that year or null)}; "budget": {"years": [...]}.
    """
    data = result.dataset
    return {"term_targets": None if data.term_targets is None else term_targets_summary(data.term_targets, data),
            "budget": None if data.budget is None else budget_summary(data.budget, data)}
