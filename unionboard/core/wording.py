"""Words that fit the union's kind: "phòng, đơn vị" in an agency, "bộ phận, phân xưởng" in an enterprise."""

from __future__ import annotations

from unionboard.core.i18n import t
from unionboard.core.period import AGENCY, UNION_KINDS
from unionboard.core.text import fold

WORDS = ("units", "workers", "persons", "unit_col", "unit_label")  # catalogue "words.<word>.<kind>"
SAID_KINDS = ("enterprise", "cooperative", "other")  # kinds whose words differ from the sample's agency


def union_word(kind: str, word: str, lang: str = "vi") -> str:
    """The word for `word` ("units", "workers", "persons") in a union of `kind` (unknown kind → agency,
    the wording of the bundled sample and of the forms the agencies' unions write)."""
    if word not in WORDS:
        raise ValueError(f"unknown word {word!r}")
    return t(f"words.{word}.{kind if kind in UNION_KINDS else AGENCY}", lang)


def kind_label(kind: str, lang: str = "vi") -> str:
    """'Doanh nghiệp' for "enterprise" ('Chưa chọn' when not said)."""
    return t(f"union_kind.{kind}", lang) if kind in UNION_KINDS else t("union_kind.unset", lang)


def kind_of(text: str) -> str:
    """A kind key from what an info sheet says ('Doanh nghiệp', 'HTX', 'enterprise'); '' when unknown."""
    folded = fold(text or "")
    if not folded:
        return ""
    if folded in UNION_KINDS:
        return folded
    for hints, key in ((ENTERPRISE_HINTS, "enterprise"), (COOPERATIVE_HINTS, "cooperative"),
                       (AGENCY_HINTS, "agency")):
        if any(h in folded for h in hints):
            return key
    return "other" if "khac" in folded or "other" in folded else ""


ENTERPRISE_HINTS = ("doanh nghiep", "cong ty", "enterprise", "company")
COOPERATIVE_HINTS = ("hop tac xa", "htx", "cooperative")
AGENCY_HINTS = ("co quan", "don vi su nghiep", "hanh chinh", "agency", "public")

__all__ = ["union_word", "kind_label", "kind_of", "WORDS", "SAID_KINDS"]
