"""Ingest: a folder of article files -> Stories and Articles, whatever state the files are in.

Layout: a folder of article files is one story; a folder of folders is one story
per subfolder. Article files lying directly beside story subfolders are read as
one more story, named after the source folder (with a warning). Folders nested
inside a story folder are skipped with a warning. Hidden files and ``sources.yml``
are ignored; files with other suffixes, and README-like files, are listed in
``skipped`` without a warning.

Every per-file problem is a :class:`~builder.models.Warning_` (file and line where
known) and the rest still builds; a file that cannot be read at all is listed in
``skipped`` with its reason. Only an unusable source raises :class:`IngestError`.

Decisions worth knowing:
- A byline line near the top ("By Jane Doe", or a bare two- or three-word name)
  gives ``author`` and is taken out of the body, as are page furniture lines
  ("Updated:", "0:00", "Share"), a repeat of the headline near the top and a
  paragraph repeating the one before it.
- A Markdown file's trailing link-only line ("[site](https://...)") is its source
  link: its url becomes ``url`` when the file has none, and the line leaves the body.
- A text file opening with YAML front matter is read as Markdown (``format="md"``).
- Files over 64 MB are skipped; symbolic links leading out of the source are skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from builder.ids import digest, unique_slugs
from builder.ingest.decode import decode
from builder.ingest.fields import url_site
from builder.ingest.formats import Parsed, parse
from builder.ingest.sources import SourceEntry, Sources, read_sources
from builder.models import Article, Story, Warning_
from builder.patterns.metadata import (
    ARTICLE_SUFFIXES,
    CAPTION_CREDITS,
    CAPTION_MAX_CHARS,
    MAX_FILE_BYTES,
    NOT_ARTICLE_STEMS,
    SOURCES_FILES,
    UNNAMED_HEADLINE_CHARS,
    UNNAMED_OUTLET,
    is_unnamed_outlet,
)

if TYPE_CHECKING:
    from builder.cache import ParseCache

__all__ = ["IngestError", "IngestResult", "read_stories"]


class IngestError(Exception):
    """The source itself is unusable: missing, not a folder, or without one readable article."""


@dataclass(frozen=True, slots=True)
class IngestResult:
    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    warnings: tuple[Warning_, ...]
    skipped: tuple[tuple[str, str], ...]  # (relative path, reason)


@dataclass(frozen=True, slots=True)
class _Folder:
    """A folder read as one story."""

    name: str
    path: Path
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class _Draft:
    """One article file read, before ids, duplicates and story-level rules."""

    story: str
    rel: str
    stem: str
    suffix: str
    sha256: str
    parsed: Parsed
    entry: SourceEntry | None


class _Log:
    """Warnings and skipped files, in the (sorted) order they were met."""

    def __init__(self) -> None:
        self.warnings: list[Warning_] = []
        self.skipped: list[tuple[str, str]] = []

    def skip(self, rel: str, reason: str, warn: bool = True) -> None:
        self.skipped.append((rel, reason))
        if warn:
            self.warnings.append(Warning_(rel, f"skipped: {reason}"))


def read_stories(source: Path, cache_dir: Path | None = None) -> IngestResult:
    """Every story under ``source`` with its articles, warnings and skipped files; with a
    ``cache_dir``, a file read by an earlier build in the same bytes is not parsed again
    (``builder.cache.ParseCache``)."""
    from builder.cache import ParseCache

    source = Path(source)
    log = _Log()
    cache = ParseCache(Path(cache_dir)) if cache_dir else None
    # 1. the folders that are stories
    folders = _story_folders(source, log)
    story_ids = unique_slugs(f.name for f in folders)
    # 2. each article file, read on its own
    drafts: list[_Draft] = []
    titles: dict[str, str | None] = {}
    for folder in sorted(folders, key=lambda f: story_ids[f.name]):
        story = story_ids[folder.name]
        drafts.extend(_read_folder(folder, story, source, log, titles, cache))
    # 3. ids: file stems, unique across the result
    ids = _article_ids(drafts)
    # 4. the same article twice: keep the first by id
    kept = _drop_duplicates(drafts, ids, log)
    # 5. stories: reference dates, inferred dates, outlets, titles
    stories: list[Story] = []
    articles: list[Article] = []
    for folder in sorted(folders, key=lambda f: story_ids[f.name]):
        story = story_ids[folder.name]
        members = sorted((d for d in kept if d.story == story), key=lambda d: ids[d.rel])
        if not members:
            log.warnings.append(Warning_(_rel(folder.path, source), "story folder has no readable article"))
            continue
        built = _build_story(story, members, ids, titles.get(story))
        stories.append(built[0])
        articles.extend(built[1])
    if not articles:
        raise IngestError(_nothing_readable(source, log.skipped))
    return IngestResult(tuple(stories), tuple(articles), tuple(log.warnings), tuple(log.skipped))


_LISTED_SKIPS = 5


def _nothing_readable(source: Path, skipped: list[tuple[str, str]]) -> str:
    """One line: the files skipped (the first few, with the reason) and the suffixes that are read."""
    suffixes = ", ".join(ARTICLE_SUFFIXES)
    if not skipped:
        return f"{source}: no readable article (no files; article files end in {suffixes})"
    shown = "; ".join(f"{rel} ({reason})" for rel, reason in skipped[:_LISTED_SKIPS])
    more = f"; and {len(skipped) - _LISTED_SKIPS} more" if len(skipped) > _LISTED_SKIPS else ""
    return (f"{source}: no readable article; skipped {len(skipped)} file(s): {shown}{more}. "
            f"Article files end in {suffixes}")


def _story_folders(source: Path, log: _Log) -> list[_Folder]:
    """The source itself, or each subfolder, as a story; loose files beside subfolders as one more."""
    if not source.exists():
        raise IngestError(f"{source}: no such folder")
    if not source.is_dir():
        raise IngestError(f"{source}: not a folder")
    entries = _listing(source, log, source, fatal=True)
    name = source.resolve().name or "story"
    subfolders = [p for p in entries if p.is_dir()]
    loose = tuple(p for p in entries if not p.is_dir())
    if not subfolders:
        return [_Folder(name, source, loose)]
    folders = []
    for sub in subfolders:
        inner = _listing(sub, log, source)
        for nested in (p for p in inner if p.is_dir()):
            log.skip(_rel(nested, source), "folder inside a story folder")
        folders.append(_Folder(sub.name, sub, tuple(p for p in inner if not p.is_dir())))
    if any(p.suffix.lower() in ARTICLE_SUFFIXES for p in loose):
        log.warnings.append(Warning_(".", "article files beside story folders are read as a story of their own"))
        taken = {f.name for f in folders}
        folders.append(_Folder(name if name not in taken else f"{name} files", source, loose))
    else:
        for path in loose:
            if path.name.lower() not in SOURCES_FILES:
                log.skip(_rel(path, source), f"not an article file ({path.suffix.lower() or 'no suffix'})", warn=False)
    return folders


def _listing(folder: Path, log: _Log, source: Path, fatal: bool = False) -> list[Path]:
    """Visible entries of a folder, sorted by name; links leading outside the source are skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as err:
        if fatal:
            raise IngestError(f"{folder}: cannot be listed ({err.strerror})") from err
        log.skip(_rel(folder, source), f"unreadable folder ({err.strerror})")
        return []
    root = source.resolve()
    visible = []
    for path in entries:
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(root):
            log.skip(_rel(path, source), "symbolic link to a place outside the source folder")
            continue
        visible.append(path)
    return visible


