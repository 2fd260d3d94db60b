"""Declared table schemas (columns, aliases, required) and header-row detection, kept apart from parsing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from unionboard.core.text import fold
from unionboard.domains.codes import CODE_ALIASES
from unionboard.read.workbook import Sheet

HEADER_SCAN_ROWS = 25


@dataclass(frozen=True)
class Column:
    """A column a table may have: its key in code, its Vietnamese label, and accepted header aliases."""

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = True
    fallback: tuple[str, ...] = ()  # header texts taken only when left over by every other column
    min_contained: int = 3  # shortest alias that may match inside a longer header text
    # folded phrases that make a header something else: "Tỷ lệ so với mục tiêu (%)" holds "mục tiêu"
    # but is a ratio, never the target
    never: tuple[str, ...] = ()

    @cached_property
    def folded_aliases(self) -> tuple[str, ...]:
        """The label and aliases, folded for matching."""
        return tuple(fold(a) for a in (self.label, *self.aliases))


@dataclass(frozen=True)
class TableSchema:
    """One kind of table a sheet may hold."""

    domain: str
    title: str  # Vietnamese name for messages ("Danh sách đoàn viên")
    columns: tuple[Column, ...]
    sheet_hints: tuple[str, ...] = ()  # folded words in sheet names that point to this table
    # a complete header with fewer columns than this is only taken with other evidence (a sheet name
    # or a title row holding a hint): a lone "Họ và tên" column is not yet a roster
    min_columns: int = 1
    # a further condition on the header row, for evidence a column list cannot state (the year columns of
    # a term-targets table); None: none
    needs: Callable[[Sheet, int], bool] | None = None

    @property
    def required(self) -> tuple[Column, ...]:
        """The columns a table must have."""
        return tuple(c for c in self.columns if c.required)


@dataclass(frozen=True)
class HeaderMatch:
    """Where a schema's header row is in a sheet and which column holds each key."""

    schema: TableSchema
    row: int  # 0-based
    columns: dict[str, int] = field(default_factory=dict)  # key → 0-based column
    found_labels: tuple[str, ...] = ()  # every non-blank header text in that row

    @property
    def missing(self) -> tuple[Column, ...]:
        """The required columns the header row lacks."""
        return tuple(c for c in self.schema.required if c.key not in self.columns)

    @property
    def complete(self) -> bool:
        """Whether every required column was found."""
        return not self.missing

    @property
    def coverage(self) -> float:
        """Share of the header row's texts this schema explains (0–1): evidence between two complete
        matches ("Loại đại biểu" is a delegates list's, which a roster cannot explain)."""
        return min(1.0, len(self.columns) / max(1, len(self.found_labels)))

    @property
    def score(self) -> float:
        """Share of required columns found, plus a little per optional column."""
        required = len(self.schema.required) or 1
        matched_required = sum(1 for c in self.schema.required if c.key in self.columns)
        optional = sum(1 for c in self.schema.columns if not c.required and c.key in self.columns)
        return matched_required / required + 0.01 * optional


