"""Actor resolution on mention tables from real articles, read in their article.

    .venv/bin/python benchmarks/actor_table.py
        [--table real|bodies|confusables|titles|places|owners|offices|backrefs|posts|
                 epithets|settings|dated|surnames|mentions18|phrases18|kb19|ranks27|
                 orgs27|names27|partyadj27|appos27|ownside27|sector27|ownstate28|
                 usplace28|sector28|ustown28|descr28|
                 headrole29]
                                               [--split tune|heldout|all] [--show]
                                               [--no-context] [--folds N]

Tables (labelled before the resolver ran on them; a third of the rows held out):
- ``real``: ``tests/data/actor_mentions_real.tsv``, mentions in BBC News 2004-05 and
  PolNeAR 2015-16 articles. Each row is resolved in its article: the article text up
  to the end of the row's sentence is parsed, so antecedents ("Mr Straw" after "Jack
  Straw") are there as a reader sees them (``--no-context``: the sentence alone).
- ``bodies``: ``tests/data/actor_mentions_bodies.tsv``, bare group nouns ("police",
  "officials", "prosecutors") and state anaphors ("the country", "the kingdom", "the island
  nation") in BBC and PolNeAR articles that no other table or case file uses (issues #15,
  #16, stop 20); the home state is left to the article's own mentions (no home_country),
  the split is ``split_of``'s.
- ``confusables``: ``tests/data/actor_confusables.tsv``, sentences we wrote about people
  who share a surname or a role across countries and eras.
- ``titles``: ``tests/data/actor_mentions_titles.tsv``, peers and knights ("Lord Goldsmith",
  "Baroness Scotland", "Sir Ian Blair", "Sir Ian" after him) in BBC articles that no other
  table or case file uses (issue #15, stop 21): the person's full name where the story is
  about someone real, the split is ``split_of``'s.
- ``places``: ``tests/data/actor_mentions_places.tsv``, group nouns tied to a city, region or
  US state ("Cologne police", "Seattle officials", "prosecutors in Parma") in BBC and PolNeAR
  articles that no other table or case file uses (issue #15, stop 22): the place's country in
  the noun's sector; no home_country given; the split is ``split_of``'s.
- ``owners``: ``tests/data/actor_mentions_owners.tsv``, unnamed spokespeople of a named body
  ("A spokesman for Unison", "a spokeswoman for MTV") in BBC and PolNeAR articles that no
  other table, case file or hand-check uses (issue #15, stop 22): the body's state and
  sector; no home_country given; the split is ``split_of``'s.
- ``offices``: ``tests/data/actor_mentions_offices.tsv`` (issue #15, stop 23): offices of a
  body named before the title ("Nissan chairman Carlos Ghosn", "branch president Sir John
  Barnes"), "ministers" / "X's administration" / "the cabinet", a titled noun whose holder
  the article names ("The Tory spokesman"), a titled bare surname with no antecedent ("Mr
  Smith") and a few demonyms, in BBC and PolNeAR articles no other table, case file or
  hand-check uses, and in sentences of our own (no doc); the split is ``split_of``'s. Its
  ``role`` column is checked too: a role, or ``none`` for no role.
- ``backrefs``: ``tests/data/actor_mentions_backrefs.tsv`` (issue #15, stop 24): a titled
  description that refers back to the person the article named with that title ("Shadow
  foreign secretary Michael Ancram ... The Tory spokesman", "Nato's secretary general, Jaap
  de Hoop Scheffer ... The Nato chief"), with contrasts (another party's spokesman, another
  holder of the title, a title with no name before it); short articles of our own (no doc,
  the whole article in ``context_text``); the split is ``split_of``'s.
- ``posts``: ``tests/data/actor_mentions_posts.tsv`` (issue #15, stop 24, actors16): posts the
  phrase reader did not read as titles ("The Conservative leader", "the Welsh first
  minister", "Education Secretary Ruth Kelly", "Europe minister", "the commissioner",
  "Nato's secretary general, Jaap de Hoop Scheffer"), with a name, as a back-reference and
  with no name (the office, no invented holder), with contrasts (another state's
  Conservatives or Europe minister, a police commissioner, a post as a predicate); short
  articles of our own; the split is ``split_of``'s.
- ``epithets``: ``tests/data/actor_mentions_epithets.tsv`` (issue #15, stop 25, epithet17):
  descriptions that name no one ("the New York businessman", "the Wisconsin Republican",
  "the Democratic front-runner", "the Texas senator") and refer back to the one person the
  article named whose party, state, posts or occupation fit every word; contrasts (two who
  fit, none named, an antecedent of another party or state) are ``no-person`` rows; short
  articles of our own; the split is ``split_of``'s.
- ``settings``: ``tests/data/actor_mentions_settings.tsv`` (issues #15, #16, stop 25, agents17):
  agents with no known identity whose country the story tells ("Officers", "The Glasgow
  Kelvin MP", "Lawyer Gareth Pryce", "Hutu militias", "Kenji Mori of Citigroup in Tokyo"),
  with contrasts (a foreign agent in a story set elsewhere, "Police in Paris" in a British
  story, a story about two states, a sentence with no setting); short articles of our own
  (no doc, no home_country); the split is ``split_of``'s.
- ``dated``: ``tests/data/actor_mentions_dated.tsv`` (issue #15, stop 25, dated17): role
  descriptions whose holder at the story's date the resolver could not reach ("the pope",
  "the first minister" in a Scottish story, "the 43rd president", "Syria's late president",
  "the Russian ambassador" in a US story, "the EU's competition commissioner", "our
  president"), with contrasts (no date, two holders in the window, two devolved nations,
  an ambassador of a pair the knowledge does not hold); short articles of our own; an
  empty ``published`` is a story with no date (the resolver infers a window or names no
  holder); the split is ``split_of``'s.
- ``surnames``: ``tests/data/actor_mentions_surnames.tsv`` (issue #15, stop 25, surname17):
  surnames (bare or with Mr, Dr, Sen. ...) with no antecedent, bound to a known person only
  where their state fits the story, else an unknown person of the story's setting; a post,
  party or demonym before or beside the name gives its state; contrasts (a famous leader in
  a story on his own state, a full-name antecedent, two states, no setting); short articles
  of our own (no doc, no home_country); the split is ``split_of``'s.
- ``mentions18``: ``tests/data/actor_mentions_mentions18.tsv`` (issue #15, stop 26,
  mentions18): people we do not know whose appositive post or relative clause ("X, director
  of the Institute ... at Bonn University", "X, who heads the Centre ... in Mexico City")
  places the body they work for; contrasts (the place of an act: "who met the minister in
  Paris", "spoke at a conference in London", "who lives in Madrid", a post with no place);
  and a party's spokesperson for a subject ("Lib Dem Treasury spokesman X", "The Tories'
  transport spokesman X": the opposition's where the party is out of government on the
  day), with contrasts (the governing party's, a bare party spokesman, no party); short
  articles of our own (no doc, no home_country); the split is ``split_of``'s.
- ``phrases18``: ``tests/data/actor_mentions_phrases18.tsv`` (issue #15, stop 26, phrases18):
  a body named with descriptor nouns in apposition before it ("business lobby group the
  CBI", "the trade union Unison", "Aid agency Oxfam") or after it ("the ITV television
  network"), with contrasts (a noun that ends one clause before the body opens the next, a
  relative clause "the company the CBI surveyed", a noun that is not a body's descriptor,
  a descriptor that modifies another head); and a state's government named by its leader,
  capital or name ("the government of President Bashar al-Assad", "the regime in Damascus"),
  with contrasts ("the government building in Kabul", "the government of the day"); two
  parties of one state before one body noun ("Tory and Liberal Democrat MPs"), with a
  contrast (two bodies coordinated: "Tory MPs and Lib Dem peers"); short
  articles of our own (no doc, no home_country); the split is ``split_of``'s.
- ``kb19``: ``tests/data/actor_mentions_kb19.tsv`` (issue #15, stop 26, kb19): the full
  names of public office holders of the stories' period whom the knowledge lacked (British
  MPs and front benchers of 2005, US senators, governors and officials of 2015-16), with
  contrasts (a private person who shares the holder's surname); short articles of our own
  (no doc, no home_country); the split is ``split_of``'s.
- ``ranks27``: ``tests/data/actor_mentions_ranks27.tsv`` (issue #15, stop 27, ranks27):
  military and police ranks between a title or descriptor and a name ("Pentagon spokesman
  Navy Capt. X", "Lt Gen X", "Iraqi police Col. X", "Det Supt X": MIL or COP of the state
  named before the rank or of the story), with contrasts (a rank word as an ordinary word or
  a surname: "the major parties", "a general strike", "John Major", "Private Eye", "General
  Motors"; a known head of state called by a rank: "Col Gaddafi"); and "former" or "ex-"
  before a known person's past title, resolved by the office they hold on the story's date
  ("Former foreign secretary Robin Cook" in 2004: an MP, LEG), with contrasts (no office
  that day: ELI); short articles of our own (no doc, no home_country); the split is
  ``split_of``'s.
- ``names27``: ``tests/data/actor_mentions_names27.tsv`` (issue #15, stop 27, names27): bare
  first names and surnames ("Hillary", "Jeb", "Bush", "Clinton") of people the same article
  names in full, with contrasts (two Clintons, two Bushes, two Teds: the one named nearest
  before; both named only after: no guess; a first name with no antecedent; "Jordan", "rand"
  and "Will" as a state, a currency and a verb; "the Reagan doctrine", "the Clinton
  Foundation", "the Bush administration"); short articles of our own whose bare name also
  occurs inside the full name, so the column ``occurrence`` says which occurrence of the
  mention's words the row labels (empty: the first); the split is ``split_of``'s.
- ``orgs27``: ``tests/data/actor_mentions_orgs27.tsv`` (issue #15, stop 27, orgs27): the
  political bodies the knowledge lacked, chosen by how many corpus articles name them
  (benchmarks/unknown_names.py): parties and their committees, caucuses, think tanks and
  super PACs, police and agencies, ministries and committees read as their state's body
  (name empty); contrasts (a company or another state's body of the same name, a convention
  called by its committee's acronym); short articles of our own (no doc, no home_country);
  the split is ``split_of``'s.
- ``partyadj27``: ``tests/data/actor_mentions_partyadj27.tsv`` (issue #15, stop 27, partyadj27):
  a party or movement named by its adjective ("Tory plans", "the Liberal Democrat manifesto",
  "the Republican tax plan", "Peronist senators"): before a policy noun the party owns it,
  before a person noun the words are its members; contrasts (the lowercase and ideology
  senses, "the Republican primary", a sentence-start "Democratic" in a story set elsewhere,
  another state's Conservatives); short articles of our own; the split is ``split_of``'s.
- ``appos27``: ``tests/data/actor_mentions_appos27.tsv`` (issue #15, stop 27, appos27): a
  named person or body inside a descriptive phrase: a descriptor with names in apposition
  ("Two Ohio developers, Mark Hensley and Tom Bradshaw"), an owner's possessive before a
  person's name ("NBC's Chuck Todd"), a former post of a body ("A former DNC chairman");
  contrasts ("Russia's Gazprom", "Britain's Tony Blair", "The Vermont legislature", "The DNC
  chairwoman", a descriptor with no names); short articles of our own (no doc, no
  home_country); its ``kind`` column is checked too (empty: any); the split is
  ``split_of``'s.
- ``ownside27``: ``tests/data/actor_mentions_ownside27.tsv`` (issues #15/#16, stop 27,
  ownside27): a group of the speaker's own side ("fellow senators", "his own MPs", "party
  members", "fellow citizens") is of the speaker's state; contrasts ("fellow travellers", "his
  own words", "fellow leaders from Uganda and Tanzania", "fellow European leaders"); short
  articles of our own; the split is ``split_of``'s.
- ``usplace28``: ``tests/data/actor_mentions_usplace28.tsv`` (issue #15, stop 28,
  usplace28): a named person with a description of his US state in apposition ("Norm
  Coleman, the former senator from Minnesota", "Senator Bob Corker, a Tennessee
  Republican", "a Texas voter who supports X, NAME") is the person, not the state;
  contrasts (no name, coordination, "Georgia's president", "Moscow said"); short articles of
  our own; its ``kind`` column is checked; the split is ``split_of``'s.
- ``descr28``: ``tests/data/actor_mentions_descr28.tsv`` (issue #15, stop 28, descr28):
  a named person with an occupation or role after the name ("Ronnie Cameron, an Arkansas
  poultry magnate", "a Georgia pastor", "a Harvard law professor") is the person, in the
  noun's sector, not the place; contrasts ("an Arkansas native", "a Texas Republican",
  "Paris, the French capital", no name); sentences of our own; its ``kind`` column is
  checked; the split is ``split_of``'s.
- ``ustown28``: ``tests/data/actor_mentions_ustown28.tsv`` (issue #15, stop 28, ustown28):
  a town written with its US state ("police in Athens, Ga.", "officials in Moscow, Idaho")
  is in the USA, not the foreign namesake; "a Georgia senator" is the US state's; contrasts
  ("Paris, France", "Tbilisi, Georgia", "Georgia's president", "Moscow said"); sentences of
  our own; the split is ``split_of``'s.

- ``ownstate28``: ``tests/data/actor_mentions_ownstate28.tsv`` (issue #15, stop 28, unres28):
  a bare noun for a state's own body or press ("the government", "the administration",
  "ministers", "the city", "journalists", "the media") acted on by a domestic actor of one
  state (an opposition leader, a senator, a lobby, a candidate) in a text with no home state
  or setting is that actor's state's; contrasts (a government's foreign face, a state, an
  international body or an IGO as the actor; the actor abroad; an owner, a demonym or "of"
  naming the state; an actor of no known state; a story set elsewhere); short articles of our
  own (no doc, no home_country); the split is ``split_of``'s.
- ``sector28``: ``tests/data/actor_mentions_sector28.tsv`` (issue #15, stop 28, sector28):
  a title of a private body's officer by a possessive or an "of" phrase ("Planned
  Parenthood's president", "the president of the Sierra Club", "the company's president" of
  a firm of a named state) is the body's office: its state and sector, no state role;
  contrasts (the president of a state, by title, possessive or "of"; the president of an
  international body); short articles of our own (no doc, no home_country); the split is
  ``split_of``'s. Its ``role`` column is checked too.

- ``headrole29``: ``tests/data/actor_mentions_headrole29.tsv`` (issue #15, stop 29,
  headrole29): a name in apposition to a role noun is the person ("Mr. Obama's nominee to
  the appeals court, Judge Karen M. Doyle", "its leader, Kim Jong Un"); a headline's role
  noun names the person the lead names ("Ohio governor signs ..." then "Gov. John Kasich of
  Ohio"), else the office; an organisation's name holding a state's name is the
  organisation ("America Rising PAC", "The Canada Housing Foundation"); contrasts (no name,
  another post's holder in the lead, "America" alone, "Russia's ban on the Gay Games", known
  NGOs, a sports team); short articles of our own (the headline is the first sentence); its
  ``kind`` column is checked; the split is ``split_of``'s.

A row is right when the mention is found (its exact words, or a resolver mention inside
the labelled phrase that holds the phrase's syntactic head: see ``aligned``) with the
expected country and sector and, where the row names someone, the expected name (an
empty name means a state or body of a state: any name is accepted). ``not-actor`` rows
are right when no mention covers the words; ``no-person`` rows (a description that must
bind no one) are right when no mention of the words names a person.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = {
    "real": ROOT / "tests" / "data" / "actor_mentions_real.tsv",
    "bodies": ROOT / "tests" / "data" / "actor_mentions_bodies.tsv",
    "confusables": ROOT / "tests" / "data" / "actor_confusables.tsv",
    "titles": ROOT / "tests" / "data" / "actor_mentions_titles.tsv",
    "places": ROOT / "tests" / "data" / "actor_mentions_places.tsv",
    "owners": ROOT / "tests" / "data" / "actor_mentions_owners.tsv",
    "offices": ROOT / "tests" / "data" / "actor_mentions_offices.tsv",
    "backrefs": ROOT / "tests" / "data" / "actor_mentions_backrefs.tsv",
    "posts": ROOT / "tests" / "data" / "actor_mentions_posts.tsv",
    "epithets": ROOT / "tests" / "data" / "actor_mentions_epithets.tsv",
    "settings": ROOT / "tests" / "data" / "actor_mentions_settings.tsv",
    "dated": ROOT / "tests" / "data" / "actor_mentions_dated.tsv",
    "surnames": ROOT / "tests" / "data" / "actor_mentions_surnames.tsv",
    "mentions18": ROOT / "tests" / "data" / "actor_mentions_mentions18.tsv",
    "phrases18": ROOT / "tests" / "data" / "actor_mentions_phrases18.tsv",
    "kb19": ROOT / "tests" / "data" / "actor_mentions_kb19.tsv",
    "ranks27": ROOT / "tests" / "data" / "actor_mentions_ranks27.tsv",
    "orgs27": ROOT / "tests" / "data" / "actor_mentions_orgs27.tsv",
    "names27": ROOT / "tests" / "data" / "actor_mentions_names27.tsv",
    "partyadj27": ROOT / "tests" / "data" / "actor_mentions_partyadj27.tsv",
    "appos27": ROOT / "tests" / "data" / "actor_mentions_appos27.tsv",
    "ownside27": ROOT / "tests" / "data" / "actor_mentions_ownside27.tsv",
    "sector27": ROOT / "tests" / "data" / "actor_mentions_sector27.tsv",
    "ownstate28": ROOT / "tests" / "data" / "actor_mentions_ownstate28.tsv",
    "usplace28": ROOT / "tests" / "data" / "actor_mentions_usplace28.tsv",
    "descr28": ROOT / "tests" / "data" / "actor_mentions_descr28.tsv",
    "sector28": ROOT / "tests" / "data" / "actor_mentions_sector28.tsv",
    "ustown28": ROOT / "tests" / "data" / "actor_mentions_ustown28.tsv",
    "headrole29": ROOT / "tests" / "data" / "actor_mentions_headrole29.tsv",
}
CORPUS = ROOT.parent / "shared" / "corpus"


def split_of(context_text: str, mention: str) -> str:
    """The split of a row added after the tables were first built: a third held out by the
    hash of its sentence and mention, so that no one chooses which rows are held out."""
    digest = hashlib.sha256(f"{context_text}\t{mention}".encode()).hexdigest()
    return "heldout" if int(digest, 16) % 3 == 0 else "tune"


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
        return sentence, _occurrence_at(row, sentence)
    return text[: at + len(sentence)], at


def _occurrence_at(row: dict[str, str], text: str) -> int:
    """Where the row's labelled occurrence of its mention's words starts (column
    ``occurrence``, 1 = the first; an empty column or none: the start of the text). A bare
    name labelled after the full name that contains it ("Hillary" after "Hillary Clinton")
    is its second occurrence; mentions ending before it are not the row's."""
    count = int(row.get("occurrence") or 1)
    at = 0
    for _ in range(count - 1):
        found = text.find(row["mention"], at)
        at = found + len(row["mention"]) if found >= 0 else at
    return text.find(row["mention"], at) if count > 1 else 0


