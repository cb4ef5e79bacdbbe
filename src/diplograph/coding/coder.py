"""The event coder: parsed article → Events (SPEC §4).

For each sentence: find triggers (``triggers``), fold embedded triggers into the
frames that govern them ("threatened TO CUT ties" is one THREATEN), map argument
tokens to resolved actor mentions, then read status, date, place and quote.
Everything an analyst may want to extend (trigger words, actors, cue verbs) is
data; this module is only the wiring.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from diplograph.coding import confidence, quotes, status
from diplograph.coding import dates as timexpr
from diplograph.coding.actors import ActorResolver, stance_prefixed
from diplograph.coding.places import Gazetteer, default_gazetteer, event_location
from diplograph.coding.triggers import (
    CLAUSE_DEPS,
    Trigger,
    fallback_target_tokens,
    find_triggers,
    passive_parts,
    prep_objects,
    subject_tokens,
    target_tokens,
)
from diplograph.knowledge.lexicon import Lexicon, load_lexicon
from diplograph.records import (
    SYMMETRIC_TYPES,
    ActorRef,
    Article,
    Event,
    Evidence,
    Mention,
)

logger = logging.getLogger(__name__)

EXTRACTOR = "diplograph.rules.v1"
# Frames that absorb the event they govern: "threatened to impose tariffs" is THREATEN.
ABSORBING_TYPES = {"THREATEN", "REJECT", "REQUEST", "ACCUSE"}
REQUEST_MODES = {"CONSULT": "meet", "AID": "assist", "RETREAT": "yield", "CONCEDE": "yield",
                 "COOPERATE": "assist", "SUPPORT": "assist"}
REJECT_MODES = {"CONSULT": "meet", "AID": "assist", "RETREAT": "yield", "CONCEDE": "yield"}
THREATEN_MODES = {"SANCTION": "restrict", "ASSAULT": "violence", "COERCE": "restrict"}
INTENT_HEADS = {"agree", "pledge", "promise", "vow", "swear", "offer", "undertake", "commit",
                "willing", "ready", "prepared", "eager", "decide", "plan", "intend"}
# Words of readiness or vows that make a hostile act a threat rather than a plan.
READINESS_HEADS = frozenset({"vow", "swear", "ready", "prepared", "willing"})
SPEECH_LEMMAS = {"say", "tell", "state", "announce", "add", "declare", "insist", "claim",
                 "report", "confirm", "write", "note"}
NEEDS_TARGET = {"CONSULT"}
# Acts two coordinated subjects do with each other: "X and Y signed a treaty" is X with Y.
JOINT_TYPES = SYMMETRIC_TYPES | {"SUPPORT"}
# Types that only officials (or groups acting politically) perform.
OFFICIAL_TYPES = {"CONSULT"}
PRIVATE_SECTORS = {"CVL", "BUS"}
# Cooperative acts whose promise is coded AGREE (SPEC §4: intent to cooperate is AGREE;
# PLOVER manual 3.1: future SUPPORT, COOPERATE and AID are AGREE, future RETREAT and
# CONCEDE stay what they are).
PROMISABLE_TYPES = {"SUPPORT", "COOPERATE", "AID"}
NAME_ENTITY_TYPES = {"GPE", "NORP", "LOC"}
PLACE_ENTITY_TYPES = {"GPE", "LOC", "FAC"}
EMBEDDING_DEPS = {"xcomp", "ccomp", "dobj", "pcomp", "pobj", "prep", "acl", "acomp"}
# Types whose unstated target is the source's own country (domestic events).
DOMESTIC_TYPES = {"PROTEST", "COERCE", "CONCEDE"}
SUBORDINATE_DEPS = {"relcl", "acl", "amod", "csubj", "pcomp", "appos", "npadvmod"}
PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their"}


@dataclass(slots=True)
class Frame:
    """A trigger after folding, with the slots the event will be built from."""

    trigger: Trigger
    type: str
    mode: str | None
    extra_targets: list[Token]
    planned: bool = False
    announced: bool = False  # a future act coded as the announcement it is (asserted)
    failed: bool = False  # "failed to reach agreement": coded as the REJECT it is (asserted)
    threatened: str | None = None  # the type of the act a THREATEN threatens


class EventCoder:
    """Turns parsed articles into events; load once, call per article."""

    def __init__(
        self,
        *,
        resolver: ActorResolver | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        self.resolver = resolver or ActorResolver()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or default_gazetteer()
        self._name_cache: dict[tuple[str, bool], ActorRef | None] = {}
        # event id -> confidence features, when a calibration run asks for them
        self.feature_log: dict[str, dict[str, float]] | None = None
        self._state_words = _state_words(self.resolver.kb)

    def code(self, article: Article, doc: Doc) -> list[Event]:
        """All events of one article, whose cleaned text ``doc`` is the parse of."""
        anchor = _anchor(article)
        home = self._home_country(article, anchor)
        mentions = self.resolver.find_mentions(doc, when=anchor, home_country=home)
        context = _ArticleContext(article, doc, anchor, mentions, quotes.find_attributions(doc),
                                  self._name_actor, self.resolver.kb)
        events: list[Event] = []
        for sent in doc.sents:
            for frame in self._frames(sent, context.names_actor):
                events.extend(self._events(frame, sent, context))
        return _unique(events)

    def _name_actor(self, text: str, is_place: bool = False) -> ActorRef | None:
        """A state or people named by a place or demonym that the resolver, reading the
        article, took as a place or modifier ("curfew IN MONTENEGRO", "an INDIAN proposal"):
        as an event argument it stands for that state."""
        key = (text, is_place)
        if key not in self._name_cache:
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
            self._name_cache[key] = actor if keep else None
        return self._name_cache[key]

    def _place_country(self, text: str) -> str | None:
        """The country of a city or region the gazetteer knows ("shelled JERICHO")."""
        place = self.gazetteer.resolve(text)
        if place.precision in {"city", "admin1"} and place.country in self.resolver.kb.countries:
            return place.country
        return None

    def _home_country(self, article: Article, when: dt.date | None) -> str | None:
        if not article.dateline:
            return None
        # Datelines are often capitals in capitals ("BEIJING"): try the usual spelling too.
        for text in dict.fromkeys((article.dateline, article.dateline.title())):
            actor = self.resolver.resolve_text(text, when=when)
            if actor is not None and actor.country:
                return actor.country
        return None

    def _frames(self, sent: Span, is_actor) -> list[Frame]:
        triggers = find_triggers(sent, self.lexicon, is_actor)
        by_token = {t.verb.i: t for t in triggers if t.verb is not None}
        by_token.update({t.token.i: t for t in triggers})
        frames: dict[int, Frame] = {
            t.token.i: Frame(t, t.rule.type, t.rule.mode, []) for t in triggers
        }
        for t in triggers:
            head = _governing_trigger(t, by_token)
            if head is None or head.token.i not in frames or t.token.i not in frames:
                continue
            outer = frames[head.token.i]
            if _fold(outer, frames[t.token.i]):
                del frames[t.token.i]
            elif _intent_of(head) and t.rule.type == "CONSULT" and _embedded_clause(t):
                frames[t.token.i].planned = True
                del frames[head.token.i]
        frames = {i: f for i, f in frames.items() if not _subordinate(f.trigger)}
        for frame in frames.values():
            if frame.type in {"AGREE", "CONSULT"} and _failed(frame.trigger):
                # PLOVER: failing to reach agreement (or to meet) is a REJECT.
                frame.type, frame.mode, frame.failed = "REJECT", None, True
            elif frame.type in PROMISABLE_TYPES and _promised(frame.trigger):
                frame.type, frame.mode = "AGREE", None
            elif frame.type in THREATEN_MODES and _offered(frame.trigger, READINESS_HEADS):
                # "is prepared to impose martial law", "swore to fight": a threat.
                _make_threat(frame, frame.type)
                frame.announced = True
            elif frame.type in {"RETREAT", "CONCEDE"} and _offered(frame.trigger):
                # PLOVER manual 3.1: willingness or commitment ("is willing to withdraw") is AGREE.
                frame.type, frame.mode = "AGREE", None
            elif frame.type == "RETREAT" and _promised(frame.trigger):
                # PLOVER manual 3.4: an announced future retreat is a (verbal) CONCEDE.
                frame.type, frame.mode, frame.announced = "CONCEDE", None, True
            if frame.mode is None:
                frame.mode = _mode_from_cues(frame, self.lexicon)
        return list(frames.values())

    def _events(self, frame: Frame, sent: Span, ctx: _ArticleContext) -> list[Event]:
        trigger = frame.trigger
        sources, targets = _arguments(trigger, frame)
        source_actors = _actors(sources, ctx)
        joint = frame.type in JOINT_TYPES or frame.failed
        if frame.type == "MOBILIZE" and frame.mode == "troops" and len(source_actors) > 1 \
                and trigger.token is not trigger.verb:
            # "Indian and French warships began a naval exercise": drills held together
            frame.type, frame.mode, joint = "COOPERATE", None, True
        if not source_actors and sources and frame.type == "PROTEST":
            # PLOVER codes protesters by where they protest ("prisoners rioted IN DILI").
            source_actors = _protest_scene(trigger, ctx)
        target_actors = _actors(targets, ctx)
        if not target_actors and frame.type == "THREATEN":
            target_actors = _first_actor(_condition_subjects(trigger), ctx, exclude=source_actors)
        if not target_actors and not (joint and len(source_actors) > 1):
            # (two subjects of a joint act are each other's targets, split below)
            target_actors = _first_actor(fallback_target_tokens(trigger), ctx, exclude=source_actors)
        # "curfew in Cizre" by Turkish authorities: a place of the source's own state is the
        # scene of a domestic event, not its target.
        target_actors = [t for t in target_actors if not any(
            _same(t, a) or (t.kind == "place" and t.country == a.country) for a in source_actors)]
        domestic = frame.type if frame.type in DOMESTIC_TYPES else frame.threatened
        if not target_actors and domestic in DOMESTIC_TYPES and len(source_actors) == 1:
            # "threatened to impose a curfew" threatens the people a curfew would bind
            target_actors = _domestic_target(source_actors[0], self.resolver.kb, domestic)
        if not source_actors and not target_actors:
            return []
        if joint and not target_actors and len(source_actors) > 1:
            source_actors, target_actors = source_actors[:1], source_actors[1:]
        if not source_actors and not trigger.passive:
            return []
        if frame.type in NEEDS_TARGET and not target_actors:
            return []
        if frame.type in OFFICIAL_TYPES:
            # Citizens travelling or firms meeting are not diplomacy, nor troops arriving.
            excluded = PRIVATE_SECTORS | ({"MIL"} if frame.mode == "visit" else set())
            source_actors = [a for a in source_actors if a.sector not in excluded]
            if not source_actors:
                return []
        state = self._status(frame, ctx)
        shared = self._shared_fields(frame, sent, ctx, state)
        pairs = [(s, t) for s in (source_actors or [None]) for t in (target_actors or [None])]
        return [self._event(frame, s, t, shared, ctx) for s, t in pairs if not _same(s, t)]

    def _status(self, frame: Frame, ctx: _ArticleContext) -> tuple[str, quotes.Attribution | None]:
        trigger = frame.trigger
        clause = status.clause_status(trigger.token, trigger.verb)
        if frame.planned and clause == "asserted":
            clause = "planned"
        if (frame.type == "AGREE" or frame.announced) and clause == "planned":
            clause = "asserted"  # a promise or an announcement is itself the act (SPEC §4)
        if frame.failed and clause == "negated":
            clause = "asserted"  # the failure is the act
        att = quotes.attribution_for(ctx.doc, ctx.attributions, trigger.verb or trigger.token)
        if att is not None and _is_own_cue(att, trigger):
            att = None
        return status.combine(clause, att.kind if att else None), att

    def _shared_fields(self, frame, sent, ctx, state) -> dict:
        trigger = frame.trigger
        claim, att = state
        speaker = _speaker(att, ctx) if att and att.has_source else None
        quote = quotes.to_quote(ctx.doc, att, speaker) if att is not None and att.direct else None
        date = timexpr.event_date(sent, trigger.verb or trigger.token, ctx.anchor,
                                  published_precision=ctx.article.published.precision)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        return {
            "status": claim, "claimed_by": speaker, "quote": quote, "date": date,
            "evidence": Evidence(text=text, start=start, end=start + len(text)),
            "sent": sent,
        }

    def _event(self, frame: Frame, source, target, shared: dict, ctx) -> Event:
        trigger = frame.trigger
        location = event_location(
            shared["sent"], trigger.verb or trigger.token, event_type=frame.type, mode=frame.mode,
            actor_countries=[(a.country or "") if a else "" for a in (source, target)],
            dateline=ctx.article.dateline,
            dateline_applies=shared["date"].value == ctx.article.published.value,
            gazetteer=self.gazetteer,
        )
        evidence = shared["evidence"]
        values = _feature_values(frame, source, target, shared)
        event = Event(
            id=_event_id(ctx.article, evidence.start, trigger.token.idx, frame.type, source, target),
            doc_id=ctx.article.doc_id, article_index=ctx.article.article_index,
            type=frame.type, mode=frame.mode, source=source, target=target,
            date=shared["date"], location=location, status=shared["status"],
            claimed_by=shared["claimed_by"], evidence=evidence, quote=shared["quote"],
            confidence=confidence.score(values), trigger=trigger.token.text,
            extractor=EXTRACTOR,
        )
        if self.feature_log is not None:
            self.feature_log[event.id] = values
        return event


class _ArticleContext:
    """Per-article lookups: token → mention, speaker spans → actors."""

    def __init__(self, article, doc, anchor, mentions: list[Mention], attributions,
                 name_actor, kb) -> None:
        self.article, self.doc, self.anchor = article, doc, anchor
        self.name_actor = name_actor
        self.sectors: dict[str, str] = kb.sectors
        self.bodies = frozenset(kb.groups.get("bodies", ()))
        self.attributions = attributions
        self.mentions = mentions
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.token_start, m.token_end):
                self.by_token[i] = m
        # token -> named entity; doc.ents builds its spans anew on every access
        self.entity_at: dict[int, Span] = {i: e for e in doc.ents for i in range(e.start, e.end)}

    def mention_for(self, token: Token) -> Mention | None:
        """The mention covering ``token`` or, failing that, the nearest one in its phrase
        ("officials FROM RUSSIA"), never crossing into another clause. A group noun placed
        by a state ("opposition parties IN NEPAL") is that state's group, with the sector
        its noun names."""
        ethnic = any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in token.children)
        people = token.pos_ in {"NOUN", "PROPN"} and token.tag_ in {"NNS", "NNPS"}
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

    def _as_group(self, found: Mention, token: Token) -> Mention:
        """A state named by a modifier of a common noun is that state's group, with the sector
        the noun names ("Russian TROOPS"); a noun no sector names is a civilian group
        ("Algerian LANDOWNERS"), not the government."""
        actor = found.actor
        if actor.kind not in {"state", "place"} or token.pos_ not in {"NOUN", "PROPN"} \
                or token.i in self.by_token:
            return found
        sector = self.sectors.get(token.lower_) or self.sectors.get(
            " ".join(c.lower_ for c in token.lefts if c.dep_ == "compound") + " " + token.lower_
        ) or ("CVL" if token.pos_ == "NOUN" else None)
        if sector is None or sector == actor.sector:
            return found
        return Mention(start=found.start, end=found.end, token_start=found.token_start,
                       token_end=found.token_end,
                       actor=ActorRef(name=actor.name, country=actor.country, sector=sector,
                                      kind="group", text=actor.text))

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
                if found is not None and found.actor.kind in {"state", "place"}:
                    actor = found.actor
                    return Mention(start=found.start, end=found.end,
                                   token_start=found.token_start, token_end=found.token_end,
                                   actor=ActorRef(name=actor.name, country=actor.country,
                                                  sector="CVL", kind="group", text=actor.text))
        return None

    def _nearest_mention(self, token: Token) -> Mention | None:
        frontier = [token]
        while frontier:
            tok = frontier.pop(0)
            if tok is not token and (tok.dep_ in CLAUSE_DEPS or tok.dep_ in {"appos", "cc", "punct"}):
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
        span = self.entity_at.get(tok.i)
        # Only a span the model calls a place may be looked up as a city or region.
        is_place = span is not None and span.label_ in PLACE_ENTITY_TYPES
        if span is None or span.label_ not in NAME_ENTITY_TYPES:
            if tok.pos_ not in {"PROPN", "ADJ"}:
                return None
            first = min([c.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
            span = tok.doc[first:tok.i + 1]
        # One word of a longer name may stand for a state ("SIERRA Leonean" is not needed,
        # but "Sierra LEONEAN" is), never for a place: "Kong" in "Hong Kong" is a town in
        # Ivory Coast.
        actor = (self.name_actor(span.text, is_place)
                 or (self.name_actor(tok.text, False) if len(span) > 1 else None))
        if actor is None:
            return None
        return Mention(start=span.start_char, end=span.end_char, token_start=span.start,
                       token_end=span.end, actor=ActorRef(
                           name=actor.name, country=actor.country, sector=actor.sector,
                           kind=actor.kind, text=span.text))

    def actor_in_span(self, start: int, end: int) -> ActorRef | None:
        for m in self.mentions:
            if m.start < end and start < m.end:
                return m.actor
        return None


def _state_words(kb) -> dict[str, str]:
    """Lower-cased names, aliases, adjectives and people-nouns of every state → ISO3."""
    words: dict[str, str] = {}
    for code, country in kb.countries.items():
        for word in (country.name, *country.aliases, *country.adjectives, *country.people):
            words.setdefault(word.lower(), code)
    return words


def _anchor(article: Article) -> dt.date | None:
    value = article.published.value
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _governing_trigger(t: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The trigger whose clause embeds ``t`` ("threatened TO IMPOSE", "offer TO HOST",
    "began a hunger strike TO PROTEST"). ``by_token`` maps trigger words and the light
    verbs of noun triggers to their triggers."""
    node = t.token
    for _ in range(3):
        purpose = node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to"
                                               for c in node.children)
        if node.dep_ not in EMBEDDING_DEPS and not purpose:
            return None
        node = node.head
        outer = by_token.get(node.i)
        if outer is not None and outer.token.i != t.token.i:
            return outer
    return None


