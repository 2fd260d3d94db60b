"""The congress report as neutral blocks, shared by the Word (.docx), OpenDocument (.odt) and PDF exports.

`build_report(dataset, lang)` returns a `Report`: the heading lines (union name, title, term), one
`Section` per domain that holds data — each a tuple of `Paragraph`, `UnitNote` and `Table` blocks in
the report's layout (the "* Phần thu" / "* Phần chi" tables with ĐVT: đồng, numbers as 18.777.000,
blank for zero) — and the signature block. Each exporter only decides how a block looks; what the
document says is decided once, here, so the three files cannot drift apart.

Other documents (the congress day's credentials report and election result) plug in as extra
`Section`s: `dataset_to_pdf(dataset, extra_sections=...)` and the other renderers place them before
the signature.
"""

from __future__ import annotations

from dataclasses import dataclass

from unionboard.analysis.metrics import below_university, member_summary
from unionboard.analysis.period import period_within
from unionboard.analysis.unknown import missing_text
from unionboard.core.i18n import system_label, t, value_label
from unionboard.core.models import Dataset, Finance, Roster, UnionInfo
from unionboard.core.period import YEAR, ReportingPeriod, label, term_text
from unionboard.core.text import format_number
from unionboard.core.wording import union_word
from unionboard.domains.term_status import targets_term

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"


@dataclass(frozen=True)
class Paragraph:
    """A body paragraph (first line indented unless `indent` is False)."""

    text: str
    indent: bool = True
    italic: bool = False
    bold: bool = False
    align: str = JUSTIFY
    before: int = 0  # points of space before


@dataclass(frozen=True)
class UnitNote:
    """'* Phần thu' on the left and 'ĐVT: đồng' on the right of one line."""

    label: str
    unit: str


@dataclass(frozen=True)
class Table:
    """A bordered table: `rows` are (cells, bold); header bold and centred.

    `widths_cm` are the column widths on A4 with 3 + 1.5 cm margins (16.5 cm); empty for an amounts
    table, whose amount columns are sized to their widest number and whose first column takes the rest.
    """

    key: str
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], bool], ...]
    aligns: tuple[str, ...]
    widths_cm: tuple[float, ...] = ()

    @property
    def amounts(self) -> bool:
        """Whether this is an amounts table (finance) laid out by its numbers' widths."""
        return not self.widths_cm


Block = Paragraph | UnitNote | Table


@dataclass(frozen=True)
class Section:
    """A numbered part of the report: heading ("Cơ cấu đoàn viên") and its blocks; `key` names the
    domain ("members", "finance", ...) so an exporter can add what belongs to it (the PDF's charts)."""

    heading: str
    blocks: tuple[Block, ...]
    key: str = ""


@dataclass(frozen=True)
class Report:
    """The whole document: heading lines, sections (numbered I, II, ...), signature."""

    organisation: str  # the union's name in capitals
    title: str
    term: str  # "Nhiệm kỳ 2012–2017" or ""
    sections: tuple[Section, ...]
    empty_note: str  # shown when there is no section
    sign_for: str
    sign_role: str
    chair: str  # the chair's name, "" when unknown

    def numbered(self) -> list[tuple[str, Section]]:
        """("I. Cơ cấu đoàn viên", section) for each section, in order."""
        return [(f"{number}. {section.heading}", section)
                for number, section in zip(ROMAN, self.sections, strict=False)]


# --------------------------------------------------------------------------- text


def _pad(n: int) -> str:
    """The report writes small counts with two digits: 6 → '06'."""
    return f"{n:02d}"


