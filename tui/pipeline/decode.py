"""Bytes to text: which encoding a page is in, and its text.

Runs where the page is read (a worker process, `stages.read_page`), not in the process that
fetches and paints: detecting an undeclared encoding costs tens of milliseconds on a big
page, and the decoded text of a page can be four times its bytes.
"""

from __future__ import annotations

import codecs
import re

from tui.pipeline import readings
from tui.pipeline.model import ErrorKind, PipelineError

# The text encodings of the web (the WHATWG Encoding Standard), by Python codec name, and
# the codec briefing decodes each with. Anything else a label or detection names is not
# taken: Python's codec registry also holds transforms (base64, hex, rot13, zlib, bz2,
# unicode_escape, idna, punycode, undefined) and encodings no browser reads (utf-7,
# EBCDIC), which would raise or turn a page into something it is not.
_SAME_NAME_ENCODINGS = """
    utf-8 utf-8-sig utf-16 utf-16-be utf-16-le cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5
    iso8859-6 iso8859-7 iso8859-8 iso8859-10 iso8859-13 iso8859-14 iso8859-15 iso8859-16
    koi8-r koi8-u mac-roman mac-cyrillic cp874 cp1250 cp1251 cp1252 cp1253 cp1254 cp1255
    cp1256 cp1257 cp1258 gbk gb2312 gb18030 big5 big5hkscs euc_jp iso2022_jp shift_jis
    cp932 euc_kr cp949
"""
WEB_ENCODINGS: dict[str, str] = {
    **{name: name for name in _SAME_NAME_ENCODINGS.split()},
    # Browsers read these labels as their Windows supersets (WHATWG), so € and quotes
    # in latin-1-labelled pages come out right.
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
}
# WHATWG labels Python's registry does not know by that name.
_LABEL_ALIASES = {"windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "x-sjis": "cp932"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Codecs a detector names that no label of the web does, by the codec briefing reads such
# a page with: EUC-JIS-2004 as itself, for it is EUC-JP with JIS X 0213's additions (the
# circled numbers and signs Japanese pages use, which Python's euc_jp lacks); the Shift_JIS
# variants as Windows-31J (cp932), which browsers read every Shift_JIS page as. Refused,
# an EUC-JP page that named no charset was "broken or unknown".
_DETECTED_ONLY = {
    "euc_jis_2004": "euc_jis_2004", "euc_jisx0213": "euc_jis_2004",
    "shift_jis_2004": "cp932", "shift_jisx0213": "cp932",
}  # fmt: skip
# ISO-2022 escape sequences (ECMA-35) that switch 7-bit text into a set of two-byte (or
# katakana) characters. In a page that names no charset they mean ISO-2022-JP: its bytes
# are ASCII and decode as UTF-8 too, into "$B%N!<%H(B". (The switches back, ESC ( B and
# ESC ( J, say nothing alone: a terminal's reset sequence holds ESC ( B too.)
_ISO2022_SWITCH = re.compile(rb"\x1b(?:\$[@B]|\$\(D|\$A|\$\(C|\(I)")
# The codecs tried on such a page, narrowest first: ISO-2022-JP; with half-width katakana
# (ESC ( I) or JIS X 0212; with Chinese and Korean sets too (ISO-2022-JP-2). Python has no
# ISO-2022-CN; ISO-2022-KR shifts with control bytes, which fetching refuses as binary.
_ISO2022_CODECS = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2")


# A byte-order mark outranks every label (WHATWG, as browsers read): a UTF-8 page with its
# BOM served as windows-1252 showed "Ã¼" for "ü".
_BOMS = ((codecs.BOM_UTF8, "utf-8", "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16", "utf-16"))  # fmt: skip


def decode_html(body: bytes, header_charset: str | None) -> tuple[str, str]:
    """Text of the page: its byte-order mark, the HTTP charset, then the page's own <meta
    charset>, then ISO-2022-JP's escapes, UTF-8, and detection.

    Only a real text encoding of the web is taken from a label (`_codec`): anything else
    ("base64", "rot13", "zlib", a typo) is treated as no label at all, as browsers do.
    """
    text, codec = _decoded(body, header_charset)
    # Looked for in the bytes where it can be: a search of the text cost 0.2 ms a page.
    if (_UTF8_C1.search(body) if codec == "utf-8" else _C1.search(text)) is not None:
        text = _C1.sub(lambda m: _C1_AS_WINDOWS.get(ord(m[0]), m[0]), text)
    return text, codec


# C1 controls have no use in a page's text: where one stands, a Windows-1252 page was
# converted to UTF-8 as if it were latin-1, and its curly quotes and dashes became
# U+0091-U+0097, which the text then lost ("Davis\x92s" read "Daviss"). HTML reads a
# character reference to them (&#146;) as the Windows-1252 character; so do we here.
_C1 = re.compile("[\x80-\x9f]")
_UTF8_C1 = re.compile(rb"\xc2[\x80-\x9f]")
# (The same table reads a stray byte 0x80-0x9F in a UTF-8 page: `_windows_punctuation`.)
_C1_AS_WINDOWS = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)  # no character there in Windows-1252
}


