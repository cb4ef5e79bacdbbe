"""Articles in a labelled text dump: blocks of prose, judged as blocks (SPEC §2).

1. **Blocks.** Prose lines close together form a block; a long run of other
   lines, a list of other stories, a section header ("Top Stories") or a
   headline printed again ends it. A block whose gap holds a headline followed
   by a byline or date (or a new crawl date) is *opened* by an article header.
2. **Pages.** A run of many lines without any prose (a site's menus and
   footer) separates pages: a scraper's capture of an infinite scroll, or
   several saved pages in one file.
3. **Articles.** On each page, the block that best looks like the top of an
   article (a headline above it that shares its words, an article header, some
   length) opens one, if it is about something else than the article before
   (the blocks' weighted words differ: :meth:`diplograph.pages.topic.Weights.cosine`).
   Every other block carries the current article on when it is about the same
   story (after an advert, photos or a "Related" box), opens a new article under
   its own article header, or is dropped: teasers, comments, footers.
4. **Titles** come from :mod:`diplograph.pages.titles`. Prose between the title
   and the byline/date below it is the standfirst, not the body.
4b. **Sections of a list.** A listicle or a round-up ("23 food bloggers", "Black
   Friday deals") is a run of blocks, each under a heading of its own, each
   about something else: three or more blocks of real paragraphs, one after the
   other with only a heading (and its furniture) between them, are one list if
   they share a vocabulary (recipes, prices, gadgets), and the article that holds
   one of them holds them all. A stream of other stories' teasers has the same
   shape, but its blocks share nothing.
5. **Teaser runs.** Inside an article, a run of three or more one-sentence
   lines that shares little with the rest is a list of other stories' summaries.
6. **Dates.** A date line next to the title or byline, above the body or at
   its top; never a caption or credit, never the crawl date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from diplograph.pages import pubdate, titles, topic
from diplograph.pages.lines import TERMINAL, Line, is_caption, word_count
from diplograph.pages.titles import Title

logger = logging.getLogger(__name__)

MAX_GAP = 6  # lines other than furniture between two paragraphs of one block
MAX_GAP_ALL = 16  # lines of any kind between two paragraphs of one block
# Cosine similarity of weighted words (topic.Weights.cosine), measured on the tune pages of
# the dump benchmark: another story's body scores under 0.08 against an article nine times in
# ten, the article's own continuation over 0.14 nine times in ten.
SAME_STORY = 0.12  # a block this similar to the article carries it on ...
SAME_STORY_BOXED = 0.2  # ... after a list of other stories or a section header: this similar
SHORT_BOX = 6  # lines: a "Related" box this short inside a story does not count
# Once a long block about something else has followed the article (comments, related
# stories), the article is over: only a block as similar as a story is to itself rejoins it.
SAME_STORY_AFTER_END = 0.3
DATED_PARAGRAPHS = 2  # a block whose paragraphs come under dates of their own: comments
ENDING_WORDS = 40  # a dropped block this long (or of two paragraphs) ends the article
NEW_BELOW = 0.13  # a titled, long block less similar than this may start a new article
RELATED_BELOW = 0.3  # ... or less similar than this, under both a page and an article header
MIN_NEW_WORDS = 50  # a block this long (and of two paragraphs) may start an article
RIVAL_SHARE = 0.25  # of the longest block's words, for a titled block to open the article instead
STANDFIRST_WORDS = 50  # a one-line block up to this long may sit between a title and its body
PAGE_HEADER = 16  # this many lines in a row without prose: a new page's menus (or a footer)
HEADLINE_SHARE = 0.5  # an article header's headline shares this much with the body below
LEDE_ROWS = 4  # paragraphs a title is compared with
TEASER_RUN = 3  # one-sentence lines in a row that may be a teaser list
TEASER_BELOW = 0.25  # ... and are one if they share less than this with the rest
ONE_LINER_WORDS = 30
# Sections of a list article: this many blocks in a row, each under a short gap with a heading.
SERIES_BLOCKS = 3
SECTION_GAP = 8  # lines at most between two sections of a list
# Mean similarity of each section to the other sections of its run. Measured on the tune pages
# of the dump benchmark: 0.14-0.23 in three list articles (food bloggers, deals, gadgets),
# 0.05-0.09 in three streams of other stories' teasers.
SERIES_SIMILAR = 0.1
DATE_ABOVE_TITLE = 2  # lines above the title a date line may be
DATE_ABOVE_BODY = 6  # lines above an untitled body a date line may be
HEADER_DATE_WORDS = 16  # a line between title and body this short may carry the date
_FURNITURE = frozenset({"tool", "footer", "caption", "dup"})
_BREAKS = frozenset({"section", "list", "crawl-date"})
_UPDATED_RE = re.compile(r"\b(updated|modified|last edited)\b", re.I)
_PUBLISHED_RE = re.compile(r"\b(published|posted|first published)\b", re.I)
# "— Jane Doe (@jdoe) November 20, 2019": the date under an embedded post, not a comment's.
_EMBED_SIGNATURE_RE = re.compile(r"\(@\w+\)")
# A sentence's end and the next one's start (a capital or a digit, in any cased script).
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')]?\s+[\"“‘(—–-]?\s?(\w)")


@dataclass(slots=True)
class Block:
    """Prose lines close together (their indexes in the dump)."""

    rows: list[int]
    opens: bool = False  # an article header (headline + byline/date) sits above it
    series: int | None = None  # which run of list sections it belongs to (4b), if any
    footer: bool = False  # the site's copyright line sits among its paragraphs
    boxed: bool = False  # a list of other stories or a section header sits above it
    dated: int = 0  # paragraphs that come under a date line of their own (comments do)
    words: int = 0
    stems: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.rows[0]

    @property
    def end(self) -> int:
        return self.rows[-1]


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


# -- 1. blocks -------------------------------------------------------------------------------


def find_blocks(lines: list[Line]) -> list[Block]:
    """The dump's prose blocks, in order."""
    blocks: list[Block] = []
    prev: int | None = None
    for i, line in enumerate(lines):
        if line.label != "prose":
            continue
        gap = lines[prev + 1 : i] if prev is not None else []
        if prev is None:
            blocks.append(Block([i], opens=_opens_article(lines[:i], line)))
        elif _opens_article(gap, line):
            blocks.append(Block([i], opens=True, boxed=_boxed(gap)))
        elif _breaks(gap):
            blocks.append(Block([i], boxed=_boxed(gap)))
        else:
            blocks[-1].rows.append(i)
            blocks[-1].dated += any(g.label == "date" and not _EMBED_SIGNATURE_RE.search(g.text)
                                    for g in gap)
        prev = i
    for block in blocks:
        text = " ".join(lines[r].text for r in block.rows)
        block.words = word_count(text)
        block.texts = [lines[r].text for r in block.rows]
        block.stems = topic.stems(text)
        block.footer = any(line.label == "footer" for line in lines[block.start : block.end + 1])
    return blocks


