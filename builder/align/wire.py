"""Wire copies: articles that carry most of one another's text (one agency story run
by several outlets, lightly edited).

1. each article's text becomes a set of word shingles (``SHINGLE_WORDS`` words);
2. MinHash signatures (``datasketch``) and locality-sensitive hashing find the pairs
   worth comparing, so a story of thousands of articles is not compared pair by pair;
3. a candidate pair is a copy where the exact Jaccard similarity of the two shingle
   sets reaches ``WIRE_MIN_JACCARD``; copies of copies are one group;
4. the group's agency is the one its texts name, a dateline credit ("(Reuters)")
   counting more than the name elsewhere; None where they name none.

The group id comes from the earliest article of the group, so adding a later copy
keeps it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from builder.align.compare import Clusters
from builder.ids import digest
from builder.models import Article, Story, Wire
from builder.patterns.wire import (
    AGENCIES,
    CREDIT,
    NUM_PERM,
    SHINGLE_WORDS,
    WIRE_MIN_JACCARD,
    WIRE_MIN_SHINGLES,
)

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """The text's runs of ``size`` consecutive words, lower-cased."""
    words = _WORD.findall(text.lower())
    return frozenset(" ".join(words[k:k + size]) for k in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    """The LSH bands and rows for the threshold: datasketch finds them by numerical
    integration, a tenth of a second per story if done each time."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=WIRE_MIN_JACCARD, num_perm=NUM_PERM)
    return lsh.b, lsh.r


def copy_groups(articles: Sequence[Article]) -> list[list[Article]]:
    """Groups of two or more articles that are copies of one text, each in article order."""
    from datasketch import MinHash, MinHashLSH

    sets = {a.id: shingles(a.body) for a in articles}
    usable = [a for a in sorted(articles, key=lambda a: a.id) if len(sets[a.id]) >= WIRE_MIN_SHINGLES]
    if len(usable) < 2:
        return []
    lsh = MinHashLSH(threshold=WIRE_MIN_JACCARD, num_perm=NUM_PERM, params=_bands())
    signatures = {}
    for a in usable:
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch([s.encode("utf-8") for s in sorted(sets[a.id])])
        signatures[a.id] = m
        lsh.insert(a.id, m)
    clusters = Clusters(a.id for a in usable)
    for a in usable:
        for other in sorted(lsh.query(signatures[a.id])):
            if other > a.id and jaccard(sets[a.id], sets[other]) >= WIRE_MIN_JACCARD:
                clusters.union(a.id, other)
    by_id = {a.id: a for a in usable}
    groups = [sorted((by_id[i] for i in members), key=lambda a: a.id)
              for members in clusters.members.values() if len(members) > 1]
    return sorted(groups, key=lambda g: g[0].id)


def agency(texts: Sequence[str]) -> str | None:
    """The agency the texts name: credits count three, other mentions one; None if none."""
    score: Counter[str] = Counter()
    for text in texts:
        credits = " ".join(m.group("name") or m.group("lead") or "" for m in CREDIT.finditer(text))
        for name, pattern in AGENCIES:
            if pattern.search(credits):
                score[name] += 3
            elif pattern.search(text):
                score[name] += 1
    return min(score, key=lambda n: (-score[n], n)) if score else None


def mark_wire_copies(stories: Sequence[Story], articles: Sequence[Article]) -> tuple[Article, ...]:
    """The articles, each copy of a wire story with its ``wire`` set (story by story)."""
    by_id = {a.id: a for a in articles}
    wire: dict[str, Wire] = {}
    for story in stories:
        for group in copy_groups([by_id[a] for a in story.articles if a in by_id]):
            earliest = min(group, key=lambda a: (a.published or date.max, a.id))
            ident = f"wire-{digest(story.id, earliest.id, length=8)}"
            named = agency([a.body for a in group])
            for a in group:
                wire[a.id] = Wire(ident, named, tuple(b.id for b in group if b.id != a.id))
    return tuple(replace(a, wire=wire[a.id]) if a.id in wire else a for a in articles)
