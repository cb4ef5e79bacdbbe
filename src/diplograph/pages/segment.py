"""Articles in a labelled text dump: blocks of prose, judged as blocks (SPEC §2).

1. **Blocks** (:mod:`diplograph.pages.blocks`). Prose lines close together form a
   block; a long run of other lines, a list of other stories, a section header
   ("Top Stories") or a headline printed again ends it. A block whose gap holds a
   headline followed by a byline or date (or a new crawl date) is *opened* by an
   article header.
2. **Pages.** A run of many lines without any prose (a site's menus and
   footer) separates pages: a scraper's capture of an infinite scroll, or
   several saved pages in one file. So does a short run after the site's
   copyright line (a small site's few menus after the page before's footer), but
   not after a story's rights notice (a news agency's copyright line under its last
   paragraph), which can close a story in mid-page.
3. **Articles.** On each page, the block that best looks like the top of an
   article (a headline above it that shares its words, an article header, some
   length) opens one, if it is about something else than the article before
   (the blocks' weighted words differ: :meth:`diplograph.pages.topic.Weights.cosine`).
   Every other block carries the current article on when it is about the same
   story (after an advert, photos or a "Related" box), opens a new article under
   its own article header, or is dropped: teasers, comments, footers. Whether a
   later page's best block, or a later block, opens a new article is a scored
   decision over all the evidence it carries (:mod:`diplograph.pages.boundary`).
4. **Titles** come from :mod:`diplograph.pages.titles`.
4b. **Sections of a list.** A listicle or a round-up ("23 food bloggers", "Black
   Friday deals") is a run of blocks, each under a heading of its own, each
   about something else: three or more blocks of real paragraphs, one after the
   other with only a heading (and its furniture) between them, are one list if
   they share a vocabulary (recipes, prices, gadgets), and the article that holds
   one of them holds them all. A stream of other stories' teasers has the same
   shape, but its blocks share nothing.

Each article's header, body and date are put together by :mod:`diplograph.pages.assemble`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from diplograph.pages import boundary, pubdate, titles, topic
from diplograph.pages.blocks import DATED_PARAGRAPHS, Block, mark_series
from diplograph.pages.lines import EMBED_SIGNATURE_RE, Line, sentences, summary_line, word_count
from diplograph.pages.titles import Title

logger = logging.getLogger(__name__)

# Cosine similarity of weighted words (topic.Weights.cosine), measured on the tune pages of
# the dump benchmark: another story's body scores under 0.08 against an article nine times in
# ten, the article's own continuation over 0.14 nine times in ten.
SAME_STORY = 0.12  # a block this similar to the article carries it on ...
SAME_STORY_BOXED = 0.2  # ... after a list of other stories or a section header: this similar
# Once a long block about something else has followed the article (comments, related
# stories), the article is over: only a block as similar as a story is to itself rejoins it.
SAME_STORY_AFTER_END = 0.3
ENDING_WORDS = 40  # a dropped block this long (or of two paragraphs) ends the article
NEW_BELOW = 0.13  # a block above the opener less similar than this may be an article of its own
MIN_NEW_WORDS = 50  # a block this long (and of two paragraphs) may start an article
ONE_PARAGRAPH_WORDS = 100  # ... or, on a new page with no such block, one paragraph this long
ONE_PARAGRAPH_SENTENCES = 3  # ... of this many sentences
RIVAL_SHARE = 0.25  # of the longest block's words, for a titled block to open the article instead
STANDFIRST_WORDS = 50  # a one-line block up to this long may sit between a title and its body
PAGE_HEADER = 16  # this many lines in a row without prose: a new page's menus (or a footer)
PAGE_AFTER_FOOTER = 3  # ... or this many after the copyright line that ends the page before
BOX_COPIES = 4  # a widget line printed by this many blurbs ...
BOX_BLURB_WORDS = 100  # ... with fewer words of prose than this between copies: a box's
HEADLINE_SHARE = 0.5  # an article header's headline shares this much with the body below
LEDE_ROWS = 4  # paragraphs a title is compared with


@dataclass(slots=True)
class Draft:
    """An article being assembled: its blocks, title and vocabulary."""

    blocks: list[Block]
    title: Title | None
    stems: list[str]
    ended: bool = False  # a long block about something else came after it (comments, teasers)

    @property
    def rows(self) -> list[int]:
        return [r for b in self.blocks for r in b.rows]


# -- 2. articles -----------------------------------------------------------------------------


def group(lines: list[Line], blocks: list[Block], weights: topic.Weights) -> list[Draft]:
    """Blocks into articles (see the module docstring)."""
    if not blocks:
        return []
    heads = _titles(lines, blocks, weights)
    mark_series(lines, blocks, weights)
    anchor = max(blocks, key=lambda b: b.words)
    drafts: list[Draft] = []
    waiting: list[Block] = []
    for number, page in enumerate(_pages(lines, blocks)):
        opener = _opener(lines, page, heads, anchor, drafts, weights)
        opened_above = False  # an article under its own header above the opener
        for block in page:
            title = heads[block.start]
            if block is opener and opened_above:
                # An article under its own header came first: the page's opener is judged
                # like any later block (a comment thread does not become an article).
                _carry_on(lines, drafts, block, title, weights)
            elif block is opener:
                if not drafts:  # the first article's title may be anywhere above it
                    title = titles.choose(lines, block.start, block.rows, 0, weights,
                                          _lede(lines, block))
                drafts.append(_start(block, title, waiting if not drafts else [], weights))
                logger.debug("block %d-%d opens article %d", block.start, block.end, len(drafts))
            elif not drafts and _own_header_first(block, title, opener, weights):
                drafts.append(_start(block, title, waiting, weights))
                opened_above = True
                logger.debug("block %d-%d opens article 1 under its own header", block.start,
                             block.end)
            elif not drafts:
                waiting.append(block)
            else:
                before = len(drafts)
                # The first block under a new page's menus carries that page's evidence even
                # when a longer story glued below it is the page's best block.
                _carry_on(lines, drafts, block, title, weights,
                          new_page=number > 0 and block is page[0])
                # An article opened above a later page's opener: the opener is judged like
                # any later block, as on the first page.
                opened_above |= len(drafts) > before and opener is not None and (
                    block.start < opener.start)
    return drafts


def _titles(lines: list[Line], blocks: list[Block],
            weights: topic.Weights) -> dict[int, Title | None]:
    """Each block's title, found below any longer prose above it and below the copyright
    line that ends the page before it."""
    found: dict[int, Title | None] = {}
    lo = 0
    for block in blocks:
        footers = [i for i in range(lo, block.start) if lines[i].label == "footer"]
        lo = footers[-1] + 1 if footers else lo
        found[block.start] = titles.choose(lines, block.start, block.rows, lo, weights,
                                           _lede(lines, block))
        if len(block.rows) > 1 or block.words > STANDFIRST_WORDS:
            lo = block.end + 1  # a one-line standfirst or teaser may sit below the title
    return found


def _pages(lines: list[Line], blocks: list[Block]) -> list[list[Block]]:
    """Blocks grouped by page: a new page starts after a long run of lines without prose,
    unless the run is a page's own boxes (see :func:`_box_widgets`)."""
    widgets = _box_widgets(lines)
    pages = [[blocks[0]]]
    for before, block in zip(blocks, blocks[1:]):
        gap = lines[before.end + 1 : block.start]
        if ((_page_header(gap) or _after_footer(lines, before, block))
                and not any(line.text in widgets for line in gap)):
            pages.append([])
        pages[-1].append(block)
    return pages


