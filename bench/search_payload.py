"""What a browser downloads to answer one search on a built site, measured in Chromium.

Pagefind loads its index in chunks: one query fetches ``pagefind.js``, its worker, the
WebAssembly module, the entry and meta files, the index chunks holding the query's words
and the fragments of the results shown; after an incremental build, the same from the
delta bundle too (``pagefind-delta/``: builder/search.py). This opens the site's home page,
types each query into the search box as a reader would, and adds up the bytes of every
response under ``pagefind/`` and ``pagefind-delta/`` (network events); the search box's
own script (``assets/parallax-search.js``, loaded with every page) is reported apart.

Without queries, three are taken from the site's own data (``queries_for``): the
first words of a quotation, a figure and a speaker's name.

usage: python -m bench.search_payload SITE_DIR [QUERY ...]
       (PARALLAX_CHROMIUM names the browser, default /usr/bin/chromium)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import json
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

from builder import urls

BUNDLES = ("pagefind/", "pagefind-delta/")
UI_FILES = ("assets/parallax-search.js",)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """``folder`` served on 127.0.0.1 at a random port, for the length of the block; its base
    url (also the browser tests' server: ``tests/test_browser.py``)."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def queries_for(site: Path) -> tuple[str, ...]:
    """Three searches a reader of this site might make, from its export: the first three
    words of the first quotation, the first figure, the first named speaker."""
    data = json.loads(gzip.decompress((Path(site) / urls.DATA_JSON).read_bytes()))
    mentions = data["mentions"]
    quote = next(m["text"] for m in mentions if m["kind"] == "quote")
    figure = next(m["text"] for m in mentions if m["kind"] == "figure")
    speaker = next(m["speaker"] for m in mentions if m["kind"] == "quote" and m.get("speaker"))
    return (" ".join(quote.split()[:3]), figure, speaker)


def pagefind_payload(site: Path, queries: Sequence[str] | None = None,
                     chromium: str | None = None) -> dict[str, object]:
    """Bytes fetched under ``pagefind/`` and ``pagefind-delta/`` for each query, each in a
    fresh browser context (empty cache), with the files fetched; and the search box's
    script every page loads."""
    from playwright.sync_api import sync_playwright

    chromium = chromium or os.environ.get("PARALLAX_CHROMIUM", "/usr/bin/chromium")
    results: dict[str, object] = {}
    queries = queries or queries_for(site)
    with serve_folder(Path(site)) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for query in queries:
            context = browser.new_context()
            page = context.new_page()
            fetched: dict[str, int] = {}

            def record(response, fetched=fetched) -> None:  # type: ignore[no-untyped-def]
                path = response.url[len(base):]
                if (path.startswith(BUNDLES) or path in UI_FILES) and response.ok:
                    fetched[path] = len(response.body())

            page.on("response", record)
            page.goto(base)
            page.wait_for_load_state("networkidle")
            page.locator(".px-search__input").click()
            page.keyboard.type(query, delay=20)
            page.locator(".px-search__result:not(.px-search__result--loading)").first.wait_for(timeout=15_000)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            ui = {k: v for k, v in fetched.items() if k in UI_FILES}
            search = {k: v for k, v in fetched.items() if k not in ui}
            results[query] = {"bytes": sum(search.values()), "ui_bytes": sum(ui.values()),
                              "files": dict(sorted(search.items()))}
            context.close()
        browser.close()
    return results


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    found = pagefind_payload(Path(args[0]), args[1:] or None)
    print(json.dumps(found, indent=1))
    for query, row in found.items():
        assert isinstance(row, dict)
        print(f"{query!r}: {row['bytes']:,} bytes for the query "
              f"({len(row['files'])} files), {row['ui_bytes']:,} bytes of search UI per page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
