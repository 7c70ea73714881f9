"""Extraction: quotations with speakers, figures and dates from one article.

``extract_article`` is pure (one article in, its mentions out), so it can be
cached by content hash and run in parallel processes.
"""

from __future__ import annotations

from dataclasses import replace

from builder.models import Article, Mention


# No news article comes near this (long reads run to about 100,000 characters); a larger
# "article" is a mis-saved page or a dump. Ingest warns about it; only its beginning
# is analysed, so one such file cannot stall a build. The whole text is still kept.
MAX_ANALYSED_CHARS = 1_000_000


def analysed_text(body: str) -> str:
    """The part of a body that extraction analyses: all of it, or for an oversized body
    its beginning up to the last paragraph break within the limit."""
    if len(body) <= MAX_ANALYSED_CHARS:
        return body
    cut = body.rfind("\n\n", 0, MAX_ANALYSED_CHARS)
    return body[: cut if cut > 0 else MAX_ANALYSED_CHARS]


def extract_article(article: Article) -> tuple[Mention, ...]:
    """Every quotation, figure and date of the article, in reading order."""
    # Imported here so that ``builder.extract.numbers`` and friends load without spaCy.
    from builder.extract.dates import extract_dates
    from builder.extract.figures import extract_figures
    from builder.extract.quotes import extract_quotes
    from builder.nlp import analyse

    text = analysed_text(article.body)
    if text is not article.body:
        article = replace(article, body=text)
    doc = analyse(article.body)
    quotes = extract_quotes(article, doc)
    figures = extract_figures(article, doc, quotes)
    dates = extract_dates(article, doc)
    return tuple(sorted([*quotes, *figures, *dates], key=lambda m: (m.start, m.end, m.kind)))
