"""Generic agents named by whom they are, placed by their own words (issues #15, #16, stop 26).

Two rules for plural agents with no name that the resolver's other rules leave unplaced:

- rule `people-of-one-state`: "ROHINGYA leaders accused ...", "Thousands of OROMOS have been
  jailed": a people that lives in one state (``ethnic_groups`` in mention_words.yaml) is a
  group of that state in the sector ETH, the PLOVER convention of coding a people by where
  it lives; peoples spread over several states are not listed, so never guessed;
- rule `units-of-a-federation`: "Twenty STATES led by Texas", "Two STATES, Bavaria and
  Saxony": a plural unit noun (``federal_units``) whose own phrase names places below one
  state is that state's local governments (GOV); with no such place ("member states",
  "states such as France") it is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import positions_of_words, token_table
from diplograph.records import ActorRef

PlaceState = Callable[[str], str | None]  # a place below a state -> ISO3, None: unknown

ETHNIC_SECTOR = "ETH"
LOCAL_GOVERNMENT_SECTOR = "GOV"
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})


def peoples_of_one_state(doc: Doc, mentions: list[Mention],
                         peoples: Mapping[str, str]) -> list[Mention]:
    """Rule `people-of-one-state`: each word of `peoples` no mention covers ("Rohingya",
    "Oromos") is a group of its state in the sector ETH, with the words of its noun
    phrase where it modifies one ("Rohingya LEADERS"); the mentions, in text order."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    lower = token_table(doc).lower
    for i in positions_of_words(doc, peoples):  # a Token built for the peoples only
        state = peoples.get(lower[i])
        if state is None or i in taken:
            continue
        span = _people_span(doc[i])
        if span is not None and not any(j in taken for j in range(span.start, span.end)):
            found.append(_group(span, state, ETHNIC_SECTOR))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _people_span(token: Token) -> Span | None:
    """The words that name the people: the word itself as a noun ("Thousands of OROMOS"),
    or the word with the plural noun it modifies ("ROHINGYA LEADERS"); None for a place's
    name ("the Amhara REGION": a singular noun) or a word of another kind."""
    head = token.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("amod", "compound"):
        return token.doc[token.i:token.i + 1]
    if token.dep_ in ("amod", "compound") and head.i > token.i and head.tag_ in ("NNS", "NNPS"):
        return token.doc[token.i:head.i + 1]
    return None


def units_of_federations(doc: Doc, mentions: list[Mention], units: frozenset[str],
                         place_state: PlaceState) -> list[Mention]:
    """Rule `units-of-a-federation`: a plural unit noun of `units` with no mention on it
    whose own phrase names places below a state, all of one state, is that state's local
    governments (GOV); the mentions, in text order."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for i in positions_of_words(doc, units):  # a Token built for the units only
        if i in taken:
            continue
        token = doc[i]
        if token.tag_ not in ("NNS", "NNPS") or token.dep_ in ("compound", "amod"):
            continue
        state = _one_state_below(token, place_state)
        if state is not None:
            found.append(_group(doc[token.left_edge.i:token.i + 1], state,
                                LOCAL_GOVERNMENT_SECTOR))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _one_state_below(noun: Token, place_state: PlaceState) -> str | None:
    """The one state of the places below a state that the noun's own phrase names ("led by
    TEXAS", ", BAVARIA and SAXONY"); None where it names none, or places of two states."""
    states = set()
    for tok in noun.subtree:
        if tok.ent_type_ in _PLACE_ENTITIES and tok.ent_iob_ == "B":
            ent = next(e for e in noun.doc.ents if e.start == tok.i)
            states.add(place_state(ent.text))
    if None in states or len(states) != 1:
        return None
    return states.pop()


def _group(span: Span, state: str, sector: str) -> Mention:
    actor = ActorRef(name=None, country=state, sector=sector, text=span.text, kind="group")
    return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                   token_end=span.end, actor=actor)
