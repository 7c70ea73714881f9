"""Shared fixtures: where things are, and the seeds run through the pipeline once per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("PARALLAX_SHARED", ROOT.parent / "shared"))
SCORE_PY = SHARED / "tools" / "score.py"
QUOTE_EVAL = Path(__file__).parent / "eval" / "quotes"


def score(gold: Path, export: Path) -> dict:
    """What ``shared/tools/score.py GOLD EXPORT --json`` says of an export."""
    assert SCORE_PY.exists(), f"../shared is missing: {SHARED}"
    out = subprocess.run([sys.executable, str(SCORE_PY), str(gold), str(export), "--json"],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out[: out.rindex("}") + 1])


def collect_and_score(story: Path, gold: Path, folder: Path) -> dict:
    """Collect ``story`` in this process (spaCy loads once), export it into ``folder``, score it."""
    from builder.export import to_json
    from builder.pipeline import collect

    export = folder / "claims.json"
    export.write_bytes(to_json(collect(story, progress=False).corpus))
    return score(gold, export)


@pytest.fixture(scope="session")
def quote_eval_scores(tmp_path_factory) -> dict[str, dict]:
    """Every held-out quotation story (tests/eval/quotes/<story>/gold.yml) scored once."""
    stories = sorted(p for p in QUOTE_EVAL.iterdir() if p.is_dir())
    return {s.name: collect_and_score(s, s / "gold.yml", tmp_path_factory.mktemp(s.name)) for s in stories}


@pytest.fixture(scope="session")
def seeds_report():
    """The seeds collected (ingest, extract, align) without a cache."""
    from builder.pipeline import collect

    return collect(SEEDS, progress=False)


@pytest.fixture(scope="session")
def seeds_export(seeds_report, tmp_path_factory) -> Path:
    """The seeds' JSON export on disk, as ``parallax extract`` writes it."""
    from builder.export import to_json

    path = tmp_path_factory.mktemp("export") / "claims.json"
    path.write_bytes(to_json(seeds_report.corpus))
    return path


@pytest.fixture(scope="session")
def seeds_data(seeds_export) -> dict:
    return json.loads(seeds_export.read_text(encoding="utf-8"))