def _phrase_lemmas(trigger: Trigger) -> list[str]:
    """Lemmas of the trigger's own phrase: its words and their non-clausal dependents."""
    roots = [t for t in (trigger.token, trigger.verb) if t is not None]
    seen, lemmas, stack = set(), [], list(dict.fromkeys(roots))
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        lemmas.append((tok.i, tok.lemma_.lower()))
        stack += [c for c in tok.children if c.dep_ not in CLAUSE_DEPS | {"nsubj", "nsubjpass"}]
    return [lemma for _, lemma in sorted(lemmas)]


def _mode_from_cues(frame: Frame, lexicon: Lexicon) -> str | None:
    table = (lexicon.mode_cues or {}).get(frame.type, ())
    if not table:
        return None
    lemmas = _phrase_lemmas(frame.trigger)
    grams = {tuple(lemmas[i:i + n]) for n in (1, 2, 3) for i in range(len(lemmas) - n + 1)}
    for mode, cues in table:
        if any(cue in grams for cue in cues):
            return mode
    return None


def _subordinate(trigger: Trigger) -> bool:
    """True for triggers inside background clauses — relative clauses, participial
    modifiers ("..., KILLING one person"), adverbial clauses: the sentence is not
    about them, and coding them is the main source of noise in event data."""
    node = trigger.verb or trigger.token
    claims = quotes.load_lexicon().claim_nouns
    for _ in range(8):
        if node.dep_ == "acl" and node.head.lemma_.lower() in claims:
            node = node.head  # "a claim THAT HE HAD SPOKEN with Putin": the claim's content
            continue
        if node.dep_ in SUBORDINATE_DEPS:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
            return True
        if node.dep_ == "ROOT" or node.head is node:
            return False
        node = node.head
    return False


