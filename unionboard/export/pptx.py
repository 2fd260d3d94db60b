"""The congress deck as a PowerPoint file: 16:9, large fonts, native (editable) charts, speaker notes.

`dataset_to_pptx(dataset)` draws the slides of `slides.build_slides` — the same deck the dashboard's
slide mode shows. Charts are PowerPoint charts built from the data (python-pptx `add_chart`), never
pictures, so the presenter can restyle or correct them in PowerPoint. Amounts in charts are in
triệu đồng (the value axis says so); the speaker notes carry every figure in exact đồng.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from unionboard.analysis.finance_rules import check_dataset
from unionboard.core.i18n import t
from unionboard.core.models import GENDERS, RECIPIENT_TYPES, STATUSES, Dataset
from unionboard.core.text import format_number, numbers_in
from unionboard.present import charts as chart_data
from unionboard.present import palette, rule_charts
from unionboard.present.qr import qr_png
from unionboard.present.slide_charts import hall_results
from unionboard.present.slides import Slide, build_slides, short_label, strings

SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12_192_000), Emu(6_858_000)  # 13.333 × 7.5 in (16:9)
FONT = "Arial"

NAVY = RGBColor(0x1F, 0x38, 0x64)
INK = RGBColor(0x1A, 0x1A, 0x1A)
GREY = RGBColor(0x40, 0x40, 0x40)
GRID = RGBColor(0xBF, 0xBF, 0xBF)
WHITE = RGBColor(0xFF, 0xFF, 0xFF)
PALE = RGBColor(0xDD, 0xE6, 0xF2)
# The charts' numbers come from the dashboard's chart-data functions (`present/charts.data_*`) and their
# colours from `present/palette`: a source, a gender, a status has one colour on the page, the slide, the
# PDF and here.


def _rgb(colour: str) -> RGBColor:
    """'#0072B2' → RGBColor."""
    return RGBColor.from_string(colour.lstrip("#").upper())


def _by_term(colours: dict, lang: str) -> dict[str, RGBColor]:
    """{the value as the data tables name it in `lang`: colour} from a palette map keyed by the value."""
    return {chart_data.term(value, lang): _rgb(colour) for value, colour in colours.items()}


ACCENT = _rgb(palette.VERMILLION)  # the rule under a slide's title

TITLE_PT, FINDING_PT, NUMBER_PT, LABEL_PT = 40, 24, 44, 18
CHART_PT, CHART_SMALL_PT = 16, 14
MARGIN = Inches(0.6)


def _fit(text: str, width_in: float, lines: int, base: int, smallest: int) -> int:
    """Largest size ≤ base (≥ smallest) at which `text` fits `lines` lines of `width_in` inches."""
    em = 0.66 if text.isupper() else 0.55  # average Arial character width, capitals are wider
    size = base
    while size > smallest:
        per_line = width_in / (size / 72 * em)
        if len(text) <= per_line * lines:
            break
        size -= 2
    return size


def _text(slide, left, top, width, height, paragraphs, anchor=MSO_ANCHOR.TOP):
    """A text box; paragraphs are (text, size_pt, bold, colour, alignment)."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    frame.margin_left = frame.margin_right = Inches(0.05)
    for index, (text, size, bold, colour, align) in enumerate(paragraphs):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = text
        run.font.name = FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = colour
    return box


def _style_chart(chart, legend: bool = True) -> None:
    chart.font.name = FONT
    chart.font.size = Pt(CHART_PT)
    chart.font.color.rgb = INK
    chart.has_title = False
    chart.has_legend = legend
    if legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(CHART_PT)


def _value_axis(chart, title: str, number_format: str = "#,##0") -> None:
    axis = chart.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = GRID
    axis.tick_labels.number_format = number_format
    axis.tick_labels.number_format_is_linked = False
    axis.tick_labels.font.size = Pt(CHART_SMALL_PT)
    axis.format.line.color.rgb = GRID
    if title:
        axis.has_title = True
        axis.axis_title.text_frame.text = title
        run = axis.axis_title.text_frame.paragraphs[0].runs[0]
        run.font.size = Pt(CHART_SMALL_PT)
        run.font.bold = False
        run.font.name = FONT