def _decoded(body: bytes, header_charset: str | None) -> tuple[str, str]:
    for bom, name, bom_codec in _BOMS:
        if body.startswith(bom):
            try:
                return body.decode(bom_codec), name
            except UnicodeDecodeError:
                break  # a BOM on bytes it does not fit: the labels and detection decide
    bare_utf16 = utf16_without_bom(body)
    if bare_utf16 is not None and _codec(header_charset) in (None, "utf-16"):
        # "utf-16" alone means "look for a BOM"; without one the bytes say which order.
        header_charset = bare_utf16
    meta = _codec(_meta_charset(body))
    # A <meta> can only be read because the bytes are ASCII-compatible, so it cannot
    # truthfully say UTF-16; browsers read such pages as UTF-8 (WHATWG), and so do we.
    meta = None if meta and meta.startswith("utf-16") else meta
    header = _codec(header_charset)
    if header and header.startswith("utf-16") and b"\0" not in body[:_SNIFF_BYTES]:
        # Markup in UTF-16 has a NUL in every ASCII character; without one the header
        # lies, and read as UTF-16 the page became CJK-looking noise with no article.
        header = None
    utf8 = _plainly_utf8(body)
    for codec in (header, meta):
        if codec is None:
            continue
        if utf8 is not None:
            # A label naming a legacy code page over UTF-8 bytes ("CafÃ©" in every accent)
            # is a server's default, not the page's encoding.
            return utf8, "utf-8"
        try:
            return body.decode(codec), codec
        except UnicodeDecodeError:
            # A wrong label is common (latin-1 bytes served as utf-8); detection does better.
            break
    if utf8 is not None:
        return utf8, "utf-8"
    iso2022 = _iso2022(body)
    if iso2022 is not None:
        return iso2022
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        mended = _utf8_with_stray_bytes(body)
        if mended is not None:
            return mended, "utf-8"
    return _detected(body)


def _plainly_utf8(body: bytes) -> str | None:
    """The text of bytes that are valid UTF-8 holding a character beyond ASCII, else None.
    Text in another encoding is almost never valid UTF-8 once it has a byte past 0x7F:
    a single-byte code page would need each accented letter followed by just the
    symbols that pass for UTF-8's continuation bytes."""
    if body.isascii() or b"\0" in body[:_SNIFF_BYTES]:  # NULs: UTF-16's ASCII
        return None
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detected(body: bytes) -> tuple[str, str]:
    """The text of a page that named no charset it is in, in the encoding detection finds."""
    from charset_normalizer import from_bytes

    # Detection may propose any Python codec; only the web's text encodings are used.
    sample = body[:200_000]
    matches = [m for m in from_bytes(sample) if _detected_codec(m.encoding)]
    least = min((m.chaos for m in matches), default=0.0)
    near = [m for m in matches if m.chaos <= least + readings.CHAOS_MARGIN]
    detected = [(web, m.chaos) for m in near if (web := _detected_codec(m.encoding))]
    codec = readings.likeliest(sample, detected, readings.page_language(body))
    text = body.decode(codec, errors="replace")
    if _garbled(text):
        raise PipelineError(
            ErrorKind.DECODE,
            "The page's text could not be decoded: its encoding is broken or unknown.",
        )
    return text, codec


