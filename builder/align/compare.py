"""Compare the versions of one claim: normalise quotations, diff words, judge agree/differ.

It also holds the small building blocks the aligners (``align``, ``figures``,
``dates``) share: a union-find, claim parts, min-hash anchors, titles.

Quotations are compared as word sequences after a normalisation that removes what
outlets change without changing what was said: Unicode form (NFKC), quotation marks
and apostrophes, dashes, punctuation, case, number style ("two million" = "2
million"), bracketed editorial insertions ("He (the minister) wants") and ellipses
(a cut, not a change), and British or US spelling ("neighbours" = "neighbors").
Versions that normalise alike are one variant (``variants``); ``discrepancies``
compares the variants, and ``status_of`` judges the claim by what ``counted``
counts: the one definition of a discrepancy every page and the export use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from builder.extract.numbers import parse_number
from builder.ids import digest, slugify
from builder.models import ClaimStatus, Discrepancy, Mention, WordDiff
from builder.patterns.align import (
    AMPERSAND,
    APOSTROPHES,
    BRACKETED,
    BRACKETED_WORD,
    CENSORED,
    CONTRACTION,
    DOTTED_ABBREVIATION,
    NAME_TYPO_MIN_LETTERS,
    ROUNDED_AMOUNT,
    RETOLD_MAX_SHARE,
    ROUNDING_MIN_DIGITS,
    DASHES,
    ELLIPSIS,
    NUMBER_ARTICLES,
    NUMBER_JOINERS,
    SPELLING_RULES,
    SPELLING_WORDS,
    UNCENSORED,
    VALUE_TOLERANCE,
    WORD,
)

_DOUBLE_QUOTES = re.compile(r"[\"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]")
_GLUED = ("'", "n't")  # tokens written without a space before them


@dataclass(frozen=True, slots=True)
class Words:
    """A quotation as normalised words (for matching) and as written (for display)."""

    norm: tuple[str, ...]
    surface: tuple[str, ...]
    punct: tuple[str, ...]  # punctuation written after each word, marks normalised
    cuts: frozenset[int] = frozenset()  # i: an ellipsis stands just before word i

    def __len__(self) -> int:
        return len(self.norm)

    def __add__(self, other: Words) -> Words:
        """Two parts of a split quotation read as one utterance, with a cut between them:
        words an outlet leaves out where it breaks the quotation are not a change."""
        shift = len(self.norm)
        return Words(self.norm + other.norm, self.surface + other.surface,
                     self.punct + other.punct,
                     self.cuts | {shift} | {i + shift for i in other.cuts})

    @property
    def key(self) -> str:
        return " ".join(self.norm)


@lru_cache(maxsize=4096)
def _number_token(word: str) -> bool:
    """A word that can be part of a number: digits, "two", "hundred", "million", "half"."""
    return parse_number(word) is not None


def _number_text(value: float) -> str:
    return str(int(value)) if value == int(value) else repr(value)


def _joins(norm: Sequence[str], j: int) -> bool:
    """``norm[j]`` is a joiner and more number words follow: "and a half", "a million"."""
    k = j
    while k < len(norm) and norm[k] in NUMBER_JOINERS:
        k += 1
    return j < k < len(norm) and _number_token(norm[k])


def _merge_numbers(norm: list[str], surface: list[str], punct: list[str]) -> None:
    """Rewrite runs of number words and digits as one token holding the value, in place.

    The value comes from the project's number normaliser (``parse_number``), so "two
    million", "2 million" and "2,000,000" all read "2000000"; "a"/"an"/"and" stay
    inside a run only between number words ("two hundred and fifty", "a million").
    """
    i = 0
    while i < len(norm):
        if not (_number_token(norm[i]) or norm[i] in NUMBER_ARTICLES and _joins(norm, i)):
            i += 1
            continue
        j = i + 1
        while j < len(norm) and (_number_token(norm[j]) or _joins(norm, j)):
            j += 1
        value = None
        while j > i and value is None:  # the longest run that reads as one number
            value = None if norm[j - 1] in NUMBER_JOINERS else parse_number(" ".join(norm[i:j]))
            j -= value is None
        if value is not None:
            norm[i:j] = [_number_text(value)]
            surface[i:j] = [" ".join(surface[i:j])]
            punct[i:j] = [punct[j - 1]]
        i += 1


@lru_cache(maxsize=1 << 14)
def us_spelling(word: str) -> str:
    """A lower-case word in its US spelling, for matching only: "neighbours" -> "neighbors"."""
    if word in SPELLING_WORDS:
        return SPELLING_WORDS[word]
    for pattern, replacement in SPELLING_RULES:
        folded, n = pattern.subn(replacement, word)
        if n:
            return folded
    return word


def _segment_words(segment: str) -> tuple[list[str], list[str], list[str]]:
    """Normalised words, surface words and following punctuation of one uncut stretch."""
    norm: list[str] = []
    surface: list[str] = []
    punct: list[str] = []
    matches = list(WORD.finditer(segment))
    for k, m in enumerate(matches):
        word = m.group()
        after = segment[m.end(): matches[k + 1].start() if k + 1 < len(matches) else len(segment)]
        if word.endswith(".") and "." not in word[:-1]:
            word, after = word[:-1], "." + after
        after = re.sub(r"\s+", "", DASHES.sub("-", after))
        low = word.lower()
        if DOTTED_ABBREVIATION.fullmatch(low):
            low = low.replace(".", "")  # "F.B.I." = "FBI": punctuation, not another word
        censored = CENSORED.fullmatch(low)
        if censored:
            low = _uncensor(censored)  # "f***ing" is matched as the word it hides, shown as written
        split = CONTRACTION.match(low)
        if split:
            head, tail = split.groups()
            cut = len(head)
            norm += [us_spelling(head), tail]
            surface += [word[:cut], word[cut:]]
            punct += ["", after]
        else:
            norm.append(us_spelling(low))
            surface.append(word)
            punct.append(after)
    _merge_numbers(norm, surface, punct)
    return norm, surface, punct


def _uncensor(m: re.Match[str]) -> str:
    """ "f***ing" -> "fucking": the listed word of that first letter, ending and length."""
    first, stars, rest = m.groups()
    size = len(first) + len(stars) + len(rest)
    return next((w for w in UNCENSORED if w[0] == first.lower() and w.endswith(rest.lower()) and len(w) == size),
                m.group())


@lru_cache(maxsize=1 << 16)
def normalise_quote(text: str) -> Words:
    """The words of a quotation, normalised for matching; an ellipsis becomes a cut.

    >>> normalise_quote("He (the minister) wants two million…").norm
    ('he', 'wants', '2000000')
    """
    text = unicodedata.normalize("NFKC", text)
    for mark in APOSTROPHES:
        text = text.replace(mark, "'")
    text = _DOUBLE_QUOTES.sub(" ", BRACKETED.sub("", BRACKETED_WORD.sub(r"\1", text)))
    text = DASHES.sub(lambda m: " - ", text)
    text = AMPERSAND.sub(" and ", text)
    norm: list[str] = []
    surface: list[str] = []
    punct: list[str] = []
    cuts: set[int] = set()
    for k, segment in enumerate(ELLIPSIS.split(text)):
        if k and norm:
            cuts.add(len(norm))
        n, s, p = _segment_words(segment)
        norm += n
        surface += s
        punct += p
    return Words(tuple(norm), tuple(surface), tuple(punct), frozenset(cuts))


def words_text(surface: Sequence[str]) -> str:
    """Surface words joined for display, contraction endings glued: "I'd", "don't"."""
    out = ""
    for w in surface:
        glue = w.startswith(_GLUED) or w.lower() == "n't"
        out += w if glue or not out else " " + w
    return out


# --- locating a short quotation inside a longer one --------------------------------

_MATCH, _MISMATCH, _GAP_SHORT, _GAP_LONG = 2.0, -1.0, -1.0, -1.5


def locate(short: Sequence[str], long: Sequence[str]) -> tuple[int, int, int]:
    """Where ``short`` best lines up inside ``long``: (start, end, words matched).

    A semi-global alignment: every word of ``short`` is aligned (to a word, a change
    or a gap) while ``long`` may be cut freely at both ends. Skipping words of the
    longer quotation costs more than a changed word, so the passage found is compact.
    """
    n, m = len(short), len(long)
    if not n or not m:
        return 0, 0, 0
    # score[j], start[j], hits[j]: best alignment of short[:i] ending at long[:j]
    score = [0.0] * (m + 1)
    start = list(range(m + 1))
    hits = [0] * (m + 1)
    for i in range(1, n + 1):
        s_i = short[i - 1]
        prev_score, prev_start, prev_hits = score, start, hits
        score = [prev_score[0] + _GAP_SHORT] + [0.0] * m
        start = [0] + [0] * m
        hits = [0] * (m + 1)
        for j in range(1, m + 1):
            same = s_i == long[j - 1]
            best = prev_score[j - 1] + (_MATCH if same else _MISMATCH)
            b_start, b_hits = prev_start[j - 1], prev_hits[j - 1] + same
            up = prev_score[j] + _GAP_SHORT
            if up > best:
                best, b_start, b_hits = up, prev_start[j], prev_hits[j]
            left = score[j - 1] + _GAP_LONG
            if left > best:
                best, b_start, b_hits = left, start[j - 1], hits[j - 1]
            score[j], start[j], hits[j] = best, b_start, b_hits
    end = max(range(m + 1), key=lambda j: (score[j], -j))
    return start[end], end, hits[end]


# --- word-level diff ---------------------------------------------------------------


_SENTENCE_END = re.compile(r"[.!?;:]")


def _cut(w: Words, a: int, b: int) -> Words:
    return Words(w.norm[a:b], w.surface[a:b], w.punct[a:b],
                 frozenset(i - a for i in w.cuts if a < i < b))


def passage(short: Words, long: Words) -> tuple[int, int]:
    """The passage of ``long`` that reports ``short``: located, then widened over words
    that replace unmatched words at the short version's ends ("are emerging" →
    "arise"), but never across the end of a sentence or an ellipsis."""
    a, b, _ = locate(short.norm, long.norm)
    ops = SequenceMatcher(None, short.norm, long.norm[a:b], autojunk=False).get_opcodes()
    if ops and ops[0][0] == "replace" and (cut := next((c for c in sorted(long.cuts) if a < c <= a + ops[0][4]),
                                                        None)) is not None:
        a = cut  # the words before an ellipsis are another passage, not other words for these
        ops = SequenceMatcher(None, short.norm, long.norm[a:b], autojunk=False).get_opcodes()
    lead = ops[0][2] - ops[0][1] if ops and ops[0][0] == "delete" else 0
    trail = ops[-1][2] - ops[-1][1] if ops and ops[-1][0] == "delete" else 0
    while trail and b < len(long) and b not in long.cuts and not _SENTENCE_END.search(long.punct[b - 1]):
        b, trail = b + 1, trail - 1
    while lead and a > 0 and a not in long.cuts and not _SENTENCE_END.search(long.punct[a - 1]):
        a, lead = a - 1, lead - 1
    return a, b


def excerpt(short: Words, long: Words) -> Words:
    """The passage of ``long`` that reports ``short`` (partial quoting), as its own words."""
    return _cut(long, *passage(short, long))


def _window(ref: Words, other: Words) -> tuple[Words, Words]:
    """The passages of two versions that report the same words (partial quoting)."""
    if len(other) > len(ref):
        return ref, _cut(other, *passage(ref, other))
    if len(ref) > len(other):
        return _cut(ref, *passage(other, ref)), other
    return ref, other


def changed_words(ref: Words, other: Words) -> tuple[frozenset[int], frozenset[int]]:
    """Indices of the words of ``ref`` and of ``other`` that ``word_diff`` reports as
    changed: the same window (partial quoting), cuts and trimmed ends left out."""
    ra, rb, oa, ob = 0, len(ref), 0, len(other)
    if len(other) > len(ref):
        oa, ob = passage(ref, other)
    elif len(ref) > len(other):
        ra, rb = passage(other, ref)
    ops = [op for op in SequenceMatcher(None, ref.norm[ra:rb], other.norm[oa:ob], autojunk=False).get_opcodes()
           if not (op[0] in ("insert", "delete") and (op[1] + ra in ref.cuts or op[3] + oa in other.cuts))]
    while ops and ops[0][0] in ("insert", "delete"):
        ops.pop(0)
    while ops and ops[-1][0] in ("insert", "delete"):
        ops.pop()
    in_ref = {ra + i for tag, i1, i2, _, _ in ops if tag != "equal" for i in range(i1, i2)}
    in_other = {oa + j for tag, _, _, j1, j2 in ops if tag != "equal" for j in range(j1, j2)}
    return frozenset(in_ref), frozenset(in_other)


def word_spans(text: str, words: Words) -> list[tuple[int, int]] | None:
    """Where each surface word of ``words`` (``normalise_quote(text)``) stands in ``text``;
    None where one cannot be found (the text was normalised beyond recognition)."""
    plain = text
    for mark in APOSTROPHES:
        plain = plain.replace(mark, "'")
    spans, pos = [], 0
    for word in words.surface:
        at = plain.find(word, pos)
        if at < 0:
            return None
        spans.append((at, at + len(word)))
        pos = at + len(word)
    return spans


def word_diff(ref: Words, other: Words) -> tuple[WordDiff, ...]:
    """Word operations turning the reference version into the other one.

    Only the passage both report is compared: words one version quotes beyond the
    other (trimming, partial quoting) are not part of the diff.
    """
    ref, other = _window(ref, other)
    ops = SequenceMatcher(None, ref.norm, other.norm, autojunk=False).get_opcodes()
    out: list[WordDiff] = []
    for tag, i1, i2, j1, j2 in ops:
        a, b = words_text(ref.surface[i1:i2]), words_text(other.surface[j1:j2])
        if tag in ("insert", "delete") and (i1 in ref.cuts or j1 in other.cuts):
            continue  # words left out at an ellipsis are a cut, not a change
        out.append(WordDiff(op=tag, a=a, b=b))  # type: ignore[arg-type]
    while out and out[0].op in ("insert", "delete"):
        out.pop(0)
    while out and out[-1].op in ("insert", "delete"):
        out.pop()
    return tuple(_glue_contractions(out))


def _glue_contractions(ops: list[WordDiff]) -> list[WordDiff]:
    """Show "I better → I'd rather" rather than "better → 'd rather"."""
    def join(word: str, words: str) -> str:
        return word + words if words.startswith(_GLUED) else f"{word} {words}".strip()

    out: list[WordDiff] = []
    for op in ops:
        glued = op.op != "equal" and (op.a.startswith(_GLUED) or op.b.startswith(_GLUED))
        if glued and out and out[-1].op == "equal":
            *rest, last = out.pop().a.split(" ")
            if rest:
                out.append(WordDiff("equal", " ".join(rest), " ".join(rest)))
            op = WordDiff("replace", join(last, op.a), join(last, op.b))
        out.append(op)
    return out


def punctuation_differs(ref: Words, other: Words) -> bool:
    """True where the words are the same but written with other punctuation inside."""
    ref, other = _window(ref, other)
    if ref.norm != other.norm:
        return False
    inner = range(len(ref.norm) - 1)  # the punctuation after the last word is the quoting's own
    return any(ref.punct[i].strip("'") != other.punct[i].strip("'") for i in inner)


def diff_summary(ops: Sequence[WordDiff]) -> str:
    """ "devastating for → so bad in; “or” added" """
    parts = []
    for op in ops:
        if op.op == "replace":
            parts.append(f"{op.a} \u2192 {op.b}")
        elif op.op == "delete":
            parts.append(f"\u201c{op.a}\u201d left out")
        elif op.op == "insert":
            parts.append(f"\u201c{op.b}\u201d added")
    return "; ".join(parts)


def slug_id(kind: str, *parts: str) -> str:
    """A discrepancy id: its type and the differing content, readable and bounded."""
    text = " ".join(p for p in parts if p)
    slug = slugify(text, max_words=10, max_length=50) if text else ""
    if not slug or slug.startswith("x-"):
        return f"{kind}-{digest(kind, text, length=6)}"
    return f"{kind}-{slug}"


# --- judging a quotation -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Version:
    """One report of a quotation: the mention(s) holding it (a split quote has several)."""

    mentions: tuple[str, ...]
    words: Words
    speaker: str | None
    outlet: str
    article: str = ""
    excerpt: bool = False  # ``words`` are the passage of a longer quotation the claim is about


def is_named(speaker: str | None) -> bool:
    """A speaker the article names, not one given only as a description ("an ad", "one
    official"): descriptions are written as found, in lower case."""
    return bool(speaker) and speaker[0].isupper()


def same_speaker(a: str, b: str) -> bool:
    """One name is the other with words added: "Owen Pryce" and "Owen Pryce KC", "Pryce"."""
    wa, wb = set(a.lower().replace(".", "").split()), set(b.lower().replace(".", "").split())
    if len(wa) == len(wb) > 1 and len(wa ^ wb) == 2:  # "Mariela Quintero" / "Mariella Quintero": a typo
        x, y = sorted(wa ^ wb)
        return min(len(x), len(y)) >= NAME_TYPO_MIN_LETTERS and Levenshtein.distance(x, y) <= 1
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


# --- judging figures and dates ---------------------------------------------------------


def same_value(a: Mention, b: Mention) -> bool:
    """Two figures state the same number (ranges: the same range)."""
    def close(x: float | None, y: float | None) -> bool:
        if x is None or y is None:
            return x is y
        return abs(x - y) <= VALUE_TOLERANCE * max(abs(x), abs(y))
    return close(a.value, b.value) and close(a.low, b.low) and close(a.high, b.high)


def format_value(m: Mention) -> str:
    """ "45,100", "150–200", "2.5" """
    def fmt(x: float) -> str:
        return f"{int(x):,}" if x == int(x) else f"{x:,.2f}".rstrip("0").rstrip(".")
    if m.low is not None and m.high is not None:
        return f"{fmt(m.low)}\u2013{fmt(m.high)}"
    return fmt(m.value) if m.value is not None else m.text


def rounds_to(short: Mention, full: Mention) -> bool:
    """``short`` is ``full`` rounded to its own digits, keeping at least two, and written
    with a scale as reporters round: "$1.4 billion" and "$1.375 billion" (not "$300 million"
    and "$342 million", nor a count "4,500 votes" against "4,512 votes")."""
    if short.value is None or full.value is None or short.low is not None or full.low is not None \
            or not ROUNDED_AMOUNT.search(short.text):
        return False
    digits = len(f"{abs(short.value):.5e}".split("e")[0].replace(".", "").rstrip("0"))
    if digits < ROUNDING_MIN_DIGITS or short.value == full.value:
        return False
    return float(f"{full.value:.{digits}g}") == short.value


def retold(a: Mention, b: Mention) -> bool:
    """One value is the other rounded to its own digits, and they lie within
    ``RETOLD_MAX_SHARE`` of each other: "$500 million" retelling "$512 million" is one figure
    told roughly, not two sources' estimates (a crowd of 300 against 340 is)."""
    if a.value is None or b.value is None or a.low is not None or b.low is not None or a.value == b.value:
        return False
    short, full = sorted((a.value, b.value), key=lambda v: (_significant(v), v))
    return abs(short - full) <= RETOLD_MAX_SHARE * abs(full) and \
        float(f"{full:.{_significant(short)}g}") == short


def _significant(value: float) -> int:
    """Significant digits: "512" -> 3, "500" -> 1."""
    return len(f"{abs(value):.5e}".split("e")[0].replace(".", "").rstrip("0")) if value else 1


def dates_compatible(a: str | None, b: str | None) -> bool:
    """ISO dates that can name the same day: "2022-02" and "2022-02-24" can, at month precision."""
    if a is None or b is None:
        return a == b
    short, long = sorted((a, b), key=len)
    return long.startswith(short)


def counted(d: Discrepancy) -> bool:
    """The one definition every page, the summary line and the export count by: a
    difference between outlets that is neither minor nor an omission."""
    return not d.minor and d.type != "omission"


def status_of(articles: int, discrepancies: Sequence[Discrepancy], contested: bool = False
              ) -> ClaimStatus:
    """single: one article; differ: a counted discrepancy; contested: a figure whose values
    come from different sources (and no counted discrepancy); agree: the rest."""
    if articles < 2:
        return "single"
    if any(counted(d) for d in discrepancies):
        return "differ"
    return "contested" if contested else "agree"


# --- building blocks shared by the aligners ------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimParts:
    """What a claim's kind decides about it: id, title, discrepancies and speaker."""

    id: str
    title: str
    discrepancies: tuple[Discrepancy, ...]
    speaker: str | None = None
    versions: tuple[Version, ...] = ()  # quotations: one per report, judged by ``discrepancies``


class Clusters:
    """Union-find over mention ids, with each root's member list."""

    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}
        self.members = {i: [i] for i in self.parent}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: str, b: str) -> str:
        ra, rb = sorted((self.find(a), self.find(b)))
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra] += self.members.pop(rb)
        return ra


def min_hash(items: Iterable[str]) -> str:
    """The item with the smallest digest: an anchor that repeating items cannot change."""
    return min(items, key=lambda s: (digest(s), s), default="")


def majority(values: Iterable[str | None]) -> str | None:
    """The most common non-empty value; ties go to the alphabetically first."""
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None

