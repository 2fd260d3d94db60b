"""Finance rules by effective date: the rules table (finance_rules.toml) and the checker that applies it per year.

Each rule gives "ok", "violation" (with the value and the limit) or "not_checkable" (with the lines it lacks),
never a silent pass. A rule in force for part of a year (e.g. đoàn phí 1% until 30/6/2025, 0,5% from 1/7/2025)
is checked on the months it covers: on the monthly lines when the data has months for that year ("months"),
otherwise on the year's lines prorated by the months in force ("prorated"), and the result says which.
"""

from __future__ import annotations

import calendar
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path

from unionboard.analysis.rule_groups import load_groups, mappings, spending_by_group
from unionboard.core.models import Dataset, located
from unionboard.domains.cashbook import CashBook
from unionboard.domains.rule_lines import LEVELS, LINES, RuleLine
from unionboard.domains.settlement import Settlement

RULES_FILE = Path(__file__).with_name("finance_rules.toml")
TOLERANCE = 1_000  # đồng: amounts rounded to the thousand in the books still pass


@dataclass(frozen=True)
class Rule:
    """One rule of the table (see finance_rules.toml for the fields)."""

    id: str
    kind: str
    title_vi: str
    title_en: str
    formula: str
    decision: str
    article: str
    effective_from: date
    effective_to: date | None
    source_url: str
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def months_in_force(self, year: int) -> tuple[int, ...]:
        """The months of `year` the rule covers (a month counts when the rule is in force on any of its days)."""
        end = self.effective_to or date.max
        return tuple(m for m in range(1, 13)
                     if self.effective_from <= date(year, m, calendar.monthrange(year, m)[1])
                     and date(year, m, 1) <= end)

    def title(self, lang: str) -> str:
        """The rule's title in the language."""
        return self.title_vi if lang == "vi" else self.title_en

    def short(self, lang: str) -> str:
        """The rule's short name (chart labels) in the language."""
        return str(self.params.get(f"short_{lang}", self.id))

    def short_decision(self) -> str:
        """The decision as a one-line finding cites it ("QĐ 8108/QĐ-TLĐ"); the full one by default."""
        return str(self.params.get("decision_short", self.decision))


@dataclass(frozen=True)
class RuleResult:
    """One rule checked for one year."""

    rule: Rule
    year: int
    status: str  # "ok" | "violation" | "not_checkable"
    value: float | None = None
    limit: float | None = None
    missing: tuple[str, ...] = ()
    basis: str = "year"  # "year" | "months" | "prorated"
    months: tuple[int, ...] = ()
    where: tuple[str, ...] = ()  # where the compared figures were written ("file › sheet › cell", "Sổ quỹ")

    def to_dict(self) -> dict:
        """The item of `check --json` "rules"."""
        return {"rule": self.rule.id, "year": self.year, "status": self.status, "value": self.value,
                "limit": self.limit, "decision": self.rule.decision, "missing": list(self.missing),
                "basis": self.basis, "where": list(self.where)}


_COMMON = {"id", "kind", "title_vi", "title_en", "formula", "decision", "article", "effective_from",
           "effective_to", "source_url"}


def parse_rules(text: str) -> tuple[Rule, ...]:
    """Rules from TOML text (ValueError on a malformed entry: the table ships with the package)."""
    rules = []
    for entry in tomllib.loads(text).get("rule", []):
        missing = {"id", "kind", "decision", "effective_from"} - set(entry)
        if missing:
            raise ValueError(f"rule {entry.get('id')!r} lacks {sorted(missing)}")
        if entry["kind"] not in CHECKS:
            raise ValueError(f"rule {entry['id']!r} has an unknown kind {entry['kind']!r}")
        if entry["kind"] == "group_share" and entry.get("group") not in {g.id for g in load_groups()}:
            raise ValueError(f"rule {entry['id']!r} names an unknown spending group {entry.get('group')!r}")
        rules.append(Rule(
            id=entry["id"], kind=entry["kind"], title_vi=entry.get("title_vi", entry["id"]),
            title_en=entry.get("title_en", entry["id"]), formula=entry.get("formula", ""),
            decision=entry["decision"], article=entry.get("article", ""),
            effective_from=entry["effective_from"], effective_to=entry.get("effective_to"),
            source_url=entry.get("source_url", ""), params={k: v for k, v in entry.items() if k not in _COMMON}))
    return tuple(rules)


@cache
def load_rules() -> tuple[Rule, ...]:
    """The package's rules table."""
    return parse_rules(RULES_FILE.read_text(encoding="utf-8"))


