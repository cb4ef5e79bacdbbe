"""Shared fixtures: paths to the bundled sample and to ../shared (when present), and the
expensive set-ups built once per session (the coder, Chromium)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from needs import need, need_module

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "diplograph" / "sample"
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = Path(os.environ.get("DIPLOGRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadfile`` hands out the costliest files first (tests/costliest_first.py)."""
    if config.getvalue("dist") != "loadfile":
        return None
    from costliest_first import CostliestFirstScheduling

    return CostliestFirstScheduling(config, log)


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    need(SHARED.exists(), f"{SHARED} is not there (the shared data sits beside the repo in CI)")
    return SHARED


@pytest.fixture(scope="session")
def article_coder():
    """One loaded coder (spaCy model + knowledge) for the whole test session."""
    from diplograph.coding.stage import ArticleCoder

    return ArticleCoder()


@pytest.fixture(scope="session")
def actor_resolver():
    """One actor resolver (spaCy model + verified knowledge) for the session; read-only."""
    from diplograph.coding.actors import ActorResolver

    return ActorResolver()


@pytest.fixture(scope="session")
def event_coder():
    """One event coder (default settings) for the session: a second one costs 0.8 s of CPU
    and the coder keeps nothing between texts."""
    from diplograph.coding.coder import EventCoder

    return EventCoder()


@pytest.fixture(scope="session")
def code_sentence(event_coder):
    """Codes a text as a one-article story published 2025-03-14 (one coder per session)."""
    from diplograph.coding.parse import load_nlp

    return sentence_coder(event_coder, load_nlp())


@pytest.fixture(scope="session")
def warm_process(article_coder):
    """This process holds everything an ingest loads: the coder (spaCy model, knowledge),
    the HTML cleaner and the language identifier. An ingest's worker processes are forked
    from it, so each starts warm instead of loading them again (5 s of CPU an ingest, 20 s
    of wall time on a loaded 2-core machine). Request it in any test that ingests."""
    from diplograph.run.pipeline import WARM_UP, work_on_document
    from diplograph.settings import Settings

    for doc in WARM_UP:
        work_on_document(article_coder, doc, Settings())


@pytest.fixture
def warm_ingest(monkeypatch, article_coder, warm_process):
    """Ingests in this test code with the session's coder (default settings) after the
    warm-up, instead of loading a coder each."""
    from diplograph.run import pipeline

    monkeypatch.setattr(pipeline, "new_coder", lambda settings: article_coder)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory, warm_process) -> Path:
    """The bundled sample ingested once per session (per xdist worker): read-only for every
    test that reads it (API, schema, security, browser); copy it to write."""
    from diplograph.run.ingest import ingest_paths
    from diplograph.settings import Settings

    path = tmp_path_factory.mktemp("web-sample") / "sample.duckdb"
    # Default settings, not the environment's: test_runners compares the other engines with it.
    ingest_paths([str(SAMPLE)], path, settings=Settings())
    return path


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium (Debian's, driven by Playwright) for every browser test of the
    session: each test opens its own context, so launching it once isolates them as well.

    Playwright's sync API keeps an event loop running in the worker's main thread for the
    whole session, so after any browser test ``asyncio.run`` in that thread refuses to start
    (and drops its coroutine with a RuntimeWarning): a test that needs its own event loop
    runs it in a thread of its own (see the cache warm-up test)."""
    need(CHROMIUM.exists(), f"{CHROMIUM} is absent (apt-get install -y chromium; .ci/run does it)")
    sync_api = need_module("playwright.sync_api", "playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def actors_in(resolver, text: str, when: str | None, home: str | None = None) -> dict:
    """The actors `resolver` finds in `text` (read on day `when`, in `home`), by their words."""
    import datetime as dt

    doc = resolver.nlp(text)
    day = dt.date.fromisoformat(when) if when else None
    mentions = resolver.find_mentions(doc, when=day, home_country=home)
    return {m.actor.text: m.actor for m in mentions}


def actor_at(resolver, text: str, words: str, *, when, home: str | None = "GBR",
             last: bool = False):
    """The actor of the mention at `words` in `text` (its first occurrence, or its last with
    `last`), read on day `when` (a date, or None) in `home`; fails when none is there."""
    at = text.rindex(words) if last else text.index(words)
    mentions = resolver.find_mentions(resolver.nlp(text), when=when, home_country=home)
    found = [m for m in mentions if m.start <= at < m.end or at <= m.start < at + len(words)]
    assert found, f"no mention of {words!r}: {[text[m.start:m.end] for m in mentions]}"
    return found[0].actor


def sentence_coder(coder, nlp):
    """A function coding one text as a one-article document published on a fixed day."""
    from diplograph.records import Article, PublishedDate

    def run(text: str, published: str = "2025-03-14") -> list:
        article = Article(doc_id="t", article_index=0, title=None, text=text,
                          published=PublishedDate(value=published, precision="day",
                                                  source="metadata"))
        return coder.code(article, nlp(text))
    return run
