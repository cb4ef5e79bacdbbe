"""Tests for diplograph.coding.timexpr and .dates: normalising time expressions, dating events."""

from __future__ import annotations

import datetime

import pytest

from diplograph.coding.dates import event_date, sentence_tense
from diplograph.coding.timexpr import find_dates, normalize
from diplograph.records import EventDate

FRI = datetime.date(2013, 3, 22)  # a Friday
TUE_JAN = datetime.date(2025, 1, 7)  # a Tuesday early in January
THU_DEC = datetime.date(2025, 12, 25)  # a Thursday late in December
SAT_MAR1 = datetime.date(2025, 3, 1)  # a Saturday on the first of a month

CASES = [
    # expression, anchor, tense, value, precision
    ("on Monday", FRI, "past", "2013-03-18", "day"),
    ("Friday", FRI, "past", "2013-03-22", "day"),  # the anchor's own day
    ("on Friday", FRI, "future", "2013-03-22", "day"),
    ("on Sunday", FRI, "future", "2013-03-24", "day"),
    ("Thursday", FRI, "past", "2013-03-21", "day"),
    ("Saturday", FRI, "past", "2013-03-16", "day"),
    ("last Friday", FRI, "past", "2013-03-15", "day"),
    ("next Friday", FRI, "future", "2013-03-29", "day"),
    ("Monday night", FRI, "past", "2013-03-18", "day"),
    ("Sunday morning", FRI, "past", "2013-03-17", "day"),
    # weekday arithmetic across month and year boundaries
    ("on Friday", TUE_JAN, "past", "2025-01-03", "day"),
    ("on Saturday", TUE_JAN, "past", "2025-01-04", "day"),
    ("on Monday", TUE_JAN, "past", "2025-01-06", "day"),
    ("on Monday", datetime.date(2025, 1, 2), "past", "2024-12-30", "day"),
    ("on Wednesday", TUE_JAN, "past", "2025-01-01", "day"),
    ("Sunday", THU_DEC, "future", "2025-12-28", "day"),
    ("Friday", THU_DEC, "future", "2025-12-26", "day"),
    ("on Monday", THU_DEC, "future", "2025-12-29", "day"),
    ("Friday", SAT_MAR1, "past", "2025-02-28", "day"),
    ("Thursday", SAT_MAR1, "past", "2025-02-27", "day"),
    ("Monday", SAT_MAR1, "future", "2025-03-03", "day"),
    # days relative to the anchor
    ("yesterday", SAT_MAR1, "past", "2025-02-28", "day"),
    ("today", FRI, "present", "2013-03-22", "day"),
    ("tonight", FRI, "future", "2013-03-22", "day"),
    ("tomorrow", THU_DEC, "future", "2025-12-26", "day"),
    ("late yesterday", TUE_JAN, "past", "2025-01-06", "day"),
    ("three days ago", TUE_JAN, "past", "2025-01-04", "day"),
    # explicit dates in news formats
    ("March 17, 2025", FRI, "past", "2025-03-17", "day"),
    ("18 Jun, 2016", FRI, "past", "2016-06-18", "day"),
    ("Jan. 14", FRI, "past", "2013-01-14", "day"),
    ("Sept. 30", FRI, "past", "2012-09-30", "day"),
    ("Dec. 30", TUE_JAN, "present", "2024-12-30", "day"),
    ("Jan. 5", THU_DEC, "future", "2026-01-05", "day"),
    ("the 4th of July, 1976", FRI, "past", "1976-07-04", "day"),
    ("2016-06-18", FRI, "past", "2016-06-18", "day"),
    ("3/14/2013", FRI, "past", "2013-03-14", "day"),
    ("Friday, March 15", FRI, "past", "2013-03-15", "day"),
    # months
    ("in November", FRI, "past", "2012-11", "month"),
    ("in November", FRI, "future", "2013-11", "month"),
    ("in March", FRI, "past", "2013-03", "month"),
    ("last November", FRI, "past", "2012-11", "month"),
    ("late November", FRI, "past", "2012-11", "month"),
    ("mid-November", FRI, "past", "2012-11", "month"),
    ("since October 2022", FRI, "past", "2022-10", "month"),
    ("last month", TUE_JAN, "past", "2024-12", "month"),
    ("next month", THU_DEC, "future", "2026-01", "month"),
    ("earlier this month", FRI, "past", "2013-03", "month"),
    # weeks: the month when the week lies in one, else the year, else nothing
    ("last week", FRI, "past", "2013-03", "month"),
    ("this week", SAT_MAR1, "past", "2025", "year"),  # Feb 24 - Mar 2
    # years, seasons, quarters
    ("early 2022", FRI, "past", "2022", "year"),
    ("in 2014", FRI, "past", "2014", "year"),
    ("2016", FRI, "past", "2016", "year"),
    ("late last year", FRI, "past", "2012", "year"),
    ("a year ago", FRI, "past", "2012", "year"),
    ("next year", FRI, "future", "2014", "year"),
    ("the end of 1990", FRI, "past", "1990", "year"),
    ("last fall", FRI, "past", "2012", "year"),
    ("this summer", FRI, "future", "2013", "year"),
    ("last winter", FRI, "past", "2012", "year"),
    ("this winter", datetime.date(2014, 1, 10), "present", "2013", "year"),
    ("next spring", datetime.date(2014, 10, 10), "future", "2015", "year"),
    ("the spring of 2014", FRI, "past", "2014", "year"),
    ("the fourth quarter", FRI, "past", "2012", "year"),
    ("the first quarter", FRI, "past", "2013", "year"),
]


