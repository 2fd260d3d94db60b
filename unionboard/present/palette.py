"""Colours shared by every chart: colour-blind-safe (Okabe–Ito), one colour per meaning.

- Each revenue source / spending category keeps ONE colour in every chart. The colour is chosen by
  the item's position in `Finance.items(side)` (order of first appearance), so the report's first
  source is always blue, its second sky blue, ...; `colors_for(finance, side)` gives the whole map.
- Revenue uses the cool half of the palette first, spending the warm half, so a source and a
  category shown on the same page do not look alike.
- Status colours (Vượt / Đạt / Chưa đạt) differ in hue AND lightness (dark blue, mid green,
  light orange) so they stay apart in greyscale and for colour-blind viewers.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

from unionboard.core.text import fold

# Okabe & Ito (2008), "Color Universal Design".
BLACK = "#000000"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
GREY = "#8C8C8C"
LIGHT_GREY = "#C8C8C8"
DARK = "#333333"

PALETTES: dict[str, tuple[str, ...]] = {
    "revenue": (BLUE, SKY_BLUE, BLUISH_GREEN, REDDISH_PURPLE, YELLOW, ORANGE, VERMILLION, GREY),
    "spending": (VERMILLION, ORANGE, REDDISH_PURPLE, YELLOW, BLUISH_GREEN, SKY_BLUE, BLUE, GREY),
}

# Totals of a side (balance chart, waterfall steps) and the running balance.
SIDE_COLORS: dict[str, str] = {"revenue": BLUE, "spending": VERMILLION, "balance": DARK}

STATUS_COLORS: dict[str, str] = {"Vượt": BLUE, "Đạt": BLUISH_GREEN, "Chưa đạt": ORANGE}

GENDER_COLORS: dict[str, str] = {"Nam": BLUE, "Nữ": REDDISH_PURPLE}
UNKNOWN_COLOR = GREY

PARTY_COLORS: dict[bool, str] = {True: VERMILLION, False: LIGHT_GREY}

RECIPIENT_COLORS: dict[str, str] = {"Tập thể": BLUE, "Cá nhân": ORANGE}

# Single-series bar charts (education, departments, ages, award levels).
NEUTRAL = BLUE


def _palette(side: str) -> tuple[str, ...]:
    return PALETTES.get(side, PALETTES["revenue"])


def color_for(item: str, side: str, order: Sequence[str] = ()) -> str:
    """The colour of a revenue source (side="revenue") or spending category (side="spending").

    With `order` (normally `finance.items(side)`) the colour is the palette entry at the item's
    position, so it is the same in every chart of one data set. An item outside `order` (or with
    no `order`) gets a colour derived from its folded name: still stable across runs and charts.
    """
    palette = _palette(side)
    if item in order:
        return palette[list(order).index(item) % len(palette)]
    return palette[zlib.crc32(fold(item).encode("utf-8")) % len(palette)]


def colors_for(finance, side: str) -> dict[str, str]:
    """{item: colour} for every source/category of `finance` on `side`, in order of appearance."""
    order = finance.items(side)
    return {item: color_for(item, side, order) for item in order}


def status_color(status: str) -> str:
    """The colour of a target status (same in every chart)."""
    return STATUS_COLORS.get(status, UNKNOWN_COLOR)


def gender_color(gender: str | None) -> str:
    """The colour of a gender (same in every chart)."""
    return GENDER_COLORS.get(gender or "", UNKNOWN_COLOR)
