"""Documents to Articles: HTML and text paths, dates, datelines, language, duplicates."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

import pytest

from diplograph.errors import ExtractionError
from diplograph.pages.articles import extract_articles
from diplograph.pages.dedup import NearDuplicateIndex
from diplograph.pages.pubdate import (
    find_dateline,
    find_publication_date,
    is_weekday_date_line,
    parse_date,
    writes_day_first,
)
from diplograph.pages.sources import iter_documents
from diplograph.records import Article, Document, DocumentError

PAGES = Path(__file__).parent / "data" / "pages"


def articles_of(name: str) -> list[Article]:
    found = []
    for doc in iter_documents([str(PAGES / name)]):
        assert not isinstance(doc, DocumentError), doc
        found.extend(extract_articles(doc))
    return found


def text_doc(content: str, **meta: str) -> Document:
    digest = hashlib.sha256(content.encode()).hexdigest()
    return Document(doc_id="d", kind="text", content=content, content_hash=digest, **meta)


def test_text_dump_article_fields() -> None:
    [article] = articles_of("crawl_date_captions_nav.txt")
    assert article.doc_id == "crawl_date_captions_nav" and article.article_index == 0
    assert article.published.value == "2016-06-18" and article.published.source == "byline"
    assert article.dateline == "OTTAWA"
    assert article.language == "en"
    assert article.title not in article.text
    assert "\n\n" in article.text and "ADVT" in article.dropped


def test_several_articles_get_indexes_and_own_dates() -> None:
    first, second = articles_of("two_articles.txt")
    assert (first.article_index, second.article_index) == (0, 1)
    assert first.published.value == "2025-03-17" and second.published.value == "2025-03-18"
    assert second.dateline == "BRUSSELS"


def test_a_caption_date_is_never_the_publication_date() -> None:
    # The photo may be years older than the story: with no other date, the date is unknown.
    [article] = articles_of("caption_date_only.txt")
    assert (article.published.value, article.published.source) == (None, "none")


def test_only_crawl_date_means_no_date() -> None:
    text = ("Saturday, December 27, 2025\nTalks on trade open in Rome\n"
            "Trade ministers opened talks in Rome on Monday, officials said.\n")
    [article] = extract_articles(text_doc(text))
    assert article.published.source == "none" and article.published.value is None


def test_html_page_uses_trafilatura_and_meta_date() -> None:
    [article] = articles_of("page.html")
    assert article.title == "Ministers sign trade accord"
    assert article.text.startswith("ROME — Trade ministers")
    assert "Top Stories" not in article.text and "Copyright" not in article.text
    assert article.published.value == "2022-09-14" and article.published.source == "html-meta"
    assert article.text.count("\n\n") == 2


def test_jsonl_metadata_wins() -> None:
    arts = articles_of("feed.jsonl")
    assert [a.doc_id for a in arts] == ["rec-1", "rec-2"]
    assert arts[0].published.source == "metadata" and arts[0].title == "Talks resume in Geneva"
    assert arts[0].url == "https://example.org/a" and arts[0].dateline == "GENEVA"
    assert arts[1].published.source == "html-meta"


def test_non_english_is_kept_and_flagged() -> None:
    [article] = articles_of("french.txt")
    assert article.language == "fr"


def test_boilerplate_only_raises() -> None:
    with pytest.raises(ExtractionError):
        extract_articles(text_doc("Home\nShare\nTT\nADVT\n"))


def test_near_duplicates_are_linked() -> None:
    [base] = articles_of("crawl_date_captions_nav.txt")
    index = NearDuplicateIndex()
    assert index.check_and_add(base) is None
    later = base.text.replace("on Monday", "on Monday morning")
    copy = dataclasses.replace(base, doc_id="other-feed", text=later)
    assert index.check_and_add(copy) == base.key
    assert index.check_and_add(base) is None  # the same article again is not its own duplicate
    [different] = articles_of("broken_lines.txt")
    assert index.check_and_add(different) is None


def test_an_article_s_minhash_is_a_fresh_minhash_s() -> None:
    # The index draws MinHash's permutations once: an article's hash values are those a
    # MinHash of its own (same seed) gives.
    from datasketch import MinHash

    from diplograph.pages.dedup import _shingles

    [base] = articles_of("crawl_date_captions_nav.txt")
    index = NearDuplicateIndex()
    fresh = MinHash(num_perm=index.num_perm)
    fresh.update_batch(list(_shingles(base.text)))
    for _ in range(2):
        assert (index._minhash(base.text).hashvalues == fresh.hashvalues).all()


@pytest.mark.parametrize(("text", "want"), [
    ("2016-06-18T10:00:00Z", ("2016-06-18", "day")),
    ("2016-06", ("2016-06", "month")),
    ("June 2016", ("2016-06", "month")),
    ("18 Jun, 2016 11:21 AM", ("2016-06-18", "day")),
    ("not a date", None),
])
def test_parse_date(text: str, want: tuple[str, str] | None) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(("line", "want"), [
    ("Updated 11:21 pm CST, Tuesday, November 19, 2019", "2019-11-20"),  # 05:21 UTC next day
    ("Published 11:11 PM EST Nov 19, 2019", "2019-11-20"),
    ("Nov. 18, 2019 7:04 pm ET", "2019-11-19"),
    ("March 3, 2025 at 00:30 CET", "2025-03-02"),  # after midnight in Paris: the day before
    ("Nov 19, 2019, 10:31 am CST", "2019-11-19"),  # the same day in UTC
    ("By Jane Doe | November 18, 2019 -- 19:14 GMT", "2019-11-18"),
    ("November 19, 2019 | 11:20pm", "2019-11-19"),  # no zone: the printed day
    ("Updated Nov. 19, 2019 8:21 am / Original Nov. 18, 2019 11:02 pm EST", "2019-11-19"),
])
def test_a_printed_time_with_its_zone_gives_the_utc_day(line: str, want: str) -> None:
    assert find_publication_date(line) == (want, "day")


@pytest.mark.parametrize(("line", "day_first", "want"), [
    ("02/07/2024 - Publicado por: Ana Ruiz", True, "2024-07-02"),
    ("02/07/2024 - Published by Ann Rice", False, "2024-02-07"),  # month first, as US pages
    ("Por Rui Lopes, 05/06/23 09:10", True, "2023-06-05"),
    ("Par Léa Martin, 25/06/2023", True, "2023-06-25"),  # over 12: the day in either order
    ("By Ann Rice, 06/25/2023", False, "2023-06-25"),
    ("Von Jan Beck, 05.06.2023", False, "2023-06-05"),  # dotted: the day first anyway
])
def test_a_slashed_date_is_read_in_the_order_of_the_articles_language(
        line: str, day_first: bool, want: str) -> None:
    assert find_publication_date(line, day_first=day_first) == (want, "day")


def test_the_languages_that_write_the_day_first() -> None:
    assert writes_day_first("es") and writes_day_first("pt") and writes_day_first("de")
    assert not writes_day_first("en") and not writes_day_first(None)


def test_datelines_and_weekday_lines() -> None:
    assert find_dateline("ST. PETERSBURG, Russia — The president said") == "ST. PETERSBURG, Russia"
    assert find_dateline("MOSCOW - The Kremlin said") == "MOSCOW"
    assert find_dateline("The US - no") is None
    assert is_weekday_date_line("Saturday, December 27, 2025")
    assert not is_weekday_date_line("December 27, 2025")


def test_a_document_cleaning_would_gut_is_kept_as_it_is_with_a_warning(caplog) -> None:
    # Every paragraph printed twice looks like repeated photo captions to the cleaner.
    paragraphs = ["Trade ministers met in Rome on Monday to discuss tariffs on steel, aides say.",
                  "They agreed to meet again in June, according to a joint statement after talks."]
    text = "\n".join(paragraphs * 2)
    with caplog.at_level("WARNING", logger="diplograph.pages.articles"):
        [article] = extract_articles(text_doc(text))
    assert article.warning and "kept as it is" in article.warning
    assert all(p in article.text for p in paragraphs)
    assert any("d: kept as it is" in r.getMessage() for r in caplog.records)
    assert article.published.value is None