def mark_series(lines: list[Line], blocks: list[Block], weights: topic.Weights) -> None:
    """Number the runs of list sections (4b) in ``Block.series``."""
    runs: list[list[Block]] = []
    run: list[Block] = []
    for before, block in zip(blocks, blocks[1:]):
        if (_section(before) and _section(block) and not block.opens
                and _section_gap(lines[before.end + 1 : block.start])):
            run = run or [before]
            run.append(block)
            continue
        runs.append(run)
        run = []
    runs.append(run)
    lists = [r for r in runs
             if len(r) >= SERIES_BLOCKS and _coherence(r, weights) >= SERIES_SIMILAR]
    for number, found in enumerate(lists):
        for block in found:
            block.series = number


def _coherence(run: list[Block], weights: topic.Weights) -> float:
    """How much the blocks of a run share: each one's similarity to all the others, averaged."""
    total = 0.0
    for block in run:
        others = [s for other in run if other is not block for s in other.stems]
        total += weights.cosine(block.stems, others)
    return total / len(run)


def _section(block: Block) -> bool:
    """Real paragraphs (not only one-line summaries, not a comment thread): a list's section."""
    return block.dated < DATED_PARAGRAPHS and not all(_one_liner(text) for text in block.texts)


def _section_gap(gap: list[Line]) -> bool:
    """Only a section's heading and its furniture: short, with a heading, and no header of
    another list ("Related"), no byline or date of another article."""
    if not gap or len(gap) > SECTION_GAP:
        return False
    if any(line.label in ("section", "crawl-date", "date", "byline") for line in gap):
        return False
    return any(titles.title_shaped(line) or line.label in ("list", "dup", "repeat")
               for line in gap)


