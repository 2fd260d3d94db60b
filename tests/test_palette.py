"""Colours: one stable colour per source/category by order of first appearance; distinct statuses."""

from __future__ import annotations

import colorsys

from unionboard.core.models import STATUSES, Finance, FinanceEntry
from unionboard.present import palette
from unionboard.sample.report import REVENUE, SPENDING, YEARS


def finance_from(revenue, spending) -> Finance:
    entries = [FinanceEntry(side, year, item, amount)
               for side, rows in (("revenue", revenue), ("spending", spending))
               for item, amounts in rows
               for year, amount in zip(YEARS, amounts, strict=True) if amount is not None]
    return Finance(entries=tuple(entries))


def report_finance() -> Finance:
    return finance_from(REVENUE, SPENDING)


def test_colours_follow_order_of_first_appearance() -> None:
    colors = palette.colors_for(report_finance(), "revenue")
    assert list(colors) == [item for item, _ in REVENUE]
    assert list(colors.values()) == list(palette.PALETTES["revenue"][:3])
    assert colors["Thu ĐPCĐ 1%"] == palette.BLUE  # the report's first source is always blue
    spending = palette.colors_for(report_finance(), "spending")
    assert list(spending.values()) == list(palette.PALETTES["spending"][:4])


def test_colours_are_stable_across_calls_and_data_sets() -> None:
    first = palette.colors_for(report_finance(), "revenue")
    assert palette.colors_for(report_finance(), "revenue") == first
    # Another data set with the same first source in different years: same colour.
    other = finance_from([("Thu ĐPCĐ 1%", (1, None, None, None, None))], [])
    assert palette.colors_for(other, "revenue")["Thu ĐPCĐ 1%"] == first["Thu ĐPCĐ 1%"]


def test_same_item_same_colour_in_every_revenue_chart() -> None:
    finance = report_finance()
    order = finance.items("revenue")
    whole = palette.colors_for(finance, "revenue")
    # A chart of one year, or one that lists only some items, still passes the data set's order.
    for item in reversed(order):
        assert palette.color_for(item, "revenue", order) == whole[item]
    assert palette.color_for("CQ, ĐV hỗ trợ", "revenue", order) == palette.PALETTES["revenue"][2]


def test_colours_are_distinct_within_a_side() -> None:
    finance = report_finance()
    for side in ("revenue", "spending"):
        colors = list(palette.colors_for(finance, side).values())
        assert len(set(colors)) == len(colors)
        assert len(set(palette.PALETTES[side])) == len(palette.PALETTES[side])


def test_revenue_and_spending_start_apart() -> None:
    finance = report_finance()
    assert palette.colors_for(finance, "revenue")[REVENUE[0][0]] != \
        palette.colors_for(finance, "spending")[SPENDING[0][0]]
    assert palette.SIDE_COLORS["revenue"] != palette.SIDE_COLORS["spending"]


def test_item_outside_the_order_gets_a_stable_hashed_colour() -> None:
    a = palette.color_for("Khoản mới", "spending")
    assert a == palette.color_for("Khoản mới", "spending", ("Khác",))
    assert a == palette.color_for("KHOẢN MỚI", "spending")  # folded name
    assert a in palette.PALETTES["spending"]


def test_unknown_side_uses_the_revenue_palette() -> None:
    assert palette.color_for("x", "other", ("x",)) == palette.PALETTES["revenue"][0]


def test_palette_wraps_around_for_many_items() -> None:
    order = tuple(f"Nguồn {i}" for i in range(10))
    n = len(palette.PALETTES["revenue"])
    assert palette.color_for(order[n], "revenue", order) == palette.PALETTES["revenue"][0]


def _rgb(hex_color: str) -> tuple[float, float, float]:
    return tuple(int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def _grey(hex_color: str) -> float:
    """The colour as greyscale (Rec. 709 luma), how it prints in black and white."""
    r, g, b = _rgb(hex_color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_status_colours_distinct_in_hue_and_lightness() -> None:
    colors = [palette.status_color(s) for s in STATUSES]  # Vượt, Đạt, Chưa đạt
    assert len(set(colors)) == 3
    assert len({round(colorsys.rgb_to_hls(*_rgb(c))[0], 2) for c in colors}) == 3
    grey = [_grey(c) for c in colors]
    assert grey == sorted(grey)  # dark blue, mid green, light orange
    assert min(b - a for a, b in zip(grey, grey[1:], strict=False)) > 0.05
    assert palette.status_color("Vượt") == palette.BLUE
    assert palette.status_color("Chưa đạt") == palette.ORANGE
    assert palette.status_color("không rõ") == palette.UNKNOWN_COLOR not in colors


def test_gender_colours() -> None:
    assert palette.gender_color("Nam") != palette.gender_color("Nữ")
    assert palette.gender_color(None) == palette.gender_color("") == palette.UNKNOWN_COLOR
