"""People we do not know, placed by the body whose post the text gives them.

"The charity's director, Barbara Stocking", "Oxfam's director, Jane Holt", "the agency's
former chief executive Tom Reed", "its former chief executive, Ivan Petrov" (after "Gazprom"):
the post belongs to a body, named or described, so the person works (or worked) for it and
takes its sector, and its state where the text gives them none. A post held before in a body
is still that body's ("former chief executive" of a company is BUS): ELI is for former
officials of a state, and the staff rule keeps it for "his former adviser". Read from the
parse (a job noun with a possessor), never guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.records import ActorRef

# Grammar: the possessive pronoun that stands for a body named before ("ITS chief executive").
_BODY_PRONOUN = "its"


def owned_posts(doc: Doc, mentions: list[Mention], job_nouns: frozenset[str],
                owner_sectors: dict[str, str], home_country: str | None,
                known: Callable[[str], bool]) -> list[Mention]:
    """Give unknown people the sector (and, lacking one, the state) of the body that owns
    their post.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        job_nouns: nouns naming a post in a body (mention_words.yaml `job_nouns`).
        owner_sectors: lower-case nouns describing a body ("charity", "agency") -> sector.
        home_country: ISO3 of the story's state: a described body's ("the charity's") as for
            a bare title; None when unknown.
        known: whether a name is a person of the knowledge base (left as resolved).

    Returns:
        The mentions, unknown people with an owned post completed.
    """
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and not known(actor.name) \
                and actor.sector in (None, "ELI"):
            post = _post(doc[m.token_start:m.token_end].root, job_nouns)
            owner = _owner(post, m, mentions, by_token, owner_sectors) if post else None
            if owner is not None:
                # A named body's state is the text's evidence; the home state only a default.
                country, sector = owner
                m = replace(m, actor=replace(
                    actor, sector=sector, country=country or actor.country or home_country))
        out.append(m)
    return out


def _post(root: Token, job_nouns: frozenset[str]) -> Token | None:
    """The job noun tied to the name: before it, in apposition either way, or the head of
    the mention itself ("its former chief executive, Ivan Petrov" read as one mention)."""
    near = [root, *(c for c in root.children if c.dep_ in ("appos", "compound"))]
    if root.dep_ == "appos":  # "The charity's director, Barbara Stocking"
        near.append(root.head)
    return next((t for t in near if t.lower_ in job_nouns or t.lemma_.lower() in job_nouns),
                None)


def _owner(post: Token, person: Mention, mentions: list[Mention], by_token: dict[int, Mention],
           owner_sectors: dict[str, str]) -> tuple[str | None, str] | None:
    """(state, sector) of the body the post's possessor names; None when it names no body
    (a person: "Mr. Obama's former adviser" is the staff rule's)."""
    possessor = next((c for c in post.children if c.dep_ == "poss"), None)
    if possessor is None:
        return None
    body = _body(possessor, person, mentions, by_token)
    if body is not None:
        return (body.country, body.sector) if body.sector else None
    sector = owner_sectors.get(possessor.lemma_.lower()) or owner_sectors.get(possessor.lower_)
    return (None, sector) if sector else None


def _body(possessor: Token, person: Mention, mentions: list[Mention],
          by_token: dict[int, Mention]) -> ActorRef | None:
    """The organisation the possessor names; for "its", the body or state named last before
    it, kept only when it is a body ("its former president" after a state is not ours)."""
    if possessor.lower_ == _BODY_PRONOUN:
        before = [m.actor for m in mentions if m.token_end <= possessor.i
                  and m.actor.kind in ("organisation", "state")]
        return before[-1] if before and before[-1].kind == "organisation" else None
    found = by_token.get(possessor.i)
    return found.actor if found is not None and found.actor.kind == "organisation" \
        and found is not person else None
