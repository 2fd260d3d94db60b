"""The "Quy định tài chính" section of the documents (Word, PDF, ODT): each rule per year, its result and decision."""

from __future__ import annotations

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.i18n import t
from unionboard.core.models import Dataset
from unionboard.core.text import format_dong
from unionboard.domains.settlement import TOTALS, Settlement
from unionboard.export.docx import dataset_to_docx
from unionboard.export.pdf import dataset_to_pdf
from unionboard.export.report import CENTER, LEFT, RIGHT, Paragraph, Section, Table
from unionboard.present.rule_charts import (
    STATUS_COLORS,
    counts,
    data_groups_caps,
    rules_table,
    shown_year,
    status_of,
)


def rules_section(dataset: Dataset, lang: str = "vi") -> Section | None:
    """The section, when at least one rule could be checked (None otherwise: the report's sample, which has no
    payroll or dues lines, keeps its documents as they were; the finance page lists what is missing)."""
    results = check_dataset(dataset)
    if all(r.status == "not_checkable" for r in results):
        return None
    frame = rules_table(results, lang)
    keys = ("year", "status", "rule", "value", "limit", "decision", "missing")
    columns = [t(f"rules_col_{k}", lang) for k in keys]
    rows = tuple((tuple(str(v) for v in row), False) for row in frame[columns].itertuples(index=False))
    table = Table(key="rules", header=tuple(columns), rows=rows,
                  aligns=(CENTER, LEFT, LEFT, RIGHT, RIGHT, LEFT, LEFT),
                  widths_cm=(1.1, 1.8, 3.2, 2.6, 2.6, 3.0, 2.2))
    blocks = (Paragraph(t("rules_intro", lang)), Paragraph(t("rules_summary", lang, **counts(results))), table)
    return Section(t("rules_section", lang), blocks + groups_blocks(results, document_year(dataset, results), lang),
                   "rules")


def document_year(dataset: Dataset, results: list) -> int | None:
    """The year whose spending groups a document shows: its period's (last) year, else the latest checked."""
    period = dataset.period
    return shown_year(results, period.last if period is not None and period.years else None)


def groups_blocks(results: list, year: int | None, lang: str) -> tuple:
    """The year's spending groups against their caps (the page's chart's table, `data_groups_caps`) as a table."""
    table = data_groups_caps(results, lang, year)
    if year is None or table.empty:
        return ()
    rows = tuple(((group, status, format_dong(spent, lang=lang), format_dong(cap, lang=lang)),
                  status_of(status, lang) == "violation") for group, status, spent, cap, _ in table.itertuples(index=False))
    header = (table.columns[0], t("rules_col_status", lang), table.columns[2], table.columns[3])
    return (Paragraph(t("rules_display_groups_title", lang, year=year)),
            Table(key="rules_groups", header=header, rows=rows, aligns=(LEFT, LEFT, RIGHT, RIGHT),
                  widths_cm=(6.5, 3.0, 3.5, 3.5)))


def groups_pdf_charts(dataset: Dataset, lang: str) -> list:
    """The PDF's chart of the rules section: the year's spending groups (status colours) beside their caps."""
    from unionboard.export.pdf_charts import Series, bars, one_decimal
    from unionboard.present.palette import DARK

    results = check_dataset(dataset)
    year = document_year(dataset, results)
    table = data_groups_caps(results, lang, year)
    if year is None or table.empty:
        return []
    spent = tuple(v / 1e6 for v in table.iloc[:, 2])
    chart = bars(t("rules_display_groups_title", lang, year=year), list(table.iloc[:, 0]), [
        Series(t("rules_display_spent", lang), STATUS_COLORS["ok"], spent,
               tuple(STATUS_COLORS[status_of(s, lang)] for s in table.iloc[:, 1])),
        Series(t("rules_display_cap", lang), DARK, tuple(v / 1e6 for v in table.iloc[:, 3]))],
        columns=True, fmt=one_decimal)
    return [chart] if chart else []


def settlement_section(form: Settlement, lang: str = "vi") -> Section:
    """One year's settlement (B07-TLĐ) in the form's order: code, item, plan, actual."""
    keys = ("code", "text", "plan", "actual")
    rows = tuple(((row.code, row.text, "" if row.plan is None else format_dong(row.plan, lang=lang),
                   "" if row.actual is None else format_dong(row.actual, lang=lang)), row.key in TOTALS) for row in form.rows)
    table = Table(key="settlement", header=tuple(t(f"settlement_col_{k}", lang) for k in keys), rows=rows,
                  aligns=(CENTER, LEFT, RIGHT, RIGHT), widths_cm=(1.6, 8.1, 3.4, 3.4))
    return Section(t("settlement_title", lang, year=form.year), (table,), "settlement")


def settlement_document(dataset: Dataset, year: int, kind: str, lang: str = "vi") -> bytes:
    """The settlement summary of `year` as "docx" or "pdf" (the union's heading, the form's rows, the signature)."""
    form = next(f for f in dataset.get("settlement") or () if f.year == year)
    heading_only = Dataset(info=dataset.info, members=dataset.members)
    write = dataset_to_docx if kind == "docx" else dataset_to_pdf
    return write(heading_only, lang, extra_sections=(settlement_section(form, lang),))