def _promised(trigger: Trigger) -> bool:
    """A cooperative act in the future or offered ("will support", "is willing to send",
    "offered to hand over"): PLOVER codes the promise itself, as AGREE."""
    verb = trigger.verb or trigger.token
    if status.is_future(trigger.token, trigger.verb):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_HEADS


def _embedded_clause(trigger: Trigger) -> bool:
    """An infinitive or participle clause under another act: "agreed TO MEET", "strike TO
    PROTEST", "opened fire, KILLING one", or the event noun of such a clause ("agreed to
    HOLD TALKS")."""
    verb = trigger.verb if trigger.verb is not None else trigger.token
    if verb.dep_ == "xcomp":
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ == "mark" for c in verb.children):
        return True  # "rioted, SETTING FIRE to mattresses": the same act, described further
    return verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _failed(trigger: Trigger) -> bool:
    """Governed by "fail" ("FAILED to reach agreement")."""
    verb = trigger.verb or trigger.token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "fail"


def _offered(trigger: Trigger, heads: frozenset[str] | set[str] = INTENT_HEADS) -> bool:
    """Governed by a word of willingness or commitment ("is WILLING to withdraw")."""
    verb = trigger.verb or trigger.token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in heads


def _intent_of(trigger: Trigger) -> bool:
    return trigger.rule.intent or trigger.token.lemma_.lower() in INTENT_HEADS


