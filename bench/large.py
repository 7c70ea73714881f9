"""``make bench-large``: Parallax on a synthetic archive of 10,000 articles (not in ``make test``).

In this order: a cold ``parallax build`` (time; peak memory, sampled over the
build and the processes it starts, with the upper bound beside it; ``--jobs 2``), a rebuild
with nothing changed, a rebuild after one changed article, the site's size and its
largest page, what one search downloads from its Pagefind index, and extraction
throughput on a sample of the archive, in this process and on a Dask cluster of two
local workers (a ``dask scheduler`` and two ``dask worker`` processes on loopback):
words per second, and per worker. Results go to ``bench/out/large.json`` and a table
that ends with a PASS or FAIL line for every target.

usage: python -m bench.large [--articles 10000] [--sample 400] [--out bench/out]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from bench.run import ROOT, _cli_build, _folder_size, _search_kb, _timed

DASK = Path(sys.executable).with_name("dask")


def free_port() -> int:
    """A loopback port nothing listens on (at the moment of asking)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def local_cluster(workers: int = 2) -> Iterator[str]:
    """A ``dask scheduler`` and ``workers`` one-thread ``dask worker`` processes on loopback
    (also the test suite's cluster: ``tests/test_dask.py``)."""
    import distributed

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], env=env, stderr=subprocess.DEVNULL)]
    try:
        procs += [subprocess.Popen([str(DASK), "worker", address, "--nworkers", "1", "--nthreads", "1",
                                    "--no-dashboard", "--name", f"w{i}"], env=env, stderr=subprocess.DEVNULL)
                  for i in range(workers)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=300)
        yield address
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def extraction_throughput(archive: Path, sample: int) -> dict:
    """Words per second extracting the first ``sample`` articles: here, then on two Dask workers."""
    from builder.ingest import read_stories
    from builder.nlp import pipeline
    from builder.pipeline import extract_all

    articles = read_stories(archive).articles[:sample]
    words = sum(len(a.body.split()) for a in articles)
    pipeline()  # model load is not throughput
    extract_all(articles[:3], progress=False)
    _, local = _timed(extract_all, articles, progress=False)
    with local_cluster(2) as address:
        extract_all(articles[:4], dask=address, progress=False)  # workers load the model
        _, remote = _timed(extract_all, articles, dask=address, progress=False)
    return {"sample_articles": len(articles), "sample_words": words,
            "extract_local_words_per_s": round(words / local),
            "extract_dask2_words_per_s": round(words / remote),
            "extract_dask_words_per_s_per_worker": round(words / remote / 2)}


def measure(n: int, sample: int, work: Path) -> dict:
    from bench.synth import write_archive

    archive, site, cache = work / "archive", work / "site", work / "cache"
    words = write_archive(ROOT / "seeds", archive, stories=n // 5)
    cold = _cli_build(archive, site, cache, "--jobs", "2")
    warm = _cli_build(archive, site, cache)
    one = sorted(archive.rglob("*.md"))[0]
    one.write_text(one.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n", encoding="utf-8")
    changed = _cli_build(archive, site, cache)
    site_bytes, html_pages, largest = _folder_size(site)
    return {
        "articles": n, "words": words,
        "build_cold_jobs2_s": cold["seconds"], "build_cold_peak_rss_mb": cold["peak_rss_mb"],
        "build_cold_peak_bound_mb": cold["peak_bound_mb"],
        "build_cold_parent_peak_mb": cold["parent_peak_rss_mb"], "build_cold_worker_peak_mb": cold["child_peak_rss_mb"],
        "build_no_change_s": warm["seconds"], "no_change_over_cold": round(warm["seconds"] / cold["seconds"], 3),
        "build_one_changed_s": changed["seconds"], "one_changed_extracted": changed["extracted"],
        "one_changed_over_cold": round(changed["seconds"] / cold["seconds"], 3),
        "site_mb": round(site_bytes / 1e6, 1), "site_kb_per_article": round(site_bytes / 1e3 / n, 1),
        "html_pages": html_pages, "largest_page_kb": round(largest / 1e3, 1),
        "search_query_kb": _search_kb(site),
        **extraction_throughput(archive, sample),
    }


def targets(r: dict) -> dict:
    n = r["articles"]
    out = {f"build peak memory < 2 GB @{n}": (r["build_cold_peak_rss_mb"], r["build_cold_peak_rss_mb"] < 2048),
           f"one changed article re-extracts 1 @{n}": (r["one_changed_extracted"], r["one_changed_extracted"] == 1),
           f"no page over 500 KB @{n}": (r["largest_page_kb"], r["largest_page_kb"] <= 500)}
    if r["search_query_kb"] is not None:
        out[f"Pagefind download per query < 1 MB @{n}"] = (r["search_query_kb"], r["search_query_kb"] < 1000)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=400, help="articles of the throughput sample")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="parallax-bench-large-") as tmp:
        result = measure(args.articles, args.sample, Path(tmp))
    result["machine"] = f"{platform.node()}, {os.cpu_count()} cores, {platform.machine()}"
    result["date"] = date.today().isoformat()
    checks = targets(result)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "large.json").write_text(json.dumps({"result": result, "targets": checks}, indent=1) + "\n",
                                         encoding="utf-8")
    width = max(len(k) for k in result)
    print("\n".join(f"{k:{width}}  {v}" for k, v in result.items()))
    print()
    print("\n".join(f"{'PASS' if ok else 'FAIL'}  {name}: {value}" for name, (value, ok) in checks.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
