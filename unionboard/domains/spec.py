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
