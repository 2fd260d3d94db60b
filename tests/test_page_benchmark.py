"""Smoke test of the page benchmark command (it measures; it asserts no timing)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_page_benchmark_reports_every_page_and_the_large_roster(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "unionboard", "benchmark-pages", "--runs", "1",
                           "--roster", "300", "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "UNIONBOARD_HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert {"overview", "members", "finance", "targets"} <= set(data["sample"])
    assert all(isinstance(ms, int) and ms > 0 for ms in data["sample"].values())
    assert data["roster_size"] == 300 and data["members_large"] > 0
    assert data["baseline"] > 0
