"""A claim's discrepancies, each naming its sides, and the claim's judgement.

``judge`` is the entry point ``align_story`` calls for every claim:

1. the claim's variants (``variants``), the reference (most common) first;
2. its discrepancies, each with ``sides``: the reference side first, then the
   variants (or speakers, values, dates) that differ from it. A wording discrepancy
   runs its word diff between two variants, never between a pile of outlets; an
   outlet on both sides prints the words both ways (``both_ways``);
3. a figure whose values come from different sources (one source one value,
   another source another) is *contested*: it lists who gives which value and is
   not a discrepancy between outlets;
4. the status, by ``compare.status_of``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from builder.align.compare import (
    Version,
    diff_summary,
    format_value,
    is_named,
    retold,
    rounds_to,
    same_speaker,
    slug_id,
    status_of,
)
from builder.align.variants import (
    UNDATED_TEXT,
    Wording,
    date_variants,
    figure_variants,
    quote_wordings,
    value_groups,
    variant_id,
)
from builder.ids import digest
from builder.models import (
    Article, ClaimStatus, Discrepancy, Mention, MentionKind, MinorReason, Side, Source, Variant,
)
from builder.patterns.align import OMISSION_MIN_OUTLETS, OMISSION_SHARE

SAME_ARTICLE_NOTE = " (elsewhere in the same article quoted as the others do)"


@dataclass(frozen=True, slots=True)
class Judgement:
    """What comparing a claim's versions found."""

    variants: tuple[Variant, ...]
    discrepancies: tuple[Discrepancy, ...]
    status: ClaimStatus
    contested: tuple[Source, ...] = ()
    title: str = ""  # quotations: the reference variant's words (else the kind's own title)


def judge(kind: MentionKind, members: Sequence[Mention], versions: Sequence[Version],
          articles: Mapping[str, Article]) -> Judgement:
    """Variants, discrepancies with sides, contested sources and status of one claim."""
    outlet_of = {m.id: articles[m.article].outlet if m.article in articles else m.article
                 for m in members}
    n_articles = len({m.article for m in members})
    texts = {m.id: m.text for m in members}
    contested: tuple[Source, ...] = ()
    title = ""
    if kind == "quote" and versions:
        wordings = quote_wordings(versions, articles, texts)
        variants = tuple(w.variant for w in wordings)
        found = quote_discrepancies(wordings)
        title = variants[0].text
    elif kind == "figure":
        contested = contested_sources(members, outlet_of)
        variants = figure_variants(members, outlet_of, articles, contested=bool(contested))
        found = () if contested else figure_discrepancies(variants, members, outlet_of)
    else:
        variants = date_variants(members, outlet_of, articles)
        found = date_discrepancies(variants)
    return Judgement(variants, found, status_of(n_articles, found, bool(contested)), contested,
                     title)


def side_of(v: Variant) -> Side:
    return Side(v.id, v.text, v.outlets, v.mentions, v.speakers[0] if len(v.speakers) == 1 else None)


def _discrepancy(ident: str, type_: str, sides: Sequence[Side], summary: str, **more: object
                 ) -> Discrepancy:
    mentions = tuple(sorted({m for s in sides for m in s.mentions}))
    return Discrepancy(ident, type_, mentions, summary, sides=tuple(sides), **more)  # type: ignore[arg-type]


# --- quotations ---------------------------------------------------------------------------


