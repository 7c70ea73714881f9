"""What ingest recognises around an article's text: metadata keys, bylines, boilerplate.

Rules as data: extend these tables to teach the reader a new metadata key, byline
shape or line of page furniture without touching ``builder.ingest``. Everything
here is about English-language news pages in general, never about one outlet.
"""

from __future__ import annotations

import re

# --- files -------------------------------------------------------------------------

ARTICLE_SUFFIXES: dict[str, str] = {  # file suffix -> reader
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}

SOURCES_FILES = ("sources.yml", "sources.yaml")

# Stems of files that sit beside articles but are not articles (compared lower-case).
NOT_ARTICLE_STEMS = frozenset({"readme", "license", "licence", "changelog", "notes", "index"})

# Magic numbers of binary formats that are sometimes saved with a text suffix.
BINARY_SIGNATURES = (
    b"%PDF-", b"\x89PNG", b"GIF87a", b"GIF89a", b"\xff\xd8\xff", b"PK\x03\x04",
    b"\x7fELF", b"MZ", b"\x1f\x8b", b"BZh", b"\xd0\xcf\x11\xe0", b"RIFF", b"OggS", b"fLaC",
)

MAX_FILE_BYTES = 64 * 1024 * 1024  # larger files are skipped, not read into memory
SNIFF_BYTES = 8192  # how much of a file decides "binary or text"
MAX_NON_TEXT_SHARE = 0.3  # above this share of control/replacement characters: binary

# --- metadata keys -------------------------------------------------------------------

# Front matter (YAML) keys for each Article field, in order of preference.
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publishdate", "date_published", "datepublished"),
    "outlet": ("outlet", "source", "site_name", "sitename", "publisher", "site", "publication"),
    "url": ("url", "link", "canonical", "canonical_url", "canonicalurl", "source_url", "permalink"),
    "author": ("author", "authors", "byline"),
    "hint": ("categories", "tags"),  # Hugo-style taxonomies: an outlet hint of last resort
}

# Keys of a plain-text metadata line at the top of a file ("Date: 2025-02-09").
LINE_KEYS: dict[str, str] = {
    "date": "date",
    "published": "date",
    "author": "author",
    "by": "author",
    "outlet": "outlet",
    "source": "outlet",
    "url": "url",
    "title": "title",
}
# "key: value" (any key above) or "key value" (only these keys, and only with a value
# of the right shape, so a headline starting "Source says" is never taken for metadata).
LINE_KEY_COLON = re.compile(r"^\s*(?P<key>[A-Za-z]+)\s*:\s*(?P<value>.*?)\s*$")
LINE_KEY_SPACE = re.compile(
    r"^\s*(?P<key>date|published)\s+(?P<value>\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?)"
    r"(?:\s+(?P<rest>.*?))?\s*$"
    r"|^\s*(?P<ukey>url|source)\s+(?P<uvalue>https?://\S+)(?:\s+(?P<urest>.*?))?\s*$",
    re.IGNORECASE,
)

# Written dates accepted in metadata (datetime.strptime formats), tried after ISO 8601.
DATE_FORMATS = (
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y %H:%M:%S %z",  # RFC 2822, as in feeds
    "%a, %d %b %Y %H:%M:%S %Z",
    "%Y%m%d",
)

# --- bylines ---------------------------------------------------------------------

_NAME_WORD = r"(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+|[A-Z]\.(?:[A-Z]\.)*)"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}"
_NAMES = rf"{_NAME}(?:(?:\s+and\s+|\s*&\s*){_NAME})*"  # several authors: "and" or "&", never a comma

# "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Outlet Name", "By Jane Doe | Outlet".
BYLINE = re.compile(
    rf"^(?i:by|written by|words by)\s+(?P<author>{_NAMES})"
    r"(?:\s*(?:,|\||\s-\s|\s–\s|\s—\s)\s*(?P<outlet>[^,|]{2,60}?))?\s*$"
)
# "Jane Doe | Outlet Name": a name, a bar, then the outlet (a comma would also match datelines).
NAME_WITH_OUTLET = re.compile(rf"^(?P<author>{_NAME})\s*\|\s*(?P<outlet>[^,|]{{2,60}}?)\s*$")
# A line that is only a personal name of two or three capitalised words ("Jane Doe").
BARE_NAME = re.compile(rf"^(?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{1,2}}$")

