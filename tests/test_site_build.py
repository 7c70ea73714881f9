"""The whole site built with mkdocs (``build_site``) from the fixture corpus.

Golden pages: the generated page HTML (``render_pages``, not mkdocs' full pages)
of the fixture is compared with tests/golden/. After an intended change, regenerate
them and review the diff::

    .venv/bin/python -m tests.site_fixture --regen && git diff tests/golden
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from builder import urls
from builder.render import render_pages
from builder.site import build_site
from tests.site_fixture import GOLDEN, fixture_corpus, golden_name, hostile_corpus

pytestmark = pytest.mark.slow

DATA = {urls.DATA_JSON: b'{"schema_version": 1}\n', urls.DATA_CSV: b"id,kind\n"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("build") / "site"
    build_site(fixture_corpus(), site_dir, data_files=DATA, strict=True)
    return site_dir


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"id", "name"} and value:
                self.ids.add(value)
            if name in {"href", "src"} and value is not None:
                self.refs.append(value)


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site_dir: Path) -> list[str]:
    """Every local href/src that does not lead to an existing file (and id, for #anchors)."""
    site_dir = site_dir.resolve()
    parsed = {p: _parse(p) for p in site_dir.rglob("*.html")}
    broken = []
    for page, refs in parsed.items():
        for ref in refs.refs:
            parts = urlsplit(ref)
            if parts.scheme or ref.startswith("//"):
                continue
            if parts.path.startswith("/"):  # 404.html links from the site root
                target = (site_dir / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir() or parts.path.endswith("/"):
                target = target / "index.html"
            if not target.is_file() or site_dir.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site_dir)}: {ref}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site_dir)}: {ref} (no such id)")
    return broken


def test_strict_build_writes_every_page_and_the_data_files(site: Path) -> None:
    for page in render_pages(fixture_corpus()):
        assert (site / page.url / "index.html").is_file(), page.url
    assert (site / urls.DATA_JSON).read_bytes() == DATA[urls.DATA_JSON]
    assert (site / urls.DATA_CSV).read_bytes() == DATA[urls.DATA_CSV]


def test_no_broken_internal_link_or_anchor(site: Path) -> None:
    assert broken_links(site) == []


def test_every_claim_url_and_discrepancy_anchor_resolves(site: Path) -> None:
    for claim in fixture_corpus().claims:
        page = site / claim.url / "index.html"
        ids = _parse(page).ids
        for d in claim.discrepancies:
            assert d.id in ids, f"{claim.url}#{d.id}"


def test_claim_and_article_pages_stay_out_of_the_nav(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    # the tabs; the drawer of narrow screens lists their links again (parallax.js)
    nav = home.split('class="md-tabs"', 1)[1].split("</nav>", 1)[0]
    assert "claims/" not in nav and "articles/" not in nav
    assert all(word in nav for word in ("Stories", "Outlets", "Speakers", "Discrepancies", "Data"))


def test_no_external_fonts_or_cdns(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        assert not re.search(r'<(?:script|link)[^>]+(?:src|href)="(?:https?:)?//', text), page


def _digest(site_dir: Path) -> dict[str, str]:
    return {str(p.relative_to(site_dir)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site_dir.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path) -> None:
    build_site(fixture_corpus(), tmp_path / "again", data_files=DATA, strict=True)
    assert _digest(tmp_path / "again") == _digest(site)


def test_failed_build_leaves_the_previous_site_intact(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    site_dir = tmp_path / "site"
    build_site(fixture_corpus(), site_dir, data_files=DATA)
    before = _digest(site_dir)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("template exploded")

    monkeypatch.setattr("builder.mkdocs_hook.render_pages", explode)
    with pytest.raises(RuntimeError, match="template exploded"):
        build_site(fixture_corpus(), site_dir, data_files=DATA)
    assert _digest(site_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no staging folder left


def test_rendered_pages_match_the_golden_pages() -> None:
    pages = render_pages(fixture_corpus())
    expected = {p.name for p in GOLDEN.glob("*.html")}
    assert {golden_name(p.src_uri) for p in pages} == expected, "run: python -m tests.site_fixture --regen"
    for page in pages:
        golden = (GOLDEN / golden_name(page.src_uri)).read_text(encoding="utf-8")
        assert page.html == golden, f"{page.src_uri} differs from golden; regenerate if intended"


def test_hostile_titles_are_escaped_in_mkdocs_full_pages(tmp_path: Path) -> None:
    build_site(hostile_corpus(), tmp_path / "site", data_files=DATA, strict=True)
    assert broken_links(tmp_path / "site") == []
    for page in (tmp_path / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<img src=x" not in text, page
        assert "<b>Mallory" not in text and "<b>Author" not in text, page
        assert "onerror=alert(1)>" not in text.replace("&lt;img src=x onerror=alert(1)&gt;", ""), page
    claim = (tmp_path / "site" / urls.claim_url("hostile", "hostile-quote") / "index.html")
    title = re.search(r"<title>(.*?)</title>", claim.read_text(encoding="utf-8"), re.S)
    assert title and "&lt;script&gt;alert(1)&lt;/script&gt;" in title.group(1)
