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

from builder import compare
from builder.compare import ClaimParts, majority, truncate
from builder.ids import digest, slugify
from builder.models import Mention
from builder.patterns.align import SUBJECT_STOP_WORDS, SUBJECT_SYNONYMS


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


def figure_groups(figures: Sequence[Mention]) -> list[list[Mention]]:
    """Same subject and a comparable unit: one claim, whatever the values and sources."""
    units: dict[frozenset[str], set[str]] = {}
    for f in figures:
        if subject_key(f.subject) and f.unit:
            units.setdefault(subject_key(f.subject), set()).add(f.unit)
    groups: dict[tuple, list[Mention]] = {}
    for f in figures:
        key = subject_key(f.subject)
        if key:
            known = units.get(key, set())
            unit = f.unit or (next(iter(known)) if len(known) == 1 else None)
            gkey: tuple = ("s", tuple(sorted(key)), unit or "")
        else:  # no subject: only the very same figure from the same source
            gkey = ("v", f.value, f.low, f.high, f.unit or "", f.speaker or "")
        groups.setdefault(gkey, []).append(f)
    return [ms for _, ms in sorted(groups.items(), key=lambda kv: repr(kv[0]))]


def figure_claim_parts(figures: Sequence[Mention], outlet_of: Mapping[str, str]) -> ClaimParts:
    """Id, title ("Residents evacuated: 1,200 vs 800"), discrepancies and speaker."""
    key = subject_key(figures[0].subject)
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
    of = {f.id: outlet_of[f.article] for f in figures}
    return ClaimParts(ident, truncate(title), compare.figure_discrepancies(figures, of),
                      majority(f.speaker for f in figures))
