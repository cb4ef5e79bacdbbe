"""Regenerate the bad-input fixtures in this folder (deterministic).

Run from anywhere:  python tests/data/bad/make_bad_fixtures.py

Produces:
    empty.txt            0 bytes
    binary.txt           512 random bytes (fixed seed), with NUL bytes
    latin1.txt           a short French news line encoded as Latin-1 (invalid UTF-8)
    truncated.warc.gz    a small valid gzipped WARC cut in the middle
    good.txt             a short valid English news page (control case)
"""

from __future__ import annotations

import gzip
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent

GOOD_TEXT = """\
Saturday, December 27, 2025
Share
U.S. and Ukrainian officials hold talks in Jeddah
Published March 12, 2025
JEDDAH, Saudi Arabia — U.S. Secretary of State Marco Rubio met a Ukrainian delegation \
that included Foreign Minister Andrii Sybiha in Jeddah on Tuesday to discuss ways to end \
the war in Ukraine.
After the talks, Ukraine said it was ready to accept a U.S. proposal for an immediate \
30-day ceasefire, according to a joint statement.
ADVT
"""

LATIN1_TEXT = (
    "Paris, 17 mars 2025 \u2014 Le pr\u00e9sident Emmanuel Macron a re\u00e7u le "
    "Premier ministre canadien Mark Carney \u00e0 l'\u00c9lys\u00e9e, a d\u00e9clar\u00e9 "
    "la pr\u00e9sidence. Caf\u00e9 et d\u00e9jeuner de travail ont suivi.\n"
)

WARC_HTML = (
    "<html><head><title>Test page</title></head><body><article>"
    "<h1>Carney meets Macron</h1><p>French President Emmanuel Macron received "
    "Canadian Prime Minister Mark Carney at the Elysee Palace on Monday.</p>"
    + "</article></body></html>"
)


def make_binary(seed: int = 20251227, size: int = 512) -> bytes:
    """Random bytes with guaranteed NULs, from a fixed seed."""
    rng = random.Random(seed)
    data = bytearray(rng.getrandbits(8) for _ in range(size))
    for pos in range(0, size, 37):  # why: make sure NUL bytes are present
        data[pos] = 0
    return bytes(data)


def make_latin1() -> bytes:
    """Latin-1 bytes (0xE9, 0xE7, ...) that are not valid UTF-8."""
    data = LATIN1_TEXT.replace("\u2014", "-").encode("latin-1")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    raise AssertionError("latin1 fixture must not decode as UTF-8")


def make_warc_gz() -> bytes:
    """A valid gzipped one-response WARC, written with warcio (fixed record id/date)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    # why: seeded pseudo-random words compress poorly, so the cut falls inside
    # the payload and the WARC headers before it stay readable.
    rng = random.Random(17)
    words = ["talks", "minister", "summit", "ceasefire", "statement", "envoy", "border"]
    filler = " ".join(rng.choice(words) + str(rng.randint(0, 9999)) for _ in range(600))
    payload = WARC_HTML.replace("</article>", f"<p>{filler}</p></article>").encode("utf-8")
    http_headers = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    warc_headers = {
        "WARC-Record-ID": "<urn:uuid:6f1c2d4e-0000-4000-8000-000000000001>",
        "WARC-Date": "2025-03-17T12:00:00Z",
    }
    record = writer.create_warc_record(
        "https://news.example.org/2025/03/17/carney-macron",
        "response",
        payload=io.BytesIO(payload),
        http_headers=http_headers,
        warc_headers_dict=warc_headers,
    )
    writer.write_record(record)
    return buf.getvalue()


def truncate(data: bytes) -> bytes:
    """Cut a gzip stream in the middle, so decompression fails at EOF."""
    cut = data[: len(data) // 2]
    try:
        gzip.decompress(cut)
    except EOFError:
        return cut
    raise AssertionError("truncated fixture must not decompress")


def main() -> None:
    """Write all fixtures next to this script."""
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "binary.txt").write_bytes(make_binary())
    (HERE / "latin1.txt").write_bytes(make_latin1())
    (HERE / "truncated.warc.gz").write_bytes(truncate(make_warc_gz()))
    (HERE / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")


if __name__ == "__main__":
    main()
