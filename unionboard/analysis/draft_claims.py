"""Figure claims found in a draft's prose: numbers in Vietnamese forms with their unit and the words around them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from unionboard.core.text import fold

# A number as Vietnamese writes it: dot thousands, decimal comma, leading zeros ("06").
# Not a piece of a longer token: "3.1-" (an item number), "8/2016" (a date), "03-CT/TW" (a document).
NUMBER = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\d]|[.,]\d|/\d|-[A-ZĐ])")
YEAR_RANGE = re.compile(r"(?<![\w.,/])((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
UNIT_NOTE = re.compile(r"ĐVT\s*[:.]?\s*(1\.000\.000|1\.000|nghìn đồng|ngàn đồng|triệu đồng|đồng|đ)\b",
                       re.IGNORECASE)
# money units after a number (checked in this order); "đồng chí" is a person, "đ" before a letter is a word
_MONEY = (("tỷ đồng", 1e9), ("tỷ", 1e9), ("triệu đồng", 1e6), ("triệu", 1e6), ("nghìn đồng", 1e3),
          ("ngàn đồng", 1e3), ("nghìn", 1e3), ("ngàn", 1e3), ("đồng", 1.0), ("vnđ", 1.0), ("vnd", 1.0))
_CLAUSE_END = re.compile(r"[;,.()\n:!?]")
_SENTENCE_END = re.compile(r"[;.\n!?]")
_SEGMENT_START = re.compile(r"[;,.(\n!?]")
_LEADING_ITEM = re.compile(r"^\s*(?:\d+(?:\.\d+)*|[IVX]+|[a-z])\s*[-.)/]\s")
UNIT_SCALES = {"1.000.000": 1e6, "1.000": 1e3, "nghìn đồng": 1e3, "ngàn đồng": 1e3, "triệu đồng": 1e6,
               "đồng": 1.0, "đ": 1.0}


@dataclass(frozen=True)
class RawClaim:
    """A figure found in a paragraph, before it is matched: where, what, and the words around it."""

    paragraph: int
    start: int  # character offsets in the paragraph's text
    end: int
    text: str
    value: float
    unit: str | None  # "đồng", "%", "năm", "ĐVT" or None for a count
    kind: str  # "count" | "amount" | "share" | "year" | "term" | "unit_note" | "cell"
    decimals: int = 0
    before: str = ""  # folded words of the clause before the number
    after: str = ""  # folded words right after the number (up to the clause's end)
    sentence_after: str = ""  # folded words after the number to the sentence's end
    context: str = ""  # folded text of the paragraph before the number (topics)
    scale: float = 1.0
    raw_before: str = ""  # lower-case, with diacritics: "năm" (year) and "nam" (men) fold alike
    raw_after: str = ""


def number_value(text: str) -> tuple[float, int]:
    """'310.992.000' → (310992000, 0); '100,61' → (100.61, 2); '06' → (6, 0)."""
    whole, _, decimals = text.partition(",")
    value = float(whole.replace(".", "") + ("." + decimals if decimals else ""))
    return value, len(decimals)


def _money_unit(rest: str) -> tuple[str, float] | None:
    low = rest.lower()
    if low.startswith("đồng chí") or low.startswith("đồng bào"):
        return None
    for word, scale in _MONEY:
        if low.startswith(word):
            return rest[:len(word)], scale
    if low.startswith("đ") and (len(low) == 1 or not low[1].isalpha()):
        return rest[:1], 1.0
    return None


def _before(text: str, start: int) -> str:
    cut = max((m.end() for m in _SEGMENT_START.finditer(text, 0, start)), default=0)
    words = fold(text[cut:start]).split()
    while words and words[-1] in ("la", "co", "gom", "dat", "duoc"):
        words.pop()
    return " ".join(words)


def _window(text: str, end: int, stop: re.Pattern, folded: bool = True) -> str:
    """Words after `end` up to `stop` or the next number (which has its own words)."""
    match = stop.search(text, end)
    window = text[end:match.start() if match else len(text)][:160]
    digit = re.search(r"\d", window)
    window = window[:digit.start()] if digit else window
    return fold(window) if folded else _raw(window)


def _raw_before(text: str, start: int) -> str:
    cut = max((m.end() for m in _SEGMENT_START.finditer(text, 0, start)), default=0)
    return _raw(text[cut:start])


def _raw(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFC", text).lower()).split())


def _claim(paragraph: int, text: str, start: int, end: int, value: float, unit: str | None, kind: str,
           decimals: int = 0, scale: float = 1.0) -> RawClaim:
    return RawClaim(paragraph, start, end, text[start:end], value, unit, kind, decimals,
                    _before(text, start), _window(text, end, _CLAUSE_END), _window(text, end, _SENTENCE_END),
                    fold(text[max(0, start - 400):start]), scale, _raw_before(text, start),
                    _window(text, end, _CLAUSE_END, folded=False))


def _special(index: int, text: str) -> tuple[list[RawClaim], list[tuple[int, int]]]:
    """Unit notes and year ranges, and the spans they cover (not read again as numbers)."""
    claims, taken = [], []
    for m in UNIT_NOTE.finditer(text):
        scale = UNIT_SCALES.get(m.group(1).lower(), 1.0)
        claims.append(_claim(index, text, m.start(), m.end(), scale, "ĐVT", "unit_note"))
        taken.append((m.start(), m.end()))
    for m in YEAR_RANGE.finditer(text):
        claims.append(_claim(index, text, m.start(), m.end(), float(m.group(1)), "năm", "term"))
        taken.append((m.start(), m.end()))
    return claims, taken


def _number_claim(index: int, text: str, m: re.Match) -> RawClaim | None:
    value, decimals = number_value(m.group(1))
    end = m.end()
    rest = text[end:]
    gap = len(rest) - len(rest.lstrip(" \u00a0"))
    if rest[gap:gap + 1] == "%":
        return _claim(index, text, m.start(), end + gap + 1, value, "%", "share", decimals)
    money = _money_unit(rest[gap:])
    if money is not None:
        word, scale = money
        return _claim(index, text, m.start(), end + gap + len(word), value * scale, "đồng", "amount",
                      decimals, scale)
    if decimals == 0 and "." not in m.group(1) and 1900 <= value <= 2100 and len(m.group(1)) == 4:
        return _claim(index, text, m.start(), end, value, "năm", "year")
    if "." in m.group(1) and value >= 10_000:
        return _claim(index, text, m.start(), end, value, "đồng", "amount")  # a bare amount ("18.777.000")
    return _claim(index, text, m.start(), end, value, None, "count", decimals)


def prose_claims(index: int, text: str) -> list[RawClaim]:
    """Every figure claim of one paragraph of prose, in order."""
    claims, taken = _special(index, text)
    lead = _LEADING_ITEM.match(text)
    if lead:
        taken.append((0, lead.end()))
    for m in NUMBER.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        claim = _number_claim(index, text, m)
        if claim is not None:
            claims.append(claim)
    return sorted(claims, key=lambda c: c.start)
