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
import os
import tempfile
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

from builder import __version__
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


def site_fingerprint(data_files: dict[str, bytes]) -> str:
    """A hash of everything a built site depends on: the exported data (which holds the
    whole corpus), the templates, the render code, the mkdocs config and versions."""
    from importlib.metadata import version

    h = hashlib.sha256(__version__.encode())
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


class ExtractionCache:
    """A folder of JSON files, one per article version. Safe for parallel writers."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> tuple[Mention, ...] | None:
        path = self._path(article_key(article))
        try:
            records = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        try:
            return tuple(Mention(**r) for r in records)
        except TypeError:  # written by another model version
            return None

    def put(self, article: Article, mentions: tuple[Mention, ...]) -> None:
        path = self._path(article_key(article))
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps([asdict(m) for m in mentions], ensure_ascii=False)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(data)
        os.replace(tmp, path)
