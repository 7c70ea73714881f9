"""Addresses on the generated pages: relative links, anchors and safe external urls."""

from __future__ import annotations

import posixpath
from urllib.parse import quote, urlsplit

from builder.models import Mention


def relative(from_url: str, to_url: str) -> str:
    """The link from the page at ``from_url`` to ``to_url`` (both site-relative directory urls).

    >>> relative("stories/s/claims/c/", "stories/s/")
    '../../'
    >>> relative("", "data/claims.json")
    'data/claims.json'
    """
    path, hash_, fragment = to_url.partition("#")
    if ".." in path or ".." in from_url or "./" in path or "./" in from_url:
        rel = posixpath.relpath(path or ".", from_url.rstrip("/") or ".")
    else:  # the urls the site makes: plain folders, compared as lists (relpath costs a third of a render)
        here, there = [p for p in from_url.split("/") if p], [p for p in path.split("/") if p]
        common = 0
        for a, b in zip(here, there):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    if rel == ".":
        rel = "./"
    elif path.endswith("/") or not path:
        rel += "/"
    return f"{rel}{hash_}{fragment}"


def mention_anchor(mention: Mention) -> str:
    """The id of a mention's highlight on its article page (unique within the article)."""
    return f"m-{mention.kind[0]}{mention.start}-{mention.end}"


def fragment_id(anchor: str) -> str:
    """An id as written after ``#`` in a link."""
    return quote(anchor, safe="-_.~:")


def external_url(url: str | None) -> str | None:
    """``url`` where it is an absolute http(s) address, else None: only those become links.

    >>> external_url("https://example.com/a?b=<2>&c=\\"x\\"")
    'https://example.com/a?b=%3C2%3E&c=%22x%22'
    >>> external_url("javascript:alert(1)") is None
    True
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    # Characters that may not stand in a url (quotes, angle brackets, spaces, controls)
    # are percent-encoded, so a valid but sloppily written address still links.
    return quote(url, safe=";/?:@&=+$,-_.!~*()#%[]")


def text_fragment_url(url: str | None, text: str, words: int = 4) -> str | None:
    """The original article's url with a ``#:~:text=`` fragment that highlights ``text``.

    Long passages use the ``start,end`` form (first and last few words).
    """
    base = external_url(url)
    if base is None or not text.strip():
        return None
    tokens = text.split()

    def enc(part: list[str]) -> str:
        return quote(" ".join(part), safe="").replace("-", "%2D")

    if len(tokens) <= 2 * words:
        directive = enc(tokens)
    else:
        directive = f"{enc(tokens[:words])},{enc(tokens[-words:])}"
    return f"{base.split('#', 1)[0]}#:~:text={directive}"
