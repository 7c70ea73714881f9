"""The parse step of attribution: the cue that governs a quotation, and its subject.

The word rules of ``builder.extract.speakers`` read cues next to a quotation. Where they
find none ("Describing the ruling as "a victory," the union filed a claim", "X told
NBC that she "is going to win"", "the singer performs for the crowd before asking her, "..."),
the sentence is parsed (only that sentence: see ``builder.nlp.parse``) and the
quotation's place in the tree gives its speaker:

1. climb from the quotation to the nearest reporting verb (``builder.patterns.cues``)
   or statement noun that has a subject, and take that subject;
2. "according to X" on the way: X;
3. no reporting verb: the subject of the nearest verb that governs the quotation
   ("X dismissed it as "a fishing expedition"");
4. a participle hanging on a noun ("footage of X asking, "...""): that noun; on a
   statement noun ("X issued a statement calling it "...""), whoever issued it.

The answer is a character span of the sentence, mapped back to the narrative words
by the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from builder.patterns.cues import DOCUMENT_NOUNS, REPORTING_LEMMAS

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
CLIMB_MAX = 8  # arcs climbed from a quotation to its governing cue


@dataclass(frozen=True, slots=True)
class Governor:
    """The cue governing a quotation and the words naming its speaker (offsets into the body)."""

    cue: str
    cue_at: int
    start: int
    end: int
    reporting: bool  # the governor is a reporting verb, not just any verb


@dataclass(frozen=True, slots=True)
class Request:
    """One sentence to parse (``start``/``end`` in the body) and the quotation in it."""

    start: int
    end: int
    quote_start: int
    quote_end: int


def governors(body: str, requests: Sequence[Request]) -> list[Governor | None]:
    """For each request, the governing cue and its subject, or None."""
    from builder.nlp import parse  # the parser loads on first use only

    docs = parse([body[r.start : r.end] for r in requests]) if requests else []
    return [_governor(doc, r) for doc, r in zip(docs, requests)]


def _governor(doc: Doc, request: Request) -> Governor | None:
    offset = request.start
    inside = {t.i for t in doc if request.quote_start <= t.idx + offset < request.quote_end}
    if not inside:
        return None
    # Where the quotation hangs in the tree: a token outside it whose child is inside it.
    attach = [t.head for t in doc if t.i in inside and t.head.i not in inside]
    if not attach:
        return None
    head = min(attach, key=lambda t: abs(t.i - min(inside)))
    fallback: Governor | None = None
    node: Token | None = head
    for _ in range(CLIMB_MAX):
        if node is None:
            break
        # 2. "according to X"
        if node.lower_ == "according" or (node.lower_ == "to" and node.head.lower_ == "according"):
            pobj = next((c for c in (node if node.lower_ == "to" else next(
                (c for c in node.children if c.lower_ == "to"), node)).children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i not in inside:
                return _make(doc, offset, "according to", node, pobj, True)
        subject = _subject(node, inside)
        if subject is not None:
            # 1. a reporting verb or a statement noun with a subject
            if node.lemma_.lower() in REPORTING_LEMMAS and node.pos_ in {"VERB", "AUX"}:
                return _make(doc, offset, node.text, node, subject, True)
            if fallback is None and node.pos_ in {"VERB", "AUX"}:
                fallback = _make(doc, offset, node.text, node, subject, False)
        # 4. a participle modifying a noun: "footage of X asking, ..."
        if node.dep_ == "acl" and node.tag_ == "VBG" and fallback is None and node.head.i not in inside \
                and node.head.pos_ in {"PROPN", "NOUN"} and node.head.lemma_.lower() not in DOCUMENT_NOUNS:
            # (a statement "calling it ..." is its issuer's: climb on to the verb that issued it)
            return _make(doc, offset, node.text, node, node.head, node.lemma_.lower() in REPORTING_LEMMAS)
        if node.dep_ == "ROOT" or node.head is node:
            break
        # A relative clause's subject is the noun it modifies: "X, who called it "..."".
        if node.dep_ == "relcl" and subject is not None and subject.lower_ in RELATIVES:
            break
        node = node.head
    return fallback


def _subject(verb: Token, inside: set[int]) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECTS and child.i not in inside and child.pos_ != "VERB":  # not "Eliminating ... is"
            if child.lower_ in RELATIVES and verb.dep_ == "relcl":
                return verb.head if verb.head.i not in inside else None
            return child
    # Coordinated verbs share a subject: "X arrived and declared "...""
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        for child in verb.head.children:
            if child.dep_ in SUBJECTS and child.i not in inside:
                return child
    return None


def _make(doc: Doc, offset: int, cue: str, cue_token: Token, subject: Token, reporting: bool) -> Governor:
    """The subject's words: its left modifiers and the name words after it, not its clauses."""
    lo = subject
    for left in subject.lefts:
        if left.dep_ in {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct"} or left.pos_ == "PROPN":
            lo = doc[min(lo.i, left.left_edge.i)]
    hi = subject
    for right in subject.rights:
        if right.dep_ in {"flat", "compound", "case"} or (right.pos_ == "PROPN" and right.dep_ != "appos"):
            hi = doc[max(hi.i, right.right_edge.i)]
        else:
            break
    return Governor(cue, offset + cue_token.idx, offset + lo.idx, offset + hi.idx + len(hi.text), reporting)
