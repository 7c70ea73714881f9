"""Extraction on a real Dask cluster: a scheduler and two workers, started as processes on
loopback, give the same site byte for byte as a build in this process."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.large import free_port, local_cluster
from tests.conftest import SEEDS
from tests.test_broken_build import digest
from tests.test_hostile import run_cli

pytestmark = pytest.mark.slow
distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """``dask scheduler`` and two ``dask worker`` processes (the bench's own cluster); its address."""
    with local_cluster(2) as address:
        yield address


def test_a_build_on_two_dask_workers_is_byte_identical_to_a_local_one(cluster: str, tmp_path: Path) -> None:
    local, remote, cache = tmp_path / "local", tmp_path / "remote", tmp_path / "cache"
    code, _, err = run_cli("build", str(SEEDS), "--site-dir", str(local), "--no-cache", "-q",
                           "--ledger", str(tmp_path / "local-ids.json"))
    assert code == 0, err
    code, out, err = run_cli("build", str(SEEDS), "--site-dir", str(remote), "--cache-dir", str(cache),
                             "--dask", cluster, "-q", "--ledger", str(tmp_path / "remote-ids.json"))
    assert code == 0, err
    assert "5 articles extracted, 0 from cache" in out
    first, second = digest(local), digest(remote)
    assert len(first) > 50 and "data/claims.json.gz" in first
    assert [name for name in first if first.get(name) != second.get(name)] == []
    assert first.keys() == second.keys()


def test_work_done_on_the_cluster_fills_the_local_cache(cluster: str, tmp_path: Path) -> None:
    story, cache = tmp_path / "story", tmp_path / "cache"
    shutil.copytree(SEEDS, story)
    code, out, err = run_cli("extract", str(story), "-o", str(tmp_path / "a.json"), "--cache-dir", str(cache),
                             "--dask", cluster, "-q")
    assert code == 0, err
    assert "5 articles extracted" in out
    code, out, err = run_cli("extract", str(story), "-o", str(tmp_path / "b.json"), "--cache-dir", str(cache), "-q")
    assert code == 0, err
    assert "0 articles extracted, 5 from cache" in out
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_an_unreachable_scheduler_is_one_line_and_exit_2(tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    code, out, err = run_cli("build", str(SEEDS), "--site-dir", str(tmp_path / "site"), "--no-cache",
                             "--dask", address, "-q", "--ledger", str(tmp_path / "ids.json"))
    assert code == 2
    assert err.startswith(f"parallax: cannot reach the Dask scheduler at {address}")
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "site").exists()
