"""The bundled sample that `make demo` ingests: every article's title, date and the article count.

The sample's pages were written with the noise of scraped pages (src/diplograph/sample/README.md
lists it per file); a change to the text-dump cleaner that loses a title, a date or an article
of them shows up here first. The titles and dates are those the sample's README gives.
"""

from __future__ import annotations

from pathlib import Path

from diplograph.pages.articles import extract_articles
from diplograph.pages.sources import iter_documents
from diplograph.records import Article, DocumentError

EXPECTED = [
    ("001_carney_zelenskyy_call",
     "Carney speaks with Zelenskyy ahead of Ukrainian leader's Florida meeting with Trump",
     "2025-12-26"),
    ("002_macron_carney_paris",
     "Macron receives Carney at the Elysee on new prime minister's first trip abroad",
     "2025-03-18"),
    ("003_tariffs_canada_mexico_china",
     "Trump imposes tariffs on Canada, Mexico and China; Trudeau vows to hit back", "2025-02-02"),
    ("003_tariffs_canada_mexico_china",
     "China retaliates with tariffs on U.S. coal, gas and oil as Trump levies take effect",
     "2025-02-04"),
    ("004_putin_legitimate_targets",
     "Putin says Western troops in Ukraine would be 'legitimate targets'", "2025-09-05"),
    ("005_trump_putin_alaska_a", "Trump says he will meet Putin in Alaska next Friday",
     "2025-08-09"),
    ("005_trump_putin_alaska_b", "Trump and Putin end Alaska summit without a deal on Ukraine",
     "2025-08-16"),
    ("006_china_summons_japan_envoy",
     "China summons Japanese ambassador over Takaichi's Taiwan remarks", "2025-11-14"),
    ("007_uk_russia_expulsions",
     "Moscow promises response after London expels Russian defence attaché", "2024-05-09"),
    ("008_nato_summit_hague",
     "NATO allies agree to raise defence spending target to 5% of GDP at Hague summit",
     "2025-06-25"),
    ("009_kremlin_trump_putin_call",
     "Kremlin neither confirms nor denies Trump's claim of call with Putin", "2025-02-10"),
]


def sample_articles(sample_dir: Path) -> list[Article]:
    found = []
    for doc in iter_documents([str(sample_dir)]):
        assert not isinstance(doc, DocumentError), doc
        found.extend(extract_articles(doc))
    return sorted(found, key=lambda a: (a.doc_id, a.article_index))


def test_every_sample_article_has_its_title_and_date(sample_dir: Path) -> None:
    articles = sample_articles(sample_dir)
    assert [(a.doc_id, a.title, a.published.value) for a in articles] == EXPECTED


def test_the_sample_articles_keep_their_last_paragraphs(sample_dir: Path) -> None:
    """One-sentence paragraphs at a story's end are the story, not other stories' teasers."""
    by_title = {a.title: a.text for a in sample_articles(sample_dir)}
    endings = {
        "Kremlin neither confirms nor denies Trump's claim of call with Putin":
            "without giving details.",
        "Trump and Putin end Alaska summit without a deal on Ukraine":
            "Zelenskyy said he would travel to Washington on Monday to meet Trump.",
        "NATO allies agree to raise defence spending target to 5% of GDP at Hague summit":
            "The declaration described Russia as a long-term threat to Euro-Atlantic security.",
        "Trump imposes tariffs on Canada, Mexico and China; Trudeau vows to hit back":
            "Economists warned that a prolonged trade war could push up prices on both sides "
            "of the border.",
    }
    for title, ending in endings.items():
        assert by_title[title].endswith(ending), title


def test_the_other_stories_lists_stay_out_of_the_sample_articles(sample_dir: Path) -> None:
    texts = " ".join(a.text for a in sample_articles(sample_dir))
    for headline in ("Vance warns Europe over free speech", "Trending now",
                     "Mexico deploys 10,000 troops to U.S. border", "WIN A FREE IPHONE"):
        assert headline not in texts
