"""A claim's variants: its versions grouped by what they say, each with who printed it.

Versions identical after the normalisation that defines agreement are one variant:
for a quotation, the words of ``compare.normalise_quote`` (quotation marks,
apostrophes, dashes, case, number style, spelling) and the punctuation inside them,
so that a punctuation-only change is a variant of its own, never a wording change;
for a figure, its value; for a dated event, its date (the most precise of a family
of compatible dates). Variants are ordered by independent reports (a wire group,
``wire``, counts once), then outlets, then length (the most words; for figures the
larger value, for dates the more precise), then the earliest first publication;
the first is the *reference* every other variant is compared with.
A variant's id comes from its content, so the same wording keeps its id as a story
grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from builder.align import compare
from builder.align.compare import Version, Words, punctuation_differs, word_diff, words_text
from builder.ids import digest
from builder.models import Article, Mention, Published, Variant, VariantRelation

UNDATED_TEXT = "date not resolved"


@dataclass(frozen=True, slots=True)
class Wording:
    """One variant of a quotation while it is judged: the variant, its words, its versions."""

    variant: Variant
    words: Words
    versions: tuple[Version, ...]


def variant_id(kind: str, key: object) -> str:
    """A variant id from its content: ``v-`` and a digest of the kind and the normalised key."""
    return f"v-{digest(kind, key, length=8)}"


def independent_reports(reports: Iterable[tuple[str, str]], articles: Mapping[str, Article]) -> int:
    """Outlets among (article, outlet) pairs, the outlets of one wire group counted once."""
    keys = set()
    for article_id, outlet in reports:
        article = articles.get(article_id)
        keys.add(("wire", article.wire.group) if article is not None and article.wire
                 else ("outlet", outlet))
    return len(keys)


def _published(article_id: str, articles: Mapping[str, Article], outlet: str) -> Published:
    a = articles.get(article_id)
    if a is None:
        return Published(None, outlet, article_id)
    return Published(a.published, a.outlet, a.id, a.published_inferred)


def _when(p: Published) -> tuple[date, bool, str, str]:
    """Earliest first: an own date before the story's inferred one, unknown dates last."""
    return (p.date or date.max, p.inferred, p.outlet, p.article)


def _first(published: Iterable[Published]) -> Published | None:
    return min(published, key=_when, default=None)


def _order_key(v: Variant, length: float) -> tuple:
    """Most reports, most outlets, then the longest (a fuller version holds the partial
    ones, which compare right only against it), then the earliest."""
    first = v.first_published
    return (-v.reports, -len(v.outlets), -length,
            _when(first) if first else (date.max, True, "", ""), v.text, v.id)


# --- quotations --------------------------------------------------------------------------


