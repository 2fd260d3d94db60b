"""Slide mode in a real browser: walk the deck with the arrow keys at 1280×720, nothing scrolls, URL ?slide=N.

Screenshots go to tests/artifacts/slide-N.png (720p) and slide-1080-N.png (1080p): look at them as
a delegate at the back of the hall would.
"""

import re
from pathlib import Path

import pytest
from helpers import wait_for_app

from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.present.slides import build_slides
from unionboard.sample.report import sample_paths

OVERFLOW_JS = """() => {
  const doc = document.documentElement;
  const main = document.querySelector('[data-testid="stMainBlockContainer"]');
  const r = main.getBoundingClientRect();
  return {scrollHeight: doc.scrollHeight, scrollWidth: doc.scrollWidth, innerHeight: window.innerHeight,
          innerWidth: window.innerWidth, bottom: r.bottom, right: r.right,
          sidebar: !!document.querySelector('[data-testid="stSidebar"]')
                   && getComputedStyle(document.querySelector('[data-testid="stSidebar"]')).display !== 'none',
          mainScroll: document.querySelector('[data-testid="stMain"]').scrollHeight,
          mainClient: document.querySelector('[data-testid="stMain"]').clientHeight};
}"""

# The content's real bottom: the last element's bounding box (stMain hides its overflow).
CONTENT_BOTTOM_JS = """() => {
  let bottom = 0;
  for (const el of document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')) {
    const r = el.getBoundingClientRect();
    if (r.height > 0 && getComputedStyle(el).display !== 'none') bottom = Math.max(bottom, r.bottom);
  }
  return bottom;
}"""


# Every Plotly chart drawn inside its box and inside the viewport (a chart drawn for the wrong
# width is clipped by its container without making the page scroll).
CHARTS_JS = """() => [...document.querySelectorAll('[data-testid="stPlotlyChart"]')]
    .filter(chart => chart.getBoundingClientRect().width > 0).map(chart => {
  // the hall's chart is scaled with the slide by a transform: its box is the slide's chart box
  const box = chart.closest('.st-key-slide_chart, .st-key-slide_chart_notes') || chart;
  const b = box.getBoundingClientRect();
  const svg = box.querySelector('.main-svg');
  const s = svg ? svg.getBoundingClientRect() : null;
  return {box: [b.left, b.top, b.right, b.bottom],
          svg: s ? [s.left, s.top, s.right, s.bottom] : null};
})"""


HALL_CHART = ".st-key-slide_hall .js-plotly-plot .main-svg"  # not the phone's copy (hidden here)


# Every chart text's drawn size in px: its font size times the scale the slide applies to the chart.
CHART_TEXT_PX_JS = """() => [...document.querySelectorAll('.st-key-slide_chart .js-plotly-plot')].flatMap(plot => {
  const scale = plot.getBoundingClientRect().width / plot.offsetWidth;
  return [...plot.querySelectorAll('svg text')].filter(t => t.textContent.trim())
    .map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
})"""


def sample_deck() -> list:
    result = check_files([SourceFile(p.name, p.read_bytes()) for p in sample_paths()])
    return build_slides(result.dataset, "vi")


def slide_number(url: str) -> int | None:
    match = re.search(r"[?&]slide=(\d+)", url)
    return int(match.group(1)) if match else None


def wait_for_slide(page, n: int) -> None:
    page.wait_for_function(f"() => /[?&]slide={n}(&|$)/.test(window.location.search)", timeout=30_000)
    wait_for_app(page)


def assert_fits(page, label: str) -> None:
    m = page.evaluate(OVERFLOW_JS)
    assert not m["sidebar"], f"{label}: the sidebar is visible"
    assert m["scrollHeight"] <= m["innerHeight"] + 2, f"{label}: page scrolls vertically {m}"
    assert m["scrollWidth"] <= m["innerWidth"], f"{label}: page scrolls horizontally {m}"
    assert m["mainScroll"] <= m["mainClient"] + 2, f"{label}: the main area overflows {m}"
    for chart in page.evaluate(CHARTS_JS):
        box, svg = chart["box"], chart["svg"]
        assert svg is not None, f"{label}: a chart was not drawn"
        assert svg[2] <= box[2] + 2 and svg[3] <= box[3] + 2, f"{label}: chart larger than its box {chart}"
        assert svg[2] <= m["innerWidth"] and svg[3] <= m["innerHeight"] + 2, f"{label}: chart off screen {chart}"
    bottom = page.evaluate(CONTENT_BOTTOM_JS)
    assert bottom <= m["innerHeight"] + 2, f"{label}: content ends at {bottom}px below the viewport {m}"


