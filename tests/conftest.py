"""Shared pytest fixtures: a live Streamlit server, a real Chromium (Playwright), PostgreSQL URL.

Run the whole suite with ``bash scripts/test.sh`` (installs chromium/postgresql if needed and
starts a throwaway PostgreSQL cluster).  Browser tests are NOT skipped when something is
missing: they fail loudly.
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
ARTIFACTS_DIR = REPO_ROOT / "tests" / "artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60.0
APP_IDLE_TIMEOUT = 30.0

BROWSER_FIXTURES = {"browser", "page", "streamlit_server"}
POSTGRES_FIXTURES = {"pg_url"}


# --------------------------------------------------------------------------- markers


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Auto-apply ``browser`` / ``postgres`` markers from the fixtures a test uses.

    Markers are only for selection (``-m "not browser"`` for a quick local loop); nothing is
    skipped by default.
    """
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & BROWSER_FIXTURES and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
        if names & POSTGRES_FIXTURES and item.get_closest_marker("postgres") is None:
            item.add_marker(pytest.mark.postgres)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    # Remember the outcome of each phase so the ``page`` fixture can screenshot failures.
    rep = yield
    setattr(item, f"rep_{rep.when}", rep)
    return rep


# --------------------------------------------------------------------------- helpers


def free_port() -> int:
    """A TCP port that is free on 127.0.0.1 right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``tests/artifacts/`` (git-ignored) for screenshots and other test output."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


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


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run the Streamlit app on a free port; yields base URL ``http://127.0.0.1:PORT``."""
    home = tmp_path_factory.mktemp("unionboard_home")
    with running_app(app_env(home), tmp_path_factory.mktemp("streamlit_logs")) as base:
        yield base


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


@pytest.fixture(scope="session")
def browser():
    """Headless Debian chromium driven by Playwright (sync API). Fails if chromium is absent."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} not found: run `bash scripts/test.sh` (it installs chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as e:  # pragma: no cover
        pytest.fail(f"playwright not installed ({e}): run `bash scripts/test.sh`")
    pw = sync_playwright().start()
    try:
        b = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture
def viewport_page(browser, request: pytest.FixtureRequest, artifacts_dir: Path):
    """A factory of pages of a given viewport size (vi-VN), each in a fresh browser context closed after
    the test: the hall at 1280×720 or 1920×1080, a phone at 390×844, two devices at once. Each page's
    screenshot is saved when the test fails."""
    contexts, pages = [], []

    def make(width: int = 1280, height: int = 720):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
        context.set_default_timeout(30_000)
        contexts.append(context)
        pages.append(context.new_page())
        return pages[-1]

    yield make
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
        for n, pg in enumerate(pages):
            with contextlib.suppress(Exception):  # best effort
                pg.screenshot(path=str(artifacts_dir / f"FAILED-{name}-{n}.png"), full_page=True)
    for context in contexts:
        context.close()


@pytest.fixture
def page(browser, request: pytest.FixtureRequest, artifacts_dir: Path):
    """Fresh browser context (1440x900, vi-VN) + page; screenshot saved on test failure."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="vi-VN")
    context.set_default_timeout(30_000)
    pg = context.new_page()
    try:
        yield pg
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed:
            name = "".join(c if c.isalnum() or c in "-_." else "_" for c in request.node.nodeid)
            with contextlib.suppress(Exception):  # best effort
                pg.screenshot(path=str(artifacts_dir / f"FAILED-{name}.png"), full_page=True)
    finally:
        context.close()


@pytest.fixture(scope="session")
def pg_url() -> str:
    """SQLAlchemy URL of the throwaway PostgreSQL database started by scripts/test.sh."""
    url = os.environ.get("UNIONBOARD_TEST_PG_URL")
    if not url:
        pytest.fail(
            "UNIONBOARD_TEST_PG_URL is not set: run the suite with `bash scripts/test.sh`, "
            "which starts a throwaway PostgreSQL cluster and exports it",
            pytrace=False,
        )
    return url


# --------------------------------------------------------------------------- the report as models

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


@pytest.fixture(scope="session")
def pg_admin(request):
    """An engine on the throwaway PostgreSQL (only created when a postgres test runs)."""
    from sqlalchemy import create_engine

    engine = create_engine(request.getfixturevalue("pg_url"))
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request, tmp_path):
    """A URL of an empty store: a SQLite file in tmp_path, or a fresh schema on the throwaway PostgreSQL."""
    import uuid

    from sqlalchemy import make_url, text

    from unionboard.store.versions import dispose_engines

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'unionboard.db'}"
        dispose_engines()
        return
    admin = request.getfixturevalue("pg_admin")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(request.getfixturevalue("pg_url")).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        dispose_engines()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
