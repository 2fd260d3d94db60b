"""The draft report check: every figure claim of a draft matched against the figure catalogue.

Statuses: match (khớp), mismatch (lệch: the data's value and source), unverifiable (không kiểm được:
nothing in the data says it), ambiguous (mơ hồ: several data figures could be meant). The draft's own
inconsistencies (a total that does not add up, a unit note contradicting its amounts) are issues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from unionboard.analysis.draft_claims import RawClaim, number_value, prose_claims
from unionboard.analysis.figures import Figure, figure_catalogue
from unionboard.core import i18n
from unionboard.core.i18n import t
from unionboard.core.issues import IssueLog
from unionboard.core.models import CheckResult, Issue, SourceFile, UnionInfo
from unionboard.core.text import cell_name, fold, format_number, parse_year
from unionboard.core.text import half_up as _rounded
from unionboard.read.draft import Draft, DraftTable, read_draft

STATUSES = ("match", "mismatch", "unverifiable", "ambiguous")
_TOTAL_CUES = ("tong so", "tong cong", "hien co", "co tong", "gom", "hien nay co", "voi tong so")
_SHARE_CUES = ("chiem", "ty le", "ti le")
_FILLERS = ("trinh do", "nguoi", "dong chi", "ca nhan", "can bo")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TOTAL_LABELS = ("tong cong", "cong", "tong so", "tong")


@dataclass(frozen=True)
class Claim:
    """One figure of the draft with its verdict."""

    text: str
    value: float | None
    unit: str | None
    status: str
    expected: float | None
    source: str | None
    paragraph: int
    start: int = 0
    end: int = 0
    kind: str = "count"
    label: str = ""  # what the data's figure is (Vietnamese)
    candidates: tuple[tuple[str, float, str], ...] = ()  # (label, value, source) when ambiguous
    label_key: str = ""  # the catalogue key and parameters of `label`, for other languages
    params: tuple[tuple[str, object], ...] = ()
    body: int = 0  # the paragraph's index among those outside tables (python-docx's document.paragraphs)
    table: int | None = None  # in a table: which (0-based) and the cell's A1 name
    cell: str | None = None
    figure_key: str = ""  # the data's figure it was compared with
    scale: float = 1.0  # how the draft writes it: 1e6 for "… triệu đồng", with `decimals` after the comma
    decimals: int = 0

    def place(self, lang: str = "vi") -> str:
        """Where the figure is, for people: '¶14' or 'Bảng 1 › B2'."""
        if self.table is None:
            return f"¶{self.body + 1}"
        return f"{t('figure.table', lang, n=self.table + 1)} › {self.cell}"

    def label_in(self, lang: str = "vi") -> str:
        """What the data's figure is, in `lang`."""
        return t(self.label_key, lang, **dict(self.params)) if self.label_key else self.label

    def to_dict(self) -> dict:
        """The claim in the `check-report --json` contract (plus extra keys)."""
        return {"text": self.text, "value": _plain(self.value), "unit": self.unit, "status": self.status,
                "expected": _plain(self.expected), "source": self.source, "paragraph": self.body,
                "table": self.table, "cell": self.cell, "kind": self.kind, "label": self.label,
                "candidates": [{"label": c[0], "value": _plain(c[1]), "source": c[2]} for c in self.candidates]}


@dataclass(frozen=True)
class DraftCheck:
    """The check of one draft: its claims in document order and the draft's own inconsistencies."""

    name: str
    claims: tuple[Claim, ...]
    issues: tuple[Issue, ...]

    def summary(self) -> dict[str, int]:
        """Claims counted by status, every status present."""
        return {s: sum(1 for c in self.claims if c.status == s) for s in STATUSES}

    @property
    def ok(self) -> bool:
        """No claim differs and the draft has no inconsistency."""
        return not any(c.status == "mismatch" for c in self.claims) and not self.issues

    def to_json(self) -> dict:
        """The `python -m unionboard check-report --json` object (a stable contract)."""
        return {"ok": self.ok, "claims": [c.to_dict() for c in self.claims], "summary": self.summary(),
                "issues": [i.to_dict() for i in self.issues]}


def _plain(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 6)


def half_up(value: float, decimals: int) -> float:
    """`value` rounded half-up to `decimals` (from its exact decimal form: 21,335 → 21,34)."""
    return float(_rounded(value, decimals))  # the one rounding rule of every output


# --------------------------------------------------------------------------- comparing