def _make_threat(frame: Frame, threatened: str) -> None:
    """Recode ``frame`` as the THREATEN of an act of type ``threatened``."""
    frame.type, frame.mode, frame.threatened = "THREATEN", THREATEN_MODES[threatened], threatened


def _fold(outer: Frame, inner: Frame) -> bool:
    """Fold ``inner`` into ``outer`` when the outer frame absorbs it; returns True if folded."""
    kind = outer.type
    if kind in ABSORBING_TYPES:
        if kind == "THREATEN":
            outer.threatened = inner.type
        modes = {"REQUEST": REQUEST_MODES, "REJECT": REJECT_MODES, "THREATEN": THREATEN_MODES}
        if outer.mode is None:
            outer.mode = modes.get(kind, {}).get(inner.type)
            if kind == "THREATEN" and inner.type == "SANCTION" and inner.mode == "discontinue":
                outer.mode = "relations"
        outer.extra_targets.extend(target_tokens(inner.trigger))
        return True
    if not _embedded_clause(inner.trigger):
        return False
    if kind == "AGREE" and _intent_of(outer.trigger) and inner.type in THREATEN_MODES:
        # A vow or readiness to attack, coerce or sanction is a threat ("vowed to fight",
        # "is prepared to impose martial law"), not a promise to cooperate.
        _make_threat(outer, inner.type)
        outer.extra_targets.extend(target_tokens(inner.trigger))
        return True
    if kind == "AGREE" and _intent_of(outer.trigger) and inner.type != "CONSULT":
        outer.extra_targets.extend(target_tokens(inner.trigger))
        return True
    if inner.type != "CONSULT" or not _intent_of(outer.trigger):
        # One clause, one event: an act done to achieve another ("strike TO PROTEST",
        # "willing to send material TO HELP DEFEND") is coded as the outer act.
        outer.extra_targets.extend(target_tokens(inner.trigger))
        return True
    return False


