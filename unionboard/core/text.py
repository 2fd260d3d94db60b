"""Text helpers: diacritics-insensitive folding, Vietnamese numbers and money, A1 cell names."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import math
import re
import unicodedata
from collections.abc import Iterator
from contextvars import ContextVar
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

_SPACES = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z%]+")


@lru_cache(maxsize=65536)
def fold(value: object) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and collapse punctuation to single spaces.

    >>> fold("  Họ và TÊN ")
    'ho va ten'
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFKD", str(value).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return _NON_WORD.sub(" ", text).strip()


def clean(value: object) -> str:
    """A cell's text with whitespace collapsed and NFC-normalised ('' for blank).

    The quote our exports put before text starting with = + - @ (formula-injection guard) is removed.
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if len(text) > 1 and text[0] == "'" and text[1] in "=+-@\t\r":
        text = text[1:]
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text).strip())


def is_blank(value: object) -> bool:
    """True for None, empty strings and whitespace-only strings."""
    return value is None or (isinstance(value, str) and not value.strip())


def column_letter(col: int) -> str:
    """0-based column index → Excel letters (0 → A, 27 → AB)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) → A1-style name ((0, 0) → 'A1')."""
    return f"{column_letter(col)}{row + 1}"


_NUMBER_TEXT = re.compile(r"^[+-]?[\d.,\s]+$")
_NUMBER_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2008": " "})


def parse_number(value: object) -> float | None:
    """A number from a cell: numeric values as is; text in Vietnamese or English format.

    Vietnamese writes thousands with dots and decimals with a comma ("18.777.000", "100,61").
    Returns None when the cell is blank or not a number.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    signed = _number_body(value)
    if signed is None:
        return None
    sign, text = signed
    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        # the later separator is the decimal mark
        if text.rfind(",") > text.rfind("."):
            text = text.replace(".", "").replace(",", ".")
        else:
            text = text.replace(",", "")
    elif dots > 1 or (dots == 1 and re.search(r"\.\d{3}$", text)):
        text = text.replace(".", "")
    elif commas > 1:
        text = text.replace(",", "")
    elif commas == 1:
        text = text.replace(",", ".")
    try:
        return sign * float(text)
    except ValueError:
        return None


def _number_body(value: object) -> tuple[float, str] | None:
    """(sign, digits and separators) of a number written as text, its unit ("đ", "VND", "%") and spaces
    removed; None when it is blank or holds anything else."""
    text = str(value).translate(_NUMBER_SPACES).strip().replace(MINUS, "-")  # no-break/narrow/thin spaces; "−" as format_number writes it
    text = re.sub(r"\s*(đồng|đ|vnd|vnđ|₫|%)$", "", text, flags=re.IGNORECASE).strip()
    text = re.sub(r"^(₫|vnd|vnđ)\s*", "", text, flags=re.IGNORECASE)
    if not text or not _NUMBER_TEXT.match(text):
        return None
    text = text.replace(" ", "")
    return (-1.0 if text.startswith("-") else 1.0), text.lstrip("+-")


def parse_user_number(text: object, lang: str) -> float | None:
    """A number typed in the app, read by the language's one rule (`SEPARATORS`): in English "," groups
    thousands and "." is the decimal point ("15,800" → 15800, "2.5" → 2.5); in Vietnamese the reverse
    ("15.800" → 15800, "2,5" → 2.5). A text that does not follow the rule — a second decimal mark,
    thousands not in groups of three ("1.5" in Vietnamese, "1,5" in English) — is None, never a guess.
    Workbook cells keep `parse_number` (spreadsheets are written the Vietnamese way whatever the UI)."""
    if text is None or isinstance(text, bool):
        return None
    signed = _number_body(text)
    if signed is None:
        return None
    sign, body = signed
    decimal, group = SEPARATORS["en" if lang == "en" else "vi"]
    whole, _, fraction = body.partition(decimal)
    if decimal in fraction or group in fraction or not re.fullmatch(r"\d*", fraction):
        return None
    if group in whole and not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)}\d{{3}})+", whole):
        return None
    digits = whole.replace(group, "")
    if not (digits or fraction) or not re.fullmatch(r"\d*", digits):
        return None
    return sign * float(f"{digits or 0}.{fraction or 0}")


def parse_year(value: object) -> int | None:
    """A year from a cell such as 2013, "2013", "Năm 2013" (None if there is none)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value):
            return None
        year = int(value)
        return year if 1900 <= year <= 2100 and float(value) == year else None
    if isinstance(value, dt.date):
        return value.year
    match = re.fullmatch(r"(?:năm|nam|year)?\s*((?:19|20)\d{2})", clean(value), flags=re.IGNORECASE)
    return int(match.group(1)) if match else None


MINUS = "\u2212"  # the minus sign of every shown negative amount ("−2.000.000 đ"), never a hyphen