def rules_in_force(year: int, rules: Iterable[Rule] | None = None) -> tuple[Rule, ...]:
    """The rules in force for at least one month of `year`."""
    return tuple(r for r in (load_rules() if rules is None else rules) if r.months_in_force(year))


class Lines:
    """The rule lines of a data set, per year and month, with the balances other tables write."""

    def __init__(self, lines: Iterable[RuleLine], balances: dict[tuple[int, str], list[tuple[int, str]]],
                 groups: dict[int, dict[str, int]] | None = None,
                 unmapped: dict[int, tuple[str, ...]] | None = None):
        self.year: dict[tuple[int, str], int] = {}
        self.month: dict[tuple[int, str], dict[int, int]] = {}
        for line in lines:
            if line.month is None:
                self.year[(line.year, line.key)] = line.value
            else:
                self.month.setdefault((line.year, line.key), {})[line.month] = line.value
        self.balances = balances  # (year, "opening"|"closing") → [(amount, where)]
        self.groups = groups or {}  # year → rule group id → the year's spending mapped to it ("" unmapped)
        self.unmapped = unmapped or {}  # year → the spending categories with money and no group

    def has(self, year: int, key: str) -> bool:
        """Whether the year has the line (as a year figure or by month)."""
        return (year, key) in self.year or (year, key) in self.month

    def over(self, year: int, key: str, months: tuple[int, ...]) -> tuple[float, str] | None:
        """The line over the months: summed monthly figures (all months present), else the year's prorated."""
        monthly = self.month.get((year, key), {})
        if key in LEVELS:
            if monthly and any(m in monthly for m in months):
                return float(monthly[max(m for m in months if m in monthly)]), "months"
            return (float(self.year[(year, key)]), "year") if (year, key) in self.year else None
        if monthly and all(m in monthly for m in months):
            return float(sum(monthly[m] for m in months)), "months"
        if (year, key) in self.year:
            share = len(months) / 12
            return self.year[(year, key)] * share, "year" if share == 1 else "prorated"
        return None


def _get(lines: Lines, rule: Rule, year: int, keys: Iterable[str], optional: Iterable[str] = ()):
    """Values of the keys over the rule's months; the missing required ones named."""
    months = rule.months_in_force(year)
    values, missing, bases = {}, [], set()
    for key in keys:
        got = lines.over(year, key, months)
        if got is None:
            missing.append(LINES[key][0])
        else:
            values[key], basis = got
            bases.add(basis)
    for key in optional:
        got = lines.over(year, key, months)
        values[key] = got[0] if got else 0.0
    basis = "prorated" if "prorated" in bases else "months" if "months" in bases else "year"
    return values, tuple(missing), basis, months


def _verdict(rule: Rule, year: int, ok: bool, value: float, limit: float, basis: str, months) -> RuleResult:
    return RuleResult(rule, year, "ok" if ok else "violation", round(value), round(limit), (), basis, months)


def check_rate_min(rule: Rule, year: int, lines: Lines) -> RuleResult:
    """numerator ≥ rate × base (capped at cap_share × lương cơ sở × members × months when the rule has a cap)."""
    p = rule.params
    plus = [k for k in p["numerator"] if not k.startswith("-")]
    minus = [k[1:] for k in p["numerator"] if k.startswith("-")]
    needed = [*plus, p["base"], *(("base_salary", "members") if "cap_share" in p else ())]
    values, missing, basis, months = _get(lines, rule, year, needed, optional=minus)
    if missing:
        return RuleResult(rule, year, "not_checkable", missing=missing, basis=basis, months=months)
    value = sum(values[k] for k in plus) - sum(values[k] for k in minus)
    limit = p["rate"] * values[p["base"]]
    if "cap_share" in p:
        limit = min(limit, p["cap_share"] * values["base_salary"] * values["members"] * len(months))
    return _verdict(rule, year, value >= limit - TOLERANCE, value, limit, basis, months)


def check_kept_max(rule: Rule, year: int, lines: Lines) -> RuleResult:
    """collected − paid_up ≤ rate × (collected − above) + above (what is above the standard rate is kept whole)."""
    p = rule.params
    optional = (p["above"],) if "above" in p else ()
    values, missing, basis, months = _get(lines, rule, year, (p["collected"], p["paid_up"]), optional)
    if missing:
        return RuleResult(rule, year, "not_checkable", missing=missing, basis=basis, months=months)
    above = values.get(p.get("above", ""), 0.0)
    kept = values[p["collected"]] - values[p["paid_up"]]
    limit = p["rate"] * (values[p["collected"]] - above) + above
    return _verdict(rule, year, kept <= limit + TOLERANCE, kept, limit, basis, months)


