"""unionboard entry point: page config, navigation in sections, the shared sidebar and cached data access."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from unionboard.core.i18n import LANGUAGES, t
from unionboard.core.text import vietnam_time
from unionboard.ui.auth import announce_setup_link, setup_page
from unionboard.ui.components import md_escape
from unionboard.ui.data import (
    PERSISTENT_KEYS,
    build_view,
    current_source,
    enterprise_source,
    period_choice,
    sample_source,
)

ROOT = Path(__file__).resolve().parent

# a local icon: a ":material/...:" page icon makes the browser fetch it from fonts.gstatic.com
st.set_page_config(page_title="Đại hội Công đoàn cơ sở", page_icon=str(ROOT / "assets" / "favicon.png"), layout="wide")

if "lang" not in st.session_state:
    st.session_state["lang"] = "en" if st.query_params.get("lang") == "en" else "vi"
lang = st.session_state["lang"]
# settings chosen on one page that must survive a visit to another: Streamlit drops a widget's state
# when the page drawing it is not shown, unless the key is assigned again in every run
for persistent in PERSISTENT_KEYS:
    if persistent in st.session_state:
        st.session_state[persistent] = st.session_state[persistent]

PAGES = {
    "section_report": [
        ("app_pages/overview.py", "page_overview", ":material/dashboard:", "", True),
        ("app_pages/members.py", "page_members", ":material/groups:", "members", False),
        ("app_pages/finance.py", "page_finance", ":material/payments:", "finance", False),
        ("app_pages/targets_awards.py", "page_targets", ":material/flag:", "targets", False),
    ],
    "section_congress": [
        ("app_pages/slides.py", "page_slides", ":material/co_present:", "slides", False),
        ("app_pages/congress.py", "page_congress", ":material/how_to_reg:", "attendance", False),
        ("app_pages/election.py", "page_election", ":material/ballot:", "election", False),
        ("app_pages/hall.py", "page_hall", ":material/tv:", "hall", False),
    ],
    "section_committee": [
        ("app_pages/data.py", "page_data", ":material/upload_file:", "data", False),
        ("app_pages/plan.py", "page_plan", ":material/event_note:", "plan", False),
        ("app_pages/draft_check.py", "page_draft_check", ":material/fact_check:", "draft-check", False),
        ("app_pages/accounts.py", "acct.page_title", ":material/manage_accounts:", "accounts", False),
    ],
}
navigation = {
    t(section, lang): [st.Page(path, title=t(title, lang), icon=icon, url_path=url, default=default)
                       for path, title, icon, url, default in pages if (ROOT / path).exists()]
    for section, pages in PAGES.items()
}


def _overview_link() -> None:
    """A deep link /overview opens the overview (the default page itself is served at the root)."""
    st.switch_page("app_pages/overview.py")


# hidden from the menu: only the address /overview leads to it
navigation[t("section_report", lang)].append(
    st.Page(_overview_link, title=t("page_overview", lang), url_path="overview", visibility="hidden"))
page = st.navigation({k: v for k, v in navigation.items() if v})

with st.sidebar:
    st.selectbox(t("sidebar_language", lang), list(LANGUAGES), key="lang", format_func=LANGUAGES.get)
    current = current_source()
    options = ["current", "sample", "enterprise"] if current is not None else ["sample", "enterprise"]
    # keyed on the current version, so that a newly published version is what everyone sees next, and
    # on the language: a radio whose labels change under the same key showed no option selected
    version_id = current.version.id if current is not None else 0
    saved = st.session_state.get("dataset_choice", {}).get(version_id)
    choice = st.radio(t("sidebar_dataset", lang), options, key=f"dataset-{version_id}-{lang}",
                      index=options.index(saved) if saved in options else 0,
                      format_func=lambda k: t(f"dataset_{k}", lang))
    st.session_state["dataset_choice"] = {version_id: choice}
    source = (current if choice == "current" and current is not None
              else enterprise_source() if choice == "enterprise" else sample_source())
    if source.version is not None:
        version = source.version
        st.caption(t("version_caption", lang, id=version.id, when=vietnam_time(version.created_at),
                     by=md_escape(version.by) if version.by else "—"))
    # one year, the term so far or the whole term: every page, slide, document and sentence follows it
    view = build_view(lang, source, period=period_choice(lang, source))
    if view.result.issues:
        st.caption(t("sidebar_issues", lang, errors=len(view.result.errors),
                     warnings=len(view.result.warnings)))
    from unionboard.ui.auth import sidebar_status

    sidebar_status(lang)

st.session_state["_view"] = view
announce_setup_link()
if not setup_page(lang):
    page.run()
