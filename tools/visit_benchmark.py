"""Cold-visit benchmark: from `page.goto` to the overview fully drawn in a fresh browser (Playwright, Debian
chromium), on a just-started server and on a warm one, beside a bare one-chart Streamlit page measured the
same way. Each visit also records where its time went (navigation and resource timing, the websocket)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
# the browser suite's launch arguments (tests/conftest.py CHROMIUM_ARGS)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BARE_PAGE = """import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
st.plotly_chart(go.Figure(go.Bar(x=["a", "b", "c"], y=[3, 1, 2])))
"""
# the overview: three charts and six KPI cards on the sample; the bare page: one chart
TARGETS = {"overview": ("app.py", 3, 6), "baseline": (None, 1, 0)}
CASES = ("cold_server", "warm_server")
WARMED = "cold_server_warmed"  # the overview only: a new server started by the warm-up launcher

# Fully drawn: the script idle and connected, nothing running, at least `charts` Plotly charts each with
# its SVG and data marks, at least `metrics` KPI cards visible. Returns performance.now() then.
DRAWN_JS = """([charts, metrics]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  const state = app.getAttribute('data-test-script-state');
  if (!state || ['initial', 'running', 'rerunRequested', 'stopRequested'].includes(state)) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
  const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const marks = '.bars path, .slice path.surface, .points path, .scatterlayer path.js-line, .barlayer path';
  if (boxes.length < charts || !boxes.every(b => b.querySelector('.main-svg') && b.querySelector(marks)))
    return false;
  const cards = [...document.querySelectorAll('[data-testid="stMetric"]')]
    .filter(m => m.getBoundingClientRect().height > 0);
  return cards.length >= metrics ? performance.now() : false;
}"""
# Where the time went, read from the page once drawn (ms since navigation start; bytes as transferred).
TIMING_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const res = performance.getEntriesByType('resource');
  const js = res.filter(r => r.name.split('?')[0].endsWith('.js'));
  const plotly = js.filter(r => /plotly/i.test(r.name));
  const sum = (list, key) => list.reduce((s, r) => s + (r[key] || 0), 0);
  const last = list => list.length ? Math.max(...list.map(r => r.responseEnd)) : 0;
  return {html: nav.responseEnd, dom_ready: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          js_files: js.length, js_kb: sum(js, 'encodedBodySize') / 1024,
          js_done: last(js), plotly_kb: sum(plotly, 'encodedBodySize') / 1024,
          plotly_start: plotly.length ? Math.min(...plotly.map(r => r.startTime)) : 0, plotly_done: last(plotly),
          requests: res.length, other_hosts: res.filter(r => !r.name.startsWith(location.origin)).length};
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(script: Path, home: str, warmed: bool = False) -> Iterator[tuple[str, float]]:
    """`streamlit run script` headless on a free port (with `warmed`, the app through its warm-up launcher
    `python -m unionboard.ui.serve`); yields its URL and the seconds it took to answer /_stcore/health,
    stops the process group after."""
    port = _free_port()
    env = {**os.environ, "UNIONBOARD_HOME": home, "PYTHONUNBUFFERED": "1",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    start_cmd = ["unionboard.ui.serve"] if warmed else ["streamlit", "run", str(script)]
    cmd = [sys.executable, "-m", *start_cmd, "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--server.runOnSave", "false"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited ({proc.returncode}): {proc.stderr.read().decode()[-2000:]}")
            with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    break
            if time.perf_counter() - start > 60:
                raise RuntimeError("streamlit not healthy after 60 s")
            time.sleep(0.05)
        yield url, time.perf_counter() - start
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        proc.stderr.close()


def visit(browser, url: str, charts: int, metrics: int) -> dict:
    """One visit in a new browser context (empty cache, no cookies): seconds from `goto` to fully drawn,
    with the page's timing and the websocket's first and last frame before that."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    page = context.new_page()
    frames: list[float] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda _: frames.append(time.perf_counter())))
    try:
        start = time.perf_counter()
        page.goto(url)
        drawn = page.wait_for_function(DRAWN_JS, arg=[charts, metrics], polling=20, timeout=60_000)
        total = time.perf_counter() - start
        timing = page.evaluate(TIMING_JS)
        timing["drawn"] = drawn.json_value()
    finally:
        context.close()
    seen = [f - start for f in frames if f - start <= total]
    timing.update(total=total,
                  ws_first=seen[0] if seen else None, ws_last=seen[-1] if seen else None, ws_frames=len(seen))
    return timing


def _bare_script(folder: str) -> Path:
    path = Path(folder) / "bare_chart.py"
    path.write_text(BARE_PAGE, encoding="utf-8")
    return path