def _read_folder(folder: _Folder, story: str, source: Path, log: _Log, titles: dict[str, str | None],
                 cache: ParseCache | None = None) -> list[_Draft]:
    """Every article file of one story folder, read and parsed; sources.yml applied per file."""
    sources = Sources()
    for path in folder.files:
        if path.name.lower() in SOURCES_FILES:
            sources = read_sources(path, _rel(path, source), log.warnings)
            break
    titles[story] = sources.title
    drafts: list[_Draft] = []
    names: set[str] = set()
    for path in folder.files:
        rel = _rel(path, source)
        suffix = path.suffix.lower()
        if path.name.lower() in SOURCES_FILES:
            continue
        if suffix not in ARTICLE_SUFFIXES:
            log.skip(rel, f"not an article file ({suffix or 'no suffix'})", warn=False)
            continue
        if path.stem.lower() in NOT_ARTICLE_STEMS:
            log.skip(rel, "not an article (README-like file name)", warn=False)
            continue
        names.update((path.name, path.stem))
        raw = _read_bytes(path, rel, log)
        if raw is None:
            continue
        draft = _read_article(path, rel, raw, story, sources, log, cache)
        if draft is not None:
            drafts.append(draft)
    for name in sorted(set(sources.entries) - names):
        log.warnings.append(Warning_(_rel(folder.path, source) + "/sources.yml",
                                     f"entry '{name}' names no article file of this folder"))
    return drafts


