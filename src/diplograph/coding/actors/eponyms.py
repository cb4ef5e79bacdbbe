"""Rule `person-naming-a-thing-is-no-actor` (issue #15, stop 27, names27): a person's name
right before the noun of a thing named after them ("the REAGAN doctrine", "the CLINTON
foundation", "the Kennedy center") names the thing; the person is no actor there.

A bare surname there would otherwise read as the person, or as a namesake the knowledge
holds. The nouns are knowledge (``eponym_nouns`` of ``data/actors/mention_words.yaml``); a
body the person leads ("the Bush administration") is not among them and stays the state's.
A possessive is the person's own ("Reagan's library" names him) and stays.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention

# Grammar: a name that modifies the noun of the thing it names ("the Reagan DOCTRINE").
_NAME_DEPS = frozenset({"compound", "nmod"})


def things_named_after_people(doc: Doc, mentions: list[Mention],
                              eponym_nouns: Collection[str]) -> list[Mention]:
    """The mentions less the people whose name only names a thing after them."""
    return [m for m in mentions if not _names_a_thing(doc, m, eponym_nouns)]


def _names_a_thing(doc: Doc, mention: Mention, eponym_nouns: Collection[str]) -> bool:
    if mention.actor.kind != "person":
        return False
    last = doc[mention.token_end - 1]
    head = last.head
    return (last.dep_ in _NAME_DEPS and head.i >= mention.token_end
            and head.lower_ in eponym_nouns)
