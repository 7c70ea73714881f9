"""The three readers: plain text, Markdown (with YAML front matter) and saved HTML pages.

Each reader takes the decoded text of one file and returns a :class:`Parsed`:
headline, plain-text body and whatever metadata the file itself carries. Problems
go to ``warnings`` with the file (and line where known); a reader never raises.
A text file that opens with YAML front matter ("---" on line 1) is read as Markdown.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from typing import Literal

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token

from builder.ingest.fields import check_hint
from builder.ingest.text import check_field, join_paragraphs, read_header, tidy
from builder.ingest.yamlsafe import load_yaml
from builder.models import Warning_
from builder.patterns.metadata import FRONT_MATTER_KEYS

Format = Literal["txt", "md", "html"]
_YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file as its reader understood it, before story-level rules apply."""

    format: Format
    title: str
    body: str
    date: date | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    byline_outlet: str | None = None  # "By Jane Doe, Outlet Name"
    hint: str | None = None  # first category/tag: an outlet hint of last resort


def parse(text: str, reader: str, path: str, warnings: list[Warning_]) -> Parsed:
    """Read one decoded file with the reader its suffix names."""
    if reader == "html":
        return read_html(text, path, warnings)
    if reader == "md" or text.split("\n", 1)[0].strip() == "---":
        return read_markdown(text, path, warnings)
    return read_txt(text, path, warnings)


# --- plain text -----------------------------------------------------------------------


def read_txt(text: str, path: str, warnings: list[Warning_]) -> Parsed:
    """Headline = first non-metadata line; each line a paragraph unless the prose is hard-wrapped."""
    lines = text.split("\n")
    header = read_header(lines, path, warnings)
    title = header.title or ""
    body = tidy(list(lines[header.body_start:]), title, unwrap=True)
    return _parsed("txt", title, body.paragraphs, header.meta, body.author, body.byline_outlet, None)


# --- Markdown ---------------------------------------------------------------------------

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def read_markdown(text: str, path: str, warnings: list[Warning_]) -> Parsed:
    """Front matter for metadata, then Markdown rendered to plain paragraphs."""
    # 1. front matter, or else metadata lines at the top
    front, rest, first_line = split_front_matter(text, path, warnings)
    meta, hint = front_matter_fields(front, text, path, warnings) if front is not None else ({}, None)
    lines = rest.split("\n")
    header = read_header(lines, path, warnings, want_title=False)
    for key, value in header.meta.items():
        meta.setdefault(key, value)
    blocks = markdown_blocks("\n".join(lines[header.body_start:]))
    # 2. the headline: front matter title, a metadata prefix, else a leading heading, else the
    #    first block when it reads like a headline (no final full stop); a leading level-1
    #    heading under a front matter title is the page's own copy of the title
    title = str(meta.pop("title", "") or header.title or "")
    if blocks and blocks[0].heading == 1 and title:
        blocks.pop(0)
    elif blocks and not title and (blocks[0].heading or not blocks[0].text.endswith((".", "!", "?"))):
        title = blocks.pop(0).text
    # 3. a trailing link-only line is the source link: its url, not body text
    if blocks and blocks[-1].link:
        meta.setdefault("url", field_value("url", blocks[-1].link, path, warnings, None))
        blocks.pop()
    body = tidy([b.text for b in blocks], title)
    return _parsed("md", title, body.paragraphs, meta, body.author, body.byline_outlet, hint)


