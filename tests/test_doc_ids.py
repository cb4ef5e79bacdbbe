"""Doc ids never collide (issue #20): colliding inputs are all kept, whatever their order,
stored documents keep their ids, and re-ingesting stays a no-op."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from diplograph.pages.ids import IdAssigner, colliding_ids, hashed_id
from diplograph.pages.sources import iter_documents
from diplograph.records import Document, KnownSources
from diplograph.run.ingest import ingest_paths
from diplograph.store.store import Store

STORY_A = "France and Germany held talks in Paris on Monday about trade and security.\n"
STORY_B = "Russia accused Ukraine of violating the ceasefire near the border, officials said.\n"
PAGE_TXT = "Japan summoned the Chinese ambassador on Tuesday to protest against the arrests.\n"
PAGE_HTML = ("<html><body><p>Canada imposed new tariffs on Mexican steel imports worth "
             "40 million dollars on Friday, the government announced.</p></body></html>")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two ``story.txt`` in two folders, ``page.txt`` beside ``page.html``, one lone file."""
    root = tmp_path / "corpus"
    for rel, text in (("a/story.txt", STORY_A), ("b/story.txt", STORY_B),
                      ("page.txt", PAGE_TXT), ("page.html", PAGE_HTML),
                      ("lone.txt", STORY_A.replace("Paris", "Berlin"))):
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


def documents(*paths: Path, known: KnownSources | None = None) -> list[Document]:
    items = iter_documents([str(p) for p in paths], known=known)
    return [i for i in items if isinstance(i, Document)]


def test_colliding_stems_are_all_hashed_and_lone_stems_kept(corpus: Path) -> None:
    ids = {Path(d.path).relative_to(corpus).as_posix(): d.doc_id for d in documents(corpus)}
    assert ids["lone.txt"] == "lone"
    for rel in ("a/story.txt", "b/story.txt", "page.txt", "page.html"):
        natural = Path(rel).stem
        assert ids[rel] == hashed_id(natural, str(corpus / rel))
    assert len(set(ids.values())) == 5


def test_ids_do_not_depend_on_input_order(corpus: Path) -> None:
    files = sorted(corpus.rglob("*.*"))
    forward = {d.source: d.doc_id for d in documents(*files)}
    backward = {d.source: d.doc_id for d in documents(*reversed(files))}
    assert forward == backward and len(forward) == 5


def test_jsonl_ids_colliding_across_files_are_both_kept(tmp_path: Path) -> None:
    for name, text in (("day1.jsonl", STORY_A), ("day2.jsonl", STORY_B)):
        (tmp_path / name).write_text(json.dumps({"id": "https://x.org/a", "text": text}) + "\n")
    docs = documents(tmp_path)
    assert [d.content for d in docs] == [STORY_A, STORY_B]
    assert len({d.doc_id for d in docs}) == 2
    assert all(d.doc_id.startswith("https://x.org/a-") for d in docs)


def test_same_id_twice_in_one_jsonl_file_keeps_both(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "r1", "text": t}) for t in (STORY_A, STORY_B)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    docs = documents(feed)
    assert [d.content for d in docs] == [STORY_A, STORY_B]
    assert [d.doc_id for d in docs] == ["r1", hashed_id("r1", f"{feed}:2#r1", 16)]


def test_extract_keeps_the_ids_as_given_and_each_record_its_own_events(
        tmp_path: Path, article_coder) -> None:
    """With no store to collide in, a shared id stays as given (events join back to the
    user's records) and each record still gets only its own events."""
    from diplograph.run.pipeline import process_paths

    lines = [json.dumps({"id": "r1", "text": t}) for t in (STORY_A, PAGE_TXT)]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n")
    results = list(process_paths([str(feed)], coder=article_coder))
    assert [r.document.doc_id for r in results] == ["r1", "r1"]
    for result, text in zip(results, (STORY_A, PAGE_TXT), strict=True):
        assert result.events and all(e.evidence.text in text for e in result.events)


def test_a_stored_source_keeps_its_id_and_another_source_gets_a_new_one() -> None:
    known = KnownSources(ids_by_source={"old/story.txt": "story"},
                         sources_by_id={"story": "old/story.txt"})
    ids = IdAssigner(colliding=set(), known=known)
    assert ids.assign("story", "old/story.txt") == "story"
    assert ids.assign("story", "new/story.txt") == hashed_id("story", "new/story.txt")
    assert ids.assign("story", "new/story.txt") is None  # read twice in one batch


