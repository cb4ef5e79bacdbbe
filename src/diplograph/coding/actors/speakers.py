"""Rule `our-office` (dated17, issue #15): an office that a speaker calls "our" ("our
president") is the office of the speaker's state, not of the story's: "I'm a unifier,
unlike our president," Trump said (2016, read in a British story) is Barack Obama; "Our
president will not bow," a Venezuelan minister said (read in a US story) is Nicolás
Maduro. The speaker is the subject of the speech verb (``coding.attribution``'s lexicon)
the description's clause hangs from; their state is their mention's, or the one state a
known person served. With no speaker, or a speaker of no known state, or of the state the
mention already has, the mention is left as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, mentions_by_token
from diplograph.coding.attribution import SpeechLexicon, cue_subject, is_cue_verb
from diplograph.records import ActorRef

# Grammar: the first-person possessive that makes an office the speaker's own.
_FIRST_PERSON = frozenset({"our"})
# How far up the parse the speech verb may be from the description.
_REACH = 8


def speakers_offices(doc: Doc, mentions: Sequence[Mention], lexicon: SpeechLexicon,
                     holder: Callable[[str, str], ActorRef],
                     state_of: Callable[[str], str | None]) -> list[Mention]:
    """The mentions, "our <office>" in reported speech given the speaker's state's office.

    Args:
        doc: the parsed article.
        mentions: its mentions.
        lexicon: the speech verbs.
        holder: (role, state) -> the office's holder at the story's date, or the office.
        state_of: a known person's name -> the one state they served, or None.
    """
    by_token = mentions_by_token(mentions)
    return [_speakers(doc, m, by_token, lexicon, holder, state_of) or m for m in mentions]


def _speakers(doc: Doc, mention: Mention, by_token: dict[int, Mention],
              lexicon: SpeechLexicon, holder: Callable[[str, str], ActorRef],
              state_of: Callable[[str], str | None]) -> Mention | None:
    actor = mention.actor
    first = mention.token_start
    if actor.kind != "person" or actor.role is None or not any(
            0 <= i < len(doc) and doc[i].lower_ in _FIRST_PERSON for i in (first, first - 1)):
        return None
    verb = _speech_verb(doc[first], lexicon)
    subject = cue_subject(verb) if verb is not None else None
    speaker = by_token.get(subject.i) if subject is not None else None
    if speaker is None or speaker is mention:
        return None
    state = speaker.actor.country or (state_of(speaker.actor.name)
                                      if speaker.actor.name else None)
    if state is None or state == actor.country:
        return None
    return replace(mention, actor=replace(holder(actor.role, state), text=actor.text))


def _speech_verb(token: Token, lexicon: SpeechLexicon) -> Token | None:
    """The nearest speech verb above the token in the parse."""
    for _, above in zip(range(_REACH), token.ancestors, strict=False):
        if is_cue_verb(above, lexicon):
            return above
    return None
