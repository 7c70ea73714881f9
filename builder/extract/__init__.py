"""Extraction: quotations with speakers, figures and dates from one article.

``extract_article`` is pure (one article in, its mentions out), so it can be
cached by content hash and run in parallel processes.
"""

from __future__ import annotations

from builder.extract.dates import extract_dates
from builder.extract.figures import extract_figures
from builder.extract.quotes import extract_quotes
from builder.models import Article, Mention
from builder.nlp import analyse


def extract_article(article: Article) -> tuple[Mention, ...]:
    """Every quotation, figure and date of the article, in reading order."""
    doc = analyse(article.body)
    quotes = extract_quotes(article, doc)
    figures = extract_figures(article, doc, quotes)
    dates = extract_dates(article, doc)
    return tuple(sorted([*quotes, *figures, *dates], key=lambda m: (m.start, m.end, m.kind)))
