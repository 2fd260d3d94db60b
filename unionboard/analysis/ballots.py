"""Whether one ticked ballot is valid, by the rules unions read out in their "thể lệ bầu cử".

A ballot is invalid (phiếu không hợp lệ) when (Hướng dẫn 03/HD-TLĐ 2020 mục 8 and the election rules
read out at the congress under Điều lệ 2020, Điều 10):

* it was not issued by the counting board (không phải phiếu do Ban bầu cử phát ra);
* it carries a private mark (có đánh dấu riêng / ký tên);
* marks make it unclear which names were crossed (gạch không rõ ràng);
* a name not on the list was added (ghi thêm tên ngoài danh sách);
* every name is crossed out — except on a one-name list, where crossing the one name is a valid
  vote against (gạch hết tên, trừ danh sách một người);
* it keeps more names than seats (để lại nhiều hơn số lượng cần bầu).

A ballot keeping FEWER names than seats is valid. The first reason found (in the order above) is the
one recorded; invalid ballots are counted by reason in the minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

NOT_ISSUED, PRIVATE_MARK, UNCLEAR, ADDED_NAME, ALL_CROSSED, TOO_MANY, OTHER = (
    "not_issued", "private_mark", "unclear", "added_name", "all_crossed", "too_many", "other")
REASONS = (NOT_ISSUED, PRIVATE_MARK, UNCLEAR, ADDED_NAME, ALL_CROSSED, TOO_MANY, OTHER)
UNSPECIFIED = "unspecified"  # a tally's invalid ballots whose reasons were not entered


def classify(candidates: Sequence[str], seats: int, kept: int, *, added: bool = False, unclear: bool = False,
             not_issued: bool = False, private_mark: bool = False) -> str | None:
    """None when the ballot is valid, else the reason it is invalid (one of REASONS)."""
    flags = ((not_issued, NOT_ISSUED), (private_mark, PRIVATE_MARK), (unclear, UNCLEAR), (added, ADDED_NAME))
    for flag, reason in flags:
        if flag:
            return reason
    if kept == 0 and len(candidates) > 1:
        return ALL_CROSSED
    if kept > seats:
        return TOO_MANY
    return None
