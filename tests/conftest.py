"""Shared fixtures: paths to the bundled sample and to ../shared (when present)."""

from __future__ import annotations

from pathlib import Path

import pytest
from needs import need

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "src" / "diplograph" / "sample"
SHARED = REPO.parent / "shared"
DATA = Path(__file__).resolve().parent / "data"


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


def sentence_coder(coder, nlp):
    """A function coding one text as a one-article document published on a fixed day."""
    from diplograph.records import Article, PublishedDate

    def run(text: str, published: str = "2025-03-14") -> list:
        article = Article(doc_id="t", article_index=0, title=None, text=text,
                          published=PublishedDate(value=published, precision="day",
                                                  source="metadata"))
        return coder.code(article, nlp(text))
    return run
