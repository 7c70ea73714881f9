"""Shared text handling for every format: metadata lines, the byline, paragraphs.

A reader turns its file into *units* (lines of a text file, blocks of a Markdown
or HTML page; ``None`` for a blank line) and hands them to :func:`tidy`, which
drops page furniture and the byline and returns the body's paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass

from builder.ingest.fields import Checked, check_author, check_date, check_text, check_url, read_byline
from builder.models import Warning_
from builder.patterns.metadata import BOILERPLATE_LINES, BYLINE_WINDOW, LINE_KEY_COLON, LINE_KEY_SPACE, LINE_KEYS

PARAGRAPH_BREAK = "\n\n"
_REMOVED = object()  # a unit taken out of the body (not a paragraph break)
_MAX_META_WORDS = 8
_STOPS = (".", "!", "?", '"', "”", "’", ":")  # a longer "Source: ..." line is a sentence, not metadata


def check_field(field: str, raw: object) -> Checked:
    """Normalise one metadata value for an Article field."""
    if field == "date":
        return check_date(raw)
    if field == "url":
        return check_url(raw)
    if field == "author":
        return check_author(raw)
    return check_text(raw, field)


@dataclass(frozen=True, slots=True)
class MetaLine:
    """A metadata line ("Date: 2025-02-09") or prefix (" date 2025-02-09 The headline")."""

    field: str
    value: str
    rest: str  # what follows a prefix on the same line: the headline


def meta_line(line: str) -> MetaLine | None:
    """Read a line as metadata when its key is known and its value has a plausible shape."""
    spaced = LINE_KEY_SPACE.match(line)
    if spaced:
        if spaced.group("key"):
            return MetaLine("date", spaced.group("value"), spaced.group("rest") or "")
        return MetaLine("url", spaced.group("uvalue"), spaced.group("urest") or "")
    colon = LINE_KEY_COLON.match(line)
    if not colon or colon.group("key").lower() not in LINE_KEYS:
        return None
    field, value = LINE_KEYS[colon.group("key").lower()], colon.group("value")
    if field in ("author", "outlet") and len(value.split()) > _MAX_META_WORDS:
        return None
    if field == "outlet" and value.lower().startswith(("http://", "https://")):
        field = "url"  # "Source: https://..." names the page, not the outlet
    return MetaLine(field, value, "")


@dataclass(frozen=True, slots=True)
class Header:
    """What the top of a text file says before its body starts."""

    meta: dict[str, object]  # field -> clean value
    title: str | None
    body_start: int  # index of the first line after the header


def read_header(lines: list[str], path: str, warnings: list[Warning_], want_title: bool = True) -> Header:
    """Leading metadata lines, the headline, and metadata lines right after it.

    Before the headline a metadata line with a bad value is consumed with a warning
    ("date: yesterday"); after it, a line is metadata only when its value checks out.
    """
    meta: dict[str, object] = {}
    title: str | None = None
    i = 0
    # 1. metadata lines (and a metadata prefix) before the headline
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        found = meta_line(line)
        if found is None:
            break
        _record(meta, found, i + 1, path, warnings)
        i += 1
        if found.rest:
            title = found.rest
            break
    if not want_title:
        return Header(meta, title, i)
    # 2. the headline: the first line that is not metadata (unless a "Title:" line gave it)
    if title is None and "title" not in meta and i < len(lines):
        title, i = lines[i].strip(), i + 1
    # 3. metadata lines directly under the headline, when their values check out
    while i < len(lines):
        found = meta_line(lines[i].strip())
        if found is None or check_field(found.field, found.value).value is None:
            break
        _record(meta, found, i + 1, path, warnings)
        i += 1
    return Header(meta, title, i)


def _record(meta: dict[str, object], found: MetaLine, line: int, path: str, warnings: list[Warning_]) -> None:
    checked = check_field(found.field, found.value)
    if checked.problem:
        warnings.append(Warning_(path, checked.problem, line))
    elif checked.value is not None:
        meta.setdefault(found.field, checked.value)


@dataclass(frozen=True, slots=True)
class Body:
    """The body's paragraphs, and what its byline said."""

    paragraphs: tuple[str, ...]
    author: str | None = None
    byline_outlet: str | None = None


def tidy(units: list[str | None], title: str, unwrap: bool = False) -> Body:
    """Paragraphs from units: furniture, the byline and a repeated headline taken out.

    Steps: 1. page furniture lines ("Updated:", "0:00", "Share") are dropped;
    2. among the first few units, a repeat of the headline and the first byline are
    dropped (the byline gives the author); 3. units become paragraphs: one each, or
    with ``unwrap`` and hard-wrapped prose, one per blank-line-separated block;
    4. a paragraph repeating the one before it (a caption saved twice) is dropped.
    """
    kept: list[object] = []
    author = outlet = None
    seen = 0
    for unit in units:
        text = unit.strip() if unit is not None else None
        if not text:
            kept.append(None)
            continue
        seen += 1
        # 1. furniture
        if any(p.fullmatch(text) for p in BOILERPLATE_LINES):
            kept.append(_REMOVED)
            continue
        # 2. repeated headline, byline
        if seen <= BYLINE_WINDOW:
            if text.casefold() == title.strip().casefold():
                kept.append(_REMOVED)
                continue
            byline = read_byline(text, title) if author is None else None
            if byline:
                author, outlet = byline.author, byline.outlet
                kept.append(_REMOVED)
                continue
        kept.append(text)
    # 3. paragraphs
    blocks = _blocks(kept)
    if unwrap and is_hard_wrapped(blocks):
        paragraphs = [" ".join(block) for block in blocks]
    else:
        paragraphs = [line for block in blocks for line in block]
    # 4. consecutive repeats
    out: list[str] = []
    for p in (clean_paragraph(p) for p in paragraphs):
        if p and (not out or out[-1] != p):
            out.append(p)
    return Body(tuple(out), author, outlet)


def _blocks(units: list[object]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for unit in units:
        if unit is None:
            if blocks[-1]:
                blocks.append([])
        elif isinstance(unit, str):
            blocks[-1].append(unit)
    return [b for b in blocks if b]


def is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Prose wrapped at a fixed width: the lines that wrap are all nearly as long as the widest."""
    wrapped = [len(line) for block in blocks if len(block) >= 2 for line in block[:-1]]
    if len(wrapped) < 2:
        return False
    width = max(wrapped)
    if not 30 <= width <= 120:
        return False
    near = sum(1 for n in wrapped if n >= width - max(20, width // 4))
    # wrapped lines break mid-sentence; one-sentence-per-line text ends its lines with a stop
    stops = sum(1 for block in blocks if len(block) >= 2 for line in block[:-1] if line.endswith(_STOPS))
    return near / len(wrapped) >= 0.8 and stops / len(wrapped) < 0.5


def clean_paragraph(text: str) -> str:
    """One paragraph: no newline inside, no whitespace at the ends, other characters as written."""
    return " ".join(part.strip() for part in text.split("\n") if part.strip()) if "\n" in text else text.strip()


def join_paragraphs(paragraphs: tuple[str, ...] | list[str]) -> str:
    """The body: non-empty paragraphs separated by exactly one blank line."""
    return PARAGRAPH_BREAK.join(p for p in (clean_paragraph(p) for p in paragraphs) if p)
