"""Members vocabularies: the spellings of sex, education, political theory and party membership, folded."""

from __future__ import annotations

import re
from collections.abc import Sequence

from unionboard.core.text import fold

UNKNOWN_DEPARTMENT = "(Chưa rõ)"
MIN_BIRTH_YEAR = 1940
MIN_AGE, MAX_AGE = 16, 75


def _table(groups: dict[str, Sequence[str]]) -> dict[str, str]:
    """Alias → canonical spelling, keys folded (text.fold: lower case, no diacritics, punctuation → spaces)."""
    return {fold(alias): canonical for canonical, aliases in groups.items() for alias in aliases}


GENDER_MAP = _table({
    "Nam": ("Nam", "Male", "M", "Man", "Trai"),
    "Nữ": ("Nữ", "Nu", "Female", "F", "Woman", "Gái"),
})

EDUCATION_MAP = _table({
    "Tiến sỹ": ("Tiến sỹ", "Tiến sĩ", "TS", "PhD", "Ph.D", "Ph.D.", "Doctor", "Doctorate"),
    "Thạc sỹ": ("Thạc sỹ", "Thạc sĩ", "ThS", "Master", "Masters", "Master's", "MSc", "MBA",
                "Cao học"),
    "Đại học": ("Đại học", "ĐH", "Cử nhân", "Kỹ sư", "KS", "Bachelor", "University",
                "Bác sỹ", "Bác sĩ", "BS", "Dược sỹ", "Dược sĩ", "Kiến trúc sư", "Đại học chính quy",
                "Đại học tại chức", "Đại học từ xa", "Văn bằng 2"),
    "Cao đẳng": ("Cao đẳng", "CĐ", "College"),
    "Trung cấp": ("Trung cấp", "TC", "TCCN", "Trung học chuyên nghiệp", "Trung cấp nghề"),
    "Sơ cấp": ("Sơ cấp", "Sơ cấp nghề"),
    "Khác": ("Khác", "Phổ thông", "PTTH", "THPT", "THCS", "PTCS", "Tiểu học",
             "Trung học phổ thông", "Trung học cơ sở", "Lao động phổ thông", "LĐPT",
             "Công nhân kỹ thuật", "CNKT", "Chưa qua đào tạo", "Không", "Other", "High school"),
})
# "Đại học Luật", "Kỹ sư xây dựng", "ThS. Kinh tế": a level followed by the field of study.
EDUCATION_PREFIXES = tuple((fold(alias) + " ", canonical) for canonical, aliases in {
    "Tiến sỹ": ("Tiến sỹ", "Tiến sĩ", "TS"),
    "Thạc sỹ": ("Thạc sỹ", "Thạc sĩ", "ThS", "Cao học", "Master"),
    "Đại học": ("Đại học", "ĐH", "Cử nhân", "Kỹ sư", "KS", "Bác sỹ", "Bác sĩ", "Dược sỹ",
                "Dược sĩ", "Kiến trúc sư", "Bachelor"),
    "Cao đẳng": ("Cao đẳng", "CĐ"),
    "Trung cấp": ("Trung cấp", "TC"),
    "Sơ cấp": ("Sơ cấp",),
}.items() for alias in aliases)
# A doctorate of science is not in the report's levels: ask the user rather than guess.
EDUCATION_NOT_PREFIXED = frozenset({"tien sy khoa hoc", "tien si khoa hoc"})
SCHOOL_GRADE = re.compile(r"^(?:lop )?\d{1,2}(?: \d{1,2})?$")  # "12/12", "9/12", "lớp 10"
POLITICAL_WORDS = ("chinh tri", "llct", "ly luan", "hanh chinh")

_POLITICAL_SUFFIXES = ("", " chinh tri", " llct", " ly luan chinh tri", " ly luan chinh tri hanh chinh",
                       " chinh tri hanh chinh")
POLITICAL_MAP = {
    **{level + suffix: canonical
       for canonical, levels in {"Cao cấp": ("cao cap", "cu nhan"), "Trung cấp": ("trung cap",),
                                 "Sơ cấp": ("so cap",)}.items()
       for level in levels for suffix in _POLITICAL_SUFFIXES},
    **_table({
        "Cao cấp": ("CC", "CN", "CCLLCT", "CNCT", "Cử nhân, Cao cấp", "Cao cấp, Cử nhân"),
        "Trung cấp": ("TC", "TCLLCT", "TCCT"),
        "Sơ cấp": ("SC", "SCLLCT", "SCCT"),
        "Chưa có": ("", "Chưa có", "Chưa", "Không", "Không có", "Chưa qua đào tạo", "Chưa học",
                    "None", "No", "0"),
    }),
}

PARTY_TRUE = frozenset(fold(v) for v in ("x", "Có", "Yes", "Y", "True", "1", "Đảng viên", "ĐV",
                                         "Là đảng viên", "Đảng viên CSVN", "v"))
PARTY_FALSE = frozenset(fold(v) for v in ("", "Không", "No", "N", "0", "False", "Chưa",
                                          "Không phải", "Quần chúng"))
PARTY_MARKS = frozenset("✓✔✅☑√☒")  # fold() turns these into "", so check them first
