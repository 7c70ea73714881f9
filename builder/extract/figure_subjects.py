"""Figures in context: the subject written before a number, and the figure's era.

``builder.extract.figures`` reads what a number counts from the words after it
("1,200 people"); these rules read the words before it ("the death toll rose to
1,200", "revenue of $4.2bn, up 12%", "magnitude 7.1") and the dates around it, so
that a figure about 1998 or an earlier value is not taken for today's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from spacy.tokens import Doc, Token

from builder.extract.dates import DateSpan
from builder.extract.numbers import parse_number
from builder.patterns import figures as P

_TOKEN = re.compile(r"[\w'’-]+|[^\w\s]")
_NUMBER_TOKEN = re.compile(r"\d[\d,.]*\d|[\w'’-]+|[^\w\s]")
_CLAUSE_END = re.compile(r",(?!\d)|\.(?!\d)|[;:!?()\[\]\"“”–—]")


class Span(Protocol):
    """A figure's place in the text."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def _prev_word(text: str, pos: int) -> str:
    words = text[max(0, pos - 40):pos].split()
    return words[-1].lower() if words else ""


def noun_phrase(words: Sequence[str]) -> str | None:
    """The noun phrase opening ``words``: "as the number of confirmed deaths from" -> "confirmed deaths".

    Clause openers, determiners and possessives are skipped; "number of" and the like
    give way to the noun they count; the phrase ends at a stopword, a number or a name.
    """
    i = 0
    while i < len(words) and (words[i].lower() in P.CLAUSE_OPENERS or words[i].lower() in P.DETERMINERS
                              or words[i].lower().endswith(("'s", "’s"))):
        i += 1
    if i + 1 < len(words) and words[i].lower() in P.COUNT_WRAPPERS and words[i + 1].lower() == "of":
        return noun_phrase(words[i + 2:])
    phrase: list[str] = []
    while i < len(words) and len(phrase) < P.SUBJECT_MAX_WORDS:
        word = words[i]
        if word.lower() in P.SUBJECT_STOPWORDS or word.lower() == "of" or not word[:1].isalpha() \
                or parse_number(word) is not None or (phrase and word[:1].isupper()):
            break
        phrase.append(word)
        i += 1
    return " ".join(phrase) or None


def _is_verb(word: str) -> bool:
    """A verb ending a noun phrase read backwards: "reported revenue of", "expects profit of"."""
    word = word.lower()
    return word in P.REPORTING_VERBS or word in P.LEVEL_VERBS or word in P.VERBS_BEFORE_OBJECT \
        or word.endswith("ed")


def measure_before(text: str, fig: Span, sentence_start: int) -> str | None:
    """ "magnitude 7.1", "magnitude at 7.0", "a turnout of 58.2%": the measure named right before."""
    before = _TOKEN.findall(text[max(sentence_start, fig.start - 40):fig.start])
    for word in reversed(before[-3:]):
        if word.lower() in P.MEASURE_BEFORE:
            return word.lower()
        if word.lower() not in ("at", "of", "was", "is", "a", "an", "the"):
            return None
    return None


