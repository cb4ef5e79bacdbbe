"""The text-dump cleaner on small noisy pages written for these tests (SPEC §2 noise kinds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.pages.cleaning import clean_text_dump, clean_title, has_mojibake
from diplograph.pages.lines import Line, label_lines, summary_line
from diplograph.pages.topic import share_a_word

PAGES = Path(__file__).parent / "data" / "pages"


def clean(name: str):  # type: ignore[no-untyped-def]
    return clean_text_dump((PAGES / name).read_text(encoding="utf-8"))


def test_navigation_tool_lines_captions_and_other_headlines_are_dropped() -> None:
    [article] = clean("crawl_date_captions_nav.txt")
    assert article.title == "Canada and Russia hold talks on Arctic cooperation"
    assert article.paragraphs[0].startswith("OTTAWA — Canada's foreign minister")
    assert len(article.paragraphs) == 3
    for noise in ("Skip to main content", "TT", "ADVT", "Share", "MORE International ARTICLES",
                  "Storm hits coastal towns", "Local team wins championship",
                  "Photo : Getty Images / Some Photographer"):
        assert noise not in article.paragraphs
        assert noise in article.dropped
    assert "(Photo: Jane Doe/Reuters)" not in article.text
    assert article.dropped.count("Foreign ministers meet in Ottawa. (Photo: Jane Doe/Reuters)") == 3


def test_every_line_is_kept_somewhere() -> None:
    text = (PAGES / "crawl_date_captions_nav.txt").read_text(encoding="utf-8")
    [article] = clean_text_dump(text)
    everything = " ".join([article.title or "", article.text, *article.dropped])
    for line in text.splitlines():
        assert line.strip() in everything


def test_crawl_date_is_dropped_and_byline_date_kept() -> None:
    [article] = clean("crawl_date_captions_nav.txt")
    assert "Saturday, December 27, 2025" in article.dropped
    assert article.date_line == "18 Jun, 2016 11:21 AM"


def test_broken_lines_are_rejoined_into_paragraphs() -> None:
    [article] = clean("broken_lines.txt")
    assert article.paragraphs == [
        "The ministers discussed the summit of the military alliance in the capital, where they "
        "agreed to increase spending on defence and to hold a further meeting in the autumn.",
        "A spokesman for the ministry said the talks were held in a good atmosphere.",
    ]
    assert article.text.count("\n\n") == 1


def test_several_articles_in_one_file_are_split_with_titles() -> None:
    first, second = clean("two_articles.txt")
    assert first.title == "Leaders gather in Paris for security summit"
    assert second.title == "Finance ministers agree on new tariff plan"
    assert first.date_line == "Published March 17, 2025"
    assert second.date_line == "By Jane Doe | March 18, 2025"
    assert second.paragraphs[0].startswith("BRUSSELS - Finance ministers")
    assert "Celebrity chef opens new restaurant" in second.dropped
    assert "Trending Now" not in second.text


def test_mojibake_is_repaired_and_spam_dropped() -> None:
    [article] = clean("mojibake_spam.txt")
    assert "Élysée" in article.text and "Ã" not in article.text
    assert article.title is not None and article.title.startswith("Élysée: minister’s talks")
    assert any("casino" in line for line in article.dropped)
    assert "Share" not in article.paragraphs


def test_a_caption_date_is_not_a_date_line() -> None:
    [article] = clean("caption_date_only.txt")
    assert article.date_line is None
    assert "Photo" not in article.text
    assert any("March 17, 2025" in line for line in article.dropped)


def test_headline_list_before_the_story_is_not_its_title() -> None:
    text = "\n".join([
        "Top Stories",
        "Storm hits coastal towns overnight",
        "Election results delayed in key province",
        "Markets rally after bank decision",
        "Ministers agree to reopen the embassy",
        "By Sam Lee",
        "The two governments agreed on Friday to reopen their embassies, ending a three-year "
        "break in relations.",
    ])
    [article] = clean_text_dump(text)
    assert article.title == "Ministers agree to reopen the embassy"
    assert "Storm hits coastal towns overnight" in article.dropped


def test_lines_repeated_verbatim_are_dropped() -> None:
    caption = "Soldiers patrol the border near the town"
    body = ("Troops were deployed to the border on Tuesday after clashes overnight, the defence "
            "ministry said.")
    lines = ["Troops deployed to the border", caption, caption, body, caption]
    [article] = clean_text_dump("\n".join(lines))
    assert caption not in article.text
    assert article.paragraphs == [body]


def test_no_prose_gives_no_article() -> None:
    assert clean_text_dump("Home\nWorld\nShare\nTT\nSkip to main content\n") == []


@pytest.mark.parametrize(("raw", "want"), [
    ("Leaders meet in Paris | Example News", "Leaders meet in Paris"),
    ("Leaders meet in Paris www.spam.example", "Leaders meet in Paris"),
    # The byline's date set on the headline's line goes, with the byline.
    ("Senate ratifies water treaty by Jeff Morales — November 18, 2025",
     "Senate ratifies water treaty"),
    # A headline that is a quotation keeps its closing guillemet; a stray one goes.
    ("Министр: «Переговоры продолжатся в январе»", "Министр: «Переговоры продолжатся в январе»"),
    ("» Leaders meet in Paris", "Leaders meet in Paris"),
])
def test_clean_title(raw: str, want: str) -> None:
    assert clean_title(raw) == want


def test_has_mojibake() -> None:
    assert has_mojibake("caf\u00c3\u00a9")
    assert not has_mojibake("café, Zürich, Москва")


def test_links_to_other_stories_are_dropped_not_coded():
    from diplograph.pages.cleaning import clean_text_dump

    text = ("Leaders meet in Geneva\n\nGENEVA — The two foreign ministers met on Tuesday for "
            "talks on the ceasefire, officials said.\n\n"
            "Related: Minister warns rival over border clash | Talks collapse in capital\n\n"
            "More from World: Envoy expelled over spy row | Rebels attack convoy\n\n"
            "The talks will resume next week, a spokesperson said.\n")
    (article,) = clean_text_dump(text)
    body = "\n".join(article.paragraphs)
    assert "Related" not in body and "More from" not in body
    assert any("Related" in line for line in article.dropped)
    assert any("More from World" in line for line in article.dropped)
    assert "talks will resume" in body


def test_a_boilerplate_pattern_never_removes_a_long_paragraph() -> None:
    # One long line that mentions cookies, accepting and a policy is an article, not a banner.
    line = ("A biscuit maker withdrew a cinema advert for its oat cookies after a viewer said "
            "it looked like the windows that ask web users to accept tracking. The advert showed "
            "a button marked Accept all cookies, and the cinema chain said it was reviewing the "
            "complaint under its advertising policy. The company said the advert had been meant "
            "as a gentle joke and that sales had risen by a fifth while it ran, according to its "
            "managing director.")
    [article] = clean_text_dump(line)
    assert article.paragraphs == [line]
    cookie_banner = "We use cookies. Accept all cookies to continue, see our policy."
    [banner] = clean_text_dump(f"{cookie_banner}\n{line}")
    assert banner.dropped == [cookie_banner]


def test_a_paragraph_that_ends_with_a_colon_is_still_prose() -> None:
    words = " ".join(["The report compared participation in every constituency."] * 8)
    [article] = clean_text_dump(f"{words} The tables below show the rate for each constituency:")
    assert article.text.endswith("constituency:")


def test_a_comment_thread_under_the_story_is_dropped() -> None:
    story = ["Coach says his team needed the win", "By Sam Lee", "November 19, 2019",
             "The coach said on Monday that his team's playoff hopes depended on winning the "
             "game against their rivals, and that the players knew it before kickoff.",
             "He said the team would review the film on Tuesday and prepare for the next game."]
    comments = ["12 responses to “Coach says his team needed the win”",
                "fan1 says:", "November 19, 2019 at 6:34 am",
                "The coach has said the same thing every week and the team keeps losing games.",
                "fan2 says:", "November 19, 2019 at 6:44 am",
                "It is time for the team to come to grips with reality, the season is over.",
                "fan3 says:", "November 19, 2019 at 6:58 am",
                "Too many mistakes by the coach and the players, the team needs a new plan."]
    [article] = clean_text_dump("\n".join(story + comments))
    assert article.title == "Coach says his team needed the win"
    assert len(article.paragraphs) == 2
    assert "the season is over" not in article.text


def test_a_teasers_cut_off_summary_is_not_a_storys_paragraph() -> None:
    assert summary_line("Cheap earbuds have come a long way. We tested twenty pairs under fifty "
                        "euros to find the ones worth your money...")
    assert summary_line("Whatever they cook, these gifts will please any home cook.")
    # A story's two-sentence paragraph, not cut off, is no summary; nor is a long cut-off one.
    assert not summary_line("The berth will take ships of up to 300 metres. It is due to open "
                            "in 2028, the authority said on Monday.")
    assert not summary_line(" ".join(["The council met again on Monday to discuss it."] * 5)
                            + " And then...")


def test_a_row_of_legal_links_is_furniture_not_a_headline() -> None:
    lines = [Line(text) for text in ("Privacy Policy | Terms & Conditions",
                                     "Terms of Use Privacy Policy About Our Ads Advertising",
                                     "Privacy rules for schools tightened after the data leak")]
    label_lines(lines)
    assert [line.label for line in lines] == ["tool", "tool", "headline"]


def test_a_call_to_action_link_is_furniture_not_a_headline() -> None:
    lines = [Line(text) for text in ("Click for full meet results", "Click to see the full list",
                                     "Clicking through the budget, line by line")]
    label_lines(lines)
    assert [line.label for line in lines] == ["tool", "tool", "headline"]


def test_short_latin_words_are_not_shared_content() -> None:
    # "zur" is a German function word; a name in Hangul or a four-letter stem is content.
    assert not share_a_word("Zurück zur Übersicht", "Die Reform kommt zur Abstimmung")
    assert share_a_word("How much cargo passes the quay?", "The quay handles cargo.")
    assert share_a_word("악녀의 덫에 걸린 이유리", "현재 MBC는 이유리 주연의")