def labelled_span(row: dict[str, str], text: str, sentence_at: int) -> tuple[int, int] | None:
    """Character offsets of the labelled mention in the parsed text (its sentence's copy)."""
    at = text.find(row["mention"], sentence_at)
    return (at, at + len(row["mention"])) if at >= 0 else None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets without the spaces and punctuation at either edge ("- Israeli PM X")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _governed_from_outside(doc, start: int, end: int) -> list[int]:
    """Tokens of [start, end) whose syntactic head lies outside it: the words the span hangs
    from (one in a clean parse; more where the parser split a phrase)."""
    return [i for i in range(start, end) if not doc[i].is_punct
            and (doc[i].head.i == i or not start <= doc[i].head.i < end)]


def _heads(doc, start: int, end: int) -> set[int]:
    """The labelled phrase's head (its first word governed from outside) and the words in
    apposition to it, which name the same actor ("The BBC's home affairs correspondent,
    Daniel Sandford")."""
    outside = _governed_from_outside(doc, start, end)
    if not outside:
        return set()
    head = doc[outside[0]]
    return {head.i} | {t.i for t in head.children if t.dep_ == "appos" and start <= t.i < end}


def aligned(doc, mentions: list, span: tuple[int, int]) -> list:
    """The resolver's mentions that stand for the labelled phrase: its exact words first,
    else a mention that holds the phrase's head (or a word in apposition to it) and hangs
    from a word of the phrase: "Tory spokesman David Davis" read as "spokesman David Davis",
    "Paul Boateng, Chief Secretary to the Treasury" as "Paul Boateng", "Mr Sharon" as "that
    Mr Sharon". A mention of another word of the phrase ("Peter Mandelson" in "a spokesman
    for EU trade commissioner Peter Mandelson") never counts. A name in apposition after a
    post counts for the mention of both ("Nato's secretary general, Jaap de Hoop Scheffer").
    """
    lo, hi = _trimmed(doc.text, *span)
    exact = [m for m in mentions if _trimmed(doc.text, m.start, m.end) == (lo, hi)]
    if exact:
        return exact
    # A name in apposition after its post, read with it as one mention: "Nato's secretary
    # general, JAAP DE HOOP SCHEFFER" (actors16). The mention ends with the name and a comma
    # stands right before it; the mention's person is then the name's.
    appositive = [m for m in mentions if m.start < lo and _trimmed(doc.text, m.start, m.end)[1]
                  == hi and doc.text[:lo].rstrip().endswith(",")]
    if appositive:
        return appositive
    phrase = doc.char_span(lo, hi, alignment_mode="expand")
    if phrase is None:
        return []
    heads = _heads(doc, phrase.start, phrase.end)
    return [m for m in mentions
            if any(m.token_start <= h < m.token_end for h in heads)
            and any(phrase.start <= i < phrase.end
                    for i in _governed_from_outside(doc, m.token_start, m.token_end))]


