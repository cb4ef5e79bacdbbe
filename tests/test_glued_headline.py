"""A headline glued into the first sentence of a one-line article (issues #14, #16).

The texts are our own; the BBC figures are in ``benchmarks/glued_headlines.py``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from diplograph.pages.articles import extract_articles
from diplograph.pages.glued import split_glued_headline
from diplograph.records import Document

CASES = Path(__file__).parent / "data" / "pages" / "glued_headlines.tsv"


def one_line_document(text: str, title: str | None = None) -> Document:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return Document(doc_id="own-1", kind="text", content=text, content_hash=digest, title=title)


@pytest.mark.parametrize(("text", "title", "lead"), [
    # The lead restates the headline with a full name as its subject: the name stays whole.
    ("Keller rejects rail strike call Maria Keller has rejected a call for a rail strike, "
     "saying the union would lose public support. Keller said talks would go on.",
     "Keller rejects rail strike call", "Maria Keller has rejected"),
    # A lead opening with a determiner, a headline with a quoted phrase.
    ("Norland 'ready to talk' on border The government of Norland says it is ready to talk "
     "to its neighbour about the disputed border. Its foreign minister made the offer on Monday.",
     "Norland 'ready to talk' on border", "The government of Norland says"),
    # A headline that ends with a name, a lead that starts with another.
    ("Port strike hits Harwich Dock workers at Harwich have begun a strike over pay that "
     "will halt the port. The strike hits exports.",
     "Port strike hits Harwich", "Dock workers at Harwich"),
])
def test_a_glued_headline_is_split_from_its_lead(text: str, title: str, lead: str) -> None:
    found = split_glued_headline(text)
    assert found is not None
    assert found.title == title
    assert found.lead.startswith(lead)


@pytest.mark.parametrize("text", [
    # A normal first sentence: no headline before it.
    "The government of Norland has rejected a call for talks with its neighbour. "
    "Officials said the offer came too late.",
    # A first sentence that starts with a full name: "Tony" is not a headline.
    "Tony Blair has backed his chancellor over the budget row, saying Gordon Brown had his "
    "full support. Blair spoke after a cabinet meeting.",
    # A short lead sentence with a capitalised place inside it.
    "Talks between Norland and Estland resumed in Geneva on Monday after a break of two "
    "months. Both sides said progress was slow.",
])
def test_a_normal_first_sentence_is_not_split(text: str) -> None:
    assert split_glued_headline(text) is None


def test_an_article_from_one_glued_line_gets_its_title() -> None:
    text = ("Keller rejects rail strike call Maria Keller has rejected a call for a rail strike, "
            "saying the union would lose public support. Keller said talks would go on.")
    [article] = extract_articles(one_line_document(text))
    assert article.title == "Keller rejects rail strike call"
    assert article.text.startswith("Maria Keller has rejected a call")


def test_a_text_with_a_title_line_is_not_split_again() -> None:
    text = ("Rail strike call rejected\n\nKeller rejects rail strike call Maria Keller has "
            "rejected a call for a rail strike. Keller said talks would go on.")
    [article] = extract_articles(one_line_document(text))
    assert article.title == "Rail strike call rejected"
    assert article.text.startswith("Keller rejects rail strike call Maria Keller")


def test_a_title_from_metadata_keeps_the_text_whole() -> None:
    text = ("Keller rejects rail strike call Maria Keller has rejected a call for a rail strike. "
            "Keller said talks would go on.")
    [article] = extract_articles(one_line_document(text, title="Union leader rejects strike"))
    assert article.title == "Union leader rejects strike"
    assert article.text.startswith("Keller rejects rail strike call")


def test_the_labelled_bbc_cases_are_well_formed() -> None:
    rows = [line.split("\t") for line in CASES.read_text("utf-8").splitlines()
            if line and not line.startswith("#")][1:]
    assert len(rows) == 90
    splits = {split for _, _, split in rows}
    assert splits == {"tune", "heldout"}
    heldout = [row for row in rows if row[2] == "heldout"]
    assert all(int(hashlib.sha256(i.encode()).hexdigest(), 16) % 3 == 0 for i, _, _ in heldout)


@pytest.mark.parametrize("text", [
    # A title before a name: "candidate" introduces "Maria Keller", it ends no headline.
    "Rail union candidate Maria Keller won the rail union vote on Monday. The candidate "
    "thanked her rail union colleagues.",
    # A name the text uses again is not cut in two ("Harwich Port").
    "Workers at the Harwich Port Authority voted for a strike on Monday. The Harwich Port "
    "Authority said it would talk to the union.",
    # A pronoun: the prefix is a sentence that refers back ("his").
    "Keller and his union deputy Tom Hale have called a rail strike for Monday. The union "
    "says Keller and Hale want a pay rise.",
    # A clause mark before the capitalised word: the headline would end on a comma.
    "Rail strike talks, Keller said, will resume on Monday in Harwich. Keller called the "
    "rail strike talks useful.",
])
def test_a_sentence_that_looks_glued_is_not_split(text: str) -> None:
    assert split_glued_headline(text) is None


def test_a_headline_ending_with_the_name_the_lead_repeats_is_split() -> None:
    text = ("Keller backs Hale Tom Hale has been backed by union leader Maria Keller in the "
            "race to lead the rail union. Keller said Hale was the best choice.")
    found = split_glued_headline(text)
    assert found is not None
    assert (found.title, found.lead[:8]) == ("Keller backs Hale", "Tom Hale")


def test_a_lone_sentence_has_no_headline_glued_to_it() -> None:
    # A headline stands over an article: the same words with a second sentence are split,
    # the lone sentence (a sentence file's line, a caption) is left whole.
    sentence = ("Leaders agree trade pact The leaders of France and Egypt agreed a trade pact "
                "on Monday.")
    assert split_glued_headline(sentence) is None
    article = split_glued_headline(sentence + " The pact cuts tariffs on grain and cotton.")
    assert article is not None and article.title == "Leaders agree trade pact"


def test_a_boundary_inside_a_name_the_text_uses_again_is_refused() -> None:
    """``_recurring_name`` on the words stripped once (speed28): "Palm Grove" named again
    after the boundary is a name; a pair that does not come back is not."""
    from diplograph.pages.glued import _bare, _recurring_name

    tokens = "Floods reach Palm Grove Residents of Palm Grove, said officials.".split()
    bare = [_bare(t) for t in tokens]
    assert _recurring_name(tokens, 3, bare)  # "Palm | Grove": named again ("Palm Grove,")
    assert not _recurring_name(tokens, 4, bare)  # "Grove | Residents" does not recur
    assert not _recurring_name(tokens, 2, bare)  # "reach" is not capitalised
