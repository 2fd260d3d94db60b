"""The congress slide deck as data, shared by the Streamlit slide mode and the PowerPoint export.

`build_slides(dataset)` returns one `Slide` per topic that has data: a title, a one-line finding
computed from the figures, a few big label/value pairs, the key of the chart to draw and speaker
notes that read every figure out in full sentences (exact đồng). Every user-facing string lives in
the catalogue (`core/i18n/slides.py`, Vietnamese and English).

Chart keys (`Slide.chart`): "gender", "revenue_by_year", "spending_by_year", "balance_by_year",
"targets_result", "awards_by_level", "finance_rules"; the helpers below (`awards_by_level`, `chart_targets`,
`short_label`) give the figures a chart of that key shows.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from unionboard.analysis.finance_rules import check_dataset
from unionboard.analysis.findings import target_ratio
from unionboard.analysis.metrics import below_university, member_summary, target_counts
from unionboard.analysis.period import default_for, period_within
from unionboard.analysis.unknown import missing_sentence
from unionboard.core import i18n
from unionboard.core.models import AWARD_LEVELS, BELOW_UNIVERSITY, Award, Dataset, Finance, Target
from unionboard.core.period import WHOLE_TERM, label, parse_term, term_text
from unionboard.core.text import fold, format_dong, format_number
from unionboard.core.wording import union_word
from unionboard.domains.term_status import targets_term

SLIDE_KEYS = ("title", "members", "revenue", "spending", "balance", "rules", "targets", "awards",
              "term_targets")
LANGS = ("vi", "en")


@dataclass(frozen=True)
class Slide:
    """One slide: `numbers` are (label, value) pairs shown big; `notes` are the speaker notes."""

    key: str
    title: str
    finding: str
    numbers: tuple[tuple[str, str], ...] = ()
    chart: str | None = None
    notes: str = ""


# Every string shown on a slide, by language. Templates use str.format fields.
# Every string shown on a slide lives in the catalogue (core/i18n/slides.py) under "slide.*".


def strings(lang: str = "vi") -> dict[str, str]:
    """The string table of one language (ValueError for an unknown one)."""
    if lang not in LANGS:
        raise ValueError(f"Ngôn ngữ “{lang}” không hỗ trợ (cần một trong {', '.join(LANGS)}).")
    return i18n.table("slide.", lang)


# --------------------------------------------------------------------------- number formats


def fmt_number(value: float, lang: str = "vi", decimals: int = 0) -> str:
    """310992000 → '310.992.000' (vi) or '310,992,000' (en); halves round up (308,835 → 308,84)."""
    return format_number(value, decimals, "en" if lang == "en" else "vi")


def fmt_million(amount: float, lang: str = "vi", decimals: int = 2) -> str:
    """310992000 → '310,99 triệu đồng' (vi) or '310.99 million VND' (en)."""
    return f"{fmt_number(amount / 1_000_000, lang, decimals)} {strings(lang)['million']}"


def fmt_percent(part: float, whole: float, lang: str = "vi") -> str:
    """Share with one decimal, halves up — the rule of every page and chart: 17 of 33 → '51,5%'."""
    return f"{fmt_number(100 * part / whole if whole else 0, lang, 1)}%"


# --------------------------------------------------------------------------- chart helpers


def short_label(text: str, limit: int = 42) -> str:
    """A target's text cut for a chart axis: no leading dash, no final full stop, at most `limit`."""
    label = text.strip().lstrip("-–•").strip().rstrip(".").strip()
    if len(label) <= limit:
        return label
    cut = label[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def chart_targets(targets: tuple[Target, ...]) -> list[Target]:
    """The targets a result-vs-target chart can show (the dashboard's rule, `findings.target_ratio`): a
    numeric result and a non-zero numeric target."""
    return [t for t in targets if target_ratio(t) is not None]


def awards_by_level(awards: tuple[Award, ...], lang: str = "vi") -> dict[str, int]:
    """Award count by level as the dashboard's chart counts it (its table, `charts.data_awards_by_level`,
    summed over recipients): {level as named in `lang`: count}, lowest level first, levels present only."""
    from unionboard.present.charts import data_awards_by_level  # plotly: only when a deck is built

    totals: dict[str, int] = {}
    for level, _recipient, count in data_awards_by_level(awards, lang).itertuples(index=False):
        totals[str(level)] = totals.get(str(level), 0) + int(count)
    return totals


def _award_rank(award: Award) -> int:
    ranked = [level for level in AWARD_LEVELS if level != "Khác"]
    return ranked.index(award.level) if award.level in ranked else -1


def _source_name(item: str, s: dict[str, str]) -> str:
    folded = fold(item)
    if "dpcd" in folded.split() or "doan phi" in folded:
        return s["dues"]
    return item


# --------------------------------------------------------------------------- slides


def _title_slide(dataset: Dataset, s: dict[str, str], lang: str) -> Slide:
    info = dataset.info
    name = info.name.strip() or "Công đoàn cơ sở"
    congress = s["congress"].format(congress=info.congress) if info.congress else s["congress_fallback"]
    notes = s["title_notes"].format(
        name=name,
        term_part=s["title_notes_term"].format(term=info.reported_term) if info.reported_term else "",
        congress_part=(s["title_notes_congress"].format(congress=info.congress)
                       if info.congress else ""))
    period = dataset.period if dataset.period is not None else default_for(dataset)
    if period is not None and period.kind != WHOLE_TERM:
        # a year or the term so far is not the congress: the deck says its period, not "Đại hội lần thứ …"
        notes = s["title_notes_period"].format(name=name, period=label(period, lang))
        return Slide(key="title", title=name, finding=label(period, lang), numbers=(), notes=notes)
    numbers = ((s["term_label"], info.reported_term),) if info.reported_term else ()
    return Slide(key="title", title=name, finding=congress, numbers=numbers, notes=notes)


def _members_slide(dataset: Dataset, s: dict[str, str], lang: str) -> Slide | None:
    roster = dataset.members
    if roster is None or len(roster) == 0:
        return None
    summary = member_summary(roster)
    total, party = summary["total"], summary["party_members"]
    male, female = summary["by_gender"].get("Nam", 0), summary["by_gender"].get("Nữ", 0)
    education = summary["by_education"] or {}  # None: not in the data (unknown is not zero)
    university = sum(n for level, n in education.items()
                     if level in ("Tiến sỹ", "Thạc sỹ", "Đại học"))
    below = below_university(summary)
    edu_parts = [s["level_count"].format(level=i18n.value_label(level, lang), n=n) for level, n in education.items()
                 if level not in BELOW_UNIVERSITY and n]
    if below:
        edu_parts.append(s["members_notes_below"].format(n=below))
    theory_parts = [s["level_count"].format(level=s["no_theory"] if level == "Chưa có" else i18n.value_label(level, lang),
                                            n=n)
                    for level, n in (summary["by_political_theory"] or {}).items() if n]
    if party is None:
        notes = [i18n.t("unknown.members_notes", lang, total=total, male=male, female=female)]
    else:
        notes = [s["members_notes"].format(total=total, male=male, female=female, party=party,
                                           party_female=summary["party_members_female"])]
    if lacking := missing_sentence(roster, lang):
        notes.append(lacking)
    if edu_parts:
        notes.append(s["members_notes_education"].format(parts=", ".join(edu_parts)))
    if theory_parts:
        notes.append(s["members_notes_theory"].format(parts=", ".join(theory_parts)))
    if summary["by_department"]:
        notes.append(s["members_notes_departments"].format(
            n=len(summary["by_department"]), units=union_word(dataset.info.kind, "units", lang)))
    if party is None:
        finding = i18n.t("unknown.members_finding", lang, total=total, female_pct=fmt_percent(female, total, lang))
    else:
        finding = s["members_finding"].format(total=total, female_pct=fmt_percent(female, total, lang),
                                              party=party, party_pct=fmt_percent(party, total, lang))
    numbers = ((s["n_members"], str(total)), (s["male_female"], f"{male} / {female}"),  # no figure for the unknown
               *(((s["n_party"], str(party)),) if party is not None else ()),
               *(((s["n_university"], str(university)),) if summary["by_education"] is not None else ()))
    return Slide(key="members", title=s["members_title"], finding=finding, numbers=numbers,
                 chart="gender", notes=" ".join(notes))


def _extremes(by_year: dict[int, int]) -> tuple[int, int]:
    best = max(by_year, key=lambda y: (by_year[y], -y))
    worst = min(by_year, key=lambda y: (by_year[y], y))
    return best, worst


def _steadiest(finance: Finance, side: str) -> str | None:
    """The item with the lowest coefficient of variation over the years it is present every year."""
    table = finance.table(side)
    if table.shape[1] < 2:
        return None
    best: tuple[float, str] | None = None
    for item, row in table.iterrows():
        values = [int(v) for v in row]
        if min(values) <= 0:
            continue
        cv = statistics.pstdev(values) / statistics.mean(values)
        if best is None or cv < best[0]:
            best = (cv, str(item))
    return best[1] if best else None


def _finance_side_slide(dataset: Dataset, side: str, s: dict[str, str], lang: str) -> Slide | None:
    finance = dataset.finance
    if finance is None or not finance.entries_of(side):
        return None
    total = finance.total(side)
    by_item = finance.by_item(side)
    by_year = {y: v for y, v in finance.by_year(side).items()
               if any(e.year == y for e in finance.entries_of(side))}
    years = len(by_year) or 1
    avg = total / years
    largest = max(by_item, key=lambda k: by_item[k])
    largest_pct = fmt_percent(by_item[largest], total, lang)
    dong = lambda v: fmt_number(v, lang)  # noqa: E731
    parts = s["list_sep"].join(
        s["item_amount"].format(item=i18n.system_label(item, lang), amount=dong(amount), pct=fmt_percent(amount, total, lang))
        for item, amount in by_item.items())
    best, worst = _extremes(by_year)
    extremes_key = "best_worst_revenue" if side == "revenue" else "best_worst_spending"
    notes_key = "revenue_notes" if side == "revenue" else "spending_notes"
    notes = [s[notes_key].format(total=dong(total), avg=dong(round(avg)), within=period_within(dataset, lang)),
             s["by_source" if side == "revenue" else "by_category"].format(parts=parts)]
    if len(by_year) > 1:
        notes.append(s[extremes_key].format(best=best, best_amount=dong(by_year[best]),
                                            worst=worst, worst_amount=dong(by_year[worst])))
    million = lambda v: fmt_number(v / 1_000_000, lang, 2)  # noqa: E731
    if side == "revenue":
        steady = _steadiest(finance, side) if len(by_item) > 1 else None
        if steady:
            finding = s["revenue_finding_stable"].format(total=fmt_million(total, lang),
                                                         source=_source_name(steady, s))
        else:
            finding = s["revenue_finding_largest"].format(total=fmt_million(total, lang),
                                                          source=largest, pct=largest_pct)
        numbers = ((s["total_revenue_m"], million(total)), (s["avg_year_m"], million(avg)),
                   (s["largest_share"].format(item=largest), largest_pct))
        return Slide(key="revenue", title=s["revenue_title"], finding=finding, numbers=numbers,
                     chart="revenue_by_year", notes=" ".join(notes))
    finding = s["spending_finding"].format(total=fmt_million(total, lang), item=largest,
                                           pct=largest_pct)
    numbers = ((s["total_spending_m"], million(total)), (s["avg_year_m"], million(avg)),
               (s["largest_share"].format(item=largest), largest_pct))
    return Slide(key="spending", title=s["spending_title"], finding=finding, numbers=numbers,
                 chart="spending_by_year", notes=" ".join(notes))


def _balance_slide(dataset: Dataset, s: dict[str, str], lang: str) -> Slide | None:
    finance = dataset.finance
    if finance is None or not finance.entries:
        return None
    revenue, spending = finance.total("revenue"), finance.total("spending")
    closing = finance.closing_balance
    rev_year, spend_year = finance.by_year("revenue"), finance.by_year("spending")
    running = finance.cumulative_balance()
    deficits = [y for y in finance.years if spend_year.get(y, 0) > rev_year.get(y, 0)]
    tail = (s["balance_deficit_tail"].format(years=s["year_list_sep"].join(map(str, deficits)))
            if deficits else s["balance_ok_tail"])
    if closing >= 0:
        finding = s["balance_finding"].format(closing=fmt_million(closing, lang), tail=tail)
    else:
        key = "balance_negative_finding" if _within_term(dataset) else "balance_negative_finding_year"
        finding = s[key].format(closing=fmt_million(-closing, lang), tail=tail,
                                year=dataset.period.last if dataset.period is not None else "")
    dong = lambda v: fmt_number(v, lang)  # noqa: E731
    notes = []
    if finance.opening_balance:
        notes.append(s["opening_notes"].format(opening=dong(finance.opening_balance)))
    notes.append(s["balance_notes"].format(revenue=dong(revenue), spending=dong(spending),
                                           closing=dong(closing), within=period_within(dataset, lang)))
    notes.extend(s["deficit_notes"].format(year=y, gap=dong(spend_year[y] - rev_year.get(y, 0)),
                                           running=dong(running[y])) for y in deficits)
    million = lambda v: fmt_number(v / 1_000_000, lang, 2)  # noqa: E731
    numbers = ((s["total_revenue_m"], million(revenue)), (s["total_spending_m"], million(spending)),
               (s["closing_m"], million(closing)))
    return Slide(key="balance", title=s["balance_title"], finding=finding, numbers=numbers,
                 chart="balance_by_year", notes=" ".join(notes))


def _rules_slide(dataset: Dataset, s: dict[str, str], lang: str) -> Slide | None:
    """The finance rules as the finance page counts them (`check_dataset`, `rule_charts.counts`); None when no
    rule could be checked (the report's sample: its deck stays as it was)."""
    from unionboard.present.rule_charts import (  # plotly: only when a deck is built
        counts,
        status_text,
    )

    results = check_dataset(dataset)
    if all(r.status == "not_checkable" for r in results):
        return None
    n = counts(results)
    total = len(results)
    violations = [r for r in results if r.status == "violation"]
    cite = lambda r: r.rule.decision + (f", {r.rule.article}" if r.rule.article else "")  # noqa: E731
    if violations:
        parts = s["list_sep"].join(s["rules_violation_part"].format(rule=r.rule.short(lang), year=r.year,
                                                                    decision=r.rule.short_decision())
                         for r in violations)
        finding = s["rules_finding_violation"].format(ok=n["ok"], n=total, violation=n["violation"], parts=parts)
    else:
        finding = s["rules_finding_ok"].format(ok=n["ok"], n=total)
    dong = lambda v: "—" if v is None else format_dong(v, lang=lang)  # noqa: E731
    notes = [s["rules_notes"].format(n=total, **n)]
    notes += [s["rules_notes_violation"].format(rule=r.rule.title(lang), year=r.year, value=dong(r.value),
                                                limit=dong(r.limit), decision=cite(r)) for r in violations]
    notes += [s["rules_notes_missing"].format(rule=r.rule.title(lang), year=r.year, missing="; ".join(r.missing))
              for r in results if r.status == "not_checkable"]
    numbers = tuple((status_text(key, lang), str(n[key])) for key in ("ok", "violation", "not_checkable"))
    return Slide(key="rules", title=s["rules_title"], finding=finding, numbers=numbers,
                 chart="finance_rules", notes=" ".join(notes))


def _with_unit(value: str, unit: str) -> str:
    """'2' + 'Người' → '2 người'; '100%' and 'Vững mạnh' stay as written."""
    unit = unit.strip()
    if not unit or unit == "%" or not value[-1:].isdigit():
        return value
    return f"{value} {unit.lower()}"


def _targets_slide(dataset: Dataset, s: dict[str, str]) -> Slide | None:
    targets = dataset.targets
    if not targets:
        return None
    counts = target_counts(targets)
    n, over, met, missed = len(targets), counts["Vượt"], counts["Đạt"], counts["Chưa đạt"]
    if missed:
        finding = s["targets_finding_some"].format(ok=over + met, n=n, missed=missed)
    else:
        finding = s["targets_finding_all"].format(n=n, over=over)
    notes = [s["targets_notes"].format(n=n, over=over, met=met, missed=missed)]
    for status in ("Vượt", "Chưa đạt"):
        rows = [t for t in targets if t.status == status]
        if rows:
            parts = s["list_sep"].join(
                s["target_detail"].format(text=short_label(t.text, 200),
                                          target=_with_unit(t.target, t.unit),
                                          result=_with_unit(t.result or "—", t.unit))
                for t in rows)
            notes.append(s["targets_notes_list"].format(status=s[f"status_{status}"], parts=parts))
    numbers = tuple((s[f"status_{status}"], str(counts[status])) for status in ("Vượt", "Đạt", "Chưa đạt"))
    return Slide(key="targets", title=s["targets_title"], finding=finding, numbers=numbers,
                 chart="targets_result" if chart_targets(targets) else None, notes=" ".join(notes))


def _award_when(award: Award, s: dict[str, str]) -> str:
    if award.period:
        return s["award_period"].format(period=award.period)
    if award.year is not None:
        return s["award_year"].format(year=award.year)
    return s["award_when_unknown"]


def _within_term(dataset: Dataset) -> bool:
    """Whether the data set is the whole term (or not cut): its sentences say "nhiệm kỳ" as the report does."""
    return dataset.period is None or dataset.period.kind == WHOLE_TERM


def _awards_slide(dataset: Dataset, s: dict[str, str], lang: str) -> Slide | None:
    awards = dataset.awards
    if not awards:
        return None
    total = sum(a.count for a in awards)
    collective = sum(a.count for a in awards if a.recipient_type == "Tập thể")
    individual = sum(a.count for a in awards if a.recipient_type == "Cá nhân")
    top = max(awards, key=_award_rank)
    if _award_rank(top) >= 0:
        finding = s["awards_finding"].format(n=total, form=top.form, level=s[f"level_{top.level}"])
    else:
        finding = s["awards_finding_plain"].format(n=total)
    levels = awards_by_level(awards, lang)
    within = period_within(dataset, lang)
    notes = [s["awards_notes"].format(n=total, collective=collective, individual=individual)
             if _within_term(dataset) else
             s["awards_notes_period"].format(n=total, collective=collective, individual=individual,
                                             Within=within[:1].upper() + within[1:]),
             s["awards_notes_levels"].format(parts=", ".join(f"{level} {n}" for level, n in levels.items()))]
    for award in awards:
        detail = s["award_detail"].format(
            when=_award_when(award, s), form=award.form,
            level=s.get(f"level_{award.level}", award.level), count=award.count,
            recipient=s.get(f"recipient_{award.recipient_type}", award.recipient_type.lower()))
        notes.append(f"{detail} ({award.note})." if award.note else f"{detail}.")
    numbers = ((s["n_awards"], str(total)), (s["Tập thể"], str(collective)),
               (s["Cá nhân"], str(individual)))
    return Slide(key="awards", title=s["awards_title"], finding=finding, numbers=numbers,
                 chart="awards_by_level", notes=" ".join(notes))


def _term_targets_slide(dataset: Dataset, s: dict[str, str]) -> Slide | None:
    items = dataset.term_targets
    if not items:
        return None
    term = targets_term(dataset.info, items)  # the term the targets were set for, not always the next
    title = (s["term_targets_title"].format(term=term_text(term)) if term
             else s["term_targets_title_fallback"])
    groups: dict[str, int] = {}
    for item in items:
        groups[item.group] = groups.get(item.group, 0) + 1
    parts = ", ".join(s["term_targets_group"].format(n=n, group=(g[:1].lower() + g[1:]) if g else "")
                      .strip() for g, n in groups.items())
    next_term = parse_term(dataset.info.next_term)
    notes = [s["term_targets_notes"].format(n=len(items)) if term is None or term == next_term
             else s["term_targets_notes_term"].format(n=len(items), term=term_text(term))]
    for item in items:
        line = s["term_target_detail"].format(code=item.code, text=item.text.strip().rstrip("."))
        if item.term_target:
            line += s["term_target_value"].format(value=item.term_target)
        notes.append(f"{line}.")
    numbers = tuple((g, str(n)) for g, n in groups.items() if g)
    return Slide(key="term_targets", title=title,
                 finding=s["term_targets_finding"].format(n=len(items), parts=parts),
                 numbers=numbers, chart=None, notes=" ".join(notes))


def build_slides(dataset: Dataset, lang: str = "vi", order: list[str] | None = None) -> list[Slide]:
    """The deck: one slide per key of SLIDE_KEYS that has data, in `order` when given.

    `order` both orders and filters (unknown keys are ignored); the title slide is always
    available, the others only when their data exists (term_targets when dataset.term_targets).
    """
    s = strings(lang)
    builders = {
        "title": lambda: _title_slide(dataset, s, lang),
        "members": lambda: _members_slide(dataset, s, lang),
        "revenue": lambda: _finance_side_slide(dataset, "revenue", s, lang),
        "spending": lambda: _finance_side_slide(dataset, "spending", s, lang),
        "balance": lambda: _balance_slide(dataset, s, lang),
        "rules": lambda: _rules_slide(dataset, s, lang),
        "targets": lambda: _targets_slide(dataset, s),
        "awards": lambda: _awards_slide(dataset, s, lang),
        "term_targets": lambda: _term_targets_slide(dataset, s),
    }
    keys = SLIDE_KEYS if order is None else list(dict.fromkeys(k for k in order if k in builders))
    slides = []
    for key in keys:
        slide = builders[key]()
        if slide is not None:
            slides.append(slide)
    return slides
