"""The "Quy định tài chính" section of the documents (Word, PDF, ODT): each rule per year, its result and decision."""

from __future__ import annotations

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.i18n import t
from unionboard.core.models import Dataset
from unionboard.export.report import CENTER, LEFT, RIGHT, Paragraph, Section, Table
from unionboard.present.rule_charts import counts, rules_table


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
                  widths_cm=(1.2, 2.0, 3.6, 2.2, 2.2, 3.0, 2.3))
    return Section(t("rules_section", lang), (Paragraph(t("rules_intro", lang)),
                                              Paragraph(t("rules_summary", lang, **counts(results))), table), "rules")
