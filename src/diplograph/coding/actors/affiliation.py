"""People we do not know, placed by the body the text ties them to.

"Brad Adams, from Human Rights Watch", "Shami Chakrabarti, director of the pressure group
Liberty", "The leader of the Anti-Defamation League, Jonathan Greenblatt": an unknown person
takes the state of the organisation the sentence attaches them to, and its sector where the
words say they work for it (a job noun, or "from"/"of" on the name itself); "an expert at
the Washington Institute" takes its state only. Read from the parse, never guessed.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token

# Prepositions that tie a person or their job to a body ("director OF", "a researcher AT").
_LINKS = frozenset({"of", "at", "for", "from", "with"})


def affiliations(doc: Doc, mentions: list[Mention], job_nouns: frozenset[str]) -> list[Mention]:
    """Fill the state and sector of unknown people from the organisation they are tied to.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        job_nouns: nouns naming a post in a body (mention_words.yaml `job_nouns`).

    Returns:
        The mentions, unknown people completed where the parse ties them to one body.
    """
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and actor.wikidata is None \
                and actor.role is None and (actor.country is None or actor.sector is None):
            tie = _tied_body(doc[m.token_start:m.token_end].root, by_token, job_nouns)
            if tie is not None:
                body, works_there = tie
                actor = replace(actor, country=actor.country or body.country,
                                sector=actor.sector or (body.sector if works_there else None))
                m = replace(m, actor=actor)
        out.append(m)
    return out


def _tied_body(root: Token, by_token: dict[int, Mention], job_nouns: frozenset[str]):
    """(the organisation, whether the person works there) the name's parse ties it to."""
    for head, prep in _links(root):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            body = next((by_token[t.i].actor for t in pobj.subtree if t.i in by_token
                         and by_token[t.i].actor.kind == "organisation"), None)
            if body is not None:
                return body, head is None or head.lower_ in job_nouns \
                    or head.lemma_.lower() in job_nouns
    return None


def _links(root: Token) -> list[tuple[Token | None, Token]]:
    """(the job noun or None for the name itself, the preposition) pairs around a name."""
    links: list[tuple[Token | None, Token]] = [
        (None, c) for c in root.children if c.dep_ == "prep" and c.lower_ in ("from", "of")]
    heads = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":  # "The leader of the ADL, Jonathan Greenblatt"
        heads.append(root.head)
    for head in heads:
        links += [(head, c) for c in head.children if c.dep_ == "prep" and c.lower_ in _LINKS]
    return links
