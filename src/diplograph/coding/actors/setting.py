"""Agents with no known identity whose state the story tells (issues #15, #16, stop 25).

An unknown person or a generic agent stays unknown, with the words of the text, but takes
the sector of its noun and a state read from the text, never guessed:

- rule `calling-before-name`: "Lawyer Gareth Pryce", "Edinburgh architect, Dominic Reid",
  "American lawyer Ruth Green": a calling right before a name we do not know is not part
  of the name; the person takes the calling's sector (``callings`` in mention_words.yaml)
  and the state of the words before the calling (a demonym, a city, a US state), else of
  the place their phrase gives (below), else of the story's setting;
- rule `own-place`: "Kenji Mori of Citigroup in Tokyo", "teacher Ana Silva of Havana": a
  person we do not know whose own phrase says where they are ("of" or "in" a place) is of
  that place's state, before the state of the body they work for;
- rule `nameless-calling`: "an Alaska lawyer", "a Texas judge": a calling with a state's or
  a place's words before it and no name is one person we do not know, of that state;
- rule `members-of-named-force`: "Police in Cardiff are investigating ... Officers took
  statements": a bare noun for a body's members (``member_nouns``) is the last body of its
  sector the story named before it;
- rule `surname-in-setting`: "Mr Galloway told a rally in Bethnal Green": a surname with a
  courtesy title ("Mr", "Dr", "Ms") that names no one we know and no one the article
  placed is a person of the story's setting, as a reader takes a local man introduced so;
  with no setting (two states, none named) it stays stateless, never guessed;
- rule `appositive-demonym`: "Alan Gross, an American contractor": a demonym or a state's
  name qualifying the appositive of a person we do not know gives their state, before the
  story's setting (a US contractor jailed in Cuba is American);
- rule `appositive-governing-post`: "Mr. Hof, a former administration adviser": an unknown
  person whose appositive is a post of "the administration" or "the government" with no
  state named is of the story's setting, a former official (ELI) with a former word, else
  the government's (GOV);
- the story's setting (:func:`story_setting`): the one state the article's places and
  state actors stand for, clearly ahead of any other; none where two states compete. Bare
  group nouns ("Protesters", "The MP") take it where the story has no home state.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from diplograph.coding.actors.home import stands_for_a_state
from diplograph.coding.actors.mention import Mention
from diplograph.coding.token_table import positions_of_words, token_table
from diplograph.records import ActorRef

StateAt = Callable[[int], str | None]  # token index -> ISO3 of the state its word names
PlaceState = Callable[[str], str | None]  # a place below a state -> ISO3, None: unknown

# The setting's state needs this many mentions and places, this many times the next state's.
MIN_SETTING_COUNT = 2
SETTING_MARGIN = 2
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_PLACE_ENTITIES_KEY = "diplograph.place_entities"
_MAX_MODIFIER_WORDS = 3  # "NEW SOUTH WALES architect"


@dataclass(frozen=True, slots=True)
class Places:
    """How the text's words name states: a state's own word (name, demonym, capital) at a
    token, and the state of a place below a state (a city, a region)."""

    state_at: StateAt
    place_state: PlaceState

    def of_words(self, span: Span) -> str | None:
        """The state a run of words names: its first word's state, else the place's."""
        return self.state_at(span.start) or self.place_state(span.text)


def story_setting(doc: Doc, mentions: list[Mention], places: Places) -> str | None:
    """ISO3 of the one state the story is set in, or None where its words do not settle it.

    Each mention that stands for a state (its name, a person or body of it) and each place
    named outside a mention counts for its state; the state with at least
    MIN_SETTING_COUNT, SETTING_MARGIN times as many as the next one, is the setting."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    counts = Counter(m.actor.country for m in mentions if stands_for_a_state(m))
    for start, end in _place_entities(doc):
        if not any(i in taken for i in range(start, end)):
            state = places.of_words(doc[start:end])
            if state is not None:
                counts[state] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    return top if count >= MIN_SETTING_COUNT and count >= SETTING_MARGIN * runner_up else None


