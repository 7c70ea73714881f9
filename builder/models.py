"""The typed data passed between pipeline stages.

ingest -> Article; extract -> Mention; align/compare -> Claim with Discrepancy.
The JSON export (``../shared/contract/claims.schema.json``) is the public face of
these classes: ``builder.export`` maps them one to one, so keep the two in step.
All classes are frozen: a stage never edits what an earlier stage produced, it
returns new objects (``dataclasses.replace``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

MentionKind = Literal["quote", "figure", "date"]
ClaimStatus = Literal["agree", "differ", "single"]
DiscrepancyType = Literal["wording", "number", "date", "speaker", "omission"]

# How a quotation's speaker was found: the steps of the attribution chain, in order.
ATTRIBUTION_STEPS = ("same-sentence", "colon", "pronoun", "paragraph", "continuation")


@dataclass(frozen=True, slots=True)
class Warning_:
    """A problem with one input file that did not stop the build."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk: metadata and a plain-text body.

    ``body`` is what every mention offset indexes into. Paragraphs are separated
    by a blank line ("\\n\\n"); a single "\\n" never occurs inside the body.
    """

    id: str
    story: str
    path: str  # relative to the folder given to the builder, POSIX separators
    outlet: str
    title: str
    body: str
    published: date | None = None
    published_inferred: bool = False
    author: str | None = None
    url: str | None = None
    format: Literal["txt", "md", "html"] = "txt"
    sha256: str = ""  # of the raw file bytes: the extraction cache key and duplicate check


@dataclass(frozen=True, slots=True)
class Story:
    """A set of articles about one event (one input folder)."""

    id: str
    title: str
    articles: tuple[str, ...]
    published: date | None = None  # the story's reference date, from its articles' metadata


@dataclass(frozen=True, slots=True)
class Mention:
    """One extracted claim mention: a quotation, a figure or a date, at an exact place.

    Invariant: ``article.body[start:end] == text``.
    ``context_start``/``context_end`` delimit the sentence that holds the mention
    (for a quotation, the sentence(s) holding the whole quotation).
    """

    id: str
    article: str
    kind: MentionKind
    text: str
    start: int
    end: int
    context_start: int = 0
    context_end: int = 0
    # quotations
    speaker: str | None = None  # canonical name ("Dmitry Peskov"); for figures: whose figure
    cue: str | None = None  # the attribution cue as written: "said", "told", "according to", ":"
    attribution: str | None = None  # one of ATTRIBUTION_STEPS, or None where no speaker was found
    fragment: bool = False  # a quotation of one to three words (a scare quote)
    continues: str | None = None  # id of the quotation this one continues (split or multi-paragraph)
    # where the speaker is named in the body: the name, role or pronoun as written
    speaker_start: int | None = None
    speaker_end: int | None = None
    # for a pronoun ("he said") or "the statement said": the words it resolved to
    speaker_antecedent_start: int | None = None
    speaker_antecedent_end: int | None = None
    speaker_kind: str | None = None  # person, organisation, document or group
    # figures
    value: float | None = None
    low: float | None = None  # ranges: "between 150 and 200"
    high: float | None = None
    unit: str | None = None  # people, dollars, percent, years, hours ...
    qualifier: str | None = None  # hedge as written: "around", "more than", "at least"
    subject: str | None = None  # what is counted: "Ukrainian soldiers killed"
    # dates
    date: str | None = None  # ISO 8601 at the precision the text supports: YYYY, YYYY-MM, YYYY-MM-DD
    relative: bool = False  # resolved against the publication date ("Friday", "last month")


@dataclass(frozen=True, slots=True)
class WordDiff:
    """One operation of a word-level diff between two versions of a quotation."""

    op: Literal["equal", "insert", "delete", "replace"]
    a: str  # the words in the reference version ("" for insert)
    b: str  # the words in the other version ("" for delete)


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One difference between outlets on one claim; ``id`` is a stable anchor."""

    id: str
    type: DiscrepancyType
    mentions: tuple[str, ...]
    summary: str
    outlets: tuple[str, ...] = ()  # for omissions: the outlets that leave the claim out
    diff: tuple[WordDiff, ...] = ()  # for wording: reference -> other version
    minor: bool = False  # punctuation-only: shown, not counted


@dataclass(frozen=True, slots=True)
class Claim:
    """The same quotation, figure or dated event as reported across a story's articles."""

    id: str
    story: str
    kind: MentionKind
    title: str
    mentions: tuple[str, ...]
    status: ClaimStatus
    discrepancies: tuple[Discrepancy, ...] = ()
    speaker: str | None = None
    url: str = ""  # site-relative address of the claim's page


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything one build knows: the result of ingest, extraction and alignment."""

    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[Warning_, ...] = field(default=())
