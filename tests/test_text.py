"""Tests for unionboard.core.text: folding, Vietnamese numbers, cell names, money formatting."""

import datetime as dt

import pytest

from unionboard.core.text import (
    cell_name,
    clean,
    fold,
    format_dong,
    format_million,
    format_number,
    parse_number,
    parse_user_number,
    parse_year,
)


@pytest.mark.parametrize(("raw", "expected"), [
    ("Họ và tên", "ho va ten"), ("  GIỚI   TÍNH ", "gioi tinh"), ("Đảng viên", "dang vien"),
    ("Tông cộng", "tong cong"), ("Năm 2013", "nam 2013"), (None, ""), ("Thu ĐPCĐ 1%", "thu dpcd 1%"),
])
def test_fold_ignores_case_diacritics_and_punctuation(raw, expected):
    assert fold(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("18.777.000", 18_777_000), ("100,61", 100.61), ("1.000", 1000), ("-2.000.000 đ", -2_000_000),
    ("12,5%", 12.5), (3, 3), (2.5, 2.5), ("310992000", 310_992_000), ("1,234,567", 1_234_567),
    ("18.777.000,50", 18_777_000.5), ("abc", None), ("", None), (None, None), (True, None),
])
def test_parse_number_reads_vietnamese_and_plain_numbers(raw, expected):
    assert parse_number(raw) == expected


@pytest.mark.parametrize(("raw", "lang", "expected"), [
    ("15,800", "en", 15_800), ("15.800", "vi", 15_800), ("2.5", "en", 2.5), ("2,5", "vi", 2.5),
    ("15,800,000", "en", 15_800_000), ("15.740.000", "vi", 15_740_000), ("1,000.5", "en", 1000.5),
    ("1.000,5", "vi", 1000.5), ("15,800,000 VND", "en", 15_800_000), ("15.800.000 đ", "vi", 15_800_000),
    ("-5", "en", -5), ("\u22122,5 %", "vi", -2.5), ("0,0", "vi", 0), ("0.0", "en", 0), ("15800000", "en", 15_800_000),
    # ambiguous or foreign writing is read by the language's rule, and refused when it breaks it
    ("1.5", "vi", None), ("1,5", "en", None), ("15.800.000", "en", None), ("15,800,000", "vi", None),
    ("1,000,00", "en", None), ("2.5.1", "en", None), ("1.000,5", "en", None), ("", "en", None),
    (".", "vi", None), ("nhiều", "vi", None), (None, "en", None),
])
def test_parse_user_number_reads_by_the_language(raw, lang, expected):
    assert parse_user_number(raw, lang) == expected


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(("value", "decimals"), [(15_740_000, 0), (2.5, 1), (-1234.56, 2), (0, 1)])
def test_parse_user_number_reads_back_what_the_field_shows(value, decimals, lang):
    assert parse_user_number(format_number(value, decimals, lang), lang) == value


def test_workbook_cells_keep_the_vietnamese_reading():
    assert parse_number("15,800") == 15.8 and parse_number("15.800") == 15_800  # unchanged for files


@pytest.mark.parametrize(("raw", "expected"), [
    (2013, 2013), ("2013", 2013), ("Năm 2013", 2013), ("năm  2017", 2017), (2013.0, 2013),
    (dt.date(2015, 1, 1), 2015), ("Tổng cộng", None), (13, None), (2013.5, None),
])
def test_parse_year(raw, expected):
    assert parse_year(raw) == expected


def test_cell_names_are_a1_style():
    assert cell_name(0, 0) == "A1"
    assert cell_name(4, 1) == "B5"
    assert cell_name(9, 25) == "Z10"
    assert cell_name(0, 26) == "AA1"
    assert cell_name(1, 27) == "AB2"


def test_money_is_formatted_with_dot_thousands():
    assert format_dong(18_777_000) == "18.777.000 đ"
    assert format_dong(-10_395_000) == "−10.395.000 đ"  # the minus sign, not a hyphen
    assert format_number(310.992, 2) == "310,99"
    assert format_million(310_992_000) == "310,99 triệu đồng"


