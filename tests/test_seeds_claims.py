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
    assert claim["status"] == "differ"
    assert {d["type"] for d in claim["discrepancies"]} >= {"number", "speaker"}


def test_seeds_weekday_and_written_date_are_one_agreeing_claim(seeds_data):
    dates = {m["id"]: m for m in seeds_data["mentions"] if m["kind"] == "date"}
    claim = next(c for c in seeds_data["claims"] if c["kind"] == "date"
                 and {dates[m]["text"] for m in c["mentions"]} >= {"Friday", "Feb. 7"})
    assert {dates[m]["date"] for m in claim["mentions"]} == {"2025-02-07"}
    assert claim["status"] == "agree"
    assert len({dates[m]["article"] for m in claim["mentions"]}) >= 3
