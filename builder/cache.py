"""Extraction results cached by content, so a rebuild re-extracts only what changed.

The key covers everything extraction reads: the article's id (mention ids carry it),
body and publication date, and a fingerprint of the extraction code and rules
(the builder's version plus a hash of the source files under ``builder/extract``,
``builder/patterns`` and ``builder/nlp.py``), so editing a rule invalidates the cache
without anyone having to remember to bump a number.
"""

from __future__ import annotations

import hashlib
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import asdict, fields
from functools import lru_cache
from pathlib import Path

from builder import __version__
from builder.files import write_atomic
from builder.models import Article, Mention

_PACKAGE = Path(__file__).resolve().parent
_PROJECT = _PACKAGE.parent
_EXTRACTION_CODE = ("builder/extract", "builder/patterns", "builder/nlp.py", "builder/models.py")
_SITE_CODE = ("builder/render", "builder/site.py", "builder/mkdocs_hook.py", "templates", "mkdocs.yml")


def _hash_files(names: tuple[str, ...], h: "hashlib._Hash") -> None:
    for name in names:
        path = _PROJECT / name
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if path.is_dir() else [path] if path.exists() else []
        for file in files:
            h.update(file.relative_to(_PROJECT).as_posix().encode())
            h.update(file.read_bytes())


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the builder version and of every source file extraction depends on."""
    h = hashlib.sha256(__version__.encode())
    _hash_files(_EXTRACTION_CODE, h)
    return h.hexdigest()[:16]


def site_fingerprint(data_files: Mapping[str, bytes], site_url: str | None = None) -> str:
    """A hash of everything a built site depends on: the exported data (which holds the
    whole corpus), the templates, the render code, the mkdocs config, versions and the
    url the site is published at."""
    from importlib.metadata import version

    h = hashlib.sha256(__version__.encode())
    h.update((site_url or "").encode())
    for package in ("mkdocs", "mkdocs-material", "jinja2", "pagefind"):
        h.update(version(package).encode())
    _hash_files(_SITE_CODE, h)
    for name in sorted(data_files):
        h.update(name.encode())
        h.update(data_files[name])
    return h.hexdigest()


def article_key(article: Article) -> str:
    h = hashlib.sha256()
    for part in (code_fingerprint(), article.id, article.body,
                 article.published.isoformat() if article.published else ""):
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()


def _allowed_types(annotation: object) -> tuple[type, ...]:
    """The JSON types a Mention field may hold: ``float | None`` -> (int, float, NoneType)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(t for arg in typing.get_args(annotation) for t in _allowed_types(arg))
    if typing.get_origin(annotation) is typing.Literal:
        return (str,)
    if annotation is float:
        return (int, float)
    return (annotation,) if isinstance(annotation, type) else (object,)


_HINTS = typing.get_type_hints(Mention)
_MENTION_TYPES = {f.name: _allowed_types(_HINTS[f.name]) for f in fields(Mention)}
_KINDS = typing.get_args(_HINTS["kind"])


def _mention(record: object, article: Article) -> Mention | None:
    """A cached record as a Mention, or None where it does not fit this article exactly."""
    if not isinstance(record, dict) or not set(record) <= set(_MENTION_TYPES):
        return None
    for name, value in record.items():
        allowed = _MENTION_TYPES[name]
        if isinstance(value, bool) and bool not in allowed or not isinstance(value, allowed):
            return None
    try:
        mention = Mention(**record)
    except TypeError:  # a required field missing
        return None
    if (mention.article != article.id or mention.kind not in _KINDS
            or not 0 <= mention.start <= mention.end <= len(article.body)
            or article.body[mention.start:mention.end] != mention.text):
        return None
    return mention


class ExtractionCache:
    """A folder of JSON files, one per article version. Safe for parallel writers.

    An entry is checked when it is read (every field of the right type, offsets inside
    the article and pointing at the mention's text): a damaged one counts as missing
    and the article is extracted again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> tuple[Mention, ...] | None:
        path = self._path(article_key(article))
        try:
            records = json.loads(path.read_bytes())
        except (OSError, ValueError):  # missing, unreadable, not JSON or not UTF-8
            return None
        if not isinstance(records, list):
            return None
        mentions = [_mention(r, article) for r in records]
        return None if any(m is None for m in mentions) else tuple(mentions)  # type: ignore[misc]

    def put(self, article: Article, mentions: tuple[Mention, ...]) -> None:
        """Store one article's mentions; raises OSError where the folder cannot be written."""
        path = self._path(article_key(article))
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps([asdict(m) for m in mentions], ensure_ascii=False).encode("utf-8"))
