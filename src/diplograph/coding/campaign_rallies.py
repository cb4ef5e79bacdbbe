"""A campaign rally is no protest (issues #15, #16, stop 28; PLOVER 3.12).

PLOVER's PROTEST is a demonstration against something or someone. A candidate's, party's or
office-holder's own rally ("Mr. Sanders HELD A RALLY at Penn State", "the Republican
candidate RALLIED in New Hampshire", "an ELECTION RALLY in Varanasi") is a campaign event: no
demonstration, and the state's government the coder would give it as a target is made up.
A rally is a campaign rally when its clause names the campaign, or when the one who holds it
is a single politician or a party, not a crowd and not the opposition; a rally with a
grievance ("rallied AGAINST the law", "TO DEMAND his resignation", "OUTSIDE parliament")
stays a protest whoever holds it. Word lists: ``data/lexicon/rallies.yaml``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding.rules import argument_rule
from diplograph.knowledge.coding_words import read_lexicon, word_lists

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

_LISTS = ("rally_words", "campaign_words", "protest_cues", "organiser_titles",
          "organiser_sectors", "opposition_words", "opposition_sectors")
# Pronouns of one person who may hold a rally ("HE is holding a rally in San Jose").
_ONE_PERSON_PRONOUNS = frozenset({"he", "she"})


@dataclass(frozen=True, slots=True)
class RallyWords:
    """The lists of ``rallies.yaml``; see the comments there."""

    rally_words: frozenset[str]
    campaign_words: frozenset[str]
    protest_cues: frozenset[str]
    organiser_titles: frozenset[str]
    organiser_sectors: frozenset[str]
    opposition_words: frozenset[str]
    opposition_sectors: frozenset[str]

    @property
    def title_heads(self) -> frozenset[str]:
        """The head word of each title ("prime minister" -> "minister")."""
        return frozenset(t.split()[-1] for t in self.organiser_titles)


@functools.cache
def rally_words() -> RallyWords:
    """The packaged ``rallies.yaml``, read and checked once.

    Raises:
        KnowledgeError: a list is missing.
    """
    return RallyWords(**word_lists("rallies.yaml", read_lexicon("rallies.yaml"), _LISTS))


@argument_rule("campaign-rally-is-no-protest", plover="3.12", types={"PROTEST"})
def _campaign_rally_is_no_protest(args: Arguments, ctx: ArticleContext) -> bool:
    """A rally that a politician or a party holds for a campaign is no demonstration:
    "Mr. Sanders held a rally at Penn State", "he could rally another time at his venue",
    "Modi addressed an election rally" give no event; "farmers staged a rally outside
    parliament to protest the tax" and "thousands rallied against the law" stay PROTEST."""
    words = rally_words()
    trigger = args.frame.trigger
    if trigger.token.lemma_.lower() not in words.rally_words:
        return False
    clause = _clause_lemmas(trigger.verb or trigger.token)
    if clause & words.protest_cues:
        return False
    campaign = bool(clause & words.campaign_words) and not _held_by_a_crowd(args)
    args.dropped = campaign or _held_by_a_politician(args)
    return args.dropped


def _clause_lemmas(head: Token) -> set[str]:
    """The lemmas (and lower-cased words) of the rally's clause, its subject's phrase left
    out: "supporters of the OPPOSITION rallied" is the crowd, not the grievance."""
    subject_words = {t.i for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}
                     for t in c.subtree}
    return {w for t in head.subtree if t.i not in subject_words
            for w in (t.lemma_.lower(), t.lower_)}


def _held_by_a_crowd(args: Arguments) -> bool:
    """Whether a crowd holds the rally ("THOUSANDS rallied", "FARMERS staged a rally", a
    resolved group): its rally is a demonstration even at election time."""
    if any(s.kind == "group" for s in args.sources):
        return True
    # all of them: "Trump AND AIDES are organising rallies" is the candidate's; a person's
    # name the tagger reads as a plural ("SANDERS") is no crowd
    names = {w for s in args.sources if s.kind == "person" and s.text for w in s.text.split()}
    return bool(args.source_tokens) and all(
        t.tag_ in {"NNS", "NNPS", "CD"} and t.text not in names for t in args.source_tokens)


def _held_by_a_politician(args: Arguments) -> bool:
    """Whether the rally's organiser is one politician or a party (by the resolved actor,
    else by the subject's own words: "HE", "the CANDIDATE"), and not the opposition."""
    words = rally_words()
    if _held_by_a_crowd(args):
        return False  # "SUPPORTERS of the president rallied": the parse may give the president
    phrase = {t.lemma_.lower() for s in args.source_tokens for t in s.subtree}
    if phrase & words.opposition_words or any(
            s.sector in words.opposition_sectors for s in args.sources):
        return False
    if args.sources:
        return all(_campaigning_actor(s.kind, s.sector) for s in args.sources)
    return len(args.source_tokens) == 1 and _one_politician_named(args.source_tokens[0])


def _campaigning_actor(kind: str | None, sector: str | None) -> bool:
    """A person of public life (or one the knowledge gives no sector), or a party."""
    sectors = rally_words().organiser_sectors
    if kind == "person":
        return sector is None or sector in sectors
    return sector == "PTY"


def _one_politician_named(subject: Token) -> bool:
    """ "HE is holding a rally", "the CANDIDATE rallied": one person or a party by a title,
    not a plural crowd ("thousands", "supporters")."""
    if subject.lower_ in _ONE_PERSON_PRONOUNS:
        return True
    return subject.tag_ in {"NN", "NNP"} and subject.lemma_.lower() in rally_words().title_heads