def _balance(lines: Lines, year: int, which: str) -> list[tuple[int, str]]:
    written = list(lines.balances.get((year, which), []))
    if (year, which) in lines.year:
        written.append((lines.year[(year, which)], LINES[which][0]))
    return written


def _label(which: str, year: int) -> str:
    return f"{LINES[which][0]} {year}"


def check_continuity(rule: Rule, year: int, lines: Lines) -> RuleResult:
    """Every written opening of `year` equals every written closing of the year before."""
    openings, closings = _balance(lines, year, "opening"), _balance(lines, year - 1, "closing")
    missing = tuple(_label(w, y) for w, y, got in (("opening", year, openings), ("closing", year - 1, closings))
                    if not got)
    if missing:
        return RuleResult(rule, year, "not_checkable", missing=missing)
    amounts = {a for a, _ in openings} | {a for a, _ in closings}
    worst, opened_at = max(openings, key=lambda o: max(abs(o[0] - c) for c, _ in closings))
    previous, closed_at = min(closings, key=lambda c: abs(c[0] - worst))
    result = _verdict(rule, year, len(amounts) == 1, worst, previous, "year", tuple(range(1, 13)))
    return replace(result, where=(opened_at, closed_at))


def check_equation(rule: Rule, year: int, lines: Lines) -> RuleResult:
    """The written closing equals the written opening + receipts − spending of the year."""
    openings, closings = _balance(lines, year, "opening"), _balance(lines, year, "closing")
    flows = lines.balances.get((year, "flows"))
    missing = [_label(w, year) for w, got in (("opening", openings), ("closing", closings)) if not got]
    if not flows:
        missing.append(f"Tổng thu, tổng chi {year}")
    if missing:
        return RuleResult(rule, year, "not_checkable", missing=tuple(missing))
    receipts, spending = flows[0]
    pairs = [(c, o + receipts - spending) for o, _ in openings for c, _ in closings]
    worst, expected = max(pairs, key=lambda pair: abs(pair[0] - pair[1]))
    return _verdict(rule, year, worst == expected, worst, expected, "year", tuple(range(1, 13)))


def _signed(lines: Lines, rule: Rule, year: int, keys: Iterable[str]):
    """The sum of the signed keys ("-x" subtracts x) over the rule's months; every key is required."""
    keys = list(keys)
    values, missing, basis, months = _get(lines, rule, year, [k.lstrip("-") for k in keys])
    total = sum(-values[k[1:]] if k.startswith("-") else values[k] for k in keys) if not missing else 0.0
    return total, missing, basis, months


def check_group_share(rule: Rule, year: int, lines: Lines) -> RuleResult:
    """A spending group's year against share × base: at most (bound "max") or at least (bound "min").

    The group's spending is the finance tables' spending categories mapped to it (analysis.rule_groups); a year
    with a category of no group is not checkable (that money could belong to the group), the category named.
    """
    p = rule.params
    base, missing, basis, months = _signed(lines, rule, year, p["base"])
    missing = list(missing)
    if year not in lines.groups:
        missing.append(f"{LINES_SPENDING} {year}")
    missing.extend(f"{LINES_UNMAPPED}: {item}" for item in lines.unmapped.get(year, ()))
    if missing:
        return RuleResult(rule, year, "not_checkable", missing=tuple(missing), basis=basis, months=months)
    share = len(months) / 12  # the spending groups are year figures: prorated like the base's year lines
    value = lines.groups[year].get(p["group"], 0) * share
    if share < 1:
        basis = "prorated"
    limit = p["share"] * base
    ok = value <= limit + TOLERANCE if p["bound"] == "max" else value >= limit - TOLERANCE
    return _verdict(rule, year, ok, value, limit, basis, months)


CHECKS = {"rate_min": check_rate_min, "kept_max": check_kept_max, "continuity": check_continuity,
          "equation": check_equation, "group_share": check_group_share}
LINES_SPENDING = "Phần chi theo mục chi"
TABLES_PLACE = "Phần thu/Phần chi"  # a balance of the finance tables whose cell is not known
LINES_UNMAPPED = "Mục chi chưa xếp nhóm quy định"
CASHBOOK_PLACE = "Sổ quỹ"  # a cash book's balance whose file is not known


