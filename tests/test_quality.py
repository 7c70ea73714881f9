"""Quality gate: the seeds scored against the hand annotation, with floors that only go up.

The floors are the targets of the extraction and alignment issues. Lowering one
needs a commit of its own that says why (trafilatura's eval gate does the same).
The gold file gets three documented, neutral corrections (tests/data/gold_errata.yml)
before scoring; the raw score against the unamended file is printed beside it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import SCORE_PY, SHARED, score

FLOORS = {
    ("quotes", "f1"): 0.97,
    ("quotes", "attribution"): 1.0,  # the seeds speakers are all right: keep them so
    ("figures", "f1"): 0.95,
    ("dates", "f1"): 0.95,
    ("alignment", "f1"): 0.95,
    ("status", "accuracy"): 0.90,
}
ERRATA = Path(__file__).parent / "data" / "gold_errata.yml"
GOLD = SHARED / "gold" / "seeds.yml"


def amended_gold(gold: dict, errata: dict) -> dict:
    """The gold with the errata's items appended; every errata item must be optional."""
    amended = json.loads(json.dumps(gold, default=str))
    for section, by_article in errata.items():
        for stem, items in by_article.items():
            assert all(item.get("optional") for item in items), "errata may only add optional items"
            amended.setdefault(section, {}).setdefault(stem, []).extend(
                {k: v for k, v in item.items() if k != "why"} for item in items)
    return amended


@pytest.fixture(scope="module")
def scores(seeds_export, tmp_path_factory) -> dict:
    assert SCORE_PY.exists() and GOLD.exists(), f"../shared is missing: {SHARED}"
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    path = tmp_path_factory.mktemp("gold") / "seeds.yml"
    path.write_text(yaml.safe_dump(amended_gold(gold, yaml.safe_load(ERRATA.read_text()))))
    amended, raw = score(path, seeds_export), score(GOLD, seeds_export)
    print("\nseeds vs gold (raw):     ", {k: raw[k].get("f1") for k in ("quotes", "figures", "dates", "alignment")})
    print("seeds vs gold + errata:  ", {k: amended[k].get("f1") for k in ("quotes", "figures", "dates", "alignment")})
    return amended


@pytest.mark.parametrize(("section", "metric"), list(FLOORS))
def test_seeds_score_at_or_above_floor(scores, section, metric):
    got = scores[section][metric]
    floor = FLOORS[(section, metric)]
    detail = {k: v for k, v in scores[section].items() if isinstance(v, list) and v}
    assert got >= floor, f"{section} {metric} = {got} < floor {floor}; {detail}"


def test_no_offset_errors(scores):
    assert scores["offset_errors"] == 0


def test_errata_cannot_add_recall():
    gold = {"dates": {"x": [{"text": "Friday", "iso": "2025-02-07"}]}}
    with pytest.raises(AssertionError):
        amended_gold(gold, {"dates": {"x": [{"text": "Monday", "iso": "2025-02-03"}]}})
