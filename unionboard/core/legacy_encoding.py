"""Vietnamese typed in the legacy TCVN3 (ABC, .VnTime) and VNI-Windows fonts, converted to Unicode NFC.

Offices still have sheets typed before Unicode: the cells hold Latin-1 characters that only the old
font drew as Vietnamese ("Hä vµ tªn" = "Họ và tên" in TCVN3, "Vaên phoøng" = "Văn phòng" in VNI).
No maintained converter exists on the package index, so the two tables are here.

TCVN3 is one character per letter; its upper-case letters with tone marks were drawn by a separate
font (.VnTimeH) from the lower-case codes, so they convert to lower case (only Ă Â Đ Ê Ô Ơ Ư have
upper-case codes). VNI writes a base letter followed by mark characters (and a few single letters).
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- TCVN3 (ABC)

_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ \u00adư õừ "
    "øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# --------------------------------------------------------------------------- VNI-Windows

# Mark characters after a vowel (lower-case and upper-case forms): tone, circumflex/breve, both.
_VNI_TONES = {"ø": "\u0300", "ù": "\u0301", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
              "Ø": "\u0300", "Ù": "\u0301", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
_VNI_HAT = {"â": "\u0302", "Â": "\u0302"}  # circumflex: â ê ô
_VNI_BREVE = {"ê": "\u0306", "Ê": "\u0306"}  # breve: ă (only after a)
_VNI_HAT_TONE = {"à": "\u0300", "á": "\u0301", "å": "\u0309", "ã": "\u0303", "ä": "\u0323",
                 "À": "\u0300", "Á": "\u0301", "Å": "\u0309", "Ã": "\u0303", "Ä": "\u0323"}
_VNI_BREVE_TONE = {"è": "\u0300", "é": "\u0301", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323",
                   "È": "\u0300", "É": "\u0301", "Ú": "\u0309", "Ü": "\u0303", "Ë": "\u0323"}
# Whole letters: ơ ư đ and i with a tone.
_VNI_LETTERS = {"ô": "ơ", "ö": "ư", "ñ": "đ", "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ",
                "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
                "Ì": "Ì", "Í": "Í", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị"}
_VOWELS = set("aeiouyAEIOUYơưƠƯ")

# Characters that genuine Vietnamese Unicode text never holds (Latin-1 letters and signs outside
# the Vietnamese alphabet): their presence is what marks a legacy font.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_MARKER_CHARS = "".join(ch for ch in map(chr, range(0xA0, 0x100)) if ch not in _VIETNAMESE_LATIN1
                        and ch not in "\u00a0°±²³´·¸¹º¼½¾×÷§©®«»¿")
MARKERS = re.compile("[" + re.escape(_MARKER_CHARS) + "]")
# Signs that are common in ordinary text but also TCVN3 letters: they only count beside a marker.
# "·" is left out: a middle dot between words is punctuation far more often than TCVN3's "ã".
_AMBIGUOUS = re.compile("[" + re.escape("¸¹¼½¾×÷§©®«»") + "]")

_VIETNAMESE_LETTERS = set(
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ")
_VIETNAMESE_LETTERS |= {ch.upper() for ch in _VIETNAMESE_LETTERS} | set("fjwzFJWZ")


def from_tcvn3(text: str) -> str:
    """TCVN3 text as Unicode NFC."""
    return unicodedata.normalize("NFC", "".join(TCVN3.get(ch, ch) for ch in text))


def from_vni(text: str) -> str:
    """VNI-Windows text as Unicode NFC: each vowel takes the mark characters that follow it."""
    out: list[str] = []
    for ch in text:
        if out:
            prev = out[-1]
            base = unicodedata.normalize("NFD", prev)[0]
            marks = _vni_marks(ch, base) if base in _VOWELS else ""
            if marks:
                out[-1] = unicodedata.normalize("NFC", prev + marks)
                continue
        out.append(_VNI_LETTERS.get(ch, ch))
    return unicodedata.normalize("NFC", "".join(out))


def _vni_marks(ch: str, base: str) -> str:
    """The combining marks a VNI mark character adds to a vowel ('' when it is not one)."""
    if ch in _VNI_TONES:
        return _VNI_TONES[ch]
    if ch in _VNI_HAT and base in "aeoAEO":
        return _VNI_HAT[ch]
    if ch in _VNI_BREVE and base in "aA":
        return _VNI_BREVE[ch]
    if ch in _VNI_HAT_TONE and base in "aeoAEO":
        return "\u0302" + _VNI_HAT_TONE[ch]
    if ch in _VNI_BREVE_TONE and base in "aA":
        return "\u0306" + _VNI_BREVE_TONE[ch]
    return ""


def _plausible(text: str) -> bool:
    """Whether every letter of `text` is a letter of the Vietnamese (or English) alphabet."""
    return all(not ch.isalpha() or ch in _VIETNAMESE_LETTERS for ch in text)


def looks_legacy(text: str) -> bool:
    """Whether `text` holds a character that only a legacy Vietnamese font would put there (and no
    letter beyond Latin-1, which a legacy font cannot produce)."""
    if not (MARKERS.search(text) or (_AMBIGUOUS.search(text) and any(c.isalpha() for c in text))):
        return False
    return not any(ord(c) > 0xFF and c.isalpha() for c in text)


_NUCLEI = set(
    ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "ươ", "ưa", "ưi", "ưu", "uy", "yê", "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu", "ưo"])
# Vowel groups that end in a glide take no final consonant ("au", "oi", "ươi", ...)
_NO_FINAL = set(["ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uyu", "iêu", "yêu"])
_TONE_MARKS = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_VOWEL_LETTERS = set("aăâeêioôơuưy")


def _word_score(word: str) -> int:
    """+1 for a word that is a Vietnamese syllable (one vowel group that exists, at most one tone
    mark), −1 for one that cannot be; 0 for a word without vowels."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for ch in decomposed if ch in _TONE_MARKS)
    plain = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    groups = re.findall(f"[{''.join(_VOWEL_LETTERS)}]+", plain)
    if not groups:
        return 0
    nucleus = groups[0][1:] if plain.startswith(("qu", "gi")) and len(groups[0]) > 1 else groups[0]
    final = plain[plain.index(groups[0]) + len(groups[0]):]
    closed = bool(final) and nucleus in _NO_FINAL
    return 1 if len(groups) == 1 and tones <= 1 and nucleus in _NUCLEI and not closed else -1


