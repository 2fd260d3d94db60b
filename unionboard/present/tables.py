"""Display tables: the roster, finance in the report's layout with a unit switch, targets grouped as in the report."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from unionboard.core.i18n import system_label, t, value_label
from unionboard.core.models import Finance, Target
from unionboard.core.wording import SAID_KINDS, union_word

UNITS = {"dong": 1, "thousand": 1_000, "million": 1_000_000}

ROSTER_COLUMNS = ("name", "gender", "birth_year", "department", "education", "political_theory",
                  "party_member", "role", "row")
TARGET_COLUMNS = ("stt", "text", "unit", "target", "result", "evaluation")


def roster_table(frame: pd.DataFrame, lang: str = "vi", kind: str = "", unknown: Iterable[str] = ()) -> pd.DataFrame:
    """The roster for display: localised headers and values, party membership as a tick; the unit's
    header by the union's kind ("Bộ phận/phân xưởng" in an enterprise). The `unknown` columns (the
    roster's `analysis.unknown.not_in_data`) are left out, not shown as 0 / None."""
    labels = {c: t(f"table.roster.{c}", lang) for c in ROSTER_COLUMNS}
    if kind in SAID_KINDS:
        labels["department"] = union_word(kind, "unit_label", lang)
    unknown = set(unknown)
    columns = [c for c in labels if c in frame.columns and c not in unknown
               and (c != "role" or frame[c].notna().any())]
    out = frame[columns].copy()
    for column in ("gender", "education", "political_theory", "role"):
        if column in out:  # a blank cell stays blank (never "None")
            out[column] = out[column].map(lambda v: value_label(v, lang) if isinstance(v, str) else "")
    if "department" in out:  # "(Chưa rõ)", the unit the system gives a blank cell, in `lang`
        out["department"] = out["department"].map(lambda v: system_label(v, lang))
    if "party_member" in out:
        out["party_member"] = out["party_member"].map(lambda v: "✓" if v else "")
    out["birth_year"] = out["birth_year"].astype("Int64")
    return out.rename(columns=labels)


def finance_table(finance: Finance, side: str, unit: str = "dong", lang: str = "vi") -> pd.DataFrame:
    """Items × years as the report prints them, with a total column and a total row (and Tồn cuối for spending).

    Values are divided by the unit (đồng, nghìn, triệu); đồng stays integer.
    """
    table = finance.table(side)
    table.index = [system_label(item, lang) for item in table.index]  # "(Không rõ khoản mục)" in `lang`
    table[t("total_row", lang)] = table.sum(axis=1)
    table.loc[t("total_row", lang)] = table.sum(axis=0)
    if side == "spending":
        closing = pd.Series(pd.NA, index=table.index, dtype="Int64")
        closing.iloc[-1] = finance.closing_balance
        table[t("closing_row", lang)] = closing
    table.columns = [str(c) for c in table.columns]
    table.index.name = t("item", lang)
    divisor = UNITS[unit]
    if divisor != 1:
        table = table.astype("Float64") / divisor
    return table.reset_index()


def targets_table(targets: tuple[Target, ...], lang: str = "vi") -> pd.DataFrame:
    """The targets table as in the report: STT only on a group's first row."""
    labels = tuple(t(f"table.target.{c}", lang) for c in TARGET_COLUMNS)
    rows = [(t_.group if t_.is_first_in_group else "", t_.text, t_.unit, t_.target, t_.result,
             value_label(t_.status, lang)) for t_ in targets]
    return pd.DataFrame(rows, columns=list(labels))


def formatted(frame: pd.DataFrame, decimals: int = 0, lang: str | None = None) -> pd.DataFrame:
    """Numbers as text in `lang` (18.777.000; 18,78 — 18,777,000; 18.78 in English) for display, whatever the
    browser's locale; 0 as blank."""
    from unionboard.core.text import format_number

    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_numeric_dtype(out[column]) and not pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map(
                lambda v: "" if pd.isna(v) or v == 0 else format_number(v, decimals, lang))
    return out
