"""Article body, title and date from HTML pages, with trafilatura.

trafilatura (body, title, language) and htmldate (the date, from the page's
metadata) do the extraction; this module chooses their options, measured on
the Zyte article-extraction benchmark (see ``docs/benchmarks.md``), and
shapes the result: one paragraph per block, separated by a blank line, the
title removed from the body.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import trafilatura

from diplograph.errors import ExtractionError

logger = logging.getLogger(__name__)

# The deepest nesting libxml2 builds with ``huge_tree`` (without it: 255); deeper
# elements are dropped, so their text cannot be read.
HTML_MAX_DEPTH = 2048

# Chosen on the benchmark (benchmarks/extraction.py --variants): favouring
# precision scores best (F1 0.973 vs 0.970 favouring recall) and suits users
# who want no noise; comments are not the article.
EXTRACT_OPTIONS: dict[str, object] = {
    "favor_precision": True,
    "include_tables": True,
    "include_comments": False,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class HtmlArticle:
    """What trafilatura found in one page."""

    title: str | None
    paragraphs: tuple[str, ...]
    date: str | None  # YYYY-MM-DD from the page's metadata (htmldate)
    language: str | None  # declared in the page, when it is
    url: str | None


def extract_html(html: str, *, url: str | None = None, **options: object) -> HtmlArticle | None:
    """Extract the main article of an HTML page.

    Args:
        html: the page source.
        url: the page's address, when known (helps trafilatura and htmldate).
        **options: overrides of :data:`EXTRACT_OPTIONS` (the benchmark tries several).

    Returns:
        The article, or None when trafilatura finds no body.
    """
    settings = {**EXTRACT_OPTIONS, **options}
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, **settings)  # type: ignore[arg-type]
    except Exception as exc:  # trafilatura/lxml fail in many ways on broken markup
        logger.warning("trafilatura failed on %s: %s", url or "page", exc)
        return None
    if result is None or not (result.text or "").strip():
        return None
    title = _clean(result.title) if result.title else None
    paragraphs = [_clean(line) for line in result.text.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the title is not part of the body
    return HtmlArticle(
        title=title or None,
        paragraphs=tuple(paragraphs),
        date=result.date,
        language=result.language,
        url=result.url or url,
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", "", a.lower()) == re.sub(r"\W+", "", b.lower())


# Elements whose text a browser never shows.
_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe", "object")
# Elements that start a new line when a page is rendered as text.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt details figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tr td th ul title "
    "button option label".split()
)


def visible_text(html: str) -> str:
    """All visible text of a page, one block per line, as a scraper saves it.

    Navigation, headers, footers and asides are included; scripts, styles and
    other invisible elements are not. Pages nested up to 2,048 levels deep are
    read (libxml2 stops at 255 unless asked; trafilatura does not ask).

    Raises:
        ExtractionError: the page is nested so deeply that nothing readable is
            left above the depth the parser reaches.
    """
    import lxml.html

    try:
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
    except Exception as exc:  # lxml rejects some documents outright
        logger.warning("cannot parse HTML: %s", exc)
        return ""
    for element in list(root.iter(*_INVISIBLE)):
        if element.getparent() is not None:
            element.drop_tree()
    parts: list[str] = []
    depth = _render(root, parts)
    lines = (re.sub(r"[ \t\r\f\v\xa0]+", " ", line).strip() for line in "".join(parts).split("\n"))
    text = "\n".join(line for line in lines if line)
    if depth >= HTML_MAX_DEPTH and not text:
        raise ExtractionError(f"HTML nested deeper than {HTML_MAX_DEPTH} levels: the parser "
                              "reads no further, and there is no text above that depth")
    return text


def _render(root, parts: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Append the text of ``root`` to ``parts``, blocks on lines of their own; returns the
    depth of the tree. A loop, not recursion: pages nest deeper than Python recurses."""
    deepest = 0
    stack = [(root, 1, False)]
    while stack:
        element, depth, closing = stack.pop()
        deepest = max(deepest, depth)
        block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
        if closing:
            if block:
                parts.append("\n")
            if element is not root and element.tail:
                parts.append(element.tail)
            continue
        if block:
            parts.append("\n")
        if isinstance(element.tag, str) and element.text:
            parts.append(element.text)
        stack.append((element, depth, True))
        stack.extend((child, depth + 1, False) for child in reversed(element))
    return deepest
