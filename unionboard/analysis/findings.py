"""Findings told in one short sentence, computed from the data: chart titles and the overview.

Every function is pure, takes domain objects and `lang` ("vi" or "en"), and returns a sentence
(or None when the data cannot support one). Numbers are always written the Vietnamese way
(decimal comma, thousands dot), also in English sentences, so they match the charts' axes and
hover texts. Amounts are rounded half-up from the exact đồng.

The sentence templates live in the catalogue (`core/i18n/findings.py`).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import Counter
from decimal import Decimal

from unionboard.analysis.metrics import member_summary, target_counts
from unionboard.analysis.reference import AgeReference, age_reference, year_of
from unionboard.analysis.unknown import missing_text
from unionboard.core import i18n
from unionboard.core.models import AWARD_LEVELS, Award, Dataset, Finance, Roster, Target
from unionboard.core.period import TERM_SO_FAR, WHOLE_TERM, YEAR, short_label, term_text
from unionboard.core.text import fold, format_number, half_up
from unionboard.core.wording import SAID_KINDS, union_word

# The sentence templates live in the catalogue (core/i18n/findings.py) under "finding.*".

# How an award level reads after the award's form ("Bằng khen của Thủ tướng Chính phủ").
def level_phrases(lang: str) -> dict[str, str]:
    """How an award level reads after the award's form ("Bằng khen của Thủ tướng Chính phủ")."""
    return i18n.table("finding_level.", lang)

AGE_BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("<30", None, 29), ("30–39", 30, 39), ("40–49", 40, 49), ("50–59", 50, 59), ("≥60", 60, None),
)

# Abbreviations of the report's item names, spelled out for sentences.
_ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    (r"\bĐPCĐ\b", "đoàn phí công đoàn"),
    (r"\bLĐLĐ\b", "Liên đoàn Lao động"),
    (r"\bCB\s*CĐ\b", "cán bộ công đoàn"),
    (r"\bCQ,\s*ĐV\b", "cơ quan, đơn vị"),
    (r"\bHĐ\b", "hoạt động"),
    (r"\bCĐ\b", "công đoàn"),
)
_UNIVERSITY_OR_ABOVE = ("Tiến sỹ", "Thạc sỹ", "Đại học")
_THEORY_INTERMEDIATE_OR_ABOVE = ("Cao cấp", "Trung cấp")


# --------------------------------------------------------------------------- helpers


def _s(lang: str) -> dict[str, str]:
    """The finding sentence templates of `lang`."""
    return i18n.table("finding.", lang)


def _half_up(value: Decimal, decimals: int) -> Decimal:
    return half_up(value, decimals)  # the one rounding rule (core.text)


def million_number(amount: int | float, decimals: int = 2, lang: str = "vi") -> str:
    """308835000 → '308,84' (millions, Vietnamese decimal comma, rounded half-up from exact đồng)."""
    millions = _half_up(Decimal(int(round(amount))) / Decimal(1_000_000), decimals)
    return format_number(float(millions), decimals, lang)


def money(amount: int | float, lang: str = "vi", decimals: int = 2) -> str:
    """310992000 → '310,99 triệu đồng' ('310.99 million VND' in English), rounded half-up."""
    millions = _half_up(Decimal(int(round(amount))) / Decimal(1_000_000), decimals)
    return f"{format_number(float(millions), decimals, lang)} {_s(lang)['million']}"


def percent(part: float, whole: float, decimals: int = 1, lang: str = "vi") -> str:
    """part/whole as '32,9%' (half-up); '0%' when whole is 0."""
    if not whole:
        return "0%"
    value = _half_up(Decimal(str(part)) * 100 / Decimal(str(whole)), decimals)
    return f"{format_number(float(value), decimals, lang)}%"


def is_dues(item: str) -> bool:
    """True for the union-dues source ("Thu ĐPCĐ 1%", "Đoàn phí công đoàn")."""
    key = fold(item)
    return "dpcd" in key or "doan phi" in key


