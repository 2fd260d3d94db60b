"""The congress dossier as an A4 PDF: cover, the report's sections with vector charts, signature.

`dataset_to_pdf(dataset, lang)` lays out the blocks of `export.report.build_report` — the same
headings, sentences and tables as the Word and OpenDocument files — with fpdf2: a cover (union name,
congress, term, the key figures and the overview sentences of `analysis.findings`), then one numbered
section per domain with its finding sentences and bar charts drawn as vector paths
(`export.pdf_charts`), running headers, "Trang n/N" page numbers, PDF bookmarks and the signature block.

Fonts: DejaVu Serif (body) and DejaVu Sans (tables, charts), embedded as subsets, from the Debian
package fonts-dejavu-core, or matplotlib's copy when it is installed, or `UNIONBOARD_FONT_DIR`; never
downloaded. User text is written as plain text (no Markdown, no HTML), NFC-normalised.

The congress day (credentials report, election result) plugs in with `extra_sections`: `report.Section`s
placed after the data's sections, before the signature; `extra_charts` may add charts to any section key.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path

from fpdf import FPDF, FontFace

from unionboard.analysis import findings
from unionboard.analysis.reference import age_reference
from unionboard.core import settings
from unionboard.core.i18n import t, value_label
from unionboard.core.models import Dataset
from unionboard.core.text import format_number, numbers_in
from unionboard.export.pdf_charts import SANS, BarChart, Series, bars, fit_text, one_decimal
from unionboard.export.report import Paragraph, Report, Section, Table, UnitNote, build_report
from unionboard.present import charts as chart_data
from unionboard.present import palette

SERIF = "DejaVuSerif"
FONT_FILES = {
    SERIF: {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf",
            "BI": "DejaVuSerif-BoldItalic.ttf"},
    SANS: {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"},
}
PAGE_W, MARGIN_L, MARGIN_R, MARGIN_T, MARGIN_B = 210.0, 30.0, 15.0, 20.0, 20.0
USABLE = PAGE_W - MARGIN_L - MARGIN_R  # 165 mm, as in the Word file
BODY_PT, TABLE_PT, HEAD_PT, SMALL_PT = 11.5, 9, 12, 8
LINE = 5.6  # body line height (mm)
HEADER_FILL = (221, 235, 247)  # the template's header colour
NAVY = (31, 56, 100)

ChartBuilder = Callable[[Dataset, str], list[BarChart]]


class FontMissing(RuntimeError):
    """The DejaVu fonts are not on this machine."""


def font_dirs() -> list[Path]:
    """Where the DejaVu TTFs are looked for, in order."""
    dirs = [p for p in (settings.value(settings.FONT_DIR),) if p]
    dirs += [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"),
             Path("/usr/share/fonts/dejavu")]
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.origin:
        dirs.append(Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf")
    return dirs


def font_files() -> dict[str, dict[str, Path]]:
    """{family: {style: path}}: regular and bold must exist; italics fall back to the upright face."""
    for folder in font_dirs():
        if not all((folder / FONT_FILES[f][s]).is_file() for f in FONT_FILES for s in ("", "B")):
            continue
        found: dict[str, dict[str, Path]] = {}
        for family, styles in FONT_FILES.items():
            found[family] = {}
            for style in ("", "B", "I", "BI"):
                name = styles.get(style, "")
                upright = styles["B" if "B" in style else ""]
                path = folder / name if name and (folder / name).is_file() else folder / upright
                found[family][style] = path
        return found
    raise FontMissing(t("doc.font_missing"))


def fill_grid(grid, table: Table, strong: FontFace | None = None) -> None:
    """An fpdf2 table's cells: the header row centred, then the rows (a bold row in `strong` when given)."""
    header = grid.row()
    for text in table.header:
        header.cell(plain(text), align="CENTER")
    for cells, bold in table.rows:
        row = grid.row()
        for text in cells:
            row.cell(plain(text), style=strong if bold else None)


def plain(text: object) -> str:
    """User text for the page: NFC (precomposed Vietnamese letters), control characters as spaces."""
    value = unicodedata.normalize("NFC", str(text))
    return "".join(" " if unicodedata.category(ch) == "Cc" and ch != "\n" else ch for ch in value)


