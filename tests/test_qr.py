"""The QR code of UNIONBOARD_PUBLIC_URL: only http(s) addresses, decoded back to the address, safe to embed."""

from __future__ import annotations

import base64
import io
import re
import xml.etree.ElementTree as ET

import pytest
import zxingcpp
from helpers import report_dataset
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from unionboard.core.i18n import t
from unionboard.export.pptx import dataset_to_pptx
from unionboard.present.qr import (
    ENV_VAR,
    MAX_URL_LENGTH,
    normalise_url,
    public_url,
    public_url_setting,
    qr_png,
    qr_svg,
)
from unionboard.present.slides import build_slides
from unionboard.ui import slideshow

URLS = ["https://daihoi.example.vn", "http://192.168.1.20:8501/", "https://bao-cao.congdoan.vn/?lang=vi#tong-quan",
        "http://[fe80::1]:8501/slides?slide=1"]


def decode(image: Image.Image) -> list[str]:
    """Every QR code zxing-cpp finds in the image, as text."""
    return [code.text for code in zxingcpp.read_barcodes(image.convert("L"))]


def rasterise(svg: str, scale: int = 8) -> Image.Image:
    """segno's SVG (one path of horizontal runs: M/m moves, h draws one module high) as a bitmap."""
    root = ET.fromstring(svg)
    width, height = (int(float(v)) for v in root.get("viewBox").split()[2:])
    image = Image.new("L", (width * scale, height * scale), 255)
    pixels = image.load()
    paths = [p for p in root.iter("{http://www.w3.org/2000/svg}path") if p.get("stroke")]
    assert len(paths) == 1
    x = y = 0.0
    for command, args in re.findall(r"([MmHh])([^MmHh]*)", paths[0].get("d")):
        numbers = [float(n) for n in args.split()] if " " in args.strip() else [float(args)]
        if command == "M":
            x, y = numbers
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            end = x + numbers[0] if command == "h" else numbers[0]
            for px in range(int(x * scale), int(end * scale)):
                for py in range(int((y - 0.5) * scale), int((y + 0.5) * scale)):
                    pixels[px, py] = 0
            x = end
    return image


# --------------------------------------------------------------------------- the setting


@pytest.mark.parametrize("url", URLS)
def test_an_http_address_is_kept(url):
    assert normalise_url(url) == url
    assert public_url({ENV_VAR: f"  {url}\n"}) == url


@pytest.mark.parametrize("value", [
    "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "file:///etc/passwd", "ftp://x.vn",
    "daihoi.example.vn", "//daihoi.example.vn", "https://", "https:///path", "https://user:pw@x.vn/",
    "https://x.vn/a b", "https://x.vn/\u0000", "https://x.vn:99999/", "https://x.vn:port/", "https://x.vn\\@y.vn",
    "https://<script>/", "https://x.vn/" + "a" * MAX_URL_LENGTH,
])
def test_anything_else_is_refused_and_reported_as_invalid(value):
    assert normalise_url(value) is None
    setting = public_url_setting({ENV_VAR: value})
    assert setting.url is None and setting.configured and setting.invalid
    with pytest.raises(ValueError):
        qr_svg(value)


def test_unset_or_blank_is_not_invalid():
    for environ in ({}, {ENV_VAR: ""}, {ENV_VAR: "   "}):
        setting = public_url_setting(environ)
        assert setting.url is None and not setting.invalid


def test_the_process_environment_is_read(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "https://daihoi.example.vn/")
    assert public_url() == "https://daihoi.example.vn/"
    monkeypatch.delenv(ENV_VAR)
    assert public_url() is None


def test_vietnamese_letters_become_the_ascii_form_a_phone_scanner_reads():
    url = normalise_url("https://hà-giang.vn/đại-hội?q=Đại")
    assert url == "https://xn--h-giang-8va.vn/%C4%91%E1%BA%A1i-h%E1%BB%99i?q=%C4%90%E1%BA%A1i"
    assert decode(Image.open(io.BytesIO(qr_png(url)))) == [url]