def friendly_item(item: str, lang: str = "vi", start: bool = False) -> str:
    """A source/category name readable in a sentence: abbreviations spelled out.

    'Chi HĐ phong trào' → 'chi hoạt động phong trào' ('Chi …' at the start of a sentence);
    the dues source reads 'đoàn phí' / 'union dues'. English keeps the name, quoted.
    """
    if is_dues(item):
        text = _s(lang)["dues"]
    elif lang == "en":
        return _s(lang)["item"].format(item=i18n.system_label(item, lang))
    else:
        text = item.strip()
        if len(text) > 1 and text[0].isupper() and text[1].islower():
            text = text[0].lower() + text[1:]
        for pattern, replacement in _ABBREVIATIONS:
            text = re.sub(pattern, replacement, text)
    return text[0].upper() + text[1:] if start and text else text


def _join_years(years: list[int]) -> str:
    return ", ".join(str(y) for y in years)


def term_label(dataset: Dataset, lang: str = "vi") -> str | None:
    """'Nhiệm kỳ 2012–2017' from the union info, else 'Giai đoạn 2013–2017' from the finance years."""
    s = _s(lang)
    period = dataset.period
    if period is not None and period.years and period.kind in (YEAR, TERM_SO_FAR):
        within = short_label(period, lang)
        return within[:1].upper() + within[1:]
    if period is not None and period.kind == WHOLE_TERM and period.term is not None:
        return s["ov_term"].format(term=term_text(period.term))
    if dataset.info.reported_term:
        return s["ov_term"].format(term=dataset.info.reported_term)
    if dataset.finance is not None and dataset.finance.years:
        years = dataset.finance.years
        span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
        return s["ov_period"].format(term=span)
    return None


def term_end_year(dataset: Dataset) -> int:
    """The year ages are counted in: the year of the data set's one reference date (`reference.age_reference`)."""
    return age_reference(dataset).year


# --------------------------------------------------------------------------- finance


def most_stable_source(finance: Finance, lang: str = "vi") -> str | None:
    """The source with the lowest coefficient of variation across years."""
    table = finance.table("revenue")
    if len(table.index) < 2 or len(table.columns) < 2:
        return None
    best: tuple[float, str] | None = None
    for item, row in table.iterrows():
        values = [int(v) for v in row.tolist()]
        mean = statistics.fmean(values)
        if mean <= 0:
            continue
        cv = statistics.pstdev(values) / mean
        if best is None or cv < best[0]:
            best = (cv, str(item))
    if best is None:
        return None
    return _s(lang)["most_stable_source"].format(Item=friendly_item(best[1], lang, start=lang != "en"))


def _largest_item(finance: Finance, side: str, key: str, fewest: int, lang: str) -> str | None:
    """Finding `key` about the largest item of `side` and its share of the side's total."""
    totals = finance.by_item(side)
    whole = sum(totals.values())
    if len(totals) < fewest or whole <= 0:
        return None
    item = max(totals, key=totals.get)
    return _s(lang)[key].format(Item=friendly_item(item, lang, start=True), pct=percent(totals[item], whole, 1, lang))


def largest_source(finance: Finance, lang: str = "vi") -> str | None:
    """The largest revenue source and its share of total revenue."""
    return _largest_item(finance, "revenue", "largest_source", 2, lang)  # "the largest of one" says nothing


def largest_category(finance: Finance, lang: str = "vi") -> str | None:
    """'Chi hoạt động phong trào chiếm 78,4% tổng chi'."""
    return _largest_item(finance, "spending", "largest_category", 1, lang)


def peak_spending_year(finance: Finance, lang: str = "vi") -> str | None:
    """The year with the most spending and its amount."""
    by_year = finance.by_year("spending")
    if not by_year or max(by_year.values()) <= 0:
        return None
    year = max(by_year, key=by_year.get)
    return _s(lang)["peak_spending_year"].format(year=year, amount=money(by_year[year], lang, 1))


