"""How many times does publishing run the checker? `python tools/publish_checks.py`.

Counts the loader's checks (`check_files` runs) and workbook reads (one per file read) while the 7
sample files are published into a fresh SQLite store, then while the published version is read back,
and — with `--page` — over one click on the data page (upload → preview → publish → the page shown
again), through Streamlit's AppTest; `--fill`: a first publish of two files that keeps the sample's files
for the other parts (the page's default).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from unionboard.core.models import SourceFile  # noqa: E402
from unionboard.domains import loader  # noqa: E402
from unionboard.sample.report import sample_paths  # noqa: E402


@dataclass
class Counts:
    """Checks (check_files runs) and workbook reads seen inside a `counting()` block."""

    checks: int = 0
    reads: int = 0
    calls: list[tuple[tuple[str, ...], bool]] = field(default_factory=list)  # (file names, restricted)

    def of(self, names: list[str]) -> int:
        """How many checks read exactly these files with no restriction (what the upload's check is)."""
        return sum(1 for files, restricted in self.calls if sorted(files) == sorted(names) and not restricted)


@contextmanager
def counting() -> Iterator[Counts]:
    """Count every check_files run and every workbook read by the loader meanwhile."""
    counts = Counts()
    check, read = loader._check_files, loader.read_sheets

    def counted_check(files, limits, only_domains):
        files = list(files)
        counts.checks += 1
        counts.calls.append((tuple(loader.as_source(f).name for f in files), only_domains is not None))
        return check(files, limits, only_domains)

    def counted_read(*args, **kwargs):
        counts.reads += 1
        return read(*args, **kwargs)

    loader._check_files, loader.read_sheets = counted_check, counted_read
    try:
        yield counts
    finally:
        loader._check_files, loader.read_sheets = check, read


def sample_files() -> list[SourceFile]:
    """The 7 bundled sample workbooks."""
    return [SourceFile(p.name, p.read_bytes()) for p in sample_paths()]


def publish_sample(url: str) -> None:
    """Publish the sample files into the store at `url` the way the app and the CLI do."""
    from unionboard.publish import publish_files
    from unionboard.store.versions import open_store

    outcome = publish_files(open_store(url), sample_files(), by="đo")
    assert outcome.created, outcome.reason


def measure_store(url: str) -> tuple[Counts, Counts]:
    """(the publish, the read-back of the published version)."""
    from unionboard.store.versions import open_store

    with counting() as published:
        publish_sample(url)
    with counting() as read_back:
        open_store(url).current_result()
    return published, read_back


def measure_page(home: str, files: list[SourceFile] | None = None) -> Counts:
    """One click on the data page publishing `files` (default: the sample's): the upload's preview, the
    publish, the page shown again."""
    from streamlit.testing.v1 import AppTest

    saved = {k: os.environ.get(k) for k in ("UNIONBOARD_HOME", "UNIONBOARD_COMMITTEE_PASSWORD", "UNIONBOARD_DB_URL")}
    os.environ.update(UNIONBOARD_HOME=home, UNIONBOARD_COMMITTEE_PASSWORD="mat-khau-do-dem")
    os.environ.pop("UNIONBOARD_DB_URL", None)
    try:
        return _click(AppTest, files or sample_files())
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _click(app_test, files: list[SourceFile]) -> Counts:
    at = app_test.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.run()
    at.switch_page("app_pages/data.py")
    at.run()
    at.text_input(key="_committee_user").input("Đo")
    at.text_input(key="_committee_password").input("mat-khau-do-dem")
    at.get("form_submit_button")[0].click()
    at.run()
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    with counting() as counts:
        at.file_uploader[0].set_value([(f.name, f.data, xlsx) for f in files])
        at.run()
        for box in at.checkbox:  # the sample has two warnings: publishing needs the confirmation
            if str(box.key).startswith("data_confirm_"):
                box.check().run()
        at.button(key="data_publish").click()
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("#1" in s.value for s in at.success), "nothing was published"
    return counts


def main() -> int:
    """Print the counts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", action="store_true", help="also count one click on the data page (AppTest)")
    parser.add_argument("--fill", action="store_true",
                        help="also count a first publish of 2 files keeping the sample's other parts (run it alone: "
                             "the sample's check is cached per process)")
    args = parser.parse_args()
    os.environ.pop("UNIONBOARD_DB_URL", None)
    with tempfile.TemporaryDirectory() as home:
        published, read_back = measure_store(f"sqlite:///{home}/unionboard.db")
        print(f"publish of {len(sample_files())} sample files: {published.checks} checks, "
              f"{published.reads} workbook reads")
        print(f"read-back of the version: {read_back.checks} checks, {read_back.reads} workbook reads")
    if args.page:
        with tempfile.TemporaryDirectory() as home:
            page = measure_page(home)
            print(f"data page, upload → preview → publish → shown: {page.checks} checks, {page.reads} workbook reads "
                  f"({page.of([f.name for f in sample_files()])} of the uploads as uploaded)")
    if args.fill:
        with tempfile.TemporaryDirectory() as home:
            two = [f for f in sample_files() if f.name in ("doan-vien.xlsx", "tai-chinh.xlsx")]
            page = measure_page(home, two)
            print(f"data page, first publish of {len(two)} files + the sample's other parts: {page.checks} checks, "
                  f"{page.reads} workbook reads")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
