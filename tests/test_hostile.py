"""A hostile story through the real CLI: the build survives, nothing executes, nothing is lost.

tests/fixtures/hostile/ puts ``<script>``, ``<img onerror>``, ``javascript:`` urls,
raw HTML, Markdown, Jinja syntax and mkdocs syntax into titles, bodies, quotations,
outlet names, authors, urls, front matter and sources.yml. The site is built once
with ``parallax build`` (in process) and checked on disk and in Chromium.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from builder.cli import main
from tests.site_data import site_export
from tests.test_browser import browser, page, search, serve_folder  # noqa: F401  (fixtures)

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
JS_URL = "javascript:alert(1)"


@dataclass(frozen=True)
class Built:
    site: Path
    code: int
    out: str
    err: str


def run_cli(*argv: str) -> tuple[int, str, str]:
    """``parallax ARGV`` in this process; (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    site = tmp_path_factory.mktemp("hostile") / "site"
    code, out, err = run_cli("build", str(HOSTILE), "--site-dir", str(site), "--no-cache", "-q",
                             "--ledger", str(tmp_path_factory.mktemp("ledger") / "ids.json"))
    return Built(site, code, out, err)


@pytest.fixture(scope="module")
def export(built: Built) -> dict:
    return site_export(built.site)


class _Markup(HTMLParser):
    """Every start tag with its attributes; the text of script elements, code and data apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []  # executable
        self.data_scripts: list[str] = []  # JSON, JSON-LD: never run, but must not close early
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "script":
            kind = dict(attrs).get("type") or "text/javascript"
            self._script = self.data_scripts if "json" in kind else self.scripts

    def handle_endtag(self, tag: str) -> None:
        self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)


def markup(path: Path) -> _Markup:
    parser = _Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def article_pages(site: Path) -> dict[str, str]:
    """Article page folder name -> page text."""
    folder = site / "stories" / "hostile" / "articles"
    return {p.name: (p / "index.html").read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


# --- the build and the files --------------------------------------------------------------


def test_hostile_story_builds_and_warns_about_each_javascript_url(built: Built) -> None:
    assert built.code == 0, built.err
    assert "5 articles read" in built.out
    warned = [line for line in built.err.splitlines() if line.startswith("warning:") and JS_URL in line]
    assert any("sources.yml" in line for line in warned)
    assert any("script-title.md" in line for line in warned)


def test_every_generated_path_stays_inside_the_site_folder(built: Built) -> None:
    site = built.site.resolve()
    assert sorted(p.name for p in site.parent.iterdir()) == ["site"]  # nothing written beside it
    for path in site.rglob("*"):
        assert not path.is_symlink(), path
        assert path.resolve().is_relative_to(site), path
        assert path.name != "passwd" and ".." not in path.name, path
        assert path.name.isascii(), path


def test_same_slug_file_names_get_different_article_pages(built: Built) -> None:
    pages = article_pages(built.site)
    assert len(pages) == 5
    mayor = [name for name in pages if name.startswith("mayor-resigns")]
    assert len(mayor) == 2 and mayor[0] != mayor[1]
    titles = {name: ("Mayor Resigns!" in text, "Mayor resigns &lt;img" in text) for name, text in pages.items()
              if name in mayor}
    assert sorted(titles.values()) == [(False, True), (True, False)]


def test_non_ascii_title_gets_a_non_empty_ascii_slug(built: Built) -> None:
    pages = article_pages(built.site)
    russian = [name for name, text in pages.items() if "Привет мир" in text and "<h1" in text
               and "Привет мир: «всё {{ 7*7 }} хорошо»" in text]
    assert len(russian) >= 1
    slug = next(n for n in russian if "Новости Севера" in pages[n])
    assert slug and slug.isascii() and slug.strip("-")
    outlets = [p.name for p in (built.site / "outlets").iterdir() if p.is_dir()
               and "Новости Севера" in (p / "index.html").read_text(encoding="utf-8")
               and "<h1" in (p / "index.html").read_text(encoding="utf-8")]
    assert outlets and all(name.isascii() and name for name in outlets)


def test_only_http_urls_become_links(built: Built) -> None:
    hrefs: list[str] = []
    for page in html_pages(built.site):
        text = page.read_text(encoding="utf-8")
        assert 'href="javascript:' not in text.lower(), page
        hrefs += [attrs.get("href", "") for _, attrs in markup(page).tags if "href" in attrs]
    schemes = {h.split(":", 1)[0].lower() for h in hrefs if ":" in h.split("/", 1)[0]}
    assert schemes <= {"http", "https"}, schemes
    assert any(h.startswith("https://novosti.example/mir") for h in hrefs)  # a real url still links


def test_no_markup_from_the_content_reaches_the_html(built: Built) -> None:
    for page in html_pages(built.site):
        parsed = markup(page)
        for tag, attrs in parsed.tags:
            assert not (tag == "img" and attrs.get("src") == "x"), page
            assert tag not in {"b", "div"} or not any("alert" in v for v in attrs.values()), page
            handlers = {k: v for k, v in attrs.items() if k.startswith("on")}
            assert not any("alert" in v for v in handlers.values()), (page, handlers)
        assert not any("alert(" in s for s in parsed.scripts), page
        for data in parsed.data_scripts:  # content inside JSON-LD stays inside it, as JSON text
            assert "<" not in data, page
            json.loads(data)
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text and "<Script>" not in text and "<b>Eve" not in text, page


def test_template_syntax_is_shown_not_evaluated(built: Built) -> None:
    story = (built.site / "stories" / "hostile" / "index.html").read_text(encoding="utf-8")
    # the story title from sources.yml, escaped but otherwise verbatim: nothing evaluated or included
    title = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", story, re.S).group(1))  # type: ignore[union-attr]
    assert "<script>alert(1)</script> Budget row {{ 7*7 }} {% include 'x' %}" in title
    for name, text in article_pages(built.site).items():
        assert "{{ 7*7 }}" in text or "{{ 77 }}" in text, name  # 7*7 -> 77 is Markdown emphasis, not Jinja
        assert "{{ 49 }}" not in text and " 49 " not in text, name


def test_export_keeps_the_hostile_text_verbatim(export: dict) -> None:
    articles = {a["path"]: a for a in export["articles"]}
    mayor = articles["Mayor resigns.txt"]
    assert mayor["title"] == "Mayor resigns <img src=x onerror=alert(1)>"
    assert mayor["outlet"] == "Daily Planet <img src=x onerror=alert(1)>"
    assert mayor["author"] == "{% include 'x' %} <b>Eve</b>"
    assert mayor["url"] is None  # javascript: refused as a url ...
    assert "[her office](javascript:alert(1))" in mayor["body"]  # ... but kept as text
    assert "<script>alert(1)</script> settled" in mayor["body"]
    script = articles["script-title.md"]
    assert script["title"] == "<script>alert(1)</script> Council {{ 7*7 }} vote ../../etc/passwd"
    assert script["outlet"] == "<img src=x onerror=alert(1)> Gazette {# note"
    assert "{% include 'x' %} and {# an unclosed comment and {%- raw %} stay text." in script["body"]
    assert '--8<-- "/etc/passwd"' in script["body"]
    page = articles["harbour-page.html"]
    assert page["title"] == "<script>alert(1)</script> Port closes {{ 7*7 }}"
    assert '<a href="javascript:alert(1)">click</a>' in page["body"]  # escaped text in the page stays text
    assert export["stories"][0]["title"] == "<script>alert(1)</script> Budget row {{ 7*7 }} {% include 'x' %}"
    quotes = [m["text"] for m in export["mentions"] if m["kind"] == "quote"]
    assert any("{{ 7*7 }} is <script>alert(1)</script> settled" in q for q in quotes)
    assert any("Nothing <img src=x onerror=alert(1)> {{ 7*7 }} will stop us" in q for q in quotes)


# --- in Chromium --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def served(built: Built) -> Iterator[str]:
    with serve_folder(built.site) as base:
        yield base


INJECTED = """() => ({
  img: document.querySelectorAll('img[src="x"], img[onerror]').length,
  script: [...document.scripts].filter(s => !(s.type || '').includes('json') && s.text.includes('alert(')).length,
  js_links: document.querySelectorAll('a[href^="javascript:" i], [src^="javascript:" i]').length,
  handlers: [...document.querySelectorAll('*')].filter(
      e => [...e.attributes].some(a => a.name.startsWith('on') && a.value.includes('alert'))).length,
})"""


def site_urls(site: Path) -> list[str]:
    """Home, story, every claim and article page, every outlet and speaker page."""
    pages = [site / "index.html", site / "stories" / "hostile" / "index.html"]
    for part in ("stories/hostile/claims", "stories/hostile/articles", "outlets", "speakers"):
        pages += sorted((site / part).glob("*/index.html"))
    return [p.parent.relative_to(site).as_posix() + "/" if p.parent != site else "" for p in pages]


@pytest.mark.browser
def test_no_page_runs_injected_code(page, served: str, built: Built) -> None:  # type: ignore[no-untyped-def]
    addresses = site_urls(built.site)
    assert len(addresses) > 20
    for address in addresses:
        page.goto(served + address.replace("?", "%3F"))
        found = page.evaluate(INJECTED)
        assert found == {"img": 0, "script": 0, "js_links": 0, "handlers": 0}, (address, found)
    page.wait_for_timeout(200)  # an onerror would fire on load
    assert page.dialogs == []
    assert page.errors == []


@pytest.mark.browser
def test_hostile_text_is_visible_as_text(page, served: str, built: Built) -> None:  # type: ignore[no-untyped-def]
    page.goto(served + "stories/hostile/")
    body = page.inner_text("body")
    assert "<script>alert(1)</script> Budget row {{ 7*7 }} {% include 'x' %}" in body
    assert "Budget row 49" not in body
    mayor = next(name for name, text in article_pages(built.site).items() if "Mayor resigns &lt;img" in text)
    page.goto(served + f"stories/hostile/articles/{mayor}/")
    body = page.inner_text("body")
    assert "“The budget {{ 7*7 }} is <script>alert(1)</script> settled" in body
    assert "[her office](javascript:alert(1))" in body
    assert "Daily Planet <img src=x onerror=alert(1)>" in body
    assert "The budget 49" not in body
    assert page.dialogs == [] and page.errors == []


@pytest.mark.browser
def test_search_results_show_hostile_text_without_running_it(page, served: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(served)
    results = search(page, "onerror")
    results.first.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    assert page.evaluate(INJECTED)["img"] == 0
    assert page.dialogs == [] and page.errors == []
