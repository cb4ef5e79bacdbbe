"""Rule `destination-of-a-visit-is-a-place`: where a visit goes is looked up as a place.

The actor reader looks a proper noun up in the gazetteer only where the parser's entity
tagger calls it a place; the small model tags some cities as people or organisations
("visited ALEPPO"), so the visit's destination named no state and
`argument/meeting-needs-a-counterpart` dropped the visit. In the positions that name a
visit's destination (``data/lexicon/visit_destinations.yaml``), a proper noun with no
mention of its own is read as a place whatever its tag (PLOVER 3.2: a visit to a city is
CONSULT visit with the city's state as the target). Elsewhere a city's name stays what the
tagger says ("the Calcutta Cup", "Basra's new stadium").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Token

from diplograph.knowledge.coding_words import read_lexicon, word_lists

RULE = "destination-of-a-visit-is-a-place"
_LISTS = ("visit_verbs", "travel_verbs", "visit_nouns", "travel_preps", "noun_preps")


@dataclass(frozen=True, slots=True)
class VisitWords:
    """The words of ``visit_destinations.yaml`` (what each list is: see the file)."""

    visit_verbs: frozenset[str]
    travel_verbs: frozenset[str]
    visit_nouns: frozenset[str]
    travel_preps: frozenset[str]
    noun_preps: frozenset[str]


@functools.cache
def visit_words() -> VisitWords:
    """The packaged word lists, read once."""
    file = "visit_destinations.yaml"
    return VisitWords(**word_lists(file, read_lexicon(file), _LISTS))


def is_visit_destination(token: Token) -> bool:
    """Whether the proper noun ``token`` names where a visit goes: the object of a visit
    verb, or of a destination preposition on a travel verb or a visit noun; a name joined
    to one by "and" goes there too ("visited Basrah AND NAJAF")."""
    if token.pos_ != "PROPN":
        return False
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    words, head = visit_words(), token.head
    if token.dep_ == "dobj":
        return head.pos_ == "VERB" and head.lemma_.lower() in words.visit_verbs
    if token.dep_ != "pobj" or head.lower_ not in words.travel_preps:
        return False
    governor = head.head
    if governor.pos_ == "VERB":
        return governor.lemma_.lower() in words.travel_verbs
    return governor.pos_ == "NOUN" and governor.lemma_.lower() in words.visit_nouns \
        and head.lower_ in words.noun_preps
