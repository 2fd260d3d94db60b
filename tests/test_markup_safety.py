"""Uploaded text is never rendered as markup: not as HTML (Plotly, st.markdown) nor as Markdown.

A workbook whose member names, departments, finance items, target texts, award forms and notes,
term targets, budget items and union name carry HTML and Markdown payloads is published to a store
in a temporary UNIONBOARD_HOME (by a publisher whose name carries them too). Then:

(a) every chart builder: no raw `<b>`, `<a `, `<img` from the data survives anywhere in the figure
    JSON (Plotly reads a subset of HTML in every text it draws); the code's own `<br>` stay;
(b) AppTest of every page: no Markdown element, alert, heading, label or chart spec carries the
    payloads unescaped;
(c) a real browser on the overview, finance, targets and slide pages: no `javascript:` anchor, no
    `<img>` made from the data, the payloads shown as text.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from helpers import REPO_ROOT, app_env, running_app, wait_for_app
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import element_tree as et

from unionboard.analysis import findings, planning
from unionboard.core.models import Dataset, Roster, SourceFile
from unionboard.domains import term_status as TS
from unionboard.domains.loader import check_files
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.present import charts, slide_charts
from unionboard.present import planning_charts as pc
from unionboard.publish import publish_files
from unionboard.sample.plan import SAMPLE_PLAN_FILES
from unionboard.sample.report import sample_paths

APP = str(REPO_ROOT / "app.py")
PAYLOADS = ("<b>BOLD</b>", '<a href="javascript:alert(1)">link</a>', "<img src=x onerror=alert(1)>",
            "**md bold**", "[md link](javascript:alert(1))", "# heading")
ALL = " ".join(PAYLOADS)
# In a figure (Plotly draws HTML): these must never appear as written; their escaped form must.
RAW_HTML = ("<b>BOLD", "BOLD</b>", "<a ", "<img")
ESCAPED_HTML = "&lt;b&gt;BOLD&lt;/b&gt;"
# In anything Streamlit renders as Markdown: never the markup as written (a backslash before a
# character shows it as written: "\\<b\\>" is text).
RAW_MARKUP = re.compile(r"\*\*md bold\*\*|\[md link\]\(javascript:|(?<!\\)<(?:a |img|b>)")
FILE_NAME = "bao-cao [md link](javascript:alert(1)) **md bold** <img src=x onerror=alert(1)>.xlsx"
PAGES = ("overview", "members", "finance", "targets_awards", "slides", "data", "plan")


# --------------------------------------------------------------------------- the malicious data


def _sample_files() -> list[SourceFile]:
    files = {p.name: SourceFile(p.name, p.read_bytes()) for p in sample_paths()}
    for name, build in SAMPLE_PLAN_FILES.items():
        if name not in files:
            import io

            buffer = io.BytesIO()
            build().save(buffer)
            files[name] = SourceFile(name, buffer.getvalue())
    return list(files.values())


def _tainted(dataset: Dataset) -> Dataset:
    """The sample with the payloads appended to every text a user writes."""
    frame = dataset.members.frame.copy()
    frame["name"] = [f"{n} {ALL}" for n in frame["name"]]
    frame["department"] = [f"{d} {ALL}" for d in frame["department"]]
    roster = Roster(frame=frame, file=dataset.members.file, sheet=dataset.members.sheet)

    def item(name: str) -> str:
        return f"{name} {ALL}"

    finance = dataclasses.replace(dataset.finance, entries=tuple(
        dataclasses.replace(e, item=item(e.item)) for e in dataset.finance.entries))
    targets = tuple(dataclasses.replace(t, text=f"{t.text} {ALL}") for t in dataset.targets)
    awards = tuple(dataclasses.replace(a, form=f"Hình thức {ALL}", note=ALL) for a in dataset.awards)
    term_targets = tuple(dataclasses.replace(t, text=f"{t.text} {ALL}") for t in dataset.term_targets)
    budget = tuple(dataclasses.replace(b, item=item(b.item)) for b in dataset.budget)
    return dataclasses.replace(dataset, members=roster, finance=finance, targets=targets, awards=awards,
                               term_targets=term_targets, budget=budget,
                               info=dataclasses.replace(dataset.info, name=f"Công đoàn {ALL}"))


@functools.cache
def malicious_file() -> SourceFile:
    return SourceFile(FILE_NAME, dataset_to_xlsx(_tainted(check_files(_sample_files()).dataset)))


@functools.cache
def malicious_dataset() -> Dataset:
    result = check_files([malicious_file()])
    assert not result.errors, [i.message for i in result.errors]
    return result.dataset


def test_the_workbook_carries_the_payloads_into_every_domain():
    data = malicious_dataset()
    assert ALL in data.info.name
    assert all(ALL in n for n in data.members.frame["name"])
    assert all(ALL in d for d in data.members.frame["department"])
    assert all(ALL in i for i in data.finance.items("revenue") + data.finance.items("spending"))
    assert all(ALL in t.text for t in data.targets)
    assert all(ALL in a.form and a.note == ALL for a in data.awards)
    assert all(ALL in t.text for t in data.term_targets)
    assert all(ALL in b.item for b in data.budget)


# --------------------------------------------------------------------------- (a) figures


def strings(value) -> Iterator[str]:
    """Every string anywhere in a (nested) plotly JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)
    elif hasattr(value, "tolist"):  # numpy arrays
        yield from strings(value.tolist())