def same(claim: RawClaim, figure: Figure) -> bool:
    """Whether the draft's number says the data's value, at the precision the draft writes."""
    if claim.kind == "share":
        return half_up(figure.value, claim.decimals) == claim.value
    if claim.scale > 1:
        return half_up(figure.value / claim.scale, claim.decimals) == half_up(claim.value / claim.scale,
                                                                                claim.decimals)
    return abs(figure.value - claim.value) < 0.5


def expected_value(claim: RawClaim, figure: Figure) -> float:
    """The data's value as the draft should write it (shares rounded to the draft's decimals, at least one)."""
    if claim.kind == "share":
        return half_up(figure.value, max(claim.decimals, 1))
    return figure.value


# --------------------------------------------------------------------------- which figure a claim means


def _ends_with(text: str, phrase: str) -> bool:
    return text == phrase or text.endswith(" " + phrase)


def _head(after: str) -> str:
    for filler in _FILLERS:
        if after.startswith(filler + " "):
            return after[len(filler) + 1:]
    return after


_GENDER = {"fig.members.male": "nam", "fig.members.female": "nữ"}


def _gender_score(claim: RawClaim, word: str) -> int:
    """'16 nam', 'Nữ: 17' — on the unfolded text: 'năm' (year) folds to 'nam' (men)."""
    after, before = claim.raw_after.split(), claim.raw_before.split()
    if after[:1] == [word] and (len(after) == 1 or after[1] in ("và", "trong", "chiếm")):
        return 103
    return 103 if before[-1:] == [word] else 0


def _count_score(claim: RawClaim, figure: Figure) -> int:
    if figure.key in _GENDER:
        return _gender_score(claim, _GENDER[figure.key])
    best = 0
    head = _head(claim.after)
    for (phrase, *_) in figure.words:
        if _ends_with(claim.before, phrase):
            best = max(best, len(phrase) + 100)
        # "5 đảng viên mới", "02 đoàn viên tham gia lớp": a count of some of them, unless a cue says total
        if head == phrase or (head.startswith(phrase + " ") and any(c in claim.before for c in _TOTAL_CUES)):
            best = max(best, len(phrase) + 100)
    return best


def _contains_score(claim: RawClaim, figure: Figure) -> int:
    around = f" {claim.before} {claim.sentence_after} "
    if figure.unit == "%" and not any(c in around for c in _SHARE_CUES):
        return 0
    best = 0
    for phrases in figure.words:
        if all(f" {p} " in around for p in phrases):
            best = max(best, sum(len(p) for p in phrases))
    return best


_UNITS = {"count": ("người", "khen thưởng"), "share": ("%",), "amount": ("đồng",)}


def _candidates(claim: RawClaim, figures: tuple[Figure, ...]) -> list[Figure]:
    units = _UNITS.get(claim.kind, ())
    scored = []
    for figure in figures:
        if figure.unit not in units or not figure.words:
            continue
        score = (_count_score if figure.unit == "người" else _contains_score)(claim, figure)
        if score:
            scored.append((score, figure))
    if not scored:
        return []
    top = max(s for s, _ in scored)
    found = [f for s, f in scored if s == top]
    if claim.kind == "amount":
        years = {int(y) for y in _YEAR.findall(f"{claim.before} {claim.sentence_after}")}
        found = [f for f in found if (f.year in years if years else f.year is None)] or found
    return _by_topic(claim, found)


def _by_topic(claim: RawClaim, found: list[Figure]) -> list[Figure]:
    """Among figures named alike, those whose topic the paragraph mentions last ("chuyên môn" / "LLCT")."""
    if len(found) < 2:
        return found
    where = {f.key: max((claim.context.rfind(t) for t in f.topic), default=-1) for f in found}
    best = max(where.values())
    return [f for f in found if where[f.key] == best] if best >= 0 else found


def _verdict(claim: RawClaim, found: list[Figure]) -> Claim:
    base = Claim(claim.text, claim.value, claim.unit, "unverifiable", None, None, claim.paragraph,
                 claim.start, claim.end, claim.kind, scale=claim.scale, decimals=claim.decimals)
    if not found:
        return base
    equal = [f for f in found if same(claim, f)]
    if equal:
        f = equal[0]
        return replace(base, status="match", expected=expected_value(claim, f), source=f.source, label=f.label,
                       label_key=f.label_key, params=f.params, figure_key=f.key)
    if len(found) == 1:
        f = found[0]
        return replace(base, status="mismatch", expected=expected_value(claim, f), source=f.source, label=f.label,
                       label_key=f.label_key, params=f.params, figure_key=f.key)
    return replace(base, status="ambiguous",
                   candidates=tuple((f.label, expected_value(claim, f), f.source) for f in found))


