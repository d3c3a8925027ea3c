"""Which of several readings of a page's bytes is the right one, when the page does not say
(or says wrongly) what encoding it is in.

A charset detector (charset_normalizer) ranks readings by how messy their text looks, and
its measure cannot tell Latin-script code pages apart: it counts "à" as an accent but "ą"
(ogonek) and "č" (caron) as plain letters, so a French page read as Baltic cp1257 ("Déją
vu ą Genčve") looked cleaner than the same page read as windows-1252. Here the readings it
finds about equally clean are weighed by their letters: a page is written in one language,
and a wrong code page turns its letters into ones no single language writes together, into
capitals inside small words, or into symbols between letters.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import operator
import re
import unicodedata
from collections import Counter
from typing import NamedTuple

# How much messier (charset_normalizer's chaos, 0-1) than the cleanest reading a reading
# may be and still be weighed by its letters.
CHAOS_MARGIN = 0.05

# The letters beyond ASCII each language writes with (lower case), by ISO 639-1 code. A
# page's text is in one language, or in one with a few borrowed words; a reading whose
# accented letters no single language uses together ("Déją vu ą Genčve": French é,
# Lithuanian ą, Czech č) is the wrong code page.
_ALPHABETS_TEXT = {
    "fr": "àâæçéèêëîïôœùûüÿ", "de": "äöüß", "es": "áéíñóúü", "pt": "áâãàçéêíóôõúü",
    "it": "àèéìíîòóùú", "ca": "àçéèíïòóúüŀ", "gl": "áéíñóúü", "eu": "ñ",
    "nl": "áäéèëïíóöúü", "da": "æøåé", "no": "æøåéóòô", "nb": "æøåéóòô", "nn": "æøåéóòô",
    "sv": "åäöé", "fi": "äöåšž", "is": "áðéíóúýþæö", "ga": "áéíóú", "cy": "âêîôûŵŷáéíóúàèìòù",
    "mt": "ċġħżàèìòù", "et": "äöõüšž", "lv": "āčēģīķļņšūž", "lt": "ąčęėįšųūž",
    "pl": "ąćęłńóśźż", "cs": "áčďéěíňóřšťúůýž", "sk": "áäčďéíĺľňóôŕšťúýž",
    "hu": "áéíóöőúüű", "sl": "čšž", "hr": "čćđšž", "bs": "čćđšž", "ro": "ăâîșşțţ",
    "sq": "çë", "tr": "çğıöşüâîû", "az": "çəğıöşü",
    "vi": "àáâãèéêìíòóôõùúýăđĩũơư" + "".join(map(chr, range(0x1EA1, 0x1EFA, 2))),
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "uk": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "be": "абвгдеёжзійклмнопрстуўфхцчшыьэюя", "bg": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "sr": "абвгдђежзијклљмнњопрстћуфхцчџшčćđšž", "mk": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "el": "αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ", "he": "אבגדהוזחטיכךלמםנןסעפףצץקרשת",
    "ar": "".join(map(chr, range(0x621, 0x64B))), "th": "".join(map(chr, range(0xE01, 0xE5C))),
    "fa": "".join(map(chr, range(0x621, 0x64B))) + "پچژگکی",
    "zh": "".join(map(chr, range(0x4E00, 0xA000))),
    "ja": "".join(map(chr, [*range(0x3041, 0x3100), *range(0x4E00, 0xA000)])),
    "ko": "".join(map(chr, range(0xAC00, 0xD7A4))),
}  # fmt: skip
_ALPHABETS = {
    lang: frozenset(letters + "".join(c.upper() for c in letters if len(c.upper()) == 1))
    for lang, letters in _ALPHABETS_TEXT.items()
}
_HTML_LANG = re.compile(rb"""<html\b[^>]*?\blang\s*=\s*["']?\s*([a-z]{2,3})(?![a-z])""", re.I)
_META_TAG = re.compile(rb"<meta\b[^>]*>", re.I)
_LANGUAGE_META = re.compile(rb"content-language|og:locale", re.I)
_META_CONTENT = re.compile(rb"""\bcontent\s*=\s*["']?\s*([a-z]{2,3})(?![a-z])""", re.I)