def finance_balances(dataset: Dataset) -> dict[tuple[int, str], list]:
    """The balances the finance tables write (each year's, where written, else the term's opening and written
    closing) with the place of each, and each year's flows."""
    out: dict[tuple[int, str], list] = {}
    finance = dataset.finance
    if finance is None or not finance.years:
        return out
    first, last = finance.years[0], finance.years[-1]
    for item in finance.balances:  # each year's written balances, with their cells
        for which, amount, at in (("opening", item.opening, item.opening_at), ("closing", item.closing,
                                                                               item.closing_at)):
            if amount is not None:
                out.setdefault((item.year, which), []).append((amount, at.location if at else TABLES_PLACE))
    if not finance.balances:  # no balance written for a year: the period's own (an opening of 0 is not written)
        if finance.opening_balance:
            out.setdefault((first, "opening"), []).append((finance.opening_balance, TABLES_PLACE))
        if finance.written_closing_balance is not None:
            out.setdefault((last, "closing"), []).append((finance.written_closing_balance, TABLES_PLACE))
    for year in finance.years:
        receipts = sum(e.amount for e in finance.revenue if e.year == year)
        spending = sum(e.amount for e in finance.spending if e.year == year)
        out[(year, "flows")] = [(receipts, spending)]
    return out


def cashbook_balances(book: CashBook | None) -> dict[tuple[int, str], list]:
    """The balances and flows the cash book gives per year, each balance with its place (file › sheet › cell)."""
    out: dict[tuple[int, str], list] = {}
    places = book.places() if book is not None else {}
    for year, figures in (book.by_year() if book is not None else {}).items():
        for which in ("opening", "closing"):  # a book built in code knows no file: its sheet's name
            out[(year, which)] = [(figures[which], places.get(year, {}).get(which) or CASHBOOK_PLACE)]
        out[(year, "flows")] = [(figures["receipts"], figures["payments"])]
    return out


def settlement_balances(forms: Iterable[Settlement]) -> dict[tuple[int, str], list]:
    """The balances and totals each year's settlement form states."""
    out: dict[tuple[int, str], list] = {}
    for form in forms:
        for which in ("opening", "closing"):
            if (amount := form.figure(which)) is not None:
                out[(form.year, which)] = [(amount, located(form.file, "B07-TLĐ"))]
        receipts, spending = form.figure("receipts"), form.figure("spending")
        if receipts is not None and spending is not None:
            out[(form.year, "flows")] = [(receipts, spending)]
    return out


def unmapped_by_year(dataset: Dataset) -> dict[int, tuple[str, ...]]:
    """Per year, the spending categories with money in that year and no rule group."""
    loose = {m.item for m in mappings(dataset) if m.group is None}
    out: dict[int, dict[str, None]] = {}
    for entry in dataset.finance.spending if dataset.finance is not None else ():
        if entry.item in loose and entry.amount:
            out.setdefault(entry.year, {})[entry.item] = None
    return {year: tuple(items) for year, items in out.items()}


def data_years(dataset: Dataset) -> tuple[int, ...]:
    """The years the data set's finance figures cover."""
    years = set(dataset.finance.years) if dataset.finance is not None else set()
    book = dataset.get("cashbook")
    years |= set(book.years()) if isinstance(book, CashBook) else set()
    years |= {form.year for form in dataset.get("settlement") or ()}
    years |= {line.year for line in (dataset.get("rule_lines") or ())}
    return tuple(sorted(years))


def check_dataset(dataset: Dataset, rules: Iterable[Rule] | None = None,
                  extra_balances: dict[tuple[int, str], list] | None = None) -> tuple[RuleResult, ...]:
    """Every rule in force checked for every year of the data (empty when the data has no finance figures)."""
    balances = finance_balances(dataset)
    book = dataset.get("cashbook")
    forms = dataset.get("settlement") or ()
    for source in (cashbook_balances(book if isinstance(book, CashBook) else None), settlement_balances(forms),
                   extra_balances or {}):
        for key, items in source.items():
            if key[1] == "flows" and key in balances:
                continue  # the finance tables' flows come first
            balances.setdefault(key, []).extend(items)
    # the settlement's lines first: a rule-lines sheet given beside it has the last word
    lines = Lines((*(line for form in forms for line in form.lines()), *(dataset.get("rule_lines") or ())),
                  balances, spending_by_group(dataset), unmapped_by_year(dataset))
    table = tuple(load_rules() if rules is None else rules)
    return tuple(CHECKS[rule.kind](rule, year, lines)
                 for year in data_years(dataset) for rule in rules_in_force(year, table))


def rules_json(dataset: Dataset) -> list[dict]:
    """The "rules" list of `check --json`."""
    return [result.to_dict() for result in check_dataset(dataset)]
