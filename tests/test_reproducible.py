"""Same input, same bytes: two ``parallax build seeds --no-cache`` runs into different folders."""

from __future__ import annotations

import gzip
import os
from datetime import datetime, time, timezone
from pathlib import Path

import pytest

from tests.conftest import SEEDS
from tests.site_data import site_export_bytes
from tests.test_broken_build import digest
from tests.test_hostile import run_cli

pytestmark = pytest.mark.slow
EPOCH_BEFORE = os.environ.get("SOURCE_DATE_EPOCH")


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    sites = []
    for name in ("first", "second"):
        site = tmp_path_factory.mktemp(name) / f"site-{name}"
        code, _, err = run_cli("build", str(SEEDS), "--site-dir", str(site), "--no-cache", "-q",
                             "--ledger", str(site.with_name("ids.json")))
        assert code == 0, err
        sites.append(site)
    return sites[0], sites[1]


def test_two_builds_of_the_same_folder_are_byte_identical(two_sites: tuple[Path, Path]) -> None:
    first, second = (digest(site) for site in two_sites)
    assert len(first) > 50 and "data/claims.json.gz" in first and "sitemap.xml.gz" in first
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_no_clock_or_build_folder_in_the_output(two_sites: tuple[Path, Path]) -> None:
    site = two_sites[0]
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".csv"}:
            text = path.read_text(encoding="utf-8")
            assert site.name not in text and str(site.parent) not in text, path
            assert datetime.now(timezone.utc).strftime("%Y-%m-%dT%H") not in text, path


def test_sitemap_date_is_pinned_to_the_newest_article(two_sites: tuple[Path, Path]) -> None:
    from builder.ingest import read_stories

    newest = max(a.published for a in read_stories(SEEDS).articles if a.published)
    expected = int(datetime.combine(newest, time(), tzinfo=timezone.utc).timestamp())
    raw = (two_sites[0] / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(raw[4:8], "little") == expected  # the gzip header's mtime
    sitemap = gzip.decompress(raw).decode("utf-8")
    assert sitemap == (two_sites[0] / "sitemap.xml").read_text(encoding="utf-8")
    for lastmod in sitemap.split("<lastmod>")[1:]:
        assert lastmod.startswith(newest.isoformat())
    assert os.environ.get("SOURCE_DATE_EPOCH") == EPOCH_BEFORE  # pinned for the build only


def test_extract_twice_gives_identical_json_and_csv_equal_to_the_sites(
        two_sites: tuple[Path, Path], tmp_path: Path) -> None:
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name / "claims.json"
        code, _, err = run_cli("extract", str(SEEDS), "-o", str(out), "--no-cache", "-q",
                             "--ledger", str(out.with_name("no-ledger.json")))
        assert code == 0, err
        outputs.append((out.read_bytes(), out.with_suffix(".csv").read_bytes()))
    assert outputs[0] == outputs[1]
    data = two_sites[0] / "data"
    assert outputs[0] == (site_export_bytes(two_sites[0]), (data / "claims.csv").read_bytes())