def page_language(body: bytes) -> str | None:
    """The language the page says it is in (ISO 639 code, lower case): <html lang>, else a
    Content-Language or og:locale <meta>; None when it says none."""
    head = body[:8192]
    found = _HTML_LANG.search(head)
    if found is None:
        tags = (t for t in _META_TAG.findall(head) if _LANGUAGE_META.search(t))
        found = next((m for m in map(_META_CONTENT.search, tags) if m), None)
    return found.group(1).decode("ascii").lower() if found else None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_START = operator.methodcaller("start")
_GROUP = operator.methodcaller("group")
# Punctuation that joins the letters of a word: apostrophes, hyphens, dashes, middle dot.
_JOINERS = frozenset("\u2019\u02bc\u2018\u2010\u2011\u2013\u2014\u00b7")
# Scripts written together in one word (Japanese kana beside kanji, Korean hanja).
_SCRIPT_FAMILY = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "HALFWIDTH": "CJK"}
# Codecs that read more than one byte as one character (euc_jis_2004: what detection's
# EUC-JIS-2004 is read with, `decode._DETECTED_ONLY`).
_MULTI_BYTE_ENCODINGS = """
    utf-8 utf-8-sig utf-16 utf-16-be utf-16-le gbk gb2312 gb18030 big5 big5hkscs euc_jp
    euc_jis_2004 iso2022_jp shift_jis cp932 euc_kr cp949
"""
_MULTI_BYTE = frozenset(_MULTI_BYTE_ENCODINGS.split())
# A page's first characters beyond ASCII weighed; more adds time, not certainty.
_FIT_SAMPLE = 5_000
# How much better than the detector's choice a reading's letters must fit when the page
# names no language: the language guessed from the letters can mislead on a page quoting
# names from several ("Ghesquière", "Kåre Høgenhaven").
_CLEAR_FIT = 0.25
# How many different characters the detector's reading must be judged wrong on before a
# clearly better fit overrides it, when the page names no language: one odd character used
# throughout ("ƒ/1.8", "360º") is not a wrong code page ("ѓ/1.8", "360ş").
_MIN_EVIDENCE = 3
# The share of a language's letters a code page must have to write it: Romanian in cp1250
# (ş, ţ; not the later ș, ț), not Slovak in windows-1252 (only š, ž and a few more).
_WRITABLE = 0.7


class _Reading(NamedTuple):
    """What one code page makes of a page's characters beyond ASCII."""

    letters: Counter[str]  # letters standing where letters stand
    misfits: Counter[str]  # characters standing where no language puts them (`_misfit`)
    languages: tuple[frozenset[str], ...]  # the alphabets of what its code page can write

    def fit(self, same: frozenset[str], alphabet: frozenset[str]) -> tuple[float, int]:
        """The share of the characters this reading holds, other than `same`, that are
        letters of `alphabet` (1.0 when there are none), and how many different characters
        that share was taken over."""
        judged = {ch: n for ch, n in (self.letters + self.misfits).items() if ch not in same}
        fitting = sum(n for ch, n in judged.items() if ch in alphabet and ch in self.letters)
        total = sum(judged.values())
        return (fitting / total if total else 1.0), len(judged)

    @property
    def impossible(self) -> bool:
        return any(map(_impossible, self.misfits))


def _likeliest_language(first: _Reading, second: _Reading) -> frozenset[str]:
    """The alphabet of the language, of those either reading's code page can write, whose
    letters the two readings hold most of together: one language both are judged by, so
    that neither is judged by a language of its own choosing that excuses its misread
    letters (a Czech page read as windows-1252 fits Welsh, and a French one read as cp1250
    Slovak, better than either fits its own language)."""
    held = first.letters + second.letters
    return max(
        dict.fromkeys(first.languages + second.languages),
        key=lambda a: sum(n for ch, n in held.items() if ch in a),
    )


