"""The story's home state, where no dateline names it.

Bare titles and nouns ("the prime minister", "the government", "Ministers") are the home
state's. The coder takes the home state from the dateline; a story without one (most of
the BBC's) is placed by its own mentions: the state its people, bodies and name stand for
most often, when that state is also named in the lead and clearly ahead of any other.
Otherwise the story has no home state and bare titles stay unplaced. A home state
inferred so places bare titles and nouns only: people we do not know keep the state their
own words give them ("coach Bob Dwyer" in a story set in South Africa is not placed by it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention

# Sentences that make up a story's lead (the headline runs into the first in BBC texts).
LEAD_SENTENCES = 2
# How many mentions the home state needs, and how many times the next state's count.
MIN_MENTIONS = 3
MARGIN = 2
# Mentions that stand for a state: its name, its people, its bodies (not IGOs, not places).
_STATE_KINDS = frozenset({"state", "person", "organisation"})


def story_home(doc: Doc, mentions: Sequence[Mention]) -> str | None:
    """ISO3 of the state the article is set in, or None when its mentions do not settle it.

    The state most mentions stand for (a person of it, a body of it, its name) is the home
    state when it has at least MIN_MENTIONS, at least MARGIN times as many as the next
    state, and a mention in the lead (the first LEAD_SENTENCES sentences).
    """
    counts = Counter(m.actor.country for m in mentions if stands_for_a_state(m))
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count < MIN_MENTIONS or count < MARGIN * runner_up:
        return None
    lead_end = _lead_end(doc)
    in_lead = any(m.actor.country == top and m.token_start < lead_end for m in mentions)
    return top if in_lead else None


def stands_for_a_state(mention: Mention) -> bool:
    """Whether ``mention`` stands for its state: the state's name, a person or body of it
    (not an IGO, not a place)."""
    actor = mention.actor
    return bool(actor.country) and actor.kind in _STATE_KINDS and actor.sector != "IGO"


def _lead_end(doc: Doc) -> int:
    """The token after the lead's last sentence."""
    for n, sent in enumerate(doc.sents, start=1):
        if n == LEAD_SENTENCES:
            return sent.end
    return len(doc)


def unknown_people_unplaced(mentions: list[Mention], unhomed: Sequence[Mention],
                            known: Callable[[str], bool]) -> list[Mention]:
    """`mentions` (read at an inferred home state) with each person we do not know read as
    `unhomed` (the read with no home state) reads them, where that read has the same words.

    Args:
        mentions: the article's mentions read with the inferred home state.
        unhomed: the same article's mentions read with none.
        known: whether a name is a person of the knowledge base.
    """
    before = {(m.token_start, m.token_end): m for m in unhomed}
    return [before.get((m.token_start, m.token_end), m) if _unknown_person(m, known) else m
            for m in mentions]


def _unknown_person(mention: Mention, known: Callable[[str], bool]) -> bool:
    actor = mention.actor
    return actor.kind == "person" and bool(actor.name) and not known(actor.name or "")
