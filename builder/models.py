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
ClaimStatus = Literal["agree", "differ", "contested", "single"]
DiscrepancyType = Literal["wording", "number", "date", "speaker", "omission"]
# How a variant stands to the claim's most common variant (the reference).
VariantRelation = Literal["reference", "agrees", "punctuation", "differs", "source"]
# Why a discrepancy is minor (shown, not counted): other punctuation only, or an
# article that also quotes the words as the others do.
MinorReason = Literal["punctuation", "both-ways", "rounding"]

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
    wire: Wire | None = None  # set where the article is a copy of a story other outlets ran too
    # body spans (start, end) of photo captions: their mentions are in the export, in no claim
    captions: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Wire:
    """Articles carrying most of one another's text: one agency story run by several outlets."""

    group: str  # stable id of the group ("wire-<digest>")
    agency: str | None  # the agency the text names ("Reuters"), None where it names none
    of: tuple[str, ...]  # the ids of the other articles of the group


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
    subject_head: str | None = None  # the subject's head noun, lemmatised, from the parse: "soldier"
    subject_verb: str | None = None  # the verb the figure belongs to, lemmatised: "kill"
    subject_words: str | None = None  # the sentence's words the subject was read from
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
class Published:
    """Where and when a variant first appeared."""

    date: date | None
    outlet: str
    article: str
    inferred: bool = False  # the date is the story's, not the article's own


@dataclass(frozen=True, slots=True)
class Variant:
    """One wording (or value, or date) of a claim and the outlets that print it.

    Versions identical after the normalisation that defines agreement are one variant.
    """

    id: str  # from content: the same wording keeps its id across builds
    text: str  # as the earliest of its versions writes it
    outlets: tuple[str, ...]
    mentions: tuple[str, ...]
    first_published: Published | None
    relation: VariantRelation = "reference"
    diff: tuple[WordDiff, ...] = ()  # quotations: from the reference variant to this one
    speakers: tuple[str, ...] = ()  # who is credited with it (for figures: whose figure)
    reports: int = 0  # independent reports: outlets, a wire group counted once


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a discrepancy: a variant (or a speaker, or the outlets leaving it out)."""

    variant: str | None
    text: str
    outlets: tuple[str, ...]
    mentions: tuple[str, ...] = ()
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One difference between outlets on one claim; ``id`` is a stable anchor.

    ``sides[0]`` is the most common side (for wording: the reference variant); an
    outlet differs where it is on a later side.
    """

    id: str
    type: DiscrepancyType
    mentions: tuple[str, ...]
    summary: str
    outlets: tuple[str, ...] = ()  # for omissions: the outlets that leave the claim out
    diff: tuple[WordDiff, ...] = ()  # for wording: reference -> other version
    minor: bool = False  # shown, not counted: see ``minor_reason``
    sides: tuple[Side, ...] = ()
    minor_reason: MinorReason | None = None
    both_ways: tuple[str, ...] = ()  # outlets that print the words both ways


@dataclass(frozen=True, slots=True)
class Source:
    """Of a contested figure: one source and the value it gives."""

    speaker: str
    value: str
    variant: str
    outlets: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResolvedDiscrepancy:
    """A discrepancy an earlier build published that no longer holds; its anchor stays."""

    id: str
    type: str
    summary: str  # what it said when it held
    reason: str  # why it no longer holds


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
    resolved: tuple[ResolvedDiscrepancy, ...] = ()  # earlier discrepancies that no longer hold
    variants: tuple[Variant, ...] = ()  # most reports, outlets, words first, then earliest
    contested: tuple[Source, ...] = ()  # a figure whose values come from different sources


@dataclass(frozen=True, slots=True)
class RetiredClaim:
    """A claim id an earlier build published that is no longer a claim of its own (id ledger)."""

    id: str
    story: str
    kind: str
    title: str
    state: Literal["merged", "gone"]
    url: str  # its old address, which keeps answering
    into: str | None  # merged: the address of the claim that carries it now
    last_seen: str | None  # ISO date of the newest article of the last build that had it
    reason: str
    discrepancies: tuple[ResolvedDiscrepancy, ...] = ()


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything one build knows: the result of ingest, extraction and alignment."""

    stories: tuple[Story, ...]
    articles: tuple[Article, ...]
    mentions: tuple[Mention, ...]
    claims: tuple[Claim, ...]
    warnings: tuple[Warning_, ...] = field(default=())
    retired: tuple[RetiredClaim, ...] = ()  # ids of earlier builds that are not claims now