def figure_of(built: charts.Chart | None) -> object:
    """A built chart's figure (None when nothing was drawn)."""
    return None if built is None else built.figure


RULE_CHARTS = ("rules_chart", "groups_caps")  # their names come from the rules table, none from the data


@functools.cache
def figures() -> dict[str, object]:
    data = malicious_dataset()
    out = {}
    for name in (n for n in charts.DATA_FUNCTIONS if n not in RULE_CHARTS):
        obj = (data.members if name in ("gender_donut", "education_bar", "political_theory_bar",
                                        "party_by_gender", "department_bar", "age_histogram")
               else data.finance if name.startswith(("revenue", "spending", "balance", "term"))
               else data.targets if name.startswith("targets") else data.awards)
        for lang in ("vi", "en"):
            out[f"{name}-{lang}"] = figure_of(charts.CHARTS[name](obj, lang=lang))
    years = TS.term_years(data.info, data.term_targets)
    items = TS.progress(data.term_targets, years)
    totals = planning.plan_totals(data.budget, data.finance)
    plan = planning.plan_by_year(data.budget)
    series = [("Theo nhịp " + ALL, planning.projected_balance(data.finance, 2022)),
              ("Kế hoạch", planning.projected_balance(data.finance, 2022, plan))]
    out["status_heatmap"] = figure_of(pc.status_heatmap(items, years, "vi"))
    out["plan_vs_actual_revenue"] = figure_of(pc.plan_vs_actual(totals, "revenue", "vi"))
    out["plan_vs_actual_spending"] = figure_of(pc.plan_vs_actual(totals, "spending", "vi"))
    out["projected_balance"] = figure_of(pc.projected_balance(series, "vi"))
    for key in (k for k in slide_charts.CHART_KEYS if k != "finance_rules"):  # rules: names from the rules table
        out[f"slide-{key}"] = slide_charts.slide_figure(key, data, "vi")
    return out


# Figures that show no text from the data at all (genders, statuses, years and totals only).
NO_DATA_TEXT = {"gender_donut", "education_bar", "political_theory_bar", "party_by_gender", "age_histogram",
                "balance_by_year", "targets_status_donut", "awards_by_year", "plan_vs_actual_revenue",
                "plan_vs_actual_spending", "slide-gender", "slide-balance_by_year", "slide-awards_by_level"}


@pytest.mark.parametrize("name", list(figures()))
def test_no_html_from_the_data_survives_in_a_figure(name):
    fig = figures()[name]
    assert fig is not None
    texts = list(strings(fig.to_plotly_json()))
    for text in texts:
        for raw in RAW_HTML:
            assert raw not in text, f"{name}: {raw!r} in {text!r}"
    if name.removesuffix("-vi").removesuffix("-en") not in NO_DATA_TEXT:
        assert any(ESCAPED_HTML in text for text in texts), f"{name}: the data's text is not in the figure"