def _place_entities(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of the Doc's place entities, in text order: listed once per Doc (kept
    in ``doc.user_data``), as each of an article's two to four walks asked ``doc.ents`` for
    every entity again to find its places."""
    found = doc.user_data.get(_PLACE_ENTITIES_KEY)
    if found is None:
        found = doc.user_data[_PLACE_ENTITIES_KEY] = [
            (ent.start, ent.end) for ent in doc.ents if ent.label_ in _PLACE_ENTITIES]
    return found


@dataclass(frozen=True, slots=True)
class CallingWords:
    """The words of rule `calling-before-name` (mention_words.yaml): calling -> sector ("":
    none), and the sectors whose body named before a calling's person is theirs."""

    sectors: Mapping[str, str]
    named_body_sectors: frozenset[str]


def callings_before_names(doc: Doc, mentions: list[Mention], callings: CallingWords,
                          places: Places, setting: str | None,
                          known: Callable[[str], bool]) -> list[Mention]:
    """Rules `calling-before-name` and `own-place` on the people we do not know.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        callings: the callings' sectors and the sectors of bodies they refer back to.
        places: how words name states.
        setting: ISO3 of the story's home state or setting, None when it has none.
        known: whether a name is a person of the knowledge base (left as resolved).
    """
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out: list[Mention] = []
    for m in mentions:
        out.append(_placed_person(doc, m, callings, places, setting, taken, out)
                   if _unknown_person(m, known) else m)
    return out


def _unknown_person(mention: Mention, known: Callable[[str], bool]) -> bool:
    actor = mention.actor
    return actor.kind == "person" and bool(actor.name) and not known(actor.name or "")


@dataclass(frozen=True, slots=True)
class Calling:
    """A calling read before a name: where the mention's words start, where the name starts,
    the calling's sector and the state of the words before it."""

    start: int
    name_start: int
    sector: str | None
    state: str | None


def _placed_person(doc: Doc, mention: Mention, callings: CallingWords,
                   places: Places, setting: str | None, taken: set[int],
                   before: list[Mention]) -> Mention:
    """One unknown person, with the calling before the name, its modifiers and their own
    place read; with none of those, the state of the last body of the calling's sector
    named before (a judge of the court the story named: "a US bankruptcy court ... Judge
    Letitia Clark"), else the story's setting."""
    calling = _calling_at(doc, mention, callings.sectors, places, taken)
    actor = mention.actor
    own_place = None if actor.role else \
        _own_place(doc[mention.token_start:mention.token_end].root, places)
    if calling is None:
        if own_place is None or actor.country == own_place:
            return mention
        return replace(mention, actor=replace(actor, country=own_place))
    country = calling.state or own_place or actor.country \
        or _body_named_before(before, calling.sector, callings.named_body_sectors) or setting
    span = doc[calling.start:mention.token_end]
    actor = replace(actor, name=doc[calling.name_start:mention.token_end].text, country=country,
                    sector=actor.sector or calling.sector, text=span.text)
    return replace(mention, start=span.start_char, token_start=span.start, actor=actor)


def _body_named_before(before: list[Mention], sector: str | None,
                       body_sectors: frozenset[str]) -> str | None:
    """The state of the last body of the calling's sector named before, for the sectors of
    `body_sectors` (a court, a police force), None for the others (a government or a
    business has too many people for its last named body to be theirs)."""
    if sector not in body_sectors:
        return None
    return next((m.actor.country for m in reversed(before)
                 if m.actor.sector == sector and m.actor.kind != "person" and m.actor.country),
                None)


def _calling_at(doc: Doc, mention: Mention, callings: Mapping[str, str], places: Places,
                taken: set[int]) -> Calling | None:
    """The calling that opens the mention ("LAWYER Gareth Pryce", as the entity reader took
    it) or stands right before it, a comma between at most ("Edinburgh ARCHITECT, Dominic
    Reid"), with the capitalised words before it that name a state or a place."""
    first = doc[mention.token_start]
    if first.lower_ in callings and mention.token_end - mention.token_start > 1:
        at, name_start = first.i, first.i + 1
    else:
        at = mention.token_start - 1
        if at >= 0 and doc[at].text == ",":
            at -= 1
        if at < 0 or _calling_word(doc[at], callings) is None or at in taken \
                or doc[at].pos_ not in ("NOUN", "PROPN"):
            return None
        name_start = mention.token_start
    start, state = _modifiers_before(doc, at, places, taken)
    return Calling(start, name_start, callings[_calling_word(doc[at], callings) or ""] or None,
                   state)


def _calling_word(token: Token, callings: Mapping[str, str]) -> str | None:
    """The calling a word names, in the singular or the plural ("Two Iowa STUDENTS, Emma
    Clark and Josh Reed": each named one is a student)."""
    return next((w for w in (token.lower_, token.lemma_.lower()) if w in callings), None)


