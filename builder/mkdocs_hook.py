"""The thin mkdocs layer: add the generated pages (and data files) to an mkdocs build.

Listed under ``hooks:`` in mkdocs.yml. Run directly (``mkdocs serve``/``build``), it
collects the corpus from ``extra.parallax.source`` (default "seeds"); run by
:func:`builder.site.build_site`, it uses the corpus handed over with
:func:`supplied`. Page content is already HTML: Markdown never sees it, and page
titles reach the theme HTML-escaped (mkdocs' Jinja does not autoescape).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import html
import os
import re
import shutil
import stat
import sys
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# mkdocs loads hooks from their file under another module name; delegate to the one
# imported as ``builder.mkdocs_hook`` so build_site and mkdocs share the same state.
if __name__ != "builder.mkdocs_hook":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from builder.mkdocs_hook import (  # noqa: F401
        on_config, on_files, on_page_content, on_page_markdown, on_post_page)
else:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page as MkPage

    from builder import urls
    from builder.export import SCHEMA_PATH
    from builder.models import Corpus
    from builder.render import Page, render_pages, render_redirects
    from builder.render.lookup import Lookup
    from builder.render.pages import story_inputs
    from builder.render.summaries import SEARCH_WEIGHTS

    @dataclass
    class _State:
        corpus: Corpus | None = None  # handed over by build_site; None: collect from source
        data_files: Mapping[str, bytes] | None = None
        pages: dict[str, Page] = field(default_factory=dict)  # src_uri -> page of this build, its HTML apart:
        html: dict[str, bytes] = field(default_factory=dict)  # src_uri -> the page's HTML, compressed
        reuse: Reuse | None = None  # the previous site, whose unchanged pages are kept

    @dataclass
    class Reuse:
        """What an incremental build may take from the previous site (``builder.site``)."""

        previous: Path  # the previous site folder
        staging: Path  # the folder this build writes
        salt: str  # what every page's output depends on besides the page: code, config, date
        earlier: Mapping[str, tuple[str, str]]  # src_uri -> (inputs hash, output hash) of the previous site
        now: dict[str, tuple[str, str]] = field(default_factory=dict)  # the same, for this build
        kept: int = 0  # pages taken from the previous site
        # story id -> hash of its inputs (story_inputs, salted), previous build / this one
        stories_earlier: Mapping[str, str] = field(default_factory=dict)
        stories_now: dict[str, str] = field(default_factory=dict)
        folders: set[Path] = field(default_factory=set)  # folders of the new site made so far
        # dest_uri -> the file's size, modification time and inode as the previous build
        # left it (quick_state): a file in that state is the one that build wrote or linked
        quick_earlier: Mapping[str, str] = field(default_factory=dict)
        # dest_uri -> the hash of a data file's or redirect page's bytes, previous build / this one
        generated_earlier: Mapping[str, str] = field(default_factory=dict)
        generated_now: dict[str, str] = field(default_factory=dict)
        written: list[str] = field(default_factory=list)  # dest_uri of every page and file, this build

        def link(self, old: Path, new: Path) -> None:
            """Hard-link ``old`` (of the previous site) as ``new``, or copy it where it cannot."""
            if new.parent not in self.folders:
                new.parent.mkdir(parents=True, exist_ok=True)
                self.folders.add(new.parent)
            try:
                os.link(old, new)
            except OSError:  # another file system, or no hard links: a copy
                shutil.copyfile(old, new)

    _state = _State()

    @contextlib.contextmanager
    def supplied(corpus: Corpus, data_files: Mapping[str, bytes], reuse: Reuse | None = None
                 ) -> Iterator[None]:
        """Within this block, mkdocs builds use ``corpus`` instead of collecting one; with
        ``reuse``, a page whose inputs are those of a page of the previous site is hard-linked
        from there and mkdocs neither renders nor writes it (``reuse.now`` records every page)."""
        _state.corpus, _state.data_files, _state.reuse = corpus, data_files, reuse
        try:
            yield
        finally:
            _state.corpus, _state.data_files, _state.pages, _state.html, _state.reuse = None, None, {}, {}, None

    def salted(key: str, salt: str) -> str:
        """A page's key (``Page.key``: its inputs) with what every page depends on besides."""
        return hashlib.sha256(f"{salt}\0{key}".encode()).hexdigest()[:32]

    def _digest(data: bytes) -> str:
        """The hash of a file written, as the marker records it (128 bits)."""
        return hashlib.sha256(data).hexdigest()[:32]

    def state_of(found: os.stat_result) -> str:
        """A regular file's size, modification time and inode ("" for anything else): what
        make and rsync compare to tell that a file was left alone."""
        return f"{found.st_size}:{found.st_mtime_ns}:{found.st_ino}" if stat.S_ISREG(found.st_mode) else ""

    def quick_state(path: Path) -> str:
        """:func:`state_of` the file at ``path`` (not following a symbolic link)."""
        return state_of(path.lstat())

    def _intact(reuse: Reuse, old: Path, dest_uri: str) -> bool:
        """Whether the previous site's file is as that build left it, by its state alone."""
        earlier = reuse.quick_earlier.get(dest_uri)
        return bool(earlier) and quick_state(old) == earlier

    def _keep(reuse: Reuse, file: File, key: str | None) -> bool:
        """Link the previous site's build of ``file`` into the new site where its inputs are
        unchanged (its key is ``key``; None: known unchanged) and the file is intact (in the
        state the previous build left it, else its bytes hash to what that build wrote)."""
        earlier = reuse.earlier.get(file.src_uri)
        if earlier is None or (key is not None and earlier[0] != key):
            return False
        old, new = reuse.previous / file.dest_uri, reuse.staging / file.dest_uri
        try:
            if not _intact(reuse, old, file.dest_uri) and _digest(old.read_bytes()) != earlier[1]:
                return False
            reuse.link(old, new)
        except OSError:
            return False
        return True

    def _same_file(reuse: Reuse, file: File, content: bytes) -> bool:
        """Link the previous site's copy of a data file or redirect page into the new site
        where it holds these bytes exactly: the previous build wrote these bytes and the file
        is as it left it, else its bytes are compared."""
        old, new = reuse.previous / file.dest_uri, reuse.staging / file.dest_uri
        try:
            if not (reuse.generated_earlier.get(file.dest_uri) == reuse.generated_now.get(file.dest_uri)
                    and _intact(reuse, old, file.dest_uri)):
                found = old.lstat()
                if not stat.S_ISREG(found.st_mode) or found.st_size != len(content) or old.read_bytes() != content:
                    return False
            reuse.link(old, new)
        except OSError:
            return False
        return True

    def _collect(config: MkDocsConfig) -> tuple[Corpus, Mapping[str, bytes]]:
        """The corpus and data files of the source folder named in mkdocs.yml."""
        from builder.export import export_files
        from builder.ledger import default_path
        from builder.pipeline import collect

        options = config.extra.get("parallax", {}) or {}
        root = Path(config.config_file_path).parent
        source = root / options.get("source", "seeds")
        corpus = collect(source, cache_dir=root / options.get("cache", ".cache/parallax"), progress=False,
                         ledger=default_path(source)).corpus  # read, never written, by a preview
        return corpus, export_files(corpus)

    def on_config(config: MkDocsConfig) -> MkDocsConfig:
        _state.pages, _state.html = {}, {}
        return config

    # The theme's files the site never loads: the theme's own search (Pagefind replaces it:
    # its worker and the lunr language packs, about 1.2 MB) and the source maps of its
    # minified scripts and styles (1.3 MB), for debugging the theme, not reading the site.
    _UNUSED_THEME = re.compile(r"^assets/javascripts/(?:lunr|workers)/|\.map$")

    def on_files(files: Files, config: MkDocsConfig) -> Files:
        for unused in [f for f in files if _UNUSED_THEME.search(f.src_uri)]:
            files.remove(unused)
        if _state.corpus is not None:
            corpus, data_files = _state.corpus, _state.data_files or {}
        else:
            corpus, data_files = _collect(config)
        reuse = _state.reuse
        pages = _pages(corpus, config, reuse)
        _state.pages = {p.src_uri: p for p in pages}
        for page in pages:
            file = File.generated(config, page.src_uri, content="")
            if page.reused:  # linked from the previous site by _pages
                assert reuse is not None
                # mkdocs (run with dirty=True) skips reading and writing a file not modified
                file.is_modified = lambda: False  # type: ignore[method-assign]
                reuse.now[page.src_uri] = reuse.earlier[page.src_uri]
                reuse.kept += 1
            elif reuse is not None:  # the output's hash: in on_post_page
                reuse.now[page.src_uri] = (salted(page.key, reuse.salt), "")
            if reuse is not None:
                reuse.written.append(file.dest_uri)
            files.append(file)
        for name, content in sorted({**data_files, **render_redirects(corpus)}.items()):
            file = File.generated(config, name, content=content)
            if reuse is not None:
                reuse.generated_now[file.dest_uri] = _digest(content)
                reuse.written.append(file.dest_uri)
            # only in a dirty build: a full build would write into the linked file
            if reuse is not None and reuse.earlier and _same_file(reuse, file, content):
                file.is_modified = lambda: False  # type: ignore[method-assign]
            files.append(file)
        files.append(File.generated(config, urls.DATA_SCHEMA, content=SCHEMA_PATH.read_bytes()))
        return files

    def _pack(page: Page) -> Page:
        """The page without its HTML, which waits compressed until mkdocs writes the page
        (on_post_page): mkdocs reads every page before it writes one, and the site's HTML
        (two gigabytes in memory at 10,000 articles) would all be held at once."""
        _state.html[page.src_uri] = zlib.compress(page.html.encode("utf-8", "surrogatepass"), 1)
        return dataclasses.replace(page, html="")

    def _pages(corpus: Corpus, config: MkDocsConfig, reuse: Reuse | None) -> list[Page]:
        """The site's pages, rendered but for the stories whose pages the previous site holds
        intact and whose inputs (``story_inputs``, with the salt) are unchanged: their pages
        are linked from there, unrendered. ``reuse.stories_now`` records every story's inputs."""
        if reuse is None:
            return render_pages(corpus, pack=_pack)

        def keep(src: str, key: str) -> bool:
            return _keep(reuse, File.generated(config, src, content=""), salted(key, reuse.salt))

        lk = Lookup.of(corpus)
        inputs = {story: salted(digest, reuse.salt) for story, digest in story_inputs(lk).items()}
        reuse.stories_now.update(inputs)
        same = {story for story, key in inputs.items() if reuse.stories_earlier.get(story) == key}
        pages = render_pages(corpus, reuse=same, keep=keep, pack=_pack, lookup=lk)
        dropped: set[str] = set()  # a page of the previous site damaged or missing: render the story
        for page in pages:
            if page.reused and not page.key and page.story not in dropped:
                file = File.generated(config, page.src_uri, content="")
                if not _keep(reuse, file, None):
                    dropped.add(page.story)
        if dropped:
            # unlink what was linked (mkdocs writes into the file of a page it renders), then
            # render again: the dropped stories in full, the rest as before
            for page in pages:
                if page.reused and (page.key or page.story in dropped):
                    (reuse.staging / File.generated(config, page.src_uri, content="").dest_uri).unlink(
                        missing_ok=True)
            pages = render_pages(corpus, reuse=same - dropped, keep=keep, pack=_pack, lookup=lk)
        return pages

    def on_page_markdown(markdown: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        generated = _state.pages.get(page.file.src_uri)
        if generated is None:
            return markdown
        if not generated.in_nav:
            page.title = html.escape(generated.title)  # type: ignore[misc]
        page.meta["hide"] = ["toc"]
        # Read by templates/overrides/main.html; escaped here, as mkdocs' Jinja does not.
        page.meta["description"] = html.escape(generated.description)
        # A later page of a list (its items are left out of search) holds nothing to find.
        page.meta["parallax"] = {"kind": generated.kind, "search_terms": html.escape(generated.search_terms),
                                 "search_weight": SEARCH_WEIGHTS.get(generated.kind, (7.0, 1.0))[1],
                                 "searched": not urls.is_later_page(generated.url)}
        return ""  # nothing for Markdown to interpret: the content comes in on_page_content

    # What a generated page's content is until mkdocs writes it (on_post_page puts the page's
    # HTML in its place). It names an <h1>: the theme adds a heading to content without one.
    PLACEHOLDER = "<!-- parallax: the page's content, with its <h1> -->"

    def on_page_content(content: str, page: MkPage, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri not in _state.pages:
            return content
        return PLACEHOLDER

    def _content(src_uri: str) -> str:
        """The HTML content of a generated page, once: the compressed copy is let go."""
        generated = _state.pages[src_uri]
        html = zlib.decompress(_state.html.pop(src_uri)).decode("utf-8", "surrogatepass")
        heading = SEARCH_WEIGHTS.get(generated.kind, (7.0, 1.0))[0]
        return html.replace("<h1", f'<h1 data-pagefind-weight="{heading}"', 1)

    # Whitespace the theme's templates leave between tags: a run holding a line break
    # shows as one space whatever its length, so it becomes one line break. Text that
    # keeps its whitespace (<pre>, <textarea>) is left as it is.
    _KEPT = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S | re.I)
    _RUN = re.compile(r"[ \t\r]*\n[ \t\r\n]*")  # not \s: a no-break space is text

    def compact(output: str) -> str:
        """``output`` with each run of white space holding a line break cut to one line break:
        the page reads and renders the same, a third smaller."""
        parts = _KEPT.split(output)
        return "".join(part if i % 2 else _RUN.sub("\n", part) for i, part in enumerate(parts))

    def on_post_page(output: str, page: MkPage, config: MkDocsConfig) -> str:
        if page.file.src_uri in _state.html:
            before, placeholder, after = output.partition(PLACEHOLDER)
            if not placeholder:
                raise ValueError(f"{page.file.src_uri}: the theme did not show the page's content")
            output = before + _content(page.file.src_uri) + after
        output = compact(output)
        reuse = _state.reuse
        if reuse is not None and page.file.src_uri in reuse.now:
            written = output.encode("utf-8", errors="xmlcharrefreplace")  # as mkdocs writes it
            reuse.now[page.file.src_uri] = (reuse.now[page.file.src_uri][0], _digest(written))
        return output
