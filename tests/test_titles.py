"""Claim titles say what a claim is about: figures by what is counted, dates by the event,
quotations cut where a sentence or clause ends; photo captions make no claim."""

from __future__ import annotations

from dataclasses import replace

from builder.align.titles import truncate
from builder.ingest import captions
from tests.test_align import Desk, only_claim_with


def test_figure_titled_by_what_is_counted_and_every_value() -> None:
    d = Desk(story="flood")
    a = d.article("Harbour Times", "The governor said 1,200 residents were evacuated overnight.")
    b = d.article("Coast Daily", "Police said about 800 residents had been evacuated.")
    fa = d.figure(a, "1,200 residents", 1200, "residents evacuated", speaker="Ana Ortiz")
    d.figure(b, "about 800 residents", 800, "residents evacuated", speaker="Police")
    assert only_claim_with(d.align(), fa).title == "Residents evacuated: 1,200 or 800"


def test_duration_titled_by_its_own_words_with_its_unit() -> None:
    d = Desk()
    a = d.article("Harbour Times", "The mayor said the dockers thought the strike would last about a week.")
    f = d.figure(a, "about a week", 1, None, unit="weeks")
    claim = only_claim_with(d.align(), f)
    assert claim.title == "\u2026dockers thought the strike would last about a week"
    assert claim.id.startswith("f-dockers-thought-the-strike-would")


def test_figure_counting_them_is_titled_by_its_sentence_not_of_them() -> None:
    d = Desk()
    a = d.article("Harbour Times", "They are our neighbours, three thousand of them, and they are angry.")
    f = d.figure(a, "three thousand", 3000, "of them", unit=None)
    title = only_claim_with(d.align(), f).title
    assert title == "They are our neighbours, three thousand of them"


def test_date_titled_by_the_event_of_its_opening_phrase_and_the_day() -> None:
    d = Desk()
    a = d.article("Harbour Times", "During a visit to the container terminal on Friday, the mayor "
                                   "promised new talks.")
    m = d.date(a, "Friday", "2025-02-07", relative=True)
    assert only_claim_with(d.align(), m).title == "A visit to the container terminal: 7 Feb 2025"


def test_date_at_the_start_of_its_sentence_is_titled_by_the_rest() -> None:
    d = Desk()
    a = d.article("Harbour Times", "However, in March 2024 the union rejected the offer.")
    m = d.date(a, "March 2024", "2024-03")
    assert only_claim_with(d.align(), m).title == "The union rejected the offer: Mar 2024"


def test_long_title_cut_at_a_sentence_end_not_after_an_abbreviation() -> None:
    text = ("We will stay out until the U.S. owners sign. The contract must hold for "
            "every docker in the port, and for the ones who come after them.")
    assert truncate(text, 80) == "We will stay out until the U.S. owners sign\u2026"


def test_long_title_without_sentence_end_cut_at_a_whole_word() -> None:
    text = "word " * 30
    cut = truncate(text, 32)
    assert cut.endswith("word\u2026") and len(cut) <= 33


def test_paragraph_ending_in_a_picture_credit_is_a_caption_and_makes_no_claim() -> None:
    caption = "The mayor visits the terminal in Dover on March 4, 2024. Jane Doe/Harbour Photos"
    body = f"{caption}\n\nThe strike began on March 4, 2024, the union said."
    assert captions(body) == ((0, len(caption)),)
    d = Desk()
    a = d.article("Harbour Times", caption, "The strike began on March 4, 2024, the union said.")
    d.articles[-1] = replace(d.articles[-1], captions=captions(body))
    in_caption = d.date(a, "March 4, 2024", "2024-03-04")
    in_text = d.date(a, "March 4, 2024", "2024-03-04", nth=1)
    claims = d.align()
    assert not [c for c in claims if in_caption.id in c.mentions]
    assert [c for c in claims if in_text.id in c.mentions]


def test_prose_ending_in_a_quotation_or_a_parenthesis_is_no_caption() -> None:
    assert captions("\u201cWe stay out,\u201d she said. (Reuters)") == ()
    assert captions("The talks failed (the union said so). Officials disagreed.") == ()
