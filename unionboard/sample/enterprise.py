"""A second bundled example: an enterprise union, 2023–2025, under today's rules — ILLUSTRATIVE figures.

Invented (not any real union): 120–135 members, đoàn phí 1% until 6/2025 and 0,5% from 7/2025 (QĐ 61/QĐ-TLĐ),
70% of dues kept (QĐ 8108/QĐ-TLĐ), 75% of the union fee kept (QĐ 4290/QĐ-TLĐ). One rule is broken on purpose:
in 2024 only 20% of the dues was paid up (30% is due), so the finance page shows what a violation looks like.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from unionboard.sample import style

ENTERPRISE_DIR = Path(__file__).resolve().parents[2] / "data" / "vi-du-doanh-nghiep"
NAME = "Công đoàn cơ sở Công ty TNHH Cơ khí Minh Phát (VÍ DỤ MINH HOẠ, số liệu giả định)"
OPENING_2023 = 20_000_000

REVENUE = {  # kept shares and other receipts, đồng
    "Đoàn phí được sử dụng": (80_640_000, 99_840_000, 69_300_000),
    "KPCĐ được sử dụng": (198_000_000, 216_000_000, 225_000_000),
    "Doanh nghiệp hỗ trợ": (30_000_000, 35_000_000, 40_000_000),
}
SPENDING = {
    # allowances within 45% of the kept dues (QĐ 4290/QĐ-TLĐ): 36.288.000 / 44.928.000 / 31.185.000 đ
    "Chi phụ cấp CB CĐ": (35_000_000, 44_000_000, 31_000_000),
    "Thăm hỏi ốm đau": (125_000_000, 140_000_000, 135_000_000),
    "Chi HĐ phong trào": (125_000_000, 141_000_000, 144_000_000),
    "Chi quản lý hành chính": (15_000_000, 18_000_000, 16_000_000),
}
YEARS = (2023, 2024, 2025)

# Năm → line → value (year figures); 2025's payroll, KPCĐ and dues are by month (the 1/7/2025 change).
YEAR_LINES = {
    2023: {"Quỹ tiền lương đóng BHXH": 13_200_000_000, "Tiền lương đóng BHXH của đoàn viên": 11_520_000_000,
           "Số đoàn viên": 120, "Mức lương cơ sở": 1_800_000, "KPCĐ đã đóng (2%)": 264_000_000,
           "KPCĐ nộp cấp trên": 66_000_000, "Thu đoàn phí": 115_200_000, "Đoàn phí nộp cấp trên": 34_560_000},
    2024: {"Quỹ tiền lương đóng BHXH": 14_400_000_000, "Tiền lương đóng BHXH của đoàn viên": 12_480_000_000,
           "Số đoàn viên": 130, "Mức lương cơ sở": 2_340_000, "KPCĐ đã đóng (2%)": 288_000_000,
           "KPCĐ nộp cấp trên": 72_000_000, "Thu đoàn phí": 124_800_000,
           "Đoàn phí nộp cấp trên": 24_960_000},  # 20%: the rule broken on purpose (30% is due)
    2025: {"Số đoàn viên": 135, "Mức lương cơ sở": 2_340_000, "KPCĐ nộp cấp trên": 75_000_000,
           "Đoàn phí nộp cấp trên": 29_700_000},
}
MONTH_LINES_2025 = {
    "Quỹ tiền lương đóng BHXH": lambda m: 1_250_000_000,
    "KPCĐ đã đóng (2%)": lambda m: 25_000_000,
    "Tiền lương đóng BHXH của đoàn viên": lambda m: 1_100_000_000,
    "Thu đoàn phí": lambda m: 11_000_000 if m <= 6 else 5_500_000,
}


def balances() -> dict[int, tuple[int, int]]:
    """Opening and closing balance per year, from the revenue and spending above."""
    out, opening = {}, OPENING_2023
    for i, year in enumerate(YEARS):
        closing = opening + sum(v[i] for v in REVENUE.values()) - sum(v[i] for v in SPENDING.values())
        out[year] = (opening, closing)
        opening = closing
    return out


def build_finance() -> Workbook:
    """Thu/chi 2023–2025 as one tidy table, with the opening and closing balance."""
    wb, ws = style.new_sheet("Tài chính")
    ws.append(["THU CHI TÀI CHÍNH CÔNG ĐOÀN 2023–2025 (VÍ DỤ MINH HOẠ)"])
    style.header(ws, ["Năm", "Thu/Chi", "Khoản mục", "Số tiền"])
    for i, year in enumerate(YEARS):
        for side, table in (("Thu", REVENUE), ("Chi", SPENDING)):
            for item, amounts in table.items():
                ws.append([year, side, item, amounts[i]])
    ws.append([YEARS[0], None, "Tồn đầu kỳ", OPENING_2023])
    ws.append([YEARS[-1], None, "Tồn cuối kỳ", balances()[YEARS[-1]][1]])
    return style.finish(wb, ws, {"C": 28})


def build_rule_lines() -> Workbook:
    """The figures the finance rules need: year lines, 2025 by month, balances per year."""
    wb, ws = style.new_sheet("Số liệu quy định")
    style.header(ws, ["Năm", "Tháng", "Chỉ tiêu", "Giá trị"])
    for year, lines in YEAR_LINES.items():
        for line, value in lines.items():
            ws.append([year, None, line, value])
        opening, closing = balances()[year]
        ws.append([year, None, "Tồn đầu năm", opening])
        ws.append([year, None, "Tồn cuối năm", closing])
    for line, value in MONTH_LINES_2025.items():
        for month in range(1, 13):
            ws.append([2025, month, line, value(month)])
    return style.finish(wb, ws, {"C": 36})


def build_settlement() -> Workbook:
    """The 2025 settlement in the variant of the B07-TLĐ form the reader takes (rows by text, see README)."""
    opening, closing = balances()[2025]
    wb, ws = style.new_sheet("B07-TLĐ")
    ws.append(["BÁO CÁO QUYẾT TOÁN THU CHI TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ NĂM 2025 (VÍ DỤ MINH HOẠ)"])
    style.header(ws, ["STT", "Nội dung", "Mã số", "Dự toán", "Quyết toán"])
    rows = [("A", "CHỈ TIÊU CHUNG", None, None, None), ("1", "Số lao động", "01", 165, 168),
            ("2", "Số đoàn viên", "02", 135, 135), ("3", "Quỹ tiền lương đóng BHXH", "03", 15_000_000_000, 15_000_000_000),
            ("B", "THU CHI", None, None, None), ("I", "Số dư đầu kỳ", "10", opening, opening)]
    rows += [(str(n), item, f"2{n}", None, amounts[2]) for n, (item, amounts) in enumerate(REVENUE.items(), 1)]
    rows.append((None, "Tổng thu", "30", 330_000_000, sum(v[2] for v in REVENUE.values())))
    rows += [(str(n), item, f"4{n}", None, amounts[2]) for n, (item, amounts) in enumerate(SPENDING.items(), 1)]
    rows.append((None, "Tổng chi", "50", 330_000_000, sum(v[2] for v in SPENDING.values())))
    rows.append(("III", "Số dư cuối kỳ", "60", None, closing))
    for row in rows:
        ws.append(list(row))
    return style.finish(wb, ws, {"B": 34})


def build_info() -> Workbook:
    """The union's name, marked as an illustration."""
    wb, ws = style.new_sheet("Thông tin")
    for row in (("Tên công đoàn", NAME), ("Loại hình", "Doanh nghiệp"), ("Đại hội lần thứ", "II"),
                ("Nhiệm kỳ báo cáo", "2023–2028"),
                ("Nhiệm kỳ tới", "2028–2033")):
        ws.append(list(row))
    return style.finish(wb)


ENTERPRISE_FILES = {
    "thong-tin.xlsx": build_info,
    "tai-chinh.xlsx": build_finance,
    "so-lieu-quy-dinh.xlsx": build_rule_lines,
    "quyet-toan-2025.xlsx": build_settlement,
}


def enterprise_paths(directory: Path = ENTERPRISE_DIR) -> list[Path]:
    """The bundled enterprise example's workbooks, in a stable order."""
    return [directory / name for name in ENTERPRISE_FILES if (directory / name).exists()]


def write_enterprise_data(directory: Path = ENTERPRISE_DIR) -> list[Path]:
    """(Re)generate the enterprise example's workbooks into `directory`."""
    return style.write_workbooks(ENTERPRISE_FILES, directory)