def _read_bytes(path: Path, rel: str, log: _Log) -> bytes | None:
    try:
        if not path.is_file():
            log.skip(rel, "not a regular file")
            return None
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            log.skip(rel, f"too large ({size // (1024 * 1024)} MB; the limit is {MAX_FILE_BYTES // (1024 * 1024)} MB)")
            return None
        return path.read_bytes()
    except OSError as err:
        log.skip(rel, f"unreadable ({err.strerror or type(err).__name__})")
        return None


def _read_article(path: Path, rel: str, raw: bytes, story: str, sources: Sources, log: _Log,
                  cache: ParseCache | None = None) -> _Draft | None:
    if _display(path.name) != path.name:
        log.warnings.append(Warning_(rel, "file name is not valid UTF-8; shown with replacement characters"))
    sha256 = hashlib.sha256(raw).hexdigest()
    reader = ARTICLE_SUFFIXES[path.suffix.lower()]
    key = cache.key(sha256, rel, reader) if cache else ""
    earlier = cache.get(key) if cache else None
    if earlier is not None:
        parsed, warnings = earlier
        log.warnings.extend(warnings)
    else:
        before = len(log.warnings)
        decoded = decode(raw, rel)
        log.warnings.extend(decoded.warnings)
        if decoded.text is None:
            log.skip(rel, decoded.skip or "unreadable")
            return None
        parsed = parse(decoded.text, reader, rel, log.warnings)
        if cache:
            with contextlib.suppress(OSError):  # an unwritable cache: the extraction step says so
                cache.put(key, parsed, log.warnings[before:])
    if not parsed.title:
        log.warnings.append(Warning_(rel, "no headline found; the file name stands in"))
    if not parsed.body:
        log.warnings.append(Warning_(rel, "no text after the headline"))
    stem = _display(path.stem)
    return _Draft(story, rel, stem, path.suffix.lower(), sha256, parsed,
                  sources.entry(path.name, path.stem))


