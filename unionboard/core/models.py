"""Domain models: frozen dataclasses for every checked data domain and the issues found on the way."""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from unionboard.core.i18n import t

Severity = Literal["error", "warning", "info"]
SEVERITY_LABELS = {"error": "LỖI", "warning": "Cảnh báo", "info": "Ghi chú"}  # command-line output
Domain = Literal["members", "finance", "targets", "awards", "term_targets", "budget"]
DOMAINS: tuple[Domain, ...] = ("members", "finance", "targets", "awards", "term_targets", "budget")

# Canonical category values (Vietnamese, as the report writes them).
GENDERS = ("Nam", "Nữ")
EDUCATION_LEVELS = ("Tiến sỹ", "Thạc sỹ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp", "Khác")
# The report counts Cao đẳng apart and "dưới Đại học" as the levels below it.
BELOW_UNIVERSITY = ("Trung cấp", "Sơ cấp", "Khác")
POLITICAL_THEORY_LEVELS = ("Cao cấp", "Trung cấp", "Sơ cấp", "Chưa có")
STATUSES = ("Vượt", "Đạt", "Chưa đạt")
AWARD_LEVELS = ("Cơ sở", "Tỉnh", "Bộ", "Tổng Liên đoàn", "Thủ tướng", "Chủ tịch nước", "Khác")
RECIPIENT_TYPES = ("Tập thể", "Cá nhân")


def located(*parts: str | None) -> str:
    """The non-blank parts joined as 'file › sheet › cell'."""
    return " › ".join(part for part in parts if part)


@dataclass(frozen=True)
class Issue:
    """One problem found in the input, located by file, sheet and A1 cell, told in Vietnamese."""

    severity: Severity
    file: str
    sheet: str | None
    cell: str | None
    message: str
    code: str = ""  # stable catalogue key, e.g. "finance.total_mismatch"
    params: tuple[tuple[str, object], ...] = ()  # the values the message was formatted with

    def to_dict(self) -> dict:
        """The issue as the `check --json` object (a stable contract: keys are only added)."""
        return {"severity": self.severity, "file": self.file, "sheet": self.sheet,
                "cell": self.cell, "message": self.message, "code": self.code}

    def text(self, lang: str = "vi") -> str:
        """The message in `lang` (from the catalogue when the issue has a code)."""
        if not self.code or lang == "vi":
            return self.message
        return t(self.code, lang, **dict(self.params))

    @property
    def location(self) -> str:
        """'file › sheet › cell' for display."""
        return located(self.file, self.sheet, self.cell)


@dataclass(frozen=True)
class Member:
    """One union member (đoàn viên)."""

    name: str
    gender: str | None  # "Nam" | "Nữ" | None when unreadable
    birth_year: int | None
    department: str
    education: str | None  # one of EDUCATION_LEVELS
    political_theory: str  # one of POLITICAL_THEORY_LEVELS
    party_member: bool
    join_date: str | None = None  # ISO date
    role: str | None = None
    status: str | None = None


MEMBER_COLUMNS = ("name", "gender", "birth_year", "department", "education",
                  "political_theory", "party_member", "join_date", "role", "status", "row")


@dataclass(frozen=True, eq=False)
class Roster:
    """The members roster, stored column-wise (a DataFrame with MEMBER_COLUMNS) for speed.

    `row` is the 1-based Excel row each member was read from; `sheet`/`file` say where. `absent` names
    the columns the data does not give ("party_member", "political_theory", ...): the upload had no such
    column, or left it wholly blank. Their values are unknown, never "no" or zero, and outputs say what
    the data lacks instead of showing 0% (`analysis.unknown`); `check --json` lists them as
    "columns_absent". It is the one record of it: a view of the roster keeps it (`with_frame`).
    """

    frame: pd.DataFrame
    file: str = ""
    sheet: str = ""
    absent: frozenset[str] = frozenset()
    # frame columns beyond MEMBER_COLUMNS: the upload's other columns by header text (employee code,
    # the full birth date, notes), kept so that the data download loses nothing
    extra: tuple[str, ...] = ()

    def has(self, column: str) -> bool:
        """Whether the upload had this column (a roster always has names)."""
        return column not in self.absent

    def with_frame(self, frame: pd.DataFrame) -> Roster:
        """The same roster (source, absent columns) over other rows: a filtered view."""
        return dataclasses.replace(self, frame=frame)

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def members(self) -> tuple[Member, ...]:
        """The roster as Member records (for small rosters and tests)."""
        cols = [c for c in MEMBER_COLUMNS if c != "row"]
        return tuple(Member(**{k: (None if pd.isna(v) else v) if k not in ("name", "department",
                     "political_theory", "party_member") else v for k, v in rec.items()})
                     for rec in self.frame[cols].to_dict("records"))

    @classmethod
    def from_members(cls, members: list[Member] | tuple[Member, ...], file: str = "",
                     sheet: str = "") -> Roster:
        """A roster built from Member records."""
        rows = [{**m.__dict__, "row": i + 2} for i, m in enumerate(members)]
        frame = pd.DataFrame(rows, columns=list(MEMBER_COLUMNS))
        return cls(frame=frame, file=file, sheet=sheet)


