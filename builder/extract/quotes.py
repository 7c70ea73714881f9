"""Direct quotations and their speakers (placeholder until implemented)."""

from __future__ import annotations

from spacy.tokens import Doc

from builder.models import Article, Mention


def extract_quotes(article: Article, doc: Doc) -> list[Mention]:
    """Every direct quotation of the article, with its speaker where one can be found."""
    raise NotImplementedError