def run(runs: int = 5) -> dict:
    """For the overview and the bare page: `runs` visits each on a just-started server (a new process per
    visit) and on a warm server (a new browser context per visit, after one warm-up visit); for the overview
    also `runs` visits on a server just started by the warm-up launcher."""
    from playwright.sync_api import sync_playwright

    results: dict = {"runs": runs}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        scripts = {"overview": ROOT / "app.py", "baseline": _bare_script(tmp)}
        visits: dict = {name: {case: [] for case in CASES} for name in TARGETS}
        visits["overview"][WARMED] = []
        starts: dict = {name: [] for name in (*TARGETS, WARMED)}
        for _ in range(runs):  # interleaved, so that the machine's other work falls on both alike
            for name, (_, charts, metrics) in TARGETS.items():
                with server(scripts[name], tmp) as (url, started):
                    starts[name].append(started)
                    visits[name]["cold_server"].append(visit(browser, url, charts, metrics))
            with server(scripts["overview"], tmp, warmed=True) as (url, started):
                starts[WARMED].append(started)
                visits["overview"][WARMED].append(visit(browser, url, *TARGETS["overview"][1:]))
        for name, (_, charts, metrics) in TARGETS.items():
            with server(scripts[name], tmp) as (url, _started):
                visit(browser, url, charts, metrics)  # the warm-up: the server's first script run
                visits[name]["warm_server"] = [visit(browser, url, charts, metrics) for _ in range(runs)]
        browser.close()
    for name in TARGETS:
        results[name] = {case: _summary(found) for case, found in visits[name].items()}
        results[name]["server_start"] = round(statistics.median(starts[name]), 3)
    results["overview"]["server_start_warmed"] = round(statistics.median(starts[WARMED]), 3)
    return results


# page timings in ms since navigation start, turned into seconds like the rest
PAGE_MS = {"html", "dom_ready", "load", "js_done", "plotly_start", "plotly_done", "drawn"}


def _summary(visits: list[dict]) -> dict:
    """Median, min and max of the total (s), and the median of every recorded step."""
    totals = [v["total"] for v in visits]
    steps = {}
    for key in visits[0]:
        values = [v[key] for v in visits if v[key] is not None]
        if key != "total" and values:
            value = statistics.median(values) / (1000 if key in PAGE_MS else 1)
            steps[key] = round(value, 3)
    return {"median": round(statistics.median(totals), 3), "min": round(min(totals), 3),
            "max": round(max(totals), 3), "steps": steps}


STEP_LABELS = {
    "html": "HTML received", "js_done": "all JS loaded", "ws_first": "first websocket message",
    "ws_last": "last websocket message", "plotly_start": "Plotly bundle requested",
    "plotly_done": "Plotly bundle loaded", "drawn": "drawn (page clock)",
}


def print_results(results: dict) -> None:
    """The figures in the style of the other benchmarks: medians, min–max, ratio to the bare page."""
    print(f"Lần truy cập đầu, trình duyệt mới / first visit in a fresh browser, median of {results['runs']} "
          f"(goto → every chart drawn, KPI cards shown, script idle); mốc / baseline: a bare one-chart page")
    for case, label in (("cold_server", "server just started"), (WARMED, "… started warmed up"),
                        ("warm_server", "warm server")):
        base = results["baseline"][case if case in CASES else "cold_server"]
        over = results["overview"][case]
        ok = "ĐẠT" if over["median"] <= 3 else "CHƯA ĐẠT"
        print(f"  {label:<21} overview {over['median']:.2f} s ({over['min']:.2f}–{over['max']:.2f})   "
              f"baseline {base['median']:.2f} s ({base['min']:.2f}–{base['max']:.2f})   "
              f"×{over['median'] / base['median']:.2f}   (mục tiêu ≤ 3 s: {ok})")
    print(f"  server start to healthy: overview {results['overview']['server_start']:.2f} s "
          f"(warmed up: {results['overview']['server_start_warmed']:.2f} s), "
          f"baseline {results['baseline']['server_start']:.2f} s")
    for case in (*CASES, WARMED):
        print(f"  where the time goes ({case}, medians, s since goto)   overview | baseline")
        over = results["overview"][case]["steps"]
        base = results["baseline"][case if case in CASES else "cold_server"]["steps"]
        for key, label in STEP_LABELS.items():
            print(f"    {label:<28} {over.get(key, 0):>6.2f} | {base.get(key, 0):>6.2f}")
        print(f"    {'JS files / KB (uncompressed)':<28} {over['js_files']:.0f} / {over['js_kb']:.0f} | "
              f"{base['js_files']:.0f} / {base['js_kb']:.0f}")
