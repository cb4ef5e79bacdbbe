"""diplograph: evidence-linked political event data from raw news pages."""

from diplograph.records import (
    ActorRef,
    Article,
    Document,
    DocumentError,
    Event,
    EventDate,
    Evidence,
    Location,
    PublishedDate,
    Quote,
)

__version__ = "0.1.0"

__all__ = [
    "ActorRef", "Article", "Document", "DocumentError", "Event", "EventDate", "Evidence",
    "Location", "PublishedDate", "Quote", "__version__",
]
