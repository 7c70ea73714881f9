"""Held-out alignment gate: the quotation eval stories' claims scored against their gold groups.

Each story in tests/eval/quotes/ (see tests/test_eval_quotes.py) is collected in process
and scored with shared/tools/score.py: alignment F1 (cross-article pairs of a gold
group found in one claim) and status accuracy (agree/differ of each gold group).

Measured (alignment F1 / status accuracy), floors 0.02 below "after":
  story              before          after
  plant-fire         0.720 / 0.75    0.857 / 1.00
  care-home-verdict  0.698 / 0.57    0.900 / 1.00
  rate-decision      0.500 / 0.83    0.696 / 1.00
  (issue 17: plant-fire 0.909 / 1.00, care-home-verdict 0.895 / 1.00, rate-decision 0.762 / 1.00)
What is left lowers precision only: a partial quote or fragment linked to the quotation
it was cut from ("act with force now" inside the governor's longer quote, "cooperating
fully" inside the company statement), which the gold leaves out of its groups.
"""

from __future__ import annotations

import pytest

from tests.conftest import QUOTE_EVAL as EVAL
FLOORS = {
    "plant-fire": {"alignment": 0.89, "status": 0.98},
    "care-home-verdict": {"alignment": 0.88, "status": 0.98},
    "rate-decision": {"alignment": 0.67, "status": 0.98},
}


def test_every_quote_eval_story_has_an_alignment_floor():
    assert sorted(p.name for p in EVAL.iterdir() if p.is_dir()) == sorted(FLOORS)


@pytest.mark.parametrize("story", sorted(FLOORS))
def test_eval_story_alignment_and_status_stay_above_floor(story, quote_eval_scores):
    scores = quote_eval_scores[story]
    alignment, status = scores["alignment"], scores["status"]
    print(f"\n{story}: alignment {alignment}, status {status}")
    assert alignment["f1"] >= FLOORS[story]["alignment"], alignment
    assert status["accuracy"] >= FLOORS[story]["status"], status
