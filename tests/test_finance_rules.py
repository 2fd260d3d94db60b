"""Finance rules by effective date: each rule on both sides of its limit and of its effective dates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from unionboard.analysis.finance_rules import check_dataset, load_rules, parse_rules, rules_in_force
from unionboard.core.models import Dataset, Finance, FinanceEntry
from unionboard.domains.loader import check_files
from unionboard.domains.rule_lines import RuleLine, line_key
from unionboard.sample.report import sample_paths


def lines(year: int, month: int | None = None, **values: int) -> tuple[RuleLine, ...]:
    return tuple(RuleLine(year, month, key, value, "test") for key, value in values.items())


def result(data: tuple[RuleLine, ...], rule: str, year: int, finance: Finance | None = None):
    found = [r for r in check_dataset(Dataset.of({"rule_lines": data, "finance": finance})) if r.rule.id == rule
             and r.year == year]
    assert len(found) == 1, found
    return found[0]


def test_the_table_loads_and_every_rule_cites_a_decision() -> None:
    rules = load_rules()
    assert {r.id for r in rules} >= {"kpcd_2pct", "dues_1pct", "dues_half_pct", "kpcd_kept_75pct",
                                     "dues_kept_60pct", "dues_kept_70pct", "balance_continuity",
                                     "closing_equation"}
    assert all(r.decision for r in rules)
    assert all(r.source_url.startswith("https://") for r in rules if r.kind in ("rate_min", "kept_max"))


def test_a_malformed_entry_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown kind"):
        parse_rules('[[rule]]\nid="x"\nkind="guess"\ndecision="d"\neffective_from=2020-01-01\n')
    with pytest.raises(ValueError, match="lacks"):
        parse_rules('[[rule]]\nid="x"\nkind="rate_min"\n')


# KPCĐ 2% of the payroll (Luật Công đoàn 2012 Điều 26), until 30/6/2025
@pytest.mark.parametrize(("kpcd", "status"), [(19_000_000, "ok"), (18_999_000, "ok"), (18_998_000, "violation")])
def test_kpcd_2pct_both_sides(kpcd: int, status: str) -> None:
    got = result(lines(2020, payroll=950_000_000, kpcd=kpcd), "kpcd_2pct", 2020)
    assert got.status == status
    assert got.limit == 19_000_000 and got.value == kpcd


def test_kpcd_2pct_missing_lines_are_named() -> None:
    got = result(lines(2020, kpcd=1), "kpcd_2pct", 2020)
    assert got.status == "not_checkable" and got.missing == ("Quỹ tiền lương đóng BHXH",)
    assert got.value is None and got.limit is None


def test_kpcd_2pct_effective_dates() -> None:
    assert "kpcd_2pct" not in {r.id for r in rules_in_force(2012)}
    assert "kpcd_2pct" in {r.id for r in rules_in_force(2013)}
    assert "kpcd_2pct" not in {r.id for r in rules_in_force(2026)}
    got = result(lines(2025, payroll=1_200_000_000, kpcd=12_000_000), "kpcd_2pct", 2025)
    assert got.basis == "prorated" and got.months == (1, 2, 3, 4, 5, 6)
    assert got.limit == 12_000_000 and got.value == 6_000_000 and got.status == "violation"


# đoàn phí 1% (QĐ 4290 Điều 4, from 1/3/2022) → 0,5% (QĐ 61/QĐ-TLĐ, from 1/7/2025), capped at 10% lương cơ sở
def dues_year(year: int, dues: int, month: int | None = None, **more: int) -> tuple[RuleLine, ...]:
    return lines(year, month, member_payroll=1_000_000_000, dues=dues, base_salary=2_340_000, members=100, **more)


@pytest.mark.parametrize(("dues", "status"), [(10_000_000, "ok"), (9_999_000, "ok"), (9_998_000, "violation")])
def test_dues_1pct_both_sides(dues: int, status: str) -> None:
    got = result(dues_year(2023, dues), "dues_1pct", 2023)
    assert got.status == status and got.limit == 10_000_000


def test_dues_1pct_cap_at_10pct_of_base_salary() -> None:
    data = lines(2023, member_payroll=10_000_000_000, dues=28_080_000, base_salary=2_340_000, members=10)
    got = result(data, "dues_1pct", 2023)
    assert got.limit == 28_080_000  # 10% × 2.340.000 × 10 members × 12 months, below 1% × 10 billion
    assert got.status == "ok"
    short = lines(2023, member_payroll=10_000_000_000, dues=28_078_000, base_salary=2_340_000, members=10)
    assert result(short, "dues_1pct", 2023).status == "violation"


def test_dues_above_standard_is_shown_apart() -> None:
    got = result(dues_year(2023, 13_000_000, dues_above=3_000_000), "dues_1pct", 2023)
    assert got.value == 10_000_000 and got.status == "ok"
    assert result(dues_year(2023, 12_000_000, dues_above=3_000_000), "dues_1pct", 2023).status == "violation"


def test_dues_rules_effective_dates() -> None:
    assert "dues_1pct" not in {r.id for r in rules_in_force(2021)}
    assert "dues_1pct" in {r.id for r in rules_in_force(2022)}
    assert {r.id for r in rules_in_force(2024)} & {"dues_1pct", "dues_half_pct"} == {"dues_1pct"}
    assert {r.id for r in rules_in_force(2025)} >= {"dues_1pct", "dues_half_pct"}
    assert "dues_1pct" not in {r.id for r in rules_in_force(2026)}


def test_a_year_spanning_1_7_2025_without_months_is_prorated() -> None:
    data = dues_year(2025, 7_500_000)  # 6 months at 1% + 6 months at 0,5% of 1 billion
    first, second = result(data, "dues_1pct", 2025), result(data, "dues_half_pct", 2025)
    assert first.basis == second.basis == "prorated"
    assert (first.limit, second.limit) == (5_000_000, 2_500_000)
    assert first.value == second.value == 3_750_000
    assert first.status == "violation" and second.status == "ok"


def test_a_year_spanning_1_7_2025_with_months_is_split_by_month() -> None:
    data = tuple(line for m in range(1, 13) for line in lines(
        2025, m, member_payroll=100_000_000, dues=1_000_000 if m <= 6 else 500_000,
        base_salary=2_340_000, members=100))
    first, second = result(data, "dues_1pct", 2025), result(data, "dues_half_pct", 2025)
    assert first.basis == second.basis == "months"
    assert (first.value, first.limit, first.status) == (6_000_000, 6_000_000, "ok")
    assert (second.value, second.limit, second.status) == (3_000_000, 3_000_000, "ok")
    short = tuple(line if not (line.key == "dues" and line.month == 8) else RuleLine(2025, 8, "dues", 0, "t")
                  for line in data)
    assert result(short, "dues_half_pct", 2025).status == "violation"
    assert result(short, "dues_1pct", 2025).status == "ok"


def test_dues_half_pct_needs_the_base_salary_for_its_cap() -> None:
    got = result(lines(2026, member_payroll=1, dues=1, members=3), "dues_half_pct", 2026)
    assert got.status == "not_checkable" and got.missing == ("Mức lương cơ sở",)


# shares kept: KPCĐ 75% (QĐ 4290 Điều 5), đoàn phí 60% → 70% from budget year 2023 (QĐ 8108)
@pytest.mark.parametrize(("paid_up", "status"), [(25_000_000, "ok"), (24_999_000, "ok"), (24_998_000, "violation")])
def test_kpcd_kept_75pct_both_sides(paid_up: int, status: str) -> None:
    got = result(lines(2024, kpcd=100_000_000, kpcd_paid_up=paid_up), "kpcd_kept_75pct", 2024)
    assert got.status == status and got.limit == 75_000_000


def test_kpcd_kept_effective_from_march_2022() -> None:
    assert "kpcd_kept_75pct" not in {r.id for r in rules_in_force(2021)}
    got = result(lines(2022, kpcd=120_000_000, kpcd_paid_up=30_000_000), "kpcd_kept_75pct", 2022)
    assert got.months == tuple(range(3, 13)) and got.basis == "prorated" and got.status == "ok"


@pytest.mark.parametrize(("year", "paid_up", "status"), [
    (2022, 40_000_000, "ok"), (2022, 38_000_000, "violation"),
    (2023, 30_000_000, "ok"), (2023, 28_000_000, "violation"),
])
def test_dues_kept_share_changes_with_budget_year_2023(year: int, paid_up: int, status: str) -> None:
    rule = "dues_kept_60pct" if year == 2022 else "dues_kept_70pct"
    data = lines(year, dues=100_000_000, dues_paid_up=paid_up)
    assert result(data, rule, year).status == status
    assert {r.id for r in rules_in_force(year)} & {"dues_kept_60pct", "dues_kept_70pct"} == {rule}


def test_dues_above_the_standard_rate_are_kept_whole() -> None:
    got = result(lines(2024, dues=110_000_000, dues_above=10_000_000, dues_paid_up=30_000_000),
                 "dues_kept_70pct", 2024)
    assert got.limit == 80_000_000 and got.value == 80_000_000 and got.status == "ok"


# balances across years and tables
def test_balance_continuity_across_tables() -> None:
    data = lines(2023, closing=5_000_000) + lines(2024, opening=5_000_000)
    assert result(data, "balance_continuity", 2024).status == "ok"
    broken = lines(2023, closing=5_000_000) + lines(2024, opening=4_000_000)
    got = result(broken, "balance_continuity", 2024)
    assert (got.status, got.value, got.limit) == ("violation", 4_000_000, 5_000_000)
    first = result(data, "balance_continuity", 2023)
    assert first.status == "not_checkable" and "Tồn cuối năm 2022" in first.missing


def test_closing_equation_uses_the_finance_tables_flows() -> None:
    finance = Finance(entries=(FinanceEntry("revenue", 2024, "Thu đoàn phí", 10_000_000),
                               FinanceEntry("spending", 2024, "Thăm hỏi", 7_000_000)), opening_balance=1_000_000)
    ok = lines(2024, opening=1_000_000, closing=4_000_000)
    assert result(ok, "closing_equation", 2024, finance).status == "ok"
    got = result(lines(2024, opening=1_000_000, closing=4_001_000), "closing_equation", 2024, finance)
    assert (got.status, got.value, got.limit) == ("violation", 4_001_000, 4_000_000)


def test_line_names_are_recognised() -> None:
    assert line_key("Quỹ tiền lương đóng BHXH") == "payroll"
    assert line_key("Tiền lương đóng BHXH của đoàn viên") == "member_payroll"
    assert line_key("KPCĐ nộp cấp trên") == "kpcd_paid_up"
    assert line_key("Đoàn phí nộp cấp trên") == "dues_paid_up"
    assert line_key("Thu đoàn phí") == "dues"
    assert line_key("Mức lương cơ sở") == "base_salary"
    assert line_key("Tiền ăn trưa") is None


def _rule_workbook(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Số liệu quy định"
    ws.append(["Năm", "Tháng", "Chỉ tiêu", "Giá trị"])
    ws.append([2024, None, "Thu đoàn phí", 100_000_000])
    ws.append([2024, None, "Đoàn phí nộp cấp trên", 20_000_000])
    ws.append([2024, None, "Tiền ăn trưa", 5])
    ws.append([2024, 13, "Thu đoàn phí", 1])
    wb.save(path)
    return path


def test_the_domain_is_read_from_a_workbook_and_bad_rows_are_named(tmp_path: Path) -> None:
    result_ = check_files([_rule_workbook(tmp_path / "quy-dinh.xlsx")])
    data = result_.dataset.get("rule_lines")
    assert {(line.key, line.value) for line in data} == {("dues", 100_000_000), ("dues_paid_up", 20_000_000)}
    codes = {(i.code, i.cell) for i in result_.issues}
    assert ("rule_lines.unknown_line", "C4") in codes and ("rule_lines.bad_month", "B5") in codes
    got = [r for r in check_dataset(result_.dataset) if r.rule.id == "dues_kept_70pct"][0]
    assert (got.status, got.value, got.limit) == ("violation", 80_000_000, 70_000_000)


def test_check_json_gains_rules_and_keeps_the_sample_figures(tmp_path: Path) -> None:
    files = [str(p) for p in sample_paths()] + [str(_rule_workbook(tmp_path / "quy-dinh.xlsx"))]
    out = subprocess.run([sys.executable, "-m", "unionboard", "check", *files, "--json"],
                         capture_output=True, text=True, check=False)
    data = json.loads(out.stdout)
    assert data["finance"]["revenue"]["total"] == 310_992_000
    assert data["finance"]["spending"]["total"] == 308_835_000
    assert data["finance"]["closing_balance"] == 2_157_000
    items = data["rules"]
    assert all(set(item) >= {"rule", "year", "status", "value", "limit", "decision", "missing"} for item in items)
    assert all(item["status"] in ("ok", "violation", "not_checkable") for item in items)
    assert all(item["missing"] for item in items if item["status"] == "not_checkable")
    kept = [i for i in items if i["rule"] == "dues_kept_70pct" and i["year"] == 2024]
    assert kept == [{"rule": "dues_kept_70pct", "year": 2024, "status": "violation", "value": 80_000_000,
                     "limit": 70_000_000, "decision": kept[0]["decision"], "missing": [], "basis": "year",
                     "where": []}]
    assert "8108" in kept[0]["decision"]
    sample_years = {i["year"] for i in items if i["rule"] == "kpcd_2pct"}
    assert sample_years >= {2013, 2017}


# Spending from the kept đoàn phí (QĐ 4290/QĐ-TLĐ, from 1/3/2022) and the 2015 allocation (Người Lao Động 16/12/2014)
def spending(year: int, **by_item: int) -> Finance:
    return Finance(entries=tuple(FinanceEntry("spending", year, item, amount) for item, amount in by_item.items()))


KEPT_DUES_2024 = lines(2024, dues=100_000_000, dues_paid_up=30_000_000)  # 70.000.000 đ kept


@pytest.mark.parametrize(("allowances", "status"), [(31_500_000, "ok"), (31_501_000, "ok"), (31_502_000, "violation")])
def test_salaries_at_most_45pct_of_kept_dues_both_sides(allowances: int, status: str) -> None:
    finance = spending(2024, **{"Chi phụ cấp CB CĐ": allowances, "Thăm hỏi ốm đau": 40_000_000})
    got = result(KEPT_DUES_2024, "dues_salaries_45pct", 2024, finance)
    assert (got.status, got.value, got.limit) == (status, allowances, 31_500_000)


@pytest.mark.parametrize(("visits", "status"), [(28_000_000, "ok"), (27_999_000, "ok"), (27_998_000, "violation")])
def test_visits_at_least_40pct_of_kept_dues_both_sides(visits: int, status: str) -> None:
    got = result(KEPT_DUES_2024, "dues_visits_40pct", 2024, spending(2024, **{"Thăm hỏi ốm đau": visits}))
    assert (got.status, got.value, got.limit) == (status, visits, 28_000_000)


@pytest.mark.parametrize(("other", "status"), [(10_500_000, "ok"), (10_501_000, "ok"), (10_502_000, "violation")])
def test_other_at_most_15pct_of_kept_dues_both_sides(other: int, status: str) -> None:
    got = result(KEPT_DUES_2024, "dues_other_15pct", 2024, spending(2024, **{"Chi khác": other}))
    assert (got.status, got.limit) == (status, 10_500_000)


def test_dues_shares_effective_from_march_2022() -> None:
    assert "dues_salaries_45pct" not in {r.id for r in rules_in_force(2021)}
    finance = spending(2022, **{"Chi phụ cấp CB CĐ": 30_000_000})
    got = result(lines(2022, dues=120_000_000, dues_paid_up=48_000_000), "dues_salaries_45pct", 2022, finance)
    # ten months in force, year figures: both sides prorated (72.000.000 × 45% × 10/12; 30.000.000 × 10/12)
    assert got.basis == "prorated" and got.months == tuple(range(3, 13))
    assert (got.value, got.limit, got.status) == (25_000_000, 27_000_000, "ok")


def test_dues_shares_name_what_they_lack() -> None:
    finance = spending(2024, **{"Chi phụ cấp CB CĐ": 1, "Quà tặng công ty bạn": 5_000_000})
    got = result(lines(2024, dues=100_000_000), "dues_salaries_45pct", 2024, finance)
    assert got.status == "not_checkable"
    assert got.missing == ("Đoàn phí nộp cấp trên", "Mục chi chưa xếp nhóm quy định: Quà tặng công ty bạn")
    no_spending = result(KEPT_DUES_2024, "dues_visits_40pct", 2024)
    assert no_spending.missing == ("Phần chi theo mục chi 2024",)


def test_the_committees_mapping_decides_the_group() -> None:
    finance = spending(2024, **{"Chi phụ cấp CB CĐ": 30_000_000, "Bồi dưỡng ban chấp hành": 10_000_000})
    data = Dataset.of({"rule_lines": KEPT_DUES_2024, "finance": finance})
    loose = next(r for r in check_dataset(data) if r.rule.id == "dues_salaries_45pct")
    assert loose.status == "not_checkable"
    mapped = Dataset.of({"rule_lines": KEPT_DUES_2024, "finance": finance,
                         "rule_groups": (("Bồi dưỡng ban chấp hành", "salaries_allowances", "t"),)})
    got = next(r for r in check_dataset(mapped) if r.rule.id == "dues_salaries_45pct")
    assert (got.status, got.value) == ("violation", 40_000_000)


def test_unconfirmed_2015_caps_are_not_rules() -> None:
    """A newspaper's 2015 caps name no decision: no rule cites them (the issue asks for the decision)."""
    assert not [r.id for r in rules_in_force(2015) if r.id.startswith("funds_")]


def test_a_share_rule_with_an_unknown_group_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown spending group"):
        parse_rules('[[rule]]\nid="x"\nkind="group_share"\ngroup="guess"\ndecision="d"\neffective_from=2020-01-01\n')
