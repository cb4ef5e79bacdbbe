"""Offices of a body named right before the post: "Club chairman Alan Finch", "branch
president Sir John Barnes", "Lib Dem president Simon Hughes".

Rule `office-of-body` (issue #15, stop 23): "president" or "chairman" right after a body's
noun or name is that body's office, not a state's. The holder takes the body's sector (the
noun's in ``mention_words.yaml: body_office_nouns``, or the named organisation's) and no
state role; the state is the one the text gives the body ("LABOUR constituency party"), the
person's own, or the story's. A known person keeps an office they hold that day ("ANC
president Thabo Mbeki" led South Africa): the rule only corrects a state role the person
does not hold, or completes someone we do not know.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.records import ActorRef

# Grammar: the parts of speech a body's name or noun before a post is made of.
_NAME_POS = frozenset({"NOUN", "PROPN", "ADJ", "PART"})


def offices_of_bodies(doc: Doc, mentions: list[Mention], posts: frozenset[str],
                      body_sectors: dict[str, str], home_country: str | None,
                      holds: Callable[[str, str], bool],
                      private_sectors: frozenset[str] = frozenset()) -> list[Mention]:
    """Give a body's officers the body's sector and no state role.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        posts: lower-case posts at the head of a body (``body_office_posts``).
        body_sectors: lower-case body nouns -> their officers' sector (``body_office_nouns``).
        home_country: ISO3 of the story's state, for a body the text places nowhere.
        holds: whether a known person (by name) holds a role on the story's day; False for
            someone we do not know.
        private_sectors: sectors of bodies outside the state (``private_body_sectors``),
            whose posts named by "of" are theirs (rule `officer-of-private-body`).

    Returns:
        The mentions, a body's officers read as the body's.
    """
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        post = _post(doc, m, posts) if actor.kind == "person" and actor.name else None
        body = _body(doc, post, m, by_token, body_sectors) if post is not None else None
        if body is None and actor.kind == "person":
            body = _body_of(doc, m, by_token, posts, private_sectors)
            if body is not None and doc[m.token_start:m.token_end].root.lower_ in posts:
                # The post's own words ("the president of the Sierra Club"): no holder of
                # the state's office, the body's officer the apposition names, or one unnamed.
                m = replace(m, actor=_officer(doc, m, by_token, body))
                out.append(m)
                continue
        if body is not None and not (actor.role and holds(actor.name or "", actor.role)):
            country, sector = body
            m = replace(m, actor=replace(actor, sector=sector, role=None,
                                         country=country or actor.country or home_country))
        out.append(m)
    return out


def _post(doc: Doc, m: Mention, posts: frozenset[str]) -> int | None:
    """The token of a post right before the name (in the mention or just before it)."""
    for i in range(max(m.token_start - 1, 0), m.token_end - 1):
        nxt = doc[i + 1]
        if nxt.text == "," and i + 2 < m.token_end:  # "the company's president, Park Min-jun"
            nxt = doc[i + 2]
        if doc[i].lower_ in posts and (nxt.pos_ == "PROPN" or nxt.is_title):
            return i
    return None


def _body(doc: Doc, post: int, m: Mention, by_token: dict[int, Mention],
          body_sectors: dict[str, str]) -> tuple[str | None, str] | None:
    """(state, sector) of the body named right before the post; None where none is."""
    before = post - 1
    if before > 0 and doc[before].dep_ == "case":  # "the COMPANY's president": the owner
        before -= 1
        if doc[before].pos_ == "PROPN":
            return None  # a name's ("the Sierra Club's"): resolve reads it as the body named
    if post == 0:
        return None
    word = doc[before]
    named = by_token.get(word.i)
    if named is not None and named is not m and named.actor.kind == "organisation":
        return _organisation(named.actor)  # "Democratic PARTY chairwoman": the party named
    sector = body_sectors.get(word.lower_) or body_sectors.get(word.lemma_.lower())
    if sector is not None:
        return _state_before(doc, before, by_token), sector
    if m.token_start <= word.i and word.pos_ == "PROPN" and m.actor.country \
            and m.actor.sector not in (None, "GOV"):
        # "Lib Dem president Simon Hughes" read as one phrase: the party already gave its
        # state and sector; only the state role goes. A state's word gives the government
        # ("Serbian President Vojislav Kostunica"): the state's office, left as read.
        return m.actor.country, m.actor.sector
    return None


def _body_of(doc: Doc, m: Mention, by_token: dict[int, Mention], posts: frozenset[str],
             private_sectors: frozenset[str]) -> tuple[str | None, str] | None:
    """Rule `officer-of-private-body`: (state, sector) of a body outside the state whose post
    the person holds by an "of" phrase, on the mention's head or in apposition to the name:
    "Tomas Riedel, the PRESIDENT OF Siemens", "the president of the Teamsters" (the post's
    own mention). A state's or an international body's post ("the president of France", "the
    president of the European Commission") is left as read."""
    root = doc[m.token_start:m.token_end].root
    heads = [root, *(c for c in root.children if c.dep_ == "appos")]
    if root.dep_ == "appos":
        heads.append(root.head)
    for head in heads:
        if head.lower_ not in posts:
            continue
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
            body = _organisation_in(prep, by_token)
            if body is not None and body.sector in private_sectors:
                return body.country, body.sector
    return None


def _officer(doc: Doc, m: Mention, by_token: dict[int, Mention],
             body: tuple[str | None, str]) -> ActorRef:
    """The body's officer a post's own mention names: the person in apposition to the post
    ("The president of the Sierra Club, HELEN MORAVEC"), else an unnamed one."""
    root = doc[m.token_start:m.token_end].root
    country, sector = body
    names = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        names.append(root.head)
    for token in names:
        named = by_token.get(token.i)
        if named is not None and named is not m and named.actor.kind == "person" \
                and named.actor.name:
            return replace(named.actor, country=country or named.actor.country,
                           sector=sector, role=None, text=m.actor.text)
    return ActorRef(name=None, country=country, sector=sector, kind="person", text=m.actor.text)


def _organisation_in(prep: Token, by_token: dict[int, Mention]) -> ActorRef | None:
    """The organisation named by the object of a preposition ("of THE SIERRA CLUB")."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        for t in pobj.subtree:
            named = by_token.get(t.i)
            if named is not None and named.actor.kind == "organisation":
                return named.actor
    return None


def _organisation(org: ActorRef) -> tuple[str | None, str] | None:
    """A national body's (state, sector); an international one's posts stay as read
    ("Commission president", "World Bank president")."""
    return (org.country, org.sector) if org.country and org.sector else None


def _state_before(doc: Doc, noun: int, by_token: dict[int, Mention]) -> str | None:
    """The state of a name right before a body's noun ("LABOUR constituency party", "CLINTON
    campaign"), over the words of the body's name."""
    i = noun - 1
    while i >= 0 and doc[i].pos_ in _NAME_POS:
        named = by_token.get(i)
        if named is not None and named.actor.country:
            return named.actor.country
        i -= 1
    return None
