"""The layout check in a real browser: every page and every slide at 1280×720, 1920×1080 and a 390×844
phone. A chart fails when its SVG text leaves its box or lies over another label, when a text is cut
with "…", when a donut's centre text is wider than its hole, or when it draws no data mark. The page
fails on a console error or on any request that leaves the app's own server (offices have no internet).

Screenshots (the whole page) go to tests/artifacts/layout/: look at them.
"""

from __future__ import annotations

import pytest
from helpers import wait_for_app
from layout_check import CONTENT_JS, LAYOUT_JS, content_problem

from unionboard.core.i18n import t
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.present.slides import build_slides
from unionboard.sample.report import sample_paths

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080), "phone": (390, 844)}
PAGE_SIZES = [*SIZES, "phone-en"]  # English words are longer: the narrowest screen in English too
PAGES = ["overview", "members", "finance", "targets", "plan", "plan#budget", "data",
         "attendance", "election", "hall"]
WITHOUT_CHARTS = {"data", "attendance", "election", "hall"}  # tables, metrics and HTML bars


VISIBLE_CHART_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .main-svg')]
    .some(s => s.getBoundingClientRect().width > 0)"""


def deck_size() -> int:
    result = check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()])
    return len(build_slides(result.dataset, "vi"))


def streamlit_probe(base: str, url: str) -> bool:
    """Streamlit's own base-path probe: opened at /members, its frontend first asks
    /members/_stcore/health and /members/_stcore/host-config (404), then the root. Nothing else is excused."""
    rest = url.removeprefix(base + "/")
    return url.startswith(base + "/") and rest.count("/") == 2 and rest.split("/", 1)[1] in (
        "_stcore/health", "_stcore/host-config")


@pytest.fixture
def sized_page(viewport_page, streamlit_server):
    """A page of the given size (conftest's `viewport_page`) that records console errors and every
    request leaving the server."""

    def make(width: int, height: int):
        page = viewport_page(width, height)
        page.problems = []

        def console(message) -> None:
            url = (message.location or {}).get("url", "")
            if message.type == "error" and not streamlit_probe(streamlit_server, url):
                page.problems.append(f"console: {message.text} ({url})")

        def response(answer) -> None:
            if answer.status >= 400 and not streamlit_probe(streamlit_server, answer.url):
                page.problems.append(f"HTTP {answer.status}: {answer.url}")

        page.on("console", console)
        page.on("response", response)
        page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
        page.on("request", lambda r: r.url.startswith((streamlit_server, "data:", "blob:"))
                or page.problems.append(f"request outside the app: {r.url}"))
        return page

    return make


SIZES_JS = """() => JSON.stringify([...document.querySelectorAll('[data-testid="stPlotlyChart"] svg text')]
    .map(t => { const r = t.getBoundingClientRect(); return [r.left, r.top, r.width].map(Math.round); }))"""


def settle(page) -> None:
    """The script has run and Plotly has finished laying out: every chart text stays put for 400 ms
    (a chart filling a box sized by CSS is drawn twice; a busy machine takes longer)."""
    wait_for_app(page)
    before = None
    for _ in range(25):
        page.wait_for_timeout(400)
        now = page.evaluate(SIZES_JS)
        if now == before:
            return
        before = now


def check_charts(page, where: str, *, expect_charts: bool) -> None:
    empty = content_problem(page.evaluate(CONTENT_JS))
    assert empty is None, f"{where}: {empty}"
    charts = page.evaluate(LAYOUT_JS)
    if expect_charts:
        assert charts, f"{where}: no chart drawn"
    problems = [f"chart {c['index']} ({c['width']:.0f}×{c['height']:.0f}): {p}" for c in charts for p in c["problems"]]
    assert not problems, f"{where}:\n" + "\n".join(problems)


def full_screenshot(page, path) -> None:
    """The whole scrolling main area: grow the viewport to the content for the shot, then restore it."""
    size = page.viewport_size
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, size["height"]), 8000)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


@pytest.mark.parametrize("size", PAGE_SIZES)
def test_every_page_lays_out(sized_page, streamlit_server, artifacts_dir, size):
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    screen, _, lang = size.partition("-")
    page = sized_page(*SIZES[screen])
    for name in PAGES:
        path, _, tab = name.partition("#")
        page.goto(f"{streamlit_server}/{'' if path == 'overview' else path}{'?lang=en' if lang else ''}")
        settle(page)
        if tab == "budget":
            page.get_by_role("tab", name=t("plan_tab_budget", lang or "vi")).click()
            settle(page)
        if name not in WITHOUT_CHARTS:
            page.wait_for_function(VISIBLE_CHART_JS, timeout=30_000)
        # nothing wider than the screen (a phone must not scroll sideways)
        wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 1, f"{name} @ {size}: the page is {wide}px wider than the screen"
        check_charts(page, f"{name} @ {size}", expect_charts=name not in WITHOUT_CHARTS)
        full_screenshot(page, out / f"{name.replace('#', '-')}-{size}.png")
    assert not page.problems, "\n".join(page.problems)


@pytest.mark.parametrize("size", list(SIZES))
def test_every_slide_lays_out(sized_page, streamlit_server, artifacts_dir, size):
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES[size])
    for n in range(1, deck_size() + 1):
        page.goto(f"{streamlit_server}/slides?slide={n}")
        settle(page)
        check_charts(page, f"slide {n} @ {size}", expect_charts=False)
        page.screenshot(path=str(out / f"slide-{n}-{size}.png"))
    assert not page.problems, "\n".join(page.problems)


def test_the_check_catches_what_it_is_for(sized_page, streamlit_server):
    """The checker itself: a chart drawn with colliding labels, a cut title and no data is flagged."""
    page = sized_page(1280, 720)
    page.goto(f"{streamlit_server}/")
    settle(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .main-svg')
    # damage the first chart in place: move one text over another, cut one, hide the marks
    page.evaluate("""() => {
      const plot = document.querySelector('[data-testid="stPlotlyChart"] .js-plotly-plot');
      const texts = [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim());
      texts[0].textContent = 'Một tiêu đề bị cắt…';
      const [a, b] = [texts[1], texts[2]];
      const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
      b.setAttribute('transform', `translate(${ra.left - rb.left}, ${ra.top - rb.top})`);
      plot.querySelectorAll('.slice path.surface').forEach(p => p.style.display = 'none');
    }""")
    problems = page.evaluate(LAYOUT_JS)[0]["problems"]
    assert any("cut with …" in p for p in problems), problems
    assert any("labels overlap" in p for p in problems), problems
    assert "no visible data marks" in problems, problems


def test_the_check_flags_a_label_on_a_finance_line_marker(sized_page, streamlit_server):
    """The checker: the balance chart passes as drawn, and fails once a value label is moved onto a marker."""
    page = sized_page(1280, 720)
    page.goto(f"{streamlit_server}/finance")
    settle(page)
    page.wait_for_selector('[data-testid="stPlotlyChart"] .scatterlayer .points path')
    index = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
        .findIndex(c => c.querySelector('.scatterlayer .points path'))""")
    before = next(c for c in page.evaluate(LAYOUT_JS) if c["index"] == index)["problems"]
    assert not any("marker" in p for p in before), before
    page.evaluate("""(index) => {
      const plot = document.querySelectorAll('[data-testid="stPlotlyChart"]')[index];
      const point = plot.querySelector('.scatterlayer .points path').getBoundingClientRect();
      const label = plot.querySelector('.annotation-text');
      const r = label.getBoundingClientRect();
      label.setAttribute('transform', `translate(${point.left - r.left}, ${point.top - r.top})`);
    }""", index)
    after = next(c for c in page.evaluate(LAYOUT_JS) if c["index"] == index)["problems"]
    assert any("label over a marker" in p for p in after), after


