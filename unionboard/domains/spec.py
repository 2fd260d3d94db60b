"""What a data domain declares (see `domains.registry` for what each field means)."""

from __future__ import annotations

import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from unionboard.core.issues import IssueLog
from unionboard.domains.schema import HeaderMatch, TableSchema
from unionboard.read.workbook import Sheet

SheetPairs = Sequence[tuple[Sheet, HeaderMatch | None]]


@dataclass(frozen=True)
class SheetLayout:
    """How a domain is written as one sheet: header row under a title row, one row per record."""

    sheet: str
    title: str
    columns: tuple[str, ...]
    rows: Callable[[Any], list[tuple]]
    example: tuple = ()
    header_row: int = 2  # the header's row; 1: no title row above it
    as_given: bool = False  # cells written as given (dates stay dates); else text cleaned, numbers kept
    formats: tuple[tuple[str, str], ...] = ()  # (column, number format of its whole-number cells)
    wrapped: tuple[str, ...] = ()  # columns whose text wraps in its cell
    dropdowns: tuple[Dropdown, ...] = ()  # lists to choose from, one per column
    widths: tuple[tuple[str, float], ...] = ()  # (column letter, width): given, the columns fit their text first
    extra_columns: Callable[[Any], Sequence[str]] | None = None  # the value's further columns (kept from its upload)


@dataclass(frozen=True)
class DomainSpec:
    """Everything the rest of the package needs to know about one data domain."""

    key: str
    name: str
    parse: Callable[[SheetPairs, IssueLog], Any]
    schemas: tuple[TableSchema, ...] = ()
    detect: Callable[[Sheet], float | None] | None = None
    summary: Callable[[Any, Any], dict | None] | None = None
    layout: SheetLayout | None = None
    same: Callable[[Any, Any], bool] = field(default=operator.eq)


@dataclass(frozen=True)
class Dropdown:
    """A list to choose from on one column of a written sheet, on the rows below its header."""

    column: str
    values: tuple[str, ...]
    prompt: str
    strict: bool = True  # False: a value outside the list is warned about, not refused
