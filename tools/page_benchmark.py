"""Page speed benchmark: AppTest reruns of every page on the sample data and of Members with a large roster,
and the first visit in a fresh browser (tools/visit_benchmark.py)."""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from unionboard.cli.main import register

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "overview": "app_pages/overview.py",
    "members": "app_pages/members.py",
    "finance": "app_pages/finance.py",
    "targets": "app_pages/targets_awards.py",
    "slides": "app_pages/slides.py",
    "plan": "app_pages/plan.py",
    "data": "app_pages/data.py",
}


def _rerun_times(page: str, runs: int) -> list[float]:
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    app.run()
    app.switch_page(page)
    app.run()  # first run of the page: parses and fills the caches
    if app.exception:
        raise RuntimeError(f"{page}: {app.exception[0].value}")
    return _timed_reruns(app, runs)


def _timed_reruns(app, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
    return times


def _baseline_times(runs: int) -> list[float]:
    """Reruns of a bare one-line Streamlit script: the framework's own cost, measured in the same run."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_string("import streamlit as st\nst.title('unionboard')", default_timeout=60)
    app.run()
    return _timed_reruns(app, runs)


def write_roster(path: Path, size: int) -> None:
    """A roster workbook of `size` members in the template's columns (write-only openpyxl)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Đoàn viên")
    ws.append(["Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
               "Lý luận chính trị", "Đảng viên"])
    levels = ("Đại học", "Thạc sỹ", "Cao đẳng", "Trung cấp")
    theory = ("", "Sơ cấp", "Trung cấp", "Cao cấp")
    for i in range(size):
        ws.append([f"Đoàn viên số {i}", "Nam" if i % 2 else "Nữ", 1960 + i % 40, f"Phòng {i % 25}",
                   levels[i % 4], theory[i % 4], "x" if i % 3 == 0 else ""])
    wb.save(path)


def run(runs: int = 5, roster_size: int = 100_000) -> dict:
    """Median rerun time (ms) per page on the sample data, and of Members with a large published roster."""
    results: dict = {"runs": runs, "sample": {}, "roster_size": roster_size,
                     "baseline": round(statistics.median(_baseline_times(runs)) * 1000, 1)}
    old_home = os.environ.get("UNIONBOARD_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["UNIONBOARD_HOME"] = home
        try:
            for name, page in PAGES.items():
                if (ROOT / page).exists():
                    results["sample"][name] = round(statistics.median(_rerun_times(page, runs)) * 1000)
            from unionboard.core.models import SourceFile
            from unionboard.publish import publish_files
            from unionboard.store.versions import dispose_engines, open_store

            path = Path(home) / "doan-vien-lon.xlsx"
            write_roster(path, roster_size)
            outcome = publish_files(open_store(), [SourceFile(path.name, path.read_bytes())], by="benchmark")
            if not outcome.ok:
                raise RuntimeError(f"publishing the roster failed: {outcome.reason}")
            results["members_large"] = round(statistics.median(
                _rerun_times(PAGES["members"], runs)) * 1000)
            dispose_engines()
        finally:
            if old_home is None:
                os.environ.pop("UNIONBOARD_HOME", None)
            else:
                os.environ["UNIONBOARD_HOME"] = old_home
    return results


def main(runs: int, roster_size: int, as_json: bool, visits: int = 0, reruns: bool = True) -> int:
    from tools import visit_benchmark

    results = run(runs, roster_size) if reruns else {}
    if visits:
        results["visits"] = visit_benchmark.run(visits)
    if as_json:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    if visits:
        visit_benchmark.print_results(results["visits"])
    if reruns:
        print_reruns(results, runs, roster_size)
    return 0


def print_reruns(results: dict, runs: int, roster_size: int) -> None:
    """The rerun figures: median per page, ratio to the bare script, the 300 ms target."""
    base = results["baseline"] or 1
    print(f"Thời gian chạy lại trang (AppTest, trung vị {runs} lần) / page rerun, median of {runs}; "
          f"mốc so sánh / baseline (bare one-line script): {results['baseline']} ms")
    for name, ms in results["sample"].items():
        print(f"  {name:<10} {ms:>6} ms  ×{ms / base:>5.1f} baseline   "
              f"(mục tiêu ≤ 300 ms: {'ĐẠT' if ms <= 300 else 'CHƯA ĐẠT'})")
    ms = results["members_large"]
    size = f"{roster_size:,}".replace(",", ".")
    print(f"  members, {size} đoàn viên: {ms} ms   (mục tiêu ≤ 1000 ms sau khi đã lưu đệm: "
          f"{'ĐẠT' if ms <= 1000 else 'CHƯA ĐẠT'})")


def _configure(parser) -> None:
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--roster", type=int, default=100_000, help="số đoàn viên của danh sách lớn")
    parser.add_argument("--visits", type=int, default=5,
                        help="số lần truy cập đầu bằng trình duyệt mới (0: bỏ qua) / cold visits")
    parser.add_argument("--no-reruns", action="store_true", help="chỉ đo lần truy cập đầu / cold visits only")
    parser.add_argument("--json", action="store_true")


def _run(args) -> int:
    return main(args.runs, args.roster, args.json, args.visits, not args.no_reruns)


register("benchmark-pages", "đo thời gian chạy lại các trang (AppTest)", _configure, _run)
