"""The one string catalogue: every user-facing string and issue message, in Vietnamese and English.

Each module of this package holds one area's strings as `ENTRIES` (key → (vi, en): one place per term,
both languages side by side), and may add `VALUE_LABELS_EN` (category values) and `UNITS_EN` (units of
figures). All are merged here at import into
`STRINGS` ({"vi": {...}, "en": {...}}); a key declared twice is an error.
Issue messages are keyed by their stable code (`members.unknown_value`, `read.zip_bomb`, ...).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass

from unionboard.core.text import Number

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {"vi": {}, "en": {}}
VALUE_LABELS_EN: dict[str, str] = {}
UNITS_EN: dict[str, str] = {}  # a figure's Vietnamese unit → its English ("đ" → "VND"): `core.text.unit_label`
_OWNER: dict[str, str] = {}
_TABLES: dict[tuple[str, str], dict[str, str]] = {}  # table() results, cleared when the catalogue changes


def _merge(module_name: str, key: str, lang: str, text: str) -> None:
    _TABLES.clear()
    owner = _OWNER.setdefault(f"{lang}:{key}", module_name)
    if owner != module_name:
        raise ValueError(f"string {key!r} ({lang}) declared in both {owner} and {module_name}")
    STRINGS[lang][key] = text


def _load() -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        if hasattr(module, "STRINGS"):  # the old form would be lost silently: refuse it
            raise ValueError(f"catalogue module {info.name} declares STRINGS: write ENTRIES = {{key: (vi, en)}}")
        for key, (vi, en) in getattr(module, "ENTRIES", {}).items():
            _merge(info.name, key, "vi", vi)
            _merge(info.name, key, "en", en)
        VALUE_LABELS_EN.update(getattr(module, "VALUE_LABELS_EN", {}))
        UNITS_EN.update(getattr(module, "UNITS_EN", {}))


_load()


def add_entries(owner: str, entries: dict[str, tuple[str, str]]) -> None:
    """Add (key → (vi, en)) entries from outside the package, e.g. a domain registered at run time."""
    for key, (vi, en) in entries.items():
        _merge(owner, key, "vi", vi)
        _merge(owner, key, "en", en)


def remove_entries(owner: str, keys: list[str] | tuple[str, ...]) -> None:
    """Remove entries added with `add_entries` by the same owner."""
    for key in keys:
        for lang in ("vi", "en"):
            if _OWNER.get(f"{lang}:{key}") == owner:
                _TABLES.clear()
                del _OWNER[f"{lang}:{key}"]
                STRINGS[lang].pop(key, None)


def has(key: str) -> bool:
    """Whether `key` is in the catalogue."""
    return key in STRINGS["vi"]


@dataclass(frozen=True)
class Phrase:
    """A catalogue string used as a parameter of another (e.g. "phần thu" inside an issue message),
    rendered in the language of the message it goes into."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "vi") -> str:
        """The phrase in `lang`."""
        return t(self.key, lang, **dict(self.params))

    def __str__(self) -> str:
        return self.render("vi")


class Value(str):
    """A canonical category value ("Chưa đạt", "Nữ") used as a parameter: shown in the message's language."""

    def render(self, lang: str = "vi") -> str:
        """The value in `lang`."""
        return value_label(str(self), lang)


class Values(tuple):
    """Canonical values listed as one parameter ("Tiến sỹ, Thạc sỹ, …" / "Doctorate, Master's, …"): each shown
    in the message's language."""

    def render(self, lang: str = "vi") -> str:
        """The values in `lang`, joined by commas."""
        return ", ".join(value_label(str(v), lang) for v in self)


class Headers(Values):
    """Column headers the user writes in Vietnamese in the sheet, listed as one parameter: quoted as written,
    and in English followed by their meaning (“Năm” (Year), “Đối tượng” (Recipient))."""

    def render(self, lang: str = "vi") -> str:
        """The headers quoted, with their English meaning in English."""
        from unionboard.core.i18n.english_ui import HEADER_MEANINGS_EN

        def one(header: str) -> str:
            meaning = HEADER_MEANINGS_EN.get(header) if lang == "en" else None
            return f"“{header}” ({meaning})" if meaning else f"“{header}”"

        return ", ".join(one(str(h)) for h in self)


def phrase(key: str, **params: object) -> Phrase:
    """A `Phrase` for catalogue key `key` with its parameters."""
    return Phrase(key, tuple(params.items()))


def t(key: str, lang: str = "vi", **values: object) -> str:
    """The string `key` in `lang` (falls back to Vietnamese), formatted with `values`."""
    table = STRINGS.get(lang, STRINGS["vi"])
    text = table.get(key) or STRINGS["vi"].get(key) or key
    if not values:
        return text
    # words (Phrase, Value) and figures (Number: "18.777.000 đ" / "18,777,000 đ") in the message's language
    return text.format(**{k: v.render(lang) if isinstance(v, Phrase | Value | Values | Number) else v
                          for k, v in values.items()})


def table(prefix: str, lang: str = "vi") -> dict[str, str]:
    """Every raw template whose key starts with `prefix`, keyed without it (unknown language: Vietnamese).

    Built once per (prefix, language): pages ask for the same tables on every rerun. Do not modify it.
    """
    key = (prefix, lang if lang in STRINGS else "vi")
    found = _TABLES.get(key)
    if found is None:
        strings = STRINGS[key[1]]
        found = _TABLES[key] = {k[len(prefix):]: text for k, text in strings.items() if k.startswith(prefix)}
    return found


def value_label(value: str, lang: str = "vi") -> str:
    """A canonical category value in the display language."""
    return VALUE_LABELS_EN.get(value, value) if lang == "en" else value


def system_label(value: object, lang: str = "vi") -> object:
    """A label the system inserted into the data ("(Không rõ khoản mục)") in `lang`; any other value (user
    data: an item, a department) as it is."""
    from unionboard.core.i18n.english_ui import SYSTEM_LABELS_EN

    return SYSTEM_LABELS_EN.get(value, value) if lang == "en" and isinstance(value, str) else value
