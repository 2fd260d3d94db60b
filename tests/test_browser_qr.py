"""The QR code of UNIONBOARD_PUBLIC_URL in a real browser: scanned back from screenshots of the title slide
(1280×720, 1920×1080, a 390×844 phone) and of the overview on a phone and a laptop, never over the title's text.

Screenshots: tests/artifacts/qr-slide-<w>x<h>.png, qr-overview-<w>x<h>.png and the crops that were decoded.
"""

from __future__ import annotations

import io

import pytest
import test_browser_slides
import zxingcpp
from helpers import app_env, running_app, wait_for_app
from PIL import Image
from test_browser_slides import assert_fits, wait_for_slide

PUBLIC_URL = "https://daihoi.example.vn/bao-cao?lang=vi"
hall_page = test_browser_slides.hall_page  # the fixture: a page of a given viewport size

# The boxes of the title slide's text and of the QR code (figure: image + caption), in CSS px.
BOXES_JS = """() => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  return {
    texts: [...document.querySelectorAll('.ub-title-text > div')].map(el => [el.className, box(el)]),
    qr: box(document.querySelector('.ub-qr')),
    img: box(document.querySelector('.ub-qr img')),
    scroll: [document.documentElement.scrollWidth, window.innerWidth],
  };
}"""


@pytest.fixture(scope="module")
def qr_server(tmp_path_factory):
    home = tmp_path_factory.mktemp("qr_home")
    with running_app(app_env(home, UNIONBOARD_PUBLIC_URL=PUBLIC_URL), tmp_path_factory.mktemp("qr_logs")) as base:
        yield base


def scan(locator, path) -> list[str]:
    """Screenshot just this element (saved to `path`) and decode the QR codes in it."""
    locator.scroll_into_view_if_needed()
    png = locator.screenshot(path=str(path), animations="disabled")
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))]


def overlaps(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize(("width", "height", "scale"), [(1280, 720, 1.0), (1920, 1080, 1.5), (390, 844, 0.5)])
def test_the_title_slide_code_scans_and_keeps_clear_of_the_title(hall_page, qr_server, artifacts_dir,
                                                                 width, height, scale):
    page = hall_page(width, height)
    page.goto(f"{qr_server}/slides")
    wait_for_app(page)
    wait_for_slide(page, 1)
    qr = page.locator(".ub-qr img")
    qr.wait_for(state="visible")
    page.wait_for_timeout(300)
    size = f"{width}x{height}"
    page.screenshot(path=str(artifacts_dir / f"qr-slide-{size}.png"))
    assert scan(qr, artifacts_dir / f"qr-slide-{size}-crop.png") == [PUBLIC_URL]
    caption = page.locator(".ub-qr figcaption").inner_text()
    assert "Quét để xem trên điện thoại" in caption and PUBLIC_URL in caption
    boxes = page.evaluate(BOXES_JS)
    left, top, right, bottom = boxes["img"]
    assert right - left == pytest.approx(220 * scale, abs=2), f"{size}: QR code of {right - left:.0f} px"
    assert len(boxes["texts"]) >= 3, boxes
    for name, text_box in boxes["texts"]:
        assert not overlaps(boxes["qr"], text_box), f"{size}: the QR code covers .{name} {boxes}"
    assert boxes["scroll"][0] <= boxes["scroll"][1], f"{size}: the page scrolls sideways {boxes}"
    if width >= 1280:  # the hall: the slide still fits the screen without scrolling
        assert_fits(page, f"title slide with QR at {size}")


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1280, 720)])
def test_the_overview_code_scans_on_a_phone_and_a_laptop(hall_page, qr_server, artifacts_dir, width, height):
    page = hall_page(width, height)
    page.goto(f"{qr_server}/")
    wait_for_app(page)
    block = page.locator(".st-key-public_qr")
    block.wait_for(state="attached")
    block.scroll_into_view_if_needed()
    assert "Quét để xem trên điện thoại" in block.inner_text() and PUBLIC_URL in block.inner_text()
    box = block.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"the QR block leaves the screen {box}"
    assert not block.locator("a").count(), "the address is shown as text, not as a link"
    assert scan(block.locator("img"), artifacts_dir / f"qr-overview-{width}x{height}-crop.png") == [PUBLIC_URL]
    page.screenshot(path=str(artifacts_dir / f"qr-overview-{width}x{height}.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= width