def test_clean_collapses_whitespace_and_removes_export_quote():
    assert clean("  Chi Phụ cấp   CB CĐ ") == "Chi Phụ cấp CB CĐ"
    assert clean(2013.0) == "2013"
    assert clean("'=SUM(A1)") == "=SUM(A1)"
    assert clean("'bình thường") == "'bình thường"


def test_wrap_breaks_long_titles_on_words():
    from unionboard.core.text import wrap

    assert wrap("Nữ chiếm 51,5% đoàn viên (17/33 người)", 20) == "Nữ chiếm 51,5% đoàn<br>viên (17/33 người)"
    assert wrap("a<br>b", 10) == "a b"
    assert wrap("ngắn", 40) == "ngắn"


def test_parse_year_refuses_infinity_and_nan() -> None:
    # Found when the finance parser's blanket `except Exception` was removed: a header cell of
    # 1.797e308 reached int(inf) and raised.
    from unionboard.core.text import parse_year

    assert parse_year(float("inf")) is None and parse_year(float("nan")) is None
    assert parse_year(2013.0) == 2013


def test_vietnam_time_is_utc_plus_seven() -> None:
    from unionboard.core.text import vietnam_time

    assert vietnam_time("2026-12-04T03:22:57+00:00") == "04/12/2026 10:22"
    assert vietnam_time("2026-12-31T20:00:00+00:00") == "01/01/2027 03:00"  # the next day in Vietnam
    assert vietnam_time("not a time") == "not a time"


def test_one_rounding_rule_halves_up_on_the_written_number_and_negatives_use_the_minus_sign():
    """332.250.000 đ is '332,3' million everywhere (the float's nearest-even gave '332,2' in the PDF
    chart); 2,155 → '2,16'; a negative amount has '−' (U+2212), read back by parse_number; no '−0'."""
    from unionboard.core.text import MINUS, format_number, half_up
    from unionboard.export.pdf_charts import one_decimal
    from unionboard.present.slides import fmt_number

    assert format_number(332_250_000 / 1_000_000, 1) == one_decimal(332.25) == fmt_number(332.25, "vi", 1) == "332,3"
    assert fmt_number(332.25, "en", 1) == "332.3"
    assert format_number(2.155, 2) == "2,16" and str(half_up(0.125, 2)) == "0.13"
    assert format_number(-2_000_000) == f"{MINUS}2.000.000" and fmt_number(-1.5, "en", 1) == f"{MINUS}1.5"
    assert format_number(-0.01, 1) == "0,0"
    assert parse_number(format_number(-2_000_000)) == -2_000_000


@pytest.mark.parametrize("text", ["18 777 000 đ", "18.777.000 VNĐ", "18.777.000 ₫", "18\u202f777\u202f000",
                                  "18\u00a0777\u00a0000 đ", "₫18.777.000", "VND 18.777.000", "18.777.000đ"])
def test_amounts_with_currency_signs_and_narrow_spaces(text):
    assert parse_number(text) == 18_777_000


def test_a_writer_sets_the_language_of_its_figures_once_and_a_figure_renders_in_any_language():
    """`numbers_in` gives every figure formatted inside it the writer's language; outside, Vietnamese; an
    explicit language wins. A formatted figure keeps its value: an issue message renders it again."""
    import pickle

    from unionboard.core.text import Number, numbers_in

    assert format_dong(18_777_000) == "18.777.000 đ"
    with numbers_in("en"):
        assert format_dong(18_777_000) == "18,777,000 VND" and format_number(51.45, 1) == "51.5"
        assert format_number(51.45, 1, "vi") == "51,5"
        assert format_million(310_992_000) == "310,99 triệu đồng"  # Vietnamese words keep Vietnamese figures
    assert format_number(332.25, 1) == "332,3"  # back to Vietnamese, the rounding halves up
    figure = format_dong(-2_000_000)
    assert isinstance(figure, Number) and figure.render("en") == "−2,000,000 VND" and figure.render("vi") == figure
    assert pickle.loads(pickle.dumps(figure)).render("en") == "−2,000,000 VND"
