"""Military and police ranks before a name (issue #15, stop 27, ranks27).

A rank ("Navy Capt.", "Lt Gen", "Det Supt", "Rear Admiral") between a title or a state's
words and a name is not part of the name: it says that the person serves in the armed
forces (MIL) or the police (COP). The ranks and the words for a force are knowledge, in
``data/actors/ranks.yaml``. Two rules, over the mentions the other readers made:

- rule `rank-before-name`: "Pentagon spokesman Navy Capt. Jeff Davis", "Iraqi police Col.
  Hassan Jabbar", "Det Supt Mark Hollis" are one person we do not know, named without the
  rank, of the state of the words before the rank (a state, its force or a post of it), else
  of the force the name's own "of" phrase names ("Col. Ahmed Farouk of the Iraqi army"), else
  of what the other readers placed them in ("a Pakistani army spokesman"), else of the
  story's setting; in the police (COP) where a police word or force stands before the rank or
  after the name, else in the rank's sector. A rank before a bare surname that names someone
  named before ("Col. Farouk") is that person. A known person keeps their own office ("Col
  Gaddafi" is Libya's head of state); a rank that is also an ordinary word ("Private Eye",
  "General Motors", "John Major") is read so only before a full name the parser takes for a
  person's.
- rule `rank-noun`: "a US Army major", "an Iraqi police colonel": a rank as the head noun
  right after a force's mention is one person of that force, whom we cannot name.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc

from diplograph.coding.actors.mention import Mention
from diplograph.coding.actors.offices import plain_name
from diplograph.coding.token_table import token_table
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import ActorRef

RANKS_FILE = "ranks.yaml"
_STARTS_KEY = "diplograph.rank_starts"
_JOINERS = frozenset({".", "-"})  # "Lt. Gen.", "Lt-Gen": not words of the rank
_MAX_RANK_WORDS = 4  # "air chief marshal", "det chief supt"
_MAX_NAME_WORDS = 4
# Sectors a rank corrects: none, the bare "spokesman"'s GOV, or the other force's.
_RANK_OVERRIDES = frozenset({None, "GOV", "MIL", "COP"})
# What a mention before a rank may be to give the person its state: a state or its body.
_FORCE_KINDS = frozenset({"state", "organisation"})
# Grammar: what describes a name after it ("X, THE COMMANDER of ...", "X, WHO LEADS ...").
_DESCRIBING_DEPS = frozenset({"appos", "relcl", "acl"})


@dataclass(frozen=True, slots=True, kw_only=True)
class RankWords:
    """The lists of ``ranks.yaml``."""

    ranks: Mapping[str, str]  # "lt gen" -> "MIL"
    word_ranks: frozenset[str]  # "private": a rank only before a full name
    service_words: Mapping[str, str]  # "police" -> "COP"


@functools.lru_cache(maxsize=1)
def rank_words() -> RankWords:
    """The packaged lists, read once per process.

    Raises:
        KnowledgeError: the file lacks its ranks, word ranks or service words.
    """
    data = load_yaml_file(resources.files("diplograph") / "data" / "actors" / RANKS_FILE)
    try:
        ranks = {str(rank).lower().replace("-", " "): str(sector)
                 for sector, listed in data["ranks"].items() for rank in listed}
        word_ranks = frozenset(str(w).lower() for w in data["word_ranks"])
        services = {str(w).lower(): str(s) for w, s in data["service_words"].items()}
    except (KeyError, TypeError, AttributeError) as exc:
        raise KnowledgeError(f"{RANKS_FILE}: expected ranks (sector -> list), word_ranks "
                             "and service_words") from exc
    return RankWords(ranks=ranks, word_ranks=word_ranks, service_words=services)


@dataclass(frozen=True, slots=True)
class _Rank:
    """A rank read at tokens [start, end): its words (lower case, no dots) and sector."""

    start: int
    end: int
    words: str
    sector: str


def _rank_at(doc: Doc, i: int, ranks: Mapping[str, str]) -> _Rank | None:
    """The longest rank whose words start at token i, dots and hyphens between them skipped."""
    words: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(doc) and len(words) < _MAX_RANK_WORDS:
        if doc[j].text in _JOINERS and words:
            j += 1
            continue
        words.append(doc[j].lower_.rstrip("."))
        j += 1
        ends.append(j)
    for n in range(len(words), 0, -1):
        key = " ".join(words[:n])
        if key in ranks:
            end = ends[n - 1]
            while end < len(doc) and doc[end].text == ".":
                end += 1  # "Capt ." as the tokenizer splits it
            return _Rank(i, end, key, ranks[key])
    return None


def _rank_starts(doc: Doc, ranks: Mapping[str, str]) -> list[int]:
    """The tokens a rank may start at, ascending: capitalised, their word (dots stripped)
    the first word of a rank. Listed once per Doc and table of ranks (kept in
    ``doc.user_data`` with the table, so that no other table can take its ``id``): each of
    an article's two to four actor walks tried ``_rank_at`` at every capitalised word."""
    index = doc.user_data.setdefault(_STARTS_KEY, {})
    kept = index.get(id(ranks))
    if kept is None or kept[0] is not ranks:
        firsts = frozenset(key.split(" ")[0] for key in ranks)
        tokens = token_table(doc)
        kept = index[id(ranks)] = (ranks, [
            i for i, (text, lower) in enumerate(zip(tokens.text, tokens.lower, strict=True))
            if text[:1].isupper() and _may_open(lower.rstrip("."), firsts)])
    return kept[1]