def member_paragraph(roster: Roster, lang: str = "vi", kind: str = "") -> str:
    """The member structure in the report's words (Part 1, I.1).

    "Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ; ... Trình độ chuyên môn: Thạc sỹ: 06; ..."
    """
    summary = member_summary(roster)
    gender, education = summary["by_gender"], summary["by_education"]
    theory = summary["by_political_theory"]
    first = t("doc.members_total", lang, total=summary["total"], men=gender.get("Nam", 0),
              women=gender.get("Nữ", 0))
    departments = len(summary["by_department"])
    units = union_word(kind, "units", lang)  # "phòng, đơn vị" / "bộ phận, phân xưởng" by the union's kind
    first += t("doc.members_departments", lang, n=_pad(departments), units=units) if departments else "."
    levels = [] if education is None else [f"{value_label(level, lang)}: {_pad(education.get(level, 0))}"
              for level in ("Tiến sỹ", "Thạc sỹ", "Đại học", "Cao đẳng")
              if education.get(level) or level in ("Thạc sỹ", "Đại học")]
    below = below_university(summary)
    if below:
        levels.append(t("doc.members_below", lang, n=_pad(below)))
    # unknown is not zero: a detail the roster lacks is said to be missing, never written as 0 / "00"
    parts = [first,
             t("doc.members_education", lang, levels="; ".join(levels)) if education is not None
             else missing_text("education", lang) + ".",
             t("doc.members_theory", lang, high=theory.get("Cao cấp", 0), mid=theory.get("Trung cấp", 0))
             if theory is not None else missing_text("political_theory", lang) + ".",
             t("doc.members_party", lang, n=summary["party_members"], persons=union_word(kind, "persons", lang),
               women=summary["party_members_female"])
             if summary["party_members"] is not None else missing_text("party_member", lang) + "."]
    return " ".join(parts)


def amount(value: int, lang: str | None = None) -> str:
    """18777000 → '18.777.000' ('18,777,000' in English); zero is left blank as in the report."""
    return format_number(value, 0, lang) if value else ""


def heading_lines(info: UnionInfo, lang: str = "vi", period: ReportingPeriod | None = None) -> tuple[str, str, str]:
    """(union name in capitals, title, the period's label: "Tổng kết nhiệm kỳ 2012–2017", "Báo cáo năm 2025"…).

    A one-year period is the annual report ("BÁO CÁO TỔNG KẾT … NĂM 2025"), a term the congress report.
    """
    name = info.name.strip() or t("doc.default_name", lang)
    if period is not None and period.kind == YEAR:
        return name.upper(), t("annual.title", lang, year=period.first), label(period, lang)
    title = (t("doc.title_congress", lang, congress=info.congress) if info.congress
             else t("doc.title_plain", lang))
    if period is not None and period.years:
        return name.upper(), title, label(period, lang)
    term = t("doc.term", lang, term=info.reported_term) if info.reported_term else ""
    return name.upper(), title, term


def chair_name(roster: Roster | None) -> str:
    """The name of the member whose role is "Chủ tịch" ("" when none)."""
    if roster is None or not len(roster):
        return ""
    frame = roster.frame
    found = frame.loc[frame["role"].fillna("").str.strip().str.lower() == "chủ tịch", "name"]
    return str(found.iloc[0]) if len(found) else ""


# --------------------------------------------------------------------------- sections


def _revenue_blocks(finance: Finance, years: list[int], lang: str) -> list[Block]:
    year_labels = [t("doc.col_year", lang, year=y) for y in years]
    rows = [((str(system_label(item, lang)), *(amount(int(v), lang) for v in row), amount(int(row.sum()), lang)), False)
            for item, row in finance.table("revenue").iterrows()]
    by_year = finance.by_year("revenue")
    rows.append(((t("doc.col_total", lang), *(amount(by_year.get(y, 0), lang) for y in years),
                  amount(finance.total("revenue"), lang)), True))
    header = (t("doc.col_source", lang), *year_labels, t("doc.col_total", lang))
    return [UnitNote(t("doc.revenue_note", lang), t("doc.unit_dong", lang)),
            Table("revenue", header, tuple(rows), (LEFT, *([RIGHT] * (len(header) - 1))))]


