"""Dates: explicit and relative expressions, resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extract.dates import extract_dates
from builder.extract.figures import extract_figures
from builder.ids import mention_id
from builder.models import Article, Mention
from builder.nlp import analyse

# A Wednesday.
PUBLISHED = date(2024, 3, 13)


def dates(body: str, published: date | None = PUBLISHED) -> list[Mention]:
    a = Article(id="a1", story="s", path="a1.txt", outlet="Daily Example", title="t", body=body,
                published=published)
    return extract_dates(a, analyse(body))


def found(body: str, published: date | None = PUBLISHED) -> list[tuple[str, str | None]]:
    return [(d.text, d.date) for d in dates(body, published)]


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        ("The border closed on February 24, 2022, before dawn.", "February 24, 2022", "2022-02-24"),
        ("The border closed on Feb. 24, 2022, before dawn.", "Feb. 24, 2022", "2022-02-24"),
        ("The accord was signed on 12 July 2015 in Vienna.", "12 July 2015", "2015-07-12"),
        ("The plant opened in June 2019 near the river.", "June 2019", "2019-06"),
        ("Prices began to climb in February 2022.", "February 2022", "2022-02"),
        ("The region was annexed in 2014.", "2014", "2014"),
        ("The last census was taken in early 2022.", "early 2022", "2022"),
        ("The strike began in late 2019.", "late 2019", "2019"),
        ("Output peaked in mid-2020.", "mid-2020", "2020"),
        ("The club was founded in 1878 by railway workers.", "1878", "1878"),
        ("The minister resigned on Friday, Sept. 8, 2023, after the vote.", "Friday, Sept. 8, 2023", "2023-09-08"),
    ],
)
def test_explicit_date_resolves_at_the_precision_written(sentence: str, text: str, iso: str) -> None:
    assert found(sentence) == [(text, iso)]
    assert not dates(sentence)[0].relative


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        ("The mayor said on March 7 that the bridge would reopen.", "March 7", "2024-03-07"),
        ("The mayor said on Mar. 7 that the bridge would reopen.", "Mar. 7", "2024-03-07"),
        ("The court ruled on January 28 against the appeal.", "January 28", "2024-01-28"),
        ("The company cut jobs in January.", "January", "2024-01"),
        # a month after publication, in a past-tense sentence, belongs to the year before
        ("The company cut jobs in October, the report said.", "October", "2023-10"),
        ("Fighting broke out on December 20 near the border.", "December 20", "2023-12-20"),
        # in a future-tense sentence it stays in (or moves to) the coming months
        ("The new rules will take effect in June.", "June", "2024-06"),
        ("The report, due in May, was delayed, officials said.", "May", "2024-05"),
    ],
)
def test_date_without_year_takes_it_from_publication_and_tense(sentence: str, text: str, iso: str) -> None:
    assert found(sentence) == [(text, iso)]
    assert dates(sentence)[0].relative


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        ("The governor said on Friday that schools would reopen.", "Friday", "2024-03-08"),
        ("The two sides met Friday in Geneva.", "Friday", "2024-03-08"),
        ("On Monday, officials confirmed the closure.", "Monday", "2024-03-11"),
        # a weekday equal to the publication weekday, in the past tense, is that day
        ("The council voted on Wednesday to raise fares.", "Wednesday", "2024-03-13"),
        ("The council will vote on Thursday on the fare rise.", "Thursday", "2024-03-14"),
        ("The council will vote on Monday on the fare rise.", "Monday", "2024-03-18"),
        ("The vote is scheduled for Tuesday.", "Tuesday", "2024-03-19"),
        ("The minister resigned last Friday.", "last Friday", "2024-03-08"),
        ("The talks resume next Tuesday.", "next Tuesday", "2024-03-19"),
        ("The shop closed yesterday after a fire.", "yesterday", "2024-03-12"),
        ("The results are due today.", "today", "2024-03-13"),
        ("Parliament passed the bill last month.", "last month", "2024-02"),
        ("Exports fell sharply last year.", "last year", "2023"),
        ("The plan will be published next month.", "next month", "2024-04"),
    ],
)
def test_relative_date_resolves_against_publication_honouring_tense(sentence: str, text: str, iso: str) -> None:
    assert found(sentence) == [(text, iso)]
    assert dates(sentence)[0].relative


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Negotiators will meet again next week.", "next week"),
        ("Inspectors arrived last week.", "last week"),
        ("The envoy is travelling this week.", "this week"),
        ("She said the vote would be held the following week.", "the following week"),
    ],
)
def test_week_is_a_mention_without_iso_date(sentence: str, text: str) -> None:
    assert found(sentence) == [(text, None)]


def test_relative_date_without_publication_date_is_kept_unresolved() -> None:
    assert found("The mayor resigned on Friday.", published=None) == [("Friday", None)]
    assert found("The mayor resigned in 2019.", published=None) == [("2019", "2019")]


def test_relative_period_restating_an_explicit_date_is_dropped() -> None:
    body = "Late last month, the court ruled on February 26 that the strike was legal."
    assert found(body) == [("February 26", "2024-02-26")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote closes at 8 p.m. on the coast.",
        "The statement was posted at 20:41 local time.",
        "The president flew home aboard Air Force One.",
        "Finance ministers gathered at the G20 meeting.",
        "Fashion from the '90s is back.",
        "The 1990s were a decade of growth.",
        "The siege lasted nearly three years.",
        "Talks were expected to last about a week.",
        "The agency hired 2000 workers and spent $2019 on it.",
        "He may resign, and the march may go ahead.",
        "April Smith was elected chair.",
        "Read more at https://example.com/news/2024/11/report.",
        "Every day, people queue for bread.",
    ],
)
def test_not_a_date(sentence: str) -> None:
    assert found(sentence) == []


def test_duration_is_a_figure_and_not_a_date() -> None:
    body = "The blockade has lasted nearly three years, officials said."
    a = Article(id="a1", story="s", path="a1.txt", outlet="o", title="t", body=body, published=PUBLISHED)
    doc = analyse(body)
    assert extract_dates(a, doc) == []
    (fig,) = extract_figures(a, doc, [])
    assert (fig.text, fig.value, fig.unit) == ("nearly three years", 3, "years")


def test_mention_offsets_context_and_id_are_consistent() -> None:
    body = "The port reopened.\n\nOfficials said on Monday that ships were moving. Trade is slow."
    (d,) = dates(body)
    assert body[d.start:d.end] == d.text == "Monday"
    assert body[d.context_start:d.context_end] == "Officials said on Monday that ships were moving."
    assert d.id == mention_id("a1", "date", d.start, d.end)
    assert (d.kind, d.date) == ("date", "2024-03-11")


@pytest.mark.parametrize(
    ("sentence", "text", "iso"),
    [
        # PUBLISHED is Wednesday 13 March 2024
        ("The refinery will be closed by the end of February.", "the end of February", "2025-02"),
        ("Polls open on Saturday across the region.", "Saturday", "2024-03-16"),
        ("The retailer reports full-year sales on 20 January.", "20 January", "2025-01-20"),
        ("The ruling is scheduled for Wednesday.", "Wednesday", "2024-03-13"),
        ("The ruling is scheduled for next Wednesday.", "next Wednesday", "2024-03-20"),
    ],
)
def test_passive_timetable_and_same_day_future_dates(sentence: str, text: str, iso: str) -> None:
    assert (text, iso) in found(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Researchers studied the 2022 outbreak in detail.", [("2022", "2022")]),
        ("The campaign of '08 is long over.", [("'08", "2008")]),
        ("In March, the plant closed.", [("In March", "2024-03")]),
        ("Last September the mayor resigned.", [("Last September", "2024-09")]),
        ("The dispute began 12 years ago.", [("12 years ago", "2013")]),
        ("Talks were held before Thanksgiving.", [("Thanksgiving", "2024-11-28")]),
        ("Turnout fell on Election Day.", [("Election Day", "2024-11-05")]),
    ],
)
def test_attributive_years_sentence_start_months_ago_and_holidays_are_dates(sentence, expected):
    assert found(sentence, date(2025, 2, 9)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "LONDON, Feb 9 (Reuters) - Dockers walked out.",
        "She told the programme This Week that she would run.",
        "The Thanksgiving parade was cancelled.",
    ],
)
def test_datelines_programme_titles_and_holiday_names_as_modifiers_are_not_dates(sentence):
    assert found(sentence, date(2025, 2, 9)) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The mayor is standing for re-election in May.", "2025-05"),
        ("Ministers met ahead of October's budget.", "2025-10"),
        ("Commuters are braced on Monday for a second day of strikes.", "2025-02-10"),
        ("The interview, to air Tuesday morning, was taped.", "2025-02-11"),
    ],
)
def test_the_future_sense_resolves_forward(sentence, expected):
    ((_, iso),) = found(sentence, date(2025, 2, 9))
    assert iso == expected


def test_anchored_relatives_and_back_references_take_the_date_the_text_named():
    assert found("In May 2021 she won. The following month, she set up a board.", date(2025, 2, 9)) == [
        ("May 2021", "2021-05"), ("The following month", "2021-06")]
    assert found("He spoke at a 2008 event. At that March 2 event he promised a tram.", date(2025, 2, 9)) == [
        ("2008", "2008"), ("March 2", "2008-03-02")]
    assert found("Her 2019 rival misspoke during an interview in early June.", date(2020, 11, 20)) == [
        ("2019", "2019"), ("early June", "2019-06")]