def _may_open(word: str, firsts: frozenset[str]) -> bool:
    """Whether a rank's key may start with ``word``: a key is its words joined by spaces, so
    its first word is ``word`` (a word holding a space is tried as before)."""
    return word in firsts or " " in word


def _name_end(doc: Doc, start: int, ranks: Mapping[str, str]) -> int:
    """The token after the capitalised proper nouns that follow a rank ("Ricardo Sanchez");
    a rank's word ends them ("Inspector GENERAL Glenn Fine" is an office, not a rank)."""
    end = start
    while end < len(doc) and end - start < _MAX_NAME_WORDS and doc[end].text[:1].isupper() \
            and doc[end].pos_ == "PROPN" and doc[end].tag_ != "POS" \
            and doc[end].lower_.rstrip(".") not in ranks:
        end += 1
    return end if end == len(doc) or doc[end].lower_.rstrip(".") not in ranks else start


def _in_an_office(doc: Doc, start: int, mentions: list[Mention], words: RankWords) -> bool:
    """Whether the rank's word closes a capitalised office no reader took ("Solicitor
    GENERAL Harriet Harman", "Surgeon General X"): a capitalised word right before it that
    is no force's word, in no mention, and not the sentence's first."""
    if start == 0 or doc[start - 1].is_sent_start:
        return False
    prev = doc[start - 1]
    return prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN") \
        and prev.lower_ not in words.service_words \
        and not any(m.token_start <= prev.i < m.token_end for m in mentions)


@dataclass(frozen=True, slots=True)
class RankContext:
    """What places a ranked person beyond their own words: the story's setting, the states'
    words, the people we know by full name, and the known person a name or listed alias
    names at tokens [start, end) ("Col GADDAFI"), as on the story's date."""

    setting: str | None
    state_at: Callable[[int], str | None]
    known: Callable[[str], bool]
    listed_person: Callable[[int, int], ActorRef | None]
    name_suffixes: frozenset[str]  # "Jr.": not part of a person's canonical name


def ranked_people(doc: Doc, mentions: list[Mention], words: RankWords,
                  context: RankContext) -> list[Mention]:
    """Rules `rank-before-name` and `rank-noun` (see the module's doc).

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        words: the ranks and the words for a force.
        context: the setting, the states' words and the people we know.
    """
    ranked: dict[str, ActorRef] = {}
    starts = _rank_starts(doc, words.ranks)
    at = 0  # the next of ``starts`` to try
    while at < len(starts):
        i = starts[at]
        rank = _rank_at(doc, i, words.ranks)
        read = _read_ranked(doc, rank, mentions, words, context, ranked) if rank else None
        if read is None:
            at += 1
            continue
        mentions, new = read
        if not context.known(new.actor.name or ""):
            ranked.setdefault(new.actor.name or "", new.actor)
        at = bisect_left(starts, new.token_end, at + 1)
    mentions = _rank_nouns(doc, mentions, words)
    return [_as_ranked(m, ranked) for m in mentions]