def test_hostile_text_in_an_address_is_percent_escaped():
    url = normalise_url('https://x.vn/"><script>alert(1)</script>?a=<b>')
    assert url is not None and not set(url) & set('<>"\' ')
    assert decode(Image.open(io.BytesIO(qr_png(url)))) == [url]


# --------------------------------------------------------------------------- the codes


@pytest.mark.parametrize("url", URLS)
def test_the_png_decodes_back_to_the_address(url):
    image = Image.open(io.BytesIO(qr_png(url)))
    assert image.format == "PNG"
    assert decode(image) == [url]


@pytest.mark.parametrize("url", URLS)
def test_the_svg_decodes_back_to_the_address(url):
    assert decode(rasterise(qr_svg(url))) == [url]


def test_the_svg_is_only_shapes_and_scales_to_its_box():
    svg = qr_svg("https://daihoi.example.vn/?a=1&b=2")
    root = ET.fromstring(svg)
    tags = {element.tag.split("}")[1] for element in root.iter()}
    assert tags == {"svg", "path"}
    attributes = {name.lower() for element in root.iter() for name in element.attrib}
    assert not {a for a in attributes if a.startswith("on") or "href" in a}
    assert root.get("viewBox") and root.get("width") is None  # no fixed size: the page's CSS sizes it
    assert "daihoi" not in svg and "script" not in svg.lower()


# --------------------------------------------------------------------------- where it is shown


def test_the_title_slide_shows_the_code_beside_the_title_with_every_text_escaped():
    slide = build_slides(report_dataset(), "vi")[0]
    hostile = "https://x.vn/<b>*a*_[l](javascript:x)"
    html = slideshow.title_html(slide, slideshow.qr_html(hostile, "<i>Quét</i>", 'a"b'))
    assert "<b>" not in html and "<i>" not in html and 'a"b' not in html
    assert "&lt;b&gt;&#42;a&#42;&#95;&#91;l&#93;(javascript:x)" in html
    assert html.index('class="ub-union"') < html.index('class="ub-qr"')  # title text first, the code after
    src = re.search(r'src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)"', html).group(1)
    assert decode(rasterise(base64.b64decode(src).decode())) == [normalise_url(hostile)]


def test_the_title_slide_code_follows_the_setting(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "https://daihoi.example.vn")
    html = slideshow.title_qr("vi")
    assert t("qr.caption", "vi") in html and "https://daihoi.example.vn" in html
    for value in ("javascript:alert(1)", ""):
        monkeypatch.setenv(ENV_VAR, value)
        assert slideshow.title_qr("en") == ""


def _pictures(slide) -> list:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_the_powerpoint_title_slide_carries_the_code_clear_of_the_text():
    url = "https://daihoi.example.vn/"
    prs = Presentation(io.BytesIO(dataset_to_pptx(report_dataset(), order=["title", "members"], qr_url=url)))
    (picture,) = _pictures(prs.slides[0])
    assert decode(Image.open(io.BytesIO(picture.image.blob))) == [url]
    assert picture.left + picture.width <= prs.slide_width and picture.top + picture.height <= prs.slide_height
    for shape in prs.slides[0].shapes:
        if shape.has_text_frame and shape.text_frame.text.strip():
            apart = (shape.left + shape.width <= picture.left or picture.left + picture.width <= shape.left
                     or shape.top + shape.height <= picture.top or picture.top + picture.height <= shape.top)
            assert apart, f"{shape.text_frame.text!r} overlaps the QR code"
    texts = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.has_text_frame]
    assert t("qr.caption", "vi") in texts
    assert not _pictures(prs.slides[1])
    plain = Presentation(io.BytesIO(dataset_to_pptx(report_dataset(), order=["title"])))
    assert not _pictures(plain.slides[0])
