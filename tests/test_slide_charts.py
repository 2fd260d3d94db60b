"""Large-type slide charts: the figure of each Slide.chart key shows the data, in fonts the hall can read."""

import pytest

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.present.slide_charts import (
    CHART_KEYS,
    MIN_FONT_SIZE,
    SLIDE_CHART_HEIGHT,
    font_sizes,
    slide_figure,
)
from unionboard.present.slides import SLIDE_KEYS, build_slides
from unionboard.sample.report import sample_paths


@pytest.fixture(scope="module")
def dataset():
    return check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()]).dataset


def dong(fig, name=None) -> int:
    """Sum of the bars (triệu đồng on the axis) back in đồng."""
    return round(sum(sum(t.y) for t in fig.data if t.type == "bar" and (name is None or t.name == name))
                 * 1_000_000)


def test_every_chart_key_of_the_deck_has_a_figure(dataset):
    keys = {s.chart for s in build_slides(dataset, "vi", list(SLIDE_KEYS)) if s.chart}
    assert keys <= set(CHART_KEYS)
    for key in keys:
        assert slide_figure(key, dataset) is not None, key


@pytest.mark.parametrize("key", [k for k in CHART_KEYS if k != "finance_rules"])  # the sample checks no rule
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_fonts_are_large_and_there_is_no_chart_title(dataset, key, lang):
    fig = slide_figure(key, dataset, lang)
    sizes = font_sizes(fig)
    assert sizes and min(sizes) >= MIN_FONT_SIZE >= 20, (key, sorted(set(sizes)))
    assert not fig.layout.title.text  # the slide shows its own title and finding
    assert fig.layout.height == SLIDE_CHART_HEIGHT
    assert fig.layout.separators == (",." if lang == "vi" else ".,")


def test_revenue_and_spending_equal_the_report(dataset):
    assert dong(slide_figure("revenue_by_year", dataset)) == 310_992_000
    assert dong(slide_figure("spending_by_year", dataset)) == 308_835_000


def test_balance_chart_has_revenue_spending_and_closing_balance(dataset):
    fig = slide_figure("balance_by_year", dataset)
    bars = [t for t in fig.data if t.type == "bar"]
    assert [round(sum(t.y) * 1_000_000) for t in bars] == [310_992_000, 308_835_000]
    line = next(t for t in fig.data if t.type == "scatter")
    assert round(line.y[-1] * 1_000_000) == 2_157_000
    low, high = fig.layout.yaxis.range
    assert low < min(line.y) and high > max(max(t.y) for t in bars)  # room for the labels


def test_gender_donut_counts_members(dataset):
    pie = slide_figure("gender", dataset).data[0]
    assert dict(zip(pie.labels, pie.values, strict=True)) == {"Nam · 16 (48,5%)": 16, "Nữ · 17 (51,5%)": 17}


def test_awards_by_level_sum_to_the_awards(dataset):
    fig = slide_figure("awards_by_level", dataset)
    assert sum(sum(t.x) for t in fig.data) == 38


def test_target_bars_are_the_numeric_targets_with_their_whole_text(dataset):
    fig = slide_figure("targets_result", dataset)
    bars = [y for t in fig.data if t.type == "bar" for y in t.y]
    assert len(bars) == 6
    texts = [a.text.replace("<br>", " ") for a in fig.layout.annotations]
    assert len(texts) == 6 and not any("…" in t for t in texts)
    # left of the bars, at least the slide's smallest type, at most two lines each
    assert fig.layout.xaxis.domain[0] >= 0.5
    assert all(a.font.size >= MIN_FONT_SIZE and a.text.count("<br>") <= 1 for a in fig.layout.annotations)


def test_no_chart_and_unknown_key(dataset):
    assert slide_figure(None, dataset) is None
    with pytest.raises(ValueError, match="không có"):
        slide_figure("pie_in_the_sky", dataset)


def test_height_left_to_the_page(dataset):
    assert slide_figure("revenue_by_year", dataset, height=None).layout.height is None