def _read_ranked(doc: Doc, rank: _Rank, mentions: list[Mention], words: RankWords,
                 context: RankContext, ranked: Mapping[str, ActorRef]
                 ) -> tuple[list[Mention], Mention] | None:
    """The mentions with the ranked name at `rank` read as one person, and that mention;
    None where no name follows or the words name someone or something else."""
    end = _name_end(doc, rank.end, words.ranks)
    if end == rank.end or _in_an_office(doc, rank.start, mentions, words):
        return None
    if rank.words in words.word_ranks and (end - rank.end < 2 or not any(
            doc[k].ent_type_ == "PERSON" for k in range(rank.end, end))):
        return None  # "Private Eye", "General Motors": no person's full name after the word
    inside = [m for m in mentions if m.token_start < end and m.token_end > rank.start]
    if any(m.actor.kind != "person" or context.known(m.actor.name or "") or m.token_end > end
           or m.token_start < rank.start for m in inside):
        return None  # a known person ("Col Gaddafi"), a body, a longer name or an office
    listed = context.listed_person(rank.end, end)
    if listed is not None:  # "Col Gaddafi": the known person, in their own office
        return _replaced(doc, mentions, inside, rank.start, end, listed)
    before = _force_before(doc, rank.start, mentions, words, context.state_at)
    after = _force_after(doc, end, mentions) or _force_described(doc, end, mentions)
    own = inside[0].actor if inside else None
    name = _name_of(doc, rank.end, end, inside, context.name_suffixes)
    earlier = ranked.get(name)  # "Col. Karim" after "Col. Rashid Karim of the army"
    police = any(f is not None and f[1] == "COP" for f in (before, after))
    sector = "COP" if police else earlier.sector if earlier is not None else rank.sector
    if own is not None and own.sector not in _RANK_OVERRIDES:
        sector = own.sector  # "retired Col. X" read as a former official stays one
    country = next((f[0] for f in (before, after) if f is not None and f[0]), None) \
        or (own.country if own is not None else None) \
        or (earlier.country if earlier is not None else None) or context.setting
    start = before[2] if before is not None else rank.start
    actor = ActorRef(name=name, country=country, sector=sector, wikidata=None, kind="person")
    body = [before[3]] if before is not None and before[3] is not None else []
    return _replaced(doc, mentions, inside + body, start, end, actor)


def _replaced(doc: Doc, mentions: list[Mention], gone: list[Mention], start: int, end: int,
              actor: ActorRef) -> tuple[list[Mention], Mention]:
    """The mentions without `gone`, with one of `actor` over tokens [start, end)."""
    span = doc[start:end]
    new = Mention(start=span.start_char, end=span.end_char, token_start=start,
                  token_end=end, actor=replace(actor, text=span.text))
    dropped = {id(m) for m in gone}
    kept = [m for m in mentions if id(m) not in dropped]
    return sorted(kept + [new], key=lambda m: m.token_start), new


def _name_of(doc: Doc, start: int, end: int, inside: list[Mention],
             suffixes: frozenset[str]) -> str:
    """The name after the rank: the person a reader bound the words to ("Col. Farouk" after
    "Col. Ahmed Farouk"), else the words themselves."""
    last = doc[end - 1].text
    for m in inside:
        name = m.actor.name or ""
        if m.token_start >= start and m.token_end == end and name.split()[-1:] == [last]:
            return name
    return plain_name(doc[start:end].text, suffixes)


