"""One context object per page kind: everything a template shows, computed in Python.

Templates only lay these out. Every field carries ``help`` text (a test checks),
so a template author can read what each value means without reading the builder.
All strings are plain text (data); the templates escape them, except
``ClaimContext.json_ld`` which is escaped for a ``<script>`` element here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def doc(help: str) -> Any:
    """A dataclass field with help text (and no default)."""
    return field(metadata={"help": help})


# --- small parts shared by several pages -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Link:
    text: str = doc("the words of the link")
    href: str = doc("relative address, or an absolute http(s) url")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of text, marked as inserted, deleted or unchanged in a word diff."""

    op: str = doc("'equal', 'ins' or 'del' (a variant's words: also 'ref', words other variants change)")
    text: str = doc("the words")


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page stands in a list that takes several pages."""

    number: int = doc("this page's number, from 1")
    pages: tuple[Link, ...] = doc("every page of the list, by number (the current one too)")

    @property
    def previous(self) -> Link | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> Link | None:
        return self.pages[self.number] if self.number < len(self.pages) else None


ONE_PAGE = Pager(1, ())


def pager_field() -> Any:
    return field(default=ONE_PAGE, metadata={"help": "this page among the pages of its list "
                                                      "(no pages: the list fits on one)"})


@dataclass(frozen=True, slots=True)
class StorySummary:
    title: str = doc("the story's title")
    href: str = doc("link to the story page")
    outlets: tuple[str, ...] = doc("names of the outlets that cover the story, sorted")
    dates: str = doc("first and last publication dates, e.g. '2025-02-08 – 2025-02-09'")
    articles: int = doc("number of articles")
    claims: int = doc("number of claims")
    discrepancies: int = doc("number of counted discrepancies (not minor, not omissions)")


@dataclass(frozen=True, slots=True)
class ClaimRef:
    """A claim named in a list, with its status in words and symbol."""

    title: str = doc("the claim's title")
    href: str = doc("link to the claim page (or an anchor on it)")
    kind: str = doc("'Quotation', 'Figure' or 'Date'")
    status: str = doc("status code: 'agree', 'differ' or 'single'")
    status_label: str = doc("the status in words")
    note: str = doc("a short extra line, e.g. a discrepancy summary; may be empty")


# --- home, stories index -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HomeContext:
    title: str = doc("the site's heading")
    stories: tuple[StorySummary, ...] = doc("the newest stories, newest first")
    more: Link | None = doc("link to the list of every story, where there are more than shown")
    downloads: tuple[Link, ...] = doc("the data downloads (JSON, CSV)")
    data_page: str = doc("link to the page that describes the downloads")
    totals: str = doc("one line with the totals of stories, articles and claims")


@dataclass(frozen=True, slots=True)
class StoriesContext:
    title: str = doc("page heading")
    stories: tuple[StorySummary, ...] = doc("the stories of this page, newest first")
    pager: Pager = pager_field()


# --- story ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    outlet: str = doc("the outlet of the column (shown as a label where cells stack)")
    code: str = doc("'same', 'differs' (its own variant differs from the most common one), "
                    "'both' (it prints both), 'source' (a contested figure), 'only' or 'absent' "
                    "(a css class)")
    symbol: str = doc("a one-character symbol for the code")
    label: str = doc("the code in words (always shown next to the symbol)")
    href: str = doc("link to the outlet's version on the claim page; empty where absent")
    wire: str = doc("'Reuters copy' where the outlet ran a wire copy that others ran too; "
                    "else empty")
    variant: str = doc("the letter of the variant the outlet prints, as on the claim page ('A' "
                       "the most common, 'A/B' where it prints two); empty where the claim has "
                       "one variant or the outlet lacks it")


@dataclass(frozen=True, slots=True)
class MatrixRow:
    title: str = doc("the claim's title")
    href: str = doc("link to the claim page")
    kind: str = doc("kind code: quote, figure or date (for the filter)")
    kind_label: str = doc("kind in words")
    status: str = doc("status code (for the filter)")
    status_label: str = doc("status in words")
    speaker: str = doc("speaker name, or empty (for the filter)")
    discrepancies: int = doc("number of counted discrepancies (not minor, not omissions)")
    cells: tuple[Cell, ...] = doc("one cell per outlet, in the order of StoryContext.outlets")
    note: str = doc("how many independent reports the outlets are, where wire copies make "
                    "them fewer ('4 outlets, 2 independent reports: Reuters, run by A, B, C'); "
                    "else empty")


@dataclass(frozen=True, slots=True)
class FigureRow:
    subject: str = doc("what is counted; for a figure with no countable subject (a duration, "
                       "'of them') the claim's title, its own words; or empty")
    value: str = doc("the figure as written, with its qualifier ('around 1,200')")
    whose: str = doc("whose figure it is, or empty")
    outlets: str = doc("the outlets that give this value, comma-separated")
    href: str = doc("link to the claim page")


@dataclass(frozen=True, slots=True)
class TimelineRow:
    date: str = doc("ISO date at its precision, or a word where unknown")
    text: str = doc("the sentence that holds the date in the first outlet")
    outlets: str = doc("the outlets that mention it, comma-separated")
    href: str = doc("link to the claim page")


@dataclass(frozen=True, slots=True)
class ArticleRow:
    outlet: str = doc("outlet name")
    outlet_href: str = doc("link to the outlet page")
    title: str = doc("article title")
    href: str = doc("link to the article page")
    date: str = doc("publication date, or a word where unknown")
    inferred: bool = doc("true where the date was inferred from the story")
    original: str | None = doc("the original's http(s) url, or None")


@dataclass(frozen=True, slots=True)
class FilterOption:
    value: str = doc("the value matched against a row's data attribute")
    label: str = doc("the option in words")


@dataclass(frozen=True, slots=True)
class StoryContext:
    title: str = doc("the story's title")
    summary: str = doc("one sentence: how many outlets, and the most significant discrepancies")
    headlines: tuple[ClaimRef, ...] = doc("the most significant discrepancies (speaker, number, date, "
                                          "then wording), linked to their claims")
    dates: str = doc("first and last publication dates")
    outlets: tuple[Link, ...] = doc("the matrix columns: outlets, each linking to its page")
    rows: tuple[MatrixRow, ...] = doc("claims more than one outlet carries, discrepancies first")
    single_rows: tuple[MatrixRow, ...] = doc("claims one outlet alone carries (shown collapsed, "
                                             "under their own heading), each with the one cell "
                                             "of the outlet that carries it")
    kinds: tuple[FilterOption, ...] = doc("choices of the kind filter")
    statuses: tuple[FilterOption, ...] = doc("choices of the status filter")
    speakers: tuple[FilterOption, ...] = doc("choices of the speaker filter")
    legend: tuple[Cell, ...] = doc("what each matrix symbol means")
    figures: tuple[FigureRow, ...] = doc("the figures table")
    timeline: tuple[TimelineRow, ...] = doc("dated events, sorted by date")
    articles: tuple[ArticleRow, ...] = doc("the story's articles, by date and outlet")


# --- claim ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Passage:
    """One sentence of an article with the claim's words in it highlighted."""

    parts: tuple[Chunk, ...] = doc("the sentence in pieces: op 'mark' for the claim's words, "
                                   "'equal' for the rest")
    href: str = doc("link to this place on the article page")


