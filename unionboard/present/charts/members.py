"""The members' charts: gender, education, political theory, Party membership by gender, units, age bands."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from unionboard.analysis import findings
from unionboard.analysis.metrics import member_summary
from unionboard.analysis.reference import AgeReference
from unionboard.analysis.unknown import known
from unionboard.core import i18n
from unionboard.core.models import GENDERS, Roster
from unionboard.core.text import format_number
from unionboard.core.wording import SAID_KINDS, union_word
from unionboard.present import palette
from unionboard.present.charts.registry import chart
from unionboard.present.charts.style import (
    BASE_FONT_SIZE,
    DONUT_TEXT,
    apply_style,
    category_axis,
    centre,
    chart_title,
    cols,
    count_axis,
    count_bar,
    label,
    labels,
    people,
    style_donut,
    term,
)


def data_gender_donut(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The gender donut's table: count and share per gender."""
    c = cols(lang)
    frame = roster.frame
    counts = [(g, int((frame["gender"] == g).sum())) for g in GENDERS]
    unknown = int(frame["gender"].isna().sum())
    if unknown:
        counts.append((None, unknown))
    total = sum(n for _, n in counts) or 1
    return pd.DataFrame({c["gender"]: [term(g, lang) for g, _ in counts],
                         c["count"]: [n for _, n in counts],
                         c["share"]: [round(n * 100 / total, 1) for _, n in counts]})


