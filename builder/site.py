"""Build the static site with mkdocs into a temporary folder, then swap it into place."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, time, timezone
from collections.abc import Iterator, Mapping
from pathlib import Path

from builder.models import Corpus

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"


@contextlib.contextmanager
def _source_date(corpus: Corpus) -> Iterator[None]:
    """Pin mkdocs' build date (sitemap, gzip headers) to the newest article: no clock in output."""
    days = [a.published for a in corpus.articles if a.published]
    newest = datetime.combine(max(days), time(), tzinfo=timezone.utc) if days else None
    epoch = int(newest.timestamp()) if newest else 0
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


def build_site(corpus: Corpus, site_dir: Path, *, data_files: Mapping[str, bytes],
               strict: bool = False, config_file: Path | None = None,
               site_url: str | None = None) -> None:
    """Render ``corpus`` into ``site_dir``; a failed build leaves the previous site as it was.

    1. build into a fresh temporary folder next to ``site_dir``;
    2. index it for search (Pagefind);
    3. rename the old site aside and the new one into place, then delete the old one.

    ``site_url`` (else ``site_url`` in mkdocs.yml) is where the site will be published:
    with it, pages carry canonical links and ``sitemap.xml`` lists every page.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from builder import mkdocs_hook

    site_dir = Path(site_dir).resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.new-", dir=site_dir.parent))
    try:
        with _source_date(corpus), mkdocs_hook.supplied(corpus, data_files), _quiet():
            overrides = {"site_url": site_url} if site_url else {}
            config = load_config(str(config_file or CONFIG), site_dir=str(staging), strict=strict,
                                 **overrides)
            build(config)
        index_search(staging)
        _swap(staging, site_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


# Left out of the index: the story's name on every page, the article headlines that
# every version links to, and the controls of the tables.
SEARCH_EXCLUDE = (".px-crumbs", ".px-links", ".px-legend", ".px-filters", ".px-permalink", ".px-place")


# Pagefind's other search interfaces, which the site does not load.
SEARCH_UNUSED = ("pagefind-component-ui.css", "pagefind-component-ui.js", "pagefind-highlight.js",
                 "pagefind-modular-ui.css", "pagefind-modular-ui.js")


def index_search(site: Path) -> None:
    """Index the built ``site`` with Pagefind (the binary ships in the ``pagefind`` package):
    ``site/pagefind/`` holds the index in small chunks, fetched per query, and the search UI
    that templates/overrides/main.html loads."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent",
               "--exclude-selectors", ", ".join(SEARCH_EXCLUDE)]
    done = subprocess.run(command, cwd=site, capture_output=True, text=True)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        raise RuntimeError(f"search indexing (pagefind) failed: {detail[-1] if detail else done.returncode}")
    for name in SEARCH_UNUSED:
        (site / "pagefind" / name).unlink(missing_ok=True)


def _swap(new: Path, site_dir: Path) -> None:
    old = site_dir.with_name(f".{site_dir.name}.old-{os.getpid()}")
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(new, site_dir)
    shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """mkdocs logs every build at INFO; keep warnings (strict mode counts them itself)."""
    logger = logging.getLogger("mkdocs")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)