def half_up(value: float, decimals: int = 0) -> Decimal:
    """The one rounding rule of every output: halves up, on the number as written (332,25 → 332,3;
    2,155 → 2,16), never the binary float's nearest-even ('332.2' from f"{332.25:.1f}")."""
    if isinstance(value, Decimal):
        exact = value
    elif isinstance(value, int):
        exact = Decimal(value)
    else:
        exact = Decimal(repr(float(value)))
    if not exact.is_finite():
        return exact
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return rounded.copy_abs() if rounded == 0 else rounded  # never "−0"


_LANGUAGE: ContextVar[str] = ContextVar("number_language", default="vi")


@contextlib.contextmanager
def numbers_in(lang: str) -> Iterator[None]:
    """Within the block, `format_number` and `format_dong` called without a language write in `lang`:
    the one place a document writer (Word, PDF, ODT, PowerPoint) sets the language of all its figures."""
    token = _LANGUAGE.set("en" if lang == "en" else "vi")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def number_language(lang: str | None = None) -> str:
    """`lang` when given, else the language set by `numbers_in` (Vietnamese by default)."""
    return _LANGUAGE.get() if lang is None else ("en" if lang == "en" else "vi")


def _written(value: float, decimals: int, lang: str) -> str:
    text = f"{half_up(value, decimals):,.{decimals}f}".replace("-", MINUS)
    if lang == "en":
        return text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def unit_label(unit: str, lang: str) -> str:
    """A figure's unit in `lang`: the catalogue's English for a Vietnamese unit ("đ" → "VND"), else as given."""
    if lang != "en" or not unit:
        return unit
    # the catalogue imports this module, so its unit names are looked up when used
    from unionboard.core.i18n import UNITS_EN

    return UNITS_EN.get(unit, unit)


class Number(str):
    """A formatted figure that keeps its value: as a parameter of a catalogue message it is written again
    in the message's language (`render`), so an issue logged as "18.777.000 đ" reads "18,777,000 đ" in
    English — the parameter stays data, the one formatter writes it."""

    value: float
    decimals: int
    lang: str
    unit: str

    def __new__(cls, value: float, decimals: int = 0, lang: str = "vi", unit: str = "") -> Number:
        """`value` written with `decimals` in `lang`, `unit` after a space ("đ", "MB"; "đ" reads "VND" in English)."""
        text = _written(value, decimals, lang)
        shown = unit_label(unit, lang)
        made = super().__new__(cls, f"{text} {shown}".strip() if shown else text)
        made.value, made.decimals, made.lang, made.unit = value, decimals, lang, unit
        return made

    def render(self, lang: str = "vi") -> str:
        """The figure in `lang` (same rounding, the language's separators)."""
        return str(Number(self.value, self.decimals, lang, self.unit))

    def __reduce__(self):  # pickled with its value (cached results, sessions)
        return (Number, (self.value, self.decimals, self.lang, self.unit))


def format_number(value: float, decimals: int = 0, lang: str | None = None, unit: str = "") -> Number:
    """310992000 → '310.992.000'; 310.99 (2) → '310,99' in Vietnamese; '310,992,000' / '310.99' in English:
    one decimal separator per language, in text and charts alike (`SEPARATORS`); halves up (`half_up`).
    Without `lang`, the language of the enclosing `numbers_in` (Vietnamese outside any)."""
    return Number(value, decimals, number_language(lang), unit)


def format_dong(amount: float | int, unit: str = "đ", lang: str | None = None) -> Number:
    """18777000 → '18.777.000 đ' (Vietnamese thousands separator; '18,777,000 VND' in English)."""
    return format_number(amount, 0, lang, unit)


SEPARATORS = {"vi": ",.", "en": ".,"}  # Plotly's `separators` (decimal, thousands) matching format_number


def format_million(amount: float, decimals: int = 2) -> str:
    """310992000 → '310,99 triệu đồng' (Vietnamese words, so Vietnamese separators whatever `numbers_in` says;
    English sentences take their unit from the catalogue: `analysis.findings.money`)."""
    return f"{format_number(amount / 1_000_000, decimals, 'vi')} triệu đồng"


def plotly_text(text: object) -> str:
    """Data text made safe for Plotly, which reads a subset of HTML in every label it draws.

    `&`, `<` and `>` become entities (Plotly shows "&lt;b&gt;" as the literal "<b>"), so a cell
    such as "<b>x</b>" or '<a href="javascript:…">' is drawn as written, never as markup. Apply it
    to every user string that enters a figure (titles, ticks, legend names, texts, customdata)
    before adding the figure's own `<br>` (`wrap`).
    """
    return html.escape(str(text), quote=False)


def wrap(text: str, width: int = 16) -> str:
    """Break text into lines of about `width` characters joined by <br> (Plotly titles and ticks).

    User text must go through `plotly_text` first: `wrap` keeps any markup it is given.
    """
    words, lines, line = str(text).replace("<br>", " ").split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


VIETNAM_TIME = dt.timezone(dt.timedelta(hours=7), "UTC+7")  # Asia/Ho_Chi_Minh: no daylight saving since 1975


def vietnam_time(iso: str) -> str:
    """An ISO 8601 UTC moment as Vietnam shows it: '2026-12-04T03:22:57+00:00' → '04/12/2026 10:22'."""
    try:
        moment = dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM_TIME).strftime("%d/%m/%Y %H:%M")