def _force_before(doc: Doc, start: int, mentions: list[Mention], words: RankWords,
                  state_at: Callable[[int], str | None]
                  ) -> tuple[str | None, str | None, int, Mention | None] | None:
    """(state, sector, first token, its mention) of the words right before a rank that
    name a force or a state: a service word ("NAVY Capt.") and a state's or its body's
    mention ending there ("US", "Iraqi police", "Pentagon spokesman Navy"), or a state's
    word no reader took ("RUSSIAN Col.")."""
    body = _force_ending_at(start, mentions)
    if body is not None:  # "Iraqi police Col.", "Pentagon spokesman Navy Capt."
        return body.actor.country, _force_sector(body.actor.sector), body.token_start, body
    for n in (2, 1):  # "Air Force Lt Col", "Navy Capt."
        key = doc[max(start - n, 0):start].text.lower()
        if start - n >= 0 and key in words.service_words:
            sector = words.service_words[key]
            body = _force_ending_at(start - n, mentions)  # "US Navy Capt."
            if body is None:
                return _state_before(start - n, state_at), sector, start - n, None
            return body.actor.country, sector, body.token_start, body
    state = _state_before(start, state_at)
    return (state, None, start - 1, None) if state else None


def _state_before(at: int, state_at: Callable[[int], str | None]) -> str | None:
    """The state whose one-word name or demonym stands right before token `at`."""
    return state_at(at - 1) if at > 0 else None


def _force_ending_at(at: int, mentions: list[Mention]) -> Mention | None:
    """The mention of a state or of its body that ends right before token `at`."""
    return next((m for m in mentions if m.token_end == at and m.actor.kind in _FORCE_KINDS),
                None)


def _force_sector(sector: str | None) -> str | None:
    return sector if sector in ("MIL", "COP") else None


def _force_after(doc: Doc, end: int, mentions: list[Mention]
                 ) -> tuple[str | None, str | None] | None:
    """(state, sector) of the force the name's own "of" phrase names ("Col. Ahmed Farouk OF
    THE IRAQI ARMY", "Sgt Peter Lowe of Lancashire Police")."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return None
    body = next((m for m in mentions if m.token_start in (end + 1, end + 2)
                 and m.actor.kind in _FORCE_KINDS), None)
    if body is None or _force_sector(body.actor.sector) is None:
        return None
    return body.actor.country, body.actor.sector


def _force_described(doc: Doc, end: int, mentions: list[Mention]
                     ) -> tuple[str | None, str | None] | None:
    """(state, sector) of the force the words that describe the name hold ("Air Marshal
    Brian Burridge, the commander of BRITISH FORCES in the Gulf", "X, who leads the inquiry
    for Thames Valley Police"): the first force's mention in its appositive or clause."""
    for child in doc[end - 1].children:
        if child.dep_ not in _DESCRIBING_DEPS or child.i < end:
            continue
        lo, hi = child.left_edge.i, child.right_edge.i + 1
        body = next((m for m in mentions if lo <= m.token_start and m.token_end <= hi
                     and m.actor.kind in _FORCE_KINDS
                     and _force_sector(m.actor.sector) is not None), None)
        if body is not None:
            return body.actor.country, body.actor.sector
    return None


def _rank_nouns(doc: Doc, mentions: list[Mention], words: RankWords) -> list[Mention]:
    """Rule `rank-noun`: a force's mention followed by a rank as its head noun ("a US Army
    MAJOR who served ...") is one person of that force."""
    out: list[Mention] = []
    for m in mentions:
        k = m.token_end
        if k < len(doc) and m.actor.kind in _FORCE_KINDS and doc[k].pos_ == "NOUN" \
                and doc[k].lower_ in words.ranks and doc[k].dep_ not in ("compound", "amod") \
                and _force_sector(m.actor.sector) is not None:
            span = doc[m.token_start:k + 1]
            actor = ActorRef(name=None, country=m.actor.country, sector=m.actor.sector,
                             text=span.text, kind="person")
            m = Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                        token_end=span.end, actor=actor)
        out.append(m)
    return out


def _as_ranked(mention: Mention, ranked: Mapping[str, ActorRef]) -> Mention:
    """A later mention of a ranked person ("Farouk said") as that person."""
    actor = mention.actor
    found = ranked.get(actor.name or "") if actor.kind == "person" else None
    if found is None or actor.sector not in _RANK_OVERRIDES \
            or (actor.country, actor.sector) == (found.country, found.sector):
        return mention
    return replace(mention, actor=replace(actor, country=actor.country or found.country,
                                          sector=found.sector))
