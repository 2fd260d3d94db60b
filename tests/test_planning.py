"""Planning maths (progress, on-track projection, variance), the workbook export and the check JSON part."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from unionboard.analysis import planning as P
from unionboard.core.models import (
    BudgetLine,
    CheckResult,
    Dataset,
    Finance,
    FinanceEntry,
    SourceFile,
    TermTarget,
    UnionInfo,
)
from unionboard.core.period import parse_term
from unionboard.domains import term_status as TS
from unionboard.domains.loader import check_files
from unionboard.export import planning as X
from unionboard.present import planning_charts as C
from unionboard.publish import publish_files
from unionboard.publish import saving as S
from unionboard.sample.plan import build_budget, build_term_targets
from unionboard.sample.report import build_finance, build_info

YEARS = (2018, 2019, 2020, 2021, 2022)


def read_back(name: str, data: bytes) -> CheckResult:
    """The workbook read back exactly as an upload would be read."""
    return check_files([SourceFile(name, data)])


def tt(target: str, results: dict[int, str] | None = None, unit: str = "", per_year: bool = True,
       code: str = "x", yearly: dict[int, str] | None = None) -> TermTarget:
    return TermTarget(code=code, text="t", group="g", unit=unit, term_target=target,
                      results=results or {}, per_year=per_year, yearly_targets=yearly or {})


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    d = tmp_path_factory.mktemp("plan")
    for name, build in (("thong-tin.xlsx", build_info), ("tai-chinh.xlsx", build_finance),
                        ("chi-tieu-nhiem-ky.xlsx", build_term_targets), ("du-toan.xlsx", build_budget)):
        build().save(d / name)
    return check_files(sorted(d.iterdir()))


# --------------------------------------------------------------------------- term years, statuses


def test_term_years() -> None:
    assert parse_term("2017–2022") == (2017, 2022) and parse_term("2017 - 2022") == (2017, 2022)
    assert parse_term("IV") is None
    assert TS.term_years(UnionInfo(next_term="2017–2022")) == YEARS
    assert TS.term_years(UnionInfo(), [tt("1", {2019: "1"}, yearly={2020: "2"})]) == (2019, 2020)


@pytest.mark.parametrize(("goal", "result", "status"), [
    ("1", "2", "Vượt"), ("1", "1", "Đạt"), ("1", "0", "Chưa đạt"),
    ("95%", "96%", "Vượt"), ("95%", "95%", "Đạt"), ("95%", "94,5%", "Chưa đạt"),
    ("0", "0", "Đạt"), ("0", "1", "Chưa đạt"),  # a target of 0: "none", less is better
    ("Vững mạnh xuất sắc", "Vững mạnh xuất sắc", "Đạt"), ("Vững mạnh xuất sắc", "Vững mạnh", "Chưa đạt"),
    ("Tốt", "Xuất sắc", "Vượt"), ("Hoàn thành", "Hoàn thành tốt", "Vượt"),
    ("1", "", "Chưa có số liệu"), ("1", "không", "Chưa đạt"),
])
def test_compare(goal: str, result: str, status: str) -> None:
    assert TS.compare(goal, result) == status


def test_per_year_target_on_track_only_when_every_year_met() -> None:
    assert TS.term_target_status(tt("1"), YEARS).on_track is None
    ok = TS.term_target_status(tt("1", {2018: "1", 2019: "2"}), YEARS)
    assert ok.on_track is True and ok.latest_year == 2019 and ok.latest_status == "Vượt"
    assert ok.statuses[2020] == "Chưa có số liệu"
    late = TS.term_target_status(tt("1", {2018: "1", 2019: "0", 2020: "3"}), YEARS)
    assert late.on_track is False and late.latest_status == "Vượt"  # 2019 was missed


def test_per_year_target_column_overrides_the_term_target() -> None:
    p = TS.term_target_status(tt("1", {2018: "1"}, yearly={2018: "2"}), YEARS)
    assert p.statuses[2018] == "Chưa đạt" and p.on_track is False


def test_projection() -> None:
    assert TS.projection([1, 2], 2, 5) == pytest.approx(7.5)
    assert TS.projection([], 0, 5) is None


def test_whole_term_count_uses_the_pace() -> None:
    # 5 people over the term: 1 + 0 after two years → pace 0.5/year → 2.5 < 5: behind
    behind = TS.term_target_status(tt("5", {2018: "1", 2019: "0"}, unit="Người", per_year=False), YEARS)
    assert behind.projection == pytest.approx(2.5) and behind.on_track is False
    assert behind.statuses == {2018: "Đạt", 2019: "Chưa đạt", 2020: "Chưa có số liệu",
                               2021: "Chưa có số liệu", 2022: "Chưa có số liệu"}
    ahead = TS.term_target_status(tt("5", {2018: "3"}, unit="Người", per_year=False), YEARS)
    assert ahead.projection == pytest.approx(15) and ahead.on_track and ahead.statuses[2018] == "Vượt"
    # a blank year in between counts as 0 in the pace
    gap = TS.term_target_status(tt("5", {2018: "2", 2020: "1"}, unit="Người", per_year=False), YEARS)
    assert gap.projection == pytest.approx(5) and gap.on_track is True


def test_whole_term_level_uses_the_latest_result() -> None:
    pct = TS.term_target_status(tt("95%", {2018: "80%", 2019: "96%"}, unit="%", per_year=False), YEARS)
    assert pct.projection is None and pct.on_track is True
    rating = TS.term_target_status(tt("Tốt", {2018: "Khá"}, per_year=False), YEARS)
    assert rating.on_track is False


def test_progress_puts_behind_first_and_counts_latest_year() -> None:
    targets = (tt("1", {2018: "1"}, code="a"), tt("1", code="b"), tt("1", {2018: "0"}, code="c"))
    assert [p.target.code for p in TS.progress(targets, YEARS)] == ["c", "b", "a"]
    year, counts = TS.status_counts(targets, YEARS)
    assert year == 2018
    assert counts == {"Vượt": 0, "Đạt": 1, "Chưa đạt": 1, "Chưa có số liệu": 1}
    frame = P.heatmap_frame(TS.progress(targets, YEARS), YEARS)
    assert frame.loc["c", 2018] == "Chưa đạt" and frame.shape == (3, 5)


def test_planning_summary_of_the_sample(sample) -> None:
    summary = P.planning_summary(sample)
    # the sample's illustrative 2018–2019 results: 2019 is the latest year with results
    assert summary["term_targets"] == {"total": 13, "year": 2019, "by_status": {
        "Vượt": 1, "Đạt": 8, "Chưa đạt": 4, "Chưa có số liệu": 0}}
    assert summary["budget"] == {"years": [2013, 2014, 2015, 2016, 2017, 2018]}
    assert P.planning_summary(check_files([])) == {"term_targets": None, "budget": None}


# --------------------------------------------------------------------------- budget maths


def test_variance() -> None:
    assert P.variance(20_000_000, 21_100_000) == (1_100_000, pytest.approx(5.5))
    assert P.variance(0, 5) == (5, None)
    assert P.variance(None, 5) == (None, None) and P.variance(5, None) == (None, None)


FIN = Finance(entries=(
    FinanceEntry("revenue", 2013, "Thu ĐPCĐ 1%", 18_000_000),
    FinanceEntry("revenue", 2013, "LĐLĐ tỉnh cấp", 10_000_000),
    FinanceEntry("revenue", 2014, "Thu ĐPCĐ 1%", 20_000_000),
    FinanceEntry("spending", 2013, "Chi HĐ phong trào", 25_000_000),
    FinanceEntry("spending", 2014, "Chi HĐ phong trào", 30_000_000),
))
PLAN = (BudgetLine("revenue", 2014, "THU ĐPCĐ 1 %".replace(" %", "%"), 20_000_000),
        BudgetLine("revenue", 2014, "LĐLĐ tỉnh cấp", 5_000_000),
        BudgetLine("spending", 2014, "chi hđ phong trào", 25_000_000),
        BudgetLine("spending", 2015, "Chi HĐ phong trào", 26_000_000))


def test_plan_vs_actual_joins_on_folded_item() -> None:
    frame = P.plan_vs_actual(PLAN, FIN)
    rows = {(r.year, r.side, r.item): r for r in frame.itertuples()}
    dues = rows[(2014, "revenue", "THU ĐPCĐ 1%")]
    assert (dues.planned, dues.actual, dues.variance, dues.variance_pct) == (20_000_000, 20_000_000, 0, 0)
    dried = rows[(2014, "revenue", "LĐLĐ tỉnh cấp")]
    assert dried.actual == 0 and dried.variance == -5_000_000 and dried.variance_pct == pytest.approx(-100)
    over = rows[(2014, "spending", "chi hđ phong trào")]
    assert over.variance == 5_000_000 and over.variance_pct == pytest.approx(20)
    future = rows[(2015, "spending", "Chi HĐ phong trào")]
    assert pd.isna(future.actual) and pd.isna(future.variance)  # no actual yet, not 0
    totals = P.plan_totals(PLAN, FIN)
    spend_2014 = totals[(totals.year == 2014) & (totals.side == "spending")].iloc[0]
    assert spend_2014.variance == 5_000_000


def test_projected_balance_at_pace_and_with_plan() -> None:
    frame = P.projected_balance(FIN, 2016)
    assert list(frame["kind"]) == ["actual", "actual", "projected", "projected"]
    assert list(frame["balance"][:2]) == [3_000_000, -7_000_000]
    # pace: revenue 48/2 = 24M, spending 55/2 = 27.5M a year → −3.5M a year
    assert list(frame["balance"][2:]) == [-10_500_000, -14_000_000]
    planned = P.projected_balance(FIN, 2016, P.plan_by_year(PLAN))
    assert planned["balance"].iloc[2] == -7_000_000 - 26_000_000  # 2015 plan: no revenue, 26M spending


def test_budget_warnings() -> None:
    kinds = {(w.kind, w.year, w.item) for w in P.budget_warnings(PLAN, FIN)}
    assert ("over_plan", 2014, "chi hđ phong trào") in kinds
    assert ("negative_balance", 2014, "") in kinds
    assert ("dried_up", 2014, "LĐLĐ tỉnh cấp") in kinds
    negative = next(w for w in P.budget_warnings(PLAN, FIN) if w.kind == "negative_balance")
    assert negative.no_opening and "tồn đầu kỳ" in C.warning_text(negative)
    assert "opening balance" in C.warning_text(negative, "en")


def test_sample_2014_ends_negative_without_an_opening_balance(sample) -> None:
    data = sample.dataset
    negative = [w for w in P.budget_warnings(data.budget, data.finance) if w.kind == "negative_balance"]
    assert [(w.year, w.amount, w.no_opening) for w in negative] == [(2014, -10_395_000, True),
                                                                    (2015, -427_000, True)]


def test_scenario_lines() -> None:
    scenario = P.Scenario(2015, 10.0, 8_000_000, {"Chi HĐ phong trào": 28_000_000})
    lines = P.scenario_lines(FIN, scenario)
    assert BudgetLine("revenue", 2015, "Thu ĐPCĐ 1%", 22_000_000) in lines  # 2014 dues × 1.1
    assert BudgetLine("revenue", 2015, "LĐLĐ tỉnh cấp", 8_000_000) in lines
    assert BudgetLine("spending", 2015, "Chi HĐ phong trào", 28_000_000) in lines
    defaults = P.scenario_defaults(FIN, 2015)
    assert defaults.allocation == 5_000_000 and defaults.spending == {"Chi HĐ phong trào": 27_500_000}
    assert P.next_plan_year(FIN, PLAN) == 2016


# --------------------------------------------------------------------------- export, charts


def test_results_round_trip_through_the_workbook(sample) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, TS.term_years(data.info, data.term_targets))
    assert X.editable_columns(frame) == [f"Kết quả {y}" for y in YEARS]
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2018"] = "2"
    frame.loc[frame["Mã"] == "3.11", "Kết quả 2018"] = "90%"
    frame.loc[frame["Mã"] == "3.13", "Kết quả 2018"] = "=HYPERLINK(\"http://x\")"
    blob = X.dataset_with_results(data, frame)
    ws = load_workbook(io.BytesIO(blob)).active
    formula_cells = [c for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formula_cells == []  # safe_cell: never a formula
    check = read_back(X.TERM_TARGETS_FILE, blob)
    assert check.errors == () and check.sources == {"term_targets": X.TERM_TARGETS_FILE}
    by_code = {t.code: t for t in check.dataset.term_targets}
    assert [t.code for t in check.dataset.term_targets] == [t.code for t in data.term_targets]
    assert by_code["3.10"].code == "3.10"  # codes stay text
    # 2018 as edited, 2019 the sample's illustrative result kept
    assert by_code["3.5"].results == {2018: "2", 2019: "0"} and by_code["3.11"].results == {2018: "90%", 2019: "93%"}
    assert by_code["3.13"].results[2018].endswith('=HYPERLINK("http://x")')


def test_invalid_edit_is_not_published(sample) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2019"] = "một"
    outcome = S.publish_checked(X.TERM_TARGETS_FILE, X.dataset_with_results(data, frame), "term_targets",
                                by="test", comment="x")
    assert not outcome.published
    (error,) = outcome.check.errors
    assert "“một”" in error.message and error.cell.startswith("H")


def test_budget_with_plan_keeps_other_years(sample) -> None:
    data = sample.dataset
    lines = P.scenario_lines(data.finance, P.scenario_defaults(data.finance, 2019))
    check = read_back(X.BUDGET_FILE, X.budget_with_plan(data, 2019, lines))
    assert check.issues == ()
    budget = check.dataset.budget
    assert {b.year for b in budget} == {2013, 2014, 2015, 2016, 2017, 2018, 2019}
    assert {b for b in budget if b.year == 2019} == set(lines)
    assert [b for b in budget if b.year != 2019] == [b for b in data.budget]


def test_publish_through_the_store(sample, tmp_path: Path, monkeypatch) -> None:
    """Saving publishes a new version with only term_targets replaced; a stale edit is refused."""
    from unionboard.store import versions as store_mod
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    store = store_mod.open_store()
    d = tmp_path / "in"
    d.mkdir()
    for name, build in (("tai-chinh.xlsx", build_finance), ("du-toan.xlsx", build_budget),
                        ("chi-tieu-nhiem-ky.xlsx", build_term_targets)):
        build().save(d / name)
    from unionboard.core.models import SourceFile

    first = publish_files(store, [SourceFile(p.name, p.read_bytes()) for p in sorted(d.iterdir())], by="t")
    assert first.ok
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2018"] = "1"
    outcome = S.publish_checked(X.TERM_TARGETS_FILE, X.dataset_with_results(data, frame), "term_targets",
                                by="Chủ tịch", comment="Kết quả 2018", expected_current=first.version_id)
    assert outcome.published and outcome.reason == "created" and outcome.version_id != first.version_id
    current = store_mod.open_store().current_result()
    (t35,) = [t for t in current.dataset.term_targets if t.code == "3.5"]
    assert t35.results == {2018: "1", 2019: "0"}
    assert len(current.dataset.term_targets) == 13
    assert current.dataset.finance is not None and len(current.dataset.budget) == 42  # carried over
    stale = S.publish_checked(X.TERM_TARGETS_FILE, X.dataset_with_results(data, frame), "term_targets",
                              by="Chủ tịch", comment="again", expected_current=first.version_id)
    assert not stale.published and stale.reason == "stale"


def test_charts(sample) -> None:
    data = sample.dataset
    items = TS.progress(data.term_targets, YEARS)
    heat = C.status_heatmap(items, YEARS).figure
    assert heat.layout.separators == ",." and len(heat.data[0].y) == 13
    assert C.status_heatmap([], YEARS) is None
    totals = P.plan_totals(data.budget, data.finance)
    bars = C.plan_vs_actual(totals, "spending", "en").figure
    assert bars.layout.yaxis.tickformat == ",.0f" and bars.data[0].y[0] == pytest.approx(60.5)
    table = C.data_plan_vs_actual(totals, "revenue")
    assert list(table["Kế hoạch"])[:1] == [60_000_000]
    series = [("pace", P.projected_balance(data.finance, 2022))]
    line = C.projected_balance(series).figure
    assert line.layout.yaxis.tickformat == ",.0f" and "2022" in line.layout.title.text
    assert not C.data_projected_balance(series).empty
    assert len(C.data_progress(items)) == 13 and not C.data_variance(P.plan_vs_actual(data.budget, data.finance)).empty


def test_empty_inputs_do_not_raise() -> None:
    assert P.plan_vs_actual((), None).empty
    assert P.plan_totals((), None).empty
    assert P.budget_warnings(None, None) == []
    assert list(P.projected_balance(Finance(entries=()), 2022)["balance"]) == [0]
    assert X.targets_sheet_frame((), YEARS).columns[-1] == "Kết quả 2022"
    assert X.budget_with_plan(Dataset(), 2019, ())