def test_intentional_line_breaks_and_hover_markup_stay():
    fig = charts.department_bar(malicious_dataset().members).figure
    ticks = list(fig.data[0].y)
    assert all("<br>" in tick for tick in ticks)  # wrapped by the code, after escaping
    assert "<b>%{customdata[0]}</b>" in fig.data[0].hovertemplate
    assert all("&lt;img src=x onerror=alert(1)&gt;" in c[0] for c in fig.data[0].customdata)
    # the table behind the chart keeps the text as written
    table = charts.data_department_bar(malicious_dataset().members)
    assert all(ALL in d for d in table.iloc[:, 0])


def test_slide_target_texts_are_whole_and_escaped():
    fig = slide_charts.slide_figure("targets_result", malicious_dataset(), "vi")
    texts = [a.text for a in fig.layout.annotations]
    assert texts and all("<" not in t.replace("<br>", "").replace("<b>", "").replace("</b>", "") for t in texts)
    assert any("&lt;b&gt;BOLD&lt;/b&gt;" in t.replace("<br>", " ") for t in texts)
    assert not any("…" in t for t in texts)  # never shortened, so never cut inside an entity


def test_word_and_powerpoint_write_the_data_as_literal_text():
    """python-docx / python-pptx write text runs: the payload is XML-escaped text, never markup."""
    import io
    import zipfile

    from unionboard.export.docx import dataset_to_docx
    from unionboard.export.pptx import dataset_to_pptx

    for data in (dataset_to_docx(malicious_dataset()), dataset_to_pptx(malicious_dataset())):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
        assert "&lt;b&gt;BOLD&lt;/b&gt;" in xml and "**md bold**" in xml
        assert "<b>BOLD" not in xml and "<img" not in xml


# --------------------------------------------------------------------------- (b) every page in AppTest


@pytest.fixture
def published(tmp_path: Path, monkeypatch):
    """A store in tmp_path whose current version is the malicious workbook, published by a malicious name."""
    from unionboard.store.versions import open_store

    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    monkeypatch.delenv("UNIONBOARD_DB_URL", raising=False)
    st.cache_data.clear()
    outcome = publish_files(open_store(), [malicious_file()], by=ALL, comment=ALL)
    assert outcome.ok, [i.message for i in outcome.result.errors]
    yield tmp_path
    st.cache_data.clear()


def rendered_as_markdown(at: AppTest) -> list[tuple[str, str]]:
    """(element, text) for everything Streamlit renders as Markdown: markdown, captions, badges,
    alerts, headings, toasts, metrics, and the labels of widgets, expanders and tabs."""
    out: list[tuple[str, str]] = []
    for root in (at.main, at.sidebar):
        for node in root:
            kind = type(node).__name__
            if isinstance(node, et.Markdown | et.HeadingBase | et.AlertBase | et.Toast):
                out.append((kind, str(node.value)))
            if isinstance(node, et.Metric):
                out += [(kind, str(node.label)), (kind, str(node.value)), (kind, str(node.delta))]
            elif isinstance(node, et.Radio):
                out += [(kind, str(node.label))] + [(kind, str(o)) for o in node.options]
            elif isinstance(node, et.Widget | et.Expander | et.Tab) or kind in ("PageLink", "DownloadButton"):
                label = getattr(node, "label", None)
                if label is None and node.proto is not None:
                    label = getattr(node.proto, "label", None)
                if isinstance(label, str):
                    out.append((kind, label))
    return out


def chart_specs(at: AppTest) -> list[str]:
    return [node.proto.spec for root in (at.main, at.sidebar) for node in root
            if getattr(node, "type", None) == "plotly_chart"]


def open_page(name: str, **query: str) -> AppTest:
    from unionboard.store.accounts import Accounts

    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    # signed in as the committee, so that every named table (the roster, attendance) is drawn too
    account = Accounts().get("bch") or Accounts().add("bch", "mat-khau-bch-2017", "committee", display_name=ALL)
    at.session_state["_ub_session"] = {"account_id": account.id, "generation": str(account.generation)}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.switch_page(f"app_pages/{name}.py")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def assert_no_markup(at: AppTest, where: str) -> list[tuple[str, str]]:
    shown = rendered_as_markdown(at)
    for kind, text in shown:
        found = RAW_MARKUP.search(text)
        assert found is None, f"{where}: {kind} renders {found.group()!r}: {text!r}"
    for spec in chart_specs(at):
        for text in strings(json.loads(spec)):
            for raw in RAW_HTML:
                assert raw not in text, f"{where}: chart text {text!r}"
    return shown