def quote_discrepancies(wordings: Sequence[Wording]) -> tuple[Discrepancy, ...]:
    """Wording (word diffs between two variants), minor and speaker differences.

    A variant that only changes punctuation is minor ("punctuation"); so is a changed
    wording every article of which also quotes the words as the reference does
    ("both-ways": a standfirst paraphrasing its own body). Variants with the same
    changes against the reference (one longer, one shorter) are one discrepancy.
    """
    if sum(len(w.versions) for w in wordings) < 2:
        return ()
    ref = wordings[0]
    faithful = {v.article for w in wordings if w.variant.relation != "differs" for v in w.versions}
    grouped: dict[str, list[tuple[Wording, str, MinorReason | None]]] = {}
    for w in wordings[1:]:
        changes = [op for op in w.variant.diff if op.op != "equal"]
        if w.variant.relation == "differs":
            ident = slug_id("wording", *(f"{op.a} {op.b}" for op in changes))
            articles = {v.article for v in w.versions}
            both = bool(articles) and all(articles) and articles <= faithful
            grouped.setdefault(ident, []).append(
                (w, diff_summary(changes), "both-ways" if both else None))
        elif w.variant.relation == "punctuation":
            ident = "wording-punctuation-" + digest(ref.words.punct, w.words.punct, length=6)
            grouped.setdefault(ident, []).append((w, "punctuation differs", "punctuation"))
    found = []
    for ident, items in sorted(grouped.items()):
        reasons = {r for _, _, r in items}
        reason: MinorReason | None = None if None in reasons else (
            "punctuation" if reasons == {"punctuation"} else "both-ways")
        summary = items[0][1] + (SAME_ARTICLE_NOTE if reason == "both-ways" else "")
        sides = [side_of(ref.variant), *(side_of(w.variant) for w, _, _ in items)]
        shown = {s.variant for s in sides[1:]}
        agreeing = {o for w in wordings if w.variant.id not in shown
                    and w.variant.relation != "differs" for o in w.variant.outlets}
        both_ways = sorted({o for s in sides[1:] for o in s.outlets} & agreeing)
        found.append(_discrepancy(ident, "wording", sides, summary, diff=items[0][0].variant.diff,
                                  minor=reason is not None, minor_reason=reason,
                                  both_ways=tuple(both_ways)))
    speaker = speaker_discrepancy([(m, v.speaker, v.outlet) for w in wordings for v in w.versions
                                   for m in v.mentions])
    if speaker:
        found.append(speaker)
    return tuple(sorted(found, key=lambda d: d.id))


def _speaker_names(names: Iterable[str]) -> dict[str, str]:
    """Each name mapped to the longest name it is part of ("Pryce" -> "Owen Pryce KC")."""
    ordered = sorted(set(names), key=lambda n: (-len(n.split()), -len(n), n))
    out: dict[str, str] = {}
    for n in ordered:
        out[n] = next((out[m] for m in out if same_speaker(n, m)), n)
    return out


def speaker_discrepancy(credits: Sequence[tuple[str, str | None, str]],
                        what: Mapping[str, str] | None = None) -> Discrepancy | None:
    """Other speakers credited for the same claim: (mention, speaker, outlet) triples.

    One side per speaker, the one most outlets credit first. ``what`` optionally names
    what each speaker is credited with ("700,000").
    """
    # a speaker given only as a description ("an ad", "one official") names nobody to
    # credit or blame: only named speakers can differ
    credits = [(m, s, o) for m, s, o in credits if is_named(s)]
    canonical = _speaker_names(s for _, s, _ in credits)
    by_speaker: dict[str, list[tuple[str, str]]] = {}
    for mention, speaker, outlet in credits:
        if speaker:
            by_speaker.setdefault(canonical[speaker], []).append((mention, outlet))
    if len(by_speaker) < 2:
        return None
    names = sorted(by_speaker)
    parts = []
    for name in names:
        outlets = ", ".join(sorted({o for _, o in by_speaker[name]}))
        label = f"{what[name]} is {name}'s figure" if what and name in what else f"credited to {name}"
        parts.append(f"{label} ({outlets})")
    sides = sorted((Side(None, name, tuple(sorted({o for _, o in by_speaker[name]})),
                         tuple(sorted(m for m, _ in by_speaker[name])), name) for name in names),
                   key=lambda s: (-len(s.outlets), s.text))
    return _discrepancy(slug_id("speaker", *names), "speaker", sides, "; ".join(parts))


# --- figures and dates -------------------------------------------------------------------------


