"""What a page says about itself outside its body: the description link previews and
search engines show, and the extra words the search index reads.

Plain text only (the mkdocs layer escapes it). Nothing here is laid out on the page.
"""

from __future__ import annotations

import re
from typing import Final

from builder.models import Article, Claim, Mention, Story
from builder.render import labels as L
from builder.render.lookup import Lookup
from builder.render.sentences import claim_sentence, names
from builder.render.views import plural

DESCRIPTION_CHARS: Final = 200  # previews cut longer text; end on a word before that

# How much a page's words count in search (Pagefind's data-pagefind-weight, 1 = as is),
# as (heading, body): a claim page is the answer to a search for its words; an article
# or a list that carries the same words (a headline quoting the claim, a matrix row)
# only points to it. Pagefind weighs headings 7 (h1) to 2 (h6) unless told otherwise.
SEARCH_WEIGHTS: Final = {
    "claim": (10.0, 4.0), "article": (3.0, 0.6), "speaker": (10.0, 0.8), "story": (3.0, 0.6),
    "outlet": (10.0, 0.5), "discrepancies": (2.0, 0.5), "home": (2.0, 0.4), "stories": (2.0, 0.4),
    "outlets": (2.0, 0.4), "speakers": (2.0, 0.4), "data": (2.0, 0.4),
}

SITE_DESCRIPTION: Final = ("The same event, told by different outlets: quotations, figures and "
                           "dates compared, and where the versions differ.")
_LIST_DESCRIPTIONS: Final = {
    "stories": "Every story compared: the outlets that reported it, its claims and its discrepancies.",
    "outlets": "Every outlet: the articles it published, what only it reported and what it left out.",
    "speakers": "Everyone quoted, with each quotation as every outlet gave it.",
    "discrepancies": "Every discrepancy between outlets that is more than punctuation, by story.",
    "data": "The comparison as data: JSON following a published schema, and CSV, free to reuse.",
}
_DIGIT_GROUPS: Final = re.compile(r"\b\d{1,3}(?:[,\u202f\u00a0]\d{3})+(?:\.\d+)?")


def shorten(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    """``text`` on one line, cut at a word boundary before ``limit`` characters (with "…")."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return f"{cut}…"


def claim_description(lk: Lookup, claim: Claim) -> str:
    """The sentence at the top of the claim's page: what the outlets do with it."""
    kind = L.KIND_LABELS.get(claim.kind, claim.kind)
    return shorten(f"{kind}: {claim_sentence(lk, claim)}")


def story_description(lk: Lookup, story: Story) -> str:
    claims = lk.claims_by_story.get(story.id, ())
    outlets = list(lk.story_outlets(story))
    differing = sum(1 for c in claims if c.status == "differ")
    return shorten(f"How {names(outlets) if outlets else 'the outlets'} reported “{story.title}”: "
                   f"{plural(len(claims), 'claim')} compared, {differing} on which outlets differ.")


def article_description(lk: Lookup, article: Article) -> str:
    mentions = lk.mentions_by_article.get(article.id, ())
    counts = [plural(n, L.KIND_LABELS[k].lower())
              for k in L.KIND_LABELS if (n := sum(1 for m in mentions if m.kind == k))]
    when = f", {article.published.isoformat()}" if article.published else ""
    return shorten(f"{article.outlet}{when}: “{article.title or article.path}”, with its "
                   f"{names(counts) if counts else 'text'} marked and compared with the other outlets.")


def outlet_description(lk: Lookup, outlet: str) -> str:
    articles = [a for a in lk.corpus.articles if a.outlet == outlet]
    return shorten(f"{outlet}: {plural(len(articles), 'article')}; where it differs from the other "
                   f"outlets, what only it reported and what it left out.")


def speaker_description(lk: Lookup, speaker: str) -> str:
    quotes = lk.quotes_by_speaker.get(speaker, ())
    outlets = {lk.articles[m.article].outlet for m in quotes if m.article in lk.articles}
    return shorten(f"{speaker}: {plural(len(quotes), 'quotation')} in "
                   f"{plural(len(outlets), 'outlet')}, each as the outlet gave it.")


def list_description(kind: str) -> str:
    return _LIST_DESCRIPTIONS.get(kind, SITE_DESCRIPTION)


def number_forms(text: str, mentions: tuple[Mention, ...] | list[Mention] = ()) -> str:
    """Digits-only forms of the numbers in ``text`` ("700,000" -> "700000") and of the
    figures' normalised values ("two million" -> "2000000"), so a search for a number
    finds it however the page writes it."""
    forms = {re.sub(r"[^\d.]", "", n).rstrip(".") for n in _DIGIT_GROUPS.findall(text)}
    for mention in mentions:
        for value in (mention.value, mention.low, mention.high):
            if mention.kind == "figure" and value is not None:
                forms.add(f"{value:.0f}" if float(value).is_integer() else f"{value:g}")
    return " ".join(sorted(forms))