def _modifiers_before(doc: Doc, at: int, places: Places, taken: set[int]
                      ) -> tuple[int, str | None]:
    """(start, state) of the capitalised words right before the calling at token `at` that
    name a state or a place ("AMERICAN lawyer", "EDINBURGH architect", "ALASKA lawyer");
    (at, None) where none do."""
    start = at
    while start > 0 and at - start < _MAX_MODIFIER_WORDS and start - 1 not in taken \
            and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "ADJ"):
        start -= 1
    country = places.of_words(doc[start:at]) if start < at else None
    return (start, country) if country is not None else (at, None)


def _own_place(root: Token, places: Places) -> str | None:
    """The state of the place an unknown person's own phrase gives: "of" a place on the
    name ("Ana Silva OF HAVANA"), or "in" a place right after "of" a body ("Kenji Mori of
    Citigroup IN TOKYO", the parse hanging "in" on the name or on the body). "in" on the
    name alone is left alone: the parse often hangs the verb's place there ("met Jane Doe
    in Istanbul")."""
    for obj in _objects(root, "of"):
        state = _place_state(obj, places)
        if state is not None:
            return state
        after_body = [o for o in _objects(root, "in") if o.head.i == obj.right_edge.i + 1]
        for deeper in _objects(obj, "in") + after_body:
            state = _place_state(deeper, places)
            if state is not None:
                return state
    return None


def _objects(token: Token, preposition: str) -> list[Token]:
    """The objects of `preposition` hanging from `token`."""
    return [obj for prep in token.children if prep.dep_ == "prep" and prep.lower_ == preposition
            for obj in prep.children if obj.dep_ == "pobj"]


def _place_state(obj: Token, places: Places) -> str | None:
    if obj.ent_type_ not in _PLACE_ENTITIES:
        return None
    return places.of_words(obj.doc[obj.left_edge.i:obj.i + 1])


def nameless_callings(doc: Doc, mentions: list[Mention], callings: Mapping[str, str],
                      places: Places) -> list[Mention]:
    """Rule `nameless-calling`: a calling with a state's or a place's words before it and no
    name after it ("an ALASKA lawyer accused ...", "a Texas judge") is one person we do not
    know, of that state, in the calling's sector. With no such words ("a lawyer"), or as a
    definite description ("the New York businessman"), it is left alone: the story may have
    named the person, of another state."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    tokens = token_table(doc)
    for i in positions_of_words(doc, callings):  # a Token built for the callings only
        if i in taken or tokens.pos[i] != "NOUN" \
                or tokens.dep[i] == "compound":
            continue
        token = doc[i]
        start, state = _modifiers_before(doc, token.i, places, taken)
        if state is None:
            continue
        if start > 0 and doc[start - 1].dep_ == "det" and doc[start - 1].head.i == token.i:
            if doc[start - 1].lower_ == "the":
                continue  # "THE New York businessman": someone the story named before
            start -= 1
        span = doc[start:token.i + 1]
        actor = ActorRef(name=None, country=state, sector=callings[token.lower_] or None,
                         text=span.text, kind="person")
        found.append(Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                             token_end=span.end, actor=actor))
    return sorted(mentions + found, key=lambda m: m.token_start)


def members_of_named_forces(doc: Doc, mentions: list[Mention],
                            member_nouns: Mapping[str, str]) -> list[Mention]:
    """Rule `members-of-named-force`: a bare plural noun for a body's members ("Officers
    took statements") stands for the last body of its sector named before it ("Police in
    Cardiff"), with that body's state."""
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    found = []
    lower = token_table(doc).lower
    for i in positions_of_words(doc, member_nouns):  # a Token built for the nouns only
        sector = member_nouns.get(lower[i])
        if sector is None or i in taken or not _bare(token := doc[i]):
            continue
        body = next((m for m in reversed(mentions)
                     if m.token_end <= token.i and m.actor.sector == sector and m.actor.country),
                    None)
        if body is not None:
            span = doc[token.left_edge.i:token.i + 1]
            found.append(Mention(start=span.start_char, end=span.end_char,
                                 token_start=span.start, token_end=span.end,
                                 actor=replace(body.actor, text=span.text, name=body.actor.name)))
    return sorted(mentions + found, key=lambda m: m.token_start)


