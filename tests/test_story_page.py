"""The story page of the seeds, in Chromium: a matrix that fits many outlets (full width,
sticky claim column and header), outlets ordered by what they carry, a variant letter per
cell, single-outlet claims collapsed, filters that survive a reload, tables that say they
scroll on a phone."""

from __future__ import annotations

import os

import pytest

from builder.patterns.metadata import is_unnamed_outlet
from tests.test_browser import SCREENSHOTS, browser, page  # noqa: F401
from tests.test_seeds_reader import VIEWPORTS, export, served, site  # noqa: F401

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _story(export: dict) -> str:  # noqa: F811
    return f"stories/{export['stories'][0]['id']}/"


def _visible_rows(page) -> list[str]:  # type: ignore[no-untyped-def]  # noqa: F811
    return page.locator("table.px-matrix tbody tr").evaluate_all(
        "rows => rows.filter(r => !r.hidden).map(r => r.dataset.kind + '/' + r.dataset.status)")


def test_filters_live_in_the_url_and_survive_a_reload(page, served, export) -> None:  # noqa: F811
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(served + _story(export))
    page.select_option("form[data-px-filter] select[name=kind]", "quote")
    page.select_option("form[data-px-filter] select[name=status]", "differ")
    assert "kind=quote" in page.url and "status=differ" in page.url
    page.reload()
    assert page.locator("select[name=kind]").input_value() == "quote"
    assert page.locator("select[name=status]").input_value() == "differ"
    shown = _visible_rows(page)
    differing = [c for c in export["claims"] if c["kind"] == "quote" and c["status"] == "differ"]
    assert shown == ["quote/differ"] * len(differing)
    assert page.locator("[data-px-empty]").is_hidden()
    assert page.locator(".px-count").inner_text() == f"{len(differing)} of {len(export['claims'])} claims"


def test_no_matching_claim_says_so_and_offers_every_claim_again(page, served, export) -> None:  # noqa: F811
    kinds = {c["kind"] for c in export["claims"] if c["status"] == "contested"}
    missing = next(k for k in ("quote", "date", "figure") if k not in kinds)
    page.goto(served + _story(export) + f"?kind={missing}&status=contested")
    empty = page.locator("[data-px-empty]")
    assert empty.is_visible() and "No claim matches" in empty.inner_text()
    assert page.locator(".px-matrix-scroll:visible").count() == 0
    empty.locator("a").click()
    assert empty.is_hidden() and "kind=" not in page.url
    assert page.locator("table.px-matrix tbody tr:not([hidden])").count() == len(export["claims"])


def test_outlets_carrying_most_claims_come_first_and_unnamed_outlets_last(page, served, export) -> None:  # noqa: F811
    page.goto(served + _story(export))
    heads = page.locator(".px-matrix-scroll").first.locator("thead th a").all_inner_texts()
    articles = {a["id"]: a["outlet"] for a in export["articles"]}
    mentions = {m["id"]: articles[m["article"]] for m in export["mentions"]}
    carried = {o: sum(1 for c in export["claims"] if o in {mentions[m] for m in c["mentions"]})
               for o in set(articles.values())}
    unnamed = [is_unnamed_outlet(o) for o in heads]
    assert unnamed == sorted(unnamed), heads  # named outlets, then those called by a headline
    for group in (False, True):
        counts = [carried[o] for o, u in zip(heads, unnamed) if u == group]
        assert counts == sorted(counts, reverse=True), heads


def test_each_cell_names_the_variant_of_the_claim_page(page, served, export) -> None:  # noqa: F811
    claim = next(c for c in export["claims"] if c["kind"] == "quote" and c["title"] == "I better not say")
    page.goto(served + _story(export))
    row = page.locator(f"tr:has(a[href='claims/{claim['id']}/'])")
    heads = page.locator(".px-matrix-scroll").first.locator("thead th").all_inner_texts()[1:]
    letters = dict(zip(heads, row.locator("td").evaluate_all(
        "cells => cells.map(c => (c.querySelector('.px-letter') || {textContent: ''}).textContent)")))
    for outlet, letter in letters.items():
        want = "/".join(chr(65 + k) for k, v in enumerate(claim["variants"]) if outlet in v["outlets"])
        assert letter.replace("variant ", "") == want, outlet
    page.goto(served + claim["url"])
    cards = page.locator(".px-variant .px-letter").all_text_contents()
    assert cards == [f"Variant {chr(65 + k)}" for k in range(len(claim["variants"]))]