@pytest.mark.parametrize("name", PAGES)
def test_no_page_renders_the_data_as_markup(published, name):
    at = open_page(name)
    shown = assert_no_markup(at, name)
    # the sidebar names the publisher, escaped
    assert any(r"\*\*md bold\*\*" in text for _, text in shown if "#1" in text), shown
    if name == "overview":
        heading = at.title[0].value
        assert r"\[md link\]\(javascript\:alert\(1\)\)" in heading and r"\# heading" in heading
        summary = next(m.value for m in at.markdown if m.value.startswith("- "))
        assert r"\*\*md bold\*\*" in summary  # the largest spending category, shown as written
    if name == "finance":
        assert len(chart_specs(at)) == 6
        shown_escaped = [any(ESCAPED_HTML in text for text in strings(json.loads(spec))) for spec in chart_specs(at)]
        assert sum(shown_escaped) == 5  # every chart but the balance
    if name == "data":
        labels = [b.proto.label for b in at.get("download_button")]
        assert any(r"\[md link\](javascript\:alert(1))" in label for label in labels), labels


def test_every_slide_and_its_notes_show_the_data_as_text(published):
    at = open_page("slides", notes="1")
    count = len(at.selectbox(key="slide_jump").options)
    for number in range(1, count + 1):
        at = open_page("slides", slide=str(number), notes="1")
        html = "\n".join(m.value for m in at.markdown if m.proto.allow_html)
        assert "\n\n" not in html  # one HTML block each: Markdown never reaches inside
        assert_no_markup(at, f"slide {number}")
        if number == 1:
            assert "&lt;b&gt;BOLD&lt;/b&gt;" in html and "&#42;&#42;md bold&#42;&#42;" in html


def test_plan_warnings_and_labels_escape_the_item(published):
    at = open_page("plan")
    assert_no_markup(at, "plan")
    labels = [n.label for n in at.text_input]
    assert any(r"\*\*md bold\*\*" in label for label in labels), labels


# --------------------------------------------------------------------------- (c) a real browser


