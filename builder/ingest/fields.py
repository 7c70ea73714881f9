"""Checking and normalising single metadata values: dates, urls, authors, outlets, bylines.

Each function takes a raw value (a YAML scalar, a line of text) and returns the
clean value, or ``None`` with the reason in ``problem`` so the caller can warn
with the file and line it knows.
"""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from builder.patterns.metadata import BARE_NAME, BYLINE, DATE_FORMATS, NAME_WITH_OUTLET, NOT_NAME_WORDS


@dataclass(frozen=True, slots=True)
class Checked:
    """A normalised value, or None and what was wrong with the raw one."""

    value: object = None
    problem: str | None = None


_REPR = reprlib.Repr()
_REPR.maxstring = _REPR.maxother = 60
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
_REPR.maxlevel = 2


def _show(raw: object) -> str:
    """A value for a warning, cut before it is formatted (a huge value costs nothing)."""
    text = _REPR.repr(raw) if not isinstance(raw, str) else f"'{raw[:60]}'"
    return text if len(text) <= 60 else text[:57] + "..."


def check_date(raw: object) -> Checked:
    """A calendar date from a YAML date/datetime, or an ISO 8601 or written date string."""
    if raw is None or raw == "":
        return Checked()
    if isinstance(raw, datetime):
        return Checked(raw.date())
    if isinstance(raw, date):
        return Checked(raw)
    if not isinstance(raw, str):
        return Checked(None, f"date {_show(raw)} is a {type(raw).__name__}, not a date")
    text = raw.strip()
    try:
        return Checked(datetime.fromisoformat(text.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    for fmt in DATE_FORMATS:
        try:
            return Checked(datetime.strptime(text, fmt).date())
        except ValueError:
            continue
    return Checked(None, f"date {_show(raw)} is not a date")


def check_url(raw: object) -> Checked:
    """An absolute http(s) url; anything else (javascript:, relative, non-string) is refused."""
    if raw is None or raw == "":
        return Checked()
    if not isinstance(raw, str):
        return Checked(None, f"url {_show(raw)} is not a string")
    text = raw.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return Checked(None, f"url {_show(raw)} is not a valid url")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in text):
        return Checked(None, f"url {_show(raw)} is not an http(s) url; ignored")
    return Checked(text)


def url_site(url: str | None) -> str | None:
    """The site of a url as people write it: the host without "www." ("example-news.com")."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.rstrip(".")
    return (host[4:] if host.startswith("www.") else host) or None


def check_text(raw: object, what: str) -> Checked:
    """A one-line string (outlet, title); lists and mappings are refused."""
    if raw is None:
        return Checked()
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        return Checked(None, f"{what} {_show(raw)} is a {type(raw).__name__}, not text")
    text = " ".join(raw.split())
    return Checked(text or None)


def check_author(raw: object) -> Checked:
    """An author string; a list of names is joined with ", "; a leading "By" is dropped."""
    if isinstance(raw, (list, tuple)):
        if any(isinstance(item, (list, tuple)) for item in raw):  # nested (even self-referencing) lists
            return Checked(None, f"authors {_show(raw)} is not a list of names")
        names = [check_author(item) for item in raw]
        bad = next((n.problem for n in names if n.problem), None)
        if bad:
            return Checked(None, bad)
        joined = ", ".join(str(n.value) for n in names if n.value)
        return Checked(joined or None)
    if isinstance(raw, dict):  # {name: ...} as some exporters write it
        return check_author(raw.get("name"))
    checked = check_text(raw, "author")
    if isinstance(checked.value, str):
        return Checked(re.sub(r"^by\s+", "", checked.value, flags=re.IGNORECASE) or None)
    return checked


def check_hint(raw: object) -> str | None:
    """The first category or tag, as a last-resort outlet hint."""
    if isinstance(raw, (list, tuple)):
        raw = next((item for item in raw if isinstance(item, str) and item.strip()), None)
    return " ".join(raw.split()) or None if isinstance(raw, str) else None


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline line says: who wrote the article, and maybe for which outlet."""

    author: str
    outlet: str | None = None


def read_byline(line: str, headline: str = "") -> Byline | None:
    """A byline ("By Jane Doe", "By Jane Doe, Outlet", "Jane Doe | Outlet", "Jane Doe"), or None."""
    text = line.strip()
    if not text or len(text) > 100 or text.casefold() == headline.strip().casefold():
        return None
    match = BYLINE.match(text) or NAME_WITH_OUTLET.match(text)
    if match and _is_name(match.group("author")):
        outlet = match.group("outlet")
        return Byline(match.group("author").strip(), outlet.strip() if outlet else None)
    if BARE_NAME.match(text) and _is_name(text):
        return Byline(text)
    return None


def _is_name(text: str) -> bool:
    """Every word could be part of a personal name (no "Breaking News", "Live Updates")."""
    words = re.findall(r"[A-Za-z][A-Za-z'’.-]*", text)
    names = [w for w in words if w.lower() not in ("and",)]
    return bool(names) and not any(w.lower().strip(".") in NOT_NAME_WORDS for w in names)