MEMBERS = TableSchema(
    domain="members",
    title="Danh sách đoàn viên",
    sheet_hints=("doan vien", "danh sach", "members", "roster", "nhan su"),
    min_columns=2,
    # A roster needs names; every other column is optional (enterprise rosters rarely have the political
    # theory or party columns). What the sheet lacks is recorded (`Roster.absent`), never read as zero.
    columns=(
        # "Tên"/"Name" only as the whole header: "Tên công đoàn", "Tên chỉ tiêu" are not a person's name
        Column("name", "Họ và tên", ("Họ tên", "Tên", "Name", "Full name", "Họ và tên đoàn viên"),
               min_contained=6),
        Column("gender", "Giới tính", ("Gender", "Sex", "Nam/Nữ", "Phái"), required=False),
        Column("birth_year", "Năm sinh", ("Ngày sinh", "Ngày tháng năm sinh", "Birth year",
                                           "Year of birth", "Date of birth", "Birthday"), required=False),
        Column("department", "Phòng/đơn vị", ("Phòng", "Đơn vị", "Phòng ban", "Bộ phận",
                                               "Department", "Unit", "Tổ công đoàn", "Phòng, đơn vị"), required=False),
        Column("education", "Trình độ chuyên môn", ("Trình độ", "Học vấn", "Trình độ đào tạo",
                                                     "Education", "Trình độ CM"), required=False),
        Column("political_theory", "Lý luận chính trị", ("Trình độ lý luận chính trị", "LLCT",
                                                          "Trình độ LLCT", "Political theory"), required=False),
        Column("party_member", "Đảng viên", ("Là đảng viên", "Party member", "Party", "ĐV"), required=False),
        Column("join_date", "Ngày vào công đoàn", ("Ngày gia nhập", "Ngày gia nhập công đoàn",
                                                   "Join date", "Joined"), required=False),
        Column("role", "Chức vụ công đoàn", ("Chức vụ", "Chức vụ CĐ", "Union role", "Role"),
               required=False),
        Column("status", "Trạng thái", ("Tình trạng", "Status"), required=False),
        # the person's code (Mã đoàn viên, Mã NV): a stable identity for attendance marks and ballots;
        # whole headers only ("Mã số thuế" is not one)
        Column("code", "Mã đoàn viên", CODE_ALIASES, required=False, min_contained=99),
    ),
)

# Folded phrases of a ratio column ("Tỷ lệ so với mục tiêu (%)", "So sánh", "% thực hiện"): never a target
# or a result, whatever words they share with one.
RATIO_WORDS = ("ty le", "so sanh", "so voi", "ratio", "percent of", "% thuc hien", "% hoan thanh",
               "muc do hoan thanh")

TARGETS = TableSchema(
    domain="targets",
    title="Chỉ tiêu Nghị quyết",
    sheet_hints=("chi tieu", "muc tieu", "nghi quyet", "targets"),
    columns=(
        Column("stt", "STT", ("TT", "Số TT", "No", "#"), required=False),
        Column("text", "Nội dung", ("Nội dung mục tiêu Nghị quyết", "Nội dung mục tiêu",
                                    "Nội dung chỉ tiêu", "Chỉ tiêu", "Target text", "Content", "Targets",
                                    "Goal", "Description", "Objective", "Indicator"),
               fallback=("Target",)),  # "Target" beside "Target value" is the target's text
        Column("unit", "ĐVT", ("Đơn vị tính", "Unit")),
        Column("target", "Mục tiêu", ("Mục tiêu NQ", "Mục tiêu Nghị quyết", "Chỉ tiêu NQ", "Target",
                                      "Target value", "Goal value", "Planned value", "Kế hoạch", "KH",
                                      "Chỉ tiêu kế hoạch", "Plan"), never=RATIO_WORDS),
        Column("result", "Kết quả", ("KQ thực hiện", "Kết quả thực hiện", "KQ", "Thực hiện", "Result",
                                     "Achieved", "Actual", "Result value", "TH"), never=RATIO_WORDS),
        Column("evaluation", "Đánh giá", ("Evaluation", "Status", "Assessment", "Rating"), required=False),
    ),
)

AWARDS = TableSchema(
    domain="awards",
    title="Khen thưởng, thành tích",
    sheet_hints=("khen thuong", "thanh tich", "thi dua", "awards"),
    columns=(
        Column("year", "Năm", ("Year", "Năm khen thưởng", "Thời gian", "Giai đoạn")),
        Column("form", "Hình thức", ("Hình thức khen thưởng", "Danh hiệu", "Loại khen thưởng",
                                     "Form", "Award", "Award type", "Title")),
        Column("level", "Cấp", ("Cấp khen thưởng", "Cấp khen", "Cấp quyết định", "Level")),
        Column("recipient_type", "Đối tượng", ("Tập thể/Cá nhân", "Loại đối tượng", "Recipient",
                                              "Recipient type", "Collective/Individual", "Awarded to")),
        Column("count", "Số lượng", ("SL", "Count", "Number"), required=False),
        Column("note", "Ghi chú", ("Note", "Nội dung"), required=False),
    ),
)