def _by_value(claim: RawClaim, figures: tuple[Figure, ...]) -> list[Figure]:
    """An amount named by no words: the money figures with exactly its value (one: that; several: ambiguous)."""
    if claim.kind != "amount" or claim.value < 100_000:
        return []
    return [f for f in figures if f.unit == "đồng" and f.value and abs(f.value - claim.value) < 0.5]


def _term(claim: RawClaim, info: UnionInfo, source: str, figures: tuple[Figure, ...] = ()) -> Claim:
    base = Claim(claim.text, claim.value, "năm", "unverifiable", None, None, claim.paragraph, claim.start,
                 claim.end, "term")
    terms = [t for t in (info.reported_term, info.next_term) if t]
    written = "–".join(_YEAR.findall(claim.text))
    for term in terms:
        if written == term.replace("-", "–"):
            return replace(base, status="match", expected=claim.value, source=source,
                           label=t("figure.term", "vi", term=term), label_key="figure.term", params=(("term", term),))
    periods = [f for f in figures if f.extra.get("period") == written]
    if periods:  # "giai đoạn 2011-2013": the period of an award
        f = periods[0]
        return replace(base, status="match", expected=claim.value, source=f.source, label=f.label,
                       label_key=f.label_key, params=f.params, figure_key=f.key)
    if not terms or not claim.before.endswith("nhiem ky"):
        return base
    return replace(base, status="ambiguous", candidates=tuple(
        (t("figure.term", "vi", term=term), float(_YEAR.findall(term)[0]), source) for term in terms))


def judge(claim: RawClaim, figures: tuple[Figure, ...], info: UnionInfo, info_source: str = "") -> Claim:
    """The verdict on one prose claim."""
    if claim.kind == "term":
        return _term(claim, info, info_source, figures)
    if claim.kind == "year":
        return Claim(claim.text, claim.value, "năm", "unverifiable", None, None, claim.paragraph,
                     claim.start, claim.end, "year")
    found = _candidates(claim, figures)
    if not found:
        found = _by_value(claim, figures)
        if len(found) > 1:  # no words name it and several figures have its value: which one is meant?
            return replace(_verdict(claim, []), status="ambiguous", candidates=tuple(
                (f.label, f.value, f.source) for f in found))
    return _verdict(claim, found)


# --------------------------------------------------------------------------- tables


@dataclass(frozen=True)
class _Columns:
    years: dict[int, int]  # column → year
    total: int | None
    closing: int | None


def _columns(header: tuple[str, ...]) -> _Columns:
    years, total, closing = {}, None, None
    for c, text in enumerate(header):
        key = fold(text)
        year = parse_year(text.strip())
        if year:
            years[c] = year
        elif key in ("tong cong", "tong", "cong", "tong so"):
            total = c
        elif key.startswith("ton"):
            closing = c
    return _Columns(years, total, closing)


def _side(table: DraftTable, before: str, figures: tuple[Figure, ...]) -> str | None:
    first = fold(table.rows[0][0]) if table.rows and table.rows[0] else ""
    for text in (first, before):
        if "chi" in text.split() and "thu" not in text.split():
            return "spending"
        if "thu" in text.split() and "chi" not in text.split():
            return "revenue"
    return None


def _cell_number(text: str) -> tuple[float, int] | None:
    raw = text.strip().rstrip("đ").strip()
    if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?", raw):
        return None
    return number_value(raw)


def _finance_figure(figures: dict[str, Figure], items: dict[tuple, Figure], side: str, label: str,
                    year: int | None, cols: _Columns, col: int) -> Figure | None:
    key = fold(label)
    if col == cols.closing:
        return figures.get("fig.finance.closing")
    is_total = key in _TOTAL_LABELS or key.startswith("tong cong")
    if is_total:
        return figures.get(f"fig.finance.{side}.{year}" if year else f"fig.finance.{side}.total")
    return items.get((side, key, year))