@pytest.mark.parametrize("show", ["credentials", "composition", "election"])
def test_the_hall_shows_its_content_on_a_phone(sized_page, streamlit_server, artifacts_dir, show):
    """At 390×844 the hall screen shows its figures, not only its button bar (the slide CSS once hid it)."""
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(390, 844)
    page.goto(f"{streamlit_server}/hall?show={show}")
    settle(page)
    content = page.evaluate(CONTENT_JS)
    assert content_problem(content) is None, f"hall?show={show} @ phone: {content}"
    assert content["text"] > 60, content  # the title, the finding and the figures
    full_screenshot(page, out / f"hall-{show}-phone.png")


def test_the_layout_check_fails_on_a_page_whose_content_is_hidden(sized_page, streamlit_server):
    """The content check itself: the same page with its content hidden by CSS is reported empty."""
    page = sized_page(390, 844)
    page.goto(f"{streamlit_server}/hall?show=credentials")
    settle(page)
    assert content_problem(page.evaluate(CONTENT_JS)) is None
    page.add_style_tag(content=".st-key-hall_live { display: none !important; }")  # what the slide CSS did
    assert content_problem(page.evaluate(CONTENT_JS)) is not None


def test_a_deep_link_to_the_overview_opens_it(sized_page, streamlit_server):
    """/overview opens the overview (the default page lives at the root), not "Page not found"."""
    page = sized_page(1280, 720)
    page.goto(f"{streamlit_server}/overview")
    settle(page)
    page.wait_for_function(VISIBLE_CHART_JS, timeout=30_000)
    body = page.inner_text("body")
    assert "Page not found" not in body and "Không tìm thấy" not in body
    assert t("kpi_members", "vi") in body  # the overview's cards


