"""A title-shaped line printed more often than a headline is (issue #14, titles29).

A headline is printed once or twice (over the photos, again over the byline), and a headline
printed again between two paragraphs is the top of another article: it ends a block. A line
printed three times or more is a photo's caption under each picture, a table's header row over
each of its parts or a site's name: it sits inside one story, ends no block, and is no
headline of an article header. A writer's line printed over each of several teasers ("By
JANE ROE") still separates them. The dumps ``caption_printed_often.txt``,
``table_header_repeated.txt`` and ``teaser_bylines_repeated.txt`` of ``test_dumps`` check
whole pages.
"""

from __future__ import annotations

from diplograph.pages import blocks
from diplograph.pages.lines import label_lines, read_lines

CAPTION = "Valley Cheese Fair 2026 Judges Taste the Aged Mountain Wheels"
PARAGRAPHS = [
    "The judges of the valley cheese fair tasted over two hundred cheeses on Saturday morning.",
    "Most came from the dairies of the upper valley, and a few from farms across the border.",
    "The aged mountain wheels took the longest, since each had to be cut and tasted twice.",
    "The winners will be announced on Sunday evening in the hall of the old customs house.",
]


def _blocks(text: str) -> list[blocks.Block]:
    lines, _ = read_lines(text)
    label_lines(lines)
    return blocks.find_blocks(lines)


def _page(between: str, copies_between: int) -> str:
    """A header, then the paragraphs with ``between`` printed between each pair."""
    head = ["Cheese fair crowns its champions", "By Ana Ruiz", "June 6, 2026"]
    body = [PARAGRAPHS[0]]
    for paragraph in PARAGRAPHS[1 : copies_between + 1]:
        body += [between, paragraph]
    return "\n".join(head + body) + "\n"


def test_a_caption_printed_under_each_photo_ends_no_block() -> None:
    found = _blocks(_page(CAPTION, 3))
    assert len(found) == 1 and len(found[0].rows) == 4


def test_a_headline_printed_again_still_ends_a_block() -> None:
    # Printed twice: in the page's top menu and again over the paragraph it heads.
    headline = "Mountain pass reopens after the spring rockfall"
    found = _blocks(_page(headline, 1).replace("By Ana Ruiz", f"By Ana Ruiz\n{headline}"))
    assert len(found) == 2


def test_a_writers_line_printed_over_each_teaser_still_separates_them() -> None:
    found = _blocks(_page("By JANE ROE", 3))
    assert len(found) == 4


def test_a_caption_under_the_header_leaves_the_header_opening_the_story() -> None:
    text = "\n".join(["Home", "News", "Cheese fair crowns its champions", "June 6, 2026",
                      CAPTION, PARAGRAPHS[0], CAPTION, PARAGRAPHS[1], CAPTION, PARAGRAPHS[2]])
    [block] = _blocks(text + "\n")
    assert block.opens
