"""Hostile and careless input (issue #20), each probe re-run: only regular files, read with
a bound; symlinks kept inside the input; bombs refused fast; skipped files reported."""

from __future__ import annotations

import gzip
import json
import os
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.errors import ExtractionError
from diplograph.pages.articles import extract_articles
from diplograph.pages.reading import MAX_RATIO
from diplograph.pages.sources import iter_documents
from diplograph.records import Document, DocumentError, SkippedInput
from diplograph.run.ingest import ingest_paths

GOOD = "The minister said on Monday that the talks with Japan had been useful.\n"
FAST_S = 5.0


def read(*paths: Path, **options: object) -> tuple[list[Document], list[DocumentError], float]:
    started = time.monotonic()
    items = list(iter_documents([str(p) for p in paths], **options))  # type: ignore[arg-type]
    elapsed = time.monotonic() - started
    docs = [i for i in items if isinstance(i, Document)]
    return docs, [i for i in items if isinstance(i, DocumentError)], elapsed


def newline_bomb(path: Path, megabytes: int) -> Path:
    """A gzip of ``megabytes`` MB of newlines: one 1 MB member, repeated (about 1 KB each)."""
    member = gzip.compress(b"\n" * (1 << 20))
    with path.open("wb") as out:
        for _ in range(megabytes):
            out.write(member)
    return path


def test_fifo_named_or_in_a_directory_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # nobody writes: opening it to read would block forever
    (tmp_path / "good.txt").write_text(GOOD)
    docs, errors, elapsed = read(tmp_path / "pipe.txt", tmp_path)
    assert elapsed < FAST_S
    assert [d.doc_id for d in docs] == ["good"]
    assert [(e.doc, e.reason) for e in errors] == [
        (str(tmp_path / "pipe.txt"), "not a regular file (a FIFO); only regular files are read")
    ] * 2


def test_txt_symlink_to_dev_zero_is_refused_fast(tmp_path: Path) -> None:
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    _, errors, elapsed = read(tmp_path / "zero.txt")
    assert elapsed < FAST_S and errors[0].reason.startswith("symlink leads out of the input")
    _, errors, elapsed = read(tmp_path / "zero.txt", follow_symlinks=True)
    assert elapsed < FAST_S
    assert errors[0].reason == ("not a regular file (a character device); "
                                "only regular files are read")


def test_byte_limit_holds_whatever_stat_says(tmp_path: Path) -> None:
    maps = Path("/proc/self/maps")  # stat says 0 bytes; a read gives kilobytes
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("needs Linux /proc, where file sizes read 0")
    (tmp_path / "maps.txt").symlink_to(maps)
    _, errors, _ = read(tmp_path / "maps.txt", follow_symlinks=True, max_bytes=100)
    assert errors[0].reason == "too large (over 100 bytes > limit 100)"


@pytest.mark.parametrize("megabytes", [200, 5 * 1024])
def test_jsonl_gz_newline_bomb_is_refused_fast_and_later_files_read(
    tmp_path: Path, megabytes: int
) -> None:
    newline_bomb(tmp_path / "a-bomb.jsonl.gz", megabytes)
    (tmp_path / "b-good.jsonl").write_text(json.dumps({"id": "ok", "text": GOOD}) + "\n")
    docs, errors, elapsed = read(tmp_path)
    assert elapsed < FAST_S
    assert [d.doc_id for d in docs] == ["ok"]
    assert len(errors) == 1 and errors[0].doc == str(tmp_path / "a-bomb.jsonl.gz")
    assert errors[0].reason.startswith("refused: over 65536 bytes of blank lines in a row")


def test_jsonl_gz_bomb_of_one_long_line_is_refused_by_its_ratio(tmp_path: Path) -> None:
    member = gzip.compress(b"a" * (1 << 20))
    (tmp_path / "bomb.jsonl.gz").write_bytes(member * 200)
    _, errors, elapsed = read(tmp_path / "bomb.jsonl.gz", max_bytes=500_000_000)
    assert elapsed < FAST_S and len(errors) == 1
    assert errors[0].reason.startswith(f"refused: decompresses more than {MAX_RATIO}:1")


