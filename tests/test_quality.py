"""Quality gate: the seeds scored against the hand annotation, with floors that only go up.

The seeds are the demo story and their annotation (../shared/gold/seeds.yml) is
complete, so every score is held at 1.0 but one (see FLOORS). Lowering a floor needs a commit of its own
that says why (trafilatura's eval gate does the same).
"""

from __future__ import annotations

import pytest

from tests.conftest import SCORE_PY, SHARED, score

FLOORS = {
    ("quotes", "f1"): 1.0,
    ("quotes", "attribution"): 1.0,
    ("figures", "f1"): 1.0,
    # Two real dates the annotation leaves out, which ../shared/ANNOTATION.md's own conventions
    # make dates (attributive years; "N years ago" dating an event): "the 2022 invasion" in
    # 001 and "nearly three years ago" (since Russia invaded) in 003. Extracted, so 21/23.
    ("dates", "f1"): 0.95,
    ("alignment", "f1"): 1.0,
    # One gold group, `ukrainian-deaths` (status: differ), is a figure whose two values come
    # from two sources (Trump's estimate, Zelenskyy's count): the build judges it `contested`
    # (issue 13), which the annotation's agree/differ vocabulary does not have. 14 of 15.
    ("status", "accuracy"): 0.93,
}
GOLD = SHARED / "gold" / "seeds.yml"


@pytest.fixture(scope="module")
def scores(seeds_export) -> dict:
    assert SCORE_PY.exists() and GOLD.exists(), f"../shared is missing: {SHARED}"
    return score(GOLD, seeds_export)


@pytest.mark.parametrize(("section", "metric"), list(FLOORS))
def test_seeds_score_at_or_above_floor(scores, section, metric):
    got = scores[section][metric]
    floor = FLOORS[(section, metric)]
    detail = {k: v for k, v in scores[section].items() if isinstance(v, list) and v}
    assert got >= floor, f"{section} {metric} = {got} < floor {floor}; {detail}"


def test_no_offset_errors(scores):
    assert scores["offset_errors"] == 0
