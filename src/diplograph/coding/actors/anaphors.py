"""State anaphors: "the country", "the kingdom", "the island nation" (issue #16).

A definite noun for a state refers back to a state the article has named: "Argentina's
president said ... The country has been in default" is Argentina. The most recent state
named before it whose kind the noun fits ("the island nation" after "Japan ... America"
is Japan) is the one meant; an article that names none leaves it unplaced. The nouns,
the kinds of state they fit and the verbs that make it a place live in
``data/actors/state_anaphors.yaml``. "in the country", "entering the country" and "the
country's largest bank" are places, not actors.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc, Span

from diplograph.coding.actors.home import stands_for_a_state
from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import positions_of_words, token_table
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import ActorRef

ANAPHORS_FILE = "state_anaphors.yaml"
ANY_STATE = "any"
# Grammar: the article an anaphor opens with ("THE country").
_THE = frozenset({"the"})


@dataclass(frozen=True, slots=True, kw_only=True)
class StateAnaphors:
    """The lists of ``state_anaphors.yaml``."""

    nouns: Mapping[str, str]  # "island nation" -> "island"
    kinds: Mapping[str, frozenset[str]]  # "island" -> {"JPN", "CUB", ...}
    place_verbs: frozenset[str]  # "enter": its object is a place


@functools.lru_cache(maxsize=1)
def state_anaphor_words() -> StateAnaphors:
    """The packaged lists, read once per process.

    Raises:
        KnowledgeError: the file lacks a list or a noun names an unknown kind.
    """
    data = load_yaml_file(resources.files("diplograph") / "data" / "actors" / ANAPHORS_FILE)
    try:
        nouns = {str(k).lower(): str(v) for k, v in data["nouns"].items()}
        kinds = {str(k): frozenset(map(str, v)) for k, v in data["kinds"].items()}
        verbs = frozenset(map(str, data["place_verbs"]))
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{ANAPHORS_FILE}: expected nouns, kinds and place_verbs") from exc
    unknown = set(nouns.values()) - set(kinds) - {ANY_STATE}
    if unknown:
        raise KnowledgeError(f"{ANAPHORS_FILE}: nouns name unknown kinds {sorted(unknown)}")
    return StateAnaphors(nouns=nouns, kinds=kinds, place_verbs=verbs)


def state_anaphors(doc: Doc, mentions: list[Mention], words: StateAnaphors,
                   place_words: frozenset[str],
                   state: Callable[[str, str], ActorRef]) -> list[Mention]:
    """Add each "the <state noun>" that refers back to a state named before it.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the nouns and kinds of ``state_anaphors.yaml``.
        place_words: prepositions of being somewhere ("in", "across"): after one the noun
            is a place.
        state: builds a state's actor in a sector.

    Returns:
        The mentions with the anaphors added, in text order.
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    for i in positions_of_words(doc, _THE):
        if i in taken:
            continue
        anaphor = _anaphor_at(doc, i, words.nouns)
        if anaphor is None or _a_place(anaphor[0], place_words, words.place_verbs):
            continue
        span, kind = anaphor
        country = _antecedent(mentions, i, words.kinds.get(kind))
        if country is not None and not any(i in taken for i in range(span.start, span.end)):
            found.append(_mention(span, state(country, "GOV")))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _anaphor_at(doc: Doc, the: int, nouns: Mapping[str, str]) -> tuple[Span, str] | None:
    """("the <noun>", its kind) where a noun of `nouns` follows "the" at `the` and ends its
    phrase (not "the country music", not "the kingdom of Saudi Arabia", which names it)."""
    lower = token_table(doc).lower
    for size in (2, 1):
        kind = nouns.get(" ".join(lower[the + 1:the + 1 + size]))
        if kind is None or the + 1 + size > len(doc):
            continue
        span = doc[the:the + 1 + size]
        head = span[-1]
        if head.dep_ in ("compound", "amod") or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
            return None
        return span, kind
    return None


def _a_place(span: Span, place_words: frozenset[str], place_verbs: frozenset[str]) -> bool:
    """ "in the country", "entering the country", "the country's largest bank"."""
    head = span[-1]
    if head.dep_ == "pobj" and head.head.lower_ in place_words:
        return True
    if head.dep_ == "dobj" and head.head.lemma_.lower() in place_verbs:
        return True
    owned = head.head if head.dep_ == "poss" else None
    return owned is not None and any(t.tag_ == "JJS" for t in owned.subtree)


def _antecedent(mentions: Sequence[Mention], before: int,
                fits: frozenset[str] | None) -> str | None:
    """The state of the last mention before token `before` that stands for a state of
    `fits` (None: any state)."""
    for mention in reversed(mentions):
        if mention.token_end > before or not stands_for_a_state(mention):
            continue
        if fits is None or mention.actor.country in fits:
            return mention.actor.country
    return None


def _mention(span: Span, ref: ActorRef) -> Mention:
    return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                   token_end=span.end, actor=replace(ref, text=span.text))
