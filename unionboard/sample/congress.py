"""Sample congress day ("Dữ liệu mẫu"): a plausible attendance of the report's 33 members and one election.

Invented for demonstration, never real results: pages show it only with the sample data set and before
any real mark or election is recorded, always labelled as sample. 30 of the 33 members attend (3
absent with reasons); the executive committee (5 seats, 6 candidates) is elected on 30 ballots: 29
valid, 1 invalid.
"""

from __future__ import annotations

ABSENT = {  # name → reason
    "Cao Văn Tuấn": "Đi công tác theo quyết định của Sở",
    "Hồ Thị Mai": "Nghỉ chế độ thai sản",
    "Bùi Tiến Khoa": "Ốm, nằm viện",
}

ELECTION_TITLE = "Ban Chấp hành Công đoàn cơ sở khóa V, nhiệm kỳ 2017–2022"
SEATS = 5
ISSUED = 30
INVALID = 1
# candidate → votes, in ballot (alphabetical by given name) order
VOTES = {
    "Nguyễn Thị Anh": 27,
    "Nguyễn Văn An": 28,
    "Trần Đức Bình": 24,
    "Lê Quang Cường": 9,
    "Trần Thu Hà": 25,
    "Lê Thị Hằng": 22,
}
CANDIDATES = tuple(VOTES)


def crossed_names() -> list[list[str]]:
    """The names crossed out on each valid ballot, so that the kept names give exactly `VOTES`.

    Every ballot keeps at most `SEATS` names: the least-voted candidate is crossed on the first
    ballots, the others on the ballots after them, in turn.
    """
    valid = ISSUED - INVALID
    ballots: list[list[str]] = [[] for _ in range(valid)]
    ranked = sorted(CANDIDATES, key=lambda c: VOTES[c])
    position = 0
    for candidate in ranked:
        for _ in range(valid - VOTES[candidate]):
            ballots[position % valid].append(candidate)
            position += 1
    return ballots
