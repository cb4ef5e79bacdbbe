"""``ActorResolver.resolve_text`` keeps the actor of each short text it parsed (datelines and
place names come back in article after article): a text asked again at the same date and
home state is not parsed again, and gives the same actor as its first reading."""

from __future__ import annotations

import datetime as dt

from diplograph.coding.actors import ActorResolver


class _CountingNlp:
    """The resolver's pipeline, counting the texts it parses."""

    def __init__(self, nlp) -> None:  # type: ignore[no-untyped-def]
        self.nlp, self.parsed = nlp, []

    def __call__(self, text: str):  # type: ignore[no-untyped-def]
        self.parsed.append(text)
        return self.nlp(text)

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.nlp, name)


def test_a_text_is_parsed_once_per_date_and_home_state(actor_resolver: ActorResolver) -> None:
    resolver = ActorResolver(actor_resolver.kb, actor_resolver.nlp)
    counting = resolver.nlp = _CountingNlp(actor_resolver.nlp)
    first = resolver.resolve_text("Kabul", when=None)
    assert first is not None and first.country == "AFG"
    assert resolver.resolve_text("Kabul", when=None) is first
    assert counting.parsed == ["Kabul"]
    # Another date is another reading: the holder of an office changes with it.
    day = dt.date(2021, 6, 1)
    assert resolver.resolve_text("the Afghan president", when=day) \
        == actor_resolver.resolve_text("the Afghan president", when=day)
    resolver.resolve_text("the Afghan president", when=dt.date(2023, 6, 1))
    assert counting.parsed == ["Kabul", "the Afghan president", "the Afghan president"]
