"""The built site in a real browser (Debian's Chromium through Playwright).

Run with ``.venv/bin/pytest -m browser tests/test_browser.py``. Screenshots of the
home, story and claim pages at desktop and phone widths go to a temporary folder;
set ``PARALLAX_SCREENSHOTS=1`` to also write them to docs/screenshots/ for the README.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.search_payload import CHROMIUM_ARGS, serve_folder
from builder import urls
from builder.site import build_site
from tests.site_fixture import HOSTILE_TITLE, STORY, fixture_corpus, hostile_corpus

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
DATA = {urls.DATA_JSON: b"{}\n", urls.DATA_CSV: b"id\n"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The fixture site and the hostile site, each served on 127.0.0.1 at a random port."""
    root = tmp_path_factory.mktemp("served")
    build_site(fixture_corpus(), root / "site", data_files=DATA, strict=True)
    build_site(hostile_corpus(), root / "hostile", data_files=DATA, strict=True)
    with serve_folder(root) as base:
        yield {"site": f"{base}site/", "hostile": f"{base}hostile/"}


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: the Makefile installs Debian's chromium"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh page that records console errors, page errors and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.errors = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def on_dialog(dialog) -> None:  # type: ignore[no-untyped-def]
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page
    context.close()


def search(page, words: str):  # type: ignore[no-untyped-def]
    """Type ``words`` into the header's search box; the result items (loaded, not placeholders)."""
    page.locator(".px-search input.px-search__input").click()
    page.keyboard.type(words, delay=20)  # as a reader types, key by key
    return page.locator(".px-search__result:not(.px-search__result--loading)")


