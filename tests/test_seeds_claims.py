"""What the seeds' claims say: the differences a reader of the demo site should see.

These tests read the seeds' export (the demo data), so they name its words; the
code under test knows nothing of them.
"""

from __future__ import annotations

import pytest


def _wording(seeds_data, contains: str) -> list[dict]:
    """Non-minor wording discrepancies of the quote claim whose mentions contain ``contains``."""
    texts = {m["id"]: m["text"] for m in seeds_data["mentions"]}
    claims = [c for c in seeds_data["claims"]
              if c["kind"] == "quote" and any(contains in texts[m] for m in c["mentions"])]
    assert claims, contains
    return [d for c in claims for d in c["discrepancies"] if d["type"] == "wording" and not d["minor"]]


def _changes(discrepancy: dict) -> set[tuple[str, str, str]]:
    return {(op["op"], op["a"], op["b"]) for op in discrepancy["diff"] if op["op"] != "equal"}


@pytest.mark.parametrize(("contains", "one", "other"), [
    ("devastating for", "so bad in", "devastating for"),
    ("communications arise", "are emerging", "arise"),
    ("rather not say", "I better", "I'd rather"),
])
def test_seeds_word_level_diff_of_a_differing_quotation(seeds_data, contains, one, other):
    changes = set().union(*(_changes(d) for d in _wording(seeds_data, contains)))
    assert ("replace", one, other) in changes or ("replace", other, one) in changes, changes


def test_seeds_deletion_and_insertion_inside_a_quotation(seeds_data):
    changes = set().union(*(_changes(d) for d in _wording(seeds_data, "neither confirm nor deny")))
    assert {("delete", "personally", ""), ("insert", "", "or")} <= changes or \
        {("insert", "", "personally"), ("delete", "or", "")} <= changes, changes


def test_seeds_number_style_and_apostrophes_are_not_differences(seeds_data):
    texts = {m["id"]: m["text"] for m in seeds_data["mentions"]}
    claim = next(c for c in seeds_data["claims"]
                 if any("million of them" in texts[m] for m in c["mentions"]))
    versions = {texts[m] for m in claim["mentions"]}
    assert any("two million" in v for v in versions) and any("2 million" in v for v in versions)
    assert claim["status"] == "agree"


def test_seeds_casualty_figures_are_one_comparison(seeds_data):
    figures = {m["id"]: m for m in seeds_data["mentions"] if m["kind"] == "figure"}
    claim = next(c for c in seeds_data["claims"] if c["kind"] == "figure"
                 and {figures[m]["value"] for m in c["mentions"]} >= {700000, 45100})
    # Trump's estimate against Zelensky's count: the sources differ, not the outlets
    assert claim["status"] == "contested"
    assert not [d for d in claim["discrepancies"] if d["type"] in ("number", "speaker")]
    given = {s["speaker"]: s["value"] for s in claim["contested"]}
    assert given == {"Donald Trump": "700,000", "Volodymyr Zelenskyy": "45,100"}


def _claim_with(seeds_data, words: str) -> dict:
    texts = {m["id"]: m["text"] for m in seeds_data["mentions"]}
    return next(c for c in seeds_data["claims"] if c["kind"] == "quote"
                and any(words in texts[m] for m in c["mentions"]))


def test_seeds_better_not_say_variants_name_their_outlets(seeds_data):
    claim = _claim_with(seeds_data, "rather not say")
    variants = {v["text"].rstrip(".").replace("\u2019", "'"): v for v in claim["variants"]}
    assert {"I better not say", "I'd rather not say", "I'd better not say"} <= set(variants)
    assert claim["variants"][0] is variants["I better not say"]
    assert len(variants["I better not say"]["outlets"]) == 3
    rather, better = variants["I'd rather not say"], variants["I'd better not say"]
    assert rather["relation"] == better["relation"] == "differs"
    assert not set(rather["outlets"]) & set(variants["I better not say"]["outlets"])
    # every wording discrepancy runs between the reference and one variant, naming outlets
    wording = [d for d in claim["discrepancies"] if d["type"] == "wording"]
    assert {d["sides"][1]["variant"] for d in wording} == {rather["id"], better["id"]}
    for d in wording:
        assert d["sides"][0]["variant"] == claim["variants"][0]["id"]
        assert d["sides"][0]["outlets"] == variants["I better not say"]["outlets"]
    # the outlet that prints "I better" and "I'd better" quotes it both ways (minor)
    both = next(d for d in wording if d["sides"][1]["variant"] == better["id"])
    assert both["minor"] and both["minor_reason"] == "both-ways"
    assert both["both_ways"] == better["outlets"]
    counted = next(d for d in wording if d["sides"][1]["variant"] == rather["id"])
    assert not counted["minor"] and counted["both_ways"] == []


def test_seeds_weekday_and_written_date_are_one_agreeing_claim(seeds_data):
    dates = {m["id"]: m for m in seeds_data["mentions"] if m["kind"] == "date"}
    claim = next(c for c in seeds_data["claims"] if c["kind"] == "date"
                 and {dates[m]["text"] for m in c["mentions"]} >= {"Friday", "Feb. 7"})
    assert {dates[m]["date"] for m in claim["mentions"]} == {"2025-02-07"}
    assert claim["status"] == "agree"
    assert len({dates[m]["article"] for m in claim["mentions"]}) >= 3
