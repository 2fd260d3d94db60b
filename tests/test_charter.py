"""The Charter's congress rules as cited data: quorum 2/3, elected on more than half of the ballots collected."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from unionboard.analysis.charter import (
    ELECTED_DENOMINATOR,
    QUORUM,
    RULES,
    at_least,
    more_than,
    rule,
)


def test_every_rule_names_its_source_and_date() -> None:
    assert all(r.source and r.since <= dt.date.today() for r in RULES)
    assert "Điều 10.1" in rule("quorum").source and "Điều 10.3" in rule("elected_share").source
    assert not rule("appointed_share").confirmed  # only a warning until a source confirms it


def test_the_quorum_and_majority_arithmetic() -> None:
    assert Fraction(2, 3) == QUORUM and ELECTED_DENOMINATOR == "collected"
    assert [at_least(n, QUORUM) for n in (33, 30, 4, 1)] == [22, 20, 3, 1]
    assert at_least(33, 2 / 3) == 22 and at_least(33, 0.67) == 23  # 67% is not 2/3
    assert [more_than(n, Fraction(1, 2)) for n in (30, 29, 1)] == [16, 15, 1]