def settled_results(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until every result shown has loaded (placeholders are shown first)."""
    page.wait_for_function("""() => document.querySelector('.px-search__result')
        && !document.querySelector('.px-search__result--loading')""", timeout=10_000)


def result_urls(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The urls of the results shown, in order, once they have loaded."""
    settled_results(page)
    return page.locator(".px-search__result .px-search__title a").evaluate_all("els => els.map(e => e.href)")


QUOTE_CLAIM = urls.claim_url(STORY, "we-will-not-return-to-work")
WORDING_ID = "we-will-not-return-to-work-wording"


def test_claim_page_shows_one_version_per_outlet(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.goto(sites["site"] + QUOTE_CLAIM)
    outlets = page.locator(".px-version .px-outlet").all_inner_texts()
    assert outlets == ["Coastal Herald", "Daily Ledger"]
    assert page.locator(".px-disc ins").count() >= 1 and page.locator(".px-disc del").count() >= 1
    assert page.errors == []


def test_discrepancy_permalink_scrolls_its_section_into_view(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(sites["site"] + f"{QUOTE_CLAIM}#{WORDING_ID}")
    page.wait_for_timeout(300)
    top = page.evaluate(f"document.getElementById('{WORDING_ID}').getBoundingClientRect().top")
    height = page.evaluate("window.innerHeight")
    assert 0 <= top < height * 0.6
    assert page.evaluate("window.scrollY") > 0


def test_search_finds_a_quotations_words(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.goto(sites["site"])
    results = search(page, "cranes")
    results.first.wait_for(timeout=10_000)
    assert "cranes" in results.first.inner_text().lower()
    assert page.errors == []


def test_search_finds_a_speaker(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.goto(sites["site"])
    search(page, "Berg").first.wait_for(timeout=10_000)
    assert "berg" in page.locator(".px-search__results").inner_text().lower()


def test_story_filter_hides_rows_that_do_not_match(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.goto(sites["site"] + urls.story_url(STORY))
    rows = page.locator("table.px-matrix tbody tr")
    total = rows.count()
    page.select_option("form[data-px-filter] select[name=kind]", "date")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all(r.get_attribute("data-kind") == "date" for r in visible)


def test_hostile_site_opens_no_dialog_and_injects_nothing(page, sites) -> None:  # type: ignore[no-untyped-def]
    base = sites["hostile"]
    for path in ["", urls.story_url("hostile"), urls.claim_url("hostile", "hostile-quote"),
                 urls.article_url("hostile", "hostile-1"), "outlets/", "speakers/", "discrepancies/"]:
        page.goto(base + path)
        page.wait_for_timeout(100)
        assert page.locator("img[src='x']").count() == 0, path
        assert page.locator("[onerror], [onclick]").count() == 0, path
        scripts = page.eval_on_selector_all("script", "els => els.map(e => e.textContent)")
        assert not any("alert(" in s and "ld+json" not in s for s in scripts
                       if "alert(" in s and not s.lstrip().startswith("{")), path
        assert page.locator("article.md-content__inner b").count() == 0, path
    page.goto(base + urls.claim_url("hostile", "hostile-quote"))
    assert HOSTILE_TITLE in page.locator("h1").first.inner_text()
    assert "<script>" in page.title()
    search(page, "Officials").first.wait_for(timeout=10_000)
    settled_results(page)
    assert "<script>alert(1)</script>" in page.locator(".px-search__results").inner_text()
    assert page.locator(".px-search__results img[src='x']").count() == 0
    assert page.dialogs == []
    assert page.errors == []


def test_phone_drawer_lists_the_tabs_links_and_without_javascript_the_tabs_show(
        page, browser, sites) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(sites["site"] + "outlets/")
    page.locator("label.md-header__button[for=__drawer]").click()
    drawer = page.locator(".md-sidebar--primary .md-nav__link")
    drawer.last.wait_for()
    tabs = page.locator(".md-tabs__link")
    assert drawer.all_inner_texts() == tabs.all_inner_texts() == [
        "Home", "Stories", "Outlets", "Speakers", "Discrepancies", "Data"]
    assert [drawer.nth(k).get_attribute("href") for k in range(6)] == [tabs.nth(k).get_attribute("href") for k in range(6)]
    assert page.locator(".md-nav__item--active .md-nav__link--active").inner_text() == "Outlets"
    assert drawer.nth(3).is_visible()
    assert page.errors == []
    bare = browser.new_context(viewport={"width": 390, "height": 700}, java_script_enabled=False).new_page()
    bare.goto(sites["site"] + "outlets/")
    assert bare.locator(".md-tabs__link", has_text="Speakers").is_visible()
    assert not bare.locator("label.md-header__button[for=__drawer]").is_visible()
    bare.context.close()


def test_palette_toggle_switches_to_dark_and_back(page, sites) -> None:  # type: ignore[no-untyped-def]
    page.goto(sites["site"])
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert toggle.get_attribute("title") == "Switch to dark mode"
    toggle.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    assert page.locator("form[data-md-component=palette] label:visible").get_attribute("title") == "Switch to light mode"
    page.reload()  # the choice is kept
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.locator("form[data-md-component=palette] label:visible").click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'default'")
    assert page.errors == []


SHOTS = [(name, path, width, "light") for name, path in [
    ("home", ""), ("story", urls.story_url(STORY)), ("claim", QUOTE_CLAIM)] for width in WIDTHS]
SHOTS += [("claim", QUOTE_CLAIM, "desktop", "dark"), ("story", urls.story_url(STORY), "phone", "dark")]


@pytest.mark.parametrize("name,path,width,scheme", SHOTS)
def test_screenshots_of_main_pages(page, sites, tmp_path, name, path, width, scheme) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(sites["site"] + path)
    page.wait_for_timeout(600)  # material fades the tabs in
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= WIDTHS[width] + 1, f"{name} scrolls sideways at {width}"
    shot = page.screenshot(full_page=True)
    file_name = f"{name}-{width}{'-dark' if scheme == 'dark' else ''}.png"
    (tmp_path / file_name).write_bytes(shot)
    if os.environ.get("PARALLAX_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        (SCREENSHOTS / file_name).write_bytes(shot)
    assert page.errors == []