def _garbled(text: str) -> bool:
    """Whether too many characters of a decoded text are U+FFFD for it to be read."""
    return text.count("\ufffd") > max(20, len(text) // 100)


def _iso2022(body: bytes) -> tuple[str, str] | None:
    """The text of a 7-bit page that switches into ISO-2022-JP's character sets, and the
    codec; None for any other page."""
    if not body.isascii() or _ISO2022_SWITCH.search(body) is None:
        return None
    for codec in _ISO2022_CODECS:
        try:
            return body.decode(codec), codec
        except UnicodeDecodeError:
            continue
    # A few broken sequences: each is U+FFFD, as in any other encoding.
    text = body.decode(_ISO2022_CODECS[-1], errors="replace")
    return None if _garbled(text) else (text, _ISO2022_CODECS[-1])


# How many bytes of a page's start show whether it is UTF-16 with no byte-order mark.
_SNIFF_BYTES = 512


def utf16_without_bom(body: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for markup in UTF-16 with no byte-order mark ("<\\0h\\0t\\0"
    ...: every other byte NUL, the first character "<"), else None. Such a page is text,
    though its NULs look like a binary file's."""
    head = body[:_SNIFF_BYTES]
    for codec, text_at in (("utf-16-le", 0), ("utf-16-be", 1)):
        text, zeros = head[text_at::2], head[1 - text_at :: 2]
        if len(zeros) >= 4 and zeros.count(0) >= 0.9 * len(zeros) and text.lstrip()[:1] == b"<":
            return codec
    return None


def _windows_punctuation(error: UnicodeError) -> tuple[str, int]:
    """A byte that is not UTF-8, as the character Windows-1252 gives it when it is one of
    that code page's punctuation (0x80-0x9F: curly quotes, dashes, "…", "€", pasted in
    from a word processor), else U+FFFD as browsers show it."""
    assert isinstance(error, UnicodeDecodeError)
    return _C1_AS_WINDOWS.get(error.object[error.start], "\ufffd"), error.start + 1


codecs.register_error("briefing-windows-punctuation", _windows_punctuation)


def _utf8_with_stray_bytes(body: bytes) -> str | None:
    """The text of a UTF-8 page with a few bytes that are not UTF-8 (a curly quote pasted
    in from Windows, read as that quote; a stray latin-1 character or a cut sequence, each
    shown as U+FFFD as browsers do); None for a page in another encoding. Text in a
    single-byte encoding almost never forms a valid multi-byte UTF-8 character, so a page
    with more valid ones than broken bytes is UTF-8: detection would read the whole page as
    some code page and garble every accent ("CafÃ©")."""
    text = body.decode("utf-8", errors="briefing-windows-punctuation")
    own = body.count("\ufffd".encode())  # a U+FFFD the page itself holds is valid
    broken = text.count("\ufffd") - own
    strict = body.decode("utf-8", errors="ignore")
    valid = len(strict) - len(strict.encode("ascii", "ignore")) - own
    return text if valid > broken else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None


def _detected_codec(name: str) -> str | None:
    """The Python codec for an encoding detection names: one of the web's (`_codec`), or
    the one read for a variant no label names (`_DETECTED_ONLY`)."""
    web = _codec(name)
    if web is not None:
        return web
    try:
        return _DETECTED_ONLY.get(codecs.lookup(name).name)
    except LookupError:
        return None


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, if it names one of the web's text encodings."""
    if not label:
        return None
    name = _LABEL_ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        name = codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a label with a NUL in it
        return None
    return WEB_ENCODINGS.get(name)
