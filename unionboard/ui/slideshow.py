"""Streamlit helpers for the slide mode: the page's CSS, the slide number in the URL, slide HTML.

The slide page is designed for a 1280×720 viewport (a projector): every size is a px length of
that design times the CSS variable `--ub-s`, which media queries set to 1.5 on a 1920×1080 screen,
0.9 on a 1280×650 browser window, ... so the slide fills any screen and never scrolls. The chart
box gets its height the same way and Plotly fills it (`st.plotly_chart(height="stretch")`).

Every text taken from the data (union name, sources, targets) is HTML-escaped here (`_esc`), and
the characters Markdown reads (* _ [ ] ` ~ $ and the backslash) become character references: the slide HTML goes
through st.markdown, so even outside an HTML block the text would be shown as written.
"""

from __future__ import annotations

import base64
from html import escape

import streamlit as st

from unionboard.core.i18n import t
from unionboard.present.qr import public_url, qr_svg
from unionboard.present.slides import Slide

SLIDE_PARAM = "slide"
NOTES_PARAM = "notes"

DESIGN_WIDTH, DESIGN_HEIGHT = 1280, 720
# A viewport at least scale × 1280×720 gets everything `scale` times larger (the largest that fits)...
GROW_STEPS = (1.25, 1.5, 2.0, 3.0)
# ...and one smaller than 1280×720 (a laptop browser that is not full screen) smaller.
SHRINK_STEPS = (0.9, 0.8, 0.7, 0.6, 0.5)

INK = "#111111"
MUTED = "#3A3A3A"
ACCENT = "#0B3D91"
QR_SIZE = 220  # px of the 1280×720 design: the title slide's QR code


def px(n: float) -> str:
    """A length of the 1280×720 design, scaled to the viewport by the `--ub-s` variable."""
    return f"calc({n}px * var(--ub-s, 1))"


