"""The event coder: parsed article → Events (SPEC §4).

For each sentence, in this order:

1. frames (``frames``): the triggers, folded into the frames whose clauses embed
   them ("threatened TO CUT ties" is one THREATEN);
2. recode (``recode``): PLOVER recodings ("failed to agree" is REJECT) and modes;
3. arguments (``arguments``): the source and target actors, with their repairs;
4. status (``status``, ``factuality``): the cues of the clause, frame and the chain of
   reports that carry it, adding up to a factuality score and the claim status;
5. the event: date, place, quote and confidence.

Steps 1–4 are named rules (``rules``), and each event lists the names of those
that produced it. With the learned detector on (``hybrid``), each sentence's type
probabilities are a confidence feature, and a type the detector proposes where the
rules made no event is one more frame, read by steps 2–5 like the others. Which actor
a word stands for is the article context's business (``actors.in_article``); the words
and maps the rules read are data (``data/lexicon/*.yaml``). This module is only the wiring.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from diplograph.coding import confidence, factuality, hybrid, quotes
from diplograph.coding import dates as timexpr
from diplograph.coding.actors import ActorResolver
from diplograph.coding.actors.in_article import ArticleActors, ArticleContext, same_actor
from diplograph.coding.arguments import frame_arguments
from diplograph.coding.attribution import event_chain
from diplograph.coding.frames import Frame, sentence_frames
from diplograph.coding.places import Gazetteer, default_gazetteer, event_location
from diplograph.coding.recode import recode
from diplograph.coding.status import StatusFacts
from diplograph.knowledge.lexicon import Lexicon, load_lexicon
from diplograph.records import EXTRACTOR, ActorRef, Article, Event, EventDate, Evidence, Quote
from diplograph.settings import Settings

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class _Shared:
    """What the events of one frame share, whatever their actors."""

    sent: Span
    status: str
    factuality: float
    claimed_by: ActorRef | None
    claim_chain: tuple[ActorRef, ...]
    quote: Quote | None
    date: EventDate
    evidence: Evidence
    rules: tuple[str, ...]
    detector: dict[str, float] | None  # the sentence's type probabilities (None: detector off)


class EventCoder:
    """Turns parsed articles into events; load once, call per article."""

    def __init__(
        self,
        *,
        resolver: ActorResolver | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        detector: bool | None = None,
    ) -> None:
        """``detector``: run the learned detector (None reads the setting ``event_detector``)."""
        if detector is None:
            detector = Settings.from_env().event_detector
        self.hybrid = hybrid.Hybrid() if detector else None
        self.resolver = resolver or ActorResolver()
        self.lexicon = lexicon or load_lexicon()
        self.gazetteer = gazetteer or default_gazetteer()
        self.actors = ArticleActors(self.resolver, self.gazetteer)
        # event id -> confidence features, when a calibration run asks for them
        self.feature_log: dict[str, dict[str, float]] | None = None

    def code(self, article: Article, doc: Doc) -> list[Event]:
        """All events of one article, whose cleaned text ``doc`` is the parse of."""
        ctx = self.actors.read(article, doc, _anchor(article))
        sents = list(doc.sents)
        probs = self.hybrid.probabilities(sents) if self.hybrid else [None] * len(sents)
        events: list[Event] = []
        for sent, detected in zip(sents, probs, strict=True):
            events.extend(self._sentence_events(sent, ctx, detected))
        return _unique(events)

    def _sentence_events(self, sent: Span, ctx: ArticleContext,
                         detected: dict[str, float] | None) -> list[Event]:
        """The rules' events of a sentence, then those of the detector's proposals."""
        events: list[Event] = []
        for frame in sentence_frames(sent, self.lexicon, ctx.names_actor):
            recode(frame, self.lexicon)
            events.extend(self._events(frame, sent, ctx, detected))
        if self.hybrid is None or detected is None:
            return events
        for frame in self.hybrid.frames(sent, detected, {e.type for e in events}):
            recode(frame, self.lexicon)
            events.extend(e for e in self._events(frame, sent, ctx, detected) if hybrid.keeps(e))
        return events

    def _events(self, frame: Frame, sent: Span, ctx: ArticleContext,
                detected: dict[str, float] | None = None) -> list[Event]:
        """The events of one frame: one per (source, target) pair of its arguments."""
        args = frame_arguments(frame, ctx)
        if args is None:
            return []
        shared = self._shared_fields(frame, sent, ctx, args.rules, detected, args.sources)
        pairs = [(s, t) for s in (args.sources or [None]) for t in (args.targets or [None])]
        return [self._event(frame, s, t, shared, ctx) for s, t in pairs if not same_actor(s, t)]

    def _shared_fields(self, frame: Frame, sent: Span, ctx: ArticleContext,
                       argument_rules: list[str], detected: dict[str, float] | None,
                       doers: list[ActorRef]) -> _Shared:
        trigger = frame.trigger
        # the reports that carry it, the trigger's own among them where the event is what a
        # report verb passes on ("SAID Russia's decision was a mistake": reported)
        chain = event_chain(ctx.doc, ctx.attributions, trigger.verb or trigger.token)
        att = chain[-1] if chain else None
        speaker = ctx.speaker(att) if att and att.has_source else None
        told_by_doer = speaker is not None and any(same_actor(speaker, d) for d in doers)
        reading = factuality.read(StatusFacts(
            trigger=trigger.token, verb=trigger.verb, type=frame.type, planned=frame.planned,
            announced=frame.announced, failed=frame.failed, refused=frame.refused,
            told_by_doer=told_by_doer, **factuality.report_facts(ctx.doc, chain)))
        sources = _claim_chain(ctx, chain)
        quote = quotes.to_quote(ctx.doc, att, speaker) if att is not None and att.direct else None
        date = timexpr.event_date(sent, trigger.verb or trigger.token, ctx.anchor,
                                  published_precision=ctx.article.published.precision)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        return _Shared(
            sent=sent, status=reading.status, factuality=reading.score,
            claimed_by=sources[-1] if sources else None, claim_chain=sources, quote=quote,
            date=date, evidence=Evidence(text=text, start=start, end=start + len(text)),
            rules=(*frame.rules, *argument_rules, *reading.rules), detector=detected,
        )

    def _event(self, frame: Frame, source: ActorRef | None, target: ActorRef | None,
               shared: _Shared, ctx: ArticleContext) -> Event:
        trigger = frame.trigger
        location = event_location(
            shared.sent, trigger.verb or trigger.token, event_type=frame.type, mode=frame.mode,
            actor_countries=[(a.country or "") if a else "" for a in (source, target)],
            dateline=ctx.article.dateline,
            dateline_applies=shared.date.value == ctx.article.published.value,
            gazetteer=self.gazetteer,
        )
        evidence = shared.evidence
        values = _feature_values(frame, source, target, shared)
        event_id = _event_id(ctx.article, evidence.start, trigger.token.idx, frame.type,
                             source, target)
        event = Event(
            id=event_id,
            doc_id=ctx.article.doc_id, article_index=ctx.article.article_index,
            type=frame.type, mode=frame.mode, source=source, target=target,
            date=shared.date, location=location, status=shared.status,
            factuality=shared.factuality, claimed_by=shared.claimed_by,
            claim_chain=shared.claim_chain, evidence=evidence, quote=shared.quote,
            confidence=confidence.score(values), trigger=trigger.token.text,
            extractor=EXTRACTOR, rules=shared.rules,
        )
        if self.feature_log is not None:
            self.feature_log[event.id] = values
        return event


def _anchor(article: Article) -> dt.date | None:
    """The article's publication date, as the date relative expressions count from."""
    value = article.published.value
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def _claim_chain(ctx: ArticleContext, chain: list[quotes.Attribution]) -> tuple[ActorRef, ...]:
    """The sources of the reports that carry an event, outermost first ("A said B told C
    that ...": A, B); one a source that repeats itself, none for a report without one."""
    sources: list[ActorRef] = []
    for att in chain:
        speaker = ctx.speaker(att) if att.has_source else None
        if speaker is not None and not (sources and same_actor(sources[-1], speaker)):
            sources.append(speaker)
    return tuple(sources)


def _feature_values(frame: Frame, source: ActorRef | None, target: ActorRef | None,
                    shared: _Shared) -> dict[str, float]:
    trigger = frame.trigger
    values = confidence.features(
        kind=frame.type, source=source, target=target, specificity=trigger.rule.specificity,
        noun_trigger=trigger.token is not trigger.verb, sentence_tokens=len(shared.sent),
        status=shared.status, folded=bool(frame.extra_targets))
    if shared.detector is not None:
        values |= confidence.detector_features(shared.detector.get(frame.type, 0.0),
                                               proposed=hybrid.is_proposed(frame.rules))
    return values


def _event_id(article: Article, start: int, trigger_at: int, kind: str,
              source: ActorRef | None, target: ActorRef | None) -> str:
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


__all__ = ["EXTRACTOR", "EventCoder"]