@dataclass(frozen=True)
class FinanceEntry:
    """One amount in đồng: a revenue source or a spending category in one year."""

    side: Literal["revenue", "spending"]
    year: int
    item: str
    amount: int


@dataclass(frozen=True)
class CellRef:
    """Where a figure was written: file, sheet and A1 cell."""

    file: str
    sheet: str
    cell: str

    @property
    def location(self) -> str:
        """'file › sheet › cell' for display."""
        return located(self.file, self.sheet, self.cell)


@dataclass(frozen=True)
class YearBalance:
    """One year's written opening and closing balance ("Tồn quỹ đầu năm"/"Tồn quỹ cuối năm") and their cells."""

    year: int
    opening: int | None = None
    closing: int | None = None
    opening_at: CellRef | None = None
    closing_at: CellRef | None = None


@dataclass(frozen=True)
class Finance:
    """Revenue by source and spending by category per year, in đồng.

    `balances`: the balances written for a year, one YearBalance per year in order (the period's own opening
    counts as its first year's, its closing as its last year's); empty when none was written or the Finance
    was built in code.
    """

    entries: tuple[FinanceEntry, ...]
    opening_balance: int = 0
    written_closing_balance: int | None = None
    balances: tuple[YearBalance, ...] = ()

    def balance_of(self, year: int) -> YearBalance | None:
        """The balances written for `year` (None when none was)."""
        return next((b for b in self.balances if b.year == year), None)

    def entries_of(self, side: str) -> tuple[FinanceEntry, ...]:
        """The entries of one side ("revenue" or "spending")."""
        return tuple(e for e in self.entries if e.side == side)

    @property
    def revenue(self) -> tuple[FinanceEntry, ...]:
        """The revenue entries."""
        return self.entries_of("revenue")

    @property
    def spending(self) -> tuple[FinanceEntry, ...]:
        """The spending entries."""
        return self.entries_of("spending")

    @property
    def years(self) -> tuple[int, ...]:
        """Every year with an entry, in order."""
        return tuple(sorted({e.year for e in self.entries}))

    def items(self, side: str) -> tuple[str, ...]:
        """Sources or categories in the order they first appear."""
        return tuple(dict.fromkeys(e.item for e in self.entries_of(side)))

    def by_year(self, side: str) -> dict[int, int]:
        """Year → total of one side."""
        totals = dict.fromkeys(self.years, 0)
        for e in self.entries_of(side):
            totals[e.year] += e.amount
        return totals

    def by_item(self, side: str) -> dict[str, int]:
        """Item → total of one side, in the order the items were written."""
        totals: Counter[str] = Counter()
        for item in self.items(side):
            totals[item] = 0
        for e in self.entries_of(side):
            totals[e.item] += e.amount
        return dict(totals)

    def total(self, side: str) -> int:
        """The total of one side over every year."""
        return sum(e.amount for e in self.entries_of(side))

    @property
    def closing_balance(self) -> int:
        """Opening balance + revenue − spending."""
        return self.opening_balance + self.total("revenue") - self.total("spending")

    def cumulative_balance(self) -> dict[int, int]:
        """Balance at the end of each year, starting from the opening balance."""
        balance, out = self.opening_balance, {}
        rev, spend = self.by_year("revenue"), self.by_year("spending")
        for year in self.years:
            balance += rev.get(year, 0) - spend.get(year, 0)
            out[year] = balance
        return out

    def table(self, side: str) -> pd.DataFrame:
        """Items × years in đồng (the report's layout), without totals."""
        frame = pd.DataFrame(0, index=list(self.items(side)), columns=list(self.years), dtype="int64")
        for e in self.entries_of(side):
            frame.loc[e.item, e.year] += e.amount
        return frame


@dataclass(frozen=True)
class Target:
    """One row of the resolution's targets table (chỉ tiêu Nghị quyết)."""

    group: str  # the STT of the group this row belongs to ("1", "2", ...)
    text: str
    unit: str
    target: str  # as written ("100%", "2", "Vững mạnh")
    result: str
    status: str  # computed: one of STATUSES
    target_value: float | None = None  # numeric target when there is one
    result_value: float | None = None
    written_status: str | None = None
    is_first_in_group: bool = True

    @property
    def qualitative(self) -> bool:
        """Whether the target is a word ("Vững mạnh") rather than a number."""
        return self.target_value is None