def contested_sources(figures: Sequence[Mention], outlet_of: Mapping[str, str]
                      ) -> tuple[Source, ...]:
    """Who gives which value, where a figure's values come from different sources.

    Contested: two values or more, every value credited to a source, and no source
    giving two of them. Otherwise () (one source reported differently, or a value
    nobody is credited with, is a difference between outlets; so is a value another
    source only retells rounded, ``compare.retold``).
    """
    groups = value_groups(figures)
    if len(groups) < 2 or all(retold(a[0], b[0]) for a, b in combinations(groups, 2)):
        return ()
    canonical = _speaker_names(m.speaker for m in figures if m.speaker)
    value_of: dict[str, int] = {}
    for k, g in enumerate(groups):
        sources = {canonical[m.speaker] for m in g if m.speaker}
        if not sources:
            return ()
        for s in sources:
            if value_of.setdefault(s, k) != k:
                return ()
    out = []
    for name, k in sorted(value_of.items()):
        g = groups[k]
        own = [m for m in g if m.speaker and canonical[m.speaker] == name]
        key = (g[0].value, g[0].low, g[0].high)
        out.append(Source(name, format_value(g[0]), variant_id("figure", key),
                          tuple(sorted({outlet_of[m.id] for m in own})),
                          tuple(sorted(m.id for m in own))))
    return tuple(out)


def _value_part(v: Variant) -> str:
    return f"{v.text} ({'; '.join([*v.speakers, ', '.join(v.outlets)])})"


def figure_discrepancies(variants: Sequence[Variant], figures: Sequence[Mention],
                         outlet_of: Mapping[str, str]) -> tuple[Discrepancy, ...]:
    """A ``number`` discrepancy where outlets give other values (one side per value,
    the most reported first), and a ``speaker`` one where they credit other sources."""
    if len(variants) < 2:
        return ()
    by_id = {m.id: m for m in figures}
    first = [by_id[v.mentions[0]] for v in variants if v.mentions and v.mentions[0] in by_id]
    rounded = len(first) == len(variants) and all(
        rounds_to(a, b) or rounds_to(b, a) for a in first for b in first if a is not b)
    out = [_discrepancy(slug_id("number", *(v.text.replace(",", "") for v in variants)), "number",
                        [side_of(v) for v in variants],
                        " vs ".join(_value_part(v) for v in variants) + (" (rounded)" if rounded else ""),
                        minor=rounded, minor_reason="rounding" if rounded else None)]
    what = {}
    label_of = {m: v.text for v in variants for m in v.mentions}
    for m in sorted(figures, key=lambda m: m.id):
        if m.speaker:
            what.setdefault(m.speaker, label_of[m.id])
    speaker = speaker_discrepancy([(m.id, m.speaker, outlet_of[m.id]) for m in figures], what)
    if speaker:
        out.append(speaker)
    return tuple(sorted(out, key=lambda d: d.id))


def date_discrepancies(variants: Sequence[Variant]) -> tuple[Discrepancy, ...]:
    """A ``date`` discrepancy where outlets give incompatible dates for the same event."""
    dated = [v for v in variants if v.text != UNDATED_TEXT]
    if len(dated) < 2:
        return ()
    distinct = sorted(v.text for v in dated)
    return (_discrepancy(slug_id("date", *distinct), "date", [side_of(v) for v in dated],
                         " vs ".join(f"{v.text} ({', '.join(v.outlets)})"
                                     for v in sorted(dated, key=lambda v: v.text))),)


def omission_discrepancy(claim_outlets: set[str], story_outlets: set[str]
                         ) -> Discrepancy | None:
    """Outlets that cover the story but leave out a claim most of the others carry."""
    if len(story_outlets) < OMISSION_MIN_OUTLETS:
        return None
    if len(claim_outlets) < OMISSION_SHARE * len(story_outlets):
        return None
    missing = tuple(sorted(story_outlets - claim_outlets))
    if not missing:
        return None
    sides = (Side(None, "reported", tuple(sorted(claim_outlets))),
             Side(None, "not reported", missing))
    return Discrepancy("omission", "omission", (), "Not reported by " + ", ".join(missing),
                       outlets=missing, sides=sides)
