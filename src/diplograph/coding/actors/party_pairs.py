"""Rule `party-coordination` (issue #15, stop 26, phrases18): two parties of one state
coordinated before one body noun name that state's body, not one of the parties.

"Tory and Lib Dem MPs", "Labour and Tory MPs", "Republican and Democratic lawmakers": the
body noun ("MPs", the parliament's members: LEG) is shared by both party words, so the
phrase is the legislators of the state, across parties. The phrase reader read only the
second party's body ("Lib Dem MPs", the Liberal Democrats) and the first word alone, where
a name, as the party itself ("Labour", PTY): both become one mention of the state in the
body's sector. Parties of two states ("Labour and Republican lawmakers") stay as read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Hits, Mention
from diplograph.records import ActorRef

# Grammar, not knowledge: the conjunctions that coordinate two party words.
_CONJUNCTIONS = frozenset({"and", "or"})
_PARTY_KINDS = ("org", "orgadj")
_PARTY_WORDS = 3  # "Liberal Democrat and ...": the words of the first party's name, at most


def party_pairs(doc: Doc, mentions: list[Mention], hits: Hits,
                party_state: Callable[[str], str | None],
                state: Callable[[str, str | None], ActorRef]) -> list[Mention]:
    """Rule `party-coordination` on the mentions of a party's body.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        hits: the article's knowledge matches.
        party_state: the state of a party (an organisation of sector PTY), else None.
        state: a state (one sector of it) as an actor.

    Returns:
        The mentions, each coordinated pair of one state's parties read as its body.
    """
    out = list(mentions)
    for m in mentions:
        country = party_state(m.actor.name or "") if m.actor.kind == "organisation" else None
        if country is None or m.actor.sector in (None, "PTY"):
            continue  # a party's body only ("Lib Dem MPs"), not the party named alone
        start = _first_party_start(doc, m.token_start, hits, country, party_state)
        if start is None:
            continue
        span = doc[start:m.token_end]
        pair = Mention(start=span.start_char, end=span.end_char, token_start=start,
                       token_end=m.token_end,
                       actor=replace(state(country, m.actor.sector), text=span.text))
        out = [o for o in out if o.token_end <= start or o.token_start >= m.token_end] + [pair]
        out.sort(key=lambda o: o.token_start)
    return out


def _first_party_start(doc: Doc, second: int, hits: Hits, country: str,
                       party_state: Callable[[str], str | None]) -> int | None:
    """The first token of a party word of `country` that ends right before a conjunction
    at token second - 1; None where none stands there."""
    cc = second - 1
    if cc < 1 or doc[cc].lower_ not in _CONJUNCTIONS:
        return None
    for j in range(max(0, cc - _PARTY_WORDS), cc):
        for hit in hits.at(j):
            if hit.end == cc and hit.kind in _PARTY_KINDS and party_state(hit.key) == country:
                return j
    return None
