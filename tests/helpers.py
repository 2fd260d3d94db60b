"""Test helpers shared by the test modules (datasette's fixtures.py / utils.py style).

- `home` (fixture): an isolated store folder, no database URL, no password or limits from the caller's
  environment; `committee` adds the committee password `PASSWORD`.
- `open_page(path, lang, signed_in)`: a page of the app in AppTest, run, checked for exceptions.
- `page_text(at)`: every text a page shows, of every element kind.
- Small model builders (`report_dataset`, `term_targets`, `sample_files`) and workbooks built in code
  (`workbook_bytes`).
- The live-server helpers of the browser tests (`app_env`, `running_app`, `wait_for_app`).

Import them with `from helpers import ...` (tests/ is on the path through conftest.py); never import
from conftest.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
APP = str(REPO_ROOT / "app.py")
SERVER_START_TIMEOUT = 60.0
APP_IDLE_TIMEOUT = 30.0
PASSWORD = "mat-khau-ban-chap-hanh"
# what a developer's shell may set that would leak into a test's app
_CALLER_SETTINGS = ("UNIONBOARD_DB_URL", "UNIONBOARD_COMMITTEE_PASSWORD_HASH", "UNIONBOARD_COMMITTEE_PASSWORD",
                    "UNIONBOARD_MAX_FILE_MB", "UNIONBOARD_MAX_UNPACKED_MB", "UNIONBOARD_MAX_READ_MB",
                    "UNIONBOARD_PUBLIC_URL")


# --------------------------------------------------------------------------- an isolated home


@pytest.fixture(name="home")
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """UNIONBOARD_HOME in tmp_path (a SQLite store of its own), none of the caller's settings; the store's
    engines are disposed after the test."""
    monkeypatch.setenv("UNIONBOARD_HOME", str(tmp_path))
    for name in _CALLER_SETTINGS:
        monkeypatch.delenv(name, raising=False)
    yield tmp_path
    from unionboard.store.versions import dispose_engines

    dispose_engines()


@pytest.fixture(name="committee")
def committee_password(home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The isolated home with the committee password `PASSWORD` configured."""
    monkeypatch.setenv("UNIONBOARD_COMMITTEE_PASSWORD", PASSWORD)
    return home


# --------------------------------------------------------------------------- pages in AppTest


def sign_in(at, password: str = PASSWORD, name: str = "Chị Lan"):
    """Sign in through the page's real committee form."""
    at.text_input(key="_committee_user").input(name)
    at.text_input(key="_committee_password").input(password)
    at.get("form_submit_button")[0].click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_page(path: str, lang: str = "vi", signed_in: bool = False, **query: str):
    """`app_pages/<name>.py` (or "name") opened through the app's navigation in AppTest, in `lang`, with
    `query` as the URL's query parameters; `signed_in` signs the committee in (needs the `committee`
    fixture). Fails on any exception the page raised."""
    from streamlit.testing.v1 import AppTest

    if "/" not in path:
        path = f"app_pages/{path.removesuffix('.py')}.py"
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(path)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return sign_in(at) if signed_in else at


_TEXT_KINDS = {"title", "header", "subheader", "markdown", "caption", "text", "code", "latex", "info",
               "warning", "error", "success", "toast", "exception", "json"}


def _texts_of(element) -> list[str]:
    """The texts one element shows: its body, its label, a metric's value and delta, a table's cells."""
    out: list[str] = []
    kind = getattr(element, "type", "")
    for name in ("label", "help") if kind not in _TEXT_KINDS else ():
        with contextlib.suppress(Exception):
            value = getattr(element, name)
            if isinstance(value, str) and value and name == "label":
                out.append(value)
    if kind in _TEXT_KINDS or kind == "metric":
        out.append(str(element.value))
    if kind == "metric":
        out.append(str(element.delta or ""))
    if kind in ("dataframe", "table"):
        with contextlib.suppress(Exception):
            out.append(element.value.to_string())
    if not out:  # an element AppTest does not model (badge, page link, ...): its proto's text fields
        proto = getattr(element, "proto", None)
        for name in ("label", "body", "text"):
            value = getattr(proto, name, None)
            if isinstance(value, str) and value:
                out.append(value)
    return out


def page_text(at) -> str:
    """Every text the page shows, in page order (main area and sidebar): text elements, alerts, captions,
    code, metrics (label, value, delta), widget, button, expander and tab labels, badges, table cells."""
    parts: list[str] = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            parts.extend(_texts_of(child))
            walk(child)

    walk(at._tree)
    return "\n".join(p for p in parts if p)


# --------------------------------------------------------------------------- small model builders


def member(name: str = "Nguyễn Văn An", year: int | None = 1985, **fields):
    """A Member with ordinary values (a man of 1985 in "Văn phòng", university, not in the Party);
    `fields` replace any of them."""
    from unionboard.core.models import Member

    values = {"gender": "Nam", "department": "Văn phòng", "education": "Đại học", "political_theory": "Chưa có",
              "party_member": False, **fields}
    return Member(name=name, birth_year=year, **values)


