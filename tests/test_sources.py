"""Reading inputs: formats, doc ids, hashes, and one error per bad document."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from diplograph.pages.sources import doc_id_for, iter_documents
from diplograph.records import Document, DocumentError

GOOD = "Title of a story\nThe minister said on Monday that the talks had been useful.\n"


def run(*paths: object, **kwargs: int) -> tuple[list[Document], list[DocumentError]]:
    items = list(iter_documents([str(p) for p in paths], **kwargs))
    docs = [i for i in items if isinstance(i, Document)]
    return docs, [i for i in items if isinstance(i, DocumentError)]


def test_text_file_gives_document_with_id_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "003_abc.txt"
    path.write_text(GOOD, encoding="utf-8")
    docs, errors = run(path)
    assert not errors
    assert docs[0].doc_id == "003_abc"
    assert docs[0].kind == "text"
    assert docs[0].content == GOOD
    assert docs[0].content_hash == hashlib.sha256(GOOD.encode()).hexdigest()


def test_doc_id_strips_known_extensions_only() -> None:
    assert doc_id_for("/x/foo.warc.gz") == "foo"
    assert doc_id_for("a.b.txt") == "a.b"
    assert doc_id_for("page.html.gz") == "page"


def test_directory_recurses_and_skips_unsupported(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "sub" / "deeper" / "b.html").write_text(
        "<html><body><p>Hello there, world.</p></body></html>"
    )
    (tmp_path / "sub" / "notes.pdf").write_bytes(b"%PDF-1.4")
    docs, errors = run(tmp_path)
    assert not errors
    assert sorted(d.doc_id for d in docs) == ["a", "b"]
    assert {d.kind for d in docs} == {"text", "html"}


def test_glob_pattern(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(GOOD)
    docs, errors = run(tmp_path / "x*.txt")
    assert [d.doc_id for d in docs] == ["x1", "x2"] and not errors


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b"  \n\t\n ", "empty document"),
        ("nul.txt", b"abc\x00\x01\x02def" * 10, "binary file"),
        ("controls.txt", bytes(range(1, 9)) * 50 + b"text", "binary file"),
        (
            "latin1.txt",
            "Le président a reçu".encode("latin-1"),
            "not UTF-8 text (decode failed at byte 5)",
        ),
    ],
)
def test_bad_text_files_give_one_error_each(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "good.txt").write_text(GOOD)
    docs, errors = run(tmp_path)
    assert [d.doc_id for d in docs] == ["good"]
    assert len(errors) == 1
    assert errors[0].reason == reason
    assert errors[0].line().startswith(f"error: {tmp_path / name}: ")


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    docs, _ = run(tmp_path / "bom.txt")
    assert docs[0].content == GOOD


def test_html_with_declared_charset_is_decoded(tmp_path: Path) -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"></head>'
        "<body><p>Le président a reçu.</p></body></html>"
    )
    (tmp_path / "p.html").write_bytes(html.encode("latin-1"))
    docs, errors = run(tmp_path / "p.html")
    assert not errors and "président" in docs[0].content


def test_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000)
    docs, errors = run(tmp_path / "big.txt", max_bytes=100)
    assert not docs and errors[0].reason == "too large (5000 bytes > limit 100)"


def test_missing_path_unsupported_file_and_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "doc.pdf").write_bytes(b"%PDF")
    docs, errors = run(tmp_path / "nope.txt", tmp_path / "empty", tmp_path / "doc.pdf")
    assert not docs
    assert [e.reason for e in errors] == [
        "no such file or directory",
        "directory has no readable files",
        "unsupported file type (expected .txt, .html, .htm, .jsonl, .warc, .warc.gz)",
    ]


def test_truncated_gzip_is_an_error(tmp_path: Path) -> None:
    data = gzip.compress(("A long line of text about diplomacy. " * 200).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    docs, errors = run(tmp_path / "cut.txt.gz")
    assert not docs and errors[0].reason.startswith("truncated or corrupt gzip")


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "r1", "text": "Some text of a story.", "url": "https://x.org/1",
                    "published": "2024-05-02", "title": "T"}),
        "{not json",
        json.dumps({"id": "r3", "html": "<html><body><p>Hello page.</p></body></html>"}),
        "",
        json.dumps({"id": "r5"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n")
    docs, errors = run(tmp_path / "feed.jsonl")
    assert [(d.doc_id, d.kind) for d in docs] == [("r1", "text"), ("r3", "html")]
    assert docs[0].url == "https://x.org/1" and docs[0].published == "2024-05-02"
    assert docs[0].title == "T"
    assert docs[0].content_hash == hashlib.sha256(lines[0].encode()).hexdigest()
    feed = tmp_path / "feed.jsonl"
    assert [e.doc for e in errors] == [f"{feed}:2", f"{feed}:5"]
    assert errors[0].reason.startswith("invalid JSON")


def _warc_bytes(pages: list[tuple[str, bytes, str]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, payload, ctype in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        ))
    return out.getvalue()


def test_warc_responses_become_documents(tmp_path: Path) -> None:
    data = _warc_bytes([
        ("https://x.org/a", b"<html><body><p>First page text.</p></body></html>",
         "text/html; charset=utf-8"),
        ("https://x.org/logo.png", b"\x89PNG\x00\x00", "image/png"),
        ("https://x.org/b", b"<html><body><p>Second page text.</p></body></html>", "text/html"),
    ])
    (tmp_path / "crawl.warc.gz").write_bytes(data)
    docs, errors = run(tmp_path / "crawl.warc.gz")
    assert not errors
    assert [d.url for d in docs] == ["https://x.org/a", "https://x.org/b"]
    assert all(d.doc_id.startswith("urn:uuid:") and d.kind == "html" for d in docs)


def test_truncated_warc_keeps_good_records(tmp_path: Path) -> None:
    first = _warc_bytes(
        [("https://x.org/a", b"<html><body><p>First page.</p></body></html>", "text/html")]
    )
    second = _warc_bytes([
        ("https://x.org/b",
         b"<html><body><p>" + b"Second page. " * 500 + b"</p></body></html>", "text/html"),
    ])
    (tmp_path / "cut.warc.gz").write_bytes(first + second[: len(second) // 2])
    docs, errors = run(tmp_path / "cut.warc.gz")
    assert [d.url for d in docs] == ["https://x.org/a"]
    assert len(errors) == 1 and errors[0].doc == str(tmp_path / "cut.warc.gz")


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_text("<!DOCTYPE html><html><body><p>Hi.</p></body></html>")
    docs, _ = run(tmp_path / "saved.txt")
    assert docs[0].kind == "html"


def test_truncated_uncompressed_warc_record_is_an_error(tmp_path: Path) -> None:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    for url in ("https://x.org/a", "https://x.org/b"):
        payload = b"<html><body><p>" + b"Page text here. " * 100 + b"</p></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers
        ))
    data = out.getvalue()
    (tmp_path / "cut.warc").write_bytes(data[: len(data) - 500])
    docs, errors = run(tmp_path / "cut.warc")
    assert [d.url for d in docs] == ["https://x.org/a"]
    assert len(errors) == 1 and "truncated" in errors[0].reason