_BASE_CSS = f"""
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stSidebarCollapseButton"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stBottom"] {{ display: none !important; }}
[data-testid="stAppViewContainer"], [data-testid="stMain"] {{ padding-top: 0 !important; }}
[data-testid="stMain"] {{ overflow: hidden; }}
[data-testid="stMainBlockContainer"] {{
  padding: {px(6)} {px(28)} 0 {px(28)} !important; max-width: 100% !important;
}}
[data-testid="stMainBlockContainer"] > div > [data-testid="stVerticalBlock"] {{ gap: {px(6)}; }}
.st-key-slide_bar {{ opacity: .45; transition: opacity .2s; min-height: 40px; }}
.st-key-slide_bar:hover, .st-key-slide_bar:focus-within {{ opacity: 1; }}
.st-key-slide_bar p {{ margin: 0; }}
.st-key-slide_keys {{ display: none !important; }}
.ub-counter {{ font-size: 18px; color: {MUTED}; font-variant-numeric: tabular-nums; }}
.ub-head h1.ub-title {{
  font-size: {px(44)}; line-height: 1.12; font-weight: 700; color: {ACCENT}; margin: 0; padding: 0;
}}
.ub-head p.ub-finding {{
  font-size: {px(30)}; line-height: 1.2; color: {INK}; margin: {px(6)} 0 0 0; font-weight: 500;
}}
div:has(> .st-key-slide_chart), .st-key-slide_chart {{
  height: {px(505)} !important; flex: 0 0 {px(505)} !important; max-height: none !important;
  overflow: hidden !important; }}
div:has(> .st-key-slide_chart_notes), .st-key-slide_chart_notes {{
  height: {px(300)} !important; flex: 0 0 {px(300)} !important; max-height: none !important;
  overflow: hidden !important; }}
.ub-numbers {{ display: flex; flex-direction: column; gap: {px(18)}; justify-content: center;
  height: 100%; padding-top: {px(10)}; }}
.ub-numbers.ub-row {{ flex-direction: row; flex-wrap: wrap; justify-content: center; align-content: center;
  gap: {px(36)} {px(80)}; min-height: {px(420)}; }}
.ub-number .ub-value {{ font-size: {px(56)}; line-height: 1.05; font-weight: 700; color: {ACCENT};
  font-variant-numeric: tabular-nums; }}
.ub-numbers.ub-row .ub-number {{ text-align: center; min-width: {px(220)}; }}
.ub-numbers.ub-row .ub-value {{ font-size: {px(96)}; }}
.ub-number .ub-label {{ font-size: {px(22)}; line-height: 1.2; color: {MUTED}; }}
.ub-numbers.ub-row .ub-label {{ font-size: {px(28)}; }}
.ub-title-slide {{ display: flex; flex-direction: row; justify-content: center; align-items: center;
  text-align: center; min-height: {px(560)}; gap: {px(48)}; }}
.ub-title-text {{ display: flex; flex-direction: column; justify-content: center; align-items: center;
  gap: {px(28)}; flex: 1 1 0; min-width: 0; }}
/* the QR beside the title (never over it), big enough to scan from the hall */
.ub-qr {{ flex: 0 0 {px(QR_SIZE + 20)}; display: flex; flex-direction: column; align-items: center;
  gap: {px(8)}; margin: 0; }}
.ub-qr img {{ width: {px(QR_SIZE)}; height: {px(QR_SIZE)}; display: block; }}
.ub-qr figcaption {{ font-size: max(14px, {px(20)}); line-height: 1.25; color: {MUTED}; text-align: center; }}
.ub-qr .ub-qr-url {{ display: block; font-size: max(12px, {px(16)}); overflow-wrap: anywhere; }}
.ub-title-slide .ub-union {{ font-size: {px(56)}; line-height: 1.15; font-weight: 700; color: {ACCENT};
  max-width: {px(1100)}; }}
.ub-title-slide .ub-congress {{ font-size: {px(46)}; font-weight: 600; color: {INK}; }}
.ub-title-slide .ub-term {{ font-size: {px(36)}; color: {MUTED}; }}
.ub-notes {{ font-size: 22px; line-height: 1.45; color: {INK}; }}
/* the hall's chart is drawn at the design's size and scaled with the slide, its text included (a CSS
   transform: Plotly and Streamlit measure zoomed boxes and would lay it out at the scaled size) */
.st-key-slide_chart .js-plotly-plot {{ transform: scale(var(--ub-s, 1)); transform-origin: 0 0; }}
.st-key-slide_chart [data-testid="stPlotlyChart"], .st-key-slide_chart [data-testid="stFullScreenFrame"],
.st-key-slide_chart [data-testid="stElementContainer"] {{ overflow: visible !important; }}
/* a phone: the dashboard's chart instead of the hall's (whose large type cannot fit), and scrolling */
.st-key-slide_phone {{ display: none !important; }}
@media (max-width: 640px) {{
  .st-key-slide_phone {{ display: flex !important; }}
  .st-key-slide_hall {{ display: none !important; }}
  .ub-title-slide {{ flex-direction: column; min-height: 0; }}
  [data-testid="stMain"] {{ overflow: auto; }}
}}
"""


def inject_css() -> None:
    """This page only: no sidebar, header or toolbar; tight padding; type scaled to the viewport.

    Sizes are those of a 1280×720 design times `--ub-s`, set by media queries. The chart boxes
    get their height that way too and Plotly fills them (its fonts stay in px: large already).
    """
    grow = "\n".join(  # later rules win: the largest scale last
        f"@media (min-width: {round(DESIGN_WIDTH * z)}px) and (min-height: {round(DESIGN_HEIGHT * z)}px) "
        f"{{ :root {{ --ub-s: {z}; }} }}" for z in GROW_STEPS)
    shrink = "\n".join(  # the smallest scale last; a step applies when even scale + 0.1 is too big
        f"@media (max-width: {round(DESIGN_WIDTH * (z + 0.1)) - 1}px), "
        f"(max-height: {round(DESIGN_HEIGHT * (z + 0.1)) - 1}px) {{ :root {{ --ub-s: {z}; }} }}"
        for z in SHRINK_STEPS)
    st.html(f"<style>:root {{ --ub-s: 1; }}\n{_BASE_CSS}\n{grow}\n{shrink}</style>")


def hall_chart(fig, key: str, notes: bool, config: dict) -> None:
    """The slide's chart in its box: beside the notes it fills the box; otherwise it is drawn at its own
    (design) size, not resized by Plotly, and the CSS above scales it with the slide."""
    if notes:
        st.plotly_chart(fig, key=key, config=config, theme=None, height="stretch")
    else:
        st.plotly_chart(fig, key=key, config={**config, "responsive": False}, theme=None, width="content",
                        height="content")


