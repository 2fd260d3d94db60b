"""The data domains, declared once: how each is found in a sheet, read, summarised, written and compared.

Every domain module ends with a `SPEC = DomainSpec(...)` (`domains.spec`); `BUILTIN` below lists them, and the loader
(`domains.loader`), the store's carry-over (`store.versions`), the blank template and the data download
(`export.template`, `export.xlsx`), the upload diff (`analysis.diff`) and the `check --json` summary
(`analysis.metrics.summary`) all loop over `specs()`.

Adding a domain = one new module in `unionboard/domains/` declaring its `SPEC`, plus one line in
`BUILTIN`. What a spec says:

- `key`: the stable name (`"awards"`), also the key in `check --json` and in the store.
- `name`: catalogue key of its display name (vi/en), e.g. `"domain_awards"`.
- `schemas`: the tables whose header row identifies the domain (`domains.schema.TableSchema`); or
  `detect(sheet) -> score | None` for layouts a header row cannot describe (finance's wide layout).
- `parse(pairs, log) -> value | None`: read every sheet found for the domain (with its header match)
  and check it, logging issues; returns the domain's value (a tuple of frozen records, a Roster, ...).
- `summary(value, dataset) -> dict`: its part of `check --json`, which `analysis.metrics.summary` takes
  from every spec alike (the built-ins' in `domains.summaries`, `domains.members.summary`,
  `domains.term_status`); a domain without one is `null` there.
- `layout`: a `SheetLayout` (sheet name, title, header labels, value → rows, example row) used to write
  the domain in the blank template and the data download when the export layer has no bespoke writer.
- `same(a, b) -> bool`: whether two values hold the same data (upload preview); default `==`.

`registered(spec)` adds a spec for the duration of a `with` block (tests use it for throwaway domains).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from unionboard.domains import (
    awards,
    budget,
    cashbook,
    delegates,
    finance,
    members,
    rule_groups,
    rule_lines,
    settlement,
    targets,
    term_targets,
)
from unionboard.domains.spec import DomainSpec

BUILTIN: tuple[DomainSpec, ...] = (
    members.SPEC,
    finance.SPEC,
    targets.SPEC,
    awards.SPEC,
    term_targets.SPEC,
    budget.SPEC,
    delegates.SPEC,
    rule_lines.SPEC,
    cashbook.SPEC,
    settlement.SPEC,
    rule_groups.SPEC,
)
_EXTRA: dict[str, DomainSpec] = {}


def specs() -> tuple[DomainSpec, ...]:
    """Every registered domain, built-in first, in a stable order."""
    return (*BUILTIN, *_EXTRA.values())


def spec(key: str) -> DomainSpec:
    """The spec of domain `key` (KeyError when unknown)."""
    for item in specs():
        if item.key == key:
            return item
    raise KeyError(key)


def domain_keys() -> tuple[str, ...]:
    """The keys of every registered domain."""
    return tuple(item.key for item in specs())


def register(new: DomainSpec) -> None:
    """Add a domain (its key must be new)."""
    if new.key in domain_keys():
        raise ValueError(f"domain {new.key!r} is already registered")
    _EXTRA[new.key] = new


def unregister(key: str) -> None:
    """Remove a domain added with `register`."""
    _EXTRA.pop(key, None)


@contextmanager
def registered(new: DomainSpec) -> Iterator[DomainSpec]:
    """`register(new)` for the duration of the block."""
    register(new)
    try:
        yield new
    finally:
        unregister(new.key)
