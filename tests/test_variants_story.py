"""Who printed what, end to end on invented stories (tests/invented_story.py).

- six outlets quote the mayor in three wordings (three, two and one outlets): the
  variants, their sides and the outlets marked as differing, in the export, on the
  built pages and in Chromium;
- a story of 22 outlets where three run one agency copy: the copies are one wire
  group, counted once, shown as one card; the damage figure the mayor and the fire
  chief give differently is contested, not an outlet discrepancy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.cli import main
from tests.invented_story import AGENCY, MAYOR, WIRE_OUTLETS, WORDINGS, write_story
from tests.site_data import site_export
from tests.test_browser import browser, page, serve_folder  # noqa: F401

pytestmark = pytest.mark.slow

SIX = [0, 1, 0, 2, 0, 1]  # the wording each of six outlets prints: 3 x first, 2 x second, 1 x third
TWENTY_TWO = [0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0]  # plus three wire copies


def _build(root: Path, wordings: list[int], wire: bool) -> tuple[Path, dict[str, str]]:
    printed = write_story(root / "story", wordings, wire)
    site = root / "site"
    assert main(["build", str(root / "story"), "--site-dir", str(site), "--no-cache", "-q"]) == 0
    return site, printed


@pytest.fixture(scope="module")
def six(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict[str, str]]:
    site, printed = _build(tmp_path_factory.mktemp("six"), SIX, wire=False)
    return site, site_export(site), printed


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict, dict[str, str]]:
    site, printed = _build(tmp_path_factory.mktemp("big"), TWENTY_TWO, wire=True)
    return site, site_export(site), printed


def _quote_claim(data: dict) -> dict:
    return next(c for c in data["claims"] if c["kind"] == "quote" and c["speaker"] == MAYOR
                and len(c["variants"]) > 1)


def _html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def _norm(text: str) -> str:
    return text.replace("\u2019", "'").rstrip(".,")


# --- six outlets, three wordings ----------------------------------------------------------


def test_three_wordings_are_three_variants_with_their_outlets(six) -> None:
    _, data, printed = six
    claim = _quote_claim(data)
    got = [(_norm(v["text"]), sorted(v["outlets"]), v["relation"]) for v in claim["variants"]]
    expected = [(w, sorted(o for o, p in printed.items() if p == w), rel)
                for w, rel in zip(WORDINGS, ("reference", "differs", "differs"))]
    assert got == expected
    assert [v["reports"] for v in claim["variants"]] == [3, 2, 1]
    assert claim["status"] == "differ"


def test_each_wording_discrepancy_runs_between_the_reference_and_one_variant(six) -> None:
    _, data, _ = six
    claim = _quote_claim(data)
    ref, second, third = claim["variants"]
    wording = [d for d in claim["discrepancies"] if d["type"] == "wording"]
    assert len(wording) == 2 and not any(d["minor"] for d in wording)
    for d in wording:
        assert d["sides"][0]["variant"] == ref["id"] and d["sides"][0]["outlets"] == ref["outlets"]
        assert len(d["sides"]) == 2 and d["both_ways"] == []
    by_other = {d["sides"][1]["variant"]: d for d in wording}
    assert set(by_other) == {second["id"], third["id"]}
    assert by_other[second["id"]]["sides"][1]["outlets"] == second["outlets"]
    assert [op["b"] for op in by_other[third["id"]]["diff"] if op["op"] != "equal"] == ["hope to"]


def _matrix_row(site, story_url: str, claim_id: str) -> str:
    """The claim's row of the story page's claims x outlets matrix."""
    matrix = _html(site, story_url).split('<h2 id="claims">', 1)[1]
    return matrix.split(f'href="claims/{claim_id}/"', 1)[1].split("</tr>")[0]


def test_counts_agree_between_export_summary_pages(six) -> None:
    site, data, _ = six
    counted = sum(1 for c in data["claims"] for d in c["discrepancies"]
                  if not d.get("minor") and d["type"] != "omission")
    story_url = data["stories"][0]["url"]
    assert f"<strong>{counted} discrepanc" in _html(site, "")
    assert re.search(rf"<p class=\"px-meta\">{counted} discrepanc", _html(site, "discrepancies/"))
    claim = _quote_claim(data)
    assert "2 discrepancies" in _matrix_row(site, story_url, claim["id"])


def test_matrix_marks_only_the_outlets_of_the_minority_variants(six) -> None:
    site, data, printed = six
    claim = _quote_claim(data)
    row = _matrix_row(site, data["stories"][0]["url"], claim["id"])
    marked = set(re.findall(r'class="px-cell px-(?:differs|both)" data-outlet="([^"]+)"', row))
    assert marked == {o for o, w in printed.items() if w != WORDINGS[0]}


def test_claim_page_names_each_variants_outlets_and_the_json_ld_each_appearance(six) -> None:
    site, data, _ = six
    claim = _quote_claim(data)
    html = _html(site, claim["url"])
    for v in claim["variants"]:
        card = html.split(f'id="{v["id"]}"', 1)[1].split("</section>", 1)[0]
        assert all(f">{o}</a>" in card for o in v["outlets"])
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1])
    shown = {(a["publisher"]["name"], _norm(a["text"])) for a in ld["appearance"]}
    assert shown == {(o, _norm(v["text"])) for v in claim["variants"] for o in v["outlets"]}
    assert ld["firstAppearance"]["datePublished"] == "2025-03-10"


@pytest.mark.browser
def test_in_chromium_the_outlets_marked_as_differing_are_those_of_minority_variants(six, page) -> None:  # noqa: F811
    site, data, printed = six
    claim = _quote_claim(data)
    with serve_folder(site) as base:
        page.goto(base + data["stories"][0]["url"])
        row = page.locator("tr", has=page.locator(f'a[href="claims/{claim["id"]}/"]'))
        marked = row.locator("td.px-differs, td.px-both")
        names = {marked.nth(k).get_attribute("data-outlet") for k in range(marked.count())}
        labels = {" ".join(marked.nth(k).text_content().split()) for k in range(marked.count())}
        assert page.errors == []
    assert names == {o for o, w in printed.items() if w != WORDINGS[0]}
    # the symbol and word, then the letter of the outlet's variant (never A, the most common)
    assert {label.rsplit(" variant ", 1)[0] for label in labels} == {"\u2260 differs"}
    assert all(label.rsplit(" variant ", 1)[1] not in ("", "A") for label in labels), labels


# --- 22 outlets, a wire copy run three times, a contested figure -------------------------------


def test_the_three_agency_copies_are_one_wire_group(big) -> None:
    _, data, _ = big
    wire = {a["outlet"]: a["wire"] for a in data["articles"] if a["wire"]}
    assert set(wire) == set(WIRE_OUTLETS)
    assert len({w["group"] for w in wire.values()}) == 1
    assert {w["agency"] for w in wire.values()} == {AGENCY}
    assert all(len(w["of"]) == 2 for w in wire.values())
    assert len(data["articles"]) == 22


def test_a_wire_group_counts_once_and_its_claim_page_shows_one_card(big) -> None:
    site, data, printed = big
    claim = _quote_claim(data)
    ref = claim["variants"][0]
    assert set(WIRE_OUTLETS) <= set(ref["outlets"])
    assert ref["reports"] == len(ref["outlets"]) - 2
    html = _html(site, claim["url"])
    run_by = f"{AGENCY}, run by {', '.join(sorted(WIRE_OUTLETS))}"
    cards = html.split('<h2 id="versions">', 1)[1].split('<h2 id="discrepancies">', 1)[0]
    assert cards.count(run_by) == 1
    assert cards.count('<article class="px-version"') == len(printed) - 2
    assert f"{len(printed)} outlets, {len(printed) - 2} independent reports" in html
    matrix = _html(site, data["stories"][0]["url"])
    assert f"{AGENCY} copy" in matrix and "independent reports" in matrix


def test_figures_the_mayor_and_the_fire_chief_give_differently_are_contested(big) -> None:
    site, data, _ = big
    claim = next(c for c in data["claims"] if c["kind"] == "figure" and c["contested"])
    assert claim["status"] == "contested"
    assert {(s["speaker"], s["value"]) for s in claim["contested"]} == {
        (MAYOR, "40"), ("Tomas Reyes", "65")}
    assert not [d for d in claim["discrepancies"] if d["type"] in ("number", "speaker")]
    html = _html(site, claim["url"])
    assert "Sources differ" in html and "Who gives which figure" in html


@pytest.mark.browser
def test_in_chromium_the_wire_card_and_the_variants_show(big, page) -> None:  # noqa: F811
    site, data, _ = big
    claim = _quote_claim(data)
    with serve_folder(site) as base:
        page.goto(base + claim["url"])
        assert page.locator(".px-variant").count() == len(claim["variants"])
        assert page.locator(".px-version header .px-wire").count() == 1
        assert page.errors == []