def _colour_series(chart, colours: list[RGBColor]) -> None:
    for series, colour in zip(chart.plots[0].series, colours, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = colour


def _colour_points(series, colours: list[RGBColor]) -> None:
    for point, colour in zip(series.points, colours, strict=True):
        point.format.fill.solid()
        point.format.fill.fore_color.rgb = colour


def _labels(plot, number_format: str, size: int, colour: RGBColor, position=None) -> None:
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.number_format = number_format
    labels.number_format_is_linked = False
    labels.font.size = Pt(size)
    labels.font.color.rgb = colour
    labels.font.name = FONT
    if position is not None:
        labels.position = position


def _written_labels(plot, decimals: int, suffix: str = "") -> None:
    """Each bar's label written by the one formatter — the deck's separators ("59.8" in English, "59,8" in
    Vietnamese) and the one rounding rule, whatever the viewer's locale; a number format alone would be
    shown with the separators of the computer that opens the file."""
    for series in plot.series:
        for point, value in zip(series.points, series.values, strict=True):
            frame = point.data_label.text_frame
            frame.text = f"{format_number(value, decimals)}{suffix}"
            font = frame.paragraphs[0].runs[0].font
            font.size, font.name = plot.data_labels.font.size, FONT
            font.color.rgb = plot.data_labels.font.color.rgb
            point.data_label.position = plot.data_labels.position


def _million(amount: int) -> float:
    return amount / 1_000_000


def _year_label(year: int, s: dict[str, str]) -> str:
    return str(year) if s["year"] == "{year}" else s["year"].format(year=year)


def _finance_chart(slide, dataset: Dataset, side: str, s, lang: str, x, y, cx, cy):
    """Stacked columns per year, one series per source / category (the dashboard's table and colours)."""
    finance = dataset.finance
    data_of = chart_data.data_revenue_by_year if side == "revenue" else chart_data.data_spending_by_year
    table = data_of(finance, lang)
    years, items = list(dict.fromkeys(table.iloc[:, 0])), list(dict.fromkeys(table.iloc[:, 1]))
    amounts = {(year, item): amount for year, item, amount in table.itertuples(index=False)}
    data = CategoryChartData(number_format="#,##0.0")
    data.categories = [_year_label(int(year), s) for year in years]
    for item in items:
        data.add_series(str(item), [_million(int(amounts.get((year, item), 0))) for year in years])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_STACKED, x, y, cx, cy, data).chart
    _style_chart(chart)
    _value_axis(chart, s["million"])
    colours = palette.colors_for(finance, side)
    _colour_series(chart, [_rgb(colours.get(item) or palette.color_for(item, side)) for item in items])
    chart.plots[0].gap_width = 60
    chart.category_axis.tick_labels.font.size = Pt(CHART_PT)
    chart.category_axis.format.line.color.rgb = GRID
    return chart


def _balance_chart(slide, dataset: Dataset, s, lang: str, x, y, cx, cy):
    """Revenue and spending per year side by side (the dashboard's balance table and side colours)."""
    table = chart_data.data_balance_by_year(dataset.finance, lang)
    data = CategoryChartData(number_format="#,##0.0")
    data.categories = [_year_label(int(year), s) for year in table.iloc[:, 0]]
    data.add_series(s["revenue"], [_million(int(v)) for v in table.iloc[:, 1]])
    data.add_series(s["spending"], [_million(int(v)) for v in table.iloc[:, 2]])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, x, y, cx, cy, data).chart
    _style_chart(chart)
    _value_axis(chart, s["million"])
    _colour_series(chart, [_rgb(palette.SIDE_COLORS["revenue"]), _rgb(palette.SIDE_COLORS["spending"])])
    plot = chart.plots[0]
    plot.gap_width, plot.overlap = 60, -10
    _labels(plot, "#,##0.0", CHART_SMALL_PT, INK, XL_LABEL_POSITION.OUTSIDE_END)
    _written_labels(plot, 1)
    chart.category_axis.tick_labels.font.size = Pt(CHART_PT)
    return chart


