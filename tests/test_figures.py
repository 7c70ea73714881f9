"""Figures: what is read as a figure, what is not, and how each is normalised."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extract.figures import extract_figures
from builder.ids import mention_id
from builder.models import Article, Mention
from builder.nlp import analyse

PUBLISHED = date(2024, 3, 15)


def article(body: str) -> Article:
    return Article(id="a1", story="s", path="a1.txt", outlet="Daily Example", title="t", body=body,
                   published=PUBLISHED)


def figures(body: str, quotes: tuple[Mention, ...] = ()) -> list[Mention]:
    a = article(body)
    return extract_figures(a, analyse(body), list(quotes))


def only(body: str) -> Mention:
    found = figures(body)
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The storm left 700,000 homes without power on the island.", 700_000, None),
        ("Officials said 45,100 people had been evacuated from the coast.", 45_100, "people"),
        ("The ministry said two million people had fled the region.", 2e6, "people"),
        ("The start-up raised $1.4 billion from investors.", 1.4e9, "dollars"),
        ("The council approved €3bn for the new metro line.", 3e9, "euros"),
        ("The club paid £40m for the striker.", 40e6, "pounds"),
        ("The vaccine reached 1.2m people in the first month.", 1.2e6, "people"),
        ("Turnout fell to 12% in the northern districts.", 12, "percent"),
        ("Unemployment rose to 7.5 percent in the spring.", 7.5, "percent"),
        ("Inflation slowed to 3.5 per cent in the euro area.", 3.5, "percent"),
        ("A dozen protesters were detained outside parliament.", 12, "people"),
        ("Half a million residents remain without clean water.", 5e5, "people"),
        ("Three-quarters of respondents backed the plan.", 75, "percent"),  # a share, like "one in five"
        ("The crowd numbered twenty-five thousand, organisers said.", 25_000, None),
        ("The company will pay 2 million dollars in compensation.", 2e6, "dollars"),
        ("One person was killed when the bridge collapsed.", 1, "people"),
        ("The siege of the port lasted three years.", 3, "years"),
        ("The ministry promised a decision within 24 hours.", 24, "hours"),
        ("Rebels agreed to a 72-hour ceasefire.", 72, "hours"),
        ("Roughly one in five children lives in poverty.", 20, "percent"),
        ("Nine in 10 voters backed the measure.", 90, "percent"),
    ],
)
def test_figure_is_found_with_value_and_unit(sentence: str, value: float, unit: str | None) -> None:
    fig = only(sentence)
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit


@pytest.mark.parametrize(
    ("sentence", "qualifier", "value"),
    [
        ("The fire destroyed around 300 homes.", "around", 300),
        ("Nearly 40 percent of voters stayed home.", "nearly", 40),
        ("More than 1,000 firefighters battled the blaze.", "more than", 1_000),
        ("At least 12 people died in the collapse.", "at least", 12),
        ("Up to 5,000 workers could lose their jobs.", "up to", 5_000),
        ("Some 200 families were moved to shelters.", "some", 200),
        ("Approximately 3,000 ballots were spoiled.", "approximately", 3_000),
        ("The airline cancelled about 60 flights.", "about", 60),
        ("The fund lost over $2 million last quarter.", "over", 2e6),
        ("Almost 90 lorries were stuck at the border.", "almost", 90),
        ("The talks were expected to last about a week.", "about", 1),
    ],
)
def test_hedge_is_kept_as_qualifier_and_inside_the_mention(sentence: str, qualifier: str, value: float) -> None:
    fig = only(sentence)
    assert fig.qualifier == qualifier
    assert fig.value == pytest.approx(value)
    assert fig.text.lower().startswith(qualifier)


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Between 150 and 200 people attended the vigil.", 150, 200, "people"),
        ("The tremor damaged 150 to 200 buildings.", 150, 200, None),
        ("Police put the crowd at 150-200 people.", 150, 200, "people"),
        ("Repairs will cost $5-10 million, engineers said.", 5e6, 10e6, "dollars"),
    ],
)
def test_range_keeps_both_ends_and_takes_its_low_end_as_value(sentence: str, low: float, high: float,
                                                              unit: str | None) -> None:
    fig = only(sentence)
    assert (fig.low, fig.high, fig.value) == (pytest.approx(low), pytest.approx(high), pytest.approx(low))
    assert fig.unit == unit


@pytest.mark.parametrize(
    ("sentence", "low"),
    [
        ("Tens of thousands of people marched through the capital.", 20_000),
        ("Hundreds of flights were cancelled at the hub.", 200),
        ("The army sent thousands of troops to the border.", 2_000),
    ],
)
def test_vague_quantity_has_no_value_and_a_lower_bound(sentence: str, low: float) -> None:
    fig = only(sentence)
    assert fig.value is None
    assert fig.low == low


@pytest.mark.parametrize(
    "sentence",
    [
        "The law was passed in 2022 after a long debate.",
        "The treaty was signed in Minsk in 2014.",
        "The summit opened on Feb. 24 in Brussels.",
        "The ceasefire took effect on June 28, 2019, at dawn.",
        "Polls close at 8 p.m. on the coast.",
        "The statement was posted at 20:41 local time.",
        "She finished third in the regional race.",
        "The city marked its 60th anniversary with a parade.",
        "Platforms are shielded by Section 230 of the act.",
        "The estimate appears on page 4 of the report.",
        "Allies discussed whether Article 5 of the treaty applied.",
        "Finance ministers gathered at the G20 meeting.",
        "Readers can call the hotline on 555-123-4567 for help.",
        "Read more at https://example.com/news/2024/11/report-45 today.",
        "The president flew home aboard Air Force One.",
        "No one was hurt in the blast.",
        "She was the one who called the police.",
        "One of them was later released without charge.",
        "The two leaders shook hands in front of the cameras.",
        "He is a father of two from the north of the county.",
        "Maria Lopez, 34, said she had waited all night.",
        "Pilots of the F-16 jets flew low over the city.",
        "Researchers studied the 2022 outbreak in detail.",
        "The home side won 3-1 after extra time.",
        "Diplomats still back a two-state solution.",
        "Both sides claimed victory after the vote.",
        "The club signed the 23-year-old from a rival.",
        "The 2019-20 season was cut short.",
        "The ministers met at 10 Downing Street after lunch.",
    ],
)
def test_not_a_figure(sentence: str) -> None:
    assert [f.text for f in figures(sentence)] == []


def test_figure_inside_quotation_takes_the_quotations_speaker() -> None:
    body = "“We have counted 3,000 missing people,” the mayor told reporters."
    start, end = body.index("We"), body.index(",”")
    quote = Mention(id="q", article="a1", kind="quote", text=body[start:end], start=start, end=end,
                    speaker="Ana Ruiz")
    (fig,) = figures(body, (quote,))
    assert fig.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Health Minister Ana Ruiz estimated that 3,000 people were missing.", "Ana Ruiz"),
        ("Ana Ruiz leads the inquiry. Later, Ruiz said that 3,000 people were missing.", "Ana Ruiz"),
        ("According to the Red Cross, 3,000 people were missing.", "Red Cross"),
        ("Ana Ruiz spoke in the morning. About 3,000 people are missing, Ruiz said.", "Ana Ruiz"),
        ("Ana Ruiz visited the camp. She said 3,000 people were still missing.", "Ana Ruiz"),
        ("Output fell by 3,000 tonnes, the Office for National Statistics said.", "Office for National Statistics"),
    ],
)
def test_reporting_verb_in_the_sentence_says_whose_figure_it_is(body: str, speaker: str) -> None:
    (fig,) = [f for f in figures(body) if f.value == 3_000]
    assert fig.speaker == speaker


def test_figure_without_source_has_no_speaker() -> None:
    assert only("The storm destroyed 300 homes overnight.").speaker is None


def test_subject_is_completed_by_the_outcome_across_a_coordination() -> None:
    body = ("The monitor estimated that about 12,000 rebel fighters and 8,000 government troops "
            "had been killed since the uprising began.")
    subjects = [f.subject for f in figures(body)]
    assert subjects == ["rebel fighters killed", "government troops killed"]


def test_elided_noun_carries_over_to_the_next_figure() -> None:
    body = "The army said 1,200 civilians have been killed and 3,400 wounded in the shelling."
    assert [f.subject for f in figures(body)] == ["civilians killed", "civilians wounded"]


def test_money_subject_keeps_its_preposition() -> None:
    fig = only("The senator reported $250,000 in campaign funds last quarter.")
    assert (fig.value, fig.unit, fig.subject) == (250_000, "dollars", "in campaign funds")


def test_mention_offsets_context_and_id_are_consistent() -> None:
    body = "The bridge opened in May.\n\nEngineers said it cost $80 million to build. Traffic is light."
    (fig,) = figures(body)
    assert body[fig.start:fig.end] == fig.text == "$80 million"
    assert body[fig.context_start:fig.context_end] == "Engineers said it cost $80 million to build."
    assert fig.id == mention_id("a1", "figure", fig.start, fig.end)
    assert fig.kind == "figure" and fig.article == "a1"


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The central bank cut rates by half a percentage point.", 0.5, "percentage points"),
        ("The hearing was delayed by half an hour.", 0.5, "hours"),
    ],
)
def test_half_a_unit_is_a_figure(sentence: str, value: float, unit: str) -> None:
    fig = only(sentence)
    assert (fig.value, fig.unit) == (value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "A similar bill failed 48-52 in the Senate.",
        "Call 1-800-621-3362 for assistance.",
    ],
)
def test_hyphenated_pair_without_a_counted_noun_is_a_tally_or_a_code(sentence: str) -> None:
    assert [f.text for f in figures(sentence)] == []


def test_each_figure_takes_the_source_nearest_to_it() -> None:
    body = ("At least 24 people were killed, Gov. Ron Alvarez said, and damage could reach "
            "$50 billion, according to Moody's Analytics.")
    assert [(f.value, f.speaker) for f in figures(body)] == [(24, "Ron Alvarez"), (50e9, "Moody's Analytics")]


def test_reporting_verb_inside_a_subordinate_clause_is_not_the_source() -> None:
    body = "The army sent 4,000 troops for what the general said was a training exercise."
    assert only(body).speaker is None


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Inspectors found that a third of the bridges needed repairs.", 100 / 3),
        ("Half of the nurses at the clinic have left since the spring.", 50),
        ("The shares have lost half their value in a month.", 50),
        ("Ticket sales rose by almost a quarter to £12m.", 25),
        ("Some 40% of orders arrive online, compared with a quarter in 2019.", 25),
    ],
)
def test_fraction_word_used_as_a_share_is_a_percentage(sentence: str, value: float) -> None:
    found = figures(sentence)
    assert any(f.unit == "percent" and f.value == pytest.approx(value) for f in found), [(f.text, f.value) for f in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "The visitors scored twice in the second half.",
        "She is seeking a third term as mayor.",
        "The hearing lasted half an hour.",
    ],
)
def test_fraction_word_that_is_no_share_is_not_a_percentage(sentence: str) -> None:
    assert not [f for f in figures(sentence) if f.unit == "percent"]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The storm made landfall 150km east of the port.", 150, "kilometres"),
        ("A loaf now costs 95p, up from 80p last year.", 95, "pence"),
        ("The ministry will spend Rs 350 crore on new buses.", 3.5e9, "rupees"),
        ("Farmers were promised 12 lakh rupees in compensation.", 1.2e6, "rupees"),
        ("The merger values the insurer at NOK 14bn.", 14e9, "kroner"),
        ("The province will borrow C$1.5 billion this year.", 1.5e9, "dollars"),
    ],
)
def test_glued_units_south_asian_scales_and_currency_codes(sentence: str, value: float, unit: str) -> None:
    fig = figures(sentence)[0]
    assert (fig.value, fig.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The embassy moved to 40 Rue Marceau last spring.",
        "Talks were held at 12 Harbour Row, the union's office.",
        "Callers should ring the helpline, 116, at any hour.",
        "The council last changed the map five years ago.",
        "Kowalski is now a top-three seed.",
    ],
)
def test_address_helpline_time_point_and_compound_are_not_figures(sentence: str) -> None:
    assert figures(sentence) == []


def test_year_after_in_is_no_ratio() -> None:
    found = figures("The party won 31 seats, down from 40 in 2015.")
    assert [(f.text, f.value, f.unit) for f in found] == [("31", 31, None), ("40", 40, None)]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("The Greens won 12 of the 60 seats in the chamber.", "seats"),
        ("Rescuers reached 18 of the town's 40 farms by noon.", "farms"),
        ("Hundreds of people slept outside the station.", "people"),
        ("There are 300 volunteers working at the depot.", "volunteers"),
        ("The coalition needs 9 more votes to pass the bill.", "more votes"),
    ],
)
def test_subject_skips_the_total_and_stops_at_the_verb(sentence: str, subject: str) -> None:
    assert figures(sentence)[0].subject == subject


def subject_of(body: str, text: str) -> str | None:
    return next(f.subject for f in figures(body) if f.text == text)


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        # the measure named right before the number
        ("A magnitude 6.2 earthquake shook the coastal town overnight.", "6.2", "magnitude"),
        ("The survey put the quake's magnitude at 5.9, lower than first thought.", "5.9", "magnitude"),
        # the noun phrase opening the clause of a level verb
        ("The death toll from the ferry disaster rose to at least 310 on Friday.", "at least 310", "death toll"),
        ("Turnout was 54.8%, officials said.", "54.8%", "turnout"),
        ("Rescuers said the number of recorded deaths climbed to 212.", "212", "recorded deaths"),
        ("Operating profit this year would be between $2bn and $2.3bn.", "between $2bn and $2.3bn",
         "Operating profit"),
        # the noun before "of", not the verb before it
        ("The chain reported revenue of $8.1 billion for the year.", "$8.1 billion", "revenue"),
        ("The ferry operator expects operating profit of $90 million.", "$90 million", "operating profit"),
        # a change: "a rise in X" counts X; "up", "to" carry the previous figure's subject
        ("The brewer posted a 7% rise in annual revenue to £2.4bn.", "7%", "annual revenue"),
        ("The brewer posted a 7% rise in annual revenue to £2.4bn.", "£2.4bn", "annual revenue"),
        ("Net sales rose 5% to $3.2 billion in the quarter.", "$3.2 billion", "Net sales"),
        ("The airline reported revenue of $6 billion, up 9% from a year earlier.", "9%", "revenue"),
        # an outcome verb before the number completes the subject
        ("The mudslide killed about 140 people in the valley.", "about 140", "people killed"),
    ],
)
def test_subject_is_read_before_the_figure_when_nothing_after_names_it(sentence, text, subject):
    assert subject_of(sentence, text) == subject


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("Shares of the carrier rose 4.1% in Tokyo trading to ¥2,300 in Tokyo trading.", "¥2,300"),
        ("Exports grew 11% to $95 billion in calendar 2023.", "$95 billion"),
    ],
)
def test_a_place_or_a_time_after_an_amount_is_not_what_it_counts(sentence, text):
    assert subject_of(sentence, text) not in ("in Tokyo trading", "in calendar")


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        # a date before the figure, in a past year: the figure is of that year
        ("It was the worst flood since June 2009, when the river killed 85 people.", "85", "people killed (2009)"),
        ("The last big quake, in 1985, killed about 900 people.", "about 900", "people killed (1985)"),
        # a date right after it in the same clause
        ("Turnout was 66%, up from 71% in 2016.", "71%", "turnout (2016)"),
        # a target in a later year
        ("The city plans 12,000 homes by 2031.", "12,000", "homes (2031)"),
    ],
)
def test_a_figure_in_a_sentence_about_another_year_carries_that_year(sentence, text, subject):
    assert subject_of(sentence, text) == subject


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("Turnout was 66%, up from 71% in 2016.", "66%", "turnout"),  # the year is the earlier figure's
        ("Sales have doubled since 2015 and the firm now employs 4,000 workers.", "4,000", "workers"),
        ("The council won 40 seats, down from 45 in 2018, while the Greens took 12 seats.", "12", "seats"),
        ("Last year the ferry carried 2 million passengers.", "2 million", "passengers"),  # not a year ago
    ],
)
def test_a_date_that_belongs_elsewhere_leaves_the_figure_as_today_s(sentence, text, subject):
    assert subject_of(sentence, text) == subject


@pytest.mark.parametrize(
    ("sentence", "text", "subject"),
    [
        ("Net profit rose to $70 million from $52 million.", "$52 million", "previous Net profit"),
        ("The unit's loss narrowed to $4 million from $9 million.", "$4 million", "loss"),
    ],
)
def test_the_earlier_value_of_a_change_is_marked_previous(sentence, text, subject):
    assert subject_of(sentence, text) == subject


@pytest.mark.parametrize(
    ("sentence", "values", "subject"),
    [
        ("The bill passed in a 31-9 vote.", [31, 9], "votes"),
        ("The council voted 27-4 on the plan.", [27, 4], "votes"),
        ("The chair won a 58-to-21 vote.", [58, 21], "votes"),
        ("The coalition holds a 212-198 seat advantage.", [212, 198], "seats"),
    ],
)
def test_a_vote_or_seat_tally_is_one_figure_per_side(sentence, values, subject):
    found = figures(sentence)
    assert [f.value for f in found] == values and {f.subject for f in found} == {subject}


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "subject"),
    [
        ("The 112-page report was published.", 112, None, "pages report"),
        ("The coalition holds a six-vote margin.", 6, None, "votes margin"),
        ("He put the odds at a one-in-three chance.", 33.333, "percent", "chance"),
        ("The motion needs the two-thirds majority backing.", 66.667, "percent", "majority backing"),
        ("Rates may rise by two-thirds of a percentage point.", 0.667, "percentage points", None),
        ("She is one of the five jurors who objected.", 5, None, "jurors"),
    ],
)
def test_counts_in_compounds_ratios_and_partitives_are_figures(sentence, value, unit, subject):
    fig = only(sentence)
    assert (fig.value, fig.unit) == (pytest.approx(value, abs=0.01), unit)
    if subject:
        assert fig.subject == subject


@pytest.mark.parametrize(
    "sentence",
    [
        "Her children, ages 12, 8, 6 and 3, were at home.",
        "The scheme means zero new paperwork for farmers.",
        "It was a steep climb in a year when neither party was popular.",
    ],
)
def test_ages_zero_and_a_year_as_a_time_are_not_figures(sentence):
    assert figures(sentence) == []


def test_a_few_hundred_is_vague_not_one_hundred():
    fig = only("A few hundred applicants are still waiting.")
    assert fig.value is None and fig.low == 200 and fig.text == "A few hundred"


def test_the_parse_reads_the_subject_either_side_of_the_number_with_its_verb():
    before = only("The plan means shifting money from the budget, to the tune of \u20ac2 billion.")
    assert (before.subject, before.subject_head, before.subject_verb) == ("money", "money", "shift")
    after = only("The ministry will move \u20ac2 billion in unspent reconstruction funds to hospitals.")
    assert (after.subject_head, after.subject_verb, after.subject_words) == (
        "fund", "move", "unspent reconstruction funds")
