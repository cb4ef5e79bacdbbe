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


# Each article's outlet and number of events (its ``outlet`` and ``n_events`` columns, kept
# at every write), for the documents that match {docs} (a condition on ``doc_id``).
_ARTICLE_OUTLETS = (
    f"SELECT a.doc_id, a.article_index, {_OUTLET} AS outlet, coalesce(e.n, 0) AS n_events "
    "FROM (SELECT * FROM articles WHERE {docs}) a "
    "LEFT JOIN documents d ON d.doc_id = a.doc_id "
    "LEFT JOIN (SELECT doc_id, article_index, count(*) AS n FROM events WHERE {docs} "
    "GROUP BY ALL) e ON e.doc_id = a.doc_id AND e.article_index = a.article_index")


def keep_outlets(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> None:
    """Set the ``outlet`` and ``n_events`` of these documents' articles (every article's
    when None): the sources view then groups the articles table alone, instead of parsing
    every URL and counting every event per article at each request."""
    docs, params = ("TRUE", []) if doc_ids is None else ("doc_id IN (SELECT unnest($1))",
                                                         [doc_ids])
    con.execute(f"UPDATE articles SET outlet = k.outlet, n_events = k.n_events FROM "
                f"({_ARTICLE_OUTLETS.format(docs=docs)}) k "
                "WHERE articles.doc_id = k.doc_id AND articles.article_index = k.article_index",
                params)


def outlets_defined_and_kept(con: duckdb.DuckDBPyConnection) -> tuple[list, list]:
    """Every article's (doc_id, index, outlet, events) as defined, and as kept (a check)."""
    defined = con.execute(_ARTICLE_OUTLETS.format(docs="TRUE") + " ORDER BY 1, 2").fetchall()
    kept = con.execute("SELECT doc_id, article_index, outlet, n_events FROM articles "
                       "ORDER BY 1, 2").fetchall()
    return defined, kept


def sources(con: duckdb.DuckDBPyConnection, *, sort: str = "-events",
            outlet: str | None = None, limit: int = 500, page: int = 1) -> dict:
    """Outlets (a URL's host, or the file of a local document) with their documents,
    articles and events, in the order of ``sort`` (:data:`SOURCE_SORTS`), and the articles
    (of ``outlet`` only, when given), most events first; ``page`` (from 1) of ``limit`` of
    each. Outlets come from their counts kept at every write (``counts_outlet``).

    Returns:
        ``{"outlets": [{"outlet", "documents", "articles", "events"}], "articles":
        [{"outlet", "doc_id", "article_index", "title", "published", "url", "events"}],
        "n_outlets": n, "n_articles": n, "page": n, "limit": n, "pages": n}`` (``n_*``: all
        of them, listed or not; ``pages``: of the longer list).

    Raises:
        ValueError: an unknown sort key.
    """
    if sort not in SOURCE_SORTS:
        raise ValueError(f"cannot sort sources by {sort!r} (choose from {', '.join(SOURCE_SORTS)})")
    offset = (page - 1) * limit
    column = sort.lstrip("-")
    floor, floor_params = _top_floor(con, "counts_outlet", column, "TRUE", [], offset + limit) \
        if sort.startswith("-") and column != "outlet" else ("TRUE", [])
    outlets = con.execute(
        f"SELECT outlet, documents, articles, events FROM counts_outlet WHERE {floor} "
        f"ORDER BY {SOURCE_SORTS[sort]}, outlet LIMIT ? OFFSET ?",
        floor_params + [limit, offset]).fetchall()
    n_outlets = con.execute("SELECT count(*) FROM counts_outlet").fetchone()[0]
    where, params = ("outlet = ?", [outlet]) if outlet else ("TRUE", [])
    n_articles = con.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    floor, floor_params = _top_floor(con, "articles", "n_events", where, params, offset + limit)
    articles = con.execute(
        "WITH top AS (SELECT outlet, doc_id, article_index, title, published_value, url, "
        f"n_events FROM articles WHERE {where} AND {floor} "
        "ORDER BY n_events DESC, outlet, doc_id, article_index LIMIT ? OFFSET ?) "
        "SELECT t.outlet, t.doc_id, t.article_index, t.title, t.published_value, "
        "coalesce(t.url, d.url), t.n_events FROM top t "
        "LEFT JOIN documents d ON d.doc_id = t.doc_id "
        "ORDER BY t.n_events DESC, t.outlet, t.doc_id, t.article_index",
        params + floor_params + [limit, offset]).fetchall()
    return {
        "outlets": [{"outlet": o, "documents": d, "articles": a, "events": e}
                    for o, d, a, e in outlets],
        "n_outlets": n_outlets,
        "articles": [{"outlet": o, "doc_id": doc, "article_index": i, "title": t,
                      "published": p, "url": u, "events": e}
                     for o, doc, i, t, p, u, e in articles],
        "n_articles": n_articles, "page": page, "limit": limit,
        "pages": max(1, -(-max(n_outlets, n_articles) // limit)),
    }


def _top_floor(con: duckdb.DuckDBPyConnection, table: str, column: str, where: str,
               params: list, rows: int) -> tuple[str, list]:
    """A condition ``column >= v`` that keeps the ``rows`` rows with the highest values
    (ties included) and, with millions of rows, few others: sorting the few is cheaper
    than a top-N over every row. ``v`` comes from one pass over that column alone."""
    found = con.execute(
        f"SELECT min({column}) FROM (SELECT {column} FROM {table} WHERE {where} "
        f"ORDER BY {column} DESC LIMIT ?)", params + [rows]).fetchone()[0]
    return (f"{column} >= ?", [found]) if found is not None else ("TRUE", [])