def _gender_chart(slide, dataset: Dataset, s, lang: str, x, y, cx, cy):
    """Members per gender, those of unknown gender included (the dashboard's donut table)."""
    table = chart_data.data_gender_donut(dataset.members, lang)
    genders = [str(g) for g in table.iloc[:, 0]]
    data = CategoryChartData(number_format="0")
    data.categories = genders
    data.add_series(s["n_members"], [int(n) for n in table.iloc[:, 1]])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.DOUGHNUT, x, y, cx, cy, data).chart
    _style_chart(chart)
    plot = chart.plots[0]
    colours = _by_term({g: palette.gender_color(g) for g in (*GENDERS, None)}, lang)
    _colour_points(plot.series[0], [colours[g] for g in genders])
    _labels(plot, "0", 24, WHITE)
    plot.data_labels.show_value = True
    plot.data_labels.font.bold = True
    return chart


def _targets_chart(slide, dataset: Dataset, s, lang: str, x, y, cx, cy):
    """Each numeric target's result as % of its target (the dashboard's bullet table), coloured by status."""
    table = chart_data.data_targets_bullets(dataset.targets, lang)
    if table.empty:
        return None
    # Targets mix units (%, people, times): both series are shown as % of the target.
    rows = list(table.itertuples(index=False))[::-1]  # bars list bottom-up: the report's first on top
    data = CategoryChartData(number_format='0"%"')
    data.categories = [short_label(str(row[0]), 40) for row in rows]
    data.add_series(s["target_series"], [100.0 for _ in rows])
    data.add_series(s["result_series"], [float(row[4]) for row in rows])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, x, y, cx, cy, data).chart
    _style_chart(chart)
    _value_axis(chart, s["percent_of_target"], '0"%"')
    chart.value_axis.minimum_scale = 0
    plot = chart.plots[0]
    _colour_series(chart, [_rgb(palette.LIGHT_GREY), _rgb(palette.NEUTRAL)])  # the reference in grey
    colours = _by_term({status: palette.status_color(status) for status in STATUSES}, lang)
    _colour_points(plot.series[1], [colours.get(str(row[5]), _rgb(palette.UNKNOWN_COLOR)) for row in rows])
    plot.gap_width, plot.overlap = 50, -10
    _labels(plot, '0"%"', CHART_SMALL_PT, INK, XL_LABEL_POSITION.OUTSIDE_END)
    _written_labels(plot, 0, "%")
    chart.category_axis.tick_labels.font.size = Pt(CHART_SMALL_PT)
    return chart


def _awards_chart(slide, dataset: Dataset, s, lang: str, x, y, cx, cy):
    """Awards per level, stacked by recipient (the dashboard's table and colours), lowest level on top."""
    table = chart_data.data_awards_by_level(dataset.awards, lang)
    levels = list(dict.fromkeys(str(v) for v in table.iloc[:, 0]))[::-1]  # bars list bottom-up
    recipients = list(dict.fromkeys(str(v) for v in table.iloc[:, 1]))
    counts = {(str(level), str(who)): int(n) for level, who, n in table.itertuples(index=False)}
    data = CategoryChartData(number_format="0")
    data.categories = levels
    for who in recipients:
        data.add_series(who, [counts.get((level, who), 0) for level in levels])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_STACKED, x, y, cx, cy, data).chart
    _style_chart(chart, legend=len(recipients) > 1)
    _value_axis(chart, s["count_series"], "0")
    chart.value_axis.minimum_scale = 0
    colours = _by_term({who: palette.RECIPIENT_COLORS.get(who, palette.NEUTRAL) for who in RECIPIENT_TYPES},
                       lang)
    _colour_series(chart, [colours.get(who, _rgb(palette.NEUTRAL)) for who in recipients])
    plot = chart.plots[0]
    plot.gap_width = 50
    _labels(plot, "0", CHART_PT, WHITE, XL_LABEL_POSITION.CENTER)
    chart.category_axis.tick_labels.font.size = Pt(CHART_PT)
    return chart


