"""Adding a domain = one module + one registry line: a throwaway domain declared here, and nowhere else,
is detected, checked, summarised, stored (with carry-over), diffed, written to the template and the data
download, and read back."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from helpers import workbook_bytes
from openpyxl import load_workbook

from unionboard.analysis.diff import domain_changes, merged
from unionboard.analysis.metrics import summary
from unionboard.core import i18n
from unionboard.core.issues import IssueLog
from unionboard.core.models import Dataset, SourceFile
from unionboard.core.text import cell_name, clean, parse_number
from unionboard.domains import registry
from unionboard.domains.loader import check_files
from unionboard.domains.schema import Column, TableSchema, find_header
from unionboard.domains.spec import DomainSpec, SheetLayout, SheetPairs
from unionboard.export.template import build_template
from unionboard.export.xlsx import dataset_to_xlsx
from unionboard.publish import publish_files
from unionboard.read.workbook import Sheet
from unionboard.sample.report import SAMPLE_DIR
from unionboard.store.versions import open_store

# ----------------------------------------------------------------------------- the throwaway domain


@dataclass(frozen=True)
class Meeting:
    """One committee meeting."""

    date: str
    topic: str
    attendees: int


MEETINGS = TableSchema(
    domain="meetings",
    title="Sổ họp Ban chấp hành",
    sheet_hints=("hop",),
    columns=(Column("date", "Ngày họp", ("Date",)), Column("topic", "Nội dung họp", ("Topic",)),
             Column("attendees", "Số người dự", ("Attendees",))),
)
ENTRIES = {
    "domain_meetings": ("sổ họp", "meetings"),
    "meetings.negative": ("Số người dự ở ô {cell} là số âm ({value}).",
                          "The attendance in cell {cell} is negative ({value})."),
}


def parse_meetings(pairs: SheetPairs, log: IssueLog) -> tuple[Meeting, ...]:
    out = []
    for sheet, header in pairs:
        cols = header.columns
        for r in range(header.row + 1, len(sheet.rows)):
            row = sheet.rows[r]
            date, topic = clean(row[cols["date"]]), clean(row[cols["topic"]])
            if not date and not topic:
                continue
            attendees = int(parse_number(row[cols["attendees"]]) or 0)
            if attendees < 0:
                log.warning(sheet.file, sheet.name, cell_name(r, cols["attendees"]), "meetings.negative",
                            cell=cell_name(r, cols["attendees"]), value=attendees)
            out.append(Meeting(date, topic, attendees))
    return tuple(out)


SPEC = DomainSpec(
    key="meetings",
    name="domain_meetings",
    parse=parse_meetings,
    schemas=(MEETINGS,),
    summary=lambda meetings, dataset: {"total": len(meetings),
                                       "attendees": sum(m.attendees for m in meetings)},
    layout=SheetLayout(sheet="Sổ họp", title="SỔ HỌP BAN CHẤP HÀNH",
                       columns=("Ngày họp", "Nội dung họp", "Số người dự"),
                       rows=lambda meetings: [(m.date, m.topic, m.attendees) for m in meetings],
                       example=("05/01/2017", "Họp thường kỳ", 9)),
)


@pytest.fixture
def meetings_domain() -> Iterator[DomainSpec]:
    i18n.add_entries("test_registry", ENTRIES)
    try:
        with registry.registered(SPEC) as spec:
            yield spec
    finally:
        i18n.remove_entries("test_registry", tuple(ENTRIES))


def meetings_file(rows: list[list], name: str = "so-hop.xlsx") -> SourceFile:
    return SourceFile(name, workbook_bytes({"Sổ họp": [["SỔ HỌP BAN CHẤP HÀNH"],
                                                      ["Ngày họp", "Nội dung họp", "Số người dự"], *rows]}))


MEETING_ROWS = [["05/01/2017", "Họp thường kỳ", 9], ["10/03/2017", "Chuẩn bị Đại hội", -2]]

# ----------------------------------------------------------------------------- the tests


def test_the_domain_is_unknown_until_registered() -> None:
    assert "meetings" not in registry.domain_keys()
    result = check_files([meetings_file(MEETING_ROWS)])
    assert result.dataset.domains() == ()
    assert not result.ok  # "no recognisable sheet"


def test_detected_parsed_checked_and_summarised(meetings_domain) -> None:
    result = check_files([meetings_file(MEETING_ROWS)])
    assert result.dataset.domains() == ("meetings",)
    assert result.dataset.get("meetings") == (Meeting("05/01/2017", "Họp thường kỳ", 9),
                                              Meeting("10/03/2017", "Chuẩn bị Đại hội", -2))
    (issue,) = result.issues
    assert (issue.code, issue.sheet, issue.cell) == ("meetings.negative", "Sổ họp", "C4")
    assert issue.text("en") == "The attendance in cell C4 is negative (-2)."
    data = summary(result)
    assert data["meetings"] == {"total": 2, "attendees": 7}
    assert data["members"] is None and data["finance"] is None


def test_stored_and_carried_over(meetings_domain, store_url) -> None:
    store = open_store(store_url)
    first = publish_files(store, [meetings_file(MEETING_ROWS)], by="test")
    assert first.ok, first.result.issues if first.result else first
    roster = SourceFile("doan-vien.xlsx", (SAMPLE_DIR / "doan-vien.xlsx").read_bytes())
    second = publish_files(store, [roster], by="test")
    assert second.ok
    current = store.current_result()
    assert current.dataset.get("meetings")[0].topic == "Họp thường kỳ"  # carried over
    assert current.dataset.members is not None and len(current.dataset.members) == 33
    assert store.summary_of(second.version_id)["meetings"] == {"total": 2, "attendees": 7}


def test_diffed(meetings_domain) -> None:
    before = check_files([meetings_file(MEETING_ROWS)]).dataset
    after = check_files([meetings_file(MEETING_ROWS[:1])]).dataset
    assert domain_changes(before, after) == {"meetings": "changed"}
    assert domain_changes(before, before) == {"meetings": "unchanged"}
    assert domain_changes(Dataset(), before) == {"meetings": "added"}
    assert merged(before, Dataset()).get("meetings") == before.get("meetings")


def test_exported_and_read_back(meetings_domain) -> None:
    dataset = check_files([meetings_file(MEETING_ROWS)]).dataset
    blob = dataset_to_xlsx(dataset)
    assert "Sổ họp" in load_workbook(io.BytesIO(blob)).sheetnames
    again = check_files([SourceFile("tai-ve.xlsx", blob)]).dataset
    assert again.get("meetings") == dataset.get("meetings")


def test_the_template_has_the_sheet_and_it_is_recognised(meetings_domain) -> None:
    wb = build_template()
    assert "Sổ họp" in wb.sheetnames
    ws = wb["Sổ họp"]
    assert [c.value for c in ws[2]] == ["Ngày họp", "Nội dung họp", "Số người dự"]
    sheet = Sheet("mau.xlsx", "Sổ họp", [[c.value for c in row] for row in ws.iter_rows()])
    assert find_header(sheet, MEETINGS).complete


def test_registering_a_key_twice_is_refused(meetings_domain) -> None:
    with pytest.raises(ValueError, match="meetings"):
        registry.register(SPEC)


def test_the_built_in_domains_summarise_themselves_through_their_spec(monkeypatch) -> None:
    """check --json takes every domain's part from its own `DomainSpec.summary`, the built-ins as a new
    domain: a built-in's spec swapped for one with another summary changes its part, nothing else does."""
    result = check_files(sorted(SAMPLE_DIR.glob("*.xlsx")))
    before = summary(result)
    keys = ("members", "finance", "targets", "awards", "term_targets", "budget")
    assert all(registry.spec(key).summary is not None and before[key] is not None for key in keys)
    for position, key in ((i, s.key) for i, s in enumerate(registry.BUILTIN) if s.key in keys):
        original = registry.BUILTIN
        swapped = dataclasses.replace(original[position], summary=lambda value, dataset: {"own": True})
        with monkeypatch.context() as patch:
            patch.setattr(registry, "BUILTIN", (*original[:position], swapped, *original[position + 1:]))
            after = summary(result)
        assert after[key] == {"own": True}, key
        assert {k: v for k, v in after.items() if k != key} == {k: v for k, v in before.items() if k != key}
