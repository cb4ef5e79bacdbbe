"""Long texts parsed section by section: same text, same offsets, same events."""

from __future__ import annotations

from diplograph.coding.parse import load_nlp
from diplograph.coding.sections import parse_texts, split_sections
from diplograph.records import Article, PublishedDate, to_dict
from diplograph.settings import Settings

PARAGRAPHS = [
    "OTTAWA — Canadian Prime Minister Mark Carney spoke with Ukrainian President Volodymyr "
    "Zelenskyy by phone on Friday, the Prime Minister's Office said in a statement.",
    "The two leaders discussed the latest round of diplomacy aimed at ending Russia's war "
    "against Ukraine. Carney reaffirmed Canada's support for Ukraine's sovereignty.",
    "China summoned the Japanese ambassador on Monday to protest remarks by Tokyo's prime "
    "minister about Taiwan, the foreign ministry in Beijing said.",
    "Britain expelled a Russian diplomat on Tuesday and summoned the Russian ambassador over "
    "what London called a campaign of sabotage.",
]
TEXT = "\n\n".join(PARAGRAPHS) + "\n"


def test_sections_end_at_paragraph_breaks_and_give_the_text_back():
    sections = split_sections(TEXT, 400)
    assert "".join(sections) == TEXT
    assert len(sections) > 1 and all(len(s) <= 400 for s in sections)
    assert all(s.endswith("\n\n") for s in sections[:-1])


def test_a_text_without_breaks_is_cut_at_the_limit():
    sections = split_sections("x" * 1000, 300)
    assert [len(s) for s in sections] == [300, 300, 300, 100]


def test_a_text_parsed_in_sections_has_the_text_and_tokens_of_a_whole_parse():
    nlp = load_nlp(Settings().model)
    short, sectioned = list(parse_texts(nlp, ["Talks resumed.", TEXT], section_chars=400))
    whole = nlp(TEXT)
    assert short.text == "Talks resumed."
    assert sectioned.text == TEXT
    assert [(t.idx, t.text, t.is_sent_start) for t in sectioned] == [
        (t.idx, t.text, t.is_sent_start) for t in whole]


def test_events_of_a_sectioned_article_equal_those_of_a_whole_one(article_coder, monkeypatch):
    article = Article(doc_id="long", article_index=0, title=None, text=TEXT,
                      published=PublishedDate(value="2025-12-26", precision="day"),
                      language="en")
    whole = article_coder([article])[0]
    monkeypatch.setattr(article_coder, "settings", Settings(section_chars=400))
    sectioned = article_coder([article])[0]
    assert whole and [to_dict(e) for e in sectioned] == [to_dict(e) for e in whole]
