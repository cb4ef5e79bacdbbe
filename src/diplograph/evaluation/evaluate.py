"""``diplograph eval``: score stored or predicted events against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph.evaluation.gold import read_gold, read_predictions
from diplograph.evaluation.scoring import Score, norm_type, score
from diplograph.store.store import Store


def evaluate_events(gold: Path | str, *, db: Path | str | None = None,
                    pred: Path | str | None = None) -> Score:
    """Score the events in ``db`` or in the JSONL file ``pred`` against ``gold``.

    Raises:
        GoldFileError: a problem in ``gold`` or ``pred`` (each named ``file:line``).
        StoreError: ``db`` cannot be read.
    """
    gold_records = read_gold(gold)  # first: a bad gold file needs no database to be found
    if pred is not None:
        system = read_predictions(pred)
    else:
        with Store(db, read_only=True) as store:
            system = store.events()
    return score(gold_records, system)


def _actor(a: dict | None) -> str:
    if not a:
        return "-"
    return f"{a.get('name') or a.get('text') or '?'}[{a.get('country') or ''}]"


def render(result: Score, *, show: bool = False, as_json: bool = False,
           per_type: bool = False) -> str:
    """The referee's output format (``--show`` lines, then the figures line)."""
    lines = []
    if show:
        for tag, doc, ev in result.details:
            evidence = ((ev.get("evidence") or {}).get("text") or "")[:110]
            lines.append(f"{tag:3} {doc} {norm_type(ev['type'])} {_actor(ev.get('source'))} -> "
                         f"{_actor(ev.get('target'))} ({ev.get('status')}) :: {evidence}")
        for doc, g in result.misses:
            lines.append(f"MISS {doc} {g['type']} {g.get('source')} -> {g.get('target')} "
                         f"({g.get('polarity', 'happened')}) :: {g.get('note', '')}")
    summary = result.summary()
    if as_json:
        lines.append(json.dumps(summary))
    else:
        lines.append(" ".join(f"{k}={v}" for k, v in summary.items()))
    if per_type:
        for kind, figures in result.per_type().items():
            lines.append(f"{kind:10} " + " ".join(f"{k}={v}" for k, v in figures.items()))
    return "\n".join(lines) + "\n"
