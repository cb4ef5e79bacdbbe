"""Does a new article start at this block? A scored decision over the evidence both sides carry.

A text dump that holds several articles (an infinite-scroll capture, saved pages in
a row) marks where one ends and the next begins with several weak signals, and
real pages rarely show all of them: a headline that sums up the paragraphs below
it, a byline or date line under it (or under a standfirst), a dateline opening the
first paragraph, a long run of menus (a new page), a change of subject from the
article before, and the length of the would-be article. No single one of them is
reliable alone: a sidebar's headline can sit above the story's own, two stories of
one site share their subject, a story can be one long paragraph. So each signal
adds to a score, and the block opens an article when the score is high enough.

The weights and the threshold were set on the tune pages of the dump benchmark
(docs/benchmarks.md, "Sixth round"), the threshold by leave-one-fold-out over three
folds of them (`benchmarks/dumps.py --folds 3`): for each fold, the thresholds that
split the other two folds' files best hold 4.6, which also keeps every single page
whole that the single triggers kept whole. A later page whose headline was not found
(two words and a number, a headline sharing nothing with its lede) is opened from 5.4:
its block must carry the evidence without the headline's share; on the tune pages every
threshold from 5.0 to 5.8 kept each fold's single pages and joined files as they were
and opened 4 more articles of 200 joined files drawn anew, 4.6 split single pages.
"""

from __future__ import annotations

from dataclasses import dataclass

HEADLINE = 2.0  # times the share of the headline's words that the lede repeats (0 to 1)
HEADER = 1.5  # a byline or date line under the headline (or under a standfirst), a crawl date
DATELINE = 2.0  # the first paragraph opens with a dateline ("BEIJING —"): one story has one
NEW_PAGE = 2.4  # a long run of lines without prose (a new page's menus) above it
CHANGE = 2.0  # times the change of subject (1: nothing shared, 0: as similar as SAME_SUBJECT)
LENGTH = 1.0  # times the would-be article's length, up to FULL_LENGTH words
SAME_SUBJECT = 0.3  # similarity at which two blocks are about the same story
MOST_ALIKE = -1.0  # change of subject at its lowest (a block far more similar than that)
FULL_LENGTH = 500
OPENS_AT = 4.6  # the score from which a block opens a new article
UNTITLED_OPENS_AT = 5.4  # ... a later page's block under no headline that was found


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a block carries for (and against) being the top of a new article."""

    headline: float  # share of its headline's (weighted) words that its lede repeats; 0: none
    header: bool  # a byline or date line under the headline or the standfirst, or a crawl date
    dateline: bool  # its first paragraph opens with a dateline
    new_page: bool  # a new page's menus sit between it and the article before
    similarity: float  # cosine similarity of its words to the article before (0 to 1)
    words: int

    def score(self) -> float:
        change = max(MOST_ALIKE, 1.0 - self.similarity / SAME_SUBJECT)
        return (HEADLINE * min(self.headline, 1.0) + HEADER * self.header
                + DATELINE * self.dateline + NEW_PAGE * self.new_page + CHANGE * change
                + LENGTH * min(self.words, FULL_LENGTH) / FULL_LENGTH)


def opens_article(evidence: Evidence) -> bool:
    """Whether the evidence is enough for a new article to start at the block."""
    return evidence.score() >= OPENS_AT


def opens_untitled(evidence: Evidence) -> bool:
    """Whether a later page's block with no headline found opens a new article: its page's
    menus, change of subject and length (and a header, a dateline) must say so more strongly."""
    return evidence.score() >= UNTITLED_OPENS_AT