def test_plotly_toolbar_speaks_the_page_language_and_there_is_no_english_menu(sized_page, streamlit_server):
    """Vietnamese page: the chart toolbar's tooltips are Vietnamese (Plotly's "vi" locale from the catalogue)
    and there is no ⋮ menu with Streamlit's English items; English page: Plotly's English."""
    page = sized_page(1280, 720)
    for lang, expected in (("vi", t("plotly.download_png", "vi")), ("en", "Download plot as a PNG")):
        page.goto(f"{streamlit_server}/members{'?lang=en' if lang == 'en' else ''}")
        settle(page)
        page.wait_for_function(VISIBLE_CHART_JS, timeout=30_000)
        titles = page.evaluate("""() => [...document.querySelectorAll('.modebar-btn')]
            .map(b => b.getAttribute('data-title'))""")
        assert expected in titles, (lang, titles)
        if lang == "vi":
            assert not [x for x in titles if x in ("Download plot as a PNG", "Zoom", "Pan", "Autoscale")], titles
    assert page.locator('[data-testid="stMainMenu"]').count() == 0


def test_the_history_shows_rollbacks_and_the_current_column(viewport_page, tmp_path, artifacts_dir):
    """Two versions and a rollback in a fresh store: the data page shows the rollbacks' table under the
    history; screenshots at the three sizes (the "Hiện hành" column seen at 1280 px: look at them)."""
    import subprocess
    import sys

    from helpers import REPO_ROOT, app_env, running_app

    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    env = app_env(tmp_path / "home", UNIONBOARD_DB_URL=None)
    script = ("from unionboard.store.versions import open_store; from unionboard.core.models import SourceFile;"
              "from unionboard.publish import publish_files;"
              "from unionboard.sample.report import sample_paths; s = open_store();"
              "files = [SourceFile(p.name, p.read_bytes()) for p in sample_paths()];"
              "publish_files(s, files[:2], by='Chị Lan', comment='lần đầu');"
              "publish_files(s, files, by='Anh Minh', comment='đủ các phần', expected_current=1);"
              "s.rollback(1, by='Chị Lan', comment='tệp sai')")
    subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO_ROOT, check=True)
    (tmp_path / "logs").mkdir()
    with running_app(env, tmp_path / "logs") as base:
        for name, (width, height) in SIZES.items():
            page = viewport_page(width, height)
            page.goto(f"{base}/data")
            settle(page)
            page.get_by_text("Các lần khôi phục").wait_for(timeout=30_000)  # the rollbacks' table is shown
            # the grids draw on a canvas: their cells are checked by the page's AppTest, seen here
            assert page.locator('[data-testid="stDataFrame"]').count() >= 2
            wide = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert wide <= 1, f"data @ {name}: {wide}px wider than the screen"
            full_screenshot(page, out / f"data-history-{name}.png")


@pytest.mark.parametrize("size", list(SIZES))
def test_the_plan_table_wraps_its_long_texts(sized_page, streamlit_server, artifacts_dir, size):
    """The plan page's table is a static table: a long target text wraps onto lines (a grid cut it mid-word)."""
    out = artifacts_dir / "layout"
    out.mkdir(exist_ok=True)
    page = sized_page(*SIZES[size])
    page.goto(f"{streamlit_server}/plan")
    settle(page)
    page.wait_for_function(VISIBLE_CHART_JS, timeout=30_000)
    check_charts(page, f"plan @ {size}", expect_charts=True)
    full_screenshot(page, out / f"plan-table-{size}.png")
    cells = page.evaluate("""() => [...document.querySelectorAll('[data-testid="stTable"] td')]
        .map(td => ({text: td.textContent.trim(), lines: Math.round(td.getBoundingClientRect().height
                     / parseFloat(getComputedStyle(td).lineHeight)), cut: td.scrollWidth > td.clientWidth + 1}))""")
    longest = max(cells, key=lambda c: len(c["text"]))
    assert len(longest["text"]) > 60 and longest["lines"] >= 2, longest  # wrapped, not cut
    assert not any(c["cut"] for c in cells), [c["text"] for c in cells if c["cut"]]
    assert not page.problems, "\n".join(page.problems)