def walk(page, base: str, artifacts_dir, prefix: str) -> list[str]:
    deck = sample_deck()
    page.goto(f"{base}/slides")
    wait_for_app(page)
    wait_for_slide(page, 1)
    titles = []
    for n, slide in enumerate(deck, start=1):
        if n > 1:
            page.keyboard.press("ArrowRight")
            wait_for_slide(page, n)
        if slide.chart:
            page.wait_for_selector(HALL_CHART, timeout=30_000)
        main = page.locator('[data-testid="stMain"]')
        body = main.inner_text()
        assert slide.title in body, f"slide {n}: {slide.title!r} not shown"
        assert slide.finding in body, f"slide {n}: {slide.finding!r} not shown"
        assert page.get_by_test_id("stException").count() == 0
        assert slide_number(page.url) == n, page.url
        page.wait_for_timeout(300)  # let plotly finish its layout
        assert_fits(page, f"slide {n}")
        page.screenshot(path=str(artifacts_dir / f"{prefix}-{n}.png"))
        titles.append(slide.title)
    return titles


@pytest.fixture
def hall_page(viewport_page):
    """A page of the hall's screen size (conftest's `viewport_page`)."""
    return viewport_page


def test_walk_every_slide_with_arrow_keys_at_720p(hall_page, streamlit_server, artifacts_dir):
    page = hall_page(1280, 720)
    titles = walk(page, streamlit_server, artifacts_dir, "slide")
    assert len(titles) == len(sample_deck())
    # the last slide: ArrowRight stays; ArrowLeft goes back
    page.keyboard.press("ArrowLeft")
    wait_for_slide(page, len(titles) - 1)
    assert titles[-2] in page.locator('[data-testid="stMain"]').inner_text()


def test_home_and_end_go_to_the_first_and_last_slide(hall_page, streamlit_server):
    page = hall_page(1280, 720)
    deck = sample_deck()
    page.goto(f"{streamlit_server}/slides?slide=3")
    wait_for_app(page)
    wait_for_slide(page, 3)
    page.keyboard.press("End")
    wait_for_slide(page, len(deck))
    page.keyboard.press("Home")
    wait_for_slide(page, 1)


def test_every_slide_fits_at_1080p(hall_page, streamlit_server, artifacts_dir):
    page = hall_page(1920, 1080)
    walk(page, streamlit_server, artifacts_dir, "slide-1080")


def test_reload_lands_on_the_slide_of_the_url_and_notes_on_request(hall_page, streamlit_server, artifacts_dir):
    page = hall_page(1280, 720)
    deck = sample_deck()
    page.goto(f"{streamlit_server}/slides?slide=3")
    wait_for_app(page)
    page.wait_for_selector(HALL_CHART, timeout=30_000)
    body = page.locator('[data-testid="stMain"]').inner_text()
    assert deck[2].title in body
    assert deck[2].notes[:40] not in body  # notes only on request
    page.goto(f"{streamlit_server}/slides?slide=3&notes=1")
    wait_for_app(page)
    page.get_by_text(deck[2].notes[:40]).wait_for(timeout=30_000)
    page.screenshot(path=str(artifacts_dir / "slide-notes-3.png"), full_page=True)
    page.goto(f"{streamlit_server}/slides?slide=99")
    wait_for_app(page)
    wait_for_slide(page, len(deck))
    assert deck[-1].title in page.locator('[data-testid="stMain"]').inner_text()


def test_pdf_and_opendocument_downloads_from_the_slide_bar(hall_page, streamlit_server, artifacts_dir):
    """The deferred downloads (made on click) arrive whole: a PDF with the report's figures, an .ods."""
    import io

    from pypdf import PdfReader

    page = hall_page(1280, 720)
    page.goto(f"{streamlit_server}/slides")
    wait_for_app(page)
    wait_for_slide(page, 1)
    page.get_by_role("button", name="Tải về").click()
    button = page.get_by_role("button", name="Hồ sơ in A4 (.pdf)")
    button.wait_for()
    page.screenshot(path=str(artifacts_dir / "slide-downloads.png"))
    with page.expect_download(timeout=60_000) as info:
        button.click()
    download = info.value
    assert download.suggested_filename == "dai-hoi-ho-so.pdf"
    data = Path(download.path()).read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "310.992.000" in text and "2.157.000" in text
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Số liệu OpenDocument (.ods)").click()
    ods = Path(info.value.path()).read_bytes()
    result = check_files([SourceFile("dai-hoi-so-lieu.ods", ods)])
    assert not result.errors and len(result.dataset.members) == 33


@pytest.mark.parametrize("slide", [2, 6])
def test_chart_text_grows_with_the_slide(hall_page, streamlit_server, slide):
    """The hall's charts scale with the slide like its text: 1,5× at 1920×1080, every chart text at least
    24 px there (legible from the back of the hall), and the chart still inside its box."""
    sizes = {}
    for width, height in ((1280, 720), (1920, 1080)):
        page = hall_page(width, height)
        page.goto(f"{streamlit_server}/slides?slide={slide}")
        wait_for_slide(page, slide)
        page.wait_for_selector(HALL_CHART, timeout=30_000)
        page.wait_for_timeout(500)
        sizes[width] = page.evaluate(CHART_TEXT_PX_JS)
        assert_fits(page, f"slide {slide} at {width}")
    assert sizes[1280] and len(sizes[1280]) == len(sizes[1920])
    assert min(sizes[1920]) >= 24, sorted(sizes[1920])[:5]
    assert all(abs(big / small - 1.5) < 0.02 for small, big in zip(sizes[1280], sizes[1920], strict=True))
