"""Rule `state-body-of` (issue #15, stop 26, phrases18): a state's governing body named by
its leader, its capital or its name.

"bombing raids by the government of President Bashar al-Assad", "the regime in Damascus",
"the government in Kabul", "the government of Sudan": the noun is the state's government
(``state_body_nouns``: noun -> sector), and the words after "of" or "in" tell which state:
a person of a state ("of President Bashar al-Assad": the person's state), a state's name,
or a place ("in Damascus": its state). The whole phrase is one mention of that state in
the noun's sector; a person mention inside it ("President Bashar al-Assad") gives way to
it, since the government, not the man, is the actor.

Never read (the noun names no state's body, or the place is not the noun's):
- the noun modifies another ("the government BUILDING in Kabul": a place);
- "of" or "in" words that name no state ("the government of the day");
- the noun with no determiner before it ("government in Kabul" inside a title or headline
  is too loose to read).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import token_table
from diplograph.records import ActorRef

# Grammar, not knowledge: the prepositions that tie a body to its state ("the government
# OF Sudan", "the regime IN Damascus") and the determiner that opens its phrase.
_PREPOSITIONS = frozenset({"of", "in"})
_DETERMINER = "the"
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})


def state_bodies_named(doc: Doc, mentions: list[Mention], body_nouns: dict[str, str],
                       place_state: Callable[[Span], str | None],
                       state: Callable[[str, str | None], ActorRef]) -> list[Mention]:
    """Rule `state-body-of` over the article's governing nouns.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        body_nouns: nouns for a state's governing body (mention_words.yaml
            `state_body_nouns`) -> the body's sector.
        place_state: the state a run of words names (a state's name, demonym, capital or a
            place below a state), else None.
        state: a state (one sector of it) as an actor.

    Returns:
        The mentions with each such phrase read as one mention of the state's body.
    """
    out = list(mentions)
    # The token table's words, not a Token per word: this pass runs at every walk (two to
    # four an article) and few words are governing nouns.
    lower = token_table(doc).lower
    for i in range(1, len(doc)):
        sector = body_nouns.get(lower[i])
        if sector is None or lower[i - 1] != _DETERMINER:
            continue
        read = _body_phrase(doc, i, out, place_state)
        if read is None:
            continue
        end, country = read
        start = i - 1
        span = doc[start:end]
        body = Mention(start=span.start_char, end=span.end_char, token_start=start,
                       token_end=end, actor=replace(state(country, sector), text=span.text))
        out = [m for m in out if m.token_end <= start or m.token_start >= end] + [body]
        out.sort(key=lambda m: m.token_start)
    return out


def _body_phrase(doc: Doc, i: int, mentions: list[Mention],
                 place_state: Callable[[Span], str | None]) -> tuple[int, str] | None:
    """(the phrase's end, its state) for the governing noun at token i followed by "of" or
    "in" and words that name one state; None otherwise."""
    at = i + 1
    if at + 1 >= len(doc) or doc[at].lower_ not in _PREPOSITIONS:
        return None  # also "the government BUILDING": the noun is not the phrase's head
    named = next((m for m in mentions if m.token_start == at + 1), None)
    if named is not None and named.actor.country and named.actor.kind in ("person", "state"):
        possessive = named.token_end < len(doc) and doc[named.token_end].tag_ == "POS"
        # "the government of Tony Blair's SUCCESSOR": the name is not the noun's object
        return None if possessive else (named.token_end, named.actor.country)
    place = next((e for e in doc.ents if e.start == at + 1 and e.label_ == "GPE"), None)
    if doc[at].lower_ != "in" or place is None:
        return None  # a place only after "in", and only a place the model reads as one
    if place.end < len(doc) and doc[place.end].tag_ in _NOUN_TAGS:
        return None  # "in Kabul province": the name modifies a further noun
    country = place_state(place)
    return (place.end, country) if country else None
