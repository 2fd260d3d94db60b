"""The page "Kiểm tra dự thảo": the draft shown with every figure marked, the summary, filters, the data behind a figure."""

from __future__ import annotations

import hashlib
import html

import pandas as pd
import streamlit as st

from unionboard.analysis.draft_check import (
    STATUSES,
    Claim,
    DraftCheck,
    changed_claims,
    check_report,
)
from unionboard.core.i18n import t
from unionboard.core.issues import IssueLog
from unionboard.core.models import SourceFile
from unionboard.core.text import format_number
from unionboard.read.draft import Draft, DraftTable, read_draft
from unionboard.ui.components import md_escape

# colour AND symbol: never colour alone (Okabe–Ito hues, dark text)
MARKS = {"match": ("✓", "#cde9dc", "#00603f"), "mismatch": ("✗", "#f9d3c4", "#8a2800"),
         "unverifiable": ("?", "#e6e6e6", "#333333"), "ambiguous": ("≈", "#fbe7b0", "#6b4a00")}


@st.cache_data(show_spinner=False, max_entries=8)
def checked_draft(draft_sha: str, data_key: tuple, _draft: SourceFile, _result, _files) -> DraftCheck:
    """The check of one draft against one data set, cached on both hashes."""
    return check_report(_draft, _result, tuple(_files))


@st.cache_data(show_spinner=False, max_entries=8)
def read_for_display(draft_sha: str, _draft: SourceFile) -> Draft | None:
    """The draft's paragraphs and tables (for showing it marked)."""
    return read_draft(_draft, IssueLog())


def label(status: str, lang: str) -> str:
    """'✗ lệch' — the symbol and the word of a status."""
    return f"{MARKS[status][0]} {t(f'draft_status.{status}', lang)}"


def summary(check: DraftCheck, lang: str) -> None:
    """Four counts, each with its symbol."""
    counts = check.summary()
    row = st.container(horizontal=True, gap="medium")  # four side by side, wrapping on a phone
    for status in STATUSES:
        row.metric(label(status, lang), format_number(counts[status]), width="content")


def _value(value: float | None) -> str:
    if value is None:
        return "—"
    return format_number(value, 0 if float(value).is_integer() else 1)


def claims_frame(claims: list[Claim], lang: str) -> pd.DataFrame:
    """One row per figure: where, what the draft says, the verdict, the data's value and its source."""
    return pd.DataFrame({
        t("draft_col_paragraph", lang): [c.place(lang) for c in claims],
        t("draft_col_figure", lang): [c.text for c in claims],
        t("draft_col_status", lang): [label(c.status, lang) for c in claims],
        t("draft_col_expected", lang): [_value(c.expected) for c in claims],
        t("draft_col_label", lang): [c.label_in(lang) or "; ".join(x[0] for x in c.candidates) for c in claims],
        t("draft_col_source", lang): [c.source or "; ".join(x[2] for x in c.candidates) for c in claims],
    })


def _mark(text: str, claim: Claim, lang: str) -> str:
    symbol, background, colour = MARKS[claim.status]
    tip = t(f"draft_status.{claim.status}", lang)
    if claim.status in ("match", "mismatch") and claim.expected is not None:
        tip += f" — {_value(claim.expected)} ({claim.source or '—'})"
    return (f'<mark title="{html.escape(tip)}" style="background:{background};color:{colour};'
            f'border-radius:3px;padding:0 2px;font-weight:600">{symbol}&nbsp;{html.escape(text)}</mark>')


def _marked_text(text: str, claims: list[Claim], lang: str) -> str:
    parts, at = [], 0
    for claim in sorted(claims, key=lambda c: c.start):
        if claim.start < at or claim.end > len(text) or claim.end <= claim.start:
            continue
        parts += [html.escape(text[at:claim.start]), _mark(text[claim.start:claim.end], claim, lang)]
        at = claim.end
    parts.append(html.escape(text[at:]))
    return "".join(parts)


def _table_html(draft: Draft, table: DraftTable, by_paragraph: dict[int, list[Claim]], lang: str) -> str:
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, text in enumerate(row):
            index = table.cell_paragraphs[r][c]
            shown = draft.paragraphs[index].text if index in by_paragraph else text
            cells.append(f'<td style="border:1px solid #bbb;padding:2px 6px;text-align:{"left" if c == 0 else "right"}">'
                         f"{_marked_text(shown, by_paragraph.get(index, []), lang)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f'<div style="overflow-x:auto;margin:0 0 .8em 0"><small style="color:#555">'
            f'{html.escape(t("figure.table", lang, n=table.index + 1))}</small>'
            f'<table style="border-collapse:collapse;font-size:.9em">{"".join(rows)}</table></div>')