def _arguments(trigger: Trigger, frame: Frame) -> tuple[list[Token], list[Token]]:
    verb = trigger.verb
    if verb is None:
        sources: list[Token] = []
    elif trigger.passive and verb is trigger.token:
        agents, patients = passive_parts(verb)
        return agents, patients or target_tokens(trigger) or frame.extra_targets
    else:
        sources = subject_tokens(verb)
    targets = target_tokens(trigger) or frame.extra_targets
    if trigger.token is not verb:
        between = [t for t in trigger.token.children if t.lemma_ == "between"]
        pair = [p for b in between for p in b.children if p.dep_ == "pobj"]
        if pair:
            sides = [pair[0], *pair[0].conjuncts]
            if not sources:
                return sides[:1], sides[1:]
            targets = targets or sides
    return sources, targets


def _actors(tokens: Iterable[Token], ctx: _ArticleContext) -> list[ActorRef]:
    found: list[ActorRef] = []
    for tok in tokens:
        mentions = ctx.mentions_for(tok)
        if not mentions and tok.lower_ in PRONOUNS:
            mentions = [m for m in (_speaker_of_clause(tok, ctx),) if m is not None]
        found += [m.actor for m in mentions if m.actor not in found]
    return found


def _speaker(att: quotes.Attribution, ctx: _ArticleContext) -> ActorRef | None:
    """Who an attribution is from; a pronoun ("IT could neither confirm nor deny") is the
    subject of the reporting verb above it ("the Kremlin said it ...")."""
    actor = ctx.actor_in_span(att.source_start, att.source_end)
    if actor is not None:
        return actor
    span = ctx.doc.char_span(att.source_start, att.source_end, alignment_mode="expand")
    if span is not None and len(span) == 1 and span[0].lower_ in PRONOUNS:
        mention = _speaker_of_clause(span[0], ctx)
        return mention.actor if mention else None
    return None


