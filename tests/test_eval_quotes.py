"""Held-out quotation gate: three invented stories in wire, British and tabloid styles.

tests/eval/quotes/<story>/ holds 3-4 articles (txt, md with front matter, saved html)
about one invented event and a hand-written gold.yml (written before the extractor was
run on them; ingest skips .yml files). Each story is extracted and scored with
shared/tools/score.py; quotes F1 and attribution must stay at or above the floors.

Measured when the floors were set (floors sit 0.02 below):
  plant-fire         quotes F1 0.984, attribution 1.000
  care-home-verdict  quotes F1 0.983, attribution 1.000
  rate-decision      quotes F1 1.000, attribution 1.000
Before the rules this gate came with: 0.984/0.935, 0.983/0.793, 0.962/0.960.
The F1 below 1.0 is one known difference of convention: a quotation running over two
paragraphs is one gold quote but two linked mentions (``continues``) in the export.
"""

from __future__ import annotations

import pytest

from tests.conftest import QUOTE_EVAL as EVAL
FLOORS = {
    "plant-fire": {"f1": 0.96, "attribution": 0.98},
    "care-home-verdict": {"f1": 0.96, "attribution": 0.98},
    "rate-decision": {"f1": 0.98, "attribution": 0.98},
}


def test_every_eval_story_has_gold_and_a_floor():
    stories = sorted(p.name for p in EVAL.iterdir() if p.is_dir())
    assert stories == sorted(FLOORS)
    for story in stories:
        assert (EVAL / story / "gold.yml").exists()
        assert len([p for p in (EVAL / story).iterdir() if p.suffix in {".txt", ".md", ".html"}]) >= 3


@pytest.mark.parametrize("story", sorted(FLOORS))
def test_eval_story_quotes_and_speakers_stay_above_floor(story, quote_eval_scores):
    quotes = quote_eval_scores[story]["quotes"]
    print(f"\n{story}: quotes F1 {quotes['f1']}, attribution {quotes['attribution']}",
          quotes["missed"], quotes["spurious"], quotes["misattributed"])
    assert quotes["f1"] >= FLOORS[story]["f1"], quotes
    assert quotes["attribution"] >= FLOORS[story]["attribution"], quotes
