"""The seeds' site as a reader meets it, in Chromium: search, link previews, the sitemap
and accessibility (axe-core through axe-playwright-python), desktop and phone, light and dark.

The site is built by the real CLI with ``--site-url``, so its pages carry canonical links
and its sitemap lists every page.
"""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.cli import main
from builder.render.labels import CELL_LABELS
from tests.conftest import SEEDS
from tests.site_data import site_export
from tests.test_browser import browser, page, result_urls, search, serve_folder, settled_results  # noqa: F401

pytestmark = pytest.mark.slow

SITE_URL = "https://example.org/parallax/"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("seeds-reader") / "site"
    assert main(["build", str(SEEDS), "--site-dir", str(site_dir), "--no-cache", "-q", "--strict",
                 "--site-url", SITE_URL, "--ledger", str(site_dir.with_name("ids.json"))]) == 0
    return site_dir


@pytest.fixture(scope="module")
def export(site: Path) -> dict:
    return site_export(site)


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve_folder(site) as base:
        yield base


def _claim_with(export: dict, kind: str, words: str) -> dict:
    return next(c for c in export["claims"] if c["kind"] == kind and words in c["title"].lower())


def _page_kinds(site: Path, export: dict) -> dict[str, str]:
    """One page of each kind a reader opens, by kind (the most reported claim)."""
    claim = max(export["claims"], key=lambda c: (len(c["mentions"]), c["id"]))
    story = export["stories"][0]["id"]

    def first(folder: str) -> str:
        return f"{folder}/{min(p.name for p in (site / folder).iterdir() if p.is_dir())}/"

    return {"home": "", "story": f"stories/{story}/", "claim": claim["url"],
            "outlet": first("outlets"), "speaker": first("speakers"),
            "article": first(f"stories/{story}/articles"), "discrepancies": "discrepancies/"}


def _result_urls(page) -> list[str]:  # type: ignore[no-untyped-def]
    return result_urls(page)