@chart("gender_donut", data_gender_donut)
def gender_donut(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    """Donut of the members per gender (unknown sex a slice of its own), the member count in its centre."""
    c, lab = cols(lang), labels(lang)
    data = table
    names = list(data[c["gender"]])
    colors = {term(g, lang): palette.gender_color(g) for g in GENDERS}
    legend = [f"{label(n)} · {format_number(int(v), 0, lang)} ({format_number(float(p), 1, lang)}%)"
              for n, v, p in zip(names, data[c["count"]], data[c["share"]], strict=True)]
    fig = go.Figure(go.Pie(
        labels=legend, values=[int(v) for v in data[c["count"]]], hole=0.55, sort=False,
        direction="clockwise", marker={"colors": [colors.get(n, palette.UNKNOWN_COLOR) for n in names],
                                       "line": {"color": "white", "width": 2}},
        texttemplate="%{percent:.1%}", **DONUT_TEXT,
        hovertemplate="<b>%{label}</b><br>%{value} " + lab["members"] + " (%{percent:.1%})<extra></extra>"))
    centre(fig, f"{len(roster)}<br>{lab['members']}")
    return style_donut(fig, chart_title("gender_donut", findings.gender_finding(roster, lang), lang))


def data_education_bar(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The education bar's table: members per level."""
    c = cols(lang)
    counts = {k: v for k, v in (member_summary(roster)["by_education"] or {}).items() if v}  # {}: not in the data
    return pd.DataFrame({c["education"]: [term(k, lang) for k in counts],
                         c["count"]: [int(v) for v in counts.values()]})


@chart("education_bar", data_education_bar, only_if=lambda roster: known(roster, "education"))
def education_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    """Bars of the members per education level; not drawn when the roster does not hold education
    (unknown is not zero: `unknown.missing_sentence` says so instead)."""
    c = cols(lang)
    fig = count_bar(table, c["education"], c["count"],
                    chart_title("education_bar", findings.education_finding(roster, lang), lang), lang,
                    horizontal=True, wrap=22)
    return fig.update_yaxes(autorange="reversed")  # the highest level at the top


def data_political_theory_bar(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The political theory bar's table: members per level."""
    c = cols(lang)
    counts = {k: v for k, v in (member_summary(roster)["by_political_theory"] or {}).items() if v}
    return pd.DataFrame({c["political_theory"]: [term(k, lang) for k in counts],
                         c["count"]: [int(v) for v in counts.values()]})


@chart("political_theory_bar", data_political_theory_bar, only_if=lambda roster: known(roster, "political_theory"))
def political_theory_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    """Bars of the members per political theory level; not drawn when the roster does not hold it."""
    c = cols(lang)
    title = chart_title("political_theory_bar", findings.political_theory_finding(roster, lang), lang)
    # bars across: level names ("Intermediate", "No training") side by side collided on a phone
    fig = count_bar(table, c["political_theory"], c["count"], title, lang, horizontal=True, wrap=22)
    return fig.update_yaxes(autorange="reversed")  # the highest level at the top


def data_party_by_gender(roster: Roster, lang: str = "vi") -> pd.DataFrame:
    """The party-by-gender table: party members and others per gender."""
    c, lab = cols(lang), labels(lang)
    frame = roster.frame
    party = frame["party_member"].fillna(False).astype(bool)
    rows = []
    if not known(roster, "party_member"):  # no table of zeros for a column the data lacks
        return pd.DataFrame(rows, columns=[c["gender"], c["party"], c["count"]])
    genders: list[str | None] = list(GENDERS) + ([None] if frame["gender"].isna().any() else [])
    for g in genders:
        mask = frame["gender"].isna() if g is None else frame["gender"] == g
        rows.append((term(g, lang), lab["party"], int((mask & party).sum())))
        rows.append((term(g, lang), lab["non_party"], int((mask & ~party).sum())))
    return pd.DataFrame(rows, columns=[c["gender"], c["party"], c["count"]])


@chart("party_by_gender", data_party_by_gender, only_if=lambda roster: known(roster, "party_member"))
def party_by_gender(table: pd.DataFrame, roster: Roster, lang: str = "vi") -> go.Figure:
    """Stacked bars per gender: Party members (bottom) and non-Party members."""
    c, lab = cols(lang), labels(lang)
    data = table
    genders = list(dict.fromkeys(data[c["gender"]]))
    fig = go.Figure()
    for key, name in ((True, lab["party"]), (False, lab["non_party"])):
        part = data[data[c["party"]] == name]
        counts = [int(v) for v in part[c["count"]]]
        totals = [int(data[data[c["gender"]] == g][c["count"]].sum()) or 1 for g in part[c["gender"]]]
        custom = [[label(g), people(n, lang), f"{format_number(n * 100 / t, 1, lang)}%"]
                  for g, n, t in zip(part[c["gender"]], counts, totals, strict=True)]
        fig.add_trace(go.Bar(
            x=[label(g) for g in part[c["gender"]]], y=counts, name=name,
            marker={"color": palette.PARTY_COLORS[key]},
            text=counts, texttemplate="%{text:,d}", textposition="inside", insidetextanchor="middle",
            textangle=0,
            textfont={"color": "white" if key else "#222222", "size": BASE_FONT_SIZE + 2},
            customdata=custom,
            hovertemplate="<b>%{customdata[0]}</b> · " + name
                          + "<br>%{customdata[1]} (%{customdata[2]})<extra></extra>"))
    maximum = max((int(data[data[c["gender"]] == g][c["count"]].sum()) for g in genders), default=1)
    fig.update_layout(barmode="stack", bargap=0.35, xaxis=category_axis("", [label(g) for g in genders]),
                      yaxis=count_axis(lab["member_count"], maximum * 1.1))
    return apply_style(fig, chart_title("party_by_gender", findings.party_finding(roster, lang), lang))


def _unit_column(lang: str, kind: str) -> str:
    """'Phòng, đơn vị' (the sample's agency), 'Bộ phận, phân xưởng' in an enterprise, ..."""
    return union_word(kind, "unit_col", lang) if kind in SAID_KINDS else cols(lang)["department"]


def data_department_bar(roster: Roster, lang: str = "vi", kind: str = "") -> pd.DataFrame:
    """Members per unit, largest first (ties keep the roster's order); the unit named by the union's kind."""
    c = cols(lang)
    counts = member_summary(roster)["by_department"]
    ordered = sorted(counts.items(), key=lambda kv: -kv[1])
    return pd.DataFrame({_unit_column(lang, kind): [i18n.system_label(k, lang) for k, _ in ordered],
                         c["count"]: [int(v) for _, v in ordered]})


@chart("department_bar", data_department_bar)
def department_bar(table: pd.DataFrame, roster: Roster, lang: str = "vi", kind: str = "") -> go.Figure:
    """Horizontal bars, the largest unit at the top."""
    c = cols(lang)
    data = table.iloc[::-1]  # plotly draws the first category at the bottom
    finding = findings.department_finding(roster, lang, kind)
    if finding is None and kind in SAID_KINDS:
        finding = i18n.t("words.members_by_units", lang, units=union_word(kind, "units", lang))
    title = chart_title("department_bar", finding, lang)
    fig = count_bar(data, _unit_column(lang, kind), c["count"], title, lang, horizontal=True, wrap=30)
    fig.update_layout(height=max(420, 110 + 52 * len(data)), margin={"l": 20})
    return fig


def data_age_histogram(roster: Roster, reference_year: AgeReference | int | None = None,
                       lang: str = "vi") -> pd.DataFrame:
    """Members per age band (<30, 30–39, 40–49, 50–59, ≥60); members without a birth year are left out."""
    c = cols(lang)
    bands = [findings.age_band(a) for a in findings.ages(roster, reference_year)]
    keys = [key for key, _, _ in findings.AGE_BANDS]
    return pd.DataFrame({c["age_band"]: keys, c["count"]: [bands.count(k) for k in keys]})


@chart("age_histogram", data_age_histogram)
def age_histogram(table: pd.DataFrame, roster: Roster, reference_year: AgeReference | int | None = None,
                  lang: str = "vi") -> go.Figure | None:
    """Members by age band at `reference_year` (the data set's `age_reference`); None without birth years."""
    import datetime as dt

    if not findings.ages(roster, reference_year):
        return None
    c = cols(lang)
    if isinstance(reference_year, AgeReference):
        when = reference_year.day(lang)
    else:
        when = str(reference_year or dt.date.today().year)
    title = chart_title("age_histogram", findings.age_finding(roster, lang, reference_year), lang)
    fig = count_bar(table, c["age_band"], c["count"],
                     title, lang, axis_title=labels(lang)["age_axis"].format(date=when), data_labels=False)
    fig.update_layout(bargap=0.1)
    return fig
