"""Place names inside the name of a thing: "the KYOTO protocol", "the Treaty of ROME".

A city or region that names a treaty, a process, a round of negotiations, a set of goals or
a document tells where the thing was signed or launched; it is no actor of an event about
the thing (issue 16: "locations, topics and beneficiaries are never targets"). The nouns of
such things are knowledge: ``thing_nouns`` of ``data/actors/mention_words.yaml``.
"""

from __future__ import annotations

from spacy.tokens import Token

from diplograph.coding.actors.words import mention_words

# Grammar: the ways a name joins the noun it names ("the KYOTO protocol", "the Paris CLIMATE
# accord" through a second modifier). Not the possessive: "WASHINGTON's agenda" is the US
# government's own.
_NAME_DEPS = frozenset({"compound", "nmod", "amod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# A "the Kyoto and Montreal protocols" chain is short; more steps leave the phrase.
_MAX_STEPS = 4


def named_thing(tok: Token) -> Token | None:
    """The thing noun a proper name ``tok`` is part of the name of, or None.

    "the KYOTO protocol", "the Kyoto and MONTREAL protocols", "the PARIS climate accord",
    "the Treaty of ROME" (a capitalised thing noun: "the agreement of
    France" is France's own agreement).
    """
    if tok.pos_ != "PROPN":
        return None
    nouns = mention_words().thing_nouns
    node = tok
    for _ in range(_MAX_STEPS):
        head = node.head
        if head is node or head.pos_ not in _NOUNS | {"ADP"}:
            return None
        if node.dep_ == "conj" or (node.dep_ == "compound" and head.pos_ == "PROPN"
                                   and head.lower_ not in nouns):
            node = head  # "Kyoto and MONTREAL", "CAMP David": the rest of the name
        elif node.dep_ in _NAME_DEPS and head.pos_ in _NOUNS:
            if head.lower_ in nouns:
                return head
            node = head  # "the Paris CLIMATE accord"
        elif node.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in nouns \
                and head.head.text[:1].isupper():
            return head.head
        else:
            return None
    return None
