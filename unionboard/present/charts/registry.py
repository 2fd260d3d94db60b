"""Each dashboard chart registered once: the function giving its table and the one drawing its figure from it.

Pages, slides, the PowerPoint deck and the PDF dossier take their numbers from the same data function
(`CHARTS[key].data`, also importable as `charts.data_<key>`); only the page and the slides draw the figure.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from unionboard.present.charts.style import Chart, build_chart


@dataclass(frozen=True, eq=False)
class ChartDef:
    """A registered chart: calling it with the data function's arguments builds its `Chart` (table built once,
    figure drawn from it), or None when `only_if(first argument)` is false or the figure has nothing to show."""

    key: str
    data: Callable[..., pd.DataFrame]
    draw: Callable[..., go.Figure | None]
    only_if: Callable[[Any], bool] | None = None

    @functools.cached_property
    def _signature(self) -> inspect.Signature:
        return inspect.signature(self.data)

    def __call__(self, *args: object, **kwargs: object) -> Chart | None:
        """The chart of these arguments (those of `data`), or None."""
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        arguments = bound.arguments
        if self.only_if is not None and not self.only_if(next(iter(arguments.values()))):
            return None
        # by name: `build_chart` reads the language from the keywords (the figure's separators)
        return build_chart(self.data, self.draw, **arguments)


CHARTS: dict[str, ChartDef] = {}  # chart key → its definition, in the order the area modules register them


def chart(key: str, data: Callable[..., pd.DataFrame], *, only_if: Callable[[Any], bool] | None = None,
          registry: dict[str, ChartDef] | None = None) -> Callable[[Callable[..., go.Figure | None]], ChartDef]:
    """Register the decorated draw function `draw(table, *data's arguments)` as chart `key` with its data
    function; the name it is bound to becomes the chart's builder (`gender_donut(roster, lang) → Chart`)."""
    target = CHARTS if registry is None else registry

    def register(draw: Callable[..., go.Figure | None]) -> ChartDef:
        wanted = list(inspect.signature(data).parameters)
        drawn = list(inspect.signature(draw).parameters)[1:]
        if drawn != wanted:
            raise TypeError(f"chart {key!r}: draw takes (table, {', '.join(drawn)}), data ({', '.join(wanted)})")
        if key in target:
            raise ValueError(f"chart {key!r} is registered twice")
        target[key] = ChartDef(key, data, draw, only_if)
        return target[key]

    return register
