"""Permalinks that never break: the id ledger across a story built in three steps.

tests/fixtures/growing: 3 outlets; then 5 (a new wording of an existing quotation,
and an outlet quoting a split quotation whole, which merges two claims); then 8
(a wire copy run by three outlets) with one earlier article removed. Every claim url
and claim#discrepancy link of every earlier build must resolve in the later ones,
directly or through one redirect, to a page holding that anchor.
"""

from __future__ import annotations

import json
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from builder import ledger as id_ledger
from builder.models import Claim, Mention, Story
from bench.permalinks import lands, published_links, resolve
from tests.site_data import site_export
from tests.test_broken_build import digest
from tests.test_browser import browser, page, serve_folder  # noqa: F401
from tests.test_hostile import run_cli

pytestmark = pytest.mark.slow
GROWING = Path(__file__).parent / "fixtures" / "growing"
STEPS = (("a", "b", "c"), ("d", "e"), ("f", "g", "h"))
REMOVED_AT_STEP_3 = "b"


@dataclass(frozen=True)
class Grown:
    story: Path  # the one story folder, grown step by step
    sites: tuple[Path, ...]  # the site of each step
    ledgers: tuple[bytes, ...]  # the ledger after each step


def _add(story: Path, prefixes: tuple[str, ...]) -> None:
    for path in sorted(GROWING.glob("*.md")):
        if path.name[0] in prefixes:
            shutil.copy(path, story / path.name)


@pytest.fixture(scope="module")
def grown(tmp_path_factory: pytest.TempPathFactory) -> Grown:
    root = tmp_path_factory.mktemp("growing")
    story = root / "linden"
    story.mkdir()
    sites, ledgers = [], []
    for n, prefixes in enumerate(STEPS, 1):
        _add(story, prefixes)
        if n == 3:
            next(story.glob(f"{REMOVED_AT_STEP_3}-*.md")).unlink()
        site = root / f"site-{n}"
        code, _, err = run_cli("build", str(story), "--site-dir", str(site), "--no-cache", "-q")
        assert code == 0, err
        sites.append(site)
        if n == 1:
            _publish_an_earlier_grouping(story / ".parallax" / "ids.json")
        ledgers.append((story / ".parallax" / "ids.json").read_bytes())
    return Grown(story, tuple(sites), tuple(ledgers))


EARLIER_ID, EARLIER_ANCHOR = "q-petra-hollis-an-earlier-grouping", "wording-an-earlier-anchor"


