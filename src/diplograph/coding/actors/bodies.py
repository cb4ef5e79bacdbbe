"""State bodies named without their state: the story's own.

A body name that several states give their own ("the Treasury" in London and Washington,
"the Defense Department") with no state word before it is the story's own state's, as a bare
title is ("the Treasury's review" in a British story: GBR GOV). With no home state, or with
a state before it ("the US Treasury", read by the phrase reader), it is not ours to place
(`home_bodies` in mention_words.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import positions_of_words, token_table
from diplograph.records import ActorRef

# Grammar, not knowledge: the one word a home body's name may follow ("THE Treasury").
_DETERMINER = "the"
# Noun table identity -> (the table, kept alive; its nouns' last words): ``_last_words``.
_LAST_WORDS: dict[int, tuple[Mapping[str, str], frozenset[str]]] = {}

StateRef = Callable[[str, str], ActorRef]  # (ISO3, sector) -> the state in that sector
StateAt = Callable[[int], str | None]  # token index -> ISO3 of the state its words name


def home_state_bodies(doc: Doc, mentions: list[Mention], home_bodies: Mapping[str, str],
                      home_country: str | None, state: StateRef) -> list[Mention]:
    """Add the bodies of the story's own state named without their state.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        home_bodies: lower-case body name -> sector ("treasury" -> GOV).
        home_country: ISO3 of the story's state, None when unknown.
        state: builds a state's actor in a sector.

    Returns:
        The mentions with these bodies added, in text order.
    """
    if home_country is None:
        return mentions
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    tokens = token_table(doc)
    for i in range(len(doc)):
        # Only a capitalised word after "the" (or opening the text) starts a body name, as
        # `_home_body` requires: the others are never built as Tokens.
        opens = tokens.is_title[i] and (i == 0 or tokens.lower[i - 1] == _DETERMINER)
        body = _home_body(doc, doc[i], home_bodies) if opens and i not in taken else None
        if body is not None:
            span, sector = body
            found.append(span_mention(span, state(home_country, sector)))
            taken.update(range(span.start, span.end))
    return sorted(mentions + found, key=lambda m: m.token_start)


def home_state_nouns(doc: Doc, mentions: list[Mention], home_nouns: Mapping[str, str],
                     leave: frozenset[str], home_country: str | None,
                     state: StateRef, state_named: StateAt,
                     abroad: frozenset[str] = frozenset()) -> list[Mention]:
    """Add the story's own bodies named by a bare noun.

    "the government", "Ministers", "opposition MPs" (the government nouns) and "police",
    "officials", "security forces", "prosecutors" (the group nouns): a noun of
    `home_nouns` (one word, or two ending in it) with no state, party or owner before it
    and no "of" after it is the home state's, as a bare title is. "police in Nepal" is the
    state named after "in". "a government", "its government", "the government of Syria",
    "in government" and, where no state follows "in", a story with no home state are left
    alone.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        home_nouns: lower-case noun -> sector ("ministers" -> GOV, "riot police" -> COP).
        leave: lower-case words that may stand before the noun and leave it the state's
            ("senior", "opposition", "backbench").
        home_country: ISO3 of the story's state, None when unknown.
        state: builds a state's actor in a sector.
        state_named: the state a token names (its name or capital), None if none.
        abroad: sectors whose bodies serve in other states ("troops in Syria"): for them a
            state after "in" is where they are, not whose they are.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for token in noun_ends(doc, home_nouns):
        noun = group_noun_at(doc, token, home_nouns)
        if noun is None or token.i in taken or not _bare_noun(token, noun[0], leave):
            continue
        first, sector = noun
        there = _state_after_in(token, state_named)
        if there is not None and sector in abroad:
            continue  # "troops in Syria": sent there, whose is not said
        country = there or home_country
        span = doc[min(token.left_edge.i, first):token.i + 1]
        if country is None or any(i in taken for i in range(span.start, span.end)):
            continue
        found.append(span_mention(span, state(country, sector)))
        taken.update(range(span.start, span.end))
    return sorted(mentions + found, key=lambda m: m.token_start)


