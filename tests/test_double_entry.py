"""Double entry: a batch counts when its independent entries agree or the board resolves it."""

from __future__ import annotations

from unionboard.analysis.congress import Election, tally_entry
from unionboard.analysis.double_entry import (
    AGREED,
    DISAGREE,
    RESOLVED,
    WAITING,
    Resolution,
    batches,
    counted_entries,
)

ELECTION = Election("Ban Chấp hành", 2, ("An", "Bình"), 30, required=2)


def _entry(by: str, id_: int, batch: int, bình: int, reasons=None):
    entry = tally_entry(ELECTION, 10, 9, 1, {"An": 9, "Bình": bình}, reasons=reasons, batch=batch)[0]
    return entry.__class__(**{**entry.__dict__, "by": by, "id": id_})


def test_states_and_what_counts() -> None:
    entries = [_entry("K1", 1, 1, 5), _entry("K2", 2, 1, 5), _entry("K1", 3, 2, 5), _entry("K2", 4, 2, 6),
               _entry("K1", 5, 3, 5)]
    found = {b.number: b for b in batches(ELECTION, entries)}
    assert [found[n].status for n in (1, 2, 3)] == [AGREED, DISAGREE, WAITING]
    assert found[2].disagreements[0].figure == "Bình" and found[2].disagreements[0].values == (("K1", 3, 5),
                                                                                               ("K2", 4, 6))
    assert [e.id for e in counted_entries(ELECTION, entries)] == [1]
    resolved = batches(ELECTION, entries, [Resolution(2, 4, "Trưởng ban", "Đếm lại")])
    assert resolved[1].status == RESOLVED and [e.id for e in counted_entries(
        ELECTION, entries, [Resolution(2, 4, "Trưởng ban", "Đếm lại")])] == [1, 4]


def test_reasons_are_compared_too_and_single_entry_counts_everything() -> None:
    a, b = _entry("K1", 1, 1, 5, {"unclear": 1}), _entry("K2", 2, 1, 5, {"all_crossed": 1})
    assert {d.figure for d in batches(ELECTION, [a, b])[0].disagreements} == {"reason:unclear", "reason:all_crossed"}
    single = Election("X", 2, ("An", "Bình"), 30)
    assert counted_entries(single, [a, b]) == (a, b)


def test_ballot_after_ballot_each_counter_is_summed_before_comparing() -> None:
    from unionboard.analysis.congress import ballot_entry

    def ballot(by: str, id_: int, crossed: list[str]):
        entry = ballot_entry(ELECTION, True, crossed, batch=1)[0]
        return entry.__class__(**{**entry.__dict__, "by": by, "id": id_})

    first = [ballot("K1", 1, ["An"]), ballot("K1", 2, [])]
    second = [ballot("K2", 3, []), ballot("K2", 4, ["An"])]  # the same two ballots, in another order
    (batch,) = batches(ELECTION, first + second)
    assert batch.status == AGREED and batch.counted.returned == 2 and dict(batch.counted.votes) == {"An": 1, "Bình": 2}
    (half,) = batches(ELECTION, [*first, second[0]])  # the second counter is one ballot behind
    assert half.status == DISAGREE and {d.figure for d in half.disagreements} >= {"returned"}
