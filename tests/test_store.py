"""The versioned store on real SQLite files and on a real PostgreSQL (scripts/test.sh starts one)."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import subprocess
import sys
import textwrap
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path

import pytest
from helpers import MEMBER_HEADER, workbook_bytes
from sqlalchemy import func, select

from unionboard.core.models import SourceFile, UnionInfo
from unionboard.publish import publish_files
from unionboard.store import versions as store_mod
from unionboard.store.versions import (
    InjectedFault,
    StaleVersion,
    Store,
    StoreError,
    UnknownVersion,
    dispose_engines,
    files_table,
    normalize_url,
    open_store,
)

REPO_ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------- workbooks

def member_rows(n: int, tag: str = "") -> list[list]:
    genders = ("Nam", "Nữ")
    return [MEMBER_HEADER] + [
        [f"Đoàn viên {tag}{i + 1}", genders[i % 2], 1970 + i % 30, f"Phòng {i % 3 + 1}", "Đại học",
         "Sơ cấp", "x" if i % 2 else ""] for i in range(n)]


def roster(n: int = 3, tag: str = "", name: str = "doan-vien.xlsx", info: str | None = None) -> SourceFile:
    sheets = {"Đoàn viên": member_rows(n, tag)}
    if info is not None:
        sheets["Thông tin"] = [["Tên công đoàn", info], ["Đại hội lần thứ", "V"]]
    return SourceFile(name, workbook_bytes(sheets))


def targets(tag: str = "", name: str = "chi-tieu.xlsx") -> SourceFile:
    return SourceFile(name, workbook_bytes({"Chỉ tiêu": [
        ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả", "Đánh giá"],
        ["1", f"Tổ chức phát động thi đua {tag}", "Đợt", 5, 5, "Đạt"],
        ["2", "Kết nạp đảng viên", "Người", 2, 4, "Vượt"],
    ]}))


def awards(tag: str = "", name: str = "khen-thuong.xlsx") -> SourceFile:
    return SourceFile(name, workbook_bytes({"Khen thưởng": [
        ["Năm", "Hình thức", "Cấp", "Đối tượng", "Số lượng", "Ghi chú"],
        [2015, "Bằng khen", "Tỉnh", "Tập thể", 1, tag],
        [2016, "Sáng kiến", "Cơ sở", "Cá nhân", 3, ""],
    ]}))


def info(union: str = "Công đoàn cơ sở Thử nghiệm", name: str = "thong-tin.xlsx") -> SourceFile:
    return SourceFile(name, workbook_bytes({"Thông tin": [["Tên công đoàn", union], ["Đại hội lần thứ", "IV"],
                                                ["Nhiệm kỳ báo cáo", "2012–2017"]]}))


def bad_roster(name: str = "loi.xlsx") -> SourceFile:
    """A roster without its one required column (the names): the loader reports an error."""
    rows = [MEMBER_HEADER[1:5]] + [["Nam", 1980, "Phòng 1", "Đại học"]]
    return SourceFile(name, workbook_bytes({"Đoàn viên": rows}))


# --------------------------------------------------------------------------- stores


@pytest.fixture
def store(store_url) -> Store:
    return open_store(store_url)


def file_rows(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(select(func.count()).select_from(files_table)).scalar_one()


def state(store: Store):
    """Everything a reader sees, to compare before/after a failed publish."""
    result = store.current_result()
    return ([v.to_dict() for v in store.history()], store.current_files_and_domains(), file_rows(store),
            None if result is None else (result.ok, result.dataset.domains(), len(result.dataset.members or ())))


# --------------------------------------------------------------------------- basics


def test_empty_store(store):
    assert store.current_version() is None
    assert store.current_id() is None
    assert store.current_result() is None
    assert store.history() == []
    assert store.current_files_and_domains() == ()
    assert store.settings() == {}


def test_publish_then_history_and_current(store):
    f = roster(5)
    out = publish_files(store, [f], by="Chủ tịch", comment="Danh sách tháng 10")
    assert out.created and out.reason == "created" and out.ok and out.result.ok
    assert isinstance(out.version_id, int) and out.current_id == out.version_id
    [v] = store.history()
    assert v.id == out.version_id and v.current and v.by == "Chủ tịch"
    assert v.comment == "Danh sách tháng 10" and v.action == "publish" and v.parent_id is None
    assert v.files == ["doan-vien.xlsx"] and v.domains == {"members": ["doan-vien.xlsx"]}
    assert len(v.sha256) == 64
    created = dt.datetime.fromisoformat(v.created_at)
    assert created.utcoffset() == dt.timedelta(0)
    assert abs((dt.datetime.now(dt.UTC) - created).total_seconds()) < 120
    assert store.current_version() == v
    result = store.current_result()
    assert result.ok and result.dataset.domains() == ("members",) and len(result.dataset.members) == 5
    assert store.summary_of(v.id)["members"]["total"] == 5
    assert store.current_files_and_domains() == ((f.sha256, ("members",)),)


def test_errors_store_nothing(store):
    first = publish_files(store, [roster(2)], by="a")
    before = state(store)
    out = publish_files(store, [bad_roster(), targets()], by="b")
    assert not out.created and out.reason == "errors" and out.version_id is None
    assert out.result.errors and out.current_id == first.version_id
    assert state(store) == before
    out = publish_files(store, [SourceFile("khong-phai-excel.xlsx", b"hello, not a workbook")], by="b")
    assert out.reason == "errors" and state(store) == before


def test_two_different_files_with_one_name_are_refused(store):
    out = publish_files(store, [roster(2, name="a.xlsx"), targets(name="a.xlsx")], by="a")
    assert out.reason == "errors" and "cùng tên" in out.result.errors[-1].message
    assert store.history() == []


def test_carry_over_replaces_only_uploaded_domains(store):
    members_v1, targets_v2, members_v3 = roster(3, "a"), targets(), roster(7, "b", name="moi.xlsx")
    v1 = publish_files(store, [members_v1], by="a").version_id
    v2 = publish_files(store, [targets_v2], by="b").version_id
    info2 = store.version(v2)
    assert info2.files == ["chi-tieu.xlsx"] and info2.parent_id == v1
    assert info2.domains == {"members": ["doan-vien.xlsx"], "targets": ["chi-tieu.xlsx"]}
    result = store.current_result()
    assert set(result.dataset.domains()) == {"members", "targets"} and len(result.dataset.members) == 3
    v3 = publish_files(store, [members_v3], by="c").version_id
    assert store.version(v3).domains == {"members": ["moi.xlsx"], "targets": ["chi-tieu.xlsx"]}
    result = store.current_result()
    assert set(result.dataset.domains()) == {"members", "targets"} and len(result.dataset.members) == 7
    assert store.domain_files(v3) == {"members": members_v3, "targets": targets_v2}
    assert store.domain_files(v1) == {"members": members_v1}
    summary = store.summary_of(v3)
    assert summary["members"]["total"] == 7 and summary["targets"]["total"] == 2
    # The old version is still whole.
    assert len(store.result_of(v1).dataset.members) == 3


def test_one_file_may_supply_several_domains_and_info(store):
    both = SourceFile("tat-ca.xlsx", workbook_bytes({"Đoàn viên": member_rows(4),
                                           "Thông tin": [["Tên công đoàn", "Công đoàn A"]],
                                           "Khen thưởng": [["Năm", "Hình thức", "Cấp", "Đối tượng"],
                                                           [2015, "Bằng khen", "Tỉnh", "Tập thể"]]}))
    v1 = publish_files(store, [both], by="a").version_id
    assert store.version(v1).domains == {"members": ["tat-ca.xlsx"], "awards": ["tat-ca.xlsx"],
                                         "info": ["tat-ca.xlsx"]}
    assert store.current_result().dataset.info.name == "Công đoàn A"
    # A newer info file replaces the info only; the old file's info sheet no longer counts.
    publish_files(store, [info("Công đoàn B")], by="b")
    result = store.current_result()
    assert result.dataset.info == UnionInfo(name="Công đoàn B", congress="IV", reported_term="2012–2017")
    assert set(result.dataset.domains()) == {"members", "awards"}
    # A newer awards file: the roster still comes from the first file, only for members.
    publish_files(store, [awards("mới")], by="c")
    result = store.current_result()
    assert len(result.dataset.members) == 4 and result.dataset.awards[0].note == "mới"
    assert result.dataset.info.name == "Công đoàn B"
    assert dict(store.current_files_and_domains())[both.sha256] == ("members",)


def test_several_files_at_once_with_info(store):
    out = publish_files(store, [roster(3), info("Công đoàn C"), targets()], by="a")
    v = store.version(out.version_id)
    assert v.files == ["doan-vien.xlsx", "thong-tin.xlsx", "chi-tieu.xlsx"]
    assert v.domains == {"members": ["doan-vien.xlsx"], "targets": ["chi-tieu.xlsx"], "info": ["thong-tin.xlsx"]}
    assert store.current_result().dataset.info.name == "Công đoàn C"


def test_identical_upload_creates_nothing(store):
    a, b = roster(3), targets()
    v1 = publish_files(store, [a, b], by="x").version_id
    rows = file_rows(store)
    again = publish_files(store, [a, b], by="y")
    assert not again.created and again.reason == "identical" and again.ok
    assert again.version_id == v1 == again.current_id
    # Same bytes under another name, or only part of the current data: still identical.
    assert publish_files(store, [SourceFile("ban-sao.xlsx", a.data)], by="y").reason == "identical"
    assert publish_files(store, [b], by="y").reason == "identical"
    assert [v.id for v in store.history()] == [v1] and file_rows(store) == rows


def test_files_are_deduplicated_by_content(store):
    a, b = roster(3), targets()
    publish_files(store, [a], by="x")
    publish_files(store, [b], by="x")
    publish_files(store, [roster(4, "khác")], by="x")
    v4 = publish_files(store, [SourceFile("lai.xlsx", a.data)], by="x")  # back to the first roster's bytes
    assert v4.created
    assert file_rows(store) == 3
    assert store.files_of(v4.version_id) == [SourceFile("lai.xlsx", a.data)]


def test_originals_download_byte_identical(store):
    a, b = roster(6), awards()
    v1 = publish_files(store, [a, b], by="x").version_id
    v2 = publish_files(store, [targets()], by="x").version_id
    got = store.files_of(v1)
    assert [f.name for f in got] == [a.name, b.name]
    assert [f.data for f in got] == [a.data, b.data]
    assert [f.sha256 for f in got] == [a.sha256, b.sha256]
    assert [f.name for f in store.files_of(v2)] == ["chi-tieu.xlsx"]  # only what was uploaded then
    with pytest.raises(UnknownVersion):
        store.files_of(12345)


def test_rollback_moves_pointer_and_is_recorded(store):
    v1 = publish_files(store, [roster(3)], by="a").version_id
    v2 = publish_files(store, [roster(9, "b")], by="b").version_id
    info_v1 = store.rollback(v1, by="Chủ tịch", comment="nhầm tệp")
    assert info_v1.id == v1 and info_v1.current
    assert store.current_id() == v1
    history = store.history()
    assert [v.id for v in history] == [v2, v1]  # append-only: nothing deleted
    assert [v.current for v in history] == [False, True]
    [event] = store.events()
    assert (event.action, event.by, event.from_version, event.to_version, event.comment) == \
        ("rollback", "Chủ tịch", v2, v1, "nhầm tệp")
    assert len(store.current_result().dataset.members) == 3
    # Rolling back to the current version records nothing.
    store.rollback(v1, by="x")
    assert len(store.events()) == 1
    # Publishing after a rollback carries over from the version rolled back to.
    v3 = publish_files(store, [targets()], by="c").version_id
    assert store.version(v3).parent_id == v1
    assert len(store.current_result().dataset.members) == 3
    with pytest.raises(UnknownVersion):
        store.rollback(999, by="x")
    assert store.current_id() == v3


def test_stale_preview_is_detected(store):
    v1 = publish_files(store, [roster(3)], by="a").version_id
    v2 = publish_files(store, [targets()], by="b", expected_current=v1)
    assert v2.created
    stale = publish_files(store, [awards()], by="c", expected_current=v1)
    assert stale.stale and not stale.created and stale.version_id is None
    assert stale.current_id == v2.version_id and stale.result.ok
    assert store.current_id() == v2.version_id and len(store.history()) == 2
    assert publish_files(store, [awards()], by="c", expected_current=v2.version_id).created

def test_stale_preview_of_an_empty_store(store):
    assert publish_files(store, [roster(2)], by="a", expected_current=0).created  # 0: nothing published yet
    assert publish_files(store, [targets()], by="b", expected_current=0).stale


def test_settings_are_versioned_and_carried_over(store):
    with pytest.raises(StoreError):
        store.publish_setting("slide_order", [3, 1, 2], by="a")
    v1 = publish_files(store, [roster(3)], by="a").version_id
    edit = store.publish_setting("slide_order", [3, 1, 2], by="b")
    assert edit.action == "edit" and edit.parent_id == v1 and edit.current and edit.files == []
    assert edit.domains == store.version(v1).domains and edit.sha256 == store.version(v1).sha256
    assert store.get_setting("slide_order") == [3, 1, 2]
    assert store.get_setting("slide_order", version_id=v1) is None
    assert store.get_setting("missing", "mặc định") == "mặc định"
    # Same value: nothing new.
    assert store.publish_setting("slide_order", [3, 1, 2], by="b").id == edit.id
    v3 = publish_files(store, [targets()], by="c").version_id
    assert store.settings(v3) == {"slide_order": [3, 1, 2]}
    assert set(store.current_result().dataset.domains()) == {"members", "targets"}
    store.rollback(v1, by="d")
    assert store.get_setting("slide_order") is None
    with pytest.raises(StaleVersion):
        store.publish_setting("slide_order", [1], by="e", expected_current=v3)
    removed = store.publish_setting("theme", {"dark": True}, by="e")
    assert store.settings() == {"theme": {"dark": True}}
    store.publish_setting("theme", None, by="e")
    assert store.settings() == {} and store.current_id() != removed.id


# --------------------------------------------------------------------------- atomicity


@pytest.mark.parametrize("stage", store_mod.FAULT_STAGES)
def test_failure_midway_changes_nothing(store_url, stage):
    store = open_store(store_url)
    v1 = publish_files(store, [roster(3), info("Công đoàn X")], by="a").version_id
    store.publish_setting("slide_order", [1, 2], by="a")
    before = state(store)
    failing = Store(store_url, fail_after=stage)
    with pytest.raises(InjectedFault):
        publish_files(failing, [roster(8, "mới"), targets()], by="b")
    assert state(store) == before
    assert store.current_result().dataset.info.name == "Công đoàn X"
    assert [f.name for f in store.files_of(v1)] == ["doan-vien.xlsx", "thong-tin.xlsx"]
    # The module-level hook works the same way (and is how a crash is simulated elsewhere).

    def boom(at: str) -> None:
        if at == stage:
            raise RuntimeError("mất điện")

    store_mod._FAULT_INJECTION = boom
    try:
        with pytest.raises(RuntimeError, match="mất điện"):
            publish_files(store, [awards()], by="c")
        if stage == "version":
            with pytest.raises(RuntimeError, match="mất điện"):
                store.publish_setting("slide_order", [2, 1], by="c")
    finally:
        store_mod._FAULT_INJECTION = None
    assert state(store) == before
    # And the store still works afterwards.
    out = publish_files(store, [awards()], by="c")
    assert out.created and set(store.current_result().dataset.domains()) == {"members", "awards"}


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys
    from unionboard.store import versions as S
    from unionboard.core.models import SourceFile
    from unionboard.publish import publish_files

    url, stage, path = sys.argv[1:4]

    def die(at):
        if at == stage:
            os.kill(os.getpid(), signal.SIGKILL)

    S._FAULT_INJECTION = die
    data = open(path, "rb").read()
    publish_files(S.open_store(url), [SourceFile("moi.xlsx", data)], by="killed")
    print("not killed")
""")