def allow_scroll() -> None:
    """Presenter view (notes below the slide): the page may scroll."""
    st.html('<style>[data-testid="stMain"] { overflow: auto !important; }</style>')


# --------------------------------------------------------------------------- the URL


def parse_slide_number(value: object, count: int) -> int:
    """`?slide=` (1-based) → a valid slide number: clamped to 1..count, 1 for anything unreadable."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(count, 1))


def current_slide(count: int) -> int:
    """The slide number of the URL, clamped; the URL is corrected when it said something else."""
    number = parse_slide_number(st.query_params.get(SLIDE_PARAM), count)
    if st.query_params.get(SLIDE_PARAM) != str(number):
        st.query_params[SLIDE_PARAM] = str(number)
    return number


def go_to(number: int) -> None:
    """Show slide `number` (1-based), in the address too."""
    st.query_params[SLIDE_PARAM] = str(number)


def step(delta: int, count: int) -> None:
    """Button callback: move from the slide the URL shows now (not the one rendered last)."""
    go_to(parse_slide_number(parse_slide_number(st.query_params.get(SLIDE_PARAM), count) + delta, count))


def notes_shown() -> bool:
    """Whether the speaker notes are shown."""
    return st.query_params.get(NOTES_PARAM) == "1"


def set_notes(shown: bool) -> None:
    """Show or hide the speaker notes."""
    if shown:
        st.query_params[NOTES_PARAM] = "1"
    elif NOTES_PARAM in st.query_params:
        del st.query_params[NOTES_PARAM]


# --------------------------------------------------------------------------- slide HTML


_MARKDOWN_REFS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_[]~$"})


def _esc(text: str) -> str:
    """Text for the slide HTML: HTML-escaped, Markdown's characters as character references."""
    return escape(text).translate(_MARKDOWN_REFS)


def html_text(text: str) -> str:
    """Text from the data for any slide-style HTML (the hall screen too): HTML and Markdown escaped."""
    return _esc(text)


def head_html(slide: Slide) -> str:
    """The slide's head (union, congress, counter) as escaped HTML."""
    return (f'<div class="ub-head"><h1 class="ub-title">{_esc(slide.title)}</h1>'
            f'<p class="ub-finding">{_esc(slide.finding)}</p></div>')


def numbers_html(numbers: tuple[tuple[str, str], ...], row: bool = False) -> str:
    """The slide's big numbers as escaped HTML."""
    items = "".join(f'<div class="ub-number"><div class="ub-value">{_esc(value)}</div>'
                    f'<div class="ub-label">{_esc(label)}</div></div>' for label, value in numbers)
    return f'<div class="ub-numbers{" ub-row" if row else ""}">{items}</div>'


def title_html(slide: Slide, qr: str = "") -> str:
    """The slide's title and finding as escaped HTML, with `qr` (`qr_html`) beside them."""
    term = "".join(f'<div class="ub-term">{_esc(label)} {_esc(value)}</div>'
                   for label, value in slide.numbers)
    return (f'<div class="ub-title-slide"><div class="ub-title-text"><div class="ub-union">{_esc(slide.title)}</div>'
            f'<div class="ub-congress">{_esc(slide.finding)}</div>{term}</div>{qr}</div>')


def qr_html(url: str, caption: str, alt: str) -> str:
    """The QR code of `url` as an image (an SVG data URI: nothing in it can run) with its caption and
    the address written out, all text escaped."""
    data = base64.b64encode(qr_svg(url).encode("ascii")).decode("ascii")
    return (f'<figure class="ub-qr"><img src="data:image/svg+xml;base64,{data}" alt="{_esc(alt)}">'
            f'<figcaption>{_esc(caption)}<span class="ub-qr-url">{_esc(url)}</span></figcaption></figure>')


def title_qr(lang: str) -> str:
    """The title slide's QR code of `UNIONBOARD_PUBLIC_URL`, or "" when the setting is absent or refused."""
    url = public_url()
    return qr_html(url, t("qr.caption", lang), t("qr.alt", lang, url=url)) if url else ""


def notes_html(notes: str) -> str:
    """The speaker notes as escaped HTML."""
    return f'<div class="ub-notes">{_esc(notes)}</div>'


def show_html(html: str) -> None:
    """Raw slide HTML (already escaped) as one markdown block."""
    st.markdown(html, unsafe_allow_html=True)
