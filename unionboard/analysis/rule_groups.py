"""Spending categories → rule groups: the default mapping (rule_groups.toml), the committee's overrides, the rest named."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from unionboard.core.models import Dataset
from unionboard.core.text import fold

GROUPS_FILE = Path(__file__).with_name("rule_groups.toml")


@dataclass(frozen=True)
class Group:
    """A spending group the rules speak of."""

    id: str
    label_vi: str
    label_en: str
    words: tuple[str, ...]

    def label(self, lang: str) -> str:
        """The group's name in the language."""
        return self.label_vi if lang == "vi" else self.label_en


@dataclass(frozen=True)
class Mapping:
    """Where one spending category goes, and why ("default", "committee", or "" when unmapped)."""

    item: str
    group: Group | None
    source: str
    where: str = ""


@cache
def load_groups() -> tuple[Group, ...]:
    """The groups of the package's table."""
    data = tomllib.loads(GROUPS_FILE.read_text(encoding="utf-8"))
    return tuple(Group(g["id"], g["label_vi"], g["label_en"], tuple(g["words"])) for g in data["group"])


def find_group(text: str) -> Group | None:
    """A group named by its id or label (folded)."""
    folded = fold(text)
    return next((g for g in load_groups() if folded in (fold(g.id), fold(g.label_vi), fold(g.label_en))), None)


def default_group(item: str) -> Group | None:
    """The first group one of whose words the category contains."""
    folded = fold(item)
    return next((g for g in load_groups() if any(word in folded for word in g.words)), None)


def mappings(dataset: Dataset) -> tuple[Mapping, ...]:
    """Every spending category of the finance tables with its group (the committee's choice first)."""
    if dataset.finance is None:
        return ()
    chosen = {fold(item): (group, where) for item, group, where in dataset.get("rule_groups") or ()}
    out = []
    for item in dict.fromkeys(e.item for e in dataset.finance.spending):
        if fold(item) in chosen:
            text, where = chosen[fold(item)]
            group = find_group(text)
            out.append(Mapping(item, group, "committee" if group else "", where))
        else:
            group = default_group(item)
            out.append(Mapping(item, group, "default" if group else ""))
    return tuple(out)


def spending_by_group(dataset: Dataset) -> dict[int, dict[str, int]]:
    """Per year, spending per group id ("" for the unmapped categories)."""
    groups = {m.item: (m.group.id if m.group else "") for m in mappings(dataset)}
    out: dict[int, dict[str, int]] = {}
    for entry in dataset.finance.spending if dataset.finance is not None else ():
        year = out.setdefault(entry.year, {})
        year[groups[entry.item]] = year.get(groups[entry.item], 0) + entry.amount
    return out
