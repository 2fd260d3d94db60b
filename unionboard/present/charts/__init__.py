"""Chart builders: domain objects → `Chart` (a `plotly.graph_objects.Figure` and its table), ready to project
in a hall.

Pure functions, no Streamlit. The look every chart shares is in `style`, each area's charts in their own
module (`members`, `finance`, `targets`, `awards`), each registered once in `registry.CHARTS`: the builder
`x(obj, lang="vi")` builds the table with `data_x(obj, lang)` — the exact table behind the chart (amounts in
đồng, int), which a page can offer for download and the deck and dossier draw from — and draws the figure
from it. This package re-exports the names the pages and exports use.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from unionboard.present.charts.awards import (
    award_bucket,
    awards_by_level,
    awards_by_year,
    data_awards_by_level,
    data_awards_by_year,
)
from unionboard.present.charts.finance import (
    balance_by_year,
    data_balance_by_year,
    data_revenue_by_year,
    data_revenue_share,
    data_spending_by_year,
    data_spending_share,
    data_term_waterfall,
    revenue_by_year,
    revenue_share,
    spending_by_year,
    spending_share,
    term_waterfall,
)
from unionboard.present.charts.members import (
    age_histogram,
    data_age_histogram,
    data_department_bar,
    data_education_bar,
    data_gender_donut,
    data_party_by_gender,
    data_political_theory_bar,
    department_bar,
    education_bar,
    gender_donut,
    party_by_gender,
    political_theory_bar,
)
from unionboard.present.charts.registry import CHARTS, ChartDef, chart
from unionboard.present.charts.rules import (
    data_groups_caps,
    data_rules_chart,
    groups_caps,
    rules_chart,
)
from unionboard.present.charts.style import (
    Chart,
    build_chart,
    copy_figure,
    labels,
    shared_style,
    take_title,
    term,
    white_template,
)
from unionboard.present.charts.targets import (
    data_targets_bullets,
    data_targets_status_donut,
    target_label,
    targets_bullets,
    targets_figure,
    targets_status_donut,
)

# chart key → the function giving the table behind it (every data function takes (obj, lang=...))
DATA_FUNCTIONS: dict[str, Callable[..., pd.DataFrame]] = {key: c.data for key, c in CHARTS.items()}

__all__ = [
    "CHARTS", "DATA_FUNCTIONS", "Chart", "ChartDef", "age_histogram", "award_bucket", "awards_by_level",
    "awards_by_year", "balance_by_year", "build_chart", "chart", "copy_figure", "data_age_histogram",
    "data_awards_by_level", "data_awards_by_year", "data_balance_by_year", "data_department_bar",
    "data_education_bar", "data_gender_donut", "data_groups_caps", "data_rules_chart", "groups_caps", "rules_chart", "data_party_by_gender", "data_political_theory_bar",
    "data_revenue_by_year", "data_revenue_share", "data_spending_by_year", "data_spending_share",
    "data_targets_bullets", "data_targets_status_donut", "data_term_waterfall", "department_bar",
    "education_bar", "gender_donut", "labels", "party_by_gender", "political_theory_bar", "revenue_by_year",
    "revenue_share", "shared_style", "spending_by_year", "spending_share", "take_title", "target_label",
    "targets_bullets", "targets_figure", "targets_status_donut", "term", "term_waterfall", "white_template",
]
