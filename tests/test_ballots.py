"""Ballot validity: the first rule broken is the reason; fewer names than seats is valid."""

from __future__ import annotations

from unionboard.analysis.ballots import REASONS, classify

NAMES = ("An", "Bình", "Cường")


def test_each_rule_in_order() -> None:
    assert classify(NAMES, 2, kept=2) is None and classify(NAMES, 2, kept=1) is None  # fewer than seats: valid
    assert classify(NAMES, 2, kept=3) == "too_many"
    assert classify(NAMES, 2, kept=0) == "all_crossed"
    assert classify(("An",), 1, kept=0) is None  # one-name list crossed: a valid vote against
    assert classify(NAMES, 2, kept=1, added=True) == "added_name"
    assert classify(NAMES, 2, kept=1, unclear=True, added=True) == "unclear"
    assert classify(NAMES, 2, kept=1, private_mark=True, unclear=True) == "private_mark"
    assert classify(NAMES, 2, kept=3, not_issued=True, private_mark=True) == "not_issued"
    assert len(set(REASONS)) == 7
