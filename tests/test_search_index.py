"""What the site's search index holds: each thing once, on the page that is its answer.

A quotation is found on its claim page and in its article (and in its story's summary
where that names it), not again on the speaker's, outlet's and story's lists that repeat
it; the later pages of a list hold nothing to find.
Read from the Pagefind index a real build writes (its fragments: a page's url and the
text it indexed).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from builder import urls
from builder.render import views_lists
from builder.site import build_site
from tests.site_fixture import fixture_corpus

DATA = {urls.DATA_JSON: b"{}\n", urls.DATA_CSV: b"id\n"}


def indexed(site: Path) -> dict[str, str]:
    """Each page in the site's search index: its url -> the text indexed."""
    pages = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        record = json.loads(data[data.index(b"{"):])
        pages[record["url"].lstrip("/")] = record["content"]
    return pages


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus built with lists of two items a page, so that lists take several."""
    folder = tmp_path_factory.mktemp("search") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(views_lists, "PER_PAGE", 2)
        build_site(fixture_corpus(), folder, data_files=DATA, strict=True)
    return folder


def test_a_quotation_is_indexed_on_its_claim_page_its_article_and_its_story_summary(site: Path) -> None:
    corpus = fixture_corpus()
    pages = indexed(site)
    quote = next(m for m in corpus.mentions if m.kind == "quote" and m.speaker)
    words = " ".join(quote.text.split()[:5])
    holding = {url for url, text in pages.items() if words in " ".join(text.split())}
    claim = next(c for c in corpus.claims if quote.id in c.mentions)
    article = next(a for a in corpus.articles if a.id == quote.article)
    assert claim.url in holding or urls.article_url(article.story, article.id) in holding
    assert holding <= {claim.url, urls.article_url(article.story, article.id), urls.story_url(article.story)}, holding


def test_speaker_outlet_and_story_pages_are_found_by_name_not_by_their_lists(site: Path) -> None:
    corpus = fixture_corpus()
    pages = indexed(site)
    story = corpus.stories[0]
    speaker = next(url for url in pages if url.startswith("speakers/") and url != "speakers/")
    outlet = next(url for url in pages if url.startswith("outlets/") and url != "outlets/")
    assert story.title in pages[urls.story_url(story.id)]
    for url in (speaker, outlet):
        assert not any(m.text in pages[url] for m in corpus.mentions if len(m.text.split()) > 4), url


def test_later_pages_of_a_list_stay_out_of_the_index(site: Path) -> None:
    later = {str(p.parent.relative_to(site)) + "/" for p in site.rglob("page/*/index.html")}
    assert later, "the fixture's lists take more than one page"
    assert all(urls.is_later_page(url) for url in later)
    assert not later & set(indexed(site))
    assert not any(urls.is_later_page(url) for url in indexed(site))


def test_a_later_page_is_told_from_a_story_named_page() -> None:
    assert urls.is_later_page(urls.page_url("outlets/coastal-herald/", 2))
    assert not urls.is_later_page(urls.page_url("outlets/coastal-herald/", 1))
    assert not urls.is_later_page(urls.story_url("page"))


def test_a_word_missing_from_the_site_finds_no_variant_letter(site: Path) -> None:
    """Pagefind answers a word it does not hold with the longest prefix it does: the
    variant letters ("Variant C") must not be words of the index, or "ceasefire" finds C."""
    assert not any(" C " in f" {text} " or " B " in f" {text} " for text in indexed(site).values())
