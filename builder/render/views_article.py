"""The article page: the body, paragraph by paragraph, with every mention highlighted."""

from __future__ import annotations

from dataclasses import replace

from builder import urls
from builder.models import Article, Mention
from builder.render import labels as L
from builder.render.contexts import ArticleContext, Link, Segment
from builder.render.links import external_url, mention_anchor, relative
from builder.render.lookup import Lookup, date_text


def article_context(lk: Lookup, article: Article) -> ArticleContext:
    here = lk.article_url(article)
    mentions = lk.mentions_by_article.get(article.id, ())
    story = lk.stories.get(article.story)
    counts = {kind: sum(1 for m in mentions if m.kind == kind) for kind in L.KIND_LABELS}
    return ArticleContext(
        title=article.title or article.path,
        outlet=Link(article.outlet, relative(here, lk.outlet_url(article.outlet))),
        story=Link(story.title if story else article.story, relative(here, urls.story_url(article.story))),
        date=date_text(article.published, L.UNDATED_LABEL),
        inferred=article.published_inferred,
        author=article.author or "",
        original=external_url(article.url),
        paragraphs=paragraph_segments(lk, article, mentions, here),
        counts=" · ".join(f"{n} {L.KIND_LABELS[k].lower()}{'s' if n != 1 else ''}"
                          for k, n in counts.items()),
    )


def _outermost(mentions: tuple[Mention, ...]) -> tuple[list[Mention], dict[str, list[str]]]:
    """Mentions that are not inside another, and the anchors nested in each of them."""
    outer: list[Mention] = []
    nested: dict[str, list[str]] = {}
    for mention in mentions:  # sorted by start, longest first
        if outer and mention.start < outer[-1].end:
            nested.setdefault(outer[-1].id, []).append(mention_anchor(mention))
            continue
        outer.append(mention)
    return outer, nested


def paragraph_segments(lk: Lookup, article: Article, mentions: tuple[Mention, ...],
                       here: str) -> tuple[tuple[Segment, ...], ...]:
    """Split the body at blank lines; a highlight that crosses one continues without an id."""
    body = article.body
    outer, nested = _outermost(tuple(m for m in mentions if 0 <= m.start < m.end <= len(body)))
    # Pieces of the body: (start, end, mention or None).
    pieces: list[tuple[int, int, Mention | None]] = []
    pos = 0
    for m in outer:
        if m.start > pos:
            pieces.append((pos, m.start, None))
        pieces.append((m.start, m.end, m))
        pos = m.end
    if pos < len(body):
        pieces.append((pos, len(body), None))

    paragraphs: list[list[Segment]] = [[]]
    for start, end, mention in pieces:
        first_part = True
        for i, part in enumerate(body[start:end].split("\n\n")):
            if i:
                paragraphs.append([])
            if not part:
                continue
            paragraphs[-1].append(_segment(lk, part, mention, here, nested, first_part))
            first_part = False
    return tuple(tuple(_badges_after_closing_marks(p)) for p in paragraphs if p and any(s.text.strip() for s in p))


_CLOSERS = "”’\"')»›"


def _badges_after_closing_marks(segments: list[Segment]) -> list[Segment]:
    """A disputed quotation's badge goes after its closing quotation mark, not inside it."""
    out: list[Segment] = []
    for seg in segments:
        if out and out[-1].status and not seg.kind and not out[-1].tail:
            closers = len(seg.text) - len(seg.text.lstrip(_CLOSERS))
            if closers:
                out[-1] = replace(out[-1], tail=seg.text[:closers])
                seg = replace(seg, text=seg.text[closers:])
                if not seg.text:
                    continue
        out.append(seg)
    return out


def _segment(lk: Lookup, text: str, mention: Mention | None, here: str,
             nested: dict[str, list[str]], first_part: bool) -> Segment:
    if mention is None:
        return Segment(text, "", "", "", "", "", "", "", ())
    claim = lk.claim_of.get(mention.id)
    who = f" · {mention.speaker}" if mention.speaker else ""
    # A disputed passage says so where it ends, in words and a symbol (never colour alone).
    disputed = claim is not None and claim.status in DISPUTED and first_part
    return Segment(
        text=text,
        anchor=mention_anchor(mention) if first_part else "",
        kind=mention.kind,
        title=f"{L.KIND_LABELS.get(mention.kind, mention.kind)}{who}",
        # A claim shown here as a passage (Lookup.passages) has no page to link to.
        href=relative(here, lk.claim_url(claim)) if claim and lk.claim_url(claim) not in lk.passages else "",
        status=claim.status if disputed and claim else "",
        status_label=L.STATUS_LABELS[claim.status] if disputed and claim else "",
        tail="",
        extra_anchors=tuple(nested.get(mention.id, ())) if first_part else (),
    )


DISPUTED = frozenset({"differ", "contested"})
