"""Dated events: the same day across outlets is one claim; context decides the rest."""

from __future__ import annotations

from builder.align.dates import event_words, stem
from tests.test_align import Desk, only_claim_with


def test_weekday_and_written_date_in_other_outlets_agree_whatever_the_words() -> None:
    d = Desk(story="bridge-closure")
    a = d.article("River Post", "Engineers shut the old bridge on Tuesday after finding cracks.")
    b = d.article("Valley News", "Commuters faced long queues on Tuesday as officials weighed options.")
    c = d.article("City Wire", "The council met on March 4 to discuss repair costs.")
    ms = [d.date(a, "Tuesday", "2025-03-04", relative=True),
          d.date(b, "Tuesday", "2025-03-04", relative=True),
          d.date(c, "March 4", "2025-03-04")]
    claim = only_claim_with(d.align(), ms[0])
    assert set(claim.mentions) == {m.id for m in ms}
    assert claim.status == "agree" and claim.id == "d-2025-03-04"


def test_two_different_days_in_one_story_stay_apart() -> None:
    d = Desk(story="bridge-closure")
    a = d.article("River Post", "Engineers shut the old bridge on Tuesday after finding cracks.")
    b = d.article("Valley News", "The ferry service to the island resumed on Thursday.")
    tue = d.date(a, "Tuesday", "2025-03-04", relative=True)
    thu = d.date(b, "Thursday", "2025-03-06", relative=True)
    claims = d.align()
    assert only_claim_with(claims, tue).mentions == (tue.id,)
    assert only_claim_with(claims, thu).mentions == (thu.id,)


def test_month_precision_joins_the_day_only_with_shared_event_words() -> None:
    d = Desk(story="border-war")
    a = d.article("North Herald", "The army invaded the northern province on Aug. 12, 2021.")
    b = d.article("South Times", "Since the invasion of the northern province in August 2021, "
                  "trade has collapsed.")
    c = d.article("East Daily", "Fighting has cost thousands of lives since the escalation in August 2021.")
    day = d.date(a, "Aug. 12, 2021", "2021-08-12")
    invasion = d.date(b, "August 2021", "2021-08")
    escalation = d.date(c, "August 2021", "2021-08")
    claims = d.align()
    claim = only_claim_with(claims, day)
    assert invasion.id in claim.mentions and claim.status == "agree"
    assert only_claim_with(claims, escalation).mentions == (escalation.id,)


def test_second_mention_of_the_day_in_one_article_stays_out_unless_its_context_matches() -> None:
    d = Desk(story="trade-summit")
    a = d.article("Harbour Times",
                  "In a televised interview aboard the royal yacht on Friday, the premier said the "
                  "tariff talks were close to a deal.",
                  "Separately, the central bank held interest rates on Friday.")
    b = d.article("Coast Daily", "Speaking aboard the royal yacht on Friday, the premier told a "
                  "televised interview that tariff talks were going well.")
    c = d.article("Port Wire", "The premier gave an interview on Feb. 7 about the tariff talks.")
    e = d.article("Evening Star", "Rates were held by the central bank on Friday for a third month.")
    interview = d.date(a, "Friday", "2025-02-07", relative=True)
    rates = d.date(a, "Friday", "2025-02-07", relative=True, nth=1)
    others = [d.date(b, "Friday", "2025-02-07", relative=True), d.date(c, "Feb. 7", "2025-02-07")]
    rates_e = d.date(e, "Friday", "2025-02-07", relative=True)
    claims = d.align()
    day = only_claim_with(claims, interview)
    assert set(day.mentions) == {interview.id, *(m.id for m in others)}
    assert day.id == "d-2025-02-07" and day.status == "agree"
    rates_claim = only_claim_with(claims, rates)
    assert set(rates_claim.mentions) == {rates.id, rates_e.id}  # joined by context
    assert rates_claim.status == "agree" and rates_claim.id != day.id


def test_same_article_mention_with_matching_context_joins_the_day_claim() -> None:
    d = Desk(story="trade-summit")
    a = d.article("Harbour Times", "The premier signed the tariff accord on Friday.",
                  "The tariff accord signed on Friday cuts duties on grain.")
    b = d.article("Coast Daily", "Ministers celebrated in the capital on Feb. 7.")
    first = d.date(a, "Friday", "2025-02-07", relative=True)
    second = d.date(a, "Friday", "2025-02-07", relative=True, nth=1)
    other = d.date(b, "Feb. 7", "2025-02-07")
    claim = only_claim_with(d.align(), first)
    assert set(claim.mentions) == {first.id, second.id, other.id}


def test_same_event_with_incompatible_days_is_one_differing_claim() -> None:
    d = Desk(story="trade-summit")
    a = d.article("Harbour Times", "The premier signed the tariff accord with the grain exporters on Friday.")
    b = d.article("Coast Daily", "The premier signed the tariff accord with the grain exporters on Feb. 6.")
    fa = d.date(a, "Friday", "2025-02-07", relative=True)
    fb = d.date(b, "Feb. 6", "2025-02-06")
    claim = only_claim_with(d.align(), fa)
    assert fb.id in claim.mentions and claim.status == "differ"
    assert [x.type for x in claim.discrepancies] == ["date"]


def test_unresolved_dates_join_only_with_the_same_words_and_context() -> None:
    d = Desk(story="trade-summit")
    a = d.article("Harbour Times", "The premier will visit the grain port next week.")
    b = d.article("Coast Daily", "The premier will visit the grain port next week.")
    c = d.article("Port Wire", "The premier will visit the grain port in the coming days.")
    na, nb = d.date(a, "next week", None, relative=True), d.date(b, "next week", None, relative=True)
    nc = d.date(c, "the coming days", None, relative=True)
    claims = d.align()
    assert set(only_claim_with(claims, na).mentions) == {na.id, nb.id}
    assert only_claim_with(claims, nc).mentions == (nc.id,)


def test_adding_an_article_keeps_the_date_claim_ids() -> None:
    d = Desk(story="bridge-closure")
    a = d.article("River Post", "Engineers shut the old bridge on Tuesday after finding cracks.",
                  "The last inspection was in May 2023.")
    b = d.article("Valley News", "Commuters faced long queues on March 4.")
    d.date(a, "Tuesday", "2025-03-04", relative=True)
    d.date(a, "May 2023", "2023-05")
    d.date(b, "March 4", "2025-03-04")
    before = {c.id for c in d.align() if c.kind == "date"}
    c = d.article("City Wire", "Officials said on Tuesday that repairs to the bridge would take weeks.")
    added = d.date(c, "Tuesday", "2025-03-04", relative=True)
    after = d.align()
    assert before <= {x.id for x in after if x.kind == "date"}
    assert only_claim_with(after, added).id == "d-2025-03-04"


def test_stems_fold_inflection_and_derivation_but_not_other_words() -> None:
    assert stem("invaded") == stem("invasion") == stem("invading") == stem("invade")
    assert stem("escalation") == stem("escalated") != stem("invasion")
    assert stem("began") == stem("begins")
    assert stem("process") == "process"
    assert event_words("The invasion began on Friday, according to officials.") == {
        stem("invasion"), stem("began"), stem("officials")}