def _article_ids(drafts: list[_Draft]) -> dict[str, str]:
    """rel path -> id: the file stem; a taken stem gets the story id in front (later stories, by id)."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for d in sorted(drafts, key=lambda d: (d.story, d.rel)):
        base = " ".join(unicodedata.normalize("NFC", d.stem).split()) or "article"
        tagged = f"{d.story}-{base}"
        for candidate in (base, tagged, f"{tagged}-{d.suffix.lstrip('.')}", f"{tagged}-{digest(d.rel)}"):
            if candidate not in used:
                break
        used.add(candidate)
        ids[d.rel] = candidate
    return ids


def _drop_duplicates(drafts: list[_Draft], ids: dict[str, str], log: _Log) -> list[_Draft]:
    """Same bytes, or the same body once whitespace and case are ignored: the first id wins."""
    first: dict[str, str] = {}
    kept = []
    for d in sorted(drafts, key=lambda d: ids[d.rel]):
        keys = [f"sha:{d.sha256}"]
        if d.parsed.body:
            keys.append("body:" + " ".join(d.parsed.body.split()).casefold())
        original = next((first[k] for k in keys if k in first), None)
        if original is not None:
            log.skip(d.rel, f"duplicate of {original}")
            continue
        for key in keys:
            first[key] = ids[d.rel]
        kept.append(d)
    return kept


def _build_story(story: str, members: list[_Draft], ids: dict[str, str],
                 title: str | None) -> tuple[Story, list[Article]]:
    """The story's reference date and title, and its articles with dates and outlets filled in."""
    own = {d.rel: d.parsed.date or (d.entry.date if d.entry else None) for d in members}
    story_date = _reference_date([v for v in own.values() if v is not None])
    articles = []
    labels: Counter[str] = Counter()
    for d in members:
        entry = d.entry or SourceEntry()
        url = d.parsed.url or entry.url
        published = own[d.rel] or story_date
        outlet = _outlet(d.parsed, entry, url, d.parsed.title or d.stem)
        labels[outlet] += 1
        if labels[outlet] > 1 and is_unnamed_outlet(outlet):
            outlet = f"{outlet} ({labels[outlet]})"  # two unnamed articles with one headline
        articles.append(Article(
            id=ids[d.rel], story=story, path=d.rel, outlet=outlet,
            title=d.parsed.title or d.stem, body=d.parsed.body, published=published,
            published_inferred=own[d.rel] is None and published is not None,
            author=d.parsed.author or entry.author, url=url, format=d.parsed.format, sha256=d.sha256,
            captions=captions(d.parsed.body),
        ))
    earliest = min(articles, key=lambda a: (own[a.path] is None, own[a.path] or date.min, a.id))
    story_obj = Story(id=story, title=title or earliest.title, articles=tuple(a.id for a in articles),
                      published=story_date)
    return story_obj, articles


def captions(body: str) -> tuple[tuple[int, int], ...]:
    """The body spans of its photo captions: short paragraphs without quotation marks that
    end in a picture credit (``CAPTION_CREDITS``)."""
    spans, start = [], 0
    for paragraph in body.split("\n\n"):
        end = start + len(paragraph)
        if len(paragraph) <= CAPTION_MAX_CHARS and not any(q in paragraph for q in '"\u201c\u201d') \
                and any(c.search(paragraph) for c in CAPTION_CREDITS):
            spans.append((start, end))
        start = end + 2
    return tuple(spans)


def _reference_date(dates: list[date]) -> date | None:
    """The most common publication date; ties go to the latest."""
    if not dates:
        return None
    counts = Counter(dates)
    return max(counts, key=lambda d: (counts[d], d))


def _outlet(parsed: Parsed, entry: SourceEntry, url: str | None, headline: str) -> str:
    """The outlet's name, never invented and never empty.

    1. the file's own metadata (outlet/source/site_name); 2. sources.yml; 3. the url's
    site ("example-news.com"); 4. a byline's outlet ("By Jane Doe, Outlet Name");
    5. the first category/tag; 6. the headline, marked as no outlet's name
    ("Unnamed outlet: “…”", ``is_unnamed_outlet``).
    """
    for candidate in (parsed.outlet, entry.outlet, url_site(url), parsed.byline_outlet, parsed.hint):
        if candidate and candidate.strip():
            return candidate.strip()
    text = " ".join(headline.split())
    if len(text) > UNNAMED_HEADLINE_CHARS:
        text = text[:UNNAMED_HEADLINE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:-\u2013\u2014") + "\u2026"
    return UNNAMED_OUTLET.format(headline=text)


def _rel(path: Path, source: Path) -> str:
    """The path relative to the source, POSIX separators, always valid text."""
    try:
        rel = path.relative_to(source).as_posix()
    except ValueError:
        rel = path.name
    return _display(rel) or "."


def _display(text: str) -> str:
    """File names that are not valid UTF-8 arrive with surrogates; show them with U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
