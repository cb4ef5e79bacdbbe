"""A text an actor puts out speaks for it (issue #16, stop 26, branch owner18).

"Estonia released a statement CONDEMNING Russia's annexation of Crimea", "the Green Party
unveiled a billboard ACCUSING the government of lying": the participle modifies a text
(``published_texts`` of ``data/lexicon/coding.yaml``) that is the object of a publishing verb
(``publishing_verbs``). The participle's act is the publisher's (PLOVER 2.4: the source is who
does the act; the text is only its medium), so the clause is an event of its own and its
source is the subject of the publishing verb. A text no actor puts out ("a report accusing
X was leaked") is left as it was: its clause stays background, with no source invented.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule, clause_rule
from diplograph.coding.triggers import Trigger, subject_tokens
from diplograph.knowledge.coding_words import coding_words

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments


def publishing_verb(participle: Token | None) -> Token | None:
    """The publishing verb whose text ``participle`` modifies ("RELEASED a statement
    condemning"), or None where the participle modifies no text put out by a verb."""
    if participle is None or participle.dep_ != "acl" or participle.tag_ != "VBG":
        return None
    # The parse may hang the participle from a place phrase after the text ("a billboard
    # opposite the Palace of Westminster ACCUSING"): climb the phrase to what it hangs from.
    node = participle.head
    while node.dep_ in {"pobj", "prep"} and node.head is not node:
        node = node.head
    verb = node.head if node.dep_ in {"dobj", "obj"} else node
    if verb.lemma_.lower() not in coding_words().publishing_verbs:
        return None
    texts = [c for c in verb.children if c.dep_ in {"dobj", "obj"} and c.i < participle.i
             and c.lemma_.lower() in coding_words().published_texts]
    return verb if texts and (node in texts or node is verb) else None


@clause_rule("participle-of-a-published-text-is-its-own-event", plover="2.4")
def _participle_of_a_published_text(trigger: Trigger) -> bool:
    """ "released a statement CONDEMNING X": a participle that modifies a text an actor puts
    out tells that actor's act, an event of its own."""
    return trigger.token is trigger.verb and publishing_verb(trigger.verb) is not None


@argument_rule("published-text-speaks-for-its-publisher", plover="2.4")
def _published_text_speaks_for_its_publisher(args: Arguments, ctx: ArticleContext) -> bool:
    """The source of a participle on a published text is its publisher, the subject of the
    publishing verb ("ESTONIA released a statement condemning ..."), not the text."""
    trigger = args.frame.trigger
    verb = publishing_verb(trigger.verb) if trigger.token is trigger.verb else None
    if verb is None:
        return False
    publishers = subject_tokens(verb)
    if publishers == args.source_tokens:
        return False
    # A publisher the knowledge cannot place leaves the act with no source: never the text,
    # nor a place the parse hung the participle from ("opposite the PALACE OF WESTMINSTER").
    args.sources, args.source_tokens = ctx.actors(publishers), publishers
    return True