@dataclass(frozen=True, slots=True)
class SpeakerChain:
    """How a pronoun naming the speaker was resolved: "he" -> "Mr. Okafor", two sentences earlier."""

    written: str = doc("the words naming the speaker where the quotation is ('he', 'the statement')")
    resolved: str = doc("the name they were resolved to, as written where it stands")
    distance: str = doc("where that name stands, in words ('two sentences earlier')")


@dataclass(frozen=True, slots=True)
class Version:
    """One outlet's version of a claim (or one card for the outlets of a wire copy)."""

    anchor: str = doc("id of this version on the claim page")
    outlet: Link = doc("the outlet and its page")
    outlets: tuple[Link, ...] = doc("every outlet of the card: one, or the outlets that ran "
                                    "one wire copy")
    wire: str = doc("'Reuters, run by A, B, C' for a wire copy's card; else empty")
    extra_anchors: tuple[str, ...] = doc("ids of the card's other outlets (wire copies)")
    date: str = doc("publication date, or a word where unknown")
    inferred: bool = doc("true where the date was inferred from the story")
    passages: tuple[Passage, ...] = doc("the sentences holding the claim, in article order")
    speaker: Link | None = doc("who is quoted (or whose figure), linking to the speaker page")
    cue: str = doc("the attribution cue as written ('said', ':'), or empty")
    how_found: str = doc("how the speaker was found, in words, or empty")
    speaker_chain: SpeakerChain | None = doc("for a pronoun speaker: what it was resolved to, or None")
    article: Link = doc("the article title, linking to this place on the article page")
    original: str | None = doc("the original article's url with a text fragment, or None")