@pytest.fixture(scope="module")
def tainted_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` with UNIONBOARD_HOME holding the malicious workbook as the current version."""
    home = tmp_path_factory.mktemp("unionboard_home_markup")
    logs = tmp_path_factory.mktemp("streamlit_logs_markup")
    env = app_env(home, UNIONBOARD_DB_URL=None)
    subprocess.run([sys.executable, "-c", (
        "import sys; from unionboard.store.versions import open_store; from unionboard.core.models import SourceFile;"
        "from unionboard.publish import publish_files;"
        "name, by = sys.argv[1], sys.argv[2];"
        "o = publish_files(open_store(), [SourceFile(name, sys.stdin.buffer.read())], by=by, comment=by);"
        "assert o.ok, o.reason"), malicious_file().name, ALL],
        input=malicious_file().data, env=env, cwd=REPO_ROOT, check=True)
    with running_app(env, logs) as base:
        yield base


def assert_nothing_injected(page, where: str) -> None:
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    assert page.locator('a[href^="javascript"]').count() == 0, where
    assert page.locator('img[src="x"]').count() == 0, where
    assert page.locator("[onerror]").count() == 0, where
    assert page.locator(".js-plotly-plot svg a").count() == 0, where  # Plotly makes <a> from <a href>
    main = page.get_by_test_id("stMain")
    assert main.locator("strong", has_text="md bold").count() == 0, where
    assert main.locator("b", has_text="BOLD").count() == 0, where
    assert main.locator("a", has_text="md link").count() == 0, where
    assert page.get_by_test_id("stSidebar").locator("strong", has_text="md bold").count() == 0, where
    assert not alerts, alerts


def plotly_texts(page) -> str:
    return "\n".join(page.locator(".js-plotly-plot svg text").all_text_contents())


def test_overview_shows_the_payloads_as_text(page, tainted_server):
    page.goto(f"{tainted_server}/")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .legendtext", timeout=30_000)
    assert_nothing_injected(page, "overview")
    main = page.get_by_test_id("stMain")
    title = main.locator("h1").first.inner_text()
    assert ALL in title  # the union name exactly as written, "# heading" and all
    # the summary reads exactly as the sentences: the escapes do not show ("310,99 triệu đồng")
    items = [li.strip() for li in main.locator("li").all_inner_texts()]
    for sentence in findings.overview_summary(malicious_dataset(), "vi"):
        assert sentence in items, (sentence, items)
    body = main.inner_text()
    assert "310.992.000 đ" in body and "2.157.000 đ" in body
    assert "<b>BOLD</b>" in plotly_texts(page)  # the revenue sources' legend, drawn as text
    sidebar = page.get_by_test_id("stSidebar").inner_text()
    assert "**md bold**" in sidebar and "[md link](javascript:alert(1))" in sidebar


def test_finance_charts_draw_the_payloads_as_text(page, tainted_server):
    page.goto(f"{tainted_server}/finance")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .legendtext", timeout=30_000)
    assert_nothing_injected(page, "finance")
    legend = "\n".join(page.locator(".js-plotly-plot .legendtext").all_text_contents())
    assert "<b>BOLD</b>" in legend and "<img src=x onerror=alert(1)>" in legend
    assert '<a href="javascript:alert(1)">link</a>' in legend
    # no bold, italics or links made by Plotly from the data
    assert page.locator('.js-plotly-plot .legendtext tspan[style*="bold"]').count() == 0
    # the (horizontal) waterfall's ticks: the items' names as text, wrapped by the code's own <br>
    assert page.locator(".js-plotly-plot .ytick text tspan.line").count() > 0


def test_targets_and_slides_show_the_payloads_as_text(page, tainted_server):
    page.goto(f"{tainted_server}/targets")
    wait_for_app(page)
    page.wait_for_selector(".js-plotly-plot .ytick", timeout=30_000)
    assert_nothing_injected(page, "targets")
    assert "<b>BOLD</b>" in plotly_texts(page)
    page.goto(f"{tainted_server}/slides?slide=1&notes=1")
    wait_for_app(page)
    assert_nothing_injected(page, "slides")
    text = page.get_by_test_id("stMain").inner_text()
    assert ALL in text and "**md bold**" in text


CONGRESS_PAGES = ("congress", "election", "hall")


@pytest.mark.parametrize("name", CONGRESS_PAGES)
def test_congress_pages_show_names_titles_and_reasons_as_text(published, monkeypatch, name):
    """Check-in rows, absent reasons, election titles, ballot checkboxes and tally labels, the entry log,
    the count and the hall screen: the payloads from the roster and the forms are shown as written."""
    from unionboard.analysis.congress import ABSENT, PRESENT, ballot_entry, convened
    from unionboard.store.congress import CongressStore

    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", "mat-khau-an-toan")
    store = CongressStore()
    people = convened(malicious_dataset())
    store.mark(people[0].key, people[0].name, PRESENT, by=ALL)
    store.mark(people[1].key, people[1].name, ABSENT, by=ALL, reason=ALL)
    election = store.create_election(f"Bầu {PAYLOADS[3]} {PAYLOADS[4]}", 2,
                                     [f"Ứng viên {p}" for p in PAYLOADS], 10, by=ALL)
    store.add_entry(election.id, ballot_entry(election, True, [f"Ứng viên {p}" for p in PAYLOADS[:4]])[0], by=ALL)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page(f"app_pages/{name}.py")
    at.run()
    if name != "hall":
        at.text_input(key="_committee_user").input(ALL[:60])
        at.text_input(key="_committee_password").input("mat-khau-an-toan")
        at.get("form_submit_button")[0].click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    shown = assert_no_markup(at, name)
    if name == "election":
        assert any(r"Ứng viên \*\*md bold\*\*" in text for _kind, text in shown), shown  # checkbox label
        assert r"\*\*md bold\*\*" in str(at.subheader[0].value)  # the election title
    if name == "congress":
        assert any(r"\*\*md bold\*\*" in text for _kind, text in shown)
    if name == "hall":
        html = " ".join(str(m.value) for m in at.markdown)
        for raw in RAW_HTML:
            assert raw not in html, raw
        assert ESCAPED_HTML in html and "&#42;&#42;md bold&#42;&#42;" in html  # the names, as text
