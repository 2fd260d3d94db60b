"""Sample workbooks built from the 4th congress report (term 2012–2017), laid out as the report's tables."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from unionboard.sample import style
from unionboard.sample.plan import build_budget, build_term_targets

YEARS = (2013, 2014, 2015, 2016, 2017)

UNION_INFO = (
    ("Tên công đoàn", "Công đoàn cơ sở Sở Thông tin và Truyền thông tỉnh Hà Giang"),
    ("Đại hội lần thứ", "IV"),
    ("Nhiệm kỳ báo cáo", "2012–2017"),
    ("Nhiệm kỳ tới", "2017–2022"),
)

# Phần thu / Phần chi exactly as the report prints them (đồng; None = blank cell).
REVENUE = (
    ("Thu ĐPCĐ 1%", (18_777_000, 21_335_000, 20_560_000, 20_450_000, 21_100_000)),
    ("LĐLĐ tỉnh cấp", (16_200_000, 4_500_000, 32_500_000, 18_500_000, 7_000_000)),
    ("CQ, ĐV hỗ trợ", (24_800_000, 38_145_000, 30_000_000, 22_435_000, 14_690_000)),
)
SPENDING = (
    ("Chi phụ cấp CB CĐ", (9_198_000, 9_522_000, 9_522_000, 9_666_000, None)),
    ("Chi HĐ phong trào", (45_162_000, 62_250_000, 57_570_000, 41_041_000, 36_084_000)),
    ("Thăm hỏi ốm đau", (3_600_000, 4_420_000, 6_000_000, 6_800_000, 6_000_000)),
    ("Chi trợ cấp, khuyết tật", (None, None, None, 2_000_000, None)),
)
CLOSING_BALANCE = 2_157_000

TARGETS = (
    ("1", "- CBCCVC, LĐ được học tập các chủ trương của Đảng, CSPL của Nhà nước.", "%", "100%", "100%", "Đạt"),
    (None, "- Bồi dưỡng đoàn viên ưu tú để giới thiệu Chi, Đảng bộ cơ sở xem xét kết nạp.", "Người", 2, 8, "Vượt"),
    (None, "- Phấn đấu số CBĐV được kết nạp Đảng", "Người", 2, 5, "Vượt"),
    ("2", "Hàng năm tổ chức phát động thi đua", "Đợt", 5, 5, "Đạt"),
    ("3", "Phối hợp với Thủ trưởng cơ quan tổ chức hội nghị CBCC hàng năm", "Lần", 5, 5, "Đạt"),
    ("4", "Cơ quan, đơn vị đạt chuẩn văn hoá hàng năm.", "Đạt", "Đạt", "Đạt", "Đạt"),
    (None, "Không có CBCC vi phạm các tệ nạn xã hội và an toàn giao thông.", "Đạt ", "Đạt", "Đạt", "Đạt"),
    ("5", "Hàng năm phấn đấu nữ CBCCVC, LĐ đạt danh hiệu “GVN-ĐVN”.", "%", "90%", "90%", "Đạt"),
    ("6", "Phấn đấu CĐCS đạt vững mạnh", "Loại", "Vững mạnh", "Vững mạnh", "Đạt"),
)

# Năm | Hình thức | Cấp | Đối tượng | Số lượng | Ghi chú — the awards the report lists (Part 1, II.3).
AWARDS = (
    (2014, "Sáng kiến", "Cơ sở", "Cá nhân", 7, "Sáng kiến được công nhận cấp cơ sở"),
    (2014, "Sáng kiến", "Tỉnh", "Cá nhân", 3, "Sáng kiến được công nhận cấp tỉnh"),
    (2014, "Đề tài khoa học", "Tỉnh", "Tập thể", 1, "Đề tài khoa học cấp tỉnh đã được ứng dụng"),
    ("2012-2017", "Tập thể lao động xuất sắc", "Tỉnh", "Tập thể", 5, "Chủ tịch UBND tỉnh tặng 5 phòng, đơn vị"),
    ("2012-2017", "Bằng khen", "Bộ", "Cá nhân", 5, "Bộ trưởng Bộ Thông tin và Truyền thông"),
    ("2012-2017", "Chiến sỹ thi đua", "Tỉnh", "Cá nhân", 3, "Chiến sỹ thi đua cấp tỉnh"),
    ("2012-2017", "Chiến sỹ thi đua", "Cơ sở", "Cá nhân", 9, "Chiến sỹ thi đua cấp cơ sở"),
    (2014, "Cờ thi đua", "Bộ", "Tập thể", 1, "Bộ Công an: thành tích bảo vệ an ninh Tổ quốc"),
    ("2011-2013", "Bằng khen", "Thủ tướng", "Tập thể", 1, "Góp phần xây dựng CNXH và bảo vệ Tổ quốc"),
    (2013, "Bằng khen", "Tổng Liên đoàn", "Tập thể", 1, "Ban Nữ công"),
    (2014, "Bằng khen", "Tỉnh", "Tập thể", 1, "Chủ tịch UBND tỉnh: thực hiện Chỉ thị 03-CT/TW"),
    ("2011-2016", "Bằng khen", "Tổng Liên đoàn", "Tập thể", 1, "Thành tích xuất sắc trong phong trào thi đua"),
)

DEPARTMENTS = (  # 6 offices + 1 public-service unit, 33 members in all
    ("Văn phòng Sở", 7),
    ("Thanh tra Sở", 3),
    ("Phòng Kế hoạch - Tài chính", 4),
    ("Phòng Bưu chính, Viễn thông", 4),
    ("Phòng Công nghệ thông tin", 4),
    ("Phòng Thông tin - Báo chí - Xuất bản", 4),
    ("Trung tâm Công nghệ Thông tin và Truyền thông", 7),
)

# Invented names. Men 16, women 17.
MEN = ("Nguyễn Văn An", "Trần Đức Bình", "Lê Quang Cường", "Phạm Minh Dũng", "Hoàng Văn Giang",
       "Vũ Đình Hải", "Đặng Quốc Hùng", "Bùi Tiến Khoa", "Đỗ Mạnh Linh", "Hồ Sỹ Long",
       "Ngô Thanh Nam", "Dương Văn Phúc", "Lý Hữu Quân", "Mai Xuân Sơn", "Tạ Công Thành",
       "Cao Văn Tuấn")
WOMEN = ("Nguyễn Thị Anh", "Trần Thu Hà", "Lê Thị Hằng", "Phạm Thị Hoa", "Hoàng Thị Huệ",
         "Vũ Thị Hương", "Đặng Thu Lan", "Bùi Thị Liên", "Đỗ Thị Loan", "Hồ Thị Mai",
         "Ngô Thị Minh", "Dương Thị Nga", "Lý Thị Ngọc", "Mai Thị Oanh", "Tạ Thị Phương",
         "Cao Thị Thảo", "Đinh Thị Yến")


def _column(*parts: tuple[object, int]) -> list:
    return [value for value, count in parts for _ in range(count)]


def roster_rows() -> list[tuple]:
    """33 members whose aggregates equal the report (Part 1, I.1)."""
    men = list(zip(
        MEN,
        _column(("Thạc sỹ", 2), ("ThS", 1), ("Đại học", 12), ("Trung cấp", 1)),
        _column(("Cao cấp", 4), ("Cử nhân", 2), ("Trung cấp", 3), ("Sơ cấp", 4), (None, 3)),
        _column(("x", 10), (None, 6)),
        strict=True,
    ))
    women = list(zip(
        WOMEN,
        _column(("Thạc sĩ", 3), ("Đại học", 12), ("Cao đẳng", 1), ("Trung cấp", 1)),
        _column(("Cao cấp", 3), ("Cử nhân", 1), ("Trung cấp", 5), ("Sơ cấp", 5), (None, 3)),
        _column(("x", 13), (None, 4)),
        strict=True,
    ))
    people = [(*m, "Nam") for m in men] + [(*w, "Nữ") for w in women]
    # Interleave so that departments mix men and women, deterministically.
    order = sorted(range(len(people)), key=lambda i: (i * 7) % len(people))
    departments = _column(*DEPARTMENTS)
    roles = {0: "Chủ tịch", 16: "Phó Chủ tịch", 1: "Ủy viên BCH", 17: "Ủy viên BCH", 18: "Ủy viên BCH"}
    rows = []
    for position, index in enumerate(order):
        name, education, theory, party, gender = people[index]
        birth_year = 1962 + (index * 11) % 31  # 1962–1992
        rows.append((position + 1, name, gender, birth_year, departments[position], education,
                     theory, party, roles.get(index, "Đoàn viên")))
    return rows


def build_roster() -> Workbook:
    """The sample roster workbook (the report's 33 members)."""
    wb, ws = style.new_sheet("Đoàn viên")
    style.title(ws, "DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 9)
    ws.append(["(Tính đến tháng 10/2017)"])
    ws.append([])
    style.header(ws, ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
                 "Lý luận chính trị", "Đảng viên", "Chức vụ công đoàn"])
    for row in roster_rows():
        ws.append(list(row))
    return style.finish(wb, ws, dict(zip("ABCDEFGHI", (5, 24, 9, 9, 40, 18, 16, 10, 16), strict=True)))


def _finance_sheet(wb: Workbook, title: str, heading: str, label: str, rows, total_label: str,
                   total_col_label: str, closing: int | None) -> None:
    ws = wb.create_sheet(title)
    ws.append([heading, None, None, None, None, None, "ĐVT: 1.000"])
    ws.cell(row=1, column=1).font = Font(bold=True)
    ws.append([])
    labels = [label, *(f"Năm {y}" for y in YEARS), total_col_label]
    if closing is not None:
        labels.append("Tồn cuối")
    style.header(ws, labels)
    sums = [0] * len(YEARS)
    for item, amounts in rows:
        ws.append([item, *amounts, sum(a or 0 for a in amounts)])
        sums = [s + (a or 0) for s, a in zip(sums, amounts, strict=True)]
    total_row = [total_label, *sums, sum(sums)]
    if closing is not None:
        total_row.append(closing)
    ws.append(total_row)
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=4, min_col=2):
        for cell in row:
            cell.number_format = "#,##0"
    style.finish(wb, ws, {"A": 26, **dict.fromkeys("BCDEFGH", 14)})


