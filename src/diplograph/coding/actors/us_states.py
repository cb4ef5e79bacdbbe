"""Rule `us-state-before-post` (issue #15, stop 28, ustown28): a US state named like a
country, with a US post or party member right after it, is the US state.

"A GEORGIA senator", "Georgia lawmakers", "a Georgia Republican": the knowledge reads
"Georgia" as the country (GEO) and gives the post's sector; a senator, a state lawmaker or a
party's member of that name is the US state's, so the mention keeps its sector and words and
takes the USA. A possessive ("Georgia's president", "Georgia's parliament"), a demonym ("the
Georgian government") or a post word the US does not hold that way ("Georgia's prime
minister") is the country's and is left alone. A town written with its state ("Athens, Ga.")
is the gazetteer's (`Gazetteer.state_after`), not this rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention
from diplograph.records import ActorRef

US = "USA"
StateActor = Callable[[str, str | None], ActorRef]  # (ISO3, sector) -> the state's actor


def us_states_before_posts(doc: Doc, mentions: list[Mention], namesakes: Mapping[str, str],
                           post_nouns: frozenset[str], state: StateActor) -> list[Mention]:
    """The mentions with those of a US state's post ("a Georgia senator") given the USA.

    Args:
        doc: the parsed article.
        mentions: the article's mentions.
        namesakes: a US state's name -> the code of the country of that name ("Georgia" ->
            GEO).
        post_nouns: lower-case nouns of US posts and party members ("senator", "republican").
        state: builds a state's actor in a sector.
    """
    # Only a mention of a namesake's country can be the US state: the others are left as
    # they are without building their tokens (most mentions of most articles).
    countries = frozenset(namesakes.values())
    return [_in_us_state(doc, m, namesakes, post_nouns, state)
            if m.actor.country in countries else m for m in mentions]


def _in_us_state(doc: Doc, mention: Mention, namesakes: Mapping[str, str],
                 post_nouns: frozenset[str], state: StateActor) -> Mention:
    actor = mention.actor
    for token in doc[mention.token_start:mention.token_end]:
        if namesakes.get(token.text) != actor.country or actor.country is None:
            continue
        after = token.i + 1
        if after >= len(doc) or doc[after].lower_ not in post_nouns:
            continue  # "Georgia's president", "Georgia" alone: the country
        if actor.kind == "person":
            return replace(mention, actor=replace(actor, country=US))
        us_actor = replace(state(US, actor.sector), text=actor.text)
        return replace(mention, actor=us_actor)
    return mention
