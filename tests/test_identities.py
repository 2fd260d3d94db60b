"""Stable identities of those convened: attendance marks stay with the person across re-publishes."""

from __future__ import annotations

import dataclasses

from unionboard.analysis.congress import PRESENT, Mark, Person, credentials
from unionboard.analysis.identities import assign, orphaned

AN = Person("", "Nguyễn Văn An", "Văn phòng")
HOA = Person("", "Phạm Thị Hoa", "Thanh tra")
BINH = Person("", "Trần Bình", "Kế toán")


def test_first_publish_keys_by_name_and_unit_and_reordering_keeps_them() -> None:
    first, new = assign([AN, HOA, BINH], ())
    assert [p.key for p in first] == ["nguyen van an|van phong", "pham thi hoa|thanh tra", "tran binh|ke toan"]
    again, more = assign([BINH, AN, HOA], new)
    assert more == () and {p.name: p.key for p in again} == {p.name: p.key for p in first}


def test_a_renamed_unit_keeps_the_key_and_a_namesake_gets_a_new_one() -> None:
    first, registry = assign([AN, HOA], ())
    renamed = dataclasses.replace(AN, unit="Văn phòng Sở")
    namesake = Person("", "Nguyễn Văn An", "Kho")
    people, new = assign([namesake, HOA, renamed], registry)
    # two of that name, neither in the old unit: ambiguous, so neither takes the old key (never a guess);
    # the old mark is then listed as orphaned before publishing
    assert first[0].key not in {p.key for p in people} and len(new) == 2
    assert [m.person for m in orphaned(people, [Mark(first[0].key, PRESENT, name=AN.name)])] == [first[0].key]
    alone, _ = assign([renamed, HOA], registry)
    assert alone[0].key == first[0].key  # the only An, unit renamed: same person


def test_a_code_decides_when_the_sheet_has_one() -> None:
    coded = [dataclasses.replace(AN, code="DB01"), dataclasses.replace(AN, unit="Kho", code="DB02")]
    first, registry = assign(coded, ())
    assert [p.key for p in first] == ["code:db01", "code:db02"]
    swapped, _ = assign([dataclasses.replace(coded[1], unit="Văn phòng"), coded[0]], registry)
    assert [p.key for p in swapped] == ["code:db02", "code:db01"]  # same name and unit now: the code decides


def test_marks_left_without_a_person_are_listed_and_do_not_count() -> None:
    people, _ = assign([AN, HOA], ())
    marks = [Mark(people[0].key, PRESENT, name=AN.name), Mark("ai-do|dau-do", PRESENT, name="Người cũ")]
    assert [m.name for m in orphaned(people, marks)] == ["Người cũ"]
    assert credentials(people, marks).present == 1


def _roster(names: list[str]) -> object:
    """A roster workbook with member codes: two "Nguyễn Văn An" in one unit, told apart by the code."""
    from helpers import workbook_bytes

    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    rows = [[i + 1, code, name, "Nam", "Kho"] for i, (code, name) in enumerate(zip(("00123", "00124"), names,
                                                                                      strict=True))]
    data = workbook_bytes({"Đoàn viên": [["STT", "Mã đoàn viên", "Họ và tên", "Giới tính", "Phòng/đơn vị"],
                                         *rows]})
    return check_files([SourceFile("dv.xlsx", data)]).dataset


def test_member_codes_keep_a_mark_with_its_person_when_a_namesake_is_renamed() -> None:
    from unionboard.analysis.congress import convened

    first, registry = assign(convened(_roster(["Nguyễn Văn An", "Nguyễn Văn An"])), ())
    assert [p.key for p in first] == ["code:00123", "code:00124"]  # two people, two identities
    mark = Mark(first[1].key, PRESENT, name=first[1].name)
    corrected, new = assign(convened(_roster(["Nguyễn Văn Anh", "Nguyễn Văn An"])), registry)
    assert new == () and [p.key for p in corrected] == ["code:00123", "code:00124"]
    assert orphaned(corrected, [mark]) == ()
    present = [p for p in corrected if p.key == mark.person]
    assert [(p.name, p.code) for p in present] == [("Nguyễn Văn An", "00124")]  # still the one marked


def test_delegate_codes_make_two_namesakes_of_one_unit_two_identities() -> None:
    from helpers import workbook_bytes

    from unionboard.analysis.congress import convened
    from unionboard.core.models import SourceFile
    from unionboard.domains.loader import check_files

    rows = [["STT", "Họ và tên", "Đơn vị", "Loại đại biểu", "Mã đại biểu"],
            [1, "Nguyễn Văn An", "Kho", "Bầu", "DB001"], [2, "Nguyễn Văn An", "Kho", "Bầu", "DB002"]]
    dataset = check_files([SourceFile("db.xlsx", workbook_bytes({"Đại biểu": rows}))]).dataset
    people, _ = assign(convened(dataset), ())
    assert [p.key for p in people] == ["code:db001", "code:db002"]
