"""The demo site built from seeds/ by the real CLI, checked on disk and in Chromium.

With ``PARALLAX_SCREENSHOTS=1`` the screenshot of the "better not say" claim page
(its variants first) for the README is written to docs/screenshots/seeds-claim-desktop.png.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from builder.cli import main
from builder.ids import unique_slugs
from tests.conftest import SEEDS
from tests.site_data import site_export
from tests.test_browser import SCREENSHOTS, browser, page, search, serve_folder  # noqa: F401
from tests.test_site_build import broken_links

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("seeds") / "site"
    assert main(["build", str(SEEDS), "--site-dir", str(site_dir), "--no-cache", "-q", "--strict",
                 "--ledger", str(site_dir.with_name("ids.json"))]) == 0
    return site_dir


@pytest.fixture(scope="module")
def claims(seeds_site: Path) -> list[dict]:
    return site_export(seeds_site)["claims"]


@pytest.fixture(scope="module")
def served(seeds_site: Path) -> Iterator[str]:
    with serve_folder(seeds_site) as base:
        yield base


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_every_claim_url_and_discrepancy_anchor_in_the_export_resolves(seeds_site, claims):
    assert claims
    for claim in claims:
        html = _html(seeds_site, claim["url"])
        for d in claim["discrepancies"]:
            assert f'id="{d["id"]}"' in html, (claim["url"], d["id"])


def test_no_broken_internal_link_or_anchor(seeds_site):
    assert broken_links(seeds_site) == []


def test_downloads_are_the_export(seeds_site):
    data = site_export(seeds_site)
    assert data["schema_version"] == 1 and len(data["articles"]) == len(list(SEEDS.glob("*.txt")))
    assert (seeds_site / "data" / "claims.csv").read_text(encoding="utf-8").startswith("story,claim")
    home = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert "data/claims.json.gz" in home and "data/claims.csv" in home


def test_claim_pages_stay_out_of_the_nav(seeds_site, claims):
    home = (seeds_site / "index.html").read_text(encoding="utf-8")
    assert not any(f'href="{c["url"]}"' in home for c in claims)
    nav_links = home.count('class="md-nav__link')
    assert nav_links < 20, f"{nav_links} nav links: claim pages must stay out of the nav"


@pytest.mark.browser
def test_multi_outlet_claim_page_shows_one_version_per_outlet(page, served, claims):
    claim = max(claims, key=lambda c: len(c["mentions"]))
    page.goto(served + claim["url"])
    versions = page.locator(".px-version")
    outlets = versions.locator(".px-outlet").all_inner_texts()
    assert versions.count() >= 3
    assert len(outlets) == versions.count()
    assert page.errors == []


@pytest.mark.browser
def test_discrepancy_permalink_scrolls_to_its_section(page, served, claims):
    wording = [c for c in claims if any(d["type"] == "wording" and not d.get("minor")
                                        for d in c["discrepancies"])]
    claim = max(wording, key=lambda c: (len(c["mentions"]), c["id"]))
    anchor = next(d["id"] for d in claim["discrepancies"] if d["type"] == "wording")
    page.set_viewport_size({"width": 1280, "height": 700})
    page.goto(f"{served}{claim['url']}#{anchor}")
    page.wait_for_timeout(300)
    top = page.evaluate(f"document.getElementById({json.dumps(anchor)}).getBoundingClientRect().top")
    bottom = page.evaluate(f"document.getElementById({json.dumps(anchor)}).getBoundingClientRect().bottom")
    assert page.evaluate("window.scrollY") > 0, "the page scrolled to the discrepancy"
    assert 0 <= top and bottom <= 700, "the whole discrepancy section is in view"


@pytest.mark.browser
def test_search_finds_better_not_say(page, served):
    page.goto(served)
    results = search(page, "better not say")
    results.first.wait_for(timeout=10_000)
    assert "better not say" in results.first.inner_text().lower()
    results.first.locator("a").first.click()
    page.wait_for_load_state()
    assert "/claims/" in page.url or "/articles/" in page.url
    assert page.errors == []


def _better_not_say(claims: list[dict]) -> dict:
    return next(c for c in claims if c["kind"] == "quote"
                and any("rather not say" in v["text"] for v in c["variants"]))


def test_seeds_matrix_marks_only_the_outlets_of_minority_wordings(seeds_site, claims):
    claim = _better_not_say(claims)
    differing = {o for v in claim["variants"] if v["relation"] == "differs" for o in v["outlets"]}
    story = (seeds_site / "stories" / claim["story"] / "index.html").read_text(encoding="utf-8")
    matrix = story.split('<h2 id="claims">', 1)[1]  # not the summary's list above it
    row = matrix.split(f'href="claims/{claim["id"]}/"', 1)[1].split("</tr>", 1)[0]
    cells = dict((o, code) for code, o in re.findall(r'class="px-cell px-(\w+)" data-outlet="([^"]+)"', row))
    marked = {o for o, code in cells.items() if code in ("differs", "both")}
    assert marked == differing
    reference = set(claim["variants"][0]["outlets"])
    assert all(cells[o] == "both" for o in marked & reference)  # prints both: never plain "differs"


def test_seeds_outlet_pages_list_only_the_wordings_they_printed(seeds_site, claims):
    claim = _better_not_say(claims)
    rather = next(v for v in claim["variants"] if "rather" in v["text"])
    anchor = next(d["id"] for d in claim["discrepancies"]
                  if d["sides"][-1]["variant"] == rather["id"])
    articles = site_export(seeds_site)["articles"]
    slugs = unique_slugs(a["outlet"] for a in articles)
    for outlet in {o for v in claim["variants"] for o in v["outlets"]}:
        slug = slugs[outlet]
        page_html = (seeds_site / "outlets" / slug / "index.html").read_text(encoding="utf-8")
        differs = page_html.split('id="differs"', 1)[1].split("<h2", 1)[0]
        assert (f"#{anchor}" in differs) == (outlet in rather["outlets"]), outlet


@pytest.mark.browser
def test_seeds_claim_page_shows_the_variants_with_their_outlets(page, served, claims):
    claim = _better_not_say(claims)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(served + claim["url"])
    cards = page.locator(".px-variant")
    assert cards.count() == len(claim["variants"])
    for k, v in enumerate(claim["variants"]):
        links = cards.nth(k).locator(".px-variant-outlets a").all_inner_texts()
        assert sorted(links) == sorted(v["outlets"])
    assert page.locator(".px-both").first.is_visible()  # "thehill.com quotes it both ways."
    assert page.errors == []
    if os.environ.get("PARALLAX_SCREENSHOTS"):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "seeds-claim-desktop.png"))


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+", text)


def test_no_claim_title_is_a_bare_number_a_cut_word_or_a_caption(seeds_site):
    data = site_export(seeds_site)
    bodies = {a["id"]: a["body"] for a in data["articles"]}
    mentions = {m["id"]: m for m in data["mentions"]}
    caption_texts = [bodies[a["id"]][s:e] for a in data["articles"] for s, e in a["captions"]]
    assert caption_texts, "the seeds carry photo captions"
    for claim in data["claims"]:
        title = claim["title"]
        page = _html(seeds_site, claim["url"])
        # a claim one outlet alone carries: its url redirects to its passage, titled by the claim
        shown = r"<title>(.*?)</title>" if 'http-equiv="refresh"' in page else r"<h1[^>]*>(.*?)</h1>"
        h1 = re.search(shown, page, re.S)
        assert h1 and html_text(h1.group(1)) == title, claim["url"]
        # a number is never the whole title, nor named by its unit or a pronoun ("Weeks: 1",
        # "Of them: 2,000,000"); a duration says its unit ("War: 3" does not)
        label = title.rpartition(": ")[0].lower()
        assert _words(title), title
        if claim["kind"] == "figure":
            units = {mentions[m]["unit"] for m in claim["mentions"]} - {None, "people"}
            assert label not in units and not label.startswith(("of ", "them")), title
            for unit in units:
                assert unit.rstrip("s") in title.lower(), (title, unit)
        # a cut falls between whole words: the words before "…" continue with a space or punctuation
        for cut in re.finditer(r"(\w+)\u2026", title):
            word = cut.group(1)
            texts = [bodies[mentions[m]["article"]] for m in claim["mentions"]]
            assert any(re.search(rf"\b{re.escape(word)}(?!\w)", t) for t in texts), (title, word)
        # a caption is no claim, and names none
        assert not any(title.rstrip("\u2026").split(": ")[0].rstrip("\u2026")[:40] in c for c in caption_texts), title
        for m in claim["mentions"]:
            start, article = mentions[m]["start"], mentions[m]["article"]
            assert not any(s <= start < e for a in data["articles"] if a["id"] == article
                           for s, e in a["captions"]), (title, m)


def html_text(fragment: str) -> str:
    import html
    return html.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()


def test_article_pages_badge_every_disputed_passage_and_no_other(seeds_site, claims):
    status_of: dict[str, str] = {}  # a passage in two claims links to (and is badged for) the first
    for claim in claims:
        for mention in claim["mentions"]:
            status_of.setdefault(mention, claim["status"])
    badged, expected = set(), set()
    for page in (seeds_site / "stories").glob("*/articles/*/index.html"):
        html, article = page.read_text(encoding="utf-8"), page.parent.name.replace("-", "_", 1)
        marks = re.findall(r'<mark [^>]*id="m-(\w\d+-\d+)"[^>]*>((?:(?!<mark ).)*?)</mark>'
                           r'((?:[\u201d\u2019)]|&#34;|&#39;)*)( <span data-pagefind-ignore><span class="px-badge '
                           r'px-status-(\w+)">)?', html)
        assert marks
        for span, _, _, badge, status in marks:
            mention = f"{article}:{span}"
            if badge:
                badged.add((mention, status))
            if status_of.get(mention) in ("differ", "contested"):
                expected.add((mention, status_of[mention]))
    assert expected and badged == expected
