"""Planning workbooks written back: the term-targets sheet round trip, formula safety, budget sheet, saving."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from unionboard.core.models import (
    BudgetLine,
    CheckResult,
    Dataset,
    SourceFile,
    TermTarget,
    UnionInfo,
)
from unionboard.domains import term_status as TS
from unionboard.domains.loader import check_files
from unionboard.export import planning as X
from unionboard.publish import saving as S

DATA = Path(__file__).resolve().parent.parent / "data"
YEARS = (2018, 2019, 2020, 2021, 2022)


def read_back(name: str, data: bytes) -> CheckResult:
    """The workbook read back exactly as an upload would be read."""
    return check_files([SourceFile(name, data)])


@pytest.fixture(scope="module")
def sample() -> CheckResult:
    return check_files(sorted(DATA.glob("*.xlsx")))


def cells(blob: bytes) -> list:
    ws = load_workbook(io.BytesIO(blob)).active
    return [c for row in ws.iter_rows() for c in row if c.value is not None]


# --------------------------------------------------------------------------- the sheet as a frame


def test_targets_sheet_frame_layout(sample: CheckResult) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    assert list(frame.columns) == [*X.BASE_COLUMNS, *(f"Kết quả {y}" for y in YEARS)]
    assert list(frame.columns[:6]) == ["Mã", "Nội dung", "Nhóm", "ĐVT", "Mục tiêu nhiệm kỳ", "Áp dụng"]
    assert len(frame) == 13
    assert list(frame["Mã"]) == [f"3.{i}" for i in range(1, 14)]
    assert all(isinstance(code, str) for code in frame["Mã"])  # "3.10" never becomes 3.1
    assert set(frame["Áp dụng"]) <= {"Hàng năm", "Cả nhiệm kỳ"}
    assert all(pd.api.types.is_object_dtype(frame[c]) for c in frame.columns)


def test_editable_columns_are_the_results_only(sample: CheckResult) -> None:
    frame = X.targets_sheet_frame(sample.dataset.term_targets, YEARS)
    assert X.editable_columns(frame) == ["Kết quả 2018", "Kết quả 2019", "Kết quả 2020", "Kết quả 2021",
                                         "Kết quả 2022"]
    assert X.editable_columns(pd.DataFrame(columns=["Mã", "Nội dung"])) == []


def test_default_years(sample: CheckResult) -> None:
    assert X.default_years(sample.dataset) == YEARS
    assert X.default_years(Dataset(info=UnionInfo(next_term="2022–2027"))) == (2023, 2024, 2025, 2026, 2027)


# --------------------------------------------------------------------------- round trip


def test_dataset_with_results_round_trip_keeps_codes_as_text(sample: CheckResult) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.10", "Kết quả 2019"] = "1"
    blob = X.dataset_with_results(data, frame)
    code_cells = [c for c in cells(blob) if c.column == 1 and c.row > 3]
    assert [c.value for c in code_cells] == [f"3.{i}" for i in range(1, 14)]
    assert all(c.data_type == "s" for c in code_cells)  # written as text, not 3.1
    check = read_back(X.TERM_TARGETS_FILE, blob)
    assert check.issues == () and check.sources == {"term_targets": X.TERM_TARGETS_FILE}
    back = {t.code: t for t in check.dataset.term_targets}
    assert list(back) == [t.code for t in data.term_targets]
    assert "3.10" in back and "3.1" in back and back["3.10"] != back["3.1"]
    # the edit replaces 2019; the sample's illustrative 2018 stays
    assert back["3.10"].results == {2018: "Hoàn thành", 2019: "1"}
    assert back["3.1"].results == {t.code: t for t in data.term_targets}["3.1"].results
    for original in data.term_targets:
        again = back[original.code]
        assert (again.text, again.group, again.unit, again.term_target, again.per_year) == \
            (original.text, original.group, original.unit, original.term_target, original.per_year)


def test_title_row_names_the_union_and_term(sample: CheckResult) -> None:
    blob = X.dataset_with_results(sample.dataset, X.targets_sheet_frame(sample.dataset.term_targets, YEARS))
    title = load_workbook(io.BytesIO(blob)).active["A1"].value
    assert "2017–2022" in title and "Hà Giang" in title


@pytest.mark.parametrize("text", ["=1+1", "+1+1", "-1+1", "@SUM(A1)"])
def test_formula_like_user_text_is_neutralised(sample: CheckResult, text: str) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.4", "Nội dung"] = text
    blob = X.dataset_with_results(data, frame)
    assert [c.coordinate for c in cells(blob) if c.data_type == "f"] == []  # never a formula
    (cell,) = [c for c in cells(blob) if c.value == "'" + text]  # safe_cell's leading quote
    assert cell.data_type == "s" and cell.column == 2
    check = read_back(X.TERM_TARGETS_FILE, blob)
    assert check.errors == ()
    (again,) = [t for t in check.dataset.term_targets if t.code == "3.4"]
    assert again.text == text  # the reader drops the guard quote and keeps the text as written


def test_formula_like_result_is_written_as_text_and_reported(sample: CheckResult) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2018"] = "=1+1"
    blob = X.dataset_with_results(data, frame)
    assert [c for c in cells(blob) if c.data_type == "f"] == []
    (error,) = read_back(X.TERM_TARGETS_FILE, blob).errors
    assert "“=1+1”" in error.message and error.cell == "G8"


def test_blank_edits_stay_blank(sample: CheckResult) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2018"] = None
    frame.loc[frame["Mã"] == "3.5", "Kết quả 2019"] = ""
    check = read_back(X.TERM_TARGETS_FILE, X.dataset_with_results(data, frame))
    assert check.errors == ()
    back = {t.code: t for t in check.dataset.term_targets}
    assert back["3.5"].results == {}  # None and "" stay blank, not "None" or a 0
    assert back["3.6"].results == {2018: "100%", 2019: "98%"}  # the others untouched


# --------------------------------------------------------------------------- budget sheet


def test_budget_with_plan_replaces_only_that_year(sample: CheckResult) -> None:
    data = sample.dataset
    lines = (BudgetLine("spending", 2018, "Chi HĐ phong trào", 40_000_000),
             BudgetLine("revenue", 2018, "Thu ĐPCĐ 1%", 22_000_000),
             BudgetLine("revenue", 2019, "ignored: other year", 1))
    check = read_back(X.BUDGET_FILE, X.budget_with_plan(data, 2018, lines))
    assert check.issues == () and check.sources == {"budget": X.BUDGET_FILE}
    budget = check.dataset.budget
    assert [b for b in budget if b.year == 2018] == [lines[1], lines[0]]  # revenue first
    assert [b for b in budget if b.year < 2018] == [b for b in data.budget if b.year < 2018]
    assert 2019 not in {b.year for b in budget}


def test_budget_item_text_is_neutralised(sample: CheckResult) -> None:
    lines = (BudgetLine("spending", 2019, "=HYPERLINK(\"http://x\")", 1_000_000),)
    blob = X.budget_with_plan(Dataset(), 2019, lines)
    assert [c for c in cells(blob) if c.data_type == "f"] == []
    check = read_back(X.BUDGET_FILE, blob)
    assert check.errors == ()
    assert [b.item for b in check.dataset.budget] == ['=HYPERLINK("http://x")']


# --------------------------------------------------------------------------- saving


def test_save_outcome_without_store(sample: CheckResult) -> None:
    outcome = S.SaveOutcome(sample)
    assert not outcome.published and outcome.reason == "errors" and outcome.version_id is None
    assert outcome.issues == sample.issues


def test_publish_checked_stops_before_the_store_on_errors(sample: CheckResult) -> None:
    data = sample.dataset
    frame = X.targets_sheet_frame(data.term_targets, YEARS)
    frame.loc[frame["Mã"] == "3.2", "Kết quả 2020"] = "nhiều"
    outcome = S.publish_checked(X.TERM_TARGETS_FILE, X.dataset_with_results(data, frame), "term_targets",
                                by="test", comment="")
    assert outcome.store is None and not outcome.published
    assert len(outcome.issues) == 1 and outcome.issues[0].severity == "error"


def test_publish_checked_stops_when_the_file_lacks_the_domain(sample: CheckResult) -> None:
    blob = X.budget_with_plan(sample.dataset, 2018, ())
    outcome = S.publish_checked(X.BUDGET_FILE, blob, "term_targets", by="test", comment="")
    assert outcome.check.errors == () and "term_targets" not in outcome.check.sources
    assert outcome.store is None and not outcome.published


def test_empty_targets_sheet_has_the_header_only() -> None:
    frame = X.targets_sheet_frame((), YEARS)
    assert frame.empty and list(frame.columns)[-1] == "Kết quả 2022"
    one = X.targets_sheet_frame((TermTarget("3.1", "x", "Công đoàn thực hiện", "%", "100%",
                                            results={2018: "100%"}),), YEARS)
    assert one.loc[0, "Kết quả 2018"] == "100%" and one.loc[0, "Kết quả 2019"] == ""


def test_years_from_the_targets_when_the_term_is_unknown() -> None:
    target = TermTarget("3.1", "x", "g", "%", "100%", results={2020: "100%"})
    assert TS.term_years(UnionInfo(), (target,)) == (2020,)
    assert X.default_years(Dataset(term_targets=(target,))) == (2020,)
