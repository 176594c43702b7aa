"""Bytes to text: refuse binaries, accept UTF-8, detect other encodings carefully.

Offsets must hold against the file, so the only change made to decoded text is
``\\r\\n`` (and a lone ``\\r``) becoming ``\\n``, and a leading BOM being dropped.
"""

from __future__ import annotations

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
    return _detect(raw, first_error)


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
