"""Figure claims in a draft's prose: Vietnamese number forms, units, the words around a number."""

from __future__ import annotations

import pytest

from unionboard.analysis.draft_claims import number_value, prose_claims


def test_vietnamese_number_forms_and_missing_spaces():
    claims = {c.text: c for c in prose_claims(0, "Có 33đoàn viên, 100,61 triệu đồng, 15 nghìn đồng, 51,5%; "
                                                 "23 đồng chí; tháng 8/2016; văn bản 03-CT/TW.")}
    assert claims["33"].kind == "count" and claims["33"].after.startswith("doan vien")
    assert claims["100,61 triệu đồng"].value == pytest.approx(100_610_000)
    assert claims["15 nghìn đồng"].value == 15_000
    assert claims["51,5%"].value == 51.5 and claims["51,5%"].decimals == 1
    assert claims["23"].kind == "count"  # "đồng chí" is a person, not money
    assert "8" not in claims and "2016" not in claims and "03" not in claims


def test_number_forms():
    assert number_value("310.992.000") == (310992000, 0)
    assert number_value("100,61") == (100.61, 2)
    assert number_value("06") == (6, 0)


def test_item_numbers_and_unit_notes():
    claims = prose_claims(3, "3.5- Mỗi năm kết nạp 01 đoàn viên. * Phần thuĐVT: 1.000")
    kinds = [(c.text, c.kind) for c in claims]
    assert ("ĐVT: 1.000", "unit_note") in kinds and all(text != "3" for text, _ in kinds)
    note = next(c for c in claims if c.kind == "unit_note")
    assert note.value == 1000 and note.paragraph == 3
    assert [c.text for c in prose_claims(0, "Nhiệm kỳ 2012 - 2017")] == ["2012 - 2017"]