def deficits(finance: Finance) -> dict[int, int]:
    """{year: spending − revenue} for the years where spending exceeded revenue."""
    rev, spend = finance.by_year("revenue"), finance.by_year("spending")
    return {y: spend.get(y, 0) - rev.get(y, 0) for y in finance.years
            if spend.get(y, 0) > rev.get(y, 0)}


def deficit_years(finance: Finance, lang: str = "vi", decimals: int = 1) -> str | None:
    """'Năm 2014 chi vượt thu 12,2 triệu đồng' (None when revenue covered spending every year)."""
    s = _s(lang)
    gaps = deficits(finance)
    if not gaps:
        return None
    if len(gaps) == 1:
        (year, gap), = gaps.items()
        return s["deficit_one"].format(year=year, amount=money(gap, lang, decimals))
    parts = "; ".join(s["deficit_part"].format(year=y, amount=money(g, lang, decimals))
                      for y, g in gaps.items())
    return s["deficit_many"].format(n=len(gaps), list=parts)


def balance_finding(finance: Finance, lang: str = "vi") -> str | None:
    """The balance chart's title: the deficit years, or that revenue always covered spending."""
    if not finance.years:
        return None
    return deficit_years(finance, lang) or _s(lang)["no_deficit"]


def closing_finding(finance: Finance, lang: str = "vi", decimals: int = 2) -> str | None:
    """'Tồn quỹ cuối kỳ 2,16 triệu đồng' (the waterfall's title)."""
    if not finance.entries and not finance.opening_balance:
        return None
    s, closing = _s(lang), finance.closing_balance
    if closing > 0:
        return s["closing_positive"].format(amount=money(closing, lang, decimals))
    if closing < 0:
        return s["closing_negative"].format(amount=money(-closing, lang, decimals))
    return s["closing_zero"]


# --------------------------------------------------------------------------- members


def gender_finding(roster: Roster, lang: str = "vi") -> str | None:
    """Which gender is the larger share of the members, with the count."""
    summary = member_summary(roster)
    men, women, total = summary["by_gender"].get("Nam", 0), summary["by_gender"].get("Nữ", 0), summary["total"]
    if not total or not (men or women):
        return None
    s = _s(lang)
    if men == women:
        return s["gender_equal"].format(n=men, total=total)
    key, n = ("women_more", women) if women > men else ("men_more", men)
    return s[key].format(pct=percent(n, total, 1, lang), n=n, total=total)


def education_finding(roster: Roster, lang: str = "vi") -> str | None:
    """How many members have a university degree or above."""
    summary = member_summary(roster)
    total = summary["total"]
    if summary["by_education"] is None:
        return missing_text("education", lang)
    if not total or not summary["by_education"]:
        return None
    n = sum(summary["by_education"].get(level, 0) for level in _UNIVERSITY_OR_ABOVE)
    return _s(lang)["education"].format(n=n, total=total, pct=percent(n, total, 1, lang))


def political_theory_finding(roster: Roster, lang: str = "vi") -> str | None:
    """How many members have intermediate political theory or above."""
    summary = member_summary(roster)
    total = summary["total"]
    if summary["by_political_theory"] is None:
        return missing_text("political_theory", lang)
    if not total:
        return None
    n = sum(summary["by_political_theory"].get(level, 0) for level in _THEORY_INTERMEDIATE_OR_ABOVE)
    return _s(lang)["political_theory"].format(n=n, total=total, pct=percent(n, total, 1, lang))


def party_finding(roster: Roster, lang: str = "vi") -> str | None:
    """How many members are party members, and how many of them women."""
    summary = member_summary(roster)
    if summary["party_members"] is None:
        return missing_text("party_member", lang)
    if not summary["total"]:
        return None
    return _s(lang)["party"].format(n=summary["party_members"], total=summary["total"],
                                    women=summary["party_members_female"])