@lru_cache(maxsize=64)
def _read(resolver, text: str, published: str, home_country: str) -> tuple:
    """The parse of ``text`` and its resolved mentions. Rows of one sentence share them (the
    same text, date and home state give the same answer), so each is computed once."""
    return _resolved(resolver, resolver.nlp(text), published, home_country)


def _resolved(resolver, doc, published: str, home_country: str) -> tuple:
    return doc, resolver.find_mentions(
        doc, when=dt.date.fromisoformat(published) if published else None,
        home_country=home_country or None)


def check(resolver, row: dict[str, str], use_article: bool = True) -> Outcome:
    text, sentence_at = context_of(row, use_article)
    doc, mentions = _read(resolver, text, row["published"], row["home_country"])
    return _judged(row, text, sentence_at, doc, mentions)


def check_all(resolver, rows: list[dict[str, str]], use_article: bool = True,
              parse: Callable[[list[str]], list] | None = None) -> list[Outcome]:
    """``check`` of every row, their distinct texts parsed in one spaCy batch (``nlp.pipe``:
    the same annotations as a call per text, for about a sixth less CPU). ``parse`` (texts
    -> Docs) replaces that batch: the tests pass their cache of the same parses
    (tests/parse_cache.py)."""
    contexts = [context_of(row, use_article) for row in rows]
    texts = list(dict.fromkeys(text for text, _ in contexts))
    parsed = parse(texts) if parse else resolver.nlp.pipe(texts, batch_size=16)
    docs = dict(zip(texts, parsed))
    reads: dict[tuple, tuple] = {}
    outcomes = []
    for row, (text, sentence_at) in zip(rows, contexts):
        key = (text, row["published"], row["home_country"])
        if key not in reads:
            reads[key] = _resolved(resolver, docs[text], row["published"], row["home_country"])
        outcomes.append(_judged(row, text, sentence_at, *reads[key]))
    return outcomes