def _box_widgets(lines: list[Line]) -> set[str]:
    """The lines of a page's boxes (products, each with its price and "Buy now" widget):
    printed by four or more blurbs, with only a short blurb between one copy and the next.
    A page's menus come again only after a whole article (or with no prose between, a
    menu printed twice for small and large screens)."""
    where: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.label == "dup":
            where.setdefault(line.text, []).append(i)
    prose_before = [0]
    for line in lines:
        prose_before.append(prose_before[-1] + (word_count(line.text) if line.label == "prose"
                                                else 0))
    widgets = set()
    for text, rows in where.items():
        between = [prose_before[b] - prose_before[a] for a, b in zip(rows, rows[1:])]
        if 1 + sum(words > 0 for words in between) >= BOX_COPIES and max(
                between) < BOX_BLURB_WORDS:
            widgets.add(text)
    return widgets


def _opener(lines: list[Line], page: list[Block], heads: dict[int, Title | None],
            anchor: Block, drafts: list[Draft], weights: topic.Weights) -> Block | None:
    """The block of a page that starts an article, if any: the titled block that best
    looks like an article's top; on the page of the dump's longest block, that block's
    story's first titled block."""
    # Paragraphs under dates of their own are comments or a dated list of other stories.
    # A page's footer (a sign-up box, a cookie notice around the copyright line) is no article.
    candidates = [b for b in page if heads[b.start] is not None and _long(b, later=bool(drafts))
                  and b.dated < DATED_PARAGRAPHS and not (drafts and b.footer)]
    if not drafts:
        if anchor in page:  # a short titled block does not outweigh a much longer story
            candidates = [b for b in candidates if b.words >= RIVAL_SHARE * anchor.words]
        pool = candidates + ([anchor] if anchor in page and anchor not in candidates else [])
        # A first page whose story is not the dump's longest (a longer story follows on a
        # later page) may hold no long titled block: it has a later page's fallbacks.
        pool = pool or _fallbacks(page, heads, first=True)
        if not pool:
            return None
        best = max(pool, key=lambda b: _opener_score(b, heads[b.start]))
        return _story_top(candidates, best, weights)
    candidates = candidates or _fallbacks(page, heads)
    if not candidates:
        return None
    best = max(candidates, key=lambda b: _opener_score(b, heads[b.start]))
    current = drafts[-1]
    if _same_title(current, heads[best.start]):
        return None
    evidence = _evidence(lines, best, heads[best.start], weights.cosine(best.stems, current.stems),
                         new_page=True)
    if heads[best.start] is None:  # no headline found: the other evidence must be stronger
        return best if boundary.opens_untitled(evidence) else None
    return _story_top(candidates, best, weights) if boundary.opens_article(evidence) else None


