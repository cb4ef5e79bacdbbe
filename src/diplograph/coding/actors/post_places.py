"""Rule `post-at-place` (issue #15, stop 26, mentions18): a person we do not know is of the
state where the body they hold a post in stands.

"Helmut Schneider, director of the Institute for the Study of Labour at Bonn University",
"Luis Rubio, who heads the Center of Research for Development in Mexico City": a post in
the person's appositive (a job noun of ``job_nouns``) or a relative clause whose verb is a
post (``post_verbs``: "who heads", "who runs") ties the person to a body, and the place
"in" or "at" inside that phrase is the body's, so the person's. Only a post ties a person
to a place: the place of an act ("who met the minister in Paris", "spoke at a conference
in London") or of a home ("who lives in Madrid") is not read, and a post with no place
("director of the Institute of Energy Economics") gives no state, never one guessed from
the name. Two states in the phrase give none.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention
from diplograph.coding.actors.setting import Places

# Grammar, not knowledge: the prepositions that put a body somewhere ("a centre IN Shanghai",
# "the institute AT Bonn University").
_PLACE_PREPOSITIONS = frozenset({"in", "at"})


def posts_at_places(doc: Doc, mentions: list[Mention], job_nouns: frozenset[str],
                    post_verbs: frozenset[str], places: Places,
                    known: Callable[[str], bool]) -> list[Mention]:
    """Rule `post-at-place` on the people we do not know who have no state yet.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        job_nouns: nouns naming a post in a body (mention_words.yaml `job_nouns`).
        post_verbs: verbs of holding a post (mention_words.yaml `post_verbs`, lemmas).
        places: how words name states.
        known: whether a name is a person of the knowledge base (left as resolved).
    """
    out = []
    for m in mentions:
        actor = m.actor
        if actor.kind == "person" and actor.name and actor.country is None \
                and not known(actor.name):
            root = doc[m.token_start:m.token_end].root
            state = _post_place(root, job_nouns, post_verbs, places)
            if state is not None:
                m = replace(m, actor=replace(actor, country=state))
        out.append(m)
    return out


def _post_place(root: Token, job_nouns: frozenset[str], post_verbs: frozenset[str],
                places: Places) -> str | None:
    """The one state the places "in"/"at" inside the name's post phrases name, else None."""
    states = {_place_of(obj, places)
              for head in _post_heads(root, job_nouns, post_verbs)
              for prep in head.subtree
              if prep.dep_ == "prep" and prep.lower_ in _PLACE_PREPOSITIONS
              for obj in prep.children if obj.dep_ == "pobj"}
    states.discard(None)
    return states.pop() if len(states) == 1 else None


def _post_heads(root: Token, job_nouns: frozenset[str], post_verbs: frozenset[str]
                ) -> list[Token]:
    """The name's appositive job nouns ("X, DIRECTOR of ...") and the verbs of its relative
    clauses that name a post ("X, who HEADS ...")."""
    return [c for c in root.children
            if (c.dep_ == "appos" and (c.lower_ in job_nouns or c.lemma_.lower() in job_nouns))
            or (c.dep_ == "relcl" and c.lemma_.lower() in post_verbs)]


def _place_of(obj: Token, places: Places) -> str | None:
    """The state the object's words name: all of them ("Mexico City", "Buenos Aires"), else
    one capitalised word before its head ("BONN University"; not the head's own word, which
    names the body: "University" is a US town too)."""
    words = obj.doc[obj.left_edge.i:obj.i + 1]
    state = places.of_words(words)
    if state is not None:
        return state
    found = {places.of_words(words[i:i + 1]) for i, t in enumerate(words[:-1])
             if t.pos_ == "PROPN" and t.is_title}
    found.discard(None)
    return found.pop() if len(found) == 1 else None
