"""Sheets typed in the legacy TCVN3/VNI fonts: each such column converted to Unicode, with one warning."""

from __future__ import annotations

import re
from collections.abc import Callable

from unionboard.core import legacy_encoding
from unionboard.core.issues import IssueLog
from unionboard.core.text import cell_name, column_letter
from unionboard.read.workbook import Sheet

SAMPLE_ROWS = 400  # rows looked at first (the top and an even spread); a hit leads to the whole sheet
CELLS_LISTED = 5
_DECODERS = {"TCVN3": legacy_encoding.from_tcvn3, "VNI": legacy_encoding.from_vni}


# A lower-case letter followed by an upper-case Latin-1 letter inside a word ("Trung cÊp", "Cao cÊp"):
# TCVN3's "ấ", "ầ", … are upper-case Latin-1 codes, which genuine text never puts inside a word.
_INSIDE_UPPER = re.compile(r"[a-zđ][\u00c0-\u00de]")


def _marked(text: str) -> bool:
    """Whether a cell may be in a legacy font (a marker character, or an upper-case Latin-1 letter inside
    a lower-case word), with no letter beyond Latin-1."""
    if not (legacy_encoding.looks_legacy(text) or _INSIDE_UPPER.search(text)):
        return False
    return not any(ord(ch) > 0xFF and ch.isalpha() for ch in text)


def _sample(sheet: Sheet) -> str:
    rows = sheet.rows
    step = max(1, len(rows) // SAMPLE_ROWS)
    picked = rows[:SAMPLE_ROWS] + rows[SAMPLE_ROWS::step]
    return "\x1f".join(v for line in picked for v in line if isinstance(v, str))


def _quality(text: str) -> int:
    """How well a text reads as Vietnamese: syllables that exist, minus legacy signs left in it."""
    return (legacy_encoding.syllable_score(text) - len(_INSIDE_UPPER.findall(text))
            - len(legacy_encoding.MARKERS.findall(text)))


# Letters of other languages' names ("Müller", "Muñoz", "François", "Åse"): a cell whose only non-ASCII
# letters are these is a foreign name unless a decoder turns it into more Vietnamese syllables.
FOREIGN_LETTERS = frozenset("äëïöüÿñçßøåæœéáíóúÄËÏÖÜÑÇØÅÆŒÉÁÍÓÚ")


def _candidate(text: str) -> bool:
    """A text a legacy font may have produced: not plain ASCII, no letter beyond Latin-1."""
    return not text.isascii() and not any(ord(ch) > 0xFF and ch.isalpha() for ch in text)


def _foreign(text: str) -> bool:
    """A name in another language: its only non-ASCII letters are FOREIGN_LETTERS, and no decoder gives
    it more Vietnamese syllables."""
    if not all(ch in FOREIGN_LETTERS for ch in text if not ch.isascii()):
        return False
    score = legacy_encoding.syllable_score
    return all(score(decode(text)) <= score(text) for decode in _DECODERS.values())


def _column_encoding(texts: list[str]) -> str | None:
    """The legacy encoding of one column, decided from its own cells: the decoder under which the column
    reads better as Vietnamese as a whole. An unaccented roster with "Hans Müller" or "José Muñoz" reads
    worse as "Hans Mỹller" and is left alone; a Unicode header does not count; "Trung cÊp" (a TCVN3 letter
    inside a word) and VNI text without marker characters ("Nguyeãn Vaên An") count."""
    candidates = [text for text in dict.fromkeys(texts) if _candidate(text) and not _foreign(text)]
    if not candidates or not any(_marked(text) for text in candidates) and not any(
            legacy_encoding.syllable_score(decode(text)) > legacy_encoding.syllable_score(text)
            for text in candidates[:50] for decode in _DECODERS.values()):
        return None
    gains = {name: sum(_quality(decode(text)) - _quality(text) for text in candidates)
             for name, decode in _DECODERS.items()}
    name = max(gains, key=lambda key: gains[key])
    return name if gains[name] > 0 else None


def _converted(text: str, decode: Callable[[str], str]) -> str | None:
    """The text in Unicode when it was typed in the legacy font (None: leave it as it is)."""
    if not _candidate(text):
        return None  # plain ASCII, or already Unicode Vietnamese (the column's font is decided already)
    new = decode(text)
    if new == text:
        return None
    # converted when it reads better as Vietnamese (a marker gone, a syllable that exists)
    return new if _quality(new) > _quality(text) or legacy_encoding.looks_legacy(text) else None


def convert_sheet(sheet: Sheet, log: IssueLog) -> None:
    """Convert the columns of a sheet typed in a legacy font in place, each column decided from its own
    cells (a Unicode title or header over TCVN3/VNI data does not hide the data's font); one warning per
    converted column with its cells."""
    sample = _sample(sheet)
    if not (legacy_encoding.MARKERS.search(sample) or _INSIDE_UPPER.search(sample)
            or legacy_encoding.looks_legacy(sample)):
        return
    columns: dict[int, list[tuple[int, str]]] = {}
    for r, line in enumerate(sheet.rows):
        for c, v in enumerate(line):
            if isinstance(v, str) and v:
                columns.setdefault(c, []).append((r, v))
    for col, cells in sorted(columns.items()):
        encoding = _column_encoding([text for _, text in cells])
        if encoding is None:
            continue
        decode = _DECODERS[encoding]
        rows = []
        for r, text in cells:
            new = _converted(text, decode)
            if new is not None:
                sheet.rows[r][col] = new
                rows.append(r)
        if not rows:
            continue
        listed = ", ".join(cell_name(r, col) for r in rows[:CELLS_LISTED])
        more = len(rows) - CELLS_LISTED
        log.warning(sheet.file, sheet.name, cell_name(rows[0], col), "read.legacy_encoding",
                    column=column_letter(col), encoding=encoding, count=len(rows),
                    cells=listed + (f" (+{more})" if more > 0 else ""))