def _fallbacks(page: list[Block], heads: dict[int, Title | None], *,
               first: bool = False) -> list[Block]:
    """A page's blocks that may open an article when none is long and titled: a story in one
    long paragraph of sentences (a quotation, a short notice) under its title, else the
    page's long untitled blocks; on a later page the scored evidence decides. The first page
    has no article before it to differ from, so an untitled block there must sit under an
    article header (a byline or date below a headline-shaped line): a cookie notice or a
    stats table above a page's menus does not."""
    untitled = [b for b in _untitled(page) if b.opens or not first]
    return [b for b in page if heads[b.start] is not None
            and _one_paragraph_story(b)] or untitled


def _untitled(page: list[Block]) -> list[Block]:
    """A later page's long blocks when none has a title: a page whose headline is not found
    (two words, or sharing nothing with its lede) still holds an article, which only the
    scored evidence without a headline (new page, change of subject, length) may open."""
    return [b for b in page if _long(b) and b.dated < DATED_PARAGRAPHS and not b.footer]


def _story_top(candidates: list[Block], best: Block, weights: topic.Weights) -> Block:
    """The story's first titled block: an article starts there, often above an advert or
    photos, while a later section under its own subheading may share its words better."""
    same = [b for b in candidates if b.start < best.start
            and weights.cosine(b.stems, best.stems) >= SAME_STORY]
    return same[0] if same else best


def _own_header_first(block: Block, title: Title | None, opener: Block | None,
                      weights: topic.Weights) -> bool:
    """Whether a block above the page's opener is an article of its own: under its own
    article header, long, and about something else (two saved pages with no menus between).
    """
    if opener is None or block.start > opener.start or not _strong(block, title):
        return False
    if block.words < MIN_NEW_WORDS or len(block.rows) < 2 or block.dated >= DATED_PARAGRAPHS:
        return False
    return weights.cosine(block.stems, opener.stems) < NEW_BELOW


def _needed(draft: Draft, block: Block) -> float:
    """How similar a block must be to carry the article on."""
    if draft.ended:
        return SAME_STORY_AFTER_END
    return SAME_STORY_BOXED if block.boxed else SAME_STORY


def _opener_score(block: Block, title: Title | None) -> float:
    """How likely a block starts the page's article: a headline that shares its words,
    an article header, length (up to a point)."""
    share = title.share if title else 0.0
    return share + 0.5 * _strong(block, title) + min(block.words, 300) / 600


def _carry_on(lines: list[Line], drafts: list[Draft], block: Block, title: Title | None,
              weights: topic.Weights, *, new_page: bool = False) -> None:
    """A block after an article's start: a new article under its own article header,
    the same story (similar words), or neither (dropped).

    A follow-up story on the same subject shares many words with the one before; its
    header (headline, date or byline, and a first paragraph under a dateline) still
    opens a new article, since one story has only one dateline. ``new_page``: the block is
    the first under a new page's menus (two saved pages glued below them with no menus of
    their own between make one page whose best block is the second story).
    """
    current = drafts[-1]
    similar = weights.cosine(block.stems, current.stems)
    if block.dated >= DATED_PARAGRAPHS:
        current.ended = True
        logger.debug("block %d-%d is dropped (a comment thread)", block.start, block.end)
        return
    # A new page's evidence counts for a block long as a page's opener must be: not for a
    # stream of other stories' summaries.
    new_page = new_page and _long(block)
    if (title is not None and _long(block, later=False) and not block.footer
            and not _same_title(current, title) and boundary.opens_article(
                _evidence(lines, block, title, similar, new_page=new_page))):
        drafts.append(_start(block, title, [], weights))
        decision = f"opens article {len(drafts)}"
    elif similar >= _needed(current, block) or _same_series(current.blocks[-1], block):
        current.blocks.append(block)
        current.stems.extend(block.stems)
        decision = "carries the article on"
    else:
        current.ended = current.ended or len(block.rows) > 1 or block.words >= ENDING_WORDS
        decision = "is dropped"
    logger.debug("block %d-%d %s (similarity %.2f)", block.start, block.end, decision, similar)


