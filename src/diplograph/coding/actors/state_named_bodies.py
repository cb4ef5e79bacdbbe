"""Rule `organisation-noun-ends-name` (issue #15, stop 29, headrole29): a proper name that
ends in an organisation's noun and holds a state's word is that organisation, of that state,
not the state.

"America Rising PAC", "The Canada Housing Foundation", "the British Growth Institute": the
knowledge reads the state's word alone (or nothing), and the coder then read the name as the
state's government. A run of capitalised words ending in a noun of
``organisation_name_nouns`` (PAC, Foundation, Fund, Institute, Committee, Trust ...) is one
name; with a state's name or adjective in it, it is an organisation of that state, in the
noun's sector. A name the knowledge knows (a mention of an organisation or person on it) is
left alone, and so is a state's possessive before the name ("Russia's Gay Games ban": the
state).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.mention import Mention, overlaps, read_as
from diplograph.records import ActorRef

# Grammar: the longest state's name looked for inside a name ("United Arab Emirates").
_MAX_STATE_WORDS = 3


def state_named_bodies(doc: Doc, mentions: list[Mention], nouns: Mapping[str, str],
                       state_words: Mapping[str, str]) -> list[Mention]:
    """The mentions, with each organisation named with a state's word read as itself.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        nouns: an organisation's last noun, lower case -> its sector ("pac": NGO).
        state_words: lower-case names, aliases and adjectives of states -> ISO3.
    """
    out = list(mentions)
    for token in doc:
        if token.lower_ not in nouns or not token.text[:1].isupper():
            continue
        name = _name_ending_in(token)
        state = _state_in(name, state_words) if len(name) > 1 else None
        if state is None or any(overlaps(m, name.start, name.end)
                                and m.actor.kind in {"person", "organisation"} for m in out):
            continue
        actor = ActorRef(name=name.text, country=state, sector=nouns[token.lower_],
                         kind="organisation")
        out = read_as(out, name, actor)
    return sorted(out, key=lambda m: m.token_start)


def _name_ending_in(token: Token) -> Span:
    """The run of capitalised words that ends in `token` ("America Rising PAC")."""
    start = token.i
    while start > 0 and _name_word(token.doc[start - 1]):
        start -= 1
    return token.doc[start:token.i + 1]


def _name_word(token: Token) -> bool:
    return token.pos_ in {"PROPN", "ADJ"} and token.text[:1].isupper()


def _state_in(name: Span, state_words: Mapping[str, str]) -> str | None:
    """The one state whose name or adjective is a run of the name's words."""
    found = set()
    words = [t.lower_ for t in name]
    for i in range(len(words)):
        for n in range(1, _MAX_STATE_WORDS + 1):
            code = state_words.get(" ".join(words[i:i + n])) if i + n <= len(words) else None
            if code is not None:
                found.add(code)
    return found.pop() if len(found) == 1 else None

