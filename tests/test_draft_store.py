"""The last checked draft in the store (SQLite and PostgreSQL): kept with its check, stored once."""

from __future__ import annotations

from unionboard.analysis.draft_check import changed_claims, check_report
from unionboard.core.models import SourceFile
from unionboard.domains.loader import check_files
from unionboard.sample.report import sample_paths
from unionboard.store.drafts import DraftStore


def test_the_last_draft_is_kept_with_its_check_and_stored_once(store_url):
    files = tuple(SourceFile(p.name, p.read_bytes()) for p in sample_paths())
    result = check_files(files)
    draft = SourceFile("du-thao.txt", "Tổng số 33 đoàn viên, trong đó: 16 nam, 17 nữ.".encode())
    check = check_report(draft, result, files)
    store = DraftStore(store_url)
    assert store.last() is None
    first = store.save(draft, "v1", check, "Chị Lan")
    assert store.save(draft, "v1", check, "Chị Lan") == first  # the same submission twice: one row
    last = store.last()
    assert last.file == draft and last.data_key == "v1" and last.by == "Chị Lan" and last.at
    assert [c["text"] for c in last.claims] == ["33", "16", "17"]
    assert changed_claims(last.claims, check) == []
    finance_only = tuple(f for f in files if f.name == "tai-chinh.xlsx")
    other = check_report(draft, check_files(finance_only), finance_only)  # the same draft, other data
    assert [(then["status"], now["status"]) for then, now in changed_claims(last.claims, other)] == [
        ("match", "unverifiable")] * 3
    assert store.save(draft, "v2", check, "Anh Bình") != first
