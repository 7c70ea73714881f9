"""Figure alignment: one claim per figure across outlets, unrelated figures kept apart."""

from __future__ import annotations

from builder.align.figures import figure_key
from tests.test_align import Desk


def figure_claims(desk: Desk) -> list[set[str]]:
    """The figure claims as sets of the figures' texts with their article index."""
    by_id = {m.id: m for m in desk.mentions}
    index = {a.id: n for n, a in enumerate(desk.articles)}
    return [{f"{index[by_id[m].article]}:{by_id[m].text}" for m in c.mentions}
            for c in desk.align() if c.kind == "figure"]


def test_one_article_giving_several_counts_of_one_noun_is_several_figures():
    desk = Desk()
    a = desk.article("Valley Post", "The Labour group won 31 seats and the Liberals 12 seats on the council.")
    b = desk.article("Hill Times", "Labour took 31 seats; the Liberals won 12 seats.")
    for art, texts in ((a, ("31 seats", "12 seats")), (b, ("31 seats", "12 seats"))):
        for t in texts:
            desk.figure(art, t, float(t.split()[0]), "seats", unit=None)
    claims = figure_claims(desk)
    assert {"0:31 seats", "1:31 seats"} in claims
    assert {"0:12 seats", "1:12 seats"} in claims
    assert [c.status for c in desk.align() if c.kind == "figure"] == ["agree", "agree"]


def test_a_leftover_value_joins_the_figure_whose_sentence_reads_alike():
    desk = Desk()
    a = desk.article("Valley Post", "The flood destroyed 900 homes along the river valley.",
                     "The council built 300 homes in the new estate.")
    b = desk.article("Hill Times", "The flood destroyed 850 homes along the river valley, officials said.")
    desk.figure(a, "900 homes", 900, "homes", unit=None)
    desk.figure(a, "300 homes", 300, "homes", unit=None)
    desk.figure(b, "850 homes", 850, "homes", unit=None)
    claims = figure_claims(desk)
    assert {"0:900 homes", "1:850 homes"} in claims
    assert {"0:300 homes"} in claims
    differ = [c for c in desk.align() if c.kind == "figure" and len(c.mentions) == 2]
    assert differ[0].status == "differ"


def test_two_sources_values_in_one_article_stay_one_contested_figure():
    desk = Desk()
    a = desk.article("Valley Post", "The union said 1,200 dockers walked out; the owners said 700 dockers did.")
    b = desk.article("Hill Times", "About 1,200 dockers walked out.")
    desk.figure(a, "1,200 dockers", 1200, "dockers", speaker="Union")
    desk.figure(a, "700 dockers", 700, "dockers", speaker="Owners")
    desk.figure(b, "About 1,200 dockers", 1200, "dockers")
    assert figure_claims(desk) == [{"0:1,200 dockers", "0:700 dockers", "1:About 1,200 dockers"}]


def test_a_figure_of_another_year_is_not_today_s():
    desk = Desk()
    a = desk.article("Valley Post", "The storm killed 40 people. A storm in 1987 killed 300 people.")
    b = desk.article("Hill Times", "At least 42 people died.")
    desk.figure(a, "40 people", 40, "people killed")
    desk.figure(a, "300 people", 300, "people killed (1987)")
    desk.figure(b, "At least 42 people", 42, "people died")
    claims = figure_claims(desk)
    assert {"0:40 people", "1:At least 42 people"} in claims
    assert {"0:300 people"} in claims


def test_a_subject_one_word_short_joins_the_longer_one_but_never_across_a_year():
    desk = Desk()
    a = desk.article("Valley Post", "Revenue was $4 billion. Revenue was $3 billion in 2019.")
    b = desk.article("Hill Times", "Quarterly revenue reached $4 billion.")
    desk.figure(a, "$4 billion", 4e9, "revenue", unit="dollars")
    desk.figure(a, "$3 billion", 3e9, "revenue (2019)", unit="dollars")
    desk.figure(b, "$4 billion", 4e9, "quarterly revenue", unit="dollars")
    claims = figure_claims(desk)
    assert {"0:$4 billion", "1:$4 billion"} in claims
    assert {"0:$3 billion"} in claims


def test_figure_key_reads_a_death_toll_as_people_killed_and_keeps_the_year():
    assert figure_key("death toll") == figure_key("people killed") == figure_key("confirmed deaths")
    assert figure_key("people killed (1998)") != figure_key("people killed")
    assert figure_key("people") == frozenset({"people"})


def test_a_rounded_amount_agrees_with_the_difference_shown_as_minor():
    desk = Desk()
    texts = ("$1.4 billion", "$1.375 billion", "$1.4 billion")
    arts = [desk.article(o, f"The port expansion will cost {t}.") for o, t in
            zip(("Valley Post", "Hill Times", "Coast Daily"), texts)]
    for art, t, v in zip(arts, texts, (1.4e9, 1.375e9, 1.4e9)):
        desk.figure(art, t, v, "port expansion cost", unit="dollars")
    (claim,) = [c for c in desk.align() if c.kind == "figure"]
    assert claim.status == "agree"
    (number,) = [d for d in claim.discrepancies if d.type == "number"]
    assert number.minor and "rounded" in number.summary


def test_a_precise_count_is_not_a_rounding():
    desk = Desk()
    a = desk.article("Valley Post", "Dwyer won by 4,500 votes.")
    b = desk.article("Hill Times", "Dwyer's majority was 4,512 votes.")
    desk.figure(a, "4,500 votes", 4500, "votes majority", unit=None)
    desk.figure(b, "4,512 votes", 4512, "votes majority", unit=None)
    (claim,) = [c for c in desk.align() if c.kind == "figure"]
    assert claim.status == "differ"


def test_a_value_within_another_s_hedge_is_one_claim_that_differs():
    desk = Desk()
    a = desk.article("Valley Post", "The law cut $342 million from the health budget.")
    b = desk.article("Hill Times", "Critics say more than $300 million was taken out of the health budget.")
    fa = desk.figure(a, "$342 million", 342e6, None, unit="dollars")
    fb = desk._add(b, "figure", "more than $300 million", 0, value=300e6, unit="dollars", qualifier="more than")
    claims = [c for c in desk.align() if c.kind == "figure"]
    assert [set(c.mentions) for c in claims] == [{fa.id, fb.id}]
    assert claims[0].status == "differ"


def test_a_figure_without_subject_joins_the_same_distinctive_value_whoever_is_credited():
    desk = Desk()
    a = desk.article("Valley Post", "The wall would cost around $8 billion, engineers said.")
    b = desk.article("Hill Times", "Building the wall would cost about $8 billion.")
    fa = desk.figure(a, "around $8 billion", 8e9, None, unit="dollars")
    fb = desk.figure(b, "about $8 billion", 8e9, None, unit="dollars", speaker="Planning office")
    (claim,) = [c for c in desk.align() if c.kind == "figure"]
    assert set(claim.mentions) == {fa.id, fb.id}
