"""Prose blocks of a labelled text dump (SPEC §2): step 1 of :mod:`diplograph.pages.segment`.

Prose lines close together form a block; a long run of other lines, a list of other stories,
a section header ("Top Stories") or a headline printed again ends it. A block whose gap holds
a headline followed by a byline or date (or a new crawl date) is *opened* by an article
header. Runs of a list article's sections (step 4b of segment) are numbered here too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from diplograph.pages import pubdate, titles, topic
from diplograph.pages.lines import EMBED_SIGNATURE_RE, Line, names_a_writer, one_liner, word_count

MAX_GAP = 6  # lines other than furniture between two paragraphs of one block
MAX_GAP_ALL = 16  # lines of any kind between two paragraphs of one block
SHORT_BOX = 6  # lines: a "Related" box this short inside a story does not count
DATED_PARAGRAPHS = 2  # a block whose paragraphs come under dates of their own: comments
STORY_ABOVE_FOOTER = 0.75  # of a block's words above its copyright line: a story, not a footer
# Sections of a list article: this many blocks in a row, each under a short gap with a heading.
SERIES_BLOCKS = 3
SECTION_GAP = 8  # lines at most between two sections of a list
# Mean similarity of each section to the other sections of its run. Measured on the tune pages
# of the dump benchmark: 0.14-0.23 in three list articles (food bloggers, deals, gadgets),
# 0.05-0.09 in three streams of other stories' teasers.
SERIES_SIMILAR = 0.1
_FURNITURE = frozenset({"tool", "footer", "caption", "dup"})
# A story's rights notice (an agency's copyright line) ends its block, not its page.
_BREAKS = frozenset({"section", "list", "crawl-date", "notice"})


@dataclass(slots=True)
class Block:
    """Prose lines close together (their indexes in the dump)."""

    rows: list[int]
    opens: bool = False  # an article header (headline + byline/date) sits above it
    series: int | None = None  # which run of list sections it belongs to (4b), if any
    footer: bool = False  # a copyright line sits among its paragraphs, most of them around it
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
            blocks.append(Block([i], opens=_opens_article(lines[:i], line, None)))
        elif _opens_article(gap, line, lines[prev]):
            blocks.append(Block([i], opens=True, boxed=_boxed(gap)))
        elif _breaks(gap):
            blocks.append(Block([i], boxed=_boxed(gap)))
        else:
            blocks[-1].rows.append(i)
            blocks[-1].dated += any(g.label == "date" and not EMBED_SIGNATURE_RE.search(g.text)
                                    for g in gap)
        prev = i
    for block in blocks:
        text = " ".join(lines[r].text for r in block.rows)
        block.words = word_count(text)
        block.texts = [lines[r].text for r in block.rows]
        block.stems = topic.stems(text)
        block.footer = _around_footer(lines, block)
    return blocks


def _around_footer(lines: list[Line], block: Block) -> bool:
    """Whether a block is a page's footer: a copyright line among its paragraphs, with less
    than most of its words above it (a sign-up box, a cookie notice). A story that ends
    with its agency's or site's copyright line has nearly all its words above it."""
    footer = next((i for i in range(block.start, block.end + 1) if lines[i].label == "footer"),
                  None)
    if footer is None:
        return False
    above = sum(word_count(lines[r].text) for r in block.rows if r < footer)
    return above < STORY_ABOVE_FOOTER * block.words


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
    return block.dated < DATED_PARAGRAPHS and not all(one_liner(text) for text in block.texts)


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
    if any(_printed_again(line) for line in gap):
        return True  # a headline printed again: the top of an article
    return sum(line.label not in _FURNITURE for line in gap) > MAX_GAP


def _printed_again(line: Line) -> bool:
    """A headline printed again (over the photos, then over the byline), or a writer's line
    printed over each of several teasers. A title-shaped line printed more often than a
    headline is (a photo's caption between each pair of paragraphs, a table's header row
    over each of its parts) sits inside one story and ends no block."""
    if line.copies <= 1 or not titles.title_shaped(line):
        return False
    return not _printed_often(line) or names_a_writer(line.text)


def _printed_often(line: Line) -> bool:
    """Printed more often than a headline is: a caption, a table's header row, a site's name."""
    return line.copies >= titles.PRINTED_OFTEN


def _boxed(gap: list[Line]) -> bool:
    """Whether a list of other stories or a section header ("Comments") precedes a block.

    A short "Related" box inside a story (a header and a few headlines) does not count.
    """
    return len(gap) > SHORT_BOX and any(line.label in ("section", "list") for line in gap)


def _opens_article(gap: list[Line], nxt: Line, before: Line | None) -> bool:
    """Whether the lines above a paragraph (``before``: the paragraph above them, if any) hold
    an article header, a date-first one included, or a new crawl date. A line printed more
    often than a headline is (a photo's caption under the header) is none of its lines."""
    heads = [i for i, line in enumerate(gap)
             if (titles.title_shaped(line) and not _printed_often(line))
             or _short_over_full_header(gap, i)]
    if not heads:
        return False
    if any(line.label in ("date", "byline") for line in gap[heads[-1] + 1 :]):
        return True
    if any(line.label == "crawl-date" for line in gap):
        return True
    if _date_first_header(gap, nxt, before):
        return True
    return pubdate.find_dateline(nxt.text) is not None and len(gap[heads[-1]].text.split()) >= 3


def _date_first_header(gap: list[Line], nxt: Line, before: Line | None) -> bool:
    """A header printed date first: a writer-and-date line ("Von Jane Doe publiziert am 30. Juli
    2018"), then the headline right above the first paragraph. A headline printed first, then
    its date, then a caption or a sub-headline over the body has the same last three lines,
    but the line above its date (the headline) shares the body's words; a page's back link
    ("Zurück zur Übersicht"), menus or the page before's last paragraph do not."""
    if len(gap) < 2 or gap[-2].label != "date" or not titles.title_shaped(gap[-1]):
        return False
    above = gap[-3] if len(gap) >= 3 else before
    return above is None or not topic.share_a_word(above.text, nxt.text)


def _short_over_full_header(gap: list[Line], i: int) -> bool:
    """A two-word headline ("About bugs") over both its date and its byline: a post's header.
    A comment's author's name sits over its date alone, an embedded post's title over its
    signature, so a two-word line over one of them opens nothing."""
    below = {line.label for line in gap[i + 1 : i + 3]}
    return titles.short_headline(gap, i) and {"date", "byline"} <= below