def _all_result_urls(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Every result, pressing "Load more results" until it is gone."""
    more = page.locator(".px-search__more")
    while more.count() and more.is_visible():
        more.click()
        page.wait_for_timeout(200)
        settled_results(page)
    return _result_urls(page)


def _text_of(site: Path, url: str) -> str:
    path = url.split("://", 1)[-1].split("/", 1)[-1].split("#")[0]
    raw = (site / path / "index.html").read_text(encoding="utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", raw))


# --- search --------------------------------------------------------------------------


@pytest.mark.browser
def test_search_for_a_quotations_words_lists_its_claim_first(page, served, export):
    claim = _claim_with(export, "quote", "better not say")
    page.goto(served)
    results = search(page, "better not say")
    results.first.wait_for(timeout=10_000)
    assert _result_urls(page)[0].endswith("/" + claim["url"])
    assert page.errors == []


@pytest.mark.browser
def test_a_quoted_phrase_matches_only_pages_with_those_words_in_that_order(page, served, site, export):
    claim = _claim_with(export, "quote", "better not say")
    page.goto(served)
    search(page, '"better not say"').first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    found = _result_urls(page)
    assert found[0].endswith("/" + claim["url"]), found  # claim pages first here too
    for url in found:
        assert "better not say" in _text_of(site, url).lower(), url
    page.locator(".px-search__clear").click()
    search(page, '"not better say"')
    page.locator(".px-search__message").filter(has_text="No results").wait_for(timeout=10_000)
    assert page.locator(".px-search__result").count() == 0
    page.locator(".px-search__clear").click()
    search(page, "not better say").first.wait_for(timeout=10_000)  # the same words, unquoted


@pytest.mark.browser
def test_typographic_quotation_marks_ask_for_a_phrase_too(page, served):
    page.goto(served)
    search(page, "\u201cnot better say\u201d")
    page.locator(".px-search__message").filter(has_text="No results").wait_for(timeout=10_000)


@pytest.mark.browser
def test_a_number_typed_without_separators_finds_it_written_with_commas(page, served, export):
    claim = next(c for c in export["claims"] if c["kind"] == "figure" and "700,000" in c["title"])
    page.goto(served)
    search(page, "700000").first.wait_for(timeout=10_000)
    assert _result_urls(page)[0].endswith("/" + claim["url"])
    assert "700,000" in page.locator(".px-search__result").first.inner_text()


@pytest.mark.browser
def test_a_number_in_digits_finds_it_written_in_words(page, served, export):
    article = next(m["article"] for m in export["mentions"]
                   if m["kind"] == "figure" and m["text"] == "two million")
    page.goto(served)
    search(page, "2000000").first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    assert any(f"/articles/{article.replace('_', '-')}/" in u for u in _all_result_urls(page))


# --- sharing ---------------------------------------------------------------------------


@pytest.mark.browser
def test_link_previews_carry_the_pages_own_title_description_and_address(page, served, export):
    claim = _claim_with(export, "figure", "700,000")
    page.goto(served + claim["url"])

    def meta(attr: str, name: str) -> str:
        return page.locator(f'meta[{attr}="{name}"]').get_attribute("content") or ""

    description = meta("name", "description")
    assert "700,000" in description and "45,100" in description
    assert meta("property", "og:description") == description
    # The card reads Open Graph's title and description: the page does not repeat them.
    assert page.locator('meta[name="twitter:description"], meta[name="twitter:title"]').count() == 0
    assert meta("property", "og:title") == page.locator("h1").first.inner_text() == claim["title"]
    assert meta("property", "og:url") == SITE_URL + claim["url"]
    assert page.locator('link[rel="canonical"]').get_attribute("href") == SITE_URL + claim["url"]
    assert meta("name", "twitter:card") == "summary"
    page.goto(served)
    assert meta("name", "description") != description


def _pages(site: Path) -> list[Path]:
    """Every page a reader or a search engine lands on: not the redirects (noindex) left at
    the address of a claim shown as a passage of its article, or of a merged id."""
    return [p for p in site.rglob("index.html")
            if '<meta name="robots" content="noindex">' not in p.read_text(encoding="utf-8")]


def test_every_page_has_a_description_of_its_own(site):
    found = {}
    for path in _pages(site):
        match = re.search(r'<meta name="description" content="([^"]*)"', path.read_text(encoding="utf-8"))
        assert match, path
        found[path] = match.group(1)
    assert len(set(found.values())) == len(found)


def test_sitemap_lists_every_page_at_the_site_url(site):
    root = ET.parse(site / "sitemap.xml").getroot()
    listed = {e.text for e in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    pages = {SITE_URL + p.parent.relative_to(site).as_posix().removeprefix(".") + "/"
             for p in _pages(site)}
    pages = {u.replace(SITE_URL + "/", SITE_URL) for u in pages}
    assert listed == pages


def test_data_page_links_the_schema_and_states_what_may_be_reused(site):
    data = (site / "data" / "index.html").read_text(encoding="utf-8")
    assert 'href="claims.schema.json"' in data
    schema = json.loads((site / "data" / "claims.schema.json").read_text(encoding="utf-8"))
    assert "properties" in schema and "claims" in schema["properties"]
    assert 'id="reuse"' in data and "CC BY 4.0" in data


# --- accessibility ---------------------------------------------------------------------


AXE_CASES = [(kind, scheme, view) for kind in
             ("home", "story", "claim", "outlet", "speaker", "article", "discrepancies")
             for scheme in ("light", "dark") for view in VIEWPORTS]


def _serious(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    return [f"{v['id']}: {[n['target'] for n in v['nodes'][:4]]}" for v in found
            if v["impact"] in ("serious", "critical")]


@pytest.mark.browser
@pytest.mark.parametrize("kind,scheme,view", AXE_CASES)
def test_no_serious_accessibility_violation(page, served, site, export, kind, scheme, view):
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size(VIEWPORTS[view])
    page.goto(served + _page_kinds(site, export)[kind])
    page.wait_for_timeout(300)  # material fades the tabs in
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == \
        ("slate" if scheme == "dark" else "default")
    assert _serious(page) == []


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_search_results_have_no_serious_accessibility_violation(page, served, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(served)
    search(page, "better not say").first.wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    assert _serious(page) == []


@pytest.mark.browser
def test_the_first_tab_stop_skips_to_the_content(page, served, site, export):
    page.goto(served + _page_kinds(site, export)["claim"])
    page.keyboard.press("Tab")
    skip = page.locator("a.px-skip")
    assert page.evaluate("document.activeElement.className").startswith("md-skip")
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["y"] >= 0 and skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "px-content"
    page.keyboard.press("Tab")  # the next stop is inside the content, past header and tabs
    assert page.evaluate("!!document.activeElement.closest('#px-content')")


# A visually hidden radio button (the palette toggle) shows its focus on its label.
_FOCUS_STATE = """() => {
  let el = document.activeElement;
  if (el.type === 'radio' && el.nextElementSibling && el.nextElementSibling.tagName === 'LABEL')
    el = el.nextElementSibling;
  const s = getComputedStyle(el), r = el.getBoundingClientRect();
  return {tag: el.tagName + '.' + el.className, width: r.width, height: r.height,
          inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
          outline: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("view", list(VIEWPORTS))
def test_every_tab_stop_is_visible_with_a_focus_ring(page, served, site, export, view):
    page.set_viewport_size(VIEWPORTS[view])
    page.goto(served + _page_kinds(site, export)["story"])
    page.wait_for_timeout(300)
    for stop in range(30):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        assert state["width"] > 0 and state["height"] > 0 and state["inView"], (stop, state)
        assert state["outline"] >= 2, (stop, state)


@pytest.mark.browser
def test_meaning_never_rests_on_colour_alone(page, served, site, export):
    kinds = _page_kinds(site, export)
    page.goto(served + kinds["story"])
    page.locator("details[data-px-single] > summary").click()  # the claims one outlet carries, too
    cells = page.locator("td.px-cell").all_inner_texts()
    symbols = "".join(symbol for symbol, _ in CELL_LABELS.values())
    assert cells and all(re.search(r"[a-z]", c) and any(s in c for s in symbols) for c in cells)
    underlined = page.locator(".md-typeset p a, .md-typeset td a").evaluate_all(
        "els => els.filter(e => !e.closest('.px-cell')).map(e => getComputedStyle(e).textDecorationLine)")
    assert underlined and all("underline" in d for d in underlined)
    page.goto(served + kinds["claim"])
    marks = page.locator(".px-version mark").evaluate_all(
        "els => els.map(e => getComputedStyle(e).boxShadow)")
    assert marks and all(m != "none" for m in marks)


@pytest.mark.browser
def test_the_phones_navigation_drawer_opens_with_its_links_focusable(page, served):
    page.set_viewport_size(VIEWPORTS["phone"])
    page.goto(served)
    link = page.locator(".md-sidebar--primary a.md-nav__link").first
    assert not link.is_visible()
    page.locator('.md-header label[for="__drawer"]').click()
    page.wait_for_timeout(400)
    assert link.is_visible()
    link.focus()
    assert page.evaluate("document.activeElement.classList.contains('md-nav__link')")
