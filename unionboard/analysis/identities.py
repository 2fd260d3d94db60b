"""Stable identities of those convened, so attendance marks stay with the person across re-publishes.

A mark refers to a person's key. Keys are kept in a registry (the store's `congress_people`): the first
time a person is seen they get a key — "code:<code>" when the sheet has a delegate/member code, else
the folded name and unit — and later publishes reuse it. Matching a person of the new data to the
registry, in order: the same code; the same name and unit; the same name alone when exactly one
unmatched registry entry has it (a unit renamed). Rows reordered keep their keys (matching is by
content, not position); a second person of the same name and unit gets a new key. Without a code two
people of the same name and unit cannot be told apart: the first in the sheet keeps the old key.

`orphaned` lists the marks a data set would leave without a person, to say so before publishing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unionboard.analysis.congress import Mark, Person, latest_marks, person_key
from unionboard.core.text import fold


@dataclass(frozen=True)
class Identity:
    """One registry entry: the stable key, and the folded name, unit and code it was given for."""

    key: str
    name: str
    unit: str
    code: str = ""


def _fresh(person: Person, taken: set[str]) -> str:
    base = f"code:{fold(person.code)}" if person.code else person_key(person.name, person.unit)
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}#{n}"
    return key


def assign(people: Sequence[Person], registry: Iterable[Identity]) -> tuple[tuple[Person, ...], tuple[Identity, ...]]:
    """`people` with their stable keys, and the identities to add to the registry (the new people)."""
    free = list(registry)
    taken = {i.key for i in free}
    keys: list[str | None] = [None] * len(people)

    def take(index: int, match) -> None:
        found = [i for i in free if match(i)]
        if found:
            keys[index] = found[0].key
            free.remove(found[0])

    steps = (lambda p: (lambda i: bool(p.code) and i.code == fold(p.code)),
             lambda p: (lambda i: i.name == fold(p.name) and i.unit == fold(p.unit) and not (p.code and i.code)))
    for step in steps:
        for index, person in enumerate(people):
            if keys[index] is None:
                take(index, step(person))
    for index, person in enumerate(people):  # a unit renamed: the one unmatched entry of that name
        if keys[index] is None and not person.code:
            same = [i for i in free if i.name == fold(person.name) and not i.code]
            others = [p for j, p in enumerate(people) if keys[j] is None and fold(p.name) == fold(person.name)]
            if len(same) == 1 and len(others) == 1:
                take(index, lambda i, k=same[0].key: i.key == k)
    new = []
    for index, person in enumerate(people):
        if keys[index] is None:
            keys[index] = _fresh(person, taken)
            taken.add(keys[index])
            new.append(Identity(keys[index], fold(person.name), fold(person.unit), fold(person.code)))
    return tuple(dataclasses.replace(p, key=k) for p, k in zip(people, keys, strict=True)), tuple(new)


def orphaned(people: Sequence[Person], marks: Iterable[Mark]) -> tuple[Mark, ...]:
    """The latest marks that refer to nobody in `people` (they would no longer count)."""
    keys = {p.key for p in people}
    return tuple(m for m in latest_marks(marks).values() if m.person not in keys)