def marked_html(draft: Draft, claims: list[Claim], lang: str, whole: bool = False) -> str:
    """The draft's paragraphs and tables holding a shown figure, as escaped HTML; each figure wrapped in a
    coloured mark with its symbol (colour and symbol, never colour alone); `whole`: every paragraph and table."""
    by_paragraph: dict[int, list[Claim]] = {}
    for claim in claims:
        by_paragraph.setdefault(claim.paragraph, []).append(claim)
    out, done = [], set()
    for p in draft.paragraphs:
        if p.table is None and (p.index in by_paragraph or (whole and p.text.strip())):
            out.append(f'<p style="margin:0 0 .6em 0;line-height:1.7"><small style="color:#555">¶{p.body + 1}'
                       f'</small> {_marked_text(p.text, by_paragraph.get(p.index, []), lang)}</p>')
        elif p.table is not None and p.table not in done:
            done.add(p.table)
            table = draft.tables[p.table]
            if whole or {i for row in table.cell_paragraphs for i in row} & set(by_paragraph):
                out.append(_table_html(draft, table, by_paragraph, lang))
    return "".join(out)


def data_key(source) -> str:
    """The data a draft was checked against, as stored: the version's id and hash, or the files' hashes."""
    return hashlib.sha256(repr(source.cache_key).encode()).hexdigest()[:32]


def last_draft():  # noqa: ANN201 - store.drafts.StoredDraft | None
    """The draft checked last by the committee (None when none)."""
    from unionboard.store.drafts import DraftStore

    return DraftStore().last()


def _verdict(claim: dict, lang: str) -> str:
    if not claim:
        return "—"
    return f"{label(claim['status'], lang)} ({_value(claim.get('expected'))})"


def remember(draft: SourceFile, key: str, check: DraftCheck, stored, by: str, lang: str) -> None:
    """Store the draft with its check; when it was checked before against other data, list what changed."""
    from unionboard.store.drafts import DraftStore

    if stored is not None and stored.file.sha256 == draft.sha256 and stored.data_key != key:
        changes = changed_claims(stored.claims, check)
        st.info(t("draft_changed", lang, n=format_number(len(changes))), icon=":material/update:")
        if changes:
            st.table(pd.DataFrame({
                t("draft_col_paragraph", lang): [_place(now, lang) for _, now in changes],
                t("draft_col_figure", lang): [now["text"] for _, now in changes],
                t("draft_before", lang): [_verdict(then, lang) for then, _ in changes],
                t("draft_after", lang): [_verdict(now, lang) for _, now in changes],
            }))
    DraftStore().save(draft, key, check, by)


def _place(claim: dict, lang: str) -> str:
    if claim.get("table") is None:
        return f"¶{claim['paragraph'] + 1}"
    return f"{t('figure.table', lang, n=claim['table'] + 1)} › {claim['cell']}"


def choice_label(claim: Claim, lang: str) -> str:
    """'¶13 · 06 · ✓ khớp' for the figure picker."""
    return f"{claim.place(lang)} · {claim.text} · {label(claim.status, lang)}"


def detail(claim: Claim, lang: str) -> None:
    """The data behind one figure: its name, value and the file › sheet › cell it comes from."""
    with st.container(border=True):
        st.markdown(f"**{md_escape(claim.text)}** — {md_escape(label(claim.status, lang))}")
        rows = [(claim.label_in(lang), _value(claim.expected), claim.source or "—")] if claim.label else [
            (c[0], _value(c[1]), c[2]) for c in claim.candidates]
        if rows:
            st.table(pd.DataFrame(rows, columns=[t("draft_col_label", lang), t("draft_col_expected", lang),
                                                 t("draft_col_source", lang)]))


def data_files(source) -> tuple[SourceFile, ...]:
    """The files of the data shown (the sample's, or the published version's stored files)."""
    if source.version is None:
        return tuple(source.files)
    from unionboard.store.versions import open_store

    return tuple(item.file for item in open_store().snapshot(source.version.id))