def _rules_chart(slide, dataset: Dataset, s, lang: str, x, y, cx, cy):
    """Each checked figure as % of its limit (the finance page's data function, the hall slide's results: the
    violations and the latest year), ✔/✖ by status in the status colours."""
    table = rule_charts.data_rules_chart(hall_results(check_dataset(dataset)), lang)
    if table.empty:
        return None
    rows = list(table.itertuples(index=False))[::-1]  # bars list bottom-up: violations on top
    data = CategoryChartData(number_format='0.0"%"')
    states = [rule_charts.status_of(row[1], lang) for row in rows]
    data.categories = [f"{rule_charts.SYMBOLS[state]} {row[0]}" for state, row in zip(states, rows, strict=True)]
    data.add_series(s["rules_percent_of_limit"], [float(row[4]) for row in rows])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, x, y, cx, cy, data).chart
    _style_chart(chart, legend=False)
    _value_axis(chart, s["rules_percent_of_limit"], '0"%"')
    chart.value_axis.minimum_scale = 0
    plot = chart.plots[0]
    _colour_points(plot.series[0], [_rgb(rule_charts.STATUS_COLORS[state]) for state in states])
    plot.gap_width = 50
    _labels(plot, '0.0"%"', CHART_SMALL_PT, INK, XL_LABEL_POSITION.OUTSIDE_END)
    _written_labels(plot, 1, "%")
    chart.category_axis.tick_labels.font.size = Pt(CHART_SMALL_PT)
    return chart


CHARTS = {
    "gender": _gender_chart,
    "revenue_by_year": lambda slide, d, s, lang, *box: _finance_chart(slide, d, "revenue", s, lang, *box),
    "spending_by_year": lambda slide, d, s, lang, *box: _finance_chart(slide, d, "spending", s, lang, *box),
    "balance_by_year": _balance_chart,
    "targets_result": _targets_chart,
    "awards_by_level": _awards_chart,
    "finance_rules": _rules_chart,
}


QR_SIDE, QR_MARGIN = Inches(1.7), Inches(0.35)


def _title_slide(slide, spec: Slide, qr_url: str | None = None, lang: str = "vi") -> None:
    background = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, SLIDE_WIDTH, SLIDE_HEIGHT)
    background.fill.solid()
    background.fill.fore_color.rgb = NAVY
    background.line.fill.background()
    width = SLIDE_WIDTH - 2 * Inches(0.8)
    name = spec.title.upper()
    _text(slide, Inches(0.8), Inches(1.3), width, Inches(2.4),
          [(name, _fit(name, width / 914_400, 2, 48, 32), True, WHITE, PP_ALIGN.CENTER)],
          anchor=MSO_ANCHOR.BOTTOM)
    rule = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(5.67), Inches(3.95), Inches(2),
                                  Inches(0.06))
    rule.fill.solid()
    rule.fill.fore_color.rgb = PALE
    rule.line.fill.background()
    lines = [(spec.finding, 36, True, WHITE, PP_ALIGN.CENTER)]
    lines += [(f"{label} {value}".strip(), 30, False, PALE, PP_ALIGN.CENTER)
              for label, value in spec.numbers]
    lines_left = Inches(0.8)
    if qr_url:  # bottom right, on its white quiet zone, its caption above; the lines keep clear of both
        left, top = SLIDE_WIDTH - QR_MARGIN - QR_SIDE, SLIDE_HEIGHT - QR_MARGIN - QR_SIDE
        slide.shapes.add_picture(io.BytesIO(qr_png(qr_url)), left, top, QR_SIDE, QR_SIDE).name = "QR"
        _text(slide, left, top - Inches(0.7), QR_SIDE, Inches(0.65),
              [(t("qr.caption", lang), 14, False, PALE, PP_ALIGN.CENTER)], anchor=MSO_ANCHOR.BOTTOM)
        lines_left = QR_MARGIN + QR_SIDE + Inches(0.2)
    _text(slide, lines_left, Inches(4.25), SLIDE_WIDTH - 2 * lines_left, Inches(2.4), lines)


