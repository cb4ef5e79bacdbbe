"""Cleaning scraped text dumps into article bodies (SPEC §2).

A scraper's text dump holds the whole page: menus, the crawl date, share
buttons, photo captions (often twice), lists of other stories' headlines,
teasers, comments, and sometimes several articles back to back. No library
cleans this, so we do it in two steps:

1. :mod:`diplograph.pages.lines` repairs, rejoins and labels the lines (tool
   line, section header, caption, repeat, date line, byline, headline, prose)
   with the patterns in ``data/boilerplate``; a pattern only ever judges a
   whole short line;
2. :mod:`diplograph.pages.segment` groups the prose into blocks and judges
   each block as a whole, by how many words it shares with the article around
   it: the same story, a new article (with its own title, from
   :mod:`diplograph.pages.titles`), or other stories' teasers.

Every removed line is kept in ``dropped`` so an analyst can see what was cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.pages import assemble, blocks, segment, topic
from diplograph.pages.lines import Line, has_mojibake, is_prose, label_lines, read_lines
from diplograph.pages.titles import clean_title

__all__ = ["CleanArticle", "CleanDump", "clean_dump", "clean_text_dump", "clean_title",
           "has_mojibake"]


@dataclass(slots=True)
class CleanArticle:
    """One article found in a text dump, before it becomes an Article record."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    date_line: str | None = None  # the byline/date line the publication date comes from

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True, slots=True)
class CleanDump:
    """A cleaned dump: its articles, and how much of its prose the line rules removed."""

    articles: list[CleanArticle]
    lines: tuple[str, ...]  # the repaired, rejoined lines (what "kept as it is" keeps)
    prose_words: int  # words on prose-shaped lines
    removed_words: int  # ... on those that boilerplate rules labelled as something else

    @property
    def kept_share(self) -> float:
        """The share of the prose that survived the line rules (1.0 when there is no prose).

        Blocks judged to be other stories, teasers or comments are not counted as
        lost: choosing the article is the cleaner's job. Prose that a pattern or
        the repeat rule took for boilerplate is, and a document that loses most
        of its prose that way is one the rules got wrong. With no article at
        all, nothing was kept.
        """
        if not self.prose_words:
            return 1.0
        if not self.articles:
            return 0.0
        return 1.0 - self.removed_words / self.prose_words


def clean_dump(text: str) -> CleanDump:
    """Split a scraped text dump into clean articles, and measure the prose kept.

    Args:
        text: the whole dump, as the scraper saved it.

    Returns:
        The articles found, in order (none when no prose was found), with the
        dump's lines and prose word count.
    """
    lines, unrepairable = read_lines(text)
    label_lines(lines)
    prose = [line for line in lines if is_prose(line.text)]
    removed = [line for line in prose if line.label != "prose"]
    removed_words = sum(len(line.split()) for line in unrepairable if is_prose(line))
    weights = topic.Weights(line.text for line in lines)
    drafts = segment.group(lines, blocks.find_blocks(lines), weights)
    articles = []
    for k, draft in enumerate(drafts):
        lo = drafts[k - 1].rows[-1] + 1 if k else 0
        hi = _next_span_start(drafts, k, len(lines))
        part = assemble.assemble(lines, draft, range(lo, hi), weights)
        articles.append(CleanArticle(
            title=clean_title(part.title) if part.title else None,
            paragraphs=part.paragraphs, dropped=part.dropped, date_line=part.date_line))
    if articles:
        articles[0].dropped[:0] = unrepairable
    found = [article for article in articles if article.paragraphs]
    return CleanDump(found, tuple(line.text for line in lines), _words(prose),
                     _words(removed) + removed_words)


def _words(lines: list[Line]) -> int:
    return sum(len(line.text.split()) for line in lines)


def _next_span_start(drafts: list[segment.Draft], k: int, total: int) -> int:
    """Where the lines of article ``k`` end: after its last paragraph, or the dump's end."""
    return drafts[k].rows[-1] + 1 if k + 1 < len(drafts) else total


def clean_text_dump(text: str) -> list[CleanArticle]:
    """Split a scraped text dump into clean articles.

    Args:
        text: the whole dump, as the scraper saved it.

    Returns:
        The articles found, in order; empty when no prose was found.
    """
    return clean_dump(text).articles
