"""The command line: ``parallax build`` and ``parallax extract`` (thin: argparse + pipeline).

Heavy modules (spaCy, mkdocs) are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.models import Corpus, Warning_

DEFAULT_CACHE = Path(".cache/parallax")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare how news outlets report the same event: quotations, figures, dates.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--strict", action="store_true", help="exit non-zero on any warning")
        p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                       help="extract with N processes (default 1)")
        p.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE, metavar="DIR",
                       help=f"extraction cache (default {DEFAULT_CACHE})")
        p.add_argument("--no-cache", action="store_true", help="extract every article afresh")
        p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, summary only")

    build = sub.add_parser("build", help="build the comparison site from a folder of articles")
    build.add_argument("folder", nargs="?", type=Path, default=Path("seeds"),
                       help="a story folder, or a folder of story folders (default seeds/)")
    build.add_argument("--site-dir", type=Path, default=Path("site"), metavar="DIR",
                       help="where the site goes (default site/)")
    build.add_argument("--site-url", metavar="URL",
                       help="where the site will be published (e.g. https://example.org/parallax/): "
                            "canonical links, link previews and a sitemap of every page "
                            "(default: site_url in mkdocs.yml, if any)")
    common(build)

    extract = sub.add_parser("extract", help="write the data export only (JSON, and CSV beside it)")
    extract.add_argument("folder", type=Path)
    extract.add_argument("-o", "--output", type=Path, default=Path("claims.json"), metavar="FILE",
                         help="the JSON export (default claims.json); the CSV goes beside it")
    common(extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from builder.ingest import IngestError
    from builder.pipeline import StrictError, build, collect

    if args.jobs < 1:
        print("parallax: --jobs must be at least 1", file=sys.stderr)
        return 2
    cache_dir = None if args.no_cache else args.cache_dir
    progress = False if args.quiet else None
    started = time.perf_counter()
    try:
        if args.command == "build":
            report = build(args.folder, args.site_dir, jobs=args.jobs, cache_dir=cache_dir,
                           strict=args.strict, progress=progress, site_url=args.site_url)
        else:
            report = collect(args.folder, jobs=args.jobs, cache_dir=cache_dir, progress=progress)
            _print_warnings(report.corpus.warnings)
            if args.strict and report.corpus.warnings:
                raise StrictError(report.corpus.warnings)
            _write_export(report.corpus, args.output)
    except IngestError as error:
        print(f"parallax: {error}", file=sys.stderr)
        return 2
    except StrictError as error:
        if args.command == "build":
            _print_warnings(error.warnings)
        print(f"parallax: {error}; nothing written", file=sys.stderr)
        return 1
    except Exception as error:  # a bug or an environment problem: one line, the rest on request
        if os.environ.get("PARALLAX_DEBUG"):
            raise
        print(f"parallax: {args.command} failed: {type(error).__name__}: {error} "
              f"(the previous site, if any, is unchanged; PARALLAX_DEBUG=1 shows the traceback)",
              file=sys.stderr)
        return 1
    if args.command == "build":
        _print_warnings(report.corpus.warnings)
    for path, reason in report.skipped:
        print(f"skipped: {path}: {reason}", file=sys.stderr)
    print(f"{report.summary()} ({time.perf_counter() - started:.1f} s)")
    if args.command == "build":
        where = os.path.relpath(args.site_dir.resolve())
        state = "" if report.site_rebuilt else " (unchanged: nothing changed since the last build)"
        print(f"site: {where}/index.html{state}  (preview with live reload: make serve)")
    else:
        print(f"export: {args.output} and {args.output.with_suffix('.csv')}")
    return 0


def _print_warnings(warnings: Sequence[Warning_]) -> None:
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _write_export(corpus: Corpus, output: Path) -> None:
    from builder.export import to_csv, to_json

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(to_json(corpus))
    output.with_suffix(".csv").write_bytes(to_csv(corpus))


if __name__ == "__main__":
    sys.exit(main())
