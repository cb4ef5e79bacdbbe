"""A writer's line without "By": a name or a role and a social handle (issue #14, titles29).

"Jane Doe @janedoe / 2 days" under a headline is the story's byline: it labels as one, so the
headline over it is an article's header (the story opens an article of its own, even beside a
longer story), and it never continues the headline above it. The patterns live in
``data/boilerplate/byline_lines.tsv``; the dumps ``handle_byline_*.txt`` of ``test_dumps``
check whole pages.
"""

from __future__ import annotations

import pytest

from diplograph.pages.lines import label_lines, read_lines, writer_line


@pytest.mark.parametrize("line", [
    "Helena Varga @helenavarga / 2 days",
    "Tomas Berg @tomasberg_news · 5 hours ago",
    "Joanna Kerr @jkerr_travel | 1 day ago",
    "Priya Natarajan @priyanat",
    "Political correspondent @mira_holt_news",
    "Anne-Marie O'Neill @amoneill — yesterday",
])
def test_a_name_or_role_and_a_handle_is_a_writers_line(line: str) -> None:
    assert writer_line(line)


@pytest.mark.parametrize("line", [
    "Follow @harbourpost",  # a button: one word before the handle
    "Tweets by @harbourpost",  # a widget's header
    "Follow us on Twitter @harbourpost",  # a button, whatever its length
    "Account: @harbour_kitchen",  # a field's label and value
    "— The Harbour Post (@harbourpost) May 6, 2026",  # an embedded post's signature
    "Women@Work",  # a section's name with an at sign
    "Write to the editors at letters@harbourpost.example",  # an address in a sentence
    "The mayor replied to @harbourpost on Tuesday that the port would stay open.",
])
def test_other_lines_with_an_at_sign_are_not(line: str) -> None:
    assert not writer_line(line)


def _labels(text: str) -> list[tuple[str, str]]:
    lines, _ = read_lines(text)
    label_lines(lines)
    return [(line.text, line.label) for line in lines]


def test_the_writers_line_labels_as_a_byline_under_its_headline() -> None:
    labels = _labels(
        "Museum returns carved doors to the village they were taken from\n"
        "Clara Jensen @clarajensen_arts / 6 hours ago\n"
        "The national museum handed back on Sunday a pair of carved wooden doors taken from a "
        "village church more than a century ago.\n")
    assert labels[1] == ("Clara Jensen @clarajensen_arts / 6 hours ago", "byline")


def test_a_headline_ending_on_a_preposition_is_not_joined_to_its_writers_line() -> None:
    # "... taken from" would otherwise be read as a sentence broken off before its next line.
    labels = _labels(
        "Museum returns carved doors to the village they were taken from\n"
        "Clara Jensen @clarajensen_arts / 6 hours ago\n")
    assert [text for text, _ in labels] == [
        "Museum returns carved doors to the village they were taken from",
        "Clara Jensen @clarajensen_arts / 6 hours ago"]
