"""A claim page says what differs on its first screen: the summary sentence, then each
variant with the words it changes marked (issue: a site a reader understands in ten seconds)."""

from __future__ import annotations

import pytest

from builder.align.compare import normalise_quote
from tests.test_browser import browser, page  # noqa: F401
from tests.test_seeds_reader import VIEWPORTS, export, served, site  # noqa: F401

pytestmark = pytest.mark.slow


def _better_not_say(export: dict) -> dict:  # noqa: F811
    return next(c for c in export["claims"] if c["kind"] == "quote" and c["title"] == "I better not say")


def test_the_summary_names_each_wording_and_who_printed_it(site, export) -> None:  # noqa: F811
    claim = _better_not_say(export)
    html = (site / claim["url"] / "index.html").read_text(encoding="utf-8")
    summary = html.split('<p class="px-summary">', 1)[1].split("</p>", 1)[0]
    assert summary.startswith("Three outlets quote Donald Trump as saying “I better not say”")
    assert "Unnamed outlet: “Trump Says He Has Spoken Directly…” has “I&#39;d rather not say.”" in summary
    assert "thehill.com also has “I’d better not say.”" in summary


def test_each_differing_variant_marks_exactly_the_words_it_changes(site, export) -> None:  # noqa: F811
    claim = _better_not_say(export)
    html = (site / claim["url"] / "index.html").read_text(encoding="utf-8")
    assert '<mark class="px-chg" title="changed here">&#39;d rather</mark> not say.' in html
    assert '“I <mark class="px-chg-ref" title="changed by another outlet">better</mark> not say”' in html


@pytest.mark.browser
@pytest.mark.parametrize("view", sorted(VIEWPORTS))
def test_the_first_screen_shows_the_summary_and_every_changed_word(page, served, export, view) -> None:  # noqa: F811
    page.set_viewport_size(VIEWPORTS[view])
    differing = [c for c in export["claims"] if c["kind"] == "quote" and c["status"] == "differ"]
    assert len(differing) >= 3
    for claim in differing:
        page.goto(served + claim["url"])
        height = VIEWPORTS[view]["height"]
        summary = page.locator(".px-summary").bounding_box()
        assert summary and summary["y"] + summary["height"] <= height, (claim["id"], view)
        marks = page.locator(".px-variant mark.px-chg")
        n_changed = sum(1 for v in claim["variants"] if v["relation"] == "differs")
        assert marks.count() >= n_changed > 0, claim["id"]
        for k in range(marks.count()):
            box = marks.nth(k).bounding_box()
            assert box and box["y"] + box["height"] <= height, (claim["id"], view, marks.nth(k).inner_text())
            assert normalise_quote(marks.nth(k).inner_text()).norm  # a word, not a stray mark
    assert page.errors == []


def test_the_story_page_opens_with_its_most_significant_discrepancies(site, export) -> None:  # noqa: F811
    story = export["stories"][0]
    html = (site / story["url"] / "index.html").read_text(encoding="utf-8")
    top = html.split('<h2 id="claims">', 1)[0]
    assert "Five outlets reported this story" in top
    headlines = top.split('<ul class="px-headlines">', 1)[1].split("</ul>", 1)[0]
    items = headlines.split("<li>")[1:]
    assert 0 < len(items) <= 5
    assert "the sources give different figures" in items[0]  # numbers before wordings
    assert any("I better not say" in item for item in items)
