"""UI strings: both languages complete, same placeholders, NFC Vietnamese, fallbacks and value labels."""

from __future__ import annotations

import string
import unicodedata

import pytest

from unionboard.core.i18n import LANGUAGES, STRINGS, VALUE_LABELS_EN, t, value_label
from unionboard.core.models import (
    AWARD_LEVELS,
    EDUCATION_LEVELS,
    GENDERS,
    POLITICAL_THEORY_LEVELS,
    RECIPIENT_TYPES,
    STATUSES,
)

VI, EN = STRINGS["vi"], STRINGS["en"]


def placeholders(text: str) -> set[str]:
    return {name for _literal, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_languages_are_vietnamese_and_english() -> None:
    assert set(STRINGS) == set(LANGUAGES) == {"vi", "en"}
    assert len(VI) > 200  # the whole UI, not a stub


def test_every_key_exists_in_both_languages() -> None:
    assert sorted(set(VI) - set(EN)) == []
    assert sorted(set(EN) - set(VI)) == []


# English needs no word where Vietnamese counts people ("33 người" → "33").
INTENTIONALLY_EMPTY = {"en": {"chart.people"}}


def test_no_string_is_empty() -> None:
    assert [k for k in VI if not VI[k].strip()] == []
    assert [k for k in EN if not EN[k].strip() and k not in INTENTIONALLY_EMPTY["en"]] == []


def test_placeholders_match_between_languages() -> None:
    mismatched = {k: (placeholders(VI[k]), placeholders(EN[k])) for k in VI
                  if placeholders(VI[k]) != placeholders(EN[k])}
    assert mismatched == {}


def test_placeholders_are_named() -> None:
    """Positional `{}` / `{0}` would make t(..., **values) raise."""
    bad = {k: p for table in (VI, EN) for k, text in table.items()
           for p in placeholders(text) if p == "" or p.isdigit()}
    assert bad == {}


def test_every_string_formats_with_its_own_placeholders() -> None:
    for lang, table in STRINGS.items():
        for key, text in table.items():
            names = placeholders(text)
            if names:
                formatted = t(key, lang, **{n: "\u2063X\u2063" for n in names})  # raises on a stray field
                assert "\u2063X\u2063" in formatted, (lang, key)


def test_vietnamese_strings_are_nfc() -> None:
    assert [k for k, v in VI.items() if unicodedata.normalize("NFC", v) != v] == []
    assert [k for k, v in EN.items() if unicodedata.normalize("NFC", v) != v] == []


def test_the_placeholder_helper_sees_the_names() -> None:
    assert placeholders("{errors} lỗi, {warnings} cảnh báo") == {"errors", "warnings"}
    assert placeholders("không có") == set()


def test_t_in_each_language_and_with_values() -> None:
    assert t("total_row") == "Tổng cộng"
    assert t("total_row", "en") == "Total"
    assert t("sidebar_issues", "vi", errors=2, warnings=3) == "2 lỗi, 3 cảnh báo trong dữ liệu"
    assert t("version_caption", "en", id=4, when="w", by="b") == EN["version_caption"].format(id=4, when="w", by="b")


def test_t_falls_back_to_vietnamese_for_an_unknown_language() -> None:
    assert t("total_row", "fr") == "Tổng cộng"
    assert t("sidebar_issues", "de", errors=1, warnings=0) == "1 lỗi, 0 cảnh báo trong dữ liệu"


def test_t_returns_the_key_for_an_unknown_key() -> None:
    assert t("no_such_key_anywhere") == "no_such_key_anywhere"
    assert t("no_such_key_anywhere", "en") == "no_such_key_anywhere"


@pytest.mark.parametrize(("value", "english"), [
    ("Nam", "Male"), ("Nữ", "Female"), ("Vượt", "Exceeded"), ("Đạt", "Met"), ("Chưa đạt", "Not met"),
    ("Thạc sỹ", "Master's"), ("Cao đẳng", "College"), ("Chưa có", "No training"), ("Tập thể", "Collective"),
])
def test_value_label_maps_canonical_values_to_english(value: str, english: str) -> None:
    assert value_label(value, "en") == english
    assert value_label(value, "vi") == value
    assert value_label(value) == value


def test_every_canonical_value_has_an_english_label() -> None:
    canonical = {*GENDERS, *EDUCATION_LEVELS, *POLITICAL_THEORY_LEVELS, *STATUSES, *AWARD_LEVELS,
                 *RECIPIENT_TYPES}
    assert sorted(canonical - set(VALUE_LABELS_EN)) == []
    assert all(value_label(v, "en") != v for v in canonical)


def test_value_label_keeps_unknown_values() -> None:
    assert value_label("Phòng Kế hoạch", "en") == "Phòng Kế hoạch"


def test_every_catalogue_key_has_vietnamese_and_english_text() -> None:
    from unionboard.core import i18n

    missing = sorted(set(i18n.STRINGS["vi"]) ^ set(i18n.STRINGS["en"]))
    assert not missing, f"keys without both languages: {missing}"
    empty = sorted(k for lang in ("vi", "en") for k, v in i18n.STRINGS[lang].items()
                   if not v.strip() and k not in INTENTIONALLY_EMPTY.get(lang, ()))
    assert not empty


def test_a_key_declared_twice_is_refused() -> None:
    import pytest

    from unionboard.core import i18n

    i18n._merge("one", "dup_key_test", "vi", "a")
    with pytest.raises(ValueError, match="dup_key_test"):
        i18n._merge("two", "dup_key_test", "vi", "b")
    del i18n.STRINGS["vi"]["dup_key_test"], i18n._OWNER["vi:dup_key_test"]


def test_one_translation_per_term_across_the_catalogue() -> None:
    """The same Vietnamese term is not translated two ways (the old tables said "Male" and "Men")."""
    from unionboard.core import i18n

    assert i18n.value_label("Nam", "en") == "Male" and i18n.value_label("Tổng Liên đoàn", "en") == "VGCL"
    assert i18n.t("slide.male", "en") == "Male" and i18n.t("slide.female", "en") == "Female"


def test_every_catalogue_module_is_in_the_entries_form() -> None:
    """One catalogue form: each module declares ENTRIES, none the old STRINGS tables."""
    import importlib
    import pkgutil

    from unionboard.core import i18n

    modules = [importlib.import_module(f"unionboard.core.i18n.{m.name}") for m in pkgutil.iter_modules(i18n.__path__)]
    assert modules and all(hasattr(m, "ENTRIES") and not hasattr(m, "STRINGS") for m in modules)
    assert i18n.t("app_title", "en") == "Union congress dashboard" and i18n.t("slides_next") == "Tiếp"
