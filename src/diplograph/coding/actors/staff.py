"""People we do not know, placed by the post the text gives them.

Staff of a named person:

"Rahm Emanuel, his chief of staff", "Lisa Monaco, Obama's adviser", "her senior policy
adviser, Jake Sullivan", "Nick Merrill, a spokesman for Mrs. Clinton": someone whose post
(a staff noun: adviser, aide, spokesman, chief of staff) serves one named person works for
that person's state, in that person's sector (a sitting leader's staff are the government's;
a candidate's, the campaign's: `staff_sectors`). The principal is the owner of the post or
the person after "for"; "his"/"her" stand for the last person of that gender named before.
This is stronger evidence than the story's own state, which a bare "spokesman" would take.

A calling in apposition: "Issawi Frej, a member of parliament" names one person of a sector
(a singular sector noun, no state or body in it: those are read by ``appositive_countries``
and ``affiliations``); the person takes that sector and, as a bare calling does, the story's
own state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.coding.actors.words import MentionWords
from diplograph.records import ActorRef


def staff_of_principals(doc: Doc, mentions: list[Mention], words: MentionWords,
                        gender_of: Callable[[str], str | None],
                        known: Callable[[str], bool]) -> list[Mention]:
    """Give unknown people whose post serves a named person that person's state and sector.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the mention words (``staff_nouns``, ``staff_sectors``, ``possessive_genders``).
        gender_of: a known person's gender ("m"/"f") by name, None when not known.
        known: whether a name is a person of the knowledge base (left as resolved where
            they held an office that day).

    Returns:
        The mentions, unknown staff placed where the parse names their principal.
    """
    by_token = mentions_by_token(mentions)
    out = []
    for m in mentions:
        actor = m.actor
        # A known person with no office that day ("Jake Sullivan" in 2016) is placed too.
        if actor.kind == "person" and actor.name \
                and (actor.sector is None or not known(actor.name)):
            post = _staff_post(doc[m.token_start:m.token_end].root, words.staff_nouns)
            principal = _principal(post, m, mentions, by_token, words, gender_of) \
                if post is not None else None
            if principal is not None:
                sector = "ELI" if _is_former(post, words.former_post_words) \
                    else words.staff_sectors.get(principal.sector or "", principal.sector)
                m = replace(m, actor=replace(actor, country=principal.country, sector=sector))
        out.append(m)
    return out


def _staff_post(root: Token, staff_nouns: frozenset[str]) -> Token | None:
    """The staff noun the name is tied to: in apposition either way, or before it."""
    near = [c for c in root.children if c.dep_ in ("appos", "compound")]
    if root.dep_ == "appos":  # "her senior policy adviser, Jake Sullivan"
        near.append(root.head)
    return next((t for t in near if _post_readings(t) & staff_nouns), None)


def _is_former(post: Token, former_words: frozenset[str]) -> bool:
    """Whether the post is one held before ("his FORMER national security adviser")."""
    return any(c.dep_ in ("amod", "advmod") and c.lower_ in former_words for c in post.children)


def _post_readings(token: Token) -> set[str]:
    """The posts a noun may name: itself, with its "of" complement ("chief of staff"), with
    the compound just before it ("press secretary")."""
    readings = {token.lower_}
    readings |= {f"{token.lower_} of {g.lower_}" for p in token.children
                 if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"}
    readings |= {f"{c.lower_} {token.lower_}" for c in token.children
                 if c.dep_ == "compound" and c.i == token.i - 1}
    return readings


def _principal(post: Token, staff: Mention, mentions: list[Mention],
               by_token: dict[int, Mention], words: MentionWords,
               gender_of: Callable[[str], str | None]) -> ActorRef | None:
    """The named person the post serves: its owner ("Obama's", "his") or "for" someone."""
    owners = [c for c in post.children if c.dep_ == "poss"]
    owners += [g for p in post.children if p.dep_ == "prep" and p.lower_ == "for"
               for g in p.children if g.dep_ == "pobj"]
    for owner in owners:
        gender = words.possessive_genders.get(owner.lower_)
        if gender is not None:
            return _last_named(mentions, staff, gender, gender_of)
        other = by_token.get(owner.i)
        if other is not None and other is not staff and other.actor.kind == "person" \
                and other.actor.name:
            return other.actor
    return None


def _last_named(mentions: list[Mention], staff: Mention, gender: str,
                gender_of: Callable[[str], str | None]) -> ActorRef | None:
    """The last known person of that gender named before the staff member."""
    for m in reversed(mentions):
        if m.token_start < staff.token_start and m.actor.kind == "person" \
                and m.actor.name and gender_of(m.actor.name) == gender:
            return m.actor
    return None


def appositive_callings(doc: Doc, mentions: list[Mention], sectors: dict[str, str],
                        person_nouns: frozenset[str], home_country: str | None,
                        known: Callable[[str], bool]) -> list[Mention]:
    """Give unknown people the sector of the calling in apposition to their name.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        sectors: lower-case sector noun -> sector code (the knowledge base's).
        person_nouns: sector nouns that name one person in the singular.
        home_country: ISO3 of the story's state, None when unknown.
        known: whether a name is a person of the knowledge base (left as resolved).

    Returns:
        The mentions, unknown people with a bare calling completed.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for m in mentions:
        actor = m.actor
        for appos in _unplaced_appositives(doc, m, known):
            calling = _post_readings(appos) & person_nouns
            if calling and not any(t.i in taken for t in appos.subtree):
                sector = sectors.get(next(iter(calling)))
                m = replace(m, actor=replace(actor, sector=sector,
                                             country=actor.country or home_country))
                break
        out.append(m)
    return out


def _unplaced_appositives(doc: Doc, m: Mention, known: Callable[[str], bool]) -> list[Token]:
    """The appositives of someone we do not know and have given no sector yet."""
    actor = m.actor
    if actor.kind != "person" or not actor.name or actor.sector is not None \
            or known(actor.name):
        return []
    return [c for c in doc[m.token_start:m.token_end].root.children if c.dep_ == "appos"]