def roster(*members):
    """A Roster of `members`, as read from sheet "Đoàn viên" of ds.xlsx."""
    from unionboard.core.models import Roster

    return Roster.from_members(list(members), file="ds.xlsx", sheet="Đoàn viên")


def finance(*rows: tuple[str, int, int]):
    """A Finance of (side, year, amount) rows: revenue "Đoàn phí", spending "Hoạt động"."""
    from unionboard.core.models import Finance, FinanceEntry

    return Finance(entries=tuple(FinanceEntry(side, year, "Đoàn phí" if side == "revenue" else "Hoạt động", amount)
                                 for side, year, amount in rows))


def sample_files():
    """The bundled sample's workbooks as uploads (SourceFile)."""
    from unionboard.core.models import SourceFile
    from unionboard.sample.report import sample_paths

    return [SourceFile(p.name, p.read_bytes()) for p in sample_paths()]


def term_targets():
    """Two targets of the next term (a number and a rating), as models."""
    from unionboard.core.models import TermTarget

    return (
        TermTarget(code="3.5", text="Kết nạp ít nhất 1 đoàn viên vào Đảng mỗi năm",
                   group="Phối hợp thực hiện", unit="Người", term_target="1"),
        TermTarget(code="3.9", text="Công đoàn cơ sở đạt vững mạnh xuất sắc",
                   group="Công đoàn thực hiện", unit="Loại", term_target="Vững mạnh xuất sắc"),
    )


_EDUCATION = {"ThS": "Thạc sỹ", "Thạc sĩ": "Thạc sỹ"}
_THEORY = {"Cử nhân": "Cao cấp", None: "Chưa có"}


def report_dataset(**changes):
    """The report's data set built directly with the models (what the loader should produce from the
    sample workbooks), for tests of charts, findings, slides and exports that must not depend on parsing.
    Keyword arguments replace fields of the Dataset (e.g. term_targets=...)."""
    from unionboard.core.models import (
        Award,
        Dataset,
        Finance,
        FinanceEntry,
        Member,
        Roster,
        Target,
        UnionInfo,
    )
    from unionboard.core.text import parse_number
    from unionboard.sample import report as sample

    members = [
        Member(name=name, gender=gender, birth_year=birth, department=dept,
               education=_EDUCATION.get(edu, edu), political_theory=_THEORY.get(theory, theory),
               party_member=party == "x", role=role)
        for _, name, gender, birth, dept, edu, theory, party, role in sample.roster_rows()
    ]
    entries = [FinanceEntry(side, year, item, amount)
               for side, rows in (("revenue", sample.REVENUE), ("spending", sample.SPENDING))
               for item, amounts in rows
               for year, amount in zip(sample.YEARS, amounts, strict=True) if amount is not None]
    targets, group = [], ""
    for stt, text, unit, target, result, status in sample.TARGETS:
        group = stt or group
        targets.append(Target(group=group, text=text.lstrip("- ").strip(), unit=unit.strip(),
                              target=str(target), result=str(result), status=status,
                              target_value=parse_number(target), result_value=parse_number(result),
                              written_status=status, is_first_in_group=stt is not None))
    awards = []
    for year, form, level, recipient, count, note in sample.AWARDS:
        if isinstance(year, str):
            start, end = year.split("-")
            awards.append(Award(int(end), form, level, recipient, count, note, f"{start}–{end}"))
        else:
            awards.append(Award(year, form, level, recipient, count, note))
    info = dict(sample.UNION_INFO)
    fields = dict(
        members=Roster.from_members(members, file="doan-vien.xlsx", sheet="Đoàn viên"),
        finance=Finance(tuple(entries), written_closing_balance=sample.CLOSING_BALANCE),
        targets=tuple(targets),
        awards=tuple(awards),
        info=UnionInfo(name=info["Tên công đoàn"], congress=info["Đại hội lần thứ"],
                       reported_term=info["Nhiệm kỳ báo cáo"], next_term=info["Nhiệm kỳ tới"]),
    )
    fields.update(changes)
    return Dataset(**fields)


# --------------------------------------------------------------------------- workbooks and stores

MEMBER_HEADER = ["Họ và tên", "Giới tính", "Năm sinh", "Phòng/đơn vị", "Trình độ chuyên môn",
                 "Lý luận chính trị", "Đảng viên"]


ODS_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
                'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')


def ods_archive(content: str) -> bytes:
    """An .ods archive around a hand-written content.xml (mimetype first and stored, then the manifest)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    """An .xlsx with one sheet per entry (title → rows), built with openpyxl."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --------------------------------------------------------------------------- the live app (browser tests)


