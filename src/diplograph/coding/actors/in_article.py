"""Actors in one article, as the event coder asks for them.

The resolver finds the article's mentions; this module answers the coder's
questions about argument tokens: which actor a token stands for ("officials FROM
RUSSIA", "Russian TROOPS", "Hungarian AND Romanian officials"), which state a
place or demonym the resolver left alone names ("curfew IN MONTENEGRO"), who a
pronoun is ("Hungary said IT would ...") and who an attribution is from.
:class:`ArticleActors` is built once per coder (it caches names);
:meth:`ArticleActors.read` gives the :class:`ArticleContext` of one article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from functools import cached_property, partial

from spacy.tokens import Doc, Span, Token

from diplograph.coding import quotes
from diplograph.coding.actors import ActorResolver, KnowledgeBase, stance_prefixed
from diplograph.coding.actors.named_things import named_thing
from diplograph.coding.actors.words import mention_words
from diplograph.coding.places import Gazetteer, default_gazetteer
from diplograph.coding.triggers import CLAUSE_DEPS, subject_tokens
from diplograph.coding.visited_places import is_visit_destination
from diplograph.knowledge.coding_words import coding_words
from diplograph.records import ActorRef, Article, Mention

NameActor = Callable[[str, bool], "ActorRef | None"]
# Grammar: prepositions that join a noun to whoever makes or shares it ("a decision BY
# India", "talks WITH the PA"), not to a place or an origin ("independence FROM Iraq").
_MAKER_PREPOSITIONS = frozenset({"by", "with"})


class ArticleActors:
    """Reads the actors of articles for one coder; names of states are cached."""

    def __init__(self, resolver: ActorResolver, gazetteer: Gazetteer) -> None:
        self.resolver, self.gazetteer = resolver, gazetteer
        self._name_cache: dict[tuple[str, bool], ActorRef | None] = {}
        self._state_words = _state_words(resolver.kb)

    def read(self, article: Article, doc: Doc, anchor: dt.date | None) -> ArticleContext:
        """The actor context of one article, whose cleaned text ``doc`` is the parse of.

        Args:
            article: the article (its dateline says whose capital "the government" is in).
            doc: the parse of its cleaned text.
            anchor: the date the article speaks from (office holders are those of that day).
        """
        def mentions() -> list[Mention]:
            home = self._home_country(article, anchor)
            return self.resolver.find_mentions(doc, when=anchor, home_country=home)

        return ArticleContext(article, doc, anchor, mentions,
                              partial(quotes.find_attributions, doc), self.name_actor,
                              self.resolver.kb, self._state_words)

    def name_actor(self, text: str, is_place: bool = False) -> ActorRef | None:
        """A state or people named by a place or demonym that the resolver, reading the
        article, took as a place or modifier ("curfew IN MONTENEGRO", "an INDIAN proposal"):
        as an event argument it stands for that state."""
        key = (text, is_place)
        if key not in self._name_cache:
            self._name_cache[key] = self._state_named(text, is_place)
        return self._name_cache[key]

    def _state_named(self, text: str, is_place: bool) -> ActorRef | None:
        code = self._state_words.get(text.lower().removeprefix("the "))
        kind = "state"
        if code is None and is_place:
            code, kind = self._place_country(text), "place"
        if code is not None:
            country = self.resolver.kb.countries[code]
            actor = ActorRef(name=country.name, country=code, sector="GOV", kind=kind)
        elif self.resolver.knows(text):  # parse only what may name someone
            actor = self.resolver.resolve_text(text, when=None)
        else:
            actor = None
        keep = actor is not None and actor.kind in {"state", "group", "place"} and actor.country
        return actor if keep else None

    def _place_country(self, text: str) -> str | None:
        """The country of a city or region the gazetteer knows ("shelled JERICHO"); a
        continent or region is no state ("Asia"), and a state's metonym wins over a namesake
        town ("Westminster" is London's, not Colorado's)."""
        low = text.lower().removeprefix("the ")
        if low in self.resolver.words.regions:
            return None
        for code, country in self.resolver.kb.countries.items():
            # "Westminster": the knowledge's name for a British body wins over a namesake town.
            if any(low == m.lower().removeprefix("the ") for m, _ in country.metonyms):
                return code
        place = self.gazetteer.resolve(text)
        if place.precision in {"city", "admin1"} and place.country in self.resolver.kb.countries:
            return place.country
        return None

    def _home_country(self, article: Article, when: dt.date | None) -> str | None:
        """The country of the article's dateline, if it names one."""
        if not article.dateline:
            return None
        # Datelines are often capitals in capitals ("BEIJING"): try the usual spelling too.
        for text in dict.fromkeys((article.dateline, article.dateline.title())):
            actor = self.resolver.resolve_text(text, when=when)
            if actor is not None and actor.country:
                return actor.country
        return None


