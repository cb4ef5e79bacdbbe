"""Rule `first-name-antecedent` (issue #15, stop 27, names27): a bare first name ("Hillary",
"Jeb", "Bernie") is the person the same article named in full with that first name before.

News calls candidates and their families by first name once it has named them in full
("Jeb Bush ... Jeb told voters"); the knowledge holds no such mononyms (a people file may
list one as an alias, and then the knowledge's match reads it before this rule). Where the
article named several people with that first name before (Bill and Hillary Clinton share
none, but two Teds or two Bernies do), the one named nearest before is meant: the last one
the article spoke of, in full or by a shorter name. A person counts once the article has
written their name in full (first name and surname); one named only by surname ("Bush")
does not make "George" his. With no one named before, the one person the whole article
writes in full with that first name is meant ("Hillary's campaign ... Hillary Clinton"), as
a headline's surname is (``_with_full_names`` in resolver.py); with two such people, or
none, the first name stays unresolved: no guess from general knowledge or across a family.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import token_table
from diplograph.records import ActorRef

# Grammar: a first name is a proper noun standing alone, not a word of a longer name
# ("Hillary Clinton", "Jordan Reyes"), whose neighbours would then be proper nouns too.
_NAME_TAGS = frozenset({"NNP"})
# A determiner makes the word a common noun however it is written ("the Bill" in a story
# that names Bill Rammell is the legislation); a "that" opening a clause ("the plan THAT
# Donald has put forth") is no determiner, and the tagger tells them apart.
_DETERMINER_TAG = "DT"


def first_name_antecedent(doc: Doc, i: int, named: Callable[[], Sequence[ActorRef]],
                          later: Mapping[str, ActorRef]) -> ActorRef | None:
    """The person the article named in full before token i whose first name token i is,
    the nearest named where several are, else the one the article names so further on;
    None where token i is no bare first name.

    Args:
        doc: the article.
        i: the token that may be a bare first name.
        named: the people the article mentioned before token i, in text order (asked for
            only at a bare first name: most tokens the walks ask about are none).
        later: first name -> the one person the whole article writes in full with it
            (``first_names_in_full``).
    """
    if not _bare_proper_noun(doc, i):
        return None
    word = token_table(doc).text[i]
    return named_with_first_name(word, named()) or later.get(word)


def named_with_first_name(word: str, named: Sequence[ActorRef]) -> ActorRef | None:
    """The person of `named` (in text order) written in full somewhere before whose first
    name is `word`, the last one mentioned where several are."""
    with_word = [a for a in reversed(named) if a.name and a.name.split()[:1] == [word]]
    if not with_word:
        return None  # no one of that first name: the written-in-full test is not needed
    in_full = {a.name for a in named if a.name and _written_in_full(a)}
    return next((actor for actor in with_word if actor.name in in_full), None)


def first_names_in_full(doc: Doc, mentions: Sequence[Mention]) -> dict[str, ActorRef]:
    """First name -> the one person a first read of the article writes in full with it,
    for the bare first names that read left to no one of that name (empty: no second read
    is needed)."""
    people: dict[str, dict[str, ActorRef]] = {}
    for m in mentions:
        if m.actor.kind == "person" and m.actor.name and _written_in_full(m.actor):
            people.setdefault(m.actor.name.split()[0], {})[m.actor.name] = m.actor
    unique = {word: next(iter(p.values())) for word, p in people.items() if len(p) == 1}
    if not unique:
        return {}  # no first name to look for (asked after every read of an article)
    read = {i: m.actor.name for m in mentions for i in range(m.token_start, m.token_end)}
    texts = token_table(doc).text
    return {text: unique[text] for i, text in enumerate(texts)
            if text in unique and read.get(i) != unique[text].name
            and _bare_proper_noun(doc, i)}


def _bare_proper_noun(doc: Doc, i: int) -> bool:
    """A capitalised proper noun with no proper noun right before or after it, nor a
    determiner before it."""
    tokens = token_table(doc)
    if tokens.tag[i] not in _NAME_TAGS or not tokens.is_title[i] \
            or (i > 0 and tokens.tag[i - 1] == _DETERMINER_TAG):
        return False
    before = i > 0 and tokens.tag[i - 1] in _NAME_TAGS and tokens.is_title[i - 1]
    after = i + 1 < len(doc) and tokens.tag[i + 1] in _NAME_TAGS and tokens.is_title[i + 1]
    return not (before or after)


def _written_in_full(actor: ActorRef) -> bool:
    """Whether the mention's words hold the person's first name and surname ("Hillary
    Rodham Clinton" for Hillary Clinton; not "Clinton", not "Mrs Clinton")."""
    words = (actor.text or "").replace("'s", "").replace("’s", "").split()
    parts = (actor.name or "").split()
    return len(parts) > 1 and parts[0] in words and parts[-1] in words
