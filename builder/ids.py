"""Ids and slugs derived from content, never from order or counters.

Every id that appears in a url or a file name goes through :func:`slugify`, so it
is non-empty, ASCII, lower-case and free of path separators: "../" in a title or
file name can never reach outside the site folder.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def digest(*parts: object, length: int = 8) -> str:
    """A short, stable hex digest of the parts (joined with a unit separator)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def slugify(text: str, max_words: int = 8, max_length: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens; a digest where nothing is left.

    >>> slugify("Zelenskyy: ‘Let’s do a deal’")
    'zelenskyy-lets-do-a-deal'
    >>> slugify("Привет")[:2]
    'x-'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _NON_SLUG.split(ascii_text.lower()) if w][:max_words]
    slug = "-".join(words)[:max_length].strip("-")
    return slug or f"x-{digest(text)}"


def unique_slugs(names: Iterable[str]) -> dict[str, str]:
    """Map each distinct name to a slug no other name shares, deterministically.

    Names whose slugs collide all get a digest of the name appended, so the
    result does not depend on the order names arrive in.
    """
    distinct = sorted(set(names))
    by_slug: dict[str, list[str]] = {}
    for name in distinct:
        by_slug.setdefault(slugify(name), []).append(name)
    result: dict[str, str] = {}
    for slug, group in by_slug.items():
        for name in group:
            result[name] = slug if len(group) == 1 else f"{slug}-{digest(name, length=6)}"
    return result


def mention_id(article_id: str, kind: str, start: int, end: int) -> str:
    """A mention is identified by its article, kind and exact place."""
    return f"{article_id}:{kind[0]}{start}-{end}"
