"""``make bench``: Parallax on a synthetic archive of 100 and 1,000 articles.

Each scale runs in a fresh process and reports, stage by stage in that process:
extraction words/s against bare spaCy ``nlp.pipe`` (full pipeline, same model,
same texts, the two run in turns on slices of the archive so that both meet the same
machine load), extraction with two processes, alignment, render and mkdocs build
times and the site's size; then, each as ``parallax build`` in a process of its
own: a cold build (time; peak memory, sampled over the build and the processes it
starts, with the upper bound beside it), a rebuild with no change and a rebuild
after one changed article; and what one search downloads from the site's Pagefind
index (``bench.search_payload``, in Chromium). Results go to ``bench/out/results.json``
and a table that ends with a PASS or FAIL line for every target.

usage: python -m bench.run [--scales 100 1000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def _folder_size(folder: Path) -> tuple[int, int, int]:
    """Total bytes, number of HTML pages, largest HTML page in bytes."""
    sizes = [p.stat().st_size for p in folder.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in folder.rglob("*.html")]
    return sum(sizes), len(pages), max(pages, default=0)


# Runs the CLI, then prints the process's own peak resident memory and the largest peak of
# the processes it started and waited for (the --jobs workers, Pagefind). (The rusage of
# a child counts the parent's memory at fork time on Linux; VmHWM of the new address
# space does not.)
_CHILD = ("import resource, sys; from builder.cli import main; code = main(sys.argv[1:]); "
          "print(next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))); "
          "print('CHILDREN', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def _tree_rss_kb(root: int) -> int:
    """The resident memory of process ``root`` and of all its descendants now (KB, from /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:  # the process ended meanwhile
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        found = re.search(r"VmRSS:\s*(\d+) kB", status)
        rss[int(entry.name)] = int(found.group(1)) if found else 0
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return sum(rss.get(pid, 0) for pid in tree)


def _cli_build(archive: Path, site: Path, cache: Path, *options: str) -> dict:
    """``parallax build`` in a child process: wall time, articles extracted, and its peak
    memory twice: sampled (the most that the build and the processes it started held at
    once, read from /proc every 50 ms, never below the build process's own exact peak) and
    an upper bound (the build's peak plus ``jobs`` times its largest child's, as if they all
    peaked together)."""
    started = time.perf_counter()
    run = subprocess.Popen([sys.executable, "-c", _CHILD, "build", str(archive), "--site-dir",
                            str(site), "--cache-dir", str(cache), "-q", *options],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    sampled_kb = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal sampled_kb
        while not stop.wait(0.05):
            sampled_kb = max(sampled_kb, _tree_rss_kb(run.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = run.communicate()
    stop.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if run.returncode:
        raise RuntimeError(f"parallax build failed ({run.returncode}): {stderr[-2000:]}")
    extracted = int(re.search(r"(\d+) articles extracted", stdout).group(1))
    peak_kb = int(re.search(r"VmHWM:\s*(\d+) kB", stdout).group(1))
    child_kb = int(re.search(r"CHILDREN (\d+)", stdout).group(1))
    jobs = int(options[options.index("--jobs") + 1]) if "--jobs" in options else 1
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(max(sampled_kb, peak_kb) / 1024),
            "peak_bound_mb": round((peak_kb + jobs * child_kb) / 1024),
            "parent_peak_rss_mb": round(peak_kb / 1024), "child_peak_rss_mb": round(child_kb / 1024),
            "extracted": extracted}


def _search_kb(site: Path) -> float | None:
    """The most one search downloads from the Pagefind index (KB); None without a browser."""
    import os

    from bench.search_payload import pagefind_payload

    chromium = os.environ.get("PARALLAX_CHROMIUM", "/usr/bin/chromium")
    if not Path(chromium).exists():
        return None
    found = pagefind_payload(site, chromium=chromium)
    return round(max(row["bytes"] for row in found.values()) / 1e3, 1)  # type: ignore[index]


def _paired(articles: list, full, slices: int = 10) -> tuple[dict, float, float]:
    """Extraction and bare spaCy ``nlp.pipe`` (full pipeline) over the same articles, slice
    by slice in turns (which goes first alternates), so that both meet the same load on a
    machine whose load changes: returns the mentions and the two times, each summed."""
    from builder.pipeline import extract_all

    mentions: dict = {}
    t_extract = t_bare = 0.0
    size = max(1, -(-len(articles) // slices))
    for k in range(0, len(articles), size):
        part = articles[k:k + size]

        def bare(part=part) -> None:
            list(full.pipe([a.body for a in part], batch_size=32))

        def extract(part=part) -> None:
            mentions.update(extract_all(part, progress=False)[0])

        first, second = (extract, bare) if (k // size) % 2 == 0 else (bare, extract)
        times = {fn: _timed(fn)[1] for fn in (first, second)}
        t_extract += times[extract]
        t_bare += times[bare]
    return {a.id: mentions[a.id] for a in articles}, t_extract, t_bare


def measure(articles_wanted: int, work: Path) -> dict:
    """One scale, in this process."""
    import spacy

    from bench.synth import write_archive
    from builder.export import export_files
    from builder.ingest import read_stories
    from builder.models import Corpus
    from builder.nlp import MODEL, pipeline
    from builder.pipeline import align_stories, extract_all
    from builder.render import render_pages
    from builder.site import build_site

    archive = work / "archive"
    words = write_archive(ROOT / "seeds", archive, stories=articles_wanted // 5)
    pipeline()  # model load is not extraction throughput
    ingested, t_ingest = _timed(read_stories, archive)
    articles = ingested.articles
    extract_all(articles[:3], progress=False)  # warm up (imports, compiled patterns), as for spaCy below
    body_words = sum(len(a.body.split()) for a in articles)
    full = spacy.load(MODEL)
    list(full.pipe([a.body for a in articles[:5]]))  # warm up
    # A short measurement is noisy on a shared machine: best of three below 200 articles.
    repeats = 3 if len(articles) < 200 else 1
    runs = [_paired(articles, full) for _ in range(repeats)]
    mentions = runs[0][0]
    t_extract, t_bare = min(r[1] for r in runs), min(r[2] for r in runs)
    del full

    (all_mentions, claims), t_align = _timed(align_stories, ingested.stories, articles, mentions)
    corpus = Corpus(stories=ingested.stories, articles=articles, mentions=all_mentions,
                    claims=claims, warnings=ingested.warnings)
    pages, t_render = _timed(render_pages, corpus)
    site = work / "site"
    _, t_site = _timed(build_site, corpus, site, data_files=export_files(corpus))
    site_bytes, html_pages, largest = _folder_size(site)
    search = _search_kb(site)

    _, t_jobs2 = _timed(extract_all, articles, jobs=2, progress=False)

    # Whole builds as a user runs them: `parallax build` in its own process, so its
    # time includes start-up and its peak memory is its own.
    cache, site2 = work / "cache", work / "site2"
    cold = _cli_build(archive, site2, cache)
    warm = _cli_build(archive, site2, cache)
    one = sorted(archive.rglob("*.md"))[0]
    one.write_text(one.read_text(encoding="utf-8") + "\nOne more closing paragraph.\n", encoding="utf-8")
    changed = _cli_build(archive, site2, cache)

    return {
        "articles": len(articles), "stories": len(ingested.stories), "words": body_words,
        "archive_words": words, "mentions": len(all_mentions), "claims": len(claims),
        "ingest_s": round(t_ingest, 2),
        "extract_s": round(t_extract, 2), "extract_words_per_s": round(body_words / t_extract),
        "bare_spacy_s": round(t_bare, 2), "bare_spacy_words_per_s": round(body_words / t_bare),
        "extract_speedup_vs_bare": round(t_bare / t_extract, 2),
        "extract_jobs2_s": round(t_jobs2, 2),
        "align_s": round(t_align, 3), "render_s": round(t_render, 2), "pages_rendered": len(pages),
        "site_build_s": round(t_site, 2), "html_pages": html_pages,
        "site_build_s_per_1000_pages": round(t_site / max(html_pages, 1) * 1000, 2),
        "site_mb": round(site_bytes / 1e6, 1), "site_kb_per_article": round(site_bytes / 1e3 / len(articles), 1),
        "largest_page_kb": round(largest / 1e3, 1), "search_query_kb": search,
        "build_cold_s": cold["seconds"], "build_cold_peak_rss_mb": cold["peak_rss_mb"],
        "build_cold_peak_bound_mb": cold["peak_bound_mb"], "build_cold_parent_peak_mb": cold["parent_peak_rss_mb"],
        "build_cold_child_peak_mb": cold["child_peak_rss_mb"],
        "build_no_change_s": warm["seconds"], "no_change_extracted": warm["extracted"],
        "no_change_over_cold": round(warm["seconds"] / cold["seconds"], 3),
        "build_one_changed_s": changed["seconds"], "one_changed_extracted": changed["extracted"],
        "one_changed_over_cold": round(changed["seconds"] / cold["seconds"], 3),
        "bench_process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one scale here
    args = parser.parse_args()
    if args.one:
        with tempfile.TemporaryDirectory(prefix="parallax-bench-") as tmp:
            print(json.dumps(measure(args.one, Path(tmp))))
        return 0
    results = []
    for n in args.scales:
        print(f"bench: {n} articles ...", file=sys.stderr, flush=True)
        out = subprocess.run([sys.executable, "-m", "bench.run", "--one", str(n)], cwd=ROOT,
                             capture_output=True, text=True)
        if out.returncode:
            print(out.stderr, file=sys.stderr)
            return out.returncode
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    report = {"results": results, "targets": targets(results)}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(table(results, report["targets"]))
    return 0


def targets(results: list[dict]) -> dict:
    """The issue's targets, each with the measured figure and whether it is met."""
    out = {}
    for r in results:
        n = r["articles"]
        out[f"extract >= 1.25x bare nlp.pipe @{n}"] = (r["extract_speedup_vs_bare"], r["extract_speedup_vs_bare"] >= 1.25)
        out[f"mkdocs <= 15 s per 1000 pages @{n}"] = (r["site_build_s_per_1000_pages"], r["site_build_s_per_1000_pages"] <= 15)
        out[f"build peak memory < 1 GB @{n}"] = (r["build_cold_peak_rss_mb"], r["build_cold_peak_rss_mb"] < 1024)
        out[f"no-change rebuild <= 5 % of cold @{n}"] = (r["no_change_over_cold"], r["no_change_over_cold"] <= 0.05)
        out[f"one changed article rebuild <= 10 % of cold @{n}"] = (r["one_changed_over_cold"], r["one_changed_over_cold"] <= 0.10)
        out[f"one changed article re-extracts 1 @{n}"] = (r["one_changed_extracted"], r["one_changed_extracted"] == 1)
        out[f"site <= 120 KB per article @{n}"] = (r["site_kb_per_article"], r["site_kb_per_article"] <= 120)
        out[f"no page over 500 KB @{n}"] = (r["largest_page_kb"], r["largest_page_kb"] <= 500)
        if r.get("search_query_kb") is not None:
            out[f"Pagefind download per query < 1 MB @{n}"] = (r["search_query_kb"], r["search_query_kb"] < 1000)
    if len(results) >= 2:
        small, large = results[0], results[-1]
        ratio = large["build_cold_s"] / small["build_cold_s"]
        scale = large["articles"] / small["articles"]
        out[f"cost x{scale:g} articles <= x{scale * 1.1:g}"] = (round(ratio, 2), ratio <= scale * 1.1)
    return out


def table(results: list[dict], checks: dict) -> str:
    keys = [k for k in results[0] if k != "archive_words"]
    width = max(len(k) for k in keys)
    lines = [f"{'':{width}}  " + "  ".join(f"{r['articles']:>10}" for r in results)]
    lines += [f"{k:{width}}  " + "  ".join(f"{str(r[k]):>10}" for r in results) for k in keys]
    lines.append("")
    lines += [f"{'PASS' if ok else 'FAIL'}  {name}: {value}" for name, (value, ok) in checks.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
