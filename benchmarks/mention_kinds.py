"""Kinds of actor mentions in the articles of a mention table's split, read without labels.

    .venv/bin/python benchmarks/mention_kinds.py [--split tune|heldout] [--examples N]

Every article the split's rows come from is parsed whole and each noun phrase the
resolver's phrase reader starts (plus PERSON entities and bare body nouns it skips) is
given one kind by its shape; beside each kind, the share the resolver leaves without a
state. It reads the articles' text, never the table's answers, so it may be run on the
held-out third to see which kinds of mention it holds before any rule is tried there.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict

from actor_table import TABLES, article_text, load_rows

# Grammar: words that open a noun phrase with no state in it ("THE government").
_OPENERS = frozenset({"the", "a", "an", "its", "their", "his", "her"})


def phrase_kind(doc, phrase, hits) -> str:
    """The shape of one phrase the reader found."""
    before = doc[phrase.start - 1] if phrase.start > 0 else None
    party = before is not None and hits.first(before.i, ("orgadj",)) is not None
    head = phrase.head
    if party or any(h.kind == "orgadj" for i in range(phrase.start, phrase.end)
                    for h in hits.at(i)):
        return "party word + person or title"
    if phrase.person_text and head is None:
        return "known name alone" if phrase.candidates else "unknown name alone"
    if phrase.person_text:
        return "title or noun + name"
    if phrase.country or phrase.org:
        return "state or body word + title or noun"
    if phrase.possessor:
        return "his/her + title or noun"
    return "title or noun, no state word"


def skipped_kind(doc, i: int, hits) -> str | None:
    """Body nouns and titles the reader does not start a phrase at ("the government",
    "Ministers", "opposition MPs"): a determiner or the sentence's start, then the noun."""
    tok = doc[i]
    head = hits.first(i, ("title", "sector"))
    if head is None:
        return None
    starts = tok.is_sent_start or (i > 0 and doc[i - 1].lower_ in _OPENERS)
    return "bare title or body noun (home state?)" if starts else None


def count_kinds(resolver, texts: list[str], examples: int):
    counts: Counter[str] = Counter()
    stateless: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for doc in resolver.nlp.pipe(texts, batch_size=8):
        reading = resolver._reading(doc)
        mentions = resolver.find_mentions(doc, when=None)
        by_token = {t: m for m in mentions for t in range(m.token_start, m.token_end)}
        i = 0
        while i < len(doc):
            phrase = resolver._phrases.read(doc, i, reading.hits, reading.person_ents)
            end = phrase.end if phrase is not None else i + 1
            kind = phrase_kind(doc, phrase, reading.hits) if phrase is not None \
                else skipped_kind(doc, i, reading.hits)
            if kind is not None:
                counts[kind] += 1
                mention = by_token.get(i)
                if mention is None or not mention.actor.country:
                    stateless[kind] += 1
                if len(shown[kind]) < examples:
                    shown[kind].append(doc[i:end].text)
            i = end
    return counts, stateless, shown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "heldout"), default="tune")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()
    from diplograph.coding.actors import ActorResolver

    rows = load_rows(TABLES["real"])
    docs = sorted({r["doc"] for r in rows if r["split"] == args.split})
    texts = [t for t in (article_text(d) for d in docs) if t]
    counts, stateless, shown = count_kinds(ActorResolver(), texts, args.examples)
    total = sum(counts.values())
    print(f"{args.split}: {len(texts)} articles, {total} phrases")
    for kind, n in counts.most_common():
        print(f"  {n:5d} {n / total:6.1%}  no state {stateless[kind] / n:6.1%}  {kind}: "
              f"{shown[kind]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