def split_front_matter(text: str, path: str, warnings: list[Warning_]) -> tuple[dict | None, str, int]:
    """(YAML mapping or None when the file has no front matter, the text after it, its first line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, text, 1
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        end = next((i for i in range(1, len(lines)) if not lines[i].strip()), len(lines))
        warnings.append(Warning_(path, "front matter opened here is never closed with '---'; "
                                       "read up to the first blank line", 1))
        rest_from = end
    else:
        rest_from = end + 1
    source = "\n".join(lines[1:end])
    try:
        data = load_yaml(source) if source.strip() else {}
    except _YAML_ERRORS as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(err, "problem", None) or str(err).split("\n")[0]
        warnings.append(Warning_(path, f"front matter is not valid YAML ({problem}); its metadata is ignored", line))
        data = {}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        warnings.append(Warning_(path, f"front matter is a {type(data).__name__}, not a mapping; ignored", 1))
        data = {}
    return data, "\n".join(lines[rest_from:]), rest_from + 1


def front_matter_fields(front: dict, text: str, path: str, warnings: list[Warning_]) -> tuple[dict, str | None]:
    """Article fields from front matter keys (FRONT_MATTER_KEYS), each checked; and the outlet hint."""
    data = {str(k).strip().lower(): v for k, v in front.items() if isinstance(k, (str, int, float))}
    meta: dict[str, object] = {}
    hint = None
    for field, keys in FRONT_MATTER_KEYS.items():
        key = next((k for k in keys if data.get(k) not in (None, "", [])), None)
        if key is None:
            continue
        if field == "hint":
            hint = check_hint(data[key])
            continue
        value = field_value(field, data[key], path, warnings, _key_line(text, key))
        if value is not None:
            if field == "outlet" and str(value).lower().startswith(("http://", "https://")):
                field, value = "url", field_value("url", value, path, warnings, _key_line(text, key))
            meta.setdefault(field, value)
    return meta, hint


def field_value(field: str, raw: object, path: str, warnings: list[Warning_], line: int | None) -> object:
    """The checked value, or None with a warning naming the file and line."""
    checked = check_field(field, raw)
    if checked.problem:
        warnings.append(Warning_(path, checked.problem, line))
    return checked.value


def _key_line(text: str, key: str) -> int | None:
    match = re.search(rf"^{re.escape(key)}\s*:", text[:20000], re.IGNORECASE | re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


@dataclass(frozen=True, slots=True)
class Block:
    """One block of rendered Markdown: its plain text, and its url when it is only a link."""

    text: str
    link: str | None = None
    heading: int = 0  # 1 for "# ...", 2 for "## ...", 0 for anything else


def markdown_blocks(source: str) -> list[Block]:
    """Markdown -> plain-text blocks: link text kept, urls, emphasis, heading and code markup
    dropped, list items and table rows as their own blocks, raw HTML reduced to its text."""
    blocks: list[Block] = []
    row: list[str] | None = None
    heading = 0
    for token in _MD.parse(source):
        if token.type == "heading_open":
            heading = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif token.type == "heading_close":
            heading = 0
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and row is not None:
            blocks.append(Block(" | ".join(c for c in row if c)))
            row = None
        elif token.type == "inline":
            text, link = _inline_text(token.children or [])
            if row is not None:
                row.append(text)
            elif text:
                blocks.append(Block(text, link, heading))
        elif token.type in ("fence", "code_block"):
            blocks.extend(Block(line.strip()) for line in token.content.split("\n") if line.strip())
        elif token.type == "html_block":
            blocks.extend(Block(p) for p in html_text(token.content)[1])
    return blocks


def _inline_text(children: list[Token]) -> tuple[str, str | None]:
    """Plain text of an inline run; the href when the run is a single link and nothing else."""
    parts: list[str] = []
    links: list[str] = []
    outside_link = False
    depth = 0
    for child in children:
        if child.type == "link_open":
            depth += 1
            links.append(str(child.attrs.get("href", "")))
        elif child.type == "link_close":
            depth = max(0, depth - 1)
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            outside_link = outside_link or (depth == 0 and bool(child.content.strip()))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "html_inline" and re.match(r"<br\b", child.content, re.IGNORECASE):
            parts.append(" ")
    text = " ".join("".join(parts).split("\n")).strip()
    link = links[0] if len(links) == 1 and not outside_link and text else None
    return text, link


# --- HTML -------------------------------------------------------------------------------


def read_html(text: str, path: str, warnings: list[Warning_]) -> Parsed:
    """Main text and metadata by trafilatura; the page's whole text when it finds none."""
    # 1. trafilatura
    doc: dict = {}
    try:
        import trafilatura

        for name in ("trafilatura", "htmldate", "courlan"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        found = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False,
                                            include_tables=True)
        if found is not None:
            doc = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    except Exception as err:  # noqa: BLE001 - a third-party parser on hostile input
        warnings.append(Warning_(path, f"trafilatura failed ({type(err).__name__}); used the page's text"))
    page_title, page_paragraphs = html_text(text)
    paragraphs = [p for p in str(doc.get("text") or "").split("\n") if p.strip()]
    # 2. fallback: every paragraph of the page outside scripts, navigation and footers
    if not paragraphs:
        warnings.append(Warning_(path, "no main text found by trafilatura; used the page's whole text"))
        paragraphs = page_paragraphs
    meta: dict[str, object] = {}
    for field, key in (("date", "date"), ("author", "author"), ("outlet", "sitename"), ("url", "url")):
        value = field_value(field, doc.get(key), path, warnings, None)
        if value is not None:
            meta[field] = value
    title = " ".join(str(doc.get("title") or page_title or "").split())
    if not title and paragraphs:
        title = paragraphs.pop(0)
    body = tidy(list(paragraphs), title)
    hint = check_hint(doc.get("categories")) or check_hint(doc.get("tags"))
    return _parsed("html", title, body.paragraphs, meta, body.author, body.byline_outlet, hint)


_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "nav", "footer", "svg", "iframe",
                        "form", "button", "select", "object"})
_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td",
                         "th", "table", "section", "article", "blockquote", "pre", "header", "aside", "main",
                         "figure", "figcaption", "dd", "dt", "hr", "body", "html", "title"})


class _TextParser(HTMLParser):
    """Collects a page's title and its text as paragraphs; markup never survives."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.paragraphs.append(text)
        self._current = []


def html_text(source: str) -> tuple[str, list[str]]:
    """(title, paragraphs) of an HTML page or fragment, tags stripped to their text."""
    parser = _TextParser()
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; keep what was read so far
        pass
    parser._flush()
    return " ".join(parser.title.split()), parser.paragraphs


def _parsed(fmt: Format, title: str, paragraphs: tuple[str, ...], meta: dict, author: str | None,
            byline_outlet: str | None, hint: str | None) -> Parsed:
    headline = " ".join(str(meta.get("title") or title or "").split())
    return Parsed(
        format=fmt,
        title=headline,
        body=join_paragraphs(paragraphs),
        date=meta.get("date"),  # type: ignore[arg-type]
        author=meta.get("author") or author,  # type: ignore[arg-type]
        outlet=meta.get("outlet"),  # type: ignore[arg-type]
        url=meta.get("url"),  # type: ignore[arg-type]
        byline_outlet=byline_outlet,
        hint=hint,
    )