@dataclass(frozen=True, slots=True)
class SideRow:
    """One side of a discrepancy: its words (or value, date, speaker) and who printed it."""

    text: str = doc("the side's words, value, date or speaker")
    outlets: tuple[Link, ...] = doc("the outlets on this side, each linking to its page")
    href: str = doc("link to the side's variant on this page, or empty")
    reference: bool = doc("true for the first side where more outlets print it than any other")


@dataclass(frozen=True, slots=True)
class DiscrepancySection:
    id: str = doc("the permanent anchor (discrepancy id)")
    href: str = doc("'#' + the anchor, for the permalink icon")
    label: str = doc("the type in words")
    summary: str = doc("one-line summary from the comparison")
    minor: bool = doc("shown, not counted")
    minor_label: str = doc("why it is minor, in words ('minor: punctuation only'); else empty")
    sides: tuple[SideRow, ...] = doc("who printed what, the most common side first")
    both_ways: tuple[str, ...] = doc("outlets that print the words both ways")
    left_out_by: tuple[str, ...] = doc("for omissions: the outlets that leave the claim out")
    diff: tuple[Chunk, ...] = doc("word-level changes from the most common variant to the other")


@dataclass(frozen=True, slots=True)
class VariantCard:
    """One variant of a claim: its words and the outlets that print it."""

    id: str = doc("the variant id, the card's anchor")
    letter: str = doc("its letter, A the most common (the story matrix names variants by it)")
    text: str = doc("the variant's words (a figure's value, a date)")
    parts: tuple[Chunk, ...] = doc("the words with the changes marked: 'ins' the words this variant "
                                   "changes, 'ref' (most common variant) the words others change")
    relation: str = doc("relation code to the most common variant (a css class)")
    relation_label: str = doc("the relation in words")
    changes: str = doc("the changed words against the most common variant ('I better → "
                       "I'd rather'); empty for the most common one")
    outlets: tuple[Link, ...] = doc("outlets printing it that ran no shared wire copy")
    wires: tuple[str, ...] = doc("wire copies printing it, each 'Reuters, run by A, B, C'")
    count: str = doc("'3 outlets', with the independent reports where wire copies count once")
    first: str = doc("where and when it first appeared ('2025-02-09, thehill.com')")
    speakers: str = doc("who is credited with it, comma-separated; may be empty")


@dataclass(frozen=True, slots=True)
class SourceRow:
    """Of a contested figure: one source and the value it gives."""

    speaker: str = doc("the source")
    value: str = doc("the value it gives")
    outlets: tuple[Link, ...] = doc("the outlets reporting it")


@dataclass(frozen=True, slots=True)
class ResolvedSection:
    id: str = doc("the anchor an earlier build published it under")
    label: str = doc("its type in words")
    summary: str = doc("what it said when it held")
    reason: str = doc("why it no longer holds")


@dataclass(frozen=True, slots=True)
class ClaimContext:
    title: str = doc("the claim's title")
    summary: str = doc("one sentence: what the outlets do with the claim (builder.render.sentences)")
    story: Link = doc("the story the claim belongs to")
    kind_label: str = doc("kind in words")
    status: str = doc("status code")
    status_label: str = doc("status in words")
    speaker: Link | None = doc("who is quoted, or None")
    count: str = doc("'5 outlets', with the independent reports where wire copies count once")
    variants: tuple[VariantCard, ...] = doc("the variants, most common first (two or more only)")
    contested: tuple[SourceRow, ...] = doc("for a contested figure: who gives which value")
    versions: tuple[Version, ...] = doc("one version per outlet (a wire copy's outlets: one card)")
    discrepancies: tuple[DiscrepancySection, ...] = doc("every discrepancy, major first")
    absent: tuple[Link, ...] = doc("outlets of the story that do not report the claim")
    json_ld: str = doc("schema.org Claim as JSON, already escaped for a <script> element")
    resolved: tuple[ResolvedSection, ...] = doc("earlier discrepancies that no longer hold, anchors kept")


@dataclass(frozen=True, slots=True)
class GoneContext:
    title: str = doc("the title the claim had")
    story: Link = doc("the story it belonged to")
    kind_label: str = doc("its kind in words")
    last_seen: str = doc("the date of the newest article of the last build that had it, in words")
    reason: str = doc("why it is gone")
    discrepancies: tuple[ResolvedSection, ...] = doc("the discrepancies it had, anchors kept")


# --- outlet, speaker, article, discrepancies, data ----------------------------------------


