"""Fuzzing the readers, the cleaners and the coder: no crash, no hang, one clear error.

Random bytes, random unicode, news-like line soup, enormous lines, deeply
nested HTML and gzip bombs go through the same guarded path as real input
(:func:`diplograph.pages.sources.iter_documents` →
:func:`diplograph.run.pipeline.clean_document` → the coder). Every document
must come out as articles (and events) or as exactly one ``DocumentError``.

Budget: ``DIPLOGRAPH_FUZZ_EXAMPLES`` examples per property (default 40, so
``make test`` stays quick); ``make fuzz`` runs 2,500 per property (10,000+ in all).
"""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.pages.sources import iter_documents
from diplograph.records import Article, Document, DocumentError, PublishedDate
from diplograph.run.pipeline import clean_document, code_documents
from diplograph.settings import Settings

EXAMPLES = int(os.environ.get("DIPLOGRAPH_FUZZ_EXAMPLES", "40"))
# Per-document limit for the fuzzed pipeline, and the wall time a test allows per example.
LIMIT_S = 5.0
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SETTINGS = Settings(doc_timeout_s=LIMIT_S, max_bytes=2_000_000)

NEWSY = [
    "Share", "ADVT", "TT", "20", "Skip to main content", "Photo : Getty Images / AFP",
    "MORE International ARTICLES", "Top Stories", "Saturday, December 27, 2025",
    "18 Jun, 2016", "By Jane Doe", "MOSCOW (Reuters) —", "Ã©tÃ© â€™ Ã¢â‚¬Å“",
    "Russia and Ukraine held talks in Istanbul on Monday.",
    "Canadian Prime Minister Mark Carney spoke with Ukrainian President Volodymyr Zelenskyy.",
    "China summoned the Japanese ambassador to protest",
    "the summit of the military alliance of theTake", "NATO",
    "the Kremlin neither confirms nor denies", "if Paris sends troops", "\u200b\u202e\ufeff",
]
line = st.one_of(st.sampled_from(NEWSY), st.text(max_size=200))
soup = st.lists(line, max_size=40).map("\n".join)
any_text = st.one_of(st.text(max_size=3000), soup)


def _check_one(items: list) -> None:
    assert len(items) == 1, items
    item = items[0]
    if isinstance(item, DocumentError):
        assert item.reason and "\n" not in item.line(), item


def _clean(content: str, kind: str = "text") -> list[Article] | DocumentError:
    doc = Document(doc_id="fuzz", kind=kind, content=content, content_hash="0", path="fuzz")
    started = time.monotonic()
    result = clean_document(doc, SETTINGS)
    assert time.monotonic() - started < LIMIT_S + 2, "the per-document time limit did not hold"
    if isinstance(result, DocumentError):
        assert result.reason and "\n" not in result.line()
    else:
        assert all(isinstance(a, Article) and a.text for a in result)
    return result


@FUZZ
@given(raw=st.binary(max_size=4000),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".txt.gz", ".warc.gz"]))
def test_random_bytes_give_documents_or_one_error(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"doc{suffix}"
    path.write_bytes(gzip.compress(raw) if suffix.endswith(".gz") else raw)
    items = list(iter_documents([str(path)], max_bytes=SETTINGS.max_bytes))
    assert all(isinstance(i, (Document, DocumentError)) for i in items)
    if suffix in (".txt", ".html", ".txt.gz"):
        _check_one(items)
    for item in items:
        if isinstance(item, Document):
            _clean(item.content, item.kind)


@FUZZ
@given(content=any_text, kind=st.sampled_from(["text", "html"]))
def test_random_text_is_cleaned_or_refused_clearly(content, kind):
    _clean(content, kind)


html_tree = st.recursive(
    st.text(max_size=80),
    lambda inner: st.tuples(st.sampled_from(["div", "p", "span", "table", "script", "b"]),
                            st.lists(inner, max_size=4))
    .map(lambda t: f"<{t[0]}>" + "".join(t[1]) + f"</{t[0]}>"),
    max_leaves=60,
)


@FUZZ
@given(body=html_tree, depth=st.integers(0, 3000))
def test_nested_html_is_cleaned_or_refused_clearly(body, depth):
    _clean("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>", "html")


@FUZZ
@given(texts=st.lists(any_text, min_size=1, max_size=4))
def test_the_coder_survives_random_articles(article_coder, texts):
    batch = []
    for i, text in enumerate(texts):
        doc = Document(doc_id=f"d{i}", kind="text", content=text, content_hash=str(i))
        article = Article(doc_id=f"d{i}", article_index=0, title=None, text=text or " ",
                          published=PublishedDate(value="2025-03-01", precision="day"),
                          language="en")
        batch.append((doc, [article]))
    results = code_documents(batch, article_coder, SETTINGS)
    assert len(results) == len(batch)
    for result in results:
        if isinstance(result, DocumentError):
            assert "\n" not in result.line()
        else:
            assert all(0 <= e.evidence.start <= e.evidence.end <= len(result.articles[0].text)
                       for e in result.events)


# Fixed nasty inputs: each must end quickly in articles or one clear error.

def test_an_enormous_line_is_handled_in_time():
    words = ("Russia and Ukraine held talks in Istanbul on Monday " * 40_000)  # ~2 MB, one line
    result = _clean(words[:1_500_000])
    assert isinstance(result, (list, DocumentError))


def test_deeply_nested_html_is_handled_in_time():
    _clean("<html><body>" + "<div><p>" * 100_000 + "Talks were held." + "</p></div>" * 100_000
           + "</body></html>", "html")


@pytest.mark.parametrize("suffix", [".txt.gz", ".html.gz", ".jsonl.gz", ".warc.gz"])
def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path, suffix):
    bomb = tmp_path / f"bomb{suffix}"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:  # 200 MB of zeros → ~200 kB on disk
        chunk = b"\0" * (1 << 20) if suffix != ".jsonl.gz" else b"a" * (1 << 20)
        for _ in range(200):
            handle.write(chunk)
    started = time.monotonic()
    items = list(iter_documents([str(bomb)], max_bytes=SETTINGS.max_bytes))
    assert time.monotonic() - started < 10
    assert items and all(isinstance(i, DocumentError) for i in items), items
    assert len(items) == 1, items


def test_the_time_limit_stops_a_runaway_document(monkeypatch):
    import diplograph.run.pipeline as pipeline

    def forever(doc):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "extract_articles", forever)
    doc = Document(doc_id="slow", kind="text", content="x", content_hash="0", path="slow.txt")
    started = time.monotonic()
    result = pipeline.clean_document(doc, Settings(doc_timeout_s=0.5))
    assert isinstance(result, DocumentError) and "0.5 s limit" in result.reason
    assert time.monotonic() - started < 3


def test_a_directory_without_readable_files_is_one_error(tmp_path: Path):
    (tmp_path / "notes.bin").write_bytes(b"\0\1")
    items = list(iter_documents([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], DocumentError)
