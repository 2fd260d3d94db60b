"""Members summary: the roster's counts by sex, education, political theory, party and department (check --json)."""

from __future__ import annotations

from unionboard.core.models import (
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    Dataset,
    Roster,
)


def _ordered_counts(series, order: tuple[str, ...]) -> dict[str, int]:
    counts = series.value_counts(dropna=True).to_dict()
    out = {key: int(counts.pop(key)) for key in order if key in counts}
    out.update({str(k): int(v) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])})
    return out


def member_summary(roster: Roster) -> dict:
    """Counts by gender, education, political theory, party membership and department; a detail the
    roster lacks (`Roster.absent`) is null, never 0 — unknown is not zero."""
    frame = roster.frame
    by_gender = {g: 0 for g in GENDERS}
    by_gender.update(_ordered_counts(frame["gender"], GENDERS))
    party = frame["party_member"].astype(bool)
    has_party = roster.has("party_member")
    return {
        "total": int(len(frame)),
        "by_gender": by_gender,
        "by_education": _ordered_counts(frame["education"], EDUCATION_LEVELS) if roster.has("education") else None,
        "by_political_theory": _ordered_counts(frame["political_theory"], POLITICAL_THEORY_LEVELS)
        if roster.has("political_theory") else None,
        "party_members": int(party.sum()) if has_party else None,
        "party_members_female": int((party & (frame["gender"] == "Nữ")).sum()) if has_party else None,
        "by_department": {str(k): int(v) for k, v in frame["department"].value_counts(sort=False).items()},
        # the columns the upload did not have: their counts above are unknown, not zero
        "columns_absent": sorted(roster.absent),
    }


def summary(roster: Roster, dataset: Dataset) -> dict:
    """The members part of `check --json` (the domain's `DomainSpec.summary`)."""
    return member_summary(roster)
