"""Reusable page pieces: a chart with its table downloadable, the issues table, the missing-domain notice,
the QR code of the public address."""

from __future__ import annotations

import functools
import re

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from unionboard.analysis.period import has_yearly_data, period_label
from unionboard.analysis.sample_fill import sample_domains
from unionboard.core import i18n
from unionboard.core.i18n import t
from unionboard.core.models import Issue
from unionboard.export.formats import MIME
from unionboard.export.safe import frame_to_csv_bytes, frame_to_xlsx_bytes
from unionboard.export.template import template_bytes
from unionboard.present.charts import Chart, take_title
from unionboard.present.qr import MAX_URL_LENGTH, public_url_setting, qr_svg

PLOTLY_CONFIG = {
    "displaylogo": False,
    "locale": "vi",
    "toImageButtonOptions": {"format": "png", "scale": 2},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}
WRAPPED_ISSUES = 30  # up to this many issues are a static table whose messages wrap
CHART_MIN_WIDTH = 360  # px: below this a chart's labels collide, so the grid drops a column
XLSX_MIME = MIME["xlsx"]


# Characters Streamlit's Markdown (CommonMark + GFM, :color[...] directives, $math$, entities) gives a
# meaning to; a backslash before any ASCII punctuation shows it as written.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-.!|~$:&@])")
# Widget labels render inline Markdown only (bold, italics, strikethrough, code, links, images,
# directives); block syntax (#, -, +, 1., >, |) is unwrapped there, so file names keep their . and -.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>~$:&@])|(?<=www)(\.)", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def md_escape(text: object, *, inline: bool = False) -> str:
    """Text from the data for st.markdown / caption / info / warning / title (or, with
    `inline=True`, a widget label): shown as written, never as Markdown or HTML (no links, images,
    bold, headings, lists, math).

    Every Markdown special character gets a backslash ("18.777.000 đ" still renders as
    "18.777.000 đ"); line breaks become spaces so the text cannot start a new block.
    """
    text = _LINE_BREAKS.sub(" ", str(text))
    if inline:
        return _MD_INLINE.sub(lambda m: "\\" + (m.group(1) or m.group(2)), text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "bang"


def chart(built: Chart | go.Figure | None, key: str, lang: str, *,
          table: pd.DataFrame | None = None, show_table: bool = True) -> None:
    """A chart (PNG export from its toolbar) with the table behind it as xlsx/csv downloads.

    `built` is a `Chart` (figure + the table it was drawn from) or a bare figure; `table` replaces the
    chart's own table, `show_table=False` shows none. The title (the finding) is shown above the
    chart as page text, so it wraps at any width.
    """
    if built is None:
        return
    fig = built.figure if isinstance(built, Chart) else built
    if table is None and isinstance(built, Chart):
        table = built.table
    if not show_table:
        table = None
    title, fig = take_title(fig)
    if title:
        st.markdown(f"##### {md_escape(title)}")
    st.plotly_chart(fig, key=f"chart-{key}", config={**plotly_config(lang), "toImageButtonOptions": {
        "format": "png", "scale": 2, "filename": key}})
    if table is not None and not table.empty:
        with st.popover(t("download_table", lang), icon=":material/download:"):
            # made when clicked (a callable): building both files on every rerun cost ~20 ms a chart
            st.download_button("Excel (.xlsx)", functools.partial(frame_to_xlsx_bytes, table),
                               file_name=f"{_slug(key)}.xlsx", mime=XLSX_MIME, key=f"xlsx-{key}", on_click="ignore")
            st.download_button("CSV", functools.partial(frame_to_csv_bytes, table), file_name=f"{_slug(key)}.csv",
                               mime=MIME["csv"], key=f"csv-{key}", on_click="ignore")


def chart_grid(columns: int):  # noqa: ANN201 - Streamlit's GridContainer
    """A grid of chart cells: `columns` side by side where each keeps `CHART_MIN_WIDTH`, fewer on a
    narrow window, one on a phone; charts in a row line up at the bottom whatever their title's length."""
    return st.grid(columns, min_column_width=CHART_MIN_WIDTH, gap="medium", vertical_alignment="bottom")


def issues_table(issues: tuple[Issue, ...] | list[Issue], lang: str) -> None:
    """Every issue with its location (file › sheet › cell); text is shown as data, never as HTML."""
    frame = pd.DataFrame({
        t("col_severity", lang): [t(f"severity_{i.severity}", lang) for i in issues],
        t("col_location", lang): [i.location for i in issues],
        t("col_message", lang): [i.text(lang) for i in issues],
    })
    if len(frame) <= WRAPPED_ISSUES:  # a static table wraps the message; a grid would cut it
        st.table(frame, hide_index=True)
    else:
        st.dataframe(frame, hide_index=True, width="stretch",
                     column_config={frame.columns[2]: st.column_config.TextColumn(width="large")})


def missing_domain(domain: str, sheet_name: str, lang: str) -> None:
    """Say what to upload for a missing domain and offer the template."""
    st.info(t("missing_domain", lang, domain=t(f"domain_{domain}", lang), sheet=sheet_name),
            icon=":material/upload_file:")
    st.download_button(t("download_template", lang), template_bytes(), file_name="mau-unionboard.xlsx",
                       mime=XLSX_MIME, key=f"template-{domain}", on_click="ignore")


def text_table(frame: pd.DataFrame) -> None:
    """A static table whose cells wrap (a data grid cuts long text mid-word); st.table reads Markdown in
    its cells, so every text cell is shown as written (`md_escape`)."""
    shown = frame.map(lambda v: md_escape(v) if isinstance(v, str) else v)
    st.table(shown, hide_index=True, border="horizontal")


def plotly_config(lang: str) -> dict:
    """PLOTLY_CONFIG in the page's language: Plotly's toolbar tooltips come from a "vi" locale dictionary
    built from the catalogue (Plotly registers a locale passed in `locales`); English is Plotly's own."""
    if lang != "vi":
        return {**PLOTLY_CONFIG, "locale": "en"}
    dictionary = {i18n.t(key, "en"): i18n.t(key, "vi") for key in i18n.STRINGS["vi"] if key.startswith("plotly.")}
    return {**PLOTLY_CONFIG, "locale": "vi", "locales": {"vi": {"dictionary": dictionary}}}


# Every page's own rules: a KPI figure wraps rather than being cut with "…" (a narrow card at 1280 px),
# and on a phone Plotly's toolbar, which would cover the first legend entry, is hidden.
PAGE_CSS = """<style>
[data-testid="stMetricValue"], [data-testid="stMetricValue"] > div {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: anywhere; }
[data-testid="stMetricValue"] { font-size: clamp(1.35rem, 2.1vw, 2.25rem) !important; line-height: 1.15; }
@media (max-width: 640px) { [data-testid="stPlotlyChart"] .modebar-container { display: none !important; } }
</style>"""


def page_header(title: str, view) -> None:
    """The page title and, on sample data, the banner that says so."""
    st.html(PAGE_CSS)
    st.title(title)
    if view.period is not None:  # every page says which period its figures are for
        st.caption(period_label(view.dataset, view.lang))
        if not has_yearly_data(view.dataset):
            st.info(t("period.empty", view.lang, label=period_label(view.dataset, view.lang)),
                    icon=":material/event_busy:")
    if view.is_sample:
        st.info(t("sample_banner", view.lang), icon=":material/science:")
    elif view.source.key == "enterprise":
        st.warning(t("enterprise_banner", view.lang), icon=":material/science:")
    elif still_sample := sample_domains(view.result):
        st.warning(t("fill.banner", view.lang, domains=", ".join(t(f"domain_{d}", view.lang) for d in still_sample)),
                   icon=":material/science:")


def public_qr(lang: str) -> None:
    """A small QR code of `UNIONBOARD_PUBLIC_URL` with its caption and the address written out (as text,
    never a link or Markdown); a warning when the setting is refused; nothing when it is not set."""
    setting = public_url_setting()
    if setting.invalid:
        st.warning(t("qr.invalid", lang, max=MAX_URL_LENGTH), icon=":material/qr_code_2:")
    if setting.url is None:
        return
    with st.container(horizontal=True, key="public_qr", vertical_alignment="center", gap="medium",
                      border=True, width="content"):
        st.image(qr_svg(setting.url), width=150)
        with st.container(gap="small", width=260):
            st.markdown(f"**{t('qr.caption', lang)}**")
            st.text(setting.url)  # as written: no Markdown, no link