def subject_before(text: str, fig: Span, sentence_start: int, previous: str | None) -> str | None:
    """What is counted, read before the figure (when nothing after it says so).

    1. a measure noun right before: "magnitude 7.1", "a turnout of 58.2%";
    2. the noun phrase opening the clause of a level verb: "the death toll rose to 1,200";
    3. the noun before "of": "revenue of $4.2bn", "a death toll of 1,200";
    4. the previous figure's subject after "up", "down", "from", "to": "revenue of $4.2bn, up 12%".
    """
    before = _NUMBER_TOKEN.findall(text[sentence_start:fig.start])
    tail = [w.lower() for w in before[-3:]]
    # 1.
    measure = measure_before(text, fig, sentence_start)
    if measure:
        return measure
    # 2.
    j = len(before)
    while j > 0 and before[j - 1].lower() in P.LEVEL_PARTICLES:
        j -= 1
    if j > 0 and before[j - 1].lower() in P.LEVEL_VERBS and j < len(before) + 1:
        k = j - 1
        while k > 0 and before[k - 1].lower() in P.VERB_FILLERS | {"had", "has", "have", "would", "will", "be"}:
            k -= 1
        clause_start = max((n + 1 for n, w in enumerate(before[:k])
                            if _CLAUSE_END.fullmatch(w) or w.lower() in P.REPORTING_VERBS), default=0)
        phrase = noun_phrase(before[clause_start:k])
        if phrase and len(before[clause_start:k]) <= P.SUBJECT_CLAUSE_MAX_WORDS:
            return phrase
    # 3.
    if tail and tail[-1] == "of" and len(before) >= 2 and before[-2][:1].islower() \
            and before[-2].lower() not in P.SUBJECT_STOPWORDS and before[-2][:1].isalpha():
        k = len(before) - 2
        while k > 0 and before[k - 1][:1].islower() and before[k - 1].lower() not in P.SUBJECT_STOPWORDS \
                and before[k - 1].lower() not in P.DETERMINERS and before[k - 1][:1].isalpha() \
                and not _is_verb(before[k - 1]) \
                and len(before) - 1 - k < P.SUBJECT_MAX_WORDS - 1:
            k -= 1
        return noun_phrase(before[k:-1])
    # 4.
    if tail and tail[-1] in P.CARRY_OVER_BEFORE and previous:
        return previous
    return None


def outcome_before(text: str, fig: Span, subject: str) -> str:
    """ "killed about 2,300 people" -> "people killed": an outcome verb right before the figure."""
    before = _TOKEN.findall(text[max(0, fig.start - 30):fig.start])
    if before and before[-1].lower() in P.OUTCOME_WORDS and not any(w in P.OUTCOME_WORDS for w in subject.lower().split()):
        return f"{subject} {before[-1].lower()}"
    return subject


_YEAR = re.compile(r"(?<![\w.,$€£¥])(?:1[89]|20)\d\d(?![\w%]|[.,]\d)")


def dated_spans(text: str, dates: Sequence[DateSpan], figures: Sequence[Span]) -> list[tuple[int, int, str]]:
    """Resolved dates and attributive years ("a 2022 audit") as (start, end, ISO date)."""
    found = [(d.start, d.end, d.date) for d in dates if d.date]
    for m in _YEAR.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _ in found) \
                and not any(f.start < m.end() and m.start() < f.end for f in figures):
            found.append((m.start(), m.end(), m.group()))
    return sorted(found)


def figure_era(text: str, fig: Span, sentence: tuple[int, int], dated: Sequence[tuple[int, int, str]],
         figures: Sequence[Span], published: date | None) -> str | None:
    """The year of a past or future figure: "in 1998, a tremor killed 2,300 people" -> "1998".

    The date nearest the figure in its sentence counts when it stands before it (not
    "since 2015", not before a new clause "..., while X took 36"), or after it in the
    same clause with no other figure between; it makes an era when it lies a year or more
    before publication, or in a later year.
    """
    lo, hi = sentence
    best: tuple[int, str] | None = None
    for start, end, iso in dated:
        if not (lo <= start and end <= hi):
            continue
        if _prev_word(text, start) in P.ERA_SKIP_BEFORE and not re.match(r",?\s+when\b", text[end:end + 8]):
            continue  # "since 2015": up to now
        if end <= fig.start:
            between = text[end:fig.start]
            if re.search(rf"[,;]\s*(?:{'|'.join(P.CLAUSE_CONJUNCTIONS)})\b", between):
                continue
            distance = fig.start - end
        elif start >= fig.end:
            between = text[fig.end:start]
            if re.search(r"[,;:]", between):
                continue
            distance = start - fig.end
        else:
            continue
        if best is None or distance < best[0]:
            best = (distance, iso)
    if best is None or published is None:
        return None
    year = int(best[1][:4])
    month = int(best[1][5:7]) if len(best[1]) >= 7 else 12
    last_day = date(year, month, 28)
    if (published - last_day).days >= P.ERA_MIN_DAYS or year > published.year:
        return str(year)
    return None


