"""A real per-document limit: one slow or oversized document is refused on its own, in about
its limit, and the other documents of its batch keep exactly the events they would have had
without it."""

from __future__ import annotations

import time
from pathlib import Path

from diplograph.coding.stage import ArticleCoder
from diplograph.records import Article, Document, DocumentError, PublishedDate, to_dict
from diplograph.run.pipeline import code_documents, iter_results
from diplograph.settings import Settings

STORIES = {
    "call.txt": "OTTAWA — Canadian Prime Minister Mark Carney spoke with Ukrainian President "
                "Volodymyr Zelenskyy by phone on Friday, his office said.\n",
    "summons.txt": "BEIJING — China summoned the Japanese ambassador on Monday to protest "
                   "remarks by Japan's prime minister about Taiwan.\n",
    "expulsion.txt": "LONDON — Britain expelled a Russian diplomat on Tuesday, the Foreign "
                     "Office said, after accusing Moscow of a campaign of sabotage.\n",
}
SLOW = ("slow.txt", "MADRID — Spain recalled its ambassador to Argentina on Sunday. "
                    "Marked slow for the test.\n")


def _write(folder: Path, stories: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _by_doc(results: list) -> dict[str, object]:
    """Each document's events as plain dicts, or its error line."""
    out: dict[str, object] = {}
    for r in results:
        if isinstance(r, DocumentError):
            out[Path(r.doc).name] = r.line()
        else:
            out[r.document.doc_id] = [to_dict(e) for e in r.events]
    return out


def test_a_slow_document_cannot_change_its_batch(tmp_path, monkeypatch, article_coder):
    real_call = ArticleCoder.__call__

    def slow_for_the_marked_document(self, articles):
        if any("Marked slow" in a.text for a in articles):
            time.sleep(120)
        return real_call(self, articles)

    monkeypatch.setattr(ArticleCoder, "__call__", slow_for_the_marked_document)
    clean = _write(tmp_path / "clean", STORIES)
    with_slow = _write(tmp_path / "with_slow", {**STORIES, SLOW[0]: SLOW[1]})
    # The reference: the same documents without the slow one, coded in this process.
    without = _by_doc(list(iter_results([str(clean)], Settings(), coder=article_coder)))

    started = time.monotonic()
    results = list(iter_results([str(with_slow)], Settings(n_process=2, doc_timeout_s=6)))
    elapsed = time.monotonic() - started

    got = _by_doc(results)
    assert "6 s limit (doc_timeout_s)" in got.pop("slow.txt")
    assert got == without and any(without.values())
    assert elapsed < 120  # two model loads and the 6 s limit, on a loaded machine


def test_an_article_over_the_character_limit_is_refused_in_our_words(article_coder):
    def cleaned(doc_id: str, text: str) -> tuple[Document, list[Article]]:
        doc = Document(doc_id=doc_id, kind="text", content=text, content_hash=doc_id,
                       path=f"{doc_id}.txt")
        return doc, [Article(doc_id=doc_id, article_index=0, title=None, text=text,
                             published=PublishedDate(value="2025-12-26", precision="day"),
                             language="en")]

    long_text = STORIES["call.txt"] * 3
    results = code_documents([cleaned("short", STORIES["summons.txt"]),
                              cleaned("long", long_text)],
                             article_coder, Settings(max_doc_chars=200))
    assert results[0].events
    assert results[1].line() == (
        f"error: long.txt: article 0 has {len(long_text):,} characters, over the 200 limit "
        "(max_doc_chars): split the document or raise the limit")


def test_documents_sharing_an_id_keep_their_own_events(article_coder):
    def cleaned(text: str) -> tuple[Document, list[Article]]:
        doc = Document(doc_id="same", kind="text", content=text, content_hash=text)
        return doc, [Article(doc_id="same", article_index=0, title=None, text=text,
                             published=PublishedDate(value="2025-12-26", precision="day"),
                             language="en")]

    quiet = "The weather in Madrid was mild on Sunday, and the markets were closed.\n"
    results = code_documents([cleaned(STORIES["summons.txt"]), cleaned(quiet)], article_coder,
                             Settings(doc_timeout_s=0))
    assert results[0].events and results[1].events == []


def test_a_text_over_the_limit_is_refused_without_waiting_for_a_worker(tmp_path):
    folder = _write(tmp_path / "long", {"long.txt": STORIES["call.txt"] * 4})
    started = time.monotonic()
    results = list(iter_results([str(folder)], Settings(max_doc_chars=300)))
    assert [r.reason for r in results] == [
        f"the document has {len(STORIES['call.txt']) * 4:,} characters, over the 300 limit "
        "(max_doc_chars): split the document or raise the limit"]
    assert time.monotonic() - started < 15  # the worker still loading is stopped, not awaited


def test_a_page_over_the_markup_limit_is_refused_without_waiting_for_a_worker(tmp_path):
    page = "<html><body>" + "<p>" + STORIES["call.txt"] + "</p>" * 1 + "</body></html>"
    folder = _write(tmp_path / "pages", {"page.html": page, "call.txt": STORIES["call.txt"]})
    results = list(iter_results([str(folder)], Settings(max_markup_chars=100)))
    refused = [r.reason for r in results if isinstance(r, DocumentError)]
    assert refused == [f"the document has {len(page):,} characters, over the 100 limit "
                       "(max_markup_chars): split the document or raise the limit"]
    assert len(results) == 2  # the text beside it, shorter than its own limit, is coded