@dataclass(frozen=True, slots=True)
class OutletSummary:
    name: str = doc("outlet name")
    href: str = doc("link to the outlet page")
    articles: int = doc("number of articles")
    claims: int = doc("number of claims it reports")
    alone: int = doc("claims only it reports")
    left_out: int = doc("claims it leaves out that others report")


@dataclass(frozen=True, slots=True)
class OutletsContext:
    title: str = doc("page heading")
    outlets: tuple[OutletSummary, ...] = doc("every outlet, by name")


@dataclass(frozen=True, slots=True)
class OutletContext:
    name: str = doc("outlet name")
    articles: tuple[ArticleRow, ...] = doc("its articles")
    reported: tuple[ClaimRef, ...] = doc("every claim it reports")
    alone: tuple[ClaimRef, ...] = doc("claims only it reports")
    left_out: tuple[ClaimRef, ...] = doc("claims it leaves out (omissions naming it)")
    differs: tuple[ClaimRef, ...] = doc("discrepancies where its own version is on a side other "
                                        "than the most common one, as anchor links")
    pager: Pager = pager_field()


@dataclass(frozen=True, slots=True)
class Quotation:
    text: str = doc("the quotation's words")
    outlet: Link = doc("the outlet")
    date: str = doc("publication date, or a word")
    place: str = doc("link to the quotation on its article page")
    claim: Link | None = doc("the claim it belongs to, or None")


@dataclass(frozen=True, slots=True)
class SpeakerSummary:
    name: str = doc("speaker name")
    href: str = doc("link to the speaker page")
    quotations: int = doc("number of quotations")
    outlets: int = doc("number of outlets quoting them")


@dataclass(frozen=True, slots=True)
class SpeakersContext:
    title: str = doc("page heading")
    speakers: tuple[SpeakerSummary, ...] = doc("the speakers of this page, most quoted first")
    pager: Pager = pager_field()


@dataclass(frozen=True, slots=True)
class SpeakerContext:
    name: str = doc("speaker name")
    quotations: tuple[Quotation, ...] = doc("the speaker's quotations on this page, by story and claim")
    pager: Pager = pager_field()


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of article text; a highlighted mention where ``anchor`` is set."""

    text: str = doc("the words")
    anchor: str = doc("id of the highlight; empty for plain text or a continued highlight")
    kind: str = doc("mention kind code (a css class); empty for plain text")
    title: str = doc("tooltip: kind and speaker; empty for plain text")
    href: str = doc("link to the mention's claim; empty where it has none")
    status: str = doc("the claim's status code where outlets or sources differ on it (differ, "
                      "contested); empty otherwise")
    status_label: str = doc("that status in words (\"Outlets differ\"); empty otherwise")
    tail: str = doc("closing marks after a disputed passage, shown before its status badge")
    extra_anchors: tuple[str, ...] = doc("ids of mentions nested in this one (empty anchors)")


@dataclass(frozen=True, slots=True)
class ArticleContext:
    title: str = doc("article title")
    outlet: Link = doc("the outlet")
    story: Link = doc("the story")
    date: str = doc("publication date, or a word")
    inferred: bool = doc("true where the date was inferred")
    author: str = doc("author, or empty")
    original: str | None = doc("the original's http(s) url, or None")
    paragraphs: tuple[tuple[Segment, ...], ...] = doc("the body, paragraph by paragraph")
    counts: str = doc("how many quotations, figures and dates are highlighted")


@dataclass(frozen=True, slots=True)
class DiscrepancyGroup:
    story: Link = doc("the story")
    items: tuple[ClaimRef, ...] = doc("its discrepancies, each linking to <claim url>#<id>")


@dataclass(frozen=True, slots=True)
class DiscrepanciesContext:
    title: str = doc("page heading")
    groups: tuple[DiscrepancyGroup, ...] = doc("this page's discrepancies, per story")
    total: int = doc("number of counted discrepancies (not minor, not omissions)")
    minor: int = doc("number of minor discrepancies (listed, not counted)")
    omissions: int = doc("number of omissions (listed, not counted)")
    pager: Pager = pager_field()


@dataclass(frozen=True, slots=True)
class DataContext:
    title: str = doc("page heading")
    downloads: tuple[Link, ...] = doc("the files")
    fields: tuple[tuple[str, str], ...] = doc("(field, description) rows")
    schema: Link = doc("the JSON Schema the JSON download follows")
    reuse: tuple[str, ...] = doc("paragraphs: what may be reused, and on what terms")