class ArticleContext:
    """Per-article lookups: token → mention, speaker spans → actors.

    The mentions and attributions are read on first use: an article whose sentences hold
    no trigger asks nothing of its actors, and reading them was most of its coding."""

    def __init__(self, article: Article, doc: Doc, anchor: dt.date | None,
                 mentions: Callable[[], list[Mention]],
                 attributions: Callable[[], list[quotes.Attribution]],
                 name_actor: NameActor, kb: KnowledgeBase,
                 state_words: Mapping[str, str]) -> None:
        self.article, self.doc, self.anchor = article, doc, anchor
        self.name_actor = name_actor
        self.state_words = state_words
        self.kb = kb
        self.sectors: dict[str, str] = kb.sectors
        self.bodies = frozenset(kb.groups.get("bodies", ()))
        self._read_mentions, self._read_attributions = mentions, attributions

    @cached_property
    def mentions(self) -> list[Mention]:
        return [m for m in self._read_mentions()
                if not self.names_a_thing(m.token_start, m.token_end, m.actor)]

    def names_a_thing(self, start: int, end: int, actor: ActorRef) -> bool:
        """Rule `place-naming-a-thing-is-no-actor`: a city or region inside the name of a
        treaty, a process, a round or a set of goals ("the KYOTO protocol", "the LISBON
        agenda", "the Treaty of ROME") tells where the thing was signed or launched; it stands
        for no state, as source or target of any event (issue 16: locations are never
        targets). A state's own name or demonym there is a party and stays ("the US-India
        agreement"); so do people and bodies ("the Bush agenda", "the EU's pact")."""
        if actor.kind not in {"state", "place"}:
            return False
        span = self.doc[start:end]
        if span.text.lower().removeprefix("the ") in self.state_words:
            return False
        return any(named_thing(tok) is not None for tok in span)

    @cached_property
    def attributions(self) -> list[quotes.Attribution]:
        return self._read_attributions()

    @cached_property
    def by_token(self) -> dict[int, Mention]:
        return {i: m for m in self.mentions for i in range(m.token_start, m.token_end)}

    @cached_property
    def entity_at(self) -> dict[int, Span]:
        """Token -> named entity (``doc.ents`` builds its spans anew on every access)."""
        return {i: e for e in self.doc.ents for i in range(e.start, e.end)}

    def actors(self, tokens: Iterable[Token]) -> list[ActorRef]:
        """The distinct actors the argument ``tokens`` stand for, in order; a pronoun with
        no mention is the speaker of its clause."""
        found: list[ActorRef] = []
        for tok in tokens:
            mentions = self.mentions_for(tok)
            if not mentions and tok.lower_ in coding_words().pronouns:
                mentions = [m for m in (self.speaker_of_clause(tok),) if m is not None]
            found += [m.actor for m in mentions if m.actor not in found]
        return found

    def first_actor(self, tokens: Iterable[Token], exclude: list[ActorRef]) -> list[ActorRef]:
        """The first actor of ``tokens`` that is none of ``exclude`` (a list of one, or empty)."""
        for actor in self.actors(tokens):
            if not any(same_actor(actor, other) for other in exclude):
                return [actor]
        return []

    def speaker(self, att: quotes.Attribution) -> ActorRef | None:
        """Who an attribution is from; a pronoun ("IT could neither confirm nor deny") is the
        subject of the reporting verb above it ("the Kremlin said it ...")."""
        actor = self.actor_in_span(att.source_start, att.source_end)
        if actor is not None:
            return actor
        span = self.doc.char_span(att.source_start, att.source_end, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].lower_ in coding_words().pronouns:
            mention = self.speaker_of_clause(span[0])
            return mention.actor if mention else None
        return None

    def speaker_of_clause(self, pronoun: Token) -> Mention | None:
        """ "Hungary said IT would support ..." → Hungary: the subject of the reporting verb."""
        speech = coding_words().speech_lemmas
        node = pronoun.head
        for _ in range(4):
            if node.lemma_.lower() in speech and node.pos_ in {"VERB", "AUX"}:
                subjects = subject_tokens(node)
                return self.mention_for(subjects[0]) if subjects else None
            if node.head is node:
                return None
            node = node.head
        return None

    def mention_for(self, token: Token) -> Mention | None:
        """The mention covering ``token`` or, failing that, the nearest one in its phrase
        ("officials FROM RUSSIA"), never crossing into another clause. A group noun placed
        by a state ("opposition parties IN NEPAL") is that state's group, with the sector
        its noun names."""
        ethnic = any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children)
        people = token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NNS", "NNPS"} \
            and not _occasion(token)
        if ethnic or people:
            home = self._residence(token, also_verb=ethnic)
            if home is not None:
                return home
        found = self._nearest_mention(token)
        return found if found is None else self._as_group(found, token)

    def names_actor(self, token: Token) -> bool:
        """Whether the token's own phrase names an actor: a resolved mention, a body or group
        noun ("the delegation", "troops", "the organization"), a personal pronoun, a place
        that stands for its state, or a noun a state's name modifies ("Palestinian
        detainees")."""
        def named(tok: Token) -> bool:
            return tok.i in self.by_token or self._named(tok) is not None
        return (named(token) or token.lower_ in self.sectors or token.lower_ in self.bodies
                or (token.pos_ == "PRON" and token.lower_ not in {"it", "this", "that"})
                or any(c.dep_ in {"amod", "compound"} and named(c) for c in token.children))

    def mentions_for(self, token: Token) -> list[Mention]:
        """Like ``mention_for``, but coordinated demonyms give one mention each: "Hungarian
        AND Romanian officials" are officials of both states."""
        for mod in token.children:
            if mod.dep_ not in {"amod", "compound"} or not mod.conjuncts:
                continue
            named = [self._named(m) for m in (mod, *mod.conjuncts)]
            states = [m for m in named if m is not None and m.actor.kind in {"state", "place"}]
            if len(states) > 1:
                return [self._as_group(m, token) for m in states]
        found = self.mention_for(token)
        return [found] if found is not None else []

    def actor_in_span(self, start: int, end: int) -> ActorRef | None:
        """The actor of the first mention overlapping characters ``start``–``end``."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m.actor
        return None

    def _as_group(self, found: Mention, token: Token) -> Mention:
        """A state named by a modifier of a common noun is that state's group, with the sector
        the noun names ("Russian TROOPS"); a noun no sector names is a civilian group
        ("Algerian LANDOWNERS"), not the government."""
        actor = found.actor
        if actor.kind not in {"state", "place"} or token.pos_ not in {"NOUN", "PROPN"} \
                or token.i in self.by_token or _occasion(token):
            return found  # "talks in Beijing": where the talks are, the state itself
        sector = self.sectors.get(token.lower_) or self.sectors.get(
            " ".join(c.lower_ for c in token.lefts if c.dep_ == "compound") + " " + token.lower_
        )
        if sector is None and self._names_own_body(found):
            return found  # rule governing-noun-keeps-sector
        if sector is None and token.pos_ == "NOUN" and not _owns_or_makes(found, token):
            sector = "CVL"
        if sector is None or sector == actor.sector:
            return found
        return _regrouped(found, sector)

    def _names_own_body(self, found: Mention) -> bool:
        """Rule `governing-noun-keeps-sector`: a mention whose own noun names a body of the
        state ("MINISTERS", "James Callaghan's ADMINISTRATION", "the CABINET") is that body
        around any noun ("a meeting of the committee of ministers", "cuts by the
        administration"): only a bare state's name becomes its civilians there. The noun is
        a common one: a place's name that ends in one ("the West BANK") is no body."""
        last = self.doc[found.token_end - 1]
        return last.pos_ == "NOUN" and last.lower_ in self.sectors

    def _residence(self, token: Token, *, also_verb: bool) -> Mention | None:
        """ "Ethnic Albanians IN SERBIA", "the Albanians OF southern SERBIA": a people is
        coded by where it lives (the PLOVER convention), when the sentence says where; for
        an ethnic group, "demonstrated IN SERBIA" or "killed ethnic Albanians IN SERBIA" says it
        too."""
        holders = [token] + ([token.head] if also_verb and token.dep_ in {"nsubj", "dobj"} else [])
        preps = [c for h in holders for c in h.children
                 if c.dep_ == "prep" and c.lower_ in {"in", "of"}]
        for prep in preps:
            for place in (c for c in prep.children if c.dep_ == "pobj"):
                found = self._nearest_mention(place)
                if found is not None and found.actor.kind in {"state", "place"} \
                        and not self._names_own_body(found):  # "cuts of the administration"
                    return _regrouped(found, "CVL")
        return None

    def _nearest_mention(self, token: Token) -> Mention | None:
        """The first mention in the token's phrase, breadth first, not crossing clauses."""
        frontier = [token]
        while frontier:
            tok = frontier.pop(0)
            if tok is not token and (tok.dep_ in CLAUSE_DEPS
                                     or tok.dep_ in {"appos", "cc", "punct"}):
                continue
            mention = self.by_token.get(tok.i)
            if mention is not None and (mention.actor.country or mention.actor.kind != "person"):
                return mention
            named = self._named(tok)
            if named is None and mention is not None:
                return mention
            if named is not None:
                return named
            frontier.extend(tok.children)
        return None

    def _named(self, tok: Token) -> Mention | None:
        """A state named by a place or demonym the resolver left alone: the entity the
        token is in, or (where the small model misses the entity, "Sierra Leonean") the
        proper noun with its compounds."""
        if stance_prefixed(tok.doc, tok.i):
            return None  # "anti-Syria", "pro-Russian": a stance, not a state
        words = coding_words()
        span = self.entity_at.get(tok.i)
        # Only a span the model calls a place may be looked up as a city or region, and
        # where a visit goes, whatever the model calls it (`destination-of-a-visit-is-a-place`).
        is_place = (span is not None and span.label_ in words.place_entity_labels) \
            or is_visit_destination(tok)
        if span is None or span.label_ not in words.name_entity_labels:
            if tok.pos_ not in {"PROPN", "ADJ"}:
                return None
            first = min([c.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
            span = tok.doc[first:tok.i + 1]
            is_place = is_place and not _word_of_longer_name(tok)
        # One word of a longer name may stand for a state ("SIERRA Leonean" is not needed,
        # but "Sierra LEONEAN" is), never for a place: "Kong" in "Hong Kong" is a town in
        # Ivory Coast.
        # "a rally in SAN JOSE, CALIF.": the US state written after a town places it there.
        place_text = default_gazetteer().state_after(span).text if is_place else span.text
        actor = (self.name_actor(place_text, is_place)
                 or (self.name_actor(tok.text, False) if len(span) > 1 else None))
        if actor is None or self.names_a_thing(span.start, span.end, actor):
            return None
        return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                       token_end=span.end, actor=ActorRef(
                           name=actor.name, country=actor.country, sector=actor.sector,
                           kind=actor.kind, text=span.text))


def same_actor(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same actor on both sides (protesters and the government of one state are not)."""
    return (a is not None and b is not None and a.name == b.name and a.country == b.country
            and (a.sector or "GOV") == (b.sector or "GOV"))


def _regrouped(found: Mention, sector: str) -> Mention:
    """The mention of a state, as that state's group of ``sector``."""
    actor = found.actor
    return Mention(start=found.start, end=found.end, token_start=found.token_start,
                   token_end=found.token_end,
                   actor=ActorRef(name=actor.name, country=actor.country, sector=sector,
                                  kind="group", text=actor.text))


def _state_words(kb: KnowledgeBase) -> dict[str, str]:
    """Lower-cased names, aliases, adjectives and people-nouns of every state → ISO3."""
    words: dict[str, str] = {}
    for code, country in kb.countries.items():
        for word in (country.name, *country.aliases, *country.adjectives, *country.people):
            words.setdefault(word.lower(), code)
    return words


def _owns_or_makes(found: Mention, token: Token) -> bool:
    """Whether the mention owns the noun or makes or shares it ("the HOME OFFICE's powers",
    "the decision by INDIA", "information with the PA"): the actor itself, not a group of
    its people ("ALGERIAN farmers", "independence from IRAQ" keep the civilian reading)."""
    doc = token.doc
    for i in range(found.token_start, found.token_end):
        tok = doc[i]
        if tok.head.i == token.i and tok.dep_ == "poss":
            return True
        prep = tok.head
        if tok.dep_ == "pobj" and prep.head.i == token.i and prep.lower_ in _MAKER_PREPOSITIONS:
            return True
    return False


def _word_of_longer_name(token: Token) -> bool:
    """Rule `word-of-a-name-is-no-place` (headrole29): a word that modifies the capitalised
    head of a longer name ("the GAY Games", "the Log CABIN chapter") is a word of that name,
    not a town of its spelling (Gay is a town in Russia); a geographic head makes the name
    a place ("GUANTANAMO Bay", `place_name_heads`), and a state's own name still names the
    state ("AMERICA Rising PAC" is looked up as the state's word, never as a place)."""
    head = token.head
    return token.dep_ == "compound" and head.i > token.i and head.pos_ == "PROPN" \
        and head.text[:1].isupper() and head.lower_ not in mention_words().place_name_heads


def _occasion(token: Token) -> bool:
    """A meeting or journey ("TALKS in Beijing"): where it is held, no people of the place."""
    return token.lower_ in mention_words().occasion_nouns