FINANCE_TIDY = TableSchema(
    domain="finance",
    title="Tài chính (dạng bảng dọc)",
    sheet_hints=("tai chinh", "thu", "chi", "finance", "revenue", "spending"),
    columns=(
        Column("year", "Năm", ("Year",)),
        Column("item", "Khoản mục", ("Nội dung", "Nguồn thu", "Mục chi", "Item", "Category", "Source",
                                     "Description", "Line item")),
        Column("amount", "Số tiền", ("Thành tiền", "Giá trị", "Amount", "Số tiền (đồng)", "Amount (VND)",
                                     "Value")),
        Column("side", "Thu/Chi", ("Loại", "Phần", "Side", "Thu chi"), required=False),
    ),
)

TERM_TARGETS = TableSchema(
    domain="term_targets",
    title="Chỉ tiêu nhiệm kỳ",
    # The resolution-target hints too: a sheet only becomes term targets when its header also has
    # the required Mã and Nhóm columns, which a resolution-targets table does not have.
    sheet_hints=("nhiem ky", "chi tieu", "muc tieu", "targets", "ke hoach nhiem ky"),
    # Wide: Mã | Nội dung | Nhóm | ĐVT | Mục tiêu nhiệm kỳ | Áp dụng | Kết quả 2018 | ... | Kết quả 2022,
    # optionally "Mục tiêu 2018" ... per-year targets. Year columns are found by the year in their
    # header (term_targets.year_columns); "result" only makes a results sheet outscore TARGETS.
    columns=(
        Column("code", "Mã", ("Mã chỉ tiêu", "Mã số", "Số hiệu", "Code")),
        Column("text", "Nội dung", ("Nội dung chỉ tiêu", "Chỉ tiêu", "Text", "Target text")),
        Column("group", "Nhóm", ("Group", "Nhóm chỉ tiêu")),
        Column("unit", "ĐVT", ("Đơn vị tính", "Unit"), required=False),
        Column("term_target", "Mục tiêu nhiệm kỳ", ("Mục tiêu", "Chỉ tiêu nhiệm kỳ", "Target",
                                                     "Term target")),
        Column("per_year", "Áp dụng", ("Hàng năm/Nhiệm kỳ", "Phạm vi", "Per year", "Applies"),
               required=False),
        Column("result", "Kết quả", ("KQ", "Kết quả thực hiện", "Result"), required=False),
    ),
)

BUDGET = TableSchema(
    domain="budget",
    title="Dự toán thu chi",
    sheet_hints=("du toan", "ke hoach thu chi", "budget"),
    # Tidy: Năm | Thu/Chi | Khoản mục | Kế hoạch (đồng), one row per source/category and year.
    columns=(
        Column("year", "Năm", ("Year",)),
        Column("side", "Thu/Chi", ("Loại", "Thu chi", "Side", "Revenue/Spending", "Type")),
        Column("item", "Khoản mục", ("Nguồn thu / mục chi", "Nguồn thu, mục chi", "Item")),
        Column("planned", "Kế hoạch", ("Dự toán", "Số tiền kế hoạch", "Kế hoạch (đồng)", "Planned",
                                       "Plan")),
        Column("note", "Ghi chú", ("Note",), required=False),
    ),
)

SCHEMAS: tuple[TableSchema, ...] = (MEMBERS, TARGETS, AWARDS, FINANCE_TIDY, TERM_TARGETS, BUDGET)


def _ruled_out(column: Column, label: str) -> bool:
    """Whether a folded header text is ruled out for `column` (a ratio for a target)."""
    padded = f" {label} "
    return any(f" {word} " in padded or (word.startswith("%") and word in label) for word in column.never)


