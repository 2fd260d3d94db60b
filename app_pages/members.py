"""Đoàn viên: member structure by gender, education, political theory, party, department, age; a searchable roster."""

import streamlit as st

from unionboard.analysis.filters import filter_roster
from unionboard.analysis.reference import age_reference
from unionboard.analysis.unknown import missing_sentence, not_in_data
from unionboard.core.i18n import t, value_label
from unionboard.core.models import GENDERS
from unionboard.core.wording import SAID_KINDS, union_word
from unionboard.present import charts, tables
from unionboard.ui.auth import require_role
from unionboard.ui.components import chart, chart_grid, missing_domain, page_header
from unionboard.ui.data import folded_names, get_view

view = get_view()
lang = view.lang
page_header(t("page_members", lang), view)
roster = view.dataset.members
if roster is None:
    missing_domain("members", "Đoàn viên", lang)
    st.stop()

kind = view.dataset.info.kind  # "Bộ phận/phân xưởng" in an enterprise, the report's words otherwise
departments = sorted(roster.frame["department"].dropna().unique().tolist())
left, right, search = st.columns([2, 1, 1])
unit_label = union_word(kind, "unit_label", lang) if kind in SAID_KINDS else t("filter_department", lang)
chosen_departments = left.multiselect(unit_label, departments, key="members_departments",
                                      placeholder=t("all", lang))
chosen_genders = right.multiselect(t("filter_gender", lang), list(GENDERS), key="members_genders",
                                   format_func=lambda g: value_label(g, lang), placeholder=t("all", lang))
query = search.text_input(t("search_roster", lang), key="members_query")

shown = filter_roster(roster, chosen_departments, chosen_genders)
view_roster = roster.with_frame(shown)

if lacking := missing_sentence(roster, lang):  # unknown is not zero: said, not drawn as 0
    st.info(lacking, icon=":material/info:")
grid = chart_grid(3)
for built, key in ((charts.gender_donut(view_roster, lang=lang), "gioi-tinh"),
                   (charts.education_bar(view_roster, lang=lang), "trinh-do"),
                   (charts.political_theory_bar(view_roster, lang=lang), "ly-luan-chinh-tri"),
                   (charts.party_by_gender(view_roster, lang=lang), "dang-vien"),
                   (charts.department_bar(view_roster, lang=lang, kind=kind), "phong-don-vi"),
                   (charts.age_histogram(view_roster, reference_year=age_reference(view.dataset), lang=lang),
                    "do-tuoi")):
    if built is not None:
        with grid.cell():
            chart(built, key, lang)

st.subheader(t("roster_heading", lang))
if not require_role("see_personal", lang, message="acct.personal_hidden"):  # personal data: allowed roles only
    st.stop()
table = filter_roster(view_roster, query=query, folded=folded_names(view) if query else None)
st.caption(t("roster_count", lang, shown=len(table), total=len(roster)))
st.dataframe(tables.roster_table(table, lang, kind, not_in_data(roster)), hide_index=True, width="stretch", key="roster")