class _TableChecker:
    """Checks the finance and targets tables of a draft."""

    def __init__(self, draft: Draft, figures: tuple[Figure, ...], log: IssueLog) -> None:
        self.draft, self.log = draft, log
        self.figures = figures
        self.by_key = {f.key: f for f in figures}
        # (side, folded item, year or None) → the finance figure
        self.items = {(f.extra["side"], fold(f.extra["item"]), f.year): f for f in figures if "item" in f.extra}

    def note_before(self, table: DraftTable) -> tuple[RawClaim | None, str]:
        """The last unit note and the folded text of the paragraphs just before the table."""
        note, texts = None, []
        for p in reversed(self.draft.paragraphs[max(0, table.first_paragraph - 6):table.first_paragraph]):
            if p.table is not None:
                break
            texts.append(fold(p.text))
            if note is None:
                found = [c for c in prose_claims(p.index, p.text) if c.kind == "unit_note"]
                note = found[-1] if found else None
        return note, " ".join(reversed(texts))

    def cell_claim(self, table: DraftTable, r: int, c: int, value: float, figure: Figure | None,
                   scale: float = 1.0, decimals: int = 0) -> Claim:
        """A table cell's figure, compared at the precision the table writes ("ĐVT: triệu đồng", "18,78")."""
        text = table.rows[r][c]
        paragraph = table.cell_paragraphs[r][c]
        base = Claim(text.strip(), value, "đồng", "unverifiable", None, None, paragraph,
                     self.draft.paragraphs[paragraph].text.find(text.strip()), 0, "cell", scale=scale,
                     decimals=decimals)
        base = replace(base, end=base.start + len(text.strip()))
        if figure is None:
            return base
        same_value = half_up(figure.value / scale, decimals) == half_up(value / scale, decimals)
        status = "match" if same_value else "mismatch"
        return replace(base, status=status, expected=figure.value, source=figure.source, label=figure.label,
                       label_key=figure.label_key, params=figure.params, figure_key=figure.key)

    def finance(self, table: DraftTable, side: str, cols: _Columns, scale: float) -> list[Claim]:
        claims = []
        for r, row in enumerate(table.rows[1:], start=1):
            for c, text in enumerate(row[1:], start=1):
                number = _cell_number(text)
                if number is None:
                    continue
                figure = _finance_figure(self.by_key, self.items, side, row[0], cols.years.get(c), cols, c)
                claims.append(self.cell_claim(table, r, c, number[0] * scale, figure, scale, number[1]))
        return claims

    def fits(self, table: DraftTable, side: str, cols: _Columns, scale: float) -> int:
        return sum(c.status == "match" for c in self.finance(table, side, cols, scale))

    def totals(self, table: DraftTable, cols: _Columns) -> None:
        """A written total row or column that does not add up (the draft's own arithmetic)."""
        body = [row for row in table.rows[1:] if fold(row[0]) not in _TOTAL_LABELS]
        for r, row in enumerate(table.rows[1:], start=1):
            if fold(row[0]) in _TOTAL_LABELS:
                for c in [*cols.years, cols.total]:
                    self._compare(table, r, c, sum(self._num(b, c) for b in body))
            elif cols.total is not None:
                self._compare(table, r, cols.total, sum(self._num(row, c) for c in cols.years))

    @staticmethod
    def _num(row: tuple[str, ...], c: int | None) -> float:
        number = _cell_number(row[c]) if c is not None and c < len(row) else None
        return number[0] if number else 0.0

    def _compare(self, table: DraftTable, r: int, c: int | None, computed: float) -> None:
        if c is None or c >= len(table.rows[r]) or _cell_number(table.rows[r][c]) is None:
            return
        written = self._num(table.rows[r], c)
        if abs(written - computed) >= 0.5:
            self.log.warning(self.draft.name, t("figure.table", "vi", n=table.index + 1), cell_name(r, c),
                             "draft.table_total",
                             written=format_number(written), computed=format_number(computed))

    def check(self, table: DraftTable) -> list[Claim]:
        if not table.rows:
            return []
        cols = _columns(table.rows[0])
        if len(cols.years) >= 1:
            return self.finance_table(table, cols)
        return self.targets_table(table)

    def finance_table(self, table: DraftTable, cols: _Columns) -> list[Claim]:
        note, before = self.note_before(table)
        side = _side(table, before, self.figures) or "revenue"
        self.totals(table, cols)
        scale = note.value if note is not None else 1.0
        if note is not None and scale != 1.0 and self.fits(table, side, cols, 1.0) > self.fits(table, side, cols,
                                                                                               scale):
            self.unit_note_wrong(note, table)
            scale = 1.0
        return self.finance(table, side, cols, scale)

    def unit_note_wrong(self, note: RawClaim, table: DraftTable) -> None:
        body = self.draft.paragraphs[note.paragraph].body
        self.log.warning(self.draft.name, None, t("figure.paragraph", "vi", n=body + 1), "draft.unit_note",
                         note=note.text, table=table.index + 1)
        source = self.by_key.get("fig.finance.revenue.total")
        self.notes.append(Claim(note.text, note.value, "ĐVT", "mismatch", 1.0,
                                source.source if source else None, note.paragraph, note.start, note.end,
                                "unit_note", t("figure.unit", "vi"), label_key="figure.unit"))

    notes: list[Claim]

    def targets_table(self, table: DraftTable) -> list[Claim]:
        header = [fold(h) for h in table.rows[0]]
        target_col = next((c for c, h in enumerate(header) if h.startswith("muc tieu") and "noi dung" not in h),
                          None)
        result_col = next((c for c, h in enumerate(header) if h.startswith(("kq", "ket qua"))), None)
        if target_col is None or result_col is None:
            return []
        claims = []
        for r, row in enumerate(table.rows[1:], start=1):
            text = max(row, key=len)
            for c, part in ((target_col, "target"), (result_col, "result")):
                if c >= len(row) or _cell_number(row[c].rstrip("%").strip()) is None:
                    continue
                value = _cell_number(row[c].rstrip("%").strip())[0]
                figure = next((f for f in self.figures if f.extra.get("part") == part
                               and f.extra.get("text") == fold(text)), None)
                claim = self.cell_claim(table, r, c, value, figure)
                claims.append(replace(claim, unit="%" if row[c].strip().endswith("%") else None, kind="target"))
        return claims


