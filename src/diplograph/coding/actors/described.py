"""Descriptions that name a person the article has named before.

News writes a person's office or standing in place of the name once it has named them: "the
Ohio governor" (John Kasich), "the Republican front-runner" and "the U.S. presidential
candidate" (Donald Trump in 2016). Such a definite description whose head is a post of
``description_posts`` (governor, senator, candidate, front-runner, nominee) names the last
known person the article named before it whose office on the story's day is that post; a
place word of the description ("OHIO governor") must be in the office's title where the title
names a place ("governor of Ohio"), and a description with a place binds no office whose
title names none. With no such person named before, the description stays
what the walk read (an office, or nothing): it is never bound to a namesake of the knowledge
base that the article does not name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import TokenTable, token_table
from diplograph.knowledge.base import Person, Term

# Left dependents that belong to a description ("the OHIO governor", "the U.S. PRESIDENTIAL
# candidate", "the 2016 DEMOCRATIC front-runner").
_MODIFIER_DEPS = frozenset({"det", "amod", "compound", "nmod", "nummod", "npadvmod"})


def described_people(doc: Doc, mentions: list[Mention], posts: Mapping[str, str],
                     people: Mapping[str, Person], when: dt.date) -> list[Mention]:
    """Bind definite descriptions of a post to the person named before who holds it.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        posts: lower-case head noun -> the word the office's title holds ("front-runner"
            -> "candidate").
        people: known people by name.
        when: the story's date (the offices held on it).

    Returns:
        The mentions, with descriptions of a named person added or completed (a mention of
        the same words that names no one takes the person).
    """
    out = list(mentions)
    tokens = token_table(doc)
    for i in range(len(doc)):
        post = posts.get(_head_word(tokens, i))
        token = doc[i] if post is not None else None
        if token is None or not _definite(token):
            continue
        start = min([token.i] + [t.i for c in token.lefts if c.dep_ in _MODIFIER_DEPS
                                 for t in c.subtree])
        if any(m.actor.name and _overlaps(m, start, token.i + 1) for m in out):
            continue  # the description holds a name: it is that name's mention
        person = _holder_named_before(doc[start:token.i], post, out, people, when, start)
        if person is None:
            continue
        out = [m for m in out if not _overlaps(m, start, token.i + 1)]
        span = doc[start:token.i + 1]
        out.append(Mention(start=span.start_char, end=span.end_char, token_start=start,
                           token_end=token.i + 1,
                           actor=replace(person, text=span.text)))
    return sorted(out, key=lambda m: m.token_start)


def _head_word(tokens: TokenTable, i: int) -> str:
    """The head noun as written: "front-runner" is parsed as "front", "-", "runner"."""
    if i >= 2 and tokens.text[i - 1] == "-" and not tokens.space_after[i - 1]:
        return f"{tokens.lower[i - 2]}-{tokens.lower[i]}"
    return tokens.lower[i]


def _definite(token: Token) -> bool:
    """ "THE Ohio governor": a description of someone known, not "a governor"."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _overlaps(m: Mention, start: int, end: int) -> bool:
    return m.token_start < end and start < m.token_end


def _holder_named_before(modifiers, post: str, mentions: list[Mention],
                         people: Mapping[str, Person], when: dt.date, start: int):
    """The actor of the last known person named before `start` who holds the post."""
    places = {t.text.lower() for t in modifiers if t.pos_ == "PROPN"}
    for m in reversed([m for m in mentions if m.token_end <= start]):
        person = people.get(m.actor.name or "") if m.actor.kind == "person" else None
        if person is not None and any(_fits(term, post, places)
                                      for term in person.terms_at(when)):
            return m.actor
    return None


def _fits(term: Term, post: str, places: set[str]) -> bool:
    """Whether an office held is the post described, in the place described if its title
    names one ("the Ohio governor": "governor of Ohio", not "governor of Florida")."""
    title = (term.title or "").lower()
    if post not in title:
        return False
    if not places:
        return True
    # A place we cannot check against the title ("the Vermont senator": our senators' titles
    # name no state) binds no one: a wrong person is worse than none.
    place = title.split(" of ", 1)[1] if " of " in title else ""
    return any(p in place for p in places)
