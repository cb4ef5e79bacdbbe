"""Actor resolution on mention tables from real articles, read in their article.

    .venv/bin/python benchmarks/actor_table.py [--table real|confusables] [--split tune|heldout|all]
                                               [--show] [--no-context]

Tables (labelled before the resolver ran on them; a third of the rows held out):
- ``real``: ``tests/data/actor_mentions_real.tsv``, mentions in BBC News 2004-05 and
  PolNeAR 2015-16 articles. Each row is resolved in its article: the article text up
  to the end of the row's sentence is parsed, so antecedents ("Mr Straw" after "Jack
  Straw") are there as a reader sees them (``--no-context``: the sentence alone).
- ``confusables``: ``tests/data/actor_confusables.tsv``, sentences we wrote about people
  who share a surname or a role across countries and eras.

A row is right when the mention is found with the expected country and sector and,
where the row names someone, the expected name (an empty name means a state or body
of a state: any name is accepted). ``not-actor`` rows are right when no mention covers
the words.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "real": ROOT / "tests" / "data" / "actor_mentions_real.tsv",
    "confusables": ROOT / "tests" / "data" / "actor_confusables.tsv",
}
CORPUS = ROOT.parent / "shared" / "corpus"


def load_rows(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@cache
def _bbc() -> dict[str, str]:
    path = CORPUS / "bbc-news-2225" / "articles.jsonl"
    rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())
    return {row["id"]: row["text"] for row in rows}


def article_text(doc: str) -> str | None:
    """The text of a row's source article, when the corpora are beside the repository."""
    if doc.startswith("bbc-"):
        return _bbc().get(doc)
    found = list((CORPUS / "polnear" / "data").glob(f"*/text/{doc}.txt"))
    return found[0].read_text(encoding="utf-8") if found else None


@dataclass(frozen=True)
class Outcome:
    row: dict[str, str]
    problem: str | None  # None: right


def context_of(row: dict[str, str], use_article: bool) -> tuple[str, int]:
    """The text to parse and where the row's sentence starts in it."""
    sentence = row["context_text"]
    text = article_text(row.get("doc", "")) if use_article else None
    at = text.find(sentence) if text else -1
    if at < 0:
        return sentence, 0
    return text[: at + len(sentence)], at


def check(resolver, row: dict[str, str], use_article: bool = True) -> Outcome:
    text, sentence_at = context_of(row, use_article)
    mentions = resolver.find_mentions(
        resolver.nlp(text), when=dt.date.fromisoformat(row["published"]),
        home_country=row["home_country"] or None)
    mentions = [m for m in mentions if m.end > sentence_at]
    if row["rule"] == "not-actor":
        covering = [m for m in mentions if row["mention"] in (m.actor.text or "")]
        return Outcome(row, f"unexpected {covering[0].actor}" if covering else None)
    found = [m for m in mentions if m.actor.text == row["mention"]]
    if not found:
        return Outcome(row, f"no mention; found {[m.actor.text for m in mentions]}")
    actor = found[0].actor
    got = (actor.name, actor.country, actor.sector)
    want_name = row["name"] or None
    name_ok = want_name is None or (actor.name or "").casefold() == want_name.casefold()
    if name_ok and (actor.country, actor.sector) == (row["country"] or None, row["sector"] or None):
        return Outcome(row, None)
    return Outcome(row, f"got {got}, want {(want_name, row['country'], row['sector'])}")


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.problem is None for o in outcomes) / len(outcomes) if outcomes else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", choices=sorted(TABLES), default="real")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--show", action="store_true", help="print every wrong row")
    parser.add_argument("--no-context", action="store_true", help="parse the sentence alone")
    args = parser.parse_args()
    from diplograph.coding.actors import ActorResolver

    resolver = ActorResolver()
    rows = load_rows(TABLES[args.table])
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        outcomes = [check(resolver, row, not args.no_context)
                    for row in rows if row["split"] == split]
        right = sum(o.problem is None for o in outcomes)
        print(f"{args.table} {split}: {right}/{len(outcomes)} = {accuracy(outcomes):.3f}")
        if args.show:
            for o in outcomes:
                if o.problem:
                    print(f"  [{o.row['rule']}] {o.row['mention']!r}: {o.problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
