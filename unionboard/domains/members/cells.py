"""Members columns: a roster's columns as lists, normalised once per distinct value, cleaned in bulk."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from unionboard.core.text import clean, fold


def column_values(lines: list[list], wanted: list[int]) -> dict[int, list]:
    """The wanted columns of `lines` as lists (None past the end of a short row)."""
    width = min(map(len, lines), default=0)
    return {col: [line[col] for line in lines] if col < width
            else [line[col] if col < len(line) else None for line in lines] for col in wanted}


def map_column(raw: Sequence, normalise: Callable[[object], tuple[object, object]],
               batch: Callable[[Sequence], dict] | None = None) -> tuple[list, dict[object, object]]:
    """Normalise each distinct raw value once; (values, {raw: problem} for raw values with one).
    `batch`, when given, normalises all the distinct values at once (same results as `normalise`)."""
    mapping: dict[object, object] = {}
    problems: dict[object, object] = {}
    distinct = set(raw)
    pairs = batch(distinct).items() if batch is not None else ((v, normalise(v)) for v in distinct)
    for value, (result, problem) in pairs:
        mapping[value] = result
        if problem is not None:
            problems[value] = problem
    if len(mapping) == 1:
        return [result] * len(raw), problems
    return list(map(mapping.__getitem__, raw)), problems


SEP = "\x00"  # cannot occur in a cell (XML forbids it) and is not whitespace


def clean_names(raw: Sequence) -> list[str]:
    """text.clean for a whole column, in a few C-speed passes over one joined string."""
    try:
        joined = SEP.join(raw)
    except TypeError:  # numbers, dates or blanks (None) among the names
        joined = SEP.join(v if type(v) is str else ("" if v is None else clean(v)) for v in raw)
    odd = joined.startswith(" ") or joined.endswith(" ") or "  " in joined \
        or SEP + " " in joined or " " + SEP in joined \
        or not joined.replace(SEP, "").isprintable()  # tabs, line breaks, odd spaces
    if odd:
        return [unicodedata.normalize("NFC", " ".join(v.split())) for v in joined.split(SEP)]
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        joined = unicodedata.normalize("NFC", joined)
    return joined.split(SEP) if raw else []


def int_array(values: list) -> pd.api.extensions.ExtensionArray:
    """Nullable Int64 from a list of int | None (pd.array is slow when there are Nones)."""
    if None not in values:
        return pd.array(values, dtype="Int64")
    mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
    filled = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
    return pd.arrays.IntegerArray(filled, mask)


def merge_spellings(counts: Counter[str]) -> dict[str, str]:
    """Map each spelling to the most frequent one with the same folded form ("phòng kế toán" →
    "Phòng Kế toán"), so one department is one group."""
    best: dict[str, tuple[int, str]] = {}
    for text, count in counts.items():
        key = fold(text)
        if key not in best or count > best[key][0]:
            best[key] = (count, text)
    return {text: best[fold(text)][1] for text in counts}
