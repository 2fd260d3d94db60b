"""Smoke test of the page benchmark command (it measures; it asserts no timing)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_page_benchmark_reports_every_page_and_the_large_roster(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "unionboard", "benchmark-pages", "--runs", "1",
                           "--roster", "300", "--visits", "0", "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "UNIONBOARD_HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert {"overview", "members", "finance", "targets"} <= set(data["sample"])
    assert all(isinstance(ms, int) and ms > 0 for ms in data["sample"].values())
    assert data["roster_size"] == 300 and data["members_large"] > 0
    assert data["baseline"] > 0


@pytest.mark.browser
def test_cold_visit_benchmark_measures_the_overview_and_the_bare_page(tmp_path):
    """One cold visit of each kind: the overview and the bare one-chart page are drawn in a fresh chromium,
    on a just-started and on a warm server (the overview also on a server started by the warm-up launcher
    `python -m unionboard.ui.serve`), with the steps that say where the time went."""
    proc = subprocess.run([sys.executable, "-m", "unionboard", "benchmark-pages", "--visits", "1", "--no-reruns",
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "UNIONBOARD_HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    visits = json.loads(proc.stdout.strip().splitlines()[-1])["visits"]
    assert visits["runs"] == 1
    assert visits["overview"]["server_start_warmed"] > 0
    assert visits["overview"]["server_start"] > 0 and visits["baseline"]["server_start"] > 0
    cases = [(name, case) for name in ("overview", "baseline") for case in ("cold_server", "warm_server")]
    for name, case in [*cases, ("overview", "cold_server_warmed")]:
        figures = visits[name][case]
        assert 0 < figures["min"] <= figures["median"] <= figures["max"] < 60
        steps = figures["steps"]
        # drawn after its JavaScript and its first websocket message arrived; nothing asked of another host
        assert 0 < steps["ws_first"] <= steps["drawn"] and 0 < steps["js_done"] <= steps["drawn"]
        assert steps["plotly_kb"] > 1000 and steps["other_hosts"] == 0
    # the overview's sidebar widgets and KPI cards load more of Streamlit's chunks than the bare page
    assert visits["overview"]["cold_server"]["steps"]["js_files"] > visits["baseline"]["cold_server"]["steps"]["js_files"]