def _bare(token: Token) -> bool:
    """A plural noun with nothing before it but "the" ("Officers", "the officers")."""
    if token.tag_ not in ("NNS", "NNPS") or token.dep_ in ("compound", "amod"):
        return False
    return all(c.i > token.i or (c.dep_ == "det" and c.lower_ == "the") for c in token.children)


def surnames_in_setting(doc: Doc, mentions: list[Mention], honorifics: frozenset[str],
                        setting: str | None, known: Callable[[str], bool]) -> list[Mention]:
    """Rule `surname-in-setting`: an unknown person named by a courtesy title and surname
    ("Mr Galloway", "Dr Odhiambo") with no state of their own takes the story's setting.
    A person whose other mentions carry a state keeps it (the article's own words come
    first; ``one_reading_per_person`` spreads it); no setting, no state.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        honorifics: the courtesy titles (lower case, mention_words.yaml).
        setting: ISO3 of the story's home state or setting, None when it has none.
        known: whether a name is a person of the knowledge base (left as resolved).
    """
    if setting is None:
        return mentions
    placed = {m.actor.name for m in mentions if m.actor.kind == "person" and m.actor.country}
    return [replace(m, actor=replace(m.actor, country=setting))
            if _unknown_person(m, known) and m.actor.country is None
            and m.actor.name not in placed and doc[m.token_start].lower_ in honorifics
            and m.token_end - m.token_start == 2 else m
            for m in mentions]


def appositive_demonyms(doc: Doc, mentions: list[Mention], places: Places,
                        known: Callable[[str], bool]) -> list[Mention]:
    """Rule `appositive-demonym`: "Alan Gross, an AMERICAN contractor", "Ms Hartmann, a
    GERMAN teacher": a state's word (name or demonym) among the words before the head of
    the appositive of an unknown person with no state gives that state."""
    out = []
    for m in mentions:
        if _unknown_person(m, known) and m.actor.country is None:
            state = _appositive_state(doc[m.token_start:m.token_end].root, places)
            if state is not None:
                m = replace(m, actor=replace(m.actor, country=state))
        out.append(m)
    return out


def _appositive_state(root: Token, places: Places) -> str | None:
    """The one state the modifiers of the name's appositive heads name, else None."""
    found = {places.state_at(t.i) for appos in root.children if appos.dep_ == "appos"
             for t in appos.lefts if t.dep_ in ("amod", "compound") and t.is_title}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


@dataclass(frozen=True, slots=True)
class GoverningPostWords:
    """The words of rule `appositive-governing-post` (mention_words.yaml): posts held by one
    person ("adviser", "official"), the bodies that govern a state ("administration"), and
    the words of a post held before ("former")."""

    posts: frozenset[str]
    governing: frozenset[str]
    former: frozenset[str]


def appositive_governing_posts(doc: Doc, mentions: list[Mention], words: GoverningPostWords,
                               setting: str | None,
                               known: Callable[[str], bool]) -> list[Mention]:
    """Rule `appositive-governing-post`: "Mr. Hof, a former ADMINISTRATION ADVISER" in a
    story set in the US is a US former official; with no setting, left alone."""
    if setting is None:
        return mentions
    taken = {i for m in mentions for i in range(m.token_start, m.token_end)}
    out = []
    for m in mentions:
        # Before the bare calling's sector ("official": GOV), which reads no "former".
        if _unknown_person(m, known) and m.actor.country in (None, setting):
            sector = _governing_post(doc[m.token_start:m.token_end].root, words, taken)
            if sector is not None:
                m = replace(m, actor=replace(m.actor, country=setting, sector=sector))
        out.append(m)
    return out


def _governing_post(root: Token, words: GoverningPostWords, taken: set[int]) -> str | None:
    """ELI or GOV where an appositive of the name is a post of a governing body whose
    words name no actor (no state, no party: "a Labour government adviser" is left to the
    party's rules), else None; what follows the post ("adviser ON SYRIA") is its topic."""
    for appos in root.children:
        if appos.dep_ != "appos" or appos.lower_ not in words.posts:
            continue
        lefts = list(appos.lefts)
        if any(t.lower_ in words.governing and t.dep_ == "compound" for t in lefts) \
                and not any(t.i in taken for t in lefts):
            return "ELI" if any(t.lower_ in words.former for t in lefts) else "GOV"
    return None