def test_colliding_ids_needs_two_sources() -> None:
    pairs = [("a", "x/a.txt"), ("a", "x/a.txt"), ("b", "x/b.txt"), ("b", "y/b.html")]
    assert colliding_ids(pairs) == {"b"}


def rows(db: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "documents": con.execute(
                "SELECT doc_id, source, content_hash FROM documents ORDER BY doc_id").fetchall(),
            "articles": con.execute(
                "SELECT doc_id, article_index, text FROM articles ORDER BY ALL").fetchall(),
            "events": con.execute("SELECT id, doc_id, type FROM events ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def test_colliding_inputs_are_all_stored_in_either_order(
    corpus: Path, tmp_path: Path, warm_ingest: None
) -> None:
    files = [str(p) for p in sorted(corpus.rglob("*.*"))]
    forward = ingest_paths(files, tmp_path / "forward.duckdb")
    backward = ingest_paths(list(reversed(files)), tmp_path / "backward.duckdb")
    assert forward.documents == backward.documents == 5 and forward.failed == 0
    stored = rows(tmp_path / "forward.duckdb")
    assert len(stored["documents"]) == 5 and len(stored["articles"]) == 5
    assert stored == rows(tmp_path / "backward.duckdb")
    again = ingest_paths(list(reversed(files)), tmp_path / "forward.duckdb")
    assert again.unchanged == 5 and again.documents == 0
    assert rows(tmp_path / "forward.duckdb") == stored


def test_a_later_batch_never_replaces_another_source(
    corpus: Path, tmp_path: Path, warm_ingest: None
) -> None:
    db = tmp_path / "two-batches.duckdb"
    first = ingest_paths([str(corpus / "a")], db)
    second = ingest_paths([str(corpus / "b")], db)
    assert first.documents == second.documents == 1
    with Store(db) as store:
        held = store.known_sources().ids_by_source
    assert held == {str(corpus / "a/story.txt"): "story",
                    str(corpus / "b/story.txt"): hashed_id("story", str(corpus / "b/story.txt"))}
    both = ingest_paths([str(corpus / "a"), str(corpus / "b")], db)
    assert both.unchanged == 2 and both.documents == 0


def test_old_databases_get_sources_from_their_paths(tmp_path: Path) -> None:
    from diplograph.store.migrations import MIGRATIONS, migrate

    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE _migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    for name, func in MIGRATIONS[:5]:
        func(con)
        con.execute("INSERT INTO _migrations (name) VALUES (?)", [name])
    con.execute("INSERT INTO documents (doc_id, content_hash, path) VALUES "
                "('story', 'h1', './c/story.txt'), ('r1', 'h2', 'c/feed.jsonl:7'), "
                "('urn:uuid:1', 'h3', 'c/crawl.warc.gz#urn:uuid:1')")
    assert migrate(con)[0] == "m006_document_source"  # then the later ones
    assert con.execute("SELECT doc_id, source FROM documents ORDER BY doc_id").fetchall() == [
        ("r1", "c/feed.jsonl#r1"), ("story", "c/story.txt"),
        ("urn:uuid:1", "c/crawl.warc.gz#urn:uuid:1")]
    con.close()


def test_url_like_ids_open_in_every_route(tmp_path: Path, warm_ingest) -> None:
    """Crawl ids are often URLs: the event page's Source link, the article page, its JSON
    twin and the API all open an article whose id holds '/', '?' and a space."""
    import re

    import httpx

    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    doc_id = "https://x.org/news/a b?1"
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": doc_id, "text": STORY_A}) + "\n")
    db = tmp_path / "x.duckdb"
    ingest_paths([str(tmp_path / "feed.jsonl")], db)
    with running_server(create_app(WebSettings(db=db))) as base, \
            httpx.Client(base_url=base, timeout=30) as http:
        event = http.get("/api/events").json()["data"][0]
        assert event["doc_id"] == doc_id
        link = re.search(r'id="source-link"><a href="([^"]+)"',
                         http.get(f"/events/{event['id']}").text).group(1)
        quoted = quote(doc_id, safe="")
        for path in (link, f"/articles/{quoted}/0", f"/articles/{quoted}/0.json",
                     f"/api/articles/{quoted}/0"):
            response = http.get(path)
            assert response.status_code == 200, path
        assert http.get(f"/api/articles/{quoted}/0").json()["doc_id"] == doc_id
        assert doc_id in http.get(link).text
