"""One article of a text dump put together from its draft (SPEC §2): steps 3-6 of
:mod:`diplograph.pages.segment`.

3. **Header.** Prose between the title and the byline/date below it is the
   standfirst, not the body.
5. **Teaser runs.** Inside an article, a run of three or more one-sentence
   lines that shares little with the rest is a list of other stories' summaries.
6. **Dates.** A date line next to the title or byline, above the body or at
   its top; never a caption or credit, never the crawl date, never the date row
   under another story's headline just above ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.pages import pubdate, topic
from diplograph.pages.lines import EMBED_SIGNATURE_RE, TERMINAL, Line, is_caption, one_liner
from diplograph.pages.segment import Draft

TEASER_RUN = 3  # one-sentence lines in a row that may be a teaser list
TEASER_BELOW = 0.25  # ... and are one if they share less than this with the rest
DATE_ABOVE_TITLE = 2  # lines above the title a date line may be
DATE_ABOVE_BODY = 6  # lines above an untitled body a date line may be
HEADER_DATE_WORDS = 16  # a line between title and body this short may carry the date
# A headline line this long right over a date line above the title is another story's: a
# "More from the author" row (headline, then its byline and date) ends just above ours.
OTHER_HEADLINE_WORDS = 4
_UPDATED_RE = re.compile(r"\b(updated|modified|last edited)\b", re.I)
_PUBLISHED_RE = re.compile(r"\b(published|posted|first published)\b", re.I)


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
             and not EMBED_SIGNATURE_RE.search(lines[i].text)]
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




def _without_teaser_runs(lines: list[Line], body: list[int], weights: topic.Weights) -> list[int]:
    """The body less runs of one-sentence lines that are about something else."""
    runs: list[list[int]] = []
    current: list[int] = []
    for r in body:
        if one_liner(lines[r].text):
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
                and not topic.names_the_others([lines[r].text for r in run],
                                               [lines[r].text for r in body])
                and not _continues_the_paragraphs(run, body)):
            drop.update(run)
    return [r for r in body if r not in drop]


def _continues_the_paragraphs(run: list[int], body: list[int]) -> bool:
    """Whether a run follows the article's own paragraph line after line, with nothing between
    (no headline, no link, no label): the story told in one-sentence paragraphs. Other
    stories' summaries come under headlines of their own."""
    before = [r for r in body if r < run[0]]
    return bool(before) and run[0] == before[-1] + 1 and run[-1] - run[0] == len(run) - 1




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
             if _is_publication_date(lines[i], in_header=i in header)
             and not (i in above and _under_another_headline(lines, i, title_at))]
    if found and _UPDATED_RE.search(found[0]):
        # "Updated ..." is a later date than the publication; a "Published ..." line wins.
        return next((text for text in found if _PUBLISHED_RE.search(text)), found[0])
    return found[0] if found else None


def _under_another_headline(lines: list[Line], at: int, title_at: int | None) -> bool:
    """The date line at ``at`` (above the title) sits right under a headline that is not the
    title: the date row of another story listed above ours ("More from the author": headline,
    then "Author Name11/12/19 4:40PM"), that story's date."""
    if title_at is None or at == 0:
        return False
    over = lines[at - 1]
    return (over.label == "headline" and len(over.text.split()) >= OTHER_HEADLINE_WORDS
            and over.text.lower() != lines[title_at].text.lower())


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
    if EMBED_SIGNATURE_RE.search(line.text):
        return False
    shaped = line.label == "byline" or pubdate.is_date_line(line.text)
    if not shaped and not (in_header and len(line.text.split()) <= HEADER_DATE_WORDS):
        return False
    return pubdate.find_date(line.text) is not None