def _spending_blocks(finance: Finance, years: list[int], lang: str) -> list[Block]:
    year_labels = [t("doc.col_year", lang, year=y) for y in years]
    rows = [((str(system_label(item, lang)), *(amount(int(v), lang) for v in row), amount(int(row.sum()), lang), ""),
             False)
            for item, row in finance.table("spending").iterrows()]
    by_year = finance.by_year("spending")
    rows.append(((t("doc.row_sum", lang), *(amount(by_year.get(y, 0), lang) for y in years),
                  amount(finance.total("spending"), lang), format_number(finance.closing_balance, 0, lang)), True))
    header = (t("doc.col_category", lang), *year_labels, t("doc.col_total", lang),
              t("doc.col_closing", lang))
    return [UnitNote(t("doc.spending_note", lang), t("doc.unit_dong", lang)),
            Table("spending", header, tuple(rows), (LEFT, *([RIGHT] * (len(header) - 1))))]


def finance_blocks(finance: Finance, lang: str = "vi", within: str | None = None,
                   year: int | None = None) -> tuple[Block, ...]:
    """Opening balance, the revenue and spending tables, the period's totals in a sentence
    (`within`: the period in words, "cả nhiệm kỳ" when not given; `year`: a one-year report's year,
    whose opening balance is the year's, not the term's)."""
    years = list(finance.years)
    blocks: list[Block] = []
    if finance.opening_balance:
        amount_text = format_number(finance.opening_balance, 0, lang)
        blocks.append(Paragraph(t("period.opening_year", lang, year=year, amount=amount_text) if year
                                else t("doc.opening", lang, amount=amount_text)))
    if not finance.table("revenue").empty or finance.revenue:
        blocks.extend(_revenue_blocks(finance, years, lang))
    if finance.spending or finance.revenue:
        blocks.extend(_spending_blocks(finance, years, lang))
    blocks.append(Paragraph(t("doc.finance_summary", lang,
                              revenue=format_number(finance.total("revenue"), 0, lang),
                              spending=format_number(finance.total("spending"), 0, lang),
                              closing=format_number(finance.closing_balance, 0, lang),
                              within=within or t("period.short_whole_term", lang)), before=6))
    return tuple(blocks)


def targets_table(dataset: Dataset, lang: str = "vi") -> Table:
    """The resolution targets: STT on the first row of each group, the checked assessment."""
    rows = tuple(((target.group if target.is_first_in_group else "", target.text, target.unit,
                   target.target, target.result, value_label(target.status, lang)), False)
                 for target in dataset.targets or ())
    header = tuple(t(f"doc.col_{k}", lang) for k in ("no", "target_text", "unit", "target", "result",
                                                       "status"))
    return Table("targets", header, rows, (CENTER, LEFT, CENTER, CENTER, CENTER, CENTER),
                 (1.1, 7.4, 1.6, 2.2, 2.2, 2.0))


def awards_table(dataset: Dataset, lang: str = "vi") -> Table:
    """The awards, one row each, and their count."""
    awards = dataset.awards or ()
    rows = []
    for index, award in enumerate(awards, start=1):
        when = award.period or (str(award.year) if award.year is not None else "")
        rows.append(((str(index), when, award.form, value_label(award.level, lang),
                      value_label(award.recipient_type, lang), str(award.count), award.note), False))
    rows.append((("", t("doc.row_sum", lang), "", "", "", str(sum(a.count for a in awards)), ""), True))
    header = tuple(t(f"doc.col_{k}", lang) for k in ("no", "award_year", "form", "level", "recipient",
                                                       "count", "note"))
    return Table("awards", header, tuple(rows), (CENTER, CENTER, LEFT, LEFT, LEFT, CENTER, LEFT),
                 (1.0, 2.2, 3.2, 2.2, 1.9, 1.5, 4.5))


def term_targets_table(dataset: Dataset, lang: str = "vi") -> Table:
    """The next term's targets: code, goal, how, unit, target."""
    rows = tuple(((tt.code, tt.text, tt.group, tt.unit, tt.term_target), False)
                 for tt in dataset.term_targets or ())
    header = tuple(t(f"doc.col_{k}", lang) for k in ("code", "goal", "how", "unit", "term_target"))
    return Table("term_targets", header, rows, (CENTER, LEFT, LEFT, CENTER, CENTER),
                 (1.2, 7.8, 3.0, 1.5, 3.0))