def department_finding(roster: Roster, lang: str = "vi", kind: str = "") -> str | None:
    """The department(s) with the most members."""
    counts = member_summary(roster)["by_department"]
    if not counts:
        return None
    top = max(counts.values())
    names = [name for name, n in counts.items() if n == top]
    s = _s(lang)
    if len(names) == 1:
        return s["department_one"].format(name=names[0], n=top)
    if len(names) == 2:
        return s["department_two"].format(a=names[0], b=names[1], n=top)
    if kind in SAID_KINDS:  # "3 bộ phận, phân xưởng cùng đông nhất" in an enterprise
        return i18n.t("words.units_many", lang, k=len(names), n=top, units=union_word(kind, "units", lang))
    return s["department_many"].format(k=len(names), n=top)


def age_band(age: int) -> str:
    """The AGE_BANDS key of an age ('<30', '30–39', …, '≥60')."""
    for key, low, high in AGE_BANDS:
        if (low is None or age >= low) and (high is None or age <= high):
            return key
    return AGE_BANDS[-1][0]  # pragma: no cover


def ages(roster: Roster, reference_year: AgeReference | int | None = None) -> list[int]:
    """Ages at `reference_year` of the members whose birth year is known (pass the data set's
    `reference.age_reference(...)`; without it this year, for callers with no data set)."""
    year = year_of(reference_year) or dt.date.today().year
    births = roster.frame["birth_year"].dropna()
    return [year - int(b) for b in births]


def age_finding(roster: Roster, lang: str = "vi",
                reference_year: AgeReference | int | None = None) -> str | None:
    """The largest age band and the mean age, with the reference date when one is given."""
    values = ages(roster, reference_year)
    if not values:
        return None
    bands = Counter(age_band(a) for a in values)
    order = [key for key, _, _ in AGE_BANDS]
    band = max(order, key=lambda k: (bands.get(k, 0), -order.index(k)))
    mean = _half_up(Decimal(sum(values)) / len(values), 0)
    sentence = _s(lang)["age"].format(band=band, n=bands[band], mean=int(mean))
    return sentence + reference_year.suffix(lang) if isinstance(reference_year, AgeReference) else sentence


# --------------------------------------------------------------------------- targets, awards


def targets_finding(targets: tuple[Target, ...] | list[Target], lang: str = "vi") -> str | None:
    """'Hoàn thành 9/9 chỉ tiêu, vượt 2 chỉ tiêu' or 'Đạt 7/9 chỉ tiêu; 2 chỉ tiêu chưa đạt'."""
    if not targets:
        return None
    counts = target_counts(tuple(targets))
    total = len(targets)
    done = counts["Vượt"] + counts["Đạt"]
    s = _s(lang)
    if counts["Chưa đạt"]:
        return s["targets_some"].format(n=done, total=total, missed=counts["Chưa đạt"])
    if counts["Vượt"]:
        return s["targets_all"].format(n=done, total=total, exceeded=counts["Vượt"])
    return s["targets_all_none_exceeded"].format(n=done, total=total)


def target_ratio(target: Target) -> float | None:
    """Result as a percentage of the target (None for qualitative targets or a target of 0)."""
    if target.target_value is None or target.result_value is None or not target.target_value:
        return None
    return target.result_value / target.target_value * 100


def numeric_targets_finding(targets: tuple[Target, ...] | list[Target], lang: str = "vi") -> str | None:
    """The bullet chart's title: whether every numeric target was reached, and the best ratio."""
    numeric = [t for t in targets or () if target_ratio(t) is not None]
    if not numeric:
        return None
    s = _s(lang)
    missed = sum(1 for t in numeric if t.status == "Chưa đạt")
    if missed:
        return s["numeric_targets_some"].format(missed=missed, total=len(numeric))
    best = max(target_ratio(t) for t in numeric)
    return s["numeric_targets_all"].format(total=len(numeric), best=percent(best, 100, 0, lang))


def _award_total(awards) -> int:
    return sum(a.count for a in awards)


