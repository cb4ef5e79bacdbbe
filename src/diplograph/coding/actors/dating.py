"""The story's date when the article gives none: a window inferred from its own words.

An undated story ("Britain's foreign secretary said ...") is read inside the window its
text points to: the years it writes ("in 2004") and the terms of office of the people it
names. The window is the latest stretch of days that most of that evidence covers, and the
story is read at its middle, so that the people who make the window are in office on the
day (a story naming Tony Blair and Michael Howard as Tory leader is of 2003-05, not of the
year after Blair left office). With no such evidence there is no date, and role
descriptions name the office without a holder (never today's holder for an old story).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from diplograph.coding.token_table import sentence_bounds, token_table
from diplograph.knowledge.base import Person
from diplograph.records import Mention

_YEAR = re.compile(r"(19[4-9]\d|20[0-4]\d)")
_FIRST_DAY = dt.date(1945, 1, 1)  # imported terms with no date start in 1900: no evidence
_ONE_DAY = dt.timedelta(days=1)

# First day, last day, and whether the evidence is a person in office (else a written year).
Span_ = tuple[dt.date, dt.date, bool]


def written_years(doc: Doc, latest: int) -> list[int]:
    """The years the text writes as dates ("in 2004", "in December 2004"), up to `latest`;
    not a year that names a thing ("the 2012 Olympic bid", "the 2001 election defeat"),
    which says what the story is about, not when it was written."""
    text = token_table(doc).text
    return [int(text[i]) for i in range(len(doc)) if _YEAR.fullmatch(text[i])
            and int(text[i]) <= latest and not _names_a_thing(doc[i])]


def _names_a_thing(year: Token) -> bool:
    """A year that modifies a noun outside its own date ("2012" in "the 2012 Olympic bid";
    not "2004" in "December 2004", one date entity)."""
    head = year.head
    if year.dep_ not in ("compound", "nummod", "amod") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    lo, hi = sorted((year.i, head.i))
    doc = year.doc
    one_date = year.ent_type_ == "DATE" and head.ent_type_ == "DATE" and all(
        doc[k].ent_iob_ == "I" for k in range(lo + 1, hi + 1))
    return not one_date


def story_date(doc: Doc, mentions: Sequence[Mention],
               people: Mapping[str, Person]) -> dt.date | None:
    """The middle of the latest window most of the article's evidence covers, or None.

    Args:
        doc: the parsed article.
        mentions: its mentions read without a date (named people resolve by name).
        people: the knowledge base's people by canonical name.
    """
    window = story_window(doc, mentions, people)
    return window[0] + (window[1] - window[0]) / 2 if window is not None else None


def story_window(doc: Doc, mentions: Sequence[Mention],
                 people: Mapping[str, Person]) -> tuple[dt.date, dt.date] | None:
    """The latest window (first and last day) most of the article's evidence covers, or
    None; `story_date`'s arguments."""
    today = dt.date.today()
    spans: list[Span_] = [(dt.date(y, 1, 1), dt.date(y, 12, 31), False)
                          for y in set(written_years(doc, today.year))]
    named = {m.actor.name for m in mentions if m.actor.kind == "person" and m.actor.name}
    for name in sorted(n for n in named if n in people):
        spans += [(start, end, True) for start, end in _in_office(people[name], today)]
    if not spans:
        return None
    return _best_window(spans)


def _in_office(person: Person, today: dt.date) -> list[tuple[dt.date, dt.date]]:
    """The stretches a person held some dated office, overlapping terms merged, so that
    each person counts once on a day."""
    terms = sorted((max(t.start, _FIRST_DAY), min(t.end or today, today))
                   for t in person.terms if t.start.year > 1900)
    merged: list[tuple[dt.date, dt.date]] = []
    for start, end in terms:
        if start > end:
            continue
        if merged and start <= merged[-1][1] + _ONE_DAY:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _best_window(spans: Sequence[Span_]) -> tuple[dt.date, dt.date]:
    """The latest run of days that the most spans cover. A written year counts as much as a
    person in office; on a tie, the people decide: a deadline ("cuts of £12bn by 2008")
    must not move a story past the terms of the people it names."""
    cuts = sorted({s for s, _, _ in spans} | {e + _ONE_DAY for _, e, _ in spans})
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        covering = [person for s, e, person in spans if s <= a <= e]
        pieces.append((a, b - _ONE_DAY, (len(covering), sum(covering))))
    best = max(score for _, _, score in pieces)
    window: tuple[dt.date, dt.date] | None = None
    for a, b, score in pieces:
        if score != best:
            continue
        if window is not None and a == window[1] + _ONE_DAY:
            window = (window[0], b)
        else:
            window = (a, b)
    assert window is not None
    return window


def act_year(doc: Doc, start: int, end: int, before: dt.date) -> dt.date | None:
    """The past year in which the mention's own clause dates its act ("the rebate, secured
    BY MARGARET THATCHER IN 1984"; "LYNDON JOHNSON'S 1964 Civil Rights Act"): a year before
    the story's that hangs from the same word as the mention (over prepositions); None when
    the sentence dates nothing the mention does ("when NIXON took advantage ... in 1968")."""
    if not doc.has_annotation("DEP"):
        return None  # no parse, no clause to read
    root = doc[start:end].root
    anchor = _governor(root)
    text = token_table(doc).text
    for i in range(*sentence_bounds(doc, root.i)):
        if _YEAR.fullmatch(text[i]) and int(text[i]) < before.year \
                and _governor(doc[i]).i in (anchor.i, root.i):
            return dt.date(int(text[i]), 7, 1)
    return None


def _governor(tok: Token) -> Token:
    """The word a token hangs from, over prepositions ("secured BY Thatcher IN 1984")."""
    node = tok.head
    while node.dep_ in ("prep", "agent") and node.head is not node:
        node = node.head
    return node
