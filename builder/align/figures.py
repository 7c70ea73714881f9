"""Align figures across a story's articles: one claim per subject and unit, whatever the values.

Two outlets giving other numbers for "residents evacuated" report the same claim and
differ on it; so a figure's claim is keyed by its subject (canonical words, order-free)
and unit, never by its value. The id is ``f-<canonical subject words>-<digest of subject
and unit>``: values are not part of it, since another outlet's other value is the same
claim. A figure without a subject joins only the very same figure from the same source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import combinations

from rapidfuzz import fuzz

from builder.align import compare
from builder.align.compare import ClaimParts, majority, truncate
from builder.ids import digest, slugify
from builder.models import Mention
from builder.patterns.align import (
    FIGURE_CONTEXT_MIN,
    STOP_WORDS,
    SUBJECT_MARKERS,
    SUBJECT_STOP_WORDS,
    SUBJECT_SYNONYMS,
)


def subject_key(subject: str | None) -> frozenset[str]:
    """A figure's subject as an order-free set of canonical words.

    >>> sorted(subject_key("Ukrainian troops who were killed"))
    ['killed', 'soldiers', 'ukrainian']
    """
    words = re.findall(r"[a-z0-9][a-z0-9.']*", (subject or "").lower().replace("\u2019", "'"))
    out = set()
    for w in words:
        w = w.removesuffix("'s").rstrip(".'")
        if w and w not in SUBJECT_STOP_WORDS:
            out.add(SUBJECT_SYNONYMS.get(w, w))
    return frozenset(out)


def figure_key(subject: str | None) -> frozenset[str]:
    """The words a figure is grouped by: ``subject_key`` without "people" when more is said.

    >>> sorted(figure_key("people killed (1998)"))
    ['1998', 'killed']
    """
    key = subject_key(subject)
    return key - {"people"} if len(key) > 1 else key


def figure_groups(figures: Sequence[Mention], body_of: Mapping[str, str] | None = None) -> list[list[Mention]]:
    """One group per figure, whatever the values and sources.

    1. the same subject words (an era such as "(1998)" is one of them) and a comparable
       unit; a subject one word shorter than exactly one other joins it ("revenue" and
       "global revenue"), never across an era or a comparison word;
    2. figures without a subject: only the very same figure from the same source;
    3. a group where one article gives other values from the same source (or from none)
       is several figures: split by shared values and sentence context.
    """
    units: dict[frozenset[str], set[str]] = {}
    for f in figures:
        if figure_key(f.subject) and f.unit:
            units.setdefault(figure_key(f.subject), set()).add(f.unit)
    merged = _merge_into_supersets(set(units) | {figure_key(f.subject) for f in figures if figure_key(f.subject)})
    groups: dict[tuple, list[Mention]] = {}
    for f in figures:
        key = figure_key(f.subject)
        if key:
            key = merged.get(key, key)
            known = units.get(key, set()) | units.get(figure_key(f.subject), set())
            unit = f.unit or (next(iter(known)) if len(known) == 1 else None)
            gkey: tuple = ("s", tuple(sorted(key)), unit or "")
        else:  # 2.
            gkey = ("v", f.value, f.low, f.high, f.unit or "", f.speaker or "")
        groups.setdefault(gkey, []).append(f)
    out: list[list[Mention]] = []
    for _, ms in sorted(groups.items(), key=lambda kv: repr(kv[0])):
        out += _split(ms, body_of or {})  # 3.
    return out


def _merge_into_supersets(keys: set[frozenset[str]]) -> dict[frozenset[str], frozenset[str]]:
    """Step 1: each key one word short of exactly one other key maps to it."""
    out = {}
    for key in keys:
        supersets = [k for k in keys if key < k and len(k - key) == 1
                     and not any(w[:1].isdigit() or w in SUBJECT_MARKERS for w in k - key)]
        if len(supersets) == 1:
            out[key] = supersets[0]
    return out


def _conflict(a: Mention, b: Mention) -> bool:
    """Two figures of one article that cannot be one claim: other values from the same
    source (or both from none); other sources' values are one contested figure."""
    return a.article == b.article and a.speaker == b.speaker and not compare.same_value(a, b)


def _context_words(f: Mention, body_of: Mapping[str, str]) -> str:
    """The content words of the figure's sentence (its subject where the text is unknown)."""
    text = body_of.get(f.article, "")[f.context_start:f.context_end] or (f.subject or "")
    words = re.findall(r"[^\W\d_]+", text.lower())
    return " ".join(w for w in words if w not in STOP_WORDS)


def _split(group: list[Mention], body_of: Mapping[str, str]) -> list[list[Mention]]:
    """Step 3: a value two articles give is one figure; the rest join the figure whose
    sentences read most alike (``FIGURE_CONTEXT_MIN``), else stand alone."""
    if not any(_conflict(a, b) for a, b in combinations(group, 2)):
        return [group]
    clusters: list[list[Mention]] = []
    rest: list[Mention] = []
    for f in group:
        if any(not _conflict(f, g) and compare.same_value(f, g) and f.article != g.article for g in group):
            home = next((c for c in clusters if compare.same_value(c[0], f)), None)
            if home is not None:
                home.append(f)
            else:
                clusters.append([f])
        else:
            rest.append(f)
    context = {f.id: _context_words(f, body_of) for f in group}
    for f in rest:
        scored = [(max(fuzz.token_set_ratio(context[f.id], context[g.id]) for g in c), -n, c)
                  for n, c in enumerate(clusters) if not any(_conflict(f, g) for g in c)]
        best = max(scored, key=lambda t: t[:2], default=None)
        if best and best[0] >= FIGURE_CONTEXT_MIN:
            best[2].append(f)
        else:
            clusters.append([f])
    return clusters


def figure_claim_parts(figures: Sequence[Mention], outlet_of: Mapping[str, str]) -> ClaimParts:
    """Id, title ("Residents evacuated: 1,200 vs 800") and speaker (discrepancies: ``judge``)."""
    key = figure_key(figures[0].subject)
    unit = next((f.unit for f in figures if f.unit), "")
    if key:
        words = sorted(key)
        ident = f"f-{slugify(' '.join(words), max_words=6, max_length=40)}-{digest(*words, unit, length=6)}"
        label = majority(f.subject for f in figures) or ""
    else:
        f0 = figures[0]
        ident = f"f-{slugify(compare.format_value(f0), max_words=3)}-" \
                f"{digest(f0.value, f0.low, f0.high, unit, f0.speaker, length=6)}"
        label = unit or "figure"
    counts = Counter(compare.format_value(f) for f in figures)
    values = sorted(counts, key=lambda v: (-counts[v], v))
    title = f"{label[:1].upper()}{label[1:]}: {' vs '.join(values)}"
    return ClaimParts(ident, truncate(title), (), majority(f.speaker for f in figures))