def _judged(row: dict[str, str], text: str, sentence_at: int, doc, mentions: list) -> Outcome:
    """Whether the resolver's ``mentions`` of the parsed ``text`` read the row right."""
    mentions = [m for m in mentions if m.end > sentence_at]
    if row["rule"] == "not-actor":
        covering = [m for m in mentions if row["mention"] in (m.actor.text or "")]
        return Outcome(row, f"unexpected {covering[0].actor}" if covering else None)
    span = labelled_span(row, text, sentence_at)
    found = aligned(doc, mentions, span) if span else []
    if row["rule"] == "no-person":  # a description that must not be bound to anyone
        named = [m for m in found if m.actor.kind == "person" and m.actor.name]
        return Outcome(row, f"bound to {named[0].actor}" if named else None)
    if not found:
        return Outcome(row, f"no mention; found {[m.actor.text for m in mentions]}")
    actor = found[0].actor
    got = (actor.name, actor.country, actor.sector)
    want_name = row["name"] or None
    name_ok = want_name is None or (actor.name or "").casefold() == want_name.casefold()
    place_ok = (actor.country, actor.sector) == (row["country"] or None, row["sector"] or None)
    if name_ok and place_ok and _role_ok(row, actor.role) and _kind_ok(row, actor.kind):
        return Outcome(row, None)
    return Outcome(row, f"got {got + (actor.role,)} from {actor.text!r}, "
                        f"want {(want_name, row['country'], row['sector'], row.get('role'))}")


