"""Bytes to text: refuse binaries, accept UTF-8, detect other encodings carefully.

Offsets must hold against the file, so the only change made to decoded text is
``\\r\\n`` (and a lone ``\\r``) becoming ``\\n``, and a leading BOM being dropped.
UTF-8 with damage is still read as UTF-8: a last character cut short becomes
U+FFFD, and foreign bytes among many UTF-8 characters are read as Windows-1252
(mixed encodings), rather than the whole file as a guessed legacy encoding.
"""

from __future__ import annotations

import codecs
import re

from sourcewise.errors import BinaryInput, EmptyInput, EncodingError, TooLarge

# Magic numbers of formats that are certainly not article text.
_BINARY_MAGIC = (
    b"\x1f\x8b",  # gzip
    b"PK\x03\x04",  # zip, docx, xlsx
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",  # jpeg
    b"GIF8",
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
    b"SQLite format 3",
)


def check_size(n: int, max_bytes: int) -> None:
    if n > max_bytes:
        raise too_large(n, max_bytes)


def too_large(n: int, max_bytes: int) -> TooLarge:
    return TooLarge(f"input is {n:,} bytes, over the limit of {max_bytes:,} (see --max-bytes)")


def decode_text(raw: bytes, max_bytes: int) -> str:
    """Decode raw bytes into text or raise a coded InputError."""
    check_size(len(raw), max_bytes)
    if raw.startswith(_BINARY_MAGIC):
        raise BinaryInput("input is a binary file, not text")
    text = _decode(raw)
    if "\x00" in text:
        raise BinaryInput("input contains NUL bytes: a binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput("input is empty (nothing but whitespace)")
    return text


def _decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(f"input has a UTF-16 mark but is not UTF-16: {exc.reason}") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    if raw.count(b"\x00") > len(raw) // 100:
        raise BinaryInput("input contains NUL bytes: a binary file, not text")
    if first_error.end == len(raw) and first_error.reason == "unexpected end of data":
        return raw[: first_error.start].decode("utf-8") + "\ufffd"  # UTF-8 cut short inside its last character
    if _mostly_utf8(raw):
        return raw.decode("utf-8", errors=_FALLBACK)
    return _detect(raw, first_error)


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with some foreign bytes (a Windows-1252 quote mark or paragraph pasted into it)?

    Legacy single-byte text almost never forms valid multi-byte UTF-8 sequences, so a file
    with many of them is UTF-8: reading all of it as the detected legacy encoding would turn
    every one of its accented letters and dashes into mojibake.
    """
    text = raw.decode("utf-8", errors="replace")
    foreign = text.count("\ufffd") - raw.count("\ufffd".encode())
    multibyte = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    return multibyte > 0 and 4 * multibyte >= foreign


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 inside UTF-8 text, read as Windows-1252 (U+FFFD where it has no character)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    if exc.end == len(exc.object) and exc.reason == "unexpected end of data":
        return "\ufffd", exc.end  # the last character, cut short
    return bytes(exc.object[exc.start : exc.end]).decode("cp1252", errors="replace"), exc.end


_FALLBACK = "sourcewise.cp1252"
codecs.register_error(_FALLBACK, _cp1252_fallback)


def valid_unicode(text: str) -> str:
    """Text that can be written as UTF-8: lone surrogates (from JSON escapes such as \\ud800) become U+FFFD.

    Such a string cannot be stored, printed or hashed as UTF-8; one broken escape must not cost the document.
    """
    return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _detect(raw: bytes, first_error: UnicodeDecodeError) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    # Only single-script legacy encodings are trusted; a "detected" exotic codec for
    # a UTF-8 file with one broken byte would silently corrupt the text.
    if best is not None and best.encoding in _TRUSTED and best.chaos < 0.2:
        return str(best)
    raise EncodingError(
        f"input is not UTF-8 (byte {first_error.start}: {first_error.reason}) "
        "and no other encoding could be detected with confidence"
    )


_TRUSTED = {
    "cp1252",
    "latin_1",
    "iso8859_15",
    "cp1251",
    "koi8_r",
    "iso8859_2",
    "cp1250",
    "iso8859_5",
    "cp1254",
    "iso8859_9",
    "cp1256",
    "iso8859_6",
    "cp1253",
    "iso8859_7",
    "mac_roman",
    "utf_16",
    "utf_16_le",
    "utf_16_be",
}