# How many non-empty lines after the headline may hold the byline (captions come first).
BYLINE_WINDOW = 6

# Words that show a short capitalised line is not a personal name.
NOT_NAME_WORDS = frozenset(
    """
    news breaking live update updates updated latest analysis opinion comment editorial
    exclusive video videos photo photos picture pictures gallery watch listen read more
    share follow subscribe sign home world politics business sport sports science health
    technology tech culture travel weather markets economy region national international
    local us uk europe africa asia americas middle east staff reporter reporters
    correspondent editor editors desk team wire agency agencies press service services
    associated reuters images getty contributed report reports newsletter podcast
    advertisement sponsored related top story stories feature features interview
    monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    president minister senator governor mayor king queen prince general police court
    the of and in on at for from with to a an
    """.split()
)

# --- page furniture ----------------------------------------------------------------

# Whole lines (after stripping) that are page furniture, never article text.
BOILERPLATE_LINES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"(?:last\s+)?(?:updated|published|posted|modified)\s*:?",  # a label left without its value
        r"\d{1,2}:\d{2}(?::\d{2})?",  # a media player's clock ("0:00")
        r"[-–—_*=•·~#|]+",  # separator rules
        r"(?:advertisement|advert|ad|sponsored|share|share this(?: article| story)?|tweet|email|print"
        r"|twitter|facebook|whatsapp|linkedin|reddit|copy link|comments?|listen(?: to (?:this )?article)?"
        r"|read more|subscribe|sign up|follow us|skip to (?:main )?content|close|menu)\s*:?",
        r"\d+\s+min(?:ute)?s?\s+read",
    )
)

# A photo caption: a paragraph that ends in the picture's credit, after its last sentence:
# "... ahead of the inauguration. (AP)", "... in Osaka, Japan. Jane Doe/Agency via Wire",
# "... Photo: Jane Doe". Its dates, figures and quotations stay mentions (they are in the
# text), but a caption is not the outlet's reporting: it makes no claim.
_CREDIT_WORD = r"[A-Z][\w.'\u2019&-]*"
CAPTION_CREDITS = tuple(
    re.compile(p)
    for p in (
        r"[.!?]\s*\((?:[Pp]hoto(?:graph)?:?\s*)?" + _CREDIT_WORD + r"(?:[ /]" + _CREDIT_WORD + r"){0,3}\)\s*$",
        r"[.!?]\s+" + _CREDIT_WORD + r"(?:\s+" + _CREDIT_WORD + r"){0,3}\s*/\s*" + _CREDIT_WORD
        + r"(?:\s+(?:via\s+)?" + _CREDIT_WORD + r"){0,3}\s*$",
        r"[.!?]\s+(?:Photo(?:graph)?|Image|Picture|Credit)s?\s*(?::|by)\s*[A-Z][^.]{1,60}$",
        r"[.!?]\s+(?:" + _CREDIT_WORD + r"\s+){0,3}(?:Getty Images|Shutterstock|Pool|File Photo)\s*$",
    )
)
# Captions are short: a paragraph longer than this is prose, whatever its end.
CAPTION_MAX_CHARS = 400

# An article nothing names the outlet of is called by its headline, never given a
# made-up name: "Unnamed outlet: “Trump says he has spoken with Putin…”".
UNNAMED_OUTLET = "Unnamed outlet: \u201c{headline}\u201d"
UNNAMED_OUTLET_PREFIX = "Unnamed outlet: "
UNNAMED_HEADLINE_CHARS = 36


def is_unnamed_outlet(outlet: str) -> bool:
    """The label ingest gives an article whose outlet nothing names (not an organisation)."""
    return outlet.startswith(UNNAMED_OUTLET_PREFIX)