def _publish_an_earlier_grouping(path: Path) -> None:
    """As if an earlier version of the rules had published part of the story's largest
    quotation claim as a claim of its own, with a discrepancy: the next build must merge it
    (its url a redirect, its anchor kept on the survivor)."""
    ledger = json.loads(path.read_text(encoding="utf-8"))
    claims = ledger["stories"]["linden"]
    largest = max((c for c in claims.values() if c["kind"] == "quote"), key=lambda c: len(c["mentions"]))
    claims[EARLIER_ID] = {**largest, "title": "An earlier grouping", "mentions": largest["mentions"][:2],
                          "discrepancies": {EARLIER_ANCHOR: {"type": "wording", "summary": "then differed"}}}
    path.write_text(json.dumps(ledger, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _export(site: Path) -> dict:
    return site_export(site)


def _links(site: Path) -> list[str]:
    """Every claim url and claim#discrepancy link the build published."""
    claims, anchors = published_links(site)
    return claims + anchors


def _resolve(site: Path, link: str) -> tuple[str, object, str]:
    found = resolve(site, link)
    assert found is not None, f"{link} is a 404 in {site.name}"
    return found


def test_every_earlier_link_resolves_in_every_later_build(grown: Grown) -> None:
    checked = 0
    for i, earlier in enumerate(grown.sites):
        for link in _links(earlier):
            anchor = link.partition("#")[2]
            for later in grown.sites[i + 1:]:
                url, _, _ = _resolve(later, link)
                # a claim page, or the article page that shows a claim one outlet alone carries
                assert url.startswith(("stories/linden/claims/", "stories/linden/articles/")), (link, url)
                assert lands(later, link), f"{link}: no #{anchor} on {url} in {later.name}"
                checked += 1
    assert checked >= 30  # the fixture publishes dozens of links; none may be skipped


def test_the_story_really_changed_ids_would_have_broken(grown: Grown) -> None:
    """The fixture exercises the ledger: a merge, a removed claim, a discrepancy that no longer holds."""
    retired = {r["id"]: r for r in _export(grown.sites[2])["retired"]}
    assert {r["state"] for r in retired.values()} == {"merged", "gone"}
    gone = [r for r in retired.values() if r["state"] == "gone"]
    assert all("removed" in r["reason"] for r in gone)
    assert any(c["resolved"] for c in _export(grown.sites[2])["claims"])


def test_a_merged_claim_url_redirects_to_the_claim_that_carries_it(grown: Grown) -> None:
    merged = [r for r in _export(grown.sites[1])["retired"] if r["state"] == "merged"]
    assert EARLIER_ID in {r["id"] for r in merged}
    claims = {c["url"]: c for c in _export(grown.sites[1])["claims"]}
    for r in merged:
        url, _, _ = _resolve(grown.sites[1], r["url"])
        assert url == r["into"] and url in claims
        assert lands(grown.sites[1], f"{r['url']}#{EARLIER_ANCHOR}") or r["id"] != EARLIER_ID
        redirect = (grown.sites[1] / r["url"] / "index.html").read_text(encoding="utf-8")
        target = posixpath.relpath(r["into"], r["url"]) + "/"
        assert f'<link rel="canonical" href="{target}">' in redirect
        assert f'content="0; url={target}"' in redirect and "location.hash" in redirect


def test_a_removed_article_leaves_a_page_saying_what_the_claim_was(grown: Grown) -> None:
    gone = [r for r in _export(grown.sites[2])["retired"] if r["state"] == "gone"]
    assert gone
    for r in gone:
        text = (grown.sites[2] / r["url"] / "index.html").read_text(encoding="utf-8")
        assert "This claim is no longer on the site" in text and "last seen in the build of" in text
        assert r["reason"] in text
        assert 'href="../../"' in text  # the story


def test_a_rebuild_of_the_same_input_and_ledger_is_byte_identical(grown: Grown, tmp_path: Path) -> None:
    again = tmp_path / "again"
    code, _, err = run_cli("build", str(grown.story), "--site-dir", str(again), "--no-cache", "-q")
    assert code == 0, err
    assert (grown.story / ".parallax" / "ids.json").read_bytes() == grown.ledgers[2]
    first, second = digest(grown.sites[2]), digest(again)
    assert [n for n in first if first[n] != second.get(n)] == [] and first.keys() == second.keys()
    # The site's copy is the same ledger, one id a line (smaller than the indented file).
    copy = (again / "data" / "ids.json").read_bytes()
    assert json.loads(copy) == json.loads(grown.ledgers[2]) and len(copy) < len(grown.ledgers[2])
    assert id_ledger.read(again / "data" / "ids.json").to_bytes() == grown.ledgers[2]


def test_ingest_ignores_the_ledger_folder(grown: Grown) -> None:
    articles = {a["path"] for a in _export(grown.sites[2])["articles"]}
    assert articles and not any(p.startswith(".parallax") for p in articles)


def test_a_ledger_that_cannot_be_read_is_one_line_and_exit_2(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    _add(story, STEPS[0])
    (story / ".parallax").mkdir()
    (story / ".parallax" / "ids.json").write_bytes(b"\x00not json")
    code, _, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 2 and err.count("\n") == 1 and "ids.json" in err and "ledger" in err
    assert not (tmp_path / "site").exists()


def test_ledger_option_puts_the_ledger_elsewhere(tmp_path: Path) -> None:
    story, elsewhere = tmp_path / "story", tmp_path / "keep" / "ids.json"
    story.mkdir()
    _add(story, STEPS[0])
    code, _, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache",
                           "--ledger", str(elsewhere), "-q")
    assert code == 0, err
    assert elsewhere.is_file() and not (story / ".parallax").exists()
    assert json.loads(elsewhere.read_text())["format"] == id_ledger.FORMAT


def _mention(article: str, text: str, start: int) -> Mention:
    return Mention(id=f"{article}:q{start}-{start + len(text)}", article=article, kind="quote", text=text,
                   start=start, end=start + len(text))


def test_an_id_is_never_reused_for_something_else() -> None:
    story = Story("s", "S", ("a",))
    first = _mention("a", "We will rebuild the bridge", 0)
    earlier = id_ledger.Ledger({("s", "q-x"): id_ledger.Entry(
        story="s", id="q-x", kind="quote", title="old", state="gone",
        mentions=(id_ledger.mention_key(first),), discrepancies={})})
    other = _mention("a", "The ferry runs again on Monday", 40)
    claim = Claim(id="q-x", story="s", kind="quote", title="new", mentions=(other.id,), status="single")
    applied = id_ledger.apply(earlier, [story], [], [other], [claim])
    assert [c.id for c in applied.claims] == ["q-x-2"]
    assert applied.ledger.entries[("s", "q-x")].state == "gone"


def test_a_claim_keeps_the_id_of_the_earlier_claim_sharing_most_mentions() -> None:
    story = Story("s", "S", ("a", "b"))
    ma, mb, mc = _mention("a", "one two three", 0), _mention("b", "one two three", 0), _mention("b", "four", 20)
    entry = lambda ident, ms: id_ledger.Entry(  # noqa: E731
        story="s", id=ident, kind="quote", title=ident, state="live",
        mentions=tuple(sorted(id_ledger.mention_key(m) for m in ms)), discrepancies={})
    earlier = id_ledger.Ledger({("s", "q-old"): entry("q-old", [ma, mb]), ("s", "q-small"): entry("q-small", [mc])})
    claim = Claim(id="q-new-content-id", story="s", kind="quote", title="t",
                  mentions=(ma.id, mb.id, mc.id), status="agree")
    applied = id_ledger.apply(earlier, [story], [], [ma, mb, mc], [claim])
    assert [c.id for c in applied.claims] == ["q-old"]
    assert [(r.id, r.state, r.into) for r in applied.retired] == [
        ("q-small", "merged", "stories/s/claims/q-old/")]


@pytest.mark.browser
def test_earlier_links_land_on_their_anchor_in_chromium(grown: Grown, page) -> None:  # noqa: F811
    first_links = [*_links(grown.sites[0]), *_links(grown.sites[1]),
                   f"stories/linden/claims/{EARLIER_ID}/#{EARLIER_ANCHOR}"]
    with serve_folder(grown.sites[2]) as base:
        for link in first_links:
            page.goto(base + link)
            page.wait_for_load_state("load")
            final = page.url.removeprefix(base)
            if final.startswith("stories/linden/articles/"):  # a claim shown as a passage there
                passage = final.partition("#")[2]
                assert passage and page.evaluate("id => !!document.getElementById(id)", passage), (link, final)
                continue
            assert final.startswith("stories/linden/claims/"), (link, final)
            anchor = link.partition("#")[2]
            if anchor:
                assert final.endswith(f"#{anchor}"), (link, final)
                assert page.evaluate("id => !!document.getElementById(id)", anchor), (link, final)
            assert page.title() != "404"
    assert page.errors == []


def test_a_source_folder_that_cannot_hold_the_ledger_still_builds_with_a_warning(tmp_path: Path) -> None:
    story = tmp_path / "story"
    story.mkdir()
    _add(story, STEPS[0])
    (story / ".parallax").write_text("a file where the ledger folder would go")
    code, out, err = run_cli("build", str(story), "--site-dir", str(tmp_path / "site"), "--no-cache", "-q")
    assert code == 0, err
    assert "id ledger could not be written" in err and "--ledger PATH" in err
    assert (tmp_path / "site" / "index.html").is_file()


def test_a_discrepancy_keeps_its_id_while_its_sides_exist_even_when_the_most_common_wording_changes() -> None:
    from builder.models import Discrepancy, Side

    story = Story("s", "S", ("a", "b", "c"))
    ms = [_mention(a, "we will not go back", 0) for a in ("a", "b", "c")]
    keys = tuple(sorted(id_ledger.mention_key(m) for m in ms))
    earlier = id_ledger.Ledger({("s", "q-c"): id_ledger.Entry(
        story="s", id="q-c", kind="quote", title="t", state="live", mentions=keys, discrepancies={
            "wording-old-anchor": {"type": "wording", "summary": "x", "sides": ["v-old-reference", "v-minority"]},
            "wording-gone": {"type": "wording", "summary": "y", "sides": ["v-old-reference", "v-vanished"]}})})
    now = Discrepancy("wording-new-content-id", "wording", (ms[0].id,), "z",
                      sides=(Side("v-new-reference", "", ("B",)), Side("v-minority", "", ("A",))))
    claim = Claim(id="q-c", story="s", kind="quote", title="t", mentions=tuple(m.id for m in ms),
                  status="differ", discrepancies=(now,))
    (kept,) = id_ledger.apply(earlier, [story], [], ms, [claim]).claims
    assert [d.id for d in kept.discrepancies] == ["wording-old-anchor"]
    assert [r.id for r in kept.resolved] == ["wording-gone"]