def is_previous(text: str, fig: Span, figures: Sequence[Span]) -> bool:
    """An earlier value: "rose to $610m from $498m", "up from 58.2%", "Rs 95 crore a year earlier"."""
    before = text[max(0, fig.start - 40):fig.start]
    after = text[fig.end:fig.end + 30].lower()
    if any(after.lstrip(" ,").startswith(p) for p in P.PREVIOUS_AFTER):
        return True
    m = re.search(r"(\S+)\s+from\s+$", before)
    if not m:
        return False
    word = m.group(1).lower().strip(",")
    return word in ("up", "down") or any(0 <= fig.start - f.end <= len(m.group(0)) + 1 for f in figures
                                         if f.end <= fig.start)


@dataclass(frozen=True, slots=True)
class ParsedSubject:
    """What the parse says a figure counts: the head noun (lemma), its verb, the words."""

    head: str | None
    verb: str | None
    words: str | None


_MODIFIER_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod", "npadvmod", "poss"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def parse_subject(sentence: Doc, start: int, end: int) -> ParsedSubject | None:
    """Read the subject of the figure at [start, end) (offsets into ``sentence``) from the parse.

    1. the noun the number modifies, on either side: "15 bills", "$90 million rescue package";
    2. else the noun of "in"/"of" after it: "€2 billion in unspent reconstruction funds";
    3. else, for "a figure of", "to the tune of", the object of the verb it belongs to
       ("shifting money ..., to the tune of €2 billion" -> money); for "a death toll of
       1,200" the noun before "of";
    4. the verb: the first verb above the number (its lemma): "spent €5m" -> spend.
    """
    inside = [t for t in sentence if t.idx < end and t.idx + len(t) > start]
    if not inside:
        return None
    ids = {t.i for t in inside}
    tops = [t for t in inside if t.head.i not in ids or t.head.i == t.i] or inside[-1:]
    root = next((t for t in reversed(tops) if t.like_num or t.pos_ in ("NUM", "SYM", "NOUN")), tops[-1])
    noun = None
    if root.dep_ in _MODIFIER_DEPS and root.head.pos_ in _NOUNS and root.head.i not in ids:
        noun = root.head  # 1.
    if noun is None:  # 2.
        for prep in (c for c in root.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
            kinds = _NOUNS if prep.lower_ == "of" else {"NOUN"}  # "in London" is a place
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in kinds), None)
            if noun is not None:
                break
    if noun is None and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in _NOUNS:
        wrapper = root.head.head  # 3.
        if wrapper.lemma_.lower() in P.SUBJECT_WRAPPERS:
            verb = _verb_above(wrapper)
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ in _NOUNS),
                        None) if verb is not None else None
        else:
            noun = wrapper
    if noun is None and root.pos_ == "NOUN" and root.is_alpha and len(root) > 2 \
            and not any(root.lower_ in table for table in (P.FRACTIONS, P.SCALES, P.UNITS, P.TIME_UNITS,
                                                           P.MEASURE_UNITS, P.CURRENCY_WORDS, P.PERCENT_WORDS)):
        noun = root
    verb = _verb_above(noun if noun is not None and noun.i not in ids else root)
    words = None
    if noun is not None:
        kept = [t for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod") and t.i not in ids
                and not t.like_num]
        words = " ".join([*(t.text for t in kept), noun.text]) if noun.i not in ids else noun.text
    return ParsedSubject(noun.lemma_.lower() if noun is not None else None,
                         verb.lemma_.lower() if verb is not None else None, words)


def _verb_above(token: Token) -> Token | None:
    """The first verb at or above ``token`` in the parse."""
    seen = set()
    while token.i not in seen:
        if token.pos_ in ("VERB", "AUX"):
            return token
        seen.add(token.i)
        token = token.head
    return None
