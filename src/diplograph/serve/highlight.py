"""Cutting an article's cleaned text into plain and highlighted segments."""

from __future__ import annotations


def segments(text: str, events: list[dict], *, focus: str | None = None) -> list[dict]:
    """The article text as ``[{"text", "events": [ids], "focus": bool}]``, in order.

    A segment is highlighted (non-empty ``events``) where one or more events'
    evidence spans cover it; ``focus`` marks the spans of the event ``focus``.
    Spans outside the text or without offsets are ignored.
    """
    n = len(text)
    cuts = {0, n}
    spans = []
    for ev in events:
        ev_span = ev.get("evidence") or {}
        start, end = ev_span.get("start"), ev_span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= n:
            spans.append((start, end, ev["id"]))
            cuts |= {start, end}
    bounds = sorted(cuts)
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        ids = [i for s, e, i in spans if s <= lo and hi <= e]
        out.append({"text": text[lo:hi], "start": lo, "events": ids, "focus": focus in ids})
    return out
