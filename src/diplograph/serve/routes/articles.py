"""``/api/articles/{doc_id}/{index}``: a cleaned article with its events' evidence marked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from diplograph.serve.deps import ConnDep
from diplograph.serve.highlight import segments
from diplograph.serve.models import NOT_FOUND
from diplograph.store import queries

router = APIRouter(prefix="/api", tags=["articles"])


def article_data(con, doc_id: str, index: int, focus: str | None = None) -> dict:
    art = queries.article(con, doc_id, index)
    return {**art, "segments": segments(art["text"], art["events"], focus=focus)}


# ``:path``: crawl ids are often URLs, so a doc id may hold ``/`` (sent as ``%2F`` or not).
@router.get("/articles/{doc_id:path}/{index}", responses=NOT_FOUND)
def article(con: ConnDep, doc_id: Annotated[str, Path(min_length=1, max_length=300)],
            index: Annotated[int, Path(ge=0, le=10_000)]) -> dict:
    """The article (SPEC §5 shape), its events, and ``segments``: the text cut at evidence
    spans, each segment listing the events whose evidence covers it."""
    return article_data(con, doc_id, index)
