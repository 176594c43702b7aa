"""A corpus of hostile and damaged input files, generated (nothing of it is stored in the repository).

Each entry names what a run must make of the file: ``None`` when it must be analysed into a report,
or the error code of the one line it must be refused with.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

ARTICLE = "Shelling hit a market in the eastern town on Tuesday, killing 7 people and wounding 12, officials said.\n"

#: Decompressed size of the gzip bomb: ~1 MB on disk, a thousand times that unpacked.
BOMB_BYTES = 1 << 30


def _bomb_warc(path: Path) -> None:
    """One WARC response record whose payload is a gigabyte of zeros, gzipped as WARC members are.

    Compressing a gigabyte takes seconds; after a full flush deflate starts afresh, so one megabyte's
    compressed block, repeated, is the same stream (written in well under a second).
    """
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"WARC-Target-URI: https://bomb.example/\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        + f"Content-Length: {len(http) + BOMB_BYTES}\r\n\r\n".encode()
        + http
    )
    tail = b"\r\n\r\n"
    zeros = bytes(1 << 20)
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate: the gzip frame is written here
    start = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(zeros) + packer.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    with path.open("wb") as fh:
        fh.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + start)
        for _ in range(BOMB_BYTES >> 20):
            fh.write(block)
            crc = zlib.crc32(zeros, crc)
        fh.write(packer.compress(tail) + packer.flush())
        size = len(head) + BOMB_BYTES + len(tail)
        fh.write(struct.pack("<II", zlib.crc32(tail, crc), size & 0xFFFFFFFF))


def build(folder: Path) -> dict[str, str | None]:
    """Write the files; returns file name -> expected outcome (None: a report; else the error code)."""
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[bytes, str | None]] = {
        "empty.txt": (b"", "SW103"),
        "blank.txt": (b" \n\t\r\n", "SW103"),
        "binary.txt": (b"\x00\x01\x02\xff\xfe" * 4000, "SW102"),
        "every_byte.txt": (bytes(range(256)) * 64, "SW104"),  # few NULs, and text in no encoding
        "image.html": (b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "SW102"),
        "truncated_utf8.txt": (("Kyiv — " + ARTICLE + "Последние новости").encode()[:-1], None),
        "mixed_encoding.txt": ("Café Zürich — ".encode() + "naïve résumé ".encode("cp1252") + ARTICLE.encode(), None),
        "big_number.txt": (("The office said " + "9" * 400 + " people were killed. " + ARTICLE).encode(), None),
        "rtl_zero_width.txt": (
            (
                "\u202eالقصف\u202c \u200b"
                + ARTICLE.replace("killing", "kil\u200bling").replace(" ", "\u200d ", 3)
                + "\u05e9\u05dc\u05d5\u05dd 3 \u0642\u062a\u0644\u0649\n\ufeff\u2067x\u2069"
            ).encode(),
            None,
        ),
        # libxml2 parses HTML at most 255 elements deep: the text inside is out of reach, and the page is refused
        "nested.html": (b"<html><body>" + b"<div>" * 100_000 + ARTICLE.encode() + b"</div>" * 100_000, "SW106"),
        "control_chars.html": (
            b"<html><head><title>A\x1b[2J\x07title\x7f</title></head><body><p>" + ARTICLE.encode() + b"</p></body>",
            None,
        ),
        "feed.jsonl": (
            b"\n".join(
                [
                    json.dumps({"text": ARTICLE, "title": "first"}).encode(),
                    b"[" * 100_000 + b"]" * 100_000,
                    b'{"text": "Two were wounded \\ud800 in the raid, medics said.", "title": "\\udfff"}',
                    b"{not json",
                    json.dumps({"text": ARTICLE.replace("7", "9"), "title": "last"}).encode(),
                ]
            ),
            None,  # per line: checked by the caller (two failures, three documents)
        ),
    }
    expected: dict[str, str | None] = {}
    for name, (data, outcome) in files.items():
        (folder / name).write_bytes(data)
        expected[name] = outcome
    with (folder / "huge.txt").open("wb") as fh:  # 50 MB of ordinary text: over the 20 MB byte limit
        line = ARTICLE.encode()
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))
    expected["huge.txt"] = "SW105"
    # 1.2 million characters: under the byte limit, over --max-chars (the model's memory), refused before analysis
    (folder / "long.txt").write_bytes(ARTICLE.encode() * (1_200_000 // len(ARTICLE) + 1))
    expected["long.txt"] = "SW105"
    _bomb_warc(folder / "bomb.warc.gz")
    expected["bomb.warc.gz"] = "SW106"
    odd = os.path.join(os.fsencode(folder), b"r\xe9sum\xe9 \x1b[31m.txt")  # not UTF-8, with an escape sequence
    with open(odd, "wb") as fh:
        fh.write(ARTICLE.replace("7", "5").encode())
    expected[os.fsdecode(b"r\xe9sum\xe9 \x1b[31m.txt")] = None
    return expected