def _protest_scene(trigger: Trigger, ctx: _ArticleContext) -> list[ActorRef]:
    """The civilians of the state where a protest takes place: the place named by an
    "in", "at", "outside", "across" or "through" phrase of its verb."""
    verb = trigger.verb or trigger.token
    for place in prep_objects(verb, ("in", "at", "outside", "across", "through", "throughout")):
        found = ctx.mention_for(place)
        if found is not None and found.actor.kind in {"state", "place", "group"} \
                and found.actor.country:
            actor = found.actor
            return [ActorRef(name=actor.name, country=actor.country, sector="CVL", kind="group",
                             text=None)]
    return []


def _condition_subjects(trigger: Trigger) -> list[Token]:
    """Whom a threat is aimed at when no object says so: the subject of its condition
    ("threatened to strike UNLESS ISRAEL rescinded ...", "... IF THE UNITED STATES goes ahead")."""
    verb = trigger.verb or trigger.token
    # "warned THAT bases WOULD BE TARGETED if ...": the condition may hang from the
    # threat's content clause.
    heads = [verb] + [c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}]
    return [subj for head in heads for clause in head.children
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"}
                                              for m in clause.children)
            for subj in subject_tokens(clause)]


def _first_actor(tokens: Iterable[Token], ctx: _ArticleContext,
                 exclude: list[ActorRef]) -> list[ActorRef]:
    for actor in _actors(tokens, ctx):
        if not any(_same(actor, other) for other in exclude):
            return [actor]
    return []