def syllable_score(text: str) -> int:
    """How Vietnamese a text reads: syllables that exist minus words that cannot be."""
    return sum(_word_score(word) for word in re.findall(r"\w+", text))


def convert(text: str) -> tuple[str, str | None]:
    """(Unicode text, "TCVN3" | "VNI" | None): the legacy encoding whose reading is Vietnamese."""
    if not looks_legacy(text):
        return text, None
    candidates = [(name, decode(text)) for name, decode in (("TCVN3", from_tcvn3), ("VNI", from_vni))]
    good = [(name, out) for name, out in candidates if _plausible(out) and out != text]
    if not good:
        return text, None
    # both may read as letters: the one that reads as Vietnamese syllables, then fewer leftovers
    good.sort(key=lambda item: (-syllable_score(item[1]), len(MARKERS.findall(item[1]))))
    return good[0][1], good[0][0]


def to_tcvn3(text: str) -> str:
    """Unicode text in TCVN3 (for tests and the template's examples; upper-case tone letters go lower)."""
    inverse = {v: k for k, v in TCVN3.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and ch.upper() == ch and ch.lower() != ch:
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


_TONE_CHARS = {"\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
_HAT_TONE_CHARS = {"\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
_BREVE_TONE_CHARS = {"\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
_I_TONES = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}


def _vni_letter(ch: str) -> str:
    """One Unicode letter in VNI."""
    base, *marks = unicodedata.normalize("NFD", ch)
    upper = base.isupper()
    case = str.upper if upper else (lambda x: x)
    tone = next((m for m in marks if m in _TONE_CHARS), None)
    if "\u031b" in marks:  # horn: ơ ư are whole letters in VNI
        letter = case("ô" if base in "oO" else "ö")
        return letter + (case(_TONE_CHARS[tone]) if tone else "")
    if base in "dD" and "\u0335" in marks or ch in "đĐ":
        return case("ñ")
    if base in "iI" and tone:
        return case(_I_TONES[tone])
    if "\u0302" in marks:
        return base + case(_HAT_TONE_CHARS[tone] if tone else "â")
    if "\u0306" in marks:
        return base + case(_BREVE_TONE_CHARS[tone] if tone else "ê")
    return base + (case(_TONE_CHARS[tone]) if tone else "")


def to_vni(text: str) -> str:
    """Unicode text in VNI-Windows (for tests)."""
    return "".join(_vni_letter(ch) if ord(ch) > 0x7F and ch.isalpha() else ch
                   for ch in unicodedata.normalize("NFC", text))