def _breaks(gap: list[Line]) -> bool:
    if len(gap) > MAX_GAP_ALL or any(line.label in _BREAKS for line in gap):
        return True
    if any(line.copies > 1 and titles.title_shaped(line) for line in gap):
        return True  # a headline printed again: the top of an article
    return sum(line.label not in _FURNITURE for line in gap) > MAX_GAP


def _boxed(gap: list[Line]) -> bool:
    """Whether a list of other stories or a section header ("Comments") precedes a block.

    A short "Related" box inside a story (a header and a few headlines) does not count.
    """
    return len(gap) > SHORT_BOX and any(line.label in ("section", "list") for line in gap)


def _opens_article(gap: list[Line], nxt: Line) -> bool:
    """Whether the lines above a paragraph hold an article header or a new crawl date."""
    heads = [i for i, line in enumerate(gap) if titles.title_shaped(line)]
    if not heads:
        return False
    if any(line.label in ("date", "byline") for line in gap[heads[-1] + 1 :]):
        return True
    if any(line.label == "crawl-date" for line in gap):
        return True
    return pubdate.find_dateline(nxt.text) is not None and len(gap[heads[-1]].text.split()) >= 3


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
    for page in _pages(lines, blocks):
        opener = _opener(page, heads, anchor, drafts, weights)
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
                _carry_on(lines, drafts, block, title, weights)
    return drafts


def _titles(lines: list[Line], blocks: list[Block],
            weights: topic.Weights) -> dict[int, Title | None]:
    """Each block's title, found below any longer prose above it."""
    found: dict[int, Title | None] = {}
    lo = 0
    for block in blocks:
        found[block.start] = titles.choose(lines, block.start, block.rows, lo, weights,
                                           _lede(lines, block))
        if len(block.rows) > 1 or block.words > STANDFIRST_WORDS:
            lo = block.end + 1  # a one-line standfirst or teaser may sit below the title
    return found


def _pages(lines: list[Line], blocks: list[Block]) -> list[list[Block]]:
    """Blocks grouped by page: a new page starts after a long run of lines without prose."""
    pages = [[blocks[0]]]
    for before, block in zip(blocks, blocks[1:]):
        if _page_header(lines[before.end + 1 : block.start]):
            pages.append([])
        pages[-1].append(block)
    return pages


def _opener(page: list[Block], heads: dict[int, Title | None], anchor: Block,
            drafts: list[Draft], weights: topic.Weights) -> Block | None:
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
        if not pool:
            return None
        best = max(pool, key=lambda b: _opener_score(b, heads[b.start]))
        # The article starts at its first titled block, often above an advert or photos.
        same = [b for b in candidates if b.start < best.start
                and weights.cosine(b.stems, best.stems) >= SAME_STORY]
        return same[0] if same else best
    if not candidates:
        return None
    best = max(candidates, key=lambda b: _opener_score(b, heads[b.start]))
    current = drafts[-1]
    if _same_title(current, heads[best.start]):
        return None
    limit = RELATED_BELOW if _strong(best, heads[best.start]) else NEW_BELOW
    return best if weights.cosine(best.stems, current.stems) < limit else None


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
              weights: topic.Weights) -> None:
    """A block after an article's start: a new article under its own article header,
    the same story (similar words), or neither (dropped).

    A follow-up story on the same subject shares many words with the one before; its
    header (headline, date or byline, and a first paragraph under a dateline) still
    opens a new article, since one story has only one dateline.
    """
    current = drafts[-1]
    similar = weights.cosine(block.stems, current.stems)
    if block.dated >= DATED_PARAGRAPHS:
        current.ended = True
        logger.debug("block %d-%d is dropped (a comment thread)", block.start, block.end)
        return
    if (_strong(block, title) and _long(block, later=False) and not block.footer
            and (similar < NEW_BELOW or _datelined(lines, block))
            and not _same_title(current, title)):
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