def _quote_key(words: Words) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words and the punctuation inside them (the quoting's own last mark left out)."""
    return words.norm, tuple(p.strip("'") for p in words.punct[:-1])


def quote_wordings(versions: Sequence[Version], articles: Mapping[str, Article] | None = None,
                   texts: Mapping[str, str] | None = None) -> tuple[Wording, ...]:
    """The variants of a quotation with their words, reference first.

    ``texts`` gives each mention's text as written (else the words are shown);
    ``articles`` the dates and wire groups (else dates are unknown, no wire).
    """
    articles = articles or {}
    groups: dict[tuple, list[Version]] = {}
    for v in versions:
        groups.setdefault(_quote_key(v.words), []).append(v)
    drafts = []
    for key, vs in groups.items():
        dated = sorted(vs, key=lambda v: _when(_published(v.article, articles, v.outlet)))
        first = dated[0]
        shown = next((v for v in dated if not v.excerpt), first)  # a passage shows its own words
        if texts and not shown.excerpt and all(m in texts for m in shown.mentions):
            text = " ".join(texts[m] for m in shown.mentions)
        else:
            text = words_text(shown.words.surface)
        variant = Variant(
            id=variant_id("quote", key),
            text=text.strip(" ,;:\u2013\u2014-"),
            outlets=tuple(sorted({v.outlet for v in vs})),
            mentions=tuple(sorted(m for v in vs for m in v.mentions)),
            first_published=_first(_published(v.article, articles, v.outlet) for v in vs),
            speakers=tuple(sorted({v.speaker for v in vs if v.speaker})),
            reports=independent_reports(((v.article, v.outlet) for v in vs), articles),
        )
        drafts.append(Wording(variant, first.words, tuple(vs)))
    drafts.sort(key=lambda w: _order_key(w.variant, len(w.words)))
    ref = drafts[0]
    out = [Wording(_with(ref.variant, "reference", ()), ref.words, ref.versions)]
    for w in drafts[1:]:
        ops = word_diff(ref.words, w.words)
        if any(op.op != "equal" for op in ops):
            relation: VariantRelation = "differs"
        elif punctuation_differs(ref.words, w.words):
            relation = "punctuation"
        else:
            relation = "agrees"  # the same words, or a part of them
        out.append(Wording(_with(w.variant, relation, ops), w.words, w.versions))
    return tuple(out)


def _with(v: Variant, relation: VariantRelation, diff: tuple) -> Variant:
    return replace(v, relation=relation, diff=diff)


# --- figures and dates ----------------------------------------------------------------------


def _mention_variant(kind: str, key: object, text: str, ms: Sequence[Mention],
                     outlet_of: Mapping[str, str], articles: Mapping[str, Article]) -> Variant:
    return Variant(
        id=variant_id(kind, key),
        text=text,
        outlets=tuple(sorted({outlet_of[m.id] for m in ms})),
        mentions=tuple(sorted(m.id for m in ms)),
        first_published=_first(_published(m.article, articles, outlet_of[m.id]) for m in ms),
        speakers=tuple(sorted({m.speaker for m in ms if m.speaker})),
        reports=independent_reports(((m.article, outlet_of[m.id]) for m in ms), articles),
    )


def value_groups(figures: Sequence[Mention]) -> list[list[Mention]]:
    """Figures stating the same value (``compare.same_value``), in mention-id order."""
    groups: list[list[Mention]] = []
    for f in sorted(figures, key=lambda m: m.id):
        home = next((g for g in groups if compare.same_value(g[0], f)), None)
        if home is None:
            groups.append([f])
        else:
            home.append(f)
    return groups


def figure_variants(figures: Sequence[Mention], outlet_of: Mapping[str, str],
                    articles: Mapping[str, Article], contested: bool = False
                    ) -> tuple[Variant, ...]:
    """One variant per value, reference first; the others differ (or, where the values
    come from different sources, are another source's figure)."""
    drafts = []
    for g in value_groups(figures):
        f = g[0]
        key = (f.value, f.low, f.high)
        drafts.append((_mention_variant("figure", key, compare.format_value(f), g, outlet_of,
                                        articles), f.value or 0.0))
    drafts.sort(key=lambda d: _order_key(*d))
    other: VariantRelation = "source" if contested else "differs"
    return tuple(_with(v, "reference" if k == 0 else other, ())
                 for k, (v, _) in enumerate(drafts))


def date_families(dates: Sequence[Mention]) -> list[str]:
    """The distinct dates, keeping only the most precise of each compatible family."""
    values = sorted({m.date for m in dates if m.date})
    return [v for v in values if not any(w != v and w.startswith(v) for w in values)]


def date_variants(dates: Sequence[Mention], outlet_of: Mapping[str, str],
                  articles: Mapping[str, Article]) -> tuple[Variant, ...]:
    """One variant per date family (a coarser date joins the first family it fits); dates
    that could not be resolved are a variant of their own that agrees with any."""
    families = date_families(dates)
    members: dict[str, list[Mention]] = {f: [] for f in families}
    undated: list[Mention] = []
    for m in dates:
        home = next((f for f in families if compare.dates_compatible(m.date, f)), None)
        (members[home] if home else undated).append(m)
    drafts = [(_mention_variant("date", f, f, ms, outlet_of, articles), len(f))
              for f, ms in members.items()]
    drafts.sort(key=lambda d: _order_key(*d))
    out = [_with(v, "reference" if k == 0 else "differs", ()) for k, (v, _) in enumerate(drafts)]
    if undated:
        v = _mention_variant("date", None, UNDATED_TEXT, undated, outlet_of, articles)
        out.append(_with(v, "reference" if not out else "agrees", ()))
    return tuple(out)
