"""Actor resolution: who is who in an article, at the date of the event (SPEC §3, §4).

The modules follow the resolution flow:

- ``words``: the word lists of ``data/actors/mention_words.yaml``, loaded once;
- ``matcher``: the knowledge base's names, titles and nouns found in a Doc (``Hits``);
- ``phrases``: a noun phrase read from the parse into a typed ``MentionPhrase``;
- ``offices`` and ``resolve``: the phrase resolved against the knowledge at a date;
- ``single``: states, metonyms, organisations and groups named on their own;
- ``coref``: surnames, pronouns and "his counterpart" within one article;
- ``resolver``: ``ActorResolver``, which runs them over an article.
"""

from diplograph.coding.actors.matcher import stance_prefixed
from diplograph.coding.actors.mention import Mention, MentionPhrase
from diplograph.coding.actors.resolver import ActorResolver
from diplograph.knowledge.base import KnowledgeBase, load_knowledge_base

__all__ = [
    "ActorResolver",
    "KnowledgeBase",
    "Mention",
    "MentionPhrase",
    "load_knowledge_base",
    "stance_prefixed",
]