def check_draft(draft: Draft, figures: tuple[Figure, ...], info: UnionInfo | None = None,
                info_source: str = "") -> DraftCheck:
    """Every figure claim of the draft with its verdict, and the draft's own inconsistencies."""
    info = info or UnionInfo()
    log = IssueLog()
    claims: list[Claim] = []
    for p in draft.paragraphs:
        if p.table is None:
            claims += [judge(c, figures, info, info_source) for c in prose_claims(p.index, p.text)
                       if c.kind != "unit_note"]
    tables = _TableChecker(draft, figures, log)
    tables.notes = []
    for table in draft.tables:
        claims += tables.check(table)
    claims += tables.notes
    claims.sort(key=lambda c: (c.paragraph, c.start))
    placed = [_placed(c, draft) for c in claims]
    prose_against_tables(placed, draft.name, log)
    return DraftCheck(draft.name, tuple(placed), tuple(log.items))


def prose_against_tables(claims: list[Claim], name: str, log: IssueLog) -> None:
    """A sentence that disagrees with a table of the same draft about the same figure (at the sentence's precision)."""
    cells = {c.figure_key: c for c in claims if c.kind == "cell" and c.figure_key and c.value is not None}
    for claim in claims:
        cell = cells.get(claim.figure_key) if claim.kind in ("amount", "count") else None
        if cell is None or claim.value is None:
            continue
        written, table = (half_up(v / claim.scale, claim.decimals) for v in (claim.value, cell.value))
        if written != table:
            log.warning(name, None, t("figure.paragraph", "vi", n=claim.body + 1), "draft.prose_table",
                        prose=claim.text, table=i18n.phrase("figure.table", n=cell.table + 1), cell=cell.cell,
                        written=format_number(cell.value))


def _placed(claim: Claim, draft: Draft) -> Claim:
    p = draft.paragraphs[claim.paragraph]
    cell = cell_name(p.row, p.col) if p.table is not None else None
    return replace(claim, body=p.body, table=p.table, cell=cell)


def check_report(draft: SourceFile, result: CheckResult, files: tuple[SourceFile, ...] = ()) -> DraftCheck:
    """Read a draft (.docx/.odt/.txt) and check it against a checked data set and its files (for cells).

    An unreadable draft gives no claims and the reading error as its issue (never raises on bad input).
    """
    log = IssueLog()
    read = read_draft(draft, log)
    if read is None:
        return DraftCheck(draft.name, (), tuple(log.items))
    info_source = result.sources.get("info") or t("figure.info_source", "vi")
    return check_draft(read, figure_catalogue(result, files), result.dataset.info, info_source)


def _claim_key(claim: dict, seen: dict) -> tuple:
    base = (claim.get("paragraph"), claim.get("table"), claim.get("cell"), claim.get("text"))
    seen[base] = seen.get(base, 0) + 1
    return (*base, seen[base])


def changed_claims(before: tuple[dict, ...] | list[dict], after: DraftCheck) -> list[tuple[dict, dict]]:
    """(then, now) for every figure of the draft whose verdict or data value changed between two checks."""
    seen: dict = {}
    old = {_claim_key(c, seen): c for c in before}
    seen = {}
    out = []
    for claim in after.claims:
        now = claim.to_dict()
        then = old.get(_claim_key(now, seen))
        if then is None or (then["status"], then["expected"]) != (now["status"], now["expected"]):
            out.append((then or {}, now))
    return out