@pytest.mark.parametrize("stage", store_mod.FAULT_STAGES)
def test_killed_process_midway_leaves_previous_version(store_url, stage, tmp_path):
    store = open_store(store_url)
    first = roster(3)
    v1 = publish_files(store, [first], by="a").version_id
    before = state(store)
    path = tmp_path / "moi.xlsx"
    path.write_bytes(roster(12, "mới").data)
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, store_url, stage, str(path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == -9, proc.stderr
    # A brand-new process-level view of the database (as after a restart).
    dispose_engines()
    fresh = open_store(store_url)
    assert fresh.current_id() == v1
    assert state(fresh) == before
    assert fresh.files_of(v1) == [first]
    assert len(fresh.current_result().dataset.members) == 3
    # Nothing is left locked.
    assert publish_files(fresh, [path_file(path)], by="b").created


def path_file(path: Path) -> SourceFile:
    return SourceFile(path.name, path.read_bytes())


# --------------------------------------------------------------------------- concurrency


def _uploads_for_concurrency() -> list[SourceFile]:
    """Two publishers per domain, every file different."""
    return [roster(3, "a", name="dv-a.xlsx"), roster(4, "b", name="dv-b.xlsx"),
            targets("a", name="ct-a.xlsx"), targets("b", name="ct-b.xlsx"),
            awards("a", name="kt-a.xlsx"), awards("b", name="kt-b.xlsx"),
            info("Công đoàn A", name="tt-a.xlsx"), info("Công đoàn B", name="tt-b.xlsx")]


def _assert_no_lost_update(store: Store, uploads: list[SourceFile]) -> None:
    history = store.history()
    assert len(history) == len(uploads)  # every publish is in the history
    assert sorted(f for v in history for f in v.files) == sorted(f.name for f in uploads)
    chain = sorted(history, key=lambda v: v.id)
    assert chain[0].parent_id is None
    for prev, nxt in zip(chain, chain[1:], strict=False):
        assert nxt.parent_id == prev.id  # each publish saw the one before it
        assert set(prev.domains) <= set(nxt.domains)  # nothing dropped on the way
    current = store.current_version()
    assert current.id == chain[-1].id
    assert set(current.domains) == {"members", "targets", "awards", "info"}
    result = store.current_result()
    assert result.ok and set(result.dataset.domains()) == {"members", "targets", "awards"}
    assert result.dataset.info.name in ("Công đoàn A", "Công đoàn B")


def test_concurrent_publishing_threads(store_url):
    store = open_store(store_url)
    uploads = _uploads_for_concurrency()
    barrier = threading.Barrier(len(uploads))

    def work(f: SourceFile):
        barrier.wait(timeout=60)
        return publish_files(open_store(store_url), [f], by=f.name)

    with ThreadPoolExecutor(len(uploads)) as pool:
        outcomes = list(pool.map(work, uploads))
    assert all(o.created for o in outcomes), [(o.reason, o.result.issues) for o in outcomes]
    assert len({o.version_id for o in outcomes}) == len(uploads)
    _assert_no_lost_update(store, uploads)


def _publish_in_process(url: str, name: str, data: bytes, barrier) -> tuple[str, int | None]:
    from unionboard.store.versions import open_store as _open

    barrier.wait(timeout=120)
    out = publish_files(_open(url), [SourceFile(name, data)], by=name)
    return out.reason, out.version_id


def test_concurrent_publishing_processes(store_url):
    open_store(store_url)  # schema exists before the workers start
    uploads = _uploads_for_concurrency()
    ctx = multiprocessing.get_context("spawn")
    with ctx.Manager() as manager:
        barrier = manager.Barrier(len(uploads))
        with ProcessPoolExecutor(len(uploads), mp_context=ctx) as pool:
            futures = [pool.submit(_publish_in_process, store_url, f.name, f.data, barrier) for f in uploads]
            outcomes = [f.result(timeout=300) for f in futures]
    assert [r for r, _ in outcomes] == ["created"] * len(uploads)
    assert len({v for _, v in outcomes}) == len(uploads)
    _assert_no_lost_update(open_store(store_url), uploads)


# --------------------------------------------------------------------------- configuration


def test_urls_and_environment(tmp_path, monkeypatch):
    assert normalize_url("postgresql://u@h:5/db") == "postgresql+psycopg://u@h:5/db"
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"
    home = tmp_path / "nha"
    monkeypatch.delenv("UNIONBOARD_DB_URL", raising=False)
    monkeypatch.setenv("UNIONBOARD_HOME", str(home))
    try:
        s = open_store()
        assert s.url == f"sqlite:///{home / 'unionboard.db'}"
        publish_files(s, [roster(2)], by="a")
        assert (home / "unionboard.db").is_file()
        other = tmp_path / "khac.db"
        monkeypatch.setenv("UNIONBOARD_DB_URL", f"sqlite:///{other}")
        assert open_store().url == f"sqlite:///{other}" and open_store().history() == []
    finally:
        dispose_engines()


def test_sqlite_pragmas(tmp_path):
    s = open_store(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        with s.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar().lower() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 30000
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        dispose_engines()


def test_default_home_is_the_git_ignored_folder(monkeypatch):
    monkeypatch.delenv("UNIONBOARD_HOME", raising=False)
    assert store_mod.default_home() == REPO_ROOT / ".unionboard"
    assert ".unionboard/" in (REPO_ROOT / ".gitignore").read_text()
