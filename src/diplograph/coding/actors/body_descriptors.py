"""Rule `body-descriptor` (issue #15, stop 26, phrases18): the descriptor nouns news writes
in apposition to a body's name belong to the body's mention.

"business lobby group the CBI", "the trade union Unison", "Aid agency Oxfam", "the Qatari
broadcaster Al Jazeera" (descriptor before the name) and "the ITV television network", "the
CNN news channel" (after it) name one body: the resolver read the name alone, so the
phrase's head noun ("group", "network") was left outside every mention, and the subject or
object the parse gives that noun had no actor. The mention of a known organisation widens
over such a chain when it ends in a descriptor noun (``body_descriptor_nouns``) right at
the name. The body and its state and sector stay the name's: the rule only reads the words.

Never widened (the words are then two noun phrases, not one):
- two determiners: "the company THE CBI surveyed" is a relative clause, not "the company,
  the CBI" (journalism's appositive drops the first determiner: "lobby group the CBI");
- a chain after a preposition or verb whose body opens a clause ("sent to the group | Oxfam
  said"): the noun ends one phrase and the name starts the next, so the mention is left as
  it was (no worse than before the rule);
- a descriptor that modifies a further noun ("the ITV station MANAGER").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention, mentions_by_token

# Grammar, not knowledge: the determiners that open a noun phrase before a descriptor.
_DETERMINERS = frozenset({"the", "a", "an"})
# Tags of the words that end a chain: finite verbs and modals after the name open a clause.
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Tags of nouns that a descriptor may modify ("station MANAGER"): then it is not the head.
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_CHAIN_WORDS = 4  # "the PUBLIC SECTOR union": modifiers of the descriptor, at most


def bodies_with_descriptors(doc: Doc, mentions: list[Mention],
                            descriptor_nouns: frozenset[str]) -> list[Mention]:
    """Rule `body-descriptor` on the mentions of organisations.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        descriptor_nouns: nouns that describe a body (mention_words.yaml
            `body_descriptor_nouns`, lower case).

    Returns:
        The mentions, organisations widened over their descriptors.
    """
    covered = mentions_by_token(mentions)
    out = []
    for m in mentions:
        if m.actor.kind == "organisation":
            start = _descriptor_start(doc, m, descriptor_nouns, covered)
            end = _descriptor_end(doc, m, descriptor_nouns, covered)
            if (start, end) != (m.token_start, m.token_end):
                span = doc[start:end]
                m = replace(m, token_start=start, token_end=end, start=span.start_char,
                            end=span.end_char, actor=replace(m.actor, text=span.text))
        out.append(m)
    return out


def _free(covered: dict[int, Mention], i: int, m: Mention) -> bool:
    """Whether token i belongs to no other mention."""
    return covered.get(i, m) is m


def _descriptor_start(doc: Doc, m: Mention, nouns: frozenset[str],
                      covered: dict[int, Mention]) -> int:
    """The first token of "[det] [modifier]* DESCRIPTOR [the] NAME", or the mention's own
    start where no descriptor stands right before the name."""
    k = m.token_start - 1
    own_det = doc[m.token_start].lower_ in _DETERMINERS
    if k >= 0 and not own_det and doc[k].lower_ == "the":
        own_det, k = True, k - 1  # "group THE CBI" where the mention is "CBI"
    if k < 0 or doc[k].lower_ not in nouns or not _free(covered, k, m):
        return m.token_start
    start = k
    while start - 1 >= 0 and k - start < _CHAIN_WORDS and _modifier(doc[start - 1]) \
            and _free(covered, start - 1, m):
        start -= 1
    if start - 1 >= 0 and doc[start - 1].lower_ in _DETERMINERS:
        if own_det:
            return m.token_start  # "the company the CBI surveyed": two noun phrases
        start -= 1
    if _opens_clause(doc, start, m.token_end):
        return m.token_start
    return start


def _modifier(token) -> bool:
    """A word that may modify a descriptor: "HUMAN RIGHTS group", "PUBLIC SECTOR union"."""
    return (token.is_alpha and not token.is_stop and token.tag_ not in _FINITE_TAGS) \
        or token.tag_ == "HYPH"


def _opens_clause(doc: Doc, start: int, end: int) -> bool:
    """Whether the chain hangs after a preposition or verb and the name is followed by a
    finite verb: "sent to the group | Oxfam said" (two phrases, read apart)."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    governed = before is not None and before.pos_ in ("ADP", "VERB", "AUX")
    return governed and after is not None and after.tag_ in _FINITE_TAGS


def _descriptor_end(doc: Doc, m: Mention, nouns: frozenset[str],
                    covered: dict[int, Mention]) -> int:
    """The end of "NAME [noun]* DESCRIPTOR" ("the ITV television network"), or the
    mention's own end where no descriptor heads the words after the name."""
    for k in range(m.token_end, min(m.token_end + _CHAIN_WORDS, len(doc))):
        if not _free(covered, k, m) or doc[k].tag_ not in _NOUN_TAGS:
            return m.token_end
        if doc[k].lower_ in nouns:
            modifies_next = k + 1 < len(doc) and doc[k + 1].tag_ in _NOUN_TAGS
            return m.token_end if modifies_next else k + 1
    return m.token_end