def build_finance() -> Workbook:
    """The sample finance workbook (the report's revenue and spending tables)."""
    wb = Workbook()
    wb.remove(wb.active)
    _finance_sheet(wb, "Phần thu", "* Phần thu", "Nguồn thu", REVENUE, "Tổng cộng", "Tổng cộng", None)
    _finance_sheet(wb, "Phần chi", "* Phần chi", "Mục chi", SPENDING, "Cộng", "Tông cộng",
                   CLOSING_BALANCE)
    return wb


def build_targets() -> Workbook:
    """The sample resolution targets workbook (the report's table)."""
    wb, ws = style.new_sheet("Chỉ tiêu Nghị quyết")
    style.titled_table(ws, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI LẦN THỨ III",
                       ["STT", "Nội dung mục tiêu Nghị quyết", "ĐVT", "Mục tiêu NQ", "KQ thực hiện", "Đánh giá"])
    for row in TARGETS:
        ws.append(list(row))
    return style.finish(wb, ws, {"B": 70})


def build_awards() -> Workbook:
    """The sample awards workbook (the report's awards)."""
    wb, ws = style.new_sheet("Khen thưởng")
    style.titled_table(ws, "THÀNH TÍCH, KHEN THƯỞNG NHIỆM KỲ 2012 - 2017",
                       ["Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng", "Ghi chú"])
    for row in AWARDS:
        ws.append(list(row))
    return style.finish(wb, ws, {"B": 26, "F": 50})


def build_info() -> Workbook:
    """The sample union information workbook."""
    wb, ws = style.new_sheet("Thông tin")
    for key, value in UNION_INFO:
        ws.append([key, value])
    return style.finish(wb, ws, {"A": 20, "B": 60})


SAMPLE_FILES = {
    "thong-tin.xlsx": build_info,
    "doan-vien.xlsx": build_roster,
    "tai-chinh.xlsx": build_finance,
    "chi-tieu.xlsx": build_targets,
    "khen-thuong.xlsx": build_awards,
    "chi-tieu-nhiem-ky.xlsx": build_term_targets,
    "du-toan.xlsx": build_budget,
}

SAMPLE_DIR = Path(__file__).resolve().parents[2] / "data"


def sample_paths(directory: Path = SAMPLE_DIR) -> list[Path]:
    """The bundled sample workbooks, in a stable order."""
    return [directory / name for name in SAMPLE_FILES if (directory / name).exists()]


def write_sample_data(directory: Path = SAMPLE_DIR) -> list[Path]:
    """(Re)generate every sample workbook into `directory`."""
    return style.write_workbooks(SAMPLE_FILES, directory)