def noun_ends(doc: Doc, home_nouns: Mapping[str, str]) -> list[Token]:
    """The tokens whose word is the last word of a noun of `home_nouns`, in text order.

    Read from the article's token table, so that its other tokens (nearly all of them, at
    each of the resolver's calls) are never built as Token objects.
    """
    return [doc[i] for i in positions_of_words(doc, _last_words(home_nouns))]


def _last_words(nouns: Mapping[str, str]) -> frozenset[str]:
    """The last words of the nouns, listed once per noun table (keyed by its identity and
    kept alive with it: the tables are ``mention_words()``'s, loaded once)."""
    kept = _LAST_WORDS.get(id(nouns))
    if kept is None:
        kept = _LAST_WORDS[id(nouns)] = (nouns, frozenset(n.rsplit(" ", 1)[-1] for n in nouns))
    return kept[1]


def group_noun_at(doc: Doc, token: Token, home_nouns: Mapping[str, str]
               ) -> tuple[int, str] | None:
    """(first token, sector) of the noun of `home_nouns` ending at `token`: two words
    ("security forces") before one ("forces" is not there)."""
    if token.i > 0:
        sector = home_nouns.get(f"{doc[token.i - 1].lower_} {token.lower_}")
        if sector is not None:
            return token.i - 1, sector
    sector = home_nouns.get(token.lower_)
    return (token.i, sector) if sector is not None else None


def _state_after_in(token: Token, state_named: StateAt) -> str | None:
    """The state named right after "in" hanging from the noun ("police IN NEPAL", "officials
    in Kabul")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "in":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return state_named(objects[0].left_edge.i) or state_named(objects[0].i)
    return None


def _bare_noun(token: Token, first: int, leave: frozenset[str]) -> bool:
    """A noun (its words from `first`) with "the", a number or nothing before it, only
    `leave` words between, no "of" after, and not the place of "in government"."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod", "nmod"):
        return False  # "government red tape": a modifier, not the government
    for child in token.children:
        if first <= child.i < token.i or child.dep_ == "nummod":
            continue  # "SECURITY forces", "60 protesters"
        if child.i < token.i and child.dep_ == "det" and child.lower_ != "the":
            return False  # "a government", "its government", "this government"
        if child.i < token.i and child.dep_ != "det" and child.lower_ not in leave:
            return False  # "the Iraqi government", "Labour ministers", "the party's MPs"
        if child.i > token.i and child.dep_ == "prep" and child.lower_ == "of" \
                and not _of_a_gerund(child):
            return False  # "the government of President Bashar al-Assad"
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "PROPN":
        return False  # "the Council OF MINISTERS", "the Union of Students": part of a name
    return not (token.dep_ == "pobj" and head.lower_ in ("in", "into", "out", "from"))


def _of_a_gerund(of: Token) -> bool:
    """ "accused ministers OF LOSING control": the charge, not the owner of the noun."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in of.children)


def _home_body(doc: Doc, token: Token, home_bodies: Mapping[str, str]
               ) -> tuple[Span, str] | None:
    """ "the Treasury", "the Defense Department": a capitalised body name of `home_bodies`
    headed by its last word, with "the" and nothing else before it."""
    if not token.is_title:
        return None
    for size in (3, 2, 1):
        span = doc[token.i:token.i + size]
        sector = home_bodies.get(span.text.lower())
        if sector is not None and all(t.is_title or t.lower_ == "of" for t in span):
            head = span[-1]
            if span.end < len(doc) and doc[span.end].is_title and doc[span.end].pos_ == "PROPN" \
                    and doc[span.end].tag_ != "POS":
                return None  # a longer name ("Treasury Select Committee")
            if token.i > 0 and doc[token.i - 1].lower_ != _DETERMINER:
                return None  # "the US Treasury", "Trump Treasury": another phrase's
            if head.pos_ not in ("PROPN", "NOUN"):
                return None
            start = token.i - 1 if token.i > 0 else token.i
            return doc[start:span.end], sector
    return None


def span_mention(span: Span, ref: ActorRef) -> Mention:
    return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                   token_end=span.end, actor=replace(ref, text=span.text))
