"""The figure catalogue: every figure the data gives, named, with its unit, its words and where it comes from.

One source for what the data says: the draft report check matches a draft's claims against it, and
its values are the ones the generated narrative writes (member counts as `metrics.member_summary`,
amounts as `Finance`, shares rounded half-up as `findings.percent`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from unionboard.analysis.findings import friendly_item
from unionboard.analysis.metrics import below_university, member_summary
from unionboard.core.i18n import t
from unionboard.core.issues import IssueLog
from unionboard.core.models import CheckResult, SourceFile
from unionboard.core.text import cell_name, fold, parse_number
from unionboard.read.workbook import Sheet, read_sheets

# Words a draft uses for a member figure (folded): the data's category → phrases naming it.
EDUCATION_WORDS = {
    "Tiến sỹ": ("tien sy", "tien si"), "Thạc sỹ": ("thac sy", "thac si"), "Đại học": ("dai hoc", "cu nhan dai hoc"),
    "Cao đẳng": ("cao dang",), "Trung cấp": ("trung cap",), "Sơ cấp": ("so cap",),
}
THEORY_WORDS = {"Cao cấp": ("cao cap", "cu nhan"), "Trung cấp": ("trung cap",), "Sơ cấp": ("so cap",)}
EDUCATION_TOPIC = ("chuyen mon", "hoc van", "trinh do dao tao")
THEORY_TOPIC = ("ly luan chinh tri", "llct", "chinh tri")
# column headers of the roster that a member figure is counted from
_MEMBER_COLUMNS = {"gender": "gioi tinh", "education": "chuyen mon", "theory": "ly luan", "party": "dang vien"}


@dataclass(frozen=True)
class Figure:
    """One figure of the data: its value, unit, the words that name it in a draft, and its source."""

    key: str
    label_key: str  # catalogue key of what it counts ("figure.members_total")
    value: float
    unit: str  # "người" | "đồng" | "%" | "chỉ tiêu" | "khen thưởng"
    words: tuple[tuple[str, ...], ...]  # alternatives; each a tuple of folded phrases that must all appear
    source: str = ""
    topic: tuple[str, ...] = ()  # folded words of the part of the draft it belongs to
    year: int | None = None
    extra: dict = field(default_factory=dict, compare=False)
    params: tuple[tuple[str, object], ...] = ()

    def label_in(self, lang: str = "vi") -> str:
        """What the figure counts, in `lang`."""
        return t(self.label_key, lang, **dict(self.params))

    @property
    def label(self) -> str:
        """What the figure counts, in Vietnamese."""
        return self.label_in("vi")


def _one(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple((p,) for p in phrases)


def _member_figures(result: CheckResult, where: dict[str, str]) -> list[Figure]:
    roster = result.dataset.members
    if roster is None or not len(roster):
        return []
    s = member_summary(roster)
    total, gender = s["total"], s["by_gender"]
    women = gender.get("Nữ", 0)
    out = [Figure("fig.members.total", "figure.members_total", total, "người",
                  _one("doan vien", "cong doan vien", "dv"), where.get("total", "")),
           Figure("fig.members.male", "figure.members_male", gender.get("Nam", 0), "người", _one("nam"), where.get("gender", "")),
           Figure("fig.members.female", "figure.members_female", women, "người", _one("nu", "doan vien nu"), where.get("gender", "")),
           Figure("fig.members.party", "figure.party", s["party_members"], "người", _one("dang vien"),
                  where.get("party", "")),
           Figure("fig.members.party_female", "figure.party_female", s["party_members_female"], "người",
                  _one("dang vien nu", "nu dang vien", "nu la"), where.get("party", "")),
           Figure("fig.members.below_university", "figure.below_university", below_university(s), "người",
                  _one("duoi dai hoc"), where.get("education", ""), EDUCATION_TOPIC)]
    for level, n in s["by_education"].items():
        if level in EDUCATION_WORDS:
            out.append(Figure(f"fig.members.education.{level}", "figure.education", n, "người",
                              _one(*EDUCATION_WORDS[level]), where.get("education", ""), EDUCATION_TOPIC,
                              params=(("level", level),)))
    for level, n in s["by_political_theory"].items():
        if level in THEORY_WORDS:
            out.append(Figure(f"fig.members.theory.{level}", "figure.theory", n, "người",
                              _one(*THEORY_WORDS[level]), where.get("theory", ""), THEORY_TOPIC,
                              params=(("level", level),)))
    if total:
        out += [Figure("fig.members.female_share", "figure.female_share", 100 * women / total, "%",
                       _one("nu", "doan vien nu", "lao dong nu"), where.get("gender", "")),
                Figure("fig.members.party_share", "figure.party_share", 100 * s["party_members"] / total,
                       "%", _one("dang vien"), where.get("party", ""))]
    return out


def _finance_figures(result: CheckResult, place) -> list[Figure]:
    finance = result.dataset.finance
    if finance is None:
        return []
    out: list[Figure] = []
    for side, word in (("revenue", "thu"), ("spending", "chi")):
        total_words = ((f"tong {word}",), (f"tong so {word}",), (f"tong cong {word}",), (f"tong nguon {word}",))
        out.append(Figure(f"fig.finance.{side}.total", f"figure.{side}_total", finance.total(side), "đồng",
                          total_words, place(side, None, None, finance.total(side))))
        for year, value in finance.by_year(side).items():
            out.append(Figure(f"fig.finance.{side}.{year}", f"figure.{side}_year", value, "đồng", total_words,
                              place(side, None, year, value), year=year, params=(("year", year),)))
        table = finance.table(side)
        for item in finance.items(side):
            names = tuple(dict.fromkeys((fold(item), fold(friendly_item(item)))))
            item_total = int(table.loc[item].sum())
            out.append(Figure(f"fig.finance.{side}.{item}", "figure.item", item_total, "đồng", _one(*names),
                              place(side, item, None, item_total), extra={"side": side, "item": item},
                              params=(("item", item),)))
            for year in finance.years:
                value = int(table.loc[item, year])
                out.append(Figure(f"fig.finance.{side}.{item}.{year}", "figure.item_year", value, "đồng",
                                  _one(*names), place(side, item, year, value), year=year,
                                  extra={"side": side, "item": item}, params=(("item", item), ("year", year))))
    out.append(Figure("fig.finance.closing", "figure.closing", finance.closing_balance, "đồng",
                      _one("ton cuoi", "ton quy", "so du", "con ton", "ton cuoi ky"),
                      place("spending", "ton", None, finance.closing_balance)))
    return out


def _target_figures(result: CheckResult, where: str) -> list[Figure]:
    out = []
    for number, target in enumerate(result.dataset.targets or ()):
        for part, value in (("target", target.target_value), ("result", target.result_value)):
            if value is not None:
                out.append(Figure(f"fig.targets.{number}.{part}", f"figure.{part}", value,
                                  "%" if target.unit.strip() == "%" else target.unit, (), where,
                                  extra={"text": fold(target.text), "part": part}, params=(("text", target.text),)))
    return out


# how a draft names an award's level ("cấp tỉnh", "Chủ tịch UBND tỉnh", "Bộ trưởng", ...)
AWARD_LEVEL_WORDS = {"Tỉnh": ("cap tinh", "ubnd tinh", "uy ban nhan dan tinh"), "Cơ sở": ("cap co so",),
                     "Bộ": ("bo truong", "cap bo"), "Thủ tướng": ("thu tuong",),
                     "Tổng Liên đoàn": ("tong lien doan",)}


def _award_figures(result: CheckResult, where: str) -> list[Figure]:
    out = []
    for number, award in enumerate(result.dataset.awards or ()):
        levels = AWARD_LEVEL_WORDS.get(award.level, (fold(award.level),))
        out.append(Figure(f"fig.awards.{number}", "figure.award", award.count, "khen thưởng",
                          tuple((fold(award.form), level) for level in levels), where, year=award.year,
                          extra={"period": (award.period or "").replace("-", "–")},
                          params=(("form", award.form), ("level", award.level))))
    return out


# --------------------------------------------------------------------------- where each figure comes from


def _sheets_of(result: CheckResult, files: Iterable[SourceFile], domain: str) -> list[Sheet]:
    wanted = set(result.sheets.get(domain, ()))
    out = []
    for source in files:
        if any(f == source.name for f, _ in wanted):
            out += [s for s in read_sheets(source, IssueLog()) if (s.file, s.name) in wanted]
    return out


def _where(file: str, sheet: str, cell: str | None = None) -> str:
    return " › ".join(part for part in (file, sheet, cell) if part)


def _member_places(result: CheckResult, sheets: list[Sheet]) -> dict[str, str]:
    roster = result.dataset.members
    if roster is None:
        return {}
    rows = roster.frame["row"]
    first, last = (int(rows.min()), int(rows.max())) if len(rows) else (0, 0)
    out = {"total": _where(roster.file, roster.sheet, t("figure.rows", "vi", first=first, last=last) if last else None)}
    for sheet in sheets:
        if sheet.name != roster.sheet:
            continue
        for row in sheet.rows[:30]:
            for c, value in enumerate(row):
                for key, word in _MEMBER_COLUMNS.items():
                    if key not in out and isinstance(value, str) and word in fold(value):
                        out[key] = _where(roster.file, roster.sheet,
                                          f"{cell_name(first - 1, c)}:{cell_name(last - 1, c)}")
    for key in _MEMBER_COLUMNS:
        out.setdefault(key, _where(roster.file, roster.sheet))
    return out


def _find_value(sheet: Sheet, label: str | None, value: float) -> str | None:
    """The A1 name of the first cell holding `value` in a row that names `label` (any row when None)."""
    for r, row in enumerate(sheet.rows):
        if label and label not in " ".join(fold(v) for v in row if isinstance(v, str)):
            continue
        for c, cell in enumerate(row):
            number = None if isinstance(cell, str) else parse_number(cell)
            if number is not None and abs(number - value) < 0.5:
                return cell_name(r, c)
    return None


def _finance_locator(result: CheckResult, sheets: list[Sheet]):
    """place(side, item, year, value) → 'file › sheet › cell' (the cell when it can be found)."""
    side_sheets = {}
    for sheet in sheets:
        text = fold(" ".join(str(v) for row in sheet.rows[:4] for v in row))
        side = "spending" if "chi" in text.split() or "muc chi" in text else "revenue"
        side_sheets.setdefault(side, sheet)
    default = {side: _where(f, s) for (f, s), side in zip(result.sheets.get("finance", ()),
                                                          ("revenue", "spending"), strict=False)}

    def place(side: str, item: str | None, year: int | None, value: float) -> str:
        sheet = side_sheets.get(side)
        if sheet is None:
            return default.get(side, result.sources.get("finance", ""))
        for label in ((fold(item),) if item else ()) + (None,):
            cell = _find_value(sheet, label, value)
            if cell:
                return _where(sheet.file, sheet.name, cell)
        return _where(sheet.file, sheet.name)

    return place


def figure_catalogue(result: CheckResult, files: Iterable[SourceFile] = ()) -> tuple[Figure, ...]:
    """Every figure of a checked data set; with the source files, each names the cell it comes from."""
    files = tuple(files)
    member_sheets = _sheets_of(result, files, "members")
    finance_sheets = _sheets_of(result, files, "finance")
    targets_where = ", ".join(_where(f, s) for f, s in result.sheets.get("targets", ()))
    awards_where = ", ".join(_where(f, s) for f, s in result.sheets.get("awards", ()))
    return tuple(_member_figures(result, _member_places(result, member_sheets))
                 + _finance_figures(result, _finance_locator(result, finance_sheets))
                 + _target_figures(result, targets_where) + _award_figures(result, awards_where))
