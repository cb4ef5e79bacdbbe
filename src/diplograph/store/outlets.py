"""The sources view's query: outlets and their articles, with counts (issue #18).

An outlet is the host of an article's URL (or of its document's), else the file's name for a
local document, else the document id.
"""

from __future__ import annotations

import duckdb

# Where an article comes from: the host of its URL (or of its document's), else the file's
# name for a local file, else the document id; "www." is not part of an outlet's name.
_OUTLET = ("coalesce(nullif(regexp_replace(lower(regexp_extract(coalesce(a.url, d.url, ''), "
           "'^[a-z][a-z0-9+.-]*://([^/:?#@]+)', 1)), '^www\\.', ''), ''), "
           "nullif(regexp_extract(coalesce(d.path, ''), '[^/\\\\]+$'), ''), a.doc_id)")
# Sortable columns of the sources view: the key a URL holds → ORDER BY (ties: by name).
SOURCE_SORTS: dict[str, str] = {
    "outlet": "outlet", "-outlet": "outlet DESC",
    "documents": "documents", "-documents": "documents DESC",
    "articles": "articles", "-articles": "articles DESC",
    "events": "events", "-events": "events DESC",
}


def sources(con: duckdb.DuckDBPyConnection, *, sort: str = "-events",
            outlet: str | None = None, limit: int = 500) -> dict:
    """Outlets (a URL's host, or the file of a local document) with their documents,
    articles and events, in the order of ``sort`` (:data:`SOURCE_SORTS`), and the articles
    (of ``outlet`` only, when given), most events first; at most ``limit`` of each.

    Returns:
        ``{"outlets": [{"outlet", "documents", "articles", "events"}], "articles":
        [{"outlet", "doc_id", "article_index", "title", "published", "url", "events"}],
        "n_outlets": n, "n_articles": n}`` (``n_*``: all of them, listed or not).

    Raises:
        ValueError: an unknown sort key.
    """
    if sort not in SOURCE_SORTS:
        raise ValueError(f"cannot sort sources by {sort!r} (choose from {', '.join(SOURCE_SORTS)})")
    per_article = (
        f"WITH art AS (SELECT {_OUTLET} AS outlet, a.doc_id, a.article_index, a.title, "
        "a.published_value AS published, coalesce(a.url, d.url) AS url, "
        "coalesce(e.n, 0) AS events FROM articles a "
        "LEFT JOIN documents d ON d.doc_id = a.doc_id "
        "LEFT JOIN (SELECT doc_id, article_index, count(*) AS n FROM events GROUP BY ALL) e "
        "ON e.doc_id = a.doc_id AND e.article_index = a.article_index) ")
    outlets = con.execute(
        per_article + "SELECT outlet, count(DISTINCT doc_id) AS documents, count(*) AS articles, "
        "sum(events)::BIGINT AS events, count(*) OVER () FROM art GROUP BY outlet "
        f"ORDER BY {SOURCE_SORTS[sort]}, outlet LIMIT ?", [limit]).fetchall()
    where, params = ("WHERE outlet = ?", [outlet]) if outlet else ("", [])
    articles = con.execute(
        per_article + f"SELECT outlet, doc_id, article_index, title, published, url, events, "
        f"count(*) OVER () FROM art {where} "
        "ORDER BY events DESC, outlet, doc_id, article_index LIMIT ?", params + [limit]).fetchall()
    return {
        "outlets": [{"outlet": o, "documents": d, "articles": a, "events": e}
                    for o, d, a, e, _ in outlets],
        "n_outlets": outlets[0][4] if outlets else 0,
        "articles": [{"outlet": o, "doc_id": doc, "article_index": i, "title": t,
                      "published": p, "url": u, "events": e}
                     for o, doc, i, t, p, u, e, _ in articles],
        "n_articles": articles[0][7] if articles else 0,
    }
