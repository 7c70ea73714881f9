"""Real-news alignment gate: the BASIL events with hand gold, figures, dates and alignment.

``../shared/realnews/basil`` holds 80 real events, each reported by three US outlets;
``../shared/realnews/basil-gold`` has hand gold for 12 of them (conventions in
``../shared/ANNOTATION.md``). The whole folder is collected once per session, in process,
and ``../shared/tools/score_stories.py`` scores it; the gate holds the mean over the gold
events. The texts are read from ``../shared`` only, never copied here.

Measured (mean over the 12 gold events; score_stories.py MEAN line), floors just under "after":
  before  figuresF1=0.927 datesF1=0.899 alignF1=0.713 status=0.654
  after   figuresF1=0.98  datesF1=0.996 alignF1=0.899 status=0.891
  merged with issue 12's attribution: alignF1=0.884 status=0.869
  issue 17 (fragments judged on their own words inside other outlets' longer quotations,
  one sentence quoted amid other words, quotations side by side apart, a figure retold
  rounded is no contest): alignF1=0.918 status=0.932
What is left is mostly quotations: attribution errors that keep a quotation or fragment
from its claim (a description or another person credited), a quotation one outlet prints
both ways (minor here, a difference in the gold), and the paragraphs of one quotation reported apart elsewhere
(in each other's claims here, apart in the gold).
The floors guard against regressions; the rules were improved on what these events showed,
so they no longer predict the score on unseen news.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import SHARED

BASIL = SHARED / "realnews" / "basil"
GOLD = SHARED / "realnews" / "basil-gold"
SCORE_STORIES = SHARED / "tools" / "score_stories.py"

FLOORS = {
    "figuresF1": 0.975,
    "datesF1": 0.99,
    # 0.918 measured. With the parse-based attribution of issue 12 merged, more quotations have
    # a named speaker, and a quotation credited to two named people in two outlets is kept as
    # two claims (0.899 -> 0.884); fragments and single sentences inside other outlets'
    # quotations, two quotations side by side in a sentence kept apart (issue 17): 0.918.
    "alignF1": 0.915,
    # 0.932 measured (0.869 before issue 17): fragments judged on their own words, and a
    # figure one source retells rounded (one value the other rounded, within 5 %) is `differ`, not
    # `contested`; the rest as alignF1 above.
    "status": 0.93,
}


@pytest.fixture(scope="session")
def basil_mean(tmp_path_factory) -> dict[str, float]:
    """The BASIL folder collected once (no cache), exported and scored: the MEAN line."""
    if not (BASIL.is_dir() and GOLD.is_dir() and SCORE_STORIES.exists()):
        pytest.skip(f"the BASIL corpus, its gold or score_stories.py is missing under {SHARED}")
    from builder.export import to_json
    from builder.pipeline import collect

    export = tmp_path_factory.mktemp("basil") / "claims.json"
    export.write_bytes(to_json(collect(BASIL, progress=False).corpus))
    out = subprocess.run([sys.executable, str(SCORE_STORIES), str(GOLD), str(export), "--json"],
                         capture_output=True, text=True, check=True).stdout
    mean = json.loads(out)["mean"]
    print(f"\nBASIL gold events, mean: {mean}")
    return mean


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_basil_alignment_scores_stay_at_or_above_floor(basil_mean, metric):
    assert basil_mean[metric] >= FLOORS[metric], f"{metric} = {basil_mean[metric]} < floor {FLOORS[metric]}"


def test_basil_export_keeps_exact_offsets(basil_mean):
    assert basil_mean["offset_errors"] == 0