def sections(dataset: Dataset, lang: str = "vi") -> list[Section]:
    """One section per domain that holds data, in the report's order (the annual report's for a year)."""
    period = dataset.period
    if period is not None and period.kind == YEAR:
        return annual_sections(dataset, lang)
    out: list[Section] = []
    if dataset.members is not None and len(dataset.members):
        out.append(Section(t("doc.section_members", lang),
                           (Paragraph(member_paragraph(dataset.members, lang, dataset.info.kind)),), "members"))
    if dataset.finance is not None and dataset.finance.entries:
        out.append(Section(t("doc.section_finance", lang),
                           finance_blocks(dataset.finance, lang, period_within(dataset, lang)), "finance"))
        from unionboard.export.rules_report import (
            rules_section,  # it builds on this module's blocks
        )

        if (rules := rules_section(dataset, lang)) is not None:
            out.append(rules)
    if dataset.targets:
        out.append(Section(t("doc.section_targets", lang), (targets_table(dataset, lang),), "targets"))
    if dataset.awards:
        out.append(Section(t("doc.section_awards", lang), (awards_table(dataset, lang),), "awards"))
    if dataset.term_targets:
        term = targets_term(dataset.info, dataset.term_targets)  # the term they were set for
        heading = (t("doc.section_term_targets", lang, term=term_text(term))
                   if term else t("doc.section_term_targets_next", lang))
        out.append(Section(heading, (term_targets_table(dataset, lang),), "term_targets"))
    return out


def annual_sections(dataset: Dataset, lang: str = "vi") -> list[Section]:
    """The year-end review's order: members and workers, the year's targets, emulation and awards,
    the year's finances, then the progress on the term's targets (the direction for the next year)."""
    year = dataset.period.first if dataset.period is not None and dataset.period.years else ""
    out: list[Section] = []
    if dataset.members is not None and len(dataset.members):
        out.append(Section(t("annual.section_situation", lang),
                           (Paragraph(member_paragraph(dataset.members, lang, dataset.info.kind)),), "members"))
    if dataset.targets:
        out.append(Section(t("annual.section_targets", lang), (targets_table(dataset, lang),), "targets"))
    if dataset.awards:
        out.append(Section(t("annual.section_awards", lang), (awards_table(dataset, lang),), "awards"))
    if dataset.finance is not None and dataset.finance.entries:
        out.append(Section(t("annual.section_finance", lang, year=year),
                           finance_blocks(dataset.finance, lang, period_within(dataset, lang), year or None),
                           "finance"))
        from unionboard.export.rules_report import rules_section

        if (rules := rules_section(dataset, lang)) is not None:  # the year's settlement checked by the rules
            out.append(rules)
    if dataset.term_targets:
        term = targets_term(dataset.info, dataset.term_targets)
        heading = (t("annual.section_term_targets", lang, term=term_text(term))
                   if term else t("doc.section_term_targets_next", lang))
        out.append(Section(heading, (term_targets_table(dataset, lang),), "term_targets"))
    return out


def build_report(dataset: Dataset, lang: str = "vi", extra_sections: tuple[Section, ...] = ()) -> Report:
    """The report of `dataset` in `lang`; `extra_sections` follow the data's sections (the congress
    day's credentials report and election result plug in here)."""
    organisation, title, term = heading_lines(dataset.info, lang, dataset.period)
    return Report(organisation=organisation, title=title, term=term,
                  sections=(*sections(dataset, lang), *extra_sections),
                  empty_note=t("doc.no_data", lang), sign_for=t("doc.sign_for", lang),
                  sign_role=t("doc.sign_role", lang), chair=chair_name(dataset.members))


__all__ = ["Paragraph", "UnitNote", "Table", "Section", "Report", "Block", "build_report",
           "member_paragraph", "amount", "heading_lines", "chair_name", "finance_blocks",
           "targets_table", "awards_table", "term_targets_table", "sections", "annual_sections"]
