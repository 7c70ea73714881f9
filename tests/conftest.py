"""Shared fixtures: where things are, and the seeds run through the pipeline once per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("PARALLAX_SHARED", ROOT.parent / "shared"))


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
