"""The congress day shown: credentials tables and sentences, the count's table, slides for the hall.

Shared by the pages, the hall screen and the Word documents (`export/congress_docx.py`). Percentages use
the one share rule of the package (`slides.fmt_percent`: 17 of 33 → "51,5%"); every label comes from
the catalogue (`core/i18n/congress.py`).
"""

from __future__ import annotations

from unionboard.analysis.congress import Credentials, ElectionResult, Group
from unionboard.core.i18n import t, value_label
from unionboard.present.slides import Slide, fmt_number, fmt_percent

GROUP_KEYS = ("gender", "party", "ethnic_minority", "education", "political_theory", "age_band", "role", "kind")


def item_label(group: Group, label: str, lang: str = "vi") -> str:
    """A composition row's label in `lang` ("party_member" → "Đảng viên", "Nữ" → "Female")."""
    if label in ("party_member", "ethnic_minority"):
        return t(f"cred.item.{label}", lang)
    if group.key == "political_theory" and label == "Chưa có":
        return t("cred.item.no_theory", lang)
    return value_label(label, lang)


def composition_rows(report: Credentials, lang: str = "vi") -> list[tuple[str, str, int, str]]:
    """(group, item, count, share of those present) for every non-empty composition row."""
    rows = []
    for group in report.groups:
        for label, count in group.rows:
            if count or group.key in ("party", "ethnic_minority"):
                rows.append((t(f"cred.group.{group.key}", lang), item_label(group, label, lang), count,
                             fmt_percent(count, group.total, lang)))
    return rows


def age_text(report: Credentials, lang: str = "vi") -> str:
    """"Tuổi bình quân 40,9; trẻ nhất 25, cao nhất 55" ("" when no birth year is known)."""
    age = report.age
    if age.average is None:
        return ""
    text = t("cred.age", lang, average=fmt_number(age.average, lang, 1), youngest=age.youngest, oldest=age.oldest)
    return f"{text} {report.as_of.text(lang)}" if report.as_of is not None else text


def attendance_sentence(report: Credentials, lang: str = "vi") -> str:
    """Convened, present (share), absent, quorum, as one sentence group of the report's body."""
    who = t("cred.who_delegates" if report.delegate_congress else "cred.who_members", lang)
    text = t("cred.sentence_present", lang, who=who, convened=report.convened, present=report.present,
             share=fmt_percent(report.present, report.convened, lang))
    if report.absent:
        reasons = "; ".join(f"{name} ({reason})" for name, reason in report.absent)
        text += " " + t("cred.sentence_absent", lang, n=len(report.absent), reasons=reasons)
    if report.unmarked:
        text += " " + t("cred.sentence_unmarked", lang, n=report.unmarked)
    return text


def quorum_sentence(report: Credentials, lang: str = "vi") -> str:
    """Whether the congress may proceed, with the threshold in words and, when it is not the Charter's
    2/3 (Điều lệ 2020, Điều 10.1), a note saying so."""
    threshold = t("cred.half", lang) if report.charter_threshold else fmt_percent(float(report.threshold), 1, lang)
    key = "cred.quorum_yes" if report.quorum else "cred.quorum_no"
    text = t(key, lang, present=report.present, convened=report.convened,
             share=fmt_percent(report.present, report.convened, lang), threshold=threshold, needed=report.needed)
    return text + " " + threshold_note(report, lang)


def threshold_note(report: Credentials, lang: str = "vi") -> str:
    """The Charter's rule, or the note that the threshold set differs from it."""
    if report.charter_threshold:
        return t("cred.charter_rule", lang)
    return t("cred.threshold_note", lang, threshold=fmt_percent(float(report.threshold), 1, lang))


def delegate_warnings(report: Credentials, lang: str = "vi") -> list[str]:
    """Appointed delegates above 5% of the official delegates (Điều lệ 2020, Điều 8.4), as a warning."""
    if report.appointed_over:
        return [t("cred.appointed_over", lang, n=report.appointed, limit=report.appointed_limit)]
    return []