class Dossier(FPDF):
    """An A4 page set with the running header (from page 2) and "Trang n/N" footers."""

    def __init__(self, report: Report, lang: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report, self.lang = report, lang
        for family, styles in font_files().items():
            for style, path in styles.items():
                self.add_font(family, style, str(path))
        self.set_margins(MARGIN_L, MARGIN_T, MARGIN_R)
        self.set_auto_page_break(True, margin=MARGIN_B)
        self.set_lang(lang)
        self.set_title(plain(f"{report.title} — {report.organisation}"))
        self.set_subject(t("doc.pdf_subject", lang))
        self.set_author(plain(report.organisation))
        self.set_creator("unionboard")
        self.set_creation_date(dt.datetime.now(dt.UTC))
        self.str_alias_nb_pages = ""  # "{nb}" in a member's name must stay "{nb}"

    def header(self) -> None:
        """The union and the document's title on every page but the cover."""
        if self.page_no() == 1:
            return
        self.set_font(SANS, "", SMALL_PT - 0.5)
        self.set_text_color(90, 90, 90)
        self.set_xy(MARGIN_L, 10)
        running = plain(self.report.title + (f" — {self.report.term}" if self.report.term else ""))
        right = min(self.get_string_width(running) + 1, USABLE * 0.6)
        left = USABLE - right - 4
        self.cell(left, 4, fit_text(self, plain(self.report.organisation), left), align="L")
        self.set_x(MARGIN_L + USABLE - right)
        self.cell(right, 4, fit_text(self, running, right), align="R")
        self.set_draw_color(160, 160, 160)
        self.line(MARGIN_L, 14.5, PAGE_W - MARGIN_R, 14.5)
        self.set_text_color(0, 0, 0)
        self.set_xy(MARGIN_L, MARGIN_T)

    def footer(self) -> None:
        """Nothing while the pages are written: `number_pages` writes "Trang n/N" once N is known."""

    def number_pages(self) -> None:
        """'Trang n/N' centred at the bottom of every page (no alias: user text cannot hold one)."""
        total = self.page_no()
        self.set_auto_page_break(False)
        for number in range(1, total + 1):
            self.page = number
            self.set_xy(MARGIN_L, self.h - 13)
            # fpdf2 only writes a font change into the current page's stream: change it twice so
            # that every page gets the footer's font, whatever was set last before.
            self.set_font(SERIF, "", SMALL_PT)
            self.set_font(SANS, "", SMALL_PT)
            self.set_text_color(0, 0, 0)
            self.set_text_color(90, 90, 90)
            self.cell(USABLE, 5, t("doc.pdf_page", self.lang, n=number, total=total), align="C")
        self.page = total
        self.set_text_color(0, 0, 0)

    def room(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()


# --------------------------------------------------------------------------- cover


def _key_figures(dataset: Dataset, lang: str) -> list[tuple[str, str]]:
    figures = []
    if dataset.members is not None and len(dataset.members):
        figures.append((t("doc.pdf_key_members", lang), str(len(dataset.members))))
    finance = dataset.finance
    if finance is not None and finance.entries:
        figures += [(t("doc.pdf_key_revenue", lang), chart_money(finance.total("revenue"), lang)),
                    (t("doc.pdf_key_spending", lang), chart_money(finance.total("spending"), lang)),
                    (t("doc.pdf_key_closing", lang), chart_money(finance.closing_balance, lang))]
    if dataset.targets:
        met = sum(1 for target in dataset.targets if target.status in ("Đạt", "Vượt"))
        figures.append((t("doc.pdf_key_targets", lang), f"{met}/{len(dataset.targets)}"))
    return figures[:4]


def chart_money(amount: int, lang: str | None = None) -> str:
    """310992000 → '310.992.000' ('310,992,000' in English): exact đồng, as in the tables."""
    return format_number(amount, 0, lang)


def _figure_boxes(pdf: Dossier, figures: list[tuple[str, str]]) -> None:
    if not figures:
        return
    gap = 4
    box_w = (USABLE - gap * (len(figures) - 1)) / len(figures)
    size = 15 if max(len(value) for _label, value in figures) < 10 else 12.5
    y = pdf.get_y()
    for index, (label, value) in enumerate(figures):
        x = MARGIN_L + index * (box_w + gap)
        pdf.set_fill_color(*HEADER_FILL)
        pdf.rect(x, y, box_w, 22, style="F")
        pdf.set_text_color(*NAVY)
        pdf.set_font(SANS, "B", size)
        pdf.set_xy(x, y + 3)
        pdf.cell(box_w, 9, value, align="C")
        pdf.set_font(SANS, "", SMALL_PT)
        pdf.set_text_color(40, 40, 40)
        pdf.set_xy(x + 1, y + 13)
        pdf.multi_cell(box_w - 2, 3.6, label, align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(MARGIN_L, y + 28)


def _bullets(pdf: Dossier, sentences: list[str], size: float = BODY_PT - 0.5) -> None:
    pdf.set_font(SERIF, "", size)
    for sentence in sentences:
        pdf.room(LINE * 2)
        pdf.set_x(MARGIN_L + 2)
        pdf.cell(5, LINE, "•")
        pdf.multi_cell(USABLE - 7, LINE, plain(sentence), align="J", new_x="LMARGIN")


def _cover(pdf: Dossier, dataset: Dataset) -> None:
    report, lang = pdf.report, pdf.lang
    pdf.add_page()
    pdf.set_font(SERIF, "B", 13)
    pdf.multi_cell(USABLE, 6.5, plain(report.organisation), align="C", new_x="LMARGIN")
    pdf.set_draw_color(0, 0, 0)
    pdf.line(PAGE_W / 2 - 20 + (MARGIN_L - MARGIN_R) / 2, pdf.get_y() + 1.5,
             PAGE_W / 2 + 20 + (MARGIN_L - MARGIN_R) / 2, pdf.get_y() + 1.5)
    pdf.set_y(pdf.get_y() + 45)
    pdf.set_font(SERIF, "B", 19)
    pdf.set_text_color(*NAVY)
    pdf.multi_cell(USABLE, 10, plain(report.title), align="C", new_x="LMARGIN")
    if report.term:
        pdf.set_font(SERIF, "B", 15)
        pdf.multi_cell(USABLE, 9, plain(report.term), align="C", new_x="LMARGIN")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font(SERIF, "I", 11)
    pdf.multi_cell(USABLE, 7, t("doc.pdf_subject", lang), align="C", new_x="LMARGIN")
    pdf.set_y(pdf.get_y() + 18)
    _figure_boxes(pdf, _key_figures(dataset, lang))
    summary = findings.overview_summary(dataset, lang)
    if summary:
        pdf.set_font(SERIF, "B", HEAD_PT)
        pdf.cell(USABLE, 8, t("doc.pdf_summary", lang), new_x="LMARGIN", new_y="NEXT")
        _bullets(pdf, summary)
    if not report.sections:
        pdf.set_font(SERIF, "I", BODY_PT)
        pdf.multi_cell(USABLE, LINE, report.empty_note, align="C", new_x="LMARGIN")


# --------------------------------------------------------------------------- blocks


def _paragraph(pdf: Dossier, block: Paragraph) -> None:
    style = ("B" if block.bold else "") + ("I" if block.italic else "")
    pdf.set_font(SERIF, style, BODY_PT)
    pdf.set_y(pdf.get_y() + block.before * 0.35)
    text = plain(block.text)
    if block.indent:
        text = "\u2003\u2003" + text  # first-line indent (two em spaces), as in the Word file
    align = {"left": "L", "center": "C", "right": "R", "justify": "J"}[block.align]
    pdf.multi_cell(USABLE, LINE, text, align=align, new_x="LMARGIN")
    pdf.set_y(pdf.get_y() + 1.5)


def _unit_note(pdf: Dossier, note: UnitNote) -> None:
    pdf.room(LINE * 5)
    pdf.set_y(pdf.get_y() + 1.5)
    pdf.set_font(SERIF, "B", BODY_PT)
    pdf.cell(USABLE / 2, LINE, plain(note.label))
    pdf.set_font(SERIF, "I", BODY_PT - 1)
    pdf.cell(USABLE / 2, LINE, plain(note.unit), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(pdf.get_y() + 1)


def _column_widths(pdf: Dossier, table: Table, size: float) -> list[float]:
    """The width of each amount column (after the label) that keeps its numbers on one line."""
    pdf.set_font(SANS, "B", size)
    widths = []
    for col in range(1, len(table.header)):
        numbers = [pdf.get_string_width(cells[col]) for cells, _bold in table.rows]
        words = [pdf.get_string_width(word) for word in table.header[col].split()]
        widths.append(max([*numbers, *words, 10]) + 2.6)
    return widths


def _amount_widths(pdf: Dossier, table: Table) -> tuple[float, list[float]] | None:
    """(font size, column widths) for an amounts table: numbers on one line, the label column ≥ 28 mm;
    None when it cannot fit the page even at 7 pt (too many years: see `split_amounts`)."""
    for size in (TABLE_PT, 8.5, 8, 7.5, 7):
        widths = _column_widths(pdf, table, size)
        label = USABLE - sum(widths)
        if label >= 28:
            return size, [label, *widths]
    return None


def split_amounts(pdf: Dossier, table: Table, size: float = 8) -> list[Table]:
    """An amounts table too wide for the page as several tables of consecutive columns, each with the
    label column (a long term printed year by year, as a report would)."""
    widths = _column_widths(pdf, table, size)
    parts: list[list[int]] = [[]]
    for col, width in enumerate(widths, start=1):
        if parts[-1] and sum(widths[c - 1] for c in parts[-1]) + width > USABLE - 35:
            parts.append([])
        parts[-1].append(col)
    return [Table(table.key, (table.header[0], *(table.header[c] for c in cols)),
                  tuple(((cells[0], *(cells[c] for c in cols)), bold) for cells, bold in table.rows),
                  (table.aligns[0], *(table.aligns[c] for c in cols)))
            for cols in parts]


def _word_widths(pdf: Dossier, table: Table, widths: list[float], size: float) -> list[float]:
    """The given widths, widened so that no word is broken inside a column ("Lần/năm"), the extra
    taken from the column with the most room to spare."""
    pdf.set_font(SANS, "B", size)
    pad = 2 * 1.1 + 0.6
    needed = [max([pdf.get_string_width(word) + pad
                   for text in (table.header[col], *(cells[col] for cells, _bold in table.rows))
                   for word in str(text).split()] or [0.0])
              for col in range(len(widths))]
    widths = list(widths)
    for col, need in enumerate(needed):
        short = need - widths[col]
        if short <= 0:
            continue
        donor = max(range(len(widths)), key=lambda c: widths[c] - needed[c])
        if donor == col or widths[donor] - needed[donor] < short:
            continue
        widths[col] += short
        widths[donor] -= short
    return widths


ALIGN = {"left": "LEFT", "center": "CENTER", "right": "RIGHT", "justify": "LEFT"}


def _table(pdf: Dossier, table: Table) -> None:
    if table.amounts:
        fitted = _amount_widths(pdf, table)
        if fitted is None:
            for part in split_amounts(pdf, table):
                _table(pdf, part)
            return
        size, widths = fitted
    else:
        size = TABLE_PT
        widths = _word_widths(pdf, table, [w * USABLE / sum(table.widths_cm) for w in table.widths_cm],
                              size)
    pdf.set_font(SANS, "", size)
    pdf.set_fill_color(255, 255, 255)
    pdf.set_draw_color(0, 0, 0)
    pdf.room(size * 1.5)
    bold = FontFace(emphasis="BOLD")
    heading = FontFace(emphasis="BOLD", fill_color=HEADER_FILL)
    with pdf.table(col_widths=widths, width=sum(widths), align="LEFT", line_height=size * 0.5,
                   headings_style=heading, repeat_headings=1, padding=(0.9, 1.1),
                   text_align=tuple(ALIGN[a] for a in table.aligns), v_align="MIDDLE") as grid:
        fill_grid(grid, table, bold)
    pdf.set_y(pdf.get_y() + 2.5)


def _block(pdf: Dossier, block: object) -> None:
    if isinstance(block, Table):
        _table(pdf, block)
    elif isinstance(block, UnitNote):
        _unit_note(pdf, block)
    elif isinstance(block, Paragraph):
        _paragraph(pdf, block)


# --------------------------------------------------------------------------- charts and findings


def _finance_charts(dataset: Dataset, lang: str) -> list[BarChart]:
    finance = dataset.finance
    years = list(finance.years)
    revenue, spending = finance.by_year("revenue"), finance.by_year("spending")
    title = f"{t('doc.chart_finance', lang)}: {findings.balance_finding(finance, lang) or ''}".rstrip(": ")
    chart = bars(title, [str(y) for y in years], [
        Series(t("doc.chart_revenue", lang), palette.SIDE_COLORS["revenue"],
               tuple(revenue.get(y, 0) / 1e6 for y in years)),
        Series(t("doc.chart_spending", lang), palette.SIDE_COLORS["spending"],
               tuple(spending.get(y, 0) / 1e6 for y in years))], columns=True, fmt=one_decimal)
    return [chart] if chart else []


def _member_charts(dataset: Dataset, lang: str) -> list[BarChart]:
    roster = dataset.members
    gender = chart_data.data_gender_donut(roster, lang)
    education = chart_data.data_education_bar(roster, lang)
    genders = [str(v) for v in gender.iloc[:, 0]]
    colors = {value_label(g, lang): color for g, color in palette.GENDER_COLORS.items()}
    out = [bars(t("doc.chart_gender", lang), genders,
                [Series(t("doc.pdf_key_members", lang), palette.NEUTRAL,
                        tuple(float(v) for v in gender.iloc[:, 1]),
                        tuple(colors.get(g, palette.UNKNOWN_COLOR) for g in genders))]),
           bars(t("doc.chart_education", lang), [str(v) for v in education.iloc[:, 0]],
                [Series(t("doc.pdf_key_members", lang), palette.NEUTRAL,
                        tuple(float(v) for v in education.iloc[:, 1]))])]
    return [chart for chart in out if chart]


def _target_charts(dataset: Dataset, lang: str) -> list[BarChart]:
    table = chart_data.data_targets_status_donut(dataset.targets, lang)
    statuses = [str(v) for v in table.iloc[:, 0]]
    colors = {value_label(status, lang): color for status, color in palette.STATUS_COLORS.items()}
    chart = bars(t("doc.chart_targets", lang), statuses, [
        Series(t("doc.col_status", lang), palette.NEUTRAL, tuple(float(v) for v in table.iloc[:, 1]),
               tuple(colors.get(status, palette.UNKNOWN_COLOR) for status in statuses))])
    return [chart] if chart else []


def _award_charts(dataset: Dataset, lang: str) -> list[BarChart]:
    table = chart_data.data_awards_by_level(dataset.awards, lang)
    levels = list(dict.fromkeys(str(v) for v in table.iloc[:, 0]))
    recipients = list(dict.fromkeys(str(v) for v in table.iloc[:, 1]))
    colors = {value_label(who, lang): color for who, color in palette.RECIPIENT_COLORS.items()}
    series = []
    for recipient in recipients:
        counts = {str(level): float(n) for level, who, n in table.itertuples(index=False)
                  if str(who) == recipient}
        series.append(Series(recipient, colors.get(recipient, palette.NEUTRAL),
                             tuple(counts.get(level, 0.0) for level in levels)))
    chart = bars(t("doc.chart_awards", lang), levels, series)
    return [chart] if chart else []


def _rules_charts(dataset: Dataset, lang: str) -> list[BarChart]:
    from unionboard.export.rules_report import groups_pdf_charts  # it builds on this module

    return groups_pdf_charts(dataset, lang)


CHARTS: dict[str, ChartBuilder] = {
    "members": _member_charts, "finance": _finance_charts, "targets": _target_charts,
    "awards": _award_charts, "rules": _rules_charts,
}


def section_findings(dataset: Dataset, key: str, lang: str) -> list[str]:
    """The finding sentences (analysis.findings) shown under a section's text."""
    if key == "members":
        roster = dataset.members
        found = [findings.gender_finding(roster, lang), findings.education_finding(roster, lang),
                 findings.political_theory_finding(roster, lang), findings.party_finding(roster, lang),
                 findings.department_finding(roster, lang),
                 findings.age_finding(roster, lang, age_reference(dataset))]
    elif key == "finance":
        finance = dataset.finance
        found = [findings.largest_source(finance, lang), findings.most_stable_source(finance, lang),
                 findings.largest_category(finance, lang), findings.peak_spending_year(finance, lang),
                 findings.balance_finding(finance, lang), findings.closing_finding(finance, lang)]
    elif key == "targets":
        found = [findings.targets_finding(dataset.targets, lang),
                 findings.numeric_targets_finding(dataset.targets, lang)]
    elif key == "awards":
        found = [findings.awards_level_finding(dataset.awards, lang),
                 findings.awards_year_finding(dataset.awards, lang)]
    else:
        found = []
    return [f"{sentence}." for sentence in found if sentence]


def _charts(pdf: Dossier, charts: list[BarChart]) -> None:
    """Charts two to a row when they are bars, one full-width row for columns."""
    pending = list(charts)
    while pending:
        chart = pending.pop(0)
        if chart.columns or not pending or pending[0].columns:
            height = chart.height(pdf, USABLE)
            pdf.room(height + 4)
            y = pdf.get_y() + 2
            chart.draw(pdf, MARGIN_L, y, USABLE)
            pdf.set_xy(MARGIN_L, y + height + 4)
            continue
        other = pending.pop(0)
        half = (USABLE - 8) / 2
        height = max(chart.height(pdf, half), other.height(pdf, half))
        pdf.room(height + 4)
        y = pdf.get_y() + 2
        chart.draw(pdf, MARGIN_L, y, half)
        other.draw(pdf, MARGIN_L + half + 8, y, half)
        pdf.set_xy(MARGIN_L, y + height + 4)


def _signature(pdf: Dossier) -> bool:
    """The signature block; True when it had to start a page of its own (the caller then lays out again)."""
    report = pdf.report
    lines = [(report.sign_for, "B"), (report.sign_role, "B"), ("", ""), ("", ""), ("", "")]
    if report.chair:
        lines.append((report.chair, "B"))
    page = pdf.page
    pdf.room(len(lines) * LINE + 8)
    alone = pdf.page != page
    pdf.set_y(pdf.get_y() + 6)
    for text, style in lines:
        pdf.set_font(SERIF, style, BODY_PT)
        pdf.set_x(MARGIN_L + USABLE - 80)
        pdf.cell(80, LINE, plain(text), align="C", new_x="LMARGIN", new_y="NEXT")
    return alone


def _sections(pdf: Dossier, dataset: Dataset, extra_charts: Mapping[str, ChartBuilder],
              carry: bool = False) -> None:
    """Every section; `carry`: the last section's last part (its charts, else its last block) starts a
    page, so that the signature never stands alone on the last page."""
    numbered = list(pdf.report.numbered())
    for index, (heading, section) in enumerate(numbered):
        last = carry and index == len(numbered) - 1
        pdf.room(50)  # the heading never ends a page: it keeps its text or table's first rows
        pdf.set_y(pdf.get_y() + 3)
        pdf.set_font(SERIF, "B", HEAD_PT)
        pdf.set_text_color(*NAVY)
        pdf.start_section(plain(heading))
        pdf.multi_cell(USABLE, 7, plain(heading), align="L", new_x="LMARGIN")
        pdf.set_text_color(0, 0, 0)
        pdf.set_y(pdf.get_y() + 1.5)
        charts = []
        for builders in (CHARTS, extra_charts):
            if section.key in builders:
                charts += builders[section.key](dataset, pdf.lang)
        for i, block in enumerate(section.blocks):
            if last and not charts and i == len(section.blocks) - 1 and i > 0:
                pdf.add_page()
            _block(pdf, block)
        _bullets(pdf, section_findings(dataset, section.key, pdf.lang))
        if last and charts:
            pdf.add_page()
        _charts(pdf, charts)


def dataset_to_pdf(dataset: Dataset, lang: str = "vi", extra_sections: tuple[Section, ...] = (),
                   extra_charts: Mapping[str, ChartBuilder] | None = None) -> bytes:
    """The data set as an A4 PDF dossier (bytes).

    `extra_sections` (e.g. the congress day's credentials report and election result, built as
    `report.Section(heading, (Paragraph(...), Table(...)), key)`) follow the data's sections;
    `extra_charts` maps a section key to a function (dataset, lang) → list of `pdf_charts.BarChart`.
    """
    with numbers_in(lang):  # every figure of the file in its language (18,777,000 in English)
        report = build_report(dataset, lang, tuple(extra_sections))
        for carry in (False, True):  # laid out again only when the signature would stand alone on the last page
            pdf = Dossier(report, lang)
            _cover(pdf, dataset)
            if not report.sections:
                break
            pdf.add_page()
            _sections(pdf, dataset, extra_charts or {}, carry)
            if not _signature(pdf):
                break
        pdf.number_pages()
        return bytes(pdf.output())


__all__ = ["dataset_to_pdf", "font_files", "font_dirs", "FontMissing", "Dossier", "section_findings",
           "CHARTS"]
