"""Shared pytest fixtures: a live Streamlit server, a real Chromium (Playwright), PostgreSQL URL.

Run the whole suite with ``bash scripts/test.sh`` (installs chromium/postgresql if needed and
starts a throwaway PostgreSQL cluster).  Browser tests are NOT skipped when something is
missing: they fail loudly.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import REPO_ROOT, app_env, committee_password, isolated_home, running_app  # noqa: F401 (fixtures)

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


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``tests/artifacts/`` (git-ignored) for screenshots and other test output."""
    ARTIFACTS_DIR.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS_DIR


@pytest.fixture(scope="session")
def streamlit_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Run the Streamlit app on a free port; yields base URL ``http://127.0.0.1:PORT``."""
    home = tmp_path_factory.mktemp("unionboard_home")
    with running_app(app_env(home), tmp_path_factory.mktemp("streamlit_logs")) as base:
        yield base


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
