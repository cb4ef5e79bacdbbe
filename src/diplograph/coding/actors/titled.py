"""Peers, knights and dames: "Lord Goldsmith", "Baroness Scotland", "Sir Ian Blair" (issue #15).

A peerage or knighthood title before capitalised words names one person. Three readings,
the title's knowledge in ``data/actors/titled_people.yaml``:

- a peer ("Lord Goldsmith", "Lord Walker of Gestingthorpe") is the person the titled words
  name: the same titled words named before in the story, else a known person whose alias
  they are (the matcher's), else someone we do not know, of the title's state and sector. A
  bare surname the other readers matched after the title ("Lord BROWNE" as Des Browne) is
  never taken: the word is the peer's own title.
- a knight or dame with a full name ("Sir Alan Budd") is that person; one we do not know is
  of the title's state unless the story's words place them.
- a knight or dame by first name only ("Sir Ian") is the "Sir Ian ..." named before it in
  the story; with none named, nothing changes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc, Span

from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import positions_of_words, token_table
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import ActorRef

TITLES_FILE = "titled_people.yaml"


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    """What one title says of the person it names."""

    country: str
    sector: str | None
    peer: bool  # the word after it is a title of its own, not a surname


@dataclass(frozen=True, slots=True, kw_only=True)
class TitledWords:
    """The lists of ``titled_people.yaml``."""

    titles: Mapping[str, Title]  # "lord" -> Title(GBR, LEG, peer)
    office_words: frozenset[str]  # "Lord CHANCELLOR": an office, not a peer


@functools.lru_cache(maxsize=1)
def titled_words() -> TitledWords:
    """The packaged lists, read once per process.

    Raises:
        KnowledgeError: the file lacks its titles or office words.
    """
    data = load_yaml_file(resources.files("diplograph") / "data" / "actors" / TITLES_FILE)
    try:
        titles = {str(word).lower(): Title(country=str(t["country"]),
                                           sector=t.get("sector"), peer=bool(t["peer"]))
                  for word, t in data["titles"].items()}
        office = frozenset(str(w).lower() for w in data["office_words"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{TITLES_FILE}: expected titles (country, peer) and "
                             "office_words") from exc
    return TitledWords(titles=titles, office_words=office)


def titled_people(doc: Doc, mentions: list[Mention], words: TitledWords,
                  known: Callable[[str], bool]) -> list[Mention]:
    """The mentions with every titled name read as the person it names.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the titles and the words that make an office of them.
        known: whether a name is a person of the knowledge base.

    Returns:
        The mentions, in text order, each titled name one mention of its person.
    """
    lower = token_table(doc).lower
    for i in positions_of_words(doc, words.titles):
        title = words.titles.get(lower[i])
        end = _name_end(doc, i, words.office_words) if title is not None else None
        if title is not None and end is not None:
            mentions = _read_titled(doc[i:end], mentions, title, known)
    return mentions


def _name_end(doc: Doc, start: int, office_words: frozenset[str]) -> int | None:
    """The token after the capitalised name that follows the title at `start` ("Lord Walker
    of Gestingthorpe"), None where no name follows or the words name an office."""
    end = start + 1
    while end < len(doc) and _name_word(doc[end]):
        end += 1
    if end == start + 1 or doc[start + 1].lower_ in office_words:
        return None
    if end + 1 < len(doc) and doc[end].lower_ == "of" and _name_word(doc[end + 1]):
        end += 2  # a peer's territorial designation
    return end


def _name_word(token) -> bool:
    """A proper noun that starts with a capital ("Blair", "McCartney", "O'Reilly")."""
    return token.text[:1].isupper() and token.pos_ == "PROPN" and token.tag_ != "POS"


def _read_titled(span: Span, mentions: list[Mention], title: Title,
                 known: Callable[[str], bool]) -> list[Mention]:
    """`mentions` with the titled name `span` read as its person (see the module's doc)."""
    inside = [m for m in mentions if m.token_start < span.end and m.token_end > span.start]
    # Another reader's mention of the whole titled name ("Home Office minister Baroness
    # Scotland"); for a knight, of the names after the title ("Sir [Ian Blair]").
    reach = span.start + (0 if title.peer else 1)
    whole = next((m for m in inside if m.token_start <= reach and m.token_end >= span.end),
                 None)
    if whole is None and any(m.token_end > span.end for m in inside):
        return mentions  # a longer name that holds the title's words
    if whole is not None and _described(span, whole):
        return _placed(mentions, whole, span, title, known)  # its own words describe it
    first_name_only = not title.peer and len(span) == 2
    earlier = _named_before(span, mentions) if title.peer or first_name_only else None
    if earlier is not None:
        actor = earlier
    elif first_name_only:
        return mentions  # "Sir Ian" with no "Sir Ian ..." before it: not ours to name
    elif whole is not None:
        return _placed(mentions, whole, span, title, known)
    else:
        actor = ActorRef(name=_name_of(span, title), country=title.country,
                         sector=title.sector, kind="person")
    kept = [m for m in mentions if m not in inside]
    start = min([span.start] + [m.token_start for m in inside])
    new = Mention(start=span.doc[start].idx, end=span.end_char, token_start=start,
                  token_end=span.end, actor=replace(actor, text=span.doc[start:span.end].text))
    return sorted(kept + [new], key=lambda m: m.token_start)


def _described(span: Span, whole: Mention) -> bool:
    """Whether the words `whole` holds before the title describe the person ("Attorney
    General Lord Goldsmith", "former Tory Treasurer Lord Ashcroft"), not only point at them
    ("that Sir Anthony", "both Sir Edward")."""
    return any(t.pos_ in ("NOUN", "PROPN") for t in span.doc[whole.token_start:span.start])


def _named_before(span: Span, mentions: list[Mention]) -> ActorRef | None:
    """The person of the last mention before `span` whose words hold its titled words ("Sir
    Ian" after "Commissioner Sir Ian Blair", "Lord Goldsmith" after "Attorney General Lord
    Goldsmith")."""
    words = re.compile(rf"\b{re.escape(span.text)}\b")
    before = [m for m in mentions if m.token_end <= span.start and m.actor.kind == "person"
              and words.search(m.actor.text or "")]
    return before[-1].actor if before else None


def _placed(mentions: list[Mention], whole: Mention, span: Span, title: Title,
            known: Callable[[str], bool]) -> list[Mention]:
    """`whole`, a reading of the titled name by another reader, with what the title says
    filled in where that reader left it empty and the person is not one we know (a peer by
    the titled words: "former Tory Treasurer Lord Ashcroft" is not "Treasurer Lord ...")."""
    actor = whole.actor
    if actor.kind != "person" or known(actor.name or ""):
        return mentions
    filled = replace(actor, name=_name_of(span, title) if title.peer else actor.name,
                     country=actor.country or title.country,
                     sector=actor.sector or title.sector)
    return [replace(m, actor=filled) if m is whole else m for m in mentions]


def _name_of(span: Span, title: Title) -> str:
    """A peer is named with the title ("Lord Goldsmith"); a knight by their own names."""
    return span.text if title.peer else span[1:].text
