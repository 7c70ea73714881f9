"""The command line: ``parallax build`` and ``parallax extract`` (thin: argparse + pipeline).

Heavy modules (spaCy, mkdocs) are imported only when a command runs.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from builder.terminal import printable

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
        p.add_argument("--ledger", type=Path, metavar="PATH",
                       help="the id ledger that keeps published links working "
                            "(default FOLDER/.parallax/ids.json; build writes it, extract only reads it)")
        p.add_argument("--dask", metavar="ADDRESS",
                       help="extract on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:PORT)")
        p.add_argument("--no-cache", action="store_true", help="extract every article afresh")
        p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, summary only")

    build = sub.add_parser("build", help="build the comparison site from a folder of articles")
    build.add_argument("folder", nargs="?", type=Path, default=Path("seeds"),
                       help="a story folder, or a folder of story folders (default seeds/)")
    build.add_argument("--site-dir", default="site", metavar="DIR",  # a str: "" must not become "."
                       help="where the site goes (default site/); Parallax's alone: a folder holding "
                            "anything else is refused")
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


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread so that the same cleanup runs as for Ctrl-C."""


def _terminate(signum: int, frame: object) -> None:
    raise Terminated()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    previous = signal.getsignal(signal.SIGTERM)
    in_main = threading.current_thread() is threading.main_thread()
    if in_main:
        signal.signal(signal.SIGTERM, _terminate)
    try:
        return _run(args)
    except KeyboardInterrupt as interrupt:  # Ctrl-C or SIGTERM: the workers are gone already
        what = "terminated" if isinstance(interrupt, Terminated) else "interrupted"
        print(f"\nparallax: {what}; nothing more written (the previous site, if any, is unchanged)",
              file=sys.stderr)
        return 143 if isinstance(interrupt, Terminated) else 130
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous)


def _run(args: argparse.Namespace) -> int:
    from builder.distributed import ClusterError
    from builder.ingest import IngestError
    from builder.ledger import LedgerError, default_path
    from builder.pipeline import StrictError, build, collect
    from builder.site import SiteDirError

    if args.jobs < 1:
        print("parallax: --jobs must be at least 1", file=sys.stderr)
        return 2
    if args.command == "extract" and (problem := _output_problem(args.output)):
        print(f"parallax: -o {printable(args.output)}: {problem}", file=sys.stderr)
        return 2
    cache_dir = None if args.no_cache else args.cache_dir
    progress = False if args.quiet else None
    ledger = args.ledger or default_path(args.folder)
    started = time.perf_counter()
    try:
        if args.command == "build":
            report = build(args.folder, args.site_dir, jobs=args.jobs, cache_dir=cache_dir,
                           strict=args.strict, progress=progress, ledger=ledger, dask=args.dask,
                           site_url=args.site_url)
        else:
            report = collect(args.folder, jobs=args.jobs, cache_dir=cache_dir, progress=progress,
                             ledger=ledger, dask=args.dask)
            _print_warnings(report.corpus.warnings)
            if args.strict and report.corpus.warnings:
                raise StrictError(report.corpus.warnings)
            _write_export(report.corpus, args.output)
    except SiteDirError as error:
        print(f"parallax: --site-dir {printable(error)}; refused, nothing written or deleted",
              file=sys.stderr)
        return 2
    except (IngestError, LedgerError, ClusterError) as error:
        print(f"parallax: {printable(error)}", file=sys.stderr)
        return 2
    except StrictError as error:
        if args.command == "build":
            _print_warnings(error.warnings)
        print(f"parallax: {error}; nothing written", file=sys.stderr)
        return 1
    except Exception as error:  # a bug or an environment problem: one line, the rest on request
        if os.environ.get("PARALLAX_DEBUG"):
            raise
        where = "the previous site, if any, is unchanged" if args.command == "build" \
            else "the previous export, if any, is unchanged"
        print(f"parallax: {args.command} failed: {type(error).__name__}: {printable(error)} "
              f"({where}; PARALLAX_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1
    if args.command == "build":
        _print_warnings(report.corpus.warnings)
    for note in report.notes:
        print(f"warning: {printable(note)}", file=sys.stderr)
    for path, reason in report.skipped:
        print(f"skipped: {printable(path)}: {printable(reason)}", file=sys.stderr)
    print(f"{report.summary()} ({time.perf_counter() - started:.1f} s)")
    if args.command == "build":
        where = os.path.relpath(Path(args.site_dir).resolve())
        state = "" if report.site_rebuilt else " (unchanged: nothing changed since the last build)"
        print(f"site: {printable(where)}/index.html{state}  (preview with live reload: make serve)")
    else:
        print(f"export: {printable(args.output)} and {printable(_csv_path(args.output))}")
    return 0


def _output_problem(output: Path) -> str | None:
    """Why ``-o`` cannot name the JSON export, or None.

    ``-o claims.csv`` is refused: the CSV goes beside the JSON and would overwrite it.
    Any other name is the JSON's (see ``_csv_path`` for where its CSV goes).
    """
    if output.suffix.lower() == ".csv":
        return "names the JSON export (the CSV goes beside it); give a .json name"
    if output.is_dir():
        return "is a folder; give the JSON file's name"
    return None


def _csv_path(output: Path) -> Path:
    """``claims.json`` -> ``claims.csv``; any other name gets ``.csv`` added
    (``export.txt`` -> ``export.txt.csv``), so it never lands on a file nobody named."""
    if output.suffix.lower() == ".json":
        return output.with_suffix(".csv")
    return output.with_name(output.name + ".csv")


def _print_warnings(warnings: Sequence[Warning_]) -> None:
    for warning in warnings:
        print(f"warning: {printable(warning)}", file=sys.stderr)


def _write_export(corpus: Corpus, output: Path) -> None:
    """Both files, or neither: each goes to a temporary file first (a full disk keeps the old pair)."""
    from builder.export import to_csv, to_json
    from builder.files import write_all_atomic

    output.parent.mkdir(parents=True, exist_ok=True)
    write_all_atomic({output: to_json(corpus), _csv_path(output): to_csv(corpus)})


if __name__ == "__main__":
    sys.exit(main())