def credentials_slides(report: Credentials, lang: str = "vi") -> list[Slide]:
    """Two slides for the hall: attendance and quorum; the composition of those present."""
    members = "" if report.delegate_congress else "_members"
    s_quorum = (t("cred.slide_quorum_yes", lang) if report.quorum else
                t("cred.slide_quorum_no" + members, lang, needed=report.needed))
    first = Slide(key="credentials", title=t(f"cred.slide_title{members}", lang), finding=s_quorum,
                  numbers=((t("cred.convened", lang), str(report.convened)),
                           (t("cred.present", lang), str(report.present)),
                           (t("cred.absent", lang), str(len(report.absent))),
                           (t("cred.share_present", lang), fmt_percent(report.present, report.convened, lang))),
                  notes=f"{attendance_sentence(report, lang)} {quorum_sentence(report, lang)}")
    numbers = []
    for key, label in (("gender", "Nữ"), ("party", "party_member"), ("ethnic_minority", "ethnic_minority")):
        group = report.group(key)
        if group is not None:
            count = dict(group.rows).get(label, 0)
            numbers.append((item_label(group, label, lang), f"{count} · {fmt_percent(count, group.total, lang)}"))
    education = report.group("education")
    if education is not None:
        university = sum(n for level, n in education.rows if level in ("Tiến sỹ", "Thạc sỹ", "Đại học"))
        numbers.append((t("cred.university", lang), f"{university} · {fmt_percent(university, education.total, lang)}"))
    if report.age.average is not None:
        as_of = report.as_of.suffix(lang) if report.as_of is not None else ""
        numbers.append((t("cred.average_age", lang) + as_of, fmt_number(report.age.average, lang, 1)))
    second = Slide(key="composition", title=t(f"cred.slide_composition{members}", lang),
                   finding=t("cred.slide_composition_finding", lang, present=report.present),
                   numbers=tuple(numbers), notes=age_text(report, lang))
    return [first, second]


def result_rows(result: ElectionResult, lang: str = "vi") -> list[tuple[int, str, int, str, str]]:
    """(rank, candidate, votes, share of the ballots collected, outcome) in order of votes."""
    rows = []
    for rank, c in enumerate(result.candidates, start=1):
        outcome = ("elect.outcome_elected" if c.elected else "elect.outcome_tied" if c.tied else
                   "elect.outcome_not_elected")
        rows.append((rank, c.name, c.votes, fmt_percent(c.votes, result.returned, lang),
                     t(outcome, lang) if result.complete else ""))
    return rows


def result_sentences(result: ElectionResult, lang: str = "vi") -> list[str]:
    """The outcome in sentences: elected (highest first), a tie for a new round, seats left unfilled."""
    out = []
    if result.elected:
        out.append(t("elect.sentence_elected", lang, n=len(result.elected), names=", ".join(result.elected)))
    if result.tied:
        out.append(t("elect.sentence_tied", lang, names=", ".join(result.tied), votes=result.candidates[
            [c.name for c in result.candidates].index(result.tied[0])].votes))
    if result.unfilled > 0:
        out.append(t("elect.sentence_unfilled", lang, n=len(result.elected), seats=result.election.seats,
                     missing=result.unfilled))
    return out


def reason_label(code: str, lang: str = "vi") -> str:
    """An invalid-ballot reason in words ("all_crossed" → "Gạch hết tên")."""
    return t(f"ballot.reason.{code}", lang)


def invalid_sentence(result: ElectionResult, lang: str = "vi") -> str:
    """"Phiếu không hợp lệ theo lý do: Gạch hết tên 1; ..." ("" when none is invalid)."""
    if not result.invalid_by_reason:
        return ""
    reasons = "; ".join(f"{reason_label(code, lang)}: {n}" for code, n in result.invalid_by_reason)
    return t("elect_invalid_by_reason", lang, reasons=reasons)


def rule_sentences(result: ElectionResult, lang: str = "vi") -> list[str]:
    """The rules applied, as stated on the page, the hall screen and the minutes."""
    out = [t("elect_rule_elected", lang)]
    if result.returned:
        out.append(t("elect_rule_needed", lang, collected=result.returned, needed=result.needed))
    return out


def figures_sentence(result: ElectionResult, convened: int | None, present: int | None, lang: str = "vi") -> str:
    """Convened, present, voting, issued, collected, not collected, valid, invalid — one sentence."""
    unknown = "…"
    return t("elect_figures", lang, convened=convened if convened else unknown, present=present if present else unknown,
             voting=result.returned, issued=result.election.issued, collected=result.returned,
             not_collected=result.not_collected if result.election.closed else result.remaining,
             valid=result.valid, invalid=result.invalid)


def progress_text(result: ElectionResult, lang: str = "vi") -> str:
    """"Đã kiểm 18/30 phiếu" while counting, "Đã kiểm xong 30 phiếu" at the end."""
    if result.election.closed and result.not_collected:
        return t("elect_closed_note", lang, n=result.not_collected)
    if result.complete:
        return t("elect.progress_done", lang, n=result.returned)
    return t("elect.progress", lang, n=result.returned, issued=result.election.issued)