@pytest.mark.parametrize(("expression", "anchor", "tense", "value", "precision"), CASES)
def test_normalize(expression, anchor, tense, value, precision):
    assert normalize(expression, anchor, tense=tense) == EventDate(
        value=value, precision=precision, text=expression
    )


@pytest.mark.parametrize(
    "expression",
    [
        "three years", "two weeks", "10:30 a.m.", "recently", "now", "a few days after", "may", "",
        "the 1990s",
    ],
)
def test_not_normalisable(expression):
    assert normalize(expression, FRI, tense="past") is None


def test_week_across_years_has_no_value():
    # Monday 2025-12-29 .. Sunday 2026-01-04: neither one month nor one year.
    assert normalize("next week", datetime.date(2025, 12, 24), tense="future") is None


def test_relative_needs_anchor_but_absolute_does_not():
    assert normalize("on Monday", None) is None
    assert normalize("March 17, 2025", None) == EventDate(
        value="2025-03-17", precision="day", text="March 17, 2025"
    )


@pytest.fixture(scope="module")
def nlp():
    from diplograph.coding.parse import load_nlp

    return load_nlp()


def _parse(nlp, text):
    doc = nlp(text)
    return next(iter(doc.sents)), doc


def _token(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "tense"),
    [
        ("The ministers will meet in Brussels.", "meet", "future"),
        ("The president is expected to visit Kyiv.", "visit", "future"),
        ("He is going to visit Kyiv.", "visit", "future"),
        ("The president is to meet Putin.", "meet", "future"),
        ("The two leaders met in Paris.", "met", "past"),
        ("Russia has expelled two diplomats.", "expelled", "past"),
        ("Protesters gather outside the embassy.", "gather", "present"),
    ],
)
def test_sentence_tense(nlp, text, word, tense):
    _, doc = _parse(nlp, text)
    assert sentence_tense(_token(doc, word)) == tense


def test_find_dates_adds_weekdays_and_widens(nlp):
    text = "Russia expelled two diplomats last fall and met officials Tuesday in early 2022."
    sent, doc = _parse(nlp, text)
    texts = [text for _, _, text in find_dates(sent)]
    assert "last fall" in texts
    assert "Tuesday" in texts
    assert "early 2022" in texts
    for start, end, text in find_dates(sent):
        assert doc.text[start:end] == text


def test_event_date_past_weekday(nlp):
    sent, doc = _parse(nlp, "Carney spoke with Zelenskyy on Friday, his office said.")
    date = event_date(sent, _token(doc, "spoke"), datetime.date(2025, 12, 27))
    assert date == EventDate(value="2025-12-26", precision="day", text="Friday")


def test_event_date_future_weekday(nlp):
    sent, doc = _parse(nlp, "The two leaders will meet on Sunday in Geneva.")
    date = event_date(sent, _token(doc, "meet"), datetime.date(2025, 12, 26))
    assert (date.value, date.precision) == ("2025-12-28", "day")


def test_event_date_skips_reporting_date_for_past_event(nlp):
    sent, doc = _parse(nlp, "Officials said on Tuesday that the two leaders met in Paris.")
    date = event_date(sent, _token(doc, "met"), datetime.date(2025, 3, 20))
    assert date == EventDate(value="2025-03-20", precision="unknown", text=None)


