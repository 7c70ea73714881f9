"""Render every page of the site to an HTML fragment: contexts in, templates lay them out.

Nothing here imports mkdocs: the fragments are the content of each page, which
the thin mkdocs layer (``builder.mkdocs_hook``) wraps in the theme. Page content
never passes through Markdown or a template engine as source: article text is data.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from builder import urls
from builder.models import Corpus, Mention, Story
from builder.render import views as V
from builder.render import views_lists as VL
from builder.render import summaries as S
from builder.render.links import relative as relative_url
from builder.render.lookup import Lookup
from builder.render.views_article import article_context

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes, its plain-text title and its HTML content."""

    src_uri: str  # mkdocs source path, e.g. "stories/<story>/claims/<claim>.md"
    url: str  # site-relative directory url, from builder.urls
    title: str  # plain text (not HTML): the mkdocs layer escapes it
    html: str  # the page content, an HTML fragment
    kind: str  # home, stories, story, claim, article, outlets, outlet, speakers, ...
    in_nav: bool = False
    description: str = ""  # plain text, for <meta name="description"> and link previews
    search_terms: str = ""  # words the search index reads that the page does not show
    story: str = ""  # the story whose page, claim page or article page it is (story_inputs)
    reused: bool = False  # not rendered: the previous build's page stands (see render_pages)
    key: str = ""  # a hash of what the page is made from (its context), templates aside


def src_uri(url: str) -> str:
    """The source path mkdocs maps to ``url`` with directory urls.

    >>> src_uri(""), src_uri("outlets/"), src_uri("stories/s/claims/c/")
    ('index.md', 'outlets/index.md', 'stories/s/claims/c.md')
    """
    if not url:
        return "index.md"
    if url.count("/") == 1:  # top-level section pages: "outlets/"
        return f"{url}index.md"
    return f"{url.rstrip('/')}.md"


def story_src_uri(story_id: str) -> str:
    return f"{urls.story_url(story_id)}index.md"


# Text shown in a page loses its bidirectional embeddings, overrides and isolates (an
# unclosed override would reverse the rest of a card: "semiT kroY weN") and its
# invisible characters (a zero-width space makes two outlet names look alike); text
# that carried such characters is then isolated (U+2068 ... U+2069, as <bdi> does),
# so what it holds reads in its own direction. The export keeps the text as it is.
_BIDI_FORMATTING = re.compile("[\u202a-\u202e\u2066-\u2069]")
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff]")


def shown(text: str) -> str:
    """``text`` as a page shows it: see above."""
    cleaned = _INVISIBLE.sub("", text)
    cleaned, formatting = _BIDI_FORMATTING.subn("", cleaned)
    return f"\u2068{cleaned}\u2069" if formatting else cleaned


def _finalize(value: Any) -> Any:
    """Every ``{{ value }}`` of a template passes here before it is escaped."""
    return shown(value) if isinstance(value, str) and not isinstance(value, markupsafe.Markup) else value


@lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> jinja2.Environment:
    """Autoescaping, strict Jinja environment over the page templates."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )


def render(template: str, context: Any, env: jinja2.Environment | None = None) -> str:
    """Lay out one context object with its template (the object is the ``page`` variable)."""
    return (env or environment()).get_template(template).render(page=context)


def story_inputs(lk: Lookup) -> dict[str, str]:
    """For each story, a hash of everything its pages (the story's page, its claims' pages,
    its articles' pages) are made from: the story, its articles and their mentions, its
    claims and retired claims, and what of the rest of the site they name (the addresses
    of their outlets, speakers and articles, the outlets of their wire copies). A story
    whose hash and code are those of the previous build has the same pages: an incremental
    build need not render them (``builder.mkdocs_hook``)."""
    retired: dict[str, list] = defaultdict(list)
    for r in lk.corpus.retired:
        retired[r.story].append(r)
    found = {}
    for story in lk.corpus.stories:
        h = hashlib.sha256()

        def feed(value: Any) -> None:
            h.update(repr(value).encode("utf-8", "surrogatepass"))
            h.update(b"\x1e")

        feed(story)
        speakers = set()
        for article in lk.story_articles(story):
            mentions = lk.mentions_by_article.get(article.id, ())
            feed((article, lk.article_slugs[article.id], lk.outlet_slugs[article.outlet], mentions))
            speakers.update(m.speaker for m in mentions if m.speaker)
            for other in article.wire.of if article.wire else ():
                copy = lk.articles.get(other)
                feed((other, copy.outlet if copy else None))
        feed(sorted((name, lk.speaker_slugs.get(name)) for name in speakers))
        feed(lk.claims_by_story.get(story.id, ()))
        feed(retired.get(story.id, ()))
        found[story.id] = h.hexdigest()
    return found


def inputs_key(*parts: Any) -> str:
    """A hash of a page's inputs: its address, title, template, context (a tree of frozen
    dataclasses, whose repr is all of it), kind, description, place in the nav and figures."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def render_pages(corpus: Corpus, templates: Path = TEMPLATES, *, reuse: Collection[str] = (),
                 keep: Callable[[str, str], bool] | None = None,
                 pack: Callable[[Page], Page] | None = None, lookup: Lookup | None = None) -> list[Page]:
    """Every page of the site, in a stable order: nav pages, then stories, claims, articles...

    Two ways a page is not rendered, for an incremental build: the pages of the stories
    named in ``reuse``; and a page for which ``keep(source path, key)`` says the previous
    build's page of that key stands (and has kept it). Such a page is in the list with its
    address alone and ``reused`` set. ``pack`` is given each page as it is rendered, and
    what it returns goes in the list (the mkdocs layer keeps the HTML compressed).
    ``lookup``: ``Lookup.of(corpus)``, where the caller has it."""
    env = environment(templates)
    lk = lookup or Lookup.of(corpus)
    pages: list[Page] = []

    def add(url: str, title: str, template: str, context: Any, kind: str, description: str, *,
            nav: bool = False, src: str | None = None, figures: tuple[Mention, ...] = (),
            story: str = "") -> None:
        src = src or src_uri(url)
        key = ""
        if keep is not None:
            key = inputs_key(src, url, title, template, context, kind, description, nav, figures)
            if keep(src, key):
                pages.append(Page(src, url, "", "", kind, nav, story=story, reused=True, key=key))
                return
        html = render(template, context, env)
        page = Page(src, url, shown(title), html, kind, nav, shown(description), S.number_forms(html, figures),
                    story, key=key)
        pages.append(pack(page) if pack else page)

    def add_story_page(story: Story, url: str, kind: str, make: Any, *, src: str | None = None) -> None:
        if story.id in reuse:
            pages.append(Page(src or src_uri(url), url, "", "", kind, story=story.id, reused=True))
        else:
            title, template, context, description, shown_figures = make()
            add(url, title, template, context, kind, description, src=src, figures=shown_figures,
                story=story.id)

    def figures(mention_ids: Iterable[str]) -> tuple[Mention, ...]:
        return tuple(lk.mentions[m] for m in mention_ids if m in lk.mentions)

    add(V.HOME_URL, VL.SITE_TITLE, "home.html", VL.home_context(lk), "home", S.SITE_DESCRIPTION,
        nav=True)
    lists = [(url, "Stories", "stories.html", context, "stories") for url, context in VL.stories_pages(lk)]
    lists.append((V.OUTLETS_URL, "Outlets", "outlets.html", VL.outlets_context(lk), "outlets"))
    lists += [(url, "Speakers", "speakers.html", context, "speakers") for url, context in VL.speakers_pages(lk)]
    lists += [(url, "Discrepancies", "discrepancies.html", context, "discrepancies")
              for url, context in VL.discrepancies_pages(lk)]
    lists.append((V.DATA_URL, "Data", "data.html", VL.data_context(), "data"))
    for url, title, template, context, kind in lists:
        number = getattr(context, "pager", None)
        if number is None or number.number == 1:
            add(url, title, template, context, kind, S.list_description(kind), nav=True)
        else:
            add(url, paged(title, number.number), template, context, kind, S.list_description(kind))
    for story in sorted(corpus.stories, key=lambda s: s.id):
        add_story_page(story, urls.story_url(story.id), "story", lambda story=story: (
            story.title, "story.html", V.story_context(lk, story), S.story_description(lk, story), ()),
            src=story_src_uri(story.id))
    for claim in sorted(corpus.claims, key=lambda c: (c.story, c.id)):
        if lk.claim_url(claim) in lk.passages:
            continue  # shown on its article page; its url redirects there (render_redirects)
        add_story_page(lk.stories[claim.story], lk.claim_url(claim), "claim", lambda claim=claim: (
            claim.title, "claim.html", V.claim_context(lk, claim), S.claim_description(lk, claim),
            figures(claim.mentions)))
    for retired in corpus.retired:
        if retired.state == "gone" or retired.into is None:
            add(retired.url, retired.title, "gone.html", V.gone_context(lk, retired), "gone",
                f"No longer on the site: {retired.title} ({retired.reason}).")
    for article in sorted(corpus.articles, key=lambda a: (a.story, a.id)):
        add_story_page(lk.stories[article.story], lk.article_url(article), "article", lambda article=article: (
            article.title or article.path, "article.html", article_context(lk, article),
            S.article_description(lk, article), lk.mentions_by_article.get(article.id, ())))
    for outlet, url, context in VL.outlet_pages(lk):
        add(url, paged(outlet, context.pager.number), "outlet.html", context, "outlet",
            S.outlet_description(lk, outlet))
    for speaker, url, context in VL.speaker_pages(lk):
        add(url, paged(speaker, context.pager.number), "speaker.html", context, "speaker",
            S.speaker_description(lk, speaker))
    return pages


