"""Align dated events across a story's articles: the same happening named by its date.

``date_groups`` reads every date mention with its sentence and groups them in two steps:

1. Context. Dates whose sentences talk about the same thing (the idf-weighted share of
   content-word stems they have in common: "invaded" = "invasion") join when their
   dates allow it: equal or compatible ("2022-02" with "2022-02-24") at
   ``SAME_EVENT_SIMILARITY``; incompatible only at ``CONFLICTING_EVENT_SIMILARITY`` (one
   event reported with two dates: a ``date`` discrepancy); unresolved only with the very
   same words.
2. Day. A story spans a few days, and two outlets naming the same full day almost
   always mean the same happening ("Friday" in one, "Feb. 7" in another). So for each
   day the context groups that name it in different articles join into one claim,
   whatever their words, best match first (the largest group so built is the day's
   claim). A group from an article already in that claim joins only when its
   sentence matches the claim too: an article can name one day for two things, and
   the other one stays a claim of its own (or joins others by context, step 1).

Ids. The day claim of a story is ``d-<day>``: there is one per day, so adding an
article cannot change it. Any other claim is ``d-<most precise date>-<anchor>-<digest>``,
the anchor the min-hash stem among the stems all its sentences share.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from builder.align.compare import ClaimParts, Clusters, dates_compatible, min_hash
from builder.align.titles import date_title
from builder.ids import digest, slugify
from builder.models import Mention
from builder.patterns.align import (
    CONFLICTING_EVENT_SIMILARITY,
    DATE_WORDS,
    EVENT_STOP_WORDS,
    SAME_EVENT_SIMILARITY,
    STEM_ENDINGS,
    STEM_MIN_LENGTH,
    STOP_WORDS,
    WORD_FORMS,
)

_FULL_DAY = len("2025-02-07")


@dataclass(frozen=True, slots=True)
class DateGroup:
    """The mentions of one dated event, by article then place."""

    mentions: tuple[Mention, ...]
    event: frozenset[str]  # the stems all its sentences share (all their stems if none is shared)
    day: str | None = None  # set on the story's one claim of this full day (step 2)


def stem(word: str) -> str:
    """A word with its inflection or derivation folded: "invaded", "invasion" -> "invad".

    >>> [stem(w) for w in ("signed", "signing", "signs", "occupied", "occupation")]
    ['sign', 'sign', 'sign', 'occupy', 'occupy']
    """
    word = WORD_FORMS.get(word, word)
    for ending, replacement in STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= STEM_MIN_LENGTH and not (
                ending == "s" and word.endswith("ss")):
            word = word[: len(word) - len(ending)] + replacement
            break
    if word.endswith("e") and len(word) > STEM_MIN_LENGTH:
        word = word[:-1]
    return word


def event_words(text: str) -> frozenset[str]:
    """The stems of a sentence's content words: no stop words, no words naming a date."""
    out = set()
    for w in re.findall(r"[a-z]+", text.lower()):
        if len(w) >= 3 and w not in STOP_WORDS and w not in DATE_WORDS and w not in EVENT_STOP_WORDS:
            out.add(stem(w))
    return frozenset(out)


def _sentence(m: Mention, body: str) -> tuple[int, int]:
    if m.context_end > m.context_start:
        return m.context_start, m.context_end
    return max(0, m.start - 150), min(len(body), m.end + 150)


def _context(m: Mention, body: str) -> str:
    """The sentence a date is in, without the date expression itself."""
    start, end = _sentence(m, body)
    text = body[start:end]
    cut_start, cut_end = m.start - start, m.end - start
    if 0 <= cut_start <= cut_end <= len(text):
        text = text[:cut_start] + " " + text[cut_end:]
    return text


def _full_day(m: Mention) -> str | None:
    return m.date if m.date and len(m.date) == _FULL_DAY else None


class _Sentences:
    """Each date's sentence as event words, with idf-weighted similarity between two."""

    def __init__(self, dates: Sequence[Mention], body_of: Mapping[str, str]) -> None:
        self.words = {m.id: event_words(_context(m, body_of.get(m.article, ""))) for m in dates}
        df = Counter(w for ws in self.words.values() for w in ws)
        self.idf = {w: math.log(1 + len(dates) / n) for w, n in df.items()}
        self._cache: dict[tuple[str, str], float] = {}

    def similarity(self, a: str, b: str) -> float:
        """The idf-weighted share of event words two sentences have in common (0..1)."""
        key = (a, b) if a < b else (b, a)
        if key not in self._cache:
            wa, wb = self.words[a], self.words[b]
            union = sum(self.idf[w] for w in wa | wb)
            self._cache[key] = sum(self.idf[w] for w in wa & wb) / union if union else 0.0
        return self._cache[key]


def _context_allows(a: Mention, b: Mention, sim: float) -> bool:
    """Step 1: may these two dates be one event, given how alike their sentences are?"""
    if a.date is None or b.date is None:
        return (a.date is None and b.date is None and a.text.lower() == b.text.lower()
                and sim >= SAME_EVENT_SIMILARITY)
    if dates_compatible(a.date, b.date):
        return sim >= SAME_EVENT_SIMILARITY
    return sim >= CONFLICTING_EVENT_SIMILARITY


