"""The credentials report and the election results as report `Section`s, for the PDF dossier (and .docx/.odt)."""

from __future__ import annotations

from collections.abc import Sequence

from unionboard.analysis.congress import Credentials, ElectionResult
from unionboard.core.i18n import t
from unionboard.export.report import CENTER, LEFT, RIGHT, Paragraph, Section, Table
from unionboard.present.congress import (
    age_text,
    attendance_sentence,
    composition_rows,
    delegate_warnings,
    invalid_sentence,
    quorum_sentence,
    result_rows,
    result_sentences,
    rule_sentences,
)
from unionboard.present.slides import fmt_percent


def credentials_rows(report: Credentials, lang: str = "vi") -> list[tuple[tuple[str, ...], bool]]:
    """The composition table's rows (cells, bold): those present in all, then each group's count and share."""
    rows = [((str(i), f"{group}: {item}", str(count), share), False)
            for i, (group, item, count, share) in enumerate(composition_rows(report, lang), start=1)]
    rows.insert(0, (("", t("doc.cred_present_total", lang), str(report.present),
                     fmt_percent(report.present, report.convened, lang)), True))
    return rows


CELL_MAX = 200  # a table cell holds at most this many characters (a row must fit on one page); sentences keep all


def cell_text(text: str, limit: int = CELL_MAX) -> str:
    """A name for a table cell: whole up to `limit` characters, else cut with "…" (the sentences keep it whole)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def election_rows(result: ElectionResult, lang: str = "vi") -> list[tuple[tuple[str, ...], bool]]:
    """The result table's rows (cells, bold): rank, candidate, votes, share of the ballots collected, outcome."""
    return [((str(rank), cell_text(name), str(votes), share, outcome), False)
            for rank, name, votes, share, outcome in result_rows(result, lang)]


def credentials_section(report: Credentials, lang: str = "vi") -> Section:
    """Convened, present and the quorum in sentences, the composition of those present as a table."""
    blocks = [Paragraph(attendance_sentence(report, lang)),
              Table("credentials", (t("doc.col_no", lang), t("doc.cred_col_item", lang), t("doc.col_count", lang),
                                    t("doc.cred_col_share", lang)),
                    tuple(credentials_rows(report, lang)), (CENTER, LEFT, CENTER, RIGHT), (1.2, 9.8, 2.5, 2.5))]
    if age := age_text(report, lang):
        blocks.append(Paragraph(age))
    blocks.append(Paragraph(quorum_sentence(report, lang)))
    blocks.extend(Paragraph(w) for w in delegate_warnings(report, lang))
    heading = "doc.section_credentials" if report.delegate_congress else "doc.section_attendance"
    return Section(t(heading, lang), tuple(blocks), "credentials")


def election_section(result: ElectionResult, lang: str = "vi") -> Section:
    """Ballots, each candidate's votes and share of the ballots collected, the rule, the outcome in sentences."""
    election = result.election
    counts = Paragraph(t("doc.elect_counts", lang, seats=election.seats, candidates=len(election.candidates),
                         issued=election.issued, returned=result.returned, valid=result.valid,
                         invalid=result.invalid))
    table = Table(f"election-{election.id}",
                  (t("doc.col_no", lang), t("doc.elect_col_name", lang), t("doc.elect_col_votes", lang),
                   t("doc.cred_col_share", lang), t("doc.elect_col_outcome", lang)),
                  tuple(election_rows(result, lang)),
                  (CENTER, LEFT, CENTER, RIGHT, CENTER), (1.2, 6.8, 2.2, 2.3, 4.0))
    outcome = [Paragraph(s) for s in result_sentences(result, lang)] or [Paragraph(t("elect_nobody", lang))]
    extra = [invalid_sentence(result, lang)] + ([t("elect_not_collected", lang, n=result.not_collected)]
                                                  if result.not_collected else [])
    outcome = [Paragraph(s) for s in (*rule_sentences(result, lang), *extra) if s] + outcome
    if not result.complete:
        outcome.insert(0, Paragraph(t("doc.elect_incomplete", lang, n=result.remaining), italic=True))
    return Section(t("doc.section_election", lang, title=election.title), (counts, table, *outcome),
                   f"election-{election.id}")


def congress_sections(report: Credentials | None, results: Sequence[ElectionResult],
                      lang: str = "vi") -> tuple[Section, ...]:
    """The congress-day sections that exist: the credentials report, then each election's result."""
    out = [credentials_section(report, lang)] if report is not None else []
    return (*out, *(election_section(r, lang) for r in results))
