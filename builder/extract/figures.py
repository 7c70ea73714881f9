"""Figures: counts, money, percentages, normalised (placeholder until implemented)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from builder.models import Article, Mention


def extract_figures(article: Article, doc: Doc, quotes: Sequence[Mention]) -> list[Mention]:
    """Every figure of the article, with value, unit, hedge, subject and whose figure it is."""
    raise NotImplementedError
