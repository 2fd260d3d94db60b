"""The store's command-line contract (publish, history --json, rollback, check --current, hash-password)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from helpers import MEMBER_HEADER, workbook_bytes
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

REPO_ROOT = Path(__file__).resolve().parent.parent
def write_xlsx(path: Path, sheets: dict[str, list[list]]) -> Path:
    path.write_bytes(workbook_bytes(sheets))
    return path


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    d = tmp_path / "in"
    d.mkdir()
    members = [MEMBER_HEADER] + [[f"Người {i}", "Nam" if i % 2 else "Nữ", 1975 + i, "Văn phòng", "Đại học",
                                  "Sơ cấp", "x" if i % 3 == 0 else ""] for i in range(6)]
    bigger = members + [["Người mới", "Nữ", 1990, "Văn phòng", "Thạc sỹ", "Chưa có", ""]]
    return {
        "members": write_xlsx(d / "doan-vien.xlsx", {"Đoàn viên": members}),
        "members2": write_xlsx(d / "doan-vien-moi.xlsx", {"Đoàn viên": bigger}),
        "targets": write_xlsx(d / "chi-tieu.xlsx", {"Chỉ tiêu": [
            ["STT", "Nội dung", "ĐVT", "Mục tiêu", "Kết quả"],
            ["1", "Phát động thi đua", "Đợt", 5, 6]]}),
        "bad": write_xlsx(d / "loi.xlsx", {"Đoàn viên": [MEMBER_HEADER[1:5],  # no names: refused
                                                          ["Nam", 1980, "P1", "Đại học"]]}),
    }


def run(env: dict[str, str], *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "unionboard", *args], cwd=REPO_ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=180, start_new_session=True)


def last_line(proc: subprocess.CompletedProcess) -> str:
    return proc.stdout.strip().splitlines()[-1]


@pytest.fixture
def env(tmp_path) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith("UNIONBOARD_")}
    out["UNIONBOARD_HOME"] = str(tmp_path / "home")
    out["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))
    return out


def test_publish_history_rollback_check_current(env, files, tmp_path):
    # Nothing published yet.
    proc = run(env, "check", "--current", "--json")
    assert proc.returncode == 1 and "Chưa có phiên bản" in proc.stderr
    proc = run(env, "history", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout) == []

    proc = run(env, "publish", str(files["members"]), "--by", "Chủ tịch", "--comment", "lần đầu")
    assert proc.returncode == 0, proc.stderr
    v1 = int(last_line(proc))
    assert (tmp_path / "home" / "unionboard.db").is_file()

    proc = run(env, "publish", str(files["targets"]), "--by", "Phó chủ tịch")
    assert proc.returncode == 0, proc.stderr
    v2 = int(last_line(proc))
    assert v2 > v1

    history = json.loads(run(env, "history", "--json").stdout)
    assert [h["id"] for h in history] == [v2, v1]
    for h in history:
        assert {"id", "created_at", "by", "comment", "sha256", "current", "files"} <= set(h)
        assert h["created_at"].endswith("+00:00") and len(h["sha256"]) == 64
    assert [h["current"] for h in history] == [True, False]
    assert history[1]["by"] == "Chủ tịch"
    assert history[1]["comment"] == "lần đầu" and history[1]["files"] == ["doan-vien.xlsx"]
    assert history[0]["files"] == ["chi-tieu.xlsx"] and history[0]["action"] == "publish"

    # check --current gives the same JSON as check on the equivalent files.
    current = run(env, "check", "--current", "--json")
    direct = run(env, "check", "--json", str(files["targets"]), str(files["members"]))
    assert current.returncode == 0 and json.loads(current.stdout) == json.loads(direct.stdout)
    assert json.loads(current.stdout)["members"]["total"] == 6

    # Identical upload: exit 0, the current id, a note on stderr, nothing new.
    proc = run(env, "publish", str(files["targets"]))
    assert proc.returncode == 0 and int(last_line(proc)) == v2 and "giống hệt" in proc.stderr
    assert len(json.loads(run(env, "history", "--json").stdout)) == 2

    # Errors: exit 1, issues with file › sheet › cell, nothing stored.
    proc = run(env, "publish", str(files["bad"]), str(files["members2"]))
    assert proc.returncode == 1
    assert "loi.xlsx › Đoàn viên › A1" in proc.stderr and "KHÔNG LƯU" in proc.stderr
    assert len(json.loads(run(env, "history", "--json").stdout)) == 2
    proc = run(env, "publish", str(tmp_path / "khong-co.xlsx"))
    assert proc.returncode == 1 and "Không mở được" in proc.stderr

    proc = run(env, "publish", str(files["members2"]))
    v3 = int(last_line(proc))
    assert json.loads(run(env, "check", "--current", "--json").stdout)["members"]["total"] == 7

    # Rollback to v1: members back to 6, targets gone (v1 had none); recorded; v3 still listed.
    proc = run(env, "rollback", str(v1), "--by", "Chủ tịch")
    assert proc.returncode == 0, proc.stderr
    assert int(last_line(proc)) == v1
    history = json.loads(run(env, "history", "--json").stdout)
    assert [h["id"] for h in history] == [v3, v2, v1]
    assert [h["current"] for h in history] == [False, False, True]
    data = json.loads(run(env, "check", "--current", "--json").stdout)
    assert data["members"]["total"] == 6 and data["targets"] is None

    proc = run(env, "rollback", "999")
    assert proc.returncode == 1 and "Không có phiên bản số 999" in proc.stderr

    text_history = run(env, "history")
    assert text_history.returncode == 0 and "hiện hành" in text_history.stdout
    # the rollback is listed: who, when, from which version to which — first, as the newest line
    first = text_history.stdout.splitlines()[0]
    assert first.startswith("↺") and "Chủ tịch" in first and f"[khôi phục] từ #{v3} về #{v1}" in first
    history = json.loads(run(env, "history", "--json").stdout)
    assert [len(h["rollbacks"]) for h in history] == [0, 0, 1]  # a key added to each version, none changed
    assert {k: history[2]["rollbacks"][0][k] for k in ("by", "from_version", "to_version")} == {
        "by": "Chủ tịch", "from_version": v3, "to_version": v1}


def test_cli_honours_db_url_with_plain_postgresql_scheme(env, files, pg_url):
    schema = f"cli_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(pg_url).set(drivername="postgresql").update_query_dict(
            {"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
        assert url.startswith("postgresql://")
        env = {**env, "UNIONBOARD_DB_URL": url}
        proc = run(env, "publish", str(files["members"]))
        assert proc.returncode == 0, proc.stderr
        vid = int(last_line(proc))
        history = json.loads(run(env, "history", "--json").stdout)
        assert [h["id"] for h in history] == [vid]
        assert json.loads(run(env, "check", "--current", "--json").stdout)["members"]["total"] == 6
        # Nothing went to the SQLite file in UNIONBOARD_HOME.
        assert not (Path(env["UNIONBOARD_HOME"]) / "unionboard.db").exists()
        with admin.connect() as conn:
            count = conn.execute(text(f'SELECT count(*) FROM "{schema}".versions')).scalar()
        assert count == 1
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def test_hash_password_command(env):
    from unionboard.store.auth import verify_password

    proc = run(env, "hash-password", stdin="mật khẩu bí mật\n")
    assert proc.returncode == 0, proc.stderr
    hashed = last_line(proc)
    assert hashed.startswith("scrypt$") and "mật khẩu" not in proc.stdout + proc.stderr
    assert verify_password("mật khẩu bí mật", hashed)
    assert "password_hash" in proc.stderr
    short = run(env, "hash-password", stdin="ngan\n")
    assert short.returncode == 1 and "quá ngắn" in short.stderr
