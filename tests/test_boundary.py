"""The split decision of the text-dump cleaner (issue #14): a score over several signals.

A new article starts where the evidence adds up, never on one weak signal alone: a
headline over a byline in a "Related" box, a new page's menus above another teaser, or
a change of subject (comments, a sidebar) each leave the article as it is.
"""

from __future__ import annotations

from dataclasses import replace

from diplograph.pages.boundary import Evidence, opens_article, opens_untitled

NOTHING = Evidence(headline=0.0, header=False, dateline=False, new_page=False, similarity=0.3,
                   words=60)


def test_no_single_signal_opens_an_article() -> None:
    for alone in (replace(NOTHING, headline=1.0), replace(NOTHING, header=True),
                  replace(NOTHING, dateline=True), replace(NOTHING, new_page=True),
                  replace(NOTHING, similarity=0.0), replace(NOTHING, words=3000)):
        assert not opens_article(alone), alone


def test_a_header_a_change_of_subject_and_length_open_one_without_a_matching_headline() -> None:
    # A long story under its byline and date, about something else, whose headline shares a
    # third of its words with its lede (a sidebar's headline sits above the story's own).
    story = replace(NOTHING, headline=0.33, header=True, similarity=0.0, words=1900)
    assert opens_article(story)
    assert not opens_article(replace(story, header=False))


def test_a_new_page_outweighs_a_shared_subject() -> None:
    # Two stories of one site on one subject: the second under headline, standfirst and a
    # date line, after a new page's menus.
    related = replace(NOTHING, header=True, new_page=True, similarity=0.17, words=344)
    assert opens_article(related)
    assert not opens_article(replace(related, new_page=False))


def test_the_same_story_again_opens_nothing() -> None:
    # A sticky header printed again over the story's own continuation.
    again = replace(NOTHING, headline=1.0, header=True, similarity=0.6, words=400)
    assert not opens_article(again)
    assert opens_article(replace(again, dateline=True, similarity=0.34))  # a follow-up story


def test_an_untitled_page_needs_more_than_a_titled_one() -> None:
    # A later page whose headline was not found: its menus, a change of subject and length
    # open an article only when all of them are strong, with its date line under it.
    page = replace(NOTHING, new_page=True, similarity=0.05, words=400)
    assert opens_article(page) and not opens_untitled(page)
    assert opens_untitled(replace(page, header=True))
    assert not opens_untitled(replace(page, similarity=0.3, header=True))