@dataclass(frozen=True)
class Award:
    """An award or recognition (khen thưởng, danh hiệu thi đua, sáng kiến)."""

    year: int | None
    form: str  # "Bằng khen", "Chiến sỹ thi đua", "Sáng kiến", "Cờ thi đua", ...
    level: str  # one of AWARD_LEVELS
    recipient_type: str  # "Tập thể" | "Cá nhân"
    count: int = 1
    note: str = ""
    period: str | None = None  # "2011–2013" when given for a period rather than a year


@dataclass(frozen=True)
class TermTarget:
    """A target of the new term (3.1–3.13) with yearly targets and results."""

    code: str
    text: str
    group: str  # "Phối hợp thực hiện" | "Công đoàn thực hiện"
    unit: str
    term_target: str  # target for the whole term or per year, as written
    yearly_targets: dict[int, str] = field(default_factory=dict)
    results: dict[int, str] = field(default_factory=dict)
    per_year: bool = True  # the target applies to every year (vs. once for the term)
    cumulative: bool = False  # a whole-term target whose yearly results are running totals (lũy kế)


@dataclass(frozen=True)
class BudgetLine:
    """A planned amount in đồng for one source or category in one year."""

    side: Literal["revenue", "spending"]
    year: int
    item: str
    planned: int


@dataclass(frozen=True)
class UnionInfo:
    """Who the data belongs to, for titles and exports."""

    name: str = "Công đoàn cơ sở"
    congress: str = ""  # "IV"
    reported_term: str = ""  # "2012–2017": the current term, whose figures are reported
    next_term: str = ""  # "2017–2022"
    kind: str = ""  # union kind key of core.period.UNION_KINDS ("" = not said)
    upper_union: str = ""  # "LĐLĐ tỉnh Hà Giang"
    congress_date: str = ""  # ISO "2023-03-15" when known


@dataclass(frozen=True, eq=False)
class Dataset:
    """Everything read from a set of workbooks; a domain is None when no file had it."""

    members: Roster | None = None
    finance: Finance | None = None
    targets: tuple[Target, ...] | None = None
    awards: tuple[Award, ...] | None = None
    term_targets: tuple[TermTarget, ...] | None = None
    budget: tuple[BudgetLine, ...] | None = None
    info: UnionInfo = field(default_factory=UnionInfo)
    extra: dict[str, object] = field(default_factory=dict)  # registered domains beyond the built-in six
    period: object | None = None  # core.period.ReportingPeriod the data was cut to (None = as read)

    def domains(self) -> tuple[str, ...]:
        """The domains that hold data, built-in first."""
        return (*(d for d in DOMAINS if getattr(self, d) is not None),
                *(k for k, v in self.extra.items() if v is not None))

    def get(self, domain: str) -> object | None:
        """The value of any domain by key (None when absent)."""
        return getattr(self, domain) if domain in DOMAINS else self.extra.get(domain)

    @classmethod
    def of(cls, values: dict[str, object], info: UnionInfo | None = None) -> Dataset:
        """A data set from domain key → value (built-in domains become fields, others `extra`)."""
        builtin = {k: v for k, v in values.items() if k in DOMAINS}
        extra = {k: v for k, v in values.items() if k not in DOMAINS and v is not None}
        return cls(**builtin, info=info or UnionInfo(), extra=extra)

    def replaced(self, values: dict[str, object], info: UnionInfo | None = None) -> Dataset:
        """A copy with some domains (and optionally the info) replaced."""
        current = {d: self.get(d) for d in (*DOMAINS, *self.extra)}
        out = Dataset.of({**current, **values}, info if info is not None else self.info)
        object.__setattr__(out, "period", self.period)
        return out


@dataclass(frozen=True)
class SourceFile:
    """An input file as bytes with the name the user gave it."""

    name: str
    data: bytes

    @property
    def sha256(self) -> str:
        """The file's sha256 (hex), its identity in the store."""
        import hashlib

        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True, eq=False)
class CheckResult:
    """The outcome of reading and checking files: the data set, every issue, and which file fed which domain."""

    dataset: Dataset
    issues: tuple[Issue, ...]
    sources: dict[str, str] = field(default_factory=dict)  # domain → file name(s)
    sheets: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)  # domain → (file, sheet)s

    def issues_for(self, domain: str) -> tuple[Issue, ...]:
        """Issues located in the sheets that supplied `domain`."""
        places = set(self.sheets.get(domain, ()))
        return tuple(i for i in self.issues if (i.file, i.sheet) in places)

    @property
    def errors(self) -> tuple[Issue, ...]:
        """The error issues."""
        return tuple(i for i in self.issues if i.severity == "error")

    @property
    def warnings(self) -> tuple[Issue, ...]:
        """The warning issues."""
        return tuple(i for i in self.issues if i.severity == "warning")

    @property
    def notes(self) -> tuple[Issue, ...]:
        """Info issues: what was deliberately skipped or converted (never makes the check fail)."""
        return tuple(i for i in self.issues if i.severity == "info")

    @property
    def ok(self) -> bool:
        """Whether there is no error (warnings and notes allowed)."""
        return not self.errors
