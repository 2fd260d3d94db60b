"""`python -m unionboard.ui.serve [streamlit options]`: `streamlit run app.py`, warmed up first.

Streamlit runs none of the app's code until the first visitor's script run, so that visitor waits for the
imports (pandas, SQLAlchemy, Plotly's validators, openpyxl, every page's modules) — about a second on the
project's 2-core machine. This imports them in the server process before it starts listening; every later
visit finds them loaded. Options after the command go to `streamlit run` unchanged.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app.py"
# what the pages import (app_pages/*.py and app.py), heaviest dependencies first
WARM_MODULES = (
    "pandas", "sqlalchemy", "openpyxl", "plotly.graph_objects",
    "unionboard.analysis.filters", "unionboard.analysis.findings", "unionboard.analysis.metrics",
    "unionboard.present.charts", "unionboard.present.planning_charts", "unionboard.store.versions",
    "unionboard.ui.components", "unionboard.ui.data", "unionboard.ui.auth", "unionboard.ui.upload",
    "unionboard.ui.slideshow", "unionboard.ui.planning_ui", "unionboard.ui.congress_ui",
    "unionboard.ui.election_ui", "unionboard.ui.hall", "unionboard.ui.slide_admin",
)


def warm_up() -> float:
    """Import what a first script run needs, check the sample and build the overview's figures once;
    the seconds it took."""
    start = time.perf_counter()
    # st.cache_data checks its options against a stand-in storage when no server runs yet, and says so
    quiet = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    no_warnings = logging.Filter("no such logger")  # a filter (Streamlit resets its loggers' levels)
    quiet.addFilter(no_warnings)
    try:
        for name in WARM_MODULES:
            importlib.import_module(name)
        _draw_overview_once()
    finally:
        quiet.removeFilter(no_warnings)
    return time.perf_counter() - start


def _draw_overview_once() -> None:
    """The sample checked and the overview's figures built: the readers, Plotly's validators of the trace
    types and the catalogue's tables load on first use (the pages' own cache is filled by the first visit)."""
    from unionboard.analysis import findings
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files
    from unionboard.present import charts
    from unionboard.sample.report import sample_paths

    data = check_files(tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())).dataset
    for built in (charts.gender_donut(data.members), charts.revenue_share(data.finance),
                  charts.targets_status_donut(data.targets)):
        if built is not None:
            charts.take_title(built.figure)[1].to_json()
    findings.overview_summary(data, "vi")


def main(argv: list[str] | None = None) -> int:
    """Warm up, then hand over to `streamlit run app.py` with the given options."""
    args = list(sys.argv[1:] if argv is None else argv)
    print(f"unionboard: warmed up in {warm_up():.1f} s", file=sys.stderr)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *args]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