def _lede(lines: list[Line], block: Block) -> set[str]:
    return set(topic.stems(" ".join(lines[r].text for r in block.rows[:LEDE_ROWS])))


def _long(block: Block, *, later: bool = True) -> bool:
    """Long enough to be an article: two paragraphs and some words; after a first article,
    not only one-sentence lines (a list of other stories' summaries)."""
    if block.words < MIN_NEW_WORDS * (0.5 if block.opens else 1) or len(block.rows) < 2:
        return False
    return not later or not all(_one_liner(text) for text in block.texts)


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


# -- 3-5. assembling an article --------------------------------------------------------------


@dataclass(slots=True)
class Assembled:
    """One article's parts, as line indexes and texts."""

    title: str | None
    paragraphs: list[str]
    dropped: list[str]
    date_line: str | None


def assemble(lines: list[Line], draft: Draft, span: range, weights: topic.Weights) -> Assembled:
    """Paragraphs, dropped lines and date line of one article over the lines in ``span``."""
    title_at = draft.title.index if draft.title else None
    rows = [r for r in draft.rows if r != title_at]
    header_end = _header_end(lines, rows, title_at)
    rows = [r for r in rows if r > header_end]
    body = _with_short_sentences(lines, draft, rows)
    body = _without_teaser_runs(lines, body, weights)
    kept = set(body) | ({title_at} if title_at is not None else set())
    return Assembled(
        title=draft.title.text if draft.title else None,
        paragraphs=[lines[r].text for r in body],
        dropped=[lines[i].text for i in span if i not in kept],
        date_line=_date_line(lines, title_at, body[0] if body else span.stop, span.start),
    )


def _header_end(lines: list[Line], rows: list[int], title_at: int | None) -> int:
    """The last byline/date line between the title and the first paragraphs (-1 if none).

    Short prose above it is the standfirst or a caption, not the body.
    """
    if not rows:
        return -1
    top = title_at if title_at is not None else rows[0]
    limit = rows[min(2, len(rows) - 1)]
    found = [i for i in range(top + 1, limit) if lines[i].label in ("date", "byline")
             and not _EMBED_SIGNATURE_RE.search(lines[i].text)]
    if not found:
        return -1
    above = [r for r in rows if r < found[-1]]
    if any(len(lines[r].text.split()) > 50 for r in above):
        return -1
    return found[-1]


def _with_short_sentences(lines: list[Line], draft: Draft, rows: list[int]) -> list[int]:
    """The body rows, and short complete sentences between a block's paragraphs ("He declined.")."""
    keep = set(rows)
    for block in draft.blocks:
        for a, b in zip(block.rows, block.rows[1:]):
            if a not in keep or b not in keep:
                continue
            for i in range(a + 1, b):
                text = lines[i].text
                if lines[i].label == "short" and len(text.split()) >= 2 and text.endswith(TERMINAL):
                    keep.add(i)
    return sorted(keep)


def _one_liner(text: str) -> bool:
    """One sentence of a few words: a teaser's summary, a caption."""
    if len(text.split()) > ONE_LINER_WORDS:
        return False
    return not any(m.group(1).isupper() or m.group(1).isdigit()
                   for m in _SENTENCE_END_RE.finditer(text))


