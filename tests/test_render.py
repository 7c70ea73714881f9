"""Page contexts and rendered HTML from the hand-built fixture corpus (no mkdocs here)."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser

import pytest

from builder.render import contexts, render_pages
from builder.render.links import external_url, relative, text_fragment_url
from builder.render.lookup import Lookup
from builder.render.views import claim_context, diff_chunks, matrix_outlets, story_context
from tests.site_fixture import (
    HOSTILE_OUTLET, HOSTILE_TITLE, STORY, fixture_corpus, hostile_corpus,
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return {p.src_uri: p.html for p in render_pages(fixture_corpus())}


@pytest.fixture(scope="module")
def hostile_pages() -> list:  # type: ignore[type-arg]
    return render_pages(hostile_corpus())


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text of every <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_every_context_field_has_help_text() -> None:
    classes = [c for c in vars(contexts).values()
               if isinstance(c, type) and dataclasses.is_dataclass(c)]
    assert len(classes) > 15
    for cls in classes:
        for f in dataclasses.fields(cls):
            assert f.metadata.get("help"), f"{cls.__name__}.{f.name} has no help text"


def test_claim_page_has_one_version_per_outlet() -> None:
    corpus = fixture_corpus()
    lk = Lookup.of(corpus)
    claim = next(c for c in corpus.claims if c.id == "inspection-begins")
    ctx = claim_context(lk, claim)
    assert [v.outlet.text for v in ctx.versions] == ["Coastal Herald", "Daily Ledger", "Metro Wire"]
    for version in ctx.versions:
        [passage] = version.passages
        assert [c.text for c in passage.parts if c.op == "mark"] == ["March 6"]
        assert "inspection" in "".join(c.text for c in passage.parts)


def test_mentions_sharing_a_sentence_share_one_passage() -> None:
    from builder.render.views import passages
    from tests.site_fixture import LEDGER, mention
    first = mention(LEDGER, "quote", "Ships are already")
    second = mention(LEDGER, "quote", "waiting offshore.")
    [passage] = passages(LEDGER, [second, first], "a/")
    assert [(c.op, c.text) for c in passage.parts] == [
        ("equal", "Harbour master Tom Berg said: “"), ("mark", "Ships are already"),
        ("equal", " "), ("mark", "waiting offshore."), ("equal", "”")]


def test_wording_discrepancy_is_marked_with_ins_and_del(pages: dict[str, str]) -> None:
    html = pages[f"stories/{STORY}/claims/we-will-not-return-to-work.md"]
    assert "<del>will not</del> <ins>won&#39;t</ins>" in html
    assert 'id="we-will-not-return-to-work-wording"' in html
    assert 'href="#we-will-not-return-to-work-wording"' in html


def test_minor_difference_is_shown_as_minor(pages: dict[str, str]) -> None:
    html = pages[f"stories/{STORY}/claims/we-will-not-return-to-work.md"]
    section = html.split('id="we-will-not-return-to-work-punctuation"')[0].rsplit("<section", 1)[1]
    assert "px-minor" in section


def test_speaker_attribution_is_given_in_words() -> None:
    corpus = fixture_corpus()
    claim = next(c for c in corpus.claims if c.id == "we-will-not-return-to-work")
    versions = claim_context(Lookup.of(corpus), claim).versions
    assert [v.how_found for v in versions] == [
        "named in the same sentence", "named before a colon that introduces the quotation"]
    assert [v.cue for v in versions] == ["said", ":"]


def test_version_links_to_its_place_on_the_article_page_and_the_original(pages) -> None:  # type: ignore[no-untyped-def]
    corpus = fixture_corpus()
    claim = next(c for c in corpus.claims if c.id == "dockworkers-on-strike")
    herald = claim_context(Lookup.of(corpus), claim).versions[0]
    anchor = herald.article.href.split("#")[1]
    assert herald.article.href.startswith("../../articles/herald-strike/#")
    assert f'id="{anchor}"' in pages[f"stories/{STORY}/articles/herald-strike.md"]
    assert herald.original == "https://herald.example/news/dock-strike#:~:text=About%201%2C200%20dockworkers"


def test_story_matrix_puts_discrepancies_first_and_labels_every_cell() -> None:
    corpus = fixture_corpus()
    ctx = story_context(Lookup.of(corpus), corpus.stories[0])
    assert [r.status for r in ctx.rows][:2] == ["differ", "differ"]
    # claims one outlet alone carries are apart, under their own heading
    assert "single" not in {r.status for r in ctx.rows}
    assert ctx.single_rows and {r.status for r in ctx.single_rows} == {"single"}
    cells = {c.code: c.label for r in (*ctx.rows, *ctx.single_rows) for c in r.cells}
    assert cells == {"same": "same", "differs": "differs", "absent": "absent", "only": "only here"}


def test_story_matrix_orders_outlets_by_claims_carried_with_unnamed_outlets_last() -> None:
    corpus = fixture_corpus()
    lk = Lookup.of(corpus)
    story = corpus.stories[0]
    claims = lk.claims_by_story[story.id]
    unnamed = "Unnamed outlet: \u201cDockers walk out\u201d"
    carried = {o: sum(1 for c in claims if o in {lk.outlet_of(m) for m in c.mentions})
               for o in lk.story_outlets(story)}
    order = matrix_outlets(lk, story, claims)
    assert [carried[o] for o in order] == sorted(carried.values(), reverse=True)
    renamed = dataclasses.replace(corpus, articles=tuple(dataclasses.replace(a, outlet=unnamed) if a.outlet == order[0] else a
                                             for a in corpus.articles))
    lk2 = Lookup.of(renamed)
    assert matrix_outlets(lk2, story, lk2.claims_by_story[story.id])[-1] == unnamed


def test_each_matrix_cell_names_the_variant_its_outlet_prints() -> None:
    corpus = fixture_corpus()
    lk = Lookup.of(corpus)
    ctx = story_context(lk, corpus.stories[0])
    claims = {c.title: c for c in lk.claims_by_story[corpus.stories[0].id]}
    seen = 0
    for row in ctx.rows:
        claim = claims[row.title]
        for cell in row.cells:
            want = [chr(65 + k) for k, v in enumerate(claim.variants) if cell.outlet in v.outlets]
            if len(claim.variants) > 1 and cell.code != "absent":
                assert cell.variant == "/".join(want), (row.title, cell.outlet)
                seen += 1
            else:
                assert cell.variant == ""
    assert seen


def test_story_timeline_is_sorted_by_date_and_articles_note_inferred_dates(pages) -> None:  # type: ignore[no-untyped-def]
    corpus = fixture_corpus()
    ctx = story_context(Lookup.of(corpus), corpus.stories[0])
    assert [t.date for t in ctx.timeline] == ["2024-03-04", "2024-03-06"]
    assert "date inferred from the story" in pages[f"stories/{STORY}/index.md"]


def test_claim_json_ld_has_one_appearance_per_outlet(pages: dict[str, str]) -> None:
    html = pages[f"stories/{STORY}/claims/inspection-begins.md"]
    data = json.loads(parse(html).scripts[0])
    assert data["@type"] == "Claim"
    assert sorted(a["publisher"]["name"] for a in data["appearance"]) == [
        "Coastal Herald", "Daily Ledger", "Metro Wire"]


def test_nav_pages_are_few_and_claim_pages_are_out_of_the_nav() -> None:
    pages = render_pages(fixture_corpus())
    assert [p.title for p in pages if p.in_nav] == [
        "Parallax", "Stories", "Outlets", "Speakers", "Discrepancies", "Data"]
    assert not any(p.in_nav for p in pages if p.kind in {"claim", "article"})


def test_diff_chunks_turn_replace_into_delete_then_insert() -> None:
    from builder.models import WordDiff
    chunks = diff_chunks((WordDiff("equal", "a", "a"), WordDiff("replace", "b", "c"),
                          WordDiff("insert", "", "d"), WordDiff("delete", "e", "")))
    assert [(c.op, c.text) for c in chunks] == [
        ("equal", "a"), ("del", "b"), ("ins", "c"), ("ins", "d"), ("del", "e")]


def test_only_http_urls_become_links() -> None:
    assert external_url("javascript:alert(1)") is None
    assert external_url("data:text/html,<b>x</b>") is None
    assert external_url("https://a.example/x") == "https://a.example/x"
    assert text_fragment_url("ftp://a.example", "x") is None
    assert relative("stories/s/claims/c/", "outlets/o/") == "../../../../outlets/o/"
    assert relative("stories/s/", "stories/s/#claims") == "./#claims"


def test_relative_links_are_what_relpath_gives() -> None:
    """The string walk in ``relative`` gives posixpath.relpath's answer on the site's urls."""
    import itertools
    import posixpath

    def by_relpath(here: str, there: str) -> str:
        path, hash_, fragment = there.partition("#")
        rel = posixpath.relpath(path or ".", here.rstrip("/") or ".")
        rel = "./" if rel == "." else rel + "/" if path.endswith("/") or not path else rel
        return f"{rel}{hash_}{fragment}"

    words = ["stories", "s", "claims", "c", "data"]
    folders = [""] + ["/".join(p) + "/" for n in (1, 2, 3, 4) for p in itertools.product(words, repeat=n)][::7]
    targets = folders + ["data/claims.json", "stories/s/#m-q1-5", "stories/s/articles/a/#m-q3-9"]
    for here, there in itertools.product(folders, targets):
        assert relative(here, there) == by_relpath(here, there), (here, there)


# --- hostile input ------------------------------------------------------------------------


def test_hostile_strings_are_shown_as_text_and_never_as_markup(hostile_pages) -> None:  # type: ignore[no-untyped-def]
    for page in hostile_pages:
        tags = parse(page.html)
        names = [t for t, _ in tags.tags]
        assert "img" not in names and "b" not in names, page.src_uri
        assert all(not any(k.startswith("on") for k in attrs) for _, attrs in tags.tags), page.src_uri
        for tag, attrs in tags.tags:
            if tag == "script":
                assert attrs.get("type") == "application/ld+json", page.src_uri
            href = attrs.get("href") or ""
            assert not href.lower().startswith(("javascript:", "data:")), page.src_uri
        assert "<script>alert" not in page.html and "<img src=x" not in page.html
        assert "49" not in re.sub(r"\d{4}-\d{2}-\d{2}", "", page.html)  # {{ 7*7 }} not evaluated


def test_hostile_strings_are_visible_escaped(hostile_pages) -> None:  # type: ignore[no-untyped-def]
    claim = next(p for p in hostile_pages if p.kind == "claim")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} **bold**" in claim.html
    assert "{{ 7*7 }} is **bold** and [link](http://x) {% raw %}" in claim.html
    assert claim.title == f"“{HOSTILE_TITLE}”"  # plain text: the mkdocs layer escapes it
    outlet = next(p for p in hostile_pages if p.kind == "outlet" and p.title == HOSTILE_OUTLET)
    assert "&lt;img src=x onerror=alert(1)&gt; Wire {% raw %}" in outlet.html


def test_json_ld_cannot_close_its_script_element(hostile_pages) -> None:  # type: ignore[no-untyped-def]
    claim = next(p for p in hostile_pages if p.kind == "claim")
    script = parse(claim.html).scripts[0]
    assert "<" not in script and ">" not in script
    assert json.loads(script)["name"] == f"“{HOSTILE_TITLE}”"
    assert "url" not in json.loads(script)["appearance"][0]  # javascript: url left out