def _role_ok(row: dict[str, str], role: str | None) -> bool:
    """The row's ``role`` (tables that have the column): a role, ``none`` for no role, or
    empty for any."""
    want = row.get("role") or ""
    return not want or role == (None if want == "none" else want)


def _kind_ok(row: dict[str, str], kind: str | None) -> bool:
    """The row's ``kind`` (tables that have the column): person, organisation, state or
    group, or empty for any ("a former DNC chairman" is a person, not the committee)."""
    want = row.get("kind") or ""
    return not want or kind == want


def fold_of(row: dict[str, str], folds: int) -> int:
    """The fold of a row by its article (``sha256(doc) % folds``), so that the fold check
    asks whether a rule written from one article's rows helps in other articles."""
    return int(hashlib.sha256(row.get("doc", "").encode()).hexdigest(), 16) % folds


def _print_folds(outcomes: list[Outcome], folds: int) -> None:
    for fold in range(folds):
        part = [o for o in outcomes if fold_of(o.row, folds) == fold]
        right = sum(o.problem is None for o in part)
        print(f"  fold {fold}: {right}/{len(part)} = {accuracy(part):.3f}")


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.problem is None for o in outcomes) / len(outcomes) if outcomes else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", choices=sorted(TABLES), default="real")
    parser.add_argument("--split", choices=("tune", "heldout", "all"), default="tune")
    parser.add_argument("--show", action="store_true", help="print every wrong row")
    parser.add_argument("--no-context", action="store_true", help="parse the sentence alone")
    parser.add_argument("--folds", type=int, default=0,
                        help="also count right rows per fold of articles (sha256(doc) %% N)")
    args = parser.parse_args()
    from diplograph.coding.actors import ActorResolver

    resolver = ActorResolver()
    rows = load_rows(TABLES[args.table])
    splits = ("tune", "heldout") if args.split == "all" else (args.split,)
    for split in splits:
        outcomes = check_all(resolver, [row for row in rows if row["split"] == split],
                             not args.no_context)
        right = sum(o.problem is None for o in outcomes)
        print(f"{args.table} {split}: {right}/{len(outcomes)} = {accuracy(outcomes):.3f}")
        if args.folds:
            _print_folds(outcomes, args.folds)
        if args.show:
            for o in outcomes:
                if o.problem:
                    fold = f" f{fold_of(o.row, args.folds)}" if args.folds else ""
                    print(f"  [{o.row['rule']}]{fold} {o.row['mention']!r}: {o.problem}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
