"""Documents to clean Article records (SPEC §5).

HTML goes through trafilatura (:mod:`diplograph.pages.htmlpages`), scraped text
through the text-dump cleaner (:mod:`diplograph.pages.cleaning`). Then each article
gets its publication date (:mod:`diplograph.pages.pubdate`), dateline place and
language (:mod:`diplograph.pages.language`). A text's date comes from metadata or
from the date line by its title or byline; caption and credit dates are never
used, and with nothing credible the date is unknown.

Never lose an article: a text whose boilerplate rules would remove more than half
of its prose is kept as it is, as one article with ``warning`` set, and a warning
naming it is logged.

``Article.text`` is what the event coder reads and what evidence offsets
point into: paragraphs separated by a blank line, no title.
"""

from __future__ import annotations

import dataclasses
import logging
import re

from diplograph.errors import ExtractionError
from diplograph.pages import cleaning, htmlpages, pubdate
from diplograph.pages.glued import split_glued_headline
from diplograph.pages.language import detect_language
from diplograph.records import Article, Document, PublishedDate

logger = logging.getLogger(__name__)

_NO_DATE = PublishedDate(value=None, precision="unknown", source="none")
# A text whose cleaning would keep less than this share of its prose is kept as it is:
# losing a real article is worse than keeping some boilerplate (with a warning).
KEEP_WHOLE_BELOW = 0.5


def extract_articles(doc: Document) -> list[Article]:
    """Document -> cleaned Article(s) with title, text, published, dateline, language, url, dropped.

    Args:
        doc: a document from :func:`diplograph.pages.sources.iter_documents`.

    Returns:
        One Article per article found, ``article_index`` 0, 1, ...

    Raises:
        ExtractionError: when nothing usable is left.
    """
    if doc.kind == "html":
        articles = _from_html(doc)
    else:
        articles = _from_text(doc)
    if not articles:
        raise ExtractionError(f"{doc.doc_id}: no article text found (only boilerplate or no prose)")
    return articles


def _from_html(doc: Document) -> list[Article]:
    page = htmlpages.extract_html(doc.content, url=doc.url)
    if page is None or not page.paragraphs:
        # Some pages defeat trafilatura; their visible text is still a text dump.
        logger.info("%s: trafilatura found no body; cleaning the visible text", doc.doc_id)
        return _from_text(doc, text=htmlpages.visible_text(doc.content))
    published = (
        pubdate.from_metadata(doc.published, "metadata")
        or pubdate.from_metadata(page.date, "html-meta")
        or _NO_DATE
    )
    text = "\n\n".join(page.paragraphs)
    return [_article(doc, 0, title=doc.title or page.title, text=text, published=published,
                     url=doc.url or page.url, dropped=(), language=detect_language(text))]


def _from_text(doc: Document, text: str | None = None) -> list[Article]:
    dump = cleaning.clean_dump(doc.content if text is None else text)
    meta_date = pubdate.from_metadata(doc.published, "metadata")
    if dump.kept_share < KEEP_WHOLE_BELOW:
        return [_kept_whole(doc, dump, meta_date)]
    found = dump.articles
    articles = []
    for index, clean in enumerate(found):
        title = clean.title
        if doc.title and len(found) == 1:
            title = doc.title
        paragraphs = _without_title(clean.paragraphs, title)
        if not paragraphs:
            continue
        if title is None:
            title, paragraphs = _unglued(paragraphs)
        text = "\n\n".join(paragraphs)
        language = detect_language(text)
        published = meta_date or _date_from_lines(clean, language) or _NO_DATE
        articles.append(_article(doc, len(articles), title=title, text=text, published=published,
                                 url=doc.url, dropped=tuple(clean.dropped), language=language))
        logger.debug("%s#%d: %d paragraphs, %d lines dropped", doc.doc_id, index,
                     len(paragraphs), len(clean.dropped))
    return articles


def _kept_whole(doc: Document, dump: cleaning.CleanDump,
                meta_date: PublishedDate | None) -> Article:
    """The whole document as one article, because cleaning would have gutted it."""
    lost = round(100 * (1 - dump.kept_share))
    warning = f"kept as it is: cleaning would have removed {lost}% of its prose"
    logger.warning("%s: %s", doc.doc_id, warning)
    text = "\n\n".join(dump.lines)
    article = _article(doc, 0, title=doc.title, text=text, published=meta_date or _NO_DATE,
                       url=doc.url, dropped=(), language=detect_language(text))
    return dataclasses.replace(article, warning=warning)


def _unglued(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """An untitled article's headline, when it is glued to the front of its lead."""
    glued = split_glued_headline(paragraphs[0])
    if glued is None:
        return None, paragraphs
    return glued.title, [glued.lead, *paragraphs[1:]]


def _without_title(paragraphs: list[str], title: str | None) -> list[str]:
    if title and paragraphs and _key(paragraphs[0]) == _key(title):
        return paragraphs[1:]
    return list(paragraphs)


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _date_from_lines(clean: cleaning.CleanArticle, language: str | None) -> PublishedDate | None:
    """The date on the article's byline/date line; captions and credits are never used. A
    numeric date is read in the order of the article's language ("04/11/2025" in Spanish is
    4 November)."""
    if not clean.date_line:
        return None
    found = pubdate.find_publication_date(clean.date_line,
                                          day_first=pubdate.writes_day_first(language))
    if found is None:
        return None
    return PublishedDate(value=found[0], precision=found[1], source="byline")  # type: ignore[arg-type]


def _article(doc: Document, index: int, *, title: str | None, text: str, published: PublishedDate,
             url: str | None, dropped: tuple[str, ...], language: str | None) -> Article:
    first = text.split("\n\n", 1)[0]
    return Article(
        doc_id=doc.doc_id,
        article_index=index,
        title=title,
        text=text,
        published=published,
        dateline=pubdate.find_dateline(first),
        language=language,
        url=url,
        dropped=dropped,
        content_hash=doc.content_hash,
    )