def paged(title: str, number: int) -> str:
    """The title of page ``number`` of a list."""
    return title if number == 1 else f"{title} (page {number})"


REDIRECT = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{target}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={target}">
<script>location.replace({target_js}{keep_hash});</script>
</head>
<body>
<p>{moved}</p>
</body>
</html>
"""


def render_redirects(corpus: Corpus) -> dict[str, bytes]:
    """A small page at the address of every merged claim id, sending the reader (and the
    anchor they followed) on to the claim that carries it now; and one at the address of
    every claim shown as a passage of its article page (``Lookup.passages``), sending the
    reader there. Pages of our own rather than mkdocs-redirects: the map comes from the id
    ledger on each build, and the anchor must survive the redirect (a meta refresh alone
    drops it)."""
    from html import escape

    lk = Lookup.of(corpus)
    passages = lk.passages
    titles = {lk.claim_url(c): c.title for c in corpus.claims}
    files = {}
    moves = [(r.url, r.title, r.into, r.into) for r in corpus.retired if r.state == "merged" and r.into]
    moves += [(lk.claim_url(c), c.title, lk.claim_url(c), None) for c in corpus.claims
              if lk.claim_url(c) in passages]
    for url, title, into, carrier in moves:
        target = relative_url(url, passages.get(into, into))
        # A target with its own anchor (a passage) keeps it; otherwise the one followed.
        keep_hash = "" if "#" in target else " + location.hash"
        files[f"{url}index.html"] = REDIRECT.format(
            title=escape(f"Moved: {title}" if carrier else title), target=escape(target), keep_hash=keep_hash,
            target_js=json.dumps(target).replace("<", "\\u003c"),
            moved=(f"This claim is now part of <a href=\"{escape(target)}\">"
                   f"{escape(titles.get(carrier, carrier))}</a>." if carrier else
                   f"This claim is shown in <a href=\"{escape(target)}\">its article</a>.")
        ).encode("utf-8")
    return files
