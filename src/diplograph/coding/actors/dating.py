"""The story's date when the article gives none: a window inferred from its own words.

An undated story ("Britain's foreign secretary said ...") is read at the year its text
points to: the years it writes ("in 2004") and the years in which the people it names
held office. With no such evidence there is no date, and role descriptions name the office
without a holder (never today's holder for an old story).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.tokens import Doc

from diplograph.knowledge.base import Person
from diplograph.records import Mention

_YEAR = re.compile(r"\b(19[4-9]\d|20[0-4]\d)\b")
_FIRST_YEAR = 1945  # imported terms with no date start in 1900: no evidence
# A year the text writes counts as much as two people in office that year.
_WRITTEN_YEAR_WEIGHT = 2


def written_years(text: str, latest: int) -> list[int]:
    """The years the text writes ("in 2004", "the 1997 election"), up to `latest`."""
    return [int(y) for y in _YEAR.findall(text) if int(y) <= latest]


def story_date(doc: Doc, mentions: Sequence[Mention],
               people: Mapping[str, Person]) -> dt.date | None:
    """The middle of the year the article most points to, or None without evidence.

    Args:
        doc: the parsed article.
        mentions: its mentions read without a date (named people resolve by name).
        people: the knowledge base's people by canonical name.
    """
    latest = dt.date.today().year
    votes: Counter[int] = Counter()
    for year in set(written_years(doc.text, latest)):
        votes[year] += _WRITTEN_YEAR_WEIGHT
    named = {m.actor.name for m in mentions if m.actor.kind == "person" and m.actor.name}
    for name in named:
        person = people.get(name)
        if person is None:
            continue
        years = {y for t in person.terms if t.start.year > _FIRST_YEAR - 45
                 for y in range(max(t.start.year, _FIRST_YEAR),
                                min((t.end or dt.date.today()).year, latest) + 1)}
        votes.update(years)
    if not votes:
        return None
    best = max(votes.values())
    year = max(y for y, n in votes.items() if n == best)
    return dt.date(year, 7, 1)