def _evidence(lines: list[Line], block: Block, title: Title | None, similar: float, *,
              new_page: bool) -> boundary.Evidence:
    """What a block carries for being a new article's top (see :mod:`boundary`)."""
    header = not _under_section(lines, block) and (block.opens or _header_inside(lines, block))
    return boundary.Evidence(
        headline=title.share if title else 0.0, header=header,
        dateline=_datelined(lines, block), new_page=new_page, similarity=similar,
        words=block.words)


def _under_section(lines: list[Line], block: Block) -> bool:
    """Whether a section header ("2 comments", "You may also like") sits between the headline
    of the block's header and the block: the date under it is a comment's or a teaser's."""
    above = block.start - 1
    while above >= 0 and lines[above].label != "prose" and not titles.title_shaped(lines[above]):
        above -= 1
    gap = lines[above + 1 : block.start]
    dates = [k for k, line in enumerate(gap) if line.label in ("date", "byline")]
    # A "Leave a comment" link under the byline and date is the post's own header's, not a
    # comments section: only a section header above the last date puts that date under it.
    return any(line.label == "section" for line in (gap[: dates[-1]] if dates else gap))


def _header_inside(lines: list[Line], block: Block) -> bool:
    """A headline right above the block's first paragraph and a byline or date line right
    after it: headline, standfirst, then "Text: Name · date" (the standfirst is prose, so the
    header is inside the block)."""
    if len(block.rows) < 2 or not titles.title_shaped(lines[block.start - 1]):
        return False
    return any(line.label in ("date", "byline") and not EMBED_SIGNATURE_RE.search(line.text)
               for line in lines[block.rows[0] + 1 : block.rows[1]])


def _lede(lines: list[Line], block: Block) -> set[str]:
    return set(topic.stems(" ".join(lines[r].text for r in block.rows[:LEDE_ROWS])))


def _long(block: Block, *, later: bool = True) -> bool:
    """Long enough to be an article: two paragraphs and some words; after a first article,
    not only other stories' summaries (one-sentence lines, short excerpts cut off with "...")
    unless they come under an article header and name each other's people (a story in
    one-sentence paragraphs)."""
    if block.words < MIN_NEW_WORDS * (0.5 if block.opens else 1) or len(block.rows) < 2:
        return False
    if not later or not all(summary_line(text) for text in block.texts):
        return True
    return block.opens and topic.names_the_others(block.texts, block.texts)


def _one_paragraph_story(block: Block) -> bool:
    """One paragraph of several sentences and some length; not a tag cloud, not a teaser."""
    return (len(block.rows) == 1 and block.words >= ONE_PARAGRAPH_WORDS
            and sentences(block.texts[0]) >= ONE_PARAGRAPH_SENTENCES)


def _datelined(lines: list[Line], block: Block) -> bool:
    """Whether a block's first paragraph opens with a dateline ("BEIJING — ...")."""
    return pubdate.find_dateline(lines[block.start].text) is not None


def _page_header(gap: list[Line]) -> bool:
    """Whether a new page starts in this gap: a long run of lines without prose (menus, footer)."""
    run = 0
    for line in gap:
        run = 0 if line.label == "prose" else run + 1
        if run >= PAGE_HEADER:
            return True
    return False


def _after_footer(lines: list[Line], before: Block, block: Block) -> bool:
    """Whether the page before ended with its copyright line and a new page's menus follow it,
    fewer than PAGE_HEADER lines (a short site's menus after a long site's footer)."""
    footers = [i for i in range(before.start, block.start) if lines[i].label == "footer"]
    if not footers:
        return False
    run = 0
    for line in reversed(lines[footers[-1] + 1 : block.start]):
        if line.label == "prose":
            break
        run += 1
    return run >= PAGE_AFTER_FOOTER


def _strong(block: Block, title: Title | None) -> bool:
    """An article header: a headline summing up the paragraphs, then a byline or date."""
    return title is not None and block.opens and title.share >= HEADLINE_SHARE


def _same_series(one: Block, other: Block) -> bool:
    """Two sections of one list article."""
    return one.series is not None and one.series == other.series


def _same_title(draft: Draft, title: Title | None) -> bool:
    """A title that repeats the article's own (a gallery, a sticky header) opens nothing."""
    return bool(draft.title and title and draft.title.text.lower() == title.text.lower())


def _start(block: Block, title: Title | None, waiting: list[Block],
           weights: topic.Weights) -> Draft:
    """A new article at ``block``; earlier blocks below its title that share its words join it."""
    after_title = [b for b in waiting if title is not None and b.start > title.index]
    before = [b for b in after_title if weights.cosine(b.stems, block.stems) >= SAME_STORY
              or _same_series(b, block)]
    stems = [s for b in [*before, block] for s in b.stems]
    return Draft(blocks=[*before, block], title=title, stems=stems)
