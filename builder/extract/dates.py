"""Dates, explicit and relative, resolved to ISO (placeholder until implemented)."""

from __future__ import annotations

from spacy.tokens import Doc

from builder.models import Article, Mention


def extract_dates(article: Article, doc: Doc) -> list[Mention]:
    """Every date expression of the article, resolved against its publication date."""
    raise NotImplementedError