@pytest.mark.parametrize("name", ["bomb.txt.gz", "bomb.html.gz", "bomb.warc.gz"])
def test_every_gzip_format_has_the_limits(tmp_path: Path, name: str) -> None:
    newline_bomb(tmp_path / name, 200)
    docs, errors, elapsed = read(tmp_path / name, max_bytes=500_000_000)
    assert elapsed < FAST_S and not docs
    assert len(errors) == 1 and "decompresses more than" in errors[0].reason


def test_plain_jsonl_of_blank_lines_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_bytes(b"\n" * (3 << 20))
    _, errors, elapsed = read(tmp_path / "blank.jsonl")
    assert elapsed < FAST_S
    assert errors[0].reason == ("refused: over 65536 bytes of blank lines in a row "
                                "(at line 65537)")


def test_symlink_out_of_the_input_is_refused_unless_allowed(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text(GOOD)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "notes.txt").symlink_to(secret)
    (corpus / "inside.txt").symlink_to(corpus / "real.txt")
    (corpus / "real.txt").write_text(GOOD.replace("Japan", "Korea"))
    docs, errors, elapsed = read(corpus)
    assert elapsed < FAST_S
    assert sorted(d.doc_id for d in docs) == ["inside", "real"]
    assert [e.reason for e in errors] == [
        f"symlink leads out of the input ({secret}); --follow-symlinks allows it"]
    docs, errors, _ = read(corpus, follow_symlinks=True)
    assert sorted(d.doc_id for d in docs) == ["inside", "notes", "real"] and not errors


def test_broken_and_looping_symlinks_and_unreadable_directories_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "locked").mkdir()
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # chmod 000 does not stop root, who runs CI
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    docs, errors, _ = read(tmp_path)
    assert [d.doc_id for d in docs] == ["good"]
    assert [(Path(e.doc).name, e.reason) for e in errors] == [
        ("broken.txt", "broken symlink (No such file or directory)"),
        ("locked", "unreadable directory (Permission denied)"),
        ("loop.txt", "symlink loop"),
    ]


def test_skipped_files_go_to_on_skip(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    skipped: list[SkippedInput] = []
    docs, errors, _ = read(tmp_path, tmp_path / "good.txt", on_skip=skipped.append)
    assert [d.doc_id for d in docs] == ["good"] and not errors
    assert [(Path(s.path).name, s.reason.split(" (")[0]) for s in skipped] == [
        ("blob.bin", "unsupported file type"), ("good.txt", "already read")]


def test_ingest_counts_skipped_files_and_verbose_lists_them(
    tmp_path: Path, warm_ingest: None
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "blob.bin").write_bytes(b"\x00\x01")
    db = tmp_path / "x.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", str(db), "--verbose"])
    assert result.exit_code == 0, result.output
    assert f"skipped: {corpus / 'blob.bin'}: unsupported file type" in result.output
    # Counts agree with their nouns: "1 file", never "1 files".
    assert "1 file skipped (--verbose lists them)" in result.output
    assert "ingested 1 document (1 article, " in result.output


def test_missing_input_creates_no_database(tmp_path: Path) -> None:
    errors: list[DocumentError] = []
    summary = ingest_paths([str(tmp_path / "typo")], tmp_path / "x.duckdb", on_error=errors.append)
    assert summary.failed == 1 and errors[0].reason == "no such file or directory"
    assert not (tmp_path / "x.duckdb").exists()


PROSE = ("<p>France and Germany held talks in Paris on Monday about trade.</p>"
         "<p>The ministers said in a joint statement that the talks had been useful.</p>"
         "<p>They will meet again in Berlin next month to sign the agreement.</p>")


def nested(depth: int) -> Document:
    html = f"<html><body>{'<div>' * depth}{PROSE}{'</div>' * depth}</body></html>"
    return Document(doc_id="deep", kind="html", content=html, content_hash="h")


@pytest.fixture(scope="module")
def extractor_loaded() -> None:
    """The first page loads the extractor's models; the tests time the pages after it."""
    extract_articles(nested(10))


def test_html_nested_past_255_levels_is_read(extractor_loaded: None) -> None:
    started = time.monotonic()
    [article] = extract_articles(nested(1000))
    assert time.monotonic() - started < FAST_S
    assert "joint statement" in article.text


def test_html_nested_past_the_parser_says_so(extractor_loaded: None) -> None:
    with pytest.raises(ExtractionError, match="nested deeper than 2048 levels"):
        extract_articles(nested(5000))
