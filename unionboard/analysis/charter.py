"""The congress rules of the Charter (Điều lệ Công đoàn Việt Nam) and its guidance, kept as cited data.

Each rule names its source and the date it applies from, so a later Charter adds a row instead of
editing code. Sources looked up (public legal databases quoting the texts):

* Điều lệ Công đoàn Việt Nam 2020 (khóa XII, ban hành kèm Quyết định 174/QĐ-TLĐ năm 2020), Điều 10:
  "1. Đại hội, hội nghị công đoàn các cấp hợp lệ khi có ít nhất hai phần ba (2/3) tổng số thành viên
  được triệu tập tham dự." and "3. Người trúng cử phải có số phiếu bầu đạt tỷ lệ quá một phần hai (1/2)
  so với tổng số phiếu thu về và theo nguyên tắc lấy từ cao xuống thấp." The 2013 Charter (khóa XI)
  had the same quorum in Điều 12.1.
* Hướng dẫn 28/HD-TLĐ (24/6/2021) on electing the executive committee and the chair of a grassroots
  union directly at the congress: winners need more than half of the ballots collected, highest first;
  candidates for chair tied above half are voted on again.
* Điều 8.4 (appointed delegates at most 5% of the official delegates) is quoted by the issue that
  asked for the flag; the text was NOT found in a source here, so it is only a warning to check.

The Charter adopted by the 13th congress (khóa XIII, 12/2023) was not found in the sources searched;
the rules below are those of the 2020 text until a newer row is added.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Rule:
    """One rule: its value, where it comes from, since when, and whether the text was confirmed."""

    key: str
    value: Fraction
    source: str
    since: dt.date
    confirmed: bool = True


RULES: tuple[Rule, ...] = (
    Rule("quorum", Fraction(2, 3), "Điều lệ Công đoàn Việt Nam 2020, Điều 10.1", dt.date(2020, 1, 1)),
    Rule("elected_share", Fraction(1, 2), "Điều lệ Công đoàn Việt Nam 2020, Điều 10.3; Hướng dẫn 28/HD-TLĐ "
         "ngày 24/6/2021", dt.date(2020, 1, 1)),
    Rule("appointed_share", Fraction(5, 100), "Điều lệ Công đoàn Việt Nam 2020, Điều 8.4", dt.date(2020, 1, 1),
         confirmed=False),
)

# Who is elected is measured against the ballots COLLECTED (phiếu thu về), invalid ones included
# (Điều lệ 2020, Điều 10.3: "so với tổng số phiếu thu về"), not against the valid ballots.
ELECTED_DENOMINATOR = "collected"


def rule(key: str, on: dt.date | None = None) -> Rule:
    """The rule `key` in force on `on` (default today): the latest row that applies by then."""
    on = on or dt.date.today()
    rows = [r for r in RULES if r.key == key and r.since <= on] or [r for r in RULES if r.key == key]
    return max(rows, key=lambda r: r.since)


QUORUM = rule("quorum").value
ELECTED_SHARE = rule("elected_share").value
APPOINTED_SHARE = rule("appointed_share").value


def as_fraction(threshold: float | Fraction) -> Fraction:
    """A threshold as an exact fraction (0.6666… → 2/3, 0.5 → 1/2, 0.67 → 67/100)."""
    return threshold if isinstance(threshold, Fraction) else Fraction(threshold).limit_denominator(1000)


def at_least(total: int, share: float | Fraction) -> int:
    """The least whole number that is at least `share` of `total` (33 × 2/3 → 22, 33 × 1/2 → 17)."""
    need = as_fraction(share) * total
    return -(-need.numerator // need.denominator)


def more_than(total: int, share: float | Fraction) -> int:
    """The least whole number that is more than `share` of `total` (30 × 1/2 → 16, 29 × 1/2 → 15)."""
    need = as_fraction(share) * total
    return need.numerator // need.denominator + 1