def _header(slide, spec: Slide) -> None:
    width = SLIDE_WIDTH - 2 * MARGIN
    _text(slide, MARGIN, Inches(0.3), width, Inches(0.85),
          [(spec.title, _fit(spec.title, width / 914_400, 1, TITLE_PT, 36), True, NAVY, PP_ALIGN.LEFT)],
          anchor=MSO_ANCHOR.MIDDLE)
    bar = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, MARGIN, Inches(1.18), Inches(1.6), Inches(0.08))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    _text(slide, MARGIN, Inches(1.35), width, Inches(0.8),
          [(spec.finding, _fit(spec.finding, width / 914_400, 1, 28, FINDING_PT), False, INK,
            PP_ALIGN.LEFT)])


def _numbers_column(slide, numbers, left, top, width, height) -> None:
    if not numbers:
        return
    step = min(Inches(1.55), height // len(numbers))
    for index, (label, value) in enumerate(numbers):
        value_pt = _fit(value, width / 914_400, 1, NUMBER_PT, 40)
        _text(slide, left, top + index * step, width, step,
              [(value, value_pt, True, NAVY, PP_ALIGN.LEFT),
               (label, _fit(label, width / 914_400, 2, LABEL_PT, 14), False, GREY, PP_ALIGN.LEFT)])


def _numbers_row(slide, numbers, top) -> None:
    if not numbers:
        return
    width = (SLIDE_WIDTH - 2 * MARGIN) // len(numbers)
    for index, (label, value) in enumerate(numbers):
        _text(slide, MARGIN + index * width, top, width, Inches(1.5),
              [(value, _fit(value, width / 914_400, 1, 54, 40), True, NAVY, PP_ALIGN.CENTER),
               (label, _fit(label, width / 914_400, 2, 20, 14), False, GREY, PP_ALIGN.CENTER)])


def _term_targets_list(slide, dataset: Dataset, top) -> None:
    items = dataset.term_targets or ()
    lines = [f"{t.code} {short_label(t.text, 95)}" for t in items]
    size = 18 if len(lines) <= 9 else 16 if len(lines) <= 11 else 14
    _text(slide, MARGIN, top, SLIDE_WIDTH - 2 * MARGIN, SLIDE_HEIGHT - top - Inches(0.3),
          [(line, size, False, INK, PP_ALIGN.LEFT) for line in lines])


def _content_slide(slide, spec: Slide, dataset: Dataset, s: dict[str, str], lang: str) -> None:
    _header(slide, spec)
    body_top = Inches(2.25)
    body_height = SLIDE_HEIGHT - body_top - Inches(0.3)
    chart_maker = CHARTS.get(spec.chart) if spec.chart else None
    if chart_maker is not None:
        numbers_width = Inches(3.5)
        _numbers_column(slide, spec.numbers, MARGIN, body_top, numbers_width, body_height)
        left = MARGIN + numbers_width + Inches(0.3)
        chart = chart_maker(slide, dataset, s, lang, left, body_top - Inches(0.1),
                            SLIDE_WIDTH - left - Inches(0.4), body_height + Inches(0.1))
        if chart is not None:
            return
    _numbers_row(slide, spec.numbers, body_top)
    if spec.key == "term_targets":
        _term_targets_list(slide, dataset, body_top + Inches(1.6))


def dataset_to_pptx(dataset: Dataset, order: list[str] | None = None, lang: str = "vi",
                    qr_url: str | None = None) -> bytes:
    """The deck as .pptx bytes: the slides of `build_slides(dataset, lang, order)`; with `qr_url` (the
    checked `UNIONBOARD_PUBLIC_URL`) the title slide carries its QR code."""
    with numbers_in(lang):  # every figure of the file in its language (18,777,000 in English)
        s = strings(lang)
        prs = Presentation()
        prs.slide_width, prs.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
        prs.core_properties.title = dataset.info.name
        prs.core_properties.author = "unionboard"
        blank = prs.slide_layouts[6]
        for spec in build_slides(dataset, lang=lang, order=order):
            slide = prs.slides.add_slide(blank)
            if spec.key == "title":
                _title_slide(slide, spec, qr_url, lang)
            else:
                _content_slide(slide, spec, dataset, s, lang)
            slide.notes_slide.notes_text_frame.text = spec.notes
        out = io.BytesIO()
        prs.save(out)
        return out.getvalue()