def _assign_fallbacks(labels: dict[int, str], schema: TableSchema, assigned: dict[str, int],
                      used: set[int]) -> None:
    """Columns still missing take a fallback header left over by the exact matches."""
    for column in schema.columns:
        if column.key in assigned or not column.fallback:
            continue
        folded = {fold(a) for a in column.fallback}
        col = next((c for c, label in labels.items() if c not in used and label in folded), None)
        if col is not None:
            assigned[column.key] = col
            used.add(col)


def _assign(labels: dict[int, str], schema: TableSchema) -> dict[str, int]:
    """Give each schema key at most one column: exact alias matches first, then the longest contained alias."""
    assigned: dict[str, int] = {}
    used: set[int] = set()
    for column in schema.columns:
        exact = [(len(label), -col, col) for col, label in labels.items()
                 if col not in used and label in column.folded_aliases and not _ruled_out(column, label)]
        if exact:  # the most specific header when several fit ("Target value" rather than "Target")
            col = max(exact)[2]
            assigned[column.key] = col
            used.add(col)
    _assign_fallbacks(labels, schema, assigned, used)
    candidates = []
    for column in schema.columns:
        if column.key in assigned:
            continue
        for col, label in labels.items():
            if col in used or _ruled_out(column, label):
                continue
            padded = f" {label} "
            best = max((len(a) for a in column.folded_aliases if a and f" {a} " in padded), default=0)
            if best >= max(3, column.min_contained):
                candidates.append((best, column.key, col))
    for _length, key, col in sorted(candidates, reverse=True):
        if key not in assigned and col not in used:
            assigned[key] = col
            used.add(col)
    return assigned


def header_labels(sheet: Sheet, row: int) -> dict[int, str]:
    """Folded, non-blank header texts of a row by column."""
    line = sheet.rows[row] if row < len(sheet.rows) else []
    return {col: fold(value) for col, value in enumerate(line) if isinstance(value, str) and fold(value)}


def _group_of(sheet: Sheet, row: int, col: int) -> str:
    """The text of a group header over (row, col): a cell of the row above merged across columns
    that include `col` ("Trình độ" over "Chuyên môn | Lý luận chính trị"), else the cell right above."""
    for r0, c0, r1, c1 in sheet.merged:
        if r0 <= row - 1 <= r1 and c0 <= col <= c1 and c1 > c0:
            value = sheet.value(r0, c0)
            return str(value).strip() if isinstance(value, str) else ""
    above = sheet.value(row - 1, col)
    return str(above).strip() if isinstance(above, str) else ""


def combined_labels(sheet: Sheet, row: int) -> dict[int, str]:
    """A two- or three-row header read as one: each sub-header prefixed with its groups
    ("Trình độ" over "Chuyên môn" → "Trình độ chuyên môn")."""
    out = {}
    for col, value in enumerate(sheet.rows[row] if row < len(sheet.rows) else []):
        if not (isinstance(value, str) and fold(value)):
            continue
        parts = [value]
        for above in (row, row - 1):  # up to two group rows: three-row headers
            group = _group_of(sheet, above, col) if above > 0 else ""
            if not group or fold(group) == fold(parts[0]):
                break
            parts.insert(0, group)
        out[col] = fold(" ".join(parts))
    return out


def find_header(sheet: Sheet, schema: TableSchema) -> HeaderMatch | None:
    """The best header row for `schema` among the sheet's first rows (None if no column matches).

    Each row is tried as written and, for two-row headers, with its group header from the row above
    (merged group cells); the data start under the row that matched.
    """
    best: HeaderMatch | None = None
    for row in range(min(HEADER_SCAN_ROWS, sheet.height)):
        plain = header_labels(sheet, row)
        if len(plain) < 2:
            continue
        found = tuple(str(v).strip() for v in sheet.rows[row] if isinstance(v, str) and v.strip())
        for labels in (plain, combined_labels(sheet, row)):
            columns = _assign(labels, schema)
            if not columns:
                continue
            match = HeaderMatch(schema=schema, row=row, columns=columns, found_labels=found)
            if best is None or match.score > best.score:
                best = match
    return best