def test_event_date_reporting_verb_keeps_its_own_date(nlp):
    sent, doc = _parse(nlp, "Officials said on Tuesday that the two leaders met in Paris.")
    date = event_date(sent, _token(doc, "said"), datetime.date(2025, 3, 20))
    assert (date.value, date.precision) == ("2025-03-18", "day")


def test_event_date_without_expression_is_unknown(nlp):
    sent, doc = _parse(nlp, "The two leaders met in Paris.")
    assert event_date(sent, _token(doc, "met"), datetime.date(2025, 3, 20)) == EventDate(
        value="2025-03-20", precision="unknown", text=None
    )
    assert event_date(sent, _token(doc, "met"), None).value is None


def test_event_date_coarse_publication_date_refuses_day_arithmetic(nlp):
    sent, doc = _parse(nlp, "The two leaders met on Monday in Paris.")
    anchor = datetime.date(2025, 3, 1)
    date = event_date(sent, _token(doc, "met"), anchor, published_precision="month")
    assert date.precision == "unknown"


def test_event_date_explicit_date_with_unknown_publication(nlp):
    sent, doc = _parse(nlp, "The two leaders met on March 17, 2025 in Paris.")
    date = event_date(sent, _token(doc, "met"), None, published_precision="unknown")
    assert (date.value, date.precision) == ("2025-03-17", "day")


def test_event_date_noun_trigger_with_participle(nlp):
    text = "The summit, held in November in Brussels, ended with a joint statement."
    sent, doc = _parse(nlp, text)
    date = event_date(sent, _token(doc, "summit"), datetime.date(2025, 12, 27))
    assert (date.value, date.precision, date.text) == ("2025-11", "month", "November")


def test_event_date_other_clause_is_not_used(nlp):
    sent, doc = _parse(nlp, "Talks scheduled for next week were cancelled.")
    cancelled = event_date(sent, _token(doc, "cancelled"), datetime.date(2025, 3, 12))
    assert cancelled.precision == "unknown"
    planned = event_date(sent, _token(doc, "Talks"), datetime.date(2025, 3, 12))
    assert (planned.value, planned.precision) == ("2025-03", "month")  # Mar 17-23


def test_event_date_duration_is_not_a_date(nlp):
    text = "The foreign ministers held talks in Geneva a few days after the ceasefire collapsed."
    sent, doc = _parse(nlp, text)
    assert event_date(sent, _token(doc, "held"), datetime.date(2025, 3, 12)).precision == "unknown"


def test_find_dates_ignores_verb_homographs_and_uses_doc_offsets(nlp):
    doc = nlp("Intro sentence here. Officials may March to the capital on Monday.")
    sent = list(doc.sents)[1]
    found = find_dates(sent)
    assert [text for _, _, text in found] == ["Monday"]
    start, end, _ = found[0]
    assert doc.text[start:end] == "Monday" and start > sent.start_char


@pytest.mark.parametrize(
    ("expression", "tense", "value"),
    [
        ("the third quarter", "past", "2012"),  # anchor in Q1: last year's Q3
        ("the first quarter", "present", "2013"),
        ("the first quarter", "future", "2013"),
        ("last first quarter", "past", "2012"),
        ("the third quarter of 2011", "past", "2011"),
        ("Thanksgiving Day", "past", "2012-11-22"),
        ("nineteen ninety-six", "past", "1996"),
        ("January this year", "past", "2013-01"),
        ("year-earlier", "past", "2012"),
    ],
)
def test_quarters_holidays_and_spelled_years(expression, tense, value):
    found = normalize(expression, FRI, tense=tense)
    assert found is not None and found.value == value


def test_normalize_never_raises_and_values_are_well_formed():
    import re

    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from([
        "last", "next", "the", "early", "mid-", "Friday", "May", "may", "30", "2013", "Sept.",
        "of", "year", "week", "quarter", "fall", "ago", "two", "days", "night", "'98", ",", "-",
    ])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(words, max_size=5).map(" ".join),
           st.sampled_from(["past", "present", "future"]),
           st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2099, 12, 31)))
    def check(expression, tense, anchor):
        found = normalize(expression, anchor, tense=tense)
        if found is not None:
            pattern = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
            assert re.fullmatch(pattern[found.precision], found.value)

    check()