def _same_day_elsewhere(a: Mention, b: Mention) -> bool:
    """Step 2's evidence: the same full day, named in two articles."""
    return a.article != b.article and _full_day(a) is not None and a.date == b.date


def date_groups(dates: Sequence[Mention], body_of: Mapping[str, str]) -> list[DateGroup]:
    """Group a story's date mentions into dated events (steps 1 and 2 of the module doc)."""
    s = _Sentences(dates, body_of)
    by_id = {m.id: m for m in dates}
    clusters = Clusters(by_id)
    # 1. context: the strongest pairs first; a union needs every pair of the two groups fit
    postings: dict[str, list[str]] = {}
    for m in dates:
        for w in s.words[m.id]:
            postings.setdefault(w, []).append(m.id)
    edges = []
    for a in sorted(s.words):
        for b in sorted({b for w in s.words[a] for b in postings[w] if b > a}):
            sim = s.similarity(a, b)
            if _context_allows(by_id[a], by_id[b], sim):
                edges.append((sim, a, b))

    def fits(x: Mention, y: Mention) -> bool:
        sim = s.similarity(x.id, y.id)
        return (_context_allows(x, y, sim) or _same_day_elsewhere(x, y)
                or sim >= SAME_EVENT_SIMILARITY / 2 and dates_compatible(x.date, y.date))

    for _, a, b in sorted(edges, key=lambda e: (-e[0], e[1], e[2])):
        ra, rb = clusters.find(a), clusters.find(b)
        if ra != rb and all(fits(by_id[x], by_id[y])
                            for x in clusters.members[ra] for y in clusters.members[rb]):
            clusters.union(a, b)
    # 2. day
    day_of = _join_days(clusters, by_id, s)
    groups = []
    for root, ids in sorted(clusters.members.items()):
        ms = tuple(sorted((by_id[i] for i in ids), key=lambda m: (m.article, m.start, m.id)))
        shared = frozenset.intersection(*(s.words[m.id] for m in ms))
        groups.append(DateGroup(ms, shared or frozenset.union(*(s.words[m.id] for m in ms)),
                                day_of.get(root)))
    return groups


def _join_days(clusters: Clusters, by_id: Mapping[str, Mention], s: _Sentences) -> dict[str, str]:
    """Step 2: per full day, one claim of the context groups naming it; root -> its day.

    The groups of a day are joined best match first, two at a time, where they share no
    article, or where each date of a shared article matches a date of the other group at
    ``SAME_EVENT_SIMILARITY``. Of what that builds, the group spanning most articles
    (then most dates, then the strongest match) becomes the day's claim; the rest stay
    the context groups they were.
    """
    def content_key(ids: Sequence[str]) -> tuple[str, str]:
        return min(" ".join(sorted(s.words[i])) for i in ids), min(ids)

    by_day: dict[str, list[str]] = {}
    for root, ids in clusters.members.items():
        days = Counter(d for d in (_full_day(by_id[i]) for i in ids) if d)
        if days:
            by_day.setdefault(min(days, key=lambda d: (-days[d], d)), []).append(root)
    day_of: dict[str, str] = {}
    for day, roots in sorted(by_day.items()):
        joins = Clusters(roots)
        ids = {r: list(clusters.members[r]) for r in roots}
        strongest = {r: 0.0 for r in roots}

        def may_join(a: str, b: str) -> bool:
            mine = {by_id[i].article for i in ids[a]}
            return all(max(s.similarity(x, y) for y in ids[a]) >= SAME_EVENT_SIMILARITY
                       for x in ids[b] if by_id[x].article in mine)

        pairs = sorted(((max(s.similarity(x, y) for x in ids[a] for y in ids[b]), a, b)
                        for k, a in enumerate(roots) for b in roots[k + 1:]),
                       key=lambda p: (-p[0], p[1], p[2]))
        for sim, a, b in pairs:
            ra, rb = joins.find(a), joins.find(b)
            if ra != rb and may_join(ra, rb):
                root = joins.union(ra, rb)
                ids[root] = ids.pop(rb if root == ra else ra) + ids[root]
                strongest[root] = max(strongest[ra], strongest[rb], sim)
        best = min(joins.members, key=lambda r: (-len({by_id[i].article for i in ids[r]}),
                                                 -len(ids[r]), -strongest[r], content_key(ids[r])))
        members = joins.members[best]
        for r in members[1:]:
            clusters.union(members[0], r)
        day_of[clusters.find(members[0])] = day
    return day_of


def date_claim_parts(g: DateGroup, outlet_of: Mapping[str, str], body_of: Mapping[str, str]
                     ) -> ClaimParts:
    """Id, title ("Dockers walked out of the terminal: 7 Feb 2025", ``titles.date_title``)
    and discrepancies."""
    dates = g.mentions
    precise = g.day or max((m.date for m in dates if m.date), key=lambda d: (len(d), d),
                           default=None)
    if g.day:
        ident = f"d-{g.day}"
    else:
        event = min_hash(g.event)
        ident = f"d-{precise or 'undated'}-{slugify(event) if event else 'event'}-" \
                f"{digest(precise, event, length=6)}"
    ref = min(dates, key=lambda m: (m.date != precise, -(len(m.date or "")), m.article, m.start))
    title = date_title(ref, body_of.get(ref.article, ""), precise)
    return ClaimParts(ident, title, ())  # discrepancies: ``discrepancies.judge``
