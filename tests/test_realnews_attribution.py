"""Attribution gates on real news nobody here wrote: PolNeAR dev and the BASIL gold events.

The corpora are copyrighted and stay in ``../shared/realnews`` (CI has ``../shared``
beside the clone); each is extracted once per session with the CLI (its extraction
cache makes a re-run fast) and scored with the shared scorers. The floors sit just under
what the extraction reaches; never lower them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
REALNEWS = SHARED / "realnews"
TOOLS = SHARED / "tools"

POLNEAR_FLOORS = {"name": 0.935, "core": 0.88, "resolved": 0.70}
POLNEAR_RECALL_FLOOR = 0.99
BASIL_ATTRIBUTION_FLOOR = 0.93

pytestmark = pytest.mark.skipif(
    not (REALNEWS / "polnear-dev").is_dir() or not (REALNEWS / "basil").is_dir(),
    reason=f"the real-news corpora are not at {REALNEWS} (they sit in ../shared beside the clone)",
)


def _extract(folder: Path, out: Path) -> Path:
    subprocess.run([sys.executable, "-m", "builder", "extract", str(folder), "-o", str(out), "-q"],
                   check=True, capture_output=True, text=True)
    return out


@pytest.fixture(scope="session")
def polnear_scores(tmp_path_factory) -> dict:
    export = _extract(REALNEWS / "polnear-dev", tmp_path_factory.mktemp("polnear") / "claims.json")
    scored = subprocess.run([sys.executable, str(TOOLS / "polnear_score.py"),
                             str(REALNEWS / "polnear-dev.gold.yml"), str(export)],
                            check=True, capture_output=True, text=True)
    return json.loads(scored.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="session")
def basil_summary(tmp_path_factory) -> dict[str, float]:
    export = _extract(REALNEWS / "basil", tmp_path_factory.mktemp("basil") / "claims.json")
    scored = subprocess.run([sys.executable, str(TOOLS / "score_stories.py"), str(REALNEWS / "basil-gold"), str(export)],
                            check=True, capture_output=True, text=True)
    mean = next(line for line in scored.stdout.splitlines() if line.startswith("MEAN"))
    return {key: float(value) for key, value in (part.split("=") for part in mean.split()[1:])}


@pytest.mark.parametrize("kind", sorted(POLNEAR_FLOORS))
def test_polnear_dev_speaker_attribution_stays_above_its_floor(polnear_scores, kind):
    assert polnear_scores[kind]["attribution"] >= POLNEAR_FLOORS[kind], polnear_scores


def test_polnear_dev_finds_the_quotations(polnear_scores):
    assert polnear_scores["core"]["recall"] >= POLNEAR_RECALL_FLOOR, polnear_scores


def test_basil_gold_events_mean_attribution_stays_above_its_floor(basil_summary):
    assert basil_summary["attribution"] >= BASIL_ATTRIBUTION_FLOOR, basil_summary


def test_basil_gold_events_offsets_are_exact(basil_summary):
    assert basil_summary["offset_errors"] == 0, basil_summary
