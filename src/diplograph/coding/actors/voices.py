"""Spokespeople of a named body: "A spokesman for UKIP", "a spokeswoman for the Home Office".

Rule `spokesperson-of-body` (issue #15): a bare spokesperson's noun ("a spokesman", no name,
no modifier) is the home state's spokesperson only where the text says nothing of whose;
"for BODY" says whose. The spokesperson takes the body's state and sector (a state's body
keeps the role: the Home Office's spokesman is the government's). A named body we do not
know ("a spokesman for Celltick") is of the story's state, as a bare title is, with the
sector its own noun gives ("the Parks DEPARTMENT": GOV) or none: never the government's by
default. Where a story has no home state the bare noun makes no mention; "for" a body we
know still says whose, so the mention is made. Nouns in ``mention_words.yaml:
body_voice_nouns``; body nouns and sectors in ``owner_sectors``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.bodies import span_mention
from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.coding.token_table import positions_of_words
from diplograph.records import ActorRef

# Grammar: the preposition that names whom a spokesperson speaks for.
_FOR = "for"
# Grammar: dependents that already say whose the post is ("a UKIP spokesman", "his spokesman").
_OWNING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "nummod"})
# Grammar: the only words a bare post noun's phrase may hold before the noun.
_BARE_DEPS = frozenset({"det", "predet"})


def spokespeople_of_bodies(doc: Doc, mentions: list[Mention], voice_nouns: frozenset[str],
                           owner_sectors: dict[str, str],
                           home_country: str | None) -> list[Mention]:
    """Give bare spokespeople "for" a body that body's state and sector.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        voice_nouns: nouns of a post that speaks for a body (``body_voice_nouns``).
        owner_sectors: lower-case body nouns ("department") -> sector (``owner_sectors``).
        home_country: ISO3 of the story's state: an unknown named body's; None when unknown.

    Returns:
        The mentions in text order, bare spokespeople of a body read as the body's.
    """
    by_token = mentions_by_token(mentions)
    out = [_owned_voice(doc, m, by_token, voice_nouns, owner_sectors, home_country)
           for m in mentions]
    out += [_new_voice(doc, noun, body) for noun, body in
            _unplaced_voices(doc, by_token, voice_nouns)]
    return sorted(out, key=lambda m: m.token_start)


def _bare_voice(noun: Token, voice_nouns: frozenset[str]) -> bool:
    return (noun.lower_ in voice_nouns or noun.lemma_.lower() in voice_nouns) \
        and not any(c.dep_ in _OWNING_DEPS for c in noun.children)


def _body_token(noun: Token) -> Token | None:
    """The object of the noun's "for" ("a spokesman FOR the Home Office": "Office")."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == _FOR):
        return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def _body_of(body: Token, by_token: dict[int, Mention]) -> ActorRef | None:
    """The state or organisation the body's words resolved to, if any (a person's spokesman
    is the staff rule's)."""
    found = by_token.get(body.i)
    return found.actor if found is not None and found.actor.kind in (
        "state", "organisation") else None


def _owned_voice(doc: Doc, m: Mention, by_token: dict[int, Mention],
                 voice_nouns: frozenset[str], owner_sectors: dict[str, str],
                 home_country: str | None) -> Mention:
    actor = m.actor
    noun = doc[m.token_start:m.token_end].root
    if actor.kind != "person" or actor.name or not _bare_voice(noun, voice_nouns):
        return m
    body = _body_token(noun)
    if body is None:
        return m
    owner = _body_of(body, by_token)
    if owner is not None:
        return replace(m, actor=_voice_of(owner, actor))
    if body.pos_ != "PROPN" and body.lemma_.lower() not in owner_sectors:
        return m  # "a spokesman for the family": not a named body; left as read
    sector = owner_sectors.get(body.lemma_.lower())
    return replace(m, actor=replace(actor, country=home_country, sector=sector, role=None))


def _voice_of(owner: ActorRef, actor: ActorRef) -> ActorRef:
    """A body's spokesperson: its state and sector; the role only for a state's own body."""
    role = actor.role if owner.kind == "state" else None
    return replace(actor, country=owner.country, sector=owner.sector, role=role)


def _unplaced_voices(doc: Doc, by_token: dict[int, Mention],
                     voice_nouns: frozenset[str]) -> list[tuple[Token, ActorRef]]:
    """Bare spokespeople no mention covers (no home state), "for" a body we know."""
    found = []
    for noun in _voice_words(doc, voice_nouns):
        if noun.i in by_token or not _bare_voice(noun, voice_nouns):
            continue
        body = _body_token(noun)
        owner = _body_of(body, by_token) if body is not None else None
        if owner is not None:
            found.append((noun, _voice_of(owner, ActorRef(
                name=None, country=None, sector=None, role="spokesperson", kind="person"))))
    return found


def _voice_words(doc: Doc, voice_nouns: frozenset[str]) -> list[Token]:
    """The article's words that are a voice noun (its word or lemma): a Token is built for
    those only, not for every word at each of the article's walks."""
    return [doc[i] for i in positions_of_words(doc, voice_nouns, lemmas=True)]


def _new_voice(doc: Doc, noun: Token, actor: ActorRef) -> Mention:
    start = min([noun.i] + [c.i for c in noun.children if c.dep_ in _BARE_DEPS])
    return span_mention(doc[start:noun.i + 1], actor)