def test_claims_one_outlet_carries_are_collapsed_under_their_own_heading(page, served, export) -> None:  # noqa: F811
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(served + _story(export))
    single = [c for c in export["claims"] if c["status"] == "single"]
    details = page.locator("details[data-px-single]")
    assert page.locator("h2#single").is_visible() and not details.evaluate("d => d.open")
    assert details.locator("tbody tr").count() == len(single)
    assert page.locator(".px-matrix-scroll").first.locator("tr[data-status=single]").count() == 0
    page.goto(served + _story(export) + "?status=single")
    assert details.evaluate("d => d.open"), "a filter for them opens their section"


def test_matrix_is_full_width_with_its_header_and_claim_column_held_in_view(page, served, export) -> None:  # noqa: F811
    page.set_viewport_size({"width": 2400, "height": 900})
    page.goto(served + _story(export))
    box = page.locator(".px-matrix-scroll").first
    width = box.bounding_box()["width"]
    assert width > 2000, width  # not the reading column's width
    box.evaluate("b => { b.scrollTop = 300; }")
    head = page.locator(".px-matrix-scroll").first.locator("thead th").first.bounding_box()
    assert abs(head["y"] - box.bounding_box()["y"]) < 3, "the header row stays at the top"
    page.set_viewport_size({"width": 900, "height": 700})
    box.evaluate("b => { b.scrollTop = 0; b.scrollLeft = b.scrollWidth; }")
    claim_cell = box.locator("tbody th").first.bounding_box()
    assert abs(claim_cell["x"] - box.bounding_box()["x"]) < 3, "the claim column stays at the left"


@pytest.mark.parametrize("table", ["#figures + .px-scroll", "#articles + .px-scroll"])
def test_on_a_phone_wide_tables_scroll_sideways_and_say_so(page, served, export, table) -> None:  # noqa: F811
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(served + _story(export))
    box = page.locator(table)
    assert box.evaluate("b => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX === 'auto'")
    assert box.evaluate("b => b.classList.contains('px-overflows')")
    cue = box.evaluate("b => getComputedStyle(b, '::before').content")
    assert "Scroll sideways" in cue
    assert box.bounding_box()["width"] <= VIEWPORTS["phone"]["width"]


def test_a_cell_opens_the_claim_page_at_its_outlets_version_marked(page, served, export) -> None:  # noqa: F811
    page.set_viewport_size(VIEWPORTS["desktop"])
    page.goto(served + _story(export))
    cell = page.locator(".px-matrix-scroll").first.locator("td.px-differs a").first
    target = cell.get_attribute("href").split("#", 1)[1]
    cell.click()
    page.wait_for_url(f"**#{target}")
    card = page.locator(f"[id='{target}']")
    assert card.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    box = card.bounding_box()
    assert box and 0 <= box["y"] < VIEWPORTS["desktop"]["height"]


SHOTS = [  # (file, page, viewport, scheme, element scrolled to the top)
    ("seeds-story-desktop.png", "story", "desktop", "light", "#claims"),
    ("seeds-story-phone.png", "story", "phone", "light", "#claims"),
    ("seeds-story-desktop-dark.png", "story", "desktop", "dark", "h1"),
    ("seeds-claim-phone.png", "claim", "phone", "light", "h1"),
]


@pytest.mark.parametrize(("file_name", "kind", "view", "scheme", "top"), SHOTS)
def test_readme_screenshots(page, served, export, file_name, kind, view, scheme, top) -> None:  # noqa: F811
    """The README's pictures of the new pages, small enough to keep in the repository; with
    PARALLAX_SCREENSHOTS=1 they are written to docs/screenshots/."""
    claim = next(c for c in export["claims"] if c["kind"] == "quote" and c["title"] == "I better not say")
    page.set_viewport_size(VIEWPORTS[view])
    page.emulate_media(color_scheme=scheme)
    page.goto(served + (_story(export) if kind == "story" else claim["url"]))
    page.locator(top).first.evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 70)")
    page.wait_for_timeout(300)
    shot = page.screenshot()
    assert len(shot) < 300_000, (file_name, len(shot))
    assert page.errors == []
    if os.environ.get("PARALLAX_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / file_name).write_bytes(shot)