@functools.lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script a letter is written in ("LATIN", "CYRILLIC", "CJK" ...)."""
    word = unicodedata.name(char, "").partition(" ")[0]
    return _SCRIPT_FAMILY.get(word, word)


def _impossible(char: str) -> bool:
    """A control, private-use or unassigned character, or U+FFFD for a byte the reading
    has no character for: what a wrong code page makes, never what a writer typed."""
    return char == "\ufffd" or unicodedata.category(char) in ("Cc", "Co", "Cn")


def _misfit(before: str, char: str, after: str) -> bool:
    """Whether `char` stands where no language puts it: a capital after a small letter
    ("cafÈ"), a letter of another script inside a word ("Espa隳l"), a symbol between two
    letters ("S„o", "wi¹za"), or a character no text holds. These are what a wrong code
    page makes of a letter."""
    if char.isalpha():
        if char.isupper() and before.islower():
            return True
        script = _script(char)
        return any(n.isalpha() and _script(n) != script for n in (before, after))
    category = unicodedata.category(char)
    return _impossible(char) or (
        before.isalpha()
        and after.isalpha()
        and char not in _JOINERS
        and category[0] in "PSN"
        and category != "Cf"  # soft hyphen, zero-width joiners
    )


def _writable(char: str, codec: str) -> bool:
    """Whether a code page has a letter: as one character, or (windows-1258) as a letter
    it has followed by a combining mark it has ("ấ": "â" and an acute)."""
    with contextlib.suppress(UnicodeEncodeError):
        return bool(char.encode(codec))
    marked = unicodedata.normalize("NFD", char)
    with contextlib.suppress(UnicodeEncodeError):
        unicodedata.normalize("NFC", marked[:-1]).encode(codec)
        marked[-1].encode(codec)
        return len(marked) > 1
    return False


@functools.lru_cache(maxsize=64)
def _languages_of(codec: str) -> tuple[frozenset[str], ...]:
    """The alphabets of the languages a code page can write (`_WRITABLE`): a page is in a
    code page because its language is written in it, so a reading is judged only by those.
    Read as windows-1252, a Czech page's "ì", "ù", "è", "ý" are letters of Vietnamese, a
    language windows-1252 cannot write. Every language, for a multi-byte code page."""
    if codec in _MULTI_BYTE:
        return tuple(_ALPHABETS.values())
    return tuple(
        _ALPHABETS[lang]
        for lang, letters in _ALPHABETS_TEXT.items()
        if sum(_writable(c, codec) for c in letters) >= _WRITABLE * len(letters)
    ) or tuple(_ALPHABETS.values())


_WORD = re.compile(r"\S*[^\x00-\x7f]\S*")


def _beyond(word: str) -> frozenset[str]:
    return frozenset(_NON_ASCII.findall(word))


@functools.lru_cache(maxsize=65536)
def _written_in_one(word: str, languages: tuple[frozenset[str], ...]) -> bool:
    """Whether one of `languages` writes every letter of `word` beyond ASCII, and the word
    holds none where no language puts it."""
    letters = set()
    for i, char in enumerate(word):
        if char.isascii():
            continue
        if _misfit(word[i - 1 : i] or " ", char, word[i + 1 : i + 2] or " "):
            return False
        if char.isalpha():
            letters.add(char)
    return any(alphabet.issuperset(letters) for alphabet in languages)


def _words_fit(text: str, codec: str, same: frozenset[str]) -> float:
    """The share of the words of a reading holding a character other than `same` that
    could be written in one language its code page can write (1.0 when there are none):
    every letter of the word beyond ASCII that language's, and no misfit. A page may quote
    names from several languages, but each word is in one; a wrong code page makes words
    no language writes ("Èeský", "pareiðkë")."""
    words = Counter(map(_GROUP, itertools.islice(_WORD.finditer(text), _FIT_SAMPLE)))
    judged = [(w, n) for w, n in words.items() if not same.issuperset(_beyond(w))]
    total = sum(n for _, n in judged)
    languages = _languages_of(codec)
    fitting = sum(n for w, n in judged if _written_in_one(w, languages))
    return fitting / total if total else 1.0


def _reading(text: str, codec: str) -> _Reading:
    """The letters and misfits of one reading of a page, and the languages its code page
    can write."""
    letters: Counter[str] = Counter()
    misfits: Counter[str] = Counter()
    starts = map(_START, itertools.islice(_NON_ASCII.finditer(text), _FIT_SAMPLE))
    found = Counter((text[i - 1 : i], text[i], text[i + 1 : i + 2]) for i in starts)
    for (before, char, after), count in found.items():  # each context judged once
        if _misfit(before, char, after):
            misfits[char] += count
        elif char.isalpha():
            letters[char] += count
    return _Reading(letters, misfits, _languages_of(codec))


def _alike(first: str, second: str) -> frozenset[str]:
    """The characters two single-byte code pages make of the same byte: they tell nothing
    about which of the two a page is in."""
    if first in _MULTI_BYTE or second in _MULTI_BYTE:
        return frozenset()
    high = bytes(range(0x80, 0x100))
    # One character a byte (U+FFFD for a byte with none), so the two line up.
    pairs = zip(
        high.decode(first, errors="replace"), high.decode(second, errors="replace"), strict=True
    )
    return frozenset(a for a, b in pairs if a == b)


def likeliest(sample: bytes, detected: list[tuple[str, float]], language: str | None) -> str:
    """Of the detector's near-equal readings ((encoding, chaos), its best first), and
    windows-1252, the one whose letters fit.

    The detector's choice stands (windows-1252 when it is as clean: the web's default for a
    page that names no charset, WHATWG) unless, on the characters the two read
    differently, another reading's letters fit better: the language the page names, or,
    when it names none (or English, which has no letters beyond ASCII), the one language,
    of those either code page can write, whose letters the two readings hold most of,
    clearly better, with the detector's reading wrong in several different characters or
    holding one no text holds. Leaving windows-1252 for a page that names no language
    also takes more words that some language writes (`_words_fit`).
    """
    chaos: dict[str, float] = {}
    for codec, mess in detected:
        chaos.setdefault(codec, mess)
    texts = {c: sample.decode(c, errors="replace") for c in chaos}
    if "cp1252" not in texts:
        # The detector leaves windows-1252 out when a few bytes (a no-break space) also
        # make a multi-byte character, or names only encodings no browser reads (cp775);
        # it stays the likeliest reading of such a page.
        with contextlib.suppress(UnicodeDecodeError):  # 0x81, 0x8D, 0x8F, 0x90, 0x9D
            texts["cp1252"] = sample.decode("cp1252")
    if not texts:
        return "utf-8"
    first = next(iter(texts))
    default = "cp1252" if chaos.get("cp1252", 1.0) <= chaos.get(first, 1.0) + 0.001 else first
    named = _ALPHABETS.get(language or "")  # none for English: no letters beyond ASCII
    by_words = not named and default == "cp1252"
    readings = {c: _reading(text, c) for c, text in texts.items()}
    needed = 0.0 if named else _CLEAR_FIT
    held, best, best_gain = readings[default], default, 0.0
    for codec, reading in readings.items():
        same = _alike(default, codec)
        alphabet = named or _likeliest_language(held, reading)
        (share, _), (held_share, judged) = reading.fit(same, alphabet), held.fit(same, alphabet)
        evident = named or judged >= _MIN_EVIDENCE or held.impossible
        gain = share - held_share
        # A page naming no language may be English quoting names from any: a reading whose
        # letters fit one other language better must also hold more words some language
        # writes ("Jørn Skærbæk ... á" is no less likely than "Jųrn Skęrbęk ... į").
        if not (evident and gain >= needed and gain > best_gain):
            continue
        if by_words and _words_fit(texts[codec], codec, same) <= _words_fit(
            texts[default], default, same
        ):
            continue
        best, best_gain = codec, gain
    return best