PORTS_PER_WORKER = 2000  # each pytest-xdist worker takes its servers' ports from a range of its own
FIRST_PORT = 20_000  # below Linux's ephemeral range (32768–60999), where outgoing connections take theirs


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now, from this worker's own range: two workers never pick
    the same one (a server that lost its port to another worker's would leave the test talking to that one)."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    start = FIRST_PORT + (int(worker) % 6 if worker.isdigit() else 0) * PORTS_PER_WORKER
    offset = (os.getpid() * 7919 + time.monotonic_ns()) % PORTS_PER_WORKER
    for step in range(PORTS_PER_WORKER):
        port = start + (offset + step) % PORTS_PER_WORKER
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port in {start}–{start + PORTS_PER_WORKER - 1}", pytrace=False)


def _app_path() -> Path:
    """Streamlit entry script: $UNIONBOARD_APP (absolute or repo-relative), default app.py."""
    p = Path(os.environ.get("UNIONBOARD_APP", "app.py"))
    if not p.is_absolute():
        p = REPO_ROOT / p
    return p


def _read(path: Path, limit: int = 20_000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-limit:]
    except OSError:
        return "<unreadable>"


def wait_for_app(page, timeout: float = APP_IDLE_TIMEOUT) -> None:
    """Block until Streamlit finished running the script, then assert it raised no exception.

    Waits for ``stApp``, then polls until the script state is ``notRunning`` and no
    ``stStatusWidget`` running indicator is visible (two consecutive idle polls, so a rerun
    that starts right after a widget interaction is not missed).
    """
    page.wait_for_selector('[data-testid="stApp"]', state="attached", timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    idle_polls = 0
    state = conn = None
    while True:
        app = page.locator('[data-testid="stApp"]').first
        state = app.get_attribute("data-test-script-state")
        conn = app.get_attribute("data-test-connection-state")
        if state == "compilationError":
            break
        running = state in {"initial", "running", "rerunRequested", "stopRequested"}
        running = running or page.locator('[data-testid="stStatusWidgetRunningIcon"]').is_visible()
        running = running or any(
            "running" in (w.inner_text(timeout=1000) or "").lower()
            for w in page.locator('[data-testid="stStatusWidget"]').all()
            if w.is_visible()
        )
        # Before the websocket connects the state attribute is absent/initial.
        if conn is not None and conn != "CONNECTED":
            running = True
        idle_polls = 0 if running else idle_polls + 1
        if idle_polls >= 2:
            break
        if time.monotonic() > deadline:
            raise AssertionError(
                f"Streamlit app still running after {timeout:.0f}s "
                f"(script-state={state!r}, connection-state={conn!r})"
            )
        page.wait_for_timeout(250)

    exceptions = page.locator('[data-testid="stException"]')
    if exceptions.count():
        texts = "\n---\n".join(e.inner_text() for e in exceptions.all())
        raise AssertionError(f"Streamlit app raised an exception:\n{texts}")
    assert state != "compilationError", "Streamlit script failed to compile"


def app_env(home: Path, **changes: str | None) -> dict[str, str]:
    """This process's environment for running the app with UNIONBOARD_HOME=home (the package importable
    from the checkout); `changes` set variables, a None value removes one."""
    env = os.environ.copy()
    env.update(UNIONBOARD_HOME=str(home), PYTHONUNBUFFERED="1",
               PYTHONPATH=os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")])))
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


@contextlib.contextmanager
def running_app(env: dict[str, str], logs: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with `env`, once /_stcore/health answers "ok"; yields the
    base URL, fails the test with the server's output if it does not start or dies, stops it after."""
    app = _app_path()
    if not app.is_file():
        pytest.fail(f"Streamlit entry script not found: {app} (set UNIONBOARD_APP to override)", pytrace=False)
    out_path, err_path = logs / "stdout.log", logs / "stderr.log"
    port = free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(app),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
    ]  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(
            cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=err, start_new_session=True
        )

        def fail(msg: str) -> None:
            pytest.fail(
                f"{msg}\ncommand: {' '.join(cmd)}\n--- stderr ---\n{_read(err_path)}"
                f"\n--- stdout ---\n{_read(out_path)}",
                pytrace=False,
            )

        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while True:
                if proc.poll() is not None:
                    fail(f"Streamlit server exited early with code {proc.returncode}")
                try:
                    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as r:
                        if r.status == 200 and r.read().decode().strip() == "ok":
                            break
                except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
                    pass
                if time.monotonic() > deadline:
                    fail(f"Streamlit server not healthy after {SERVER_START_TIMEOUT:.0f}s")
                time.sleep(0.25)

            yield base

            if proc.poll() is not None:
                fail(f"Streamlit server died during the session (code {proc.returncode})")
        finally:
            _kill_group(proc)


def _kill_group(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def vietnamese_separators(text: str) -> list[str]:
    """Figures written the Vietnamese way — dot thousands ("18.777.000") or a decimal comma ("51,5%") —
    in a text that should be English (its figures "18,777,000", "51.5%")."""
    import re

    return re.findall(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,])|(?<![\d.,])\d+,\d{1,2}(?![\d,])%?", text)


def english_separators(text: str) -> list[str]:
    """Figures written the English way — comma thousands ("18,777,000") or a decimal point ("51.5%")."""
    import re

    return re.findall(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d.,])|(?<![\d.,])\d+\.\d{1,2}(?![\d.])%?", text)