def awards_level_finding(awards: tuple[Award, ...] | list[Award], lang: str = "vi") -> str | None:
    """'38 lượt khen thưởng, cao nhất là Bằng khen của Thủ tướng Chính phủ'."""
    ranked = [a for a in awards or () if a.level in AWARD_LEVELS and a.level != "Khác"]
    if not awards:
        return None
    total = _award_total(awards)
    if not ranked:
        return None
    top = max(ranked, key=lambda a: AWARD_LEVELS.index(a.level))
    level = level_phrases(lang).get(top.level, "")
    return _s(lang)["awards_level"].format(total=total, form=top.form, level=level).strip()


def awards_year_finding(awards: tuple[Award, ...] | list[Award], lang: str = "vi") -> str | None:
    """The year or period with the most awards, as the awards-by-year chart draws them: 'Năm 2014 nhiều
    khen thưởng nhất (13 lượt)' or 'Giai đoạn 2012–2017 …' — so the title never contradicts the bars."""
    by_bucket: Counter[tuple[str, object]] = Counter()
    for a in awards or ():
        if a.period:
            by_bucket[("period", a.period)] += a.count
        elif a.year is not None:
            by_bucket[("year", a.year)] += a.count
    if not by_bucket:
        return None
    (kind, value), n = max(sorted(by_bucket.items(), key=lambda kv: str(kv[0][1])), key=lambda kv: kv[1])
    key = "awards_period" if kind == "period" else "awards_year"
    return _s(lang)[key].format(year=value, period=value, n=n)


# --------------------------------------------------------------------------- overview


def overview_summary(dataset: Dataset, lang: str = "vi") -> list[str]:
    """3–6 sentences a presenter can read aloud, one per domain present in `dataset`."""
    s = _s(lang)
    out: list[str] = []
    if dataset.members is not None and len(dataset.members):
        summary = member_summary(dataset.members)
        men, women = summary["by_gender"].get("Nam", 0), summary["by_gender"].get("Nữ", 0)
        if summary["party_members"] is None:  # unknown is not zero
            out.append(i18n.t("unknown.ov_members", lang, total=summary["total"], men=men, women=women))
        else:
            out.append(s["ov_members"].format(total=summary["total"], men=men, women=women,
                                              party=summary["party_members"]))
    finance = dataset.finance
    if finance is not None and finance.entries:
        term = term_label(dataset, lang) or ""
        revenue = finance.by_item("revenue")
        total_rev = finance.total("revenue")
        if revenue and total_rev > 0:
            dues = [item for item in revenue if is_dues(item)]
            item = dues[0] if dues else max(revenue, key=revenue.get)
            out.append(s["ov_revenue"].format(
                Term=term, total=money(total_rev, lang), item=friendly_item(item, lang),
                amount=money(revenue[item], lang), pct=percent(revenue[item], total_rev, 1, lang)).strip())
        spending = finance.by_item("spending")
        total_spend = finance.total("spending")
        if spending and total_spend > 0:
            item = max(spending, key=spending.get)
            out.append(s["ov_spending"].format(
                total=money(total_spend, lang), item=friendly_item(item, lang),
                amount=money(spending[item], lang), pct=percent(spending[item], total_spend, 1, lang)))
        closing = closing_finding(finance, lang)
        negative = {y: b for y, b in finance.cumulative_balance().items() if b < 0}
        if negative:
            year = min(negative, key=negative.get)
            deficit = s["ov_negative"].format(year=year, amount=money(-negative[year], lang))
            out.append(s["ov_balance_deficit"].format(closing=closing, deficit=deficit))
        elif closing:
            out.append(s["ov_balance"].format(closing=closing))
    if dataset.targets:
        finding = targets_finding(dataset.targets, lang) or ""
        out.append(s["ov_targets"].format(finding=finding[:1].lower() + finding[1:]))
    if dataset.awards:
        finding = awards_level_finding(dataset.awards, lang)
        if finding:
            out.append(s["ov_awards"].format(finding=finding))
    return out[:6]
