"""Page descriptions (link previews) and the extra words the search index reads."""

from __future__ import annotations

from builder.models import Mention
from builder.render import render_pages
from builder.render.summaries import number_forms, shorten
from tests.site_fixture import fixture_corpus


def _figure(text: str, value: float) -> Mention:
    return Mention(id=f"a:f0-{len(text)}", article="a", kind="figure", text=text, start=0,
                   end=len(text), value=value)


def test_shorten_cuts_a_long_description_at_a_word_before_the_limit():
    text = "Outlets differ on the number of soldiers killed in the war " * 5
    short = shorten(text, 60)
    assert len(short) <= 60 and short.endswith("…")
    assert text.startswith(short[:-1]) and not short[:-1].endswith(" ")
    assert shorten("  Two   outlets agree. ") == "Two outlets agree."


def test_number_forms_write_grouped_numbers_and_figure_values_in_digits():
    forms = number_forms("<p>Some 700,000 soldiers and 45,100 more; in 2024 200 left</p>",
                         [_figure("two million", 2_000_000), _figure("4.5 percent", 4.5)])
    assert forms.split() == sorted({"700000", "45100", "2000000", "4.5"})


def test_every_page_has_its_own_description_and_claim_pages_say_how_outlets_differ():
    pages = render_pages(fixture_corpus())
    descriptions = [p.description for p in pages]
    assert all(descriptions) and len(set(descriptions)) == len(descriptions)
    wording = next(p for p in pages if p.kind == "claim" and "cranes" in p.title)
    assert wording.description.startswith("Quotation: Coastal Herald quotes Maria Lopez as saying “We will not return")
    assert "Daily Ledger has “We won't return" in wording.description
    figure = next(p for p in pages if p.kind == "claim" and "1,200" in p.description)
    assert "1200" in figure.search_terms.split() and "1500" in figure.search_terms.split()
