"""Every `UNIONBOARD_*` environment variable, declared once: name, type, default and what it does.

The rest of the package reads them only through `value(SETTING)` (tests/test_settings.py checks that no
other module touches `os.environ`, and that README's settings table lists each one). To add a setting,
declare it below with `declare(...)` and add its row to README's "Settings" table.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class SettingError(ValueError):
    """A setting holds a value of the wrong kind (the message names the variable and what it needs)."""


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, how its text becomes a value, its default and its doc."""

    name: str
    kind: str  # what README says the value is: "path", "text", "number", "whole number", ...
    parse: Callable[[str], Any]  # the stripped, non-blank text → the value (ValueError: wrong kind)
    default: Any
    doc: str
    secret: bool = False  # never printed (a password)


SETTINGS: dict[str, Setting] = {}


def declare(name: str, kind: str, parse: Callable[[str], Any], default: Any, doc: str,
            secret: bool = False) -> Setting:
    """Register a setting (a name declared twice is a programming error)."""
    if name in SETTINGS:
        raise ValueError(f"setting {name} declared twice")
    setting = Setting(name, kind, parse, default, doc, secret)
    SETTINGS[name] = setting
    return setting


def raw(setting: Setting, environ: Mapping[str, str] | None = None) -> str | None:
    """The variable's text as set (None when unset), from `environ` or this process's environment."""
    return (os.environ if environ is None else environ).get(setting.name)


def value(setting: Setting, environ: Mapping[str, str] | None = None) -> Any:
    """The setting's value: its default when unset or blank, else its parsed text (SettingError when the
    text is not of the setting's kind)."""
    text = raw(setting, environ)
    if text is None or not text.strip():
        return setting.default
    try:
        return setting.parse(text.strip())
    except ValueError as exc:
        raise SettingError(f"{setting.name}=“{text.strip()}” không hợp lệ: cần {setting.kind} "
                           f"(xem README, mục Settings).") from exc


def _whole_or_none(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _text(text: str) -> str:
    return text


# --------------------------------------------------------------------------- the settings

HOME = declare("UNIONBOARD_HOME", "path", Path, None,
               "Folder of the SQLite store (`unionboard.db`); default `.unionboard/` in the project.")
DB_URL = declare("UNIONBOARD_DB_URL", "database URL", _text, "",
                 "Store in this database instead (`postgresql://user@host/db`, or a `sqlite:///` path).")
COMMITTEE_PASSWORD_HASH = declare(
    "UNIONBOARD_COMMITTEE_PASSWORD_HASH", "text", _text, "",
    "The committee's password as an scrypt hash (`python -m unionboard hash-password`), used when "
    "`.streamlit/secrets.toml` has none.", secret=True)
COMMITTEE_PASSWORD = declare(
    "UNIONBOARD_COMMITTEE_PASSWORD", "text", _text, "",
    "The committee's password in plain text (hashed in memory); prefer the hash.", secret=True)
PUBLIC_URL = declare("UNIONBOARD_PUBLIC_URL", "http(s) URL", _text, None,
                     "The address delegates' phones reach the dashboard at: the QR codes on the title slide "
                     "and the pages open it (refused when not http/https or longer than the QR code holds).")
FONT_DIR = declare("UNIONBOARD_FONT_DIR", "path", Path, None,
                   "A folder with the DejaVu TTF fonts of the PDF dossier, looked in first.")
MAX_FILE_MB = declare("UNIONBOARD_MAX_FILE_MB", "number", float, 50.0,
                      "Largest workbook accepted, in MB.")
MAX_UNPACKED_MB = declare("UNIONBOARD_MAX_UNPACKED_MB", "number", float, 200.0,
                          "Largest unpacked size of a workbook (zip bomb guard), in MB.")
MAX_READ_MB = declare("UNIONBOARD_MAX_READ_MB", "number", float, 350.0,
                      "Memory one upload's sheets may take once read, in MB (a sheet with more cells is refused).")
READ_THREADS = declare("UNIONBOARD_READ_THREADS", "whole number", _whole_or_none, None,
                       "Parts a large sheet is read in at once (1: never in parts); default the cores, at most 4. "
                       "Anything but a whole number means the default.")
TEST_PG_URL = declare("UNIONBOARD_TEST_PG_URL", "database URL", _text, None,
                      "Tests only: the PostgreSQL database the store's tests use (`bash scripts/test.sh` "
                      "starts one and sets it).")
TEST_APP = declare("UNIONBOARD_APP", "path", Path, None,
                   "Tests only: the Streamlit entry script the browser tests start (absolute or relative to "
                   "the project); default `app.py`.")


def _flag(text: str) -> bool:
    return text.lower() in ("1", "true", "yes", "on")


ROSTER_FOR_SIGNED_IN = declare(
    "UNIONBOARD_ROSTER_FOR_SIGNED_IN", "1/0", _flag, False,
    "1: the named roster is shown to every signed-in account (delegates too), never to visitors who are not "
    "signed in; default: only the roles that may see personal data.")
SESSION_HOURS = declare(
    "UNIONBOARD_SESSION_HOURS", "number", float, 12.0,
    "How long a sign-in survives page reloads on the same device, in hours (0,1 to 720).")