def _domestic_target(source: ActorRef, kb, kind: str) -> list[ActorRef]:
    """A protest, a coercive act or a concession with no stated target is aimed at the
    source's own country (PLOVER/ICEWS convention for domestic events); ``text`` None marks
    it inferred."""
    if not source.country or source.kind == "organisation":
        return []
    country = kb.countries.get(source.country)
    name = country.name if country else source.country
    # Protests are aimed at the state's government, coercion at its people; a concession
    # goes from the government to the people ("lifted the state of emergency") or from
    # the people to the government ("the union called off its strike").
    official = (source.sector or "GOV") in {"GOV", "MIL", "COP", "JUD", "LEG"}
    sector = "GOV" if kind == "PROTEST" or (kind == "CONCEDE" and not official) else "CVL"
    return [ActorRef(name=name, country=source.country, sector=sector, kind="state")]


def _speaker_of_clause(pronoun: Token, ctx: _ArticleContext) -> Mention | None:
    """ "Hungary said IT would support ..." → Hungary: the subject of the reporting verb."""
    node = pronoun.head
    for _ in range(4):
        if node.lemma_.lower() in SPEECH_LEMMAS and node.pos_ in {"VERB", "AUX"}:
            subjects = subject_tokens(node)
            return ctx.mention_for(subjects[0]) if subjects else None
        if node.head is node:
            return None
        node = node.head
    return None


def _is_own_cue(att: quotes.Attribution, trigger: Trigger) -> bool:
    """A speech act ("Russia WARNED ...") is not reported by itself."""
    tok = trigger.verb or trigger.token
    return att.cue_start <= tok.idx < att.cue_end


def _same(a: ActorRef | None, b: ActorRef | None) -> bool:
    """The same actor on both sides (protesters and the government of one state are not)."""
    return (a is not None and b is not None and a.name == b.name and a.country == b.country
            and (a.sector or "GOV") == (b.sector or "GOV"))


def _feature_values(frame: Frame, source, target, shared) -> dict[str, float]:
    trigger = frame.trigger
    return confidence.features(
        kind=frame.type, source=source, target=target, specificity=trigger.rule.specificity,
        noun_trigger=trigger.token is not trigger.verb, sentence_tokens=len(shared["sent"]),
        status=shared["status"], folded=bool(frame.extra_targets))


def _event_id(article: Article, start: int, trigger_at: int, kind: str, source, target) -> str:
    key = "|".join(str(x) for x in (
        article.doc_id, article.article_index, start, trigger_at, kind,
        source.name if source else "", target.name if target else "",
    ))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _unique(events: list[Event]) -> list[Event]:
    seen: dict[str, Event] = {}
    for ev in events:
        seen.setdefault(ev.id, ev)
    return list(seen.values())


__all__ = ["EventCoder", "EXTRACTOR"]