def _without_teaser_runs(lines: list[Line], body: list[int], weights: topic.Weights) -> list[int]:
    """The body less runs of one-sentence lines that are about something else."""
    runs: list[list[int]] = []
    current: list[int] = []
    for r in body:
        if _one_liner(lines[r].text):
            current.append(r)
            continue
        if len(current) >= TEASER_RUN:
            runs.append(current)
        current = []
    if len(current) >= TEASER_RUN:
        runs.append(current)
    drop: set[int] = set()
    for run in runs:
        rest = {s for r in body if r not in run for s in topic.stems(lines[r].text)}
        own = topic.stems(" ".join(lines[r].text for r in run))
        if (rest and weights.share(own, rest) < TEASER_BELOW
                and not _names_the_story(lines, run, body)
                and not _continues_the_paragraphs(run, body)):
            drop.update(run)
    return [r for r in body if r not in drop]


def _continues_the_paragraphs(run: list[int], body: list[int]) -> bool:
    """Whether a run follows the article's own paragraph line after line, with nothing between
    (no headline, no link, no label): the story told in one-sentence paragraphs. Other
    stories' summaries come under headlines of their own."""
    before = [r for r in body if r < run[0]]
    return bool(before) and run[0] == before[-1] + 1 and run[-1] - run[0] == len(run) - 1


def _names_the_story(lines: list[Line], run: list[int], body: list[int]) -> bool:
    """Whether most lines of a run name someone or something the rest of the article names:
    a story told in one-sentence paragraphs ("Peskov declined to comment."), where other
    stories' summaries bring names of their own."""
    naming = 0
    for r in run:
        others = {s for q in body if q != r for s in topic.stems(lines[q].text)}
        naming += bool(topic.name_stems(lines[r].text) & others)
    return 2 * naming >= len(run)


def _date_line(lines: list[Line], title_at: int | None, body_start: int, lo: int) -> str | None:
    """The publication date line: below the title, else just above it, else at the body's top.

    Between the title and the body (the article's header) any short line with a date is
    the byline's ("Jane Doe 27/09/2018 Comments"); elsewhere only a date-shaped line is.
    With no title, the header is the few lines above the body.
    """
    top = title_at if title_at is not None else body_start
    header = range(top + 1, body_start) if title_at is not None else range(
        max(lo, body_start - DATE_ABOVE_BODY), body_start)
    above = range(top - 1, max(lo, top - DATE_ABOVE_TITLE) - 1, -1)
    near_body = range(max(lo, body_start - DATE_ABOVE_TITLE), min(len(lines), body_start + 3))
    found = [lines[i].text for i in dict.fromkeys([*header, *above, *near_body,
                                                   *_beside_first_copy(lines, title_at, lo)])
             if _is_publication_date(lines[i], in_header=i in header)]
    if found and _UPDATED_RE.search(found[0]):
        # "Updated ..." is a later date than the publication; a "Published ..." line wins.
        return next((text for text in found if _PUBLISHED_RE.search(text)), found[0])
    return found[0] if found else None


def _beside_first_copy(lines: list[Line], title_at: int | None, lo: int) -> list[int]:
    """The lines just above and below the first copy of a headline printed twice (above the
    photos, then again above the body): the date may stand by either copy."""
    if title_at is None:
        return []
    key = lines[title_at].text.lower()
    first = next((i for i in range(lo, title_at) if lines[i].text.lower() == key), None)
    if first is None:
        return []
    return [*range(first - 1, max(lo, first - DATE_ABOVE_TITLE) - 1, -1),
            *range(first + 1, min(title_at, first + 1 + DATE_ABOVE_TITLE))]


def _is_publication_date(line: Line, *, in_header: bool = False) -> bool:
    """A date line or a byline with a date; never a caption, a credit, the crawl date or
    the signature of an embedded post."""
    if line.label in ("crawl-date", "caption", "prose") or is_caption(line.text):
        return False
    if _EMBED_SIGNATURE_RE.search(line.text):
        return False
    shaped = line.label == "byline" or pubdate.is_date_line(line.text)
    if not shaped and not (in_header and len(line.text.split()) <= HEADER_DATE_WORDS):
        return False
    return pubdate.find_date(line.text) is not None
