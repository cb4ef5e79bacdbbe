"""Noise check: events per BBC section on a fixed sample (sport, entertainment and tech
should give almost none).

    .venv/bin/python benchmarks/bbc_noise.py [--per-section 80] [--offset 0] [--show]

Takes the first N articles (after skipping ``--offset`` of them) of each section of
``../shared/corpus/bbc-news-2225`` (``articles.jsonl``, field ``category``), codes them with
the default settings and
prints the number of events per section. Run the same script with ``PYTHONPATH``
pointing at another checkout's ``src`` to compare two versions of the coder on the
same texts in one sitting (docs/benchmarks.md, "Event coding").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from diplograph.records import DocumentError
from diplograph.run.pipeline import process_paths

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "bbc-news-2225" / "articles.jsonl"


def sample(corpus: Path, per_section: int, offset: int = 0) -> list[dict]:
    by_section: dict[str, list[dict]] = defaultdict(list)
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if len(by_section[row["category"]]) < offset + per_section:
                by_section[row["category"]].append(row)
    # The BBC texts are from 2004-2005; a fixed publication date keeps runs comparable.
    # An offset draws a second sample (the next N per section), so that rules fitted on
    # the first draw can be checked on articles they were not written from.
    return [{"id": f"{section}-{row['id']}", "text": row["text"], "published": "2005-01-01"}
            for section, rows in sorted(by_section.items()) for row in rows[offset:]]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--per-section", type=int, default=80)
    parser.add_argument("--offset", type=int, default=0,
                        help="skip this many articles per section (a second draw)")
    parser.add_argument("--show", action="store_true", help="print every event")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bbc_sample.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in sample(args.corpus,
                                                                   args.per_section,
                                                                   args.offset)),
                        encoding="utf-8")
        counts: Counter[str] = Counter()
        failed: list[DocumentError] = []
        for result in process_paths([str(path)]):
            if isinstance(result, DocumentError):
                # Under load a document can pass its time limit: its events are then
                # missing from the counts, so say so instead of printing a smaller count.
                failed.append(result)
                continue
            for event in result.events:
                section = event.doc_id.split("-", 1)[0]
                counts[section] += 1
                if args.show:
                    print(section, event.type, event.source and event.source.name, "->",  # noqa: T201
                          event.target and event.target.name, event.confidence, "|",
                          event.evidence.text[:160], "|", ",".join(event.rules))
    for error in failed:
        print(f"not counted: {error.line()}", file=sys.stderr)  # noqa: T201
    print("events per section:", dict(sorted(counts.items())),  # noqa: T201
          "total", sum(counts.values()), "| documents not counted:", len(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
