"""Smoke test of `python -m unionboard benchmark` on a tiny roster (no timing assertions)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tools.benchmark import COLUMNS, TOOLS, write_finance, write_roster

REPO_ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "unionboard", "benchmark", *args], cwd=REPO_ROOT,
                          env=env, capture_output=True, text=True, timeout=300, check=False)


def test_benchmark_table_has_expected_rows_and_columns():
    proc = run("--sizes", "200", "--runs", "1", "--finance", "5", "3")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Cỡ / size"))
    for column in COLUMNS:
        assert column in lines[header]
    assert set(lines[header + 1].replace(" ", "")) == {"-"}
    rows = [line.split() for line in lines[header + 2:header + 4]]
    assert rows[0][0] == "200"
    assert len(rows[0]) == len(COLUMNS)
    for cell in rows[0][1:]:
        float(cell)  # every figure is a number
    assert rows[1][:2] == ["tài", "chính"]
    assert "Mục tiêu / targets:" in proc.stdout
    assert proc.stdout.count("PASS") + proc.stdout.count("FAIL") == 3


def test_benchmark_json():
    proc = run("--sizes", "150", "--runs", "1", "--finance", "0", "0", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["runs"] == 1
    row, csv_row, bomb, ragged = data["rows"]
    assert row["size"] == 150
    # the same roster as CSV and the hostile small files: measured by unionboard alone, peak memory each
    assert csv_row["label"] == "csv 150" and csv_row["detail"]["unionboard"]["members"] == 150
    assert bomb["detail"]["unionboard"]["members"] is None and bomb["median"]["unionboard"] < 1
    assert ragged["detail"]["unionboard"]["members"] == 1000
    assert all(r["peak_mb"]["unionboard"] > 0 for r in (csv_row, bomb, ragged))
    assert set(row["median"]) == set(TOOLS)
    assert set(row["median_cpu"]) == set(TOOLS) and all(v > 0 for v in row["median_cpu"].values())
    assert data["read_threads"] >= 1
    assert row["detail"]["unionboard"]["members"] == 150
    assert row["detail"]["unionboard"]["domains"] == ["members"]
    assert row["detail"]["calamine"]["rows"] >= 154  # title rows + header + members
    assert row["peak_mb"]["unionboard"] > 0
    assert {t["pass"] for t in data["targets"]} <= {True, False}


def test_generated_files_are_read_as_intended(tmp_path):
    from unionboard.domains.loader import check_files

    roster = write_roster(tmp_path / "r.xlsx", 300)
    finance = write_finance(tmp_path / "f.xlsx", items=4, years=6)
    result = check_files([roster, finance])
    assert len(result.dataset.members) == 300
    assert result.dataset.finance is not None
    assert len(result.dataset.finance.years) == 6
    assert len(result.dataset.finance.items("revenue")) == 4
    assert not result.errors, result.errors


def test_benchmark_exports_times_every_format_of_the_sample():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-m", "unionboard", "benchmark-exports", "--runs", "1",
                           "--json"], cwd=REPO_ROOT, env=env, capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert set(data["formats"]) == {"docx", "pptx", "xlsx", "pdf", "odt", "ods"}
    for row in data["formats"].values():
        assert row["median"] > 0 and row["bytes"] > 1000 and len(row["runs"]) == 1


def test_draft_benchmark_checks_a_draft_of_the_asked_length():
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                                     os.environ.get("PYTHONPATH")]))}
    proc = subprocess.run([sys.executable, "-m", "unionboard", "benchmark-draft", "--pages", "20", "--runs", "1",
                           "--json"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["repeat"] == 2 and row["characters"] >= 20 * 3_500
    assert row["claims"] == 2 * 154 and len(row["runs"]) == 1
